"""Writes need the operator's token: 401 without one, 403 with a wrong one, success with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.web import create_app
from tests.web.conftest import Filled
from tests.web.records import SEED_SCENARIO, TOKEN, corpus_items

EDITED = SEED_SCENARIO.read_text(encoding="utf-8").replace("name: seed-talks", "name: edited")


def _writes(record: Filled) -> list[tuple[str, str, dict[str, Any]]]:
    item = corpus_items()[0]
    fresh = {**item, "article": {**item["article"], "id": "new", "text": "Fresh text. " * 3}}
    yaml_headers = {"content-type": "application/yaml"}
    return [
        ("post", "/api/v1/articles", {"json": {"items": [fresh]}}),
        ("post", "/api/v1/scenarios", {"content": EDITED.encode(), "headers": yaml_headers}),
        (
            "put",
            f"/api/v1/scenarios/{record.scenario_id}",
            {"content": EDITED.encode(), "headers": yaml_headers},
        ),
    ]


WRITES = ["ingest", "scenario upload", "scenario edit"]


def _send(client: TestClient, write: tuple[str, str, dict[str, Any]], auth: str | None) -> Any:
    method, path, kwargs = write
    headers = dict(kwargs.get("headers", {}))
    if auth is not None:
        headers["authorization"] = auth
    return getattr(client, method)(path, **{**kwargs, "headers": headers})


def _snapshot(client: TestClient) -> tuple[int, list[dict[str, Any]]]:
    articles = client.get("/api/v1/articles", params={"limit": 1}).json()["total"]
    return articles, client.get("/api/v1/scenarios").json()["items"]


@pytest.mark.parametrize("which", range(3), ids=WRITES)
@pytest.mark.parametrize(
    ("auth", "status", "code"),
    [
        (None, 401, "E701"),
        ("Bearer ", 401, "E701"),
        (f"Basic {TOKEN}", 401, "E701"),
        ("Bearer not-the-token-at-all", 403, "E702"),
        (f"Bearer {TOKEN}x", 403, "E702"),
    ],
    ids=["none", "empty", "basic", "wrong", "longer"],
)
def test_web_token_refuses_writes_and_changes_nothing(
    reader: TestClient,
    shared_record: Filled,
    which: int,
    auth: str | None,
    status: int,
    code: str,
) -> None:
    before = _snapshot(reader)
    response = _send(reader, _writes(shared_record)[which], auth)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
    assert _snapshot(reader) == before


@pytest.mark.parametrize("which", range(3), ids=WRITES)
def test_web_token_accepts_writes_with_the_token(
    client: TestClient, record: Filled, which: int
) -> None:
    before = _snapshot(client)
    response = _send(client, _writes(record)[which], f"Bearer {TOKEN}")
    assert response.status_code in (200, 201)
    assert _snapshot(client) != before


@pytest.mark.parametrize("which", range(3), ids=WRITES)
def test_web_token_writes_are_off_without_a_configured_token(record: Filled, which: int) -> None:
    with TestClient(create_app(record.url, write_token=None)) as client:
        response = _send(client, _writes(record)[which], f"Bearer {TOKEN}")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "E703"


def test_web_token_reads_need_no_token(reader: TestClient) -> None:
    assert reader.get("/api/v1/negotiations").status_code == 200


def test_web_token_file_is_read_by_serve(tmp_path: Path) -> None:
    from accord.cli.serve_cmd import read_token

    path = tmp_path / "token"
    path.write_text(f"  {TOKEN}  \nsecond line ignored\n", encoding="utf-8")
    assert read_token(path) == TOKEN
