"""HTTP behaviour shared by every route: error bodies, security headers, size limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.errors import InputError
from accord.web import create_app
from accord.web.headers import SECURITY_HEADERS

TOKEN = "t" * 24


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """An empty record and a 1000-byte body limit."""
    app = create_app(f"sqlite:///{tmp_path / 'r.db'}", write_token=TOKEN, body_limit=1000)
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ["/", "/api/v1/health", "/nope", "/assets/plots.js"])
def test_web_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value


def test_web_csp_forbids_inline_script_and_framing(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [
        ("get", "/api/v1/nothing-here", {}, 404, "E707"),
        ("delete", "/api/v1/health", {}, 405, "E708"),
        ("post", "/api/v1/scenarios/validate", {"content": b"{}"}, 415, "E711"),
        (
            "post",
            "/api/v1/scenarios/validate",
            {"content": b"actors: [", "headers": {"content-type": "application/yaml"}},
            422,
            "E102",
        ),
        (
            "post",
            "/api/v1/scenarios/validate",
            {"content": b"x" * 1001, "headers": {"content-type": "application/yaml"}},
            413,
            "E700",
        ),
    ],
)
def test_web_error_body_shape(
    client: TestClient, method: str, path: str, kwargs: dict[str, object], status: int, code: str
) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert body["error"]["code"] == code
    assert "Traceback" not in response.text


def test_web_validation_error_names_line_and_field(client: TestClient) -> None:
    bad = b"actors:\n  - {id: a, capability: 1}\n  - {id: b, capability: -2}\nissues: []\n"
    response = client.post(
        "/api/v1/scenarios/validate", content=bad, headers={"content-type": "application/yaml"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "3: actors[1].capability"


def test_web_body_limit_counts_streamed_body(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(5):
            yield b"y" * 400

    response = client.post(
        "/api/v1/scenarios/validate",
        content=chunks(),
        headers={"content-type": "application/yaml"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E700"


def test_web_openapi_document_is_published(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/scenarios/validate" in document["paths"]
    assert "ErrorBody" in document["components"]["schemas"]


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_web_no_cdn_backed_docs(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_web_short_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E712"):
        create_app(f"sqlite:///{tmp_path / 'r.db'}", write_token="short")


def test_web_unexpected_error_hides_the_trace(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'r.db'}", write_token=None)

    @app.get("/api/v1/boom")
    def boom() -> None:
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/v1/boom")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "E706"
    assert "secret detail" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"


def test_web_page_errors_are_escaped_html(client: TestClient) -> None:
    response = client.get("/n/<script>alert(1)</script>/board")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "E707" in response.text  # the slash in </script> leaves no route to match
