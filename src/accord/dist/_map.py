"""Mapping a top-level function over many items on a Dask client, results in input order.

Work is sent in batches, with a bounded number of batches in flight, so an input stream
larger than memory (a 1 GB JSONL of articles) flows through at constant memory: the next
batch is read only when the oldest one has come back. Results are yielded in the order of
the input, whatever order the workers finish in, so a run is reproducible.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from typing import Any, TypeVar

from distributed import CancelledError, Client, Future, KilledWorker
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from accord.errors import AccordError, ServiceError

__all__ = ["DEFAULT_BATCH_SIZE", "map_batches", "map_runs"]

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_BATCH_SIZE = 64


@dataclass(frozen=True)
class _Raised:
    """An Accord error raised on a worker, carried back as a value.

    Accord errors are built from a code and keyword fields, which plain exception
    pickling (``cls(*args)``) cannot replay; this keeps their class, message and fields.
    """

    cls: type[AccordError]
    args: tuple[Any, ...]
    state: dict[str, Any]

    def rebuild(self) -> AccordError:
        exc = self.cls.__new__(self.cls)
        exc.args = self.args
        exc.__dict__.update(self.state)
        return exc


def _run_batch(func: Callable[[list[T]], Sequence[R]], batch: list[T]) -> list[R] | _Raised:
    """Worker side: one call of ``func`` on one batch."""
    try:
        results = list(func(batch))
    except AccordError as exc:
        return _Raised(type(exc), exc.args, dict(vars(exc)))
    if len(results) != len(batch):
        raise ValueError(
            f"{_name(func)} returned {len(results)} results for a batch of {len(batch)}; "
            "it must return one result per item, in order"
        )
    return results


def _run_one(func: Callable[[T], R], argument: T) -> list[R] | _Raised:
    """Worker side: one Monte Carlo run (or any single call)."""
    return _run_batch(lambda batch: [func(batch[0])], [argument])


def map_batches(
    func: Callable[[list[T]], Sequence[R]],
    items: Iterable[T],
    *,
    client: Client,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_pending: int | None = None,
    progress: bool = True,
    console: Console | None = None,
) -> Generator[R, None, None]:
    """Apply ``func`` to ``items`` in batches on the cluster; yield one result per item, in
    input order.

    Args:
        func: a top-level (importable, picklable) function taking a list of items and
            returning one result per item in the same order (e.g. running ``nlp.pipe`` over
            the batch). It runs on the workers, so it must be deterministic for the whole
            run to be.
        items: any iterable of picklable items; it is consumed lazily.
        client: from :func:`accord.dist.dask_client`.
        batch_size: items per task; larger batches cost less scheduling, smaller ones
            balance the load better.
        max_pending: batches in flight at once (default: four per cluster thread);
            bounds memory on both sides.
        progress: show a rich progress bar on stderr (only drawn on a terminal).
        console: where the bar goes (default: a stderr console).

    Returns:
        A generator; closing it early cancels the batches still in flight.

    Raises:
        ServiceError: a worker died (E803) or the scheduler went away (E804).
        AccordError: re-raised as ``func`` raised it on the worker.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    threads = sum(client.nthreads().values())  # type: ignore[no-untyped-call]
    pending = max_pending or max(4, 4 * threads)
    total = len(items) if isinstance(items, Sized) else None

    def submit(batch: list[T]) -> Future[Any]:
        return client.submit(_run_batch, func, batch, pure=False)

    batches = _batches(items, batch_size)
    return _stream(batches, submit, pending, _name(func), total, progress, console)


def map_runs(
    func: Callable[[T], R],
    arguments: Sequence[T],
    *,
    client: Client,
    progress: bool = True,
    console: Console | None = None,
) -> list[R]:
    """Call ``func`` once per argument on the cluster; results in the order of ``arguments``.

    Meant for Monte Carlo runs: give each run its own seed inside its argument (e.g. from
    ``numpy.random.SeedSequence(seed).spawn(n)``) and the results are the same on one
    machine or many.
    """

    def submit(batch: list[T]) -> Future[Any]:
        return client.submit(_run_one, func, batch[0], pure=False)

    batches = ([argument] for argument in arguments)
    everything = max(1, len(arguments))
    return list(_stream(batches, submit, everything, _name(func), len(arguments), progress, console))


def _stream(
    batches: Iterator[list[T]],
    submit: Callable[[list[T]], Future[Any]],
    max_pending: int,
    task: str,
    total: int | None,
    progress: bool,
    console: Console | None,
) -> Generator[R, None, None]:
    in_flight: deque[Future[Any]] = deque()
    with _progress_bar(total, progress, console) as bar:
        bar_task = bar.add_task(task, total=total)

        def oldest() -> list[R]:
            results = _result(in_flight.popleft(), task)
            bar.advance(bar_task, len(results))
            return results

        try:
            for batch in batches:
                in_flight.append(submit(batch))
                if len(in_flight) >= max_pending:
                    yield from oldest()
            while in_flight:
                yield from oldest()
        finally:
            # The caller stopped early or a batch failed: drop the work nobody will read.
            for future in in_flight:
                future.cancel()  # type: ignore[no-untyped-call]


def _result(future: Future[Any], task: str) -> list[Any]:
    try:
        outcome = future.result()
    except KilledWorker as exc:
        raise ServiceError("E803", task=task, reason=str(exc).splitlines()[0]) from exc
    except (CancelledError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ServiceError("E804", task=task, reason=reason) from exc
    if isinstance(outcome, _Raised):
        raise outcome.rebuild()
    return list(outcome)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _progress_bar(total: int | None, enabled: bool, console: Console | None) -> Progress:
    console = console or Console(stderr=True)
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled or not console.is_terminal,
    )


def _name(func: Callable[..., Any]) -> str:
    return getattr(func, "__qualname__", None) or repr(func)
