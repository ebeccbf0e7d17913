"""The shared scratch list components append to: plain dicts in ``doc.user_data`` (so docs
survive ``nlp.pipe(n_process=...)`` serialisation).

>>> import spacy
>>> doc = spacy.blank("en")("GSM8K is used")
>>> add(doc, 0, 1, "DATASET", "gazetteer", canonical="GSM8K")
>>> candidates(doc)[0]["type"]
'DATASET'
"""

from __future__ import annotations

__all__ = ["add", "candidates", "abbreviations", "proposed_keys"]

_KEY = "kg_candidates"


def candidates(doc) -> list[dict]:
    return doc.user_data.setdefault(_KEY, [])


def add(doc, start: int, end: int, entity_type: str, rule: str, *, canonical: str | None = None,
        family: str | None = None, confidence: float = 1.0, aliases: tuple[str, ...] = (), proposed: bool = False,
        also: tuple[tuple[str, str | None], ...] = ()) -> None:
    """``also``: (name, family) of other curated names the same written span names ("CIFAR10/100": CIFAR-100 too)."""
    candidates(doc).append({
        "start": start, "end": end, "type": entity_type, "rule": rule, "canonical": canonical,
        "family": family, "confidence": confidence, "aliases": list(aliases), "proposed": proposed, "also": also,
    })


def abbreviations(doc) -> dict[str, dict]:
    """Short form -> {"long": str, "type": str|None} defined in this doc."""
    return doc.user_data.setdefault("kg_abbreviations", {})


def proposed_keys(doc) -> set[str]:
    """Surface keys of names this paper proposes (filled by the proposals component)."""
    return doc.user_data.setdefault("kg_proposed", set())
