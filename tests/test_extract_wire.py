"""Rules found with the second probe set (wire-style copy about other negotiations), each on
hand-written sentences that share no names or wording with the probe (one behaviour per test)."""

from __future__ import annotations

import pytest

from tests.extract_support import extract


def stances(text: str) -> set[tuple[str, str, str]]:
    return {(s.party, s.issue, s.type) for s in extract(text).stances}


def actor_party(text: str, name: str) -> str | None:
    return next(a.party for a in extract(text).actors if a.name == name)


@pytest.mark.parametrize("region", ["South American", "Latin American", "Central American"])
def test_extract_continental_demonym_is_not_the_united_states(region: str) -> None:
    text = (
        f"Canada met {region} negotiators in Ottawa. {region} negotiators rejected "
        "Canada's offer on tariffs."
    )
    assert "United States" not in extract(text).parties


def test_extract_past_office_yields_to_the_current_role() -> None:
    text = (
        "Former Kenyan President Daniel Moi, the United Nations envoy to the talks, said "
        "Chad and Libya had agreed to exchange prisoners."
    )
    assert actor_party(text, "Daniel Moi") == "United Nations"


def test_extract_counterpart_party_is_not_the_speakers() -> None:
    text = (
        "Peru and Chile resumed border talks in Lima. Minister Luis Ortega told his Chilean "
        "counterpart that Peru would not sign the deal, according to a Peruvian statement."
    )
    assert actor_party(text, "Luis Ortega") == "Peru"
