"""Exports of the record's facts: stances, events and meetings as JSONL, CSV and Parquet,
and events as PLOVER-compatible JSON records.

Rows are sorted by date (undated last), article and id, so the same record always exports
to the same bytes. PLOVER records carry the event type, mode, actor and recipient, the
issue's PLOVER contexts, the evidence span and citation; not the article text (PLOVER
reserves ``text`` for material one has the rights to).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

import pyarrow as pa
import pyarrow.parquet as pq
import yaml
from sqlalchemy import select

from accord.errors import InputError
from accord.store import Store
from accord.store.models import (
    EventRow,
    MeetingParticipant,
    MeetingRow,
    Negotiation,
    StanceRow,
    StoredArticle,
)
from accord.track._common import find_negotiation

__all__ = ["FORMATS", "TABLES", "Format", "Table", "export", "plover", "rows"]

Table = Literal["stances", "events", "meetings"]
Format = Literal["jsonl", "csv", "parquet", "plover"]
TABLES: tuple[Table, ...] = ("stances", "events", "meetings")
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet", "plover")

_STANCE_FIELDS = (
    "party", "issue", "type", "holder", "target", "negated", "condition", "attribution",
    "confidence", "extractor",
)  # fmt: skip
_EVENT_FIELDS = ("type", "mode", "source", "target", "location", "issue")
_MEETING_FIELDS = ("location", "duration")
_MODELS: dict[str, type[StanceRow | EventRow | MeetingRow]] = {
    "stances": StanceRow,
    "events": EventRow,
    "meetings": MeetingRow,
}
_FIELDS = {"stances": _STANCE_FIELDS, "events": _EVENT_FIELDS, "meetings": _MEETING_FIELDS}


def rows(store: Store, table: Table, negotiation: str | None = None) -> list[dict[str, Any]]:
    """Every row of ``table`` (in one negotiation when given) as plain JSON-ready dicts."""
    model = _MODELS[table]
    with store.session() as session:
        scope = []
        if negotiation is not None:
            scope.append(model.negotiation_id == find_negotiation(session, negotiation).id)
        found = session.execute(
            select(model, StoredArticle, Negotiation.name)
            .join(StoredArticle, StoredArticle.id == model.article_id)
            .join(Negotiation, Negotiation.id == model.negotiation_id)
            .where(*scope)
            .order_by(model.date.asc().nulls_last(), model.article_id, model.id)
        ).all()
        who: dict[str, list[str]] = defaultdict(list)
        if table == "meetings":
            for meeting_id, name in session.execute(
                select(MeetingParticipant.meeting_id, MeetingParticipant.name).order_by(
                    MeetingParticipant.name
                )
            ):
                who[meeting_id].append(name)
    out = []
    for found_fact, article, name in found:
        fact = cast(StanceRow | EventRow | MeetingRow, found_fact)
        row: dict[str, Any] = {
            "id": fact.id,
            "negotiation": name,
            "date": fact.date.isoformat() if fact.date else None,
            **{field: getattr(fact, field) for field in _FIELDS[table]},
        }
        if table == "meetings":
            row["participants"] = who[fact.id]
        row |= {
            "evidence": fact.evidence,
            "span_start": fact.span_start,
            "span_end": fact.span_end,
            "article_id": article.id,
            "story_id": article.story_id,
            "url": article.url,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
        }
        out.append(row)
    return out


@cache
def _plover_contexts() -> dict[str, list[str]]:
    """PLOVER contexts per issue, from the issue taxonomy shipped with the package."""
    text = resources.files("accord.data").joinpath("issues.yaml").read_text("utf-8")
    taxonomy: dict[str, Any] = yaml.safe_load(text) or {}
    return {
        issue: list(entry.get("plover", []))
        for issue, entry in taxonomy.items()
        if isinstance(entry, dict)
    }


def plover(row: dict[str, Any]) -> dict[str, Any] | None:
    """One event row as a PLOVER JSON record; ``None`` when it has no date (PLOVER needs one)."""
    date = row["date"] or row["published"]
    if date is None:
        return None
    record: dict[str, Any] = {
        "id": row["id"],
        "date": date,
        "event": [row["type"]],
        "actor": [{"entity_text": row["source"]}] if row["source"] else [],
    }
    if row["target"]:
        record["recipient"] = [{"entity_text": row["target"]}]
    if row["mode"]:
        record["mode"] = [row["mode"]]
    contexts = _plover_contexts().get(row["issue"] or "", [])
    if contexts:
        record["context"] = contexts
    if row["span_start"] is not None:
        record["text_info"] = {"start": row["span_start"], "end": row["span_end"]}
    record["cite_info"] = {
        key: value
        for key, value in (
            ("url", row["url"]),
            ("title", row["title"]),
            ("publication", row["outlet"]),
        )
        if value
    }
    notes = [f"issue: {row['issue']}"] if row["issue"] else []
    notes += [f"location: {row['location']}"] if row["location"] else []
    notes += [f"negotiation: {row['negotiation']}", f"article: {row['article_id']}"]
    record["comment"] = "; ".join(notes)
    return record


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """CSV cells hold no lists: participants are joined with '; '."""
    return {k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()}


def _jsonl(records: Iterator[dict[str, Any]], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
            count += 1
    return count


def export(
    store: Store, table: Table, fmt: Format, out: Path, *, negotiation: str | None = None
) -> int:
    """Write ``table`` to ``out`` in ``fmt``; returns the number of records written."""
    if fmt == "plover" and table != "events":
        raise InputError("E610", source="accord export", fmt=fmt, allowed="events")
    found = rows(store, table, negotiation)
    try:
        if fmt == "jsonl":
            return _jsonl(iter(found), out)
        if fmt == "plover":
            return _jsonl((r for r in map(plover, found) if r is not None), out)
        if fmt == "csv":
            with out.open("w", encoding="utf-8", newline="") as stream:
                writer = csv.DictWriter(stream, fieldnames=_columns(table), lineterminator="\n")
                writer.writeheader()
                writer.writerows(_flat(r) for r in found)
            return len(found)
        columns = _columns(table)
        arrays = {c: [r[c] for r in found] for c in columns}
        pq.write_table(pa.table(arrays, schema=_schema(table)), out)
        return len(found)
    except OSError as exc:
        raise InputError("E607", source=str(out), path=out, reason=exc.strerror) from exc


def _columns(table: Table) -> list[str]:
    head = ["id", "negotiation", "date", *_FIELDS[table]]
    head += ["participants"] if table == "meetings" else []
    return [*head, "evidence", "span_start", "span_end", "article_id", "story_id", "url",
            "title", "outlet", "published"]  # fmt: skip


def _schema(table: Table) -> pa.Schema:
    """Explicit Parquet types, so an empty export has the same schema as a full one."""
    types: dict[str, pa.DataType] = {
        "negated": pa.bool_(),
        "confidence": pa.float64(),
        "span_start": pa.int64(),
        "span_end": pa.int64(),
        "participants": pa.list_(pa.string()),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in _columns(table)])
