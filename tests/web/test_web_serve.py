"""``accord serve``: a real server process, its token sources and its one-line errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import AccordError
from tests.web.harness import REPO, free_port
from tests.web.records import TOKEN


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ACCORD_TOKEN", "ACCORD_DB")}
    return {**env, "PYTHONPATH": str(REPO / "src"), **extra}


def _serve(tmp_path: Path, *args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "accord", "serve", "--db", f"sqlite:///{tmp_path / 'r.db'}"]
    return subprocess.Popen(
        [*command, *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _health(port: int, process: subprocess.Popen[str]) -> dict[str, object]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.communicate()[1])
        try:
            body: dict[str, object] = httpx.get(f"http://127.0.0.1:{port}/api/v1/health").json()
            return body
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("accord serve did not answer")


def _stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("source", ["env", "file", "none"])
def test_web_serve_answers_and_takes_the_token(tmp_path: Path, source: str) -> None:
    port = free_port()
    args = ["--port", str(port)]
    env = _env(ACCORD_TOKEN=TOKEN) if source == "env" else _env()
    if source == "file":
        (tmp_path / "token").write_text(TOKEN + "\n", encoding="utf-8")
        args += ["--token-file", str(tmp_path / "token")]
    process = _serve(tmp_path, *args, env=env)
    try:
        assert _health(port, process)["writable"] is (source != "none")
    finally:
        _stop(process)


@pytest.mark.parametrize(
    ("content", "code"),
    [(None, "E709"), ("\n\n", "E710"), ("short\n", "E712"), (b"\xff\xfe\x00", "E709")],
    ids=["missing", "empty", "short", "binary"],
)
def test_web_serve_bad_token_file_names_its_code(
    tmp_path: Path, content: str | bytes | None, code: str
) -> None:
    token = tmp_path / "token"
    if isinstance(content, bytes):
        token.write_bytes(content)
    elif content is not None:
        token.write_text(content, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    result = CliRunner().invoke(app, ["serve", "--db", db, "--token-file", str(token)])
    assert isinstance(result.exception, AccordError)
    assert result.exception.code == code


def test_web_serve_bad_database_url_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "accord", "serve", "--db", "mysql://nowhere/x"],
        cwd=tmp_path,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "[E600]" in done.stderr and "Traceback" not in done.stderr
