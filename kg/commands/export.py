"""`kg export`: the built graph as GraphML, node-link JSON, or neo4j-admin import CSVs."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ..errors import InputError
from ..export import FORMATS, check_out, export
from ._graph_source import add_graph_source_arguments, read_graph
from ._help import HelpFormatter


def register(sub) -> None:
    parser = sub.add_parser(
        "export",
        help="write the built graph as GraphML, node-link JSON, or CSVs for neo4j-admin import",
        description="Export the graph `kg build` saved (WORKDIR/graph.json), or the one `kg extract` files make. graphml: for Gephi, Cytoscape, yEd "
        "(list properties become JSON text). json: networkx node-link JSON. neo4j-csv: a folder of CSV files in "
        "the layout `neo4j-admin database import full` reads, with import.sh (the exact command) and "
        "schema.cypher (constraints and indexes to create after the import), for corpora too large to load "
        "through transactions.",
        epilog="Examples:\n"
        "  kg export --format graphml --out graph.graphml\n"
        "  kg export --format json --out graph.json\n"
        "  kg export --format json --out - | jq '.nodes | length'   # - is stdout (graphml, json)\n"
        "  kg export --format neo4j-csv --out import/ && sh import/import.sh\n"
        "  kg export shard-*.jsonl --format graphml --out graph.graphml   # from `kg extract` files",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="output format")
    parser.add_argument("--out", required=True, metavar="PATH", help="output file, or - for stdout (a new folder for neo4j-csv)")
    add_graph_source_arguments(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.out == "-":
        return _to_stdout(args)
    check_out(args.format, args.out)  # before a big graph is read
    result = export(read_graph(args), args.format, args.out)
    print(f"wrote {result.nodes} nodes and {result.relationships} relationships as {result.format} to {result.path}")
    if result.command:
        print(f"  {len(result.files) - 2} CSV files, schema.cypher, import.sh; import with (Neo4j stopped):")
        print(f"  cd {result.path} && {result.command}")
    return 0



def _to_stdout(args) -> int:
    """GraphML or JSON on stdout (``--out -``, as `kg extract` takes it), the summary on stderr."""
    if args.format == "neo4j-csv":
        raise InputError("--out - (stdout) cannot take neo4j-csv, which writes a folder of CSV files",
                         fix="pass --out a folder, new or empty, e.g. --out import/")
    if sys.stdout is None:
        raise InputError("--out - is stdout, and stdout is closed", fix="pass --out a file name, or leave stdout open")
    graph = read_graph(args)
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        result = export(graph, args.format, Path(folder) / f"graph.{args.format}")
        try:
            with open(result.path, "rb") as written:
                shutil.copyfileobj(written, sys.stdout.buffer)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # a reader that stopped early (`| head`): `kg` ends quietly
        except OSError as err:  # a full disk behind a redirect
            raise InputError(f"cannot write to stdout: {err.strerror or err}", fix="free space where stdout goes, or pass --out a file name") from err
    print(f"wrote {result.nodes} nodes and {result.relationships} relationships as {result.format} to stdout", file=sys.stderr)
    return 0
