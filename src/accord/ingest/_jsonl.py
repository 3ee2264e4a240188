"""JSON Lines of articles, streamed one line at a time so a file of any size fits in memory.

Each line is an object ``{id?, url?, title?, outlet?, published?, text}``; other keys
(annotations, ``split``…) are ignored. A bad line is reported with its line number
and the next line is read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Annotated, BinaryIO

from dateutil.parser import isoparse
from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictStr, ValidationError

from accord.errors import InputError
from accord.ingest._article import make_article
from accord.ingest._decode import MAX_DOCUMENT_BYTES, limit_label
from accord.ingest._problem import IngestProblem, Located

__all__ = ["read_jsonl"]

_CHUNK = 1 << 20


def _to_date(value: object) -> object:
    """ISO dates and date-times (``2025-12-01``, ``2025-12-01T09:30:00Z``) become dates."""
    if isinstance(value, str):
        try:
            return isoparse(value.strip()).date()
        except ValueError as exc:
            raise ValueError(f"not an ISO date: {value!r}") from exc
    return value


def _to_id(value: object) -> object:
    """Integer ids (common in exports) are kept as their decimal string."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: Annotated[StrictStr | None, BeforeValidator(_to_id)] = None
    url: StrictStr | None = None
    title: StrictStr | None = None
    outlet: StrictStr | None = None
    published: Annotated[dt.date | None, BeforeValidator(_to_date)] = None
    text: StrictStr


def read_jsonl(
    stream: BinaryIO, *, source: str, limit: int = MAX_DOCUMENT_BYTES
) -> Iterator[Located | IngestProblem]:
    """One article or one problem per non-blank line of ``stream``."""
    lineno = 0
    while line := stream.readline(limit + 1):
        lineno += 1
        where = str(lineno)
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_line(stream)
            yield IngestProblem.of("E403", source=source, where=where, limit=limit_label(limit))
            continue
        if not line.strip():
            continue
        try:
            yield _article(line, source=source, where=where, first=lineno == 1)
        except InputError as exc:
            yield IngestProblem.from_error(exc)


def _skip_line(stream: BinaryIO) -> None:
    while (chunk := stream.readline(_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def _article(line: bytes, *, source: str, where: str, first: bool) -> Located:
    try:
        text = line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("E404", source=source, where=where) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            "E405", source=source, where=where, reason=f"{exc.msg} (column {exc.colno})"
        ) from exc
    if not isinstance(data, dict):
        reason = f"expected a JSON object, got {type(data).__name__}"
        raise InputError("E406", source=source, where=where, reason=reason)
    try:
        record = _Record.model_validate(data)
    except ValidationError as exc:
        raise InputError("E406", source=source, where=where, reason=_first_error(exc)) from exc
    if record.id is not None and not record.id.strip():
        raise InputError("E406", source=source, where=where, reason="`id` is empty")
    return make_article(
        record.text,
        source=source,
        where=where,
        id=record.id,
        url=record.url,
        title=record.title,
        outlet=record.outlet,
        published=record.published,
    )


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else "record"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"`{field}`: {message}"
