"""Records -> a typed networkx graph: Paper and entity nodes, relationships with evidence.

Node attributes: ``label`` (Paper, Dataset, Model, Method, Task, Metric, Repository),
``key`` (the node id, deterministic) and the properties stored in the database.
Edge attributes: ``type`` (PROPOSES, USES, EVALUATES_ON, ADDRESSES, MEASURES,
VARIANT_OF, RELEASES_CODE) plus evidence (``text``, ``sentence``, ``start``, ``end``,
``rule``, ``confidence``, and ``sentence_starts``/``sentence_ends``: where each sentence naming the
entity starts and ends).

>>> from kg.records import Paper, Entity, PaperEntities
>>> e = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8k", "On GSM8k.", 3, 8, "gazetteer")
>>> g = build_graph([PaperEntities(Paper("p-1", "T", "On GSM8k."), (e,))])
>>> g.nodes["dataset:gsm8k"]["support"], g.edges["p-1", "dataset:gsm8k"]["type"]
(1, 'EVALUATES_ON')
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator

import networkx as nx

from .normalise import (curated_family, curated_family_of_key, curated_name, entity_key, fold_pairs, follow_list_edits, listed_sizes,
                        model_family)
from .code_release import SENTENCE_END, code_statement
from .records import PaperEntities, paper_text

__all__ = [
    "coined_entities",
    "variant_closure",
    "LABELS",
    "ENTITY_LABELS",
    "LIST_PROPERTIES",
    "REPLACED_ON_RELOAD",
    "RELATIONSHIP_TYPES",
    "relationship_types_between",
    "relationship_type",
    "repository_key",
    "build_graph",
    "EMPTY_MENTION",
    "EMPTY_NODE",
    "merge_graphs",
    "known_entities",
    "fold_entities",
]

ENTITY_LABELS = {"DATASET": "Dataset", "MODEL": "Model", "METHOD": "Method", "TASK": "Task", "METRIC": "Metric"}
ENTITY_TYPE_OF_LABEL = {label: entity_type for entity_type, label in ENTITY_LABELS.items()}  # "Dataset" -> "DATASET"
# List properties that grow by union across loads and merges instead of being overwritten
# (a repeated value is kept once): aliases of an entity, the input records (sources) of a paper
# and the input ids of copies merged into it, and, in a store, the keys of an entity's name and
# aliases that lookups by name compare with.
# properties a paper's reload replaces, None too (its text says no more that its code is released):
# every other property keeps its value where the new copy has none
REPLACED_ON_RELOAD = {"code_statement": frozenset({"Paper"})}
LIST_PROPERTIES = {"aliases": frozenset(ENTITY_LABELS.values()), "sources": frozenset({"Paper"}),
                   "merged_ids": frozenset({"Paper"}),
                   # the store's own: see kg.store.rows
                   "name_keys": frozenset(ENTITY_LABELS.values()), "lower_names": frozenset(ENTITY_LABELS.values())}
LABELS = ("Paper", *ENTITY_LABELS.values(), "Repository")
# every property a node or relationship of the graph can carry (a store adds name_keys, lower_names, search_text
# and plain_title)
PROPERTIES = frozenset({"key", "name", "aliases", "support", "title", "abstract", "authors", "year", "url", "external_id",
                        "merged_ids", "links", "sources", "name_keys", "lower_names", "search_text", "plain_title", "role", "text", "sentence", "start", "end",
                        "rule", "confidence", "sentence_starts", "sentence_ends", "code_statement"})
# what build_graph sets on every node of a label, and on every mention (a paper's link to an
# entity), when empty: a store drops None and [], and kg.store.base.Store.to_graph puts them back
EMPTY_NODE = {
    "Paper": {"external_id": None, "title": None, "abstract": None, "year": None, "url": None, "authors": [],
              "sources": [], "merged_ids": [], "links": [], "code_statement": None},
    "Repository": {"name": None, "url": None},
    "entity": {"name": None, "aliases": [], "support": 0},
}
EMPTY_MENTION = {"role": None, "text": None, "sentence": None, "start": None, "end": None, "rule": None, "confidence": None,
                 "sentence_starts": [], "sentence_ends": []}
_USED_RELATIONSHIP = {"DATASET": "EVALUATES_ON", "MODEL": "USES", "METHOD": "USES", "TASK": "ADDRESSES", "METRIC": "MEASURES"}
RELATIONSHIP_TYPES = ("PROPOSES", "USES", "EVALUATES_ON", "ADDRESSES", "MEASURES", "VARIANT_OF", "RELEASES_CODE")
# the first path part of site pages that are not someone's repository
_SITE_PAGES = frozenset({"collections", "papers", "docs", "blog", "learn", "models", "organizations", "orgs", "topics",
                         "sponsors", "features", "marketplace", "settings", "search", "explore"})
_REPO_URL = re.compile(
    r"https?://(?:www\.)?(github\.com|gitlab\.com|huggingface\.co|bitbucket\.org)/((?:datasets|spaces)/)?([\w.-]+)/([\w.-]+)", re.I)


def relationship_types_between(source: str, target: str) -> tuple[str, ...]:
    """The relationship types that can go from a node labelled ``source`` to one labelled ``target``.

    >>> relationship_types_between("Paper", "Dataset"), relationship_types_between("Model", "Model")
    (('PROPOSES', 'EVALUATES_ON'), ('VARIANT_OF',))
    >>> relationship_types_between("Dataset", "Paper")
    ()
    """
    if source == "Paper" and target in ENTITY_TYPE_OF_LABEL:
        return ("PROPOSES", _USED_RELATIONSHIP[ENTITY_TYPE_OF_LABEL[target]])
    if source == "Paper" and target == "Repository":
        return ("RELEASES_CODE",)
    if source == target and source in ENTITY_TYPE_OF_LABEL:
        return ("VARIANT_OF",)
    return ()


def relationship_type(entity_type: str, role: str) -> str:
    """The relationship from a paper to an entity of this type and role.

    >>> relationship_type("DATASET", "used"), relationship_type("MODEL", "proposed")
    ('EVALUATES_ON', 'PROPOSES')
    """
    return "PROPOSES" if role == "proposed" else _USED_RELATIONSHIP[entity_type]


def repository_key(url: str) -> tuple[str, str] | None:
    """(key, canonical URL) when a URL names a code/model repository, else None.

    >>> repository_key("https://github.com/Org/Repo.git)")
    ('repo:github.com/org/repo', 'https://github.com/Org/Repo')
    >>> repository_key("https://huggingface.co/datasets/BAAI/CCI3-HQ")
    ('repo:huggingface.co/datasets/baai/cci3-hq', 'https://huggingface.co/datasets/BAAI/CCI3-HQ')
    >>> repository_key("https://huggingface.co/collections/org/models-65a1"), repository_key("https://github.com/orgs/x/people")
    (None, None)
    """
    match = _REPO_URL.match(url)
    if not match or match.group(3).lower() in _SITE_PAGES:
        return None  # "huggingface.co/collections/org/...", "github.com/orgs/...": pages, not repositories
    host, kind, owner, name = match.group(1).lower(), (match.group(2) or "").lower(), match.group(3), match.group(4)
    name = re.sub(r"\.git$", "", name.rstrip("."))
    return f"repo:{host}/{kind}{owner.lower()}/{name.lower()}", f"https://{host}/{kind}{owner}/{name}"


def _paper_properties(paper) -> dict:
    return {
        "key": paper.id,
        "external_id": paper.external_id,  # the input's own id ("id" in JSONL/CSV, the arXiv id)
        "title": paper.title,
        "abstract": paper.abstract,
        "year": paper.year,
        "url": paper.url,
        "authors": list(paper.authors),
        "sources": [str(s) for s in paper.sources],
        "merged_ids": list(paper.merged_ids),  # the input ids of copies merged into it: a lookup by one finds it
    }


def build_graph(items: Iterable[PaperEntities]) -> nx.DiGraph:
    """One node per paper and per canonical entity; ``support`` counts papers per entity.

    A paper met twice (the same paper in two shards or corpora) keeps both copies' sources and
    merged ids, and the relationships of its last copy, as a store does when it is loaded again.
    """
    follow_list_edits()
    graph = nx.DiGraph()
    repeated = False
    for item in items:
        paper = item.paper
        properties = _paper_properties(paper)
        if paper.id in graph:
            repeated = True
            for prop in ("sources", "merged_ids"):
                earlier = graph.nodes[paper.id][prop]
                properties[prop] = earlier + [v for v in properties[prop] if v not in earlier]
            graph.remove_edges_from(list(graph.out_edges(paper.id)))
        repositories = [(url, repo) for url in item.links if (repo := repository_key(url))]
        graph.add_node(paper.id, label="Paper", **properties, links=list(item.links),
                       code_statement=None if repositories else code_statement(paper.abstract))
        own = {entity.key for entity in item.entities}
        sized = []
        for entity in item.entities:
            family = entity.family or curated_family_of_key(entity.key)
            sizes = _sizes_written(entity)
            if not sizes or _names_alone(paper, entity, set(sizes.values())):
                forms = {entity.text, *entity.aliases} - {entity.name} - set(sizes.values())
                _link(graph, paper.id, entity, entity.key, entity.name, forms)
            elif entity.key not in graph:  # named only through its sizes: a family node no paper names by itself
                graph.add_node(entity.key, label=ENTITY_LABELS[entity.type], key=entity.key, name=entity.name, aliases=[], support=0)
            _add_families(graph, entity.key, entity.type, family)
            sized += [(entity, size, form) for size, form in sizes.items()]
        # "OPT-2.7B/6.7B": each size a model of its own, a variant of the paper's node for the family;
        # after the paper's own entities, and never over one of them ("Llama-2-7B/70B ... Llama 2-70B")
        for entity, size, form in sized:
            key = entity_key(entity.type, size)
            if key not in own and not graph.has_edge(paper.id, key):
                _link(graph, paper.id, entity, key, size, (), evidence=_evidence(paper, entity, form), rule="size-list")
                if not graph.has_edge(key, entity.key) and key != entity.key:
                    graph.add_edge(key, entity.key, type="VARIANT_OF")
        for url, (key, canonical) in repositories:
            graph.add_node(key, label="Repository", key=key, name=canonical.split("/", 3)[3], url=canonical)
            graph.add_edge(paper.id, key, type="RELEASES_CODE", url=url, sentence=link_sentence(paper, url))
    if repeated:
        graph.remove_nodes_from(_unlinked(graph))
        _recount_support(graph)
    return graph


def _sizes_written(entity) -> dict[str, str]:
    """Each size a model's surface forms list at once ("OPT-2.7B/6.7B"), by name, with the form listing it."""
    if entity.type != "MODEL":
        return {}
    return {curated_name(entity.type, size) or size: form
            for form in (entity.text, *entity.aliases) for size in listed_sizes(form, entity.name)}


