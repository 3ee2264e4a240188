"""Exports of stored facts: JSONL, CSV, Parquet, and PLOVER JSON for events."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from accord.report.exports import export
from accord.schema import Article, Event, Extraction, Meeting
from accord.store import open_store
from tests.record_helpers import run_cli

TEXT = "Alpha and Beta met in Geneva. Alpha asked Beta to release the prisoners."


@pytest.fixture
def events_db(db_url: str) -> str:
    extraction = Extraction(
        id="e1",
        parties=["Alpha", "Beta"],
        meetings=[Meeting(participants=["Beta", "Alpha"], location="Geneva", evidence=TEXT[:29])],
        events=[
            Event(
                type="CONSULT", source="Alpha", target="Beta", location="Geneva", evidence=TEXT[:29]
            ),
            Event(
                type="REQUEST",
                mode="yield",
                source="Alpha",
                target="Beta",
                issue="humanitarian",
                evidence="Alpha asked Beta to release the prisoners.",
            ),
        ],
    )
    article = Article(
        id="e1",
        url="https://news.example/e1",
        outlet="Example",
        published=dt.date(2026, 2, 3),
        text=TEXT,
    )
    store = open_store(db_url)
    try:
        store.write(article, extraction, negotiation="Lake")
    finally:
        store.close()
    return db_url


@pytest.mark.parametrize("table", ["events", "meetings"])
def test_report_exports_jsonl_lists_every_row(events_db: str, tmp_path: Path, table: str) -> None:
    out = tmp_path / "x.jsonl"
    store = open_store(events_db)
    try:
        count = export(store, table, "jsonl", out)  # type: ignore[arg-type]
    finally:
        store.close()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == count == (2 if table == "events" else 1)
    assert all(r["url"] == "https://news.example/e1" for r in records)


def test_report_exports_csv_joins_participants(events_db: str, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    store = open_store(events_db)
    try:
        export(store, "meetings", "csv", out)
    finally:
        store.close()
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["participants"], row["location"], row["date"]) == (
        "Alpha; Beta",
        "Geneva",
        "2026-02-03",
    )


def test_report_exports_parquet_keeps_types(events_db: str, tmp_path: Path) -> None:
    out = tmp_path / "m.parquet"
    store = open_store(events_db)
    try:
        export(store, "meetings", "parquet", out)
    finally:
        store.close()
    table = pq.read_table(out)
    assert table.column("participants").to_pylist() == [["Alpha", "Beta"]]
    assert str(table.schema.field("span_start").type) == "int64"


def test_report_exports_plover_records(events_db: str, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    store = open_store(events_db)
    try:
        export(store, "events", "plover", out)
    finally:
        store.close()
    records = {r["event"][0]: r for r in map(json.loads, out.read_text().splitlines())}
    request = records["REQUEST"]
    assert request["date"] == "2026-02-03"
    assert request["actor"] == [{"entity_text": "Alpha"}]
    assert request["recipient"] == [{"entity_text": "Beta"}]
    assert request["mode"] == ["yield"]
    assert request["cite_info"]["url"] == "https://news.example/e1"
    start, end = request["text_info"]["start"], request["text_info"]["end"]
    assert TEXT[start:end] == "Alpha asked Beta to release the prisoners."
    assert {"id", "date", "actor", "event"} <= set(request)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["export", "stances", "--format", "plover", "--out", "x"], "[E610]"),
        (["export", "rows", "--format", "csv", "--out", "x"], "[E900]"),
        (["export", "events", "--format", "xlsx", "--out", "x"], "[E900]"),
        (["export", "events", "--format", "csv", "--out", "/nonexistent/dir/x.csv"], "[E607]"),
    ],
)
def test_report_exports_bad_request_is_one_line_error(
    events_db: str, capsys: pytest.CaptureFixture[str], args: list[str], code: str
) -> None:
    status, _out, err = run_cli(capsys, *args, "--db", events_db)
    assert status == 1
    assert code in err and err.count("\n") == 1
