"""Getting a Dask client: a local cluster of worker processes, or a running scheduler."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster

from accord.errors import ServiceError

__all__ = ["CONNECT_TIMEOUT_SECONDS", "dask_client"]

CONNECT_TIMEOUT_SECONDS = 10.0
_SCHEMES = ("tcp://", "tls://")


@contextmanager
def dask_client(
    scheduler: str | None = None,
    *,
    n_workers: int | None = None,
    threads_per_worker: int = 1,
    timeout: float = CONNECT_TIMEOUT_SECONDS,
) -> Iterator[Client]:
    """A Dask client for the duration of a ``with`` block, closed (with its cluster) after.

    Args:
        scheduler: address of a running scheduler (``tcp://host:8786``); ``None`` starts a
            :class:`~distributed.LocalCluster` of worker processes on this machine.
        n_workers: local worker processes (default: Dask's choice from the CPU count);
            ignored with ``scheduler``.
        threads_per_worker: threads in each local worker. One keeps CPU-bound Python code
            (spaCy, Monte Carlo) from fighting over the GIL.
        timeout: seconds to wait for the scheduler to answer.

    Raises:
        ServiceError: E800 (scheduler unreachable), E801 (malformed address), E802 (the
            local cluster did not start).
    """
    if scheduler is None:
        yield from _local(n_workers, threads_per_worker)
        return
    if not scheduler.startswith(_SCHEMES):
        raise ServiceError("E801", address=scheduler)
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ServiceError("E800", address=scheduler, reason=reason) from exc
    with client:
        yield client


def _local(n_workers: int | None, threads_per_worker: int) -> Iterator[Client]:
    try:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n_workers,
            threads_per_worker=threads_per_worker,
            processes=True,
            host="127.0.0.1",
            # No dashboard; the scheduler's small HTTP server (health, metrics) takes a free
            # local port instead of 8787, so several clusters can run side by side.
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
    except (OSError, TimeoutError) as exc:
        raise ServiceError("E802", reason=str(exc) or type(exc).__name__) from exc
    with cluster, Client(cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
        yield client
