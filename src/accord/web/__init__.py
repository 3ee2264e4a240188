"""FastAPI app: the REST API under ``/api/v1`` and the server-rendered dashboard."""

from __future__ import annotations

from accord.web.app import create_app

__all__ = ["create_app"]
