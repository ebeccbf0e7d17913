"""Where `kg viz` and `kg export` read the graph: `kg build`'s graph.json, or `kg extract` files."""

from __future__ import annotations


def add_graph_source_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="EXTRACTED.jsonl",
                        help="`kg extract` output files, or folders of them, to read instead of WORKDIR/graph.json "
                        "(names are merged across them as `kg load` merges them)")
    parser.add_argument("--workdir", default=".kg", help="folder `kg build` wrote graph.json to (default: .kg)")


def read_graph(args):
    from ..errors import InputError
    from ..pipeline import graph_from_extracted, load_graph

    if not args.paths:
        return load_graph(args.workdir)
    graph = graph_from_extracted(args.paths)
    if graph.number_of_nodes() == 0:  # `kg extract --shard K/N` writes an empty file for a slice with no paper
        named = ", ".join(map(str, args.paths[:3])) + (f" and {len(args.paths) - 3} more" if len(args.paths) > 3 else "")
        raise InputError(f"{named} hold{'s' if len(args.paths) == 1 else ''} no paper: an empty `kg extract` output "
                         "(a shard whose slice of the input had none)", fix="pass extracted files that hold papers")
    return graph
