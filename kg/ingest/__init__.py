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

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..records import Duplicate, IngestReport, Notice, Paper, Reject, Source
from .files import KNOWN_SUFFIXES, binary_kind, decode_lines, find_files, iter_lines, read_bytes, read_head, unread_format
from .identity import is_arxiv_id, normalise_title, paper_id, shares_words, word_sample
from .seed_dump import read_seed_dump
from .bibtex import read_bibtex
from .structured import read_csv, read_json, read_jsonl

__all__ = ["read_corpus", "CorpusReader", "Shard", "read_file", "detect_format", "normalise_title", "paper_id"]


def detect_format(path: Path, lines: list[tuple[int, str | None]]) -> str:
    """'jsonl', 'csv', 'tsv', 'bib' or 'seed' from the suffix, else from the first character.

    >>> detect_format(Path("a.dat"), [(1, "  [{")]), detect_format(Path("a.md"), [(1, "# Notes")])
    ('jsonl', 'seed')
    """
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return suffix[1:]
    if suffix in (".bib", ".bibtex"):
        return "bib"
    first = next((t.lstrip() for _, t in lines if t and t.strip() and not t.lstrip().startswith("%")), "")
    if re.match(r"@\s*[A-Za-z]+\s*[{(]", first):
        return "bib"  # BibTeX under another name ("refs.txt")
    return "jsonl" if first.startswith(("{", "[")) else "seed"


def _json_document(path: Path) -> bool:
    """Whether a JSON file is one document (an array, or a pretty-printed object) rather than
    JSON lines. Decided from its first two non-blank lines, so JSON lines, which can be
    gigabytes (the arXiv snapshot is a .json file of them), are still streamed."""
    first: list[str | None] = []
    for _, text in iter_lines(path):
        if text is None or text.strip():
            first.append(text)
        if len(first) == 2:
            break
    if not first or first[0] is None:
        return False
    if first[0].lstrip().startswith("[") or len(first) == 1:
        return True  # an array, or one line: read whole either way, and a wrapper or a lone value is named as such
    return not any(_parses(text) for text in first)


def _parses(text: str | None) -> bool:
    try:
        json.loads(text or "")
        return True
    except json.JSONDecodeError:
        return False


_BOM = b"\xef\xbb\xbf"
# why a file of each format holds no record, where it is no empty file (a CSV's header, a .bib of @string only)
_NO_RECORDS = {
    "csv": "has a header row but no rows under it; add papers to it or remove the file",
    "tsv": "has a header row but no rows under it; add papers to it or remove the file",
    "bib": "holds no BibTeX entries, only comments, @string or @preamble; add entries with a title and abstract, "
           "or remove the file",
    "seed": "holds no papers, no title with an abstract under it; add papers to it or remove the file",
    "jsonl": "holds no records; add papers to it or remove the file",
}


def read_file(path: Path) -> Iterator[Paper | Reject | Notice]:
    """Papers and rejects of one file; a whole-file problem is one reject at line 0, and a file that
    holds no record at all gets a notice at line 0 that says why (it would go unmentioned otherwise):
    its reader's (an empty JSON array), else its format's.

    JSON lines stream one line at a time; seed dumps and CSV are read whole (their
    records span lines).
    """
    name = str(path)
    head = read_head(path)
    if not head.removeprefix(_BOM).strip() and not read_bytes(path).removeprefix(_BOM).strip():
        only = " (it holds only a byte-order mark)" if head.startswith(_BOM) else ""
        yield Reject(name, 0, f"file is empty{only}; remove it or add papers to it")
        return
    if (why := binary_kind(head) or unread_format(head)) is not None:
        yield Reject(name, 0, why)
        return
    fmt = detect_format(path, decode_lines(head.rsplit(b"\n", 1)[0] if b"\n" in head else head))
    empty = True
    for item in _format_items(path, fmt):
        empty = empty and isinstance(item, Notice) and item.line != 0  # line 0: the reader said why
        yield item
    if empty:
        yield Notice(name, 0, _NO_RECORDS[fmt])


