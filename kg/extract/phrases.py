"""``kg_phrases``: task and metric noun phrases by their head word.

"fine-grained object classification" is a TASK because it ends in a task head and its
modifiers are content words; "end-to-end latency" is a METRIC the same way.  Names that
only extend a curated model/dataset with a size or version ("Qwen2.5-7B", "ViT-B",
"MiniLMv2"), or a curated name with a short code ("LoRA-GA"), are typed here too, with
the curated entry as their family.

>>> import spacy
>>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
>>> doc = nlp("We study the task of zero-shot image classification and report the answer quality score.")
>>> [(doc[s:e].text, t) for s, e, t in head_phrases(doc)]
[('zero-shot image classification', 'TASK'), ('answer quality score', 'METRIC')]
>>> head_phrases(nlp("Recommenders typically score every item twice. They typically score items."))
[]
>>> doc = nlp("Low Rank Matrix Completion\\nWe use Markovian score climbing for low rank matrix completion.")
>>> [doc[s:e].text for s, e, _ in head_phrases(doc)]
[]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import repeat
from operator import contains

from spacy.language import Language

from ..normalise import SIZE_LETTER_LIST, surface_key
from . import candidates
from .gazetteer import TASK_SETTINGS, load_gazetteer
from .lexicon import AFTER_A_RELEASE, PARAMETER_COUNT, PARTICIPLE_ENDINGS
from .words import WordMemo, name_shaped, view, where

__all__ = ["head_phrases", "variant_of", "VARIANT"]

TASK_HEADS = frozenset(
    "recognition detection segmentation classification translation answering summarization retrieval estimation "
    "parsing tracking captioning completion forecasting localization reconstruction prediction generation "
    "understanding grounding tagging manipulation diagnosis adaptation navigation editing synthesis inpainting "
    "restoration denoising modeling modelling reasoning labeling labelling imputation recommendation clustering "
    "separation infilling lemmatization stylization identification similarity calibration routing ranking "
    "repair resolution linking verification enhancement registration counting matting dehazing deblurring".split()
)
METRIC_HEADS = frozenset("latency score throughput".split())
_SCORE = frozenset({"score", "scores"})
_NOT_AFTER = frozenset(
    "model models method methods process framework frameworks approach approaches module modules system systems "
    "pipeline pipelines strategy strategies network networks architecture architectures head heads loss layer".split()
)
_STOP = frozenset(
    """a an the our their its this that these those such we it they which who whose of for in on at to from by with
    your my his her you us them
    and or but as via into over under between across than then also both each all any some more most many much
    multiple several various different same other new novel proposed existing previous prior recent current
    standard traditional conventional general generic simple strong robust accurate efficient effective improved
    better best higher lower high low large small large-scale small-scale high-quality real-world practical key
    important popular common typical specific particular challenging difficult complex downstream overall final
    average is are was were be been being has have had can could may might will would should do does did not no
    improve improves improving achieve achieves enable enables perform performs performing using based show shows
    learning training good poor significant significantly substantial comparable competitive superior one two
    three four five six seven eight nine ten every entire whole full faster slower because fewer less nuanced
    perfect noisy human binary jointly neural deep through without within toward towards upon among against per
    like unlike beyond during after before while adopt use employ leverage exploit measure compute report reduce
    increase maximize minimize optimize attain reach obtain yield compare actual main primary auxiliary additional
    further future first second initial subsequent corresponding respective certain diverse contemporary
    how what why when where whether
    harder easier simpler longer shorter larger smaller bigger broader wider""".split()
    # a comparison grades a task, it does not name one ("the harder manipulation tasks"); a superlative
    # can ("shortest path prediction")
) | frozenset(  # research verbs that open a task phrase ("we study text generation")
    """study studies investigate investigates explore explores examine examines analyze analyzes analyse analyses
    consider considers tackle tackles address addresses solve solves propose proposes introduce introduces present
    presents evaluate evaluates target targets support supports handle handles apply applies extend extends
    advance advances boost boosts enhance enhances facilitate facilitates revisit revisits rethink rethinks
    benchmark benchmarks unify unifies scale scales""".split()
)
_TASK_WORDS = frozenset({"task", "tasks", "benchmark", "benchmarks", "problem", "problems", "challenge"})
_TASK_CUES = ("task of", "tasks such as", "tasks like", "tasks including", "tasks", "task", "problem of", "tackle", "address", "such as")
_NOT_METRICS = frozenset({"learning rate", "sampling rate", "dropout rate", "mask ratio", "masking ratio", "frame rate",
                          "compression rate", "growth rate", "acceptance rate", "bit rate"})
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")
_DIMENSION = re.compile(r"^[1-4][Dd]$")
_GLUED_VERSION = re.compile(r"^(.+?)[vV]\d+(\.\d+)?$")
_POINT_RELEASE = re.compile(r"^\d{1,2}\.\d{1,2}$")
_POINT_AFTER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*\d)\.\d{1,2}$")  # not "T=0.7"
_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,3}$")  # "LoRA-GA", "BERT-PKD": a derivative named by a short code
VARIANT = re.compile(r"^(\d+(\.\d+)?[BMKT]|[BSLHG]|XL|XXL|Base|Large|Small|Tiny|Huge|Instruct|Chat|it|v\d+(\.\d+)?|\d+[kK]|\d{4}|\d{2,4}[x×]\d{2,4})(?:/\d+(?:\.\d+)?[BMKT]?)*$")


# adverbs ("systems typically score items"): never part of a task or metric's name ("anomaly" is no adverb)
_ADVERB_ENDINGS = ("ally", "ently", "antly", "ively", "ously", "fully", "ately", "ingly", "edly", "ably", "ibly", "ularly",
                   "ilarly", "ghly", "only", "ctly", "nearly", "mostly", "largely", "widely", "simply", "jointly")


# stop words that are adjectives inside a name ("Low Rank ...", "Neural Network ..."), where a
# phrase cut after them would be a fragment
_NAME_ADJECTIVES = frozenset("low high large small deep neural binary noisy human joint".split())


_MODALS = frozenset({"would", "could", "can", "may", "might", "will", "should", "must", "cannot"})


def _goes_on(word: str) -> bool:
    """Whether a lower-case content word follows, so the phrase goes on past its head word."""
    return word.isalpha() and word.islower() and word not in _STOP and not word.endswith("s")


def _modifier(text: str, sentence_start: bool) -> bool:
    """Content words only: no stop words, no adverbs, no verb-like forms ("aiding", "raises", "adopted")."""
    lower = text.lower()
    if lower in _STOP or (sentence_start and text[:1].isupper() and "-" not in text) or lower.endswith(_ADVERB_ENDINGS):
        return False
    if "-" not in text and text.islower() and (lower.endswith(PARTICIPLE_ENDINGS) or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")))):
        return False
    return True


def _head_kind(word: str) -> str | None:
    """TASK or METRIC when a written word ends in a task/metric head ("object-detection")."""
    head = word.lower().split("-")[-1]
    return "TASK" if head in TASK_HEADS else "METRIC" if head in METRIC_HEADS else None


head_kind = WordMemo(_head_kind)


def head_phrases(doc) -> list[tuple[int, int, str]]:
    v = view(doc)
    sent = v.sent_ids or [0] * len(v.texts)
    words, texts = v.words, v.word_texts
    out = []
    kinds = head_kind.each(texts)
    for index in where(kinds):
        kind = kinds[index]
        start, end = words[index]
        if index + 1 < len(words) and words[index + 1][0] == end and v.lower[end] in _NOT_AFTER:
            continue
        first = index
        while first > 0 and index - first < 3:
            prev_start, prev_end = words[first - 1]
            prev = texts[first - 1]
            at_sentence_start = prev_start == 0 or sent[prev_start - 1] != sent[prev_start]
            if prev_end == words[first][0] and _DIMENSION.match(prev) and sent[prev_start] == sent[start]:
                first -= 1  # "3D semantic occupancy prediction": the dimension is part of the task, and ends it
                break
            if index - first == 2:
                break  # two content words at most before the head, then only a dimension
            if prev_end != words[first][0] or not _WORD.match(prev) or not _modifier(prev, at_sentence_start):
                break
            if name_shaped(prev):
                break  # "ImageNet classification": a dataset or model name, then the task
            if first > 1 and v.word_lower[first - 2] in _MODALS:
                break  # "when it would hurt throughput": a verb after a modal, no modifier
            if sent[prev_start] != sent[start] or prev.lower().endswith(("-based", "-driven", "-aware", "-free")):
                break
            first -= 1
        if first == index:
            continue
        if first > 0 and words[first - 1][1] == words[first][0] and texts[first - 1].lower() in _NAME_ADJECTIVES \
                and sent[words[first - 1][0]] == sent[start]:
            continue  # "Low Rank Matrix Completion", "Neural Network Retrieval": the phrase starts before the cut
        if kind == "METRIC" and index + 1 < len(words) and _goes_on(texts[index + 1]):
            continue  # "Markovian score climbing": the measure word is no head here
        phrase = v.text(words[first][0], end)
        if kind == "METRIC" and phrase.lower() in _NOT_METRICS:
            continue
        out.append((words[first][0], end, kind))
    return _task_evidence(v, out)


def precision_and_recall(v) -> list[int]:
    """Tokens of "precision" and "recall" written as a pair ("precision and recall",
    "precision/recall"): measures then, where either word alone mostly is not ("8-bit precision",
    "knowledge recall").

    >>> import spacy
    >>> v = view(spacy.blank("en")("It keeps precision and recall, unlike 8-bit precision or Precision/Recall. "
    ...                            "We train in half precision and recall that FP16 precision and recall from memory differ."))
    >>> [v.texts[i] for i in precision_and_recall(v)]
    ['precision', 'recall', 'Precision', 'Recall']
    """
    lower, out = v.lower, []
    for index in where(map("precision".__eq__, lower)):
        if index > 0 and (lower[index - 1] in _NUMBER_FORMATS or _BIT_WIDTH.match(lower[index - 1])):
            continue  # "half precision", "FP16 precision": arithmetic, not a measure
        for gap in (1, 2):
            after = index + gap + 1
            if after < len(lower) and lower[after] == "recall" and all(w in ("and", "/", ",", "&") for w in lower[index + 1:after]):
                if after + 1 == len(lower) or lower[after + 1] in _AFTER_A_MEASURE:
                    out += [index, after]
                break
    return out


_NUMBER_FORMATS = frozenset("half mixed full single double numerical arithmetic floating-point low high reduced lower higher".split())
_BIT_WIDTH = re.compile(r"^(?:fp|bf|int|tf|mx)\d+$|^\d+-bit$")
# what follows "recall" when it is the measure ("precision and recall, ...", "... recall curves"),
# not the verb ("recall that", "recall from memory") or a compound ("recall-oriented")
_AFTER_A_MEASURE = frozenset(". , ; : ) ( and or of at on for with in over curve curves score scores metrics rates "
                             "values trade-off tradeoff".split())


_LOSS_WORDS = frozenset({"loss", "losses"})


def _reported(v, start: int, end: int, reach: int = 8) -> bool:
    """Whether a number is written within ``reach`` tokens of tokens ``start:end`` in their
    sentence: a measure the paper reports ("320 ms algorithmic latency", "a Kappa score of 0.81").

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("A Title\\nIt keeps a Kappa score of 0.81. It uses the distance as the anomaly score."))
    >>> _reported(v, 5, 7), _reported(v, 17, 19)
    (True, False)
    """
    sent = v.sent_ids or [0] * len(v.texts)
    lo, hi = max(0, start - reach), min(len(v.texts), end + reach)
    return any(any(c.isdigit() for c in v.texts[i]) and sent[i] == sent[start] for i in range(lo, hi) if not start <= i < end)


_KIND_SUFFIXES = ("-style", "-like", "-type", "-inspired")


def named_losses(v) -> list[tuple[int, int]]:
    """Token spans of losses named after a person, shape or short form ("Pseudo-Huber losses",
    "MSE loss", "Multiple Negative Rankings loss"); lower-case ones ("adversarial loss")
    mostly describe the paper's own objective. Titles capitalise every word and a sentence its
    first, so there a capital is no sign of a name.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> doc = nlp("A Title With Reconstruction Loss\\nWe adopt Pseudo-Huber losses. These loss terms and an "
    ...           "adversarial loss help. Reconstruction loss is added. It adds Multiple Negative Rankings loss.")
    >>> [doc[s:e].text for s, e in named_losses(view(doc))]
    ['Pseudo-Huber losses', 'Multiple Negative Rankings loss']
    """
    words, texts = v.words, v.word_texts
    sent = v.sent_ids or [0] * len(v.texts)
    out = []
    for index in where(map(_LOSS_WORDS.__contains__, v.word_lower)):
        if sent[words[index][0]] == 0:
            continue  # the title
        first = index
        while first > 0 and index - first < 3 and words[first - 1][1] == words[first][0]:
            prev = texts[first - 1]
            prev_start = words[first - 1][0]
            opens_sentence = prev_start == 0 or sent[prev_start - 1] != sent[prev_start]
            if not (prev[:1].isupper() and _WORD.match(prev)) or prev.endswith(PARTICIPLE_ENDINGS):
                break  # "Implementing ... Loss", "Augmented Losses": a verb form, not part of a name
            if opens_sentence and (prev.lower() in _STOP or not name_shaped(prev) and "-" not in prev):
                break  # "Reconstruction loss is added."
            if prev.lower().endswith(_KIND_SUFFIXES):
                break  # "a DPO-style loss" is DPO's kind of loss: the name is DPO's
            first -= 1
        if first < index:
            out.append((words[first][0], words[index][1]))
    return out


def _task_evidence(v, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep a task phrase only with evidence that it names a problem: it is written twice,
    or a task word frames it ("tasks such as X", "X task"), or a title says it is what the
    paper is for ("... for X").  A title alone is no evidence: headline phrases ("Day-to-Night
    Image Synthesis") are mostly framing, not tasks."""
    lower = v.lower
    counts: dict[str, int] = {}
    for start, end, _ in found:
        key = " ".join(lower[start:end])
        counts[key] = counts.get(key, 0) + 1
    kept = []
    for start, end, kind in found:
        if kind == "TASK":
            before = " ".join(lower[max(0, start - 3) : start])
            after = lower[end] if end < len(lower) else ""
            framed = after in _TASK_WORDS or before.endswith(_TASK_CUES) or _evaluated_on_a_name(v, end) or _title_purpose(v, start, end)
            if not (counts[" ".join(lower[start:end])] > 1 or framed):
                continue
        kept.append((start, end, kind))
    return kept


