"""URLs fetched from a real HTTP server on 127.0.0.1, with every guard exercised."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from accord.errors import InputError
from accord.ingest import MAX_DOCUMENT_BYTES, IngestProblem, read_inputs
from accord.ingest._fetch import fetch
from accord.schema.news import Article

PAGE = b"""<html><head><title>Lake commission meets</title>
<meta property="og:site_name" content="Lakeside Courier"></head><body><article>
<p>The joint lake commission met for the first time on Thursday and agreed on rules for
fishing boats crossing the median line, officials from both delegations said.</p>
<p>A second meeting is planned for next month in the northern port.</p>
</article></body></html>"""

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Commission meets</title><link>http://127.0.0.1/nowhere</link>
<description>The joint lake commission met for the first time.</description></item>
</channel></rss>"""

TEXT = b"Commission meets\n\nThe joint lake commission met for the first time on Thursday."

_CHUNK = b"x" * 1_000_000


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/page": ("text/html; charset=utf-8", PAGE),
            "/feed": ("application/rss+xml", FEED),
            "/text": ("text/plain; charset=utf-8", TEXT),
            "/image": ("image/png", b"\x89PNG\r\n\x1a\n"),
        }
        if self.path in routes:
            content_type, body = routes[self.path]
            self._send(200, content_type, body)
        elif self.path == "/slow":
            time.sleep(1.0)
            self._send(200, "text/plain", TEXT)
        elif self.path == "/moved":
            self._redirect("/page")
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif self.path == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(MAX_DOCUMENT_BYTES + 1))
            self.end_headers()
        elif self.path == "/streamed-huge":
            # No Content-Length: the body ends when the connection closes (HTTP/1.0).
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(MAX_DOCUMENT_BYTES // len(_CHUNK) + 1):
                self.wfile.write(_CHUNK)
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """The size-cap and timeout tests hang up on purpose; report anything else."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_ingest_fetch_html_page(server: str) -> None:
    [article] = list(read_inputs([f"{server}/page"]))
    assert isinstance(article, Article)
    assert article.url == f"{server}/page"
    assert article.title == "Lake commission meets"
    assert article.outlet == "Lakeside Courier"
    assert "median line" in article.text


def test_ingest_fetch_follows_a_redirect(server: str) -> None:
    [article] = list(read_inputs([f"{server}/moved"]))
    assert isinstance(article, Article)
    assert article.url == f"{server}/page"


@pytest.mark.parametrize(
    ("path", "url"), [("/feed", "http://127.0.0.1/nowhere"), ("/text", "{server}/text")]
)
def test_ingest_fetch_feed_and_text(server: str, path: str, url: str) -> None:
    [article] = list(read_inputs([server + path]))
    assert isinstance(article, Article)
    assert article.title == "Commission meets"
    assert "joint lake commission met" in article.text
    assert article.url == url.format(server=server)


@pytest.mark.parametrize(
    ("path", "code", "fragment"),
    [
        ("/image", "E417", "'image/png'"),
        ("/missing", "E416", "HTTP 404"),
        ("/loop", "E415", "more than 5 redirects"),
        ("/to-file", "E415", "non-http"),
        ("/declared-huge", "E403", "20 MB"),
        ("/streamed-huge", "E403", "20 MB"),
    ],
)
def test_ingest_fetch_refused_rest_kept(server: str, path: str, code: str, fragment: str) -> None:
    items = list(read_inputs([server + path, f"{server}/page"]))
    assert [type(item).__name__ for item in items] == ["IngestProblem", "Article"]
    problem = items[0]
    assert isinstance(problem, IngestProblem)
    assert (problem.source, problem.code) == (server + path, code)
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("url", "code"),
    [("file:///etc/passwd", "E413"), ("ftp://127.0.0.1/x.txt", "E413")],
)
def test_ingest_fetch_other_schemes_refused(url: str, code: str) -> None:
    [problem] = list(read_inputs([url]))
    assert isinstance(problem, IngestProblem)
    assert (problem.source, problem.code) == (url, code)


def test_ingest_fetch_off_reports_url(server: str) -> None:
    [problem] = list(read_inputs([f"{server}/page"], fetch_urls=False))
    assert isinstance(problem, IngestProblem)
    assert problem.code == "E414"


def test_ingest_fetch_unreachable_host() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [problem] = list(read_inputs([f"http://127.0.0.1:{port}/page"]))
    assert isinstance(problem, IngestProblem)
    assert problem.code == "E415"
    assert problem.message.startswith("cannot fetch the URL: ")


def test_ingest_fetch_times_out(server: str) -> None:
    with pytest.raises(InputError) as raised:
        fetch(f"{server}/slow", timeout=0.2)
    assert (
        str(raised.value) == f"{server}/slow: [E415] cannot fetch the URL: no answer within 0.2 s"
    )
