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
from contextlib import contextmanager

from ..records import Notice, Paper, Reject, Source
from .identity import (arxiv_id_of_doi, bare_doi, canonical_id, clean_text, is_arxiv_id, paper_id, too_long, unversioned,
                       without_letters)

__all__ = ["read_jsonl", "read_json", "read_csv", "csv_records", "record_to_paper"]

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
# a first name in "Last, First": one word, with initials after it or not ("Geoffrey E."), or initials alone;
# in a list of two pairs or more, where the pairing shows, it may be two words ("Li, Anna Maria")
_FIRST_NAME = re.compile(r"^(?:[^\s.,]+|[A-Z]\.)(?:\s*-?[A-Z]\.)*$")
_FIRST_NAMES = re.compile(r"^(?:[^\s.,]+|[A-Z]\.)(?:\s+[A-Z][^\s.,]*)?(?:\s*-?[A-Z]\.)*$")
# a surname written alone: one word, after particles ("van der Berg", "De la Cruz") where it has any
_SURNAME = re.compile(r"(?:(?:[a-z']+|Van|Von|De|Del|Della|Der|Des|Di|Da|Du|La|Le|Ten|Ter)\s+)*[^\s.]+")
# what ends a list cut short: "..., et al.", "... and others" (no author)
_ET_AL = re.compile(r"\s*(?:(?:[,;]\s*|\s)et\s+al\b\.?|(?:[,;]\s*|\s+and\s+)others)\s*$", re.IGNORECASE)


def _authors(value) -> tuple[str, ...]:
    """A list of authors, or one string of them, without a closing "et al." or "and others": split on
    semicolons where it has any (Zotero's "Last, First; Last, First"), else at each "and" where every
    part is one "Last, First" (BibTeX's), else at each "and" and at every comma where the name after
    the last "and" is a lone surname ("LeCun, Bengio and Hinton"), else at each "and" and, within each
    part, into "Last, First" pairs where every surname is one word (after particles such as "van der")
    and every first name one word (two in a list of two pairs or more), with initials after it or not
    ("Geoffrey E."), or initials alone, else at each comma; "Smith, J." keeps its initials.  A lone
    "Last, First" is one author and a lone "Last, First Middle" two, as arXiv's "Mausam, Stephen
    Soderland" is: "LeCun, Bengio" and "Zhang, Xiao Ming" read alike, so only semicolons can tell.

    >>> _authors("A. Smith, B. Jones and C. Lee"), _authors("Smith, J."), _authors("Smith, J.; Lee, C. K.")
    (('A. Smith', 'B. Jones', 'C. Lee'), ('Smith, J.',), ('Smith, J.', 'Lee, C. K.'))
    >>> _authors("Zhang, Wei and Kumar, Priya"), _authors("Chen, Wei"), _authors("Chen, Wei, van Berg, Anna")
    (('Zhang, Wei', 'Kumar, Priya'), ('Chen, Wei',), ('Chen, Wei', 'van Berg, Anna'))
    >>> _authors("DeepSeek-AI, Aixin Liu, Bei Feng"), _authors("Mausam, Stephen Soderland"), _authors("Vaswani, A., Shazeer, N., et al.")
    (('DeepSeek-AI', 'Aixin Liu', 'Bei Feng'), ('Mausam', 'Stephen Soderland'), ('Vaswani, A.', 'Shazeer, N.'))
    >>> _authors("LeCun, Bengio and Hinton"), _authors("Zhang, Xiao Ming, Li, Na"), _authors("Zhang, Xiao Ming;")
    (('LeCun', 'Bengio', 'Hinton'), ('Zhang, Xiao Ming', 'Li, Na'), ('Zhang, Xiao Ming',))
    """
    if isinstance(value, list):  # names, or API records of them: {"name"} (Semantic Scholar), {"author": {"display_name"}} (OpenAlex)
        names = (_author_name(a) if isinstance(a, dict) else str(a) for a in value)
        return tuple(clean_text(n) for n in names if n and n.strip())
    if not isinstance(value, str) or not value.strip():
        return ()
    text = _ET_AL.sub("", clean_text(value))
    if ";" in text:
        return tuple(p.strip() for p in text.split(";") if p.strip())
    parts = re.split(r"\s+and\s+", text)
    if len(parts) > 1 and all(part.count(",") == 1 for part in parts):
        return tuple(p.strip() for p in parts)  # BibTeX's "Zhang, Wei and Kumar, Priya": each part one "Last, First"
    if len(parts) > 1 and _SURNAME.fullmatch(parts[-1].strip()):  # "A, B and C" ending in a surname: a list of surnames
        return tuple(name for part in parts for name in _one_name_a_part(part))
    return tuple(name for part in parts for name in _comma_separated_names(part))


