"""Writing the record: idempotence, concurrency, resuming after a kill, bad items, stories.

Every test runs on SQLite and on a real PostgreSQL server (the ``db_url`` fixture).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.schema import Article, Extraction, Stance
from accord.store import open_store
from tests.record_helpers import DEV, accord, accord_env, counts, dump, write_variants


def test_store_ingest_twice_changes_no_count(db_url: str) -> None:
    first = accord("ingest", "--annotations", str(DEV), "--db", db_url)
    assert first.returncode == 0, first.stderr
    after_one = counts(db_url)
    second = accord("ingest", "--annotations", str(DEV), "--db", db_url)
    assert second.returncode == 0, second.stderr
    assert counts(db_url) == after_one
    assert after_one["articles"] == 11
    assert after_one["stances"] == 59
    assert after_one["meetings"] == 13
    assert "11 already in the record" in second.stdout


def test_store_ingest_stores_every_annotated_fact(db_url: str) -> None:
    accord("ingest", "--annotations", str(DEV), "--db", db_url)
    found = counts(db_url)
    assert (found["negotiations"], found["actors"], found["statuses"]) == (11, 32, 8)


@pytest.mark.slow
def test_store_ingest_concurrent_runs_equal_one_run(db_url: str, tmp_path: Path) -> None:
    records = write_variants(tmp_path / "all.jsonl", copies=6).read_text().splitlines()
    half = len(records) // 2
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    first.write_text("\n".join(records[: half + 15]) + "\n")  # the halves overlap by 30 lines
    second.write_text("\n".join(records[half - 15 :]) + "\n")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "accord", "ingest", "--annotations", str(p), "--db", db_url],
            env=accord_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (first, second)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    single = f"sqlite:///{tmp_path / 'single.db'}"
    assert (
        accord("ingest", "--annotations", str(tmp_path / "all.jsonl"), "--db", single).returncode
        == 0
    )
    assert dump(db_url) == dump(single)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "malformed JSON"),
        ('{"id": "x", "title": "no text"}', "`text`"),
        ('["a", "list"]', "expected a JSON object"),
        ('{"id": "x", "text": "t", "stances": [{"party": "A"}]}', "`stances.0.issue`"),
    ],
)
def test_store_ingest_malformed_line_is_skipped_and_rest_stored(
    db_url: str, tmp_path: Path, bad_line: str, message: str
) -> None:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([*lines[:5], bad_line, *lines[5:]]) + "\n", encoding="utf-8")
    result = accord("ingest", "--annotations", str(mixed), "--db", db_url)
    assert result.returncode == 1
    assert f"{mixed}:6: [E609]" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert counts(db_url)["articles"] == 11


@pytest.mark.parametrize(
    ("party", "message"),
    [("Nul\x00Party", "NUL character"), ("P" * 400, "longer than 300")],
)
def test_store_ingest_hostile_names_refused_without_losing_stored_articles(
    db_url: str, party: str, message: str
) -> None:
    store = open_store(db_url)
    try:
        good = Article(id="good", text="Alpha demands a truce.")
        store.write(good, Extraction(id="good", parties=["Alpha"]), negotiation="t")
        bad = Article(id="bad", text="Beta says no.")
        hostile = Extraction(
            id="bad",
            stances=[Stance(party=party, issue="ceasefire", type="reject", evidence="no")],
        )
        with pytest.raises(ValueError, match=message):
            store.write(bad, hostile, negotiation="t")
        assert store.has_article("good")
        assert not store.has_article("bad")
    finally:
        store.close()


@pytest.mark.parametrize("span", [[0, 2**70], [2**70, 2**70 + 5], [5, 2], [-1, 3]])
def test_store_ingest_span_outside_the_text_is_refused_and_rest_stored(
    db_url: str, tmp_path: Path, span: list[int]
) -> None:
    hostile = {
        "id": "hostile-span",
        "text": "Alpha and Beta met. Alpha demands a ceasefire.",
        "parties": ["Alpha", "Beta"],
        "stances": [
            {
                "party": "Alpha",
                "issue": "ceasefire",
                "type": "demand",
                "evidence": "Alpha demands",
                "span": span,
            }
        ],
    }
    lines = DEV.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([*lines[:3], json.dumps(hostile), *lines[3:]]) + "\n", "utf-8")
    result = accord("ingest", "--annotations", str(mixed), "--db", db_url)
    assert result.returncode == 1
    assert "stances[0].span" in result.stderr and "lies outside the text" in result.stderr
    assert "Traceback" not in result.stderr
    assert counts(db_url)["articles"] == 11


def _copy(article_id: str, text: str, url: str) -> tuple[Article, Extraction]:
    stance = Stance(party="Alpha", issue="ceasefire", type="demand", evidence="Alpha demands")
    return (
        Article(id=article_id, url=url, text=text),
        Extraction(id=article_id, parties=["Alpha", "Beta"], stances=[stance]),
    )


WIRE = (
    "Alpha demands an immediate ceasefire along the northern front, its chief negotiator said "
    "after a second day of talks with Beta in the lakeside town, where mediators pressed both "
    "delegations to agree on a timetable for prisoner exchanges and the reopening of two roads."
)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_store_near_duplicates_form_one_story_in_any_order(
    db_url: str, order: tuple[int, int, int]
) -> None:
    copies = [
        _copy("a1", WIRE, "https://one.example/a"),
        _copy("a2", "Breaking: " + WIRE + " More follows.", "https://two.example/b"),
        _copy("a3", "Beta rejects any timetable. " * 5, "https://three.example/c"),
    ]
    store = open_store(db_url)
    try:
        for k in order:
            store.write(*copies[k], negotiation="t")
    finally:
        store.close()
    rows = {row[0]: row for row in dump(db_url)["articles"]}
    assert rows["a1"][2] == rows["a2"][2]  # story_id
    assert rows["a3"][2] != rows["a1"][2]
    assert counts(db_url)["stories"] == 2


def test_store_negotiation_assigned_by_shared_parties(db_url: str) -> None:
    store = open_store(db_url)
    try:
        named = store.write(
            *_copy("n1", "Alpha demands a truce now.", "u1"), negotiation="Lake talks"
        )
        joined = store.write(*_copy("n2", "Alpha demands a truce, Beta says.", "u2"))
        lone = Extraction(id="n3", parties=["Gamma"])
        alone = store.write(Article(id="n3", text="Gamma is silent."), lone)
    finally:
        store.close()
    assert (named.negotiation, joined.negotiation, alone.negotiation) == (
        "Lake talks",
        "Lake talks",
        "Gamma",
    )


def test_store_unreachable_database_is_one_line_error() -> None:
    result = accord("board", "--db", "postgresql://nobody@127.0.0.1:9/none")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "[E600]" in result.stderr


def test_store_ingest_json_summary_lists_problems(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "z", "text": "fine text here"}\n\xff\xfe\n')
    result = accord("ingest", "--annotations", str(bad), "--db", db_url, "--json")
    summary = json.loads(result.stdout)
    assert summary["stored"] == 1
    assert [p["where"] for p in summary["problems"]] == ["2"]
