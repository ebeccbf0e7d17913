"""``kg_shapes``: names not in any list, typed by context.

* a coined name before a typing head word: "the FooQA benchmark", "Bar-7B model";
* a coined name in a coordinated list with a known name: "on GSM8K, FooBench and MATH".
"""

from __future__ import annotations

from spacy.language import Language

from . import candidates
from .lexicon import HEAD_TYPES, is_name_shaped
from .words import glued_words, view

__all__ = ["head_typed_names", "list_siblings"]

_LIST_JOINERS = {",", "and", "or", "&", "/"}


def head_typed_names(doc, words) -> list[tuple[int, int, str]]:
    v = view(doc)
    out = []
    for index, (start, end) in enumerate(words[:-1]):
        if not is_name_shaped(v.text(start, end)):
            continue
        next_start, next_end = words[index + 1]
        if next_start != end:
            continue
        head = HEAD_TYPES.get(v.text(next_start, next_end).lower())
        if head in ("DATASET", "MODEL"):
            out.append((start, end, head))
    return out


def list_siblings(doc, words, known: list[dict]) -> list[tuple[int, int, str]]:
    """Name-shaped words coordinated with a known DATASET/MODEL/METHOD mention get its type."""
    v = view(doc)
    by_start = {span[0]: i for i, span in enumerate(words)}
    by_end = {span[1]: i for i, span in enumerate(words)}
    out = []
    for cand in known:
        if cand["type"] not in ("DATASET", "MODEL", "METHOD") or cand["start"] not in by_start or cand["end"] not in by_end:
            continue
        for step in (-1, 1):
            i = by_start[cand["start"]] if step == -1 else by_end[cand["end"]]
            while 0 <= i + step < len(words):
                j = i + step
                left, right = sorted((words[i], words[j]))
                if any(v.texts[k] not in _LIST_JOINERS for k in range(left[1], right[0])):
                    break
                text = v.text(words[j][0], words[j][1])
                if text.lower() in _LIST_JOINERS:
                    i = j
                    continue
                if not is_name_shaped(text):
                    break
                out.append((words[j][0], words[j][1], cand["type"]))
                i = j
    return out


def compared_names(doc, words, typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names in a sentence that compares ("outperforms X", "baselines such as X")."""
    v = view(doc)
    sent = v.sent_ids or [0] * len(v.texts)
    cue_sentences = {sent[i] for i, t in enumerate(v.texts) if t.lower().startswith(_COMPARISON_CUES)}
    out = []
    for start, end in words:
        if sent[start] in cue_sentences and start not in typed and sent[start] != 0:
            text = v.text(start, end)
            if is_name_shaped(text) and sum(c.isupper() for c in text) >= 2 and not text.isdigit():
                out.append((start, end))
    return out


_COMPARISON_CUES = ("outperform", "compared", "comparison", "baseline", "surpass", "beats", "versus", "vs")


@Language.component("kg_shapes")
def kg_shapes(doc):
    words = glued_words(doc)
    for start, end, entity_type in head_typed_names(doc, words):
        candidates.add(doc, start, end, entity_type, "head-noun", confidence=0.8)
    known = list(candidates.candidates(doc))
    for start, end, entity_type in list_siblings(doc, words, known):
        candidates.add(doc, start, end, entity_type, "list", confidence=0.7)
    typed = {i for c in candidates.candidates(doc) for i in range(c["start"], c["end"])}
    for start, end in compared_names(doc, words, typed):
        candidates.add(doc, start, end, "METHOD", "compared", confidence=0.5)
    return doc