def _names_alone(paper, entity, lists: set[str]) -> bool:
    """Whether the paper writes the entity by one of its names, as written (case and all), outside
    the size lists and not followed by a size ("We also compare with OPT"; not "opt for", "Pythia 12B")."""
    text = paper_text(paper)
    for form in sorted(lists, key=len, reverse=True):
        text = text.replace(form, " ")
    forms = "|".join(re.escape(form) for form in sorted({entity.name, *entity.aliases} - lists, key=len, reverse=True))
    return re.search(rf"(?<![\w-])(?:{forms})(?![\w-]|[\s-]+\d+(?:\.\d+)?[BMKT]\b)", text) is not None


def _evidence(paper, entity, form: str) -> dict:
    """Where the paper writes ``form``, one of the entity's surface forms: the text, the sentences
    (of those naming the entity, the first writing it first) and the offsets, as an edge keeps them."""
    text = paper_text(paper)
    spans = [(start, end) for start, end in zip(entity.sentence_starts, entity.sentence_ends) if form in text[start:end]]
    if not spans:
        return {}
    start, end = spans[0]
    at = text.find(form, start, end)
    return {"text": form, "sentence": text[start:end], "start": at, "end": at + len(form),
            "sentence_starts": [a for a, _ in spans], "sentence_ends": [b for _, b in spans]}


