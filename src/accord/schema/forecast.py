"""The forecast record: model settings, every round of every issue, and Monte Carlo summaries.

``accord forecast --json`` prints :class:`ForecastResult`; its JSON Schema is published as
``accord schema forecast``. Actor keys are the scenario's actor ids (for CSV input, the
names as written). Round 0 holds the input positions; round ``t`` holds the risk exponents
and danger levels computed at the start of round ``t``, the offers made in it, and the
positions after its moves.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Baselines",
    "ForecastResult",
    "IssueForecast",
    "IssueMonteCarlo",
    "MonteCarloSettings",
    "MonteCarloSummary",
    "Offer",
    "OfferType",
    "Point",
    "Round",
    "SkippedIssue",
    "StopReason",
    "Stopping",
    "Variant",
]

Unit = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
OfferType = Literal["conflict", "compromise", "capitulation"]
StopReason = Literal["rounds", "stable", "cycle", "round_cap"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Variant(_Model):
    """The switches of the expected-utility model (models.md §1, §5.1).

    The defaults are the ``scholz`` preset, which reproduces the published runs.
    """

    normaliser: Literal["global", "pairwise"] = Field(
        default="global",
        description="Probability of success: 'global' divides by all votes on all pairs "
        "(Scholz replication), 'pairwise' by the votes on the pair (BDM 1994/97).",
    )
    compromise: Literal["scholz", "least_move"] = Field(
        default="scholz",
        description="Among several compromises take the least weighted position (Scholz's "
        "code) or the one needing the least change of position (BDM's text).",
    )
    capitulation: bool = Field(
        default=False,
        description="Whether an actor accepts a capitulation offer (never fires in the "
        "replication because of a typo there).",
    )
    q: Unit = Field(
        default=1.0, description="Probability the status quo persists absent a challenge."
    )
    t: Unit = Field(
        default=1.0,
        description="Probability that a change without challenge favours the challenger.",
    )


class Stopping(_Model):
    """When the rounds end.

    ``rounds``: exactly ``rounds`` rounds. ``until_stable``: stop once the median and every
    position move by less than ``epsilon`` × the issue's initial range in one round, or the
    state exactly repeats an earlier one (a cycle), or ``max_rounds`` is reached.
    """

    mode: Literal["rounds", "until_stable"] = "rounds"
    rounds: int = Field(default=10, ge=0, le=100_000)
    epsilon: float = Field(default=1e-6, gt=0.0, allow_inf_nan=False)
    max_rounds: int = Field(default=100, ge=1, le=100_000)


class Offer(_Model):
    """An offer ``from`` one actor ``to`` another, who would move to ``position``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    sender: str = Field(alias="from", description="Actor whose challenge prompts the offer.")
    receiver: str = Field(alias="to", description="Actor who would move.")
    type: OfferType
    position: float = Field(description="The receiver's position if it accepts.")
    accepted: bool = Field(description="Whether this is the offer the receiver took.")


class Round(_Model):
    """The state after one round (round 0: the input)."""

    round: int
    median: float = Field(description="Median voter position (capability × salience weighted).")
    mean: float = Field(description="Capability × salience weighted mean position.")
    positions: dict[str, float]
    risk: dict[str, float] = Field(
        default_factory=dict, description="Risk exponents r used in this round (empty in round 0)."
    )
    danger: dict[str, float] = Field(
        default_factory=dict, description="Danger levels D behind the risk exponents."
    )
    offers: list[Offer] = Field(default_factory=list)


class Point(_Model):
    median: float
    mean: float


class Baselines(_Model):
    """The simple predictions any model forecast must beat, from the input positions."""

    weighted_mean: float
    weighted_median: float


class IssueForecast(_Model):
    issue: str
    name: str
    stop_reason: StopReason
    rounds_run: int
    cycle_start: int | None = Field(
        default=None,
        description="Earliest round whose state the final state repeats exactly, if any.",
    )
    initial: Point
    forecast: Point
    baselines: Baselines
    moved: dict[str, float] = Field(
        description="Final minus initial position of every actor that moved."
    )
    rounds: list[Round]


class SkippedIssue(_Model):
    issue: str
    reason: str


class MonteCarloSettings(_Model):
    """Perturbations, each a normal distribution truncated to the value's valid range.

    Positions: SD ``position_sd`` × the issue's scale width, truncated to the scale.
    Saliences: SD ``salience_sd``, truncated to [0, 1].
    Capabilities: SD ``capability_sd`` × the capability, truncated to [0, ∞).
    """

    runs: int = Field(default=100, ge=1, le=10_000_000)
    seed: int = Field(default=0, ge=0)
    position_sd: float = Field(default=0.05, ge=0.0, allow_inf_nan=False)
    salience_sd: float = Field(default=0.1, ge=0.0, allow_inf_nan=False)
    capability_sd: float = Field(default=0.2, ge=0.0, allow_inf_nan=False)


class IssueMonteCarlo(_Model):
    issue: str
    quantiles: dict[str, float] = Field(
        description="Quantiles of the forecast median over runs, keyed 'q05', 'q25', …"
    )
    mean_quantiles: dict[str, float] = Field(description="Same for the forecast mean.")
    probabilities: dict[str, float] = Field(
        description="Share of runs whose forecast median is nearest each option, or falls in "
        "each tenth of the axis (keys '[lo, hi)')."
    )
    stop_reasons: dict[str, int]


class MonteCarloSummary(_Model):
    settings: MonteCarloSettings
    issues: list[IssueMonteCarlo]


class ForecastResult(_Model):
    """Everything ``accord forecast`` computes for one scenario."""

    model: Literal["eum"] = "eum"
    scenario: str
    variant: Variant
    stopping: Stopping
    issues: list[IssueForecast]
    skipped: list[SkippedIssue] = Field(default_factory=list)
    monte_carlo: MonteCarloSummary | None = None
