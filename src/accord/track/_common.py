"""Helpers shared by the views: choosing a negotiation and ordering facts in time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.errors import InputError, ReferenceError_
from accord.store.models import Negotiation

__all__ = ["EVIDENCE_IDS", "find_negotiation", "parse_date", "single_negotiation"]

#: At most this many evidence ids are listed per board cell or status (the counts are exact).
EVIDENCE_IDS = 25


def _known(session: Session) -> str:
    names = session.scalars(select(Negotiation.name).order_by(Negotiation.name)).all()
    shown = ", ".join(repr(n) for n in names[:5])
    return shown + (f" and {len(names) - 5} more" if len(names) > 5 else "") or "none"


def find_negotiation(session: Session, name: str) -> Negotiation:
    """The negotiation called ``name`` (or with that id); a one-line error otherwise."""
    found = session.scalars(
        select(Negotiation).where((Negotiation.name == name) | (Negotiation.id == name))
    ).first()
    if found is None:
        raise ReferenceError_("E601", name=name, known=_known(session))
    return found


def single_negotiation(session: Session, name: str | None) -> Negotiation:
    """``name``'s negotiation, or the only one in the record when no name is given."""
    if name is not None:
        return find_negotiation(session, name)
    found = session.scalars(select(Negotiation).order_by(Negotiation.name).limit(2)).all()
    if not found:
        raise ReferenceError_("E605")
    if len(found) > 1:
        raise ReferenceError_("E604", known=_known(session))
    return found[0]


def parse_date(value: str | dt.date | None, option: str = "date") -> dt.date | None:
    """A date from ``YYYY-MM-DD`` text; a one-line error naming the option otherwise."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError("E603", source=option, value=value) from None


def date_key(value: dt.date | None) -> tuple[int, Any]:
    """Sort key placing undated facts before dated ones: an unknown date ranks oldest."""
    return (0, dt.date.min) if value is None else (1, value)
