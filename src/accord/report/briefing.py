"""The briefing: one self-contained HTML file on one negotiation, readable offline.

Situation summary, board with the sentence behind each cell, what changed, forecast,
bargaining and sources. Plotly's JS, the chart loader and the CSS are inlined and the
figures travel as escaped JSON, so the file needs no server and no network. The file
carries no wall-clock time: the same record, scenario and seed give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import select

from accord import track
from accord.errors import InputError
from accord.report import charts
from accord.report.assets import asset
from accord.report.jinja import environment
from accord.report.runs import run_bargain, run_forecast
from accord.schema import Scenario
from accord.schema.record import Board, BoardCell, EvidenceRecord
from accord.store import Store
from accord.store.models import StoredArticle
from accord.track.draft import draft_scenario

__all__ = ["DEFAULT_WINDOW", "build_briefing"]

#: "What changed" covers this many days up to the newest fact, unless told otherwise.
DEFAULT_WINDOW = dt.timedelta(days=7)

_env = environment("accord.report")


def _inline_script(text: str) -> Markup:
    """JS text safe inside ``<script>``: no ``</`` can close the element early."""
    return Markup(text.replace("</", "<\\/").replace("<!--", "<\\!--"))


@dataclass(frozen=True)
class _Cell:
    cell: BoardCell
    evidence: EvidenceRecord


def build_briefing(
    store: Store,
    negotiation: str,
    *,
    scenario: Scenario | None = None,
    since: dt.date | None = None,
    runs: int = 100,
    seed: int = 0,
) -> str:
    """The briefing's HTML. Without ``scenario`` the models run on a scenario drafted from
    the record; when the record is too thin to draft one, the model sections say why."""
    summary = next((n for n in track.negotiations(store) if negotiation in (n.id, n.name)), None)
    board: Board = track.board(store, negotiation)  # raises E601 for an unknown name
    assert summary is not None  # board() found it
    newest = summary.last or dt.date.today()
    start = since or newest - DEFAULT_WINDOW
    changes = track.diff(store, start, negotiation=summary.name)
    cells = [_Cell(c, track.evidence(store, c.stance_ids[0])) for c in board.cells]
    sources = _sources(store, summary.id)
    model_note = "the analyst's scenario" if scenario is not None else "drafted from the record"
    if scenario is None:
        try:
            scenario = draft_scenario(store, summary.id)
        except InputError as exc:
            model_note = f"no scenario: {exc.detail}"
    forecast = bargain = relaxed = None
    forecast_figures: list[tuple[str, str | None]] = []
    labels: dict[str, str] = {}
    frontier_figure = None
    if scenario is not None:
        labels = {a.id: a.label for a in scenario.actors}
        forecast = run_forecast(scenario, runs=runs, seed=seed)
        spread = {m.issue: m for m in forecast.monte_carlo.issues} if forecast.monte_carlo else {}
        forecast_figures = [
            (
                charts.forecast_rounds(item, scenario),
                charts.monte_carlo(spread[item.issue], item.name) if item.issue in spread else None,
            )
            for item in forecast.issues
        ]
        bargain, relaxed = run_bargain(scenario)
        frontier_figure = charts.frontier(
            relaxed or bargain,
            labels,
            "Pareto frontier once blocking set 1 is relaxed" if relaxed else "Pareto frontier",
        )
    return _env.get_template("briefing.html").render(
        summary=summary,
        board=board,
        grid=board.grid(),
        statuses={s.issue: s for s in board.statuses},
        cells=cells,
        changes=changes,
        scenario=scenario,
        model_note=model_note,
        forecast=forecast,
        forecast_figures=forecast_figures,
        bargain=bargain,
        relaxed=relaxed,
        labels=labels,
        frontier_figure=frontier_figure,
        sources=sources,
        css=Markup(asset("accord.css")),
        plotly_js=_inline_script(asset("plotly.min.js")),
        plots_js=_inline_script(asset("plots.js")),
    )


@dataclass(frozen=True)
class _Source:
    id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None


def _sources(store: Store, negotiation_id: str) -> list[_Source]:
    """Every article of the negotiation, oldest first (undated last)."""
    with store.session() as session:
        rows = session.scalars(
            select(StoredArticle)
            .where(StoredArticle.negotiation_id == negotiation_id)
            .order_by(StoredArticle.published.asc().nulls_last(), StoredArticle.id)
        ).all()
        return [_Source(r.id, r.title, r.outlet, r.published, r.url) for r in rows]
