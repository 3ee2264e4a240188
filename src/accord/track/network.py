"""Who met whom: meeting participants as nodes, shared meetings as weighted edges."""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import networkx as nx
from sqlalchemy import select

from accord.errors import InputError
from accord.schema.record import Network, NetworkEdge, NetworkNode
from accord.store import Store
from accord.store.models import Actor, MeetingParticipant, MeetingRow
from accord.track._common import date_key, find_negotiation

__all__ = ["network", "to_graph", "write_graphml"]


def network(store: Store, *, negotiation: str | None = None) -> Network:
    """The meeting network of one negotiation (all when omitted)."""
    with store.session() as session:
        scope = []
        if negotiation is not None:
            scope.append(MeetingRow.negotiation_id == find_negotiation(session, negotiation).id)
        rows = session.execute(
            select(MeetingRow.id, MeetingRow.date, MeetingParticipant.name, MeetingParticipant.kind)
            .join(MeetingParticipant, MeetingParticipant.meeting_id == MeetingRow.id)
            .where(*scope)
            .order_by(MeetingRow.id, MeetingParticipant.name)
        ).all()
        party_of = {row[0]: row[1] for row in session.execute(select(Actor.name, Actor.party))}
    meetings: dict[str, list[str]] = defaultdict(list)
    dates = {}
    kinds: dict[str, str] = {}
    for meeting_id, date, name, kind in rows:
        meetings[meeting_id].append(name)
        dates[meeting_id] = date
        kinds[name] = "party" if kind == "party" or kinds.get(name) == "party" else "person"
    count: dict[str, int] = defaultdict(int)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for meeting_id, names in meetings.items():
        for name in names:
            count[name] += 1
        for a, b in itertools.combinations(sorted(names), 2):
            pairs[a, b].append(meeting_id)
    nodes = [
        NetworkNode(
            id=name,
            label=name,
            kind="party" if kinds[name] == "party" else "person",
            party=None if kinds[name] == "party" else party_of.get(name),
            meetings=count[name],
        )
        for name in sorted(count)
    ]
    edges = []
    for (a, b), ids in sorted(pairs.items()):
        when = sorted((dates[m] for m in ids), key=date_key)
        dated = [d for d in when if d is not None]
        edges.append(
            NetworkEdge(
                source=a,
                target=b,
                weight=len(ids),
                meeting_ids=sorted(ids),
                first=dated[0] if dated else None,
                last=dated[-1] if dated else None,
            )
        )
    return Network(negotiation=negotiation, nodes=nodes, edges=edges)


def to_graph(net: Network) -> nx.Graph:
    """The network as a networkx graph (attributes GraphML can hold: no lists, no None)."""
    graph = nx.Graph(negotiation=net.negotiation or "all")
    for node in net.nodes:
        graph.add_node(
            node.id,
            label=node.label,
            kind=node.kind,
            party=node.party or "",
            meetings=node.meetings,
        )
    for edge in net.edges:
        graph.add_edge(
            edge.source,
            edge.target,
            weight=edge.weight,
            meetings=" ".join(edge.meeting_ids),
            first=edge.first.isoformat() if edge.first else "",
            last=edge.last.isoformat() if edge.last else "",
        )
    return graph


def write_graphml(net: Network, path: Path) -> None:
    """Write the network as GraphML (Gephi, visone, yEd, igraph read it)."""
    try:
        nx.write_graphml(to_graph(net), path)
    except OSError as exc:
        raise InputError("E607", source=str(path), path=path, reason=exc.strerror) from exc
