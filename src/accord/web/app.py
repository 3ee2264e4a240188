"""The application factory: REST API under ``/api/v1`` plus the dashboard pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import accord
from accord.errors import InputError
from accord.store import open_store
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
    """Build the app over the record at ``store_url`` (``None``: ``$ACCORD_DB`` or ``accord.db``).

    ``write_token`` is the operator's secret for writes; ``None`` switches writing off.
    The record is opened (and migrated) here, so a bad URL fails before serving.
    """
    if write_token is not None and len(write_token) < MIN_TOKEN_LENGTH:
        raise InputError("E712", source="write token", got=len(write_token))
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Accord",
        version=accord.__version__,
        summary="The sourced record of a negotiation and the models of its bargaining.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load their code from CDNs
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.write_token = write_token
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=body_limit)
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(assets.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("accord.web", "static")]), name="static")
    return app
