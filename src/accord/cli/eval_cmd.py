"""``accord eval GOLD.jsonl [--pred PRED.jsonl] [--errors] [--json]``: score extractions.

Without ``--pred`` the extractor runs on the gold texts. Scores are micro-averaged over
articles; name matching is lenient (see :mod:`accord.extract.scoring`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli._app import app, console
from accord.extract import Extractor
from accord.extract.scoring import Report, read_records, score
from accord.schema import Article

__all__ = ["eval_command"]


def _predict(gold: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    articles = (
        Article(
            id=str(g["id"]),
            url=g.get("url"),
            title=g.get("title"),
            published=g.get("published"),
            text=g["text"],
        )
        for g in gold
    )
    return {r.id: r.model_dump(mode="json") for r in Extractor().pipe(articles)}


@app.command("eval")
def eval_command(
    gold_path: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Annotated records.")],
    pred: Annotated[
        Path | None, typer.Option("--pred", help="Predictions (JSONL); default: run the extractor.")
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="List misses and spurious items.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of extractions against gold annotations.

    Example: accord eval ../shared/corpus/dev.jsonl --errors
    """
    required = ("id",) if pred is not None else ("id", "text")
    gold = list(read_records(gold_path, required=required))
    if pred is not None:
        predictions = {str(r["id"]): r for r in read_records(pred)}
    else:
        predictions = _predict(gold)
    report = score(gold, predictions)
    if as_json:
        console.print_json(json.dumps(report.as_dict(errors=errors)))
        return
    _print(report, errors=errors)


def _print(report: Report, *, errors: bool) -> None:
    table = Table(
        "field",
        "precision",
        "recall",
        "F1",
        "tp",
        "fp",
        "fn",
        title=f"{report.articles} articles, micro-averaged",
    )
    for name, s in report.fields.items():
        table.add_row(
            name,
            f"{s.precision:.2f}",
            f"{s.recall:.2f}",
            f"{s.f1:.2f}",
            str(s.tp),
            str(s.fp),
            str(s.fn),
        )
    console.print(table)
    if errors:
        for name, s in report.fields.items():
            for article, kind, item in s.errors:
                colour = "red" if kind == "missing" else "yellow"
                console.print(f"{name}\t{article}\t[{colour}]{kind}[/]\t{item}", highlight=False)
