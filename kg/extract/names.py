"""``kg_names``: curated names found with spaCy's PhraseMatcher (case-insensitive unless an
entry is marked case-sensitive), with model names extended over a following size or
variant ("Llama 3.1" + " 8B" -> "Llama 3.1 8B", family "Llama 3.1").
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from itertools import accumulate, chain
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from . import candidates, pattern_cache
from . import gazetteer as gazetteer_module
from . import tokenizer as tokenizer_module
from .gazetteer import GAZETTEER_DIR, load_gazetteer
from .languages import language_pair, names_translation_data
from .lexicon import AFTER_A_RELEASE, PARAMETER_COUNT, PROPOSAL_VERBS
from .. import spelling
from ..normalise import is_size_word
from .senses import choose_sense, load_senses
from .words import view, where, word_key

__all__ = ["NameMatcher", "a_label", "extend_model_name", "extend_version", "glued_prefix_start", "granularity_start", "inside_a_compound", "matches_as_written"]

_SIZE_OR_VARIANT = re.compile(
    r"^(\d+(\.\d+)?[BMKT]|\d+x\d+(\.\d+)?B|A\d+(\.\d+)?B|\d+[kK]|instruct|thinking|chat|base|large|small|tiny|medium|xl|xxl|xsmall|xlarge|xxlarge|hf|it|v\d+(\.\d+)*|turbo|pro|mini|plus|ultra|flash|code|coder|math|vision)$",
    re.I,
)


def _glued_hyphen(doc, at: int) -> bool:
    """Whether token ``at`` is a hyphen written with no space on either side, joining the name
    before it to what follows ("MoCo-v2", "DeepSeek-AI", "GPT-style").

    >>> nlp = spacy.blank("en")
    >>> [_glued_hyphen(nlp(text), 1) for text in ("MoCo-v2", "MoCo - v2", "MoCo v2")]
    [True, False, False]
    """
    return 0 < at < len(doc) and doc[at].text == "-" and not doc[at - 1].whitespace_ and not doc[at].whitespace_


def extend_model_name(doc, start: int, end: int) -> int:
    """End token index after absorbing size/variant tokens ("8B", "-Instruct") that follow.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [nlp(t)[:extend_model_name(nlp(t), 0, 1)].text for t in ("Qwen-7B-Instruct is", "Qwen Base Models", "Qwen 7B models")]
    ['Qwen-7B-Instruct', 'Qwen', 'Qwen 7B']

    A line tag and a size the tokenizer keeps as one token ("VL-30B") belong to it too:

    >>> nlp("Qwen3-VL-30B-A3B-Thinking wins")[:extend_model_name(nlp("Qwen3-VL-30B-A3B-Thinking wins"), 0, 1)].text
    'Qwen3-VL-30B-A3B-Thinking'
    """
    i = end
    while i < len(doc):
        token = doc[i]
        if _glued_hyphen(doc, i) and i + 1 < len(doc) and (_SIZE_OR_VARIANT.match(doc[i + 1].text) or _TAGGED_SIZE.match(doc[i + 1].text)):
            i += 2
            continue
        if _SIZE_OR_VARIANT.match(token.text.lstrip("-")) and (token.text[0].isdigit() or not doc[i - 1].whitespace_ or token.text[0].isupper()):
            if token.text[0].isdigit() and not re.search(r"[BMKT]$", token.text, re.I):
                break
            if doc[i - 1].whitespace_ and token.text[0].isalpha() and i + 1 < len(doc) and doc[i + 1].lower_ in _MODEL_PLURALS:
                break  # "Llama and Qwen Base Models": the family's base models, not a checkpoint "Qwen Base"
            i += 1
            continue
        if token.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")" and _BRACKETED_SIZE.match(doc[i + 1].text):
            i += 3  # "Llama-3 (8B)": the size in brackets names the checkpoint
        break
    return i


# a model line's tag glued to a size, one token ("VL-30B" of "Qwen3-VL-30B")
_TAGGED_SIZE = re.compile(r"^[A-Z][A-Za-z]{0,5}-\d+(\.\d+)?[BMT]$")
_BRACKETED_SIZE = re.compile(r"^\d+(?:\.\d+)?[BMT]$")
_MODEL_PLURALS = frozenset({"models", "llms", "lms", "checkpoints", "variants", "versions"})


_BACKBONE = re.compile(r"^(?:ViT-[A-Za-z]+|RN\d+(?:x\d+)?)(?:/\d+)?$")


def extend_backbone(v, end: int) -> int:
    """End token index past a backbone written after a model ("DINOv2 ViT-L", "VideoMAE
    ViT-B", "CLIP RN50"): the checkpoint of that model with that backbone, one name.

    >>> import spacy
    >>> v = view(spacy.blank("en")("DINOv2 ViT-L and MAE with ViT-B"))
    >>> v.text(0, extend_backbone(v, 1)), extend_backbone(v, 5)
    ('DINOv2 ViT-L', 5)
    """
    at = v.word_at(end) if end < len(v.texts) and v.spaced[end - 1] else None
    if at is not None and _BACKBONE.match(v.word_texts[at]):
        return v.words[at][1]
    return end


# "mAP", "mIoU", "iGPT": a lower-case letter, then capitals; in any other case the same
# letters are usually another word ("maps"), so these forms match only as written
_STYLISED = re.compile(r"^[a-z][A-Z]")

# "OFT", "RAG", "MSE": a technique's short acronym written in lower case is usually a word
# ("oft-cited"); dataset and model names are written in lower case too ("piqa", "bert-base")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")


def matches_as_written(entry, form: str) -> bool:
    """Whether a form of a case-insensitive entry still matches only as written: stylised
    forms ("mAP") and the acronyms of methods, tasks and metrics ("OFT")."""
    return bool(_STYLISED.match(form) or entry.type not in ("DATASET", "MODEL") and _ACRONYM.match(form))


# a release number after a name: "ERNIE 3.0", "Audio Flamingo 3", "MoCo v2"
_VERSION = re.compile(r"^([vV]\d{1,2}(\.\d{1,2})?|\d(\.\d)?)$")  # "0.74" after a name is a score
_V_VERSION = re.compile(r"^[vV]\d{1,2}(\.\d{1,2})?$")
# what a number before them counts or scores instead ("T5 3 times", "BERT 2 layers", "GPT 4 %")
_COUNTED = {"%", "times", "layers", "points", "pp", "percent", "epochs", "steps", "x", "×", "of", "out", "hours",
            "days", "minutes", "seconds", "gb", "tb", "k", "m", "b", "million", "billion", "heads", "blocks", "bits",
            "-", "/", "+"}


def extend_version(doc, end: int) -> int:
    """End token index after a release number written right after a name: "ERNIE 3.0",
    "Audio Flamingo 3", "MoCo v2", "MoCo-v2" (a version is another node, never the name's).
    A number that counts or scores ("T5 3 times", "GPT-4 2 points") is left, and so is one
    after a name that already ends in a number.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [nlp(text)[:extend_version(nlp(text), 1)].text for text in ("ERNIE 3.0 and", "MoCo-v2", "T5 3 times", "GPT-4 2", "SAM 2 and")]
    ['ERNIE 3.0', 'MoCo-v2', 'T5', 'GPT-4', 'SAM 2']
    >>> [nlp(text)[:extend_version(nlp(text), 1)].text for text in ("Kandinsky 4.1 .", "MoCo v7 :", "Zorb 0.74 ,")]
    ['Kandinsky 4.1', 'MoCo v7', 'Zorb']
    >>> [nlp(text)[:extend_version(nlp(text), 1)].text for text in ("Flamingo 3 outperforms", "Turbo 8 responses", "Opus 4 seeds")]
    ['Flamingo 3', 'Turbo', 'Opus']
    """
    if end >= len(doc):
        return end
    token = doc[end]
    if _glued_hyphen(doc, end) and end + 1 < len(doc) and _V_VERSION.match(doc[end + 1].text):
        return end + 2
    if not doc[end - 1].whitespace_ or not _VERSION.match(token.text) or doc[end - 1].text[-1].isdigit() \
            or is_size_word(doc[end - 1].text) and not _V_VERSION.match(token.text):
        return end  # "Qwen2-VL-72B 0.7": no release number follows a size
    following = doc[end + 1].text.lower() if end + 1 < len(doc) else ""
    if following in _COUNTED or following[:1].isdigit():
        return end
    if token.text.isdigit() and following and following.isalpha() and following not in AFTER_A_RELEASE:
        return end  # "GPT-4 Turbo 8 responses", "Claude 3 Opus 4 seeds": the number counts what follows
    return end + 1


_CASE_FREE = re.compile(r"^[A-Za-z][A-Za-z \-]*$")
_SUBSET = re.compile(r"^[A-Z][A-Za-z0-9]*$")
# "COCO-Style", "ImageNet-Scale", "MNIST-Like": the word makes the name a modifier, not a subset
_MODIFYING_SUFFIXES = frozenset("style scale level like free aware wise centric size only specific native ready grade type class "
                                "sized friendly compatible format".split())
_RELEASE = re.compile(r"^\d\.\d$")  # 2.4, 5.0: a release number, where a score would have more digits
_SUBSET_SIZE = re.compile(r"^\d{1,3}[kK]$")
# what a count in thousands after a dataset counts, where it is the data's size and no subset ("COCO 118K images")
_COUNTED_ITEMS = frozenset("images image examples samples pairs questions videos clips hours tokens documents sentences "
                           "utterances prompts instances problems tasks items queries captions frames dialogues molecules "
                           "structures graphs proteins compounds reactions articles papers reviews users ratings "
                           "interactions trajectories episodes games scenes objects words conversations passages".split())


def _subset_size_end(doc, at: int) -> int | None:
    """The end of a size in thousands at ``at`` ("5K", which the tokenizer splits, or "12k"),
    unless it counts the items that follow ("118K images")."""
    if _SUBSET_SIZE.match(doc[at].text):
        end = at + 1
    elif doc[at].text.isdigit() and len(doc[at].text) <= 3 and at + 1 < len(doc) and doc[at + 1].text in ("K", "k") \
            and not doc[at].whitespace_:
        end = at + 2
    else:
        return None
    return None if end < len(doc) and doc[end].lower_ in _COUNTED_ITEMS else end


_DATASET_VERSION = re.compile(r"^([vV]\d+(\.\d+)?|(19|20)\d{2}|\d{2,4}[x×]\d{2,4})$")  # V2, 2014, 256x256
# "SemEval-2017 Task 4", "DCASE 2023 Task 4A": one numbered task of a shared-task series is data of its own
TASK_WORDS = frozenset({"task", "subtask", "track"})
TASK_NUMBER = re.compile(r"^\d{1,2}[A-Za-z]?$")


def numbered_task_end(texts, end: int) -> int:
    """Token index past a "Task N", or a "shared task" after at most two lower-case words,
    written at ``end`` (``end`` itself when none is): one task of a series is its data.

    >>> numbered_task_end(["SemEval-2017", "Task", "4", "data"], 1), numbered_task_end(["MMLU", "tasks", "4"], 1)
    (3, 1)
    >>> numbered_task_end(["WMT23", "terminology", "shared", "task", ","], 1), numbered_task_end(["X", "and", "shared", "tasks"], 1)
    (4, 1)
    """
    if end + 1 < len(texts) and texts[end].lower() in TASK_WORDS and TASK_NUMBER.match(texts[end + 1]):
        return end + 2
    shared = end
    while shared < len(texts) and shared - end < 2 and texts[shared] != "shared" and _MODIFIER_WORD.match(texts[shared]) \
            and texts[shared] not in _NOT_MODIFIERS:
        shared += 1
    if shared + 1 < len(texts) and texts[shared] == "shared" and texts[shared + 1].lower() in ("task", "tasks"):
        return shared + 2
    return end


_MODIFIER_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_NOT_MODIFIERS = frozenset({"and", "or", "the", "a", "an", "of", "in", "on", "for", "with", "to", "from", "as", "by", "its", "their"})
_SHARED_TASK_REACH = 4  # "2023 terminology shared task": the tokens a numbered or shared task takes


def _numbered_task_in_doc(doc, end: int) -> int:
    """:func:`numbered_task_end` over a doc's tokens."""
    return numbered_task_end([token.text for token in doc[end:end + _SHARED_TASK_REACH]], 0) + end


def _names_a_company(doc, end: int) -> bool:
    """Whether "AI" follows the name ending at token ``end`` ("Mistral AI", "DeepSeek-AI"): a company.

    >>> nlp = spacy.blank("en")
    >>> [_names_a_company(nlp(text), 1) for text in ("Mistral AI released", "Mistral 7B", "Mistral AIME")]
    [True, False, False]
    >>> _names_a_company(nlp("DeepSeek-AI et al."), 1)
    True
    """
    if _glued_hyphen(doc, end):
        end += 1
    return end < len(doc) and doc[end].text == "AI"


_HARDWARE_WORDS = frozenset({"hand", "hands", "arm", "arms", "gripper", "grippers", "robot", "robots"})


def _names_hardware(doc, end: int) -> bool:
    """Whether a robot part follows the name ending at token ``end`` ("an Allegro hand"): the
    machine, not the model of that name (Allegro, an interatomic potential).

    >>> nlp = spacy.blank("en")
    >>> [_names_hardware(nlp(text), 1) for text in ("Allegro hand grasps", "Allegro Hand", "Allegro and NequIP")]
    [True, True, False]
    """
    return end < len(doc) and doc[end].lower_ in _HARDWARE_WORDS


_KIND_WORDS = frozenset({"style", "like", "based", "type", "architecture", "architectures", "family", "inspired"})


def _names_a_kind(doc, end: int) -> bool:
    """Whether a kind word follows the name ending at token ``end``, glued on or after a space:
    "a GPT-style transformer", "GPT-architectures", "a GPT architecture" name a kind of model.

    >>> nlp = spacy.blank("en")
    >>> [_names_a_kind(nlp(text), 1) for text in ("GPT-style models", "GPT architecture", "GPT and", "GPT-4")]
    [True, True, False, False]
    """
    if end + 1 < len(doc) and _glued_hyphen(doc, end):
        return doc[end + 1].lower_ in _KIND_WORDS
    return end < len(doc) and doc[end].lower_ in ("architecture", "architectures")


_PHENOMENON_WORDS = frozenset({"problem", "problems", "artifact", "artifacts", "artefact", "artefacts", "effect", "effects"})


def _names_a_phenomenon(doc, start: int, end: int) -> bool:
    """Whether a phenomenon word follows the one-word name ``doc[start:end]``: "the Janus
    problem", "Janus artifacts" name a failure after a myth, not the model of that name.

    >>> nlp = spacy.blank("en")
    >>> [_names_a_phenomenon(nlp(text), 0, 1) for text in ("Janus problem", "Janus artifacts", "Janus model", "Janus")]
    [True, True, False, False]
    """
    return end - start == 1 and end < len(doc) and doc[end].lower_ in _PHENOMENON_WORDS


def extend_dataset_name(doc, end: int) -> int:
    """Absorb a version, year or image size written after a dataset ("Speech Commands V2",
    "MS-COCO 2014", "ImageNet 256x256", "MultiWOZ 2.4"); a score after it is left ("MATH 85.1",
    "MATH 2.4 points").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [nlp(text)[:extend_dataset_name(nlp(text), 1)].text for text in ("MultiWOZ 2.4 and", "MATH 85.1", "MATH 2.4 points")]
    ['MultiWOZ 2.4', 'MATH', 'MATH']
    >>> [nlp(text)[:extend_dataset_name(nlp(text), 1)].text for text in ("LIBERO-Object ,", "COCO-Style data", "COCO-Pretrained")]
    ['LIBERO-Object', 'COCO', 'COCO']
    >>> [nlp(text)[:extend_dataset_name(nlp(text), 1)].text for text in ("DCASE 2023 Task 4A ,", "COLIEE Task 1 ,", "MMLU tasks")]
    ['DCASE 2023 Task 4A', 'COLIEE Task 1', 'MMLU']
    >>> [nlp(text)[:extend_dataset_name(nlp(text), 1)].text for text in ("MSCOCO 5K test", "COCO 118K images")]
    ['MSCOCO 5K', 'COCO']
    """
    if end + 1 < len(doc) and _glued_hyphen(doc, end) \
            and _SUBSET.match(doc[end + 1].text) and not doc[end + 1].text.lower().endswith(("ed", "ing")) \
            and doc[end + 1].lower_ not in _MODIFYING_SUFFIXES:
        return end + 2  # "LIBERO-Object", "GSM8K-Hard": a named subset or edition, glued on
    if end >= len(doc) or not doc[end - 1].whitespace_:
        return end
    if _DATASET_VERSION.match(doc[end].text):
        return _numbered_task_in_doc(doc, end + 1)
    if size_end := _subset_size_end(doc, end):
        return size_end  # "MS-COCO 5K": the test subset of that size ("COCO 118K images" counts images)
    following = doc[end + 1].text.lower() if end + 1 < len(doc) else ""
    if _RELEASE.match(doc[end].text) and following not in _COUNTED and not following[:1].isdigit():
        return end + 1
    return _numbered_task_in_doc(doc, end)


class NameMatcher:
    def __init__(self, nlp, name: str, gazetteer_dir: str | None, extend_models: bool):
        self.extend_models = extend_models
        self.insensitive = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.sensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        entries = load_gazetteer(gazetteer_dir)
        self.entries: dict[str, object] = {str(index): entry for index, entry in enumerate(entries)}
        self.node_aliases = {key: entry.node_aliases for key, entry in self.entries.items()}
        self.senses = load_senses(Path(gazetteer_dir) if gazetteer_dir else GAZETTEER_DIR)
        self.by_name = {}
        self._datasets: dict[str, str] | None = None  # surface key -> entry key, built when first asked
        for key, entry in self.entries.items():
            self.by_name.setdefault(entry.name, key)
        inner = getattr(nlp.tokenizer, "inner", nlp.tokenizer)
        self._special = {rule.lower() for rule in getattr(inner, "rules", None) or {}}
        cache_name = "names-" + pattern_cache.fingerprint(_fingerprint_parts(inner, entries))
        patterns = pattern_cache.load(cache_name)
        if patterns is None:
            patterns = self._patterns(nlp)
            pattern_cache.save(cache_name, patterns, replaces="names-")
        # token-hash patterns are what PhraseMatcher itself keeps (and unpickles from)
        for matcher, table in ((self.insensitive, patterns["loose"]), (self.sensitive, patterns["exact"])):
            for key, specs in table.items():
                matcher.add(key, [tuple(spec) for spec in specs])

    def _patterns(self, nlp) -> dict[str, dict[str, list[list[int]]]]:
        """Each entry's forms as token hashes: LOWER for case-insensitive forms, ORTH for the rest."""
        forms = {}
        for key, entry in self.entries.items():
            surfaces = set(entry.surfaces)
            exact = surfaces if entry.case_sensitive else {s for s in surfaces if matches_as_written(entry, s)}
            loose = surfaces - exact
            exact = exact | entry.joined_surfaces
            # the tokenizer splits some forms differently by case ("ImageNet-1K" vs "-1k"); forms
            # of letters, spaces and hyphens split alike in any case, so only the others need
            # their lower- and upper-case variants (half the patterns, half the tokenizing)
            loose |= {v for s in loose if not self._case_free(s) for v in (s.lower(), s.upper())}
            forms[key] = (loose, exact)
        hashes = token_hashes(nlp, {s for loose, exact in forms.values() for s in loose | exact})
        loose_table = {key: sorted({hashes[s][0] for s in loose}) for key, (loose, _) in forms.items() if loose}
        exact_table = {key: sorted({hashes[s][1] for s in exact}) for key, (_, exact) in forms.items() if exact}
        return {"loose": loose_table, "exact": exact_table}

    def _case_free(self, form: str) -> bool:
        """Whether the tokenizer splits ``form`` the same way in any letter case."""
        return bool(_CASE_FREE.match(form)) and not any(word in self._special for word in re.split(r"[ -]", form.lower()))

    def __call__(self, doc):
        vocab, v = doc.vocab, view(doc)
        exact = [(vocab.strings[match_id], start, end) for match_id, start, end in self.sensitive(doc)]
        # a name matched as written beats another entry's case-free form of the same words:
        # "VITS" is the speech model, not a plural of ViT
        written = {(start, end) for _, start, end in exact}
        loose = _spelled_as_written(doc, self.entries, [(vocab.strings[match_id], start, end)
                                                        for match_id, start, end in self.insensitive(doc) if (start, end) not in written])
        matches = [(key, start, end) for key, start, end in loose + exact if not inside_a_compound(v, start, end)
                   and not (self.entries[key].type in _CONCEPT_TYPES and after_a_capitalised_part(v, start))
                   and not a_label(v, start, end)]
        # a model's name before "dataset" after a proposing verb names the data the paper releases
        # ("we introduce the ShareGPT4V dataset"), and so does every other mention of it there
        if self.senses:
            matches = self._with_senses(v, matches)
        matches += self._elided_list_members(v, matches)
        data = {key for key, start, end in matches if self.entries[key].type == "MODEL" and _releases_data(v, start, end)}
        # a name for a model and its data ("Alpaca") is the data where the text reads it so
        data |= _read_as_data_in_lists(v, matches, self.entries)
        spans = {(start, end) for _, start, end in matches}
        built_on = glued_on_base_model(v, [(start, end) for key, start, end in matches if self.entries[key].type == "MODEL"])
        for key, start, end in matches:
            entry = self.entries[key]
            if (start, end) in built_on:
                stop = built_on[(start, end)]
                if stop:  # "ArmoRM-Llama3-8B": a model built on a sized base model is one model
                    candidates.add(doc, start, stop, "MODEL", "gazetteer-variant", family=entry.name, confidence=0.8)
                continue
            entity_type = "DATASET" if key in data else entry.type
            canonical, family, stop = entry.name, entry.family if entity_type == entry.type else None, end
            if entity_type == "MODEL" and (_names_a_company(doc, end) or _names_hardware(doc, end) or _names_a_phenomenon(doc, start, end)
                                           or entry.kind_root and _names_a_kind(doc, end)):
                continue  # "Mistral AI", "DeepSeek-AI": the company, not its model; "an Allegro hand"; "the Janus problem"; "GPT-style"
            if entity_type == "MODEL" and self.extend_models:
                stop = extend_backbone(v, extend_model_name(doc, start, extend_version(doc, end)))
                if (first := glued_prefix_start(v, start)) != start and (first, stop) not in spans \
                        and not any(s <= first < e for s, e in spans):
                    # "SE-ResNet-101", "M-CLIP": a short form glued before a model makes another model
                    # (not a known name: "DINO-ViT" is two)
                    candidates.add(doc, first, stop, entity_type, "model-shaped", family=entry.name, confidence=0.6)
                    continue
            elif entity_type == "METHOD":
                stop = extend_version(doc, end)
                first = granularity_start(v, start)
                if first != start:  # "step-level beam search": a technique of its own, of the family
                    candidates.add(doc, first, stop, entity_type, "gazetteer-variant", family=entry.name)
                    continue
            elif entity_type == "METRIC":
                first = measured_on_start(v, start)
                if first != start and not any(s <= first < e for s, e in spans) and not _AGREEMENT.search(entry.name):
                    # "span-level F1", "box IoU": the measure taken over one kind of unit, a metric of its own
                    candidates.add(doc, first, end, entity_type, "gazetteer-variant", family=entry.name)
                    continue
            elif entity_type == "TASK" and entry.name == "question answering":
                first = qualified_qa_start(v, start, end)
                if first != start and not any(s <= first < e for s, e in spans):
                    # "multimodal QA", "long-context QA", "search-based QA": a kind of QA the paper names
                    candidates.add(doc, first, end, entity_type, "gazetteer-variant", family=entry.name)
                    continue
            elif entity_type == "DATASET":
                stop = extend_dataset_name(doc, end)
                if (first := glued_prefix_start(v, start)) != start and not any(s <= first < e for s, e in spans):
                    # "L2-ARCTIC", "XL-Sum"-like: a short form glued before a dataset names another of its kind
                    candidates.add(doc, first, stop, entity_type, "gazetteer-variant", family=entry.name, confidence=0.6)
                    continue
                if doc[stop - 1].whitespace_ and names_translation_data(entry.name) and (pair := language_pair(v.texts, stop)) \
                        and (start, pair[0]) not in spans and not any(s == start and e > end for s, e in spans):
                    # "WMT14 English-Czech": one direction of the benchmark, spelled with codes
                    base = entry.name if stop == end else doc[start:stop].text
                    candidates.add(doc, start, pair[0], entity_type, "gazetteer-variant", canonical=f"{base} {pair[1]}",
                                   family=entry.name)
                    continue
            if stop != end:
                if (start, stop) in spans:
                    continue  # "Wav2Vec 2.0": a curated entry of its own names the longer span
                canonical, family = None, entry.name
            # the entry's other names are this node's aliases too: a search for "FID" finds
            # the Fréchet Inception Distance node whichever form a paper wrote
            aliases = self.node_aliases[key] if canonical else ()
            candidates.add(doc, start, stop, entity_type, "gazetteer", canonical=canonical, family=family, aliases=aliases)
        return doc


    def _elided_list_members(self, v, matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Datasets a list names by their last word only, after one named in full: "the Amazon
        Beauty, Sports and Toys datasets" names Amazon Sports and Amazon Toys, where both are
        curated; a word that makes no curated name with the first one's lead is left."""
        found = []
        taken = {i for _, start, end in matches for i in range(start, end)}
        for key, start, end in matches:
            if self.entries[key].type != "DATASET" or end - start < 2 or not v.texts[start][:1].isupper():
                continue
            at = end
            while at + 1 < len(v.texts) and v.lower[at] in (",", "and", "or"):
                at += 1 + (v.lower[at] == "," and v.lower[at + 1] in ("and", "or"))
                if at >= len(v.texts) or at in taken or not v.texts[at].isalpha() or not v.texts[at][:1].isupper():
                    break
                member = self._dataset_key(f"{v.texts[start]} {v.texts[at]}")
                if member is None:
                    break
                found.append((member, at, at + 1))
                at += 1
        return found

    def _dataset_key(self, form: str) -> str | None:
        """The key of the curated dataset written ``form``, if any."""
        if self._datasets is None:
            self._datasets = {word_key(surface): key for key, entry in self.entries.items() if entry.type == "DATASET"
                              for surface in entry.surfaces}
        return self._datasets.get(word_key(form))

    def _with_senses(self, v, matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """``matches`` with each bare ambiguous short form ("SAM") read in the sense its doc's
        words give it (:mod:`.senses`)."""
        # a bare short form, or one that opens a written word ("ACDC-Night", a subset of its sense's set);
        # "CM-SAM", "Point-MAE" are other names
        hits = [i for i in where(map(self.senses.__contains__, v.texts)) if (index := v.word_at(i)) is not None
                and v.words[index][0] == i]
        if not hits:
            return matches
        doc_words = set(v.lower)
        chosen = {}
        for i in hits:
            if not v.texts[i].isupper() and _heads_a_longer_name(v, v.lower[i]):
                continue
            senses = self.senses[v.texts[i]]
            measures = [name for name, _ in senses if (key := self.by_name.get(name)) and self.entries[key].type == "METRIC"]
            # "0.2431 MAE on Peptides-struct" with no field word: a value makes it the measure
            name = choose_sense(senses, doc_words) or (measures[0] if len(measures) == 1 and _valued(v, i) else None)
            key = self.by_name.get(name)
            if key is not None:
                chosen[(i, i + 1)] = key
        kept = [(chosen.pop((start, end), key), start, end) for key, start, end in matches]
        return kept + [(key, start, end) for (start, end), key in chosen.items()]


# words before a bare technique word that leave it bare ("pruning and distillation", "via distillation")
_NOT_MODIFIERS = frozenset("a an the and or of by via with from for to in on through using use uses used apply applies "
                           "applying applied as is are was were be plus including like such than this that its their our "
                           "standard vanilla conventional classical".split())


def _heads_a_longer_name(v, word: str) -> bool:
    """Whether the doc writes ``word`` as the head of a longer name: after a modifier ("score
    distillation", "Dataset Distillation") or glued to one ("self-distillation").  A paper that
    does uses the bare word for that name, not for the usual sense of the word alone.

    >>> import spacy
    >>> bare = view(spacy.blank("en")("We combine pruning and distillation."))
    >>> longer = view(spacy.blank("en")("Score distillation is slow; distillation helps."))
    >>> _heads_a_longer_name(bare, "distillation"), _heads_a_longer_name(longer, "distillation")
    (False, True)
    """
    suffix = "-" + word
    lower, spans = v.word_lower, v.words
    for index, written in enumerate(lower):
        if written.endswith(suffix):
            return True
        if written == word and index and spans[index - 1][1] == spans[index][0] and lower[index - 1].replace("-", "").isalpha() \
                and lower[index - 1] not in _NOT_MODIFIERS:
            return True
    return False


_VALUE = re.compile(r"^[+\-\u2212]?\d+(?:\.\d+)?%?$")
SCORE_VALUE = re.compile(r"^[+\-\u2212]?\d+(?:\.\d+)?%$|^[+\-\u2212]?\d+\.\d+$")  # decimals or a percentage: a score, not a count


def _valued(v, i: int) -> bool:
    """Whether token ``i`` is given a value: a score right before it ("0.24 MAE", "95% ASR"; not
    a count, "5 ASR models") or "of" or "=" and a number after it ("MAE of 0.24", "MAE = 0.24")."""
    texts = v.texts
    before = bool(i > 0 and SCORE_VALUE.match(texts[i - 1])) or (
        i > 1 and texts[i - 1] == "%" and bool(_VALUE.match(texts[i - 2])))
    return before or (i + 2 < len(texts) and v.lower[i + 1] in ("of", "=") and bool(_VALUE.match(texts[i + 2])))


def a_label(v, start: int, end: int) -> bool:
    """"TL;DR: We propose ...": a name opening an abstract's sentence before a colon labels what
    follows (OpenReview's summary line), it names nothing used; titles ("GSM8K: ...") are left alone.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("TL;DR: A Title\\nTL;DR: We tune on TL;DR."))
    >>> [a_label(v, s, e) for s, e in ((0, 1), (5, 6), (10, 11))]
    [False, True, False]
    """
    if not v.sent_ids or v.sent_ids[start] == 0 or end >= len(v.texts) or v.texts[end] != ":":
        return False
    return start == v.sent_starts[v.sent_ids[start]] or (start > 0 and v.texts[start - 1].isspace())


_DATA_HEADS = {"dataset", "datasets", "corpus", "benchmark"}


def glued_on_base_model(v, models: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """Curated model names glued by a hyphen into one written word that names a sized model
    built on the second ("ArmoRM-Llama3-8B", "E5-Mistral-7B-instruct"): the first name's span
    maps to the written word's end, the second's to 0 (no node of its own).  Without a size
    the word names two things ("DINO-ViT").

    >>> import spacy
    >>> v = view(spacy.blank("en")("We use ArmoRM-Llama3-8B and DINO-ViT ."))
    >>> glued_on_base_model(v, [(2, 3), (4, 7), (8, 9), (10, 11)])
    {(2, 3): 7, (4, 7): 0}
    """
    out: dict[tuple[int, int], int] = {}
    by_start = dict(models)
    texts, spaced = v.texts, v.spaced
    for start, end in models:
        base_end = by_start.get(end + 1)
        if base_end is None or texts[end] != "-" or spaced[end - 1] or spaced[end]:
            continue
        index = v.word_at(start)  # the written word the first name opens
        if index is None:
            continue
        word_end = v.words[index][1]
        if word_end >= base_end and PARAMETER_COUNT.search(v.text(end + 1, word_end)):
            out[(start, end)] = word_end
            out[(end + 1, base_end)] = 0
    return out


def _releases_data(v, start: int, end: int) -> bool:
    lower = v.lower
    return end < len(lower) and lower[end] in _DATA_HEADS and any(
        lower[i] in PROPOSAL_VERBS for i in range(max(0, start - 4), start))


_DATA_WORDS = {"dataset", "datasets", "data", "corpus", "instructions"}
_TRAINING_VERBS = {"train", "trained", "training", "tune", "tuned", "tuning", "fine-tune", "fine-tuned", "fine-tuning",
                   "finetune", "finetuned", "finetuning"}
_LIST_GLUE = {",", "and", "or"}


def _read_as_data_in_lists(v, matches, entries) -> set[str]:
    """Keys of the names for both a model and its data that read as the data here; a list
    passes the reading along ("Alpaca, Dolly, ShareGPT and WizardLM data": all four are data).

    >>> import spacy
    >>> from kg.extract.gazetteer import GazetteerEntry
    >>> entries = {"a": GazetteerEntry("Alpaca", "MODEL", data_too=True), "d": GazetteerEntry("Dolly", "MODEL", data_too=True)}
    >>> v = view(spacy.blank("en")("We mix Alpaca and Dolly data."))
    >>> sorted(_read_as_data_in_lists(v, [("a", 2, 3), ("d", 4, 5)], entries))
    ['a', 'd']
    """
    data: set[str] = set()
    pending = [(key, start, end) for key, start, end in matches if entries[key].data_too]
    while pending:
        found = [m for m in pending if _read_as_data(v, m[1], m[2], matches, entries, data)]
        if not found:
            return data
        data |= {key for key, _, _ in found}
        pending = [m for m in pending if m[0] not in data]
    return data


def _read_as_data(v, start: int, end: int, matches, entries, data=frozenset()) -> bool:
    """Whether a name for both a model and its data reads as the data here: a data word
    follows ("the Alpaca data"), it is trained on ("fine-tuned on Alpaca") or scored on ("1.1 dB on
    Mip-NeRF 360"), or it is listed
    with a curated dataset ("Dolly-15k and Alpaca") or with a name in ``data``, read as data.

    >>> import spacy
    >>> from kg.extract.gazetteer import GazetteerEntry
    >>> entries = {"a": GazetteerEntry("Alpaca", "MODEL", data_too=True), "d": GazetteerEntry("Dolly-15k", "DATASET")}
    >>> v = view(spacy.blank("en")("We tune Llama on Dolly-15k and Alpaca; Alpaca 7B is a model."))
    >>> _read_as_data(v, 6, 7, [("d", 4, 5), ("a", 6, 7)], entries), _read_as_data(v, 8, 9, [("a", 8, 9)], entries)
    (True, False)
    """
    lower = v.lower
    if end < len(lower) and lower[end] in _DATA_WORDS:
        return True
    if start > 0 and lower[start - 1] in ("on", "from") and any(
            lower[i] in _TRAINING_VERBS for i in range(max(0, start - 6), start - 1)):
        return True
    if start > 0 and lower[start - 1] == "on" and any(any(c.isdigit() for c in lower[i]) for i in range(max(0, start - 4), start - 1)):
        return True  # "improves PSNR by 1.1 dB on Mip-NeRF 360": a score on it, so the data
    for key, other_start, other_end in matches:
        if entries[key].type != "DATASET" and key not in data:
            continue
        between = range(other_end, start) if other_end <= start else range(end, other_start)
        if 0 < len(between) <= 2 and all(lower[i] in _LIST_GLUE for i in between) or _listed_across(v, between):
            return True
    return False


def _listed_across(v, between: range) -> bool:
    """Whether tokens ``between`` two names are list glue around other names no list knows
    (", FLAN v2, " in "Alpaca, Dolly, FLAN v2, ShareGPT"): a list goes on across them.

    >>> import spacy
    >>> v = view(spacy.blank("en")("Alpaca, Dolly, FLAN v2, ShareGPT and the data"))
    >>> _listed_across(v, range(3, 7)), _listed_across(v, range(8, 10))
    (True, False)
    """
    if not 3 <= len(between) <= 6 or v.texts[between[0]] != "," or v.lower[between[-1]] not in _LIST_GLUE:
        return False
    inner = [i for i in between[1:-1] if v.lower[i] not in _LIST_GLUE]
    return bool(inner) and len(inner) <= 3 and all(v.texts[i][:1].isupper() or any(c.isdigit() for c in v.texts[i]) for i in inner)


def _glued_before(v, start: int) -> str | None:
    """The word glued by a hyphen right before token ``start`` ("SE" of "SE-ResNet"), else None."""
    texts, spaced = v.texts, v.spaced
    if start >= 2 and texts[start - 1] == "-" and not spaced[start - 2] and not spaced[start - 1]:
        return texts[start - 2]
    return None


def glued_prefix_start(v, start: int) -> int:
    """Where a name starts that a short upper-case form glued on by a hyphen opens ("SE-" of
    "SE-ResNet-101"), else ``start``.

    >>> import spacy
    >>> v = view(spacy.blank("en")("SE-ResNet and self-BERT and Continual-T0"))
    >>> glued_prefix_start(v, 2), glued_prefix_start(v, 6), glued_prefix_start(v, 10)
    (0, 6, 10)
    """
    before = _glued_before(v, start)
    if before and before.isupper() and before.isalnum() and len(before) <= 4 and (
            start == 2 or v.spaced[start - 3] or v.texts[start - 3] in "(\"'“"):
        return start - 2
    return start


_COUNTED_LEVELS = {"two", "three", "four", "multi", "single", "one", "high", "low", "top", "mid"}  # and heights


def granularity_start(v, start: int) -> int:
    """Where a technique starts that a glued granularity opens ("sequence-level" of
    "sequence-level distillation"), else ``start``; counted levels ("two-level") are no kind.

    >>> import spacy
    >>> v = view(spacy.blank("en")("step-level beam search and two-level search"))
    >>> granularity_start(v, 3), granularity_start(v, 9)
    (0, 9)
    """
    texts, spaced = v.texts, v.spaced
    if start >= 3 and v.lower[start - 1] == "level" and texts[start - 2] == "-" and not spaced[start - 3] \
            and not spaced[start - 2] and texts[start - 3].isalpha() and v.lower[start - 3] not in _COUNTED_LEVELS \
            and (start == 3 or spaced[start - 4]):
        return start - 3
    return start


def qualified_qa_start(v, start: int, end: int) -> int:
    """Where a kind of question answering starts whose one describing word comes right before
    "QA" or "question answering" ("multimodal QA", "long-context QA", "Memory QA"), else
    ``start``: of the 12 dev papers that name a kind no list holds, the gold labels the kind in 7
    and plain question answering in none. Not
    a determiner, a number or a name's word, and not "QA" that describes a thing ("QA pairs").

    >>> import spacy
    >>> v = view(spacy.blank("en")("multimodal QA , long-context QA , the QA , 7 QA pairs and HotpotQA , business domain QA"))
    >>> [qualified_qa_start(v, s, s + 1) for s in (1, 6, 9, 12, 19)]
    [0, 3, 9, 12, 19]
    """
    lower, texts, spaced = v.lower, v.texts, v.spaced
    if end < len(lower) and lower[end] in _QA_DESCRIBES:
        return start
    first = start - 1
    while first >= 2 and texts[first - 1] == "-" and not spaced[first - 2] and not spaced[first - 1]:
        first -= 2  # "long-context", "search-based"
    if first < 0 or not spaced[start - 1] or not texts[first].isalpha() or lower[first] in _NOT_QUALIFIERS:
        return start
    if first > 0 and not spaced[first - 1]:
        return start  # glued to something before it
    before = lower[first - 1] if first > 0 else ""
    # "business domain QA", "table specific QA": one word of a longer description; after a verb
    # ("covering", "covers", "evaluated on") the describing word opens the name
    if before.isalpha() and before not in _NOT_QUALIFIERS and not before.endswith(("ing", "ed", "s")) or before.endswith("ss"):
        return start
    return first


# what "QA" describes when it modifies a noun ("QA pairs", "QA benchmarks"): no kind of task is named
_QA_DESCRIBES = frozenset("pair pairs benchmark benchmarks dataset datasets data task tasks model models system systems "
                          "accuracy performance format setting settings example examples".split())
_NOT_QUALIFIERS = frozenset("the a an of for and or in on to with by from as at is are our its their that this these those such "
                            "both via than into we which e.g. i.e. existing static standard general various downstream "
                            "several many some other new including like covering".split())


_DETECTION_UNITS = frozenset({"box", "mask", "bbox"})
# agreement statistics say at which level they correlate ("system-level Kendall tau"), which
# names no measure of its own
_AGREEMENT = re.compile(r"correlation|\btau\b|kendall|spearman|pearson|kappa|\brho\b", re.I)


# units a measure is taken over ("span-level F1"); "human-level accuracy" is a grade, and
# "corpus-level BLEU" plain BLEU
_MEASURED_UNITS = frozenset(
    "token subword word character morpheme phoneme sentence span entity mention document paragraph passage "
    "segment frame clip video image pixel patch region instance object event response answer step turn "
    "utterance claim field page cell node edge graph atom residue sample example query session item scene "
    "file function line repository category class label".split())


def measured_on_start(v, start: int) -> int:
    """Where a measure starts that a unit's granularity or a detection unit opens ("span-level"
    of "span-level F1", "box" of "box IoU"), else ``start``.

    >>> import spacy
    >>> v = view(spacy.blank("en")("span-level F1 and box IoU and human-level F1 and black-box accuracy"))
    >>> measured_on_start(v, 3), measured_on_start(v, 6), measured_on_start(v, 12), measured_on_start(v, 17)
    (0, 5, 12, 17)
    """
    if start >= 1 and v.lower[start - 1] in _DETECTION_UNITS and v.spaced[start - 1] \
            and not (start >= 2 and v.texts[start - 2] == "-" and not v.spaced[start - 2]):
        return start - 1  # "box IoU", not "black-box accuracy"
    first = granularity_start(v, start)
    return first if first == start or v.lower[first] in _MEASURED_UNITS else start


_CONCEPT_TYPES = frozenset({"METHOD", "TASK", "METRIC"})


def _spelled_as_written(doc, entries, matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Where two entries match the same words, the one that spells them as written: "BRACS" is
    the dataset of that name, not a plural of the method BRAC."""
    spans: dict[tuple[int, int], list[str]] = {}
    for key, start, end in matches:
        spans.setdefault((start, end), []).append(key)
    if all(len(keys) == 1 for keys in spans.values()):
        return matches
    out = []
    for (start, end), keys in spans.items():
        written = doc[start:end].text.lower()
        exact = [key for key in keys if any(form.lower() == written for form in (entries[key].name, *entries[key].aliases))]
        out += [(key, start, end) for key in (exact or keys)]
    return out


def after_a_capitalised_part(v, start: int) -> bool:
    """Whether a name starts inside a capitalised hyphenated compound ("Diagonal-Plus-Low-Rank
    Adapters" holds no LoRA, "Cross-Attention" no plain attention); a short upper-case prefix
    ("SE-ResNet") is read elsewhere.

    >>> import spacy
    >>> v = view(spacy.blank("en")("Diagonal-Plus-Low-Rank Adapters and SE-Net and Low-Rank"))
    >>> after_a_capitalised_part(v, 4), after_a_capitalised_part(v, 10), after_a_capitalised_part(v, 12)
    (True, False, False)
    """
    before = _glued_before(v, start)
    return bool(before) and before[:1].isupper() and before[1:].islower() and len(before) >= 3 and before.isalpha()


_NEGATING_SUFFIXES = {"free", "less"}
_HARMLESS_PREFIXES = {"fully"}  # "fully-supervised learning" is supervised learning


def inside_a_compound(v, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` of a token view are glued by a hyphen into a longer word
    that names something else: after a lower-case word ("out-of-domain generalization",
    "Non-Autoregressive", "small-scale MAE") or before "-free"/"-less" ("Rehearsal-Free").

    >>> import spacy
    >>> v = view(spacy.blank("en")("a rehearsal-free and non-autoregressive GPT-based model"))
    >>> [inside_a_compound(v, i, i + 1) for i in (1, 7, 9)]
    [True, True, False]
    """
    texts, spaced = v.texts, v.spaced
    before = _glued_before(v, start)
    if before and before.isalpha() and before.islower() and before not in _HARMLESS_PREFIXES:
        return True
    return (end + 1 < len(texts) and texts[end] == "-" and not spaced[end - 1] and not spaced[end]
            and v.lower[end + 1] in _NEGATING_SUFFIXES)


def token_hashes(nlp, forms: set[str]) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """(LOWER, ORTH) token hashes of each form, as ``nlp.make_doc`` would split it.

    spaCy splits text at spaces first and each space-separated piece on its own, so every
    distinct piece is tokenized once, all in one doc, and each form is the concatenation of
    its pieces' tokens (one doc instead of tens of thousands; forms with odd spacing are
    tokenized whole).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> lower, orth = token_hashes(nlp, {"GPT-4 Turbo"})["GPT-4 Turbo"]
    >>> [nlp.vocab.strings[h] for h in orth], [nlp.vocab.strings[h] for h in lower]
    (['GPT-4', 'Turbo'], ['gpt-4', 'turbo'])
    """
    plain = {form for form in forms if form and "  " not in form and form.strip(" ") == form}
    pieces = sorted({piece for form in plain for piece in form.split(" ")})
    starts = list(accumulate([0] + [len(piece) + 1 for piece in pieces[:-1]]))
    inner = getattr(nlp.tokenizer, "inner", nlp.tokenizer)
    lowers: list[list[int]] = [[] for _ in pieces]
    orths: list[list[int]] = [[] for _ in pieces]
    for token in inner(" ".join(pieces)):
        at = bisect_right(starts, token.idx) - 1
        lowers[at].append(token.lower)
        orths[at].append(token.orth)
    index = {piece: at for at, piece in enumerate(pieces)}
    out = {}
    for form in plain:
        parts = [index[piece] for piece in form.split(" ")]
        out[form] = (tuple(chain.from_iterable(lowers[p] for p in parts)), tuple(chain.from_iterable(orths[p] for p in parts)))
    for form in forms - plain:
        doc = nlp.make_doc(form)
        out[form] = (tuple(t.lower for t in doc), tuple(t.orth for t in doc))
    return out


def _fingerprint_parts(tokenizer, entries) -> list[bytes]:
    """Everything the cached token hashes depend on.  The entries are the ones the patterns are
    built from, not the list files read again: files edited in between (or after a long-lived
    process first read them) would otherwise file one version's patterns under another's name,
    and every later run would give each match the name of a neighbouring entry."""
    rules = [getattr(getattr(tokenizer, attr, None), "__self__", None) for attr in ("prefix_search", "suffix_search", "infix_finditer")]
    code = [Path(module.__file__).read_bytes() for module in (sys.modules[__name__], tokenizer_module, gazetteer_module, spelling)]
    return [spacy.__version__.encode(), type(tokenizer).__name__.encode(),
            *(getattr(rule, "pattern", "").encode() for rule in rules),
            json.dumps(sorted(getattr(tokenizer, "rules", None) or {})).encode(), *code,
            repr(tuple(entries)).encode()]


@Language.factory("kg_names", default_config={"gazetteer_dir": None, "extend_models": True})
def make_name_matcher(nlp, name: str, gazetteer_dir: str | None, extend_models: bool):
    return NameMatcher(nlp, name, gazetteer_dir, extend_models)
