"""The expected-utility model on one issue, vectorised with numpy (models.md §1).

One round costs O(n² log n): the global normaliser S comes from each voter's sorted
utilities in closed form, and the vote totals behind every probability come from prefix
sums over the voters sorted by position, because the voters who prefer ``x_i`` to ``x_j``
are exactly those on ``x_i``'s side of the midpoint. Only the two perspectives the model
reads are built: ``E^i[U_ij]`` and ``E^i[U_ji]``.

Every choice the specification leaves open is listed in docs/forecast.md; the constants
below are the tolerances named there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from accord.schema.forecast import OfferType, Stopping, StopReason, Variant

__all__ = [
    "NO_OFFER",
    "OFFER_TYPES",
    "IssueRun",
    "RoundState",
    "median_position",
    "run_issue",
    "weighted_mean",
]

Vector = NDArray[np.float64]
Matrix = NDArray[np.float64]

#: Offer type codes in :attr:`RoundState.offer_type`; 0 means no offer.
NO_OFFER = 0
OFFER_TYPES: dict[int, OfferType] = {1: "conflict", 2: "compromise", 3: "capitulation"}
_CONFLICT, _COMPROMISE, _CAPITULATION = 1, 2, 3

#: Median ties: positions whose weighted distance sum is within this share of
#: Σw·Δ of the minimum count as tied, and the lowest of them wins.
MEDIAN_TIE = 1e-12
#: Up to this many actors the vote totals come from the dense tensor (faster for small n).
DENSE_LIMIT = 32
#: Pairs closer than this share of the current range get their votes summed directly.
NEAR_PAIR = 1e-3
_PAIR_BLOCK = 2048
#: Danger levels whose spread is at most this (times max(1, max|D|)) count as all equal.
DANGER_TIE = 1e-12


@dataclass(frozen=True)
class RoundState:
    """One round: what each actor saw, was offered and did.

    Round 0 has only ``positions``, ``median`` and ``mean``; the matrices are empty.
    ``offer_type[i, j]`` is the offer actor ``j`` makes to actor ``i`` (the receiver, who
    may move to ``offer_position[i, j]``); ``choice[i]`` is the sender whose offer ``i``
    accepted, or -1.
    """

    positions: Vector
    median: float
    mean: float
    risk: Vector = field(default_factory=lambda: np.empty(0))
    danger: Vector = field(default_factory=lambda: np.empty(0))
    offer_type: NDArray[np.int8] = field(default_factory=lambda: np.empty((0, 0), np.int8))
    offer_position: Matrix = field(default_factory=lambda: np.empty((0, 0)))
    choice: NDArray[np.intp] = field(default_factory=lambda: np.empty(0, np.intp))


@dataclass(frozen=True)
class IssueRun:
    """All rounds of one issue and why they stopped."""

    rounds: list[RoundState]
    stop_reason: StopReason
    cycle_start: int | None


def weighted_mean(x: Vector, w: Vector) -> float:
    """Capability × salience weighted mean position."""
    return float(np.dot(w, x) / w.sum())


def median_position(x: Vector, w: Vector, delta: float) -> float:
    """The median voter position: the Condorcet winner among the actors' positions.

    Position ``x_j`` beats ``x_l`` under the ρ = 1 votes exactly when
    ``F(x_j) < F(x_l)`` with ``F(y) = Σ_k w_k |x_k − y|``, so the winner minimises F over
    the actors' positions. Ties (within :data:`MEDIAN_TIE`) go to the lowest position.
    """
    f = np.abs(x[:, None] - x[None, :]).T @ w
    tied = f <= f.min() + MEDIAN_TIE * float(w.sum()) * delta
    return float(x[tied].min())


def _powered_distances(x: Vector, r: Vector, delta: float) -> Matrix:
    """``Y[k, a] = d(k, a) ** r_k``: voter k's distance to each position, under its own r."""
    d = np.abs(x[:, None] - x[None, :]) / delta
    return d if bool(np.all(r == 1.0)) else d ** r[:, None]


def _win_votes(x: Vector, w: Vector, y: Matrix) -> Matrix:
    """``N[i, j] = Σ_k w_k max(0, Y[k, j] − Y[k, i])``: the votes for ``x_i`` over ``x_j``.

    Up to :data:`DENSE_LIMIT` actors the n × n × n tensor of vote differences is small and
    one matrix product is fastest. Above it: only voters strictly on ``x_i``'s side of the
    midpoint prefer ``x_i`` (a voter on the midpoint is indifferent), so the sum is a
    difference of prefix sums over the voters sorted by position, O(n² log n).
    """
    n = x.size
    if n <= DENSE_LIMIT:
        gains = np.maximum(y[:, None, :] - y[:, :, None], 0.0).reshape(n, n * n)
        return np.asarray(w @ gains).reshape(n, n)
    order = np.argsort(x, kind="stable")
    xs = x[order]
    prefix = np.zeros((n + 1, n))
    np.cumsum(w[order, None] * y[order], axis=0, out=prefix[1:])
    mid = (x[:, None] + x[None, :]) * 0.5
    cols = np.arange(n)
    below = np.searchsorted(xs, mid, side="left")
    above = np.searchsorted(xs, mid, side="right")
    # x_i < x_j: voters below the midpoint are i's; x_i > x_j: voters above it.
    low = prefix[below, cols[None, :]] - prefix[below, cols[:, None]]
    total = prefix[n]
    high = (total[None, :] - prefix[above, cols[None, :]]) - (
        total[:, None] - prefix[above, cols[:, None]]
    )
    votes = np.where(x[:, None] < x[None, :], low, np.where(x[:, None] > x[None, :], high, 0.0))
    # Prefix differences lose digits when x_i and x_j nearly coincide; sum those pairs directly.
    gap = np.abs(x[:, None] - x[None, :])
    near_i, near_j = np.nonzero((gap > 0.0) & (gap < NEAR_PAIR * (x.max() - x.min())))
    for start in range(0, near_i.size, _PAIR_BLOCK):
        i, j = near_i[start : start + _PAIR_BLOCK], near_j[start : start + _PAIR_BLOCK]
        votes[i, j] = w @ np.maximum(y[:, j] - y[:, i], 0.0)
    return np.maximum(votes, 0.0)


