"""Language pairs written after a translation dataset: "WMT14 English-Czech", "IWSLT'15 En→Vi".

A pair names one direction of a multilingual benchmark, which papers treat as a dataset of
its own, so it stays apart from the benchmark (and from the other direction).  Languages
are written as names or two-letter codes; either way the pair is spelled with codes, so
"English-German" and "En-De" are one name.

>>> language_pair(["English", "-", "Czech", "and"], 0)
(3, 'En-Cs')
>>> language_pair(["de", "→", "en"], 0), language_pair(["EN", "-", "DE"], 0)
((3, 'De-En'), (3, 'En-De'))
>>> language_pair(["English", "-", "speaking"], 0) is None, language_pair(["is", "-", "no"], 0) is None
(True, True)

A list of pairs after one benchmark ("CVSS-C Fr-En, Es-En and De-En") names its directions
together; the benchmark is the name there:

>>> language_pair(["Fr", "-", "En", ",", "Es", "-", "En"], 0) is None
True

Pairs alone name no dataset ("WMT'16 En-Ro/Ro-En" is WMT16's directions):

>>> only_language_pairs("En-Ro/Ro-En"), only_language_pairs("English→German"), only_language_pairs("En-Go")
(True, True, False)
"""

from __future__ import annotations

import re

__all__ = ["LANGUAGE_CODES", "language_pair", "only_language_pairs", "names_translation_data"]

# Languages of the common translation benchmarks (WMT, IWSLT, FLORES, MuST-C, OPUS, ...).
LANGUAGE_CODES = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it", "portuguese": "pt",
    "romanian": "ro", "russian": "ru", "chinese": "zh", "japanese": "ja", "korean": "ko", "czech": "cs",
    "finnish": "fi", "turkish": "tr", "estonian": "et", "latvian": "lv", "lithuanian": "lt", "hindi": "hi",
    "gujarati": "gu", "kazakh": "kk", "vietnamese": "vi", "arabic": "ar", "hebrew": "he", "polish": "pl",
    "dutch": "nl", "swedish": "sv", "danish": "da", "norwegian": "no", "ukrainian": "uk", "bengali": "bn",
    "tamil": "ta", "nepali": "ne", "sinhala": "si", "pashto": "ps", "khmer": "km", "indonesian": "id",
    "thai": "th", "persian": "fa", "greek": "el", "hungarian": "hu", "bulgarian": "bg", "croatian": "hr",
    "serbian": "sr", "slovak": "sk", "slovenian": "sl", "icelandic": "is", "inuktitut": "iu", "swahili": "sw",
    "yoruba": "yo", "hausa": "ha", "zulu": "zu", "xhosa": "xh", "amharic": "am", "urdu": "ur", "marathi": "mr",
    "telugu": "te", "malayalam": "ml", "kannada": "kn", "punjabi": "pa", "burmese": "my", "malay": "ms",
    "catalan": "ca", "basque": "eu", "galician": "gl", "welsh": "cy", "irish": "ga",
}
_CODES = frozenset(LANGUAGE_CODES.values())
_ARROWS = frozenset({"-", "–", "→", "->", "⇒"})
_WORDS = frozenset({"is", "no", "it", "my", "id", "am", "he"})  # codes that are English words in lower case
_ACRONYMS = frozenset({"NL", "PL"})  # "NL-PL pairs": natural and programming language, not Dutch and Polish
# benchmarks whose subsets are translation directions (a pair after XNLI or Common Voice is a
# transfer setting or a subset's languages, not a direction of the data)
_TRANSLATION_DATA = re.compile(
    r"^(?:WMT|IWSLT|FLORES|MuST-C|CVSS|CoVoST|Europarl|OPUS|TED(?!-LIUM)|Multi30K|BUCC|Tatoeba|NTREX|KFTT|ASPEC|WAT|NIST|"
    r"ParaCrawl|CCMatrix|CCAligned|News Commentary|Samanantar|MTNT|mTEDx|WikiMatrix|JW300|Nunavut)(?![A-Za-z])", re.I)


def names_translation_data(name: str) -> bool:
    """Whether a dataset's name is that of a translation benchmark, whose subsets are directions.

    >>> names_translation_data("WMT19"), names_translation_data("Europarl-ST"), names_translation_data("XNLI")
    (True, True, False)
    >>> names_translation_data("Waterbirds"), names_translation_data("TED-LIUM 3")
    (False, False)
    """
    return bool(_TRANSLATION_DATA.match(name))


def _codes(source: str, target: str) -> tuple[str, str] | None:
    if len(source) == len(target) == 2:
        if not all(w.islower() or w.isupper() or w.istitle() for w in (source, target)):
            return None
        if source.islower() and (source in _WORDS or target in _WORDS) or source in _ACRONYMS or target in _ACRONYMS:
            return None
        pair = source.lower(), target.lower()
        return pair if pair[0] in _CODES and pair[1] in _CODES else None
    if not (source[:1].isupper() and target[:1].isupper()):
        return None
    pair = LANGUAGE_CODES.get(source.lower()), LANGUAGE_CODES.get(target.lower())
    return pair if pair[0] and pair[1] else None


def language_pair(texts, at: int) -> tuple[int, str] | None:
    """The end and the "Xx-Yy" spelling of a language pair starting at token ``at``, or None."""
    if at + 3 > len(texts) or texts[at + 1] not in _ARROWS:
        return None
    pair = _codes(texts[at], texts[at + 2])
    if pair is None or pair[0] == pair[1] or _another_pair_follows(texts, at + 3):
        return None
    return at + 3, f"{pair[0].title()}-{pair[1].title()}"


def _another_pair_follows(texts, at: int) -> bool:
    while at < len(texts) and texts[at] in (",", "and", "or", "/"):
        at += 1
    return at + 3 <= len(texts) and texts[at + 1] in _ARROWS and _codes(texts[at], texts[at + 2]) is not None


_PAIR_PIECES = re.compile(r"\s*(?:->|[-–→⇒/,])\s*")


def only_language_pairs(text: str) -> bool:
    """Whether ``text`` is nothing but language pairs ("En-Ro/Ro-En", "de-en")."""
    parts = _PAIR_PIECES.split(text.strip())
    if len(parts) < 2 or len(parts) % 2:
        return False
    return all(_codes(parts[i], parts[i + 1]) for i in range(0, len(parts), 2))
