"""The seed article (corpus id ``seed``) yields what the issue asks for."""

from __future__ import annotations

import functools

from accord.schema import Extraction
from tests.extract_support import as_article, dev_records, extractor


@functools.cache
def seed() -> Extraction:
    record = next(r for r in dev_records() if r["id"] == "seed")
    return extractor().extract(as_article(record))


def test_extract_seed_parties() -> None:
    assert {"Ukraine", "United States", "Russia"} <= set(seed().parties)


def test_extract_seed_actor_parties() -> None:
    parties = {a.name: a.party for a in seed().actors}
    assert parties["Rustem Umerov"] == "Ukraine"
    assert parties["Steve Witkoff"] == "United States"
    assert parties["Jared Kushner"] == "United States"


def test_extract_seed_meeting_in_florida() -> None:
    meetings = [m for m in seed().meetings if m.location and "Florida" in m.location]
    assert len(meetings) == 1
    assert {"Rustem Umerov", "Steve Witkoff", "Jared Kushner"} <= set(meetings[0].participants)


def test_extract_seed_meeting_duration() -> None:
    assert [m.duration for m in seed().meetings] == ["more than four hours"]


def test_extract_seed_russian_demands() -> None:
    demands = {(s.party, s.issue) for s in seed().stances if s.type == "demand"}
    assert ("Russia", "territory") in demands
    assert ("Russia", "alliance_membership") in demands
    assert ("Russia", "military") in demands


def test_extract_seed_ukraine_rejects_territory() -> None:
    rejections = {(s.party, s.issue) for s in seed().stances if s.type == "reject"}
    assert ("Ukraine", "territory") in rejections


def test_extract_seed_us_condition_links_guarantees_to_deal() -> None:
    conditions = [s for s in seed().stances if s.type == "condition" and s.party == "United States"]
    assert [s.issue for s in conditions] == ["security_guarantees"]
    assert conditions[0].condition is not None
    assert "peace deal" in conditions[0].evidence


def test_extract_seed_sources() -> None:
    sources = [s.lower() for s in seed().sources]
    assert "wall street journal" in sources
    assert any(s.startswith("a source close to") for s in sources)


def test_extract_seed_evidence_spans_point_into_text() -> None:
    record = seed()
    text = next(r for r in dev_records() if r["id"] == "seed")["text"]
    for stance in record.stances:
        assert stance.span is not None
        assert text[stance.span[0] : stance.span[1]] == stance.evidence
