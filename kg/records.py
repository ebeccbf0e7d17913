"""Small immutable records passed between the pipeline stages.

Data flows one way: ``Paper`` (ingest) -> ``Mention`` (extract) -> ``Entity``
(normalise) -> graph.  Nothing else lives here.

>>> p = Paper(id="p1", title="A title", abstract="Text.", sources=(Source("f.txt", 3),))
>>> p.sources[0].line
3
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "paper_text",
    "ENTITY_TYPES",
    "ROLES",
    "MAX_PAPER_CHARS",
    "TOO_LONG",
    "length_problem",
    "Source",
    "Paper",
    "Reject",
    "Notice",
    "Duplicate",
    "Skipped",
    "IngestReport",
    "Mention",
    "Entity",
    "PaperEntities",
]

ENTITY_TYPES = ("DATASET", "MODEL", "METHOD", "TASK", "METRIC")
ROLES = ("proposed", "used")

# The most characters of title and abstract together that one paper may have. The extractor
# sets spaCy's nlp.max_length from it (plus the newline between them), and the readers reject
# a longer record, so no paper reaches spaCy too long to read.
MAX_PAPER_CHARS = 1_000_000
TOO_LONG = "title+abstract is "  # how a length reject's reason opens (a seed dump may hold one)


def length_problem(title: str, abstract: str) -> str | None:
    """Why a paper's text is too long to extract, or None when it fits.

    >>> length_problem("T", "A."), length_problem("T", "x" * MAX_PAPER_CHARS)
    (None, 'title+abstract is 1,000,001 characters; at most 1,000,000 are read per paper')
    """
    size = len(title) + len(abstract)
    if size <= MAX_PAPER_CHARS:
        return None
    return f"{TOO_LONG}{size:,} characters; at most {MAX_PAPER_CHARS:,} are read per paper"


@dataclass(frozen=True)
class Source:
    """Where one input record came from (file path and 1-based line)."""

    path: str
    line: int

    def __str__(self) -> str:
        """``path:line``, the form stored on a Paper node.

        >>> str(Source("a.txt", 3)), Source.parse("dir/a:b.txt:3"), Source.parse("x")
        ('a.txt:3', Source(path='dir/a:b.txt', line=3), Source(path='x', line=0))
        """
        return f"{self.path}:{self.line}"

    @classmethod
    def parse(cls, text: str) -> "Source":
        """The inverse of ``str``; a text with no line number gets line 0."""
        path, _, line = text.rpartition(":")
        return cls(path, int(line)) if line.isdigit() and path else cls(text, 0)


@dataclass(frozen=True)
class Paper:
    """One deduplicated paper; ``sources`` lists every record merged into it.

    Build one by hand with :meth:`Paper.from_text`, which gives it the id the corpus readers would.
    """

    id: str
    title: str
    abstract: str
    sources: tuple[Source, ...] = ()
    year: int | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    external_id: str | None = None
    revised: str | None = None  # when this copy was last revised (arXiv's update_date): of two copies, the later is kept
    merged_ids: tuple[str, ...] = ()  # the input ids of copies merged into this paper under another id

    @classmethod
    def from_text(cls, title: str, abstract: str, **fields) -> "Paper":
        """A paper made as the corpus readers make one: title and abstract cleaned (TeX, HTML
        references, whitespace; :func:`kg.ingest.identity.clean_text`) and the id derived from the
        title (:func:`kg.ingest.paper_id`), so the same paper read from a file gets the same id.
        ``fields`` are the other fields (``year``, ``url``, ``authors``, ...).

        >>> paper = Paper.from_text("MALT: Improving  Reasoning", "We propose MALT.", year=2024)
        >>> paper.id, paper.title, paper.year
        ('p-9a304fecff55f537', 'MALT: Improving Reasoning', 2024)
        >>> Paper.from_text("T", "A.", authors="Smith, J.; Doe, A.", year="2021").authors
        ('Smith, J.', 'Doe, A.')
        >>> Paper.from_text("T", None)
        Traceback (most recent call last):
        kg.errors.InputError: Paper.from_text needs a non-empty abstract string, got None (fix: pass the paper's abstract as text)
        """
        from .errors import InputError
        from .ingest.identity import clean_text, paper_id  # the readers' module, which imports this one
        from .ingest.structured import _authors, _year

        if "id" in fields:
            raise InputError("Paper.from_text derives the id from the title; an id was given too",
                             fix="drop id=..., or build the record as Paper(id=..., title=..., abstract=...)")
        for name, value in (("title", title), ("abstract", abstract)):
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"Paper.from_text needs a non-empty {name} string, got {value!r}",
                                 fix=f"pass the paper's {name} as text")
        if isinstance(fields.get("authors"), (str, list)):
            fields["authors"] = _authors(fields["authors"])  # "Smith, J.; Doe, A.": the readers' split
        if fields.get("year") is not None:
            year = _year(fields["year"])
            if year is None:
                raise InputError(f"year {fields['year']!r} is not a year", fix="pass a four-digit year, e.g. year=2021, or leave it out")
            fields["year"] = year
        title, abstract = clean_text(title), clean_text(abstract)
        return cls(id=paper_id(title), title=title, abstract=abstract, **fields)


@dataclass(frozen=True)
class Reject:
    """An input record that could not be used, and why (``line`` 0: the whole file).

    >>> str(Reject("a.jsonl", 3, "invalid JSON")), str(Reject("b.txt", 0, "file is empty"))
    ('a.jsonl:3: invalid JSON', 'b.txt: file is empty')
    """

    path: str
    line: int
    reason: str
    records: int = 1  # the input records it stands for: a CSV header that does not read leaves every row unread

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.reason}"


def _where(path: str, line: int) -> str:
    return f"{path}:{line}" if line else path


@dataclass(frozen=True)
class Notice:
    """A kept record with a field that could not be read and was left out.

    >>> str(Notice("a.jsonl", 3, "year 'soon' is not a year; left empty"))
    "a.jsonl:3: year 'soon' is not a year; left empty"
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.message}"


