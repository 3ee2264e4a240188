"""Package search over discrete options: frontier, bargaining solutions, deadlocks.

Example::

    from accord.bargain import bargain
    from accord.schema import load_scenario

    result = bargain(load_scenario("examples/seed_talks.yaml"))
    result.feasible, [b.text for b in result.blocking]

Definitions and every tie-breaking choice are in ``docs/bargain.md``.
"""

from __future__ import annotations

from accord.bargain._frontier import feasible_frontier as feasible_frontier
from accord.bargain._frontier import pareto_mask as pareto_mask
from accord.bargain._relax import relax as relax
from accord.bargain._run import EXACT_LIMIT as EXACT_LIMIT
from accord.bargain._run import bargain as bargain
from accord.bargain._space import QUANTUM as QUANTUM
from accord.bargain._space import Space as Space
from accord.bargain._space import compile_space as compile_space

__all__ = [
    "EXACT_LIMIT",
    "QUANTUM",
    "Space",
    "bargain",
    "compile_space",
    "feasible_frontier",
    "pareto_mask",
    "relax",
]
