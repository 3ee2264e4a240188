"""The exception tree and the numbered error catalogue.

    AccordError                 anything Accord reports to a user
    ├── InputError (ValueError) a file, record or field the user gave is wrong
    │   └── ScenarioError       a scenario file breaks a rule
    ├── ReferenceError_         an id that names nothing (unknown actor, issue, article…)
    └── ServiceError            a service Accord needs (database, browser) is unavailable

Every message starts with its code (``[E104]``) so that users can search for it and
tests can assert on it without matching prose. Codes are never renumbered.
"""

from __future__ import annotations

__all__ = [
    "AccordError",
    "Errors",
    "InputError",
    "ReferenceError_",
    "ScenarioError",
    "ServiceError",
]


class Errors:
    """Message templates, keyed by code; format them with ``str.format``."""

    # scenario files (E1xx)
    E100 = "cannot read the file: {reason}"
    E101 = "the file is empty"
    E102 = "not valid {fmt}: {reason}"
    E103 = "{reason}"  # a pydantic validation rule, already phrased
    E104 = "unknown file type {suffix!r}; use .yaml, .yml, .json or .csv"
    E105 = "CSV header must be {expected}, got {got}"
    E106 = "expected a number, got {value!r}"
    E107 = "expected {expected} columns, got {got}"
    E108 = "the file is not UTF-8 text (looks binary or uses another encoding)"
    E109 = "the scenario must be a mapping at the top level, got {got}"

    # forecast models (E2xx)

    # bargaining search (E3xx)

    # ingest: sources to articles (E4xx)
    E400 = "cannot read the input: {reason}"
    E401 = "no text: the input is empty or holds only whitespace"
    E402 = "looks like a binary file, not text; give text, HTML, a feed or JSONL"
    E403 = "larger than the {limit} limit for one document; give big collections as JSONL"
    E404 = "cannot decode the text: not UTF-8 and no usable charset declared or detected"
    E405 = "malformed JSON: {reason}"
    E406 = "bad article record: {reason}"
    E407 = "no file matches the pattern {pattern!r}"
    E408 = "no article text found in the HTML page ({reason})"
    E409 = "not a readable RSS/Atom feed: {reason}"
    E410 = "the feed has no entries"
    E411 = "the feed entry has no text (neither content nor summary)"
    E412 = "the text looks like {language!r}, not English; only English is supported, skipped"
    E413 = "URL scheme {scheme!r} is not allowed; give an http:// or https:// address or a path"
    E414 = "URL not fetched: fetching is turned off; download the page and pass the file"
    E415 = "cannot fetch the URL: {reason}"
    E416 = "the server answered HTTP {status}; check the address"
    E417 = "unsupported content type {content_type!r}; expected HTML, RSS/Atom, plain text or JSONL"
    E418 = "duplicate article: same id {id!r} as {first}; skipped"
    E419 = "the folder holds no files to read (looked for {suffixes})"

    # extraction and evaluation (E5xx)
    E500 = "cannot read the file: {reason}"
    E501 = "not valid JSON: {reason}; each line must be one JSON object"
    E502 = "expected a JSON object on this line, got {got}"
    E503 = "missing field(s) {fields}; gold and prediction records need an 'id'"
    E504 = "field {field!r} has the wrong shape; see `accord schema extraction`"
    E505 = "the file is not UTF-8 text (looks binary or uses another encoding)"
    E506 = "no article could be read from these inputs; nothing was extracted"
    E507 = "{count} of {total} inputs could not be read (details above)"

    # store and views over the record (E6xx)

    # web app, API and reports (E7xx)

    # distributed execution (E8xx)
    E800 = (
        "cannot reach the Dask scheduler at {address}: {reason}; start it (`dask scheduler`) "
        "or leave the address out to run on a local cluster"
    )
    E801 = "not a Dask scheduler address: {address!r}; use tcp://HOST:PORT or tls://HOST:PORT"
    E802 = "cannot start a local Dask cluster: {reason}"
    E803 = "a Dask worker died while running {task}: {reason}; check the workers' memory and logs"
    E804 = "lost the Dask scheduler while running {task}: {reason}"

    # command line (E9xx)
    E900 = "{reason}"


class AccordError(Exception):
    """Base of every error Accord reports to a user instead of a traceback."""

    code: str = "E900"

    def __init__(self, code: str, /, **fields: object) -> None:
        self.code = code
        template: str = getattr(Errors, code)
        self.detail = template.format(**fields)
        super().__init__(f"[{code}] {self.detail}")


class InputError(AccordError, ValueError):
    """Something the user gave (a file, a record, a field) is wrong.

    ``source`` names the file (or ``<stdin>``), ``where`` the line or field path.
    """

    def __init__(
        self, code: str, /, *, source: str, where: str | None = None, **fields: object
    ) -> None:
        self.source = source
        self.where = where
        super().__init__(code, **fields)
        place = f"{source}:{where}" if where else source
        self.args = (f"{place}: [{code}] {self.detail}",)


class ScenarioError(InputError):
    """A scenario file is unreadable or breaks a rule of the scenario format."""


class ReferenceError_(AccordError, KeyError):
    """An id names nothing that exists (unknown actor, issue, article, stance…)."""

    def __str__(self) -> str:
        return str(self.args[0])


class ServiceError(AccordError, RuntimeError):
    """A service Accord needs (database, browser, cluster) cannot be reached."""