def _comma_separated_names(text: str) -> list[str]:
    """The names of a comma-separated list: "Last, First" pairs where every part reads so (a name of
    several words is a whole name, as arXiv writes "DeepSeek-AI, Aixin Liu"), else one name a part
    (:func:`_one_name_a_part`).

    >>> _comma_separated_names("De la Cruz, Juan"), _comma_separated_names("Mausam, Stephen Soderland")
    (['De la Cruz, Juan'], ['Mausam', 'Stephen Soderland'])
    >>> _comma_separated_names("Hinton, Geoffrey E."), _comma_separated_names("Kingma, Diederik P., Ba, Jimmy")
    (['Hinton, Geoffrey E.'], ['Kingma, Diederik P.', 'Ba, Jimmy'])
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    pairs = list(zip(parts[0::2], parts[1::2]))
    first_name = _FIRST_NAME if len(pairs) < 2 else _FIRST_NAMES
    if len(parts) % 2 == 0 and all(_SURNAME.fullmatch(last) and first_name.match(first) for last, first in pairs):
        return [f"{last}, {first}" for last, first in pairs]
    return _one_name_a_part(text)


def _one_name_a_part(text: str) -> list[str]:
    """The names of a comma-separated list, one a part, with initials kept with the name before them.

    >>> _one_name_a_part("Smith, J., Doe, Bengio")
    ['Smith, J.', 'Doe', 'Bengio']
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    out: list[str] = []
    for part in parts:
        if _INITIALS.match(part) and out:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _author_name(record: dict) -> str:
    """An author's name in an API's or CSL JSON's author record.

    >>> _author_name({"authorId": "1", "name": "Ada Lovelace"}), _author_name({"author": {"display_name": "Alan Turing"}})
    ('Ada Lovelace', 'Alan Turing')
    >>> _author_name({"family": "Hopper", "given": "Grace"}), _author_name({"literal": "OpenAI"})
    ('Hopper, Grace', 'OpenAI')
    """
    inner = record.get("author") if isinstance(record.get("author"), dict) else record
    if inner.get("family"):  # CSL JSON (Zotero, Mendeley, Crossref)
        return f"{inner['family']}, {inner['given']}" if inner.get("given") else str(inner["family"])
    return str(inner.get("name") or inner.get("display_name") or inner.get("literal") or "")


def _csl_year(issued) -> object:
    """The year of a CSL JSON ``issued`` date (``{"date-parts": [[2024, 5, 1]]}``), else None.

    >>> _csl_year({"date-parts": [[2024, 5]]}), _csl_year(None)
    (2024, None)
    """
    try:
        return issued["date-parts"][0][0]
    except (TypeError, KeyError, IndexError):
        return None


def _from_inverted_index(index) -> str | None:
    """The text an ``abstract_inverted_index`` (OpenAlex: word -> its positions) stands for.

    >>> _from_inverted_index({"We": [0], "propose": [1], "X.": [2]}), _from_inverted_index(None)
    ('We propose X.', None)
    """
    if not isinstance(index, dict) or not index:
        return None
    placed = sorted((position, word) for word, positions in index.items() if isinstance(positions, list)
                    for position in positions if isinstance(position, int))
    return " ".join(word for _, word in placed) or None


_JSON_KINDS = {bool: "boolean", int: "number", float: "number", list: "list", dict: "object", str: "string",
               type(None): "null"}


def _json_kind(value) -> str:
    """What JSON calls a parsed value's type, for messages.

    >>> _json_kind(5), _json_kind(None), _json_kind(["x"])
    ('number', 'null', 'list')
    """
    return _JSON_KINDS.get(type(value), "value")


_READ_COLUMNS = frozenset({"title", "abstract", "summary", "id", "doi", "key", "year", "date", "url", "authors", "categories",
                           "update_date", "published", "extra", "note"})
# what exports write where a paper has no abstract: no text to read, so no paper
_PLACEHOLDER = re.compile(r"^(?:n/?a|none|null|nil|tbd|tba|todo|-+|\.+|\?+|(?:no|not) (?:abstract|summary)(?: (?:is )?available)?\.?|"
                          r"abstract(?: not available| unavailable)?\.?)$", re.I)


def record_to_paper(path: str, line: int, record: dict) -> Paper | Reject:
    """Map one JSON/CSV record to a Paper, or say which field is missing."""
    return _paper_and_fields(path, line, record)[0]


def _paper_and_fields(path: str, line: int, record: dict) -> tuple[Paper | Reject, dict]:
    """:func:`record_to_paper`, and the record's fields by lower-case name (for its notices)."""
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    return _from_fields(path, line, fields), fields


_WEB_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)


def _web_address(value) -> str | None:
    """A URL that a browser can open (http or https), else None: a page links it."""
    text = str(value or "").strip()
    return text if _WEB_ADDRESS.fullmatch(text) else None


