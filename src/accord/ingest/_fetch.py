"""Guarded download of one explicitly given http(s) URL with httpx.

Guards: only http and https (also after redirects), at most five redirects, a 10 s
timeout per network step, a size cap counted on the decoded body (so a compressed
bomb is cut off too) and a content type that one of the readers understands.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from accord import __version__
from accord.errors import InputError
from accord.ingest._decode import MAX_DOCUMENT_BYTES, limit_label
from accord.ingest._kinds import Kind

__all__ = ["MAX_REDIRECTS", "TIMEOUT_SECONDS", "Fetched", "check_scheme", "fetch"]

TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 5

_KIND_BY_TYPE: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "text/plain": "text",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "jsonl",
}


@dataclass(frozen=True)
class Fetched:
    """A downloaded document: where it ended up, which reader it needs, its bytes."""

    url: str
    kind: Kind
    body: bytes
    charset: str | None


def check_scheme(url: str) -> None:
    """E413 unless the URL is http or https."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError("E413", source=url, scheme=scheme)


def fetch(
    url: str, *, limit: int = MAX_DOCUMENT_BYTES, timeout: float = TIMEOUT_SECONDS
) -> Fetched:
    """Download ``url`` or raise an :class:`InputError` (E403, E413, E415, E416, E417)."""
    check_scheme(url)
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": f"accord/{__version__}"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _read_response(response, url, limit)
    except httpx.TooManyRedirects as exc:
        raise InputError("E415", source=url, reason=f"more than {MAX_REDIRECTS} redirects") from exc
    except httpx.UnsupportedProtocol as exc:
        raise InputError("E415", source=url, reason="redirected to a non-http address") from exc
    except httpx.TimeoutException as exc:
        reason = f"no answer within {timeout:g} s"
        raise InputError("E415", source=url, reason=reason) from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise InputError("E415", source=url, reason=str(exc) or type(exc).__name__) from exc


def _read_response(response: httpx.Response, url: str, limit: int) -> Fetched:
    if response.status_code >= 400:
        raise InputError("E416", source=url, status=response.status_code)
    content_type = response.headers.get("content-type", "")
    kind = _KIND_BY_TYPE.get(content_type.split(";")[0].strip().lower())
    if kind is None:
        raise InputError("E417", source=url, content_type=content_type or "none given")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError("E403", source=url, limit=limit_label(limit))
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise InputError("E403", source=url, limit=limit_label(limit))
    return Fetched(str(response.url), kind, bytes(body), response.charset_encoding)
