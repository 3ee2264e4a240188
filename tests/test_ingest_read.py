"""read_inputs on plain text, JSONL, folders, patterns and stdin, with bad items skipped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from accord.ingest import IngestProblem, article_id, read_inputs
from accord.schema.news import Article

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

REPORT = (
    "Delegates resume harbour talks\n\n"
    "Negotiators from the two coastal provinces met again on Monday to discuss fishing "
    "rights, the return of impounded boats and a joint patrol of the disputed bay. "
    "Both sides said the atmosphere was better than in the previous round."
)
SECOND = (
    "Mediators propose a timetable\n\n"
    "The mediators circulated a draft timetable that would see prisoners exchanged "
    "within a month and a commission on the border set up before the end of the year, "
    "according to two officials who have seen the document."
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def articles(items: list[Article | IngestProblem]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items: list[Article | IngestProblem]) -> list[IngestProblem]:
    return [item for item in items if isinstance(item, IngestProblem)]


def test_ingest_read_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "harbour.txt", REPORT + "\n")
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.title == "Delegates resume harbour talks"
    assert article.text == REPORT
    assert article.id == article_id(REPORT)
    assert article.language == "en"


def test_ingest_read_text_without_headline_has_no_title(tmp_path: Path) -> None:
    body = REPORT.split("\n\n", 1)[1]
    [article] = list(read_inputs([write(tmp_path / "body.txt", body)]))
    assert isinstance(article, Article)
    assert article.title is None


def test_ingest_read_corpus_jsonl_keeps_ids() -> None:
    items = list(read_inputs([CORPUS / "dev.jsonl"]))
    assert not problems(items)
    ids = [article.id for article in articles(items)]
    assert ids[0] == "seed"
    assert len(ids) == 11
    assert all(identifier.startswith("g") for identifier in ids[1:])
    assert all(article.title and article.text for article in articles(items))


def test_ingest_read_jsonl_fields_and_extra_keys(tmp_path: Path) -> None:
    record = {
        "id": 17,
        "url": "https://example.org/a",
        "title": "Delegates resume harbour talks",
        "published": "2024-03-05T10:30:00Z",
        "text": REPORT,
        "annotation": {"ignored": True},
    }
    path = write(tmp_path / "a.jsonl", json.dumps(record) + "\n")
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert (article.id, article.url, str(article.published)) == (
        "17",
        "https://example.org/a",
        "2024-03-05",
    )


def test_ingest_read_jsonl_without_id_hashes_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": SECOND}) + "\n")
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.id == article_id(SECOND)


@pytest.mark.parametrize(
    ("line", "code", "fragment"),
    [
        ('{"text": "unterminated', "E405", "column"),
        ("[1, 2]", "E406", "got list"),
        ('{"title": "no body"}', "E406", "`text`"),
        ('{"text": 42}', "E406", "`text`"),
        ('{"text": "a b c", "published": "last spring"}', "E406", "`published`"),
        ('{"id": "", "text": "a b c"}', "E406", "`id` is empty"),
        ('{"text": "   "}', "E401", "empty"),
    ],
)
def test_ingest_read_jsonl_bad_line_reported_rest_kept(
    tmp_path: Path, line: str, code: str, fragment: str
) -> None:
    good = json.dumps({"id": "a", "text": REPORT})
    later = json.dumps({"id": "b", "text": SECOND})
    path = write(tmp_path / "mixed.jsonl", f"{good}\n\n{line}\n{later}\n")
    items = list(read_inputs([path]))
    assert [article.id for article in articles(items)] == ["a", "b"]
    [problem] = problems(items)
    assert (problem.source, problem.where, problem.code) == (str(path), "3", code)
    assert fragment in problem.message
    assert str(problem).startswith(f"{path}:3: [{code}] ")


def test_ingest_read_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": REPORT}).encode()
    path = write(tmp_path / "bytes.jsonl", good + b'\n{"text": "caf\xe9 talks"}\n')
    items = list(read_inputs([path]))
    assert [article.id for article in articles(items)] == ["a"]
    assert [(p.where, p.code) for p in problems(items)] == [("2", "E404")]


def test_ingest_read_jsonl_streams_line_by_line(tmp_path: Path) -> None:
    """The reader must yield the first article before it has read the rest of the file."""
    path = write(tmp_path / "big.jsonl", json.dumps({"id": "first", "text": REPORT}) + "\n")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{broken\n")
    stream = read_inputs([path])
    first = next(stream)
    assert isinstance(first, Article)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "late", "text": SECOND}) + "\n")
    rest = list(stream)
    assert [a.id for a in articles(rest)] == ["late"]


def test_ingest_read_jsonl_line_over_cap(tmp_path: Path) -> None:
    from accord.ingest import _jsonl

    big = json.dumps({"id": "big", "text": "word " * 400})
    small = json.dumps({"id": "small", "text": SECOND})
    path = write(tmp_path / "cap.jsonl", f"{big}\n{small}\n")
    with path.open("rb") as stream:
        items = list(_jsonl.read_jsonl(stream, source="cap.jsonl", limit=1000))
    assert [str(item) for item in items if isinstance(item, IngestProblem)] == [
        "cap.jsonl:1: [E403] larger than the 0.001 MB limit for one document; "
        "give big collections as JSONL"
    ]
    assert [item.article.id for item in items if not isinstance(item, IngestProblem)] == ["small"]


def test_ingest_read_folder_recursive_sorted(tmp_path: Path) -> None:
    write(tmp_path / "news" / "b" / "two.txt", SECOND)
    write(tmp_path / "news" / "a.txt", REPORT)
    write(tmp_path / "news" / ".hidden" / "skip.txt", "hidden folder " * 10)
    write(tmp_path / "news" / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    items = list(read_inputs([tmp_path / "news"]))
    assert not problems(items)
    assert [a.title for a in articles(items)] == [
        "Delegates resume harbour talks",
        "Mediators propose a timetable",
    ]


def test_ingest_read_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    [problem] = list(read_inputs([tmp_path / "none"]))
    assert isinstance(problem, IngestProblem)
    assert problem.code == "E419"


def test_ingest_read_glob_pattern(tmp_path: Path) -> None:
    write(tmp_path / "x" / "one.txt", REPORT)
    write(tmp_path / "y" / "two.txt", SECOND)
    write(tmp_path / "y" / "two.md", "not matched by the pattern " * 5)
    items = list(read_inputs([f"{tmp_path}/**/*.txt"]))
    assert [a.title for a in articles(items)] == [
        "Delegates resume harbour talks",
        "Mediators propose a timetable",
    ]


@pytest.mark.parametrize(
    ("given", "code"),
    [("missing.txt", "E400"), ("nothing-*.txt", "E407")],
)
def test_ingest_read_missing_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, code: str
) -> None:
    monkeypatch.chdir(tmp_path)
    [problem] = list(read_inputs([given]))
    assert isinstance(problem, IngestProblem)
    assert (problem.source, problem.code) == (given, code)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E401"),
        ("blank.txt", b"  \n\t\n", "E401"),
        ("nul.txt", b"text\x00with\x00nul bytes\x00", "E402"),
        ("controls.txt", bytes(range(1, 9)) * 50, "E402"),
    ],
)
def test_ingest_read_bad_text_file_reported_rest_kept(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", REPORT)
    items = list(read_inputs([bad, good]))
    assert [a.title for a in articles(items)] == ["Delegates resume harbour talks"]
    [problem] = problems(items)
    assert (problem.source, problem.code) == (str(bad), code)


def test_ingest_read_huge_file(tmp_path: Path) -> None:
    from accord.ingest import MAX_DOCUMENT_BYTES

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    [problem] = list(read_inputs([huge]))
    assert isinstance(problem, IngestProblem)
    assert problem.code == "E403"


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        ("Café talks in Genève\n\n".encode("cp1252") + b"x", "cp1252"),
        ("\ufeffCafé talks in Genève\n\nbody".encode("utf-16"), "utf-16"),
        ("\ufeffCafé talks in Genève\n\nbody".encode(), "utf-8 with BOM"),
    ],
)
def test_ingest_read_other_encodings(tmp_path: Path, encoded: bytes, label: str) -> None:
    [article] = list(read_inputs([write(tmp_path / "enc.txt", encoded)]))
    assert isinstance(article, Article), label
    assert article.title == "Café talks in Genève"


def test_ingest_read_duplicate_text_reported(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt", REPORT)
    two = write(tmp_path / "two.txt", REPORT.replace("\n\n", "\n\n  ").replace(" ", "  "))
    items = list(read_inputs([one, two]))
    assert len(articles(items)) == 1
    [problem] = problems(items)
    assert (problem.source, problem.code) == (str(two), "E418")
    assert str(one) in problem.message


def test_ingest_read_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "s1", "text": REPORT}), "oops", json.dumps({"text": SECOND})]
    path = write(tmp_path / "in", "\n".join(lines) + "\n")
    with path.open(encoding="utf-8") as handle:
        monkeypatch.setattr(sys, "stdin", handle)
        items = list(read_inputs(["-"]))
    assert [a.id for a in articles(items)] == ["s1", article_id(SECOND)]
    assert [str(p).split(" [")[0] for p in problems(items)] == ["<stdin>:2:"]


def test_ingest_read_stdin_plain_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = write(tmp_path / "in", SECOND)
    with path.open(encoding="utf-8") as handle:
        monkeypatch.setattr(sys, "stdin", handle)
        [article] = list(read_inputs(["-"]))
    assert isinstance(article, Article)
    assert article.title == "Mediators propose a timetable"


def test_ingest_read_problem_renders_one_line() -> None:
    problem = IngestProblem.of("E405", source="a.jsonl", where="7", reason="bad")
    assert str(problem) == "a.jsonl:7: [E405] malformed JSON: bad"
    assert str(IngestProblem.of("E401", source="b.txt")).startswith("b.txt: [E401] ")


def test_ingest_read_problem_is_frozen() -> None:
    problem = IngestProblem.of("E401", source="b.txt")
    with pytest.raises(ValidationError):
        problem.code = "E400"  # type: ignore[misc]


def test_ingest_read_stdin_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    [problem] = list(read_inputs(["-"]))
    assert str(problem) == "<stdin>: [E400] cannot read the input: standard input is closed"
