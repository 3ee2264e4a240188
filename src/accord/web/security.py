"""Request size limit and the write token.

Writes are refused unless the operator configured a token; reads stay open because
the record is meant to be browsed.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.web.errors import BodyTooLarge, RequestRefused, error_response

__all__ = ["MIN_TOKEN_LENGTH", "BodyLimit", "require_write_token"]

MIN_TOKEN_LENGTH = 16


class BodyLimit:
    """Refuse request bodies above ``limit`` bytes.

    A declared Content-Length over the limit is refused before anything is read;
    a chunked body is counted as it streams in, so a missing or lying header does
    not get around the limit.
    """

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await error_response(413, "E700", limit=self.limit)(scope, receive, send)
                return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, counting_receive, send)


def require_write_token(request: Request) -> None:
    """FastAPI dependency guarding every write endpoint (constant-time comparison)."""
    expected: str | None = request.app.state.write_token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if expected is None:
        raise RequestRefused("E703", status=403)
    if scheme.lower() != "bearer" or not given.strip():
        raise RequestRefused("E701", status=401)
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise RequestRefused("E702", status=403)
