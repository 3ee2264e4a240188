"""Meeting dates resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.extract.dates import resolve_date

FRIDAY = dt.date(2024, 3, 15)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Friday", False, FRIDAY),
        ("Monday", False, dt.date(2024, 3, 11)),
        ("Monday", True, dt.date(2024, 3, 18)),
        ("Friday", True, dt.date(2024, 3, 22)),
        ("Aug. 2", False, dt.date(2024, 8, 2)),
        ("10 June 1996", False, dt.date(1996, 6, 10)),
    ],
)
def test_extract_dates_resolve(text: str, future: bool, expected: dt.date) -> None:
    assert resolve_date(text, FRIDAY, future=future) == expected


@pytest.mark.parametrize("text", ["Monday", "Aug. 2", "last year", "the 1990s", "next week"])
def test_extract_dates_unresolvable_stay_empty(text: str) -> None:
    assert resolve_date(text, None, future=False) is None