def _link(graph: nx.DiGraph, paper_id: str, entity, key: str, name: str, aliases, evidence: dict | None = None,
          rule: str | None = None) -> None:
    """The node ``key`` (made if new) linked from the paper, with the entity's evidence (or ``evidence``)."""
    if key not in graph:
        graph.add_node(key, label=ENTITY_LABELS[entity.type], key=key, name=name, aliases=[], support=0)
    node = graph.nodes[key]
    node["support"] += 1
    node["aliases"] = sorted(set(node["aliases"]) | set(aliases))
    graph.add_edge(
        paper_id,
        key,
        type=relationship_type(entity.type, entity.role),
        role=entity.role,
        text=entity.text,
        sentence=entity.sentence,
        start=entity.start,
        end=entity.end,
        rule=rule or entity.rule,
        confidence=entity.confidence,
        sentence_starts=list(entity.sentence_starts),
        sentence_ends=list(entity.sentence_ends),
    )
    if evidence:
        graph.edges[paper_id, key].update(evidence)


_MAX_FAMILY_DEPTH = 5  # Qwen2.5-Math-Instruct -> Qwen2.5-Math -> Qwen2.5 -> Qwen: a few steps at most


def link_sentence(paper, url: str) -> str | None:
    """The sentence of the title or abstract that writes ``url``: a code link's evidence.

    >>> from kg.records import Paper
    >>> paper = Paper("p", "Zorb", "We propose Zorb. Code is at github.com/a/zorb. It is fast.")
    >>> link_sentence(paper, "https://github.com/a/zorb")
    'Code is at github.com/a/zorb.'
    """
    written = url.split("://", 1)[-1]
    for text in (paper.abstract, paper.title):
        at = text.lower().find(written.lower())
        if at < 0:
            continue
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(text) if m.end() <= at]
        start = starts[-1]
        end = next((m.start() for m in SENTENCE_END.finditer(text, at + len(written))), len(text))
        return text[start:end].strip()
    return None


