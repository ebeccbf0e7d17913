"""Which part of the graph a view shows: filters, ego graph, dataset sharing, the size cap.

Everything here works on the networkx graph from :func:`kg.graph.build_graph` and
returns a new subgraph; nothing is drawn.

>>> from kg.records import Paper, Entity, PaperEntities
>>> from kg.graph import build_graph
>>> def ent(name):
...     return Entity("dataset:" + name.lower(), name, "DATASET", "used", name, "On " + name + ".", 0, 1, "t")
>>> g = build_graph([PaperEntities(Paper("p1", "First", ""), (ent("GSM8K"), ent("MATH"))),
...                  PaperEntities(Paper("p2", "Second", ""), (ent("GSM8K"),))])
>>> find_node(g, "gsm8k"), find_node(g, "second")
('dataset:gsm8k', 'p2')
>>> sorted(select(g, view="datasets").graph)
['dataset:gsm8k', 'p1', 'p2']
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ..errors import VizError
from ..graph import ENTITY_TYPE_OF_LABEL, LABELS, variant_closure
from ..ingest.identity import canonical_id
from ..lookup import Candidate, also_names, alternatives, describe, rank, several, tier, ties, whole_words
from ..normalise import coining_paper, name_keys

__all__ = ["VIEWS", "Selection", "parse_types", "find_node", "resolve_node", "display_name", "select"]

VIEWS = ("all", "datasets")
_NARROW = ("narrow the view with kg viz --around NAME [--depth N], --types Dataset,Model or --min-support N, "
           "or raise --max-nodes")
_NARROW_EGO = "narrow it with a smaller --depth, --types Dataset,Model or --min-support N, or raise --max-nodes"


@dataclass(frozen=True)
class Selection:
    """The subgraph to draw and what it is."""

    graph: nx.DiGraph
    title: str
    center: str | None = None
    total: int = 0  # nodes in the view before the size cap
    message: str | None = None
    # (name, label) of the graph's nodes left out of this view: search says so, by type, as the
    # paper "MALT: ..." and the method MALT are two nodes that one search can mean
    elsewhere: tuple[tuple[str, str], ...] = ()
    note: str | None = None  # what else --around names, for the command line (not the page)
    # per drawn node, its relationships to nodes left out of the view (its panel lists them: a
    # paper's own coinage, named by it alone, is what a cut to the most-linked nodes drops first)
    undrawn: dict = field(default_factory=dict)


def display_name(attrs: dict, node: object = "") -> str:
    """A paper's title, an entity's name, else its key."""
    return str(attrs.get("title") or attrs.get("name") or attrs.get("key") or node)


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def parse_types(types) -> frozenset[str] | None:
    """Node labels from "Dataset,model" or a list; None when no filter is asked for.

    >>> sorted(parse_types("dataset, Models"))
    ['Dataset', 'Model']
    """
    if types is None:
        return None
    items = types.split(",") if isinstance(types, str) else list(types)
    by_fold = {label.casefold(): label for label in LABELS}
    chosen, unknown = set(), []
    for item in (str(i).strip() for i in items):
        if not item:
            continue
        label = by_fold.get(item.casefold()) or by_fold.get(item.casefold().removesuffix("s"))
        if label is None:
            unknown.append(item)
        else:
            chosen.add(label)
    if unknown:
        raise VizError(f"unknown node type(s): {', '.join(unknown)}", fix=f"use some of {', '.join(LABELS)}")
    return frozenset(chosen) or None


def _names(attrs: dict) -> tuple[list[str], list[str]]:
    primary = [attrs[k] for k in ("title", "name") if attrs.get(k)]
    return primary, list(attrs.get("aliases") or [])


def find_node(graph: nx.DiGraph, name: str) -> str:
    """The node named ``name``: a key, a paper's title or part of it, an entity's name or alias
    (case-insensitive, any spelling), chosen as :mod:`kg.lookup` says (the rule the
    ``connection`` template follows).  A name no node has, or one that names several nodes equally
    well (two papers' coinages of one name), raises :class:`kg.errors.VizError` (a ``KgError``);
    the latter lists the nodes and gives a key to pass instead."""
    if not isinstance(graph, nx.Graph):
        raise VizError(f"find_node takes a networkx graph, got a {type(graph).__name__}",
                       fix="pass kg.load_graph(workdir), or kg.build_graph(items)")
    return resolve_node(graph, name)[0]


def _coined_in(graph: nx.DiGraph, key: str) -> str:
    """The title of the paper whose own node ``key`` is (``method:kestrel@p-...``), so that nodes
    that share a name can be told apart; "" for any other node."""
    paper = coining_paper(key)
    return str(graph.nodes[paper].get("title") or "") if paper and paper in graph else ""


def resolve_node(graph: nx.DiGraph, name: str) -> tuple[str, str | None]:
    """:func:`find_node`, with a note saying what else ``name`` names (None when nothing)."""
    node, note, _ = _resolve(graph, name)
    return node, note


def _resolve(graph: nx.DiGraph, name: str) -> tuple[str, str | None, list[Candidate]]:
    """:func:`resolve_node`, with the nodes ``name`` names: the chosen one, then its
    :func:`kg.lookup.alternatives` (none for a key, which names one node)."""
    query = canonical_id(" ".join(str(name or "").split()))  # "2403.09876v2" and arXiv's DOI are the paper stored as 2403.09876
    if not query:
        raise VizError("no node named: a paper title, an entity name or a key is needed",
                       fix="pass one, e.g. 'GSM8K' or a title fragment", cli_fix="pass one to --around, e.g. --around GSM8K")
    by_key = [n for n in graph if _fold(n) == _fold(query)]
    if by_key:
        return sorted(by_key, key=str)[0], None, []
    candidates = []
    for node, attrs in graph.nodes(data=True):
        paper = attrs.get("label") == "Paper"
        candidates.append(Candidate(str(node), str(attrs.get("label") or ""), display_name(attrs, node),
                                    0 if paper else _named_support(attrs),
                                    attrs.get("external_id") if paper else None,
                                    () if paper else tuple(str(a) for a in attrs.get("aliases") or ()),
                                    () if paper else tuple(name_keys([display_name(attrs, node)], ENTITY_TYPE_OF_LABEL.get(attrs.get("label")))),
                                    tuple(attrs.get("merged_ids") or ()) if paper else (), _coined_in(graph, str(node))))
    ranked = rank(query, candidates)
    if not ranked:
        raise VizError(f"no paper or entity named {name!r} in the graph", **_suggest(graph, _fold(query)))
    tied = ties(query, ranked)
    if len(tied) > 1:
        raise VizError(several(repr(name), tied), fix=f"pass one of these keys instead, e.g. {tied[0].key!r}",
                       cli_fix=f"pass one of these keys to --around, e.g. --around {shlex.quote(tied[0].key)}")
    by_id = {str(n): n for n in graph}
    others = alternatives(ranked, query)
    chosen = ranked[0]
    notes = []
    if query in chosen.merged_ids and query not in (chosen.key, chosen.external_id):
        notes.append(f"--around {name!r} is the id of a copy merged into the paper \u201c{chosen.name}\u201d "
                     "as a duplicate; it drew that paper")
    if others:
        notes.append(also_names(f"--around {name!r}", ranked, others, lambda key: f"--around {shlex.quote(key)} draws it"))
    if chosen.is_paper and tier(query, chosen, False)[0] != 0:  # not named exactly (key, id or whole title)
        # a fragment of titles: say how many it fits, and when it is only inside a word ("vi" of "Supervised")
        titles = sum(1 for c in ranked if c.is_paper)
        # "MALT: Improving" is whole words of "MALT: Improving Reasoning" too: punctuation is read alike on both sides
        inside = "" if whole_words(chosen.name, query) or whole_words(chosen.name, re.sub(r"[:,?]", " ", query)) \
            else f", where {name!r} is only part of a word"
        if titles > 1 or inside:
            notes.append(f"--around {name!r} drew the paper \u201c{chosen.name}\u201d{inside}; {titles} title"
                         f"{'s contain' if titles != 1 else ' contains'} it: give more of the title, or the paper's key")
    return by_id[chosen.key], "; ".join(notes) or None, [chosen, *others]


def _suggest(graph: nx.DiGraph, query: str) -> dict[str, str]:
    """The fix for a name no node has: the names spelled like it, else where to find names (as
    :class:`kg.errors.KgError`'s ``fix`` and ``cli_fix``)."""
    names: dict[str, int] = {}
    for node, attrs in graph.nodes(data=True):
        primary, aliases = _names(attrs)
        for text in (*primary, *aliases):
            names.setdefault(str(text), int(attrs.get("support") or 0))
    folded: dict[str, str] = {}
    for text in sorted(names, key=lambda t: (-names[t], t)):
        folded.setdefault(_fold(text), text)  # one spelling per case-insensitive name
    contains = sorted((f for f in folded if query in f), key=lambda f: (-names[folded[f]], len(f), f))[:5]
    close = difflib.get_close_matches(query, list(folded), n=5, cutoff=0.6)
    picks = [folded[f] for f in dict.fromkeys(contains + close)][:6]
    if not picks:
        return {"fix": "check the spelling; kg.query('top_entities', {'limit': 100}) lists entity names, "
                       "kg.query('search_papers', {'query': WORDS}) finds papers",
                "cli_fix": "check the spelling; `kg query top_entities --param limit=100` lists entity names, "
                           "`kg query search_papers --param query=WORDS` finds papers"}
    return {"fix": "did you mean " + ", ".join(repr(p) for p in picks) + "?"}


def _support(graph: nx.DiGraph, node, attrs: dict) -> int:
    if isinstance(attrs.get("support"), int):
        return attrs["support"]
    return sum(1 for p in graph.predecessors(node) if graph.nodes[p].get("label") == "Paper")


def _named_support(attrs: dict) -> int:
    """Support as the store keeps it, for choosing the node a name means: a repository has
    none there, so the ``connection`` template ranks it last and so does this."""
    return int(attrs.get("support") or 0)


def _filtered(graph: nx.DiGraph, labels, min_support: int, keep: set) -> nx.DiGraph:
    nodes = []
    for node, attrs in graph.nodes(data=True):
        label = attrs.get("label")
        if node in keep or label == "Paper":
            nodes.append(node)
        elif (labels is None or label in labels) and (min_support <= 1 or _support(graph, node, attrs) >= min_support):
            nodes.append(node)
    sub = graph.subgraph(nodes)
    if labels is not None or min_support > 1:
        # Papers left with none of the asked-for entities say nothing about the filter.
        sub = sub.subgraph([n for n in sub if n in keep or sub.degree(n) > 0])
    return sub


def _dataset_sharing(graph: nx.DiGraph, min_papers: int) -> nx.DiGraph:
    """Papers and the datasets that at least ``min_papers`` of them use (bipartite)."""
    is_paper = {n for n, a in graph.nodes(data=True) if a.get("label") == "Paper"}
    datasets = {n for n, a in graph.nodes(data=True) if a.get("label") == "Dataset"}
    links = [(p, d) for p, d in graph.edges() if p in is_paper and d in datasets]
    count = Counter(d for _, d in links)
    shared = {d for d, c in count.items() if c >= min_papers}
    edges = [(p, d) for p, d in links if d in shared]
    edges += [(a, b) for a, b in graph.edges() if a in shared and b in shared]
    return graph.edge_subgraph(edges)


def _within(graph: nx.DiGraph, center, depth: int) -> set:
    """The nodes within ``depth`` links of ``center``, or of one of its variants: a family's view
    holds the papers of its variants, as ``papers_using`` lists them (Whisper's, those that name
    Whisper large-v3).

    >>> g = nx.DiGraph([("p1", "fam"), ("v", "fam"), ("p2", "v"), ("p2", "d")])
    >>> nx.set_edge_attributes(g, {("v", "fam"): "VARIANT_OF"}, "type")
    >>> sorted(_within(g, "fam", 1)), sorted(_within(g, "p1", 1))
    (['fam', 'p1', 'p2', 'v'], ['fam', 'p1'])
    """
    variants = {center} if graph.nodes[center].get("label") == "Paper" else variant_closure(graph, [center], families=False)
    lengths = nx.multi_source_dijkstra_path_length(graph.to_undirected(as_view=True), variants, cutoff=depth)
    return set(lengths)


def _cap(graph: nx.DiGraph, max_nodes: int, center) -> tuple[nx.DiGraph, str | None]:
    total = graph.number_of_nodes()
    if total <= max_nodes:
        return graph, None
    degree = dict(graph.degree())
    if center is not None:
        distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center)
        far = len(graph) + 1
        ranked = sorted(graph, key=lambda n: (distance.get(n, far), -degree[n], -int(graph.nodes[n].get("support") or 0), str(n)))
        chosen, order = ranked[:max_nodes], "nearest, then highest-degree ones"
    else:
        chosen, order = _backbone(graph, degree, max_nodes), "most-linked entities and the papers that join them"
    kept = graph.subgraph(chosen)
    # Nodes whose every neighbour was cut would float alone; drop them as well.
    kept = kept.subgraph([n for n in kept if n == center or kept.degree(n) > 0 or degree[n] == 0])
    return kept, f"showing {kept.number_of_nodes()} of {total} nodes (the {order}); {_NARROW if center is None else _NARROW_EGO}"


def _backbone(graph: nx.DiGraph, degree: dict, max_nodes: int) -> list:
    """Half the budget to the most-linked entities, the rest to the papers linking most of
    them, with the repositories they release.  Ranking every node by degree alone keeps only entities on a large corpus (papers
    have a handful of links each), and entities without their papers float unconnected.

    >>> from kg.viz.demo import synthetic_graph
    >>> g = synthetic_graph(3000, seed=1)
    >>> picked = g.subgraph(_backbone(g, dict(g.degree()), 300))
    >>> len(picked) == 300 and sum(d == 0 for _, d in picked.degree()) < 30
    True
    """
    def is_paper(node) -> bool:
        return graph.nodes[node].get("label") == "Paper"

    entities = sorted((n for n in graph if not is_paper(n)), key=lambda n: (-degree[n], str(n)))
    chosen = set(entities[: max_nodes // 2])
    links = {n: sum(1 for m in nx.all_neighbors(graph, n) if m in chosen) for n in graph if is_paper(n)}
    papers = sorted((p for p, k in links.items() if k), key=lambda p: (-links[p], -degree[p], str(p)))
    for paper in papers:  # each with the code repositories it releases (one link each, never "most-linked")
        repositories = [n for n in graph.successors(paper) if graph.nodes[n].get("label") == "Repository"]
        if len(chosen) + 1 + len(repositories) > max_nodes:
            continue  # a paper with fewer repositories may still fit
        chosen.add(paper)
        chosen.update(repositories)
    chosen.update([n for n in entities if n not in chosen][: max_nodes - len(chosen)])
    return sorted(chosen, key=lambda n: (-degree[n], str(n)))


def select(
    graph: nx.DiGraph,
    *,
    view: str = "all",
    around: str | None = None,
    depth: int = 1,
    types=None,
    min_support: int = 1,
    max_nodes: int = 1500,
) -> Selection:
    """The subgraph for a view.  Raises :class:`VizError` when the request cannot be met."""
    if view not in VIEWS:
        raise VizError(f"unknown view {view!r}", fix=f"use one of {', '.join(VIEWS)}")
    for option, value, low in (("depth", depth, 1), ("min_support", min_support, 1), ("max_nodes", max_nodes, 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            flag = "--" + option.replace("_", "-")
            raise VizError(f"{option} must be a whole number >= {low}, got {value!r}", fix=f"pass {option}={low} or more",
                           cli_fix=f"pass {flag} {low} or more")
    labels = parse_types(types)
    if graph.number_of_nodes() == 0:
        raise VizError("the graph is empty", fix="build one first (kg.build, or kg.build_graph of extracted papers)",
                       cli_fix="run `kg build` first (or give it input files)")
    center, note, readings = _resolve(graph, around) if around is not None else (None, None, [])

    if view == "datasets":
        if labels is not None:
            raise VizError("--types does not apply to --view datasets (it shows papers and datasets)", fix="drop --types")
        min_papers = max(2, min_support)
        sub = _dataset_sharing(graph, min_papers)
        title = f"Papers linked through datasets used by {min_papers}+ papers"
        if center is not None and center not in sub:
            center, note = _reading_in_view(graph, sub, around, center, note, readings, min_papers)
    else:
        sub = _filtered(graph, labels, min_support, {center} if center is not None else set())
        parts = []
        if labels is not None:
            parts.append("types " + ", ".join(sorted(labels)))
        if min_support > 1:
            parts.append(f"support >= {min_support}")
        title = "Whole graph" if center is None else "Ego graph"
        if parts:
            title += f" ({'; '.join(parts)})"

    if center is not None:
        sub = sub.subgraph(_within(sub, center, depth)).copy()
        name = display_name(graph.nodes[center], center)
        title = f"{title} around {graph.nodes[center].get('label')} \u201c{name}\u201d, depth {depth}"
    if sub.number_of_nodes() == 0:
        raise VizError(f"nothing to show: no node passes the filters ({title})",
                       fix="lower --min-support, add types to --types, or try --view all")
    total = sub.number_of_nodes()
    sub, message = _cap(sub, max_nodes, center)
    shown = set(sub)
    elsewhere = tuple(sorted({(display_name(attrs, node), str(attrs.get("label") or "")) for node, attrs in graph.nodes(data=True)
                              if node not in shown}))
    if message and center is None:  # a cut view says so in its title, filters and all
        title = f"{title}: {len(shown)} of {total} nodes, the most linked"
    return Selection(graph=nx.DiGraph(sub), title=title, center=center, total=total, message=message, elsewhere=elsewhere,
                     note=note, undrawn=undrawn_links(graph, shown))


def _reading_in_view(graph: nx.DiGraph, sub: nx.DiGraph, around: str, center, note: str | None,
                     readings: list[Candidate], min_papers: int) -> tuple[str, str]:
    """The node ``around`` names that the datasets view holds, when the one it means first is not
    there ("MALT" is the method MALT, and names the paper "MALT: ..." too), with the note that says
    which it drew.  Raises when no node it names is in the view, or several are (then only a key
    tells them apart)."""
    label = graph.nodes[center].get("label")
    why = "it is not a paper or dataset" if label not in ("Paper", "Dataset") else f"it shares no dataset used by {min_papers}+ papers"
    by_id = {str(n): n for n in sub}
    inside = [c for c in readings[1:] if c.key in by_id]
    if len(inside) == 1:
        return by_id[inside[0].key], (f"--around {around!r} drew {describe(inside[0])}, the one node it names that the datasets "
                                      f"view holds; {describe(readings[0])}, which it names first, is not in that view: {why}")
    if inside:
        listed = "; ".join(f"{describe(c)}: --around {shlex.quote(c.key)}" for c in inside)
        raise VizError(f"{around!r} names {len(inside)} nodes of the datasets view", fix=f"pass one's key: {listed}")
    also = f"; {note}" if note else ""  # "--around 'malt' is Method “MALT”; it also names the paper ...: --around p-... draws it"
    raise VizError(f"{around!r} is not in the datasets view: {why}",
                   fix=f"use --view all, or name a paper or dataset that is shared{also}")


def undrawn_links(graph: nx.DiGraph, shown: set) -> dict:
    """Per drawn node, its relationships with nodes left out of the view, as (type, the other
    node's name, its label, outgoing, sentence, its key), proposals first: what its panel adds to
    the drawn ones (the key, not the name, is what `kg viz --around` draws unambiguously).

    >>> g = nx.DiGraph()
    >>> g.add_node("p", label="Paper", title="Zorb"); g.add_node("m", label="Method", name="Zorb")
    >>> g.add_edge("p", "m", type="PROPOSES", sentence="We propose Zorb.")
    >>> undrawn_links(g, {"p"})
    {'p': [('PROPOSES', 'Zorb', 'Method', True, 'We propose Zorb.', 'm')]}
    """
    def described(other, kind, outgoing, sentence):
        attrs = graph.nodes[other]
        return kind, display_name(attrs, other), attrs.get("label", ""), outgoing, sentence, str(attrs.get("key") or other)

    out: dict = {}
    for node in shown:
        links = [described(other, kind, True, sentence) for _, other, kind, sentence in _typed(graph.out_edges(node, data=True))
                 if other not in shown]
        links += [described(other, kind, False, sentence) for other, _, kind, sentence in _typed(graph.in_edges(node, data=True))
                  if other not in shown]
        if links:
            out[node] = sorted(links, key=lambda link: (link[0] != "PROPOSES", not link[3], link[0], link[1]))
    return out


def _typed(edges):
    return ((source, target, attrs.get("type", ""), attrs.get("sentence")) for source, target, attrs in edges)
