"""The dashboard in a real headless Chromium over a real uvicorn server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.web import create_app
from tests.web.harness import Visit, live_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with live_server(create_app(None, write_token=None)) as url:
        yield url


@pytest.mark.parametrize(("path", "shot"), [("/", "home")])
def test_web_page_opens_without_console_errors(
    visit: Visit, base_url: str, path: str, shot: str
) -> None:
    visit.open(base_url + path, shot)
    assert visit.problems == []