def _add_families(graph: nx.DiGraph, key: str, entity_type: str, family_name: str | None) -> None:
    """VARIANT_OF from ``key`` to its family, and on from a family met for the first time to the
    family the curated lists give it ("Qwen2-72B-Instruct" -> "Qwen2" -> "Qwen")."""
    label = ENTITY_LABELS[entity_type]
    for _ in range(_MAX_FAMILY_DEPTH):
        if not family_name:
            return
        family = entity_key(entity_type, family_name)
        if family == key or graph.has_edge(key, family):
            return
        known = family in graph
        if not known and _curated_as_another_type(entity_type, family_name):
            return  # "Mamba-1.4B" is a model and "Mamba" a curated method: no second, model "Mamba" node
        if not known:
            graph.add_node(family, label=label, key=family, name=family_name, aliases=[], support=0)
        graph.add_edge(key, family, type="VARIANT_OF")
        if known:
            return  # its own family was added when it was first met
        # a family met first here goes on to its own: the curated one, else a sized model's ("Qwen2.5-7B" -> "Qwen2.5")
        key, family_name = family, curated_family(entity_type, family_name) or (
            model_family(family_name) if entity_type == "MODEL" else None)


def _curated_as_another_type(entity_type: str, name: str) -> bool:
    """Whether the curated lists know ``name`` under another type only.

    >>> _curated_as_another_type("MODEL", "Performer"), _curated_as_another_type("MODEL", "Qwen2")
    (True, False)
    """
    if curated_name(entity_type, name) is not None:
        return False
    return any(curated_name(other, name) is not None for other in ENTITY_LABELS if other != entity_type)


