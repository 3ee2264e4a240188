"""``accord ingest INPUT…``: read articles, extract their facts and store them in the record.

Each article is written in its own transaction, so a killed run keeps every article
it finished and a rerun skips them (articles are keyed by content). A bad item is
reported on stderr and skipped; the rest is stored. With ``--annotations`` the
inputs are annotated JSONL records and their annotations are stored as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from sqlalchemy.exc import SQLAlchemyError

from accord.cli._app import app, console, err_console
from accord.errors import AccordError, InputError
from accord.extract import Extractor
from accord.ingest import IngestProblem, read_inputs
from accord.schema import Article, Extraction
from accord.schema.corpus_files import read_annotated
from accord.schema.record import IngestProblemRecord, IngestSummary
from accord.store import Store, open_store

__all__ = ["Extract", "ingest_annotated", "ingest_articles", "real_extractor"]

#: Turns a batch of articles into their extractions, in order.
Extract = Callable[[list[Article]], Iterable[Extraction]]
#: Articles extracted together; small, so that each is stored (and safe from a kill) soon
#: after it is read, at little cost in extraction throughput.
BATCH = 4


@dataclass
class _Tally:
    stored: int = 0
    known: int = 0
    merged: int = 0

    def __post_init__(self) -> None:
        self.problems: list[IngestProblemRecord] = []

    def summary(self) -> IngestSummary:
        return IngestSummary(
            stored=self.stored,
            skipped_known=self.known,
            merged_into_stories=self.merged,
            problems=self.problems,
        )


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def _report(tally: _Tally, problem: IngestProblem | AccordError, source: str = "") -> None:
    if isinstance(problem, IngestProblem):
        record = IngestProblemRecord(
            source=problem.source,
            where=problem.where,
            message=f"[{problem.code}] {problem.message}",
        )
    else:
        where = problem.where if isinstance(problem, InputError) else None
        origin = problem.source if isinstance(problem, InputError) else source
        record = IngestProblemRecord(
            source=origin, where=where, message=f"[{problem.code}] {problem.detail}"
        )
    tally.problems.append(record)
    err_console.print(
        f"[yellow]skipped[/] {problem}", highlight=False, soft_wrap=True, markup=False
    )


def _store_one(
    store: Store, tally: _Tally, article: Article, extraction: Extraction, negotiation: str | None
) -> None:
    try:
        outcome = store.write(article, extraction, negotiation=negotiation)
    except InputError as exc:
        _report(tally, exc)
        return
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        _report(tally, InputError("E609", source=f"article {article.id!r}", reason=reason))
        return
    if outcome.stored:
        tally.stored += 1
        tally.merged += outcome.merged
    else:
        tally.known += 1


def ingest_articles(
    store: Store,
    items: Iterable[Article | IngestProblem],
    extract: Extract,
    *,
    negotiation: str | None = None,
) -> IngestSummary:
    """Extract and store every article not yet in the record; report and skip problems."""
    tally = _Tally()

    def fresh() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestProblem):
                _report(tally, item)
            elif store.has_article(item.id):
                tally.known += 1
            else:
                yield item

    with _progress() as progress:
        task = progress.add_task("ingest", total=None, status="")
        stream = fresh()
        while batch := list(islice(stream, BATCH)):
            for article, extraction in zip(batch, extract(batch), strict=True):
                _store_one(store, tally, article, extraction, negotiation)
                progress.update(task, advance=1, status=article.title or article.id)
    return tally.summary()


def ingest_annotated(
    store: Store, paths: Iterable[Path], *, negotiation: str | None = None
) -> IngestSummary:
    """Store annotated JSONL records as they are (no extractor); report and skip bad lines."""
    tally = _Tally()
    with _progress() as progress:
        task = progress.add_task("ingest", total=None, status="")
        for path in paths:
            for item in read_annotated(path):
                if isinstance(item, InputError):
                    _report(tally, item)
                    continue
                chosen = negotiation or item.negotiation
                _store_one(store, tally, item.article, item.extraction, chosen)
                progress.update(task, advance=1, status=item.article.title or item.article.id)
    return tally.summary()


def real_extractor() -> Extract:
    """The spaCy extraction pipeline, as a batch function for :func:`ingest_articles`."""
    extractor = Extractor()
    return lambda batch: extractor.pipe(batch, batch_size=BATCH)


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $ACCORD_DB, else sqlite:///accord.db)."),
]


@app.command("ingest")
def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs or '-'.")],
    negotiation: Annotated[
        str | None, typer.Option("--negotiation", "-n", help="Negotiation to file them under.")
    ] = None,
    db: DbOption = None,
    annotations: Annotated[
        bool,
        typer.Option(
            "--annotations", help="Inputs are annotated JSONL; store their annotations as given."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Extract facts from articles and add them to the record (idempotent, resumable).

    Exits with 1 when any item was skipped (each is named on stderr); the rest is stored.

    Example: accord ingest examples/articles/ --negotiation "Harbour talks"
    """
    store = open_store(db)
    try:
        if annotations:
            summary = ingest_annotated(store, [Path(p) for p in inputs], negotiation=negotiation)
        else:
            summary = ingest_articles(
                store, read_inputs(inputs), real_extractor(), negotiation=negotiation
            )
    finally:
        store.close()
    if as_json:
        console.print_json(summary.model_dump_json())
    else:
        console.print(
            f"stored {summary.stored} article(s), {summary.skipped_known} already in the record, "
            f"{summary.merged_into_stories} merged into existing stories, "
            f"{len(summary.problems)} skipped with problems ({store.url})",
            highlight=False,
        )
    if summary.problems:
        raise typer.Exit(1)
