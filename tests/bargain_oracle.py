"""A plain brute-force reading of the bargaining definitions, for property tests.

It shares no code with ``accord.bargain``: it enumerates every package with
itertools, checks every constraint literally, compares every pair of packages for
dominance and tries every subset of constraints. Utilities are rounded to the same
integer grid (``round(Q · w · u)`` per issue) so that ties are ties in both.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from fractions import Fraction

from accord.schema.scenario import Scenario

Q = 10**9
Package = tuple[int, ...]


@dataclass
class Oracle:
    parties: list[str]
    issues: list[str]
    packages: list[Package]
    utilities: dict[Package, tuple[int, ...]]
    constraints: dict[str, tuple[str | None, float]]  # id -> (owner, salience)
    violated: dict[Package, frozenset[str]]
    minimum: tuple[int, ...]
    maximum: tuple[int, ...]
    disagreement: tuple[int, ...]
    scenario: Scenario

    @property
    def feasible(self) -> list[Package]:
        return [p for p in self.packages if not self.violated[p]]


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def build(scenario: Scenario) -> Oracle:
    issues = [i for i in scenario.issues if i.options]
    ids = [i.id for i in issues]
    stakes = [s for s in scenario.stakes if s.issue in ids]
    parties = [a for a in scenario.actors if any(s.actor == a.id for s in stakes)]
    table: dict[tuple[str, str], list[int]] = {}
    for a in parties:
        raw = [0.0] * len(issues)
        for s in stakes:
            if s.actor == a.id:
                raw[ids.index(s.issue)] = s.salience
        total = sum(raw)
        for k, issue in enumerate(issues):
            stake = next((s for s in stakes if s.actor == a.id and s.issue == issue.id), None)
            values = [0] * len(issue.options)
            if stake is not None:
                w = raw[k] / total
                for o, option in enumerate(issue.options):
                    if stake.utilities is not None:
                        u = stake.utilities[option.id]
                    else:
                        lo, hi = issue.scale
                        assert option.at is not None and stake.position is not None
                        u = 1.0 - (abs(option.at - stake.position) / (hi - lo)) ** a.risk_exponent
                    values[o] = round(Q * (w * u))
            table[(a.id, issue.id)] = values
    packages = list(itertools.product(*(range(len(i.options)) for i in issues)))
    utilities = {
        p: tuple(
            sum(table[(a.id, issue.id)][o] for issue, o in zip(issues, p, strict=True))
            for a in parties
        )
        for p in packages
    }
    checks: dict[str, tuple[str | None, float, object]] = {}
    order = {a.id: k for k, a in enumerate(parties)}
    for s in sorted(stakes, key=lambda s: (order[s.actor], ids.index(s.issue))):
        if s.red_line is None:
            continue
        issue = issues[ids.index(s.issue)]
        ok = set()
        for o, option in enumerate(issue.options):
            inside = s.red_line.acceptable is None or (
                option.at is not None
                and s.red_line.acceptable[0] <= option.at <= s.red_line.acceptable[1]
            )
            if option.id not in s.red_line.forbidden and inside:
                ok.add(o)
        checks[f"red_line:{s.actor}:{s.issue}"] = (
            s.actor,
            s.salience,
            ("red", ids.index(s.issue), ok),
        )
    sal = {(s.actor, s.issue): s.salience for s in scenario.stakes}
    for k, link in enumerate(scenario.linkages):
        x, y = ids.index(link.if_issue), ids.index(link.then_issue)
        trig = {o for o, opt in enumerate(issues[x].options) if opt.id in link.if_options}
        then = {o for o, opt in enumerate(issues[y].options) if opt.id in link.then_options}
        owner = link.actor
        weight = (
            max(sal.get((owner, link.if_issue), 0.0), sal.get((owner, link.then_issue), 0.0))
            if owner
            else 0.0
        )
        checks[f"linkage:{link.id or k + 1}"] = (owner, weight, ("link", x, trig, y, then))
    for k, a in enumerate(parties):
        if a.reservation is not None:
            checks[f"reservation:{a.id}"] = (a.id, 1.0, ("res", k, round(a.reservation * Q)))
    violated = {
        p: frozenset(c for c, (_, _, rule) in checks.items() if not _holds(rule, p, utilities[p]))
        for p in packages
    }
    n = len(parties)
    minimum = tuple(min(utilities[p][a] for p in packages) for a in range(n))
    maximum = tuple(max(utilities[p][a] for p in packages) for a in range(n))
    disagreement = tuple(
        max(minimum[k], round(a.reservation * Q)) if a.reservation is not None else minimum[k]
        for k, a in enumerate(parties)
    )
    return Oracle(
        parties=[a.id for a in parties],
        issues=ids,
        packages=packages,
        utilities=utilities,
        constraints={c: (owner, weight) for c, (owner, weight, _) in checks.items()},
        violated=violated,
        minimum=minimum,
        maximum=maximum,
        disagreement=disagreement,
        scenario=scenario,
    )


def _holds(rule: object, p: Package, u: tuple[int, ...]) -> bool:
    assert isinstance(rule, tuple)
    if rule[0] == "red":
        return p[rule[1]] in rule[2]
    if rule[0] == "link":
        _, x, trig, y, then = rule
        return p[x] not in trig or p[y] in then
    _, k, threshold = rule
    return bool(u[k] >= threshold)


def frontier(o: Oracle) -> list[Package]:
    feasible = o.feasible
    out = []
    for p in feasible:
        up = o.utilities[p]
        if not any(
            all(a >= b for a, b in zip(o.utilities[q], up, strict=True)) and o.utilities[q] != up
            for q in feasible
        ):
            out.append(p)
    return sorted(out)


def solutions(o: Oracle) -> dict[str, Package | None]:
    front = frontier(o)
    if not front:
        return dict.fromkeys(("nash", "kalai_smorodinsky", "egalitarian", "utilitarian"))

    def gains(p: Package) -> list[int]:
        return [u - d for u, d in zip(o.utilities[p], o.disagreement, strict=True)]

    def tie(p: Package) -> tuple[tuple[int, ...], Package]:
        return tuple(-g for g in sorted(gains(p))), p

    def spread(p: Package) -> Fraction:
        ratios = [
            Fraction(g, m - d)
            for g, m, d in zip(gains(p), o.maximum, o.disagreement, strict=True)
            if m > d
        ]
        return max(ratios) - min(ratios) if ratios else Fraction(0)

    return {
        "nash": min(front, key=lambda p: (-math.prod(gains(p)), *tie(p))),
        "kalai_smorodinsky": min(front, key=lambda p: (spread(p), *tie(p))),
        "egalitarian": min(front, key=tie),
        "utilitarian": min(front, key=lambda p: (-sum(o.utilities[p]), *tie(p))),
    }


def _subsets(ids: list[str]) -> list[frozenset[str]]:
    return [frozenset(c) for r in range(len(ids) + 1) for c in itertools.combinations(ids, r)]


def blocking(o: Oracle) -> list[list[str]]:
    """Minimal correction sets, ranked: fewest parties, least salience, size, ids."""
    ids = list(o.constraints)
    found: list[frozenset[str]] = []
    for c in _subsets(ids):
        if any(f <= c for f in found):
            continue
        if any(v <= c for v in o.violated.values()):
            found.append(c)

    def key(c: frozenset[str]) -> tuple[int, float, int, list[str]]:
        members = [i for i in ids if i in c]
        owners = {o.constraints[i][0] for i in members} - {None}
        weight = round(sum(o.constraints[i][1] for i in members), 12)
        return len(owners), weight, len(members), members

    return [[i for i in ids if i in c] for c in sorted(found, key=key)]


def conflicts(o: Oracle) -> set[frozenset[str]]:
    """Minimal sets of constraints that no package satisfies together."""
    out: set[frozenset[str]] = set()
    for c in _subsets(list(o.constraints)):
        if any(f <= c for f in out):
            continue
        if all(v & c for v in o.violated.values()):
            out.add(c)
    return out


def fragile(o: Oracle, step: float) -> set[str]:
    """Constraints whose one-step tightening leaves no feasible package (literal check)."""
    feasible = o.feasible
    if not feasible:
        return set()
    out = set()
    scenario = o.scenario
    ids = o.issues
    for cid in o.constraints:
        kind = cid.split(":")[0]
        if kind == "reservation":
            k = o.parties.index(cid.split(":", 1)[1])
            actor = next(a for a in scenario.actors if a.id == o.parties[k])
            assert actor.reservation is not None
            raised = round(actor.reservation * Q) + round(step * Q)
            if all(o.utilities[p][k] < raised for p in feasible):
                out.add(cid)
        elif kind == "red_line":
            issue = ids.index(cid.rsplit(":", 1)[1])
            options = {p[issue] for p in feasible}
            # forbidding option x removes exactly the feasible packages that use x
            if any(all(p[issue] == x for p in feasible) for x in options):
                out.add(cid)
        else:
            k = next(
                k
                for k, link in enumerate(scenario.linkages)
                if f"linkage:{link.id or k + 1}" == cid
            )
            link = scenario.linkages[k]
            x, y = ids.index(link.if_issue), ids.index(link.then_issue)
            if_opts = scenario.issue(link.if_issue).options
            then_opts = scenario.issue(link.then_issue).options
            for dropped in link.then_options:
                keep = [t for t in link.then_options if t != dropped]
                if all(
                    if_opts[p[x]].id in link.if_options and then_opts[p[y]].id not in keep
                    for p in feasible
                ):
                    out.add(cid)
    return out
