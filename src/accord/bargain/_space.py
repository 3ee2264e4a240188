"""Compile a :class:`~accord.schema.Scenario` into the integer tables the search runs on.

Decisions use integers in units of ``1/QUANTUM``: each option's contribution
``salience share × option utility`` is rounded once, so a package's utility is an exact
integer sum. Comparisons (dominance, reservation, ties) are then exact and do not depend
on the order of summation, which keeps the numpy path, the CP-SAT path and the test
oracle consistent. 10^9 keeps every CP-SAT coefficient product inside 64 bits. Reported
utilities are the unrounded float sums of the same contributions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from accord.errors import ScenarioError
from accord.schema.scenario import Issue, Scenario, Stake

__all__ = ["QUANTUM", "BargainIssue", "Constraint", "ConstraintKind", "Space", "compile_space"]

#: Utility units per 1.0; package utilities are exact integer sums of rounded contributions.
QUANTUM = 10**9

ConstraintKind = Literal["red_line", "linkage", "reservation"]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class BargainIssue:
    """An issue with discrete options, as the search sees it."""

    id: str
    label: str
    options: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Constraint:
    """One named, owned condition a package must meet.

    ``allowed`` is per option of ``issue`` (red line) or of ``then_issue`` (linkage);
    ``trigger`` marks the options of ``issue`` that switch a linkage on. ``origin`` is
    the index of the scenario's stake, linkage or actor the constraint comes from.
    """

    id: str
    kind: ConstraintKind
    owner: str | None
    salience: float
    text: str
    detail: str
    origin: int
    issue: int = -1
    allowed: Bools | None = None
    trigger: Bools | None = None
    then_issue: int = -1
    party: int = -1
    threshold: int = 0


@dataclass(frozen=True, eq=False)
class Space:
    """Parties, issues, integer utility contributions and constraints of one scenario."""

    name: str
    parties: tuple[str, ...]
    party_labels: tuple[str, ...]
    issues: tuple[BargainIssue, ...]
    excluded_issues: tuple[str, ...]
    #: per issue, an (n_parties, n_options) table of utility contributions in quanta
    contributions: tuple[Ints, ...]
    #: the same contributions as floats, for reporting
    values: tuple[npt.NDArray[np.float64], ...]
    constraints: tuple[Constraint, ...]
    #: per party, its reservation utility in quanta, or None
    reservation: tuple[int | None, ...]
    #: per party, its reservation utility as given, or None
    reservation_value: tuple[float | None, ...]
    minimum: Ints = field(init=False)
    maximum: Ints = field(init=False)
    disagreement: Ints = field(init=False)

    def __post_init__(self) -> None:
        n = len(self.parties)
        lo = np.zeros(n, dtype=np.int64)
        hi = np.zeros(n, dtype=np.int64)
        for table in self.contributions:
            lo += table.min(axis=1)
            hi += table.max(axis=1)
        # NegMAS semantics (models.md §3): the reservation if it lies inside the
        # party's utility range, else its minimum over all packages.
        d = lo.copy()
        for a, r in enumerate(self.reservation):
            if r is not None and r > lo[a]:
                d[a] = r
        object.__setattr__(self, "minimum", lo)
        object.__setattr__(self, "maximum", hi)
        object.__setattr__(self, "disagreement", d)

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(len(issue.options) for issue in self.issues)

    @property
    def packages(self) -> int:
        return math.prod(self.sizes)

    def utilities(self, choice: Sequence[int]) -> Ints:
        """Integer utilities of one package given as option indices."""
        total = np.zeros(len(self.parties), dtype=np.int64)
        for table, o in zip(self.contributions, choice, strict=True):
            total += table[:, o]
        return total

    def float_utilities(self, choice: Sequence[int]) -> npt.NDArray[np.float64]:
        """Unrounded utilities of one package, summed in issue order."""
        total = np.zeros(len(self.parties))
        for table, o in zip(self.values, choice, strict=True):
            total += table[:, o]
        return total

    def float_ideal(self) -> npt.NDArray[np.float64]:
        return np.asarray(sum(t.max(axis=1) for t in self.values), dtype=np.float64)

    def float_disagreement(self) -> npt.NDArray[np.float64]:
        d = np.asarray(sum(t.min(axis=1) for t in self.values), dtype=np.float64)
        for a, r in enumerate(self.reservation_value):
            if r is not None and self.disagreement[a] != self.minimum[a]:
                d[a] = r
        return d

    def named(self, choice: Sequence[int]) -> dict[str, str]:
        return {issue.id: issue.options[o] for issue, o in zip(self.issues, choice, strict=True)}


def compile_space(scenario: Scenario, *, source: str | None = None) -> Space:
    """Build the search space; issues without options are left out (and listed).

    ``source`` names the file in error messages (default: the scenario's name).

    Raises:
        ScenarioError: the scenario cannot be bargained over (see E300–E307).
    """
    source = source or scenario.name
    issues = [issue for issue in scenario.issues if issue.options]
    if not issues:
        raise ScenarioError("E300", source=source, where="issues")
    issue_index = {issue.id: k for k, issue in enumerate(issues)}
    stakes = [(k, s) for k, s in enumerate(scenario.stakes) if s.issue in issue_index]
    parties = [a for a in scenario.actors if any(s.actor == a.id for _, s in stakes)]
    if len(parties) < 2:
        raise ScenarioError("E306", source=source, where="stakes")
    party_index = {a.id: k for k, a in enumerate(parties)}
    n = len(parties)

    weights = np.zeros((n, len(issues)))
    for _, s in stakes:
        weights[party_index[s.actor], issue_index[s.issue]] = s.salience
    for a, actor in enumerate(parties):
        total = sum(float(w) for w in weights[a])
        if total == 0.0:
            raise ScenarioError("E303", source=source, where="stakes", actor=actor.id)
        weights[a] = weights[a] / total

    values = [np.zeros((n, len(issue.options))) for issue in issues]
    for k, s in stakes:
        a, i = party_index[s.actor], issue_index[s.issue]
        u = _option_utilities(issues[i], s, parties[a].risk_exponent, source, k)
        values[i][a] = weights[a, i] * u
    tables = [np.rint(QUANTUM * v).astype(np.int64) for v in values]

    labels = {a.id: a.label for a in scenario.actors}
    ordered = sorted(stakes, key=lambda ks: (party_index[ks[1].actor], issue_index[ks[1].issue]))
    constraints = [
        _red_line(k, s, issues[issue_index[s.issue]], issue_index[s.issue], labels, source)
        for k, s in ordered
        if s.red_line is not None
    ]
    constraints += _linkages(scenario, issues, issue_index, labels, source)
    reservation: list[int | None] = []
    for a, actor in enumerate(parties):
        if actor.reservation is None:
            reservation.append(None)
            continue
        threshold = round(actor.reservation * QUANTUM)
        reservation.append(threshold)
        constraints.append(
            Constraint(
                id=f"reservation:{actor.id}",
                kind="reservation",
                owner=actor.id,
                salience=1.0,
                text=f"{_possessive(actor.label)} reservation utility",
                detail=f"{actor.label} walks away from any package worth less than "
                f"{actor.reservation:g} to it",
                origin=scenario.actors.index(actor),
                party=a,
                threshold=threshold,
            )
        )
    return Space(
        name=scenario.name,
        parties=tuple(a.id for a in parties),
        party_labels=tuple(a.label for a in parties),
        issues=tuple(
            BargainIssue(issue.id, issue.label, tuple(o.id for o in issue.options))
            for issue in issues
        ),
        excluded_issues=tuple(issue.id for issue in scenario.issues if not issue.options),
        contributions=tuple(tables),
        values=tuple(values),
        constraints=tuple(constraints),
        reservation=tuple(reservation),
        reservation_value=tuple(a.reservation for a in parties),
    )


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _option_utilities(
    issue: Issue, stake: Stake, risk: float, source: str, k: int
) -> npt.NDArray[np.float64]:
    """Utility in [0, 1] of each option: the explicit table, else 1 − d^r of the distance."""
    if stake.utilities is not None:
        return np.array([stake.utilities[o.id] for o in issue.options], dtype=np.float64)
    if any(o.at is None for o in issue.options):
        raise ScenarioError(
            "E301", source=source, where=f"stakes[{k}]", actor=stake.actor, issue=issue.id
        )
    assert stake.position is not None  # the scenario rules demand a position or a table
    lo, hi = issue.scale
    at = np.array([o.at for o in issue.options], dtype=np.float64)
    distance = np.abs(at - stake.position) / (hi - lo)
    return np.asarray(1.0 - distance**risk, dtype=np.float64)


def _red_line(
    k: int, stake: Stake, issue: Issue, i: int, labels: dict[str, str], source: str
) -> Constraint:
    red = stake.red_line
    assert red is not None
    allowed = np.array([o.id not in red.forbidden for o in issue.options], dtype=np.bool_)
    words = []
    if red.forbidden:
        words.append(f"rejects {', '.join(red.forbidden)}")
    if red.acceptable is not None:
        a, b = red.acceptable
        unplaced = [o.id for o in issue.options if o.at is None]
        if unplaced:
            raise ScenarioError(
                "E302",
                source=source,
                where=f"stakes[{k}].red_line.acceptable",
                actor=stake.actor,
                issue=issue.id,
                options=unplaced,
            )
        allowed &= np.array([a <= float(o.at or 0.0) <= b for o in issue.options])
        words.append(f"accepts only {a:g}–{b:g} on the axis")
    ok = [o.id for o, keep in zip(issue.options, allowed, strict=True) if keep]
    label = labels[stake.actor]
    return Constraint(
        id=f"red_line:{stake.actor}:{issue.id}",
        kind="red_line",
        owner=stake.actor,
        salience=stake.salience,
        text=f"{_possessive(label)} red line on {issue.label}",
        detail=f"{label} {' and '.join(words) or 'rules out nothing'} on {issue.label} "
        f"(allows: {', '.join(ok) or 'no option'})",
        origin=k,
        issue=i,
        allowed=allowed,
    )


def _linkages(
    scenario: Scenario,
    issues: list[Issue],
    issue_index: dict[str, int],
    labels: dict[str, str],
    source: str,
) -> list[Constraint]:
    saliences = {(s.actor, s.issue): s.salience for s in scenario.stakes}
    out = []
    for k, link in enumerate(scenario.linkages):
        name = link.id or f"{k + 1}"
        if link.if_issue == link.then_issue:
            raise ScenarioError(
                "E304", source=source, where=f"linkages[{k}]", linkage=name, issue=link.if_issue
            )
        x, y = issue_index[link.if_issue], issue_index[link.then_issue]
        owner = link.actor
        who = _possessive(labels[owner]) if owner else "the"
        salience = max(
            saliences.get((owner, link.if_issue), 0.0) if owner else 0.0,
            saliences.get((owner, link.then_issue), 0.0) if owner else 0.0,
        )
        out.append(
            Constraint(
                id=f"linkage:{name}",
                kind="linkage",
                owner=owner,
                salience=salience,
                text=f"{who} linkage of {issues[x].label} to {issues[y].label}",
                detail=f"{issues[x].label} in {{{', '.join(link.if_options)}}} only together "
                f"with {issues[y].label} in {{{', '.join(link.then_options)}}}"
                + (f" ({link.note})" if link.note else ""),
                origin=k,
                issue=x,
                trigger=np.array([o.id in link.if_options for o in issues[x].options]),
                then_issue=y,
                allowed=np.array([o.id in link.then_options for o in issues[y].options]),
            )
        )
    return out
