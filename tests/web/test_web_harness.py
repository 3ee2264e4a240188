"""The browser harness: a missing Chromium fails the run under CI and skips elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.web import harness


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_web_harness_missing_browser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(harness, "DEBIAN_CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="setup-services"):
        harness.chromium_path()