def _format_items(path: Path, fmt: str) -> Iterator[Paper | Reject | Notice]:
    """The items of a text file in format ``fmt`` (see :func:`detect_format`)."""
    name = str(path)
    if fmt == "jsonl":
        if _json_document(path):
            data = read_bytes(path).removeprefix(_BOM)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as err:
                line = data.count(b"\n", 0, err.start) + 1
                yield Reject(name, line, f"JSON document is not valid UTF-8 (line {line}); re-save the file as UTF-8")
                return
            items = read_json(name, text)
            if items is not None:
                yield from items
                return
        yield from read_jsonl(name, iter_lines(path))
        return
    data = read_bytes(path)
    lines = decode_lines(data)
    bad = [number for number, text in lines if text is None]
    lines_1252 = decode_lines(data, fallback="cp1252") if bad else lines
    if bad and all(text is not None for _, text in lines_1252):
        # a spreadsheet saved on Windows ("Café"): rejecting those lines would split the records they are
        # part of (a quoted abstract over several lines), so they are read as Windows-1252, and said so;
        # a line that is not that either (five bytes are undefined in it) leaves every line rejected alike
        lines = lines_1252
        yield Notice(name, bad[0], f"{len(bad)} line{'s are' if len(bad) > 1 else ' is'} not UTF-8 (first: line {bad[0]}); "
                                   "read as Windows-1252, the encoding Excel saves in; if the accents read wrong, re-save the "
                                   "file as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)")
    if fmt in ("csv", "tsv"):
        yield from read_csv(name, lines, delimiter="\t" if fmt == "tsv" else ",")
    elif fmt == "bib":
        yield from read_bibtex(name, lines)
    else:
        suffix = path.suffix.lower()
        note = "" if suffix in KNOWN_SUFFIXES else f"; it was read as one because {suffix or 'a name with no suffix'} is no corpus format"
        yield from read_seed_dump(name, lines, note)


@dataclass(frozen=True)
class Shard:
    """Slice ``index`` (1-based) of ``count``: papers go by their id's hash, so every copy
    of a paper lands in the same shard and shards can be extracted independently.

    >>> Shard.parse("2/4")
    Shard(index=2, count=4)
    >>> sum(Shard(i, 3).contains("p-9a304fecff55f537") for i in (1, 2, 3))
    1
    """

    index: int
    count: int

    def __post_init__(self):
        if not (isinstance(self.index, int) and isinstance(self.count, int) and 1 <= self.index <= self.count):
            raise InputError(f"bad shard {self.index}/{self.count}", fix="shards are numbered 1..N: Shard(K, N) with 1 <= K <= N")

    @classmethod
    def parse(cls, text: str) -> "Shard":
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text or "")
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise InputError(f"bad shard {text!r}", fix="write K/N with 1 <= K <= N, e.g. --shard 3/8")
        return cls(int(match.group(1)), int(match.group(2)))

    def contains(self, paper_id: str) -> bool:
        return int(paper_id[2:], 16) % self.count == self.index - 1

    def owns_reject(self, reject: Reject | Notice) -> bool:
        """Each reject (and notice) is reported by exactly one shard."""
        digest = hashlib.sha1(f"{reject.path}:{reject.line}".encode()).digest()
        return int.from_bytes(digest[:4], "big") % self.count == self.index - 1


def _merge(first: Paper, other: Paper) -> Paper:
    """One paper of two records: the fields of the kept one, which is the first, or a later copy kept
    with its text (the reader keeps a copy's abstract only for a later revision), so that no two
    fields come from different records; the sources of both, and metadata the kept one lacked.  An
    input id the paper does not keep is kept among its ``merged_ids``, so a lookup by it can say
    where the copy went.

    >>> kept = _merge(Paper("p-1", "T", "A.", external_id="j1"), Paper("p-1", "T", "", external_id="j6"))
    >>> kept.external_id, kept.merged_ids
    ('j1', ('j6',))
    """
    kept, filler = (other, first) if other.abstract else (first, other)
    external_id = kept.external_id or filler.external_id
    merged_ids = first.merged_ids + tuple(i for i in other.merged_ids if i not in first.merged_ids)
    for input_id in (first.external_id, other.external_id):
        if input_id not in (None, external_id, *merged_ids):
            merged_ids += (input_id,)
    return replace(
        kept,
        id=first.id,
        sources=first.sources + other.sources,
        year=kept.year or filler.year,
        url=kept.url or filler.url,
        authors=kept.authors or filler.authors,
        categories=kept.categories or filler.categories,
        external_id=external_id,
        merged_ids=merged_ids,
    )


def _text_hash(text: str) -> int:
    """A key for comparing abstracts: case and spacing aside."""
    return hash(" ".join(text.lower().split()))


