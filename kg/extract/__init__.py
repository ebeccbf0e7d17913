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

import spacy

from ..records import Mention, Paper
from . import abbreviations, names, phrases, proposals, resolve, sentences, shapes, tokenizer  # noqa: F401  (register factories)
from .links import find_links
from .parallel import default_workers, map_ordered

__all__ = ["PIPELINE", "build_nlp", "paper_text", "extract", "default_workers"]

PIPELINE = ("kg_sentences", "kg_names", "kg_phrases", "kg_abbreviations", "kg_proposals", "kg_shapes", "kg_resolve")


def build_nlp(gazetteer_dir: str | None = None):
    """A blank English tokenizer plus the paper-kg rule components."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    for name in PIPELINE:
        config = {"gazetteer_dir": gazetteer_dir} if name in ("kg_names", "kg_phrases", "kg_abbreviations") else {}
        nlp.add_pipe(name, config=config)
    return nlp


def paper_text(paper: Paper) -> str:
    """The text offsets refer to: title, a newline, then the abstract."""
    return f"{paper.title}\n{paper.abstract}"


def extract(
    papers: Iterable[Paper], *, nlp=None, batch_size: int = 256, workers: int = 1
) -> Iterator[tuple[Paper, list[Mention], tuple[str, ...]]]:
    """(paper, mentions, links) per paper, in input order, on ``workers`` processes."""
    nlp = nlp or build_nlp()

    def run(chunk: list[Paper]) -> list[tuple[list[Mention], tuple[str, ...]]]:
        docs = nlp.pipe((paper_text(p) for p in chunk), batch_size=batch_size)
        return [(_mentions(doc), find_links(paper.abstract)) for doc, paper in zip(docs, chunk)]

    for paper, (mentions, links) in map_ordered(run, papers, workers=workers, chunk_size=batch_size):
        yield paper, mentions, links


def _mentions(doc) -> list[Mention]:
    return [
        Mention(
            text=m["text"], type=m["type"], role=m["role"], sentence=m["sentence"], start=m["start"],
            end=m["end"], rule=m["rule"], confidence=m["confidence"], aliases=tuple(m["aliases"]),
            canonical=m["canonical"], family=m["family"],
        )
        for m in doc.user_data.get("kg_mentions", [])
    ]
