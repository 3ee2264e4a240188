"""The briefing: one HTML file that opens offline with every chart drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import AccordError
from accord.report.briefing import build_briefing
from accord.schema import load_scenario
from accord.store import Store
from tests.web.conftest import Filled, filled
from tests.web.harness import ARTIFACTS, Visit
from tests.web.records import HOSTILE_NEGOTIATION, HOSTILE_SENTENCE, SEED_SCENARIO

RU = "Russia-Ukraine war peace talks"


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Filled:
    return filled(f"sqlite:///{tmp_path_factory.mktemp('briefing') / 'record.db'}")


def _store(record: Filled) -> Store:
    store: Store = record.app.state.store
    return store


def _briefing(record: Filled, negotiation: str = RU) -> str:
    scenario = load_scenario(SEED_SCENARIO)
    return build_briefing(_store(record), negotiation, scenario=scenario, runs=10, seed=3)


@pytest.mark.browser
@pytest.mark.slow
def test_report_briefing_opens_offline_with_every_chart_drawn(
    browser: Browser, record: Filled, tmp_path: Path
) -> None:
    path = tmp_path / "briefing.html"
    path.write_text(_briefing(record), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    asked: list[str] = []

    def refuse(route: Route) -> None:
        asked.append(route.request.url)
        route.abort()

    context.route("http*://**", refuse)
    visit = Visit(context.new_page())
    visit.watch()
    visit.page.goto(path.as_uri(), wait_until="load")
    figures = visit.page.locator("[data-figure]").count()
    visit.page.locator("[data-figure] svg.main-svg").nth(2 * figures - 1).wait_for(state="attached")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "briefing.png"), full_page=True)
    assert figures == 13  # 6 issues × (rounds + Monte Carlo) + the frontier
    for k in range(figures):
        assert visit.page.locator("[data-figure]").nth(k).locator("svg.main-svg").count() >= 2
    assert asked == [] and visit.problems == []
    context.close()


def test_report_briefing_is_deterministic(record: Filled) -> None:
    assert _briefing(record) == _briefing(record)


def test_report_briefing_models_a_draft_without_a_scenario(record: Filled) -> None:
    html = build_briefing(_store(record), RU, runs=5)
    assert "drafted from the record" in html
    assert html.count("data-figure=") >= 3


def test_report_briefing_escapes_the_record(record: Filled) -> None:
    html = build_briefing(_store(record), HOSTILE_NEGOTIATION, scenario=None)
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert HOSTILE_SENTENCE not in html
    assert 'href="javascript:' not in html


@pytest.mark.slow
def test_report_cli_writes_the_briefing(record: Filled, tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    args = ["-n", RU, "--out", str(out), "--scenario", str(SEED_SCENARIO), "--runs", "5"]
    result = CliRunner().invoke(app, ["report", *args, "--db", record.url])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["-n", "No such talks", "--out", "{tmp}/b.html"], "E601"),
        (["-n", RU, "--out", "{tmp}/missing-dir/b.html"], "E714"),
        (["-n", RU, "--out", "{tmp}/b.html", "--since", "last week"], "E603"),
        (["-n", RU, "--out", "{tmp}/b.html", "--scenario", "sc_unknown"], "E704"),
    ],
)
def test_report_cli_errors_name_their_code(
    record: Filled, tmp_path: Path, args: list[str], code: str
) -> None:
    filled_args = [a.format(tmp=tmp_path) for a in args]
    result = CliRunner().invoke(app, ["report", *filled_args, "--db", record.url, "--runs", "0"])
    assert isinstance(result.exception, AccordError)  # main() prints it as one line, exit 1
    assert result.exception.code == code
    assert not (tmp_path / "b.html").exists()
