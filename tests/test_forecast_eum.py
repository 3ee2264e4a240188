"""The vectorised expected-utility engine: published figures, the loop oracle, invariances."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.forecast import eum
from accord.forecast.eum import OFFER_TYPES, IssueRun, median_position, run_batch, run_issue
from accord.schema.forecast import Stopping, Variant
from tests.eum_oracle import Oracle
from tests.forecast_cases import DATASETS, EU, REFERENCE, VARIANTS, read_eum_csv

pytestmark = pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data missing")

EU_MEDIANS = [7.0, 8.4159, 9.6109, 9.9620, 9.9620, 9.9620, 7.4720, 8.8246, 9.6711, 9.6711, 7.0]
EU_MEANS = [7.3900, 7.4613, 7.5525, 7.5901, 7.3581, 7.3492, 7.4149, 7.5105, 7.5724, 7.3250, 7.2421]
EU_RISK_ROUND_1 = [1.4057, 0.7542, 0.5089, 1.4057, 1.0465, 1.0465, 1.9649, 0.5, 2.0, 1.1121]


def eu_run(**stopping: object) -> IssueRun:
    _, x, c, s = read_eum_csv(EU)
    return run_issue(x, c, s, Variant(), Stopping.model_validate(stopping))


def test_eum_reproduces_published_eu_medians() -> None:
    assert [round(r.median, 4) for r in eu_run().rounds] == EU_MEDIANS


def test_eum_reproduces_published_eu_means() -> None:
    assert [round(r.mean, 4) for r in eu_run().rounds] == EU_MEANS


def test_eum_reproduces_published_eu_round_one_risk() -> None:
    assert np.round(eu_run().rounds[1].risk, 4).tolist() == EU_RISK_ROUND_1


def test_eum_eu_only_belgium_luxembourg_ireland_move() -> None:
    names, *_ = read_eum_csv(EU)
    rounds = eu_run().rounds
    moved = {names[i] for r in rounds[1:] for i in np.flatnonzero(r.choice >= 0)}
    assert moved == {"Belgium", "Luxembourg", "Ireland"}


@pytest.fixture(params=["dense", "prefix"], autouse=True)
def vote_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run every test through both ways of summing votes (small n uses the dense one)."""
    monkeypatch.setattr(eum, "DENSE_LIMIT", 32 if request.param == "dense" else 0)
    return str(request.param)


def assert_agrees(x: np.ndarray, c: np.ndarray, s: np.ndarray, variant: Variant, n: int) -> None:
    """Engine and oracle agree to 1e-9 on every recorded quantity of every round."""
    run = run_issue(x, c, s, variant, Stopping(rounds=n))
    oracle = Oracle(list(x), list(c), list(s), **variant.model_dump()).run(n)
    for got, want in zip(run.rounds, oracle, strict=True):
        np.testing.assert_allclose(got.positions, want.positions, rtol=0, atol=1e-9)
        assert got.median == pytest.approx(want.median, abs=1e-9)
        assert got.mean == pytest.approx(want.mean, abs=1e-9)
        np.testing.assert_allclose(got.risk, want.risk, rtol=0, atol=1e-9)
        np.testing.assert_allclose(got.danger, want.danger, rtol=0, atol=1e-9)
        offers = {
            (int(i), int(j)): (OFFER_TYPES[int(got.offer_type[i, j])], got.offer_position[i, j])
            for i, j in zip(*got.offer_type.nonzero(), strict=True)
        }
        assert offers.keys() == want.offers.keys()
        for key, (kind, position) in offers.items():
            assert kind == want.offers[key][0]
            assert position == pytest.approx(want.offers[key][1], abs=1e-9)
        assert got.choice.tolist() == want.choice


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize("dataset", DATASETS)
def test_eum_agrees_with_oracle_on_reference_data(dataset: str, variant: str) -> None:
    _, x, c, s = read_eum_csv(REFERENCE / dataset)
    assert_agrees(x, c, s, VARIANTS[variant], 10)


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@settings(max_examples=15, deadline=None, derandomize=True)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(2, 12))
def test_eum_agrees_with_oracle_on_random_scenarios(variant: str, seed: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-50, 150, n)
    c = rng.uniform(0.0, 10.0, n)
    s = rng.uniform(0.0, 1.0, n)
    assert_agrees(x, c, s, VARIANTS[variant], 6)


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@settings(max_examples=10, deadline=None, derandomize=True)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(3, 10))
def test_eum_agrees_with_oracle_on_grid_positions(variant: str, seed: int, n: int) -> None:
    """Analysts' data sits on a few round values; shared positions exercise the ties."""
    rng = np.random.default_rng(seed)
    x = rng.choice([0.0, 25.0, 50.0, 60.0, 100.0], n)
    x[:2] = (0.0, 100.0)
    c = rng.uniform(0.1, 1.0, n)
    s = rng.uniform(0.05, 1.0, n)
    assert_agrees(x, c, s, VARIANTS[variant], 6)


def trajectory(run: IssueRun) -> np.ndarray:
    return np.array([[r.median, r.mean, *r.positions] for r in run.rounds])


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
@pytest.mark.parametrize("factor", [7.0, 0.001])
def test_eum_capability_scale_leaves_trajectory(variant: str, factor: float) -> None:
    _, x, c, s = read_eum_csv(EU)
    base = run_issue(x, c, s, VARIANTS[variant], Stopping())
    scaled = run_issue(x, c * factor, s, VARIANTS[variant], Stopping())
    np.testing.assert_allclose(trajectory(scaled), trajectory(base), rtol=0, atol=1e-9)


