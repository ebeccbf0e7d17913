"""Glue tokens the tokenizer split inside one written word ("As", "-", "ViT" -> "As-ViT").

>>> import spacy
>>> doc = spacy.blank("en")("we propose As-ViT, a model (v2).")
>>> [doc[s:e].text for s, e in glued_words(doc)]
['we', 'propose', 'As-ViT', 'a', 'model', 'v2']
"""

from __future__ import annotations

__all__ = ["glued_words", "word_at"]

_JOINERS = {"-", ".", "/", "+", "_"}


def glued_words(doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        if doc[i].is_punct or doc[i].is_space:
            i += 1
            continue
        start = i
        while (
            i + 2 < n
            and not doc[i].whitespace_
            and doc[i + 1].text in _JOINERS
            and not doc[i + 1].whitespace_
            and not doc[i + 2].is_punct
            and not doc[i + 2].is_space
        ):
            i += 2
        spans.append((start, i + 1))
        i += 1
    return spans


def word_at(doc, words: list[tuple[int, int]], token: int) -> tuple[int, int] | None:
    for span in words:
        if span[0] <= token < span[1]:
            return span
    return None
