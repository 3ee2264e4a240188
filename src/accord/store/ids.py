"""Content-derived ids, so the same fact read twice gets the same key and is stored once."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

__all__ = ["content_id", "slug"]


def content_id(prefix: str, *parts: object) -> str:
    """``prefix_`` + 16 hex digits of the sha256 of ``parts`` (JSON, so order and types count)."""
    blob = json.dumps(parts, ensure_ascii=False, default=str, separators=(",", ":"))
    return f"{prefix}_{hashlib.sha256(blob.encode('utf-8')).hexdigest()[:16]}"


def slug(name: str) -> str:
    """Lower-case ASCII slug of a name (``United States`` → ``united_states``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")
    return text or content_id("x", name)
