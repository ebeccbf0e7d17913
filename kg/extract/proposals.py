"""``kg_proposals``: names a paper introduces ("MALT: ...", "we propose X, a framework").

Fills ``doc.user_data["kg_proposed"]`` ({surface key: type}) and adds a candidate for
every occurrence of each proposed name.
"""

from __future__ import annotations

from spacy.language import Language

from ..normalise import surface_key
from . import candidates
from .lexicon import NOT_NAMES, PROPOSAL_VERBS, is_name_shaped, type_from_head
from .words import glued_words, view

__all__ = ["title_name", "proposal_names", "subtitle_type"]

_SUBJECTS = {"we", "paper", "work", "study", "report", "here", "authors"}
_NAMING = {"called", "named", "dubbed", "termed", "coined"}
_TITLE_NOT_NAMES = {"survey", "review", "tutorial", "position", "perspective", "overview", "introduction", "editorial", "benchmarking"}
_STOP_PREPOSITIONS = {"for", "with", "of", "via", "on", "in", "to", "through", "from", "by", "and", "that", "towards", "toward", "using", "at", "beyond"}


def title_name(doc) -> tuple[int, int] | None:
    """Token span of "NAME" in a title shaped "NAME: subtitle"."""
    title = next(doc.sents)
    for i in range(title.start, min(title.end, title.start + 7)):
        if doc[i].text == ":":
            if i == title.start:
                return None
            span = doc[title.start : i]
            text = span.text
            if len(text.split()) > 4 or text.lower() in _TITLE_NOT_NAMES:
                return None
            if any(is_name_shaped(w) for w in text.split()) or (len(text.split()) == 1 and text[:1].isupper()):
                return title.start, i
            return None
    return None


def subtitle_type(doc, colon: int) -> str | None:
    """Type from the head of the subtitle's first noun phrase ("A Foundation Model of ...")."""
    title = next(doc.sents)
    words = []
    for token in doc[colon + 1 : title.end]:
        if token.lower_ in _STOP_PREPOSITIONS or token.is_punct:
            break
        words.append(token.text)
    if words and words[0].lower().endswith("ing"):
        return None  # "Improving Reasoning ..." describes what it does, not what it is
    return type_from_head(" ".join(words))


def _appositive_type(doc, end: int) -> str | None:
    """", a/an/the ... HEAD" right after a name, or "X is a ... HEAD"."""
    i = end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")":
            i += 1
        i += 1
    if i < len(doc) and doc[i].text in (",", ":"):
        i += 1
    elif i < len(doc) and doc[i].lower_ in ("is", "as"):
        i += 1
    else:
        return None
    if i < len(doc) and doc[i].lower_ in ("a", "an", "the", "which", "our"):
        words = []
        for token in doc[i + 1 : i + 12]:
            if token.is_punct and token.text != "-" or token.lower_ in _STOP_PREPOSITIONS - {"and"} or token.lower_ in ("that", "which"):
                break
            words.append(token.text)
        return type_from_head(" ".join(words))
    return None


def proposal_names(doc) -> list[tuple[int, int, str | None]]:
    """(start, end, type-or-None) of names right after "we propose/introduce ..."."""
    abbreviations = candidates.abbreviations(doc)
    v = view(doc)
    words = glued_words(doc)
    lower = [t.lower() for t in v.texts]
    sent = v.sent_ids or [0] * len(lower)
    out = []
    for i, word in enumerate(lower):
        if word not in PROPOSAL_VERBS:
            continue
        subject = any(lower[j] in _SUBJECTS and sent[j] == sent[i] for j in range(max(0, i - 4), i))
        if not subject and word not in _NAMING:
            continue
        window_end = i + 16
        lead_words = []
        for start, end in words:
            if start <= i:
                continue
            if start >= window_end or sent[start] != sent[i] or lower[start] in ("which", "that", "to", ";"):
                break
            text = v.text(start, end)
            named = lower[start - 1] in _NAMING and text[:1].isupper()
            if text not in NOT_NAMES and (is_name_shaped(text) or text in abbreviations or named):
                lead_type = type_from_head(" ".join(lead_words)) if lead_words else None
                entity_type = _appositive_type(doc, end) or lead_type or (abbreviations.get(text) or {}).get("type")
                out.append((start, end, entity_type))
                break
            lead_words.append(text)
    return out


@Language.component("kg_proposals")
def kg_proposals(doc):
    proposed = candidates.proposed_keys(doc)
    abbreviations = candidates.abbreviations(doc)
    found: dict[str, str | None] = {}
    for start, end, entity_type in proposal_names(doc):
        key = surface_key(doc[start:end].text)
        found[key] = found.get(key) or entity_type
    span = title_name(doc)
    if span:
        text = doc[span[0] : span[1]].text
        key = surface_key(text)
        entity_type = (
            (abbreviations.get(text) or {}).get("type")
            or found.get(key)
            or _first_appositive(doc, text)
            or subtitle_type(doc, span[1])
            or "METHOD"
        )
        found[key] = entity_type
    for short, info in abbreviations.items():
        if surface_key(info["long"]) in found and surface_key(short) not in found:
            found[surface_key(short)] = found[surface_key(info["long"])]
    if not found:
        return doc
    v = view(doc)
    for start, end in glued_words(doc):
        entity_type = found.get(surface_key(v.text(start, end)), "")
        if entity_type:
            candidates.add(doc, start, end, entity_type, "proposal", proposed=True)
    proposed.update(found)
    return doc


def _first_appositive(doc, text: str) -> str | None:
    v = view(doc)
    for start, end in glued_words(doc):
        if start > 0 and v.text(start, end) == text:
            entity_type = _appositive_type(doc, end)
            if entity_type:
                return entity_type
    return None
