"""The expected-utility model, vectorised with numpy (models.md §1).

The engine steps a batch of independent problems (issues, or Monte Carlo draws of them) with
the same number of actors at once, so that numpy's per-call cost is paid once per batch.
Arrays carry the batch in their first axis: positions ``x[b, i]``, matrices ``m[b, i, j]``.
Above :data:`DENSE_LIMIT` actors one round costs O(n² log n): the global normaliser S comes
from each voter's sorted utilities in closed form, and the vote totals behind every
probability come from prefix sums over the voters sorted by position, because the voters
who prefer ``x_i`` to ``x_j`` are exactly those on ``x_i``'s side of the midpoint (below it,
one dense n³ product is quicker). Only the two perspectives the model reads are built:
``E^i[U_ij]`` and ``E^i[U_ji]``.

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
    "run_batch",
    "run_issue",
    "weighted_mean",
]

Vector = NDArray[np.float64]
Matrix = NDArray[np.float64]
Batch = NDArray[np.float64]

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
#: Danger levels whose spread is at most this × max(1, |max D|, |min D|) count as all equal.
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


def weighted_mean(x: Batch, w: Batch) -> Batch:
    """Capability × salience weighted mean position (over the last axis)."""
    return np.asarray((w * x).sum(axis=-1) / w.sum(axis=-1))


def median_position(x: Batch, w: Batch, delta: Batch | float) -> Batch:
    """The median voter position: the Condorcet winner among the actors' positions.

    Position ``x_j`` beats ``x_l`` under the ρ = 1 votes exactly when
    ``F(x_j) < F(x_l)`` with ``F(y) = Σ_k w_k |x_k − y|``, so the winner minimises F over
    the actors' positions. Ties (within :data:`MEDIAN_TIE`) go to the lowest position.
    Works over the last axis, so ``x`` may be one problem or a batch.
    """
    f = (np.abs(x[..., :, None] - x[..., None, :]) * w[..., :, None]).sum(axis=-2)
    slack = MEDIAN_TIE * w.sum(axis=-1) * delta
    tied = f <= f.min(axis=-1, keepdims=True) + np.asarray(slack)[..., None]
    return np.asarray(np.where(tied, x, np.inf).min(axis=-1))


def _powered_distances(x: Batch, r: Batch | None, delta: Batch) -> Batch:
    """``Y[b, k, a] = d(k, a) ** r_k``: voter k's distance to each position, under its own r."""
    d = np.abs(x[:, :, None] - x[:, None, :]) / delta[:, None, None]
    return d if r is None else d ** r[:, :, None]


def _win_votes(x: Batch, w: Batch, y: Batch) -> Batch:
    """``N[b, i, j] = Σ_k w_k max(0, Y[b, k, j] − Y[b, k, i])``: the votes for ``x_i`` over ``x_j``.

    Up to :data:`DENSE_LIMIT` actors the n × n × n tensor of vote differences is small and
    one matrix product is fastest. Above it, per problem: only voters strictly on ``x_i``'s
    side of the midpoint prefer ``x_i`` (a voter on the midpoint is indifferent), so the sum
    is a difference of prefix sums over the voters sorted by position, O(n² log n).
    """
    batch, n = x.shape
    if n <= DENSE_LIMIT:
        gains = y[:, :, None, :] - y[:, :, :, None]
        np.maximum(gains, 0.0, out=gains)
        return np.asarray(np.matmul(w[:, None, :], gains.reshape(batch, n, n * n))).reshape(
            batch, n, n
        )
    return np.stack([_win_votes_sorted(x[b], w[b], y[b]) for b in range(batch)])


def _win_votes_sorted(x: Vector, w: Vector, y: Matrix) -> Matrix:
    """One problem's vote totals from prefix sums (see :func:`_win_votes`)."""
    n = x.size
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


