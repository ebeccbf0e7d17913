"""A view -> one self-contained HTML page (pyvis + vis-network in-line, no network access).

pyvis 0.3.2 writes the vis-network page; this module then
- removes what would reach the network: pyvis links Bootstrap from a CDN in every mode
  (offline that fails silently, and the page does not need it);
- adds the legend, a details panel, tooltips and a search box (``kg/viz_assets``), which
  build every corpus string as DOM *text* (``textContent``), never as HTML;
- passes the corpus data as a JSON data block with ``<``, ``>`` and ``&`` escaped, so a
  title containing ``</script>`` cannot end the block;
- adds a Content-Security-Policy that allows only the page's own in-line scripts (by
  hash) and ``data:`` images, so even a missed escape could neither run injected script
  nor make a request.

>>> remote_references('<script src="https://cdn.example/x.js"></script><a href="https://ok">')
['https://cdn.example/x.js']
>>> remote_references('<link href="//cdn.example/b.css" rel="stylesheet"><img src="data:image/png;base64,AA">')
['//cdn.example/b.css']
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import PurePath

import networkx as nx
import numpy as np
from pyvis.network import Network

from ..errors import VizError
from ..records import Source
from .layout import clear_hubs, force_layout
from .style import EDGE_COLOURS, NODE_STYLES, node_style, node_value, short_label, variants_support
from .views import Selection, display_name

__all__ = ["build_page", "remote_references", "json_for_html", "page_options", "drawn_sizes"]

_ABSTRACT_CHARS = 4000  # whole abstracts (a few thousand characters); a full text pasted in is cut
_REMOTE_TAG = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>",
    re.I | re.S,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)
_OLD_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.S)  # pyvis' commented-out local vis.js
# Anything that makes the browser fetch by itself: resource tags and CSS.  (<a href> only
# navigates when the user clicks it, so it is not a request the page makes.)
_FETCHING = re.compile(
    r"<(?:script|link|img|iframe|embed|source|video|audio|object|input)\b[^>]*?\b(?:src|href|data|poster)\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)"
    r"|url\(\s*[\"']?\s*((?:https?:)?//[^\"')\s]+)"
    r"|@import\s+[\"']?\s*((?:https?:)?//[^\"';\s]+)",
    re.I,
)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|type\s*=\s*[\"']?application/json))[^>]*>(.*?)</script\s*>", re.I | re.S)


def remote_references(page: str) -> list[str]:
    """URLs the browser would fetch on its own when opening ``page``."""
    return [next(g for g in m.groups() if g) for m in _FETCHING.finditer(page)]


def json_for_html(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    >>> json_for_html({"t": "</script><img src=x onerror=alert(1)>&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_SIZE_MIN, _SIZE_MAX = 8, 40  # vis-network's node size (radius, canvas units) for the least and most linked
HUB_SIZE = 16  # a node this big keeps its disc clear of smaller nodes (see layout.clear_hubs)
_LABEL_SCALING = {"enabled": True, "min": 11, "max": 18, "drawThreshold": 7, "maxVisible": 40}
# a paper's label is a long title cut short: in a crowded view it is drawn only from 24 px on
# screen (zoomed in 1.3-2.2x, by the paper's size), so the scale a search lands on (1) shows the
# entities' names over paper dots, not a wall of titles; hover or the panel gives a title
CROWDED_VIEW = 300
CROWDED_PAPERS = 20
PAPER_LABEL_SCALING = {"min": _SIZE_MIN, "max": _SIZE_MAX, "label": {**_LABEL_SCALING, "drawThreshold": 24}}
_PAPER_FOCUS_SCALE = 24 / _LABEL_SCALING["min"]  # a search or click that lands on a paper zooms to where its title is drawn


def page_options(node_count: int) -> dict:
    """vis-network options: physics off (positions are precomputed), straight edges."""
    big = node_count > 800
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 5,
            "font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": _SIZE_MIN, "max": _SIZE_MAX, "label": _LABEL_SCALING},
        },
        "edges": {
            "smooth": False,
            "width": 1,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
            "color": {"inherit": False, "opacity": 0.7},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def drawn_sizes(values: list[float]) -> list[float]:
    """The radius vis-network draws each node at, from its ``value`` (its default linear scaling).

    >>> drawn_sizes([1.0, 2.0, 3.0]), drawn_sizes([2.0, 2.0])
    ([8.0, 24.0, 40.0], [24.0, 24.0])
    """
    low, high = min(values), max(values)
    if high == low:
        return [(_SIZE_MIN + _SIZE_MAX) / 2.0] * len(values)
    return [_SIZE_MIN + (v - low) / (high - low) * (_SIZE_MAX - _SIZE_MIN) for v in values]


def _asset(name: str) -> str:
    return resources.files("kg").joinpath("viz_assets", name).read_text(encoding="utf-8")


def _clean(value):
    """JSON-ready copy of an attribute value (sets/tuples -> lists, odd objects -> str)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_clean(v) for v in value]
    return str(value)


