"""Sources to :class:`~accord.schema.news.Article`: text, HTML, RSS/Atom, JSONL, URLs.

Example::

    from accord.ingest import IngestProblem, read_inputs

    for item in read_inputs(["news/", "feed.xml", "-"], fetch_urls=False):
        if isinstance(item, IngestProblem):
            print(item)          # news/bad.txt: [E402] looks like a binary file, ...
        else:
            handle(item)         # an Article

Bad items never raise: each becomes an :class:`IngestProblem` and reading goes on.
"""

from __future__ import annotations

from accord.ingest._decode import MAX_DOCUMENT_BYTES as MAX_DOCUMENT_BYTES
from accord.ingest._ids import article_id as article_id
from accord.ingest._ids import normalise_text as normalise_text
from accord.ingest._problem import IngestProblem as IngestProblem
from accord.ingest._read import STDIN as STDIN
from accord.ingest._read import read_inputs as read_inputs

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "STDIN",
    "IngestProblem",
    "article_id",
    "normalise_text",
    "read_inputs",
]
