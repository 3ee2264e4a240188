"""The Jinja2 environment of the dashboard: autoescaping on for every template."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from accord.report.assets import plotly_style_guards
from accord.report.jinja import environment

__all__ = ["render"]

_env = environment("accord.web")
_env.globals["style_guards"] = plotly_style_guards
_templates = Jinja2Templates(env=_env)


def render(
    request: Request, template: str, /, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render ``template`` with ``context``; ``nav`` marks the current section in the menu."""
    return _templates.TemplateResponse(request, template, context, status_code=status_code)
