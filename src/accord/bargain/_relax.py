"""Drop named constraints from a scenario, to see the deal a relaxation would open."""

from __future__ import annotations

from collections.abc import Iterable

from accord.bargain._space import compile_space
from accord.errors import InputError
from accord.schema.scenario import Scenario

__all__ = ["relax"]


def relax(scenario: Scenario, constraint_ids: Iterable[str]) -> Scenario:
    """A copy of ``scenario`` without the named red lines, linkages and reservations.

    Raises:
        InputError: an id names no constraint of the scenario (E308).
    """
    known = {c.id: c for c in compile_space(scenario).constraints}
    stakes, linkages, actors = list(scenario.stakes), list(scenario.linkages), list(scenario.actors)
    dropped_links: set[int] = set()
    for name in constraint_ids:
        c = known.get(name)
        if c is None:
            raise InputError(
                "E308",
                source=scenario.name,
                where="constraints",
                name=name,
                known=", ".join(sorted(known)) or "none",
            )
        if c.kind == "red_line":
            stakes[c.origin] = stakes[c.origin].model_copy(update={"red_line": None})
        elif c.kind == "reservation":
            actors[c.origin] = actors[c.origin].model_copy(update={"reservation": None})
        else:
            dropped_links.add(c.origin)
    kept = [link for k, link in enumerate(linkages) if k not in dropped_links]
    return scenario.model_copy(update={"stakes": stakes, "linkages": kept, "actors": actors})