_PURPOSE_ENDS = frozenset({":", "?", "via", "with", "using", "by", "through", "in", "on", "from", "and", "under"})


def _title_purpose(v, start: int, end: int) -> bool:
    """"... Distillation for Surgical Feedback Classification": the phrase a title's last
    "for" leads to is the problem the paper works on (words such as "Efficient" between)."""
    if not v.sent_ids or v.sent_ids[start] != 0:
        return False
    following = v.lower[end] if end < len(v.lower) and v.sent_ids[end] == 0 else "\n"  # the title's end
    if following not in _PURPOSE_ENDS and not following.isspace():
        return False  # "... for Feedback Classification Models": the phrase goes on
    before = start - 1
    while before > 0 and v.lower[before] in _STOP and v.lower[before] != "for" and start - before < 3:
        before -= 1
    return before >= 0 and v.lower[before] == "for"


def _evaluated_on_a_name(v, end: int) -> bool:
    """"lung segmentation in the LIDC dataset", "classification on ImageNet": a task is what
    a paper does on named data."""
    if end >= len(v.lower) or v.lower[end] not in ("on", "in"):
        return False
    following = v.texts[end + 1 : end + 3]
    return any(name_shaped(word) for word in following)


def variant_of(text: str, known: dict[str, object]):
    """The curated entry a written name extends with sizes/versions, if any.

    >>> entry = object()
    >>> variant_of("Qwen2.5-7B-Instruct", {"qwen2.5": entry}) is entry, variant_of("Qwen2.5", {"qwen2.5": entry})
    (True, None)
    >>> variant_of("MiniLMv2", {"minilm": entry}) is entry, variant_of("LoRA-GA", {"lora": entry}) is entry
    (True, True)
    >>> variant_of("LoRA-based", {"lora": entry}), variant_of("LoRA-Guided", {"lora": entry}), variant_of("R2-D2", {"r2": entry})
    (None, None, None)
    >>> variant_of("ImageNet-256x256", {"imagenet": entry}) is entry, variant_of("Skywork-PRM-7B", {"skywork": entry}) is entry
    (True, True)
    >>> variant_of("DeiT-Ti/S/B", {"deit": entry}) is entry, variant_of("DeiT-Ti", {"deit": entry})
    (True, None)
    >>> variant_of("AP^bb", {"ap": entry}) is entry, variant_of("AP_{mask}", {"ap": entry}) is entry
    (True, True)
    >>> from types import SimpleNamespace
    >>> model, data = SimpleNamespace(type="MODEL"), SimpleNamespace(type="DATASET")
    >>> variant_of("GPT-5.4", {"gpt": model}) is model, variant_of("GLM-4.7", {"glm4": model}) is model
    (True, True)
    >>> variant_of("CIFAR-10.1", {"cifar": data, "cifar10": data})
    """
    script = _SCRIPTED.match(text)
    if script:  # "AP^bb", "AP_{mask}": a measure with a sub- or superscript is that measure's variant
        entry = known.get(surface_key(script.group(1)))
        return entry if entry is not None and getattr(entry, "type", "METRIC") == "METRIC" else None
    glued = _GLUED_VERSION.match(text)
    if glued and glued.group(1)[-1].isalpha():  # "MiniLMv2", "DeBERTaV3": a version glued on
        entry = known.get(surface_key(glued.group(1)))
        if entry is not None:
            return entry
    point = _POINT_AFTER.match(text)
    if point:  # "GLM-4.7" of a known GLM-4: a point release
        entry = known.get(surface_key(point.group(1)))
        if entry is not None and getattr(entry, "type", "") == "MODEL":
            return entry
    parts = text.split("-")
    for cut in range(len(parts) - 1, 0, -1):
        base = "-".join(parts[:cut])
        entry = known.get(surface_key(base))
        # sizes and versions, or a short code then sizes ("LoRA-GA", "Skywork-PRM-7B"); a code
        # after a name of two characters makes a name of its own ("R2-D2" is no R2)
        if entry is not None and (all(VARIANT.match(p) or SIZE_LETTER_LIST.match(p) for p in parts[cut:])
                                  or (len(base) > 2 and _CODE.match(parts[cut]) and all(VARIANT.match(p) for p in parts[cut + 1:]))
                                  # "GPT-5.4", "GLM-4.7": a point release of a known model
                                  or (cut == len(parts) - 1 and _POINT_RELEASE.match(parts[cut]) and getattr(entry, "type", "") == "MODEL")):
            return entry
    return None


