"""Dev-set F1 reaches the issue's targets (real model and corpus, the `accord eval` scorer)."""

from __future__ import annotations

import pytest

from tests.extract_support import DEV, report

TARGETS = {
    "parties": 0.75,
    "actors": 0.85,
    "actor_party": 0.60,
    "issues": 0.70,
    "stances_party_issue": 0.45,
    "stances_party_issue_type": 0.30,
}


@pytest.mark.slow
@pytest.mark.parametrize(("field", "target"), sorted(TARGETS.items()))
def test_extract_dev_f1_reaches_target(field: str, target: float) -> None:
    assert report(DEV).fields[field].f1 >= target
