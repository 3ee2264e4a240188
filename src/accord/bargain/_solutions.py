"""The four bargaining solutions, chosen among the frontier packages.

Definitions follow models.md §3 (NegMAS naming trap avoided: *egalitarian* is
max-min, *Kalai–Smorodinsky* equalises normalised gains). With gains
``g = u − d`` (d the disagreement point) and ideal ``M`` (each party's best utility
over all packages):

* Nash: maximise ``Π g``;
* Kalai–Smorodinsky: minimise ``max a − min a`` with ``a = g / (M − d)`` over the
  parties with ``M > d``;
* egalitarian: maximise the sorted gain vector lexicographically (leximin);
* utilitarian: maximise ``Σ u``.

Ties on the primary criterion go to the leximin-best gains, then to the lowest
package index. All comparisons are exact (integer utilities; exact integer products
and fractions on the few candidates a float pre-filter leaves).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Literal

import numpy as np
import numpy.typing as npt

from accord.bargain._space import Ints, Space

__all__ = ["SOLUTIONS", "SolutionName", "leximin_first", "solve_frontier"]

SolutionName = Literal["nash", "kalai_smorodinsky", "egalitarian", "utilitarian"]
SOLUTIONS: tuple[SolutionName, ...] = ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian")
_SLACK = 1e-9  # float pre-filter width; the exact comparison decides among survivors


def leximin_first(gains: Ints, rows: npt.NDArray[np.int64]) -> int:
    """Among ``rows`` (ascending package order), the first with the leximin-best gains."""
    ranked = np.sort(gains[rows], axis=1)
    alive = np.arange(len(rows))
    for column in range(ranked.shape[1]):
        values = ranked[alive, column]
        alive = alive[values == values.max()]
    return int(rows[alive[0]])


def _nash(gains: Ints) -> npt.NDArray[np.int64]:
    with np.errstate(divide="ignore"):
        logs = np.log(gains.astype(np.float64)).sum(axis=1)
    top = logs.max()
    if top == -np.inf:
        return np.arange(len(gains))
    near = np.flatnonzero(logs >= top - _SLACK * max(1.0, abs(top)))
    products = [math.prod(int(g) for g in gains[r]) for r in near]
    best = max(products)
    return np.array([r for r, p in zip(near, products, strict=True) if p == best])


def _kalai_smorodinsky(gains: Ints, span: Ints) -> npt.NDArray[np.int64]:
    live = np.flatnonzero(span > 0)
    if len(live) == 0:
        return np.arange(len(gains))
    ratio = gains[:, live] / span[live].astype(np.float64)
    spread = ratio.max(axis=1) - ratio.min(axis=1)
    near = np.flatnonzero(spread <= spread.min() + _SLACK)
    exact = []
    for r in near:
        a = [Fraction(int(gains[r, p]), int(span[p])) for p in live]
        exact.append(max(a) - min(a))
    best = min(exact)
    return np.array([r for r, e in zip(near, exact, strict=True) if e == best])


def solve_frontier(space: Space, utilities: Ints) -> dict[SolutionName, int | None]:
    """Row of the frontier chosen by each solution (None when the frontier is empty)."""
    if len(utilities) == 0:
        return dict.fromkeys(SOLUTIONS, None)
    gains = utilities - space.disagreement
    every = np.arange(len(utilities))
    totals = utilities.sum(axis=1)
    primary = {
        "nash": _nash(gains),
        "kalai_smorodinsky": _kalai_smorodinsky(gains, space.maximum - space.disagreement),
        "egalitarian": every,
        "utilitarian": np.flatnonzero(totals == totals.max()),
    }
    return {name: leximin_first(gains, primary[name]) for name in SOLUTIONS}
