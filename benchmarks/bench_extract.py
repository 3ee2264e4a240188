"""Extraction speed and memory, as ratios against plain spaCy in the same run.

1. words per CPU-second of ``Extractor.pipe`` vs plain ``nlp.pipe`` of the same model over
   the same texts (best of ``--repeats`` alternating runs; CPU time of this process, so other
   jobs on a shared machine do not skew the ratio; target ≥ 0.75×);
2. peak and current RSS while streaming ``--stream`` synthetic articles (paragraphs of the
   dev corpus drawn with a fixed seed, generated lazily), sampled every 10 %: flat memory
   means the samples stop growing after warm-up;
3. scaling: the same articles with ``n_process=1`` and ``n_process=2``.

Usage: python benchmarks/bench_extract.py [--words 20000] [--stream 10000] [--scaling 300]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from collections.abc import Iterator
from pathlib import Path

import spacy
from rich.console import Console
from rich.table import Table

from accord.extract import Extractor
from accord.extract.pipeline import MODEL
from accord.schema import Article

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
console = Console()


def paragraphs() -> list[str]:
    out: list[str] = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        out.extend(p for p in text.split("\n\n") if len(p.split()) >= 12)
    return out


def synthetic(count: int, seed: int, per_article: int = 4) -> Iterator[Article]:
    """Articles made of dev paragraphs in shuffled order; built lazily, one at a time."""
    rng = random.Random(seed)
    pool = paragraphs()
    for index in range(count):
        body = "\n\n".join(rng.sample(pool, per_article))
        yield Article(id=f"synthetic-{index}", published="2024-03-15", text=body)


def words_of(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def throughput(extractor: Extractor, articles: list[Article], repeats: int) -> tuple[float, float]:
    plain = spacy.load(MODEL)
    texts = [a.text for a in articles]
    words = words_of(articles)
    best_plain = best_full = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _doc in plain.pipe(texts, batch_size=16):
            pass
        best_plain = min(best_plain, time.process_time() - start)
        start = time.process_time()
        for _record in extractor.pipe(articles, batch_size=16):
            pass
        best_full = min(best_full, time.process_time() - start)
    return words / best_plain, words / best_full


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def stream(extractor: Extractor, count: int) -> list[tuple[int, float, float]]:
    samples: list[tuple[int, float, float]] = []
    step = max(1, count // 10)
    for done, _record in enumerate(extractor.pipe(synthetic(count, seed=7), batch_size=16), 1):
        if done % step == 0 or done == count:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            samples.append((done, rss_mb(), peak))
    return samples


def scaling(extractor: Extractor, articles: list[Article]) -> list[tuple[int, float]]:
    out: list[tuple[int, float]] = []
    words = words_of(articles)
    for processes in (1, 2):
        start = time.perf_counter()
        for _record in extractor.pipe(articles, batch_size=16, n_process=processes):
            pass
        out.append((processes, words / (time.perf_counter() - start)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--stream", type=int, default=10_000)
    parser.add_argument("--scaling", type=int, default=300)
    args = parser.parse_args()

    extractor = Extractor()
    pool: list[Article] = []
    for article in synthetic(10**9, seed=3):
        pool.append(article)
        if words_of(pool) >= args.words:
            break
    plain, full = throughput(extractor, pool, args.repeats)
    table = Table("measure", "value", title=f"accord extract benchmark ({words_of(pool)} words)")
    table.add_row("plain nlp.pipe words/CPU-s", f"{plain:,.0f}")
    table.add_row("Extractor.pipe words/CPU-s", f"{full:,.0f}")
    table.add_row("ratio full / plain", f"{full / plain:.2f}×  (target ≥ 0.75×)")
    console.print(table)

    samples = stream(extractor, args.stream)
    mem = Table("articles streamed", "RSS MB", "peak RSS MB", title="memory while streaming")
    for done, current, peak in samples:
        mem.add_row(f"{done:,}", f"{current:.0f}", f"{peak:.0f}")
    console.print(mem)

    scale_articles = list(synthetic(args.scaling, seed=11))
    runs = scaling(extractor, scale_articles)
    scale = Table(
        "processes", "words/s (wall)", "speed-up", title=f"scaling ({args.scaling} articles)"
    )
    for processes, rate in runs:
        scale.add_row(str(processes), f"{rate:,.0f}", f"{rate / runs[0][1]:.2f}×")
    console.print(scale)


if __name__ == "__main__":
    main()
