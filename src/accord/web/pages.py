"""Dashboard pages, rendered on the server; the only scripts are static files.

Every page reads the record (or a stored scenario) through the same functions as the
API, so a page and ``/api/v1`` never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from accord import track
from accord.report import charts
from accord.report.briefing import DEFAULT_WINDOW
from accord.report.runs import DEFAULT_RUNS, MAX_RUNS, run_bargain, run_forecast
from accord.schema import Scenario
from accord.schema.record import BoardCell, EvidenceRecord
from accord.store import Store
from accord.store.scenarios import get_scenario, list_scenarios
from accord.track.draft import draft_scenario
from accord.web import queries
from accord.web.highlight import FactText, excerpts
from accord.web.models import EventRecord, MeetingRecord, StanceRecord, StatusRecord
from accord.web.templating import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Day = Annotated[dt.date | None, Query()]
Name = Annotated[str | None, Query(max_length=300)]
#: Evidence sentences shown for one board cell (the cell counts them all).
CELL_EVIDENCE = 10


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _menu(neg: str) -> list[tuple[str, str, str]]:
    return [
        ("board", "Board", f"/n/{neg}/board"),
        ("timeline", "Timeline", f"/n/{neg}/timeline"),
        ("changes", "Changes", f"/n/{neg}/changes"),
        ("network", "Network", f"/n/{neg}/network"),
        ("articles", "Sources", f"/n/{neg}/articles"),
        ("draft", "Model", f"/n/{neg}/draft"),
    ]


def _negotiation(store: Store, key: str) -> tuple[str, str]:
    """(id, name) of the negotiation ``key`` names; E704 (404) otherwise."""
    with store.session() as session:
        return queries.negotiation(session, key)


@router.get("/")
def home(request: Request) -> HTMLResponse:
    store = _store(request)
    return render(
        request,
        "home.html",
        title="Negotiations",
        nav="home",
        menu=[],
        negotiations=track.negotiations(store),
        scenarios=list_scenarios(store, limit=200),
    )


@router.get("/n/{negotiation}")
def negotiation_home(request: Request, negotiation: str) -> RedirectResponse:
    neg_id, _ = _negotiation(_store(request), negotiation)
    return RedirectResponse(f"/n/{neg_id}/board", status_code=303)


def _cell_evidence(store: Store, cell: BoardCell | None) -> list[EvidenceRecord]:
    if cell is None:
        return []
    return [track.evidence(store, sid) for sid in cell.stance_ids[:CELL_EVIDENCE]]


@router.get("/n/{negotiation}/board")
def board_page(
    request: Request,
    negotiation: str,
    as_of: Day = None,
    issue: Name = None,
    party: Name = None,
) -> HTMLResponse:
    store = _store(request)
    neg_id, name = _negotiation(store, negotiation)
    board = track.board(store, neg_id, as_of)
    chosen = board.cell(issue, party) if issue and party else None
    return render(
        request,
        "board.html",
        title=f"Board · {name}",
        nav="board",
        menu=_menu(neg_id),
        neg_id=neg_id,
        name=name,
        board=board,
        grid=board.grid(),
        statuses={s.issue: s for s in board.statuses},
        chosen=chosen,
        evidence=_cell_evidence(store, chosen),
    )


@router.get("/n/{negotiation}/cell")
def cell_fragment(
    request: Request, negotiation: str, issue: Name = None, party: Name = None, as_of: Day = None
) -> HTMLResponse:
    """The evidence panel of one board cell, fetched by ``board.js`` on click."""
    store = _store(request)
    neg_id, _ = _negotiation(store, negotiation)
    board = track.board(store, neg_id, as_of)
    chosen = board.cell(issue, party) if issue and party else None
    return render(
        request,
        "_evidence.html",
        chosen=chosen,
        evidence=_cell_evidence(store, chosen),
    )


@router.get("/n/{negotiation}/timeline")
def timeline_page(
    request: Request,
    negotiation: str,
    party: Name = None,
    issue: Name = None,
    since: Day = None,
    until: Day = None,
) -> HTMLResponse:
    store = _store(request)
    neg_id, name = _negotiation(store, negotiation)
    board = track.board(store, neg_id)
    entries = track.timeline(
        store,
        negotiation=neg_id,
        party=party or None,
        issue=issue or None,
        since=since,
        until=until,
    )
    return render(
        request,
        "timeline.html",
        title=f"Timeline · {name}",
        nav="timeline",
        menu=_menu(neg_id),
        name=name,
        entries=entries,
        parties=board.parties,
        issues=board.issues,
        chosen={"party": party or "", "issue": issue or "", "since": since, "until": until},
    )


@router.get("/n/{negotiation}/changes")
def changes_page(
    request: Request, negotiation: str, since: Day = None, until: Day = None
) -> HTMLResponse:
    store = _store(request)
    neg_id, name = _negotiation(store, negotiation)
    if since is None:
        last = next(n.last for n in track.negotiations(store) if n.id == neg_id)
        since = (last or dt.date.today()) - DEFAULT_WINDOW
    return render(
        request,
        "changes.html",
        title=f"Changes · {name}",
        nav="changes",
        menu=_menu(neg_id),
        name=name,
        changes=track.diff(store, since, negotiation=neg_id, until=until),
    )


@router.get("/n/{negotiation}/network")
def network_page(request: Request, negotiation: str) -> HTMLResponse:
    store = _store(request)
    neg_id, name = _negotiation(store, negotiation)
    net = track.network(store, negotiation=neg_id)
    return render(
        request,
        "network.html",
        title=f"Network · {name}",
        nav="network",
        menu=_menu(neg_id),
        name=name,
        net=net,
        figure=charts.network(net) if net.nodes else None,
    )


@router.get("/n/{negotiation}/articles")
def articles_page(request: Request, negotiation: str, offset: int = 0) -> HTMLResponse:
    store = _store(request)
    neg_id, name = _negotiation(store, negotiation)
    window = queries.Window(neg_id, None, None, 100, max(offset, 0))
    items, total = queries.articles(store, window)
    return render(
        request,
        "articles.html",
        title=f"Sources · {name}",
        nav="articles",
        menu=_menu(neg_id),
        name=name,
        articles=items,
        total=total,
        offset=window.offset,
    )


Fact = StanceRecord | MeetingRecord | EventRecord | StatusRecord


def _label(fact: Fact) -> tuple[str, tuple[str, ...]]:
    """A one-line description of a fact and the names to mark in its sentence."""
    if isinstance(fact, StanceRecord):
        negated = "not " if fact.negated else ""
        return (
            f"{fact.party}: {negated}{fact.type} on {fact.issue}",
            tuple(n for n in (fact.holder, fact.party, fact.target) if n),
        )
    if isinstance(fact, MeetingRecord):
        names = (*fact.participants, *([fact.location] if fact.location else []))
        return f"meeting of {', '.join(fact.participants)}", names
    if isinstance(fact, EventRecord):
        return (
            f"{fact.type} by {fact.source or '?'} on {fact.target or '?'}",
            tuple(n for n in (fact.source, fact.target) if n),
        )
    return f"{fact.issue}: {fact.status}", ()


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> HTMLResponse:
    store = _store(request)
    detail = queries.article_detail(store, article_id)
    placed: list[FactText] = []
    unplaced: list[tuple[Fact, str]] = []
    for fact in detail.facts:
        label, names = _label(fact)
        if fact.span is not None and fact.evidence:
            start, end = fact.span
            placed.append(FactText(start, end, fact.evidence, fact.kind, fact.id, label, names))
        else:
            unplaced.append((fact, label))
    neg_id, _ = _negotiation(store, detail.article.negotiation)
    return render(
        request,
        "article.html",
        title=detail.article.title or detail.article.id,
        nav="articles",
        menu=_menu(neg_id),
        article=detail.article,
        excerpts=excerpts(placed),
        unplaced=unplaced,
    )


@dataclass(frozen=True)
class _Subject:
    """The scenario a model page shows, where it came from and where its pages live."""

    name: str
    note: str
    base: str
    json_url: str
    scenario: Scenario
    menu: list[tuple[str, str, str]]


def _model_menu(base: str, first: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [
        *first,
        ("scenario", "Scenario", base),
        ("forecast", "Forecast", f"{base}/forecast"),
        ("bargain", "Bargaining", f"{base}/bargain"),
    ]


def _stored(request: Request, scenario_id: str) -> _Subject:
    record = get_scenario(_store(request), scenario_id)
    note = f"{record.origin} · revision {record.revision}"
    note += f" · {record.negotiation}" if record.negotiation else ""
    base = f"/scenarios/{record.id}"
    return _Subject(
        record.name, note, base, f"/api/v1{base}", record.scenario, _model_menu(base, [])
    )


def _drafted(request: Request, negotiation: str, as_of: dt.date | None) -> _Subject:
    store = _store(request)
    neg_id, name = _negotiation(store, negotiation)
    scenario = draft_scenario(store, neg_id, as_of)
    base = f"/n/{neg_id}/draft"
    note = "drafted from the record" + (f" as of {as_of}" if as_of else "")
    return _Subject(
        name,
        note + "; every number lists the stances it rests on",
        base,
        f"/api/v1/negotiations/{neg_id}/scenario",
        scenario,
        _model_menu(base, [m for m in _menu(neg_id) if m[0] != "draft"]),
    )


def _scenario_view(request: Request, subject: _Subject) -> HTMLResponse:
    return render(
        request,
        "scenario.html",
        title=f"Scenario · {subject.name}",
        nav="scenario",
        menu=subject.menu,
        subject=subject,
        scenario=subject.scenario,
    )


def _forecast_view(request: Request, subject: _Subject, runs: int, seed: int) -> HTMLResponse:
    result = run_forecast(subject.scenario, runs=runs, seed=seed)
    simulated = {m.issue: m for m in result.monte_carlo.issues} if result.monte_carlo else {}
    issues: list[dict[str, Any]] = [
        {
            "item": item,
            "rounds": charts.forecast_rounds(item, subject.scenario),
            "spread": charts.monte_carlo(simulated[item.issue], item.name)
            if item.issue in simulated
            else None,
        }
        for item in result.issues
    ]
    return render(
        request,
        "forecast.html",
        title=f"Forecast · {subject.name}",
        nav="forecast",
        menu=subject.menu,
        subject=subject,
        result=result,
        issues=issues,
        runs=runs,
        seed=seed,
    )


def _bargain_view(request: Request, subject: _Subject) -> HTMLResponse:
    result, relaxed = run_bargain(subject.scenario)
    labels = {a.id: a.label for a in subject.scenario.actors}
    title = "Pareto frontier once blocking set 1 is relaxed" if relaxed else "Pareto frontier"
    return render(
        request,
        "bargain.html",
        title=f"Bargaining · {subject.name}",
        nav="bargain",
        menu=subject.menu,
        subject=subject,
        result=result,
        relaxed=relaxed,
        labels=labels,
        figure=charts.frontier(relaxed or result, labels, title),
        constraints={c.id: c for c in result.constraints},
    )


Runs = Annotated[int, Query(ge=0, le=MAX_RUNS)]
Seed = Annotated[int, Query(ge=0, le=2**32 - 1)]


@router.get("/scenarios/{scenario_id}")
def scenario_page(request: Request, scenario_id: str) -> HTMLResponse:
    return _scenario_view(request, _stored(request, scenario_id))


@router.get("/scenarios/{scenario_id}/forecast")
def forecast_page(
    request: Request, scenario_id: str, runs: Runs = DEFAULT_RUNS, seed: Seed = 0
) -> HTMLResponse:
    return _forecast_view(request, _stored(request, scenario_id), runs, seed)


@router.get("/scenarios/{scenario_id}/bargain")
def bargain_page(request: Request, scenario_id: str) -> HTMLResponse:
    return _bargain_view(request, _stored(request, scenario_id))


@router.get("/n/{negotiation}/draft")
def draft_page(request: Request, negotiation: str, as_of: Day = None) -> HTMLResponse:
    return _scenario_view(request, _drafted(request, negotiation, as_of))


@router.get("/n/{negotiation}/draft/forecast")
def draft_forecast_page(
    request: Request,
    negotiation: str,
    as_of: Day = None,
    runs: Runs = DEFAULT_RUNS,
    seed: Seed = 0,
) -> HTMLResponse:
    return _forecast_view(request, _drafted(request, negotiation, as_of), runs, seed)


@router.get("/n/{negotiation}/draft/bargain")
def draft_bargain_page(request: Request, negotiation: str, as_of: Day = None) -> HTMLResponse:
    return _bargain_view(request, _drafted(request, negotiation, as_of))