_SCRIPTED = re.compile(r"^([A-Za-z][A-Za-z0-9@.-]*)[\^_]\{?[A-Za-z0-9]+\}?$")
_THOUSANDS = re.compile(r"-\d+(?:\.\d+)?[kK]$")
_PARAMETERS = re.compile(r"-(?:[A-Za-z]+-)?\d+(?:\.\d+)?[BM]$")


def trained_on_data(data_name: str, written: str) -> bool:
    """Whether a written variant of a curated dataset names a model trained on it: a
    parameter count after a name that already counts its data ("MADLAD-400-10B"), or after
    a code ("RedPajama-INCITE-7B").  A count after the bare name is the data's size
    ("LAION-2B").

    >>> trained_on_data("MADLAD-400", "MADLAD-400-10B"), trained_on_data("RedPajama", "RedPajama-INCITE-7B")
    (True, True)
    >>> trained_on_data("LAION", "LAION-2B"), trained_on_data("MADLAD-400", "MADLAD-400")
    (False, False)
    """
    match = _PARAMETERS.search(written)
    if not match or len(written) - len(match.group(0)) < len(data_name):
        return False
    return data_name[-1].isdigit() or match.group(0).count("-") == 2


_SLASH_LIST = re.compile(r"^(.*?\D)(\d+)((?:/\d+)+)$")


