"""Where `kg viz` and `kg export` read the graph: `kg build`'s graph.json, or `kg extract` files."""

from __future__ import annotations


def add_graph_source_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="EXTRACTED.jsonl",
                        help="`kg extract` output files, or folders of them, to read instead of WORKDIR/graph.json "
                        "(names are merged across them as `kg load` merges them)")
    parser.add_argument("--workdir", default=".kg", help="folder `kg build` wrote graph.json to (default: .kg)")


def read_graph(args):
    from ..pipeline import graph_from_extracted, load_graph

    return graph_from_extracted(args.paths) if args.paths else load_graph(args.workdir)
