"""A networkx graph -> batches of parameter rows for the loader statements.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> g.add_node("p-1", label="Paper", key="p-1", title="T")
>>> g.add_node("dataset:x", label="Dataset", key="dataset:x", name="X", aliases=["x"], support=1)
>>> g.add_edge("p-1", "dataset:x", type="EVALUATES_ON", sentence="On X.")
>>> [(label, [row["lists"] for row in rows]) for label, rows in node_rows(g)]
[('Paper', [{'sources': [], 'merged_ids': []}]), ('Dataset', [{'aliases': ['x'], 'name_keys': ['x'], 'lower_names': ['x']}])]
>>> paper = next(next(node_rows(g))[1])["props"]
>>> paper["search_text"], paper["plain_title"]  # what the full-text index holds (see kg.fulltext); what title lookups compare
('t', 't')
>>> [(k, next(rows)["props"]) for k, rows in relationship_rows(g)]
[(('Paper', 'EVALUATES_ON', 'Dataset'), {'sentence': 'On X.'})]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from ..fulltext import SEARCH_PROPERTY, search_text
from ..graph import ENTITY_TYPE_OF_LABEL, LABELS
from ..normalise import name_keys, plain_lower
from .statements import LIST_PROPERTIES, REPLACED_ON_RELOAD

__all__ = ["node_rows", "relationship_rows", "paper_store_properties"]

# Support is recomputed from the store after a load, list properties are merged as a
# union: neither may be overwritten by one batch's view of the corpus.
_DERIVED = {"label", "key", "support", *LIST_PROPERTIES}


def node_rows(graph: nx.DiGraph) -> Iterator[tuple[str, Iterator[dict]]]:
    """Per label: rows of ``key``, plain ``props`` and the ``lists`` to union into the node.

    Rows are built as they are consumed, so a store can send the first batches while
    the rest are still being made.
    """
    keys_by_label: dict[str, list[str]] = defaultdict(list)
    for key, label in graph.nodes(data="label"):
        keys_by_label[label].append(key)
    for label in LABELS:
        if keys_by_label.get(label):
            yield label, _node_rows(graph, label, keys_by_label[label])


def _node_rows(graph: nx.DiGraph, label: str, keys: list[str]) -> Iterator[dict]:
    list_props = [prop for prop, labels in LIST_PROPERTIES.items() if label in labels]
    replaced = [prop for prop, labels in REPLACED_ON_RELOAD.items() if label in labels]
    nodes = graph.nodes
    for key in keys:
        data = nodes[key]
        props = _without_none({k: v for k, v in data.items() if k not in _DERIVED and k not in REPLACED_ON_RELOAD})
        lists = {prop: list(data.get(prop) or []) for prop in list_props}
        if "name_keys" in lists:
            lists.update(entity_store_properties(data, label))
        elif label == "Paper":
            props = {**props, **paper_store_properties(graph, key)}
        yield {"key": key, "props": props, "lists": lists, "replaced": {prop: data.get(prop) for prop in replaced}}


def entity_store_properties(data: dict, label: str) -> dict[str, list[str]]:
    """What a store keeps of an entity besides its own properties, for lookups by name: the keys of
    its names (:func:`kg.normalise.name_keys`: "GSM-8K" finds GSM8K) and its names in lower case
    (any case of a written name finds it), each indexed by the embedded store.

    >>> entity_store_properties({"name": "LiTS", "aliases": ["LiTS17"]}, "Dataset")
    {'name_keys': ['lits', 'lits17'], 'lower_names': ['lits', 'lits17']}
    """
    names = [data.get("name"), *(data.get("aliases") or [])]
    return {"name_keys": name_keys(names, ENTITY_TYPE_OF_LABEL.get(label)),
            "lower_names": sorted({name.lower() for name in names if name})}


def paper_store_properties(graph: nx.DiGraph, key: str) -> dict[str, str]:
    """What a store keeps of the paper ``key`` besides its own properties: the text its full-text
    index holds (:func:`kg.fulltext.search_text`: "CIFAR100" finds CIFAR-100), and ``plain_title``,
    the title as lookups by title compare it (:func:`kg.normalise.plain_lower`: "Lukasz" finds Łukasz)."""
    data = graph.nodes[key]
    title = data.get("title") or ""
    return {SEARCH_PROPERTY: search_text(title, data.get("abstract") or ""), "plain_title": plain_lower(title)}


def relationship_rows(graph: nx.DiGraph) -> Iterator[tuple[tuple[str, str, str], Iterator[dict]]]:
    """Per (source label, type, target label): rows of ``source``, ``target`` and ``props``."""
    labels = dict(graph.nodes(data="label"))
    grouped: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)
    for source, targets in graph.adjacency():  # the order of graph.edges
        source_label = labels[source]
        for target, data in targets.items():
            grouped[(source_label, data["type"], labels[target])].append((source, target, data))
    for kind in sorted(grouped):
        yield kind, _relationship_rows(grouped[kind])


def _relationship_rows(edges: list[tuple]) -> Iterator[dict]:
    for source, target, data in edges:
        props = data.copy()
        del props["type"]
        yield {"source": source, "target": target, "props": _without_none(props)}


def _without_none(props: dict) -> dict:
    """``props`` less its None values (most rows have none: then the same dict, uncopied)."""
    return {k: v for k, v in props.items() if v is not None} if None in props.values() else props
