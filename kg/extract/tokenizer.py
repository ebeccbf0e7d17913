"""``kg_tokenizer.v1``: spaCy's English tokenizer, remembered per space-separated piece.

spaCy's tokenizer runs its special-case matcher ("e.g.", "don't", ...) over every whole
doc, which costs most of its time.  But it splits the text between spaces piece by
piece, so a piece's tokens do not depend on its neighbours: this tokenizer asks spaCy
once per distinct piece, keeps the answer (lexeme ids), and builds each Doc from them.
The tokens are spaCy's, only faster: most pieces of an abstract were seen before.

A text with runs of whitespace around a space ("a  b", "a\\n b", " a") is handed to
spaCy whole, since there the space joins a whitespace token.  One known difference:
spaCy leaves a special case split when another one also matches across the space
before it ("[ :)a" holds "[:" and ":)", so ":)" stays ":", ")"); here it is one token.
Abstracts have no such emoticon or quote pairs (the seed corpus tokenizes identically).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> tokenizer = CachedTokenizer(nlp.tokenizer)
>>> text = "LLaMA-3.1-8B\\nWe train GPT-4o (e.g. on GSM8K), see https://x.org/a."
>>> [t.text for t in tokenizer(text)] == [t.text for t in nlp.tokenizer(text)]
True
>>> [(t.text, t.whitespace_) for t in tokenizer("a (b)\\nc ")]
[('a', ' '), ('(', ''), ('b', ''), (')', ''), ('\\n', ''), ('c', ' ')]
"""

from __future__ import annotations

import re
from itertools import chain
from operator import itemgetter

import spacy
from spacy.tokens import Doc
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .words import SOURCE_TEXT

__all__ = ["CachedTokenizer", "create_tokenizer", "CJK_PUNCTUATION"]

# a space after whitespace (or first) belongs to a whitespace token, not to a piece
_AWKWARD_SPACE = re.compile(r" (?<=\s )")

_Piece = tuple[tuple[int, ...], tuple[bool, ...]]  # lexeme ids, trailing spaces

# spaCy keeps a full stop after a capital unless a capital precedes it (so "U.S." stays
# whole), which glues it to names that end a sentence: "Mistral-7B.", "GSM8K.", "BoolQ.",
# "PaLM-E.".  A digit, small letter or hyphen before the capital marks a name, not an
# initialism (whose capitals follow full stops).
_NAME_THEN_PERIOD = r"(?<=[0-9a-z-][A-Z])\."
# a vertical bar separates ("75.1%|82.0% for ResNet-50|ViT-B/16"): never part of a name
_BAR = r"\|"
# a bracket glued to a word, or to an aside that just closed, opens an aside ("Vision
# Transformer(ViT)", "(CCI3.0)(https://...)"), not part of a name; so the closing bracket
# before it is its own token
_GLUED_BRACKET = r"(?<=[A-Za-z0-9)])\((?=[A-Za-z])"
_CLOSED_BEFORE_OPEN = r"(?<=[A-Za-z0-9])\)(?=\()"
# an arrow between names is a transfer setting ("GTA5→Cityscapes", "A->B"): two names, not one
_ARROW = r"[→⟶⇒]|(?<=[A-Za-z0-9])->(?=[A-Za-z0-9])"
# a plus joining two names is a combination of both ("ECFP4+XGBoost", "ECAPA-TDNN+AASIST"), split
# like an arrow; a curated combination ("TD3+BC") is matched over the three tokens. "LoRA+" and
# "R(2+1)D" have no capital after the plus and stay whole
_PLUS = r"(?<=[A-Za-z0-9])\+(?=[A-Z])"
# a measure given its value with an equals sign ("AUC=1.000", "FID=2.1"): the name, the sign, the number
_EQUALS_VALUE = r"(?<=[A-Za-z0-9@])=(?=[0-9.])"
# full-width (CJK) punctuation splits tokens as its ASCII counterpart does, wherever it stands:
# Chinese and Japanese put no space around it, so "MathX，在" is "MathX", "，", "在". The infix is
# empty, before and after each mark, so marks in a row ("」、") are split one by one.
CJK_PUNCTUATION = "，。、；：！？（）「」《》【】『』〈〉"
_CJK_MARK = f"[{CJK_PUNCTUATION}]"
_AROUND_CJK_MARK = f"(?<={_CJK_MARK})|(?={_CJK_MARK})"


