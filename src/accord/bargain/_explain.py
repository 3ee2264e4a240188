"""Why there is no deal, or how close the deals are to disappearing.

A *blocking set* is a minimal correction set: relaxing (dropping) all its constraints
lets some package through, and no proper subset does. A *conflict* is a minimal
unsatisfiable set: no package meets all its constraints, but any proper subset can
be met. Conflicts are exactly the minimal hitting sets of the blocking sets, so they
are derived from them whichever engine found the blocking sets.
"""

from __future__ import annotations

from accord.bargain._facts import Facts
from accord.bargain._scan import minimal_sets
from accord.bargain._space import QUANTUM, Constraint, Space
from accord.schema.bargain import BlockingSet, ConflictSet, Fragility

__all__ = ["BERGE_LIMIT", "blocking_sets", "conflict_sets", "fragility", "minimal_hitting_sets"]


def _members(mask: int) -> list[int]:
    return [j for j in range(mask.bit_length()) if mask >> j & 1]


#: Berge's method is exponential in the worst case; past this many partial hitting sets
#: the conflicts are found one at a time by deletion instead, and marked incomplete.
BERGE_LIMIT = 2_000
_DELETION_SEEDS = 10  # blocking sets whose constraints seed the deletion search


def minimal_hitting_sets(sets: list[int], *, limit: int = BERGE_LIMIT) -> list[int] | None:
    """All ⊆-minimal bitsets meeting every set in ``sets`` (Berge), or None past ``limit``."""
    hitting = [0]
    for s in sets:
        grown: set[int] = set()
        for h in hitting:
            if h & s:
                grown.add(h)
            else:
                grown.update(h | 1 << j for j in _members(s))
            if len(grown) > limit:
                return None
        hitting = minimal_sets(grown)
    return hitting


def _by_deletion(corrections: list[int], seeds: list[int]) -> list[int]:
    """Some minimal unsatisfiable sets: drop constraints while the rest still conflict.

    A set conflicts exactly when it meets every correction set. Each seed constraint is
    tried last, so that it stays in the conflict found when it can.
    """
    full = 0
    for c in corrections:
        full |= c
    found: set[int] = set()
    for seed in seeds:
        kept = full
        for j in [*(j for j in _members(full) if j != seed), seed]:
            trial = kept & ~(1 << j)
            if all(trial & c for c in corrections):
                kept = trial
        found.add(kept)
    return minimal_sets(found)


def _owners(space: Space, cs: list[Constraint]) -> list[str]:
    order = {p: k for k, p in enumerate(space.parties)}
    owners = {c.owner for c in cs if c.owner is not None}
    return sorted(owners, key=lambda o: (order.get(o, len(order)), o))


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def blocking_sets(space: Space, corrections: list[int]) -> list[BlockingSet]:
    """Rank minimal correction sets: fewest parties, least salience, fewest constraints."""
    rows = []
    for mask in corrections:
        cs = [space.constraints[j] for j in _members(mask)]
        parties = _owners(space, cs)
        salience = round(sum(c.salience for c in cs), 12)
        key = (len(parties), salience, len(cs), [c.id for c in cs])
        rows.append((key, cs, parties, salience))
    rows.sort(key=lambda row: row[0])
    return [
        BlockingSet(
            rank=k + 1,
            constraints=[c.id for c in cs],
            parties=parties,
            salience=salience,
            text="Relax " + _join([c.text for c in cs]),
        )
        for k, (_, cs, parties, salience) in enumerate(rows)
    ]


def conflict_sets(
    space: Space, corrections: list[int], blocking: list[BlockingSet]
) -> tuple[list[ConflictSet], bool]:
    """Minimal conflicting sets behind the deadlock, in words, and whether that is all."""
    masks = minimal_hitting_sets(corrections)
    complete = masks is not None
    if masks is None:
        index = {c.id: j for j, c in enumerate(space.constraints)}
        seeds = list(
            dict.fromkeys(index[c] for b in blocking[:_DELETION_SEEDS] for c in b.constraints)
        )
        masks = _by_deletion(corrections, seeds)
    out = []
    for mask in masks:
        cs = [space.constraints[j] for j in _members(mask)]
        words = [c.text for c in cs]
        if len(cs) == 1:
            text = f"{words[0]} cannot be met by any package."
        elif len(cs) == 2:
            text = f"{_join(words)} cannot both hold."
        else:
            text = f"{_join(words)} cannot all hold."
        out.append(
            ConflictSet(constraints=[c.id for c in cs], parties=_owners(space, cs), text=text)
        )
    return out, complete


def fragility(space: Space, facts: Facts, *, step: float) -> list[Fragility]:
    """Single constraints one tightening step away from leaving no deal.

    Tightening means: a red line rules out one more option it now allows; a linkage
    drops one more option from its "then" list; a reservation rises by ``step``.
    """
    out = []
    for j, c in enumerate(space.constraints):
        owner = (
            space.party_labels[space.parties.index(c.owner)]
            if c.owner in space.parties
            else c.owner
        )
        if c.kind == "red_line":
            used = facts.used[c.issue]
            if used.sum() == 1:
                issue = space.issues[c.issue]
                option = issue.options[int(used.argmax())]
                out.append(
                    Fragility(
                        constraint=c.id,
                        owner=c.owner,
                        tightening=f"also rule out {option} on {issue.id}",
                        text=f"Every deal has {option} on {issue.label}: if {owner} ruled it "
                        "out too, no deal would remain.",
                    )
                )
        elif c.kind == "linkage":
            then_used = facts.then_used[j]
            if not facts.untriggered[j] and then_used.sum() == 1:
                issue = space.issues[c.then_issue]
                option = issue.options[int(then_used.argmax())]
                out.append(
                    Fragility(
                        constraint=c.id,
                        owner=c.owner,
                        tightening=f"drop {option} of {issue.id} from the linkage",
                        text=f"Every deal triggers {c.text} and settles on {option}: "
                        "dropping it from the linkage would leave no deal.",
                    )
                )
        else:
            margin = int(facts.best[c.party]) - c.threshold
            if margin < round(step * QUANTUM):
                slack = margin / QUANTUM
                out.append(
                    Fragility(
                        constraint=c.id,
                        owner=c.owner,
                        tightening=f"raise the reservation by {step:g}",
                        slack=slack,
                        text=f"The best deal for {owner} is only {slack:.3f} above its "
                        f"reservation utility: raising it by {step:g} would leave no deal.",
                    )
                )
    return out
