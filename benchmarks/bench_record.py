"""Benchmark of the record: ingest throughput, and board/timeline time over 100,000 stances.

Run: ``PYTHONPATH=src python benchmarks/bench_record.py [--stances N] [--articles N]
[--views-db URL]`` (the views on an empty PostgreSQL database instead of a temporary
SQLite file; ``--skip-ingest`` leaves out the ingest figure).
Every figure is printed with a ratio against a baseline measured in the same process, so
the ratios stay comparable across machines:

* ingest (annotated records, SQLite): time per article / time to parse and validate one
  record (work every ingest must do anyway);
* board and timeline: time of one view / time of one full scan of the stances table
  (``SELECT count(*), max(date)``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select

from accord.cli.ingest_cmd import ingest_annotated
from accord.schema import Article, Extraction
from accord.store import open_store
from accord.store.ids import content_id
from accord.store.models import Negotiation, Party, StanceRow, StoredArticle, Story
from accord.track import board, timeline

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
TYPES = ("demand", "offer", "accept", "reject", "condition", "support", "oppose")
ISSUES = ("ceasefire", "territory", "military", "governance", "process", "humanitarian",
          "justice", "security_guarantees", "sanctions_economy", "alliance_membership")  # fmt: skip


def best_of(repeats: int, job: Callable[[], object]) -> float:
    """Median seconds of ``repeats`` runs of ``job`` (after one warm-up run)."""
    job()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_ingest(tmp: Path, copies: int) -> None:
    records = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        base = json.loads(line)
        for k in range(copies):
            record = dict(base, id=f"{base['id']}-{k}", text=f"{base['text']}\n\nUpdate {k}.")
            records.append(json.dumps(record))
    source = tmp / "articles.jsonl"
    source.write_text("\n".join(records) + "\n")

    def parse() -> None:
        for line in records:
            data = json.loads(line)
            Article.model_validate({k: data[k] for k in ("id", "url", "title", "text")})
            Extraction.model_validate(
                {k: v for k, v in data.items() if k in Extraction.model_fields}
            )

    baseline = best_of(3, parse) / len(records)
    store = open_store(f"sqlite:///{tmp / 'ingest.db'}")
    start = time.perf_counter()
    summary = ingest_annotated(store, [source])
    elapsed = time.perf_counter() - start
    store.close()
    per = elapsed / len(records)
    print(f"ingest      {len(records)} annotated articles ({summary.stored} stored, "
          f"{summary.merged_into_stories} merged): {1 / per:8.1f} articles/s, "
          f"{per * 1000:6.2f} ms/article = {per / baseline:6.1f} x parse+validate "
          f"({baseline * 1000:.3f} ms)")  # fmt: skip


def fill(url: str, stances: int, articles: int, seed: int = 7) -> None:
    """``stances`` random stances over ``articles`` articles, 20 parties, 10 issues, 3 years."""
    rng = random.Random(seed)
    store = open_store(url)
    neg = content_id("ng", "bench")
    parties = [f"Party {k:02d}" for k in range(20)]
    start = dt.date(2023, 1, 1)
    with store.writing() as session:
        session.execute(insert(Negotiation), [{"id": neg, "name": "bench", "explicit": True}])
        session.execute(insert(Party), [{"name": p, "id": content_id("pa", p)} for p in parties])
        days = [start + dt.timedelta(days=rng.randrange(1095)) for _ in range(articles)]
        session.execute(
            insert(Story),
            [{"id": f"sy_{k}", "title": None, "first_published": d} for k, d in enumerate(days)],
        )
        session.execute(
            insert(StoredArticle),
            [
                {
                    "id": f"a{k}",
                    "negotiation_id": neg,
                    "story_id": f"sy_{k}",
                    "url": None,
                    "title": None,
                    "outlet": None,
                    "published": d,
                    "language": "en",
                    "text_length": 2000,
                    "minhash": b"",
                    "extractor": None,
                }
                for k, d in enumerate(days)
            ],
        )
        rows = []
        for k in range(stances):
            a = rng.randrange(articles)
            rows.append(
                {
                    "id": f"st_{k:016x}",
                    "article_id": f"a{a}",
                    "negotiation_id": neg,
                    "date": days[a],
                    "evidence": "…",
                    "span_start": k % 1900,
                    "span_end": k % 1900 + 50,
                    "party": rng.choice(parties),
                    "issue": rng.choice(ISSUES),
                    "type": rng.choice(TYPES),
                    "holder": None,
                    "target": None,
                    "negated": False,
                    "condition": None,
                    "attribution": None,
                    "confidence": 1.0,
                    "extractor": None,
                    "ordinal": k % 1900,
                }
            )
        session.execute(insert(StanceRow), rows)
    store.close()


def bench_views(url: str, stances: int, articles: int) -> None:
    fill(url, stances, articles)
    store = open_store(url)
    dialect = store.engine.dialect.name
    if dialect == "postgresql":  # as autovacuum would after a bulk load
        with store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")

    def scan() -> None:
        with store.session() as session:
            session.execute(select(func.count(), func.max(StanceRow.date))).one()

    baseline = best_of(5, scan)
    views: dict[str, Callable[[], object]] = {
        "board": lambda: board(store, "bench"),
        "board --as-of": lambda: board(store, "bench", as_of="2024-06-30"),
        "timeline (newest 200)": lambda: timeline(store, negotiation="bench", limit=200),
        "timeline --party --issue": lambda: timeline(
            store, negotiation="bench", party="Party 03", issue="territory", limit=200
        ),
    }
    print(f"views over {stances} stances ({dialect}); baseline full scan {baseline * 1000:.1f} ms")
    for name, job in views.items():
        took = best_of(5, job)
        verdict = "under" if took < 0.1 else "OVER"
        print(f"  {name:26s} {took * 1000:7.1f} ms = {took / baseline:5.1f} x scan "
              f"({verdict} the 100 ms target)")  # fmt: skip
    store.close()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--copies", type=int, default=10, help="copies of each dev record")
    parser.add_argument("--views-db", help="URL of an empty database for the views")
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        if not args.skip_ingest:
            bench_ingest(Path(tmp), args.copies)
        url = args.views_db or f"sqlite:///{Path(tmp) / 'views.db'}"
        bench_views(url, args.stances, args.articles)


if __name__ == "__main__":
    main(sys.argv[1:])
