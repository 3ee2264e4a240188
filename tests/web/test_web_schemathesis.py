"""Property-based requests generated from the published OpenAPI document (schemathesis).

Every operation is called with generated parameters and bodies, with the write token,
over a filled SQLite record; no answer may be a server error, and every answer must
match the status codes, content types and schemas the document declares. The one
check left out is "schema-valid data is accepted": a scenario can match the JSON
Schema yet break a cross-field rule (an unknown actor in a stake), which is a 422.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.web.conftest import filled
from tests.web.records import AUTH

pytestmark = pytest.mark.slow

EXAMPLES = 30
#: Monte Carlo runs are capped in generated calls so that 30 examples stay quick.
CHEAP_RUNS = 3


def test_web_schemathesis_finds_no_server_error(tmp_path: Path) -> None:
    app = filled(f"sqlite:///{tmp_path / 'record.db'}").app
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 18
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
            runs = (case.query or {}).get("runs")
            if isinstance(runs, int) and runs > CHEAP_RUNS:
                case.query["runs"] = CHEAP_RUNS  # valid either way; keeps each call cheap
            case.call_and_validate(headers=AUTH, excluded_checks=[positive_data_acceptance])

        call()
