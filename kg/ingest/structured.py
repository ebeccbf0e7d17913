"""Readers for structured inputs: JSON lines (plain or arXiv metadata snapshot) and CSV.

A JSONL record needs ``title`` and ``abstract``; ``id``, ``year``, ``url`` and
``authors`` are optional.  arXiv snapshot records (``categories``/``update_date``)
also map their id to an abs URL and their comma-separated authors to a list.

>>> lines = [(1, '{"title": "T", "abstract": "A."}'), (2, '{"title": "U"}')]
>>> [type(r).__name__ for r in read_jsonl("x.jsonl", lines)]
['Paper', 'Reject']
>>> [str(r) for r in read_jsonl("x.jsonl", [(1, '{"title": "T", "abstract": "A.", "year": "n/a"}')])][0]
"x.jsonl:1: year 'n/a' is not a year; left empty (write a four-digit year, e.g. 2021)"
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

from ..records import Notice, Paper, Reject, Source
from .identity import clean_text, paper_id

__all__ = ["read_jsonl", "read_csv", "record_to_paper"]

_YEAR = re.compile(r"(19|20)\d{2}")


def _year(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1000 <= value <= 2999 else None
    match = _YEAR.search(str(value or ""))
    return int(match.group()) if match else None


def _year_notice(value) -> str | None:
    """Why a given ``year`` is left out, or None when it reads (or none was given).

    >>> _year_notice("2021-05"), _year_notice(""), _year_notice("soon"), _year_notice(21)
    (None, None, "year 'soon' is not a year; left empty (write a four-digit year, e.g. 2021)", 'year 21 is not a year; left empty (write a four-digit year, e.g. 2021)')
    """
    if value in (None, "") or (isinstance(value, str) and not value.strip()) or _year(value) is not None:
        return None
    return f"year {value!r} is not a year; left empty (write a four-digit year, e.g. 2021)"


_ARXIV_ID = re.compile(r"^(?:(\d{2})\d{2}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/(\d{2})\d{5})(?:v\d+)?$")


def arxiv_year(identifier: str | None) -> int | None:
    """The year an arXiv id was first submitted (the snapshot's update_date is the last update).

    >>> arxiv_year("2101.00001"), arxiv_year("hep-th/9901001"), arxiv_year("math.AG/0305123v2"), arxiv_year("x1")
    (2021, 1999, 2003, None)
    """
    match = _ARXIV_ID.match(identifier or "")
    if not match:
        return None
    new, old = match.groups()
    yy = int(new or old)
    return 2000 + yy if new or yy < 91 else 1900 + yy


_INITIALS = re.compile(r"^(?:[A-Z]\.\s*-?)+$")


def _authors(value) -> tuple[str, ...]:
    """A list of authors, or one string of them: split on semicolons where it has any, else on
    commas and "and"; "Smith, J." keeps its initials.

    >>> _authors("A. Smith, B. Jones and C. Lee"), _authors("Smith, J."), _authors("Smith, J.; Lee, C. K.")
    (('A. Smith', 'B. Jones', 'C. Lee'), ('Smith, J.',), ('Smith, J.', 'Lee, C. K.'))
    """
    if isinstance(value, list):
        return tuple(clean_text(str(a)) for a in value if str(a).strip())
    if not isinstance(value, str) or not value.strip():
        return ()
    text = clean_text(value)
    if ";" in text:
        return tuple(p.strip() for p in text.split(";") if p.strip())
    out: list[str] = []
    for part in (p.strip() for p in re.split(r",|\band\b", text)):
        if part and _INITIALS.match(part) and out:
            out[-1] = f"{out[-1]}, {part}"
        elif part:
            out.append(part)
    return tuple(out)


_JSON_KINDS = {bool: "boolean", int: "number", float: "number", list: "list", dict: "object"}


def record_to_paper(path: str, line: int, record: dict) -> Paper | Reject:
    """Map one JSON/CSV record to a Paper, or say which field is missing."""
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    for field in ("title", "abstract", "summary"):
        if fields.get(field) is not None and not isinstance(fields[field], str):
            kind = _JSON_KINDS.get(type(fields[field]), "value")
            return Reject(path, line, f"'{field}' is a JSON {kind}, not text; write it as a JSON string")
    title = clean_text(fields.get("title") or "")
    abstract = clean_text(fields.get("abstract") or fields.get("summary") or "")
    if not title:
        return Reject(path, line, "record has no title; add a non-empty 'title' field")
    if not abstract:
        return Reject(path, line, f"title with no abstract: {title[:60]!r}; add a non-empty 'abstract' field")
    external_id = str(fields["id"]).strip() if fields.get("id") not in (None, "") else None
    is_arxiv = "categories" in fields or "update_date" in fields
    url = fields.get("url") or (f"https://arxiv.org/abs/{external_id}" if is_arxiv and external_id else None)
    categories = tuple(str(fields.get("categories") or "").split())
    return Paper(
        id=paper_id(title),
        title=title,
        abstract=abstract,
        sources=(Source(path, line),),
        year=_year(fields.get("year")) or (arxiv_year(external_id) if is_arxiv else None)
        or _year(fields.get("update_date") or fields.get("published")),
        url=str(url) if url else None,
        authors=_authors(fields.get("authors")),
        categories=categories,
        external_id=external_id,
    )


def read_jsonl(path: str, lines: list[tuple[int, str | None]]) -> Iterator[Paper | Reject]:
    for number, text in lines:
        if text is None:
            yield Reject(path, number, "line is not valid UTF-8; re-save the file as UTF-8")
            continue
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as err:
            yield Reject(path, number, f"invalid JSON ({err.msg.removesuffix(' at')} at column {err.colno}); fix the line or remove it")
            continue
        if not isinstance(record, dict):
            yield Reject(path, number, "JSON value is not an object; write one {\"title\": ..., \"abstract\": ...} per line")
            continue
        yield from _paper_and_notices(path, number, record)


def _paper_and_notices(path: str, line: int, record: dict) -> Iterator[Paper | Reject | Notice]:
    item = record_to_paper(path, line, record)
    if isinstance(item, Paper):
        year = next((v for k, v in record.items() if k is not None and str(k).strip().lower() == "year"), None)
        if (why := _year_notice(year)) is not None:
            yield Notice(path, line, why)
    yield item


def read_csv(path: str, lines: list[tuple[int, str | None]], delimiter: str = ",") -> Iterator[Paper | Reject]:
    bad = [n for n, t in lines if t is None]
    for number in bad:
        yield Reject(path, number, "line is not valid UTF-8; re-save the file as UTF-8")
    good = [(n, t) for n, t in lines if t is not None]
    if not good:
        return
    text = "\n".join(t for _, t in good)
    numbers = [n for n, _ in good]
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [column for column, names in (("title", {"title"}), ("abstract", {"abstract", "summary"})) if not names & set(header)]
    if missing:
        columns = " and ".join(repr(column) for column in missing)
        yield Reject(path, numbers[0], f"CSV header {header} lacks the {columns} column{'s' * (len(missing) > 1)}; "
                                       "add a header row naming title and abstract (or summary)")
        return
    try:
        for row in reader:
            # DictReader counts physical lines; map back to the file's numbering.
            line = numbers[min(reader.line_num, len(numbers)) - 1]
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            if row.get(None):  # more fields than the header names: every column after the extra one is shifted
                name = "tab" if delimiter == "\t" else repr(delimiter)
                yield Reject(path, line, f"row has {len(header) + len(row[None])} fields, the header {len(header)}; "
                                         f"quote the field that holds a {name}")
                continue
            yield from _paper_and_notices(path, line, row)
    except csv.Error as err:
        yield Reject(path, numbers[min(reader.line_num, len(numbers)) - 1], f"malformed CSV ({err}); fix the quoting")
