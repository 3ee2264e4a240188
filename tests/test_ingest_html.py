"""HTML pages and RSS/Atom feeds read into articles; broken ones reported and skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.ingest import IngestProblem, read_inputs
from accord.schema.news import Article

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Envoys agree on prisoner exchange | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-05-14T08:00:00Z">
<script>window.tracking = "tracking code must not survive";</script>
<style>.lead { font-weight: bold }</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Envoys agree on prisoner exchange</h1>
<p>Envoys of the two governments agreed on Tuesday to exchange three hundred prisoners
before the end of the month, the mediators said in a statement after talks in the capital.</p>
<p>The deal, reached after eleven hours of talks, also covers the reopening of two border
crossings for aid convoys &amp; the return of bodies. &ldquo;It is a first step,&rdquo; one
delegate said.</p>
<p>Disagreement remains over the withdrawal of troops from the northern hills.</p>
</article>
<footer><p>Subscribe to our newsletter. Cookie settings. Copyright Harbour Gazette.</p></footer>
<script>document.write("injected by a script");</script>
</body></html>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Gazette: talks</title><id>urn:feed</id><updated>2024-05-15T00:00:00Z</updated>
  <entry>
    <title>Envoys agree on prisoner exchange</title>
    <link href="https://gazette.example/2024/05/14/exchange"/>
    <id>urn:1</id><updated>2024-05-14T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Envoys agreed on Tuesday to exchange prisoners.&lt;/p&gt;
      &lt;script&gt;alert("x")&lt;/script&gt;&lt;p&gt;The hills remain disputed.&lt;/p&gt;</content>
  </entry>
  <entry><title>No body at all</title><id>urn:2</id><updated>2024-05-14T09:00:00Z</updated></entry>
  <entry>
    <title>Only a summary</title><id>urn:3</id>
    <published>2024-05-13T08:00:00Z</published><updated>2024-05-14T08:00:00Z</updated>
    <summary>Mediators said the next round would start in June.</summary>
  </entry>
</feed>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Lakeside Courier</title><link>https://courier.example/</link>
  <description>World news</description>
  <item>
    <title>Talks on the lake border adjourned</title>
    <link>https://courier.example/talks-adjourned</link>
    <pubDate>Fri, 07 Jun 2024 16:20:00 +0000</pubDate>
    <description>&lt;p&gt;Talks on the lake border were adjourned until autumn after the
    delegations failed to agree on a joint commission.&lt;/p&gt;</description>
  </item>
</channel></rss>
"""


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def test_ingest_html_page_body_title_date_outlet(tmp_path: Path) -> None:
    [article] = list(read_inputs([write(tmp_path / "page.html", PAGE)]))
    assert isinstance(article, Article)
    assert article.title == "Envoys agree on prisoner exchange"
    assert article.outlet == "Harbour Gazette"
    assert article.published == dt.date(2024, 5, 14)
    assert article.text.startswith("Envoys agree on prisoner exchange\n\nEnvoys of the two")
    assert "aid convoys & the return" in article.text
    assert "“It is a first step,”" in article.text


@pytest.mark.parametrize("unwanted", ["tracking", "injected", "Subscribe", "Home", "font-weight"])
def test_ingest_html_drops_scripts_and_boilerplate(tmp_path: Path, unwanted: str) -> None:
    [article] = list(read_inputs([write(tmp_path / "page.html", PAGE)]))
    assert isinstance(article, Article)
    assert unwanted not in article.text


def test_ingest_html_sniffed_without_suffix(tmp_path: Path) -> None:
    [article] = list(read_inputs([write(tmp_path / "download", PAGE)]))
    assert isinstance(article, Article)
    assert article.outlet == "Harbour Gazette"


def test_ingest_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "the capital", "the café by the lake"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(page.replace("&ldquo;", "").replace("&rdquo;", "").encode("cp1252"))
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert "the café by the lake" in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><style>p { color: red }</style></body></html>",
        "<<<>>> </ / <!-- unterminated",
    ],
)
def test_ingest_html_without_text_reported_rest_kept(tmp_path: Path, page: str) -> None:
    bad = write(tmp_path / "bad.html", page)
    good = write(tmp_path / "good.html", PAGE)
    items = list(read_inputs([bad, good]))
    assert [type(item).__name__ for item in items] == ["IngestProblem", "Article"]
    assert isinstance(items[0], IngestProblem)
    assert (items[0].source, items[0].code) == (str(bad), "E408")


def test_ingest_html_malformed_markup_still_read(tmp_path: Path) -> None:
    broken = PAGE.replace("</p>", "").replace("</article>", "<div><span>")
    [article] = list(read_inputs([write(tmp_path / "broken.html", broken)]))
    assert isinstance(article, Article)
    assert "three hundred prisoners" in article.text


def test_ingest_feed_atom_one_article_per_entry(tmp_path: Path) -> None:
    path = write(tmp_path / "talks.atom", ATOM)
    items = list(read_inputs([path]))
    assert [type(item).__name__ for item in items] == ["Article", "IngestProblem", "Article"]
    first, problem, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.url == "https://gazette.example/2024/05/14/exchange"
    assert first.outlet == "Harbour Gazette: talks"
    assert first.published == dt.date(2024, 5, 14)
    assert first.text == (
        "Envoys agree on prisoner exchange\n\n"
        "Envoys agreed on Tuesday to exchange prisoners.\n\nThe hills remain disputed."
    )
    assert str(problem) == (
        f"{path}:entry 2: [E411] the feed entry has no text (neither content nor summary)"
    )
    assert (third.published, third.url) == (dt.date(2024, 5, 13), None)


def test_ingest_feed_rss_item(tmp_path: Path) -> None:
    [article] = list(read_inputs([write(tmp_path / "courier.rss", RSS)]))
    assert isinstance(article, Article)
    assert article.title == "Talks on the lake border adjourned"
    assert article.url == "https://courier.example/talks-adjourned"
    assert article.published == dt.date(2024, 6, 7)
    assert article.outlet == "Lakeside Courier"
    assert "joint commission" in article.text


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
            "E410",
        ),
        ('<?xml version="1.0"?><catalogue><book>not a feed</book></catalogue>', "E409"),
        ("", "E401"),
    ],
)
def test_ingest_feed_without_entries_reported(tmp_path: Path, content: str, code: str) -> None:
    bad = write(tmp_path / "bad.xml", content)
    items = list(read_inputs([bad, write(tmp_path / "good.rss", RSS)]))
    assert [type(item).__name__ for item in items] == ["IngestProblem", "Article"]
    assert isinstance(items[0], IngestProblem)
    assert (items[0].source, items[0].code) == (str(bad), code)
