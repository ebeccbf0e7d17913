"""Names a paper coins ("MALT", "Multi-agent LLM training") found again in other papers.

The first pass only knows a coined name inside the paper that defines it; this second,
corpus-level pass (tokenizer + PhraseMatcher, no rules) finds it wherever else it is
written, so every paper that mentions MALT links to the same node.

>>> import spacy
>>> from kg.records import Mention, Paper
>>> nlp = spacy.blank("en")
>>> first = [(Paper("a", "MALT: X", "We propose MALT."),
...           [Mention("MALT", "METHOD", "proposed", "We propose MALT.", 19, 23, "proposal")]),
...          (Paper("b", "Y", "We compare with MALT."), [])]
>>> [(m.text, m.role, m.rule) for m in find_coined_names(first, nlp)[1]]
[('MALT', 'used', 'coined-elsewhere')]
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from ..records import Mention, Paper
from .lexicon import NOT_NAMES, is_name_shaped

__all__ = ["coined_names", "find_coined_names"]

_COINING_RULES = {"proposal", "abbreviation"}


def coined_names(first_pass) -> dict[str, tuple[str, str]]:
    """Surface form -> (type, canonical) for names a paper proposes or defines."""
    names: dict[str, tuple[str, str]] = {}
    for _paper, mentions in first_pass:
        for m in mentions:
            # only a paper's own coinages: an abbreviation of an established term can mean
            # different things in different papers (SSL: self- or semi-supervised learning)
            if m.rule not in _COINING_RULES or m.role != "proposed":
                continue
            canonical = m.canonical or m.text
            for form in {m.text, *m.aliases}:
                distinctive = is_name_shaped(form) or len(form.split()) >= 3
                if distinctive and form not in NOT_NAMES and len(form) >= 3:
                    names.setdefault(form, (m.type, canonical))
    return names


def find_coined_names(first_pass, nlp) -> dict[int, list[Mention]]:
    """Extra mentions per paper index, for coined names the paper did not already have."""
    names = coined_names(first_pass)
    if not names:
        return {}
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for form in names:
        matcher.add(form, [nlp.make_doc(form)])
    extra: dict[int, list[Mention]] = {}
    for index, (paper, mentions) in enumerate(first_pass):
        have = {(m.start, m.end) for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        doc = nlp.make_doc(f"{paper.title}\n{paper.abstract}")
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            if (span.start_char, span.end_char) in have or span.start_char in covered:
                continue
            entity_type, canonical = names[nlp.vocab.strings[match_id]]
            sentence = _sentence_around(doc.text, span.start_char, span.end_char)
            extra.setdefault(index, []).append(
                Mention(span.text, entity_type, "used", sentence, span.start_char, span.end_char,
                        "coined-elsewhere", 0.7, canonical=canonical)
            )
            covered |= set(range(span.start_char, span.end_char))
    return extra


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 : right].strip()
