"""Interactive HTML views of the graph that work with no network access.

``render`` picks a view (:mod:`kg.viz.views`), lays it out once in Python
(:mod:`kg.viz.layout`, so the browser draws with physics off) and writes one
self-contained page (:mod:`kg.viz.page`: pyvis + vis-network in-line, no CDN, corpus
strings shown as text only).

>>> import tempfile, pathlib
>>> from kg.records import Paper, Entity, PaperEntities
>>> from kg.graph import build_graph
>>> e = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8k", "On GSM8k.", 3, 8, "gazetteer")
>>> g = build_graph([PaperEntities(Paper("p-1", "A <b>title</b>", "On GSM8k."), (e,))])
>>> with tempfile.TemporaryDirectory() as tmp:
...     result = render(g, pathlib.Path(tmp) / "view.html")
...     page = result.path.read_text(encoding="utf-8")
>>> result.nodes, result.edges, result.message
(2, 1, None)
>>> "<b>title</b>" in page, "\\\\u003cb\\\\u003etitle" in page
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..errors import VizError
from ..writable import check_writable, replacing
from .page import build_page
from .views import VIEWS, Selection, find_node, select

__all__ = ["VIEWS", "VizResult", "Selection", "check_out", "render", "select", "find_node"]


@dataclass(frozen=True)
class VizResult:
    """What ``render`` wrote: the file, its node and edge counts, and a note when cut down."""

    path: Path
    nodes: int
    edges: int
    message: str | None = None
    title: str = ""
    total: int = 0  # nodes in the view before the --max-nodes cut
    note: str | None = None  # what else --around names (the node it used is in ``title``)


def check_out(out_path) -> Path:
    """``out_path`` as a Path, once it is known that a page can be written there: checked before
    a large graph is read or laid out, which would otherwise be done for nothing."""
    path = Path(out_path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise VizError(f"the output file should end in .html: {path}", fix="pass --out NAME.html")
    if path.is_dir():
        raise VizError(f"{path} is a folder", fix=f"pass --out a file in it, e.g. --out {path / 'graph.html'}")
    check_writable(path, fix="pass --out a file in a folder you can write to, e.g. --out graph.html")
    return path


def render(
    graph: nx.DiGraph,
    out_path,
    *,
    view: str = "all",
    around: str | None = None,
    depth: int = 1,
    types=None,
    min_support: int = 1,
    max_nodes: int = 1500,
    seed: int = 0,
) -> VizResult:
    """Write one view of ``graph`` to ``out_path`` as a self-contained HTML page.

    ``view``: "all" (with ``types``/``min_support`` filters) or "datasets" (papers linked
    through datasets that 2+ of them use); ``around``: a paper title, entity name, alias or
    key to centre an ego graph of radius ``depth`` on; above ``max_nodes`` nodes the view is
    cut to the most-linked entities and the papers joining them (or, around a node, to
    the nearest ones) and ``message`` says how to narrow it.
    """
    path = check_out(out_path)
    selection = select(graph, view=view, around=around, depth=depth, types=types,
                       min_support=min_support, max_nodes=max_nodes)
    page = build_page(selection, seed=seed)
    with replacing(path, fix="pass --out a file in a folder you can write to, e.g. --out graph.html") as temporary:
        temporary.write_text(page, encoding="utf-8")
    graph_out = selection.graph
    return VizResult(path=path, nodes=graph_out.number_of_nodes(), edges=graph_out.number_of_edges(),
                     message=selection.message, title=selection.title, total=selection.total,
                     note=selection.note)
