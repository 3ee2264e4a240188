"""The scenario: who sits at the table, what is on it, and where everyone stands.

A scenario is the input of both models: ``accord.forecast`` (the expected-utility
model) reads actors' capabilities and each actor's position and salience per issue;
``accord.bargain`` also reads the issues' discrete options, red lines, reservation
utilities and linkages. Every number can carry its provenance: ``analyst`` when a
person typed it, ``stances`` with the stance ids it was drafted from, ``default``
when nothing better was known, ``import`` when it came from another tool's file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "Actor",
    "Issue",
    "Linkage",
    "Option",
    "Provenance",
    "RedLine",
    "RuleViolation",
    "Scenario",
    "Stake",
]

Id = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=200)]
Unit = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Finite = Annotated[float, Field(allow_inf_nan=False)]


class RuleViolation(ValueError):
    """A cross-field rule broken at ``loc`` (a field path such as ``("stakes", 3, "actor")``).

    Raised inside validators so that the file reader can point at the offending
    field and line rather than at the scenario as a whole.
    """

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        self.loc = loc
        self.message = message
        super().__init__(message)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(_Model):
    """Where a number came from."""

    source: Literal["analyst", "stances", "default", "import"] = "analyst"
    stance_ids: list[str] = Field(default_factory=list)
    note: str | None = Field(default=None, description="One line justifying the number.")


class Actor(_Model):
    """A party (or faction) with influence over the outcome."""

    id: Id = Field(description="Stable key used in stakes and results.")
    name: str | None = Field(default=None, description="Display name; defaults to the id.")
    description: str | None = None
    capability: Finite = Field(ge=0.0, description="Influence; only ratios between actors matter.")
    reservation: Unit | None = Field(
        default=None,
        description="Walk-away utility in [0, 1] for bargaining; none = no deal floor.",
    )
    risk_exponent: Annotated[float, Field(gt=0.0, le=10.0, allow_inf_nan=False)] = Field(
        default=1.0,
        description="Curvature r of bargaining utility derived from positions, 1 − d^r for "
        "normalised distance d: 1 linear, above 1 risk-averse (concave), below 1 risk-acceptant.",
    )
    provenance: dict[Literal["capability", "reservation", "risk_exponent"], Provenance] = Field(
        default_factory=dict
    )

    @property
    def label(self) -> str:
        return self.name or self.id


class Option(_Model):
    """A discrete outcome of an issue; ``at`` places it on the issue's axis."""

    id: Id
    label: str | None = None
    at: Finite | None = Field(default=None, description="Point on the axis (ordered issues).")


class Issue(_Model):
    """One dimension of the negotiation with an axis whose two ends are described in words."""

    id: Id
    name: str | None = None
    description: str | None = None
    low: str = Field(default="", description="What the low end of the axis means.")
    high: str = Field(default="", description="What the high end of the axis means.")
    scale: tuple[Finite, Finite] = Field(default=(0.0, 100.0), description="Axis bounds.")
    ordered: bool = Field(
        default=True, description="False for categorical options without a place on the axis."
    )
    options: list[Option] = Field(default_factory=list)

    @property
    def label(self) -> str:
        return self.name or self.id

    @model_validator(mode="after")
    def _check(self) -> Issue:
        lo, hi = self.scale
        if not lo < hi:
            raise RuleViolation(("scale",), f"scale must run from low to high, got [{lo}, {hi}]")
        seen: set[str] = set()
        for k, option in enumerate(self.options):
            if option.id in seen:
                raise RuleViolation(("options", k, "id"), f"duplicate option {option.id!r}")
            seen.add(option.id)
            if self.ordered and option.at is None:
                raise RuleViolation(
                    ("options", k, "at"),
                    "options of an ordered issue need a place 'at' on the axis",
                )
            if option.at is not None and not lo <= option.at <= hi:
                raise RuleViolation(
                    ("options", k, "at"),
                    f"option at {option.at} lies outside the scale [{lo}, {hi}]",
                )
        return self


class RedLine(_Model):
    """What an actor will not accept on one issue."""

    acceptable: tuple[Finite, Finite] | None = Field(
        default=None, description="Closed interval of acceptable axis positions."
    )
    forbidden: list[str] = Field(default_factory=list, description="Option ids never accepted.")


class Stake(_Model):
    """One actor's position, salience and limits on one issue."""

    actor: Id
    issue: Id
    position: Finite | None = Field(
        default=None, description="Ideal point on the axis; optional for categorical issues."
    )
    salience: Unit = Field(description="Share of attention, read as the probability of resisting.")
    red_line: RedLine | None = None
    utilities: dict[str, Unit] | None = Field(
        default=None, description="Explicit utility in [0, 1] of each option, overriding distance."
    )
    provenance: dict[Literal["position", "salience", "red_line", "utilities"], Provenance] = Field(
        default_factory=dict
    )


class Linkage(_Model):
    """``if_issue`` in ``if_options`` only together with ``then_issue`` in ``then_options``.

    Sequencing ("guarantees only once a deal is signed") is a linkage too. ``actor``
    names whose condition it is, so that a deadlock can say who would have to give.
    """

    id: Id | None = None
    actor: Id | None = None
    if_issue: Id
    if_options: list[str] = Field(min_length=1)
    then_issue: Id
    then_options: list[str] = Field(min_length=1)
    note: str | None = None


