"""A per-doc cache of token facts the rules read many times, and glued words.

Creating spaCy ``Token`` objects dominates rule cost, so each doc's token facts are read
once into plain lists (``view(doc)``): one ``Doc.to_array`` call for lexeme ids and
spacing, then each lexeme's text, lower case and punctuation flags from a table keyed
by lexeme id (filled once per distinct word).  The sentences component adds sentence
ids; the cache is dropped by ``kg_resolve`` so finished docs stay serialisable.

Glued words join tokens the tokenizer split inside one written word ("As", "-", "ViT").

>>> import spacy
>>> v = view(spacy.blank("en")("we propose As-ViT, a model (v2)."))
>>> v.words[:3], v.word_texts
([(0, 1), (1, 2), (2, 5)], ['we', 'propose', 'As-ViT', 'a', 'model', 'v2'])
>>> v.texts[2:5], v.punct[2:5], v.text(2, 6)
(('As', '-', 'ViT'), (False, True, False), 'As-ViT,')
>>> v.word_at(2), v.word_at(3)
(2, None)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, count

from spacy.attrs import IDX, ORTH, SPACY

from ..normalise import surface_key
from .lexicon import is_name_shaped

__all__ = ["TokenView", "view", "drop_view", "WordMemo", "cue_positions", "word_key", "name_shaped", "where"]

_JOINERS = {"-", ".", "/", "+", "_"}
_SEPARATORS = {"|"}  # symbols spaCy does not call punctuation that still end a written word
_CACHE = "_kg_view"
SOURCE_TEXT = "_kg_source_text"  # the text a doc was made from, left by the tokenizer for the view

# lexeme id -> (text, lower, punctuation or space, punctuation, quote): a lexeme's facts
# never depend on context, and its id is the hash of its text, so they hold in every doc
_LEXEMES: dict[int, tuple[str, str, bool, bool, bool]] = {}


@dataclass
class TokenView:
    texts: Sequence[str]
    spaced: Sequence[bool]
    punct: Sequence[bool]  # punctuation or whitespace: never part of a glued word
    lower: Sequence[str] = ()
    is_punct: Sequence[bool] = ()
    quote: Sequence[bool] = ()
    sent_ids: list[int] = field(default_factory=list)  # empty until kg_sentences ran
    sent_starts: list[int] = field(default_factory=list)  # first token of each sentence
    words: list[tuple[int, int]] = field(default_factory=list)  # glued words' token spans
    word_texts: list[str] = field(default_factory=list)
    word_lower: list[str] = field(default_factory=list)
    source: str = ""  # the doc's text, which token offsets index
    starts: Sequence[int] = ()  # each token's character offset
    _sentence_texts: list[str] | None = None
    memo: dict = field(default_factory=dict)  # what a rule component computed once per doc

    def sentence_texts(self) -> list[str]:
        """Each sentence's text, built once per doc (several rules read them)."""
        if self._sentence_texts is None:
            starts = self.sent_starts or [0]
            bounds = zip(starts, [*starts[1:], len(self.texts)])
            self._sentence_texts = [self.text(a, b) for a, b in bounds if b > a]
        return self._sentence_texts

    def word_at(self, token: int) -> int | None:
        """Index of the written word that starts at ``token``, or None."""
        index = bisect_right(self.words, (token, len(self.texts) + 1)) - 1
        return index if index >= 0 and self.words[index][0] == token else None

    def sentence_bounds(self, sent_id: int) -> tuple[int, int]:
        """First token and end token of sentence ``sent_id`` (the whole doc before kg_sentences ran)."""
        if not self.sent_ids:
            return 0, len(self.texts)
        following = sent_id + 1
        return self.sent_starts[sent_id], self.sent_starts[following] if following < len(self.sent_starts) else len(self.texts)

    def text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if end - start == 1:
            return self.texts[start]
        last = end - 1
        return self.source[self.starts[start]:self.starts[last] + len(self.texts[last])]


def view(doc) -> TokenView:
    cached = doc.user_data.get(_CACHE)
    if cached is None:
        cached = _read(doc)
        cached.words, cached.word_texts = _glue(cached)
        cached.word_lower = list(map(str.lower, cached.word_texts))
        doc.user_data[_CACHE] = cached
    return cached


