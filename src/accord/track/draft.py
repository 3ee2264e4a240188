"""Drafting a model scenario from the record: parties become actors, stances become stakes.

Rules (the numbers come from ``data/issue_axes.yaml``):

* **Axis**: every issue runs 0–100 from "what is negotiated does not happen" to "it
  happens in full"; the words per issue are in the YAML file.
* **Position**: the mean of the positions of a party's stances on the issue (demand 90,
  support 75, offer 65, accept 60, condition 50, oppose 25, reject 10), each weighted by
  its recency and confidence.
* **Salience**: ``floor + (1 - floor) × (½ frequency + ¼ prominence + ¼ recency)``, where
  frequency is the party's stance count on the issue over its count on its most-discussed
  issue, prominence how early in their articles the stances come (1 = first character),
  recency ``2^(-age / half-life)`` of its latest stance, age counted from the newest fact.
* **Capability**: CINC (Correlates of War NMC v6.0, 2016) × 1000 for states found in
  ``data/cinc.csv``; the stated default for every other party.

Each position and salience lists the stance ids it rests on; capabilities say where they
came from. Issues that fewer than two parties speak to, or on which every party sits at the
same point, cannot be modelled and are listed in the description instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import select

from accord.errors import InputError
from accord.schema import Actor, Issue, Option, Provenance, Scenario, Stake
from accord.store import Store
from accord.store.ids import slug
from accord.store.models import StanceRow, StoredArticle
from accord.track._common import parse_date, single_negotiation

__all__ = ["cinc_table", "draft_scenario", "scenario_yaml"]

CINC_SCALE = 1000.0  # CINC shares are tiny; only ratios between actors matter


@cache
def _axes() -> dict[str, Any]:
    text = resources.files("accord.data").joinpath("issue_axes.yaml").read_text("utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@dataclass(frozen=True)
class StateCapability:
    name: str
    stateabb: str
    ccode: int
    cinc: float
    year: int


@cache
def cinc_table() -> dict[str, StateCapability]:
    """CINC scores by lower-cased state name and alias (see ``data/cinc-NOTICE.txt``)."""
    text = resources.files("accord.data").joinpath("cinc.csv").read_text("utf-8")
    table: dict[str, StateCapability] = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        state = StateCapability(
            row["name"], row["stateabb"], int(row["ccode"]), float(row["cinc"]), int(row["year"])
        )
        for key in [row["name"], row["stateabb"], *filter(None, row["aliases"].split(";"))]:
            table[key.strip().lower()] = state
    return table


@dataclass(frozen=True)
class _Fact:
    id: str
    party: str
    issue: str
    type: str
    date: dt.date | None
    confidence: float
    prominence: float


def _facts(store: Store, negotiation: str | None, as_of: dt.date | None) -> tuple[str, list[_Fact]]:
    with store.session() as session:
        neg = single_negotiation(session, negotiation)
        cond = [StanceRow.negotiation_id == neg.id]
        if as_of is not None:
            cond += [StanceRow.date.is_not(None), StanceRow.date <= as_of]
        rows = session.execute(
            select(
                StanceRow.id,
                StanceRow.party,
                StanceRow.issue,
                StanceRow.type,
                StanceRow.date,
                StanceRow.confidence,
                StanceRow.span_start,
                StoredArticle.text_length,
            )
            .join(StoredArticle, StoredArticle.id == StanceRow.article_id)
            .where(*cond)
            .order_by(StanceRow.id)
        ).all()
    facts = [
        _Fact(
            id=r.id,
            party=r.party,
            issue=r.issue,
            type=r.type,
            date=r.date,
            confidence=r.confidence,
            prominence=1.0 - r.span_start / r.text_length
            if r.span_start is not None and r.text_length
            else 0.5,
        )
        for r in rows
    ]
    return neg.name, facts


def _recency(date: dt.date | None, newest: dt.date | None, half_life: float) -> float:
    if date is None or newest is None:
        return 0.5
    return math.pow(2.0, -(newest - date).days / half_life)


def _issue(issue_id: str) -> Issue:
    axes = _axes()
    words = axes["issues"].get(issue_id, {})
    low = words.get("low", axes["generic"]["low"])
    high = words.get("high", axes["generic"]["high"])
    return Issue(
        id=issue_id,
        name=words.get("name", issue_id.replace("_", " ").capitalize()),
        low=low,
        high=high,
        options=[
            Option(id="none", label=low, at=0.0),
            Option(id="half", label="Half of what is under negotiation", at=50.0),
            Option(id="full", label=high, at=100.0),
        ],
    )


def _stakes(facts: list[_Fact], ids: dict[str, str]) -> dict[str, list[Stake]]:
    """Stakes per issue, computed by the rules in the module docstring."""
    axes = _axes()
    half_life = float(axes["defaults"]["recency_half_life_days"])
    floor = float(axes["defaults"]["salience_floor"])
    dated = [f.date for f in facts if f.date is not None]
    newest = max(dated) if dated else None
    cells: dict[tuple[str, str], list[_Fact]] = defaultdict(list)
    for fact in facts:
        cells[fact.party, fact.issue].append(fact)
    busiest: dict[str, int] = defaultdict(int)
    for (party, _issue_id), found in cells.items():
        busiest[party] = max(busiest[party], len(found))
    by_issue: dict[str, list[Stake]] = defaultdict(list)
    for (party, issue_id), found in sorted(cells.items()):
        weights = [_recency(f.date, newest, half_life) * f.confidence for f in found]
        values = [float(axes["positions"][f.type]) for f in found]
        total = sum(weights) or float(len(found))
        position = sum(w * v for w, v in zip(weights, values, strict=True)) / total
        frequency = len(found) / busiest[party]
        prominence = sum(f.prominence for f in found) / len(found)
        recency = max(_recency(f.date, newest, half_life) for f in found)
        salience = floor + (1 - floor) * (0.5 * frequency + 0.25 * prominence + 0.25 * recency)
        cited = Provenance(source="stances", stance_ids=sorted(f.id for f in found))
        by_issue[issue_id].append(
            Stake(
                actor=ids[party],
                issue=issue_id,
                position=round(position, 1),
                salience=round(min(salience, 1.0), 2),
                provenance={"position": cited, "salience": cited},
            )
        )
    return by_issue


def _actor(party: str, actor_id: str) -> Actor:
    state = cinc_table().get(party.lower())
    if state is None:
        default = float(_axes()["defaults"]["capability"])
        note = "not in the CINC table (not a state of the COW system in 2016): stated default"
        return Actor(
            id=actor_id,
            name=party,
            capability=default,
            provenance={"capability": Provenance(source="default", note=note)},
        )
    note = f"CINC {state.year} of {state.name} ({state.stateabb}) × {CINC_SCALE:g}, COW NMC v6.0"
    return Actor(
        id=actor_id,
        name=party,
        capability=round(state.cinc * CINC_SCALE, 4),
        provenance={"capability": Provenance(source="import", note=note)},
    )


def _actor_ids(parties: list[str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for party in parties:
        base = slug(party)
        candidate, k = base, 2
        while candidate in ids.values():
            candidate, k = f"{base}_{k}", k + 1
        ids[party] = candidate
    return ids


def draft_scenario(
    store: Store, negotiation: str | None = None, as_of: str | dt.date | None = None
) -> Scenario:
    """A scenario drafted from the stances of ``negotiation`` (the only one when omitted)."""
    day = parse_date(as_of, "--as-of")
    name, facts = _facts(store, negotiation, day)
    parties = sorted({f.party for f in facts})
    ids = _actor_ids(parties)
    kept: dict[str, list[Stake]] = {}
    dropped: list[str] = []
    for issue_id, stakes in sorted(_stakes(facts, ids).items()):
        if len(stakes) < 2:
            dropped.append(f"{issue_id} (only one party speaks to it)")
        elif len({s.position for s in stakes}) == 1:
            dropped.append(f"{issue_id} (every party at the same point)")
        else:
            kept[issue_id] = stakes
    actors_used = sorted({s.actor for stakes in kept.values() for s in stakes})
    if not kept or len(actors_used) < 2:
        reason = "no issue has stances of two parties at different points"
        if not facts:
            reason = "it has no stances" + (f" dated on or before {day}" if day else "")
        raise InputError("E606", source="accord draft-scenario", name=name, reason=reason)
    dated = [f.date for f in facts if f.date is not None]
    notes = [f"Drafted from {len(facts)} stances in the record of {name!r}."]
    if dropped:
        notes.append("Left out: " + "; ".join(dropped) + ".")
    silent = [p for p in parties if ids[p] not in actors_used]
    if silent:
        notes.append("Parties without a modelled stake: " + ", ".join(silent) + ".")
    return Scenario(
        name=slug(name)[:60] or "draft",
        description=" ".join(notes),
        date=_scenario_date(day, dated),
        actors=[_actor(p, ids[p]) for p in parties if ids[p] in actors_used],
        issues=[_issue(i) for i in kept],
        stakes=[s for stakes in kept.values() for s in stakes],
    )


def _scenario_date(as_of: dt.date | None, dated: list[dt.date]) -> str | None:
    """The as-of date, else the newest stance's date."""
    when = as_of or (max(dated) if dated else None)
    return when.isoformat() if when else None


def scenario_yaml(scenario: Scenario) -> str:
    """The scenario as YAML that ``accord.schema.load_scenario`` reads back."""
    header = (
        "# Drafted by `accord draft-scenario` from the record; edit before relying on it.\n"
        "# Provenance: `stances` lists the stance ids behind a number (see `accord evidence ID`),\n"
        "# `import` a capability from the CINC table, `default` a stated default.\n"
    )
    body = yaml.safe_dump(
        scenario.model_dump(mode="json", exclude_none=True, exclude_defaults=False),
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return header + body
