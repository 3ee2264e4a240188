"""What a reader yields besides articles: a per-item problem, and an article with its place."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from accord.errors import Errors, InputError
from accord.schema.news import Article

__all__ = ["IngestProblem", "Located", "place"]


def place(source: str, where: str | None) -> str:
    """``source:where`` (or just ``source``), the prefix of every message about an item."""
    return f"{source}:{where}" if where else source


class IngestProblem(BaseModel):
    """One input item that was skipped, and why; the items around it are still read.

    ``str()`` gives the one-line message ``source:where: [E4xx] message``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    """The file, URL or ``<stdin>`` the item came from."""
    where: str | None = None
    """The line (JSONL), feed entry or other position inside the source, if any."""
    code: str
    """The catalogue code (``E4xx``) from :class:`accord.errors.Errors`."""
    message: str
    """The catalogue text with its fields filled in, without the code."""

    @classmethod
    def of(
        cls, code: str, /, *, source: str, where: str | None = None, **fields: object
    ) -> IngestProblem:
        """Build a problem from a catalogue code and the fields its template names."""
        template: str = getattr(Errors, code)
        return cls(source=source, where=where, code=code, message=template.format(**fields))

    @classmethod
    def from_error(cls, exc: InputError) -> IngestProblem:
        """The problem an :class:`~accord.errors.InputError` raised inside a reader stands for."""
        return cls(source=exc.source, where=exc.where, code=exc.code, message=exc.detail)

    def __str__(self) -> str:
        return f"{place(self.source, self.where)}: [{self.code}] {self.message}"


@dataclass(frozen=True)
class Located:
    """An article with the place it was read from, so later checks can name it."""

    article: Article
    source: str
    where: str | None = None
