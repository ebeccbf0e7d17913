"""`kg extract`: entities per paper as JSON lines (no store, no HTML)."""

from __future__ import annotations

import argparse

import json
import sys
from pathlib import Path

from ..ingest import read_corpus
from ..pipeline import default_paths, extract_papers
from .build import print_report


def register(sub) -> None:
    parser = sub.add_parser(
        "extract",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help="write the entities of every paper as JSON lines",
        description="Parse a corpus and extract datasets, models, methods, tasks and metrics, one JSON object per "
        'paper: {"id", "title", "entities": [{"text", "name", "type", "role", "sentence", "start", "end", ...}], "links"}. '
        "Offsets are character offsets into the title, a newline, then the abstract.",
        epilog="Example: kg extract --out entities.jsonl      kg extract papers.csv --out - | head",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="corpus files or folders (default: bundled seeds/)")
    parser.add_argument("--out", default="entities.jsonl", help="output file, or - for stdout (default: entities.jsonl)")
    parser.set_defaults(run=run)


def entity_json(entity) -> dict:
    return {
        "text": entity.text, "name": entity.name, "type": entity.type, "role": entity.role,
        "sentence": entity.sentence, "start": entity.start, "end": entity.end,
        "aliases": list(entity.aliases), "family": entity.family, "rule": entity.rule, "confidence": entity.confidence,
    }


def run(args) -> int:
    papers, report = read_corpus(default_paths(args.paths))
    items = extract_papers(papers, progress=sys.stderr.isatty())
    out = sys.stdout if args.out == "-" else open(Path(args.out), "w", encoding="utf-8")
    try:
        for item in items:
            record = {"id": item.paper.id, "title": item.paper.title,
                      "entities": [entity_json(e) for e in item.entities], "links": list(item.links)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if args.out != "-":
        print_report(report, 10, out=sys.stderr)
        print(f"wrote {len(items)} papers, {sum(len(i.entities) for i in items)} entities to {args.out}", file=sys.stderr)
    return 0
