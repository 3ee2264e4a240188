"""Mark facts in text: escape every piece of text first, then wrap the spans in ``<mark>``.

Marks may overlap (several facts read from one sentence); the text is cut at every
mark boundary and each piece is wrapped once with the facts that cover it, so the
output is always well nested whatever the spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

__all__ = ["Excerpt", "FactText", "Mark", "excerpts", "highlight"]


@dataclass(frozen=True)
class Mark:
    """A span of the text, the fact ids it carries and the CSS kind (stance, meeting…)."""

    start: int
    end: int
    kind: str
    fact_id: str
    label: str


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` as HTML with each mark's span wrapped in ``<mark>``; spans are clipped."""
    size = len(text)
    spans = [m for m in marks if 0 <= m.start < m.end and m.start < size]
    cuts = sorted({0, size, *(m.start for m in spans), *(min(m.end, size) for m in spans)})
    out: list[Markup] = []
    for left, right in pairwise(cuts):
        piece = escape(text[left:right])
        covering = [m for m in spans if m.start <= left and right <= m.end]
        if not covering:
            out.append(piece)
            continue
        kinds = " ".join(sorted({f"fact-{m.kind}" for m in covering}))
        ids = " ".join(dict.fromkeys(m.fact_id for m in covering))
        title = "; ".join(m.label for m in covering)
        out.append(
            Markup('<mark class="fact {}" data-facts="{}" title="{}">{}</mark>').format(
                kinds, ids, title, piece
            )
        )
    return Markup("").join(out)


@dataclass(frozen=True)
class FactText:
    """A fact as the record keeps it: its sentence, the sentence's place, and names in it."""

    start: int
    end: int
    sentence: str
    kind: str
    fact_id: str
    label: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Excerpt:
    """A stretch of kept text, where it sits in the article, and its marked HTML."""

    start: int
    end: int
    html: Markup
    labels: list[str]
    gap_before: bool


def _fits(fact: FactText) -> bool:
    """The sentence is exactly the article text at its span, so it can be stitched."""
    return len(fact.sentence) == fact.end - fact.start


def _segments(facts: Sequence[FactText]) -> list[list[FactText]]:
    """Facts grouped into stretches of overlapping spans, in text order."""
    out: list[list[FactText]] = []
    for fact in sorted(facts, key=lambda f: (f.start, -f.end, f.fact_id)):
        last = out[-1] if out else None
        if (
            last is not None
            and _fits(fact)
            and all(_fits(f) for f in last)
            and fact.start < max(f.end for f in last)
        ):
            last.append(fact)
        elif last is not None and (fact.start, fact.end, fact.sentence) == (
            last[0].start,
            last[0].end,
            last[0].sentence,
        ):
            last.append(fact)  # same sentence, even if it does not match its span
        else:
            out.append([fact])
    return out


def excerpts(facts: Sequence[FactText]) -> list[Excerpt]:
    """The kept text: each stretch of overlapping evidence stitched into one excerpt.

    The record keeps evidence sentences, not whole articles (news is copyrighted), so
    the article page shows these stretches in text order with a gap marker between
    stretches that do not touch. Every fact is marked over its own span, and the names
    of who and where inside it are marked too.
    """
    out: list[Excerpt] = []
    previous_end = 0
    for group in _segments(facts):
        start = min(f.start for f in group)
        end = max(f.end for f in group) if all(_fits(f) for f in group) else group[0].end
        chars = [" "] * (end - start) if all(_fits(f) for f in group) else list(group[0].sentence)
        marks: list[Mark] = []
        for fact in group:
            offset = fact.start - start if _fits(fact) else 0
            chars[offset : offset + len(fact.sentence)] = fact.sentence
            marks.append(
                Mark(offset, offset + len(fact.sentence), fact.kind, fact.fact_id, fact.label)
            )
            for name in fact.names:
                at = fact.sentence.find(name) if name else -1
                if at >= 0:
                    marks.append(
                        Mark(offset + at, offset + at + len(name), "name", fact.fact_id, name)
                    )
        text = "".join(chars)
        out.append(
            Excerpt(
                start,
                end,
                highlight(text, marks),
                [f.label for f in group],
                gap_before=start > previous_end,
            )
        )
        previous_end = max(previous_end, end)
    return out
