"""A per-doc cache of token facts the rules read many times, and glued words.

Creating spaCy ``Token`` objects dominates rule cost, so each doc's texts, spacing,
punctuation flags and sentence ids are read once into plain lists (``view(doc)``); the
cache is dropped by ``kg_resolve`` so finished docs stay serialisable.

Glued words join tokens the tokenizer split inside one written word ("As", "-", "ViT").

>>> import spacy
>>> doc = spacy.blank("en")("we propose As-ViT, a model (v2).")
>>> [doc[s:e].text for s, e in glued_words(doc)]
['we', 'propose', 'As-ViT', 'a', 'model', 'v2']
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["TokenView", "view", "glued_words", "drop_view"]

_JOINERS = {"-", ".", "/", "+", "_"}
_CACHE = "_kg_view"


@dataclass
class TokenView:
    texts: list[str]
    spaced: list[bool]
    punct: list[bool]
    trailing: list[str] = field(default_factory=list)
    sent_ids: list[int] = field(default_factory=list)
    words: list[tuple[int, int]] = field(default_factory=list)

    def text(self, start: int, end: int) -> str:
        if end - start == 1:
            return self.texts[start]
        return "".join(self.texts[i] + (" " if self.spaced[i] and i < end - 1 else "") for i in range(start, end))


def view(doc) -> TokenView:
    cached = doc.user_data.get(_CACHE)
    if cached is None:
        texts, trailing, punct = [], [], []
        for t in doc:
            texts.append(t.text)
            trailing.append(t.whitespace_)
            punct.append(t.is_punct or t.is_space)
        cached = TokenView(texts, [bool(w) for w in trailing], punct, trailing)
        cached.words = _glue(cached)
        doc.user_data[_CACHE] = cached
    return cached


def drop_view(doc) -> None:
    doc.user_data.pop(_CACHE, None)


def _glue(v: TokenView) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(v.texts)
    i = 0
    while i < n:
        if v.punct[i]:
            i += 1
            continue
        start = i
        while True:
            if i + 2 < n and not v.spaced[i] and v.texts[i + 1] in _JOINERS and not v.spaced[i + 1] and not v.punct[i + 2]:
                i += 2
            elif i + 1 < n and not v.spaced[i] and not v.punct[i + 1]:
                i += 1  # "ImageNet-1" + "K": one written word split by the tokenizer
            else:
                break
        spans.append((start, i + 1))
        i += 1
    return spans


def glued_words(doc) -> list[tuple[int, int]]:
    return view(doc).words
