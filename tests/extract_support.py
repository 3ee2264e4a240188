"""Shared helpers for the extraction tests: one real pipeline per worker, corpus access."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from accord.extract import Extractor
from accord.extract.scoring import Report, score
from accord.schema import Article, Extraction

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DEV = CORPUS / "dev.jsonl"


@functools.cache
def extractor() -> Extractor:
    return Extractor()


def extract(text: str, *, published: str | None = "2024-03-15") -> Extraction:
    return extractor().extract(Article(id="t", text=text, published=published))


def records(path: Path) -> list[dict[str, Any]]:
    """The annotated records of a corpus-format JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def dev_records() -> list[dict[str, Any]]:
    return records(DEV)


@functools.cache
def report(path: Path) -> Report:
    """The `accord eval` scores of the real extractor on the gold records in ``path``."""
    gold = records(path)
    predictions = {
        r.id: r.model_dump(mode="json") for r in extractor().pipe(as_article(g) for g in gold)
    }
    return score(gold, predictions)


def as_article(record: dict[str, Any]) -> Article:
    return Article(
        id=record["id"],
        title=record.get("title"),
        url=record.get("url"),
        published=record.get("published"),
        text=record["text"],
    )
