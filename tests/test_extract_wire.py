"""Rules found with the second probe set (wire-style copy about other negotiations), each on
hand-written sentences that share no names or wording with the probe (one behaviour per test)."""

from __future__ import annotations

import pytest

from accord.extract.actors import _placelike
from tests.extract_support import extract, extractor


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


@pytest.mark.parametrize(
    "clause",
    [
        "Chad and Libya failed to agree on a ceasefire",
        "Chad and Libya ended two days of talks without agreeing on a ceasefire",
    ],
)
def test_extract_failing_to_agree_is_no_acceptance(clause: str) -> None:
    text = f"{clause} in Tripoli on Monday, officials said."
    assert not any(kind == "accept" for _, _, kind in stances(text))


def test_extract_deadline_is_not_a_condition() -> None:
    text = (
        "Chad and Libya resumed talks. The Libyan envoy urged Chad to sign a ceasefire "
        "before the end of the month."
    )
    found = stances(text)
    assert ("Libya", "ceasefire", "support") in found
    assert not any(kind == "condition" for _, _, kind in found)


@pytest.mark.parametrize(
    "verb", ["broke off the negotiations", "walked out of the talks", "suspended the talks"]
)
def test_extract_leaving_the_talks_is_a_reject_on_process(verb: str) -> None:
    text = f"Chad {verb} with Libya on troop withdrawals and border patrols on Monday."
    found = stances(text)
    assert ("Chad", "process", "reject") in found
    assert ("Chad", "military", "reject") not in found


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Chile demanded that Peru pull back its soldiers from the river valley.", "territory"),
        ("Chile demanded challenge inspections of Peruvian sites.", "military"),
        ("Peru agreed to reunite separated families living across the line.", "humanitarian"),
        ("Peru called for an investigation of atrocities in the highlands.", "justice"),
        ("Peru and Chile agreed on Monday to stop fighting.", "ceasefire"),
    ],
)
def test_extract_general_issue_terms(text: str, issue: str) -> None:
    assert issue in extract(text).issues


def test_extract_peace_settlement_is_not_territory() -> None:
    text = "Peru and Chile resumed talks. Peru called for a peace settlement."
    assert "territory" not in extract(text).issues


def test_extract_trade_bloc_is_a_party() -> None:
    text = (
        "Canada and Mercosur reached a trade agreement in Ottawa. Mercosur said the deal "
        "would cut tariffs on beef, and Canada agreed to lower duties on cars."
    )
    assert "Mercosur" in extract(text).parties


def test_extract_named_movement_in_a_coordinated_subject_holds_the_stance() -> None:
    text = (
        "Angola's government and the UNITA rebel movement signed a ceasefire agreement in "
        "Lusaka on Sunday, mediators said."
    )
    assert ("UNITA", "ceasefire", "accept") in stances(text)


def test_extract_family_name_first_links_the_later_mention() -> None:
    text = (
        "North Korean envoy Kim Yong-nam met Japanese diplomats in Beijing. "
        "Kim said the North wanted food aid."
    )
    assert [a.name for a in extract(text).actors] == ["Kim Yong-nam"]


@pytest.mark.parametrize(
    ("sentence", "word", "placelike"),
    [
        ("Troops withdrew from Ossetia on Monday.", "Ossetia", True),
        ("The talks covered the return of displaced Ossetians.", "Ossetians", True),
        ("Aid will go to Ossetia.", "Ossetia", True),
        ("Talks with Ivanov resumed.", "Ivanov", False),
        ("Ivanov said the talks had resumed.", "Ivanov", False),
    ],
)
def test_extract_lone_word_as_people_or_destination_is_no_person(
    sentence: str, word: str, placelike: bool
) -> None:
    doc = extractor().nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert _placelike(token) is placelike


def test_extract_agreeing_to_maintain_is_an_acceptance() -> None:
    text = (
        "Peru and Chile held talks. Both sides agreed to maintain contact and to hold the "
        "next round of talks soon."
    )
    assert ("Peru", "process", "accept") in stances(text)


