"""Views over the record: ``accord board|timeline|diff|actors|network|evidence|negotiations``.

Each prints a rich table, or with ``--json`` the view's JSON (its schema is published
under ``accord schema``). Unknown negotiations and ids end in a one-line error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel, TypeAdapter
from rich.table import Table

from accord.cli._app import app, console, err_console
from accord.cli.ingest_cmd import DbOption
from accord.cli.schema_cmd import SCHEMAS
from accord.errors import InputError
from accord.report import exports
from accord.schema.record import (
    ActorSummary,
    Board,
    Diff,
    EvidenceRecord,
    IngestSummary,
    NegotiationSummary,
    Network,
    TimelineEntry,
)
from accord.store import Store, open_store
from accord.track import (
    actors,
    board,
    diff,
    evidence,
    negotiations,
    network,
    timeline,
    write_graphml,
)
from accord.track.draft import draft_scenario, scenario_yaml

__all__: list[str] = []

NegotiationOption = Annotated[
    str | None, typer.Option("--negotiation", "-n", help="Negotiation name (or id).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

#: Colour of each stance type on the board.
STYLE = {
    "demand": "bold red",
    "reject": "red",
    "oppose": "magenta",
    "condition": "yellow",
    "offer": "cyan",
    "support": "green",
    "accept": "bold green",
}


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


def _emit(
    value: BaseModel | Sequence[BaseModel], as_json: bool, render: Callable[[], None]
) -> None:
    if as_json:
        if isinstance(value, BaseModel):
            console.print_json(value.model_dump_json(), indent=2)
        else:
            payload = [v.model_dump(mode="json") for v in value]
            console.print_json(json.dumps(payload, ensure_ascii=False), indent=2)
    else:
        render()


def _board_table(view: Board) -> Table:
    title = f"{view.negotiation}" + (f" as of {view.as_of}" if view.as_of else "")
    table = Table("issue", *view.parties, "status", title=title, show_lines=True)
    status = {s.issue: s for s in view.statuses}
    for issue in view.issues:
        row = []
        for party in view.parties:
            cell = view.cell(issue, party)
            if cell is None:
                row.append("")
                continue
            when = cell.date.isoformat() if cell.date else "undated"
            row.append(
                f"[{STYLE[cell.type]}]{cell.type}[/] {when}\n"
                f"{cell.article_count} art. · {cell.stance_ids[0]}"
            )
        state = status.get(issue)
        row.append(state.status or "" if state else "")
        table.add_row(issue, *row)
    return table


@app.command("board")
def board_command(
    negotiation: NegotiationOption = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Issues × parties: each party's latest stance per issue, its date and evidence ids.

    Example: accord board --negotiation "Harbour talks" --as-of 2026-03-01
    """
    with _store(db) as store:
        view = board(store, negotiation, as_of)
    _emit(view, as_json, lambda: console.print(_board_table(view)))


def _timeline_table(entries: list[TimelineEntry], title: str) -> Table:
    table = Table("date", "kind", "who", "issue", "what", "id", title=title)
    for e in entries:
        who = e.party or ", ".join(e.participants)
        what = e.type or (f"at {e.location}" if e.location else "")
        if e.previous:
            what = f"{e.previous} → {what}"
        style = STYLE.get(e.type or "", "")
        table.add_row(
            e.date.isoformat() if e.date else "undated",
            e.kind,
            who,
            e.issue or "",
            f"[{style}]{what}[/]" if style else what,
            e.id,
        )
    return table


