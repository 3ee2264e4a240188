"""Reading request bodies that carry files: a scenario as JSON or YAML."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from accord.schema import Scenario, parse_scenario
from accord.web.errors import RequestRefused

__all__ = ["SCENARIO_BODY", "read_scenario"]

_SUFFIX = {
    "application/json": ".json",
    "application/yaml": ".yaml",
    "application/x-yaml": ".yaml",
    "text/yaml": ".yaml",
}

#: OpenAPI description of a scenario body (the route reads the raw bytes itself).
SCENARIO_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "A scenario in the format of `accord schema scenario`, as JSON or YAML.",
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Scenario"}},
            "application/yaml": {"schema": {"type": "string"}},
        },
    }
}


async def read_scenario(request: Request) -> Scenario:
    """Parse the body by its Content-Type; errors name the line and field (E1xx, 422)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    suffix = _SUFFIX.get(media)
    if suffix is None:
        raise RequestRefused(
            "E711",
            status=415,
            got=media or "none",
            expected="application/json or application/yaml",
        )
    return parse_scenario(await request.body(), source="request body", suffix=suffix)
