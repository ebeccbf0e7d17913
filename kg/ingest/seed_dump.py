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

from ..records import TOO_LONG, Paper, Reject, Source
from .identity import clean_text, paper_id, too_long, without_letters

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
# Markdown and code that a notes or README .txt holds: headings, bullets, numbered items,
# quotes, tables, fences, rules, images, links, bold lead-ins, HTML tags. No title or
# abstract in the seed dumps starts like this ("[MASK] is All You Need" is no link).
_MARKUP = re.compile(r"^(?:#{1,6}\s|```|~~~|[-*+]\s|\d+[.)]\s|>|\||!\[|\*\*|<[A-Za-z/!]|\[[^\]]*\]\(|(?:-{3,}|={3,}|\*{3,})$)")
_PROSE_END = re.compile(r"[.!?](?:\s|$)")


def looks_like_title(text: str) -> bool:
    """Titles are short and hold at most one sentence break; abstracts are prose.

    >>> looks_like_title("Which Cues Will DNNs Choose? A Study of Shortcuts")
    True
    >>> looks_like_title("We study X. We find Y. We show Z works well on many tasks.")
    False
    >>> looks_like_title("We show that a single prompt template tuned on one dataset transfers to eleven tabular benchmarks.")
    False
    >>> looks_like_title("We propose BudgetPrune, a token pruning method.")  # a short first line of a wrapped abstract
    False
    """
    if len(text) > 300:
        return False
    if text.endswith(".") and len(text.split()) >= 5:
        return False  # a sentence with its full stop, which titles lack: a line of abstract
    breaks = len(_SENTENCE_END.findall(text))
    return breaks == 0 or (breaks == 1 and not text.endswith("."))


def looks_like_markup(text: str) -> bool:
    """Markdown or code, not a title or abstract.

    >>> [looks_like_markup(t) for t in ("## Project layout", "- a bullet", "```bash", "[MASK] is All You Need", "3D Shapes")]
    [True, True, True, False, False]
    """
    return bool(_MARKUP.match(text.lstrip()))


def looks_like_prose(text: str) -> bool:
    """An abstract is prose: a few words, with at least one sentence end.

    >>> looks_like_prose("We study X. It works."), looks_like_prose("hello world"), looks_like_prose("Fine.")
    (True, False, False)
    """
    return len(text.split()) >= 3 and bool(_PROSE_END.search(text))


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
        if looks_like_markup(text) or looks_like_markup(nxt[1]):
            which, shown = ("title", text) if looks_like_markup(text) else ("abstract", nxt[1])
            yield Reject(path, line, f"the {which} {shown[:60]!r} looks like markdown or code, not a paper's; "
                                     "remove this title and abstract, or write the corpus as JSONL or CSV")
            i += 2
            continue
        parts, i = [nxt[1]], i + 2
        while i < len(body) and _continues_abstract(body[i][1]):
            parts.append(body[i][1])  # an abstract wrapped over several lines or paragraphs is one abstract
            i += 1
        title, abstract = clean_text(text), clean_text(" ".join(parts))
        yield (too_long(path, line, title, abstract) or without_letters(path, line, title, abstract)
               or Paper(id=paper_id(title), title=title, abstract=abstract, sources=(Source(path, line),)))


def _continues_abstract(text: str | None) -> bool:
    """Whether a unit after an abstract goes on with it: prose, not a title, not markup.

    >>> _continues_abstract("On ImageNet it cuts compute by 35%."), _continues_abstract("A Benchmark for Tables")
    (True, False)
    """
    return text is not None and not looks_like_title(text) and not looks_like_markup(text) and looks_like_prose(text)


def _failure(item: Paper | Reject) -> str | None:
    """Why a record read from a .txt says the file is no seed dump, or None for a plausible paper."""
    if isinstance(item, Reject):
        if item.reason.startswith(TOO_LONG):  # a paper, only too long: the file is a seed dump
            return None
        return item.reason.split(";")[0]
    if not looks_like_prose(item.abstract):
        return f"abstract {item.abstract[:40]!r} is not prose"
    return None


def read_seed_dump(path: str, lines: list[tuple[int, str | None]], note: str = "") -> Iterator[Paper | Reject]:
    """Both seed layouts: blank-line separated paragraphs, or one unit per line.

    Any text file reads as title/abstract pairs, so a file where most records fail (title
    with no abstract, markdown, an "abstract" that is not prose) is no seed dump: a README
    or notes that sit in a corpus folder. It is one reject, not a run of odd papers and
    rejects; ``note`` says why it was read as a seed dump at all.

    >>> lines = [(1, "# Notes"), (2, "We keep notes here. They are short."), (3, "TODO")]
    >>> print(*read_seed_dump("notes.txt", lines))  # doctest: +NORMALIZE_WHITESPACE
    notes.txt: does not read as a seed dump (a title line, then a line of abstract prose): 2 of 2 records are not papers
    (line 1: the title '# Notes' looks like markdown or code, not a paper's); write the corpus as JSONL or CSV, or leave
    this file out
    """
    has_blank_lines = any(text is not None and not text.strip() for _, text in lines)
    units = _paragraphs(lines) if has_blank_lines else [(n, t) for n, t in lines]
    items = list(read_units(path, units))
    failures = [(item, why) for item in items if (why := _failure(item)) is not None]
    if items and 2 * len(failures) > len(items):
        item, why = failures[0]
        line = item.line if isinstance(item, Reject) else item.sources[0].line
        yield Reject(path, 0, f"does not read as a seed dump (a title line, then a line of abstract prose): "
                              f"{len(failures)} of {len(items)} records {'is not a paper' if len(failures) == 1 else 'are not papers'} (line {line}: {why}){note}; "
                              "write the corpus as JSONL or CSV, or leave this file out")
        return
    yield from items