class CorpusReader:
    """Stream the first copy of every paper; account for every record.

    Later copies of a paper are kept without their text (sources and metadata only),
    so :meth:`merged` can complete a paper after the stream has passed it; memory grows
    with the number of distinct ids and duplicates, not with the corpus text.

    >>> from pathlib import Path
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text('{"title": "T one", "abstract": "A."}\\n{"title": "t-one", "abstract": "B."}\\n')
    >>> reader = CorpusReader([d / "a.jsonl"])
    >>> papers = list(reader)
    >>> [p.abstract for p in papers], [len(reader.merged(p).sources) for p in papers]
    (['A.'], [2])
    >>> reader.report().duplicates, reader.report().differing_abstracts
    (1, 1)
    """

    def __init__(self, paths: Iterable[str | Path] | str | Path, shard: Shard | None = None, latest_revision: bool = True):
        # latest_revision: a later copy revised later (arXiv's update_date) gives the paper its text;
        # a stream that extracts each paper as it goes cannot take that back, and reads the first
        self.latest_revision = latest_revision
        self.files, skipped = find_files([paths] if isinstance(paths, (str, Path)) else paths)  # one path is a corpus too
        self.shard = shard
        self._skipped = [s for s in skipped if shard is None or shard.owns_reject(Reject(s.path, 0, s.reason))]
        # id -> hash of the first copy's abstract, its source, its title, and the latest revision read
        self._seen: dict[str, tuple[int, Source, str, str | None]] = {}
        self._differing_items: list[Duplicate] = []
        self._identical_items: list[Duplicate] = []
        self._later: dict[str, list[Paper]] = {}
        self._rejects: list[Reject] = []
        self._notices: list[Notice] = []
        self._ids: dict[str, tuple[str, Source]] = {}  # the input's own id -> the paper that has it, where
        # arXiv id -> the title of its first record and a sample of its abstract's words, to tell a version from a typo
        self._arxiv_firsts: dict[str, tuple[str, tuple[int, frozenset[int]]]] = {}
        self._title_arxiv_ids: dict[str, tuple[str, Source]] = {}  # title's paper id -> its arXiv id, where (any shard's)
        self._first_ids: dict[str, tuple[str, Source]] = {}  # paper id -> the input id of its first copy, where (any shard's)
        self._records = self._duplicates = self._other = self._differing = 0
        self._started = False

    def __iter__(self) -> Iterator[Paper]:
        if self._started:
            raise RuntimeError("a CorpusReader streams once; make a new one to read again")
        self._started = True
        for path in self.files:
            for item in read_file(path):
                if isinstance(item, Notice):  # about the record that follows it: not a record itself
                    if self.shard is None or self.shard.owns_reject(item):
                        self._notices.append(item)
                    continue
                self._records += item.records if isinstance(item, Reject) else 1
                if isinstance(item, Paper) and item.external_id:
                    item = self._own_id_checked(self._arxiv_identity(item))
                if isinstance(item, Reject):
                    if self.shard is None or self.shard.owns_reject(item):
                        self._rejects.append(item)
                    else:
                        self._other += item.records
                elif self.shard is not None and not self.shard.contains(item.id):
                    self._other += 1
                elif item.id in self._seen:
                    self._merge_copy(item)
                else:
                    self._seen[item.id] = (_text_hash(item.abstract), item.sources[0], item.title, item.revised)
                    yield item

    def _merge_copy(self, item: Paper) -> None:
        """Count and keep a later copy of a paper read before: its text only if it is a later revision."""
        self._duplicates += 1
        text_hash, kept, kept_title, kept_revised = self._seen[item.id]
        newer = False
        source = item.sources[0]
        # a copy merged by its arXiv id may be a version with another title: no plain copy either
        retitled = item.external_id if normalise_title(item.title) != normalise_title(kept_title) else None
        if text_hash != _text_hash(item.abstract) or retitled:  # counted apart in the summary, and listed
            self._differing += 1
            newer = bool(self.latest_revision and item.revised and kept_revised and item.revised > kept_revised)
            # two versions of one arXiv paper: no advice to retitle either
            holder = self._ids.get(item.external_id) if is_arxiv_id(item.external_id) else None
            versions = holder is not None and holder == (item.id, kept)  # the kept copy has this arXiv id too
            self._differing_items.append(Duplicate(source.path, source.line, item.title, kept, kept_title, newer,
                                                   arxiv_id=item.external_id if versions else retitled,
                                                   retitled=bool(retitled)))
        else:  # a plain copy: listed only on request (--show-copies)
            self._identical_items.append(Duplicate(source.path, source.line, item.title, kept, kept_title, identical=True))
        if newer:  # a later revision's record replaces the first copy's (:meth:`merged`)
            self._seen[item.id] = (text_hash, kept, kept_title, item.revised)
        self._later.setdefault(item.id, []).append(item if newer else replace(item, abstract=""))

    def _arxiv_identity(self, item: Paper) -> Paper:
        """The paper, with the id of the paper its arXiv id was read with before where it is plausibly a
        version of it (a version under another title is the same paper), or an id of its own where a
        paper of the same title has another arXiv id (two arXiv papers are two papers whatever their
        titles; a notice says so)."""
        own = item.external_id
        if not is_arxiv_id(own):
            return item
        if (holder := self._ids.get(own)) is not None:
            # a record whose title and abstract both share few words with the first one's is another
            # paper under a mistyped id, left to :meth:`_own_id_checked` to keep apart and name
            return replace(item, id=holder[0]) if self._version_of_first(own, item) else item
        self._arxiv_firsts.setdefault(own, (item.title, word_sample(item.abstract)))
        source = item.sources[0]
        other, where = self._title_arxiv_ids.setdefault(item.id, (own, source))
        if other == own:
            return item
        self._notice(source, f"shares its title with arXiv {other} ({where}) but has another arXiv id, so it is "
                             f"another paper, kept apart: look it up by {own!r}")
        return replace(item, id=paper_id(item.title, arxiv_id=own))

    def _version_of_first(self, arxiv_id: str, item: Paper) -> bool:
        """Whether ``item`` is plausibly a version of the first record of ``arxiv_id``: their titles
        share three quarters of the content words of the shorter one ("Language Models are Few-Shot
        Learners" and "... Unsupervised Multitask Learners" share three of five), or their abstracts half."""
        title, abstract_words = self._arxiv_firsts[arxiv_id]
        return shares_words(word_sample(title), item.title, share=0.75) or shares_words(abstract_words, item.abstract)

    def _own_id_checked(self, item: Paper) -> Paper:
        """The paper, without its input id where a different paper had that id first, so that a
        lookup by the id finds one paper; a notice names both.  A copy merged into a paper read
        first under another id gets a notice too: its id is not kept."""
        source, own = item.sources[0], item.external_id
        holder = self._ids.setdefault(own, (item.id, source))
        if holder[0] != item.id:
            if own in self._arxiv_firsts:
                self._notice(source, f"arXiv id {own!r} is also the id of {holder[1]} ({self._arxiv_firsts[own][0]!r}), but "
                                     "their titles and abstracts share too few words for versions of one paper, so they are two papers, "
                                     "kept apart, and this one keeps no input id: correct the id, or look it up by its title")
            else:
                self._notice(source, f"id {own!r} is also the id of a different paper ({holder[1]}); this paper keeps "
                                     "no input id: give it a unique id, or look it up by its title")
            return replace(item, external_id=None)
        first, first_source = self._first_ids.setdefault(item.id, (own, source))
        if first != own:
            self._notice(source, f"id {own!r} is a copy of the paper read first with id {first!r} ({first_source}), "
                                 f"merged into it: look it up by {first!r} or its title")
        return item

    def _notice(self, source: Source, message: str) -> None:
        notice = Notice(source.path, source.line, message)
        if self.shard is None or self.shard.owns_reject(notice):
            self._notices.append(notice)

    def first_copies(self) -> list[Paper]:
        """Read everything, keeping the papers (for corpora that fit in memory)."""
        return list(self)

    def merged(self, paper: Paper) -> Paper:
        """``paper`` with the sources and missing metadata of its later copies, and the title and
        abstract of its latest revision (arXiv's ``update_date``) when the reader keeps revisions."""
        for other in self._later.get(paper.id, ()):
            paper = _merge(paper, other)
        return paper

    def report(self) -> IngestReport:
        return IngestReport(
            records=self._records,
            papers=len(self._seen),
            duplicates=self._duplicates,
            differing_abstracts=self._differing,
            rejects=tuple(self._rejects),
            notices=tuple(self._notices),
            files=tuple(str(p) for p in self.files),
            other_shards=self._other,
            differing=tuple(self._differing_items),
            identical=tuple(self._identical_items),
            skipped=tuple(self._skipped),
        )


def read_corpus(paths: Iterable[str | Path] | str | Path, shard: Shard | None = None) -> tuple[list[Paper], IngestReport]:
    """Read, dedupe by normalised title, and account for every record.

    Raises :class:`kg.errors.InputError` only for paths that cannot be read at all.
    """
    reader = CorpusReader(paths, shard)
    papers = [reader.merged(p) for p in reader.first_copies()]
    return papers, reader.report()
