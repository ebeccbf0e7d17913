"""The papers' full-text index: the text it holds, and queries in each store's own syntax.

Names are written many ways: "CIFAR-100", "CIFAR100", "cifar 100".  Each store's analyzer
splits words its own way (Lucene keeps "CIFAR100" and "3.5" whole, RediSearch keeps
"CIFAR100" whole and splits "3.5"), so neither would match one spelling to another.  So
the index does not hold the raw title and abstract: it holds :func:`search_text`, their
words as :func:`search_words` writes them, and a query's words are written the same way.  Both sides then agree
whatever the store: case is folded, punctuation splits, letters and digits glued together
are split ("CIFAR100" is "cifar 100", "GSM8K" is "gsm 8 k"), a plural is read as its
singular as names' keys read it ("LLMs" is "llm"), and Greek letters are their names.

Each store then gets the words in its own syntax, so that none reads them as operators:
Lucene gets every word as a quoted phrase, which no operator (AND, NOT, -, *) can reach;
RediSearch gets plain words, and a word that held punctuation or digits as the phrase of its
parts.  Text the user quoted stays one phrase.

>>> search_words("CIFAR100 and CIFAR-100, GPT-3.5 LLMs")
['cifar', '100', 'and', 'cifar', '100', 'gpt', '3', '5', 'llm']
>>> q = FullTextQuery.parse('GPT-3.5 NOT "instruction tuning"')
>>> q.lucene()
'"gpt 3 5" "not" "instruction tuning"'
>>> q.redisearch()
'"gpt 3 5" not "instruction tuning"'
>>> FullTextQuery.parse("( - )") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain

from .normalise import greek_spelled, plain_letters, singular

__all__ = ["FullTextQuery", "search_words", "search_text", "SEARCH_PROPERTY"]

SEARCH_PROPERTY = "search_text"  # the Paper property both stores' full-text indexes hold
_WORD = re.compile(r"\w+(?:[-'.+/]\w+)*")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SMALL_WORDS = frozenset("a an the of on in at to for from by with and or than vs since until after before during between top".split())
_CHUNK = re.compile(r'"([^"]*)"|([^"\s]+)')
_PARTS = re.compile(r"[^\W_]+")
_LETTERS_OR_DIGITS = re.compile(r"\d+|[^\W\d_]+")


def search_words(text: str) -> list[str]:
    """The words the full-text index holds for ``text``, and that a query looks for.

    >>> search_words("GSM8Ks") == search_words("gsm-8k") == search_words("GSM 8K") == ['gsm', '8', 'k']
    True
    >>> search_words("β-VAE Transformers"), search_words("Llama-3.1-8B"), search_words("Fréchet") == search_words("Frechet")
    (['beta', 'vae', 'transformer'], ['llama', '3', '1', '8', 'b'], True)
    >>> search_words("Łukasz-Net Søren Straße Æsir")
    ['lukasz', 'net', 'soren', 'strasse', 'aesir']
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return list(chain.from_iterable(map(_run_words, _PARTS.findall(text))))


@lru_cache(maxsize=1 << 16)  # an abstract's words are mostly the same few thousand: 5x faster
def _run_words(run: str) -> tuple[str, ...]:
    run = singular(run)  # on the run as written: "LLMs" is an acronym's plural, "GSM8Ks" too
    if not run.isascii():
        # "Fréchet" is found by "Frechet" (a user's keyboard), and the other way round; "Łukasz" by "Lukasz"
        run = plain_letters(greek_spelled(run))
    return tuple(_LETTERS_OR_DIGITS.findall(run.lower()))


def search_text(title: str, abstract: str) -> str:
    """What a paper's full-text index entry holds: :func:`search_words` of its title and of
    its abstract, joined by ". " (RediSearch does not split words at a line break).

    Only the paper's own text: the names and aliases of the entities it links would find
    more ("KD" for knowledge distillation), but they change as other papers are loaded, and a
    paper loaded earlier would keep the old ones, so loading A then B would no longer give
    the store that loading both at once gives.

    >>> search_text("CIFAR100: a title", "An abstract.")
    'cifar 100 a title. an abstract'
    """
    return ". ".join(line for line in (" ".join(search_words(title or "")), " ".join(search_words(abstract or ""))) if line)


class FullTextQuery(str):
    """The RediSearch form as a plain string, plus ``terms``: one tuple of words per term
    (:func:`search_words` of one word the user wrote, or of a phrase they quoted)."""

    terms: tuple[tuple[str, ...], ...]

    def __new__(cls, terms: tuple[tuple[str, ...], ...]) -> "FullTextQuery":
        query = super().__new__(cls, _redisearch(terms))
        query.terms = terms
        return query

    @classmethod
    def parse(cls, text: str) -> "FullTextQuery | None":
        """The words of ``text`` (a quoted run is one phrase); None when it holds no word.

        A number or version written apart from the word before it belongs to it, as it does
        when written together: "Llama 2" is the phrase "llama 2", as "Llama2" and "LLaMA-2" are.
        A year stays a word of its own, and so does a number after a small word ("from 2023",
        "top 5").

        >>> FullTextQuery.parse("Llama 2 7B on CIFAR 10/100").terms
        (('llama', '2', '7', 'b'), ('on',), ('cifar', '10', '100'))
        >>> FullTextQuery.parse('2 "Llama" 2').terms
        (('2',), ('llama',), ('2',))
        >>> FullTextQuery.parse("BERT 2019 papers from 2023").terms
        (('bert',), ('2019',), ('paper',), ('from',), ('2023',))
        """
        terms: list[tuple[str, ...]] = []
        joins = False  # whether the last term is a bare word, which a number may join
        for quoted, bare in _CHUNK.findall(text):
            if quoted:
                terms.append(tuple(search_words(quoted)))
                joins = False
                continue
            for word in _WORD.findall(bare):
                words = tuple(search_words(word))
                if joins and words and words[0].isdigit() and not _YEAR.match(words[0]):
                    terms[-1] += words
                elif words:
                    terms.append(words)
                    joins = words[-1] not in _SMALL_WORDS
        terms = [term for term in terms if term]
        return cls(tuple(terms)) if terms else None

    def lucene(self) -> str:
        return " ".join('"' + " ".join(term) + '"' for term in self.terms)

    def redisearch(self) -> str:
        return str.__str__(self)


def _redisearch(terms: tuple[tuple[str, ...], ...]) -> str:
    return " ".join(term[0] if len(term) == 1 else '"' + " ".join(term) + '"' for term in terms)
