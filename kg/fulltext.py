"""Free text for the papers' full-text index, written in each store's own query syntax.

Neo4j reads Lucene syntax and splits words with Lucene's standard analyzer ("GPT-3.5" is
"gpt", "3.5"); the embedded FalkorDB reads RediSearch syntax and splits at every
punctuation mark ("gpt", "3", "5").  So a query keeps the user's words, and each store
writes them its own way: Lucene gets every word as a quoted phrase, which its analyzer
splits as it split the index and which no operator (AND, NOT, -, *) can reach; RediSearch
gets plain words, and a word holding punctuation as the phrase of its parts.  Text the
user quoted stays one phrase.

>>> q = FullTextQuery.parse('GPT-3.5 NOT "instruction tuning"')
>>> q.lucene()
'"GPT-3.5" "NOT" "instruction tuning"'
>>> q.redisearch()
'"GPT 3 5" NOT "instruction tuning"'
>>> FullTextQuery.parse("( - )") is None
True
"""

from __future__ import annotations

import re

__all__ = ["FullTextQuery"]

_WORD = re.compile(r"\w+(?:[-'.+/]\w+)*")
_CHUNK = re.compile(r'"([^"]*)"|([^"\s]+)')
_PARTS = re.compile(r"[^\W_]+")


class FullTextQuery(str):
    """The RediSearch form as a plain string, plus ``terms``: one tuple of words per term."""

    terms: tuple[tuple[str, ...], ...]

    def __new__(cls, terms: tuple[tuple[str, ...], ...]) -> "FullTextQuery":
        query = super().__new__(cls, _redisearch(terms))
        query.terms = terms
        return query

    @classmethod
    def parse(cls, text: str) -> "FullTextQuery | None":
        """The words of ``text`` (a quoted run is one phrase); None when it holds no word."""
        terms = []
        for quoted, bare in _CHUNK.findall(text):
            words = tuple(word for word in _WORD.findall(quoted or bare) if _PARTS.search(word))
            if quoted and words:
                terms.append(words)
            elif not quoted:
                terms.extend((word,) for word in words)
        return cls(tuple(terms)) if terms else None

    def lucene(self) -> str:
        return " ".join('"' + " ".join(term) + '"' for term in self.terms)

    def redisearch(self) -> str:
        return str.__str__(self)


def _redisearch(terms: tuple[tuple[str, ...], ...]) -> str:
    out = []
    for term in terms:
        parts = [part for word in term for part in _PARTS.findall(word)]
        if parts:
            out.append(parts[0] if len(parts) == 1 else '"' + " ".join(parts) + '"')
    return " ".join(out)
