"""The record built by the real extractor (spaCy pipeline) from the dev corpus, on both backends."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.cli.ingest_cmd import Extract, ingest_articles, real_extractor
from accord.ingest import read_inputs
from accord.store import open_store
from tests.record_helpers import DEV, accord_env, counts, dump

SEED_NEGOTIATION = "Russia-Ukraine war peace talks"


@pytest.fixture(scope="module")
def extract() -> Extract:
    return real_extractor()


def _ingest(url: str, extract: Extract, source: Path = DEV, **options: Any) -> None:
    store = open_store(url)
    try:
        summary = ingest_articles(store, read_inputs([source]), extract, **options)
    finally:
        store.close()
    assert not summary.problems


def test_store_extracted_ingest_twice_changes_no_count(db_url: str, extract: Extract) -> None:
    _ingest(db_url, extract)
    first = counts(db_url)
    _ingest(db_url, extract)
    assert counts(db_url) == first
    assert first["articles"] == 11 and first["stances"] > 0


@pytest.fixture
def seed_db(db_url: str, extract: Extract, tmp_path: Path) -> str:
    seed = tmp_path / "seed.jsonl"
    lines = DEV.read_text(encoding="utf-8").splitlines()
    seed.write_text(next(line for line in lines if '"id": "seed"' in line) + "\n")
    _ingest(db_url, extract, seed, negotiation=SEED_NEGOTIATION)
    return db_url


@pytest.mark.parametrize(
    ("issue", "party", "type_", "words"),
    [
        ("territory", "Russia", "demand", "troop withdrawal from Donbass"),
        ("territory", "Ukraine", "reject", "Ukraine continues to reject"),
        ("security_guarantees", "United States", "condition", "before providing further"),
    ],
)
def test_store_extracted_seed_board_shows_stance_with_evidence(
    seed_db: str, issue: str, party: str, type_: str, words: str
) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["board", "--negotiation", SEED_NEGOTIATION, "--db", seed_db, "--json"]
    )
    assert result.exit_code == 0, result.output
    cell = next(
        c for c in json.loads(result.stdout)["cells"] if c["issue"] == issue and c["party"] == party
    )
    assert cell["type"] == type_
    proof = runner.invoke(app, ["evidence", cell["stance_ids"][0], "--db", seed_db, "--json"])
    record = json.loads(proof.stdout)
    assert words in record["sentence"]
    assert record["article_id"] == "seed"
    start, end = record["span"]
    assert end - start == len(record["sentence"])


def _popen(url: str, source: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "accord", "ingest", str(source), "--db", url],
        env=accord_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def reference(tmp_path: Path, extract: Extract) -> Iterator[str]:
    """The record of one uninterrupted in-process run over the dev corpus."""
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    _ingest(url, extract)
    yield url


@pytest.mark.slow
def test_store_extracted_concurrent_runs_equal_one_run(
    db_url: str, reference: str, tmp_path: Path
) -> None:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(lines[:8]) + "\n")
    second.write_text("\n".join(lines[3:]) + "\n")  # lines 3-7 in both
    procs = [_popen(db_url, first), _popen(db_url, second)]
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    assert dump(db_url) == dump(reference)


@pytest.mark.slow
def test_store_extracted_killed_then_rerun_equals_uninterrupted(
    db_url: str, reference: str
) -> None:
    proc = _popen(db_url, DEV)
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if counts(db_url)["articles"] >= 3:
                    break
            except Exception:  # the schema may not exist yet
                pass
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert 3 <= counts(db_url)["articles"] < 11, "the kill did not land midway"
    rerun = _popen(db_url, DEV)
    _out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert dump(db_url) == dump(reference)