@dataclass(frozen=True)
class Duplicate:
    """A later copy of a paper (same normalised title, or arXiv id) whose abstract or title differs from the kept copy's.

    >>> print(Duplicate("a.jsonl", 6, "dup TITLE!", Source("a.jsonl", 5), "Dup title"))
    a.jsonl:6: 'dup TITLE!' has the title of line 5 ('Dup title') but another abstract; merged into it, keeping the first abstract (retitle one if they are different papers)
    >>> str(Duplicate("b.csv", 2, "Dup", Source("a.jsonl", 5), "Dup")).split(" but")[0]
    "b.csv:2: 'Dup' has the title of a.jsonl:5"
    >>> print(Duplicate("b.csv", 3, "DUP", Source("a.jsonl", 5), "Dup", identical=True))
    b.csv:3: 'DUP' is a copy of a.jsonl:5 ('Dup'); merged into it
    >>> print(Duplicate("a.jsonl", 2, "Zorb v2", Source("a.jsonl", 1), "Zorb", newer=True, arxiv_id="2203.33333", retitled=True))
    a.jsonl:2: 'Zorb v2' has the arXiv id of line 1 ('Zorb'), 2203.33333, under another title: one paper's versions, merged, keeping this later revision's title and abstract
    >>> print(Duplicate("a.jsonl", 2, "Zorb", Source("a.jsonl", 1), "Zorb", arxiv_id="2203.33333"))
    a.jsonl:2: 'Zorb' has the arXiv id of line 1, 2203.33333, and another abstract: one paper's versions, merged, keeping the first copy's title and abstract
    """

    path: str
    line: int
    title: str
    kept: Source
    kept_title: str
    newer: bool = False  # this copy is a later revision (arXiv's update_date): its record is kept
    identical: bool = False  # the same abstract as the kept copy's: a plain copy
    arxiv_id: str | None = None  # merged by this arXiv id, which both have: versions of one arXiv paper
    retitled: bool = False  # under another title (merged by the arXiv id alone)

    def __str__(self) -> str:
        kept = f"line {self.kept.line}" if self.kept.path == self.path else str(self.kept)
        # the kept title is shown only where it is written differently ("dup TITLE!" and "Dup title")
        theirs = "" if self.kept_title == self.title else f" ({_shortened(self.kept_title)!r})"
        this = f"{_where(self.path, self.line)}: {_shortened(self.title)!r}"
        if self.identical:
            return f"{this} is a copy of {kept}{theirs}; merged into it"
        if self.arxiv_id:
            keeping = "this later revision's" if self.newer else "the first copy's"
            differing = "under another title" if self.retitled else "and another abstract"
            return (f"{this} has the arXiv id of {kept}{theirs}, {self.arxiv_id}, {differing}: one paper's "
                    f"versions, merged, keeping {keeping} title and abstract")
        keeping = "keeping this later revision's abstract" if self.newer else \
            "keeping the first abstract (retitle one if they are different papers)"
        return f"{this} has the title of {kept}{theirs} but another abstract; merged into it, {keeping}"