def slash_list(text: str, known: dict[str, object]) -> list:
    """The curated datasets or models a slash list of numbers names, each a name of its own:
    "CIFAR10/100" is CIFAR-10 and CIFAR-100; empty unless every one is a curated name of one type.

    >>> from kg.extract.gazetteer import GazetteerEntry
    >>> c10, c100 = GazetteerEntry("CIFAR-10", "DATASET"), GazetteerEntry("CIFAR-100", "DATASET")
    >>> [e.name for e in slash_list("CIFAR10/100", {"cifar10": c10, "cifar100": c100})]
    ['CIFAR-10', 'CIFAR-100']
    >>> slash_list("CIFAR10/20", {"cifar10": c10, "cifar100": c100}), slash_list("ViT-L/16", {})
    ([], [])
    """
    match = _SLASH_LIST.match(text)
    if not match:
        return []
    stem, first, rest = match.groups()
    entries = [known.get(surface_key(stem + number)) for number in (first, *rest.split("/")[1:])]
    if None in entries or len({entry.type for entry in entries}) != 1 or entries[0].type not in ("DATASET", "MODEL"):
        return []
    return entries


class PhraseTyper:
    def __init__(self, gazetteer_dir: str | None):
        self.known = {}
        entries = load_gazetteer(gazetteer_dir)
        # models and datasets first: where a method shares a form, sizes and versions are the model's
        for entry in ([e for e in entries if e.type in ("MODEL", "DATASET")] + [e for e in entries if e.type == "METHOD"]
                      + [e for e in entries if e.type == "METRIC"]):
            for form in (entry.name, *entry.aliases):
                self.known.setdefault(surface_key(form), entry)
        # a written word's variant entry never changes: look each one up once
        self.variant = WordMemo(partial(variant_of, known=self.known))

    def __call__(self, doc):
        v = view(doc)
        metrics = {(c["start"], c["end"]) for c in candidates.candidates(doc) if c["type"] == "METRIC" and c["canonical"]}
        for start, end, kind in head_phrases(doc):
            if kind == "METRIC" and (start, end - 1) in metrics and v.lower[end - 1] in _SCORE:
                continue  # "the perplexity score" is the curated perplexity, not a second metric
            if kind == "METRIC" and not _reported(v, start, end):
                continue  # "applies the distance as the anomaly score": a part of the method, no result
            candidates.add(doc, start, end, kind, "head-phrase", confidence=0.6)
        for start, end in named_losses(v):
            # "BYOL loss", "RNN-T loss": a known technique's loss is that technique's node
            named = self.known.get(surface_key(v.text(start, end - 1)))
            if named is not None and named.type == "METHOD":
                candidates.add(doc, start, end, "METHOD", "named-loss", canonical=named.name, family=named.family, confidence=0.8)
            else:
                candidates.add(doc, start, end, "METHOD", "named-loss", confidence=0.8)
        for index in precision_and_recall(v):
            candidates.add(doc, index, index + 1, "METRIC", "head-phrase", canonical=v.lower[index], confidence=0.7)
        for index in where(map(contains, v.word_texts, repeat("/"))):  # a loop in C: "CIFAR10/100"
            listed = slash_list(v.word_texts[index], self.known)
            if listed:
                start, end = v.words[index]
                first, *others = listed
                candidates.add(doc, start, end, first.type, "gazetteer", canonical=first.name, family=first.family,
                               also=tuple((entry.name, entry.family) for entry in others))
        entries = self.variant.each(v.word_texts)
        for index in where(entries):
            start, end = v.words[index]
            entry = entries[index]
            # "Alpaca-52K": a name for a model and its data, counted in thousands of examples, is the data
            entity_type = "DATASET" if entry.data_too and _THOUSANDS.search(v.word_texts[index]) else entry.type
            if entity_type == "DATASET" and trained_on_data(entry.name, v.word_texts[index]):
                candidates.add(doc, start, end, "MODEL", "gazetteer-variant", confidence=0.8)
                continue
            if entity_type == "METHOD" and PARAMETER_COUNT.search(v.word_texts[index]):
                # "Mamba-1.4B", "RWKV-7B": a parameter count makes a technique's name a trained model's
                candidates.add(doc, start, end, "MODEL", "gazetteer-variant", confidence=0.9)
                continue
            if SIZE_LETTER_LIST.match(v.word_texts[index].rpartition("-")[2]):
                # "Swin-T/S/B": several sizes at once stand for the family, under its curated name
                candidates.add(doc, start, end, entity_type, "gazetteer-variant", canonical=entry.name, family=entry.family,
                               confidence=0.9)
                continue
            candidates.add(doc, start, end, entity_type, "gazetteer-variant",
                           family=entry.name if entity_type == entry.type else None, confidence=0.9)
        known = candidates.candidates(doc)
        for start, end, family in sized_after(v, known):
            candidates.add(doc, start, end, "MODEL", "gazetteer-variant", family=family, confidence=0.9)
        for start, end, family in after_prefix(v, known, "DATASET", _STREAM_PREFIXES, v.word_texts):
            candidates.add(doc, start, end, "DATASET", "gazetteer-variant", family=family, confidence=0.9)
        settings = after_prefix(v, known, "TASK", TASK_SETTINGS, v.word_lower)
        for start, end, family in settings:
            if _frames_a_plain_task(v, known, settings, start, family):
                continue
            candidates.add(doc, start, end, "TASK", "gazetteer-variant", family=family, confidence=0.8)
        return doc