def _probabilities(x: Vector, w: Vector, r: Vector, delta: float, normaliser: str) -> Matrix:
    """``P[i, j]``: probability that ``x_i`` prevails against ``x_j`` (models.md §1.3)."""
    y = _powered_distances(x, r, delta)
    votes = _win_votes(x, w, y)
    if normaliser == "pairwise":
        both = votes + votes.T
        return np.divide(votes, both, out=np.zeros_like(votes), where=both > 0)
    # S = Σ_k w_k Σ_a Σ_b |y_ka − y_kb|; for sorted y, Σ_ab |y_a − y_b| = 2 Σ_m (2m − n + 1) y_m.
    n = x.size
    coef = 2.0 * np.arange(n) - (n - 1)
    total = 2.0 * float(w @ (np.sort(y, axis=1) @ coef))
    return votes / total if total > 0 else np.zeros_like(votes)


def _outcome_utilities(d: Matrix, r: Matrix | float) -> tuple[Matrix, Matrix, Matrix | float]:
    """U_s, U_f and U_sq of models.md §1.4 for evaluator exponent ``r`` (broadcast on ``d``).

    ``d`` is symmetric, so with the evaluator in the rows the same matrices serve both
    ``E^i[U_ij]`` and ``E^i[U_ji]``.
    """
    u_s = 2.0 - 4.0 * (0.5 - 0.5 * d) ** r
    u_f = 2.0 - 4.0 * (0.5 + 0.5 * d) ** r
    return u_s, u_f, 2.0 - 4.0 * 0.5**r


def _expected_utility(
    utilities: tuple[Matrix, Matrix, Matrix | float],
    p: Matrix,
    target_s: Matrix,
    drift: Matrix,
    r: Matrix | float,
    variant: Variant,
) -> Matrix:
    """Expected utility of challenging minus not challenging (models.md §1.5), elementwise.

    ``p`` is the challenger's probability of success, ``target_s`` the salience of the
    challenged actor and ``drift`` = (d(challenger, μ) + d(challenger, target)) / 4.
    """
    u_s, u_f, u_sq = utilities
    challenge = target_s * (p * u_s + (1.0 - p) * u_f) + (1.0 - target_s) * u_s
    quiet: Matrix | float = variant.q * u_sq
    if variant.q < 1.0:
        u_b = 2.0 - 4.0 * (0.5 - drift) ** r
        u_w = 2.0 - 4.0 * (0.5 + drift) ** r
        quiet = quiet + (1.0 - variant.q) * (variant.t * u_b + (1.0 - variant.t) * u_w)
    return np.asarray(challenge - quiet)


def _risk_exponents(danger: Vector) -> Vector:
    """``r_i`` from the danger levels (models.md §1.6); all r = 1 when all D are equal."""
    top, bottom = float(danger.max()), float(danger.min())
    if top - bottom <= DANGER_TIE * max(1.0, abs(top), abs(bottom)):
        return np.ones_like(danger)
    acceptance = (2.0 * danger - top - bottom) / (top - bottom)
    return np.asarray((1.0 - acceptance / 3.0) / (1.0 + acceptance / 3.0))


def _choose(
    x: Vector,
    kind: NDArray[np.int8],
    target: Matrix,
    eu_ij: Matrix,
    eu_ji: Matrix,
    variant: Variant,
) -> NDArray[np.intp]:
    """Each receiver's accepted sender (or -1): conflicts, then compromises, then capitulations."""
    has = [np.any(kind == code, axis=1) for code in (_CONFLICT, _COMPROMISE, _CAPITULATION)]
    chosen_kind = np.where(has[0], _CONFLICT, np.where(has[1], _COMPROMISE, _CAPITULATION))
    move = np.abs(target - x[:, None])
    if variant.compromise == "scholz":
        ax, ay = np.abs(eu_ij), np.abs(eu_ji)
        with np.errstate(invalid="ignore", divide="ignore"):
            weighted = (ax * x[:, None] + ay * x[None, :]) / (ax + ay)
        key = np.where(kind == _COMPROMISE, weighted, move)
    else:
        key = move
    key = np.where(kind == chosen_kind[:, None], key, np.inf)
    best = np.argmin(key, axis=1)
    some = has[0] | has[1] | has[2]
    return np.where(some, best, -1).astype(np.intp)


