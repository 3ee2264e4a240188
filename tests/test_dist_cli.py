"""`--scheduler` runs extraction and the Monte Carlo on a real Dask cluster, same output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.record_helpers import DEV, accord

REPO = Path(__file__).resolve().parents[1]
SEED_TALKS = str(REPO / "examples" / "seed_talks.yaml")

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="shared corpus not beside the checkout")


@pytest.mark.slow
def test_dist_cli_extract_on_local_cluster_matches_one_process(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(DEV.read_text("utf-8").splitlines()[:4]) + "\n", "utf-8")
    here = accord("extract", str(sample), "--jsonl")
    there = accord("extract", str(sample), "--jsonl", "--scheduler", "local", "--batch-size", "1")
    assert here.returncode == 0, here.stderr
    assert there.returncode == 0, there.stderr
    assert there.stdout == here.stdout
    assert [json.loads(line)["id"] for line in there.stdout.splitlines()] == [
        json.loads(line)["id"] for line in sample.read_text("utf-8").splitlines()
    ]


@pytest.mark.slow
def test_dist_cli_monte_carlo_on_local_cluster_matches_process_pool() -> None:
    args = ("forecast", SEED_TALKS, "--runs", "40", "--seed", "7", "--json")
    here = accord(*args, "--workers", "2")
    there = accord(*args, "--workers", "2", "--scheduler", "local")
    assert here.returncode == 0, here.stderr
    assert there.returncode == 0, there.stderr
    assert json.loads(there.stdout)["monte_carlo"] == json.loads(here.stdout)["monte_carlo"]


@pytest.mark.parametrize("command", ["extract", "forecast"])
def test_dist_cli_bad_scheduler_address_is_one_line_error(command: str) -> None:
    args = [str(DEV)] if command == "extract" else [SEED_TALKS, "--runs", "5"]
    result = accord(command, *args, "--scheduler", "nowhere:1")
    assert result.returncode == 1
    assert "[E801]" in result.stderr and "Traceback" not in result.stderr
