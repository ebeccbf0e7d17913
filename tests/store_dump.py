"""Whole-store dumps (every node, relationship and property) and what a graph should dump to.

Both are plain sorted structures, so two stores (or a store and a networkx graph) compare
with ``==``.  Alias lists are compared as sorted lists: the loader unions them, so their
order depends on load order.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> g.add_node("p", label="Paper", key="p", title="T", year=None, authors=["b", "a"])
>>> g.add_node("d", label="Dataset", key="d", name="D", aliases=["y", "x"], support=1)
>>> g.add_edge("p", "d", type="USES", start=0, rule=None)
>>> nodes, rels = expected_dump(g)
>>> nodes
[('Dataset', 'd', {'aliases': ['x', 'y'], 'key': 'd', 'lower_names': ['d', 'x', 'y'], 'name': 'D', 'name_keys': ['d', 'x', 'y'], 'support': 1}), ('Paper', 'p', {'authors': ['b', 'a'], 'key': 'p', 'plain_title': 't', 'search_text': 't', 'title': 'T'})]
>>> rels
[('p', 'USES', 'd', {'start': 0})]
"""

from __future__ import annotations

import networkx as nx

from kg.graph import ENTITY_LABELS
from kg.store.rows import entity_store_properties, paper_store_properties

__all__ = ["dump", "expected_dump"]


def _normal(props: dict) -> dict:
    out = {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in props.items() if v is not None}
    for unordered in ("aliases", "name_keys", "lower_names"):
        if unordered in out:
            out[unordered] = sorted(out[unordered])
    return dict(sorted(out.items()))


def _with_store_props(graph: nx.DiGraph, key: str, data: dict) -> dict:
    """A store also keeps the keys of an entity's names, and what a paper's full-text index
    entry holds and its title as lookups compare it (see kg.store.rows)."""
    if data["label"] in ENTITY_LABELS.values():
        return {**data, **entity_store_properties(data, data["label"])}
    if data["label"] == "Paper":
        return {**data, **paper_store_properties(graph, key)}
    return data


def dump(store) -> tuple[list, list]:
    nodes = store.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN a.key AS source, type(r) AS type, b.key AS target, properties(r) AS props"
    )
    node_list = sorted(
        (";".join(sorted(r["labels"])), r["props"].get("key"), _normal(dict(r["props"]))) for r in nodes
    )
    rel_list = sorted((r["source"], r["type"], r["target"], _normal(dict(r["props"]))) for r in rels)
    return node_list, rel_list


def expected_dump(graph: nx.DiGraph) -> tuple[list, list]:
    """What a correct load of ``graph`` into an empty store dumps to."""
    nodes = sorted(
        (data["label"], key, _normal({k: v for k, v in _with_store_props(graph, key, data).items() if k != "label"}))
        for key, data in graph.nodes(data=True)
    )
    rels = sorted(
        (s, data["type"], t, _normal({k: v for k, v in data.items() if k != "type"}))
        for s, t, data in graph.edges(data=True)
    )
    return nodes, rels