def _node_details(attrs: dict, node, degree: int) -> dict:
    label = attrs.get("label", "")
    out = {"label": label, "key": str(attrs.get("key") or node), "name": display_name(attrs, node), "degree": degree}
    if label == "Paper":
        abstract = str(attrs.get("abstract") or "")
        if len(abstract) > _ABSTRACT_CHARS:
            abstract = abstract[: _ABSTRACT_CHARS - 1].rstrip() + "…"
        out.update(
            year=_clean(attrs.get("year")),
            external_id=_clean(attrs.get("external_id")),
            merged_ids=_clean(attrs.get("merged_ids") or []),
            url=_clean(attrs.get("url")),
            authors=_clean(attrs.get("authors") or []),
            abstract=abstract,
            sources=[_file_and_line(str(source)) for source in attrs.get("sources") or []],
            links=_clean(attrs.get("links") or []),
        )
    else:
        out.update(aliases=_clean(attrs.get("aliases") or []), support=_clean(attrs.get("support")), url=_clean(attrs.get("url")))
    return {k: v for k, v in out.items() if v not in (None, "", [])}


# undrawn relationships a panel lists, the rest counted: all of a paper's (a few), an entity's first
# ten (a hub's left-out papers can be thousands, and their titles made a 10k page 43% bigger)
_UNDRAWN_LISTED = {True: 30, False: 10}


def _undrawn_details(undrawn: list, of_paper: bool, abstract: str = "") -> list[dict]:
    """The first of a node's relationships to nodes left out of the view, for its panel (a
    paper's with their evidence sentences)."""
    out = []
    for kind, name, label, outgoing, sentence, key in undrawn[:_UNDRAWN_LISTED[of_paper]]:
        item = {"type": kind, "name": name, "label": label, "out": outgoing, "key": key}
        if of_paper and sentence:
            item.update(_evidence(sentence, abstract))
        out.append(item)
    return out


def _evidence(sentence: str, abstract: str) -> dict:
    """A sentence of the paper's abstract as its place there ("at": start and end), which the page
    cuts from the abstract it holds anyway; any other sentence (the title's) as written.  Evidence
    sentences had been a ninth of a page.

    Places count UTF-16 code units, as JavaScript's ``slice`` does ("𝑥" is two):

    >>> _evidence("We use GSM8K.", "Intro. We use GSM8K. More."), _evidence("A Title", "Intro.")
    ({'at': [7, 20]}, {'sentence': 'A Title'})
    >>> _evidence("We use 𝑥.", "Let 𝑥 be. We use 𝑥.")
    {'at': [11, 21]}
    """
    at = abstract.find(sentence) if sentence else -1
    if at < 0:
        return {"sentence": sentence}
    start = _utf16_length(abstract[:at])
    return {"at": [start, start + _utf16_length(sentence)]}


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _file_and_line(source: str) -> str:
    """ "/home/me/corpus/a.jsonl:12" -> "a.jsonl:12": a shared page does not show the build machine's folders."""
    parsed = Source.parse(source)
    return str(Source(PurePath(parsed.path).name, parsed.line)) if parsed.line else PurePath(parsed.path).name


def _edge_details(attrs: dict, source, target, abstract: str = "") -> dict:
    keys = ("type", "role", "text", "rule", "confidence", "url")
    out = {k: _clean(attrs.get(k)) for k in keys}
    out.update({"from": str(source), "to": str(target)})
    if sentence := _clean(attrs.get("sentence")):
        out.update(_evidence(str(sentence), abstract))
    return {k: v for k, v in out.items() if v not in (None, "")}