def _read(doc) -> TokenView:
    if not len(doc):
        return TokenView([], [], [])
    array = doc.to_array([ORTH, SPACY, IDX])
    orths = array[:, 0].tolist()
    try:
        facts = list(map(_LEXEMES.__getitem__, orths))  # a loop in C, and no scan for gaps after it
    except KeyError:
        facts = [_LEXEMES.get(orth) or _learn(doc.vocab, orth) for orth in orths]
    texts, lower, punct, is_punct, quote = zip(*facts)
    spaced = array[:, 1].astype(bool).tolist()
    # spans' texts are slices of the doc's text (Doc.text would build a Token per token); the
    # tokenizer leaves the text it read behind, which is the same string
    source = doc.user_data.pop(SOURCE_TEXT, None)
    if source is None:
        source = "".join([text + " " if space else text for text, space in zip(texts, spaced)])
    return TokenView(texts, spaced, punct, lower, is_punct, quote, source=source, starts=array[:, 2].tolist())


def _learn(vocab, orth: int) -> tuple[str, str, bool, bool, bool]:
    lex = vocab[orth]
    facts = (lex.text, lex.lower_, lex.is_punct or lex.is_space or lex.text in _SEPARATORS, lex.is_punct, lex.is_quote)
    if len(_LEXEMES) >= 1_000_000:
        _LEXEMES.clear()  # bounded memory on huge corpora
    _LEXEMES[orth] = facts
    return facts


def drop_view(doc) -> None:
    doc.user_data.pop(_CACHE, None)


def _glue(v: TokenView) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans of the written words and their texts (no spaces inside a glued word)."""
    texts, spaced, punct = v.texts, v.spaced, v.punct
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    n = len(texts)
    i = 0
    while i < n:
        if punct[i]:
            i += 1
            continue
        start = i
        while not spaced[i] and i + 1 < n:
            if i + 2 < n and texts[i + 1] in _JOINERS and not spaced[i + 1] and not punct[i + 2] and (
                    texts[i + 1] != "/" or len(texts[i + 2]) <= 2):  # "ViT-L/B" is one name, "BERT/GPT" two
                i += 2
            elif not punct[i + 1]:
                i += 1  # "ImageNet-1" + "K": one written word split by the tokenizer
            else:
                break
        spans.append((start, i + 1))
        words.append(texts[i] if i == start else "".join(texts[start : i + 1]))
        i += 1
    return spans, words


class WordMemo:
    """A function of one word, remembered per word: rules ask the same questions of the
    same few thousand words in every doc.  ``memo.each(words)`` answers a whole list.

    >>> shout = WordMemo(str.upper)
    >>> shout("gsm8k"), shout.each(["a", "b"])
    ('GSM8K', ['A', 'B'])
    """

    def __init__(self, function, max_words: int = 200_000):
        self.function = function
        self.max_words = max_words
        self.known: dict = {}

    def __call__(self, word):
        try:
            return self.known[word]
        except KeyError:
            self._learn({word})
            return self.known[word]

    def each(self, words) -> list:
        try:
            return list(map(self.known.__getitem__, words))  # the loop runs in C
        except KeyError:
            self._learn(set(words))
            return list(map(self.known.__getitem__, words))

    def _learn(self, words: set) -> None:
        new = words.difference(self.known)
        if len(self.known) + len(new) > self.max_words:
            self.known.clear()  # bounded memory on huge corpora
            new = words
        for word in new:
            self.known[word] = self.function(word)


word_key = WordMemo(surface_key)  # the rules key every word of every doc
name_shaped = WordMemo(is_name_shaped)  # and ask of each whether it looks like a coined name


def cue_positions(v: TokenView, cues: frozenset[str], wanted, *, written: bool = False) -> list[int]:
    """Indices of the words in ``wanted``, one of a component's sets of cue words ``cues``: the
    doc is scanned once for all of ``cues`` (a loop in C) and the hits kept with the view, then
    each rule filters the few hits. ``written``: glued written words, else tokens.

    >>> import spacy
    >>> v = view(spacy.blank("en")("We propose Zorb and we call it Zorb-1."))
    >>> cue_positions(v, frozenset({"we", "call"}), {"we"}), cue_positions(v, frozenset({"we", "call"}), {"call"})
    ([0, 4], [5])
    """
    words = v.word_lower if written else v.lower
    hits = v.memo.get((cues, written))
    if hits is None:
        hits = v.memo[(cues, written)] = where(map(cues.__contains__, words))
    return [i for i in hits if words[i] in wanted]


def where(flags) -> list[int]:
    """Indices of the true flags (a loop in C: rules scan every token with it).

    >>> where(map({"(", ")"}.__contains__, ["a", "(", "b", ")"]))
    [1, 3]
    """
    return list(compress(count(), flags))
