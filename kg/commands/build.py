"""`kg build`: the main job, corpus -> graph -> embedded store -> HTML."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..output import counted
from ..records import IngestReport
from ._help import HelpFormatter, invoked_as

HELP = "parse, extract, and load a corpus into the embedded store; write graph.json and graph.html"


def register(sub) -> None:
    parser = sub.add_parser(
        "build",
        formatter_class=HelpFormatter,
        help=HELP,
        description="Build the knowledge graph: parse every paper (seed dumps, JSONL, CSV, arXiv metadata), "
        "extract datasets/models/methods/tasks/metrics, normalise names, load the embedded FalkorDB store "
        "and write an offline HTML view. With no PATHS it uses the bundled seeds/ corpus.",
        epilog="Example: kg build            (bundled corpus)\n         kg build papers.jsonl more/ --workdir out",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="corpus files or folders (default: bundled seeds/)")
    parser.add_argument("--workdir", default=".kg", help="where graph.json, store/ and graph.html go (default: .kg)")
    parser.add_argument("--append", action="store_true", help="merge into the existing store and graph.json instead of replacing them; a paper already there has its links replaced by the new extraction")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML view (and remove an earlier build's graph.html, which would show the old graph)")
    parser.add_argument("--batch-size", type=int, default=None, help="rows per write batch (default: 500)")
    parser.add_argument("--workers", type=int, default=None, metavar="N", help="extraction processes (default: all cores)")
    add_report_arguments(parser)
    parser.set_defaults(run=run)


def add_report_arguments(parser) -> None:
    """--show-rejects and --show-copies, which `kg build` and `kg extract` share."""
    parser.add_argument("--show-rejects", type=int, default=10, metavar="N", help="list up to N rejected records, and up to N each of: notes on kept records (a field left out, an id not kept) and on files with no records, duplicates with another abstract, files skipped in folders or given again (default: 10)")
    parser.add_argument("--show-copies", type=int, default=0, metavar="N", help="list up to N duplicates merged that are plain copies of a kept paper (same abstract; default: 0, counted only)")


def check_report_arguments(args) -> None:
    for option in ("show_rejects", "show_copies"):
        if getattr(args, option) < 0:
            flag = "--" + option.replace("_", "-")
            raise InputError(f"{flag} must be 0 or more, got {getattr(args, option)}", fix=f"pass e.g. {flag} 10")


def _differing(report: IngestReport) -> str:
    n = report.differing_abstracts
    newer = sum(d.newer for d in report.differing)
    kept = ("the first copy's is kept" if not newer else "the later revision's is kept" if newer == n
            else f"the later revision's is kept for {newer}, the first copy's for the other {n - newer}")
    other = "another abstract or title" if any(d.retitled for d in report.differing) else "another abstract"
    return f" ({n} with {other}; {kept})" if n else ""


def print_report(report: IngestReport, show: int, out=None, show_copies: int = 0) -> None:
    out = out or sys.stdout
    on_records = len(report.notices) - len(report.files_without_records)
    repeats = sum(skipped.repeat for skipped in report.skipped)
    other_formats = len(report.skipped) - repeats
    print(
        f"input: {counted(report.records, 'record')} in {counted(len(report.files), 'file')} -> {counted(report.papers, 'paper')}, "
        f"{counted(report.duplicates, 'duplicate')} merged{_differing(report)}, {report.rejected} rejected"
        + (f", {counted(on_records, 'note')} on kept records" if on_records else "")
        + (f", {counted(len(report.files_without_records), 'file')} with no records" if report.files_without_records else "")
        + (f"; {counted(other_formats, 'file')} in folders skipped (not corpus files)" if other_formats else "")
        + (f"; {counted(repeats, 'file')} given again skipped (each file is read once)" if repeats else ""),
        file=out,
    )
    for what, items in (("merged", report.differing), ("rejected", report.rejects), ("note", report.notices),
                        ("skipped", report.skipped)):
        for item in items[:show]:
            print(f"  {what} {item}", file=out)
        if len(items) > show:
            more = counted(len(items) - show, "more note") if what == "note" else f"{len(items) - show} more {what}"
            print(f"  ... and {more} (use --show-rejects N)", file=out)
    for item in report.identical[:show_copies]:
        print(f"  merged {item}", file=out)
    if 0 < show_copies < len(report.identical):
        print(f"  ... and {len(report.identical) - show_copies} more copies merged (use --show-copies N)", file=out)


def run(args) -> int:
    from ..pipeline import DEFAULT_WORKDIR, build, graph_summary  # spaCy: loaded only for a build

    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers must be at least 1, got {args.workers}", fix="pass e.g. --workers 2")
    if args.batch_size is not None and args.batch_size < 1:
        raise InputError(f"--batch-size must be at least 1, got {args.batch_size}", fix="pass e.g. --batch-size 500")
    check_report_arguments(args)
    result = build(
        args.paths or None, workdir=args.workdir, html=not args.no_html, append=args.append,
        progress=sys.stderr.isatty(), batch_size=args.batch_size, workers=args.workers,
    )
    print_report(result.report, args.show_rejects, show_copies=args.show_copies)
    counts = graph_summary(result.graph)
    entity_counts = ", ".join(counted(counts.get(l, 0), l.lower()) for l in ("Paper", "Dataset", "Model", "Method", "Task", "Metric"))
    repositories = counts.get("Repository", 0)
    families = counts["families_only"]
    print(f"graph: {entity_counts}, {repositories} repositor{'y' if repositories == 1 else 'ies'}, "
          f"{counted(counts['relationships'], 'relationship')}"
          + (f" ({families} of the entities only as the family of a variant a paper names)" if families else ""))
    for name, path in result.outputs.items():
        print(f"{name}: {path}")
    if result.notes:
        print("\n".join(result.notes))
    where = "" if Path(args.workdir) == DEFAULT_WORKDIR else f" (and --workdir {args.workdir} with each query)"
    print(f"next: {invoked_as()} query --list{where}")
    return 0
