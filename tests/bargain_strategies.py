"""Hypothesis strategies: small random scenarios with options, red lines and linkages."""

from __future__ import annotations

from typing import Any

from hypothesis import assume
from hypothesis import strategies as st
from pydantic import ValidationError

from accord.schema.scenario import Scenario

# A coarse grid on purpose: it makes ties between packages common.
_UTILITY = st.one_of(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), st.floats(0.0, 1.0))
_AXIS = [0.0, 20.0, 40.0, 50.0, 60.0, 80.0, 100.0]


@st.composite
def scenarios(
    draw: st.DrawFn,
    *,
    max_actors: int = 3,
    max_issues: int = 3,
    max_options: int = 3,
    constraints: bool = True,
    red_line_odds: int = 4,
) -> Scenario:
    """A valid scenario; every issue has options, every actor has a stake somewhere."""
    n = draw(st.integers(2, max_actors))
    k = draw(st.integers(1, max_issues))
    issues: list[dict[str, Any]] = []
    stakes: list[dict[str, Any]] = []
    for i in range(k):
        m = draw(st.integers(1, max_options))
        ordered = draw(st.booleans())
        ids = [f"o{j}" for j in range(m)]
        if ordered:
            ats = sorted(
                draw(st.lists(st.sampled_from(_AXIS), min_size=m, max_size=m, unique=True))
            )
            options = [{"id": o, "at": at} for o, at in zip(ids, ats, strict=True)]
        else:
            options = [{"id": o} for o in ids]
        issues.append({"id": f"i{i}", "ordered": ordered, "options": options})
        holders = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=n, unique=True))
        for a in sorted(holders):
            stake: dict[str, Any] = {
                "actor": f"a{a}",
                "issue": f"i{i}",
                "salience": draw(st.sampled_from([0.1, 0.5, 0.8, 1.0])),
            }
            if ordered:
                stake["position"] = draw(st.sampled_from([0.0, 30.0, 50.0, 70.0, 100.0]))
            if not ordered or draw(st.booleans()):
                stake["utilities"] = {o: draw(_UTILITY) for o in ids}
            if constraints and draw(st.integers(1, red_line_odds)) == 1:
                if ordered and draw(st.booleans()):
                    lo, hi = sorted(draw(st.lists(st.sampled_from(_AXIS), min_size=2, max_size=2)))
                    stake["red_line"] = {"acceptable": [lo, hi]}
                else:
                    stake["red_line"] = {
                        "forbidden": draw(st.lists(st.sampled_from(ids), unique=True, max_size=m))
                    }
            stakes.append(stake)
    actors: list[dict[str, Any]] = []
    for a in range(n):
        actor: dict[str, Any] = {"id": f"a{a}", "capability": 1.0}
        if constraints and draw(st.booleans()):
            actor["reservation"] = draw(st.sampled_from([0.2, 0.4, 0.5, 0.6, 0.8]))
        if draw(st.integers(0, 3)) == 0:
            actor["risk_exponent"] = 2.0
        actors.append(actor)
    linkages: list[dict[str, Any]] = []
    if constraints and k >= 2:
        for _ in range(draw(st.integers(0, 2))):
            x, y = draw(st.lists(st.integers(0, k - 1), min_size=2, max_size=2, unique=True))
            ox = [o["id"] for o in issues[x]["options"]]
            oy = [o["id"] for o in issues[y]["options"]]
            link: dict[str, Any] = {
                "if_issue": f"i{x}",
                "if_options": draw(st.lists(st.sampled_from(ox), min_size=1, unique=True)),
                "then_issue": f"i{y}",
                "then_options": draw(st.lists(st.sampled_from(oy), min_size=1, unique=True)),
            }
            if draw(st.booleans()):
                link["actor"] = f"a{draw(st.integers(0, n - 1))}"
            linkages.append(link)
    data = {"actors": actors, "issues": issues, "stakes": stakes, "linkages": linkages}
    try:
        return Scenario.model_validate(data)
    except ValidationError:
        assume(False)
        raise
