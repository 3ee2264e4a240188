"""Views over the record: board, timeline, diff, actors, network, evidence, scenario drafts.

Each view is a plain function over an open :class:`~accord.store.Store` returning the
typed values of :mod:`accord.schema.record`; the CLI, the web app and reports render them.
"""

from __future__ import annotations

from accord.track.actors import actors
from accord.track.board import board
from accord.track.diff import diff
from accord.track.evidence import evidence
from accord.track.negotiations import negotiations
from accord.track.network import network, to_graph, write_graphml
from accord.track.timeline import timeline

__all__ = [
    "actors",
    "board",
    "diff",
    "evidence",
    "negotiations",
    "network",
    "timeline",
    "to_graph",
    "write_graphml",
]
