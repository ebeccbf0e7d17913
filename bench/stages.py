"""One benchmark stage per process, so each reports its own peak memory (see bench/run.py).

    python bench/stages.py STAGE --corpus FILE --work DIR [--workers N] [--sample N]

Prints one JSON object: the stage's measured throughput and the baseline measured in the
same process on the same input, with what each one is.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

STAGES = {}


def stage(fn):
    STAGES[fn.__name__] = fn
    return fn


def _timed(fn, *args, **kwargs):
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - started


def _one_core() -> None:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def _texts(corpus: Path, count: int) -> list[str]:
    from kg.extract import paper_text
    from kg.ingest import CorpusReader

    return [paper_text(p) for p in islice(iter(CorpusReader([corpus])), count)]


@stage
def parse(a):
    from kg.ingest import CorpusReader

    def ours():
        reader = CorpusReader([a.corpus])
        return sum(1 for _ in reader), reader.report()

    def baseline():
        with open(a.corpus, encoding="utf-8") as handle:
            return sum(1 for line in handle if json.loads(line))

    (papers, report), seconds = _timed(ours)
    records, base_seconds = _timed(baseline)
    return {"items": report.records, "unit": "records", "seconds": seconds, "baseline": "json.loads of every line",
            "baseline_seconds": base_seconds, "baseline_items": records, "note": f"{papers} papers, {report.duplicates} duplicates"}


@stage
def extract_core(a):
    import spacy

    from kg.extract import build_nlp

    _one_core()
    texts = _texts(a.corpus, a.sample)
    full, bare = build_nlp(), spacy.blank("en")
    list(full.pipe(texts)), list(bare.pipe(texts))  # warm-up: caches of both tokenizers filled
    ours = statistics.median(_timed(lambda: [d for d in full.pipe(texts, batch_size=256)])[1] for _ in range(3))
    base = statistics.median(_timed(lambda: [d for d in bare.pipe(texts, batch_size=256)])[1] for _ in range(3))
    return {"items": len(texts), "unit": "abstracts", "seconds": ours, "baseline": "spaCy blank('en') tokenizer, same texts, 1 core",
            "baseline_seconds": base, "baseline_items": len(texts), "note": "1 core, median of 3"}


@stage
def extract_workers(a):
    from kg.extract import build_nlp, extract
    from kg.ingest import CorpusReader

    papers = list(islice(iter(CorpusReader([a.corpus])), a.sample))
    nlp = build_nlp()
    list(extract(papers, nlp=nlp))  # warm-up: both timed runs then see the same tokenizer cache
    _, one = _timed(lambda: list(extract(papers, nlp=nlp, workers=1)))
    _, many = _timed(lambda: list(extract(papers, nlp=nlp, workers=a.workers)))
    return {"items": len(papers), "unit": "abstracts", "seconds": many, "baseline": "the same extraction on 1 worker",
            "baseline_seconds": one, "baseline_items": len(papers), "note": f"{a.workers} workers vs 1 (speed-up)"}


@stage
def extract_corpus(a):
    from kg.pipeline import extract_to_file

    result, seconds = _timed(extract_to_file, [a.corpus], a.work / "entities.jsonl", workers=a.workers)
    return {"items": result.papers, "unit": "abstracts", "seconds": seconds,
            "note": f"kg extract, {a.workers} workers, both passes, {result.entities} entities written"}


def _items(a):
    from kg.shards import read_items

    return read_items([a.work / "entities.jsonl"])


@stage
def normalise(a):
    from kg.normalise import CorpusNames

    def ours():
        names, n = CorpusNames(), 0
        for item in _items(a):
            names.add(item.entities, item.paper.id)
        for item in _items(a):
            names.apply(item.entities, item.paper.id)
            n += 1
        return n, len(names.names)

    def baseline():
        return sum(1 for _ in _items(a)) + sum(1 for _ in _items(a))

    (papers, entities), seconds = _timed(ours)
    _, base_seconds = _timed(baseline)
    return {"items": papers, "unit": "papers", "seconds": seconds, "baseline": "reading the extracted file twice",
            "baseline_seconds": base_seconds, "baseline_items": papers, "note": f"{entities} distinct entity keys"}


@stage
def graph_build(a):
    import networkx as nx

    import kg.pipeline  # noqa: F401  (every kg command imports spaCy with it: not a cost of building the graph)
    from kg.graph import build_graph

    items = list(islice(_items(a), a.graph_max))
    graph, seconds = _timed(build_graph, items)

    def baseline():
        bare = nx.DiGraph()
        bare.add_edges_from((i.paper.id, e.key) for i in items for e in i.entities)
        return bare

    _, base_seconds = _timed(baseline)
    return {"items": len(items), "unit": "papers", "seconds": seconds, "baseline": "bare nx.DiGraph of the same paper-entity pairs",
            "baseline_seconds": base_seconds, "baseline_items": len(items),
            "note": f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"}


@stage
def load(a):
    from kg.graph import build_graph
    from kg.pipeline import load_extracted
    from kg.store import DEFAULT_BATCH_SIZE, EmbeddedStore

    with EmbeddedStore(a.work / "store") as store:
        store.clear()
        report, seconds = _timed(load_extracted, [a.work / "entities.jsonl"], store, batch_size=DEFAULT_BATCH_SIZE)
    sampled = list(islice(_items(a), a.sample_load))  # fewer than asked for in a small corpus
    sample = build_graph(sampled)
    rows = sample.number_of_nodes() + sample.number_of_edges()
    with EmbeddedStore(a.work / "sample-store") as store:
        store.clear()
        _, batched = _timed(store.load, sample, batch_size=DEFAULT_BATCH_SIZE)
        store.clear()
        _, per_row = _timed(store.load, sample, batch_size=1)
    return {"items": report.nodes + report.relationships, "unit": "rows", "seconds": seconds,
            "baseline": f"1 row per transaction ({len(sampled)} papers; batched: {rows / batched:,.0f} rows/s on the same)",
            "baseline_seconds": per_row, "baseline_items": rows,
            "note": f"streamed from kg extract output, batches of {DEFAULT_BATCH_SIZE}, embedded FalkorDB"}


_QUERIES = [
    ("papers_using", {"name": "GSM8K"}),
    ("paper_entities", {"paper": None}),
    ("shared_datasets", {"limit": 20}),
    ("top_entities", {}),
    ("similar_papers", {"paper": None}),
    ("connection", {"source": "GSM8K", "target": None}),
]


def _query_times(store, paper_key) -> dict[str, float]:
    from kg.queries import run_template

    out = {}
    for name, params in _QUERIES:
        params = {k: (paper_key if v is None else v) for k, v in params.items()}
        run_template(store, name, params)
        out[name] = statistics.median(_timed(run_template, store, name, params)[1] for _ in range(5))
    lookup = "MATCH (d:Dataset {key: $key})<-[r]-(p:Paper) RETURN count(p) AS n"
    out["lookup by key"] = statistics.median(_timed(store.read, lookup, {"key": "dataset:gsm8k"})[1] for _ in range(20))
    return out


@stage
def queries(a):
    from kg.graph import LABELS
    from kg.store import EmbeddedStore

    with EmbeddedStore(a.work / "store") as store:
        paper_key = store.read("MATCH (p:Paper) RETURN p.key AS k ORDER BY p.key LIMIT 1")[0]["k"]
        indexed = _query_times(store, paper_key)
        for label in LABELS:
            for prop in ("key", "name", "name_keys"):
                try:
                    store.write(f"DROP INDEX ON :{label}({prop})")
                except Exception:
                    pass  # no such index (Paper has no name or name_keys index)
        plain = _query_times(store, paper_key)
        store.setup_schema()
    return {"items": len(indexed), "unit": "queries", "seconds": sum(indexed.values()), "baseline": "the same queries with the indexes dropped",
            "baseline_seconds": sum(plain.values()), "baseline_items": len(plain),
            "detail": {name: {"indexed_ms": indexed[name] * 1000, "no_index_ms": plain[name] * 1000} for name in indexed},
            "note": "sum of median latencies (5 runs each)"}


@stage
def html(a):
    from pyvis.network import Network

    from kg import viz
    from kg.graph import build_graph
    from kg.viz.views import select

    graph = build_graph(list(islice(_items(a), 3000)))
    result, seconds = _timed(viz.render, graph, a.work / "graph.html")
    selection = select(graph, max_nodes=1500)

    def baseline():
        net = Network(cdn_resources="in_line")
        for node, data in selection.graph.nodes(data=True):
            net.add_node(node, label=str(data.get("name") or data.get("title") or node))
        for source, target in selection.graph.edges():
            net.add_edge(source, target)
        net.write_html(str(a.work / "pyvis.html"))

    _, base_seconds = _timed(baseline)
    return {"items": result.nodes, "unit": "nodes", "seconds": seconds, "baseline": "pyvis Network.write_html of the same nodes and edges",
            "baseline_seconds": base_seconds, "baseline_items": result.nodes,
            "note": f"page of {result.nodes} nodes / {result.edges} edges from the first 3000 papers"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sample", type=int, default=2000, help="abstracts for the per-core and worker speed-up stages")
    parser.add_argument("--sample-load", type=int, default=1000, help="papers for the batched vs per-row load comparison")
    parser.add_argument("--graph-max", type=int, default=200_000, help="papers for the in-memory graph stage")
    args = parser.parse_args(argv)
    result = STAGES[args.stage](args)
    result["self_peak_mb"] = _own_peak_mb()
    result["child_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 or None
    print(json.dumps(result))
    return 0


def _own_peak_mb() -> float | None:
    """This process's own peak RSS (wait4's figure also folds in its children's)."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024
    except (OSError, StopIteration):
        return None


if __name__ == "__main__":
    sys.exit(main())
