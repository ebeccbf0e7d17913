"""``kg_sentences``: fast sentence boundaries for titles+abstracts.

The title (first line) is always one sentence, even when it holds a "?" or "!"; elsewhere a
sentence ends at ``.``, ``!`` or ``?`` followed by a token that starts with an upper-case
letter, a digit or a quote.

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
>>> [s.text for s in nlp("A Title\\nWe use e.g. BERT. It works! Done.").sents]
['A Title\\n', 'We use e.g. BERT.', 'It works!', 'Done.']
>>> [s.text for s in nlp("Does It Help? A Study\\nYes.").sents]
['Does It Help? A Study\\n', 'Yes.']
>>> [s.text for s in nlp('Title\\nWe call them "soups." When tuned, "Soups" win.').sents]
['Title\\n', 'We call them "soups."', 'When tuned, "Soups" win.']
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language

from .words import view, where

__all__ = ["set_sentence_starts"]

_ENDERS = {".", "!", "?"}
_QUOTES = {'"', "”", "'", "’"}
_ABBREVIATIONS = ("e.g", "i.e", "vs", "fig", "eq")  # "e.g. BERT" ends no sentence


def sentence_starts(texts: list[str], punct: list[bool], spaced: list[bool] | None = None) -> list[int]:
    """1 where a sentence starts, -1 elsewhere (spaCy's SENT_START encoding).

    Only a token after a sentence mark or a line break (``punct``: punctuation or
    whitespace tokens) can start one, so just those are checked.

    >>> texts = ["Title", "\\n", "See", "e.g", ".", "X", ".", "Y"]
    >>> sentence_starts(texts, [t in ("\\n", ".") for t in texts])
    [1, -1, 1, -1, -1, -1, -1, 1]
    """
    out = [-1] * len(texts)
    if texts:
        out[0] = 1
    in_title = True  # the title line is one sentence, even "Does X Help? A Study"
    for i in where(punct[:-1]):
        prev, text = texts[i], texts[i + 1]
        if "\n" in prev:
            out[i + 1] = 1
            in_title = False
        elif in_title:
            continue
        elif prev in _ENDERS and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“("):
            if i < 1 or not _abbreviated(texts, i - 1, text):
                # a quote glued to the full stop closes the sentence ('we call them "soups." When ...')
                if text in _QUOTES and spaced is not None and not spaced[i] and spaced[i + 1] and i + 2 < len(texts):
                    if texts[i + 2][:1].isupper() or texts[i + 2][:1].isdigit():
                        out[i + 2] = 1
                else:
                    out[i + 1] = 1
    return out


def _abbreviated(texts: list[str], last: int, following: str) -> bool:
    """Whether the word ending at token ``last`` is an abbreviation whose full stop ends no
    sentence before ``following``: "e.g", and "et al" (two tokens) before a citation's year
    ("Smith et al. (2024) show"), where a capitalised word after it starts a new sentence.

    >>> _abbreviated(["Smith", "et", "al"], 2, "("), _abbreviated(["Smith", "et", "al"], 2, "The")
    (True, False)
    >>> _abbreviated(["the", "al"], 1, "("), _abbreviated(["vs"], 0, "BERT")
    (False, True)
    """
    word = texts[last].lower()
    if word == "al":
        return last > 0 and texts[last - 1].lower() == "et" and not following[:1].isalpha()
    return word in _ABBREVIATIONS


def set_sentence_starts(doc):
    if not len(doc):
        return doc
    v = view(doc)
    starts = sentence_starts(v.texts, v.punct, v.spaced)
    doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    v.sent_starts = where(map((1).__eq__, starts))
    sent_ids = [0] * len(starts)
    for sent_id, (first, stop) in enumerate(zip(v.sent_starts, v.sent_starts[1:] + [len(starts)])):
        sent_ids[first:stop] = [sent_id] * (stop - first)
    v.sent_ids = sent_ids
    return doc


@Language.component("kg_sentences")
def kg_sentences(doc):
    return set_sentence_starts(doc)
