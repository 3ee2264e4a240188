"""Ingest throughput and memory on a generated JSONL corpus.

Prints, for the same file in the same process:
- the time of ``read_inputs`` against a baseline of bare ``json.loads`` per line (ratio);
- the traced peak memory while streaming N and 2N articles: streaming keeps it flat
  apart from the duplicate-id index (one entry per article).

Usage: python benchmarks/bench_ingest.py [N]   (default 20000 articles, about 40 MB)
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from accord.ingest import IngestProblem, read_inputs

_WORDS = [
    "the",
    "delegations",
    "met",
    "again",
    "on",
    "monday",
    "to",
    "discuss",
    "a",
    "ceasefire",
    "along",
    "the",
    "river",
    "and",
    "the",
    "return",
    "of",
    "prisoners",
    "while",
    "mediators",
    "said",
    "both",
    "sides",
    "had",
    "agreed",
    "to",
    "meet",
    "next",
    "week",
    "in",
    "the",
    "capital",
    "but",
    "differences",
    "remain",
    "over",
    "troops",
    "borders",
    "elections",
    "and",
    "aid",
    "convoys",
]


def write_corpus(path: Path, count: int, seed: int = 7) -> int:
    """``count`` articles of about 300 words; returns the file size in bytes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            words = [rng.choice(_WORDS) for _ in range(300)]
            text = " ".join(words).capitalize() + "."
            out.write(json.dumps({"id": f"a{number}", "title": f"Report {number}", "text": text}))
            out.write("\n")
    return path.stat().st_size


def baseline(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if json.loads(line))


def ingest(path: Path) -> int:
    count = 0
    for item in read_inputs([path]):
        if isinstance(item, IngestProblem):
            raise SystemExit(f"unexpected problem: {item}")
        count += 1
    return count


def timed(func: object, path: Path) -> float:
    start = time.perf_counter()
    func(path)  # type: ignore[operator]
    return time.perf_counter() - start


def traced_peak(path: Path) -> int:
    tracemalloc.start()
    ingest(path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as folder:
        small, large = Path(folder) / "n.jsonl", Path(folder) / "2n.jsonl"
        size = write_corpus(small, count)
        large_size = write_corpus(large, 2 * count)
        base = timed(baseline, small)
        full = timed(ingest, small)
        print(f"articles: {count}, file: {size / 1e6:.1f} MB")
        print(f"json.loads baseline: {base:.2f} s; read_inputs: {full:.2f} s")
        print(f"read_inputs throughput = {base / full:.3f} x the json.loads baseline")
        print(f"read_inputs: {count / full:,.0f} articles/s, {size / full / 1e6:.1f} MB/s")
        peak_small, peak_large = traced_peak(small), traced_peak(large)
        print(f"traced peak, {count} articles ({size / 1e6:.0f} MB): {peak_small / 1e6:.1f} MB")
        print(
            f"traced peak, {2 * count} articles ({large_size / 1e6:.0f} MB): "
            f"{peak_large / 1e6:.1f} MB"
        )
        print(f"peak per extra article: {(peak_large - peak_small) / count:.0f} bytes")


if __name__ == "__main__":
    main()