def _probabilities(x: Batch, w: Batch, r: Batch | None, delta: Batch, normaliser: str) -> Batch:
    """``P[b, i, j]``: probability that ``x_i`` prevails against ``x_j`` (models.md §1.3).

    ``r`` holds each voter's exponent; ``None`` means all 1 (the risk pass).
    """
    y = _powered_distances(x, r, delta)
    votes = _win_votes(x, w, y)
    if normaliser == "pairwise":
        both = votes + votes.transpose(0, 2, 1)
        return np.divide(votes, both, out=np.zeros_like(votes), where=both > 0)
    # S = Σ_k w_k Σ_a Σ_b |y_ka − y_kb|; for sorted y, Σ_ab |y_a − y_b| = 2 Σ_m (2m − n + 1) y_m.
    n = x.shape[1]
    coef = 2.0 * np.arange(n) - (n - 1)
    total = 2.0 * (w * (np.sort(y, axis=-1) @ coef)).sum(axis=-1)
    safe = np.where(total > 0, total, 1.0)[:, None, None]
    return np.where(total[:, None, None] > 0, votes / safe, 0.0)


def _outcome_utilities(d: Batch, r: Batch | float) -> tuple[Batch, Batch, Batch | float]:
    """U_s, U_f and U_sq of models.md §1.4 for evaluator exponent ``r`` (broadcast on ``d``).

    ``d`` is symmetric, so with the evaluator in the rows the same matrices serve both
    ``E^i[U_ij]`` and ``E^i[U_ji]``.
    """
    u_s = 2.0 - 4.0 * (0.5 - 0.5 * d) ** r
    u_f = 2.0 - 4.0 * (0.5 + 0.5 * d) ** r
    return u_s, u_f, 2.0 - 4.0 * 0.5**r


def _expected_utility(
    utilities: tuple[Batch, Batch, Batch | float],
    p: Batch,
    target_s: Batch,
    drift: Batch,
    r: Batch | float,
    variant: Variant,
) -> Batch:
    """Expected utility of challenging minus not challenging (models.md §1.5), elementwise.

    ``p`` is the challenger's probability of success, ``target_s`` the salience of the
    challenged actor and ``drift`` = (d(challenger, μ) + d(challenger, target)) / 4.
    """
    u_s, u_f, u_sq = utilities
    challenge = target_s * (p * u_s + (1.0 - p) * u_f) + (1.0 - target_s) * u_s
    quiet: Batch | float = variant.q * u_sq
    if variant.q < 1.0:
        u_b = 2.0 - 4.0 * (0.5 - drift) ** r
        u_w = 2.0 - 4.0 * (0.5 + drift) ** r
        quiet = quiet + (1.0 - variant.q) * (variant.t * u_b + (1.0 - variant.t) * u_w)
    return np.asarray(challenge - quiet)


def _risk_exponents(danger: Batch) -> Batch:
    """``r_i`` from the danger levels (models.md §1.6); all r = 1 where all D are equal."""
    top = danger.max(axis=-1, keepdims=True)
    bottom = danger.min(axis=-1, keepdims=True)
    spread = top - bottom
    flat = spread <= DANGER_TIE * np.maximum(1.0, np.maximum(np.abs(top), np.abs(bottom)))
    acceptance = (2.0 * danger - top - bottom) / np.where(flat, 1.0, spread)
    r = (1.0 - acceptance / 3.0) / (1.0 + acceptance / 3.0)
    return np.where(flat, 1.0, r)


def _choose(
    x: Batch,
    kind: NDArray[np.int8],
    target: Batch,
    eu_ij: Batch,
    eu_ji: Batch,
    variant: Variant,
) -> NDArray[np.intp]:
    """Each receiver's accepted sender (or -1): conflicts, then compromises, then capitulations.

    The type codes are in that order of preference, so the preferred type of a row is its
    smallest non-zero code. Ties on the key go to the first sender in scenario order.
    """
    preferred = np.where(kind > 0, kind, _CAPITULATION + 1).min(axis=-1)
    xi, xj = x[:, :, None], x[:, None, :]
    key = np.abs(target - xi)
    if variant.compromise == "scholz":
        ax, ay = np.abs(eu_ij), np.abs(eu_ji)
        weighted = np.divide(ax * xi + ay * xj, ax + ay, out=np.zeros_like(ax), where=ax + ay > 0)
        key = np.where(kind == _COMPROMISE, weighted, key)
    key = np.where(kind == preferred[..., None], key, np.inf)
    return np.where(preferred <= _CAPITULATION, np.argmin(key, axis=-1), -1)


