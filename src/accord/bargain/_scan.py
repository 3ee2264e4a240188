"""Exact, chunked evaluation of every package: feasibility count and blocking facts.

Packages are enumerated in index order as ``outer × inner``: the trailing issues whose
product fits one chunk are evaluated once (their option grid and utility partial sums),
and each combination of the leading issues adds a constant. Memory is bounded by the
chunk size, not by the number of packages.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from accord.bargain._facts import Facts
from accord.bargain._space import Constraint, Space

__all__ = ["CHUNK", "minimal_sets", "scan"]

#: Packages evaluated together; ~20 MB of working memory with 5 parties.
CHUNK = 1 << 18
_WORD = 64

Progress = Callable[[int, int], None]


def minimal_sets(masks: set[int]) -> list[int]:
    """The ⊆-minimal bitsets among ``masks``, smallest first, then by value."""
    out: list[int] = []
    for m in sorted(masks, key=lambda m: (m.bit_count(), m)):
        if not any(m & kept == kept for kept in out):
            out.append(m)
    return out


def _violations(
    c: Constraint, opts: list[npt.NDArray[np.int64]], utils: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    if c.kind == "red_line":
        assert c.allowed is not None
        return ~c.allowed[opts[c.issue]]
    if c.kind == "linkage":
        assert c.trigger is not None and c.allowed is not None
        return c.trigger[opts[c.issue]] & ~c.allowed[opts[c.then_issue]]
    return np.asarray(utils[c.party] < c.threshold, dtype=np.bool_)


def scan(space: Space, *, on_progress: Progress | None = None) -> Facts:
    """Evaluate every package of ``space`` exactly (use only up to ~10^7 packages)."""
    sizes = space.sizes
    k, n = len(sizes), len(space.parties)
    split = k - 1
    while split > 0 and np.prod(sizes[split - 1 :]) <= CHUNK:
        split -= 1
    inner = np.indices(sizes[split:]).reshape(k - split, -1).astype(np.int64)
    width = inner.shape[1]
    inner_utils = np.zeros((n, width), dtype=np.int64)
    for row, i in enumerate(range(split, k)):
        inner_utils += space.contributions[i][:, inner[row]]
    m = len(space.constraints)
    words = (m + _WORD - 1) // _WORD or 1
    masks: set[int] = set()
    feasible = 0
    used = [np.zeros(s, dtype=np.bool_) for s in sizes]
    best = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    links = [j for j, c in enumerate(space.constraints) if c.kind == "linkage"]
    untriggered = dict.fromkeys(links, False)
    then_used = {j: np.zeros(sizes[space.constraints[j].then_issue], np.bool_) for j in links}
    outer_total = int(np.prod(sizes[:split]))
    for done, outer in enumerate(itertools.product(*(range(s) for s in sizes[:split]))):
        opts = [np.full(width, o, dtype=np.int64) for o in outer] + list(inner)
        utils = inner_utils.copy()
        for i, o in enumerate(outer):
            utils += space.contributions[i][:, o, None]
        bits = np.zeros((words, width), dtype=np.uint64)
        for j, c in enumerate(space.constraints):
            bits[j // _WORD] |= _violations(c, opts, utils).astype(np.uint64) << np.uint64(
                j % _WORD
            )
        ok = ~bits.any(axis=0)
        count = int(ok.sum())
        if count:
            feasible += count
            masks.clear()
            for i in range(k):
                used[i] |= np.bincount(opts[i][ok], minlength=sizes[i]) > 0
            np.maximum(best, utils[:, ok].max(axis=1), out=best)
            for j in links:
                c = space.constraints[j]
                assert c.trigger is not None
                fires = c.trigger[opts[c.issue]] & ok
                untriggered[j] |= bool((ok & ~fires).any())
                then_used[j] |= (
                    np.bincount(opts[c.then_issue][fires], minlength=len(then_used[j])) > 0
                )
        elif not feasible:
            rows = np.unique(bits[0])[:, None] if words == 1 else np.unique(bits.T, axis=0)
            masks.update(_as_ints(rows))
        if on_progress is not None:
            on_progress(done + 1, outer_total)
    return Facts(
        feasible=feasible,
        any_feasible=feasible > 0,
        corrections=minimal_sets(masks) if not feasible else [],
        used=used,
        best=best,
        untriggered=untriggered,
        then_used=then_used,
    )


def _as_ints(rows: npt.NDArray[np.uint64]) -> list[int]:
    return [sum(int(w) << (_WORD * b) for b, w in enumerate(row)) for row in rows]