# a line "arXiv: 2105.22222" in Zotero's Extra field (CSL JSON's note); an arxiv.org page or PDF
_ARXIV_LINE = re.compile(r"^\s*arxiv:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_ARXIV_ADDRESS = re.compile(r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(\S+?)(?:\.pdf)?/?", re.IGNORECASE)


def _arxiv_id_named(fields: dict) -> str | None:
    """The arXiv id a record names by arXiv's own marks, without its version: arXiv's DOI (in its
    ``doi``, or its ``id`` as BibTeX's ``doi`` comes), a line "arXiv: ID" in Zotero's ``extra`` (CSL
    JSON's ``note``), or an arxiv.org address in its ``url``; else None.

    >>> _arxiv_id_named({"id": "smith2021", "doi": "10.48550/arXiv.2105.22222"}), _arxiv_id_named({"extra": "tex.x: 1\\narXiv: 2105.22222"})
    ('2105.22222', '2105.22222')
    >>> _arxiv_id_named({"url": "https://arxiv.org/pdf/2105.22222v2.pdf"}), _arxiv_id_named({"url": "https://x.org/abs/2105.22222"})
    ('2105.22222', None)
    """
    named = [arxiv_id_of_doi(bare_doi(fields.get("doi"))), arxiv_id_of_doi(bare_doi(fields.get("id")))]
    named += [match.group(1) for field in ("extra", "note") if isinstance(fields.get(field), str)
              and (match := _ARXIV_LINE.search(fields[field]))]
    if isinstance(fields.get("url"), str) and (match := _ARXIV_ADDRESS.fullmatch(fields["url"].strip())):
        named.append(match.group(1))
    return next((unversioned(found) for found in named if is_arxiv_id(found)), None)


def _own_id(fields: dict, arxiv_id: str | None) -> str | None:
    """The record's own id: its ``id``, else its DOI, else a reference manager's item ``key`` (Zotero's),
    as BibTeX's entry key stands in for an id there, written as lookups read ids (:func:`canonical_id`:
    a DOI in lower case).  The arXiv id the record names (``arxiv_id``, from :func:`_arxiv_id_named`)
    comes before an id of another shape (a CSL JSON's "http://zotero.org/..." or "smith2021", a DOI),
    so a reference manager's copy of a preprint is one paper with the arXiv record of it."""
    given = next((str(value).strip() for value in (fields.get("id"), bare_doi(fields.get("doi")), fields.get("key"))
                  if _given(value)), None)
    own = None if given is None else canonical_id(given)
    return own if is_arxiv_id(own) else arxiv_id or own


def _unread_fields(fields: dict, paper: Paper) -> Iterator[str]:
    """Why each field the record gives, and paper-kg reads, was left out of ``paper``."""
    if paper.year is None:
        if (why := _year_notice(fields.get("year"))) is not None:
            yield why
        if _given(fields.get("date")) and _year(fields["date"]) is None:
            yield f"date {fields['date']!r} has no year; left empty (write the date with its year, e.g. 2021-05-03)"
    if _given(fields.get("doi")) and bare_doi(fields["doi"]) is None:
        yield f"DOI {fields['doi']!r} is not a DOI; left out (write it as 10.NNNN/..., e.g. 10.18653/v1/N19-1423)"
    if _given(fields.get("url")) and _web_address(fields["url"]) is None:
        yield f"url {fields['url']!r} is not a web address; left out (write it in full, with https://)"


def _given(value) -> bool:
    return value is not None and bool(str(value).strip())


