"""The Pareto frontier of the feasible packages, without enumerating the packages.

Package utilities are sums over issues, so the set of utility vectors is a Minkowski sum
of per-issue option sets, and a point dominated inside one summand stays dominated in
the sum: ``PF(A ⊕ B) = PF(PF(A) ⊕ PF(B))``. The frontier is therefore built issue by
issue, filtering after each step, at a cost that depends on the frontier sizes instead
of the number of packages. Red lines only remove options; linked issues are merged into
one summand whose options are the linkage-respecting combinations; reservations are
monotone (whatever dominates an acceptable package is acceptable), so
``PF(S ∩ R) = PF(S) ∩ R`` and they are applied at the end.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from accord.bargain._space import Ints, Space

__all__ = ["feasible_frontier", "pareto_mask"]

_Column = npt.NDArray[np.signedinteger[Any]]
_BLOCK = 256
_SKY_CHUNK = 4096


def pareto_mask(points: Ints) -> npt.NDArray[np.bool_]:
    """Mask of the points that no other point strictly dominates (equal points all stay).

    With integer utilities, q strictly dominates p exactly when q ≥ p everywhere and
    sum(q) > sum(p); sorting by decreasing sum means a point can only be dominated by
    points already seen, so each block is checked against the skyline so far and itself.
    """
    count, n = points.shape
    keep = np.zeros(count, dtype=np.bool_)
    if count == 0:
        return keep
    sums = points.sum(axis=1)
    order = np.argsort(-sums, kind="stable")
    # per-coordinate columns (int32 when they fit) make each comparison a flat 2-D pass
    narrow = np.int32 if points.max() < 2**31 and points.min() >= -(2**31) else np.int64
    columns: list[_Column] = [
        np.ascontiguousarray(points[order, j], dtype=narrow) for j in range(n)
    ]
    ranked_sums = sums[order]
    sky: list[list[_Column]] = [[] for _ in range(n)]
    sky_sums: list[Ints] = []
    for start in range(0, count, _BLOCK):
        stop = min(start + _BLOCK, count)
        block: list[_Column] = [c[start:stop, None] for c in columns]
        block_sums = ranked_sums[start:stop, None]
        dominated = np.zeros(stop - start, dtype=np.bool_)
        merged: list[_Column] = [np.concatenate(s) if s else np.empty(0, narrow) for s in sky]
        merged_sums = np.concatenate(sky_sums) if sky_sums else np.empty(0, np.int64)
        for c in range(0, len(merged_sums), _SKY_CHUNK):
            ge = merged_sums[None, c : c + _SKY_CHUNK] > block_sums
            for j in range(n):
                ge &= merged[j][None, c : c + _SKY_CHUNK] >= block[j]
            dominated |= ge.any(axis=1)
        ge = ranked_sums[None, start:stop] > block_sums
        for j in range(n):
            ge &= columns[j][None, start:stop] >= block[j]
        dominated |= ge.any(axis=1)
        fresh = ~dominated
        keep[order[start:stop][fresh]] = True
        for j in range(n):
            sky[j] = [merged[j], columns[j][start:stop][fresh]]
        sky_sums = [merged_sums, ranked_sums[start:stop][fresh]]
    return keep


class _Group:
    """Linked issues merged into one summand: its allowed option combinations."""

    def __init__(self, space: Space, members: list[int], allowed: list[npt.NDArray[np.bool_]]):
        self.members = members
        grids = np.indices([len(space.issues[i].options) for i in members]).reshape(
            len(members), -1
        )
        ok = np.ones(grids.shape[1], dtype=np.bool_)
        for row, i in enumerate(members):
            ok &= allowed[i][grids[row]]
        position = {i: row for row, i in enumerate(members)}
        for c in space.constraints:
            if c.kind == "linkage" and c.issue in position:
                assert c.trigger is not None and c.allowed is not None
                fires = c.trigger[grids[position[c.issue]]]
                ok &= ~fires | c.allowed[grids[position[c.then_issue]]]
        self.combos = grids[:, ok].T  # (C, len(members)) option indices
        vectors = np.zeros((len(self.combos), len(space.parties)), dtype=np.int64)
        for row, i in enumerate(members):
            vectors += space.contributions[i][:, self.combos[:, row]].T
        # options with equal utility vectors share one class, so the filter sees each once
        self.vectors, inverse, self.counts = np.unique(
            vectors, axis=0, return_inverse=True, return_counts=True
        )
        self.order = np.argsort(inverse.reshape(-1), kind="stable")
        self.starts = np.concatenate([[0], np.cumsum(self.counts)[:-1]])


def _groups(space: Space) -> list[list[int]]:
    parent = list(range(len(space.issues)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for c in space.constraints:
        if c.kind == "linkage":
            a, b = root(c.issue), root(c.then_issue)
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(space.issues)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def feasible_frontier(space: Space) -> tuple[Ints, Ints]:
    """Option indices ``(F, issues)`` and utilities ``(F, parties)`` of the frontier.

    Rows are sorted by package index (lexicographic over issues, then options).
    """
    n, k = len(space.parties), len(space.issues)
    allowed = [np.ones(len(issue.options), dtype=np.bool_) for issue in space.issues]
    for c in space.constraints:
        if c.kind == "red_line":
            assert c.allowed is not None
            allowed[c.issue] &= c.allowed
    groups = [_Group(space, members, allowed) for members in _groups(space)]
    empty = (np.empty((0, k), dtype=np.int64), np.empty((0, n), dtype=np.int64))
    if any(len(g.combos) == 0 for g in groups):
        return empty
    points = np.zeros((1, n), dtype=np.int64)
    classes = np.zeros((1, 0), dtype=np.int64)
    for g in groups:
        front = np.flatnonzero(pareto_mask(g.vectors))
        q = len(front)
        points = (points[:, None, :] + g.vectors[front][None, :, :]).reshape(-1, n)
        classes = np.concatenate(
            [np.repeat(classes, q, axis=0), np.tile(front, len(classes))[:, None]], axis=1
        )
        keep = pareto_mask(points)
        points, classes = points[keep], classes[keep]
    for a, r in enumerate(space.reservation):
        if r is not None:
            ok = points[:, a] >= r
            points, classes = points[ok], classes[ok]
    if len(points) == 0:
        return empty
    return _expand(groups, classes, points, k)


def _expand(groups: list[_Group], classes: Ints, points: Ints, k: int) -> tuple[Ints, Ints]:
    """Replace each class by every option combination it stands for, sorted by package."""
    rows = np.arange(len(classes))
    choice = np.zeros((len(classes), k), dtype=np.int64)
    for column, g in enumerate(groups):
        cls = classes[rows, column]
        counts = g.counts[cls]
        rows = np.repeat(rows, counts)
        choice = np.repeat(choice, counts, axis=0)
        within = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
        combos = g.combos[g.order[g.starts[np.repeat(cls, counts)] + within]]
        choice[:, g.members] = combos
    order = np.lexsort(choice.T[::-1])
    return choice[order], points[rows][order]
