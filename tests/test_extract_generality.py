"""Rules that carry the extractor beyond its dev articles, on hand-written sentences about
negotiations of other places and decades (one behaviour per test)."""

from __future__ import annotations

import pytest

from tests.extract_support import extract


def stances(text: str) -> set[tuple[str, str, str]]:
    return {(s.party, s.issue, s.type) for s in extract(text).stances}


@pytest.mark.parametrize(
    "subject",
    ["the two delegations", "both delegations", "the two countries", "the parties", "both sides"],
)
def test_extract_collective_subject_stands_for_the_main_parties(subject: str) -> None:
    text = (
        "Negotiators from Armenia and Azerbaijan met in Vienna on Monday. "
        f"Officials said {subject} agreed to exchange all prisoners of war."
    )
    found = stances(text)
    assert ("Armenia", "humanitarian", "accept") in found
    assert ("Azerbaijan", "humanitarian", "accept") in found


def test_extract_counted_collective_takes_that_many_parties() -> None:
    text = (
        "Angola, Cuba and South Africa opened talks in Geneva. Angola spoke first, then "
        "Cuba and South Africa replied. The three countries agreed to a ceasefire."
    )
    parties = {p for p, issue, kind in stances(text) if (issue, kind) == ("ceasefire", "accept")}
    assert parties == {"Angola", "Cuba", "South Africa"}


@pytest.mark.parametrize("marker", ["until", "unless", "before"])
def test_extract_refusal_with_a_linked_requirement_is_a_condition(marker: str) -> None:
    text = (
        "Armenia and Azerbaijan resumed talks. Armenia said it would not discuss trade "
        f"{marker} Azerbaijan's troops withdraw from the disputed villages."
    )
    found = stances(text)
    assert ("Armenia", "territory", "condition") in found
    assert ("Armenia", "sanctions_economy", "reject") not in found


def test_extract_clause_under_until_is_no_stance_of_its_own() -> None:
    text = (
        "Armenia and Azerbaijan resumed talks. Armenia said it would not discuss trade "
        "until Azerbaijan's troops withdraw from the disputed villages."
    )
    assert not any(party == "Azerbaijan" for party, _, _ in stances(text))


def test_extract_only_before_if_makes_an_acceptance_conditional() -> None:
    text = "Britain said it would only sign a trade agreement if the bloc dropped its tariffs."
    found = stances(text)
    assert ("United Kingdom", "sanctions_economy", "condition") in found
    assert ("United Kingdom", "sanctions_economy", "accept") not in found


def test_extract_only_after_links_a_condition() -> None:
    text = "The Contras said their fighters would disarm only after free elections were held."
    assert ("Contras", "governance", "condition") in stances(text)


def test_extract_clause_under_a_demand_verb_is_demanded_not_offered() -> None:
    text = "Croatia demanded that the prisoners be released and handed over to the Red Cross."
    found = stances(text)
    assert ("Croatia", "humanitarian", "demand") in found
    assert ("Croatia", "humanitarian", "offer") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's foreign minister said the talks would go on until an agreement is reached.",
        "Kenya's foreign minister said negotiators will meet again in December.",
    ],
)
def test_extract_forecast_about_the_talks_commits_no_party(text: str) -> None:
    assert extract(text).stances == []


def test_extract_unless_on_an_unowned_forecast_is_still_a_condition() -> None:
    text = (
        "Sri Lanka and the LTTE met. "
        '"The truce will collapse unless the militias are disarmed," the LTTE said.'
    )
    assert ("LTTE", "military", "condition") in stances(text)


def test_extract_rejected_terms_take_the_other_partys_demand() -> None:
    text = (
        "Hamas demanded a full withdrawal of Israeli troops from the Gaza Strip. "
        "Israel rejected those terms on Wednesday."
    )
    found = stances(text)
    assert ("Israel", "territory", "reject") in found


def test_extract_signing_with_a_party_makes_it_accept() -> None:
    text = "Russia signed an agreement with Turkey on Friday to reopen the ports to grain ships."
    found = stances(text)
    assert ("Russia", "humanitarian", "accept") in found
    assert ("Turkey", "humanitarian", "accept") in found


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Georgia demanded that Russia withdraw its troops from the disputed town.", "territory"),
        ("Georgia demanded a withdrawal of Russian forces from the two regions.", "territory"),
        ("Angola demanded that Cuba withdraw its troops from Angola.", "military"),
    ],
)
def test_extract_withdrawal_from_an_area_is_territory(text: str, issue: str) -> None:
    assert {i for _, i, _ in stances(text)} == {issue}


def test_extract_place_phrase_does_not_name_an_issue() -> None:
    text = "Eritrea called for an immediate ceasefire along the whole frontier."
    assert stances(text) == {("Eritrea", "ceasefire", "demand")}


def participants(text: str) -> set[str]:
    return {name for m in extract(text).meetings for name in m.participants}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Negotiators from Ethiopia and Eritrea met in Nairobi on Tuesday for a third round "
            "of talks mediated by the African Union.",
            {"Ethiopia", "Eritrea", "African Union"},
        ),
        (
            "Armenia and Azerbaijan held talks in Moscow. Kazakhstan, which hosted the talks, "
            "praised both delegations.",
            {"Armenia", "Azerbaijan", "Kazakhstan"},
        ),
        (
            "Serbia and Kosovo agreed on Monday to reopen the crossing after two days of talks.",
            {"Serbia", "Kosovo"},
        ),
        (
            "Sudan and South Sudan signed an oil agreement in the Ethiopian capital on Thursday.",
            {"Sudan", "South Sudan"},
        ),
        (
            "The signing ceremony in Doha was attended by Qatar, the United States and "
            "the Taliban.",
            {"Qatar", "United States", "Taliban"},
        ),
    ],
)
def test_extract_meeting_participants_include_hosts_and_signatories(
    text: str, expected: set[str]
) -> None:
    assert participants(text) >= expected


