"""Stable paper identity: a normalised title and an id derived from it.

>>> normalise_title("  MALT: Improving   Reasoning ")
'malt improving reasoning'
>>> paper_id("MALT: improving reasoning") == paper_id("malt - Improving Reasoning")
True
>>> paper_id("MALT: improving reasoning")
'p-9a304fecff55f537'
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
import zlib

from ..records import Reject, length_problem
from .tex import detex

__all__ = ["normalise_title", "paper_id", "clean_text", "too_long", "without_letters", "unversioned", "is_arxiv_id",
           "bare_doi", "arxiv_id_of_doi", "canonical_id", "word_sample", "shares_words"]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# An HTML character reference (numeric, or one of the few names scrapes leave behind)...
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);")
# ...or what is left of a dash or quote reference once a scraper dropped its "&#" and ";":
# "scratchx2013even", "(7B)x2014a".  Only glued between a word (or a bracket) and a letter,
# so a real token such as "x2014" standing alone is kept.
_ENTITY_REMNANT = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)\]]))x(201[34]|201[89cdCD]|2026)(?=[^\W\d_])")


# TeX's non-breaking space after a word ("Llama~2", "i.e.~it"); "10~20X" is a range and stays
_TIE = re.compile(r"~(?=\w)")  # a literal first: the engine jumps from "~" to "~"
_WORD_BEFORE_TIE = re.compile(r"(?:^|[^\w.])[A-Za-z][\w.]*$")


# formatting tags that Crossref, PubMed and Semantic Scholar exports leave in abstracts
# ("<i>Cityscapes</i>", "<jats:p>"): their text is kept; other angle-bracket words are text
# ("the <think> tag", "<EOS>").  Inline tags go without a trace ("CIFAR<sub>10</sub>"),
# block tags leave a space.
_INLINE_TAGS = "i|b|em|strong|sub|sup|u|span|a|sc|tt|small|big|font|italic|bold|underline|monospace|inline-formula"
_BLOCK_TAGS = "p|br|div|sec|title|abstract|list|list-item|hr"
_MARKUP = re.compile(rf"</?(?:(?:jats:|xhtml:)?(?P<inline>{_INLINE_TAGS})|(?:{_BLOCK_TAGS})|(?:jats|mml|xhtml):[\w.-]+)"
                     r"""(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*/?>""", re.IGNORECASE)


def _unmarked(match: re.Match) -> str:
    return "" if match.group("inline") else " "


def _remnant(match: re.Match) -> str:
    return chr(int(match.group(1), 16))


# control characters (a NUL breaks the store's query text) and lone surrogates, which no UTF-8
# output can hold: valid JSON can carry both ("\u0000", "\ud800")
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _writable(match: re.Match) -> str:
    return "\ufffd" if match.group() >= "\ud800" else " "


# Unicode's hyphen and non-breaking hyphen are written for "-" ("U\u2011Net\u2011based" would be one
# unknown name, "Prithvi\u2011CAFE" another node than "Prithvi-CAFE"); a soft hyphen is invisible
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})
# bold, italic and script letters of Unicode's mathematical block, which posts use for emphasis
# ("\U0001d474\U0001d496\U0001d479\U0001d486\U0001d494" is MuRes): the plain letters they stand for
_MATH_LETTERS = re.compile("[\U0001d400-\U0001d7ff]+")


def clean_text(text: str) -> str:
    """Unicode hyphens to "-", soft hyphens out, mathematical letters to plain ones, TeX markup
    to Unicode (:func:`detex`), formatting tags (HTML, JATS) to their text, HTML character
    references (and the remnants scrapers leave of dash and quote references) to their
    characters, control characters to spaces and lone surrogates to U+FFFD, runs of whitespace
    collapsed (arXiv titles wrap lines), trimmed.

    >>> clean_text(" a\\n  b\\u2009c ")
    'a b c'
    >>> clean_text("U\\u2011Net\\u2010based Trans\\u00adformer, \\U0001d474\\U0001d496\\U0001d479\\U0001d486\\U0001d494")
    'U-Net-based Transformer, MuRes'
    >>> clean_text('T\\\\"ULU 3 gains 4\\\\%')
    'TÜLU 3 gains 4%'
    >>> clean_text("from scratchx2013even at 7B)x2014a model; Q&amp;A &#x2014; R&D x2014")
    'from scratch\u2013even at 7B)\u2014a model; Q&A \u2014 R&D x2014'
    >>> clean_text("from Llama~2, i.e.~it runs 10~20X or ~5x faster")
    'from Llama 2, i.e. it runs 10~20X or ~5x faster'
    >>> clean_text("a NUL\\x00here and a lone \\ud800 surrogate")
    'a NUL here and a lone \\ufffd surrogate'
    >>> clean_text('<jats:p>We train on <i>Cityscapes</i> and CIFAR<sub>10</sub>.</jats:p><p class="x">Inside <think> tags, x<y.</p>')
    'We train on Cityscapes and CIFAR10. Inside <think> tags, x<y.'
    >>> clean_text("on <jats:italic>ImageNet-C</jats:italic>, <jats:bold>R</jats:bold>.")
    'on ImageNet-C, R.'
    >>> clean_text("{SparseRouter}: {Token-Adaptive} Routing over {0, 1}, epsilon=8{255}")
    'SparseRouter: Token-Adaptive Routing over {0, 1}, epsilon=8{255}'
    """
    text = text.translate(_HYPHENS)
    if _MATH_LETTERS.search(text):
        text = _MATH_LETTERS.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    if _UNWRITABLE.search(text):
        text = _UNWRITABLE.sub(_writable, text)
    text = detex(text)
    if "<" in text:
        text = _MARKUP.sub(_unmarked, text)
    if "&" in text:
        text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    if "x20" in text:
        text = _ENTITY_REMNANT.sub(_remnant, text)
    if "~" in text:
        text = _TIE.sub(lambda m: " " if _WORD_BEFORE_TIE.search(m.string, max(0, m.start() - 40), m.start()) else "~", text)
    if "{" in text:
        text = _CASE_BRACES.sub(r"\1", text)
    return " ".join(text.split())


# BibTeX's case-protecting braces, kept by converters that read .bib into CSV ("{SparseRouter}: {Token-Adaptive}")
# around a capitalised word at a word's start; "8{255}" and "n{mu}" (a fraction that lost its bar) are left
_CASE_BRACES = re.compile(r"(?<![\w\\])\{([A-Z][A-Za-z0-9+.\-]*)\}")


def normalise_title(title: str) -> str:
    folded = unicodedata.normalize("NFKC", title).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def paper_id(title: str, arxiv_id: str | None = None) -> str:
    """``p-`` and 16 hex digits of the SHA-1 of the normalised title; with ``arxiv_id``, of the title
    and that id, for a paper that shares its title with a paper of another arXiv id.

    >>> paper_id("Deep Residual Learning") == paper_id("deep residual learning!") != paper_id("Deep Residual Learning", "1512.03385")
    True
    """
    key = normalise_title(title) if arxiv_id is None else f"{normalise_title(title)}\n{arxiv_id}"
    return "p-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def too_long(path: str, line: int, title: str, abstract: str) -> Reject | None:
    """A reject for a record whose title and abstract are too long to extract, else None.

    >>> print(too_long("a.jsonl", 4, "Huge", "We use ImageNet. " * 70000))
    a.jsonl:4: title+abstract is 1,190,004 characters; at most 1,000,000 are read per paper; shorten the abstract (an abstract is a few thousand characters; one this long is likely a paper's full text, or many fields run together)
    """
    why = length_problem(title, abstract)
    if why is None:
        return None
    return Reject(path, line, f"{why}; shorten the abstract (an abstract is a few thousand characters; "
                              "one this long is likely a paper's full text, or many fields run together)")


def without_letters(path: str, line: int, title: str, abstract: str) -> Reject | None:
    """A reject for a record whose title or abstract has no letter at all (a row of numbers,
    columns shifted under the header), else None.

    >>> print(without_letters("a.csv", 3, "3.5", "4.25"))
    a.csv:3: the title is '3.5', with no letters; check that the header names the right columns (title, abstract) and that this row is a paper
    >>> print(without_letters("a.jsonl", 2, "12 34", "We fine-tune it."))
    a.jsonl:2: the title is '12 34', with no letters; check that the record's "title" field holds the paper's title
    >>> without_letters("a.csv", 4, "BERT", "We fine-tune it.") is None
    True
    """
    for field, text in (("title", title), ("abstract", abstract)):
        if not any(ch.isalpha() for ch in text):
            check = (f'check that the record\'s "{field}" field holds the paper\'s {field}' if not str(path).lower().endswith(
                (".csv", ".tsv")) else "check that the header names the right columns (title, abstract) and that this row is a paper")
            return Reject(path, line, f"the {field} is {text[:60]!r}, with no letters; {check}")
    return None


_VERSIONED_ARXIV_ID = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.IGNORECASE)


def unversioned(identifier: str) -> str:
    """An arXiv id without its version or an "arXiv:" prefix: a paper's v1 and v2 are one paper, kept
    with its latest text, so ids are stored and looked up so; any other id stays as it is.

    >>> unversioned("2403.09876v2"), unversioned("hep-th/9901001v3"), unversioned("arXiv:2403.09876"), unversioned("p-v2")
    ('2403.09876', 'hep-th/9901001', '2403.09876', 'p-v2')
    """
    match = _VERSIONED_ARXIV_ID.match(identifier)
    return match.group(1) if match else identifier


def is_arxiv_id(identifier: str | None) -> bool:
    """Whether an id is shaped like an arXiv id (2105.22222, hep-th/9901001, with or without vN).

    >>> is_arxiv_id("2105.22222v2"), is_arxiv_id("hep-th/9901001"), is_arxiv_id("17"), is_arxiv_id(None)
    (True, True, False, False)
    """
    return bool(identifier) and _VERSIONED_ARXIV_ID.match(identifier) is not None


_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(\S+)", re.IGNORECASE)


def bare_doi(value) -> str | None:
    """A DOI as written in an export (bare, ``doi:`` or a doi.org link), without its prefix; else None.

    >>> bare_doi("https://doi.org/10.1234/abc.5678"), bare_doi("10.1234/x"), bare_doi("n/a"), bare_doi(None)
    ('10.1234/abc.5678', '10.1234/x', None, None)
    """
    match = _DOI.fullmatch(str(value or "").strip())
    return match.group(1) if match else None


def arxiv_id_of_doi(doi: str | None) -> str | None:
    """The arXiv id that a DOI arXiv issued stands for (10.48550/arXiv.ID, any case), without its
    version; else None.

    >>> arxiv_id_of_doi("10.48550/ARXIV.2301.00001v2"), arxiv_id_of_doi("10.1234/x"), arxiv_id_of_doi(None)
    ('2301.00001', None, None)
    """
    match = _ARXIV_DOI.fullmatch(doi or "")
    return unversioned(match.group(1)) if match and is_arxiv_id(match.group(1)) else None


def canonical_id(identifier: str) -> str:
    """An input id as papers keep it and lookups read it: an arXiv id without its version or "arXiv:"
    prefix, arXiv's DOI as that arXiv id, any other DOI bare and in lower case (DOIs ignore case:
    10.1145/ABC.123 is 10.1145/abc.123); any other id as it is.

    >>> canonical_id("arXiv:2403.09876v2"), canonical_id("https://doi.org/10.48550/ARXIV.2403.09876v2")
    ('2403.09876', '2403.09876')
    >>> canonical_id("doi:10.1145/ABC.123"), canonical_id("ABCD1234"), canonical_id("p-v2")
    ('10.1145/abc.123', 'ABCD1234', 'p-v2')
    """
    doi = bare_doi(identifier)
    if doi is None:
        return unversioned(identifier)
    return arxiv_id_of_doi(doi) or doi.lower()


_SAMPLE_SIZE = 32  # words of an abstract kept to compare a later version with: about ±0.1 on the share of words


# words any two titles or abstracts share ("Learning to Rank", "Learning to Learn"): no sign of one paper
_FUNCTION_WORDS = frozenset("a an the of for to and or in on with by from at as is are be via we our its this that these "
                            "it into can do does not how what when why which".split())


def _word_hashes(text: str) -> set[int]:
    """Stable hashes (the same in every process, so every shard decides alike) of a text's distinct
    content words."""
    return {zlib.crc32(word.encode()) for word in normalise_title(text).split() if word not in _FUNCTION_WORDS}


def word_sample(text: str) -> tuple[int, frozenset[int]]:
    """How many distinct words ``text`` has, and the hashes of up to 32 of them (the smallest hashes: a
    sample that two texts draw alike), enough to tell whether a later text shares its words without
    keeping it whole.

    >>> count, sample = word_sample("We route tokens, and we route.")  # content words: route, tokens
    >>> count, len(sample)
    (2, 2)
    """
    hashes = _word_hashes(text)
    return len(hashes), frozenset(sorted(hashes)[:_SAMPLE_SIZE])


def shares_words(sample: tuple[int, frozenset[int]], text: str, share: float = 0.5) -> bool:
    """Whether at least ``share`` of the distinct content words of the shorter of two texts occur in
    the other: the sampled one (:func:`word_sample`) and ``text``.  The share of the sample found in
    ``text`` stands for the share of all its words (exact for up to 32 words).

    >>> shares_words(word_sample("We route."), "We route tokens."), shares_words(word_sample("LoRA freezes weights."), "QLoRA quantizes a model.")
    (True, False)
    >>> shares_words(word_sample("Learning to Rank"), "Learning to Learn"), shares_words(word_sample("Learning to Rank"), "Learning to Rank!")
    (True, True)
    >>> shares_words(word_sample("Learning to Rank"), "Learning to Learn", share=0.75)
    False
    """
    count, hashes = sample
    other = _word_hashes(text)
    if not count or not other or not hashes:
        return False
    shared = len(hashes & other) / len(hashes) * count
    return shared >= share * min(count, len(other))