class Scenario(_Model):
    """A negotiation ready to be modelled."""

    name: str = "scenario"
    description: str | None = None
    date: str | None = Field(default=None, description="Date the positions describe (ISO 8601).")
    actors: list[Actor]
    issues: list[Issue] = Field(min_length=1)
    stakes: list[Stake] = Field(min_length=1)
    linkages: list[Linkage] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Scenario:
        if len(self.actors) < 2:
            raise RuleViolation(("actors",), f"needs at least 2 actors, got {len(self.actors)}")
        actor_ids = _unique(self.actors, "actors", "actor")
        issues = {issue.id: issue for issue in self.issues}
        _unique(self.issues, "issues", "issue")
        if all(actor.capability == 0 for actor in self.actors):
            raise RuleViolation(("actors",), "at least one actor needs a capability above 0")
        seen: set[tuple[str, str]] = set()
        for k, stake in enumerate(self.stakes):
            _check_stake(k, stake, actor_ids, issues, seen)
        for issue in self.issues:
            _check_issue_positions(issue, self.stakes, self.issues.index(issue))
        for k, link in enumerate(self.linkages):
            _check_linkage(k, link, actor_ids, issues)
        return self

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def issue(self, issue_id: str) -> Issue:
        return next(i for i in self.issues if i.id == issue_id)

    def stakes_on(self, issue_id: str) -> list[Stake]:
        """The stakes on one issue, in the order the actors are listed."""
        order = {a.id: k for k, a in enumerate(self.actors)}
        return sorted((s for s in self.stakes if s.issue == issue_id), key=lambda s: order[s.actor])


def _unique(items: Sequence[Actor | Issue], field: str, what: str) -> set[str]:
    seen: set[str] = set()
    for k, item in enumerate(items):
        if item.id in seen:
            raise RuleViolation((field, k, "id"), f"duplicate {what} {item.id!r}")
        seen.add(item.id)
    return seen


def _check_stake(
    k: int, stake: Stake, actors: set[str], issues: dict[str, Issue], seen: set[tuple[str, str]]
) -> None:
    if stake.actor not in actors:
        raise RuleViolation(("stakes", k, "actor"), f"unknown actor {stake.actor!r}")
    issue = issues.get(stake.issue)
    if issue is None:
        raise RuleViolation(("stakes", k, "issue"), f"unknown issue {stake.issue!r}")
    if (stake.actor, stake.issue) in seen:
        raise RuleViolation(("stakes", k), f"duplicate stake of {stake.actor!r} on {stake.issue!r}")
    seen.add((stake.actor, stake.issue))
    lo, hi = issue.scale
    if stake.position is None:
        if issue.ordered:
            raise RuleViolation(
                ("stakes", k, "position"), "a position is required on ordered issues"
            )
        if stake.utilities is None:
            raise RuleViolation(
                ("stakes", k, "utilities"), "give a position or a utility table for each option"
            )
    elif not lo <= stake.position <= hi:
        raise RuleViolation(
            ("stakes", k, "position"),
            f"position {stake.position} lies outside the scale [{lo}, {hi}] of {issue.id!r}",
        )
    options = {o.id for o in issue.options}
    if stake.utilities is not None:
        unknown = sorted(set(stake.utilities) - options)
        if unknown:
            raise RuleViolation(("stakes", k, "utilities"), f"unknown option(s) {unknown}")
        missing = sorted(options - set(stake.utilities))
        if missing:
            raise RuleViolation(("stakes", k, "utilities"), f"no utility for option(s) {missing}")
    if stake.red_line is not None:
        bad = sorted(set(stake.red_line.forbidden) - options)
        if bad:
            raise RuleViolation(("stakes", k, "red_line", "forbidden"), f"unknown option(s) {bad}")
        if stake.red_line.acceptable is not None:
            a, b = stake.red_line.acceptable
            if not (lo <= a <= b <= hi):
                raise RuleViolation(
                    ("stakes", k, "red_line", "acceptable"),
                    f"acceptable interval [{a}, {b}] must be ordered and inside [{lo}, {hi}]",
                )


def _check_issue_positions(issue: Issue, stakes: list[Stake], index: int) -> None:
    on_issue = [s for s in stakes if s.issue == issue.id]
    if len(on_issue) < 2:
        raise RuleViolation(
            ("issues", index), f"issue {issue.id!r} needs stakes of at least 2 actors"
        )
    positions = {s.position for s in on_issue if s.position is not None}
    if len(positions) == 1 and all(s.position is not None for s in on_issue):
        raise RuleViolation(
            ("issues", index),
            f"all positions on issue {issue.id!r} are equal ({positions.pop()}); nothing to model",
        )


def _check_linkage(k: int, link: Linkage, actors: set[str], issues: dict[str, Issue]) -> None:
    if link.actor is not None and link.actor not in actors:
        raise RuleViolation(("linkages", k, "actor"), f"unknown actor {link.actor!r}")
    for side in ("if", "then"):
        issue_id: str = getattr(link, f"{side}_issue")
        issue = issues.get(issue_id)
        if issue is None:
            raise RuleViolation(("linkages", k, f"{side}_issue"), f"unknown issue {issue_id!r}")
        known = {o.id for o in issue.options}
        bad = sorted(set(getattr(link, f"{side}_options")) - known)
        if bad:
            raise RuleViolation(
                ("linkages", k, f"{side}_options"), f"unknown option(s) {bad} of {issue_id!r}"
            )
