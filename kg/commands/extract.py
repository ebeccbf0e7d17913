"""`kg extract`: entities per paper as JSON lines (no store, no HTML), streaming."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..ingest import Shard
from ..output import counted
from ._help import HelpFormatter
from .build import add_report_arguments, check_report_arguments, print_report


def register(sub) -> None:
    parser = sub.add_parser(
        "extract",
        formatter_class=HelpFormatter,
        help="write the entities of every paper as JSON lines (streams; shardable)",
        description="Parse a corpus and extract datasets, models, methods, tasks and metrics, one JSON object per "
        'paper: {"id", "external_id", "title", "abstract", "authors", "year", "url", "sources", "merged_ids", "entities": [{"text", "name", "type", "role", "sentence", '
        '"start", "end", "key", "aliases", "family", "rule", "confidence", "sentence_starts", "sentence_ends"}], "links"}. '
        "Offsets are character offsets into the title, a newline, then the abstract; sentence_starts/sentence_ends "
        "are where each sentence naming the entity starts and ends, the evidence sentence's first.\n\n"
        "Input streams through two passes over a temporary file next to --out, so memory stays flat for any corpus "
        "size. --shard K/N extracts only the papers whose id hashes to slice K of N (every copy of a paper lands in "
        "the same slice), so N independent jobs cover the corpus once; `kg load` then merges the shard files.",
        epilog="Examples:\n"
        "  kg extract --out entities.jsonl\n"
        "  kg extract papers.csv --out - | head\n"
        "  kg extract big.jsonl --shard 3/8 --workers 4 --out shard-3.jsonl   # one of 8 jobs\n"
        "  kg load shard-*.jsonl                                               # merge them into the store",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="corpus files or folders (default: bundled seeds/)")
    parser.add_argument("--out", default="entities.jsonl", help="output file, or - for stdout (default: entities.jsonl)")
    parser.add_argument("--workers", type=int, default=None, metavar="N", help="extraction processes (default: all cores)")
    parser.add_argument("--shard", default=None, metavar="K/N", help="extract only slice K of N of the papers (1 <= K <= N)")
    add_report_arguments(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..pipeline import extract_to_file, nothing_parsed  # spaCy: loaded only to extract

    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers must be at least 1, got {args.workers}", fix="pass e.g. --workers 2")
    check_report_arguments(args)
    shard = Shard.parse(args.shard) if args.shard else None
    result = extract_to_file(args.paths or None, args.out, workers=args.workers, shard=shard, progress=sys.stderr.isatty())
    print_report(result.report, args.show_rejects, out=sys.stderr, show_copies=args.show_copies)
    where = "stdout" if args.out == "-" else args.out
    others = result.report.other_shards
    part = f" (shard {shard.index}/{shard.count}: {counted(others, 'record')} {'belongs' if others == 1 else 'belong'} to other shards)" if shard else ""
    if not result.papers and not shard:  # a shard may hold no paper of a small corpus; a whole corpus should
        left = ("nothing was written to stdout" if args.out == "-" else
                f"{args.out} was left as it was" if Path(args.out).exists() else f"no {args.out} was written")
        raise InputError(nothing_parsed(result.report, "extract"), fix=f"fix or replace the input ({left})")
    print(f"wrote {counted(result.papers, 'paper')}, {counted(result.entities, 'entity', 'entities')} to {where}{part}", file=sys.stderr)
    return 0