def merge_graphs(old: nx.DiGraph, new: nx.DiGraph) -> nx.DiGraph:
    """``old`` with ``new`` merged in, as a store merges a load into what it holds: a node's
    properties are updated, its aliases and sources unioned, a paper in ``new`` keeps only
    the relationships ``new`` gives it (what no paper links any more is dropped), and
    ``support`` is recounted from the papers.

    >>> from kg.records import Paper, Entity, PaperEntities
    >>> def graph(paper_id, text):
    ...     e = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", text, "On it.", 3, 8, "gazetteer")
    ...     return build_graph([PaperEntities(Paper(paper_id, "T", "On it."), (e,))])
    >>> merged = merge_graphs(graph("p-1", "GSM8k"), graph("p-2", "gsm8k"))
    >>> merged.nodes["dataset:gsm8k"]["support"], merged.nodes["dataset:gsm8k"]["aliases"]
    (2, ['GSM8k', 'gsm8k'])
    """
    merged = old.copy()
    for key, data in new.nodes(data=True):
        if key not in merged:
            merged.add_node(key, **data)
            continue
        node = merged.nodes[key]
        for prop, value in data.items():
            if prop in LIST_PROPERTIES:
                node[prop] = [v for v in node.get(prop) or [] if v not in value] + list(value)
            elif value is not None or data.get("label") in REPLACED_ON_RELOAD.get(prop, ()):
                node[prop] = value
    for key, label in new.nodes(data="label"):  # a reloaded paper's relationships are replaced
        if label == "Paper" and key in old:
            merged.remove_edges_from(list(old.out_edges(key)))
    merged.add_edges_from(new.edges(data=True))
    merged.remove_nodes_from(_unlinked(merged))
    _recount_support(merged)
    return merged


def known_entities(graph: nx.DiGraph, replacing: Collection[str] = ()) -> Iterator[tuple[str, str, str, list[str], int, int]]:
    """(type, key, name, aliases, support, proposers) of each entity node, for
    :meth:`kg.normalise.CorpusNames.add_known`; the papers ``replacing`` names (loaded
    again) are not counted.

    >>> from kg.records import Paper, Entity, PaperEntities
    >>> e = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8k", "On it.", 3, 8, "gazetteer")
    >>> list(known_entities(build_graph([PaperEntities(Paper("p-1", "T", "On it."), (e,))])))
    [('DATASET', 'dataset:gsm8k', 'GSM8K', ['GSM8k'], 1, 0)]
    """
    for key, data in graph.nodes(data=True):
        if data.get("label") in ENTITY_TYPE_OF_LABEL:
            support = data.get("support") or 0
            if replacing:
                support -= sum(1 for p in graph.predecessors(key) if p in replacing and graph.nodes[p].get("label") == "Paper")
            yield (ENTITY_TYPE_OF_LABEL[data["label"]], key, data.get("name") or key, list(data.get("aliases") or []),
                   max(0, support), _proposers(graph, key, replacing))


def coined_entities(graph: nx.DiGraph, replacing: Collection[str] = ()) -> Iterator[tuple[str, str, set[str]]]:
    """(type, name, written forms) of each entity a paper of ``graph`` (not among ``replacing``)
    coins: proposes by naming it or defining its abbreviation.  Papers appended to the graph
    link these names as the corpus-wide pass of one build would.

    >>> from kg.records import Paper, Entity, PaperEntities
    >>> e = Entity("method:malt", "MALT", "METHOD", "proposed", "MALT", "We propose MALT.", 11, 15, "proposal")
    >>> list(coined_entities(build_graph([PaperEntities(Paper("p-1", "T", "We propose MALT."), (e,))])))
    [('METHOD', 'MALT', {'MALT'})]
    """
    for paper, key, data in graph.edges(data=True):
        node = graph.nodes[key]
        if data.get("role") == "proposed" and data.get("rule") in ("proposal", "abbreviation") and paper not in replacing \
                and node.get("label") in ENTITY_TYPE_OF_LABEL:
            name = node.get("name") or key
            yield ENTITY_TYPE_OF_LABEL[node["label"]], name, {name, data.get("text") or name, *(node.get("aliases") or [])}


def _proposers(graph: nx.DiGraph, key: str, replacing: Collection[str] = ()) -> int:
    """How many papers (not among ``replacing``) propose the entity ``key``."""
    return sum(1 for p in graph.predecessors(key) if graph.edges[p, key]["type"] == "PROPOSES" and p not in replacing)


