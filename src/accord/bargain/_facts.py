"""What the search learned about the feasible set, from either engine."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from accord.bargain._space import Ints

__all__ = ["Facts"]


@dataclass
class Facts:
    """Facts the explanation layer needs; filled by enumeration or by CP-SAT queries.

    ``corrections`` holds the minimal correction sets as bitsets over the constraint
    list (only when nothing is feasible). The rest describes the feasible packages.
    """

    feasible: int | None
    any_feasible: bool
    corrections: list[int]
    #: per issue, which options occur in some feasible package
    used: list[npt.NDArray[np.bool_]]
    #: per party, its best utility over the feasible packages
    best: Ints
    #: per linkage constraint index: does some feasible package leave it untriggered?
    untriggered: dict[int, bool]
    #: per linkage constraint index: then-options used by feasible packages that trigger it
    then_used: dict[int, npt.NDArray[np.bool_]]
    #: False when the solver stopped listing correction sets at its limit
    corrections_complete: bool = True
