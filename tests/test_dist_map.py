"""map_batches and map_runs on a real LocalCluster of two worker processes."""

from __future__ import annotations

import io
import os
import socket
from collections.abc import Iterator

import dask
import numpy as np
import pytest
from distributed import Client
from rich.console import Console

from accord.dist import dask_client, map_batches, map_runs
from accord.errors import InputError, ServiceError


def square_with_pid(batch: list[int]) -> list[tuple[int, int]]:
    """Top-level so the workers can import it; the pid shows where each item ran."""
    return [(value * value, os.getpid()) for value in batch]


def reject_thirteen(batch: list[int]) -> list[int]:
    if 13 in batch:
        raise InputError("E406", source="numbers.jsonl", where="13", reason="unlucky")
    return batch


def drop_one(batch: list[int]) -> list[int]:
    return batch[1:]


def mean_of_draws(seed: np.random.SeedSequence) -> float:
    return float(np.random.default_rng(seed).normal(size=1000).mean())


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with dask_client(n_workers=2, threads_per_worker=1) as dask:
        yield dask


def test_dist_map_batches_in_input_order(client: Client) -> None:
    results = list(map_batches(square_with_pid, range(200), client=client, batch_size=7))
    assert [value for value, _pid in results] == [n * n for n in range(200)]


def test_dist_map_batches_runs_in_worker_processes(client: Client) -> None:
    results = list(map_batches(square_with_pid, range(200), client=client, batch_size=5))
    assert os.getpid() not in {pid for _value, pid in results}


def test_dist_map_batches_consumes_input_lazily(client: Client) -> None:
    taken: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(1000):
            taken.append(n)
            yield n

    stream = map_batches(square_with_pid, numbers(), client=client, batch_size=10, max_pending=2)
    first = next(stream)
    assert first[0] == 0
    assert len(taken) <= 30
    stream.close()


def test_dist_map_batches_reraises_accord_error(client: Client) -> None:
    with pytest.raises(InputError) as raised:
        list(map_batches(reject_thirteen, range(40), client=client, batch_size=4))
    assert str(raised.value) == "numbers.jsonl:13: [E406] bad article record: unlucky"
    assert raised.value.source == "numbers.jsonl"


def test_dist_map_batches_checks_result_count(client: Client) -> None:
    with pytest.raises(ValueError, match="returned 3 results for a batch of 4"):
        list(map_batches(drop_one, range(8), client=client, batch_size=4))


def test_dist_map_batches_empty_input(client: Client) -> None:
    assert list(map_batches(square_with_pid, [], client=client)) == []


def test_dist_map_batches_rejects_zero_batch(client: Client) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        map_batches(square_with_pid, [1], client=client, batch_size=0)


def test_dist_map_runs_deterministic_in_order(client: Client) -> None:
    seeds = np.random.SeedSequence(2024).spawn(12)
    local = [mean_of_draws(seed) for seed in seeds]
    assert map_runs(mean_of_draws, seeds, client=client) == local
    assert map_runs(mean_of_draws, seeds, client=client) == local


def test_dist_map_progress_bar_drawn_on_terminal(client: Client) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=80, _environ={})
    list(map_batches(square_with_pid, range(30), client=client, batch_size=10, console=console))
    assert "square_with_pid" in buffer.getvalue()
    assert "30/30" in buffer.getvalue()


def test_dist_map_progress_quiet_off_terminal(client: Client) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, width=80, _environ={})
    list(map_batches(square_with_pid, range(30), client=client, batch_size=10, console=console))
    assert buffer.getvalue() == ""


def test_dist_client_unreachable_scheduler() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    with pytest.raises(ServiceError) as raised, dask_client(address, timeout=1):
        pass
    message = str(raised.value)
    assert message.startswith(f"[E800] cannot reach the Dask scheduler at {address}: ")
    assert "\n" not in message


@pytest.mark.parametrize("address", ["127.0.0.1:8786", "http://127.0.0.1:8786"])
def test_dist_client_bad_address(address: str) -> None:
    with pytest.raises(ServiceError, match=r"^\[E801\]"), dask_client(address):
        pass


def test_dist_client_connects_to_running_scheduler(client: Client) -> None:
    with dask_client(str(client.scheduler_info()["address"])) as remote:
        results = list(map_batches(square_with_pid, range(5), client=remote, batch_size=2))
    assert [value for value, _pid in results] == [0, 1, 4, 9, 16]


def die(batch: list[int]) -> list[int]:
    os._exit(3)


@pytest.mark.slow
def test_dist_map_dead_worker_is_service_error() -> None:
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        dask_client(n_workers=1) as fragile,
        pytest.raises(ServiceError) as raised,
    ):
        list(map_batches(die, [1, 2], client=fragile, progress=False))
    assert str(raised.value).startswith("[E803] a Dask worker died while running die: ")
