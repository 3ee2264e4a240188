"""Scenario files: the formats that load, and one-line errors for every broken rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import ScenarioError
from accord.schema import load_scenario

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference" / "data"

GOOD_YAML = """\
name: t
actors:
  - {id: a, capability: 1}
  - {id: b, capability: 2}
issues:
  - {id: x, low: none, high: all}
stakes:
  - {actor: a, issue: x, position: 10, salience: 0.5}
  - {actor: b, issue: x, position: 90, salience: 0.7}
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_scenario_files_example_loads() -> None:
    scenario = load_scenario(REPO / "examples" / "seed_talks.yaml")
    assert {a.id for a in scenario.actors} == {"us", "russia", "europe", "ukraine"}
    assert all(s.provenance.get("position") for s in scenario.stakes)


def test_scenario_files_yaml_and_json_agree(tmp_path: Path) -> None:
    from_yaml = load_scenario(write(tmp_path, "s.yaml", GOOD_YAML))
    from_json = load_scenario(write(tmp_path, "s.json", from_yaml.model_dump_json()))
    assert from_json == from_yaml


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data not beside the checkout")
def test_scenario_files_eum_csv_keeps_names_as_ids() -> None:
    scenario = load_scenario(REFERENCE / "eum_eu_emissions_bdm1994.csv")
    assert [a.id for a in scenario.actors][:2] == ["Netherlands", "Belgium"]
    assert scenario.stakes[0].position == 4 and scenario.stakes[0].salience == 0.8


def test_scenario_files_ktab_csv(tmp_path: Path) -> None:
    text = (
        "Dummy,three dims,3,2,\n"
        "Actor,Description,Power,Tax,Sal Tax,Spend,Sal Spend,\n"
        "A,first,10,20,40,80,30,\n"
        "B,second,20,70,50,10,50,\n"
        "C,third,5,50,20,50,20,\n"
    )
    scenario = load_scenario(write(tmp_path, "k.csv", text))
    assert [i.id for i in scenario.issues] == ["Tax", "Spend"]
    assert scenario.stakes[0].salience == pytest.approx(0.4)


BAD: list[tuple[str, str, str | bytes, str]] = [
    (
        "salience",
        "s.yaml",
        GOOD_YAML.replace("salience: 0.5", "salience: 1.5"),
        "stakes[0].salience",
    ),
    ("duplicate actor", "s.yaml", GOOD_YAML.replace("id: b,", "id: a,"), "duplicate actor 'a'"),
    (
        "one actor",
        "s.yaml",
        GOOD_YAML.replace("  - {id: b, capability: 2}\n", "").replace(
            "  - {actor: b, issue: x, position: 90, salience: 0.7}\n", ""
        ),
        "at least 2 actors",
    ),
    (
        "equal positions",
        "s.yaml",
        GOOD_YAML.replace("position: 90", "position: 10"),
        "all positions on issue 'x' are equal",
    ),
    ("unknown actor", "s.yaml", GOOD_YAML.replace("actor: b,", "actor: zz,"), "unknown actor 'zz'"),
    ("unknown field", "s.yaml", GOOD_YAML.replace("name: t", "name: t\ncolour: red"), "colour"),
    ("position off scale", "s.yaml", GOOD_YAML.replace("position: 90", "position: 190"), "outside"),
    (
        "negative capability",
        "s.yaml",
        GOOD_YAML.replace("capability: 2", "capability: -2"),
        "actors[1].capability",
    ),
    ("bad yaml", "s.yaml", "actors: [\n  - {id: a", "not valid YAML"),
    ("bad json", "s.json", '{"actors": [}', "not valid JSON"),
    ("not a mapping", "s.yaml", "- 1\n- 2\n", "mapping"),
    ("empty", "s.yaml", "   \n", "empty"),
    ("binary", "s.yaml", b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
    (
        "latin-1",
        "s.csv",
        "Actor,Capability,Position,Salience\nK\xf6ln,1,2,0.5\n".encode("latin-1"),
        "not UTF-8",
    ),
    ("suffix", "s.txt", GOOD_YAML, "unknown file type"),
    ("csv header", "s.csv", "Name,Power\nA,1\n", "CSV header"),
    (
        "csv number",
        "s.csv",
        "Actor,Capability,Position,Salience\nA,1,x,0.5\nB,1,3,0.5\n",
        ":2: Position",
    ),
    (
        "csv salience",
        "s.csv",
        "Actor,Capability,Position,Salience\nA,1,2,5\nB,1,3,0.5\n",
        ":2: Salience",
    ),
    (
        "csv duplicate",
        "s.csv",
        "Actor,Capability,Position,Salience\nA,1,2,0.5\nA,1,3,0.5\n",
        ":3: Actor",
    ),
    ("csv short row", "s.csv", "Actor,Capability,Position,Salience\nA,1,2\n", "expected 4 columns"),
]


@pytest.mark.parametrize(("case", "name", "content", "needle"), BAD, ids=[b[0] for b in BAD])
def test_scenario_files_bad_input_names_file_and_field(
    tmp_path: Path, case: str, name: str, content: str | bytes, needle: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert needle in message, message
    assert "\n" not in message


def test_scenario_files_yaml_error_gives_line(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", GOOD_YAML.replace("salience: 0.7", "salience: 7"))
    with pytest.raises(ScenarioError, match=r"s\.yaml:9: stakes\[1\]\.salience"):
        load_scenario(path)


def test_scenario_files_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="E100"):
        load_scenario(tmp_path / "nope.yaml")


def test_scenario_files_errors_survive_pickling(tmp_path: Path) -> None:
    import pickle

    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path / "nope.yaml")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is ScenarioError
    assert str(copy) == str(info.value) and copy.source == info.value.source
