"""The application factory: REST API under ``/api/v1`` plus the dashboard pages."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import accord
from accord.errors import InputError
from accord.web import api, assets, pages
from accord.web.errors import install_error_handlers
from accord.web.headers import SecurityHeaders
from accord.web.security import MIN_TOKEN_LENGTH, BodyLimit

__all__ = ["DEFAULT_BODY_LIMIT", "create_app"]

#: Large enough for a batch of a few hundred articles; bigger batches go through the CLI.
DEFAULT_BODY_LIMIT = 5_000_000


def create_app(
    store_url: str | None,
    *,
    write_token: str | None,
    body_limit: int = DEFAULT_BODY_LIMIT,
) -> FastAPI:
    """Build the app over the record at ``store_url`` (``None``: the default SQLite file).

    ``write_token`` is the operator's secret for writes; ``None`` switches writing off.
    """
    if write_token is not None and len(write_token) < MIN_TOKEN_LENGTH:
        raise InputError("E712", source="write token", got=len(write_token))
    app = FastAPI(
        title="Accord",
        version=accord.__version__,
        summary="The sourced record of a negotiation and the models of its bargaining.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load their code from CDNs
        redoc_url=None,
    )
    app.state.store_url = store_url
    app.state.write_token = write_token
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=body_limit)
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(assets.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("accord.web", "static")]), name="static")
    return app
