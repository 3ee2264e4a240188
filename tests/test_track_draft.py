"""Drafting scenarios from the record: valid input for the models, every number sourced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import InputError
from accord.schema import Article, Extraction, Stance, load_scenario
from accord.store import open_store
from accord.track.draft import cinc_table, draft_scenario, scenario_yaml
from tests.record_helpers import run_cli

SEED = "Russia-Ukraine war peace talks"


def _talks(db_url: str) -> None:
    """Two dated articles: the United States demands, Hamas rejects, both on two issues."""
    store = open_store(db_url)
    texts = [
        "The United States demands a ceasefire. Hamas rejects the ceasefire. "
        "The United States demands a hostage release.",
        "Hamas offers a hostage release. Hamas rejects the ceasefire again.",
    ]
    stances = [
        [
            ("United States", "ceasefire", "demand", "The United States demands a ceasefire."),
            ("Hamas", "ceasefire", "reject", "Hamas rejects the ceasefire."),
            ("United States", "humanitarian", "demand", "The United States demands a hostage"),
        ],
        [
            ("Hamas", "humanitarian", "offer", "Hamas offers a hostage release."),
            ("Hamas", "ceasefire", "reject", "Hamas rejects the ceasefire again."),
        ],
    ]
    try:
        for k, (text, found) in enumerate(zip(texts, stances, strict=True)):
            extraction = Extraction(
                id=f"t{k}",
                stances=[Stance(party=p, issue=i, type=t, evidence=e) for p, i, t, e in found],
            )
            day = dt.date(2026, 1, 1) + dt.timedelta(days=20 * k)
            store.write(
                Article(id=f"t{k}", published=day, text=text), extraction, negotiation="Gaza"
            )
    finally:
        store.close()


def test_track_draft_is_valid_scenario_file(db_url: str, tmp_path: Path) -> None:
    _talks(db_url)
    store = open_store(db_url)
    try:
        text = scenario_yaml(draft_scenario(store, "Gaza"))
    finally:
        store.close()
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path)
    assert {i.id for i in scenario.issues} == {"ceasefire", "humanitarian"}
    assert {a.id for a in scenario.actors} == {"united_states", "hamas"}


def test_track_draft_places_demand_above_rejection(db_url: str) -> None:
    _talks(db_url)
    store = open_store(db_url)
    try:
        scenario = draft_scenario(store, "Gaza")
    finally:
        store.close()
    stakes = {(s.actor, s.issue): s for s in scenario.stakes}
    assert stakes["united_states", "ceasefire"].position == 90.0
    assert stakes["hamas", "ceasefire"].position == 10.0
    # Hamas speaks twice to the ceasefire, once to hostages: the ceasefire matters more to it
    assert stakes["hamas", "ceasefire"].salience > stakes["hamas", "humanitarian"].salience


def test_track_draft_every_number_has_provenance(db_url: str) -> None:
    _talks(db_url)
    store = open_store(db_url)
    try:
        scenario = draft_scenario(store, "Gaza")
    finally:
        store.close()
    for stake in scenario.stakes:
        for key in ("position", "salience"):
            cited = stake.provenance[key]
            assert cited.source == "stances"
            assert cited.stance_ids and all(i.startswith("st_") for i in cited.stance_ids)
    sources = {a.id: a.provenance["capability"].source for a in scenario.actors}
    assert sources == {"united_states": "import", "hamas": "default"}


def test_track_draft_state_capability_is_cinc_from_table(db_url: str) -> None:
    _talks(db_url)
    store = open_store(db_url)
    try:
        scenario = draft_scenario(store, "Gaza")
    finally:
        store.close()
    us = scenario.actor("united_states")
    assert us.capability == pytest.approx(cinc_table()["united states"].cinc * 1000, abs=1e-4)
    assert "COW NMC v6.0" in (us.provenance["capability"].note or "")


def test_track_draft_is_deterministic(db_url: str) -> None:
    _talks(db_url)
    store = open_store(db_url)
    try:
        first = scenario_yaml(draft_scenario(store, "Gaza"))
        second = scenario_yaml(draft_scenario(store, "Gaza"))
    finally:
        store.close()
    assert first == second


def test_track_draft_of_single_party_negotiation_is_one_line_error(
    dev_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run_cli(
        capsys, "draft-scenario", "--negotiation", "Cyprus reunification talks", "--db", dev_db
    )
    assert status == 1
    assert "[E606]" in err and err.count("\n") == 1


def test_track_draft_cli_writes_yaml_for_seed(
    dev_db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "seed.yaml"
    status, _out, err = run_cli(
        capsys, "draft-scenario", "-n", SEED, "--db", dev_db, "--out", str(out)
    )
    assert status == 0, err
    scenario = load_scenario(out)
    assert [i.id for i in scenario.issues] == ["territory"]


def test_track_draft_rejects_missing_stances_before_as_of(db_url: str) -> None:
    _talks(db_url)
    store = open_store(db_url)
    try:
        with pytest.raises(InputError, match="E606"):
            draft_scenario(store, "Gaza", as_of="2025-01-01")
    finally:
        store.close()


def test_track_cinc_table_holds_shares_matched_by_name_and_alias() -> None:
    table = cinc_table()
    states = {s.stateabb: s for s in table.values()}
    assert all(0 < s.cinc < 1 and s.year == 2016 for s in states.values())
    assert table["russian federation"] is table["russia"] is table["rus"]
