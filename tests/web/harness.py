"""A real uvicorn server on a free port and a real headless Chromium driven by Playwright.

Chromium is Debian's package (``scripts/setup-services`` installs it); Playwright only
drives it, so ``playwright install`` is never needed. Under ``CI=true`` a missing
browser fails the run instead of skipping the browser tests.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import ConsoleMessage, Page

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("ACCORD_ARTIFACTS", REPO / "tmp" / "artifacts"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


def chromium_path() -> str:
    """Debian's chromium, or fail (under CI) / skip (elsewhere) naming what to install."""
    found = shutil.which("chromium") or (str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None)
    if found is None:
        reason = "Debian's chromium is not installed; run scripts/setup-services"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread; yields its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@dataclass
class Visit:
    """One page opened in the browser, with everything it complained about."""

    page: Page
    problems: list[str] = field(default_factory=list)

    def watch(self) -> None:
        def on_console(message: ConsoleMessage) -> None:
            if message.type in ("error", "warning"):
                self.problems.append(f"console {message.type}: {message.text}")

        self.page.on("console", on_console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on(
            "requestfailed", lambda req: self.problems.append(f"request failed: {req.url}")
        )
        self.page.on(
            "response",
            lambda res: (
                self.problems.append(f"HTTP {res.status}: {res.url}") if res.status >= 400 else None
            ),
        )

    def open(self, url: str, shot: str) -> None:
        """Load ``url``, wait for scripts and charts to settle, save a screenshot ``shot``."""
        self.page.goto(url, wait_until="networkidle")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