@app.command("timeline")
def timeline_command(
    negotiation: NegotiationOption = None,
    party: Annotated[str | None, typer.Option("--party", help="Only this party.")] = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Only this issue.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Newest entries shown.")] = 200,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Meetings, stances (with changes), statuses and events in date order.

    Example: accord timeline --party Russia --issue territory --since 2025-11-01
    """
    with _store(db) as store:
        entries = timeline(
            store,
            negotiation=negotiation,
            party=party,
            issue=issue,
            since=since,
            until=until,
            limit=limit,
        )
    title = negotiation or "all negotiations"
    _emit(entries, as_json, lambda: console.print(_timeline_table(entries, title)))


@app.command("diff")
def diff_command(
    since: Annotated[str, typer.Option("--since", help="YYYY-MM-DD (required).")],
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD.")] = None,
    negotiation: NegotiationOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """What is new or changed since a date: cells, statuses, new facts and articles.

    Example: accord diff --since 2025-11-24
    """
    with _store(db) as store:
        view = diff(store, since, negotiation=negotiation, until=until)

    def render() -> None:
        changes = Table("issue", "party", "before", "after", "evidence", title="changed cells")
        for c in view.changed_cells:
            changes.add_row(c.issue, c.party, c.before or "—", c.after, c.stance_ids[0])
        console.print(changes)
        states = Table("issue", "status", "date", title="status changes")
        for s in view.status_changes:
            states.add_row(s.issue, s.status or "", s.date.isoformat() if s.date else "undated")
        console.print(states)
        console.print(_timeline_table(view.new_entries, f"new since {view.since}"))

    _emit(view, as_json, render)


@app.command("actors")
def actors_command(
    negotiation: NegotiationOption = None, db: DbOption = None, as_json: JsonOption = False
) -> None:
    """People in the record: party, roles, first and last seen.

    Example: accord actors --negotiation "Harbour talks"
    """
    with _store(db) as store:
        people = actors(store, negotiation=negotiation)

    def render() -> None:
        table = Table("name", "party", "roles", "first seen", "last seen", "articles", "id")
        for a in people:
            table.add_row(
                a.name,
                a.party or "",
                "; ".join(a.roles),
                a.first_seen.isoformat() if a.first_seen else "",
                a.last_seen.isoformat() if a.last_seen else "",
                str(a.article_count),
                a.id,
            )
        console.print(table)

    _emit(people, as_json, render)


@app.command("network")
def network_command(
    negotiation: NegotiationOption = None,
    graphml: Annotated[
        Path | None, typer.Option("--graphml", help="Also write the graph to this file.")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who met whom, from the reported meetings; GraphML export for Gephi and friends.

    Example: accord network --graphml talks.graphml
    """
    with _store(db) as store:
        net = network(store, negotiation=negotiation)
    if graphml is not None:
        write_graphml(net, graphml)

    def render() -> None:
        table = Table("a", "b", "meetings", "first", "last", title="who met whom")
        for e in sorted(net.edges, key=lambda e: (-e.weight, e.source, e.target)):
            table.add_row(
                e.source,
                e.target,
                str(e.weight),
                e.first.isoformat() if e.first else "",
                e.last.isoformat() if e.last else "",
            )
        console.print(table)

    _emit(net, as_json, render)


@app.command("evidence")
def evidence_command(
    fact_id: Annotated[str, typer.Argument(metavar="ID", help="st_…, mt_…, ev_… or ss_… id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The article, sentence and URL behind one stored fact.

    Example: accord evidence st_aae1bc84f43c3c4c
    """
    with _store(db) as store:
        record = evidence(store, fact_id)

    def render() -> None:
        console.print(f"[bold]{record.summary}[/]  ({record.id})")
        console.print(f"“{record.sentence or '—'}”", highlight=False)
        when = record.published.isoformat() if record.published else "undated"
        console.print(
            f"{record.title or record.article_id} · {record.outlet or ''} · {when}", highlight=False
        )
        console.print(record.url or "(no URL)", highlight=False)
        for url in record.other_sources:
            console.print(f"  also: {url}", highlight=False)

    _emit(record, as_json, render)


@app.command("negotiations")
def negotiations_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """The negotiations in the record and how much each holds.

    Example: accord negotiations --json
    """
    with _store(db) as store:
        found = negotiations(store)

    def render() -> None:
        table = Table("name", "articles", "stories", "stances", "meetings", "first", "last")
        for n in found:
            table.add_row(
                n.name,
                str(n.articles),
                str(n.stories),
                str(n.stances),
                str(n.meetings),
                n.first.isoformat() if n.first else "",
                n.last.isoformat() if n.last else "",
            )
        console.print(table)

    _emit(found, as_json, render)


def _list_schema(model: type[BaseModel]) -> Callable[[], dict[str, Any]]:
    return lambda: TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]


SCHEMAS.update(
    {
        "board": Board.model_json_schema,
        "timeline": _list_schema(TimelineEntry),
        "diff": Diff.model_json_schema,
        "actors": _list_schema(ActorSummary),
        "network": Network.model_json_schema,
        "evidence": EvidenceRecord.model_json_schema,
        "negotiations": _list_schema(NegotiationSummary),
        "ingest-summary": IngestSummary.model_json_schema,
    }
)


@app.command("draft-scenario")
def draft_scenario_command(
    negotiation: NegotiationOption = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Draft a scenario (YAML) for accord forecast / bargain from the record's stances.

    Example: accord draft-scenario --negotiation "Harbour talks" > scenario.yaml
    """
    with _store(db) as store:
        text = scenario_yaml(draft_scenario(store, negotiation, as_of))
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError("E607", source=str(out), path=out, reason=exc.strerror) from exc


@app.command("export")
def export_command(
    table: Annotated[str, typer.Argument(help="stances, events or meetings.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet or plover.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    negotiation: NegotiationOption = None,
    db: DbOption = None,
) -> None:
    """Export stored facts (PLOVER JSON records for events with --format plover).

    Example: accord export events --format plover --out events.jsonl
    """
    if table not in exports.TABLES:
        raise InputError(
            "E900",
            source="accord export",
            reason=f"unknown table {table!r}; use {', '.join(exports.TABLES)}",
        )
    if fmt not in exports.FORMATS:
        raise InputError(
            "E900",
            source="accord export",
            reason=f"unknown format {fmt!r}; use {', '.join(exports.FORMATS)}",
        )
    with _store(db) as store:
        count = exports.export(
            store,
            table,
            fmt,
            out,
            negotiation=negotiation,
        )
    err_console.print(f"wrote {count} {table} to {out} ({fmt})", highlight=False)
