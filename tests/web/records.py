"""Real data for the web tests: the dev corpus, one hostile article, the seed scenario.

Everything is written through the API's own write endpoints (with the token), so the
tests that read it also exercise ingest and scenario upload.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from accord.schema import Article, Extraction

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "dev.jsonl"
SEED_SCENARIO = REPO / "examples" / "seed_talks.yaml"
TOKEN = "test-write-token-0123456789"
AUTH = {"authorization": f"Bearer {TOKEN}"}

#: Markup and entities in every field a page shows; none of it may run or be decoded.
HOSTILE_SENTENCE = (
    "Harbour League <script>window.__pwned = 1</script> demands &amp; insists on "
    '"<b>free</b> passage" &lt;now&gt; — <img src=x onerror="window.__pwned = 2">.'
)
HOSTILE_TITLE = '<img src=x onerror="window.__pwned = 3">Talks &amp; "quotes" <b>bold</b>'
HOSTILE_PARTY = "Harbour League"
HOSTILE_NEGOTIATION = "Harbour <talks> & co"


def corpus_items() -> list[dict[str, Any]]:
    """Each dev-corpus line as an ingest item: the article, its annotations, its negotiation."""
    items = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        items.append(
            {
                "article": {k: v for k, v in record.items() if k in Article.model_fields},
                "extraction": {k: v for k, v in record.items() if k in Extraction.model_fields},
                "negotiation": record.get("negotiation"),
            }
        )
    return items


def hostile_item() -> dict[str, Any]:
    text = f"{HOSTILE_TITLE}\n\nIntro line &#x27;quoted&#x27;.\n\n{HOSTILE_SENTENCE}\n"
    return {
        "article": {
            "id": "hostile",
            "url": "javascript:alert(1)",
            "title": HOSTILE_TITLE,
            "outlet": "<i>Outlet</i>",
            "published": "2024-05-01",
            "text": text,
        },
        "extraction": {
            "id": "hostile",
            "parties": [HOSTILE_PARTY, "Port Authority"],
            "issues": ["humanitarian"],
            "stances": [
                {
                    "party": HOSTILE_PARTY,
                    "issue": "humanitarian",
                    "type": "demand",
                    "evidence": HOSTILE_SENTENCE,
                },
            ],
        },
        "negotiation": HOSTILE_NEGOTIATION,
    }


def fill(client: TestClient) -> str:
    """Store the corpus, the hostile article and the seed scenario; the scenario's id."""
    body = {"items": [*corpus_items(), hostile_item()]}
    response = client.post("/api/v1/articles", json=body, headers=AUTH)
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["problems"] == [] and summary["stored"] == len(body["items"])
    response = client.post(
        "/api/v1/scenarios",
        params={"negotiation": "Russia-Ukraine war peace talks"},
        content=SEED_SCENARIO.read_bytes(),
        headers={**AUTH, "content-type": "application/yaml"},
    )
    assert response.status_code == 201, response.text
    scenario_id: str = response.json()["id"]
    return scenario_id
