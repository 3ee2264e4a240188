"""The shipped data files (gazetteers, issue taxonomy, stance cues), loaded once and typed.

Everything language- or conflict-specific lives in ``accord/data``; the rules only read
these tables, so a new negotiation needs new data, not new code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

import yaml

PartyKind = Literal["state", "igo", "armed_group", "movement", "state_force"]

__all__ = [
    "IssueEntry",
    "Lexicon",
    "PartyEntry",
    "PartyKind",
    "issues",
    "lexicon",
    "parties",
    "people",
    "words",
]


@dataclass(frozen=True)
class PartyEntry:
    """One canonical party with every surface form that names it."""

    name: str
    kind: PartyKind
    country: str | None
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()

    @property
    def government_name(self) -> str:
        """The convention for the state side of a civil conflict: '<adjective> government'."""
        adjective = self.demonyms[0] if self.demonyms else self.name
        return f"{adjective} government"


@dataclass(frozen=True)
class IssueEntry:
    id: str
    terms: tuple[str, ...]
    weak: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Stance cues from ``stances.yaml``: lemma → stance type, plus word classes."""

    verbs: dict[str, tuple[str, ...]]
    adjectives: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    speech: frozenset[str]
    report_only: frozenset[str]
    obligation: frozenset[str]
    commitment: frozenset[str]
    condition_marks: frozenset[str]
    condition_phrases: tuple[tuple[str, ...], ...]
    double_negation: frozenset[str]
    phrasal: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _text(name: str) -> str:
    return resources.files("accord.data").joinpath(name).read_text(encoding="utf-8")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


@functools.cache
def parties() -> tuple[PartyEntry, ...]:
    """States (``states.tsv``) then organisations and armed groups (``organisations.yaml``)."""
    entries: list[PartyEntry] = []
    for line in _text("states.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, aliases, demonyms, metonyms = (line.split("\t") + [""] * 5)[:5]
        entries.append(
            PartyEntry(
                name=name,
                kind="state",
                country=code,
                names=(name, *_split(aliases)),
                demonyms=_split(demonyms),
                metonyms=_split(metonyms),
            )
        )
    raw: list[dict[str, Any]] = yaml.safe_load(_text("organisations.yaml"))
    for item in raw:
        entries.append(
            PartyEntry(
                name=item["name"],
                kind=item["kind"],
                country=item.get("country"),
                names=(item["name"], *item.get("aliases", [])),
                demonyms=tuple(item.get("adjectives", [])),
            )
        )
    return tuple(entries)


@functools.cache
def people() -> dict[str, str]:
    """Lower-cased full names of public figures → ISO 3166 alpha-3 (``people.tsv``)."""
    table: dict[str, str] = {}
    for line in _text("people.tsv").splitlines():
        if line and not line.startswith("#"):
            name, code = line.split("\t")
            table[name] = code
    return table


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    raw: dict[str, list[str]] = yaml.safe_load(_text("words.yaml"))
    return {key: frozenset(str(w) for w in value) for key, value in raw.items()}


def words(name: str) -> frozenset[str]:
    """A closed word class from ``words.yaml`` (role nouns, talk nouns, report verbs…)."""
    return _words()[name]


@functools.cache
def issues() -> tuple[IssueEntry, ...]:
    raw: dict[str, dict[str, Any]] = yaml.safe_load(_text("issues.yaml"))
    return tuple(
        IssueEntry(
            id=key,
            terms=tuple(str(t) for t in value["terms"]),
            weak=frozenset(str(t) for t in value.get("weak", [])),
        )
        for key, value in raw.items()
    )


@functools.cache
def lexicon() -> Lexicon:
    raw: dict[str, Any] = yaml.safe_load(_text("stances.yaml"))

    def invert(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for stance_type, words in table.items():
            for word in words:
                out.setdefault(word.lower(), []).append(stance_type)
        return {word: tuple(types) for word, types in out.items()}

    verbs = invert(raw["verbs"])
    return Lexicon(
        verbs={w: t for w, t in verbs.items() if " " not in w},
        phrasal={w: t for w, t in verbs.items() if " " in w},
        adjectives=invert(raw["adjectives"]),
        nouns=invert(raw["nouns"]),
        speech=frozenset(raw["speech"]),
        report_only=frozenset(raw["report_only"]),
        obligation=frozenset(raw["obligation"]),
        commitment=frozenset(raw["commitment"]),
        condition_marks=frozenset(raw["condition_marks"]),
        condition_phrases=tuple(tuple(p.split()) for p in raw["condition_phrases"]),
        double_negation=frozenset(raw["double_negation"]),
    )
