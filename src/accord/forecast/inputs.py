"""A scenario's issues as the plain arrays the engine and the Monte Carlo workers take."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from accord.schema.forecast import SkippedIssue
from accord.schema.scenario import Scenario

__all__ = ["IssueInput", "issue_inputs", "same_size_groups"]


@dataclass(frozen=True)
class IssueInput:
    """The actors with a position on one issue, in scenario order, and the issue's axis."""

    issue: str
    name: str
    actors: tuple[str, ...]
    positions: NDArray[np.float64]
    capabilities: NDArray[np.float64]
    saliences: NDArray[np.float64]
    scale: tuple[float, float]
    options: tuple[tuple[str, float], ...]


def issue_inputs(scenario: Scenario) -> tuple[list[IssueInput], list[SkippedIssue]]:
    """One input per issue the model can run on, and the issues it cannot, with the reason.

    Actors without a stake on an issue, or with a stake that has no position (categorical
    issues), do not take part in it.
    """
    capability = {a.id: a.capability for a in scenario.actors}
    inputs: list[IssueInput] = []
    skipped: list[SkippedIssue] = []
    for issue in scenario.issues:
        stakes = [s for s in scenario.stakes_on(issue.id) if s.position is not None]
        positions = np.array([s.position for s in stakes], dtype=np.float64)
        capabilities = np.array([capability[s.actor] for s in stakes], dtype=np.float64)
        saliences = np.array([s.salience for s in stakes], dtype=np.float64)
        reason = None
        if len(stakes) < 2:
            reason = "fewer than 2 actors have a position on this issue"
        elif positions.max() == positions.min():
            reason = "all positions on this issue are equal"
        elif not _fits_float(positions):
            reason = "positions too large for floating point"
        elif not float((capabilities * saliences).max()) > 0.0:
            reason = "every actor's capability × salience on this issue is 0"
        if reason is not None:
            skipped.append(SkippedIssue(issue=issue.id, reason=reason))
            continue
        inputs.append(
            IssueInput(
                issue=issue.id,
                name=issue.label,
                actors=tuple(s.actor for s in stakes),
                positions=positions,
                capabilities=capabilities,
                saliences=saliences,
                scale=issue.scale,
                options=tuple((o.id, o.at) for o in issue.options if o.at is not None),
            )
        )
    return inputs, skipped


def _fits_float(positions: NDArray[np.float64]) -> bool:
    """Whether the range and the sums of the positions stay finite (hostile inputs don't)."""
    with np.errstate(over="ignore"):
        return bool(np.isfinite(np.ptp(positions)) and np.isfinite(np.abs(positions).sum()))


def same_size_groups(sizes: Sequence[int]) -> list[list[int]]:
    """Indices grouped by size (number of actors), so that each group runs as one batch."""
    groups: dict[int, list[int]] = {}
    for m, size in enumerate(sizes):
        groups.setdefault(size, []).append(m)
    return list(groups.values())