def _legend(graph: nx.DiGraph) -> str:
    counts: dict[str, int] = {}
    for _, attrs in graph.nodes(data=True):
        counts[attrs.get("label", "")] = counts.get(attrs.get("label", ""), 0) + 1
    edge_types: dict[str, int] = {}
    for *_, attrs in graph.edges(data=True):
        edge_types[attrs.get("type", "")] = edge_types.get(attrs.get("type", ""), 0) + 1
    rows = []
    for label in [*NODE_STYLES, *sorted(set(counts) - set(NODE_STYLES))]:
        if label in counts:
            style = node_style(label)
            rows.append(
                f'<li data-kg-label="{html.escape(label)}" role="button" tabindex="0" aria-pressed="true" '
                f'title="Click to hide or show the {html.escape(label)} nodes">'
                f'<span class="kg-sym" style="color:{html.escape(style.colour)}">{style.symbol}</span>'
                f"{html.escape(label)} <span class=\"kg-n\">{counts[label]}</span></li>"
            )
    for kind in [*EDGE_COLOURS, *sorted(set(edge_types) - set(EDGE_COLOURS))]:
        if kind in edge_types:
            colour = EDGE_COLOURS.get(kind, "#999999")
            dash = " kg-dash" if kind == "VARIANT_OF" else ""
            rows.append(
                f'<li><span class="kg-line{dash}" style="border-color:{html.escape(colour)}"></span>'
                f"{html.escape(kind)} <span class=\"kg-n\">{edge_types[kind]}</span></li>"
            )
    return "<ul>" + "".join(rows) + "</ul>"


def _chrome(selection: Selection, nodes: int, edges: int) -> str:
    message = (f'<div id="kg-message" role="status"><span id="kg-message-text">{html.escape(selection.message)}</span>'
               '<button id="kg-message-close" type="button" aria-label="Dismiss this note">×</button></div>'
               if selection.message else "")
    return (
        '<header id="kg-bar"><strong>paper-kg</strong>'
        f'<span id="kg-title">{html.escape(selection.title)}</span>'
        f'<span id="kg-count">{nodes} nodes · {edges} edges</span>'
        '<input id="kg-search" type="search" placeholder="Find a paper or entity…" autocomplete="off" aria-label="Find a node">'
        '<button id="kg-fit" type="button" title="Show the whole view">Fit</button>'
        "</header>"
        '<div id="kg-search-status" role="status" aria-live="polite" hidden></div>'
        f"{message}"
        f'<details id="kg-legend" open><summary>Legend</summary>{_legend(selection.graph)}'
        '<p class="kg-hint">Click a type to hide or show it. Size: papers naming it (a family no paper names: papers naming '
        'its variants); papers are all one size. Arrow: paper → what it names. Orange ring: centre or selection; '
        'a selection fades what it does not touch.</p></details>'
        '<aside id="kg-details" aria-live="polite"><p class="kg-hint">Hover for a summary; click a node or an edge '
        "for its details and evidence. Drag to pan, scroll to zoom.</p></aside>"
        '<div id="kg-tooltip" role="tooltip" hidden></div>'
    )


def _by_label(named: tuple) -> dict[str, list[str]]:
    """(name, label) pairs as each label's names: a label once, not once a name, on a page that
    lists a thousand left-out names.

    >>> _by_label((("MALT", "Method"), ("MALT: Improving", "Paper"), ("Zorb", "Method")))
    {'Method': ['MALT', 'Zorb'], 'Paper': ['MALT: Improving']}
    """
    out: dict[str, list[str]] = {}
    for name, label in named:
        out.setdefault(label, []).append(name)
    return out


