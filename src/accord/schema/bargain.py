"""The result of a bargaining search: packages, solutions and what blocks a deal.

``accord bargain --json`` prints :class:`BargainResult`; ``accord schema bargain``
prints its JSON Schema. Utilities are in [0, 1] (salience-weighted means of option
utilities); a package maps every bargained issue id to one option id.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "BargainResult",
    "BlockingSet",
    "ConflictSet",
    "ConstraintInfo",
    "Fragility",
    "FrontierPackage",
    "Solution",
    "SolutionName",
]

SolutionName = Literal["nash", "kalai_smorodinsky", "egalitarian", "utilitarian"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Solution(_Model):
    """One bargaining solution: the package and what it means for every party."""

    package: dict[str, str] = Field(description="Issue id → option id.")
    utilities: dict[str, float] = Field(description="Actor id → utility of the package.")
    gains: dict[str, float] = Field(description="Actor id → utility above its disagreement point.")
    concessions: dict[str, float] = Field(
        description="Actor id → utility given up relative to its ideal package."
    )
    conceded_issues: dict[str, list[str]] = Field(
        description="Actor id → issues where the package is not one of its best options."
    )


class FrontierPackage(_Model):
    """A Pareto-optimal feasible package."""

    package: dict[str, str]
    utilities: dict[str, float]


class ConstraintInfo(_Model):
    """A named condition with an owner: a red line, a linkage or a reservation utility."""

    id: str
    kind: Literal["red_line", "linkage", "reservation"]
    owner: str | None = Field(description="Actor whose condition it is (None: nobody named).")
    salience: float = Field(description="Weight used to rank blocking sets.")
    text: str
    detail: str


class BlockingSet(_Model):
    """A minimal set of constraints whose relaxation makes a deal possible."""

    rank: int
    constraints: list[str]
    parties: list[str]
    salience: float
    text: str


class ConflictSet(_Model):
    """A minimal set of constraints that no package can satisfy together."""

    constraints: list[str]
    parties: list[str]
    text: str


class Fragility(_Model):
    """A constraint one tightening step away from removing every deal."""

    constraint: str
    owner: str | None
    tightening: str = Field(description="The step that would leave no deal.")
    slack: float | None = Field(
        default=None, description="For reservations: how far it can rise before no deal is left."
    )
    text: str


class BargainResult(_Model):
    """Everything ``accord bargain`` found about one scenario."""

    scenario: str
    method: Literal["exact", "cp-sat"] = Field(
        description="'exact': every package evaluated; 'cp-sat': solver with proven optimality."
    )
    parties: list[str]
    issues: list[str]
    excluded_issues: list[str] = Field(description="Issues without options, left out.")
    packages: int
    feasible: int | None = Field(description="None when the space was too large to count.")
    frontier_size: int | None
    ideal: dict[str, float] = Field(description="Each party's best utility over all packages.")
    disagreement: dict[str, float] = Field(description="The disagreement point of each party.")
    solutions: dict[SolutionName, Solution | None]
    constraints: list[ConstraintInfo]
    blocking: list[BlockingSet] = Field(description="Ranked; empty when a deal exists.")
    blocking_complete: bool = Field(
        default=True, description="False when the solver stopped at its limit of blocking sets."
    )
    conflicts: list[ConflictSet] = Field(description="Minimal conflicting sets behind a deadlock.")
    conflicts_complete: bool = Field(
        default=True, description="False when there were too many to list them all."
    )
    fragile: list[Fragility] = Field(description="When deals exist: what could remove them all.")
    frontier: list[FrontierPackage] | None = Field(
        default=None, description="The frontier packages (omitted unless asked for)."
    )
