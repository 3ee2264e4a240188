"""Dates of meetings, resolved against the article's publication date.

Weekday references are resolved by hand: past or present tense → the latest such day on or
before publication, future tense → the next one after it. Day-and-month phrases ("Aug. 2",
"10 June 1996", "June 10-12" → the first day) go to dateutil with the publication year as
default; without a year in the text or a publication date the day cannot be determined and
the date stays empty.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser

__all__ = ["resolve_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_DAY = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_RANGE = re.compile(r"\b(\d{1,2})\s*[-–]\s*\d{1,2}\b")


def resolve_date(text: str, published: dt.date | None, *, future: bool) -> dt.date | None:
    lower = text.lower()
    for index, name in enumerate(_WEEKDAYS):
        if name in lower:
            if published is None:
                return None
            delta = (index - published.weekday()) % 7
            if future:
                return published + dt.timedelta(days=delta or 7)
            return published - dt.timedelta(days=(published.weekday() - index) % 7)
    if not (_MONTH.search(text) and _DAY.search(text)):
        return None
    if published is None and not _YEAR.search(text):
        return None
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time())
    try:
        return parser.parse(_RANGE.sub(r"\1", text), default=base).date()
    except (ValueError, OverflowError):
        return None
