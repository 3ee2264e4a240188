"""The dashboard in a real headless Chromium over a real uvicorn server."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

from tests.web.conftest import Filled
from tests.web.harness import Visit
from tests.web.records import AUTH, HOSTILE_NEGOTIATION, HOSTILE_SENTENCE, HOSTILE_TITLE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RU = "Russia-Ukraine war peace talks"
PAGES = [
    ("/", "home"),
    (f"/n/{quote(RU)}/board", "board"),
    (f"/n/{quote(RU)}/timeline", "timeline"),
    (f"/n/{quote(RU)}/timeline?party=Russia&issue=territory&since=2025-01-01", "timeline-filtered"),
    (f"/n/{quote(RU)}/changes?since=2025-11-01", "changes"),
    (f"/n/{quote(RU)}/network", "network"),
    (f"/n/{quote(RU)}/articles", "sources"),
    ("/articles/seed", "article"),
    ("/articles/hostile", "article-hostile"),
    (f"/n/{quote(HOSTILE_NEGOTIATION)}/board", "board-hostile"),
    ("/scenarios/{scenario}", "scenario"),
    ("/scenarios/{scenario}/forecast", "forecast"),
    ("/scenarios/{scenario}/bargain", "bargain"),
    (f"/n/{quote(RU)}/draft", "draft"),
    (f"/n/{quote(RU)}/draft/forecast?runs=10", "draft-forecast"),
    (f"/n/{quote(RU)}/draft/bargain", "draft-bargain"),
]


@pytest.mark.parametrize(("path", "shot"), PAGES)
def test_web_page_opens_without_console_errors(
    visit: Visit, served: tuple[str, Filled], path: str, shot: str
) -> None:
    base_url, record = served
    visit.open(base_url + path.format(scenario=record.scenario_id), shot)
    assert visit.problems == []
    figures = visit.page.locator("[data-figure]").count()
    drawn = visit.page.locator("[data-figure] svg.main-svg").count()
    assert drawn >= 2 * figures  # Plotly draws at least two stacked SVG layers per chart


def test_web_board_cell_click_shows_evidence(visit: Visit, served: tuple[str, Filled]) -> None:
    base_url, _ = served
    visit.open(f"{base_url}/n/{quote(RU)}/board", "board-before-click")
    row = visit.page.locator("tr", has=visit.page.locator("th", has_text="territory"))
    cell = row.locator("td.cell.stance-demand a.cell-link")
    cell.click()
    quote_block = visit.page.locator("#evidence blockquote.evidence-sentence").first
    quote_block.wait_for()
    assert "Russia" in quote_block.inner_text()
    assert visit.page.locator("#evidence h2").inner_text() == "Russia on territory: demand"
    source = visit.page.locator("#evidence a[href='/articles/seed']")
    assert source.count() == 1
    assert "party=Russia" in visit.page.url
    visit.page.screenshot(path=str(visit_shot("board-after-click")), full_page=True)
    assert visit.problems == []


def test_web_board_cell_link_works_without_script(visit: Visit, served: tuple[str, Filled]) -> None:
    base_url, _ = served
    visit.page.context.route("**/static/board.js", lambda route: route.abort())
    visit.open(f"{base_url}/n/{quote(RU)}/board?issue=territory&party=Ukraine", "board-no-js")
    assert "Ukraine on territory: reject" in visit.page.locator("#evidence h2").inner_text()


def test_web_hostile_article_renders_inert_and_readable(
    visit: Visit, served: tuple[str, Filled]
) -> None:
    base_url, _ = served
    dialogs: list[str] = []
    visit.page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    visit.open(f"{base_url}/articles/hostile", "article-hostile-check")
    assert visit.page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert visit.page.locator("main script, main img, main b, main i").count() == 0
    assert visit.page.locator("h1").inner_text() == HOSTILE_TITLE
    assert HOSTILE_SENTENCE in visit.page.locator(".excerpt").first.inner_text()
    assert visit.page.locator("a[href^='javascript:']").count() == 0
    assert visit.problems == []


def visit_shot(name: str) -> object:
    from tests.web.harness import ARTIFACTS

    return ARTIFACTS / f"{name}.png"


HOSTILE_ACTOR = '<b>Bold</b> & <a href="javascript:window.__pwned=4">link</a>'


def test_web_chart_labels_render_literally(visit: Visit, served: tuple[str, Filled]) -> None:
    base_url, _ = served
    scenario = {
        "name": "hostile labels",
        "actors": [
            {"id": "a", "name": HOSTILE_ACTOR, "capability": 1},
            {"id": "b", "name": "Plain", "capability": 2},
        ],
        "issues": [{"id": "x", "name": "<i>Issue</i>"}],
        "stakes": [
            {"actor": "a", "issue": "x", "position": 10, "salience": 0.5},
            {"actor": "b", "issue": "x", "position": 90, "salience": 0.7},
        ],
    }
    stored = httpx.post(f"{base_url}/api/v1/scenarios", json=scenario, headers=AUTH)
    assert stored.status_code == 201
    visit.open(f"{base_url}/scenarios/{stored.json()['id']}/forecast?runs=5", "chart-hostile")
    assert visit.problems == []
    charts = visit.page.locator(".js-plotly-plot")
    assert charts.locator("a, b, i").count() == 0
    assert HOSTILE_ACTOR in (charts.first.locator(".legendtext").first.text_content() or "")
    assert visit.page.evaluate("window.__pwned") is None
