"""Reader for the paper-listing dumps in ``seeds/``: a title line, then an abstract line.

Two layouts occur: paragraphs separated by blank lines after a block of header lines
and a date line; or one line per title/abstract with the first title glued to the
word "Subscribe".  Both reduce to a sequence of text units (paragraphs) that pair up
as (title, abstract).

>>> units = [(1, "Subscribe"), (2, "Mar 14"), (3, "A Title"), (4, "An abstract. It is long enough to be one.")]
>>> [(r.title, r.sources[0].line) for r in read_units("f.txt", units)]
[('A Title', 3)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..records import Paper, Reject, Source
from .identity import clean_text, paper_id

__all__ = ["read_seed_dump", "read_units", "looks_like_title"]

HEADER_LINES = {
    "new",
    "subscribe",
    "byak and the research community",
    "get trending papers in your email inbox!",
    "get trending papers in your email inbox once a day!",
}
_DATE_LINE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(, \d{4})?$")
_GLUED_SUBSCRIBE = re.compile(r"^Subscribe(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+[A-Z(]")


def looks_like_title(text: str) -> bool:
    """Titles are short and hold at most one sentence break; abstracts are prose.

    >>> looks_like_title("Which Cues Will DNNs Choose? A Study of Shortcuts")
    True
    >>> looks_like_title("We study X. We find Y. We show Z works well on many tasks.")
    False
    """
    if len(text) > 300:
        return False
    breaks = len(_SENTENCE_END.findall(text))
    return breaks == 0 or (breaks == 1 and not text.endswith("."))


def _paragraphs(lines: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """Join consecutive non-blank lines; a paragraph with an undecodable line is None."""
    units: list[tuple[int, str | None]] = []
    start, parts, bad = 0, [], False
    for number, text in lines + [(0, "")]:
        if text is not None and not text.strip():
            if parts or bad:
                units.append((start, None if bad else " ".join(parts)))
            start, parts, bad = 0, [], False
            continue
        start = start or number
        if text is None:
            bad = True
        else:
            parts.append(text.strip())
    return units


def _strip_header(units: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    body = list(units)
    while body and body[0][1] is not None:
        line, text = body[0]
        if text.strip().casefold() in HEADER_LINES or _DATE_LINE.match(text.strip()):
            body.pop(0)
            continue
        glued = _GLUED_SUBSCRIBE.sub("", text)
        if glued != text:
            body[0] = (line, glued)
        break
    return body


def read_units(path: str, units: list[tuple[int, str | None]]) -> Iterator[Paper | Reject]:
    body = _strip_header(units)
    i = 0
    while i < len(body):
        line, text = body[i]
        if text is None:
            yield Reject(path, line, "text is not valid UTF-8; re-save the file as UTF-8")
            i += 1
            if i < len(body) and body[i][1] is not None and not looks_like_title(body[i][1]):
                i += 1  # the abstract that belonged to the unreadable title
            continue
        nxt = body[i + 1] if i + 1 < len(body) else None
        if not looks_like_title(text):
            yield Reject(path, line, "abstract with no title before it; add a title line above it")
            i += 1
            continue
        if nxt is None or (nxt[1] is not None and looks_like_title(nxt[1])):
            yield Reject(path, line, f"title with no abstract: {text[:60]!r}; add its abstract on the next line")
            i += 1
            continue
        if nxt[1] is None:
            yield Reject(path, nxt[0], "abstract is not valid UTF-8; re-save the file as UTF-8")
            i += 2
            continue
        title = clean_text(text)
        yield Paper(id=paper_id(title), title=title, abstract=clean_text(nxt[1]), sources=(Source(path, line),))
        i += 2


def read_seed_dump(path: str, lines: list[tuple[int, str | None]]) -> Iterator[Paper | Reject]:
    """Both seed layouts: blank-line separated paragraphs, or one unit per line."""
    has_blank_lines = any(text is not None and not text.strip() for _, text in lines)
    units = _paragraphs(lines) if has_blank_lines else [(n, t) for n, t in lines]
    return read_units(path, units)
