"""The shipped capability table: every state of the COW system in 2016, mapped to ISO codes.

The values are CINC scores copied from the Correlates of War NMC v6.0 file (see
``accord/data/cinc-NOTICE.txt``); these tests catch copying and mapping mistakes, not
disagreements with the source.
"""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from accord.track.draft import cinc_table

#: listed in states.tsv but not a member of the COW state system, hence absent from NMC
NOT_IN_NMC = {"PSE"}


def _data(name: str) -> str:
    return resources.files("accord.data").joinpath(name).read_text("utf-8")


def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(_data("cinc.csv").splitlines()))


def _states() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> common English name of the current states in the
    party-resolution list (its former states, listed last, had no 2016 row)."""
    current = _data("states.tsv").split("# Former states", 1)[0]
    lines = (line.split("\t") for line in current.splitlines())
    return {cols[0]: cols[1] for cols in lines if cols[0] and not cols[0].startswith("#")}


@pytest.mark.parametrize("iso3", sorted(set(_states()) - NOT_IN_NMC))
def test_track_cinc_covers_state_under_its_iso_code_and_name(iso3: str) -> None:
    rows = [row for row in _rows() if row["iso3"] == iso3]
    name = _states()[iso3]
    assert [row["name"] for row in rows] == [name]
    assert cinc_table()[name.lower()].ccode == int(rows[0]["ccode"])


def test_track_cinc_rows_are_distinct_states_of_2016() -> None:
    rows = _rows()
    for column in ("ccode", "stateabb", "iso3", "name"):
        assert len({row[column] for row in rows}) == len(rows), column
    assert {row["year"] for row in rows} == {"2016"}


def test_track_cinc_shares_of_2016_sum_to_one() -> None:
    # CINC is a share of the world total, so the states present in 2016 sum to about 1; NMC
    # averages only the components it has for a state, and the states with a missing
    # component (military spending of North Korea, Sudan, the UAE …) lift the total to
    # 1.0068. A dropped state or a slipped digit moves it by more than the tolerance.
    assert sum(float(row["cinc"]) for row in _rows()) == pytest.approx(1.0068, abs=0.002)