def _csp(page: str) -> str:
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in _INLINE_SCRIPT.findall(page)})
    policy = (
        "default-src 'none'; script-src " + " ".join(hashes) + "; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    return f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">'


def build_page(selection: Selection, *, seed: int = 0) -> str:
    """The HTML text of a view.  Node positions come from :func:`force_layout`."""
    graph = selection.graph
    positions = force_layout(graph, seed=seed)
    scale = 60.0 * len(graph) ** 0.5 + 150.0
    # sub-linear: one hub must not dwarf the rest
    values = {node: round(node_value(attrs, graph.degree(node), variants_support(graph, node) if attrs.get("support") == 0 else 0)
                          ** 0.5, 3) for node, attrs in graph.nodes(data=True)}
    nodes = sorted(graph, key=str)
    sizes = drawn_sizes([values[node] for node in nodes]) if nodes else []
    if nodes:  # no smaller node drawn on a hub, where it would take the hub's clicks
        cleared = clear_hubs(np.array([positions[node] for node in nodes]) * scale, np.array(sizes), hub=HUB_SIZE)
        positions = {node: (float(x), float(y)) for node, (x, y) in zip(nodes, cleared)}
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    details: dict[str, dict] = {}
    # many titles at once pile onto each other and onto the entities' names: they wait for a zoom-in
    crowded = len(graph) > CROWDED_VIEW or sum(1 for _, label in graph.nodes(data="label") if label == "Paper") > CROWDED_PAPERS
    # the bigger a node, the later it is drawn, so that where two still touch, the bigger one
    # is on top and takes the click
    for node, _ in sorted(zip(nodes, sizes), key=lambda item: item[1]):
        attrs = graph.nodes[node]
        node_id = str(node)
        label = attrs.get("label", "")
        style = node_style(label)
        degree = graph.degree(node)
        x, y = positions[node]
        net.add_node(
            node_id,
            label=short_label(display_name(attrs, node)) or node_id,
            shape=style.shape,
            color={"background": style.colour, "border": "#333333",
                   "highlight": {"background": style.colour, "border": "#D55E00"},  # found or clicked: an orange ring
                   "hover": {"background": style.colour, "border": "#000000"}},
            value=values[node],
            x=round(x, 1),
            y=round(y, 1),
            kgType=label,
            borderWidth=3 if node == selection.center else 1,
            **({"scaling": PAPER_LABEL_SCALING} if label == "Paper" and crowded else {}),
        )
        details[node_id] = _node_details(attrs, node, degree)
        if undrawn := selection.undrawn.get(node):
            details[node_id]["undrawn"] = _undrawn_details(undrawn, attrs.get("label") == "Paper", details[node_id].get("abstract", ""))
            details[node_id]["undrawn_count"] = len(undrawn)
    edge_details: dict[str, dict] = {}
    for i, (source, target, attrs) in enumerate(graph.edges(data=True)):
        edge_id = f"e{i}"
        kind = attrs.get("type", "")
        net.add_edge(str(source), str(target), id=edge_id, color=EDGE_COLOURS.get(kind, "#999999"),
                     dashes=kind == "VARIANT_OF", kgType=kind)
        edge_details[edge_id] = _edge_details(attrs, source, target, details.get(str(source), {}).get("abstract", ""))
    net.options = page_options(len(graph))
    page = net.generate_html(name="view.html")

    page = _REMOTE_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page, count=2)
    page = _OLD_COMMENT.sub("", page, count=1)
    data = {"title": selection.title, "message": selection.message,
            "center": None if selection.center is None else str(selection.center),
            "nodes": details, "edges": edge_details, "elsewhere": _by_label(selection.elsewhere),
            "paperScale": _PAPER_FOCUS_SCALE if crowded else 1.0}
    # Split at the real </head> (the last one: the in-line libraries come before it) so that
    # nothing is ever inserted into the middle of a script.
    head, sep, body = page.rpartition("</head>")
    if not sep or "<body>" not in body or "</body>" not in body or "<head>" not in head:
        raise VizError("unexpected page layout from pyvis", fix="use pyvis 0.3.2")
    head += f"<title>{html.escape('paper-kg: ' + selection.title)}</title>\n<style>{_asset('viz.css')}</style>\n"
    body = body.replace("<body>", "<body>\n" + _chrome(selection, len(graph), graph.number_of_edges()), 1)
    body, sep, rest = body.rpartition("</body>")
    body += (f'<script type="application/json" id="kg-data">{json_for_html(data)}</script>\n'
             f"<script>{_asset('viz.js')}</script>\n{sep}{rest}")
    page = head + "</head>" + body
    page = page.replace("<head>", "<head>\n" + _csp(page), 1)
    leftovers = remote_references(page)
    if leftovers:  # pyvis changed what it writes; fail rather than ship a page that phones home
        raise VizError(f"the page would load remote resources: {', '.join(leftovers[:3])}",
                       fix="report this with your pyvis version (pyvis 0.3.2 is known to work)")
    return page