# Under global+least_move+capitulation Belgium creeps towards France (9.99999995 → 10),
# where Y − |X| is smaller than the rounding of the utilities: the compromise/capitulation
# call is decided by rounding, so a rescaled axis may take the other branch. That variant is
# left out of the affine test on purpose (docs/forecast.md, "ill-conditioned decisions").
AFFINE_VARIANTS = [v for v in VARIANTS if v != "global-least_move-capitulation"]


@pytest.mark.parametrize("variant", AFFINE_VARIANTS, ids=str)
@pytest.mark.parametrize(("a", "b"), [(3.0, 5.0), (0.01, -40.0), (12.5, 0.0)])
def test_eum_affine_positions_map_trajectory(variant: str, a: float, b: float) -> None:
    _, x, c, s = read_eum_csv(EU)
    base = run_issue(x, c, s, VARIANTS[variant], Stopping())
    mapped = run_issue(a * x + b, c, s, VARIANTS[variant], Stopping())
    np.testing.assert_allclose(trajectory(mapped), a * trajectory(base) + b, rtol=1e-9, atol=1e-9)


def test_eum_until_stable_stops_when_nobody_moves() -> None:
    _, x, c, s = read_eum_csv(REFERENCE / "eum_sultan.csv")
    run = run_issue(x, c, s, Variant(), Stopping(mode="until_stable"))
    assert (run.stop_reason, len(run.rounds) - 1) == ("stable", 1)


def test_eum_until_stable_detects_the_uk_emu_two_cycle() -> None:
    _, x, c, s = read_eum_csv(REFERENCE / "eum_uk_emu_labour.csv")
    run = run_issue(x, c, s, Variant(), Stopping(mode="until_stable"))
    medians = [round(r.median, 2) for r in run.rounds]
    assert (run.stop_reason, len(run.rounds) - 1, run.cycle_start) == ("cycle", 14, 12)
    assert sorted(set(medians[run.cycle_start :])) == [5.3, 6.0]


def test_eum_until_stable_hits_the_round_cap() -> None:
    run = eu_run(mode="until_stable", max_rounds=4)
    assert (run.stop_reason, len(run.rounds) - 1) == ("round_cap", 4)


def test_eum_fixed_rounds_report_the_repeated_state() -> None:
    _, x, c, s = read_eum_csv(REFERENCE / "eum_uk_emu_labour.csv")
    run = run_issue(x, c, s, Variant(), Stopping(rounds=20))
    assert (run.stop_reason, run.cycle_start) == ("rounds", 12)
    assert run.rounds[12].positions.tolist() == run.rounds[20].positions.tolist()


def test_eum_eu_data_cycles_only_after_hundreds_of_rounds() -> None:
    """The exact round depends on rounding (the orbit is long), so only the kind is pinned."""
    run = eu_run(mode="until_stable", max_rounds=1000)
    assert run.stop_reason == "cycle" and run.cycle_start is not None and run.cycle_start > 10
    assert run.rounds[run.cycle_start].positions.tobytes() == run.rounds[-1].positions.tobytes()


def test_eum_zero_rounds_is_the_input() -> None:
    run = eu_run(rounds=0)
    assert len(run.rounds) == 1 and run.stop_reason == "rounds"


def test_eum_equal_danger_gives_neutral_risk() -> None:
    run = run_issue(
        np.array([0.0, 100.0]), np.ones(2), np.full(2, 0.5), Variant(), Stopping(rounds=1)
    )
    assert run.rounds[1].risk.tolist() == [1.0, 1.0]


def test_eum_median_ties_go_to_the_lowest_position() -> None:
    assert median_position(np.array([10.0, 0.0]), np.ones(2), 10.0) == 0.0


@pytest.mark.parametrize(
    ("x", "c", "s", "reason"),
    [([3.0, 3.0], [1.0, 1.0], [0.5, 0.5], "equal"), ([0.0, 1.0], [1.0, 1.0], [0.0, 0.0], "0")],
)
def test_eum_refuses_degenerate_issues(
    x: list[float], c: list[float], s: list[float], reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        run_issue(np.array(x), np.array(c), np.array(s), Variant(), Stopping())


def test_eum_batch_rows_match_single_runs_bit_for_bit() -> None:
    """Rows of a batch never interact: Monte Carlo chunks rely on this for reproducibility."""
    rng = np.random.default_rng(5)
    x, c, s = rng.uniform(0, 100, (6, 9)), rng.uniform(0.1, 1, (6, 9)), rng.uniform(0, 1, (6, 9))
    batch = run_batch(x, c, s, Variant(), Stopping(mode="until_stable", max_rounds=30))
    for b, run in enumerate(batch):
        alone = run_issue(x[b], c[b], s[b], Variant(), Stopping(mode="until_stable", max_rounds=30))
        assert (run.stop_reason, run.cycle_start) == (alone.stop_reason, alone.cycle_start)
        assert [r.positions.tobytes() for r in run.rounds] == [
            r.positions.tobytes() for r in alone.rounds
        ]
