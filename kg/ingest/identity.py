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
import re
import unicodedata

from .tex import detex

__all__ = ["normalise_title", "paper_id", "clean_text"]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def clean_text(text: str) -> str:
    """TeX markup to Unicode (:func:`detex`), runs of whitespace collapsed (arXiv titles wrap
    lines), trimmed.

    >>> clean_text(" a\\n  b\\u2009c ")
    'a b c'
    >>> clean_text('T\\\\"ULU 3 gains 4\\\\%')
    'TÜLU 3 gains 4%'
    """
    return " ".join(detex(text).split())


def normalise_title(title: str) -> str:
    folded = unicodedata.normalize("NFKC", title).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def paper_id(title: str) -> str:
    digest = hashlib.sha1(normalise_title(title).encode("utf-8")).hexdigest()
    return "p-" + digest[:16]
