"""Extraction results as JSON lines: what `kg extract` writes and `kg load` reads back.

One line per paper: the paper (id, the input's own id as external_id, title, abstract, year,
url, authors, sources, and the input ids of copies merged into it as merged_ids), its
entities (text, name, type, role, sentence, start, end, plus key, aliases, family, rule,
confidence) and links.  A shard is written to a temporary name and renamed when
complete, so a scheduler that retries a failed shard never sees half a file.

>>> from kg.records import Entity, Paper, PaperEntities, Source
>>> item = PaperEntities(Paper("p-1", "T", "On GSM8k.", (Source("a.txt", 3),)),
...                      (Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8k", "On GSM8k.", 5, 10, "gazetteer"),))
>>> record = item_record(item)
>>> record["entities"][0]["name"], record["sources"]
('GSM8K', ['a.txt:3'])
>>> item_from_record(record, "x.jsonl", 1) == item
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .records import Entity, Paper, PaperEntities, Source
from .writable import check_replaceable

__all__ = ["item_record", "item_from_record", "write_items", "read_items", "shard_files", "check_first_records"]


def _entity_record(entity: Entity) -> dict:
    return {
        "text": entity.text, "name": entity.name, "type": entity.type, "role": entity.role,
        "sentence": entity.sentence, "start": entity.start, "end": entity.end,
        "key": entity.key, "aliases": list(entity.aliases), "family": entity.family,
        "rule": entity.rule, "confidence": entity.confidence, "sentence_starts": list(entity.sentence_starts),
        "sentence_ends": list(entity.sentence_ends),
    }


def item_record(item: PaperEntities) -> dict:
    paper = item.paper
    return {
        "id": paper.id, "external_id": paper.external_id, "title": paper.title, "abstract": paper.abstract,
        "year": paper.year, "url": paper.url, "authors": list(paper.authors), "sources": [str(s) for s in paper.sources],
        "merged_ids": list(paper.merged_ids), "entities": [_entity_record(e) for e in item.entities], "links": list(item.links),
    }


def item_from_record(record: dict, path: str, line: int) -> PaperEntities:
    """The inverse of :func:`item_record`; a missing or mistyped field raises InputError."""
    try:
        paper = Paper(
            record["id"], record["title"], record["abstract"], tuple(Source.parse(s) for s in record.get("sources", [])),
            year=record.get("year"), url=record.get("url"), authors=tuple(record.get("authors", [])),
            external_id=record.get("external_id"), merged_ids=tuple(record.get("merged_ids", [])),
        )
        entities = tuple(
            Entity(e["key"], e["name"], e["type"], e["role"], e["text"], e["sentence"], e["start"], e["end"],
                   e.get("rule", "unknown"), e.get("confidence", 1.0), tuple(e.get("aliases", [])), e.get("family"),
                   tuple(e.get("sentence_starts") or ()), tuple(e.get("sentence_ends") or ()))
            for e in record["entities"]
        )
    except (KeyError, TypeError, AttributeError) as err:
        raise InputError(
            f"{path}:{line}: not a `kg extract` record (missing or bad field {err})",
            fix="pass files written by `kg extract --out FILE.jsonl` (re-run it if the file is from an older version)",
        ) from err
    return PaperEntities(paper, entities, tuple(record.get("links", [])))


def write_items(items: Iterable[PaperEntities], out: str | Path, *, empty_replaces: bool = True) -> int:
    """Write ``items`` to ``out`` (``-`` for stdout) atomically; the number of papers written.
    With ``empty_replaces=False`` no items leave ``out`` as it was (or absent), not emptied."""
    if str(out) == "-":
        import sys

        return _write(items, sys.stdout)
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    fix = "pass --out a file in a folder you can write to, e.g. --out entities.jsonl"
    try:
        with open(partial, "w", encoding="utf-8") as handle:
            count = _write(items, handle)
        if count or empty_replaces:
            check_replaceable(out, fix=fix)
            partial.replace(out)
    except OSError as err:
        if err.filename not in (None, str(partial)):  # the extraction's own, not the output's (a full disk has none)
            raise
        raise InputError(f"cannot write {out}: {err.strerror or err}", fix=fix) from err
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write(items: Iterable[PaperEntities], handle) -> int:
    count = 0
    for item in items:
        handle.write(json.dumps(item_record(item), ensure_ascii=False) + "\n")
        count += 1
    return count


def shard_files(paths: Iterable[str | Path]) -> list[Path]:
    """``paths`` with each folder replaced by the ``.jsonl`` files in it (a folder of shards, in
    name order); raises InputError for a path that does not exist or a folder with no such file.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); _ = (folder / "part-2.jsonl").write_text(""); _ = (folder / "part-1.jsonl").write_text("")
    >>> [p.name for p in shard_files([folder])]
    ['part-1.jsonl', 'part-2.jsonl']
    """
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".jsonl")
            if not found:
                raise InputError(f"{path}: a folder with no .jsonl files", fix="pass the JSONL files `kg extract --out` "
                                 "writes, or a folder of them; to build a graph from a corpus folder, run `kg build FOLDER`")
            out += found
        elif not path.exists():
            raise InputError(f"no such file: {path}", fix="check the path; `kg extract ... --out FILE` writes the files to pass")
        else:
            out.append(path)
    return out


def check_first_records(paths: Iterable[str | Path]) -> None:
    """Raise InputError unless each file's first record reads as `kg extract` output (a corpus
    file given for a shard fails on its first line, before anything is written)."""
    for path in paths:
        for _ in read_items([path]):
            break


def read_items(paths: Iterable[str | Path]) -> Iterator[PaperEntities]:
    """Papers with their entities from `kg extract` output files, one line at a time."""
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such file", fix="pass the JSONL files `kg extract --out` wrote")
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError(f"{path}:{number}: invalid JSON ({err.msg})",
                                     fix="the file is truncated or not `kg extract` output; re-run that shard") from err
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{number}: not a JSON object", fix="pass files written by `kg extract`")
                yield item_from_record(record, str(path), number)