@dataclass(frozen=True)
class _Step:
    """One round of a whole batch, before it is split into per-problem records."""

    positions: Batch
    median: Batch
    mean: Batch
    risk: Batch
    danger: Batch
    kind: NDArray[np.int8]
    target: Batch
    choice: NDArray[np.intp]

    def state(self, b: int) -> RoundState:
        return RoundState(
            positions=self.positions[b],
            median=float(self.median[b]),
            mean=float(self.mean[b]),
            risk=self.risk[b],
            danger=self.danger[b],
            offer_type=self.kind[b],
            offer_position=self.target[b],
            choice=self.choice[b],
        )


def _round(x: Batch, s: Batch, w: Batch, delta: Batch, variant: Variant) -> _Step:
    """One round from positions ``x``: risk update, offers, simultaneous moves."""
    batch, n = x.shape
    d = np.abs(x[:, :, None] - x[:, None, :]) / delta[:, None, None]
    mu = median_position(x, w, delta) if variant.q < 1.0 else np.zeros(batch)
    d_mu = np.abs(x - mu[:, None]) / delta[:, None]
    # drift[b, a, c] for challenger a and target c (unused when Q = 1).
    drift = 0.25 * (d_mu[:, :, None] + d)
    # Risk pass: everyone at r = 1, so every perspective agrees; e1[b, a, c] = a challenges c.
    p1 = _probabilities(x, w, None, delta, variant.normaliser)
    e1 = _expected_utility(_outcome_utilities(d, 1.0), p1, s[:, None, :], drift, 1.0, variant)
    diagonal = np.arange(n)
    e1[:, diagonal, diagonal] = 0.0
    danger = e1.sum(axis=1)
    r = _risk_exponents(danger)
    # Offer pass: voters use their own r; evaluator i (row) uses r_i for both perspectives.
    p = _probabilities(x, w, r, delta, variant.normaliser)
    r_i = r[:, :, None]
    utilities = _outcome_utilities(d, r_i)
    eu_ij = _expected_utility(utilities, p, s[:, None, :], drift, r_i, variant)
    flip = (0, 2, 1)
    eu_ji = _expected_utility(
        utilities, p.transpose(flip), s[:, :, None], drift.transpose(flip), r_i, variant
    )
    xi, xj = x[:, :, None], x[:, None, :]
    differ = xi != xj
    pos_y, neg_x = eu_ji > 0.0, eu_ij < 0.0
    conflict = differ & (eu_ji > eu_ij) & (eu_ij > 0.0)
    compromise = differ & pos_y & neg_x & (eu_ji > -eu_ij)
    kind = np.where(conflict, _CONFLICT, np.where(compromise, _COMPROMISE, NO_OFFER))
    if variant.capitulation:
        capitulation = differ & pos_y & neg_x & (eu_ji < -eu_ij)
        kind = np.where(capitulation, _CAPITULATION, kind)
    kind = kind.astype(np.int8)
    ratio = np.divide(eu_ij, eu_ji, out=np.zeros_like(eu_ij), where=eu_ji != 0.0)
    conceded = xi + (xj - xi) * np.abs(ratio)
    target = np.where(kind == _COMPROMISE, conceded, xj)
    target = np.where(kind == NO_OFFER, np.nan, target)
    choice = _choose(x, kind, target, eu_ij, eu_ji, variant)
    taken = np.take_along_axis(target, np.maximum(choice, 0)[:, :, None], axis=2)[:, :, 0]
    new_x = np.where(choice >= 0, taken, x)
    return _Step(
        positions=new_x,
        median=median_position(new_x, w, delta),
        mean=weighted_mean(new_x, w),
        risk=r,
        danger=danger,
        kind=kind,
        target=target,
        choice=choice,
    )