def test_extract_city_hosting_talks_is_a_venue_not_a_participant() -> None:
    text = "Havana to host talks between Colombia's government and the FARC rebels."
    assert "Cuba" not in participants(text)


def test_extract_dateline_is_not_the_subject_of_the_first_clause() -> None:
    text = (
        "Truce agreed\n\nQUITO, Ecuador — Colombia's government and the ELN agreed on Monday "
        "to a bilateral ceasefire."
    )
    holders = {party for party, _, _ in stances(text)}
    assert "ELN" in holders
    assert "Ecuador" not in holders


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Philippine government is ready to discuss wider autonomy for Mindanao.", "offer"),
        ("Israel was prepared to agree to a pause in fighting.", "offer"),
        ("Serbia is open to a new border arrangement.", "support"),
    ],
)
def test_extract_readiness_to_act_is_an_offer(text: str, kind: str) -> None:
    assert {k for _, _, k in stances(text)} == {kind}


def test_extract_commitment_to_keep_pressing_is_the_inner_demand() -> None:
    text = "Washington would keep pressing for strict limits on Iran's uranium enrichment."
    assert stances(text) == {("United States", "military", "demand")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The status of Badme remains unresolved.", [("territory", "unresolved")]),
        ("The Nairobi talks remain deadlocked.", []),
        ("The issue remains unresolved.", []),
    ],
)
def test_extract_status_of_a_named_place_is_territory(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    record = extract(f"Ethiopia and Eritrea met in Nairobi. {sentence}")
    assert [(s.issue, s.status) for s in record.status] == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Juan Manuel Santos said on Twitter that the truce would hold.",
        "The meeting between India and China was held at Moldo on Monday.",
    ],
)
def test_extract_place_or_medium_after_a_preposition_is_no_person(text: str) -> None:
    names = {a.name for a in extract(text).actors}
    assert not names & {"Twitter", "Moldo"}


def test_extract_relative_clause_gives_the_actor_party() -> None:
    text = (
        "Nicaragua's government and the Contras signed a truce. Defense Minister Humberto "
        "Ortega, who led the Nicaraguan delegation, said the Contras must disarm."
    )
    parties = {a.name: a.party for a in extract(text).actors}
    assert parties["Humberto Ortega"] in ("Nicaragua", "Nicaraguan government")


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        (
            "Nicaragua and the Contras agreed to a truce after talks in a town near the border.",
            {"ceasefire"},
        ),
        (
            "Armenia and Azerbaijan agreed to reopen the road between the border towns.",
            {"humanitarian"},
        ),
        ("Iran called for a withdrawal of all forces to the recognised borders.", {"territory"}),
        ("The United States wants China to end forced technology transfer.", {"sanctions_economy"}),
    ],
)
def test_extract_issue_words_that_only_locate_or_modify_yield(text: str, issues: set[str]) -> None:
    assert {i for _, i, _ in stances(text)} == issues


def test_extract_committing_subject_names_no_issue() -> None:
    text = (
        "The European Union said the bloc would only sign a free-trade agreement if Britain "
        "accepted common rules on state subsidies."
    )
    assert {i for _, i, _ in stances(text)} == {"sanctions_economy"}


def test_extract_joining_a_government_is_no_alliance_membership() -> None:
    text = "The SPLM-IO said it would join the transitional government."
    assert {i for _, i, _ in stances(text)} == {"governance"}


def test_extract_militants_refer_to_the_armed_group() -> None:
    text = "The United States and the Taliban met in Doha. The militants rejected a ceasefire."
    assert ("Taliban", "ceasefire", "reject") in stances(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Colombia and the ELN met. The ELN said it would suspend kidnappings.", "offer"),
        ("The ELN suspended the prisoner exchange.", "reject"),
    ],
)
def test_extract_suspending_hostile_acts_is_a_concession(text: str, kind: str) -> None:
    assert ("ELN", "humanitarian", kind) in stances(text)


def test_extract_agreeing_to_meet_again_is_about_the_process() -> None:
    text = "Ethiopia and Eritrea met in Algiers. The two sides agreed to meet again in April."
    found = stances(text)
    assert {("Ethiopia", "process", "accept"), ("Eritrea", "process", "accept")} <= found


def test_extract_counterpart_is_the_other_side() -> None:
    text = (
        "EU negotiator Michel Barnier met Britain's team. His British counterpart David Frost "
        "said London could not accept common rules on state subsidies."
    )
    holders = {p for p, _, kind in stances(text) if kind == "reject"}
    assert holders == {"United Kingdom"}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Kiir and Machar signed the deal in Khartoum. The deal, brokered by Sudan and "
            "Uganda, shares power between the two men.",
            "Uganda",
        ),
        ("The deal was negotiated on behalf of IGAD by two neighbouring states.", "IGAD"),
    ],
)
def test_extract_a_broker_named_once_is_a_party(text: str, party: str) -> None:
    assert party in extract(text).parties
