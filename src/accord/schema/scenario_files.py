"""Read scenarios from YAML, JSON, the EUM CSV table and KTAB's SMP CSV.

Every failure becomes a :class:`~accord.errors.ScenarioError` naming the file, the
line (when the format has lines) and the field, so that a one-line message tells
the analyst what to fix.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, NoReturn

import yaml
from pydantic import ValidationError

from accord.errors import ScenarioError
from accord.schema.scenario import Actor, Issue, Provenance, RuleViolation, Scenario, Stake

__all__ = ["load_scenario", "parse_scenario"]

_EUM_HEADER = ["Actor", "Capability", "Position", "Salience"]
_MAX_BYTES = 50_000_000


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file; the suffix picks the format (``-`` is not accepted)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScenarioError("E100", source=str(path), reason=exc.strerror or str(exc)) from exc
    if len(raw) > _MAX_BYTES:
        raise ScenarioError("E100", source=str(path), reason="larger than 50 MB")
    return parse_scenario(raw, source=str(path), suffix=path.suffix.lower())


def parse_scenario(raw: bytes, *, source: str, suffix: str) -> Scenario:
    """Parse scenario bytes in the format named by ``suffix`` (``.yaml``, ``.json``, ``.csv``)."""
    if b"\x00" in raw:
        raise ScenarioError("E108", source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError("E108", source=source) from exc
    if not text.strip():
        raise ScenarioError("E101", source=source)
    if suffix in (".yaml", ".yml"):
        return _from_yaml(text, source)
    if suffix == ".json":
        return _from_json(text, source)
    if suffix == ".csv":
        return _from_csv(text, source)
    raise ScenarioError("E104", source=source, suffix=suffix)


def _from_yaml(text: str, source: str) -> Scenario:
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}" if mark is not None else None
        reason = str(getattr(exc, "problem", None) or exc).strip()
        raise ScenarioError("E102", source=source, where=where, fmt="YAML", reason=reason) from exc
    return _validate(data, source, lambda loc: _yaml_line(root, loc))


def _from_json(text: str, source: str) -> Scenario:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(
            "E102", source=source, where=f"{exc.lineno}", fmt="JSON", reason=exc.msg
        ) from exc
    return _validate(data, source, lambda loc: None)


def _validate(data: Any, source: str, line_of: Any) -> Scenario:
    if not isinstance(data, dict):
        raise ScenarioError("E109", source=source, got=type(data).__name__)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        loc, message = _first_error(exc)
        line = line_of(loc)
        field = _dotted(loc)
        where = f"{line}: {field}" if line is not None and field else (field or None)
        raise ScenarioError("E103", source=source, where=where, reason=message) from None


def _first_error(exc: ValidationError) -> tuple[tuple[str | int, ...], str]:
    error = exc.errors(include_url=False)[0]
    loc: tuple[str | int, ...] = tuple(error["loc"])
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, RuleViolation):
        return loc + cause.loc, cause.message
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown field"
    elif error["type"] == "missing":
        message = "required field is missing"
    return loc, message


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _yaml_line(node: yaml.Node | None, loc: tuple[str | int, ...]) -> int | None:
    """1-based line of the node at ``loc`` (or of its nearest existing parent)."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if 0 <= part < len(node.value) else None
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _number(value: str, source: str, line: int, column: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ScenarioError("E106", source=source, where=f"{line}: {column}", value=value) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ScenarioError("E106", source=source, where=f"{line}: {column}", value=value)
    return number


def _from_csv(text: str, source: str) -> Scenario:
    rows = [r for r in csv.reader(io.StringIO(text))]
    numbered = [
        (k + 1, [c.strip() for c in r]) for k, r in enumerate(rows) if any(c.strip() for c in r)
    ]
    header = numbered[0][1]
    if header[:4] == _EUM_HEADER:
        return _from_eum_csv(numbered, source)
    if len(numbered) > 1 and numbered[1][1][:3] == ["Actor", "Description", "Power"]:
        return _from_ktab_csv(numbered, source)
    raise ScenarioError(
        "E105",
        source=source,
        where="1",
        expected=f"{','.join(_EUM_HEADER)} (EUM) or a KTAB SMP scenario line then "
        "'Actor,Description,Power,…'",
        got=",".join(header),
    )


def _csv_scenario(
    source: str,
    name: str,
    description: str | None,
    actors: list[Actor],
    issues: list[Issue],
    stakes: list[Stake],
    lines: dict[str, int],
) -> Scenario:
    """Validate CSV-built parts, pointing errors at the CSV line of the actor concerned."""
    try:
        return Scenario(
            name=name, description=description, actors=actors, issues=issues, stakes=stakes
        )
    except ValidationError as exc:
        loc, message = _first_error(exc)
        line = None
        if len(loc) >= 2 and loc[0] in ("actors", "stakes") and isinstance(loc[1], int):
            items = actors if loc[0] == "actors" else stakes
            key = items[loc[1]].id if isinstance(items[loc[1]], Actor) else items[loc[1]].actor  # type: ignore[union-attr]
            line = lines.get(key)
        field = _dotted(loc)
        where = f"{line}: {field}" if line is not None else field
        raise ScenarioError("E103", source=source, where=where, reason=message) from None


def _from_eum_csv(rows: list[tuple[int, list[str]]], source: str) -> Scenario:
    imported = Provenance(source="import", note=f"read from {Path(source).name}")
    actors: list[Actor] = []
    stakes: list[Stake] = []
    lines: dict[str, int] = {}
    for line, row in rows[1:]:
        if len(row) < 4:
            raise ScenarioError("E107", source=source, where=str(line), expected=4, got=len(row))
        name = row[0]
        cap, pos, sal = (_number(row[i], source, line, _EUM_HEADER[i]) for i in (1, 2, 3))
        if not 0.0 <= sal <= 1.0:
            raise ScenarioError(
                "E103",
                source=source,
                where=f"{line}: Salience",
                reason=f"salience must lie in [0, 1], got {sal}",
            )
        if name in lines:
            raise ScenarioError(
                "E103", source=source, where=f"{line}: Actor", reason=f"duplicate actor {name!r}"
            )
        lines[name] = line
        if cap < 0:
            _bad_capability(source, line, cap)
        actors.append(Actor(id=name, capability=cap, provenance={"capability": imported}))
        stakes.append(
            Stake(
                actor=name,
                issue="issue",
                position=pos,
                salience=sal,
                provenance={"position": imported, "salience": imported},
            )
        )
    positions = [s.position for s in stakes if s.position is not None]
    lo, hi = (min(positions), max(positions)) if positions else (0.0, 100.0)
    if lo == hi:
        lo, hi = lo - 1.0, hi + 1.0  # leave the all-equal check to the scenario rules
    issue = Issue(id="issue", name=Path(source).stem, scale=(lo, hi))
    return _csv_scenario(source, Path(source).stem, None, actors, [issue], stakes, lines)


def _bad_capability(source: str, line: int, cap: float) -> NoReturn:
    raise ScenarioError(
        "E103",
        source=source,
        where=f"{line}: Capability",
        reason=f"capability must be 0 or more, got {cap}",
    )


def _from_ktab_csv(rows: list[tuple[int, list[str]]], source: str) -> Scenario:
    (_, first), (hline, header) = rows[0], rows[1]
    first = [c for c in first if c != ""]
    header = [c for c in header if c != ""]
    name = first[0] if first else Path(source).stem
    description = first[1] if len(first) > 1 else None
    dims = header[3:]
    if not dims or len(dims) % 2:
        raise ScenarioError(
            "E103",
            source=source,
            where=str(hline),
            reason="after Actor,Description,Power the header needs a position, salience"
            " pair per dimension",
        )
    names = [dims[k] for k in range(0, len(dims), 2)]
    ids = [n.strip() or f"dim{k + 1}" for k, n in enumerate(names)]
    imported = Provenance(source="import", note=f"read from {Path(source).name}")
    issues = [Issue(id=i, name=i) for i in ids]
    actors: list[Actor] = []
    stakes: list[Stake] = []
    lines: dict[str, int] = {}
    width = 3 + len(dims)
    for line, row in rows[2:]:
        row = row[:width] if len(row) > width and not any(row[width:]) else row
        if len(row) != width:
            raise ScenarioError(
                "E107", source=source, where=str(line), expected=width, got=len(row)
            )
        actor_id = row[0]
        if actor_id in lines:
            raise ScenarioError(
                "E103",
                source=source,
                where=f"{line}: Actor",
                reason=f"duplicate actor {actor_id!r}",
            )
        lines[actor_id] = line
        power = _number(row[2], source, line, "Power")
        if power < 0:
            _bad_capability(source, line, power)
        actors.append(
            Actor(
                id=actor_id,
                description=row[1] or None,
                capability=power,
                provenance={"capability": imported},
            )
        )
        total = 0.0
        for d, issue_id in enumerate(ids):
            pos = _number(row[3 + 2 * d], source, line, dims[2 * d])
            sal = _number(row[4 + 2 * d], source, line, dims[2 * d + 1])
            if not 0.0 <= sal <= 100.0:
                raise ScenarioError(
                    "E103",
                    source=source,
                    where=f"{line}: {dims[2 * d + 1]}",
                    reason=f"KTAB salience must lie in [0, 100], got {sal}",
                )
            total += sal
            stakes.append(
                Stake(
                    actor=actor_id,
                    issue=issue_id,
                    position=pos,
                    salience=sal / 100.0,
                    provenance={"position": imported, "salience": imported},
                )
            )
        if total > 100.0 + 1e-9:
            raise ScenarioError(
                "E103",
                source=source,
                where=f"{line}: salience",
                reason=f"KTAB saliences of one actor must sum to at most 100, got {total:g}",
            )
    return _csv_scenario(source, name, description, actors, issues, stakes, lines)
