"""BibTeX files (``.bib``): one paper per entry that has a title and an abstract, as reference
managers (Zotero, Mendeley, JabRef) export them.  Each entry is a record at the line it starts
on; ``@string``, ``@comment`` and ``@preamble`` are not records.

>>> text = '@article{k1,\\n  title = {{BERT}: Deep {B}idirectional Transformers},\\n  author = {Devlin, Jacob and Lee, Kenton},\\n' \\
...        '  year = 2019,\\n  abstract = "We introduce {BERT}."\\n}\\n@misc{k2, title={No Abstract}}\\n'
>>> for item in read_bibtex("refs.bib", list(enumerate(text.split("\\n"), start=1))):
...     print(item.title if hasattr(item, "title") else item)
BERT: Deep Bidirectional Transformers
refs.bib:7: title with no abstract: 'No Abstract'; add a non-empty 'abstract' field
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..records import Notice, Paper, Reject
from .identity import clean_text
from .structured import _paper_and_notices

__all__ = ["read_bibtex"]

_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_FIELD = re.compile(r"\s*([A-Za-z][\w:.-]*)\s*=\s*")
_NOT_PAPERS = {"comment", "preamble", "string"}
_GROUPING = re.compile(r"(?<!\\)[{}]")  # braces that only protect case ("{BERT}") once TeX commands are read


def read_bibtex(path: str, lines: list[tuple[int, str | None]]) -> Iterator[Paper | Reject | Notice]:
    for number, text in lines:
        if text is None:
            yield Reject(path, number, "line is not valid UTF-8; re-save the file as UTF-8")
    text = "\n".join(t if t is not None else "" for _, t in lines)
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    pos = 0
    while (match := _ENTRY.search(text, pos)) is not None:
        line = bisect_right(breaks, match.start()) + 1
        end = _closing(text, match.end() - 1)
        if end is None:
            yield Reject(path, line, f"@{match.group(1)} entry is never closed (its braces do not balance), so the "
                                     "rest of the file cannot be read; balance its braces")
            return
        pos = end + 1
        if match.group(1).lower() in _NOT_PAPERS:
            continue
        key, fields = _fields(text[match.end():end])
        record = {
            "id": fields.get("eprint") or fields.get("doi") or key,
            "title": fields.get("title", ""),
            "abstract": fields.get("abstract", ""),
            "year": fields.get("year"),
            "url": fields.get("url") or (f"https://doi.org/{fields['doi']}" if fields.get("doi") else None),
            # "and others" is BibTeX's "et al.", no author
            "authors": [a.strip() for a in re.split(r"\s+and\s+", fields.get("author", "")) if a.strip() and a.strip() != "others"],
        }
        yield from _paper_and_notices(path, line, record)


def _closing(text: str, opening: int) -> int | None:
    """Index of the bracket that closes the one at ``opening`` (braces nest; a paren entry ends at ")")."""
    close = "}" if text[opening] == "{" else ")"
    depth = 0
    for i in range(opening, len(text)):
        c = text[i]
        if c == "{" and text[i - 1] != "\\":
            depth += 1
        elif c == "}" and text[i - 1] != "\\":
            depth -= 1
            if close == "}" and depth == 0:
                return i
        elif c == ")" and close == ")" and depth == 0:
            return i
    return None


def _fields(body: str) -> tuple[str, dict[str, str]]:
    """An entry's key and its fields (lower-case names, values read as text)."""
    key, _, rest = body.partition(",")
    fields: dict[str, str] = {}
    pos = 0
    while (match := _FIELD.match(rest, pos)) is not None:
        value, pos = _value(rest, match.end())
        while (joined := re.match(r"\s*#\s*", rest[pos:])) is not None:  # "We study " # "GPT-4": one value
            more, pos = _value(rest, pos + joined.end())
            value += more
        fields[match.group(1).lower()] = _GROUPING.sub("", clean_text(value))
        while pos < len(rest) and rest[pos] in " \t\r\n,":
            pos += 1
    return key.strip(), fields


def _value(text: str, pos: int) -> tuple[str, int]:
    """A field's value starting at ``pos`` ({...}, "..." or a bare word), and where it ends."""
    if pos < len(text) and text[pos] == "{":
        end = _closing(text, pos)
        end = len(text) - 1 if end is None else end
        return text[pos + 1:end], end + 1
    if pos < len(text) and text[pos] == '"':
        depth, i = 0, pos + 1
        while i < len(text) and not (text[i] == '"' and depth == 0 and text[i - 1] != "\\"):
            depth += (text[i] == "{") - (text[i] == "}")
            i += 1
        return text[pos + 1:i], i + 1
    match = re.match(r"[^,}\s]*", text[pos:])
    return match.group(0), pos + match.end()
