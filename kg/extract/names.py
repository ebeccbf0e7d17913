"""``kg_names``: curated names found with spaCy's PhraseMatcher (case-insensitive unless an
entry is marked case-sensitive), with model names extended over a following size or
variant ("Llama 3.1" + " 8B" -> "Llama 3.1 8B", family "Llama 3.1").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from . import candidates
from .gazetteer import load_gazetteer

__all__ = ["NameMatcher", "extend_model_name"]

_SIZE_OR_VARIANT = re.compile(
    r"^(\d+(\.\d+)?[BMKT]|\d+x\d+(\.\d+)?B|\d+[kK]|instruct|chat|base|large|small|tiny|medium|xl|xxl|hf|it|v\d+(\.\d+)*|turbo|pro|mini|plus|ultra|flash|code|coder|math|vision)$",
    re.I,
)


def extend_model_name(doc, start: int, end: int) -> int:
    """End token index after absorbing size/variant tokens ("8B", "-Instruct") that follow."""
    i = end
    while i < len(doc):
        token = doc[i]
        if token.text == "-" and i + 1 < len(doc) and not doc[i - 1].whitespace_ and not token.whitespace_ and _SIZE_OR_VARIANT.match(doc[i + 1].text):
            i += 2
            continue
        if _SIZE_OR_VARIANT.match(token.text.lstrip("-")) and (token.text[0].isdigit() or not doc[i - 1].whitespace_ or token.text[0].isupper()):
            if token.text[0].isdigit() and not re.search(r"[BMKT]$", token.text, re.I):
                break
            i += 1
            continue
        break
    return i


# "mAP", "mIoU", "iGPT": a lower-case letter, then capitals; in any other case the same
# letters are usually another word ("maps"), so these forms match only as written
_STYLISED = re.compile(r"^[a-z][A-Z]")

_DATASET_VERSION = re.compile(r"^([vV]\d+(\.\d+)?|(19|20)\d{2})$")


def extend_dataset_name(doc, end: int) -> int:
    """Absorb a version or year written after a dataset ("Speech Commands V2", "MS-COCO 2014")."""
    if end < len(doc) and _DATASET_VERSION.match(doc[end].text) and doc[end - 1].whitespace_:
        return end + 1
    return end


class NameMatcher:
    def __init__(self, nlp, name: str, gazetteer_dir: str | None, extend_models: bool):
        self.extend_models = extend_models
        self.insensitive = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.sensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, object] = {}
        self.node_aliases: dict[str, tuple[str, ...]] = {}
        make = nlp.make_doc
        for index, entry in enumerate(load_gazetteer(gazetteer_dir)):
            key = str(index)
            self.entries[key] = entry
            self.node_aliases[key] = entry.node_aliases
            surfaces = set(entry.surfaces)
            exact = surfaces if entry.case_sensitive else {s for s in surfaces if _STYLISED.match(s)}
            loose = surfaces - exact
            exact = exact | entry.joined_surfaces
            # the tokenizer splits some forms differently by case ("ImageNet-1K" vs "-1k")
            loose |= {s.lower() for s in loose} | {s.upper() for s in loose}
            for matcher, forms in ((self.sensitive, exact), (self.insensitive, loose)):
                if forms:
                    matcher.add(key, [make(s) for s in sorted(forms)])

    def __call__(self, doc):
        vocab = doc.vocab
        for matcher in (self.insensitive, self.sensitive):
            for match_id, start, end in matcher(doc):
                key = vocab.strings[match_id]
                entry = self.entries[key]
                canonical, family, stop = entry.name, entry.family, end
                if entry.type == "MODEL" and self.extend_models:
                    stop = extend_model_name(doc, start, end)
                elif entry.type == "DATASET":
                    stop = extend_dataset_name(doc, end)
                if stop != end:
                    canonical, family = None, entry.name
                # the entry's other names are this node's aliases too: a search for "FID" finds
                # the Fréchet Inception Distance node whichever form a paper wrote
                aliases = self.node_aliases[key] if canonical else ()
                candidates.add(doc, start, stop, entry.type, "gazetteer", canonical=canonical, family=family, aliases=aliases)
        return doc


@Language.factory("kg_names", default_config={"gazetteer_dir": None, "extend_models": True})
def make_name_matcher(nlp, name: str, gazetteer_dir: str | None, extend_models: bool):
    return NameMatcher(nlp, name, gazetteer_dir, extend_models)
