"""How each node and relationship type looks: colour, shape, legend symbol, size.

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); shapes differ too, so the legend works in greyscale.

>>> NODE_STYLES["Dataset"].shape, NODE_STYLES["Dataset"].symbol
('diamond', '◆')
>>> node_value({"label": "Dataset", "support": 9}, degree=12), node_value({"label": "Paper"}, degree=3)
(9, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NodeStyle", "NODE_STYLES", "EDGE_COLOURS", "node_style", "node_value", "variants_support", "short_label"]


@dataclass(frozen=True)
class NodeStyle:
    colour: str
    shape: str  # a vis-network shape that draws its label below, so `size` applies
    symbol: str  # the same shape as a character, for the HTML legend


NODE_STYLES = {
    "Paper": NodeStyle("#0072B2", "dot", "●"),
    "Dataset": NodeStyle("#E69F00", "diamond", "◆"),
    "Model": NodeStyle("#009E73", "triangle", "▲"),
    "Method": NodeStyle("#CC79A7", "hexagon", "⬢"),
    "Task": NodeStyle("#D55E00", "star", "★"),
    "Metric": NodeStyle("#56B4E9", "triangleDown", "▼"),
    "Repository": NodeStyle("#7F7F7F", "square", "■"),
}
_FALLBACK = NodeStyle("#BBBBBB", "dot", "●")

EDGE_COLOURS = {
    "PROPOSES": "#D55E00",
    "USES": "#8C8C8C",
    "EVALUATES_ON": "#E69F00",
    "ADDRESSES": "#CC6677",
    "MEASURES": "#56B4E9",
    "VARIANT_OF": "#009E73",
    "RELEASES_CODE": "#332288",
}


def node_style(label: str) -> NodeStyle:
    """The style of a node label (an unknown label gets a neutral grey dot)."""
    return NODE_STYLES.get(label, _FALLBACK)


def node_value(attrs: dict, degree: int, variants_support: int = 0) -> int:
    """What a node's size scales with: an entity's support (papers); for an entity no paper names
    itself, only its variants, theirs (never its link count, which the legend does not promise).
    Papers are all the smallest size: their links counted on the entities' scale drew a paper
    bigger than GSM8K, and its long title over its neighbours' names.

    >>> node_value({"label": "Model", "support": 0}, degree=9, variants_support=4), node_value({"label": "Model", "support": 0}, 9)
    (4, 1)
    """
    if attrs.get("label") == "Paper":
        return 1
    support = attrs.get("support")
    if isinstance(support, int) and support > 0:
        return support
    if isinstance(support, int):
        return max(variants_support, 1)
    return max(degree, 1)


def variants_support(graph, node) -> int:
    """The papers (in ``graph``) naming any of ``node``'s variants, through VARIANT_OF links.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_edge("qwen2.5-7b-instruct", "qwen2.5-7b", type="VARIANT_OF"); g.add_edge("qwen2.5-7b", "qwen2.5", type="VARIANT_OF")
    >>> g.add_edge("p-1", "qwen2.5-7b-instruct", type="USES"); g.add_edge("p-1", "qwen2.5-7b", type="USES"); g.add_edge("p-2", "qwen2.5-7b", type="USES")
    >>> variants_support(g, "qwen2.5")
    2
    """
    papers, seen, todo = set(), {node}, [node]
    while todo:
        for source, _, kind in graph.in_edges(todo.pop(), data="type"):
            if kind != "VARIANT_OF":
                papers.add(source)
            elif source not in seen:
                seen.add(source)
                todo.append(source)
    return len(papers)


def short_label(text: str, limit: int = 40) -> str:
    """A one-line label for the canvas; the full text is in the tooltip and details panel.

    >>> short_label("Attention   Is All\\nYou Need", 12)
    'Attention I…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
