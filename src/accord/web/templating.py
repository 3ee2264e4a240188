"""The Jinja2 environment of the dashboard: autoescaping on for every template."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

from accord.report.assets import plotly_style_guards

__all__ = ["render"]

_env = Environment(
    loader=PackageLoader("accord.web", "templates"),
    autoescape=True,  # every template, whatever its suffix
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def web_url(value: str | None) -> bool:
    """Whether ``value`` may be a link: only http(s) URLs, never ``javascript:`` or ``data:``."""
    return bool(value) and str(value).lower().startswith(("https://", "http://"))


_env.globals["style_guards"] = plotly_style_guards
_env.filters["web_url"] = web_url
_templates = Jinja2Templates(env=_env)


def render(
    request: Request, template: str, /, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render ``template`` with ``context``; ``nav`` marks the current section in the menu."""
    return _templates.TemplateResponse(request, template, context, status_code=status_code)
