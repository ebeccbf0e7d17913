"""A networkx graph -> batches of parameter rows for the loader statements.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> g.add_node("p-1", label="Paper", key="p-1", title="T")
>>> g.add_node("dataset:x", label="Dataset", key="dataset:x", name="X", aliases=["x"], support=1)
>>> g.add_edge("p-1", "dataset:x", type="EVALUATES_ON", sentence="On X.")
>>> [(label, len(rows), rows[0]["lists"]) for label, rows in node_rows(g)]
[('Paper', 1, {'sources': []}), ('Dataset', 1, {'aliases': ['x']})]
>>> [(k, rows[0]["props"]) for k, rows in relationship_rows(g)]
[(('Paper', 'EVALUATES_ON', 'Dataset'), {'sentence': 'On X.'})]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from ..graph import LABELS
from .statements import LIST_PROPERTIES

__all__ = ["node_rows", "relationship_rows"]

# Support is recomputed from the store after a load, list properties are merged as a
# union: neither may be overwritten by one batch's view of the corpus.
_DERIVED = {"label", "key", "support", *LIST_PROPERTIES}


def node_rows(graph: nx.DiGraph) -> Iterator[tuple[str, list[dict]]]:
    """Per label: rows of ``key``, plain ``props`` and the ``lists`` to union into the node."""
    by_label: dict[str, list[dict]] = defaultdict(list)
    for key, data in graph.nodes(data=True):
        label = data["label"]
        props = {k: v for k, v in data.items() if k not in _DERIVED and v is not None}
        lists = {prop: list(data.get(prop) or []) for prop, labels in LIST_PROPERTIES.items() if label in labels}
        by_label[label].append({"key": key, "props": props, "lists": lists})
    for label in LABELS:
        if by_label.get(label):
            yield label, by_label[label]


def relationship_rows(graph: nx.DiGraph) -> Iterator[tuple[tuple[str, str, str], list[dict]]]:
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        kind = (graph.nodes[source]["label"], data["type"], graph.nodes[target]["label"])
        props = {k: v for k, v in data.items() if k != "type" and v is not None}
        grouped[kind].append({"source": source, "target": target, "props": props})
    for kind in sorted(grouped):
        yield kind, grouped[kind]