def _from_fields(path: str, line: int, fields: dict) -> Paper | Reject:
    # OpenAlex works: the title as display_name too, the abstract as an inverted index, authorships
    if fields.get("abstract") is None and (text := _from_inverted_index(fields.get("abstract_inverted_index"))):
        fields["abstract"] = text
    if not fields.get("title") and isinstance(fields.get("display_name"), str):
        fields["title"] = fields["display_name"]
    if not fields.get("authors") and isinstance(fields.get("authorships"), list):
        fields["authors"] = fields["authorships"]
    if fields.get("year") is None and fields.get("publication_year") is not None:
        fields["year"] = fields["publication_year"]
    if fields.get("year") is None and fields.get("issued") is not None:
        fields["year"] = _csl_year(fields["issued"])  # CSL JSON
    if not fields.get("authors") and isinstance(fields.get("author"), list):
        fields["authors"] = fields["author"]  # CSL JSON
    if fields.get("id") in (None, "") and isinstance(fields.get("paperid"), str):
        fields["id"] = fields["paperid"]  # Semantic Scholar's paperId
    for field in ("title", "abstract", "summary"):
        if fields.get(field) is not None and not isinstance(fields[field], str):
            return Reject(path, line, f"'{field}' is a JSON {_json_kind(fields[field])}, not text; write it as a JSON string")
    title = clean_text(fields.get("title") or "")
    abstract = clean_text(fields.get("abstract") or fields.get("summary") or "")
    if not title:
        return Reject(path, line, "record has no title; add a non-empty 'title' field")
    if not abstract:
        return Reject(path, line, f"title with no abstract: {title[:60]!r}; add a non-empty 'abstract' field")
    if _PLACEHOLDER.match(abstract):
        return Reject(path, line, f"title with no abstract: {title[:60]!r} has the placeholder {abstract!r} for one; "
                                  "add the real abstract, or leave the record out")
    if (reject := too_long(path, line, title, abstract) or without_letters(path, line, title, abstract)) is not None:
        return reject
    arxiv_id = _arxiv_id_named(fields)
    external_id = _own_id(fields, arxiv_id)
    # arXiv metadata by its fields, or a record that names its arXiv id by arXiv's marks; only an id
    # shaped like arXiv's makes an arxiv.org URL (a CSV's "17" does not)
    is_arxiv = is_arxiv_id(external_id) and ("categories" in fields or "update_date" in fields or external_id == arxiv_id)
    doi = bare_doi(fields.get("doi"))
    url = (_web_address(fields.get("url")) or (f"https://arxiv.org/abs/{external_id}" if is_arxiv else None)
           or (f"https://doi.org/{doi}" if doi else None))
    categories = tuple(str(fields.get("categories") or "").split())
    return Paper(
        id=paper_id(title),
        title=title,
        abstract=abstract,
        sources=(Source(path, line),),
        year=_year(fields.get("year")) or (arxiv_year(external_id) if is_arxiv else None) or _year(fields.get("date"))
        or _year(fields.get("update_date") or fields.get("published")),
        url=url,
        authors=_authors(fields.get("authors")),
        categories=categories,
        external_id=external_id,
        revised=str(fields["update_date"]).strip() or None if fields.get("update_date") else None,
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
            yield Reject(path, number, _jsonl_error(text, err))
            continue
        if isinstance(record, list) and record:
            # an array of papers on one line (a JSON file with text after its array is read line by line)
            for count, element in enumerate(record, start=1):
                yield from _element(path, number, element, f"element {count}: ")
            continue
        if not isinstance(record, dict):
            yield Reject(path, number, "JSON value is not an object; write one {\"title\": ..., \"abstract\": ...} per line")
            continue
        yield from _paper_and_notices(path, number, record)


def _jsonl_error(text: str, err: json.JSONDecodeError) -> str:
    """Why a JSON line does not parse, naming the two slips JSON's own message hides.

    >>> _jsonl_error('{"title": "T"},', json.JSONDecodeError("Extra data", '{"title": "T"},', 14))
    'invalid JSON: a comma after the object (JSON lines take none between them); remove it'
    """
    if err.msg == "Extra data" and text[err.pos:].strip() == ",":
        return "invalid JSON: a comma after the object (JSON lines take none between them); remove it"
    if err.msg.startswith("Invalid control character") and text[err.pos:err.pos + 1] == "\x00":
        return f"invalid JSON: a NUL byte (\\x00) at column {err.colno}; remove it"
    return f"invalid JSON ({err.msg.removesuffix(' at')} at column {err.colno}); fix the line or remove it"


_LIST_KEYS = ("papers", "records", "data", "results")  # {"papers": [...]}; {"data": [...]}: Semantic Scholar; {"results": [...]}: OpenAlex


def _line_at(text: str, pos: int, cache: list[int]) -> int:
    """1-based line of ``text[pos]``; ``cache`` holds [position, line] of the last answer, so a
    walk forward through the text counts each newline once."""
    if pos < cache[0]:
        cache[:] = [0, 1]
    cache[1] += text.count("\n", cache[0], pos)
    cache[0] = pos
    return cache[1]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _array_items(text: str, pos: int) -> Iterator[tuple[int, object]]:
    """(start position, value) of each element of the JSON array that opens at ``text[pos]``.

    Raises ``json.JSONDecodeError`` where the array stops being valid JSON, after the
    elements before that point, so those are still read.

    >>> list(_array_items('[{"a": 1},\\n 2 ]', 0))
    [(1, {'a': 1}), (12, 2)]
    """
    decoder = json.JSONDecoder()
    pos = _skip_space(text, pos + 1)
    if text[pos:pos + 1] == "]":
        return
    while True:
        value, end = decoder.raw_decode(text, pos)
        yield pos, value
        pos = _skip_space(text, end)
        if text[pos:pos + 1] == "]":
            return
        if text[pos:pos + 1] != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
        pos = _skip_space(text, pos + 1)


def _json_error(err: json.JSONDecodeError) -> str:
    return f"{err.msg.removesuffix(' at')} at line {err.lineno} column {err.colno}"


_ELEMENT = "write each paper as {\"title\": ..., \"abstract\": ...}"


def read_json(path: str, text: str) -> Iterator[Paper | Reject | Notice] | None:
    """A whole JSON document: an array of papers, an object with the array under "papers" or
    "records", or one paper. Each element is a record at the line where it starts.
    None when the text is JSON lines (one value after another), to be read line by line.

    >>> [(type(r).__name__, r.sources[0].line if isinstance(r, Paper) else r.line)
    ...  for r in read_json("a.json", '[\\n {"title": "T",\\n  "abstract": "A."},\\n 7\\n]')]
    [('Paper', 2), ('Reject', 4)]
    >>> read_json("a.jsonl", '{"title": "T", "abstract": "A."}\\n{"title": "U", "abstract": "B."}') is None
    True
    """
    start = _skip_space(text, 0)
    where = [0, 1]
    # A document that does not parse is one reject (or its good elements and one reject) only
    # where it cannot be JSON lines with a broken first line, whose other lines must still be read.
    head = [t.strip() for t in text[start:].split("\n", 8) if t.strip()][:2]
    if text[start:start + 1] == "[":
        try:
            value, end = json.JSONDecoder().raw_decode(text, start)
        except json.JSONDecodeError:
            return None if len(head) > 1 and _is_object(head[1]) else _read_array(path, text, start, where)
        if text[end:].strip():
            # a pretty-printed array with text after it: its papers, and the rest one reject (on one
            # line, the file is read line by line, which reads the array's line too)
            return _read_array_then_rest(path, text, start, end, where) if "\n" in text[start:end] else None
        return _read_array(path, text, start, where)
    try:
        value, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as err:
        if head[0] != "{":  # a pretty-printed object opens with a line of its own
            return None
        return iter([Reject(path, err.lineno, f"invalid JSON ({_json_error(err)}); fix it, or write one paper per line (JSONL)")])
    if text[end:].strip():
        return None
    return _read_value(path, text, start, value, where)


def _is_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except json.JSONDecodeError:
        return False


def _read_value(path, text, start, value, where) -> Iterator[Paper | Reject | Notice]:
    line = _line_at(text, start, where)
    if isinstance(value, dict):
        is_paper = any(str(k).strip().lower() == "title" for k in value)  # a paper may hold a "records" list of its own
        key = None if is_paper else next(
            (k for k in value if str(k).strip().lower() in _LIST_KEYS and isinstance(value[k], list)), None)
        if key is not None and not value[key]:  # a file with no records, not a bad record
            yield Notice(path, 0, f"its {key!r} list is empty; add papers to it or remove the file")
            return
        if key is None:
            if not is_paper:
                lists = [k for k, v in value.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
                found = f" (it has a list of objects under {lists[0]!r}: pass that list as a JSON array)" if lists else ""
                yield Reject(path, line, f"JSON object has no 'title' and no list under {' or '.join(map(repr, _LIST_KEYS))}{found}; "
                                         f"write a JSON array of papers: [{{\"title\": ..., \"abstract\": ...}}, ...]")
                return
            yield from _paper_and_notices(path, line, value)
            return
        # the array's position, to give each element its line: found by its key, and used only if
        # the elements read from there are the ones the document holds (the key could occur in a string)
        match = re.search(r'"' + re.escape(key) + r'"\s*:\s*\[', text)
        if match:
            try:
                items = list(_array_items(text, match.end() - 1))
                if [v for _, v in items] == value[key]:
                    lines = [_line_at(text, pos, where) for pos, _ in items]
                    shared = len(set(lines)) < len(lines)  # an API response on one line: say which element, too
                    for index, ((_, item), at) in enumerate(zip(items, lines), start=1):
                        yield from _element(path, at, item, f"element {index} of {key!r}: " if shared else "")
                    return
            except json.JSONDecodeError:
                pass
        for index, item in enumerate(value[key], start=1):  # no line per element: the element's place in the list instead
            yield from _element(path, line, item, f"element {index} of {key!r}: ")
        return
    yield Reject(path, line, f"the file is a JSON {_json_kind(value)}, not papers; write a JSON array of papers: [{{\"title\": ..., \"abstract\": ...}}, ...]")


def _read_array(path, text, start, where) -> Iterator[Paper | Reject | Notice]:
    count = 0
    one_line = "\n" not in text.strip()  # a minified array: every element is on line 1, so say which it is
    try:
        for pos, item in _array_items(text, start):
            count += 1
            yield from _element(path, _line_at(text, pos, where), item, f"element {count}: " if one_line else "")
    except json.JSONDecodeError as err:
        rest = "the rest of the array" if count else "the array"
        yield Reject(path, err.lineno, f"invalid JSON ({_json_error(err)}); {rest} was not read; fix it")
        return
    if not count:  # a file with no records, not a bad record
        yield Notice(path, 0, "is an empty JSON array; add papers to it or remove the file")


def _read_array_then_rest(path, text, start, end, where) -> Iterator[Paper | Reject | Notice]:
    yield from _read_array(path, text, start, where)
    ended = _line_at(text, end - 1, where)  # both ahead of the array's last element: the count walks on
    yield Reject(path, _line_at(text, _skip_space(text, end), where),
                 f"text after the JSON array, which ended on line {ended}; remove it, or put its papers inside the array")


def _element(path, line, item, prefix="") -> Iterator[Paper | Reject | Notice]:
    if isinstance(item, dict):
        yield from _paper_and_notices(path, line, item, prefix)
    else:
        yield Reject(path, line, f"{prefix}array element is a JSON {_json_kind(item)}, not an object; {_ELEMENT}")


def _paper_and_notices(path: str, line: int, record: dict, prefix: str = "") -> Iterator[Paper | Reject | Notice]:
    item, fields = _paper_and_fields(path, line, record)
    if isinstance(item, Paper):
        for why in _unread_fields(fields, item):
            yield Notice(path, line, prefix + why)
    elif prefix and isinstance(item, Reject):
        item = Reject(item.path, item.line, prefix + item.reason)
    yield item


# Quoted fields may hold newlines (multi-line abstracts), so one CSV record can span lines.
# A quote that is never closed makes the csv module read every later row into one field,
# silently, so each record that spans lines is checked: the quote must close before the end
# of the file, and be followed by the delimiter or the end of the line (strict CSV), not by
# more text as when the quote in some later row closes it. Such a record is rejected and
# reading starts again on the line after the one that opened the quote, so the rows after
# it are still read. A record on one line is read as leniently as before.
_END = "\ue000kg-end-of-file\ue000"  # a private-use mark fed after the last line: it lands in a field only if a quote is open
_FIELD_LIMIT = 1 << 26  # csv's own limit (131,072 characters) is below some real fields; this one bounds a runaway field


@contextmanager
def _field_limit(limit: int):
    old = csv.field_size_limit()
    csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _unclosed_reason(opened: int, last: int, err: str) -> str:
    """Why a record that opened a quote on line ``opened`` is rejected.

    The record is this one line: reading goes on from the next line, so each line is
    accounted for once (here, or as a row of its own).

    >>> _unclosed_reason(3, 52, "unexpected end of data")
    'a quoted field opened on line 3 is never closed (it would run to the end of the file); close the quote; the lines after it are read as rows of their own'
    >>> print(_unclosed_reason(3, 9, "',' expected after a quote"))
    a quoted field opened on line 3 runs on to line 9, where a quote inside a row ends it; close the quote on line 3 (write a quote inside a quoted field as ""); the lines after it are read as rows of their own
    """
    if "end of data" in err:
        after = "" if last <= opened else "; the lines after it are read as rows of their own"
        return f"a quoted field opened on line {opened} is never closed (it would run to the end of the file); close the quote{after}"
    return (f"a quoted field opened on line {opened} runs on to line {last}, where a quote inside a row ends it; "
            f"close the quote on line {opened} (write a quote inside a quoted field as \"\"); "
            "the lines after it are read as rows of their own")


def csv_records(lines: list[tuple[int, str]], delimiter: str = ",") -> Iterator[tuple[int, list[str] | str]]:
    """(first line, fields) per CSV record, or (line, reason) for a record that cannot be read.

    >>> rows = [(1, "t,a"), (2, 'One,"spans'), (3, 'two lines"'), (4, 'Broken,"never closed'), (5, "Two,fine")]
    >>> list(csv_records(rows))
    [(1, ['t', 'a']), (2, ['One', 'spans\\ntwo lines']), (4, 'a quoted field opened on line 4 is never closed (it would run to the end of the file); close the quote; the lines after it are read as rows of their own'), (5, ['Two', 'fine'])]
    """
    start = 0
    with _field_limit(_FIELD_LIMIT):
        while start < len(lines):
            start = yield from _records_from(lines, start, delimiter)


def _records_from(lines: list[tuple[int, str]], start: int, delimiter: str):
    """Yield records from ``lines[start:]``; return where to start again after a broken one (len(lines) when done)."""
    feed = iter([text + "\n" for _, text in lines[start:]] + [_END])
    reader = csv.reader(feed, delimiter=delimiter)
    done = 0  # lines of the feed read before the current record
    while True:
        first = start + done
        try:
            row = next(reader, None)
        except csv.Error as err:  # a field over the limit, or a NUL byte past the part sniffed for binary data
            if "field larger than field limit" in str(err):
                why = (f"a field starting on this line is longer than {csv.field_size_limit():,} characters, more than any abstract; "
                       "if a quote opened here is never closed, close it, else shorten the field")
            else:
                why = f"malformed CSV ({err}); fix the line"
            yield lines[first][0], why
            return first + 1
        if row is None or row == [_END]:
            return len(lines)
        last = start + reader.line_num - 1  # the feed's line that ended the record (the end mark counts as one past the file)
        done = reader.line_num
        if row and row[-1].endswith(_END):
            yield lines[first][0], _unclosed_reason(lines[first][0], lines[-1][0], "end of data")
            return first + 1
        if last > first:  # a quoted field spans lines: it must be well formed to be trusted
            # spaces after a closing quote are what the lenient reader allows too ('"line two" ,')
            raw = "\n".join(_QUOTE_THEN_SPACES.sub('"', text) for _, text in lines[first:last + 1])
            try:
                list(csv.reader(io.StringIO(raw), delimiter=delimiter, strict=True))
            except csv.Error as err:
                yield lines[first][0], _unclosed_reason(lines[first][0], lines[last][0], str(err))
                return first + 1
        if row:  # a blank line is no record
            yield lines[first][0], row


_QUOTE_THEN_SPACES = re.compile(r'"[ \t]+(?=,|\t|;|$)')


# Excel's first line naming the delimiter ("sep=;"): no record, and the delimiter its rows use
_SEPARATOR_HINT = re.compile(r'"?sep=(.)"? *', re.IGNORECASE)


def read_csv(path: str, lines: list[tuple[int, str | None]], delimiter: str = ",") -> Iterator[Paper | Reject]:
    bad = [n for n, t in lines if t is None]
    for number in bad:
        yield Reject(path, number, "line is not valid UTF-8; re-save the file as UTF-8")
    good = [(n, t) for n, t in lines if t is not None]
    if good and (hint := _SEPARATOR_HINT.fullmatch(good[0][1])):
        delimiter, good = hint.group(1), good[1:]
    records = csv_records(good, delimiter)
    first = next(records, None)
    if first is None:
        return
    line, names = first
    if isinstance(names, str):
        # the lines after it are not read as rows: there is no header to read them by
        why, *fixes = [part for part in names.split("; ") if part != "the lines after it are read as rows of their own"]
        yield _file_reject(path, line, f"CSV header cannot be read: {why}", "; ".join(fixes) or "fix the header row", records)
        return
    written = [h.strip() for h in names]  # as the file writes them, for messages
    header = [h.lower() for h in written]
    # reference managers' own column names (Zotero: "Abstract Note", "Publication Year", "Author")
    renamed = {h: _EXPORT_COLUMNS[h] for h in header if h in _EXPORT_COLUMNS and _EXPORT_COLUMNS[h] not in header}
    if renamed:
        names = [renamed.get(n.strip().lower(), n) for n in names]
        header = [renamed.get(h, h) for h in header]
    repeated = sorted({h for h in header if h in _READ_COLUMNS and header.count(h) > 1})
    if repeated:
        columns = ", ".join(f"{h!r} (columns {', '.join(str(i + 1) for i, x in enumerate(header) if x == h)})" for h in repeated)
        yield _file_reject(path, line, f"CSV header names {columns} more than once, so which one holds the text is unclear",
                           "rename or remove the extra column", records)
        return
    missing = _missing_columns(header)
    if missing:
        columns = " and ".join(repr(column) for column in missing)
        renames = [f"{written[near]!r} to {column!r}" for column in missing
                   if (near := next((i for i, h in enumerate(header) if column in h or (column == "abstract" and "summary" in h)),
                                    None)) is not None]
        fix = _other_delimiter_fix(dict(good)[line], delimiter) or (
            f"rename the column{'s' * (len(renames) > 1)} {' and '.join(renames)}" if renames
            else "add a header row naming title and abstract (or summary)")
        yield _file_reject(path, line, f"CSV header {written} lacks the {columns} column{'s' * (len(missing) > 1)}", fix, records)
        return
    index = {number: i for i, (number, _) in enumerate(good)}
    for line, fields in records:
        if isinstance(fields, str):
            yield Reject(path, line, fields)
            continue
        if not any(v.strip() for v in fields):
            continue
        if [v.strip().lower() for v in fields] == header:
            yield Reject(path, line, "the header row again (files joined together?); remove this line")
            continue
        if len(fields) > len(names):  # more fields than the header names: every column after the extra one is shifted
            start = index[line]  # the record's own lines: one, plus one per line break inside its quoted fields
            raw = "\n".join(text for _, text in good[start:start + 1 + sum(f.count("\n") for f in fields)])
            yield Reject(path, line, _too_many_fields(fields, names, raw, delimiter))
            continue
        yield from _paper_and_notices(path, line, dict(zip(names, fields)))


def _file_reject(path: str, line: int, why: str, fix: str, rows: Iterator) -> Reject:
    """One reject for a CSV whose header leaves every row unread: it says how many, and counts as
    that many records (as one where there are none), so that the summary accounts for each row.

    >>> reject = _file_reject("a.csv", 1, "CSV header ['Name'] lacks the 'title' column", "rename it", iter([(2, ["x"])]))
    >>> print(reject)
    a.csv:1: CSV header ['Name'] lacks the 'title' column (1 data row not read); rename it
    >>> reject.records
    1
    """
    unread = sum(1 for _ in rows)
    rows_unread = f" ({unread} data row{'s' * (unread != 1)} not read)" if unread else ""
    return Reject(path, line, f"{why}{rows_unread}; {fix}", records=max(unread, 1))


_EXPORT_COLUMNS = {"abstract note": "abstract", "publication year": "year", "author": "authors"}


def _missing_columns(header: list[str]) -> list[str]:
    return [column for column, wanted in (("title", {"title"}), ("abstract", {"abstract", "summary"})) if not wanted & set(header)]


_DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}


def _other_delimiter_fix(header: str, delimiter: str) -> str | None:
    """What to do when a header names the columns only when split on another delimiter.

    >>> print(_other_delimiter_fix("Title;Abstract", ","))
    the header looks ';'-separated, but paper-kg reads ','-separated .csv and tab-separated .tsv files; save the file with ',' between fields
    >>> print(_other_delimiter_fix("title\\tabstract", ","))
    the header looks tab-separated, but paper-kg reads ','-separated .csv and tab-separated .tsv files; rename the file to .tsv
    >>> _other_delimiter_fix("name,text", ";") is None
    True
    """
    for other, name in _DELIMITER_NAMES.items():
        cells = [cell.strip().strip('"').strip().lower() for cell in header.split(other)]
        if other != delimiter and len(cells) > 1 and not _missing_columns(cells):
            fix = {"\t": "rename the file to .tsv", ",": "rename the file to .csv"}.get(
                other, "save the file with ',' between fields" if delimiter == "," else "save the file with tabs between fields")
            return f"the header looks {name}-separated, but paper-kg reads ','-separated .csv and tab-separated .tsv files; {fix}"
    return None


def _quoted_fields(text: str, delimiter: str) -> list[bool]:
    """Whether each field of one CSV record, as written in ``text``, is in quotes.

    >>> _quoted_fields('Paper X,"We use A, B",1,2', ",")
    [False, True, False, False]
    """
    flags, i = [], 0
    while True:
        quoted = text.startswith('"', i)
        flags.append(quoted)
        if quoted:
            i += 1
            while (end := text.find('"', i)) >= 0 and text.startswith('""', end):
                i = end + 2
            if end < 0:
                return flags
            i = end + 1
        i = text.find(delimiter, i)
        if i < 0:
            return flags
        i += 1


def _too_many_fields(fields: list[str], names: list[str], raw: str, delimiter: str) -> str:
    """Why a row with more fields than its header is rejected: the counts, and the fix that fits
    how it is written (a row whose fields are all quoted has a value too many, not a split field).

    >>> print(_too_many_fields(["Paper X", "We use A, B", "1", "2"], ["t", "a", "x"], 'Paper X,"We use A, B",1,2', ","))
    row has 4 fields where the header names 3 ('t', 'a', 'x'); the fields not in quotes are 'Paper X', '1', '2': if a ',' in one of them is part of its text, put that field in double quotes; else remove the value too many, or name its column in the header
    >>> print(_too_many_fields(["A", "B", "C"], ["t", "a"], '"A","B","C"', ","))
    row has 3 fields where the header names 2 ('t', 'a'); every field is in quotes, so the row has a value too many: remove it, or name its column in the header
    """
    columns = ", ".join(repr(n.strip()) for n in names)
    head = f"row has {len(fields)} fields where the header names {len(names)} ({columns})"
    flags = _quoted_fields(raw, delimiter)
    plain = [field for field, quoted in zip(fields, flags + [False] * len(fields)) if not quoted]
    if not plain:
        return f"{head}; every field is in quotes, so the row has a value too many: remove it, or name its column in the header"
    shown = ", ".join(repr(f if len(f) <= 30 else f[:29] + "…") for f in plain[:5]) + (", ..." if len(plain) > 5 else "")
    name = _DELIMITER_NAMES.get(delimiter, repr(delimiter))
    return (f"{head}; the fields not in quotes are {shown}: if a {name} in one of them is part of its text, "
            "put that field in double quotes; else remove the value too many, or name its column in the header")
