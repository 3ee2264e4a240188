"""Variant presets and ``--set KEY=VALUE`` overrides."""

from __future__ import annotations

import pytest

from accord.errors import InputError
from accord.forecast.variants import PRESETS, resolve_variant
from accord.schema.forecast import Variant


def test_variants_scholz_is_the_default() -> None:
    assert resolve_variant("scholz") == Variant() == PRESETS["scholz"]


def test_variants_bdm_preset() -> None:
    assert resolve_variant("bdm") == Variant(
        normaliser="pairwise", compromise="least_move", capitulation=True, q=1.0, t=1.0
    )


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (["q=0.9"], {"q": 0.9}),
        (["Q = 0.5", "t=0"], {"q": 0.5, "t": 0.0}),
        (
            ["capitulation=true", "normaliser=pairwise"],
            {"capitulation": True, "normaliser": "pairwise"},
        ),
        (["compromise=least_move"], {"compromise": "least_move"}),
    ],
)
def test_variants_overrides_apply_in_order(
    settings: list[str], expected: dict[str, object]
) -> None:
    assert resolve_variant("scholz", settings) == Variant.model_validate(expected)


@pytest.mark.parametrize(
    ("preset", "settings", "needle"),
    [
        ("nope", [], "[E200] unknown variant 'nope'"),
        ("scholz", ["q=2"], "[E201] bad variant setting 'q=2'"),
        ("scholz", ["q"], "expected KEY=VALUE"),
        ("scholz", ["colour=red"], "'colour=red'"),
        ("bdm", ["normaliser=local"], "'normaliser=local'"),
        ("bdm", ["capitulation=maybe"], "'capitulation=maybe'"),
    ],
)
def test_variants_bad_settings_name_the_setting(
    preset: str, settings: list[str], needle: str
) -> None:
    with pytest.raises(InputError) as info:
        resolve_variant(preset, settings)
    assert needle in str(info.value)
