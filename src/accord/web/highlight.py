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
    """One kept sentence, where it sits in the article, and its marked HTML."""

    start: int
    end: int
    html: Markup
    labels: list[str]


def excerpts(facts: Sequence[FactText]) -> list[Excerpt]:
    """Group facts by sentence; mark each sentence and the names of who and where in it.

    The record keeps evidence sentences, not whole articles (news is copyrighted), so
    the article page shows these sentences in text order.
    """
    grouped: dict[tuple[int, int, str], list[FactText]] = {}
    for fact in facts:
        grouped.setdefault((fact.start, fact.end, fact.sentence), []).append(fact)
    out = []
    for (start, end, sentence), group in sorted(grouped.items()):
        marks = [Mark(0, len(sentence), f.kind, f.fact_id, f.label) for f in group]
        for fact in group:
            for name in fact.names:
                at = sentence.find(name) if name else -1
                if at >= 0:
                    marks.append(Mark(at, at + len(name), "name", fact.fact_id, name))
        out.append(Excerpt(start, end, highlight(sentence, marks), [f.label for f in group]))
    return out
