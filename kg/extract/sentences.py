"""``kg_sentences``: fast sentence boundaries for titles+abstracts.

The title (first line) is always its own sentence; elsewhere a sentence ends at ``.``,
``!`` or ``?`` followed by a token that starts with an upper-case letter, a digit or a quote.

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
>>> [s.text for s in nlp("A Title\\nWe use e.g. BERT. It works! Done.").sents]
['A Title\\n', 'We use e.g. BERT.', 'It works!', 'Done.']
"""

from __future__ import annotations

from spacy.language import Language

__all__ = ["set_sentence_starts"]

_ENDERS = {".", "!", "?"}


def set_sentence_starts(doc):
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        previous = doc[i - 1]
        if "\n" in previous.text or previous.whitespace_ == "\n" or previous.text_with_ws.endswith("\n"):
            token.is_sent_start = True
        elif previous.text in _ENDERS and (token.text[:1].isupper() or token.text[:1].isdigit() or token.text[:1] in "\"“("):
            token.is_sent_start = i < 2 or doc[i - 2].text.lower() not in ("e.g", "i.e", "et al", "vs", "fig", "eq")
        else:
            token.is_sent_start = False
    return doc


@Language.component("kg_sentences")
def kg_sentences(doc):
    return set_sentence_starts(doc)