def fold_entities(graph: nx.DiGraph, renames: dict[str, str], incoming: Iterable[str] = ()) -> list[tuple[str, str, str]]:
    """Fold entity nodes into the nodes their names now map to (``{old key: new key}``), in
    place: relationships move over (a paper that already links the new node keeps that
    link), the old name and aliases become aliases, and support is recounted.  Which nodes
    fold is :func:`kg.normalise.fold_pairs`'s call; a target must be a node of ``graph`` or
    one of the ``incoming`` keys (the batch that will name it). Returns (label, old, new) for each node folded, for :meth:`kg.store.base.Store.fold`.

    >>> from kg.records import Paper, Entity, PaperEntities
    >>> e = Entity("method:zorbictreelearning", "Zorbic Tree Learning", "METHOD", "used", "Zorbic tree learning", "s", 0, 1, "r")
    >>> g = build_graph([PaperEntities(Paper("p-1", "T", "A."), (e,))])
    >>> fold_entities(g, {"method:zorbictreelearning": "method:ztl"}, incoming=["method:ztl"])
    [('Method', 'method:zorbictreelearning', 'method:ztl')]
    >>> list(g.edges("p-1")), g.nodes["method:ztl"]["aliases"], g.nodes["method:ztl"]["support"]
    ([('p-1', 'method:ztl')], ['Zorbic Tree Learning', 'Zorbic tree learning'], 1)
    >>> from dataclasses import replace
    >>> own = replace(e, key="method:zorbnet", name="Zorb Net", role="proposed")
    >>> fold_entities(build_graph([PaperEntities(Paper("p-2", "T", "A."), (own,))]), {"method:zorbnet": "method:zn"})
    []
    >>> chained = build_graph([PaperEntities(Paper("p-3", "T", "A."), (replace(e, key="method:a"),))])
    >>> fold_entities(chained, {"method:a": "method:b", "method:b": "method:c"})
    []
    """
    incoming = set(incoming)

    def holds(key: str) -> bool:
        return graph.nodes[key].get("label") in ENTITY_LABELS.values() if key in graph else False

    applied = []
    for old, new in list(fold_pairs(renames, holds, incoming.__contains__, lambda key: _proposers(graph, key) > 0)):
        data = graph.nodes[old]
        if new not in graph:
            graph.add_node(new, **{**data, "key": new, "name": None, "aliases": []})  # named by the batch it comes from
        target = graph.nodes[new]
        folded = [data.get("name"), *(data.get("aliases") or [])]
        target["aliases"] = [a for a in dict.fromkeys([*(target.get("aliases") or []), *folded]) if a and a != target.get("name")]
        for source, _, edge in list(graph.in_edges(old, data=True)):
            if source != new and not graph.has_edge(source, new):
                graph.add_edge(source, new, **edge)
        for _, family, edge in list(graph.out_edges(old, data=True)):
            if family != new and not graph.has_edge(new, family):
                graph.add_edge(new, family, **edge)
        graph.remove_node(old)
        applied.append((data["label"], old, new))
    _recount_support(graph)
    return applied


def _recount_support(graph: nx.DiGraph) -> None:
    for key, label in graph.nodes(data="label"):
        if label in ENTITY_LABELS.values():
            graph.nodes[key]["support"] = sum(1 for p in graph.predecessors(key) if graph.nodes[p]["label"] == "Paper")


def _unlinked(graph: nx.DiGraph) -> list[str]:
    """Entities and repositories no paper links, directly or as a family (at any depth) of a linked variant."""
    labels = graph.nodes(data="label")
    linked = {key for key, label in labels if label == "Paper" or any(labels[p] == "Paper" for p in graph.predecessors(key))}
    kept = linked | variant_closure(graph, [key for key in linked if labels[key] != "Paper"], families=True)
    return [key for key in graph if key not in kept]


def variant_closure(graph: nx.DiGraph, starts, families: bool) -> set:
    """``starts`` and, along VARIANT_OF at any depth, their families (``families``) or their variants.

    >>> g = nx.DiGraph([("a", "b"), ("b", "c")]); nx.set_edge_attributes(g, "VARIANT_OF", "type")
    >>> sorted(variant_closure(g, ["a"], families=True)), sorted(variant_closure(g, ["c"], families=False))
    (['a', 'b', 'c'], ['a', 'b', 'c'])
    """
    found, frontier = set(starts), list(starts)
    while frontier:
        node = frontier.pop()
        edges = graph.out_edges(node, data="type") if families else graph.in_edges(node, data="type")
        for source, target, kind in edges:
            other = target if families else source
            if kind == "VARIANT_OF" and other not in found:
                found.add(other)
                frontier.append(other)
    return found
