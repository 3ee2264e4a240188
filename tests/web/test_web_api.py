"""The REST API over a real record, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.web import create_app
from tests.web.records import (
    AUTH,
    HOSTILE_SENTENCE,
    REPO,
    SEED_SCENARIO,
    TOKEN,
    corpus_items,
)

RU = "Russia-Ukraine war peace talks"


def _cell(board: dict[str, Any], issue: str, party: str) -> dict[str, Any]:
    return next(c for c in board["cells"] if c["issue"] == issue and c["party"] == party)


def test_web_api_negotiations_list_the_record(reader: TestClient) -> None:
    body = reader.get("/api/v1/negotiations").json()
    assert body["total"] == len(corpus_items()) + 1  # every corpus negotiation and the hostile one
    assert RU in {n["name"] for n in body["items"]}


@pytest.mark.parametrize(
    ("issue", "party", "kind"),
    [
        ("territory", "Russia", "demand"),
        ("territory", "Ukraine", "reject"),
        ("security_guarantees", "United States", "condition"),
    ],
)
def test_web_api_board_cell_traces_to_its_sentence(
    reader: TestClient, issue: str, party: str, kind: str
) -> None:
    board = reader.get(f"/api/v1/negotiations/{RU}/board").json()
    cell = _cell(board, issue, party)
    assert cell["type"] == kind
    evidence = reader.get(f"/api/v1/evidence/{cell['stance_ids'][0]}").json()
    assert evidence["article_id"] == "seed"
    assert evidence["sentence"]


def test_web_api_pages_cover_the_list_once(reader: TestClient) -> None:
    total = reader.get("/api/v1/stances", params={"limit": 1}).json()["total"]
    seen: list[str] = []
    for offset in range(0, total, 7):
        page = reader.get("/api/v1/stances", params={"limit": 7, "offset": offset}).json()
        seen += [s["id"] for s in page["items"]]
    assert len(seen) == total == len(set(seen))


@pytest.mark.parametrize(
    ("path", "params", "field", "value"),
    [
        ("/api/v1/stances", {"party": "Russia"}, "party", "Russia"),
        ("/api/v1/stances", {"type": "reject"}, "type", "reject"),
        ("/api/v1/stances", {"negotiation": RU, "issue": "territory"}, "issue", "territory"),
        ("/api/v1/articles", {"negotiation": RU}, "negotiation", RU),
        ("/api/v1/meetings", {"negotiation": RU}, "negotiation", RU),
    ],
)
def test_web_api_filters_select_and_echo(
    reader: TestClient, path: str, params: dict[str, str], field: str, value: str
) -> None:
    body = reader.get(path, params=params).json()
    assert body["items"]
    assert all(item[field] == value for item in body["items"])
    assert {k: body["filters"][k] for k in params} == params
    assert body["accessed"]


def test_web_api_date_window_filters_by_date(reader: TestClient) -> None:
    body = reader.get("/api/v1/stances", params={"since": "2025-01-01"}).json()
    assert body["items"] and all(s["date"] >= "2025-01-01" for s in body["items"])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "query.limit"),
        ({"limit": 0}, "query.limit"),
        ({"offset": -1}, "query.offset"),
        ({"since": "yesterday"}, "query.since"),
        ({"type": "shrug"}, "query.type"),
    ],
)
def test_web_api_bad_query_names_the_field(
    reader: TestClient, params: dict[str, Any], field: str
) -> None:
    response = reader.get("/api/v1/stances", params=params)
    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "E705",
        "message": response.json()["error"]["message"],
        "field": field,
    }


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/api/v1/negotiations/no-such-talks/board", "E601"),
        ("/api/v1/negotiations/no-such-talks/network", "E704"),
        ("/api/v1/articles/no-such-article", "E704"),
        ("/api/v1/evidence/st_0000", "E602"),
        ("/api/v1/scenarios/sc_0000", "E704"),
        ("/api/v1/stances?negotiation=no-such-talks", "E704"),
    ],
)
def test_web_api_unknown_ids_are_404(reader: TestClient, path: str, code: str) -> None:
    response = reader.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == code


def test_web_api_article_lists_facts_in_text_order(reader: TestClient) -> None:
    facts = reader.get("/api/v1/articles/seed").json()["facts"]
    starts = [f["span"][0] for f in facts if f["span"]]
    assert starts == sorted(starts) and len(starts) >= 5


def test_web_api_json_carries_hostile_text_verbatim(reader: TestClient) -> None:
    facts = reader.get("/api/v1/articles/hostile").json()["facts"]
    assert facts[0]["evidence"] == HOSTILE_SENTENCE


def test_web_api_timeline_pages_and_filters(reader: TestClient) -> None:
    everything = reader.get(f"/api/v1/negotiations/{RU}/timeline").json()
    page = reader.get(f"/api/v1/negotiations/{RU}/timeline", params={"limit": 2, "offset": 1})
    assert page.json()["items"] == everything["items"][1:3]
    russia = reader.get(f"/api/v1/negotiations/{RU}/timeline", params={"party": "Russia"}).json()
    assert russia["items"] and all(
        e["party"] == "Russia" or "Russia" in e["participants"] for e in russia["items"]
    )


def test_web_api_ingest_twice_adds_nothing(client: TestClient) -> None:
    before = client.get("/api/v1/stances", params={"limit": 1}).json()["total"]
    again = client.post("/api/v1/articles", json={"items": corpus_items()}, headers=AUTH).json()
    assert again["stored"] == 0 and again["skipped_known"] == len(corpus_items())
    assert client.get("/api/v1/stances", params={"limit": 1}).json()["total"] == before


def test_web_api_ingest_reports_a_bad_item_and_stores_the_rest(client: TestClient) -> None:
    good, bad = corpus_items()[0], corpus_items()[1]
    good = {
        **good,
        "article": {**good["article"], "id": "fresh", "text": good["article"]["text"] + " More."},
    }
    bad = {**bad, "article": {**bad["article"], "id": "broken"}}
    bad["extraction"] = {
        **bad["extraction"],
        "stances": [
            {"party": "Nobody", "issue": "x", "type": "demand", "evidence": "never\x00said"}
        ],
    }
    summary = client.post("/api/v1/articles", json={"items": [bad, good]}, headers=AUTH).json()
    assert summary["stored"] == 1
    assert [p["where"] for p in summary["problems"]] == ["broken"]
    assert client.get("/api/v1/articles/fresh").status_code == 200
    assert client.get("/api/v1/articles/broken").status_code == 404


def test_web_api_scenario_upload_is_idempotent_and_edits_bump_revision(
    client: TestClient,
) -> None:
    yaml_body = SEED_SCENARIO.read_bytes()
    headers = {**AUTH, "content-type": "application/yaml"}
    first = client.post("/api/v1/scenarios", content=yaml_body, headers=headers)
    assert first.status_code == 200  # the fixture stored the same content already
    record = first.json()
    edited = {**record["scenario"], "description": "edited by an analyst"}
    response = client.put(f"/api/v1/scenarios/{record['id']}", json=edited, headers=AUTH)
    assert response.status_code == 200
    assert response.json()["revision"] == record["revision"] + 1
    assert client.get(f"/api/v1/scenarios/{record['id']}").json()["scenario"]["description"] == (
        "edited by an analyst"
    )


def test_web_api_bad_scenario_names_line_and_keeps_the_stored_one(client: TestClient) -> None:
    stored = client.get("/api/v1/scenarios").json()["items"][0]
    broken = SEED_SCENARIO.read_text(encoding="utf-8").replace("capability: 100", "capability: -1")
    response = client.put(
        f"/api/v1/scenarios/{stored['id']}",
        content=broken.encode(),
        headers={**AUTH, "content-type": "application/yaml"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"].endswith("actors[0].capability")
    assert client.get(f"/api/v1/scenarios/{stored['id']}").json() == stored


def test_web_api_forecast_is_deterministic(reader: TestClient) -> None:
    scenario_id = reader.get("/api/v1/scenarios").json()["items"][0]["id"]
    path = f"/api/v1/scenarios/{scenario_id}/forecast"
    first = reader.get(path, params={"runs": 20, "seed": 7}).json()
    assert first == reader.get(path, params={"runs": 20, "seed": 7}).json()
    assert first["monte_carlo"]["settings"]["runs"] == 20
    assert reader.get(path, params={"runs": 1001}).status_code == 422


def test_web_api_bargain_explains_the_deadlock(reader: TestClient) -> None:
    scenario_id = reader.get("/api/v1/scenarios").json()["items"][0]["id"]
    run = reader.get(f"/api/v1/scenarios/{scenario_id}/bargain").json()
    assert run["result"]["feasible"] == 0 and run["result"]["blocking"]
    assert run["relaxed"]["feasible"] > 0


def test_web_api_ingest_refuses_a_span_outside_the_text(client: TestClient) -> None:
    item = corpus_items()[2]
    item = {**item, "article": {**item["article"], "id": "spans"}}
    stance = {**item["extraction"]["stances"][0], "span": [0, 2**70]}
    item["extraction"] = {**item["extraction"], "stances": [stance]}
    response = client.post("/api/v1/articles", json={"items": [item]}, headers=AUTH)
    assert response.status_code == 200
    assert response.json()["problems"][0]["message"].startswith("[E609] span")
    assert client.get("/api/v1/articles/spans").status_code == 404


def test_web_api_draft_cites_its_stances(reader: TestClient) -> None:
    draft = reader.get(f"/api/v1/negotiations/{RU}/scenario").json()
    cited = {
        sid for stake in draft["stakes"] for sid in stake["provenance"]["position"]["stance_ids"]
    }
    assert cited and all(reader.get(f"/api/v1/evidence/{sid}").status_code == 200 for sid in cited)


def test_web_api_draft_refused_when_the_record_is_too_thin(reader: TestClient) -> None:
    response = reader.get("/api/v1/negotiations/Cyprus reunification talks/scenario")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E606"


def test_web_api_stored_draft_can_be_edited(client: TestClient) -> None:
    stored = client.post(f"/api/v1/negotiations/{RU}/scenario", headers=AUTH)
    assert stored.status_code == 201 and stored.json()["origin"] == "drafted"
    again = client.post(f"/api/v1/negotiations/{RU}/scenario", headers=AUTH)
    assert again.status_code == 200 and again.json()["id"] == stored.json()["id"]
    edited = {**stored.json()["scenario"], "name": "after the analyst's edit"}
    response = client.put(f"/api/v1/scenarios/{stored.json()['id']}", json=edited, headers=AUTH)
    assert response.json()["revision"] == 2 and response.json()["origin"] == "drafted"


@pytest.mark.slow
def test_web_api_ingest_extracts_plain_articles(tmp_path: Path) -> None:
    text = (REPO.parent / "shared" / "corpus" / "seed.txt").read_text(encoding="utf-8")
    item = {"article": {"id": "seed-plain", "published": "2025-12-01", "text": text}}
    app = create_app(f"sqlite:///{tmp_path / 'r.db'}", write_token=TOKEN)
    with TestClient(app) as fresh:
        body = {"negotiation": "Seed talks", "items": [item]}
        assert fresh.post("/api/v1/articles", json=body, headers=AUTH).json()["stored"] == 1
        board = fresh.get("/api/v1/negotiations/Seed talks/board").json()
    cells = {(c["issue"], c["party"]): c["type"] for c in board["cells"]}
    assert cells[("territory", "Russia")] == "demand"
    assert cells[("territory", "Ukraine")] == "reject"
    assert cells[("security_guarantees", "United States")] == "condition"
