"""Shared inputs for the forecast tests: the reference data sets and variant combinations."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from accord.schema.forecast import Variant

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "data"
EU = REFERENCE / "eum_eu_emissions_bdm1994.csv"
DATASETS = ["eum_eu_emissions_bdm1994.csv", "eum_sultan.csv", "eum_uk_emu_labour.csv"]

VARIANTS = {
    "scholz": Variant(),
    "bdm": Variant(normaliser="pairwise", compromise="least_move", capitulation=True),
    "global-least_move-capitulation": Variant(compromise="least_move", capitulation=True),
    "pairwise-scholz": Variant(normaliser="pairwise"),
    "scholz-q0.8-t0.6": Variant(q=0.8, t=0.6),
    "bdm-q0.5-t0": Variant(
        normaliser="pairwise", compromise="least_move", capitulation=True, q=0.5, t=0.0
    ),
}


def read_eum_csv(path: Path) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Names, positions, capabilities, saliences of an EUM table, read directly."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = [r["Actor"] for r in rows]
    x, c, s = (
        np.array([float(r[k]) for r in rows]) for k in ("Position", "Capability", "Salience")
    )
    return names, x, c, s
