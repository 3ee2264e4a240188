"""Scoring extractions against gold annotations (micro-averaged precision, recall, F1).

Fields: parties, actors, actor–party pairs, issues, stances as (party, issue) and
(party, issue, type), and meeting participants (the union over an article's meetings).
Name matching is lenient and documented in docs/extraction.md:

* names compare case-, punctuation- and diacritics-insensitively, a leading "the" dropped;
* party names go through the gazetteer first, so "US", "U.S." and "United States" agree;
* a person matches when the names are equal or one is the other's surname-only form
  ("Zelensky" ↔ "Volodymyr Zelensky"), titles such as "Mr" or "Sir" ignored;
* a meeting participant may be a party or a person, and matches either way.
Each gold or predicted item is matched at most once.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.errors import InputError
from accord.extract.actors import normalise_name
from accord.extract.resources import parties

__all__ = [
    "FIELDS",
    "FieldScore",
    "Report",
    "party_key",
    "person_match",
    "read_records",
    "score",
]

FIELDS = (
    "parties",
    "actors",
    "actor_party",
    "issues",
    "stances_party_issue",
    "stances_party_issue_type",
    "meeting_participants",
)
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord"})


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (article, kind, item)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    articles: int
    fields: dict[str, FieldScore]

    def as_dict(self, *, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "fields": {}}
        for name, s in self.fields.items():
            entry: dict[str, Any] = {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
            if errors:
                entry["errors"] = [{"id": a, "kind": k, "item": i} for a, k, i in s.errors]
            out["fields"][name] = entry
        return out


@functools.cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in parties():
        canonical = normalise_name(entry.name)
        for name in (*entry.names, entry.government_name):
            table.setdefault(_strip_the(normalise_name(name)), canonical)
    return table


def _strip_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def party_key(name: str) -> str:
    """The comparison key of a party name: its canonical gazetteer name when known."""
    key = _strip_the(normalise_name(name))
    return _aliases().get(key, key)


def _person_words(name: str) -> list[str]:
    return [w for w in normalise_name(name).split() if w not in _TITLES]


def person_match(a: str, b: str) -> bool:
    """Equal names, or one is the surname-only (or shorter) form of the other."""
    wa, wb = _person_words(a), _person_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return short[-1] == long_[-1] and set(short) <= set(long_)


def _match(
    gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool]
) -> tuple[int, list[Any], list[Any]]:
    """Greedy one-to-one matching; returns (matches, unmatched gold, unmatched pred)."""
    left = list(pred)
    missed: list[Any] = []
    hits = 0
    for g in gold:
        for i, p in enumerate(left):
            if same(g, p):
                hits += 1
                del left[i]
                break
        else:
            missed.append(g)
    return hits, missed, left


def _dedupe(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _participant_same(a: str, b: str) -> bool:
    return party_key(a) == party_key(b) or person_match(a, b)


def _items(record: dict[str, Any]) -> dict[str, list[Any]]:
    actors = record.get("actors") or []
    stances = record.get("stances") or []
    return {
        "parties": _dedupe(party_key(p) for p in record.get("parties") or []),
        "actors": _dedupe(a["name"] for a in actors),
        "actor_party": _dedupe(
            (a["name"], party_key(a["party"])) for a in actors if a.get("party")
        ),
        "issues": _dedupe(record.get("issues") or []),
        "stances_party_issue": _dedupe((party_key(s["party"]), s["issue"]) for s in stances),
        "stances_party_issue_type": _dedupe(
            (party_key(s["party"]), s["issue"], s["type"]) for s in stances
        ),
        "meeting_participants": _dedupe(
            n for m in record.get("meetings") or [] for n in m.get("participants") or []
        ),
    }


_SAME: dict[str, Callable[[Any, Any], bool]] = {
    "actors": person_match,
    "actor_party": lambda a, b: person_match(a[0], b[0]) and a[1] == b[1],
    "meeting_participants": _participant_same,
}


def score(gold: Iterable[dict[str, Any]], pred: dict[str, dict[str, Any]]) -> Report:
    """Score predicted records (by id) against gold records; a missing prediction is empty."""
    fields = {name: FieldScore() for name in FIELDS}
    count = 0
    for record in gold:
        count += 1
        article = str(record["id"])
        gold_items = _items(record)
        pred_items = _items(pred.get(article, {}))
        for name in FIELDS:
            same = _SAME.get(name, lambda a, b: a == b)
            hits, missed, spurious = _match(gold_items[name], pred_items[name], same)
            s = fields[name]
            s.tp += hits
            s.fn += len(missed)
            s.fp += len(spurious)
            s.errors += [(article, "missing", _show(m)) for m in missed]
            s.errors += [(article, "spurious", _show(p)) for p in spurious]
    return Report(articles=count, fields=fields)


def _show(item: Any) -> str:
    return " / ".join(item) if isinstance(item, tuple) else str(item)


def read_records(path: Path, *, required: tuple[str, ...] = ("id",)) -> Iterator[dict[str, Any]]:
    """JSON objects, one a line; a malformed line raises an error naming file and line."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError("E500", source=str(path), reason=exc.strerror or str(exc)) from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(
                        "E501", source=str(path), where=str(number), reason=exc.msg
                    ) from exc
                if not isinstance(record, dict):
                    raise InputError(
                        "E502", source=str(path), where=str(number), got=type(record).__name__
                    )
                missing = [key for key in required if key not in record]
                if missing:
                    raise InputError(
                        "E503", source=str(path), where=str(number), fields=", ".join(missing)
                    )
                bad = _bad_list(record)
                if bad:
                    raise InputError("E504", source=str(path), where=str(number), field=bad)
                yield record
        except UnicodeDecodeError as exc:
            raise InputError("E505", source=str(path)) from exc


def _bad_list(record: dict[str, Any]) -> str | None:
    """The first field whose shape the scorer cannot read, if any."""
    for key in ("parties", "issues"):
        value = record.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            return key
    shapes = {
        "actors": ("name",),
        "stances": ("party", "issue", "type"),
        "meetings": ("participants",),
    }
    for key, needed in shapes.items():
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            return key
        for index, item in enumerate(value):
            if not isinstance(item, dict) or any(
                not isinstance(item.get(n), (str, list)) for n in needed
            ):
                return f"{key}[{index}]"
    return None
