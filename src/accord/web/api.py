"""The REST API under ``/api/v1``: reading is open, writing needs the operator's token.

Lists are paginated (``limit`` up to :data:`MAX_LIMIT`, ``offset``) and echo their
filters and the access time so that an answer can be cited.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel

import accord
from accord import track
from accord.report.runs import DEFAULT_RUNS, MAX_RUNS, run_bargain, run_forecast
from accord.schema import Scenario
from accord.schema.bargain import BargainResult
from accord.schema.forecast import ForecastResult
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
from accord.store import Store
from accord.store.scenarios import (
    ScenarioRecord,
    count_scenarios,
    get_scenario,
    list_scenarios,
    put_scenario,
)
from accord.track.draft import draft_scenario
from accord.web import queries
from accord.web.bodies import SCENARIO_BODY, read_scenario
from accord.web.errors import ERROR_RESPONSES, WRITE_RESPONSES
from accord.web.ingesting import IngestRequest, ingest
from accord.web.models import (
    ArticleDetail,
    ArticleRecord,
    EventRecord,
    MeetingRecord,
    Page,
    StanceRecord,
)
from accord.web.security import require_write_token

__all__ = ["MAX_LIMIT", "router"]

MAX_LIMIT = 500

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Since = Annotated[dt.date | None, Query(description="On or after this date (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="On or before this date (YYYY-MM-DD).")]
NegotiationFilter = Annotated[
    str | None, Query(max_length=300, description="Negotiation id or name.")
]
Text = Annotated[str | None, Query(max_length=300)]
Writes = [Depends(require_write_token)]
T = TypeVar("T")


def _page(items: list[T], total: int, limit: int, offset: int, **filters: object) -> Page[T]:
    return Page[T](
        items=items,
        total=total,
        limit=limit,
        offset=offset,
        filters={k: None if v is None else str(v) for k, v in filters.items()},
        accessed=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )


class Health(BaseModel):
    status: str
    version: str
    writable: bool


class ScenarioCheck(BaseModel):
    """A scenario that passed every rule, normalised (defaults filled in)."""

    valid: bool
    scenario: Scenario


class BargainRun(BaseModel):
    """The bargain, and when it deadlocks the bargain once the first blocking set is relaxed."""

    result: BargainResult
    relaxed: BargainResult | None


# service ---------------------------------------------------------------------------------


@router.get("/health", tags=["service"])
def health(request: Request) -> Health:
    """Whether the service is up and accepts writes (a token was configured)."""
    return Health(
        status="ok",
        version=accord.__version__,
        writable=request.app.state.write_token is not None,
    )


# the record ------------------------------------------------------------------------------


@router.get("/negotiations", tags=["record"])
def list_negotiations(
    store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> Page[NegotiationSummary]:
    found = track.negotiations(store)
    return _page(found[offset : offset + limit], len(found), limit, offset)


@router.get("/negotiations/{negotiation}/board", tags=["views"])
def get_board(
    store: StoreDep,
    negotiation: str,
    as_of: Annotated[dt.date | None, Query(description="Board as of this date.")] = None,
) -> Board:
    """Issues × parties: each party's latest stance type per issue with its evidence ids."""
    return track.board(store, negotiation, as_of)


