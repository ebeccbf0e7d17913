"""``kg_resolve``: candidates -> final mentions (one per text span).

Overlaps go to the longest span, then to the more trusted rule; abbreviation pairs share
one canonical name; generic phrases are dropped; roles come from the proposals component.
Results are plain dicts in ``doc.user_data["kg_mentions"]``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from . import candidates
from .abbreviations import defined_term_type
from .gazetteer import load_generic_phrases
from .languages import only_language_pairs
from .lexicon import NOT_NAMES, counts_examples, is_generic_class, is_link
from ..normalise import is_size_word, model_family
from .words import drop_view, view, where, word_key

__all__ = ["RULE_PRIORITY", "TYPE_TRUST", "select_spans", "one_type_per_name", "generic_keys"]

_NOT_NAME_SUFFIXES = ("-like", "-parameter", "-based", "-style", "-sized", "-scale", "-driven", "-guided", "-aware", "-specific", "-centric", "-oriented")

RULE_PRIORITY = {"proposal": 0, "gazetteer": 1, "gazetteer-variant": 2, "abbreviation": 3, "head-noun": 4, "list": 5, "title-technique": 5, "head-phrase": 6, "titled-run": 7, "scored-on": 8, "evaluated-on": 8, "trained": 8, "model-shaped": 9, "data-shaped": 9, "metric-shaped": 9, "compared": 10}


# Whose type wins when one name gets two types in a paper: the curated lists, then the
# paper's own naming ("we propose X, a benchmark"), then weaker context.
TYPE_TRUST = ("gazetteer", "gazetteer-variant", "proposal", "abbreviation", "head-noun", "list", "head-phrase", "title-technique", "titled-run", "scored-on", "evaluated-on", "trained", "model-shaped", "data-shaped", "metric-shaped", "compared")


def one_type_per_name(mentions: list[dict]) -> None:
    """Give every mention of one name in a paper the type of its most trusted mention.

    Mentions are the same name when they share a written form, canonical name or alias
    ("LoRA" and "Low-Rank Adaptation" once the paper defines one by the other).

    >>> ms = [{"text": "GSM8K", "type": "METHOD", "rule": "compared", "canonical": None, "aliases": []},
    ...       {"text": "GSM8k", "type": "DATASET", "rule": "gazetteer", "canonical": "GSM8K", "aliases": []}]
    >>> one_type_per_name(ms); [m["type"] for m in ms]
    ['DATASET', 'DATASET']
    """
    keys = [[word_key(form) for form in (m["text"], m["canonical"], *m["aliases"]) if form] for m in mentions]
    types_of: dict[str, set[str]] = {}
    for m, forms in zip(mentions, keys):
        for key in forms:
            types_of.setdefault(key, set()).add(m["type"])
    if all(len(types) == 1 for types in types_of.values()):
        return  # linked mentions share a key, so no name can hold two types
    group_of: dict[str, int] = {}
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = i = parent[parent[i]]
        return i

    for index, forms in enumerate(keys):
        for key in forms:
            other = group_of.setdefault(key, index)
            parent[root(index)] = root(other)
    groups: dict[int, list[dict]] = {}
    for index, m in enumerate(mentions):
        groups.setdefault(root(index), []).append(m)
    trust = {rule: rank for rank, rule in enumerate(TYPE_TRUST)}
    for members in groups.values():
        if len({m["type"] for m in members}) > 1:
            best = min(members, key=lambda m: trust.get(m["rule"], len(trust)))["type"]
            for m in members:
                m["type"] = best


def _without_phrases_over_names(cands: list[dict]) -> list[dict]:
    """A task or technique phrase read from its head word that opens with a curated dataset or
    model is that name used as a modifier ("the Adroit manipulation tasks"), not a new task or
    technique: the name stays. (Metric phrases are left: "ImageNet top-1 accuracy".)

    >>> kept = _without_phrases_over_names([{"start": 3, "end": 5, "rule": "head-phrase", "type": "TASK"},
    ...     {"start": 3, "end": 4, "rule": "gazetteer", "type": "DATASET"}])
    >>> [(c["start"], c["end"]) for c in kept]
    [(3, 4)]
    """
    names = {c["start"]: c["end"] for c in cands if c["rule"] == "gazetteer" and c["type"] in ("DATASET", "MODEL")}
    if not names:
        return cands
    return [c for c in cands if not (c["rule"] == "head-phrase" and c["type"] in ("TASK", "METHOD")
                                     and names.get(c["start"], c["end"]) < c["end"])]


_FUNCTION_WORDS = frozenset("the a an of and or in on for to with by from at as our this that these those we it its "
                            "their is are".split())


def select_spans(cands: list[dict]) -> list[dict]:
    """Greedy: longest span first, ties by rule priority; no two chosen spans overlap.

    >>> picked = select_spans([
    ...     {"start": 0, "end": 2, "rule": "gazetteer"}, {"start": 0, "end": 3, "rule": "list"},
    ...     {"start": 2, "end": 3, "rule": "gazetteer"}])
    >>> [(c["start"], c["end"]) for c in picked]
    [(0, 3)]
    """
    taken: set[int] = set()
    out = []
    for cand in sorted(cands, key=lambda c: (-(c["end"] - c["start"]), RULE_PRIORITY.get(c["rule"], 9), c["start"])):
        tokens = set(range(cand["start"], cand["end"]))
        if tokens & taken:
            continue
        taken |= tokens
        out.append(cand)
    return sorted(out, key=lambda c: c["start"])


# a sentence that lists what other fields or many applications do, not what the paper works on
_OTHER_FIELDS = re.compile(r"\b(?:other|various|different|diverse|multiple|several|many|numerous)\s+(?:fields|domains|areas|"
                           r"disciplines|applications)\b|\b(?:fields|domains|areas|disciplines) (?:such as|like|of|including)\b"
                           r"|\branging from\b", re.I)
_AUTHORS = re.compile(r"\b(?:we|our|us)\b", re.I)


def _about_other_work(sentence: str) -> bool:
    """A sentence that lists what other fields or many applications do, and not what the
    authors do ("has been shown in other fields such as ..." but not "we evaluate on several
    applications, including ...").

    >>> _about_other_work("It works in other fields such as speech recognition."), _about_other_work(
    ...     "We demonstrate Zorb on several applications, including image classification.")
    (True, False)
    >>> _about_other_work("Deep learning has revolutionized the fields of vision and speech recognition."), _about_other_work(
    ...     "It is used in applications ranging from vision to speech recognition.")
    (True, True)
    """
    return bool(_OTHER_FIELDS.search(sentence)) and not _AUTHORS.search(sentence)


_CONTEXT_RULES = {"list", "compared", "head-noun", "head-phrase", "model-shaped", "data-shaped", "scored-on", "evaluated-on", "trained"}
_FRAGMENT_PART = r"(?:[IVX]+|\d+D|[A-Za-z]\d?|[A-Z]{2}|L\d+|\d+(?:\.\d+)?[BMKT]?)"
_FRAGMENT = re.compile(rf"^{_FRAGMENT_PART}(?:[/–]{_FRAGMENT_PART})*$")


def _generic_curated_method(cand: dict) -> bool:
    """A curated technique whose name is a lower-case term ("transformer", "adapter tuning")."""
    canonical = cand["canonical"]
    return cand["type"] == "METHOD" and bool(canonical) and canonical == canonical.lower()


def _head_of_a_longer_name(v, cand: dict, chosen: list[dict]) -> bool:
    """A curated generic term (lower-case canonical name) written capitalised right after a
    capitalised word no other name claims: the head of a name the lists do not know."""
    start = cand["start"]
    if not _generic_curated_method(cand) or start < 2:
        return False  # a task's title-case phrase ("Improving Mathematical Reasoning") is still the task
    before, text = v.texts[start - 1], v.texts[start]
    if not (text[:1].isupper() and not text.isupper() and before[:1].isupper() and before.isalpha()):
        return False
    sentence_start = v.sent_starts[v.sent_ids[start]] if v.sent_ids else 0
    return (start - 1 > sentence_start and v.texts[start - 2] not in (":", "(", "\n")
            and not any(c["start"] <= start - 1 < c["end"] for c in chosen))


def _head_after_a_name(v, cand: dict, ends: set[int]) -> bool:
    """A curated generic technique (one lower-case word) written right after another name:
    the head of a compound ("LoRA adapters", "NER adapters"), not the technique itself."""
    start = cand["start"]
    return _generic_curated_method(cand) and cand["end"] - start == 1 and start in ends and v.spaced[start - 1]


def is_fragment(text: str) -> bool:
    """A piece of a name, too short or too plain to be one on its own: roman numerals,
    "1D", "L2", one or two letters, a size ("a family of models (4B/8B)"), or a list of them.

    >>> [is_fragment(t) for t in ("III/IV", "1D", "L2", "PI", "T5", "MPSoC", "BERT")]
    [True, True, True, True, True, False, False]
    >>> [is_fragment(t) for t in ("4B/8B", "70B", "L1/L2/L3", "Qwen-7B", "GPT-4/4o", "4/7/8B", "7–9B", "T5-3B")]
    [True, True, True, False, False, True, True, False]
    """
    return bool(_FRAGMENT.match(text))


def _abbreviation_candidates(doc) -> None:
    table = candidates.abbreviations(doc)
    if not table:
        return
    v = view(doc)
    # A curated match on a short form the paper defines otherwise is dropped; where the paper
    # coins it, so are the curated entry's other forms ("SPICE scores" after "... (SPICE)")
    pending = candidates.candidates(doc)
    proposed = candidates.proposed_keys(doc)
    redefined = {id(c): c for c in pending if c["rule"] == "gazetteer" and (info := table.get(v.text(c["start"], c["end"])))
                 and info["canonical"] != c["canonical"]}
    coined_over = {c["canonical"] for c in redefined.values() if word_key(v.text(c["start"], c["end"])) in proposed}
    pending[:] = [c for c in pending if not (id(c) in redefined or c["rule"] == "gazetteer" and c["canonical"] in coined_over)]
    types = {short: info["type"] or defined_term_type(short, info["long"]) for short, info in table.items()}
    # a short form the paper spells out as no technique ("Magnetic Resonance (MR)") is no name
    # however a context rule reads it ("compared with CT and MR")
    untyped = {short for short, entity_type in types.items() if not entity_type}
    if untyped:
        pending[:] = [c for c in pending if not (c["rule"] in _CONTEXT_RULES and v.text(c["start"], c["end"]) in untyped)]
    # "Vision Mixture-of-Experts (V-MoE) ... the V-MoE-Base model": a short form with model variants names a model
    for c in pending:
        if c["type"] == "MODEL" and not c["canonical"]:
            family = model_family(v.text(c["start"], c["end"]))
            if family in table and types[family] == "METHOD" and not table[family]["canonical"]:
                types[family] = "MODEL"
    for short, info in table.items():
        if not types[short]:
            continue
        long_start, long_end = info["long_span"]
        for start in [long_start, *_written_again(v.lower, long_start, long_end)]:
            candidates.add(doc, start, start + long_end - long_start, types[short], "abbreviation",
                           canonical=info["canonical"], aliases=(short,))
    for index in where(map(table.__contains__, v.word_texts)):
        (start, end), short = v.words[index], v.word_texts[index]
        info = table[short]
        if types[short]:
            candidates.add(doc, start, end, types[short], "abbreviation", canonical=info["canonical"], aliases=(info["long"],))


def _written_again(lower: list[str], start: int, end: int) -> list[int]:
    """Where else the words ``lower[start:end]`` (a defined long form) stand, in any case: the
    title "Cyclical Curriculum Learning" is the "cyclical curriculum learning (CCL)" the abstract
    defines, not the curated "curriculum learning" inside it.

    >>> _written_again("a b c x a b c a b".split(), 0, 3)
    [4]
    """
    words, width, found, at = lower[start:end], end - start, [], -1
    if width < 2:
        return found
    while True:
        try:
            at = lower.index(words[0], at + 1)
        except ValueError:
            return found
        if lower[at:at + width] == words and not start <= at < end:
            found.append(at)


def _size_list_end(v, end: int) -> int | None:
    """Where a list of sizes right after a sized name ends (", Large, and XL", "and 13B"),
    or None when none follows. Variant words count only capitalised: "Mistral 7B and it
    outperforms", "and small models" are prose.

    >>> import spacy
    >>> v = view(spacy.blank("en")("ClimateGPT-7B, 13B and 70B are trained. Mistral 7B and it works."))
    >>> _size_list_end(v, 1), _size_list_end(v, 10)
    (5, None)
    """
    texts, n = v.texts, len(v.texts)
    stop, at = None, end
    while True:
        while at < n and texts[at] in (",", "and", "or"):
            at += 1
        if at == end or at >= n:
            return stop
        word = texts[at]
        if not (is_size_word(word) and (word[0].isdigit() or word[0].isupper() and word != "It")):
            return stop
        stop = end = at = at + 1


# a split ("test-clean", "val2017") or a translation direction ("En-X", "de-en") of a dataset
_SPLIT = re.compile(r"(?:test|dev|val|train)-(?:clean|other|dev|std)|(?:train|val|test|minival)(?:19|20)\d\d|minival"
                    r"|(?:[a-z]{2}|x)(?:-|→|->)(?:[a-z]{2}|x)")


def _split_end(v, end: int) -> int | None:
    """Where a dataset's split or translation direction written right after its name ends
    ("test-clean", "val2017", "En-X"), or None.

    >>> import spacy
    >>> v = view(spacy.blank("en")("LibriSpeech test-clean and COCO val2017 or MMLU test and CoVoST 2 En-X"))
    >>> _split_end(v, 1), _split_end(v, 6), _split_end(v, 9), _split_end(v, 13)
    (4, 7, None, 16)
    """
    index = v.word_at(end) if end < len(v.texts) and v.spaced[end - 1] else None
    return v.words[index][1] if index is not None and _SPLIT.fullmatch(v.word_lower[index]) else None


def _sentence_span(v, start: int, end: int) -> tuple[int, int]:
    """Tokens of the sentence(s) a span is in (``Span.sent`` scans the whole doc)."""
    if not v.sent_ids:
        return 0, len(v.texts)
    return v.sentence_bounds(v.sent_ids[start])[0], v.sentence_bounds(v.sent_ids[end - 1])[1]


@lru_cache(maxsize=1)
def generic_keys() -> frozenset[str]:
    """Keys of the generic phrases: "pre-trained model" is as generic as "pre-trained models"."""
    return frozenset(map(word_key, load_generic_phrases(as_written=True)))


_TECHNIQUE_HEADS = frozenset({"learning", "method", "framework", "algorithm", "approach", "technique", "training", "attack",
                              "defense", "defence", "model", "network", "policy", "mechanism", "strategy", "system"})


def _without_technique_head(long_form: str) -> str | None:
    """The key of a long form less its closing technique word, where two or more words remain:
    a paper that defines "cyclical curriculum learning (CCL)" may later write "Cyclical
    Curriculum" for the same thing.

    >>> _without_technique_head("cyclical curriculum learning"), _without_technique_head("curriculum learning")
    ('cyclicalcurriculum', None)
    """
    words = long_form.split()
    if len(words) >= 3 and words[-1].lower() in _TECHNIQUE_HEADS:
        return word_key(" ".join(words[:-1]))
    return None


def _short_with_head(text: str, table: dict) -> str | None:
    """A defined short form written with its long form's last word after it: "CCSL loss" after
    "Cross-Cosine Similarity Loss (CCSL)" is that loss, not a second one.

    >>> table = {"CCSL": {"long": "Cross-Cosine Similarity Loss"}}
    >>> _short_with_head("CCSL loss", table), _short_with_head("CCSL model", table), _short_with_head("CCSL", table)
    ('CCSL', None, None)
    """
    short, _, head = text.partition(" ")
    info = table.get(short)
    if not info or not head or " " in head:
        return None
    return short if info["long"].lower().rsplit(" ", 1)[-1] == head.lower() else None


_YEAR_AFTER = re.compile(r"[ -](?:19|20)\d{2}$")  # "ACL 2024" is as generic as "ACL"

# what a task's name modifies when it names a part or kind of a method rather than the task
_TASK_AS_A_PART = frozenset("paradigm paradigms technique techniques objective objectives loss losses head heads "
                            "module modules layer layers step input inputs statistics framing".split())
# "OCR-heavy questions", "OCR-free models": a task glued to such a word describes something else
# ("Summarization-Specific Pre-training", "question answering-oriented" still name the task)
_TASK_AS_A_QUALITY = frozenset("heavy grounded dependent free based style like related intensive".split())


def _task_as_a_modifier(v, end: int) -> bool:
    """Whether the task name ending at ``end`` describes a part of a method or a kind of input
    rather than naming the problem: "a clustering step", "OCR input", "OCR-heavy questions".

    >>> import spacy
    >>> v = view(spacy.blank("en")("no OCR input , OCR-heavy questions and OCR ."))
    >>> [_task_as_a_modifier(v, e) for e in (2, 5, 10)]
    [True, True, False]
    """
    lower = v.lower
    if end >= len(lower):
        return False
    if lower[end] in _TASK_AS_A_PART:  # a title's nouns name its subject ("... Detection Classifiers")
        return not (v.sent_ids and v.sent_ids[end - 1] == 0)
    return (lower[end] == "-" and end + 1 < len(lower) and not v.spaced[end - 1] and not v.spaced[end]
            and lower[end + 1] in _TASK_AS_A_QUALITY)


# what a measure modifies when a method uses it rather than a paper reporting it
_TOOL_HEADS = frozenset("threshold thresholds matching filter filters filtering cost costs assignment penalty "
                        "regularization regularisation regularizer regulariser constraint constraints".split())


_CUTOFF_WORDS = frozenset({"at", "(", "with", "under", "@"})


# fields whose short form is also a technique a paper applies ("trained with RL"); the
# architecture classes (CNN, MLP) stay background
_APPLIED_FIELDS = frozenset({"RL"})


def _applied_field(doc, text: str, cand: dict) -> bool:
    """Whether a bare "RL" names reinforcement learning: only where the abstract never spells
    the long form out, since there the spelled-out mentions decide ("offline reinforcement
    learning (RL)" makes RL the short form of offline RL)."""
    return text in _APPLIED_FIELDS and (cand["canonical"] or text).lower() not in doc.text.lower()


def _measure_as_a_tool(v, start: int, end: int, measure_ends: frozenset[int] = frozenset()) -> bool:
    """Whether the measure at ``start:end`` names a tool of a method: it modifies a word such as
    "threshold" or "filtering", is what "based on" a heuristic rests on, or sets the cutoff of
    the measure that ends right before it ("IoU thresholds", "perplexity filtering", "heuristics
    based on IoU", "55.9 mAP at tIoU=0.5", "AP (IoU=0.5)"; not "converges at FID=3.2").

    >>> import spacy
    >>> v = view(spacy.blank("en")("IoU thresholds and matching based on IoU ; 41.2 IoU ; mAP at IoU = 0.5 ; ends at FID = 3"))
    >>> [_measure_as_a_tool(v, s, s + 1, frozenset({12})) for s in (0, 6, 9, 11, 13, 19)]
    [True, True, False, False, True, False]
    """
    lower = v.lower
    if end < len(lower) and lower[end] in _TOOL_HEADS:
        return True
    if start >= 1 and lower[start - 1] in _CUTOFF_WORDS and start - 1 in measure_ends and end < len(lower) and lower[end] == "=":
        return True
    return start >= 2 and lower[start - 1] == "on" and lower[start - 2] == "based"


@Language.component("kg_resolve")
def kg_resolve(doc):
    v = view(doc)
    table = candidates.abbreviations(doc)
    # short forms the curated lists matched here whose entry spells out what it stands for:
    # a paper that coins the same letters for something else ("ADapt And Merge (ADAM)",
    # "Fill-in Language Model (FiLM)") names a different thing from the curated node.
    # Only a doc that defines short forms can coin one, and this must be read before
    # _abbreviation_candidates drops the curated matches it redefines.
    spelled_out = {word_key(v.text(c["start"], c["end"])) for c in candidates.candidates(doc)
                   if c["rule"] == "gazetteer" and c["canonical"] and any(" " in form for form in (c["canonical"], *c["aliases"]))
                   } if table else set()
    _abbreviation_candidates(doc)
    generic = generic_keys()
    proposed = candidates.proposed_keys(doc)
    long_to_short = {word_key(info["long"]): short for short, info in table.items()}
    named_shorter = {key: short for short, info in table.items() if (key := _without_technique_head(info["long"]))}
    sentences: dict[tuple[int, int], str] = {}
    mentions = []

    def pair_name(short: str) -> str:
        """An abbreviation pair is one entity: a paper's own coinage is named by its short
        form (MALT), an established term by its long form (graph convolutional networks)."""
        long_form = table[short]["long"]
        own = word_key(short) in proposed or word_key(long_form) in proposed
        # a curated term keeps its curated name, even where the paper claims it
        own_name = long_form if word_key(short) in spelled_out else short
        return table[short]["canonical"] or (own_name if own else long_form)

    chosen = select_spans(_without_phrases_over_names(candidates.candidates(doc)))
    ends = {c["end"] for c in chosen}
    # "K2-65B" of a proposed "LLM360 K2": the last word of a proposed name, sized, is the paper's too
    # (but "SAM 2" beside a proposed "Compact Memory SAM" is a curated model, the one it builds on)
    proposed_tails = {word_key(text.rsplit(" ", 1)[1]) for c in chosen if c["proposed"]
                      and " " in (text := v.text(c["start"], c["end"]))}
    # "Falcon2-11B-vlm" of a proposed "Falcon2-11B": a name that extends the paper's own after a hyphen is its variant
    proposed_stems = tuple({v.text(c["start"], c["end"]) + "-" for c in chosen if c["proposed"] and c["end"] - c["start"] <= 5})
    absorbed: set[int] = set()  # tokens a dataset's written split took ("En-X" of "CoVoST 2 En-X")
    measure_ends = frozenset(c["end"] for c in chosen if c["type"] == "METRIC")
    for cand in chosen:
        if cand["start"] in absorbed:
            continue
        text = v.text(cand["start"], cand["end"]).strip(" \"'“”")
        if not text or word_key(text) in generic or word_key(_YEAR_AFTER.sub("", text)) in generic or text.lower().endswith(_NOT_NAME_SUFFIXES) or is_link(text) \
                or text.lower() in _FUNCTION_WORDS:
            continue  # "THE" of "THE COLOSSEUM" proposed alone would make every "the" a mention
        if cand["rule"] == "gazetteer" and (_head_of_a_longer_name(v, cand, chosen) or _head_after_a_name(v, cand, ends)):
            continue  # "Extended Mind Transformers", "the Huggingface Transformers library": not the generic transformer
        if cand["rule"] in _CONTEXT_RULES and is_fragment(text) and text not in table:
            continue  # "III/IV" of "MIMIC III/IV", "L2" of "L2 regularization": a piece of a name
        if text.count("(") != text.count(")"):
            continue  # a token glued across a bracket ("(7B)x2014a"): text debris, not a name
        if cand["type"] != "TASK" and only_language_pairs(text):
            continue  # "En-Ro/Ro-En" after "WMT'16": the benchmark's directions, not a name
        # generic short forms are no names, but a curated task's own short form (QA, VQA,
        # OCR) names the task; those of architecture classes (CNN, MLP) stay background
        if text in NOT_NAMES and not (cand["rule"] == "gazetteer" and (cand["type"] == "TASK" or _applied_field(doc, text, cand))):
            continue
        if cand["type"] == "METRIC" and _measure_as_a_tool(v, cand["start"], cand["end"], measure_ends):
            continue  # "IoU thresholds", "perplexity filtering": a measure a method uses, not one reported
        if cand["type"] == "TASK" and _task_as_a_modifier(v, cand["end"]):
            continue  # "the language modeling paradigm", "a classification head": a part of a method, not the task
        key = word_key(text)
        canonical = cand["canonical"]
        if canonical and word_key(canonical) in generic:
            continue
        aliases = list(cand["aliases"])
        # a defined short form in the other number: "PTM" after "pre-trained models (PTMs)",
        # "Ptr-Nets" after "Pointer Net (Ptr-Net)"
        numbers = (text, text[:-1]) if text.endswith("s") else (text, text + "s")
        short = long_to_short.get(key) or next((form for form in numbers if form in table), None) or _short_with_head(text, table)
        if not short and not canonical and cand["rule"] != "gazetteer":
            short = named_shorter.get(key)  # "Cyclical Curriculum" after "cyclical curriculum learning (CCL)"
        if short and word_key(table[short]["long"]) in generic:
            continue  # "pre-trained models (PTMs)": the short form of a generic phrase is as generic
        if cand["type"] == "MODEL" and any(is_generic_class(form) for form in (text, canonical, short and table[short]["long"]) if form):
            continue  # a class of models ("large reasoning models (LRMs)") is never a MODEL node
        if short and not canonical:
            canonical = pair_name(short)
            aliases = sorted({table[short]["long"], short, text} - {canonical})
        # a variant of a proposed name is proposed: "FooLM-Instruct" of FooLM, "FooSet-C" of FooSet
        family = cand["family"] or (model_family(text) if cand["type"] == "MODEL" else None)
        # the variant of a defined short form ("V-MoE-Base") links to the pair's node, whatever names it
        named_family = pair_name(family) if not cand["family"] and family in table and not canonical else cand["family"]
        stop = cand["end"]
        if family and cand["type"] == "MODEL" and (list_end := _size_list_end(v, stop)) is not None:
            # "T5 Base, Large, and XL": no other size can be rebuilt, so the family, written as the
            # whole list (its first size alone may be a node of its own elsewhere)
            canonical, stop = family, list_end
            text = v.text(cand["start"], stop)
        if cand["type"] == "DATASET" and (split_end := _split_end(v, stop)) is not None:
            absorbed.update(range(stop, split_end))
            stop = split_end  # "LibriSpeech test-clean": the split is written as part of the name, the node is the dataset's
            text = v.text(cand["start"], stop)
        role = "proposed" if (cand["proposed"] or key in proposed or (short and word_key(short) in proposed)
                              or (canonical and word_key(canonical) in proposed)
                              or (family and (word_key(family) in proposed or (word_key(family) in proposed_tails and not canonical)))
                              or (cand["type"] == "MODEL" and proposed_stems and text.startswith(proposed_stems))) else "used"
        if cand["type"] == "METRIC" and (cand["canonical"] or (short and table[short]["canonical"])):
            role = "used"  # "we propose to minimize the mean squared error (MSE)": a known measure is never the paper's new thing
        start_char = v.starts[cand["start"]]
        end_char = v.starts[stop - 1] + len(v.texts[stop - 1])
        sent = _sentence_span(v, cand["start"], stop)
        if sent not in sentences:
            sentences[sent] = v.text(*sent).strip()
        if cand["type"] == "TASK" and role == "used" and _about_other_work(sentences[sent]):
            continue  # "shown in other fields such as speech recognition": not this paper's problem
        entity_type = cand["type"]
        if entity_type == "MODEL" and counts_examples(text):
            entity_type, named_family = "DATASET", None  # "LLaVA-665K": the data, not a model of LLaVA's
        mention = {
            "text": text, "type": entity_type, "role": role, "sentence": sentences[sent],
            "start": start_char, "end": end_char, "rule": cand["rule"],
            "confidence": cand["confidence"], "aliases": aliases, "canonical": canonical, "family": named_family,
        }
        mentions.append(mention)
        mentions.extend({**mention, "canonical": other, "family": other_family, "aliases": []}
                        for other, other_family in cand["also"])
    one_type_per_name(mentions)
    doc.user_data["kg_mentions"] = mentions
    # scratch state of the rule components stays behind: finished docs must serialise
    # (nlp.pipe with n_process > 1 sends them between processes)
    for scratch in ("kg_candidates", "kg_abbreviations", "kg_proposed"):
        doc.user_data.pop(scratch, None)
    drop_view(doc)
    return doc
