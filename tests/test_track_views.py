"""Views over the record: board, timeline, diff, actors, network, evidence, negotiations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.schema import Article, Extraction, Meeting, Stance, StatusCue
from accord.store import open_store
from accord.track import board, diff, timeline
from tests.record_helpers import run_cli

SEED = "Russia-Ukraine war peace talks"
runner = CliRunner()


def cli_json(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("issue", "party", "type_", "words"),
    [
        ("territory", "Russia", "demand", "troop withdrawal from Donbass"),
        ("territory", "Ukraine", "reject", "Ukraine continues to reject"),
        ("security_guarantees", "United States", "condition", "expects a peace deal before"),
    ],
)
def test_track_board_seed_cell_has_evidence(
    dev_db: str, issue: str, party: str, type_: str, words: str
) -> None:
    view = cli_json("board", "--negotiation", SEED, "--db", dev_db)
    cell = next(c for c in view["cells"] if c["issue"] == issue and c["party"] == party)
    assert (cell["type"], cell["date"], cell["article_count"]) == (type_, "2025-12-01", 1)
    proof = cli_json("evidence", cell["stance_ids"][0], "--db", dev_db)
    assert words in proof["sentence"]
    assert proof["url"].startswith("https://english.alahednews.news/")
    assert proof["span"] is not None


def test_track_board_reports_issue_status(dev_db: str) -> None:
    view = cli_json("board", "--negotiation", SEED, "--db", dev_db)
    assert {s["issue"]: s["status"] for s in view["statuses"]} == {
        "security_guarantees": "unresolved"
    }


def test_track_board_as_of_before_any_article_is_empty(dev_db: str) -> None:
    view = cli_json("board", "--negotiation", SEED, "--as-of", "2025-11-30", "--db", dev_db)
    assert view["cells"] == []


def _story(db_url: str) -> None:
    """Three dated articles: Alpha demands, then offers; a status moves; a meeting."""
    store = open_store(db_url)
    days = [dt.date(2026, 1, 5), dt.date(2026, 2, 2), dt.date(2026, 3, 9)]
    texts = [
        "Alpha demands a ceasefire. Talks are deadlocked.",
        "Alpha and Beta met in Lakeside. Beta rejects the ceasefire plan.",
        "Alpha offers a ceasefire in the north. Progress is reported.",
    ]
    facts = [
        (
            [Stance(party="Alpha", issue="ceasefire", type="demand", evidence="Alpha demands")],
            "deadlocked",
            [],
        ),
        (
            [Stance(party="Beta", issue="ceasefire", type="reject", evidence="Beta rejects")],
            None,
            [Meeting(participants=["Alpha", "Beta"], location="Lakeside", date=days[1])],
        ),
        (
            [Stance(party="Alpha", issue="ceasefire", type="offer", evidence="Alpha offers")],
            "progress",
            [],
        ),
    ]
    try:
        for k, (day, text, (stances, status, meetings)) in enumerate(
            zip(days, texts, facts, strict=True)
        ):
            cues = [StatusCue(issue="ceasefire", status=status)] if status else []
            extraction = Extraction(
                id=f"s{k}",
                parties=["Alpha", "Beta"],
                stances=stances,
                status=cues,
                meetings=meetings,
            )
            store.write(
                Article(id=f"s{k}", published=day, text=text), extraction, negotiation="Lake"
            )
    finally:
        store.close()


def test_track_board_latest_stance_wins_and_keeps_history(db_url: str) -> None:
    _story(db_url)
    store = open_store(db_url)
    try:
        view = board(store, "Lake")
        early = board(store, "Lake", as_of="2026-01-31")
    finally:
        store.close()
    alpha = view.cell("ceasefire", "Alpha")
    assert alpha is not None and (alpha.type, alpha.history) == ("offer", ["demand"])
    first = early.cell("ceasefire", "Alpha")
    assert first is not None and first.type == "demand"
    assert early.cell("ceasefire", "Beta") is None


def test_track_timeline_marks_stance_changes_in_order(db_url: str) -> None:
    _story(db_url)
    store = open_store(db_url)
    try:
        entries = timeline(store, negotiation="Lake", party="Alpha")
    finally:
        store.close()
    stances = [(e.type, e.previous) for e in entries if e.kind == "stance"]
    assert stances == [("demand", None), ("offer", "demand")]
    assert [e.kind for e in entries] == ["stance", "meeting", "stance"]


def test_track_timeline_filters_by_issue_and_dates(db_url: str) -> None:
    _story(db_url)
    store = open_store(db_url)
    try:
        entries = timeline(store, issue="ceasefire", since="2026-02-01", until="2026-02-28")
    finally:
        store.close()
    assert [(e.kind, e.party) for e in entries] == [("stance", "Beta")]


def test_track_diff_lists_changed_cells_and_statuses(db_url: str) -> None:
    _story(db_url)
    store = open_store(db_url)
    try:
        change = diff(store, "2026-02-01", negotiation="Lake")
    finally:
        store.close()
    cells = {(c.party, c.before, c.after) for c in change.changed_cells}
    assert cells == {("Alpha", "demand", "offer"), ("Beta", None, "reject")}
    assert [(s.issue, s.status) for s in change.status_changes] == [("ceasefire", "progress")]
    assert change.new_articles == ["s1", "s2"]


def test_track_actors_lists_roles_and_dates(dev_db: str) -> None:
    people = cli_json("actors", "--negotiation", SEED, "--db", dev_db)
    rubio = next(p for p in people if p["name"] == "Marco Rubio")
    assert (rubio["party"], rubio["roles"], rubio["first_seen"]) == (
        "United States",
        ["Secretary of State"],
        "2025-12-01",
    )


def test_track_network_exports_graphml(dev_db: str, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    net = cli_json("network", "--negotiation", SEED, "--graphml", str(out), "--db", dev_db)
    graph = nx.read_graphml(out)
    assert graph.has_edge("Rustem Umerov", "Steve Witkoff")
    assert graph.number_of_edges() == len(net["edges"]) == 10  # 5 participants, one meeting


def test_track_negotiations_lists_every_negotiation(dev_db: str) -> None:
    found = cli_json("negotiations", "--db", dev_db)
    assert len(found) == 11
    seed = next(n for n in found if n["name"] == SEED)
    assert (seed["articles"], seed["stances"], seed["meetings"]) == (1, 6, 1)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["board", "--negotiation", "No such talks"], "[E601]"),
        (["board"], "[E604]"),
        (["evidence", "st_0000000000000000"], "[E602]"),
        (["evidence", "nonsense"], "[E602]"),
        (["board", "--negotiation", SEED, "--as-of", "yesterday"], "[E603]"),
        (["diff", "--since", "2025-02-30"], "[E603]"),
    ],
)
def test_track_bad_request_is_one_line_error(
    dev_db: str, capsys: pytest.CaptureFixture[str], args: list[str], code: str
) -> None:
    status, _out, err = run_cli(capsys, *args, "--db", dev_db)
    assert status == 1
    assert code in err
    assert err.count("\n") == 1


def test_track_board_of_empty_record_is_one_line_error(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run_cli(capsys, "board", "--db", db_url)
    assert (status, "[E605]" in err) == (1, True)
