"""Dashboard pages, rendered on the server; the only script is in static files."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from accord.web.templating import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request) -> HTMLResponse:
    return render(request, "home.html", title="Negotiations", nav="home", menu=[])