@router.get("/negotiations/{negotiation}/timeline", tags=["views"])
def get_timeline(
    store: StoreDep,
    negotiation: str,
    party: Text = None,
    issue: Text = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[TimelineEntry]:
    """Meetings, stances (with changes), statuses and events, oldest first."""
    found = track.timeline(
        store, negotiation=negotiation, party=party, issue=issue, since=since, until=until
    )
    return _page(
        found[offset : offset + limit],
        len(found),
        limit,
        offset,
        negotiation=negotiation,
        party=party,
        issue=issue,
        since=since,
        until=until,
    )


@router.get("/negotiations/{negotiation}/diff", tags=["views"])
def get_diff(
    store: StoreDep,
    negotiation: str,
    since: Annotated[dt.date, Query(description="Changes after this date.")],
    until: Until = None,
) -> Diff:
    """What is new or changed since a date: cells, statuses, new facts and articles."""
    return track.diff(store, since, negotiation=negotiation, until=until)


@router.get("/negotiations/{negotiation}/network", tags=["views"])
def get_network(store: StoreDep, negotiation: str) -> Network:
    """Who met whom, from the reported meetings."""
    with store.session() as session:
        queries.negotiation_id(session, negotiation)
    return track.network(store, negotiation=negotiation)


@router.get("/articles", tags=["record"])
def list_articles(
    store: StoreDep,
    negotiation: NegotiationFilter = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ArticleRecord]:
    """Stored articles, newest first (the record keeps metadata, not full texts)."""
    window = queries.Window(negotiation, since, until, limit, offset)
    items, total = queries.articles(store, window)
    return _page(items, total, limit, offset, negotiation=negotiation, since=since, until=until)


@router.get("/articles/{article_id}", tags=["record"])
def get_article(store: StoreDep, article_id: str) -> ArticleDetail:
    """One article and every fact read from it, in text order."""
    return queries.article_detail(store, article_id)


@router.get("/actors", tags=["record"])
def list_actors(
    store: StoreDep, negotiation: NegotiationFilter = None, limit: Limit = 50, offset: Offset = 0
) -> Page[ActorSummary]:
    """People and organisations seen in the news: party, roles, first and last seen."""
    if negotiation is not None:
        with store.session() as session:
            queries.negotiation_id(session, negotiation)
    found = track.actors(store, negotiation=negotiation)
    return _page(found[offset : offset + limit], len(found), limit, offset, negotiation=negotiation)


@router.get("/stances", tags=["record"])
def list_stances(
    store: StoreDep,
    negotiation: NegotiationFilter = None,
    party: Text = None,
    issue: Text = None,
    type: Annotated[
        Literal["demand", "offer", "accept", "reject", "condition", "support", "oppose"] | None,
        Query(),
    ] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[StanceRecord]:
    """Stances, newest first, with the sentence each was read from."""
    window = queries.Window(negotiation, since, until, limit, offset)
    items, total = queries.stances(store, window, party=party, issue=issue, type_=type)
    return _page(
        items,
        total,
        limit,
        offset,
        negotiation=negotiation,
        party=party,
        issue=issue,
        type=type,
        since=since,
        until=until,
    )


@router.get("/meetings", tags=["record"])
def list_meetings(
    store: StoreDep,
    negotiation: NegotiationFilter = None,
    participant: Text = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[MeetingRecord]:
    """Reported meetings, newest first, with their participants."""
    window = queries.Window(negotiation, since, until, limit, offset)
    items, total = queries.meetings(store, window, participant=participant)
    return _page(
        items,
        total,
        limit,
        offset,
        negotiation=negotiation,
        participant=participant,
        since=since,
        until=until,
    )


@router.get("/events", tags=["record"])
def list_events(
    store: StoreDep,
    negotiation: NegotiationFilter = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER event type.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EventRecord]:
    """PLOVER-typed events, newest first."""
    window = queries.Window(negotiation, since, until, limit, offset)
    items, total = queries.events(store, window, type_=type)
    return _page(
        items, total, limit, offset, negotiation=negotiation, type=type, since=since, until=until
    )


@router.get("/evidence/{fact_id}", tags=["record"])
def get_evidence(store: StoreDep, fact_id: str) -> EvidenceRecord:
    """The article, sentence and URL behind one stored fact (``st_…``, ``mt_…``…)."""
    return track.evidence(store, fact_id)


@router.post("/articles", tags=["writes"], dependencies=Writes, responses=WRITE_RESPONSES)
def post_articles(store: StoreDep, body: IngestRequest) -> IngestSummary:
    """Store articles, each in its own transaction; known articles add nothing.

    Items with an ``extraction`` are stored as given (annotated data); items without
    one are run through the extractor. Bad items are reported and skipped.
    """
    return ingest(store, body)


# scenarios and model runs ----------------------------------------------------------------


@router.post(
    "/scenarios/validate",
    tags=["scenarios"],
    openapi_extra=SCENARIO_BODY,
    responses={415: ERROR_RESPONSES[422] | {"description": "Not JSON or YAML"}},
)
async def validate_scenario(
    scenario: Annotated[Scenario, Depends(read_scenario)],
) -> ScenarioCheck:
    """Check a scenario without storing it; errors name the line and field to fix."""
    return ScenarioCheck(valid=True, scenario=scenario)


def _negotiation_id(store: Store, negotiation: str | None) -> str | None:
    if negotiation is None:
        return None
    with store.session() as session:
        return queries.negotiation_id(session, negotiation)


@router.get("/scenarios", tags=["scenarios"])
def get_scenarios(
    store: StoreDep, negotiation: NegotiationFilter = None, limit: Limit = 50, offset: Offset = 0
) -> Page[ScenarioRecord]:
    """Stored scenarios (uploaded or edited through the API)."""
    neg_id = _negotiation_id(store, negotiation)
    items = list_scenarios(store, negotiation_id=neg_id, limit=limit, offset=offset)
    total = count_scenarios(store, negotiation_id=neg_id)
    return _page(items, total, limit, offset, negotiation=negotiation)


@router.post(
    "/scenarios",
    tags=["writes", "scenarios"],
    status_code=201,
    dependencies=Writes,
    openapi_extra=SCENARIO_BODY,
    responses=WRITE_RESPONSES | {200: {"description": "Already stored (same content)"}},
)
def post_scenario(
    store: StoreDep,
    response: Response,
    scenario: Annotated[Scenario, Depends(read_scenario)],
    negotiation: NegotiationFilter = None,
) -> ScenarioRecord:
    """Store a scenario (JSON or YAML); the same content uploaded twice is stored once."""
    record, created = put_scenario(
        store, scenario, negotiation_id=_negotiation_id(store, negotiation)
    )
    response.status_code = 201 if created else 200
    return record


@router.get("/scenarios/{scenario_id}", tags=["scenarios"])
def get_one_scenario(store: StoreDep, scenario_id: str) -> ScenarioRecord:
    return get_scenario(store, scenario_id)


@router.put(
    "/scenarios/{scenario_id}",
    tags=["writes", "scenarios"],
    dependencies=Writes,
    openapi_extra=SCENARIO_BODY,
    responses=WRITE_RESPONSES,
)
def put_one_scenario(
    store: StoreDep,
    scenario_id: str,
    scenario: Annotated[Scenario, Depends(read_scenario)],
    negotiation: NegotiationFilter = None,
) -> ScenarioRecord:
    """Replace a stored scenario (an analyst's edit); its revision goes up by one."""
    record, _ = put_scenario(
        store,
        scenario,
        scenario_id=scenario_id,
        negotiation_id=_negotiation_id(store, negotiation),
    )
    return record


@router.get("/negotiations/{negotiation}/scenario", tags=["scenarios"])
def get_draft(store: StoreDep, negotiation: str, as_of: Since = None) -> Scenario:
    """A scenario drafted from the record's stances (422 when there is too little to draft)."""
    return draft_scenario(store, _negotiation_id(store, negotiation), as_of)


@router.post(
    "/negotiations/{negotiation}/scenario",
    tags=["writes", "scenarios"],
    status_code=201,
    dependencies=Writes,
    responses=WRITE_RESPONSES | {200: {"description": "The same draft is already stored"}},
)
def post_draft(
    store: StoreDep, response: Response, negotiation: str, as_of: Since = None
) -> ScenarioRecord:
    """Store the draft so that analysts can edit it (``PUT /scenarios/{id}``)."""
    neg_id = _negotiation_id(store, negotiation)
    draft = draft_scenario(store, neg_id, as_of)
    record, created = put_scenario(store, draft, negotiation_id=neg_id, origin="drafted")
    response.status_code = 201 if created else 200
    return record


@router.get("/scenarios/{scenario_id}/forecast", tags=["models"])
def get_forecast(
    store: StoreDep,
    scenario_id: str,
    variant: Literal["scholz", "bdm"] = "scholz",
    runs: Annotated[int, Query(ge=0, le=MAX_RUNS, description="Monte Carlo runs.")] = DEFAULT_RUNS,
    seed: Annotated[int, Query(ge=0, le=2**32 - 1)] = 0,
) -> ForecastResult:
    """The expected-utility forecast of every issue and its Monte Carlo distribution."""
    return run_forecast(
        get_scenario(store, scenario_id).scenario, variant=variant, runs=runs, seed=seed
    )


@router.get("/scenarios/{scenario_id}/bargain", tags=["models"])
def get_bargain(store: StoreDep, scenario_id: str) -> BargainRun:
    """Pareto frontier, bargaining solutions and, when deadlocked, the blocking sets."""
    result, relaxed = run_bargain(get_scenario(store, scenario_id).scenario)
    return BargainRun(result=result, relaxed=relaxed)
