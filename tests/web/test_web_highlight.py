"""Marking facts in text: escape first, then wrap spans, always well nested."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from accord.web.highlight import FactText, Mark, excerpts, highlight

HOSTILE = '<script>alert("x")</script> &amp; <b>bold</b> — ünïcode'


class _Nesting(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.mark.parametrize(
    "marks",
    [
        [],
        [Mark(0, 8, "stance", "st_1", "a")],
        [Mark(0, 20, "stance", "st_1", "a"), Mark(5, 40, "name", "st_2", "b")],
        [Mark(3, 9, "event", "ev_1", "a"), Mark(3, 9, "status", "ss_1", "b")],
        [Mark(30, 10_000, "meeting", "mt_1", '"quoted" <label>')],
        [Mark(10, 5, "stance", "st_1", "backwards"), Mark(-3, 2, "stance", "st_2", "neg")],
    ],
    ids=["none", "one", "overlap", "same-span", "past-end", "invalid"],
)
def test_web_highlight_keeps_text_and_nests(marks: list[Mark]) -> None:
    out = str(highlight(HOSTILE, marks))
    parser = _Nesting()
    parser.feed(out)
    assert parser.open == []
    assert set(parser.tags) <= {"mark"}
    assert _text(out) == HOSTILE


def test_web_highlight_marks_every_covering_fact() -> None:
    out = str(
        highlight("abcdef", [Mark(0, 4, "stance", "st_1", "x"), Mark(2, 6, "name", "st_2", "y")])
    )
    assert 'data-facts="st_1 st_2"' in out
    assert out.count("<mark") == 3


def test_web_excerpts_group_facts_by_sentence_and_mark_names() -> None:
    sentence = "Russia demands <territory> from Ukraine."
    facts = [
        FactText(10, 50, sentence, "stance", "st_1", "Russia: demand", ("Russia", "Ukraine")),
        FactText(10, 50, sentence, "event", "ev_1", "REQUEST", ()),
        FactText(0, 9, "Earlier.", "status", "ss_1", "unresolved", ("Nobody",)),
    ]
    found = excerpts(facts)
    assert [(e.start, e.end) for e in found] == [(0, 9), (10, 50)]
    assert found[1].labels == ["REQUEST", "Russia: demand"]  # same span: by fact id
    assert str(found[1].html).count("fact-name") == 2
    assert "&lt;territory&gt;" in str(found[1].html)


def test_web_excerpts_stitch_overlapping_sentences() -> None:
    text = "Ukraine rejects Russia's demand for land."
    whole = FactText(100, 100 + len(text), text, "stance", "st_1", "Ukraine: reject", ("Ukraine",))
    inner = text[16:]
    part = FactText(116, 116 + len(inner), inner, "stance", "st_2", "Russia: demand", ("Russia",))
    later = FactText(300, 305, "Later", "status", "ss_1", "unresolved", ())
    found = excerpts([part, later, whole])
    assert [(e.start, e.end, e.gap_before) for e in found] == [
        (100, 100 + len(text), True),
        (300, 305, True),
    ]
    assert _text(str(found[0].html)) == text
    assert 'data-facts="st_1 st_2"' in str(found[0].html)