class CachedTokenizer:
    """Callable text -> Doc with spaCy's tokens; ``inner`` is the spaCy tokenizer asked."""

    def __init__(self, inner, max_pieces: int = 500_000):
        self.inner = inner
        self.vocab = inner.vocab
        self.max_pieces = max_pieces
        self._pieces: dict[str, _Piece] = {}

    def __call__(self, text: str) -> Doc:
        if text[:1] == " " or _AWKWARD_SPACE.search(text):
            return self.inner(text)
        pieces = text.split(" ")
        parts = list(map(self._pieces.get, pieces))
        if not all(parts):
            if len(pieces) == 1:  # one new word (the name lists): spaCy's doc is the answer
                doc = self.inner(text)
                self._remember(text, doc)
                return doc
            known = self._pieces
            parts = [part or known.get(piece) or self._remember(piece, self.inner(piece)) for part, piece in zip(parts, pieces)]
        orths = list(chain.from_iterable(map(itemgetter(0), parts)))
        spaces = list(chain.from_iterable(map(itemgetter(1), parts)))
        if pieces[-1]:
            spaces[-1] = False  # the last piece has no space after it
        doc = Doc(self.vocab, words=orths, spaces=spaces)
        doc.user_data[SOURCE_TEXT] = text  # the token view reads spans from it (the same characters as doc.text)
        return doc

    def _remember(self, piece: str, doc: Doc) -> _Piece:
        """The lexeme ids of a piece's tokens (spaCy's ``doc`` of the piece alone), kept."""
        orths = tuple(token.orth for token in doc)
        part = orths, ((False,) * (len(orths) - 1) + (True,) if orths else ())
        # lexemes made inside nlp.memory_zone() are freed after it: keep none of them
        if not getattr(self.vocab, "in_memory_zone", False):
            if len(self._pieces) >= self.max_pieces:
                self._pieces.clear()  # bounded memory on huge corpora
            self._pieces[piece] = part
        return part

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __reduce__(self):
        return type(self), (self.inner, self.max_pieces)

    # nlp.to_disk / from_disk: the settings are the inner tokenizer's
    def to_bytes(self, **kwargs) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "CachedTokenizer":
        self.inner.from_bytes(data, **kwargs)
        self._pieces.clear()
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "CachedTokenizer":
        self.inner.from_disk(path, **kwargs)
        self._pieces.clear()
        return self


@spacy.registry.tokenizers("kg_tokenizer.v1")
def create_tokenizer():
    """For ``spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})``.

    >>> nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    >>> [t.text for t in nlp("新方法 MathX，在「BERT」、GPT-4；（T5）。")]
    ['新方法', 'MathX', '，', '在', '「', 'BERT', '」', '、', 'GPT-4', '；', '（', 'T5', '）', '。']
    >>> [t.text for t in nlp("on GTA5→Cityscapes and SYNTHIA->Cityscapes")]
    ['on', 'GTA5', '→', 'Cityscapes', 'and', 'SYNTHIA', '->', 'Cityscapes']
    """
    def make(nlp):
        # built with every rule at once: each rule set afterwards reloads spaCy's ~5,000 special cases
        inner = Tokenizer(
            nlp.vocab,
            rules=nlp.Defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex([*nlp.Defaults.prefixes, _CJK_MARK]).search,
            suffix_search=compile_suffix_regex([*nlp.Defaults.suffixes, _NAME_THEN_PERIOD, _CJK_MARK]).search,
            infix_finditer=compile_infix_regex(
                [*nlp.Defaults.infixes, _BAR, _ARROW, _PLUS, _EQUALS_VALUE, _GLUED_BRACKET, _CLOSED_BEFORE_OPEN, _AROUND_CJK_MARK]).finditer,
            token_match=nlp.Defaults.token_match,
            url_match=nlp.Defaults.url_match,
        )
        return CachedTokenizer(inner)

    return make
