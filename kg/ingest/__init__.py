"""Corpus ingestion: every input format to deduplicated ``Paper`` records plus a report.

>>> from pathlib import Path
>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "a.jsonl").write_text('{"title": "T one", "abstract": "A."}\\n{"title": "t-one", "abstract": "B."}\\n')
>>> papers, report = read_corpus([d / "a.jsonl"])
>>> len(papers), report.records, report.duplicates
(1, 2, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..records import IngestReport, Paper, Reject
from .files import decode_lines, expand_paths, looks_binary, read_bytes
from .identity import normalise_title, paper_id
from .seed_dump import read_seed_dump
from .structured import read_csv, read_jsonl

__all__ = ["read_corpus", "read_file", "detect_format", "normalise_title", "paper_id"]


def detect_format(path: Path, lines: list[tuple[int, str | None]]) -> str:
    """'jsonl', 'csv', 'tsv' or 'seed' from the suffix, else from the first character."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return suffix[1:]
    first = next((t.lstrip() for _, t in lines if t and t.strip()), "")
    return "jsonl" if first.startswith("{") else "seed"


def read_file(path: Path) -> Iterator[Paper | Reject]:
    """Papers and rejects of one file; a whole-file problem is one reject at line 0."""
    name = str(path)
    data = read_bytes(path)
    if not data.strip():
        yield Reject(name, 0, "file is empty; remove it or add papers to it")
        return
    if looks_binary(data):
        yield Reject(name, 0, "file is binary (or UTF-16), not a text corpus; pass UTF-8 text, JSONL or CSV")
        return
    lines = decode_lines(data)
    fmt = detect_format(path, lines)
    if fmt == "jsonl":
        yield from read_jsonl(name, lines)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(name, lines, delimiter="\t" if fmt == "tsv" else ",")
    else:
        yield from read_seed_dump(name, lines)


def _merge(first: Paper, other: Paper) -> Paper:
    """Keep the first record's text; gather sources and fill metadata it lacked."""
    return replace(
        first,
        sources=first.sources + other.sources,
        year=first.year or other.year,
        url=first.url or other.url,
        authors=first.authors or other.authors,
        categories=first.categories or other.categories,
        external_id=first.external_id or other.external_id,
    )


def read_corpus(paths: Iterable[str | Path]) -> tuple[list[Paper], IngestReport]:
    """Read, dedupe by normalised title, and account for every record.

    Raises :class:`kg.errors.InputError` only for paths that cannot be read at all.
    """
    files = expand_paths(paths)
    by_id: dict[str, Paper] = {}
    rejects: list[Reject] = []
    records = duplicates = 0
    for path in files:
        for item in read_file(path):
            records += 1
            if isinstance(item, Reject):
                rejects.append(item)
            elif item.id in by_id:
                duplicates += 1
                by_id[item.id] = _merge(by_id[item.id], item)
            else:
                by_id[item.id] = item
    report = IngestReport(
        records=records,
        papers=len(by_id),
        duplicates=duplicates,
        rejects=tuple(rejects),
        files=tuple(str(p) for p in files),
    )
    return list(by_id.values()), report
