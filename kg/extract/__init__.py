"""Entity extraction with a spaCy pipeline built from rule components (offline, no model).

Pipeline: ``kg_sentences`` -> ``kg_names`` (curated lists) -> ``kg_phrases`` -> ``kg_abbreviations`` ->
``kg_proposals`` -> ``kg_shapes`` -> ``kg_resolve``.  Each component is a registered
factory in its own module; the rules underneath are pure functions.

>>> from kg.records import Paper
>>> nlp = build_nlp()
>>> paper = Paper("p-1", "FooNet: A Model", "We propose FooNet, a model. We evaluate on GSM8K and MATH.")
>>> [(m.text, m.type, m.role) for _, mentions, _ in extract([paper], nlp=nlp) for m in mentions]
[('FooNet', 'MODEL', 'proposed'), ('FooNet', 'MODEL', 'proposed'), ('GSM8K', 'DATASET', 'used'), ('MATH', 'DATASET', 'used')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

import spacy

from ..errors import InputError
from ..records import MAX_PAPER_CHARS, Mention, Paper, length_problem, paper_text
from . import abbreviations, names, phrases, proposals, resolve, sentences, shapes, tokenizer  # noqa: F401  (register factories)
from . import gazetteer
from .links import find_links
from .parallel import default_workers, map_ordered

__all__ = ["PIPELINE", "build_nlp", "shared_nlp", "paper_text", "extract", "checked_papers", "default_workers"]

PIPELINE = ("kg_sentences", "kg_names", "kg_phrases", "kg_abbreviations", "kg_proposals", "kg_shapes", "kg_resolve")


def build_nlp(gazetteer_dir: str | None = None):
    """A blank English tokenizer plus the paper-kg rule components."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    nlp.max_length = MAX_PAPER_CHARS + 1  # title, newline, abstract: what paper_text makes of a paper
    for name in PIPELINE:
        config = {"gazetteer_dir": gazetteer_dir} if name in ("kg_names", "kg_phrases", "kg_abbreviations") else {}
        nlp.add_pipe(name, config=config)
    return nlp


def shared_nlp(gazetteer_dir: str | None = None):
    """The pipeline :func:`build_nlp` makes, built once per process for each version of the name
    lists: a notebook or a service that extracts again and again pays the build (about 1.5 s) once.
    Editing a list file, or naming another folder, gets a pipeline built afresh.  The rule
    components keep nothing of one run for the next (only memos of pure functions), so sharing
    one pipeline changes no result.

    >>> shared_nlp() is shared_nlp()
    True
    """
    folder = Path(gazetteer_dir) if gazetteer_dir else gazetteer.GAZETTEER_DIR
    return _pipeline_for(gazetteer_dir, str(folder.resolve()), _folder_signature(folder))


def _folder_signature(folder: Path) -> tuple:
    """Name, size and change time of every file in the lists' folder."""
    signature = []
    with suppress(OSError):
        for path in sorted(folder.iterdir()):
            with suppress(OSError):
                stat = path.stat()
                signature.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(signature)


@lru_cache(maxsize=1)  # one pipeline (about 140 MB) kept at a time
def _pipeline_for(gazetteer_dir: str | None, _folder: str, _signature: tuple):
    return build_nlp(gazetteer_dir)


def extract(
    papers: Iterable[Paper], *, nlp=None, batch_size: int = 256, workers: int = 1
) -> Iterator[tuple[Paper, list[Mention], tuple[str, ...]]]:
    """(paper, mentions, links) per paper, in input order, on ``workers`` processes.

    A paper with no id, title or abstract, or whose title and abstract together are longer than
    ``MAX_PAPER_CHARS``, raises :class:`kg.errors.InputError` when the stream reaches it
    (:func:`checked_papers`; the corpus readers reject such a record, with its file and line, so
    it never gets here from them).

    >>> next(extract([Paper("p-2", "Huge", "We use ImageNet. " * 70000)]))
    Traceback (most recent call last):
    kg.errors.InputError: paper p-2 ('Huge'): title+abstract is 1,190,004 characters; at most 1,000,000 are read per paper (fix: shorten its abstract, or read the corpus with kg.read_corpus, which rejects such a record and reads on)
    """
    nlp = nlp or shared_nlp()
    papers = checked_papers(papers)

    def run(chunk: list[Paper]) -> list[tuple[list[Mention], tuple[str, ...]]]:
        docs = nlp.pipe((paper_text(p) for p in chunk), batch_size=batch_size)
        return [(_mentions(doc), find_links(paper.abstract)) for doc, paper in zip(docs, chunk)]

    for paper, (mentions, links) in map_ordered(run, papers, workers=workers, chunk_size=batch_size):
        yield paper, mentions, links


