"""Scaling of accord.dist.map_batches on LocalClusters of 1 and 2 worker processes.

The baseline is the same function run serially in this process over the same items.
Each cluster is started before the clock starts, so the figures hold scheduling,
pickling and the work itself, not worker start-up. Results are checked equal to the
serial run. Each figure is the best of three runs, as other processes on a shared machine
slow single runs down at random.

Usage: python benchmarks/bench_dist.py [ITEMS]   (default 200 items of ~10 ms CPU each)
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable

from accord.dist import dask_client, map_batches

_REPEATS = 3


def busy_batch(batch: list[int]) -> list[str]:
    """About 10 ms of pure-Python CPU per item: repeated hashing."""
    results = []
    for item in batch:
        digest = str(item).encode()
        for _ in range(20_000):
            digest = hashlib.sha256(digest).digest()
        results.append(digest.hex())
    return results


def best_time(run: Callable[[], list[str]], expected: list[str] | None) -> float:
    best = float("inf")
    for _ in range(_REPEATS):
        start = time.perf_counter()
        got = run()
        best = min(best, time.perf_counter() - start)
        assert expected is None or got == expected, "results differ from the serial run"
    return best


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    items = list(range(count))
    expected = busy_batch(items)
    serial = best_time(lambda: busy_batch(items), expected)
    print(f"items: {count}; serial in-process: {serial:.2f} s")
    for workers in (1, 2):
        with dask_client(n_workers=workers, threads_per_worker=1) as client:
            elapsed = best_time(
                lambda: list(map_batches(busy_batch, items, client=client, batch_size=10)),
                expected,
            )
        print(f"{workers} worker(s): {elapsed:.2f} s, speed-up {serial / elapsed:.2f} x serial")


if __name__ == "__main__":
    main()
