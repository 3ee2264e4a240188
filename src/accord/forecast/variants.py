"""Named presets of the expected-utility model and ``--set key=value`` overrides."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from accord.errors import InputError
from accord.schema.forecast import Variant

__all__ = ["PRESETS", "resolve_variant"]

#: ``scholz`` reproduces the published replication; ``bdm`` follows BDM's 1994/97 text.
PRESETS: dict[str, Variant] = {
    "scholz": Variant(),
    "bdm": Variant(normaliser="pairwise", compromise="least_move", capitulation=True),
}


def resolve_variant(preset: str, settings: Sequence[str] = ()) -> Variant:
    """The preset named ``preset`` with each ``key=value`` of ``settings`` applied in order."""
    if preset not in PRESETS:
        raise InputError(
            "E200", source="--variant", name=preset, choices=", ".join(sorted(PRESETS))
        )
    values = PRESETS[preset].model_dump()
    fields = ", ".join(Variant.model_fields)
    for setting in settings:
        key, sep, value = setting.partition("=")
        key = key.strip().lower()
        if not sep or key not in Variant.model_fields:
            raise InputError(
                "E201", source="--set", setting=setting, reason="expected KEY=VALUE", fields=fields
            )
        values[key] = value.strip()
        try:
            Variant.model_validate(values)
        except ValidationError as exc:
            reason = exc.errors(include_url=False)[0]["msg"]
            raise InputError(
                "E201", source="--set", setting=setting, reason=reason, fields=fields
            ) from None
    return Variant.model_validate(values)
