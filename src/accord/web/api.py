"""The REST API under ``/api/v1``: reading is open, writing needs the operator's token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

import accord
from accord.schema import Scenario
from accord.web.bodies import SCENARIO_BODY, read_scenario
from accord.web.errors import ERROR_RESPONSES

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)


class Health(BaseModel):
    status: str
    version: str
    writable: bool


class ScenarioCheck(BaseModel):
    """A scenario that passed every rule, normalised (defaults filled in)."""

    valid: bool
    scenario: Scenario


@router.get("/health", tags=["service"])
def health(request: Request) -> Health:
    """Whether the service is up and accepts writes (a token was configured)."""
    return Health(
        status="ok",
        version=accord.__version__,
        writable=request.app.state.write_token is not None,
    )


@router.post(
    "/scenarios/validate",
    tags=["scenarios"],
    openapi_extra=SCENARIO_BODY,
    responses={415: ERROR_RESPONSES[422] | {"description": "Not JSON or YAML"}},
)
async def validate_scenario(
    scenario: Annotated[Scenario, Depends(read_scenario)],
) -> ScenarioCheck:
    """Check a scenario without storing it; errors name the line and field to fix."""
    return ScenarioCheck(valid=True, scenario=scenario)
