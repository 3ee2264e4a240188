"""The one Jinja2 set-up of the dashboard and the briefing: every template autoescaped."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

__all__ = ["environment", "web_url"]


def web_url(value: str | None) -> bool:
    """Only http(s) URLs become links: a stored ``javascript:`` or ``data:`` URL stays text."""
    return bool(value) and str(value).lower().startswith(("https://", "http://"))


def environment(package: str) -> Environment:
    """Templates of ``package``/templates, autoescaped whatever their suffix."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["web_url"] = web_url
    return env