def test_extract_passive_expectation_is_no_demand() -> None:
    text = "Peru and Chile held talks. Chile is expected to lift its tariffs on copper."
    assert not any(kind == "demand" for _, _, kind in stances(text))


def test_extract_both_demands_refer_back_to_the_other_partys_demands() -> None:
    text = (
        "Peru and Chile held talks. Peru demanded that Chile dismantle its missile sites. "
        "Chile rejected both demands."
    )
    assert ("Chile", "military", "reject") in stances(text)


def test_extract_initialling_an_agreement_is_an_acceptance() -> None:
    text = "Peru and Chile initialled an agreement on Friday to hold a referendum in the region."
    found = stances(text)
    assert {("Peru", "governance", "accept"), ("Chile", "governance", "accept")} <= found


def test_extract_allies_named_by_their_alliance_make_it_act() -> None:
    text = "Moscow demanded a missile freeze. Washington and its NATO allies rejected the demand."
    assert ("NATO", "military", "reject") in stances(text)


@pytest.mark.parametrize(
    "clause",
    [
        "Chad will free three rebel fighters",
        "Chad will hand over the two captured soldiers",
        "Chad will release two soldiers and four fighters",
    ],
)
def test_extract_freed_fighters_are_prisoners_not_forces(clause: str) -> None:
    found = stances(f"Chad and Libya held talks in Tripoli. {clause}, officials said.")
    assert ("Chad", "humanitarian", "offer") in found
    assert ("Chad", "military", "offer") not in found


def test_extract_handed_over_weapons_stay_military() -> None:
    found = stances("Chad and Libya held talks in Tripoli. The rebels will hand over weapons.")
    assert not any(issue == "humanitarian" for _, issue, _ in found)


def test_extract_term_of_an_agreement_is_not_its_subjects_offer() -> None:
    text = (
        "Chad and Libya signed an accord on Sunday under which Nigerian troops will withdraw "
        "from the border villages."
    )
    found = stances(text)
    assert ("Chad", "territory", "accept") in found
    assert not any(party == "Nigeria" for party, _, _ in found)


def test_extract_security_service_is_military() -> None:
    text = "Chad and Libya held talks. Chad demanded that Libya dissolve its secret police."
    assert "military" in extract(text).issues


@pytest.mark.parametrize(
    "call",
    [
        "urged Chad and Libya to implement the deal quickly",
        "called on Chad and Libya to conclude a peace settlement",
    ],
)
def test_extract_implementing_or_settling_alone_is_about_the_process(call: str) -> None:
    text = f"Chad and Libya held talks in Tripoli. The United Nations {call}."
    assert ("United Nations", "process", "support") in stances(text)


def test_extract_clause_of_a_statement_belongs_to_the_speaker() -> None:
    text = (
        "Chad and Libya held talks. The Chadian leader, Idriss Deby, said in a statement "
        "carried by the official news agency that Chad would deploy more missiles unless "
        "the Libyan build-up was halted."
    )
    assert ("Chad", "military", "condition") in stances(text)


def test_extract_nested_coordinated_stance_is_cut_from_the_outer_clause() -> None:
    text = (
        "Chad and Libya held talks. The Arab League urged both parties to implement the "
        "pact fully and called for an international investigation of atrocities."
    )
    found = stances(text)
    assert ("Arab League", "process", "support") in found
    assert ("Arab League", "justice", "support") not in found


def test_extract_attendees_of_a_meeting_take_part_whatever_the_attachment() -> None:
    text = (
        "The accord was signed at a summit in Lima attended by the presidents of Peru, "
        "Chile and Bolivia."
    )
    participants = {p for m in extract(text).meetings for p in m.participants}
    assert {"Peru", "Chile", "Bolivia"} <= participants


def test_extract_closing_a_round_reports_a_meeting() -> None:
    meetings = extract("Peru and Chile concluded two rounds of talks on Friday.").meetings
    assert [m.participants for m in meetings] == [["Peru", "Chile"]]