def checked_papers(papers: Iterable[Paper]) -> Iterator[Paper]:
    """The papers, one by one, each checked as the corpus readers check a record: a paper with no
    id, no title, no abstract or too much text raises :class:`kg.errors.InputError` here, in the
    calling process, rather than giving no entities or spaCy's E088 in a worker.  So does
    anything that is not an iterable of :class:`kg.records.Paper` (a string, one bare Paper).

    >>> list(checked_papers([Paper("p-1", "A title", " ")]))
    Traceback (most recent call last):
    kg.errors.InputError: paper p-1: title with no abstract: 'A title' (fix: give it a non-empty abstract, or leave it out; kg.read_corpus rejects such a record and reads on)
    >>> list(checked_papers("A title"))
    Traceback (most recent call last):
    kg.errors.InputError: papers must be an iterable of kg.Paper, not a str: 'A title' (fix: make one with kg.Paper.from_text(title, abstract) and pass [paper])
    """
    if isinstance(papers, (str, bytes, Paper)) or not isinstance(papers, Iterable):
        raise InputError(f"papers must be an iterable of kg.Paper, not {_shown(papers)}", fix=_MAKE_ONE)
    for number, paper in enumerate(papers, start=1):
        if not isinstance(paper, Paper):
            raise InputError(f"paper {number} is {_shown(paper)}, not a kg.Paper", fix=_MAKE_ONE)
        for name in ("id", "title", "abstract"):
            if not isinstance(getattr(paper, name), str):
                raise InputError(f"paper {number} ({paper.id!r}): its {name} is {_shown(getattr(paper, name))}, not text",
                                 fix=f"give it a string {name}")
        if not paper.id.strip():
            raise InputError(f"paper {number} ({paper.title[:60]!r}) has no id",
                             fix="make it with kg.Paper.from_text(title, abstract), which derives the id from the title")
        if not paper.title.strip():
            raise InputError(f"paper {paper.id}: record has no title", fix="give it a non-empty title")
        if not paper.abstract.strip():
            raise InputError(f"paper {paper.id}: title with no abstract: {paper.title[:60]!r}",
                             fix="give it a non-empty abstract, or leave it out; kg.read_corpus rejects such a record and reads on")
        if (why := length_problem(paper.title, paper.abstract)) is not None:
            raise InputError(f"paper {paper.id} ({paper.title[:60]!r}): {why}",
                             fix="shorten its abstract, or read the corpus with kg.read_corpus, "
                                 "which rejects such a record and reads on")
        yield paper


_MAKE_ONE = "make one with kg.Paper.from_text(title, abstract) and pass [paper]"


def _shown(value) -> str:
    """A value's type, and the start of a text: "a str: 'A title'", "a NoneType"."""
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    return f"{article} {kind}: {value[:60]!r}" if isinstance(value, (str, bytes)) else f"{article} {kind}"


def _mentions(doc) -> list[Mention]:
    return [
        Mention(
            text=m["text"], type=m["type"], role=m["role"], sentence=m["sentence"], start=m["start"],
            end=m["end"], rule=m["rule"], confidence=m["confidence"], aliases=tuple(m["aliases"]),
            canonical=m["canonical"], family=m["family"],
        )
        for m in doc.user_data.get("kg_mentions", [])
    ]
