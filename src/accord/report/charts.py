"""Plotly figures for the dashboard and the briefing, as JSON text.

A page carries the JSON in a ``data-figure`` attribute and ``plots.js`` draws it, so
both the served page (no inline script) and the offline briefing use the same figures.
Layouts are fixed (no random seeds, spring layouts seeded) so a figure is reproducible.
"""

from __future__ import annotations

import html
import json
import math
from typing import Any

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from accord.schema import Scenario
from accord.schema.bargain import BargainResult
from accord.schema.forecast import IssueForecast, IssueMonteCarlo
from accord.schema.record import Network

__all__ = ["forecast_rounds", "frontier", "monte_carlo", "network"]

_LAYOUT = {
    "template": "simple_white",
    "margin": {"l": 55, "r": 20, "t": 40, "b": 45},
    "height": 380,
    "font": {"family": "system-ui, sans-serif", "size": 12},
    "legend": {"orientation": "h", "y": -0.18},
}


def _inert(value: Any) -> Any:
    """Every string of the figure with ``&``, ``<`` and ``>`` escaped.

    Plotly reads a few HTML tags in labels (``<b>``, ``<a href>``) and decodes entities,
    so escaping shows a hostile name literally instead of formatting or linking it.
    The template is Plotly's own and left alone.
    """
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, dict):
        return {k: v if k == "template" else _inert(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_inert(v) for v in value]
    return value


def _json(figure: go.Figure) -> str:
    plain = _inert(figure.to_plotly_json())
    return json.dumps(plain, cls=PlotlyJSONEncoder, separators=(",", ":"))


def forecast_rounds(item: IssueForecast, scenario: Scenario | None = None) -> str:
    """Each actor's position round by round, the forecast median, and the baselines."""
    label = {a.id: a.label for a in scenario.actors} if scenario else {}
    rounds = [r.round for r in item.rounds]
    figure = go.Figure()
    for actor in item.rounds[0].positions:
        figure.add_trace(
            go.Scatter(
                x=rounds,
                y=[r.positions[actor] for r in item.rounds],
                mode="lines+markers",
                name=label.get(actor, actor),
            )
        )
    figure.add_trace(
        go.Scatter(
            x=rounds,
            y=[r.median for r in item.rounds],
            mode="lines",
            name="median (forecast)",
            line={"color": "black", "width": 3},
        )
    )
    for name, value, dash in (
        ("weighted mean (baseline)", item.baselines.weighted_mean, "dot"),
        ("weighted median (baseline)", item.baselines.weighted_median, "dash"),
    ):
        figure.add_trace(
            go.Scatter(
                x=[rounds[0], rounds[-1]],
                y=[value, value],
                mode="lines",
                name=name,
                line={"color": "grey", "dash": dash},
            )
        )
    figure.update_layout(
        _LAYOUT,
        title={"text": f"{item.name}: positions by round"},
        xaxis_title="round",
        yaxis_title="position on the axis",
    )
    return _json(figure)


def monte_carlo(item: IssueMonteCarlo, name: str) -> str:
    """Share of perturbed runs ending at each option (or tenth of the axis)."""
    figure = go.Figure(
        go.Bar(
            x=list(item.probabilities),
            y=list(item.probabilities.values()),
            marker_color="#2f5d9e",
        )
    )
    q = item.quantiles
    figure.update_layout(
        _LAYOUT,
        title={
            "text": f"{name}: Monte Carlo outcomes (median {q.get('q50', math.nan):.1f}, "
            f"90% in {q.get('q05', math.nan):.1f}–{q.get('q95', math.nan):.1f})"
        },
        yaxis={"title": "share of runs", "range": [0, 1]},
    )
    return _json(figure)


def frontier(result: BargainResult, labels: dict[str, str], title: str) -> str:
    """The Pareto frontier with the solutions, the ideal and the disagreement point.

    Two parties: the classic plane of one party's utility against the other's. More:
    one line per package across the parties (a parallel-coordinates view).
    """
    if len(result.parties) == 2:
        return _frontier_plane(result, labels, title)
    parties = result.parties
    names = [labels.get(p, p) for p in parties]
    figure = go.Figure()
    for k, package in enumerate(result.frontier or []):
        figure.add_trace(
            go.Scatter(
                x=names,
                y=[package.utilities[p] for p in parties],
                mode="lines",
                line={"color": "#9fb3cf"},
                name="Pareto package",
                legendgroup="frontier",
                showlegend=k == 0,
            )
        )
    for solution, found in result.solutions.items():
        if found is not None:
            figure.add_trace(
                go.Scatter(
                    x=names,
                    y=[found.utilities[p] for p in parties],
                    mode="lines+markers",
                    name=solution.replace("_", "–"),
                )
            )
    for name, values, dash in (
        ("ideal", result.ideal, "dot"),
        ("disagreement", result.disagreement, "dash"),
    ):
        figure.add_trace(
            go.Scatter(
                x=names,
                y=[values[p] for p in parties],
                mode="lines",
                name=name,
                line={"color": "black", "dash": dash},
            )
        )
    figure.update_layout(
        _LAYOUT, title={"text": title}, yaxis={"title": "utility", "range": [0, 1.02]}
    )
    return _json(figure)


def network(net: Network) -> str:
    """Who met whom: parties and people on a circle, edges weighted by meetings."""
    nodes = net.nodes
    count = max(len(nodes), 1)
    place = {
        node.id: (math.cos(2 * math.pi * k / count), math.sin(2 * math.pi * k / count))
        for k, node in enumerate(nodes)
    }
    figure = go.Figure()
    for edge in net.edges:
        (x0, y0), (x1, y1) = place[edge.source], place[edge.target]
        figure.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                line={"width": 1 + edge.weight, "color": "#9fb3cf"},
                hoverinfo="text",
                text=f"{edge.source} – {edge.target}: {edge.weight} meeting(s)",
                showlegend=False,
            )
        )
    for kind, colour in (("party", "#c0392b"), ("person", "#2f5d9e")):
        chosen = [n for n in nodes if n.kind == kind]
        figure.add_trace(
            go.Scatter(
                x=[place[n.id][0] for n in chosen],
                y=[place[n.id][1] for n in chosen],
                mode="markers+text",
                text=[n.label for n in chosen],
                textposition="top center",
                marker={"size": [10 + 4 * n.meetings for n in chosen], "color": colour},
                name=kind,
            )
        )
    hidden = {"visible": False, "range": [-1.4, 1.4]}
    figure.update_layout(
        _LAYOUT, title={"text": "Who met whom"}, xaxis=hidden, yaxis=hidden, height=520
    )
    return _json(figure)


