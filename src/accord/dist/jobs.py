"""The jobs Accord sends to Dask workers, as plain top-level functions over batches."""

from __future__ import annotations

from functools import cache

from accord.extract import Extractor
from accord.schema import Article, Extraction

__all__ = ["extract_batch"]


@cache
def _extractor() -> Extractor:
    # One spaCy pipeline per worker process, loaded by its first batch and kept.
    return Extractor()


def extract_batch(batch: list[Article]) -> list[Extraction]:
    """Extract every article of one batch on a worker (one ``nlp.pipe`` over the batch)."""
    return list(_extractor().pipe(batch, batch_size=len(batch) or 1))
