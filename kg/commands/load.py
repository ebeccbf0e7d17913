"""`kg load`: load the graph `kg build` saved into Neo4j (or the embedded store)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..shards import check_first_records, shard_files
from ..store import DEFAULT_BATCH_SIZE
from ..writable import check_writable
from ._help import HelpFormatter


def register(sub) -> None:
    parser = sub.add_parser(
        "load",
        help="load the built graph, or `kg extract` shard files, into Neo4j (--neo4j) or the embedded store",
        description="Load the graph that `kg build` saved (WORKDIR/graph.json), or the JSONL files `kg extract` wrote "
        "(PATHS: one or many shards, streamed a few thousand papers at a time), into Neo4j with the official driver: "
        "constraints and indexes first (IF NOT EXISTS), then nodes and relationships as UNWIND ... MERGE batches, "
        "each in a managed, retried transaction. Loading is idempotent and incremental: re-running changes "
        "nothing, new papers are added, support counts are recounted and aliases merged; a paper loaded again "
        "has its relationships replaced, and what no paper links any more is removed; an interrupted load "
        "is finished by running it again. Shards are merged: names are unified across all PATHS before loading, "
        "and a paper found in several shards keeps every source and the relationships of its last copy. Without --neo4j it loads the embedded store; "
        "shards loaded into a built workdir's store (WORKDIR/store) also rewrite WORKDIR/graph.json from it, so kg viz and kg export see them.",
        epilog="Examples:\n"
        "  docker compose up -d --wait        # Neo4j 5 from docker-compose.yml (.env: NEO4J_AUTH)\n"
        "  kg load --neo4j                    # NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD or .env\n"
        "  kg load --neo4j bolt://db:7687 --user neo4j --database neo4j --batch-size 1000\n"
        "  kg load shard-*.jsonl --neo4j      # files from `kg extract --shard K/N` jobs\n"
        "  kg query shared_datasets --neo4j",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="SHARD.jsonl", help="`kg extract` output files, or folders of them (default: WORKDIR/graph.json)")
    parser.add_argument(
        "--neo4j", nargs="?", const="env", default=None, metavar="URI",
        help="load Neo4j (URI, else NEO4J_URI, else .env, else bolt://localhost:7687)",
    )
    parser.add_argument("--user", help="Neo4j user (default: NEO4J_USER, or the user in NEO4J_AUTH, or neo4j)")
    parser.add_argument(
        "--password", help="Neo4j password (default: NEO4J_PASSWORD or NEO4J_AUTH, from the environment or .env; prefer those: a flag shows in `ps`)"
    )
    parser.add_argument("--database", help="Neo4j database (default: NEO4J_DATABASE, else the server's default)")
    parser.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
        help=f"rows per transaction (default: {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument(
        "--replace", action="store_true",
        help="first delete the nodes a previous load left (paper-kg's labels only), e.g. after re-extraction; "
        "by default a load merges into what is there",
    )
    parser.add_argument("--workdir", default=".kg", help="folder `kg build` wrote graph.json to (default: .kg)")
    parser.add_argument("--store", default=None, metavar="DIR", help="embedded store folder (default: WORKDIR/store)")
    parser.set_defaults(run=run)


def read_graph(workdir: str | Path):
    from ..pipeline import load_graph

    return load_graph(workdir)


def load_extracted(paths, store, **kwargs):
    from ..pipeline import load_extracted

    return load_extracted(paths, store, **kwargs)


def open_target(args):
    if args.neo4j:
        from ..store.neo4j import connect

        return connect(None if args.neo4j == "env" else args.neo4j, args.user, args.password, args.database)
    from ..store import EmbeddedStore

    return EmbeddedStore(args.store or Path(args.workdir) / "store")


def run(args) -> int:
    from ..pipeline import follow_store, holds_the_saved_graph, save_store_graph

    if args.batch_size < 1:
        raise InputError(f"--batch-size must be at least 1, got {args.batch_size}", fix="pass e.g. --batch-size 500")
    if not args.neo4j:  # before graph.json or the shards are read
        check_writable(args.store or Path(args.workdir) / "store", inside=True,
                       fix=f"pass {'--store' if args.store else '--workdir'} a folder you can write to")
    graph = None if args.paths else read_graph(args.workdir)
    args.paths = [str(path) for path in shard_files(args.paths)]  # before a store is opened, which would create its folder
    check_first_records(args.paths)  # a corpus file given for a shard fails here, before a store exists
    with open_target(args) as store:
        # shards loaded into a built workdir's own store: graph.json (what kg viz and kg export read) follows
        beside = args.paths and not args.neo4j and not args.store
        in_step = beside and holds_the_saved_graph(store, args.workdir)
        if in_step:
            follow_store(args.workdir)
        where = store.describe() if hasattr(store, "describe") else f"embedded store {store.path}"
        if graph is None:
            print(f"loading {len(args.paths)} extracted file{'s' if len(args.paths) != 1 else ''} into {where}")
        else:
            print(f"loading {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships into {where}")
        if getattr(store, "schema_note", None):
            print(f"note: {store.schema_note}")
        def replace_first():
            if args.replace:
                removed = store.clear()
                print("removed the previous graph" + (f" ({removed} nodes)" if isinstance(removed, int) else ""))

        if graph is not None:
            replace_first()  # graph.json was read whole already
        progress = _progress_bar(None if graph is None else graph.number_of_nodes() + graph.number_of_edges()) if sys.stderr.isatty() else None
        update = progress.update if progress else None
        # the rows are in; recounting support and checking reloaded papers' links can take a while at scale
        finishing = (lambda: progress.set_description("recounting support")) if progress else None
        try:
            if graph is None:
                # every shard line is read before the store is cleared: a bad file leaves it as it was
                report = load_extracted(args.paths, store, batch_size=args.batch_size, progress=update, finishing=finishing,
                                        before_writing=replace_first)
            else:
                report = store.load(graph, batch_size=args.batch_size, progress=update, finishing=finishing)
        finally:
            if progress:
                progress.close()
        counts = store.counts()
        saved = save_store_graph(store, args.workdir) if in_step else None
    print(f"loaded in {report.batches} batches (each of one node label or relationship kind, up to {args.batch_size} rows); "
          "the store now holds:")
    for label, n in sorted(counts.items(), key=lambda kv: (kv[0] == "relationships", kv[0])):
        print(f"  {label:<13} {n}")
    workdir = Path(args.workdir)
    if saved is not None:
        print(f"graph: {workdir / 'graph.json'} rewritten from the store ({saved.number_of_nodes()} nodes), so kg viz, "
              f"kg export and kg build --append see what it holds; {workdir / 'graph.html'} still draws the graph "
              f"before this load: `kg viz --workdir {workdir}` draws it again")
    elif beside and (workdir / "graph.json").exists():
        print(f"note: {workdir / 'graph.json'} did not describe the store before this load, so it was left as it was: "
              "kg viz and kg export read graph.json, not the store")
    return 0


def _progress_bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, desc="loading", unit="row", leave=False)