def _frames_a_plain_task(v, known, settings: list[tuple[int, int, str]], start: int, family: str) -> bool:
    """Whether the setting before a task at ``start`` ("Zero-Shot Dialogue State Tracking: ...")
    is a title's framing of the task the abstract names plainly, and never with a setting: no task
    of its own then.  Read only for a title's setting, which few docs have."""
    sent = v.sent_ids or [0] * len(v.texts)
    if sent[start] != 0:
        return False
    key = surface_key(family)
    if any(sent[s] != 0 and surface_key(f) == key for s, _, f in settings):
        return False  # the abstract writes the task with a setting too
    return any(c["type"] == "TASK" and sent[c["start"]] != 0 and surface_key(c["canonical"] or v.text(c["start"], c["end"])) == key
               and not any(s < c["start"] and e == c["end"] for s, e, _ in settings) for c in known)


# continual-learning benchmarks built from a dataset: "Split CIFAR-100", "Permuted MNIST"
_STREAM_PREFIXES = frozenset({"Split", "Permuted", "Rotated", "Sequential"})
_WRITTEN_SIZE = re.compile(r"^(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)?[BM])$")
# the words a release adds to a family's name: a tier, a line, a tuning ("Claude Sonnet 4.6", "Gemini 4 Pro")
_TIERS = frozenset("pro flash ultra nano mini max plus turbo lite large medium small opus sonnet haiku maverick "
                   "scout instruct chat base thinking coder omni air".split())