def run_issue(
    positions: Vector,
    capabilities: Vector,
    saliences: Vector,
    variant: Variant,
    stopping: Stopping,
) -> IssueRun:
    """Run the model on one issue until ``stopping`` says so (see :func:`run_batch`)."""
    x, c, s = (
        np.asarray(a, dtype=np.float64)[None, :] for a in (positions, capabilities, saliences)
    )
    return run_batch(x, c, s, variant, stopping)[0]


def run_batch(
    positions: Batch,
    capabilities: Batch,
    saliences: Batch,
    variant: Variant,
    stopping: Stopping,
) -> list[IssueRun]:
    """Run independent problems of equal size side by side, each until ``stopping`` says so.

    Row ``b`` of each (batch, actors) array is one problem. ``Δ`` is the range of a
    problem's initial positions and stays fixed. A problem that has stopped is still
    stepped with the batch (rows never interact) but nothing more is recorded for it.
    Raises ``ValueError`` if a problem's positions are all equal or all its capability ×
    salience products are 0 (nothing to model).
    """
    x = np.array(positions, dtype=np.float64, ndmin=2)
    s = np.array(saliences, dtype=np.float64, ndmin=2)
    w = np.array(capabilities, dtype=np.float64, ndmin=2) * s
    delta = x.max(axis=1) - x.min(axis=1)
    if np.any(delta <= 0.0):
        raise ValueError("all positions are equal")
    if not np.all(np.isfinite(delta)) or not np.all(np.isfinite(np.abs(x).sum(axis=1))):
        raise ValueError("positions too large for floating point")
    if not np.all(w.max(axis=1) > 0.0):
        raise ValueError("every actor's capability × salience is 0")
    # Only ratios of weights matter; scaling the largest to 1 keeps vote sums from overflowing.
    w = w / w.max(axis=1, keepdims=True)
    medians, means = median_position(x, w, delta), weighted_mean(x, w)
    rounds = [
        [RoundState(positions=x[b], median=float(medians[b]), mean=float(means[b]))]
        for b in range(x.shape[0])
    ]
    seen = [{_state_key(x[b]): 0} for b in range(x.shape[0])]
    limit = stopping.rounds if stopping.mode == "rounds" else stopping.max_rounds
    tolerance = stopping.epsilon * delta
    fixed = stopping.mode == "rounds"
    reasons: list[StopReason | None] = [None] * x.shape[0]
    for t in range(1, limit + 1):
        if all(reason is not None for reason in reasons):
            break
        step = _round(x, s, w, delta, variant)
        for b, reason in enumerate(reasons):
            if reason is not None:
                continue
            previous, state = rounds[b][-1], step.state(b)
            rounds[b].append(state)
            key = _state_key(state.positions)
            if not fixed:
                shift = abs(state.median - previous.median)
                change = float(np.abs(state.positions - previous.positions).max())
                if shift < tolerance[b] and change < tolerance[b]:
                    reasons[b] = "stable"
                elif key in seen[b]:
                    reasons[b] = "cycle"
            seen[b].setdefault(key, t)
        x = step.positions
    runs = []
    for b, reason in enumerate(reasons):
        final = len(rounds[b]) - 1
        start = seen[b].get(_state_key(rounds[b][-1].positions))
        runs.append(
            IssueRun(
                rounds[b],
                reason or ("rounds" if fixed else "round_cap"),
                start if start is not None and start < final else None,
            )
        )
    return runs


def _state_key(x: Vector) -> bytes:
    """Exact identity of a state (``+ 0.0`` folds −0.0 into 0.0)."""
    return (x + 0.0).tobytes()
