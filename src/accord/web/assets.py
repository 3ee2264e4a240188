"""Serve the chart assets from the installed packages (no CDN, nothing copied at build)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from accord.errors import ReferenceError_
from accord.report.assets import ASSETS, asset

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


@router.get("/assets/{name}")
def get_asset(name: str) -> Response:
    if name not in ASSETS:
        raise ReferenceError_("E704", what="asset", key=name)
    media = _TYPES[name[name.rindex(".") :]]
    return Response(asset(name), media_type=media, headers={"Cache-Control": "max-age=3600"})
