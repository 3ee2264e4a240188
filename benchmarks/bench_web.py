"""Cost of serving a view over HTTP and as a page, as ratios to the view itself.

Baseline: ``track.board`` called directly on the same record, in the same process.
Run: PYTHONPATH=src python benchmarks/bench_web.py
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from accord import track
from accord.schema import Article, Extraction
from accord.web import create_app

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
TOKEN = "bench-token-0123456789"
RU = "Russia-Ukraine war peace talks"


def _best(job: Callable[[], object], repeat: int = 100) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(f"sqlite:///{tmp}/bench.db", write_token=TOKEN)
        with TestClient(app) as client:
            items = []
            for line in CORPUS.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                items.append(
                    {
                        "article": {k: v for k, v in record.items() if k in Article.model_fields},
                        "extraction": {
                            k: v for k, v in record.items() if k in Extraction.model_fields
                        },
                        "negotiation": record["negotiation"],
                    }
                )
            headers = {"authorization": f"Bearer {TOKEN}"}
            client.post("/api/v1/articles", json={"items": items}, headers=headers)
            store = app.state.store
            base = _best(lambda: track.board(store, RU))
            api = _best(lambda: client.get(f"/api/v1/negotiations/{RU}/board"))
            page = _best(lambda: client.get(f"/n/{RU}/board"))
            cell = _best(lambda: client.get(f"/n/{RU}/cell?issue=territory&party=Russia"))
    print(f"baseline track.board: {base * 1000:.2f} ms (best of 100)")
    for name, value in (("API board", api), ("board page", page), ("cell evidence", cell)):
        print(f"{name:14s} {value / base:6.2f}× baseline")


if __name__ == "__main__":
    main()