def _shortened(title: str, most: int = 60) -> str:
    """``title`` cut at a word boundary to about ``most`` characters, with "…" where cut.

    >>> _shortened("A Study of Things", 10), _shortened("Short", 10)
    ('A Study of…', 'Short')
    """
    if len(title) <= most:
        return title
    cut = title[:most + 1].rsplit(" ", 1)[0] if " " in title[:most + 1] else title[:most]
    return cut.rstrip(" ,:;-") + "…"


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder and not read, or a file given again, and why (it is no records, so it is not counted as one).

    >>> str(Skipped("c/notes.md", "not a corpus file"))
    'c/notes.md: not a corpus file'
    """

    path: str
    reason: str
    repeat: bool = False  # a file given again (by name, or in a folder given too), not one of another format

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class IngestReport:
    """Accounts for every input record: parsed, merged as duplicate, or rejected."""

    records: int
    papers: int
    duplicates: int
    rejects: tuple[Reject, ...] = ()
    files: tuple[str, ...] = ()
    other_shards: int = 0
    differing_abstracts: int = 0  # duplicates whose abstract (or, merged by arXiv id, title) differs from the kept first copy's
    notices: tuple[Notice, ...] = ()  # notes on kept records (a field left out, an input id not kept) and on files with none
    differing: tuple[Duplicate, ...] = ()  # the duplicates counted in differing_abstracts, each named
    identical: tuple[Duplicate, ...] = ()  # the other duplicates, plain copies of a kept paper, each named
    skipped: tuple[Skipped, ...] = ()  # files in folders that are no corpus format, and files given again

    @property
    def files_without_records(self) -> tuple[Notice, ...]:
        """The notices on files that hold no record (a CSV with only its header), each saying why."""
        return tuple(n for n in self.notices if n.line == 0)

    @property
    def rejected(self) -> int:
        """The input records rejected: one per reject, or the rows a CSV's header left unread."""
        return sum(reject.records for reject in self.rejects)

    @property
    def balanced(self) -> bool:
        """Every record is a paper, a duplicate merged into one, a reject, or another shard's."""
        return self.records == self.papers + self.duplicates + self.rejected + self.other_shards


@dataclass(frozen=True)
class Mention:
    """One entity mention found in a paper's title or abstract.

    ``canonical``/``family`` are set when a curated name list knows the entity.

    ``start``/``end`` are character offsets into ``Paper.title + "\\n" + Paper.abstract``
    (see :func:`kg.extract.paper_text`); ``sentence`` is the evidence sentence.
    """

    text: str
    type: str
    role: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float = 1.0
    aliases: tuple[str, ...] = ()
    canonical: str | None = None
    family: str | None = None


@dataclass(frozen=True)
class Entity:
    """One canonical entity mentioned by a paper (document level)."""

    key: str
    name: str
    type: str
    role: str
    text: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float = 1.0
    aliases: tuple[str, ...] = ()
    family: str | None = None
    # where each sentence naming it starts and ends (offsets as ``start``), the evidence sentence's
    # first: which entities a paper names in one sentence ("we evaluate Llama 3 on MMLU")
    sentence_starts: tuple[int, ...] = ()
    sentence_ends: tuple[int, ...] = ()


def paper_text(paper: Paper) -> str:
    """The text offsets refer to: title, a newline, then the abstract."""
    return f"{paper.title}\n{paper.abstract}"


@dataclass(frozen=True)
class PaperEntities:
    """A paper with its normalised entities and the links found in its abstract."""

    paper: Paper
    entities: tuple[Entity, ...] = ()
    links: tuple[str, ...] = field(default=())