def _frontier_plane(result: BargainResult, labels: dict[str, str], title: str) -> str:
    a, b = result.parties
    figure = go.Figure()
    packages = result.frontier or []
    figure.add_trace(
        go.Scatter(
            x=[p.utilities[a] for p in packages],
            y=[p.utilities[b] for p in packages],
            mode="lines+markers",
            line={"color": "#9fb3cf"},
            name="Pareto package",
            text=[", ".join(f"{k}={v}" for k, v in p.package.items()) for p in packages],
        )
    )
    for solution, found in result.solutions.items():
        if found is not None:
            figure.add_trace(
                go.Scatter(
                    x=[found.utilities[a]],
                    y=[found.utilities[b]],
                    mode="markers",
                    marker={"size": 12},
                    name=solution.replace("_", "–"),
                )
            )
    for name, values, symbol in (
        ("ideal", result.ideal, "star"),
        ("disagreement", result.disagreement, "x"),
    ):
        figure.add_trace(
            go.Scatter(
                x=[values[a]],
                y=[values[b]],
                mode="markers",
                marker={"symbol": symbol, "size": 12, "color": "black"},
                name=name,
            )
        )
    axis = {"range": [0, 1.02]}
    figure.update_layout(
        _LAYOUT,
        title={"text": title},
        xaxis={**axis, "title": f"utility of {labels.get(a, a)}"},
        yaxis={**axis, "title": f"utility of {labels.get(b, b)}"},
    )
    return _json(figure)
