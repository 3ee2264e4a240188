"""Extraction rules on short hand-written sentences: one general behaviour per test."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.extract import NAME_VERSION, Extractor
from accord.schema import Article
from tests.extract_support import as_article, dev_records, extract, extractor


def stances(text: str) -> set[tuple[str, str, str]]:
    return {(s.party, s.issue, s.type) for s in extract(text).stances}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Moscow rejected the ceasefire proposal.", "Russia"),
        ("The Kremlin rejected the ceasefire proposal.", "Russia"),
        ("Kyiv rejected the ceasefire proposal.", "Ukraine"),
        ("Kiev rejected the ceasefire proposal.", "Ukraine"),
        ("Washington rejected the ceasefire proposal.", "United States"),
        ("The Ukrainian side rejected the ceasefire proposal.", "Ukraine"),
        ("Pyongyang rejected the ceasefire proposal.", "North Korea"),
        ("Brussels rejected the ceasefire proposal.", "European Union"),
    ],
)
def test_extract_metonyms_resolve_to_their_party(text: str, party: str) -> None:
    assert extract(text).parties == [party]


def test_extract_capital_as_a_place_is_no_party() -> None:
    record = extract("Negotiators from Armenia and Azerbaijan held talks in Moscow on Tuesday.")
    assert set(record.parties) == {"Armenia", "Azerbaijan"}


def test_extract_fuzzy_match_catches_misspelled_state() -> None:
    assert extract("Azerbaijian rejected the proposal on territory.").parties == ["Azerbaijan"]


def test_extract_civil_conflict_government_side() -> None:
    text = (
        "The Taliban said they would free 1,000 prisoners. "
        "Afghanistan's negotiators said the Taliban must first agree to a ceasefire."
    )
    assert "Afghan government" in extract(text).parties


def test_extract_embedded_clause_is_the_speakers_demand() -> None:
    text = "Serbia insists that Kosovo must dissolve its army and accept a new border."
    found = stances(text)
    assert ("Serbia", "military", "demand") in found
    assert ("Serbia", "territory", "demand") in found
    assert not any(party == "Kosovo" for party, _, _ in found)


def test_extract_negated_acceptance_is_a_rejection() -> None:
    record = extract("Tehran said it would not accept any limit on uranium enrichment.")
    assert [(s.party, s.issue, s.type, s.negated) for s in record.stances] == [
        ("Iran", "military", "reject", True)
    ]


def test_extract_not_ruling_out_is_an_offer() -> None:
    assert ("Turkey", "military", "offer") in stances(
        "Ankara did not rule out a withdrawal of its troops."
    )


def test_extract_only_if_links_a_condition() -> None:
    record = extract("Hamas will release the hostages only if Israel agrees to a ceasefire.")
    by_issue = {s.issue: s for s in record.stances if s.party == "Hamas"}
    assert by_issue["ceasefire"].type == "condition"
    assert by_issue["ceasefire"].condition == "only if Israel agrees to a ceasefire"
    assert by_issue["humanitarian"].type == "offer"


@pytest.mark.parametrize("marker", ["unless", "in exchange for", "before"])
def test_extract_condition_markers(marker: str) -> None:
    clause = {
        "unless": "unless sanctions are lifted",
        "in exchange for": "in exchange for sanctions relief",
        "before": "before sanctions are lifted",
    }[marker]
    text = f"Iran offered to cut its enrichment {clause}."
    assert ("Iran", "sanctions_economy", "condition") in stances(text)


def test_extract_coordinated_issues_give_one_stance_each() -> None:
    found = stances("The Taliban rejected the proposal for a prisoner exchange and a ceasefire.")
    assert found == {("Taliban", "humanitarian", "reject"), ("Taliban", "ceasefire", "reject")}


def test_extract_coordinated_subjects_each_hold_the_stance() -> None:
    found = stances("Egypt and Qatar urged the two sides to agree on a truce.")
    assert found == {("Egypt", "ceasefire", "support"), ("Qatar", "ceasefire", "support")}


def test_extract_possessive_demand_noun() -> None:
    found = stances("Ukraine rejected Russia's demand for recognition of the annexed regions.")
    assert ("Russia", "territory", "demand") in found
    assert ("Ukraine", "territory", "reject") in found


def test_extract_attribution_to_an_outlet() -> None:
    record = extract("According to Reuters, Ankara offered to host the next round of talks.")
    assert record.sources == ["Reuters"]
    assert [s.attribution for s in record.stances] == ["Reuters"]


def test_extract_unnamed_source_is_listed() -> None:
    record = extract("A diplomat said two officials from Oman met the envoys. Sources said so.")
    assert "Sources" in record.sources


def test_extract_actor_role_and_party_from_title() -> None:
    record = extract("Armenian Foreign Minister Ararat Mirzoyan said the border must be marked.")
    assert [(a.name, a.party, a.role) for a in record.actors] == [
        ("Ararat Mirzoyan", "Armenia", "Armenian Foreign Minister")
    ]


def test_extract_surname_mentions_join_the_full_name() -> None:
    text = (
        "Qatar's Prime Minister Hamad Al Sabah hosted the talks. "
        "Sabah said a deal on hostages was close."
    )
    record = extract(text)
    assert [a.name for a in record.actors] == ["Hamad Al Sabah"]
    assert {s.holder for s in record.stances} <= {"Hamad Al Sabah", "Qatar"}


def test_extract_meeting_with_weekday_resolved_against_publication() -> None:
    record = extract("Envoys from Qatar and Egypt met Hamas leaders in Cairo on Monday.")
    assert len(record.meetings) == 1
    meeting = record.meetings[0]
    assert set(meeting.participants) == {"Qatar", "Egypt", "Hamas"}
    assert meeting.location == "Cairo"
    assert meeting.date == dt.date(2024, 3, 11)


def test_extract_phone_call_is_no_meeting() -> None:
    assert extract("The leaders of Egypt and Qatar spoke by phone on Monday.").meetings == []


def test_extract_events_follow_stances_and_meetings() -> None:
    record = extract("Envoys from Qatar and Egypt met Hamas leaders in Cairo on Monday.")
    assert [e.type for e in record.events] == ["CONSULT"]


def test_extract_stamps_id_and_extractor_version() -> None:
    record = extractor().extract(Article(id="a-1", text="Moscow rejected the ceasefire plan."))
    assert record.id == "a-1"
    assert Extractor.name_version == NAME_VERSION
    assert {s.extractor for s in record.stances} == {NAME_VERSION}


def test_extract_pipe_keeps_input_order() -> None:
    articles = [Article(id=str(i), text=f"Talks number {i} opened.") for i in range(20)]
    ids = [r.id for r in extractor().pipe(articles, batch_size=3)]
    assert ids == [str(i) for i in range(20)]


def test_extract_empty_text_gives_an_empty_record() -> None:
    record = extractor().extract(Article(id="e", text=" "))
    assert (record.parties, record.stances, record.meetings) == ([], [], [])


def test_extract_overlong_text_is_cut_at_a_paragraph_break() -> None:
    short = Extractor(max_chars=120)
    text = "Moscow rejected the ceasefire plan.\n\n" + "Kyiv said nothing new. " * 20
    record = short.extract(Article(id="long", text=text))
    assert record.parties == ["Russia"]


def test_extract_clause_under_demand_verb_is_the_demanders() -> None:
    found = stances("The PLO demanded that Israel free the prisoners.")
    assert found == {("Palestine Liberation Organization", "humanitarian", "demand")}


def test_extract_listed_states_all_hold_the_stance() -> None:
    text = "A group of the United States, Russia, France and Germany warned that sanctions "
    text += "would be tightened unless the plan was accepted."
    holders = {party for party, _, _ in stances(text)}
    assert holders == {"United States", "Russia", "France", "Germany"}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Bosnian Serb leaders rejected the new border map.", "Bosnian Serbs"),
        ("Greek Cypriot negotiators rejected the new border map.", "Greek Cypriots"),
    ],
)
def test_extract_communities_are_not_their_kin_state(text: str, party: str) -> None:
    assert extract(text).parties == [party]


@pytest.mark.parametrize(
    ("text", "party", "target"),
    [
        (
            "Russia insists that Ukraine must give up its claim to the territory.",
            "Russia",
            "Ukraine",
        ),
        ("Egypt called on Hamas to accept a ceasefire.", "Egypt", "Hamas"),
        (
            "Ukraine rejected Russia's demand for recognition of the annexed regions.",
            "Ukraine",
            "Russia",
        ),
    ],
)
def test_extract_stance_target(text: str, party: str, target: str) -> None:
    assert {s.target for s in extract(text).stances if s.party == party} == {target}


@pytest.mark.slow
def test_extract_two_processes_give_the_same_records() -> None:
    articles = [as_article(r) for r in dev_records()[:4]]
    one = [r.model_dump() for r in extractor().pipe(articles, n_process=1)]
    two = [r.model_dump() for r in extractor().pipe(articles, batch_size=2, n_process=2)]
    assert one == two


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Assistant Secretary of State Jane Holloway said the talks would resume.",
            "United States",
        ),
        ("Talks chaired by independent mediator Anna Lindqvist resumed in Oslo.", "mediator"),
    ],
)
def test_extract_office_gives_the_actor_party(text: str, party: str) -> None:
    assert [a.party for a in extract(text).actors] == [party]


def test_extract_must_agree_under_speech_is_a_demand() -> None:
    found = stances("Qatar said Hamas must agree to a ceasefire before any prisoner release.")
    assert ("Qatar", "ceasefire", "demand") in found
    assert not any(party == "Hamas" for party, _, _ in found)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Moscow rejected the ceasefire proposal.", ["Russia"]),
        (
            "The Soviet Union and the United States met in Geneva. "
            "Moscow rejected the ceasefire proposal.",
            ["Soviet Union", "United States"],
        ),
        (
            "North Vietnamese delegates met US envoys in Paris. "
            "Hanoi rejected the US proposal for a troop withdrawal.",
            ["North Vietnam", "United States"],
        ),
    ],
)
def test_extract_shared_capital_goes_to_the_state_the_article_names(
    text: str, parties: list[str]
) -> None:
    assert extract(text, published="1985-11-20").parties == parties


def test_extract_definite_stance_noun_takes_the_previous_issues() -> None:
    text = "Russia demanded a new border in the east. Ukraine rejected the demand."
    assert ("Ukraine", "territory", "reject") in stances(text)