_VERSION = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})?|[A-Z]\d{1,2}(?:\.\d)?)$")  # 5, 4.6, K3, V4
_COUNTED = frozenset("% points point pp times x × of out percent".split())
_SMALL_TIERS = frozenset({"mini", "nano"})
_VERSION_LETTERS = frozenset("KVMR")  # Kimi K3, DeepSeek V4, MiniMax M3, DeepSeek R2
_PLURAL_NOUN = re.compile(r"^[a-z]+s$")


def _ends_a_release(v, at: int) -> bool:
    """Whether a bare number before token ``at`` can end a release's name ("Mistral Large 3 and
    ...", "... Mistral Large 3."), not count what follows ("GPT-4 Turbo 8 responses"); in a title,
    only punctuation or the end will do ("Can GPT-4 Plus 2 Tools Beat Humans?")."""
    if at >= len(v.texts) or v.is_punct[at]:
        return True
    in_title = bool(v.sent_ids) and v.sent_ids[at] == 0
    return not in_title and v.lower[at] in AFTER_A_RELEASE


def sized_after(v, known) -> list[tuple[int, int, str]]:
    """A known model followed by a written version or size ("Claude v1.3", "Pythia 1.4B",
    "Stable Diffusion v1-5") or by mini or nano ("GPT-5.4 mini") is that variant, with the known
    model as family; so is a release the lists do not hold yet: a
    tier and a version ("Claude Sonnet 4.6"), a version and a tier or size ("Llama 5 70B",
    "Gemini 4 Pro"), a lettered version ("Kimi K3"), or a version after a name that ends in a
    tier ("Mistral Large 3").  A number that counts something is no version ("GPT-4 3 times",
    "Claude 2 and 4 baselines").  (A dataset's count is left alone: "ZINC 12k" names a subset,
    "QM9 134k" only the size of the whole.)

    >>> import spacy
    >>> doc = spacy.blank("en")("We compare Claude v1.3 with Claude 2 and 4 baselines, Claude Sonnet 4.6, Llama 5 70B and Kimi K3.")
    >>> known = [{"type": "MODEL", "start": s, "end": s + 1, "canonical": n} for s, n in ((2, "Claude"), (5, "Claude"), (11, "Claude"), (15, "LLaMA"), (19, "Kimi"))]
    >>> [(doc[s:e].text, family) for s, e, family in sized_after(view(doc), known)]
    [('Claude v1.3', 'Claude'), ('Claude Sonnet 4.6', 'Claude'), ('Llama 5 70B', 'LLaMA'), ('Kimi K3', 'Kimi')]
    >>> doc = spacy.blank("en")("Stable Diffusion v1-5 and GPT-5.4 mini")
    >>> known = [{"type": "MODEL", "start": 0, "end": 2, "canonical": "Stable Diffusion"}, {"type": "MODEL", "start": 6, "end": 7, "canonical": None}]
    >>> [doc[s:e].text for s, e, _ in sized_after(view(doc), known)]
    ['Stable Diffusion v1-5', 'GPT-5.4 mini']
    """
    texts, lower, spaced, n = v.texts, v.lower, v.spaced, len(v.texts)
    reach = {}  # the furthest end a candidate starting at a token already has
    for c in known:
        reach[c["start"]] = max(reach.get(c["start"], 0), c["end"])
    out = []
    for c in known:
        start, end = c["start"], c["end"]
        if c["type"] != "MODEL" or end >= n or not spaced[end - 1]:
            continue
        family = c["canonical"] or v.text(start, end)
        if _WRITTEN_SIZE.match(texts[end]):
            stop = end + 1
            if (stop + 2 < n and texts[end][0] == "v" and texts[stop] == "-" and not spaced[end] and not spaced[stop]
                    and texts[stop + 1].isdigit() and not _PLURAL_NOUN.match(texts[stop + 2])):
                stop += 2  # "Stable Diffusion v1-5": a release written with a hyphen for its point ("v3-5 detectors": a range)
            out.append((start, stop, family))
            continue
        if lower[end] in _SMALL_TIERS:  # "GPT-5.4 mini": the small model of a release ("GPT-2 mini-batch": no)
            if reach.get(start, 0) < end + 1 and (end + 1 >= n or texts[end + 1] != "-" or spaced[end]):
                out.append((start, end + 1, family))
            continue
        at = end
        while at < n and at - end < 2 and lower[at] in _TIERS and texts[at][:1].isupper() and spaced[at]:
            at += 1
        version = texts[at] if at < n else ""
        if not spaced[at - 1] or not _VERSION.match(version) or version.startswith("0"):
            continue  # "Gemini 2.5 Pro 06-05": a date, not a version
        if version[0].isalpha() and version[0] not in _VERSION_LETTERS:
            continue  # "ResNet-50 C5 features", "Llama-2-7B T4 latency": a level or a GPU, not a release
        stop = at + 1
        while stop < n and spaced[stop - 1] and lower[stop] in _TIERS and texts[stop][:1].isupper():
            stop += 1
        if stop < n and spaced[stop - 1] and _WRITTEN_SIZE.match(texts[stop]):
            stop += 1  # one size: "Llama 5 70B" (a list of sizes after it is the family's)
        if stop < n and lower[stop] in _COUNTED and stop == at + 1:
            continue  # "GPT-4 3.5 points lower": a count after the name
        if version.isdigit() and stop == at + 1 and not _ends_a_release(v, stop):
            continue  # "GPT-4 Turbo 8 responses", "Claude 3 Opus 4 seeds": a number counting what follows
        versioned = at > end or stop > at + 1 or version[0].isalpha() or lower[end - 1] in _TIERS
        if versioned and reach.get(start, 0) < stop:
            out.append((start, stop, family))
    return out


def after_prefix(v, known, entity_type: str, prefixes, word_texts) -> list[tuple[int, int, str]]:
    """Known names of ``entity_type`` right after a written word in ``prefixes`` (compared as
    ``word_texts`` gives it), as names of their own with the known name as family: "Split
    CIFAR-100" is not CIFAR-100, "zero-shot question answering" not question answering."""
    if prefixes.isdisjoint(word_texts):
        return []  # most docs: no prefix word at all
    word_ends = [end for _, end in v.words]
    out = []
    for c in known:
        at = bisect_left(word_ends, c["start"])
        if c["type"] == entity_type and at < len(word_ends) and word_ends[at] == c["start"] and word_texts[at] in prefixes:
            out.append((v.words[at][0], c["end"], c["canonical"] or v.text(c["start"], c["end"])))
    return out


@Language.factory("kg_phrases", default_config={"gazetteer_dir": None})
def make_phrase_typer(nlp, name: str, gazetteer_dir: str | None):
    return PhraseTyper(gazetteer_dir)
