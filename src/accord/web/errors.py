"""One JSON error shape for every failure: ``{"error": {"code", "message", "field"}}``.

Clients branch on ``code`` (the catalogue code in :mod:`accord.errors`), people read
``message``, forms highlight ``field``. No response ever carries a stack trace: an
unexpected exception is logged on the server and answered with E706.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord.errors import AccordError, Errors, InputError, ReferenceError_, ServiceError
from accord.web.headers import SECURITY_HEADERS
from accord.web.templating import render

__all__ = [
    "ERROR_RESPONSES",
    "WRITE_RESPONSES",
    "BodyTooLarge",
    "ErrorBody",
    "RequestRefused",
    "error_response",
    "install_error_handlers",
]

logger = logging.getLogger("accord.web")


class BodyTooLarge(Exception):
    """A streamed request body went past the limit; answered with E700 (413)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(limit)


class RequestRefused(AccordError):
    """A request the API turns down with a given HTTP status (no token, wrong media type…)."""

    def __init__(self, code: str, /, *, status: int, **fields: object) -> None:
        self.status = status
        super().__init__(code, **fields)


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    """The body of every 4xx/5xx answer of the API."""

    error: ErrorDetail


#: Declared on every route so the OpenAPI document lists the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "Malformed request",
        404: "Unknown id",
        413: "Request body too large",
        422: "A field failed validation",
        500: "Internal error (no details are sent)",
    }.items()
}

#: Added on write routes: what happens without the token or with a body of the wrong type.
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        401: "No token sent",
        403: "Token refused, or writing switched off",
        415: "Body is neither JSON nor YAML",
    }.items()
}


def error_response(
    status: int, code: str, *, field: str | None = None, message: str | None = None, **fields: Any
) -> JSONResponse:
    """A JSON error answer; ``message`` defaults to the catalogue text of ``code``."""
    text = message if message is not None else getattr(Errors, code).format(**fields)
    body = ErrorBody(error=ErrorDetail(code=code, message=text, field=field))
    return JSONResponse(body.model_dump(), status_code=status, headers=dict(SECURITY_HEADERS))


_HTTP_CODES = {404: "E707", 405: "E708", 413: "E700"}


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        return error_response(404, "E707", path=request.url.path)
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        return error_response(405, "E708", method=request.method, allowed=allowed or "none")
    code = _HTTP_CODES.get(exc.status_code, "E705")
    return error_response(exc.status_code, code, message=str(exc.detail))


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    loc = [str(p) for p in first.get("loc", ())]
    field = ".".join(loc) if loc else None
    status = 400 if loc[:1] == ["body"] and first.get("type") == "json_invalid" else 422
    return error_response(status, "E705", field=field, reason=first.get("msg", "invalid"))


def _accord_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AccordError)
    if isinstance(exc, RequestRefused):
        response = error_response(exc.status, exc.code, message=exc.detail)
        if exc.status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response
    if isinstance(exc, InputError):
        return error_response(422, exc.code, field=exc.where, message=str(exc))
    if isinstance(exc, ReferenceError_):
        return error_response(404, exc.code, message=exc.detail)
    if isinstance(exc, ServiceError):
        return error_response(503, exc.code, message=exc.detail)
    return error_response(400, exc.code, message=exc.detail)


def _too_large(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BodyTooLarge)
    return error_response(413, "E700", limit=exc.limit)


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "E706")


Handler = Callable[[Request, Exception], Response]


def _for_pages(handler: Handler) -> Handler:
    """Dashboard paths get the same error as an HTML page; API paths keep the JSON body."""

    def answer(request: Request, exc: Exception) -> Response:
        response = handler(request, exc)
        if request.url.path.startswith(("/api/", "/assets/", "/static/")):
            return response
        error = json.loads(bytes(response.body))["error"]
        page = render(
            request,
            "error.html",
            status_code=response.status_code,
            title=f"Error {response.status_code}",
            nav="",
            menu=[],
            error=error,
        )
        page.headers.update(SECURITY_HEADERS)
        return page

    return answer


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception to the JSON error shape (an HTML page on dashboard paths)."""
    app.add_exception_handler(StarletteHTTPException, _for_pages(_http_error))
    app.add_exception_handler(RequestValidationError, _for_pages(_validation_error))
    app.add_exception_handler(AccordError, _for_pages(_accord_error))
    app.add_exception_handler(BodyTooLarge, _for_pages(_too_large))
    app.add_exception_handler(Exception, _for_pages(_unexpected))
