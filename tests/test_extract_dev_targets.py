"""Dev-set F1 reaches the issue's targets (real model and corpus, the `accord eval` scorer)."""

from __future__ import annotations

import functools

import pytest

from accord.extract.scoring import Report, score
from tests.extract_support import as_article, dev_records, extractor

TARGETS = {
    "parties": 0.75,
    "actors": 0.85,
    "actor_party": 0.60,
    "issues": 0.70,
    "stances_party_issue": 0.45,
    "stances_party_issue_type": 0.30,
}


@functools.cache
def report() -> Report:
    gold = dev_records()
    predictions = {
        r.id: r.model_dump(mode="json") for r in extractor().pipe(as_article(g) for g in gold)
    }
    return score(gold, predictions)


@pytest.mark.slow
@pytest.mark.parametrize(("field", "target"), sorted(TARGETS.items()))
def test_extract_dev_f1_reaches_target(field: str, target: float) -> None:
    assert report().fields[field].f1 >= target
