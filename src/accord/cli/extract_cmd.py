"""``accord extract INPUT... [--jsonl]``: read articles and print what they say.

Every input is read with :func:`accord.ingest.read_inputs` (files, folders, globs, ``-``,
JSONL, HTML, feeds). A bad item is reported on stderr and skipped; the rest is extracted.
Exit code 0 when every item was read, 1 when any was skipped (the output still holds
every article that could be read).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from accord.cli._app import app, console, err_console
from accord.errors import InputError
from accord.extract import Extractor
from accord.ingest import IngestProblem, read_inputs
from accord.schema import Article, Extraction

__all__ = ["extract_command", "print_summary"]


class _Articles:
    """Articles from the inputs; problems go to stderr as they are met and are counted."""

    def __init__(self, inputs: list[str], *, fetch_urls: bool) -> None:
        self.inputs = inputs
        self.fetch_urls = fetch_urls
        self.problems = 0
        self.articles = 0

    def __iter__(self) -> Iterator[Article]:
        for item in read_inputs(self.inputs, fetch_urls=self.fetch_urls):
            if isinstance(item, IngestProblem):
                self.problems += 1
                err_console.print(f"[yellow]skipped[/]: {item}", highlight=False, markup=True)
            else:
                self.articles += 1
                yield item


@app.command("extract")
def extract_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, URLs or '-' for stdin.")
    ],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="One JSON object per article (corpus schema).")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 16,
    processes: Annotated[int, typer.Option(min=1, help="Worker processes for spaCy.")] = 1,
    fetch: Annotated[bool, typer.Option(help="Download http(s) inputs.")] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Extract on Dask: 'local' for a local cluster, or a scheduler address such "
            "as tcp://host:8786 (batches of --batch-size articles; output in input order)."
        ),
    ] = None,
) -> None:
    """Extract parties, actors, issues, stances, meetings, events, status and sources.

    Example: accord extract ../shared/corpus/dev.jsonl --jsonl > extractions.jsonl
    """
    articles = _Articles(inputs, fetch_urls=fetch)
    if scheduler is not None:
        _extract_on_dask(articles, scheduler, batch_size=batch_size, jsonl=jsonl)
        _finish(inputs, articles)
        return
    extractor = Extractor()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("extracting"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )
    with progress:
        task = progress.add_task("extract", total=None)
        for record in extractor.pipe(articles, batch_size=batch_size, n_process=processes):
            _emit(record, jsonl=jsonl)
            progress.advance(task)
    _finish(inputs, articles)


def _emit(record: Extraction, *, jsonl: bool) -> None:
    if jsonl:
        line = json.dumps(record.model_dump(mode="json"), ensure_ascii=False)
        sys.stdout.write(line + "\n")
    else:
        print_summary(record)


def _extract_on_dask(articles: _Articles, scheduler: str, *, batch_size: int, jsonl: bool) -> None:
    from accord.dist import dask_client, map_batches  # Dask loads only when asked for
    from accord.dist.jobs import extract_batch

    with dask_client(None if scheduler == "local" else scheduler) as client:
        for record in map_batches(
            extract_batch, articles, client=client, batch_size=batch_size, console=err_console
        ):
            _emit(record, jsonl=jsonl)


def _finish(inputs: list[str], articles: _Articles) -> None:
    """Exit status: E506 when nothing could be read, E507 when some inputs were skipped."""
    sys.stdout.flush()
    if articles.articles == 0:
        raise InputError("E506", source=", ".join(inputs), where=None)
    if articles.problems:
        total = articles.problems + articles.articles
        raise InputError("E507", source="accord extract", count=articles.problems, total=total)


def print_summary(record: Extraction) -> None:
    """A readable account of one extraction for the terminal."""
    title = record.title or record.id
    console.rule(f"[bold]{title}[/]  [dim]{record.id} · {record.published or 'no date'}[/]")
    console.print(f"[bold]Parties[/]: {', '.join(record.parties) or '—'}")
    actors = "; ".join(
        f"{a.name} ({a.party or 'no party'}{', ' + a.role if a.role else ''})"
        for a in record.actors
    )
    console.print(f"[bold]Actors[/]: {actors or '—'}")
    console.print(f"[bold]Issues[/]: {', '.join(record.issues) or '—'}")
    if record.stances:
        table = Table("party", "issue", "type", "holder", "evidence")
        for column in table.columns[:-1]:
            column.no_wrap = True
        evidence = table.columns[-1]
        evidence.no_wrap, evidence.overflow, evidence.max_width = True, "ellipsis", 40
        for s in record.stances:
            kind = f"{s.type}{' (negated)' if s.negated else ''}"
            table.add_row(s.party, s.issue, kind, s.holder or "", s.evidence)
        console.print(table)
    for m in record.meetings:
        where = m.location or "place not stated"
        when = m.date.isoformat() if m.date else "date not stated"
        console.print(f"[bold]Meeting[/]: {', '.join(m.participants)} — {where}, {when}")
    for cue in record.status:
        console.print(f"[bold]Status[/]: {cue.issue} {cue.status}")
    console.print(f"[bold]Sources[/]: {', '.join(record.sources) or '—'}")
