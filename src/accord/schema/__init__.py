"""Typed domain values shared by every stage, and their JSON Schema."""

from __future__ import annotations

from accord.schema.forecast import ForecastResult, Stopping, Variant
from accord.schema.news import (
    STANCE_TYPES,
    STATUS_VALUES,
    Article,
    Event,
    Extraction,
    Meeting,
    PersonRecord,
    Stance,
    StanceType,
    StatusCue,
    StatusValue,
)
from accord.schema.scenario import (
    Actor,
    Issue,
    Linkage,
    Option,
    Provenance,
    RedLine,
    RuleViolation,
    Scenario,
    Stake,
)
from accord.schema.scenario_files import load_scenario, parse_scenario

__all__ = [
    "STANCE_TYPES",
    "STATUS_VALUES",
    "Actor",
    "Article",
    "Event",
    "Extraction",
    "ForecastResult",
    "Issue",
    "Linkage",
    "Meeting",
    "Option",
    "PersonRecord",
    "Provenance",
    "RedLine",
    "RuleViolation",
    "Scenario",
    "Stake",
    "Stance",
    "StanceType",
    "StatusCue",
    "StatusValue",
    "Stopping",
    "Variant",
    "load_scenario",
    "parse_scenario",
]
