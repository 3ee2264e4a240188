"""Article ids: the sha256 of the text after a normalisation that ignores layout.

Two copies of one report that differ only in line breaks, runs of spaces, Unicode
composition (``é`` as one code point or as ``e`` + accent) or invisible characters
get the same id, so the id works as a deduplication key. Case, punctuation and
wording are kept: a different wording is a different text.
"""

from __future__ import annotations

import hashlib
import unicodedata

__all__ = ["article_id", "normalise_text"]

# Zero-width space, non-joiner, joiner, word joiner and byte-order mark.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def normalise_text(text: str) -> str:
    """NFC, invisible characters removed, every run of Unicode whitespace made one space,
    ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_INVISIBLE).split())


def article_id(text: str) -> str:
    """The 64-hex-digit sha256 of the UTF-8 bytes of :func:`normalise_text`."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
