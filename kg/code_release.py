"""Whether a paper says it releases its code, for a paper that links no repository.

A sentence counts when its subject is the paper's code ("Our code is available", "Code, data and
models will be released", "The implementation will be public", "Code: https://...") or the
authors release it ("We release our code and data", "we make our code publicly available").
Someone else's code ("Since the code of BERT is available", "Code for AlphaFold has been
released"), code as a subject matter ("Malicious code is released through package managers", "We
release a code review dataset"), a negation and a release on request do not count.

>>> code_statement("We propose Zorb. Our code will be made publicly available. It is fast.")
'Our code will be made publicly available.'
>>> code_statement("To help others, we release our fine-tuning code and models.")
'To help others, we release our fine-tuning code and models.'
>>> [code_statement(text) for text in ("Code is available upon reasonable request.", "No code is available.",
...                                    "Code LLMs are available to everyone.", "We release a code review dataset.")]
[None, None, None, None]
"""

from __future__ import annotations

import re

__all__ = ["SENTENCE_END", "code_statement"]

_CODE = r"(?:code|codes|codebase|source\s+codes?|implementations?|scripts)"
# what may stand before the paper's code: whose it is, or what it does ("training code", "baseline
# code"), never what kind of code it is about ("malicious code", "machine code", "LLM-generated code")
_MODIFIER = (r"(?:our|the|all|its|their|full|complete|anonymi[sz]ed|official|accompanying|associated|reference|"
             r"training|evaluation|inference|fine-?tuning|experimental|baseline|analysis|generation|filtering|"
             r"preprocessing|processing|benchmark|RL|source)")
_CODE_ITEM = re.compile(rf"(?:{_MODIFIER}\s+){{0,3}}{_CODE}", re.I)
_NAMED_CODE_ITEM = re.compile(rf"{_CODE_ITEM.pattern}(?-i:\s+[A-Z][\w-]*)?", re.I)  # released: "our fine-tuning code Zoobot"
# a list item besides the code: one to four words ("pretrained weights", "its annotations", "FinClaim")
_WORD = r"(?!(?:is|are|was|were|will|has|have|shall|can|available|at|to|for|of|and|or|upon|under|with|in|on|via|through|from|by|as|publicly|freely|openly|here|soon|online|use|used|that|which)\b)\w(?:[\w+-]|\.(?=\w))*"
_ITEM = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_ITEMS = rf"{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+){_ITEM})*"
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", re.I)
# "Code for reproducing our experiments", "Code to reproduce the results": the paper's own code
_WHOSE = r"(?:\s+(?:for|of)\s+(?:our|this|the|all|these|each|every|both|reproducing|replicating|running)\b[^,;:()]*?" \
         r"|\s+to\s+[a-z]+\b[^,;:()]*?)?"
_NOT_A_SUBJECT = re.compile(r"^(?:since|although|though|unlike|while|whereas|because|as|if|when|no|prior|existing|"
                            r"previous|most|many|some|other|large|public)\b", re.I)
_RELEASED = (r"(?:\s*\([^)]*\))?(?:\s+(?:is|are|will\s+(?:soon\s+|also\s+)?be|shall\s+be|has\s+been|have\s+been|was|were|can\s+be)\s+"
             r"(?:made\s+|now\s+|also\s+|soon\s+)?(?:publicly\s+|freely\s+|openly\s+)?"
             r"(?:available|public|accessible|released|open[- ]?sourced?)\b(?!\s+for\s+\d)"
             r"|\s+(?:is|are)\s+coming\s+soon|\s+(?:is|are)\s+at\s+\S*(?:https?://|www\.)"
             r"|\s*:\s*(?:(?:publicly\s+)?available|https?://|www\.)|\s+available\s+(?:at|online|on)\b"
             r"|\s+can\s+be\s+found\s+(?:at|on|in)\b|\s+at\s+(?:https?://|www\.))")
_SUBJECT_RELEASED = re.compile(rf"(?P<items>{_ITEMS}){_WHOSE}{_RELEASED}", re.I)
_WE_RELEASE = re.compile(
    r"\b(?:we\s+(?:will\s+|also\s+|have\s+|further\s+|hereby\s+)*(?:publicly\s+|openly\s+|fully\s+)?|by\s+(?=making\b))"
    rf"(?:(?:release[sd]?|open[- ]?source[sd]?|share|publish)\s+(?P<released>{_ITEMS})"
    rf"|(?:make|made|making)\s+(?P<made>{_ITEMS})\s+(?:publicly\s+|freely\s+|openly\s+)?(?:available|public|accessible))"
    r"(?=\s*(?:[,.;:]|$)|\s+(?:and|at|on|to|in|under|upon|with|for|via|through|here|soon|as|use|used|that|which|publicly)\b"
    r"|\s+[A-Z])", re.I)
# "For videos, code and checkpoints, see our project page at ...": where the paper's code is
_SEE = re.compile(rf"^for\s+(?P<items>{_ITEMS}),?\s+(?:please\s+)?(?:see|visit|refer\s+to|check(?:\s+out)?)\b", re.I)
_CODE_WORD = re.compile(rf"\b{_CODE}\b", re.I)
_IMPLEMENTATION_ALONE = re.compile(r"^implementations?\b", re.I)  # "Implementations are available for Python": others'
_ON_REQUEST = re.compile(r"\brequest\b|\bcorresponding\s+author", re.I)
# where an abstract's sentence ends, by rule of thumb (a stop, then a capital or an opening mark);
# kg.graph finds a code link's sentence by it too
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")


def code_statement(abstract: str) -> str | None:
    """The first sentence of ``abstract`` that says the paper's code is or will be released."""
    if not _mentions_code(abstract):
        return None  # most abstracts: the sentence patterns are not tried at all
    for sentence in SENTENCE_END.split(abstract):
        if not _mentions_code(sentence):
            continue
        for clause in re.split(r";\s*", sentence):
            if _CODE_WORD.search(clause) and _states_release(clause.strip()):
                return sentence.strip()
    return None


def _mentions_code(text: str) -> bool:
    """A cheap test before the patterns (a substring search, not a regex scan of the text)."""
    lowered = text.lower()
    return "code" in lowered or "implementation" in lowered or "script" in lowered


def _states_release(clause: str) -> bool:
    if _ON_REQUEST.search(clause):
        return False
    subject = _SUBJECT_RELEASED.match(clause)
    if subject and not _NOT_A_SUBJECT.match(clause) and _has_code_item(subject.group("items")) \
            and not _IMPLEMENTATION_ALONE.match(clause):
        return True
    see = _SEE.match(clause)
    if see and _has_code_item(see.group("items")):
        return True
    we = _WE_RELEASE.search(clause)
    return bool(we and _has_code_item(we.group("released") or we.group("made") or "", _NAMED_CODE_ITEM))


def _has_code_item(items: str, code_item: re.Pattern = _CODE_ITEM) -> bool:
    """Whether one of a list's items is the paper's code ("Code", "the baseline code"), not a
    phrase that only holds the word ("code review dataset", "code LLMs").

    >>> _has_code_item("Data, generation code and evaluation scripts"), _has_code_item("Large code corpora")
    (True, False)
    """
    return any(code_item.fullmatch(item.strip()) for item in _SEPARATOR.split(items))
