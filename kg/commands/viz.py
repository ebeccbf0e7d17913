"""`kg viz`: write an offline, interactive HTML view of the graph `kg build` saved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..output import counted
from ._graph_source import add_graph_source_arguments, read_graph
from ._help import HelpFormatter

HELP = "write an interactive HTML view (works offline): whole graph, ego graph, or dataset sharing"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {value}")
    return value


def register(sub) -> None:
    parser = sub.add_parser(
        "viz",
        help=HELP,
        description="Write one self-contained HTML page (no CDN, no network access) showing the graph\n"
        "that `kg build` saved, or that `kg extract` files make: colour and shape by type, size by\n"
        "support, tooltips with titles, aliases and evidence sentences, a details panel on click,\n"
        "and a search box. The layout is\n"
        "computed once in Python, so 1,500 nodes open in about a second; views larger than\n"
        "--max-nodes keep the best-connected nodes and say how to narrow them.",
        epilog="Examples:\n"
        "  kg viz                                     whole graph -> .kg/viz.html\n"
        "  kg viz --around GSM8K --depth 2            papers using GSM8K and what else they use\n"
        "  kg viz --view datasets --min-support 3     papers linked through datasets 3+ papers use\n"
        "  kg viz --view datasets --around 'PAPER TITLE' --depth 2   papers sharing a dataset with it\n"
        "  kg viz --types Dataset,Model --min-support 2 --out models.html\n"
        "  kg viz shard-*.jsonl --out corpus.html       from `kg extract` files instead of graph.json",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--out", default=None, metavar="FILE", help="HTML file to write (default: WORKDIR/viz.html)")
    add_graph_source_arguments(parser)
    parser.add_argument("--view", choices=("all", "datasets"), default="all",
                        help="all: papers and entities; datasets: papers linked through shared datasets (default: all)")
    parser.add_argument("--around", metavar="NAME", default=None,
                        help="centre on a paper or entity: title or part of it, name, alias or key (case-insensitive); "
                        "a note says what else NAME names and the key that draws it")
    parser.add_argument("--depth", type=_positive, default=1, metavar="N", help="hops from --around (default: 1)")
    parser.add_argument("--types", metavar="T1,T2", default=None,
                        help="entity types to show, e.g. Dataset,Model (Method, Task, Metric, Repository); papers always show")
    parser.add_argument("--min-support", type=_positive, default=1, metavar="N",
                        help="hide entities mentioned by fewer than N papers (default: 1)")
    parser.add_argument("--max-nodes", type=_positive, default=1500, metavar="N",
                        help="cut larger views down to the N best-connected nodes (default: 1500)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..viz import check_out, render

    out = check_out(Path(args.out) if args.out else Path(args.workdir) / "viz.html")  # before a big graph is read
    result = render(read_graph(args), out, view=args.view, around=args.around, depth=args.depth, types=args.types,
                    min_support=args.min_support, max_nodes=args.max_nodes)
    print(f"wrote {result.path} ({counted(result.nodes, 'node')}, {counted(result.edges, 'edge')}): {result.title}")
    if result.note:
        print(f"note: {result.note}", file=sys.stderr)
    if result.message:
        print(f"note: {result.message}", file=sys.stderr)
    if args.around is not None and args.view == "all" and result.nodes <= 2 and args.depth < 3:
        # "--around MALT" (a method one paper names): the centre and its paper say little alone
        print(f"note: the view holds {counted(result.nodes, 'node')}: --depth {args.depth + 1} draws what "
              f"{'its paper names' if result.nodes == 2 else 'is further out'} too", file=sys.stderr)
    print(f"open: {result.path.resolve().as_uri()}")
    return 0
