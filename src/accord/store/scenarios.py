"""Scenarios kept in the record: uploaded by an analyst (API) and edited there.

A scenario's id is derived from its content when it is first stored, so uploading the
same scenario twice stores it once; an edit keeps the id and bumps ``revision``. The
body is the scenario's normalised JSON, validated again when read back.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from sqlalchemy import ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column

from accord.errors import ReferenceError_
from accord.schema import Scenario
from accord.store.ids import content_id
from accord.store.models import ID, NAME, Base, Negotiation
from accord.store.session import Store

__all__ = [
    "ScenarioRecord",
    "StoredScenario",
    "count_scenarios",
    "get_scenario",
    "list_scenarios",
    "put_scenario",
]


class StoredScenario(Base):
    __tablename__ = "scenarios"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    negotiation_id: Mapped[str | None] = mapped_column(ForeignKey("negotiations.id"), index=True)
    origin: Mapped[str] = mapped_column(String(10))
    revision: Mapped[int]
    body: Mapped[str] = mapped_column(Text)


class ScenarioRecord(BaseModel):
    """A stored scenario with where it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    negotiation: str | None
    origin: str
    revision: int
    scenario: Scenario


def _record(row: StoredScenario, negotiation: str | None) -> ScenarioRecord:
    return ScenarioRecord(
        id=row.id,
        name=row.name,
        negotiation=negotiation,
        origin=row.origin,
        revision=row.revision,
        scenario=Scenario.model_validate_json(row.body),
    )


def put_scenario(
    store: Store,
    scenario: Scenario,
    *,
    scenario_id: str | None = None,
    negotiation_id: str | None = None,
    origin: str = "uploaded",
) -> tuple[ScenarioRecord, bool]:
    """Store a new scenario (``scenario_id`` None) or replace one; returns (record, created).

    ``negotiation_id`` must name a stored negotiation (resolve names with
    :func:`accord.track.find_negotiation` first). Raises ReferenceError_ (E704) for an
    unknown ``scenario_id`` before anything is written.
    """
    body = scenario.model_dump_json()
    with store.writing() as session:
        neg = session.get_one(Negotiation, negotiation_id) if negotiation_id else None
        if scenario_id is None:
            new_id = content_id("sc", body)
            row = session.get(StoredScenario, new_id)
            created = row is None
            if row is None:
                row = StoredScenario(
                    id=new_id,
                    name=scenario.name,
                    negotiation_id=neg.id if neg else None,
                    origin=origin,
                    revision=1,
                    body=body,
                )
                session.add(row)
        else:
            found = session.get(StoredScenario, scenario_id)
            if found is None:
                raise ReferenceError_("E704", what="scenario", key=scenario_id)
            row, created = found, False
            if row.body != body or (neg is not None and row.negotiation_id != neg.id):
                row.body, row.name, row.revision = body, scenario.name, row.revision + 1
                row.negotiation_id = neg.id if neg else row.negotiation_id
        session.flush()
        name = session.get_one(Negotiation, row.negotiation_id).name if row.negotiation_id else None
        return _record(row, name), created


def get_scenario(store: Store, scenario_id: str) -> ScenarioRecord:
    with store.session() as session:
        row = session.get(StoredScenario, scenario_id)
        if row is None:
            raise ReferenceError_("E704", what="scenario", key=scenario_id)
        name = session.get_one(Negotiation, row.negotiation_id).name if row.negotiation_id else None
        return _record(row, name)


def list_scenarios(
    store: Store, *, negotiation_id: str | None = None, limit: int = 50, offset: int = 0
) -> list[ScenarioRecord]:
    """Stored scenarios by name then id, optionally of one negotiation."""
    with store.session() as session:
        query = select(StoredScenario, Negotiation.name).outerjoin(
            Negotiation, StoredScenario.negotiation_id == Negotiation.id
        )
        if negotiation_id is not None:
            query = query.where(StoredScenario.negotiation_id == negotiation_id)
        rows = session.execute(
            query.order_by(StoredScenario.name, StoredScenario.id).limit(limit).offset(offset)
        ).all()
        return [_record(row, name) for row, name in rows]


def count_scenarios(store: Store, *, negotiation_id: str | None = None) -> int:
    with store.session() as session:
        query = select(func.count()).select_from(StoredScenario)
        if negotiation_id is not None:
            query = query.where(StoredScenario.negotiation_id == negotiation_id)
        return int(session.scalar(query) or 0)