def _round(
    x: Vector, s: Vector, w: Vector, delta: float, variant: Variant
) -> tuple[Vector, RoundState]:
    """One round from positions ``x``: risk update, offers, simultaneous moves."""
    n = x.size
    d = np.abs(x[:, None] - x[None, :]) / delta
    mu = median_position(x, w, delta) if variant.q < 1.0 else 0.0
    d_mu = np.abs(x - mu) / delta
    # drift[a, b] for challenger a and target b (unused when Q = 1).
    drift = 0.25 * (d_mu[:, None] + d)
    # Risk pass: everyone at r = 1, so every perspective agrees; e1[a, b] = a challenges b.
    p1 = _probabilities(x, w, np.ones(n), delta, variant.normaliser)
    e1 = _expected_utility(_outcome_utilities(d, 1.0), p1, s[None, :], drift, 1.0, variant)
    np.fill_diagonal(e1, 0.0)
    danger = e1.sum(axis=0)
    r = _risk_exponents(danger)
    # Offer pass: voters use their own r; evaluator i (row) uses r_i for both perspectives.
    p = _probabilities(x, w, r, delta, variant.normaliser)
    r_i = r[:, None]
    utilities = _outcome_utilities(d, r_i)
    eu_ij = _expected_utility(utilities, p, s[None, :], drift, r_i, variant)
    eu_ji = _expected_utility(utilities, p.T, s[:, None], drift.T, r_i, variant)
    differ = x[:, None] != x[None, :]
    pos_y, neg_x = eu_ji > 0.0, eu_ij < 0.0
    conflict = differ & (eu_ji > eu_ij) & (eu_ij > 0.0)
    compromise = differ & pos_y & neg_x & (eu_ji > -eu_ij)
    kind = np.where(conflict, _CONFLICT, np.where(compromise, _COMPROMISE, NO_OFFER))
    if variant.capitulation:
        capitulation = differ & pos_y & neg_x & (eu_ji < -eu_ij)
        kind = np.where(capitulation, _CAPITULATION, kind)
    kind = kind.astype(np.int8)
    with np.errstate(invalid="ignore", divide="ignore"):
        conceded = x[:, None] + (x[None, :] - x[:, None]) * np.abs(eu_ij / eu_ji)
    target = np.where(kind == _COMPROMISE, conceded, np.broadcast_to(x[None, :], (n, n)))
    target = np.where(kind == NO_OFFER, np.nan, target)
    choice = _choose(x, kind, target, eu_ij, eu_ji, variant)
    moved = choice >= 0
    new_x = x.copy()
    new_x[moved] = target[np.flatnonzero(moved), choice[moved]]
    state = RoundState(
        positions=new_x,
        median=median_position(new_x, w, delta),
        mean=weighted_mean(new_x, w),
        risk=r,
        danger=danger,
        offer_type=kind,
        offer_position=target,
        choice=choice,
    )
    return new_x, state


def run_issue(
    positions: Vector,
    capabilities: Vector,
    saliences: Vector,
    variant: Variant,
    stopping: Stopping,
) -> IssueRun:
    """Run the model on one issue until ``stopping`` says so.

    ``Δ`` is the range of the initial positions and stays fixed. Raises ``ValueError`` if
    the positions are all equal or every capability × salience is 0 (nothing to model).
    """
    x = np.asarray(positions, dtype=np.float64)
    s = np.asarray(saliences, dtype=np.float64)
    w = np.asarray(capabilities, dtype=np.float64) * s
    delta = float(x.max() - x.min())
    if delta <= 0.0:
        raise ValueError("all positions are equal")
    if not float(w.sum()) > 0.0:
        raise ValueError("every actor's capability × salience is 0")
    rounds = [
        RoundState(positions=x, median=median_position(x, w, delta), mean=weighted_mean(x, w))
    ]
    seen = {_state_key(x): 0}
    limit = stopping.rounds if stopping.mode == "rounds" else stopping.max_rounds
    tolerance = stopping.epsilon * delta
    reason: StopReason = "rounds" if stopping.mode == "rounds" else "round_cap"
    for t in range(1, limit + 1):
        previous = rounds[-1]
        x, state = _round(x, s, w, delta, variant)
        rounds.append(state)
        key = _state_key(x)
        if stopping.mode == "until_stable":
            shift = abs(state.median - previous.median)
            change = float(np.abs(x - previous.positions).max())
            if shift < tolerance and change < tolerance:
                reason = "stable"
                break
            if key in seen:
                reason = "cycle"
                break
        seen.setdefault(key, t)
    final = len(rounds) - 1
    start = seen.get(_state_key(x))
    return IssueRun(rounds, reason, start if start is not None and start < final else None)


def _state_key(x: Vector) -> bytes:
    """Exact identity of a state (``+ 0.0`` folds −0.0 into 0.0)."""
    return (x + 0.0).tobytes()
