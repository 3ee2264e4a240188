"""Fixtures of the web tests: a filled record, a browser, a live server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, sync_playwright

from accord.web import create_app
from tests.conftest import fresh_postgres_database
from tests.web.harness import CHROMIUM_ARGS, Visit, chromium_path, live_server
from tests.web.records import TOKEN, fill


@dataclass(frozen=True)
class Filled:
    """An app over a record holding the dev corpus, the hostile article and a scenario."""

    app: FastAPI
    url: str
    scenario_id: str


def filled(db: str) -> Filled:
    app = create_app(db, write_token=TOKEN)
    with TestClient(app) as client:
        scenario_id = fill(client)
    return Filled(app, db, scenario_id)


@pytest.fixture
def record(db_url: str) -> Filled:
    """A filled record on SQLite and on PostgreSQL (``db_url`` is parametrised)."""
    return filled(db_url)


@pytest.fixture
def client(record: Filled) -> Iterator[TestClient]:
    """A client of a fresh filled record, for tests that write."""
    with TestClient(record.app) as test_client:
        yield test_client


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def shared_record(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Filled:
    """One filled record shared by a module's tests that change nothing (both databases)."""
    if request.param == "sqlite":
        db = f"sqlite:///{tmp_path_factory.mktemp('reader') / 'record.db'}"
    else:
        db = fresh_postgres_database(request.getfixturevalue("postgres_url"))
    return filled(db)


@pytest.fixture(scope="module")
def reader(shared_record: Filled) -> Iterator[TestClient]:
    with TestClient(shared_record.app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Filled]]:
    """A live uvicorn server over a filled SQLite record: (base URL, record)."""
    db: Path = tmp_path_factory.mktemp("served") / "record.db"
    record = filled(f"sqlite:///{db}")
    with live_server(record.app) as base_url:
        yield base_url, record


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = Visit(context.new_page())
    opened.watch()
    yield opened
    context.close()
