"""``kg_sentences``: fast sentence boundaries for titles+abstracts.

The title (first line) is always its own sentence; elsewhere a sentence ends at ``.``,
``!`` or ``?`` followed by a token that starts with an upper-case letter, a digit or a quote.

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
>>> [s.text for s in nlp("A Title\\nWe use e.g. BERT. It works! Done.").sents]
['A Title\\n', 'We use e.g. BERT.', 'It works!', 'Done.']
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language

from .words import view

__all__ = ["set_sentence_starts"]

_ENDERS = {".", "!", "?"}


def sentence_starts(texts: list[str], trailing: list[str]) -> list[int]:
    """1 where a sentence starts, -1 elsewhere (spaCy's SENT_START encoding)."""
    out = [1] * len(texts)
    for i in range(1, len(texts)):
        prev, text = texts[i - 1], texts[i]
        if "\n" in prev or "\n" in trailing[i - 1]:
            continue
        if prev in _ENDERS and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“("):
            if i < 2 or texts[i - 2].lower() not in ("e.g", "i.e", "et al", "vs", "fig", "eq"):
                continue
        out[i] = -1
    return out


def set_sentence_starts(doc):
    if not len(doc):
        return doc
    v = view(doc)
    starts = sentence_starts(v.texts, v.trailing)
    doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    sent_id, ids = -1, []
    for flag in starts:
        sent_id += flag == 1
        ids.append(sent_id)
    v.sent_ids = ids
    return doc


@Language.component("kg_sentences")
def kg_sentences(doc):
    return set_sentence_starts(doc)
