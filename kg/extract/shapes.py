"""``kg_shapes``: names not in any list, typed by context.

* a coined name before a typing head word: "the FooQA benchmark", "Bar-7B model", and
  capitalised words before a data head: "the Pile dataset";
* names listed right after one: "two benchmarks (FooQA and BarBench)", "the benchmarks
  FooQA-C and BarQA-C", "our largest model, FooLM-XL,", "three datasets, A, B and C", and after a
  cue, capitalised ones too: "LLMs such as Falcon, Llama 2 and Mixtral 8x7B";
* names listed right before a plural one: "the Llama2, Llama3, and Mistral models";
* a coined name in a coordinated list with a known name: "on GSM8K, FooBench and MATH";
* a coined name a score is reported on, or a paper evaluates or trains on: "+4.1 on FooEval",
  "results on BarBench", "fine-tuned on A, B and C";
* a name a paper trains or starts from is a model: "fine-tuning FooCLIP on ImageNet",
  "initialized from PaliGemma";
* a capitalised run inside a sentence that ends in a technique word: "we adopt Large Batch
  Training", "an Attention Router".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from operator import itemgetter

from spacy.language import Language

from . import candidates
from .gazetteer import load_generic_phrases, shared_words
from ..normalise import is_size_word
from .languages import LANGUAGE_CODES
from .lexicon import AT_CUTOFF, HEAD_TYPES, PARAMETER_COUNT
from .names import SCORE_VALUE, TASK_WORDS, a_label, numbered_task_end
from .proposals import CLAIM_VERBS, CLAUSE_WORDS, model_or, model_shaped
from .words import WordMemo, cue_positions, name_shaped, view, where

__all__ = ["head_typed_names", "listed_after_head", "listed_before_head", "list_siblings", "scored_on_names", "evaluated_on_names",
           "trained_names", "compared_names", "titled_techniques"]

_LIST_JOINERS = {",", "and", "or", "&", "/"}
_SINGULAR_DATA_HEADS = frozenset({"dataset", "benchmark", "corpus", "suite", "testbed", "leaderboard", "bank", "collection", "arena"})
_DATA_HEADS = frozenset({"datasets", "benchmarks", "corpora"})
_NOT_DESCRIBING = frozenset({"and", "or", "on", "in", "of", "for", "with", "the", "both", "all", "other", "two", "three"})
_NAME_HEADS = frozenset(word for word, entity_type in HEAD_TYPES.items() if entity_type in ("DATASET", "MODEL"))
# what a trained system does, after its name ("an off-the-shelf FooX detector", "a BarGAN vocoder"): a
# model there, though a paper's own "detector" may be a method it proposes
_SYSTEM_HEADS = frozenset("detector detectors tracker trackers segmenter segmenters retriever retrievers vocoder vocoders "
                          "classifier classifiers reranker rerankers recognizer recognizers".split())
_NAME_OR_SYSTEM_HEADS = _NAME_HEADS | _SYSTEM_HEADS
_ACRONYM_WORD = re.compile(r"^[A-Z]+$")  # "an AIGC detector", "a PII classifier": what is detected, not a model
_TECHNIQUE_LIST_HEADS = frozenset("methods algorithms frameworks techniques optimizers strategies approaches attacks baselines "
                                  "schemes paradigms pipelines objectives losses procedures".split())
_DATA_HEAD_WORDS = _SINGULAR_DATA_HEADS | _DATA_HEADS
# capitalised words that describe data rather than name it: languages, sizes ("the English dataset")
_NOT_DATA_NAMES = frozenset(
    "english chinese arabic french german spanish japanese korean hindi russian portuguese italian dutch turkish "
    "vietnamese thai indonesian persian hebrew greek polish swedish african indian european asian python java "
    "javascript verilog sql rust large small new public open synthetic real".split()
)


def head_typed_names(v, shaped: list[bool]) -> list[tuple[int, int, str]]:
    """Name-shaped words right before a DATASET/MODEL head word ("FooQA benchmark", "FooX detector")."""
    words = v.words
    out = []
    for index in [head - 1 for head in _positions(v, _NAME_OR_SYSTEM_HEADS) if head > 0]:  # words before a head
        head = index + 1
        if shaped[index] and words[head][0] == words[index][1] and not _describing_word(v.word_lower[index], v.word_texts[index]):
            if v.word_lower[head] not in HEAD_TYPES and _ACRONYM_WORD.match(v.word_texts[index]):
                continue
            entity_type = HEAD_TYPES.get(v.word_lower[head], "MODEL")
            # a capitalised dataset head is part of the name: "the Astro-HEP Corpus"
            head_text = v.word_texts[head]
            named = (entity_type == "DATASET" and head_text[0].isupper() and head_text.lower() in _SINGULAR_DATA_HEADS
                     and v.word_texts.count(v.word_texts[index]) == 1)  # "CVSS Corpus" is CVSS when CVSS stands alone too
            end = words[head][1] if named else words[index][1]
            out.append((words[index][0], end, entity_type))
    # "the Pile dataset", "the Open Catalyst 2020 dataset": capitalised words before a data head
    sent = v.sent_ids or [0] * len(v.texts)
    for head in _positions(v, _DATA_HEAD_WORDS):
        first = head
        while first > 0 and words[first - 1][1] == words[first][0] and (
                _listed_name(v, first - 1) or first < head and _NUMBER_WORD.match(v.word_texts[first - 1])):
            first -= 1
        if first == head or shaped[head - 1] and first == head - 1:
            continue  # no run, or one coined word, which the rule above takes
        start = words[first][0]
        if sent[start] == 0 or start == v.sentence_bounds(sent[start])[0] or not v.word_texts[head].islower():
            continue  # a title, a sentence's first word, or a title-case phrase ("Open Benchmark")
        run = v.word_lower[first:head]
        if v.word_lower[first - 1] not in ("the", "and") or any(w in HEAD_TYPES or w in _NOT_DATA_NAMES for w in run) \
                or _describes(v, shaped, first, head - 1):
            continue  # "an Arabic dataset", "the Training Algorithms benchmark": a description
        out.append((start, words[head - 1][1], "DATASET"))
    # "on the FooBench and BarQA downstream datasets": one describing word before a data head
    for index in [head - 2 for head in _positions(v, _DATA_HEADS) if head > 1]:
        head, between = index + 2, index + 1
        described = v.word_texts[between]
        if (shaped[index] and described.isalpha() and described.islower() and described not in _NOT_DESCRIBING
                and words[head][0] == words[between][1] and words[between][0] == words[index][1]):
            out.append((words[index][0], words[index][1], "DATASET"))
    return out


_PLURAL_HEADS = frozenset(w for w in _NAME_HEADS if w.endswith("s")) | {"families"}


def listed_before_head(v, shaped: list[bool]) -> list[tuple[int, int, str]]:
    """A coordinated list of names right before a plural DATASET/MODEL head ("the Llama2, Llama3,
    and Mistral models", "FooQA and BarQA benchmarks", "the Llama and Falcon families"): each
    capitalised or coined item takes the head's type.  Two items at least, joined by and/or.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> doc = nlp("Title\\nWe test the ZorbLM and QuuxLM models. Fields in North America and Europe, and models fail. "
    ...           "Gains on the Chameleon, Squirrel and Actor datasets, not the English and French datasets.")
    >>> [doc[s:e].text for s, e, _ in listed_before_head(view(doc), name_shaped.each(view(doc).word_texts))]
    ['QuuxLM', 'ZorbLM', 'Actor', 'Squirrel', 'Chameleon']
    """
    words, texts = v.words, v.texts
    out = []
    sent = v.sent_ids or [0] * len(texts)
    for head in _positions(v, _PLURAL_HEADS):
        if not v.word_texts[head].islower() or sent[words[head][0]] == 0:
            continue  # "Large Vision and Language Models": a title-case phrase, no list of names
        head_type = HEAD_TYPES.get(v.word_lower[head]) or (
            HEAD_TYPES.get(v.word_lower[head - 1]) if head > 0 else None) or "MODEL"  # "model families"
        end_at = head - (v.word_lower[head] == "families" and head > 0 and v.word_lower[head - 1] in HEAD_TYPES)
        if end_at > 0 and v.word_lower[end_at - 1] in ("and", "or"):
            continue  # "fields in North America and Europe, and models trained ...": the head opens a clause
        items, joined, j = [], False, end_at - 1
        separated = True  # items are kept apart by a comma or and/or ("the English RoBERTa and GPT-2 models")
        while j >= 0:
            if v.word_lower[j] in ("and", "or"):
                joined = separated = True
                j -= 1
                continue
            first = _item_start(v, shaped, j)
            # one capitalised word listed before "datasets" names data even when it is a technique
            # word too ("the Chameleon, Squirrel and Actor datasets"); a language describes it
            language = head_type == "DATASET" and v.word_lower[j] in _NOT_DATA_NAMES
            one_word_data = head_type == "DATASET" and first == j
            if not separated or first is None or language or (_describes(v, shaped, first, j) and not one_word_data):
                break
            items.append((words[first][0], words[j][1]))
            j = first
            start = words[j][0]
            if j == 0 or any(texts[k] not in _LIST_JOINERS for k in range(words[j - 1][1], start)):
                break
            separated = any(texts[k] == "," for k in range(words[j - 1][1], start))
            j -= 1
        if len(items) >= 2 and joined:
            out += [(start, end, head_type) for start, end in items]
    return out


def _item_start(v, shaped: list[bool], last: int) -> int | None:
    """First word of the list item ending at word ``last``, or None if it ends in no name: a
    coined or capitalised word, then capitalised words, then numbers and sizes ("Materials
    Project", "SQuAD 2.0", "Claude-3.5 Sonnet", "Gemma-2 9B").  A coined word only opens an
    item ("English RoBERTa" is not one name), and a size alone is none ("T5 Base, Large").

    >>> import spacy
    >>> v = view(spacy.blank("en")("the English RoBERTa, Claude-3.5 Sonnet, Gemma-2 9B and Base"))
    >>> shaped = name_shaped.each(v.word_texts)
    >>> [v.word_texts[_item_start(v, shaped, i)] if _item_start(v, shaped, i) is not None else None for i in (2, 4, 6, 8)]
    ['RoBERTa', 'Claude-3.5', 'Gemma-2', None]
    """
    words = v.words

    def joined(index: int) -> bool:  # words ``index`` and ``index + 1`` are written with one space between
        return words[index][1] == words[index + 1][0]

    first = last
    while first > 0 and (_NUMBER_WORD.match(v.word_texts[first]) or is_size_word(v.word_texts[first])) and joined(first - 1):
        first -= 1
    if shaped[first] and not is_size_word(v.word_texts[first]):
        if first > 0 and joined(first - 1) and shaped[first - 1] and not any(c.isdigit() for c in v.text(
                words[first - 1][0], words[first][1])):
            return first - 1  # two coined words are one name ("DyCheck iPhone"), not a backbone and a model
            # ("ViT-L/14 CLIP"); a capitalised word is no part of one ("English RoBERTa")
        return first
    if not _listed_name(v, first) or is_size_word(v.word_texts[first]):
        return None
    while first > 0 and joined(first - 1) and _listed_name(v, first - 1) and not is_size_word(v.word_texts[first - 1]):
        first -= 1
    if first > 0 and joined(first - 1) and shaped[first - 1] and not is_size_word(v.word_texts[first - 1]):
        first -= 1  # "Claude-3.5 Sonnet", "GPT-3.5 Turbo"
    return first


def listed_after_head(v, shaped: list[bool], known: dict[tuple[int, int], str] | None = None) -> list[tuple[int, int, str]]:
    """Names listed right after a DATASET/MODEL head, bare or in brackets
    ("two benchmarks (FooQA and Bar)", "the benchmarks FooQA-C and BarQA-C"), or after a
    technique head and a cue ("methods such as FooNet"). ``known``: the curated names' types by
    token span; a technique head's list with two known names or more, none a technique, lists
    what they are ("schemes like Llama 3, GPT-4 and FooLM"), and a name with a parameter count in it
    stays a model ("FooLM-7B")."""
    known = known or {}
    words, texts = v.words, v.texts
    out = []
    for index in _positions(v, _NAME_HEADS | _TECHNIQUE_LIST_HEADS):
        if _used_as_verb(v, index):
            continue  # "We benchmark GCN, GIN and GraphSAGE": what is benchmarked, not benchmarks
        technique = v.word_lower[index] in _TECHNIQUE_LIST_HEADS
        pos = words[index][1]
        if pos >= len(texts):
            continue
        after_head = pos
        if texts[pos] == "(" and pos + 2 < len(texts) and texts[pos + 2] == ")":
            pos += 3  # "Large Generative Models (LGMs) such as ...": the head's short form, then the cue
            if _after_list_cue(v, pos) == pos:
                pos = after_head
        pos = _after_list_cue(v, pos)
        colon = pos < len(texts) and texts[pos] == ":" and bool(v.sent_ids) and v.sent_ids[pos] > 0
        pos += colon  # "six visual LLMs: FooVL, Barra and Quux" (a title's colon opens its subtitle)
        if pos >= len(texts):
            continue
        bracketed = texts[pos] == "("
        # "three datasets, FooQA, BarQA and BazQA": an enumeration after a comma (two names at least)
        enumerated = texts[pos] == "," and v.word_lower[index].endswith("s")
        pos += bracketed
        if bracketed and pos < len(texts):
            pos = _after_list_cue(v, pos)  # "benchmarks (such as Winogrande and Hellaswag)"
        # after "such as", a colon or a bracket, a capitalised word is a name too ("LLMs such as
        # Falcon and Pythia", "datasets (Kinetics, Charades)")
        cued = pos != after_head
        if technique and (not cued or colon or bracketed and pos == after_head + 1):
            continue  # a technique head types only a list after "such as", "including" or "e.g."
        found = []
        for j in range(index + 1, len(words)):
            start, end = words[j]
            if start < pos:
                continue  # the cue words themselves
            if any(texts[k] not in _LIST_JOINERS for k in range(pos, start)):
                break
            if not (bracketed or enumerated or found or start == pos or _appositive(v, index, j)):
                break  # "On these benchmarks, FooLM performs ...": a clause, not a list
            if v.word_lower[j] in _LIST_JOINERS:
                pos = end
                continue
            if not shaped[j] and not (cued and _listed_name(v, j)):
                if bracketed:
                    found = []
                break
            if cued:  # "Natural Questions", "Stanford Cars", "Llama 2", "Mixtral 8x7B": a name of several words
                last = _run_end(v, shaped, j)
                if _describes(v, shaped, j, last):
                    break
                end = words[last][1]
            found.append((start, end))
            pos = end
        if (enumerated or colon) and len(found) < 2 and not bracketed:
            continue  # "4 benchmarks: First, ...", "models: Leveraging ...": a clause
        if found and (not bracketed or pos < len(texts) and texts[pos] == ")"):
            if technique:
                kinds = [known[span] for span in found if span in known]
                if len(kinds) >= 2 and "METHOD" not in kinds:
                    continue  # two known names or more say what the list holds; the list rule types the rest
                out += [(start, end, "MODEL" if PARAMETER_COUNT.search(v.text(start, end)) else "METHOD") for start, end in found]
                continue
            out += [(start, end, HEAD_TYPES[v.word_lower[index]]) for start, end in found]
    return out


_SUBJECTS = frozenset({"we", "they", "i", "to"})
_SUBJECT_NOUNS = frozenset("paper study work it this which that analysis article report survey".split())
_SENTENCE_ADVERBS = frozenset({"also", "further", "then", "first", "additionally", "finally", "now", "thus", "therefore"})


def _used_as_verb(v, index: int) -> bool:
    """Whether head word ``index`` ("benchmark", "model") is a verb: after a subject or "to",
    maybe past an adverb or two ("we then systematically benchmark", "to model"), after "and"
    ("we collect data and benchmark X"), or, written "benchmarks", after a subject noun
    ("this paper benchmarks X").

    >>> import spacy
    >>> v = view(spacy.blank("en")("We then systematically benchmark FooNet; to model it, the benchmark BarQA and "
    ...                            "the benchmarks Qux are used. This paper benchmarks Zed, and benchmark Baz."))
    >>> [(i, v.word_texts[i]) for i in range(len(v.words)) if v.word_lower[i] in ("benchmark", "benchmarks", "model") and _used_as_verb(v, i)]
    [(3, 'benchmark'), (6, 'model'), (19, 'benchmarks'), (22, 'benchmark')]
    """
    lower, words = v.word_lower, v.words
    before = index - 1
    for _ in range(2):
        if before >= 0 and (lower[before] in _SENTENCE_ADVERBS or lower[before].endswith("ly")):
            before -= 1
    if before < 0 or words[before][1] != words[before + 1][0]:
        return False
    if lower[before] in _SUBJECTS:
        return True
    if lower[index].endswith("s"):
        return lower[before] in _SUBJECT_NOUNS
    return lower[before] == "and"


_NUMBER_WORD = re.compile(r"^\d+(\.\d+)?$|^\d+x\d+(\.\d+)?[BM]$|^\d+(\.\d+)?[BM]$")
_NOT_LISTED = frozenset({"The", "A", "An", "Our", "We", "This", "These", "Its", "Their", "Both", "All", "Other", "In", "On",
                         "Table", "Figure", "Fig", "Section", "Appendix"})


def _run_end(v, shaped: list[bool], index: int) -> int:
    """Last word of the name that word ``index`` opens: it runs on over coined or capitalised
    words, numbers and sizes, one space apart ("Natural Questions", "Mixtral 8x7B")."""
    words = v.words
    while index + 1 < len(words) and words[index + 1][0] == words[index][1] and v.spaced[words[index][1] - 1] and (
            shaped[index + 1] or _listed_name(v, index + 1) or _NUMBER_WORD.match(v.word_texts[index + 1])):
        index += 1
    return index


def _listed_name(v, index: int) -> bool:
    """A capitalised word in a cued list names a thing ("Falcon", "Pythia"), unless it opens a
    clause or is a language or region ("11 MTEB benchmarks: European, French, ...": the parts
    of a benchmark, not data of their own)."""
    text = v.word_texts[index]
    return (text[:1].isupper() and text.replace("-", "").isalpha() and text not in _NOT_LISTED and len(text) > 2
            and not text.lower().endswith(_MODIFIER_SUFFIXES) and text.lower() not in LANGUAGE_CODES and text not in _REGIONS)


_REGIONS = frozenset("European Scandinavian Nordic Indic Asian African American Slavic Germanic Romance Latin".split())  # with LANGUAGE_CODES's languages


def _describing_word(lower: str, text: str = "") -> bool:
    """A coined-looking word that describes a kind, not a thing: "MultiModal", "non-MoE", "V&L";
    not an all-capitals word, an acronym's name even where it spells a technique word ("TRACE").

    >>> _describing_word("multimodal", "MultiModal"), _describing_word("trace", "TRACE"), _describing_word("non-moe", "NON-MOE")
    (True, False, True)
    """
    return "&" in lower or lower.startswith("non-") or (
        not text.isupper() and lower in shared_words(("METHOD", "TASK", "METRIC")))


def _describes(v, shaped: list[bool], first: int, last: int) -> bool:
    """Whether words ``first..last`` are capitalised technique words, not a name ("Masked
    Generative models", "Non-autoregressive Diffusion models"; not "Natural Questions")."""
    vocabulary = shared_words(("METHOD", "TASK", "METRIC"))  # words capitalised technique names share
    return not any(shaped[first:last + 1]) and all(
        part in vocabulary for word in v.word_lower[first:last + 1] for part in word.split("-") if part)


# a capitalised word glued to these describes something else ("Transformer-based backbones")
_MODIFIER_SUFFIXES = ("-based", "-like", "-style", "-driven", "-guided", "-aware", "-free", "-specific", "-level", "-only")


_LIST_CUES = (("such", "as"), ("including",), ("like",), ("namely",), ("e.g.",), ("e.g.", ","))


def _after_list_cue(v, pos: int) -> int:
    """The token after "[,] such as / including / like / namely / e.g." at ``pos``, else ``pos``
    ("baselines such as FooNet and BarNet", "existing models, including FooE and BarE")."""
    lower = v.lower
    at = pos + (pos < len(lower) and lower[pos] == ",")
    for cue in sorted(_LIST_CUES, key=len, reverse=True):
        if tuple(lower[at : at + len(cue)]) == cue:
            return at + len(cue)
    return pos


def _appositive(v, head: int, name: int) -> bool:
    """"our largest model, FooLM-XL, has ...": a singular head, then a name between commas."""
    (_, head_end), (start, end) = v.words[head], v.words[name]
    texts = v.texts
    return (not v.word_lower[head].endswith("s") and start == head_end + 1 and texts[head_end] == ","
            and end < len(texts) and texts[end] == ",")


_OPENING_PREPOSITIONS = frozenset({"on", "in", "for", "with", "across", "at", "under", "from", "over", "beyond", "unlike"})


def _joined_word(v, i: int, step: int) -> int | None:
    """The written word next to word ``i`` (``step`` -1: before it, 1: after it) when nothing
    but list joiners (commas, "and", "/", ...) stands between the two, else None."""
    j = i + step
    if not 0 <= j < len(v.words):
        return None
    left, right = (v.words[j], v.words[i]) if step == -1 else (v.words[i], v.words[j])
    return None if any(v.texts[k] not in _LIST_JOINERS for k in range(left[1], right[0])) else j


def _list_goes_on(v, i: int) -> bool:
    """Whether a list joiner follows word ``i`` ("A, B and C": yes after A and B, not after C)."""
    j = _joined_word(v, i, 1)
    return j is not None and (v.word_lower[j] in _LIST_JOINERS or v.words[i][1] != v.words[j][0])


def _opening_preposition(v, i: int) -> bool:
    """Whether word ``i`` is a preposition opening its sentence ("On", "In", ...)."""
    start = v.words[i][0]
    return v.word_lower[i] in _OPENING_PREPOSITIONS and start == v.sentence_bounds(v.sent_ids[start] if v.sent_ids else 0)[0]


def list_siblings(v, shaped: list[bool], known: list[dict]) -> list[tuple[int, int, str]]:
    """Name-shaped words coordinated with a known DATASET/MODEL/METHOD/METRIC mention get its type."""
    words = v.words
    out = []
    for cand in known:
        if cand["type"] not in ("DATASET", "MODEL", "METHOD", "METRIC"):
            continue
        first = bisect_left(words, (cand["start"],))
        last = bisect_left(words, cand["end"], key=itemgetter(1))
        if first == len(words) or words[first][0] != cand["start"] or last == len(words) or words[last][1] != cand["end"]:
            continue  # the mention does not start and end on word boundaries
        for step in (-1, 1):
            i = first if step == -1 else last
            while (j := _joined_word(v, i, step)) is not None:
                if v.word_lower[j] in _LIST_JOINERS:
                    i = j
                    continue
                if words[min(i, j)][1] == words[max(i, j)][0] and v.word_lower[i] not in _LIST_JOINERS:
                    break  # "ScanObjectNN PB-T50-RS split": side by side with no joiner is no list
                if not shaped[j] and step == 1 and last > first and v.word_texts[j] == v.word_texts[first] \
                        and j + 1 < len(words) and shaped[j + 1] and words[j + 1][0] == words[j][1]:
                    # a list repeating the known name's first word: "Split CIFAR-100, Split CUB-200"
                    out.append((words[j][0], words[j + 1][1], cand["type"]))
                    i = j + 1
                    continue
                if cand["type"] == "DATASET" and step == -1 and not shaped[j] and j > 0 and shaped[j - 1] \
                        and _DATA_RELEASE.match(v.word_texts[j]) and words[j - 1][1] < words[j][0]:
                    j -= 1  # "FLAN v2, ShareGPT": the item before is a name and its release
                if not shaped[j]:
                    break
                if cand["type"] != "DATASET" and in_data_position(v, j):
                    break  # "fine-tuned on FooSet and BarSet, Zorb lowers ...": data, whatever follows
                if step == -1 and j > 0 and _opening_preposition(v, j - 1):
                    break  # "On FooBench, CAA retains ...": the comma closes an opening phrase, no list
                if step == 1 and i == last and first > 0 and _opening_preposition(v, first - 1) and not _list_goes_on(v, j):
                    break  # "On ImageNet, XRes-50 reaches ...": the subject after an opening phrase
                end = _listed_release_end(v, j) if cand["type"] == "DATASET" else _model_release_end(v, j) \
                    if cand["type"] == "MODEL" else words[j][1]
                out.append((words[j][0], end, cand["type"]))  # "Dolly, FLAN v2", "GLM 5.1": a release is its own
                i = j if step == -1 else bisect_left(words, end, key=itemgetter(1))
    return out


def _list_items(v, at: int) -> list[int]:
    """Word indices of the one-word items of the list word ``at`` stands in, in order.  A list
    closes at the item after "and"/"or" ("on A, B and C, Foo improves ..." holds A, B and C)."""
    items, lower, words = [at], v.word_lower, v.words
    i, closed = at, False
    while (j := _joined_word(v, i, -1)) is not None:
        if lower[j] in _LIST_JOINERS:
            closed = closed or len(items) == 1 and lower[j] in ("and", "or")  # "..., Ant and Humanoid"
        elif words[j][1] == words[i][0] and lower[i] not in _LIST_JOINERS:
            if i != at:  # two words side by side are one multi-word item ("Edema Severity"), not an item
                items.remove(i)
            break
        else:
            items.insert(0, j)
        i = j
    i, last = at, False
    while not closed and (j := _joined_word(v, i, 1)) is not None:
        if lower[j] in _LIST_JOINERS:
            last = last or lower[j] in ("and", "or")
        elif words[i][1] == words[j][0] and lower[i] not in _LIST_JOINERS:
            if i != at:
                items.remove(i)
            break
        else:
            items.append(j)
            closed = last
        i = j
    return items


def plain_listed_datasets(v, shaped: list[bool], known: list[dict]) -> list[int]:
    """Plain capitalised words listed with two or more known datasets name datasets too
    ("HalfCheetah, Hopper, Walker2d and Ant"; "ETTh1, ETTm1, Weather and Traffic"), in a
    list of three or more one-word items."""
    words = v.words
    known_at = {}
    for cand in known:
        at = v.word_at(cand["start"])
        if at is not None and words[at][1] == cand["end"]:
            known_at[at] = cand["type"]
    out, seen = [], set()
    for at, entity_type in known_at.items():
        if entity_type != "DATASET" or at in seen:
            continue
        items = _list_items(v, at)
        seen.update(items)
        if len(items) < 3 or sum(known_at.get(i) == "DATASET" for i in items) < 2:
            continue
        if any(known_at.get(i) not in (None, "DATASET") for i in items):
            continue  # a list mixing data and systems is no list of data
        out += [i for i in items if i not in known_at and not shaped[i] and _listed_name(v, i)]
    return out


def bracketed_parts(v, shaped: list[bool], known: list[dict]) -> list[tuple[int, int]]:
    """Coined names listed in brackets right after a known dataset are its parts, datasets
    too: "IrokoBench (AfriXNLI, AfriMMLU and AfriMGSM)".  Two names at least, and nothing
    else in the brackets (one short form there is the dataset's own abbreviation)."""
    words, texts = v.words, v.texts
    out = []
    for cand in known:
        end = cand["end"]
        if cand["type"] != "DATASET" or end >= len(texts) or texts[end] != "(":
            continue
        at = v.word_at(end + 1) if end + 1 < len(texts) else None
        found = []
        while at is not None and at < len(words):
            if v.word_lower[at] in _LIST_JOINERS:
                pass
            elif shaped[at]:
                found.append(words[at])
            else:
                break
            following = words[at][1]
            if following < len(texts) and texts[following] == ")":
                if len(found) >= 2:
                    out += found
                break
            if following < len(texts) and texts[following] in (",", "/"):
                following += 1  # the comma is a token of its own, no word
            at = v.word_at(following) if following < len(texts) else None
    return out


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_SYSTEM_OR_DATA = ("DATASET", "MODEL", "METHOD")


def retype_list_outliers(v, known: list[dict]) -> None:
    """A curated short form whose list is of another type names that type's thing: in "on SMD,
    MSL, SWaT and PSM" PSM is a dataset, not the method propensity score matching the list
    spells out.  Only a short form read through an alias is retyped (a name written in full
    is what it says), and only where two or more siblings agree and none shares its type.
    The candidate loses its curated name: the written letters name it."""
    words = v.words
    starts = {c["start"]: c for c in known if c["type"] in _SYSTEM_OR_DATA}
    for cand in known:
        if cand["rule"] != "gazetteer" or not cand["canonical"] or cand["end"] - cand["start"] != 1 or cand["type"] not in _SYSTEM_OR_DATA:
            continue
        text = v.texts[cand["start"]]
        if not _ACRONYM.match(text) or text == cand["canonical"] or " " not in cand["canonical"]:
            continue
        at = v.word_at(cand["start"])
        if at is None or words[at][1] != cand["end"]:
            continue
        sibling_types = []
        for step in (-1, 1):
            i = at
            while (j := _joined_word(v, i, step)) is not None:
                i = j
                if v.word_lower[j] in _LIST_JOINERS:
                    continue
                sibling = starts.get(words[j][0])
                if sibling is None:
                    break
                sibling_types.append(sibling["type"])
        others = set(sibling_types)
        # data against a system is a clear line; a model against a technique is not ("GCN, GAT")
        if len(sibling_types) >= 2 and len(others) == 1 and "DATASET" in others | {cand["type"]} and cand["type"] not in others:
            cand.update(type=others.pop(), canonical=None, family=None, aliases=[], rule="list")


_SCORE = re.compile(r"^[+\-\u2212\u00b1]?\d+(?:\.\d+)?$")
_SCORE_UNITS = {"%", "points", "point", "pp", ")"}
_NAME_END = {",", "and", "or", ")", ".", ";", ":", "(", "/"}


# a release or year written after a coined data name is part of it, and so is a numbered task:
# "FooQA v2", "BarBench 2024", "SemEval-2016 Task 6"
_DATA_RELEASE = re.compile(r"^(?:[vV]\d{1,2}(?:\.\d{1,2})?|(?:19|20)\d{2})$")


def _with_release(v, name: int) -> int:
    """End token of word ``name``, past a release written after it ("FooQA v2" ends after "v2").

    >>> import spacy
    >>> from kg.extract.words import view
    >>> v = view(spacy.blank("en")("on FooQA v2 and BarQA 2024 , BazQA 2 or SemEval-2016 Task 6"))
    >>> [v.text(v.words[i][0], _with_release(v, i)) for i in (1, 4, 6, 9)]
    ['FooQA v2', 'BarQA 2024', 'BazQA', 'SemEval-2016 Task 6']
    """
    last = name + 1 if name + 1 < len(v.words) and _DATA_RELEASE.match(v.word_texts[name + 1]) else name
    last = numbered_task_end(v.word_texts, last + 1) - 1
    return v.words[last][1]


# a model's release written after its name ("GLM 5.1", "Zorb v2"); one digit before the point, as
# versions are written, where scores have two ("Foo 82.1")
_MODEL_RELEASE = re.compile(r"^(?:[1-9]\.\d|[vV]\d{1,2}(?:\.\d{1,2})?)$")


def _model_release_end(v, name: int) -> int:
    """End token of a listed model name, with its release if one follows ("GLM 5.1"), unless
    the number is a score or an amount ("Foo 4.5 points", "Foo 2.5%").

    >>> import spacy
    >>> from kg.extract.words import view
    >>> v = view(spacy.blank("en")("GPT-5.4 mini and GLM 5.1 , Zorb 4.5 points and Frob 82.1"))
    >>> [v.text(v.words[i][0], _model_release_end(v, i)) for i in (3, 5, 9)]
    ['GLM 5.1', 'Zorb', 'Frob']
    """
    following = name + 1
    if following < len(v.words) and _MODEL_RELEASE.match(v.word_texts[following]):
        after = v.words[following][1]
        if after >= len(v.lower) or v.lower[after] not in ("%", "points", "pp", "x", "×", "times", "percent"):
            return after
    return v.words[name][1]


def _listed_release_end(v, name: int) -> int:
    """End token of a listed data name, with a release after it only where the item ends there:
    "Dolly, FLAN v2, ShareGPT", not "CodeParrot 2022 snapshots" (a date) or "KathBath 2000 hours".

    >>> import spacy
    >>> from kg.extract.words import view
    >>> v = view(spacy.blank("en")("Dolly , FooQA v2 , BarSet 2022 snapshots and BazQA 2024 ."))
    >>> [v.text(v.words[i][0], _listed_release_end(v, i)) for i in (1, 3, 7)]
    ['FooQA v2', 'BarSet', 'BazQA 2024']
    """
    end = _with_release(v, name)
    if end != v.words[name][1] and end < len(v.lower) and v.lower[end] not in _NAME_END:
        return v.words[name][1]
    return end


def scored_on_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names right after a score and "on" ("+4.1 on FooEval", "71.2% on
    the BarBench"): the thing a number is measured on is a dataset.  The name must end
    its phrase ("on H100 GPUs" is hardware, not data)."""
    words, texts, lower = v.words, v.texts, v.lower
    out = []
    for index in _positions(v, _ON):
        before = words[index][0] - 1
        while before > 0 and lower[before] in _SCORE_UNITS:
            before -= 1
        if before < 0 or not _SCORE.match(texts[before]):
            continue
        name = index + 1 + (index + 1 < len(words) and v.word_lower[index + 1] == "the")
        if name >= len(words) or not shaped[name]:
            continue
        start, end = words[name][0], _with_release(v, name)
        if start in typed or (end < len(texts) and lower[end] not in _NAME_END):
            continue
        out.append((start, end))
    return out + _after_a_percentage(v, shaped, typed)


_MEASURE_SHAPED = re.compile(r"(?i)(?:rate|score|acc|accuracy|error|ratio|auc|f1)$")


def _after_a_percentage(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names right after a percentage, with no "on" ("(8B: 80.2% FooWorld, 48.5%
    BarWorld)"): a score given per benchmark.  Of such names in the dev gold that a list does
    not already type, most are data; curated measures ("2.4% WER") are typed before this runs,
    and acronyms and names ending in a measure word ("17.7% PFER", "41.2% PassRate") are left."""
    words, texts, lower = v.words, v.texts, v.lower
    out = []
    for percent in where(map("%".__eq__, texts)):
        name = v.word_at(percent + 1) if percent + 1 < len(texts) else None
        if name is None:
            continue
        start = words[name][0]
        if start != percent + 1 or not shaped[name] or start in typed or percent < 1 or not _SCORE.match(texts[percent - 1]):
            continue
        if v.word_texts[name].isupper() or _MEASURE_SHAPED.search(v.word_texts[name]):
            continue  # "17.7% PFER", "60% FSR", "41.2% PassRate", "+25.8% WiScore": measures
        end = _with_release(v, name)
        if end >= len(texts) or lower[end] in _NAME_END:
            out.append((start, end))
    return out


# words that make "on X" an evaluation or training set: "results on FooQA", "fine-tuned on BarSet"
_EVALUATION_CUES = frozenset(
    "evaluate evaluated evaluates evaluating evaluation evaluations experiment experiments experimented results "
    "performance accuracy error errors score scores state-of-the-art sota art trained train training fine-tuned "
    "finetuned fine-tune fine-tuning pre-trained pretrained pre-train pretrain tested test benchmark benchmarked "
    "achieves achieve achieving achieved improves improve improving improved improvement improvements gains gain "
    "outperforms outperform outperforming surpasses validated validate demonstrate demonstrated".split()
)


# what may follow the data a paper evaluates on: a verb reporting the results ("experiments on
# FooQA show") or the task it is used for ("on FooNet classification"), not hardware ("on H100 GPUs")
_AFTER_DATA = frozenset(
    "show shows showed demonstrate demonstrates demonstrated indicate indicates reveal reveals confirm confirms "
    "suggest suggests verify verifies validate validates highlight highlights classification detection segmentation "
    "recognition generation parsing translation summarization retrieval benchmark benchmarks task tasks by".split()
)
# "on FooGym locomotion tasks", "on BarQA reasoning subsets": a word naming what the data holds, then one of these
_DATA_PARTS = frozenset("task tasks benchmark benchmarks split splits subset subsets environments games domains suite".split())


def _ends_data_phrase(v, end: int, evaluated: bool = False) -> bool:
    """Whether the words from token ``end`` close the phrase of a dataset a paper is evaluated on
    (where ``evaluated``, a preposition or a shot setting may close it too)."""
    lower = v.lower
    if end >= len(lower) or lower[end] in _NAME_END or lower[end] in _AFTER_DATA:
        return True
    if not evaluated or v.sent_ids and v.sent_ids[end] == 0:
        return False  # a title's capitalised words are not names because a preposition follows ("from Captions with")
    if lower[end] in _PREPOSITIONS_AFTER_DATA or end + 2 < len(lower) and lower[end + 1] == "-" and lower[end + 2] == "shot":
        return True  # "on FooSet without extra time", "on BarQA zero-shot"
    return end + 1 < len(lower) and lower[end].isalpha() and v.texts[end].islower() and lower[end + 1] in _DATA_PARTS_OR_SETS


# "fine-tuned on FooQA with LoRA", "ResNet-50 on BarSet without extra time": a preposition closes the data's phrase
_PREPOSITIONS_AFTER_DATA = frozenset("with without using under in at for via across from".split())


_DATA_PARTS_OR_SETS = _DATA_PARTS | {"set", "sets"}  # and "on the FooNLP 2021 test sets"
# "based on FooNet", "builds on BarNet": what these rest on is a method, not data
_RESTS_ON = frozenset("based built build builds building relies rely relying relied depends depend depending focus "
                      "focuses focusing draws draw conditioned".split())
_ADJECTIVE = re.compile(r"^[a-z]+(-[a-z]+)+$")  # "in-domain", "held-out", "out-of-distribution"


def evaluated_on_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names a paper evaluates or trains on ("results on FooQA", "fine-tuned
    on BarSet and BazQA", "On FooBench, our model ..."): data, unless shaped like a model
    ("experiments on FooLM-7B").  Each name must end its phrase ("on H100 GPUs" is hardware)."""
    words, texts, word_lower = v.words, v.texts, v.word_lower
    sent = v.sent_ids or [0] * len(texts)
    out = []
    for index in _positions(v, _ON):
        at = words[index][0]
        first = v.sentence_bounds(sent[at])[0]
        before = [word_lower[k] for k in range(max(0, index - 12), index) if words[k][0] >= first]
        if at != first and not _EVALUATION_CUES.intersection(before) or before and before[-1] in _RESTS_ON:
            continue  # "built on FooNet": what a method rests on
        name = index + 1 + (index + 1 < len(words) and word_lower[index + 1] == "the")
        if name + 1 < len(words) and not shaped[name] and _ADJECTIVE.match(v.word_texts[name]) and shaped[name + 1]:
            name += 1  # "on the in-domain FooSum"
        if at == first and sent[at] != 0 and name < len(words) and not shaped[name] \
                and (plain := _opening_plain_name(v, name, typed)):
            out.append(plain)  # "On Cityscapes, our model reaches ...": a plain word is data there too
            continue
        out += _data_names_listed_from(v, shaped, typed, name, evaluated=True)
    return out


# "On Average, ...", "On Monday, ...": set phrases and dates, not data
_SET_PHRASES = frozenset("average balance top contrary whole purpose closer inspection one monday tuesday wednesday "
                         "thursday friday saturday sunday january february march april may june july august september "
                         "october november december".split())
_NOT_OPENING_NAMES = _NOT_DATA_NAMES | _SET_PHRASES


def _opening_plain_name(v, name: int, typed: set[int]) -> tuple[int, int] | None:
    """The span of the capitalised words from word ``name`` that a sentence's opening "On"
    leads to, set off by a comma ("On Cityscapes, ...", "On the Waymo Open Dataset, it ..."),
    unless a language or a model's shape."""
    words, texts = v.words, v.texts
    if not _listed_name(v, name) or v.word_lower[name] in _NOT_OPENING_NAMES:
        return None
    last = _run_end(v, [False] * len(words), name)
    start, end = words[name][0], words[last][1]
    if end >= len(texts) or texts[end] != "," or any(i in typed for i in range(start, end)) \
            or model_or(v, v.text(start, end), "DATASET") == "MODEL":
        return None
    return start, end


def _data_names_listed_from(v, shaped: list[bool], typed: set[int], name: int, evaluated: bool = False) -> list[tuple[int, int]]:
    """Spans of the untyped coined names from word ``name`` on, with those coordinated after it
    ("FooQA, BarQA and BazQA"), while each ends a data phrase and is not shaped like a model."""
    words, texts, word_lower = v.words, v.texts, v.word_lower
    out = []
    while name < len(words) and shaped[name]:
        start, end = words[name][0], _with_release(v, name)
        numbered = v.lower[end - 1].isdigit() and end - start > 1 and v.lower[end - 2] in TASK_WORDS
        if start in typed or not (numbered or _ends_data_phrase(v, end, evaluated)) \
                or model_or(v, v.word_texts[name], "DATASET") == "MODEL":
            break
        out.append((start, end))
        following = bisect_left(words, (end,))  # past a release or task number it took
        while following < len(words) and word_lower[following] in _LIST_JOINERS:
            following += 1
        if following >= len(words) or any(texts[k] not in _LIST_JOINERS for k in range(end, words[following][0])) \
                or words[following][0] == end:
            break
        name = following
    return out


_PART_PREPOSITIONS = frozenset({"of", "from"})


def numbered_task_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names with a numbered task after them, wherever they stand ("our submission to
    SemEval-2017 Task 4", "FooEval 2023 Task 2"): one task of a shared-task series is data.

    >>> import spacy
    >>> v = view(spacy.blank("en")("We took part in SemEval-2017 Task 4 and in FooEval 2023 Task 2B ; task 3 was easy ."))
    >>> [v.text(s, e) for s, e in numbered_task_names(v, name_shaped.each(v.word_texts), set())]
    ['SemEval-2017 Task 4', 'FooEval 2023 Task 2B']
    >>> v = view(spacy.blank("en")("We won the BazNLP 2024 shared task and the QuxMT terminology shared task , not FooMT shared resources ."))
    >>> [v.text(s, e) for s, e in numbered_task_names(v, name_shaped.each(v.word_texts), set())]
    ['BazNLP 2024 shared task', 'QuxMT terminology shared task']
    """
    words, texts = v.words, v.word_texts
    out = []
    for task in _positions(v, TASK_WORDS):
        if task > 0 and texts[task - 1] == "shared":  # "the FooEval 2023 shared task", "BarMT terminology shared task"
            cue = min((first for first in range(max(1, task - 3), task) if numbered_task_end(texts, first) == task + 1), default=None)
            last = task
        else:
            cue, last = task, task + 1
        if cue is None or numbered_task_end(texts, cue) != last + 1:
            continue
        name = cue - 1 - (cue > 1 and bool(_DATA_RELEASE.match(texts[cue - 1])))
        if name >= 0 and shaped[name] and words[name][0] not in typed:
            out.append((words[name][0], words[last][1]))
    return out


# what a paper takes from a corpus: "100B tokens from FooPile", "47k videos drawn from BarEgo and BazX"
_DATA_ITEMS = frozenset(
    "tokens videos images problems questions examples samples documents pages books lines hours utterances clips "
    "dialogues conversations pairs trajectories episodes sentences passages articles prompts instructions abstracts "
    "reviews recordings scenes molecules structures proteins frames texts posts snapshots records papers".split())
_DRAWN = frozenset("drawn sampled collected taken extracted derived selected gathered scraped crawled aggregated curated "
                   "filtered mined".split())
_FROM = frozenset({"from"})


def drawn_from_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped names that a paper's examples come from ("100B tokens from FooPile", "videos
    drawn from BarEgo and Baz Gutenberg"): data, coined or plain capitalised words alike,
    unless shaped like a model.

    >>> import spacy
    >>> v = view(spacy.blank("en")("We train on 100B tokens from FooPile , and on clips drawn from BarEgo and Baz Corpus , not ideas from Qux ."))
    >>> [v.text(s, e) for s, e in drawn_from_names(v, name_shaped.each(v.word_texts), set())]
    ['FooPile', 'BarEgo', 'Baz Corpus']
    """
    words, word_lower = v.words, v.word_lower
    out = []
    for at in _positions(v, _FROM):
        noun = at - 1 - (at > 1 and word_lower[at - 1] in _DRAWN)
        if noun < 0 or word_lower[noun] not in _DATA_ITEMS:
            continue
        name = at + 1 + (at + 1 < len(words) and word_lower[at + 1] == "the")
        while name < len(words) and (shaped[name] or _listed_name(v, name) and word_lower[name] not in _NOT_DATA_NAMES):
            last = _run_end(v, shaped, name)
            start, end = words[name][0], words[last][1]
            if any(i in typed for i in range(start, end)) or not _ends_data_phrase(v, end) \
                    or model_or(v, v.text(start, end), "DATASET") == "MODEL":
                break
            out.append((start, end))
            name = last + 1
            while name < len(words) and word_lower[name] in _LIST_JOINERS:
                name += 1
    return out


def part_of_data_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names whose tasks, games or splits a paper takes ("15 tasks from FooSuite",
    "the test split of BarQA and BazQA"): data.

    >>> import spacy
    >>> v = view(spacy.blank("en")("We use 27 tasks of FooBench, the games from the BarArena and BazGym, and ideas of QuxNet-7B."))
    >>> [v.text(s, e) for s, e in part_of_data_names(v, name_shaped.each(v.word_texts), set())]
    ['FooBench', 'BarArena', 'BazGym']
    """
    words, word_lower = v.words, v.word_lower
    out = []
    for part in _positions(v, _DATA_PARTS):
        if part + 2 >= len(words) or word_lower[part + 1] not in _PART_PREPOSITIONS:
            continue
        name = part + 2 + (word_lower[part + 2] == "the")
        out += _data_names_listed_from(v, shaped, typed, name)
    return out


_TRAINING_VERBS = frozenset(
    "train trains training fine-tune fine-tunes fine-tuning finetune finetunes finetuning pretrain pretrains "
    "pretraining pre-train pre-trains pre-training distill distills distilling".split()
)
_INITIALISED = frozenset({"initialized", "initialised", "initializing", "initialising"})
_AFTER_TRAINED = frozenset({"on", "with", "for", "using", "to", "from", "in", "via", ",", ".", ";", "and"})


def trained_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped names a paper trains or fine-tunes ("fine-tuning FooCLIP on ImageNet", "trains
    BarNet-50 with ...", "pre-training Zorb Diffusion for ..."): what is trained is a model."""
    words, texts, lower = v.words, v.texts, v.lower
    out = []
    for index in _positions(v, _TRAINING_VERBS | _INITIALISED):
        if v.word_lower[index] in _INITIALISED:  # "initialized from FooLM": the model it starts from
            if index + 1 >= len(words) or v.word_lower[index + 1] not in ("from", "with"):
                continue
            index += 1
        name = index + 1 + (index + 1 < len(words) and v.word_lower[index + 1] in ("a", "an", "the"))
        if name >= len(words) or words[name][0] in typed or any(v.punct[k] for k in range(words[index][1], words[name][0])):
            continue  # the next sentence or clause is no object
        if not (shaped[name] or _listed_name(v, name) and v.sent_ids and v.sent_ids[words[name][0]] > 0):
            continue  # a title's capitalised words are no names
        last = _run_end(v, shaped, name)  # "Stable Diffusion", "Zorb 2"
        end = words[last][1]
        if end < len(texts) and lower[end] in _AFTER_TRAINED and not _describes(v, shaped, name, last):
            out.append((words[name][0], end))
    return out


def model_shaped_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names built on a model family or carrying a size ("WavLLM",
    "AraGPT2", "Foo-7B"), wherever they stand: the shape alone says MODEL.  Generic
    all-capital short forms ("LLM", "MLLM") are not names."""
    return _shaped_names(v, shaped, typed, lambda text: not text.isupper() and model_shaped(text))


# a coined name ending in a benchmark word is a benchmark: on the dev splits 515 of 527 such
# words are labelled datasets ("IrokoBench", "Spec-Bench", "StepAudit-Eval", "NgomaQA")
_DATA_SHAPED = re.compile(r"^[A-Z][A-Za-z0-9.+]*[a-z0-9]-?(?:Bench|Eval|QA)$|^[A-Z][A-Za-z0-9.+]*-(?:Bench|Eval|QA)$")


def data_shaped_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Coined names whose last part says benchmark ("FooBench", "Bar-Eval", "BazQA"), wherever
    they stand, untyped or typed only up to the benchmark word: a benchmark named after a
    known model ("OlmOCR-Bench" of olmOCR) is data, not the model.

    The benchmark word may stand apart ("GUI-Knowledge Bench").

    >>> import spacy
    >>> v = view(spacy.blank("en")("Scores on NgomaQA track AfriMMLU from IrokoBench and OlmOCR-Bench, not VQA, Eval or MCP Bench."))
    >>> [v.text(s, e) for s, e in data_shaped_names(v, [True] * len(v.words), {8})]
    ['NgomaQA', 'IrokoBench', 'OlmOCR-Bench', 'MCP Bench']
    """
    spans = []
    for index in where(shaped):
        start, end = v.words[index]
        if index + 1 < len(v.words) and v.word_texts[index + 1] == "Bench" and v.spaced[end - 1]:
            end = v.words[index + 1][1]
        elif not _DATA_SHAPED.match(v.word_texts[index]):
            continue
        if end - 1 not in typed:
            spans.append((start, end))
    return spans


def _shaped_names(v, shaped: list[bool], typed: set[int], has_the_shape) -> list[tuple[int, int]]:
    """Spans of the untyped name-shaped words whose text ``has_the_shape``."""
    return [v.words[index] for index in where(shaped)
            if v.words[index][0] not in typed and has_the_shape(v.word_texts[index])]


# what a name before these words names is a machine: "a WidowX robot", "a Xilinx UltraScale+ MPSoC device"
_HARDWARE_HEADS = frozenset("robot robots arm arms gripper hand platform platforms device devices chip chips board "
                            "boards processor processors fpga fpgas gpu gpus npu npus cpu cpus accelerator accelerators "
                            "hardware cluster clusters".split())


def _hardware(v, index: int) -> bool:
    """Whether written word ``index`` names a machine: a hardware word follows within two words."""
    return any(v.word_lower[j] in _HARDWARE_HEADS for j in range(index + 1, min(index + 3, len(v.words))))


def _measured_as(v, end: int) -> bool:
    """"SIM-o of 0.68", "a WER of 4.1%": a name that a number is the value of is a measure."""
    texts = v.texts
    return end + 1 < len(texts) and v.lower[end] == "of" and bool(_SCORE.match(texts[end + 1]))


_CHANGES = frozenset("reduction reductions improvement improvements gain gains drop drops increase increases decrease "
                     "decreases decline declines error errors".split())


def _measured_in(v, start: int) -> bool:
    """"4.7% in MAE", "a 12% reduction in MAE": what a change or a number is in is a measure."""
    lower = v.lower
    return start >= 2 and lower[start - 1] == "in" and (
        lower[start - 2] == "%" or bool(_SCORE.match(lower[start - 2])) or lower[start - 2] in _CHANGES)


_CHANGE_VERBS = frozenset("improve improves improving improved raise raises raising raised boost boosts boosting boosted "
                          "increase increases increasing increased reduce reduces reducing reduced lower lowers lowering "
                          "lowered cut cuts cutting lift lifts lifted lifting decrease decreases decreased decreasing".split())


def _changed_by(v, start: int, end: int) -> bool:
    """"improves FooScore by 1.9 points over X", "... by 1.9 points and BarScore by 2.6 over X":
    what a result changes by a number, over a baseline, is a measure.  A rival is outperformed
    by one ("outperforms FooNet by 3 points and BarNet by 2"), and what is improved with no
    baseline named is mostly a model ("boosts FooLM by 4 points", "improves FooDet by 2.1 AP").

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("It improves FooScore by 1.9 points and BarDe by 2.6 points over SFT. "
    ...              "It outperforms FooNet by 3 points and BarNet by 2 points over SFT."))
    >>> [v.texts[i] for i in (2, 7, 16, 21) if _changed_by(v, i, i + 1)]
    ['FooScore', 'BarDe']
    """
    lower, texts = v.lower, v.texts
    if not (end + 1 < len(texts) and lower[end] == "by" and _SCORE.match(texts[end + 1])):
        return False
    if not _over_a_baseline(v, end + 2):
        return False
    item = start
    for _ in range(6):  # back along "X by N [points] and Y by M", to the verb that opens it
        before = item - 1 - (item >= 2 and lower[item - 1] == "the")
        if before >= 0 and lower[before] in _CHANGE_VERBS:
            return True
        if before < 1 or lower[before] not in ("and", ","):
            return False
        at = before - 1
        while at > 0 and lower[at] in _SCORE_UNITS:
            at -= 1
        if not (at > 1 and _SCORE.match(texts[at]) and lower[at - 1] == "by"):
            return False
        word = bisect_left(v.words, at - 1, key=itemgetter(1))  # the item before that "by"
        if word == len(v.words) or v.words[word][1] != at - 1:
            return False
        item = v.words[word][0]
    return False


def _over_a_baseline(v, after: int) -> bool:
    """Whether the sentence goes on, from token ``after``, to name what a change is over."""
    if not v.sent_ids:
        return False
    _, stop = v.sentence_bounds(v.sent_ids[after - 1])
    return not _BASELINE_WORDS.isdisjoint(v.lower[after:stop])


_BASELINE_WORDS = frozenset({"over", "than", "versus", "vs", "relative"})


def _scored_before(v, start: int) -> bool:
    """"41.9 mIoU and 38.2 FooIoU": a name right after a score with decimals is what it scores
    ("Claude 3.5 Sonnet" names a release: a name, not a word, stands before its number)."""
    texts = v.texts
    return start >= 2 and "." in texts[start - 1] and bool(_SCORE.match(texts[start - 1])) and v.lower[start - 2] in _SCORE_OPENERS


# words a reported score follows ("reaches 41.9 mIoU and 38.2 FooIoU"); not "the 1.5 FooNet
# baseline" or "version 2.1 FooLib", where the number is a release's
_SCORE_OPENERS = frozenset("and , ( with of at to while vs versus reaches reach reaching achieves achieve achieving "
                           "obtains obtain obtaining attains attain yields yield yielding scores score records "
                           "reports report gets get".split())


def coded_metrics(v, shaped: list[bool], known: list[dict], typed: set[int]) -> list[tuple[int, int, str]]:
    """A coined name written before F1 taken on named data names F1's variant ("71.3 Arg-C F1 on
    ACE 2005"): (start, end, the measure's name).  Without data after it the name is mostly the
    data ("FooQA F1"); curated names and the paper's short forms keep their own node; titles
    capitalise every word.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("A Title\\nIt reaches 71.3 Arg-C F1 on ACE and 40 FooQA F1."))
    >>> known = [{"type": "METRIC", "start": 9, "end": 10, "canonical": "F1 score"}, {"type": "METRIC", "start": 15, "end": 16, "canonical": "F1 score"}]
    >>> [(v.text(s, e), name) for s, e, name in coded_metrics(v, name_shaped.each(v.word_texts), known, set())]
    [('Arg-C F1', 'F1 score')]
    """
    sent = v.sent_ids or [0] * len(v.texts)
    out = []
    for cand in known:
        if cand["canonical"] not in _CODED_MEASURES or sent[cand["start"]] == 0 or not _taken_on_data(v, cand["end"]):
            continue
        before = v.word_at(cand["start"])
        before = None if before is None else before - 1
        if before is None or before < 0 or v.words[before][1] != cand["start"] or not shaped[before]:
            continue
        start = v.words[before][0]
        if start in typed or sum(c.isupper() for c in v.word_texts[before]) < 2 or sent[start] != sent[cand["start"]]:
            continue
        out.append((start, cand["end"], cand["canonical"]))
    return out


# measures a coined scheme's name stands before ("Arg-C F1", "RadGraph F1"); before accuracy and
# the like a coined name is mostly the model scored ("FooNet accuracy on CIFAR-10")
_CODED_MEASURES = frozenset({"F1 score"})


def _taken_on_data(v, end: int) -> bool:
    """"F1 on ACE 2005": named data follows the measure ending at token ``end``."""
    lower = v.lower
    if end + 1 >= len(lower) or lower[end] not in ("on", "in"):
        return False
    after = end + 1 + (lower[end + 1] == "the")
    return after < len(lower) and name_shaped(v.texts[after])


def compared_names(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """Untyped coined names in a sentence that compares ("outperforms X", "baselines such as X"),
    not machines ("a WidowX robot")."""
    sent = v.sent_ids or [0] * len(v.texts)
    out = []
    for index in where(shaped):
        start, end = v.words[index]
        if sent[start] != 0 and start not in typed:
            text = v.word_texts[index]
            if sum(c.isupper() for c in text) >= 2 and not text.isdigit() and not _hardware(v, index):
                out.append((start, end))
    if not out:
        return out
    # only the sentences of these names are read for comparison cues
    cue_sentences = set()
    for sent_id in {sent[start] for start, _ in out}:
        first, stop = v.sentence_bounds(sent_id)
        words = v.lower[first:stop]
        if any(word.startswith(_COMPARISON_CUES) for word in words) or (
                "over" in words and any(word.startswith(_GAIN_WORDS) for word in words)):
            cue_sentences.add(sent_id)
    return [(start, end) for start, end in out if sent[start] in cue_sentences]


# "FooQA test", "BarText perplexity": words after a name that make it the data measured on
_SPLIT_WORDS = frozenset("test val validation dev perplexity split splits subset subsets test-clean test-other".split())


def in_data_position(v, index: int) -> bool:
    """Whether written word ``index`` stands where a dataset does: right after "on" ("results
    on FooQA", "On the BarSet, ..."), as a later item of a list that "on" opens ("on FooQA,
    BarQA and BazQA"), or before a split word ("FooQA test", "BarText perplexity").

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("T\\nOn FooQA, Zorb beats Blip on BarQA, BazQA and QuxQA. It is based on Norb. Lurb perplexity drops."))
    >>> [w for i, w in enumerate(v.word_texts) if in_data_position(v, i)]
    ['FooQA', 'BarQA', 'BazQA', 'QuxQA', 'Lurb']
    """
    lower, words = v.word_lower, v.words
    if index + 1 < len(lower) and lower[index + 1] in _SPLIT_WORDS:
        return True
    item, linked = index, False  # linked: joined to the item before by "and"/"or", not only a comma
    for _ in range(8):
        before = item - 1
        if before >= 0 and lower[before] == "the":
            before -= 1
        if before < 0:
            return False
        if lower[before] == "on":
            if item != index and not (linked or _continues_list(v, index)):
                return False  # "On FooQA, Zorb beats ...": the name after the comma is no item
            return before == 0 or lower[before - 1] not in _RESTS_ON
        gap = v.texts[words[before][1]:words[item][0]]
        if lower[before] in ("and", "or") and before >= 1 and v.texts[words[before - 1][1]:words[before][0]] in ((), (",",)):
            linked = linked or item == index
            item = before - 1
        elif gap == (",",):
            item = before
        else:
            return False
    return False


def _continues_list(v, index: int) -> bool:
    """Whether written word ``index`` is followed by another list item (", B" or "and B")."""
    nxt = index + 1
    if nxt < len(v.words) and v.word_lower[nxt] in ("and", "or"):
        return True
    return nxt < len(v.words) and v.texts[v.words[index][1]:v.words[nxt][0]] == (",",)




def metric_at_cutoff(v, typed: set[int]) -> list[tuple[int, int]]:
    """A measure at a cutoff written "name@k" ("avg@16", "cons@64", "Recall@20"): only measures are
    written so, so the shape alone types it.

    >>> import spacy
    >>> v = view(spacy.blank("en")("We report avg@16, cons@64, mAP@0.25 and NDCG@10/20, mailed to a@b.c."))
    >>> [v.text(s, e) for s, e in metric_at_cutoff(v, set())]
    ['avg@16', 'cons@64', 'mAP@0.25', 'NDCG@10/20']
    """
    if "@" not in v.source:
        return []  # most abstracts: one search of the text, no word read
    return [v.words[index] for index in where(map(AT_CUTOFF.match, v.word_texts)) if v.words[index][0] not in typed]


_DATA_WORDS = frozenset({"data", "dataset", "datasets", "corpus", "corpora", "tokens", "pretraining", "pre-training"})


def _about_data(v, token: int) -> bool:
    """The sentence of ``token`` talks about data ("100B tokens across datasets", "trained on")."""
    first, stop = v.sentence_bounds(v.sent_ids[token] if v.sent_ids else 0)
    words = v.lower[first:stop]
    return any(word in _DATA_WORDS for word in words) or any(
        words[k] == "trained" and words[k + 1] == "on" for k in range(len(words) - 1))


def metric_given_a_value(v, typed: set[int]) -> list[tuple[int, int]]:
    """A coined short form set equal to a score ("ACC=0.864", "HR = 0.51", "(MAE = 0.172)"):
    a decimal or a percentage is what a measure takes; a whole number is a setting ("N = 100"),
    and so is a single letter ("k=0.5").

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("A Title\\nIt reaches ACC = 0.864, HR = 51% and FPR = 1.5% with N = 100, T=0.7 and LR=1e-4."))
    >>> [v.text(s, e) for s, e in metric_given_a_value(v, set())]
    ['ACC', 'HR', 'FPR']
    """
    if "=" not in v.source:
        return []
    texts, n, out = v.texts, len(v.texts), []
    sent = v.sent_ids or [0] * n
    for sign in where(map("=".__eq__, texts)):  # only the words before an "=" are read
        i = sign - 1
        if i < 0 or sign + 1 >= n or i in typed or sent[i] == 0 or sum(c.isupper() for c in texts[i]) < 2 \
                or not name_shaped(texts[i]):
            continue
        if SCORE_VALUE.match(_number_at(texts, sign + 1)):
            out.append((i, i + 1))
    return out


_ACHIEVING_VERBS = frozenset("""achieve achieves achieved achieving reach reaches reached reaching attain attains
    attained attaining obtain obtains obtained obtaining""".split())
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "our"})
_MEASURE_WORDS = frozenset({"rate", "accuracy", "correctness", "score"})
_PLAIN_QUALIFIERS = frozenset({"average", "overall", "mean", "total", "final", "downstream", "aggregate", "best"})
# words that end a measure's name on its left ("reduces the | answer-flip rate")
_BEFORE_A_MEASURE = _DETERMINERS | _CHANGE_VERBS | _ACHIEVING_VERBS


def _number_at(texts: list[str], i: int) -> str:
    """Token ``i`` with the "%" that follows it, as one value ("51" "%" is "51%"); "" past the end."""
    if i >= len(texts):
        return ""
    return texts[i] + ("%" if i + 1 < len(texts) and texts[i + 1] == "%" else "")


def measures_given_scores(v, shaped: list[bool], typed: set[int]) -> list[tuple[int, int]]:
    """What a result moves from one score to another, or reaches, is a measure ("reduces the mAVE
    from 0.591 to 0.509", "cuts the answer-flip rate from 46% to 12%", "achieves a match rate of
    71.8%"): a coined short form, or up to three lower-case words ending in a measure word.  A
    count moves too ("reduces tool calls from 11 to 6"), so the first value must be a decimal or
    a percentage.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("A Title\\nIt reduces the mAVE from 0.591 to 0.509, cuts the answer-flip rate from 46% to 12% "
    ...                "and reduces tool calls from 11.8 to 6.8, its schedule from 36 to 24 and the average score from 40% to 50%. "
    ...                "It achieves a match rate of 71.8% and an average score of 19.8, with gains of 4.7."))
    >>> [v.text(s, e) for s, e in measures_given_scores(v, name_shaped.each(v.word_texts), set())]
    ['mAVE', 'answer-flip rate', 'match rate']
    """
    if " from " not in v.source and " of " not in v.source:
        return []
    texts, words, lower, n = v.texts, v.words, v.word_lower, len(v.texts)
    out = []
    for at in where(map(("from", "of").__contains__, lower)):
        after = words[at][1]
        value = _number_at(texts, after)
        closing = after + (2 if value.endswith("%") else 1)
        # a score as written after "from" or "of", unsigned: "71.8%", "46%", "0.591", not a count
        if not (SCORE_VALUE.match(value) and value[:1].isdigit()) \
                or (lower[at] == "from" and (closing >= n or texts[closing] not in ("to", "→"))):
            continue
        span = _measure_ending_at(v, shaped, at - 1)
        if span is None:
            continue
        first, last = span
        before = first - 1 - (first > 1 and lower[first - 1] in _DETERMINERS)
        verbs = _CHANGE_VERBS if lower[at] == "from" else _ACHIEVING_VERBS
        if before >= 0 and lower[before] in verbs and not typed.intersection(range(words[first][0], words[last][1])):
            out.append((words[first][0], words[last][1]))
    return out


def _measure_ending_at(v, shaped: list[bool], last: int) -> tuple[int, int] | None:
    """Word span of a coined short form at word ``last``, or of up to three lower-case words
    ending there in a measure word ("answer-flip rate"; not "the average score")."""
    if last < 1:
        return None
    if shaped[last] and sum(c.isupper() for c in v.word_texts[last]) >= 2:
        return last, last
    lower = v.word_lower
    if lower[last] not in _MEASURE_WORDS:
        return None
    first = last
    while first > 0 and last - first < 2 and v.word_texts[first - 1].replace("-", "").isalpha() \
            and v.word_texts[first - 1].islower() and lower[first - 1] not in _BEFORE_A_MEASURE:
        first -= 1
    if all(word in _PLAIN_QUALIFIERS for word in lower[first:last]):
        return None  # "the average score", a bare "score": no measure named
    return first, last


# last words that make a capitalised run a technique's name
_TECHNIQUE_HEADS = frozenset(
    "training learning distillation pre-training pretraining optimization optimisation attention layer controller "
    "adaptation supervision denoising sampling sub-sampling injection integration regularization regularisation "
    "correction fusion pruning router routing augmentation curriculum alignment tuning fine-tuning decoding "
    "prompting normalization normalisation bottleneck encoding transformer transformers".split()
)
_RUN_WORD = re.compile(r"^[^\W\d_]\w*(-\w+)*$")
run_word = WordMemo(lambda word: word[:1].isupper() and bool(_RUN_WORD.match(word)))
# capitalised words that open a run without naming anything ("We use The Large Batch Training")
_RUN_OPENERS = frozenset({"The", "A", "An", "Our", "This", "These", "Its", "Their", "Each", "Both"})


def titled_techniques(v, generic: frozenset[str], typed: set[int]) -> list[tuple[int, int, bool]]:
    """Runs of two to five capitalised words inside an abstract's sentence that end in a
    technique word ("we adopt Large Batch Training", "an Attention Router"): writing a phrase
    in title case mid-sentence marks it as a name.  The title, where every word is
    capitalised, and a sentence's first word are no such sign; nor are generic phrases
    ("Large Language Models").

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> doc = nlp("A Title With Fast Training\\nWe adopt Large Batch Training and Joint Attention. Sparse Training helps. "
    ...           "It is the approach that Bootstraps Speech Training. It cites Latent Denoising Improves Visual Alignment.")
    >>> [doc[s:e].text for s, e, _ in titled_techniques(view(doc), frozenset(), set())]
    ['Large Batch Training', 'Joint Attention']

    The third item says whether the sentence presents the run as new ("Foo Training, a novel
    scheme", "a new router, Foo Router, is proposed", "a Foo Denoising method is proposed").
    """
    sent = v.sent_ids or [0] * len(v.texts)
    words, texts = v.words, v.word_texts
    n = len(words)
    title_end = v.sentence_bounds(0)[1]

    def joined(index: int) -> bool:  # words ``index - 1`` and ``index`` are capitalised and written together
        return (words[index][0] == words[index - 1][1] and run_word(texts[index]) and run_word(texts[index - 1])
                and sent[words[index][0]] == sent[words[index - 1][0]])

    out = []
    for head in _positions(v, _TECHNIQUE_HEADS):
        if not run_word(texts[head]) or (head + 1 < n and joined(head + 1)):
            continue  # lower case, or the run goes on past the head
        start = head
        while start > 0 and head - start < 5 and joined(start):
            start -= 1
        if start > 0 and joined(start):
            continue  # a run of more than five words
        opens_sentence = words[start][0] == 0 or sent[words[start][0] - 1] != sent[words[start][0]]
        if texts[start] in _RUN_OPENERS:
            start, opens_sentence = start + 1, False
        first, last = words[start][0], words[head][1]
        if first > 0 and v.lower[first - 1] in ("that", "which", "who"):
            continue  # "the BLSP approach that Bootstraps Language-Speech Pre-training": a verb opens the run
        if any(v.word_lower[w] in CLAUSE_WORDS or v.word_lower[w] in CLAIM_VERBS for w in range(start, head)):
            continue  # "Latent Denoising Improves Visual Alignment", a title quoted in the text: a clause
        if (1 <= head - start <= 4 and not opens_sentence and first >= title_end
                and v.text(first, last).lower() not in generic and not typed.intersection(range(first, last))):
            out.append((first, last, _presented_as_new(v, first, last)))
    return out


_NEW = frozenset({"new", "novel", "our"})
_PASSIVE_PROPOSAL = frozenset({"proposed", "introduced", "presented", "developed", "designed"})


def _presented_as_new(v, first: int, last: int) -> bool:
    """ "a novel X", "our X", "X, a new ...", "X (method) is proposed": the paper's own; "X,
    which was introduced by ..." and "unlike our baseline, X" are not."""
    sent_first, sent_stop = v.sentence_bounds(v.sent_ids[first] if v.sent_ids else 0)
    after = v.lower[last:min(sent_stop, last + 5)]
    if (first > sent_first and v.lower[first - 1] in _NEW) or (after[:1] == (",",) and _NEW.intersection(after[1:3])):
        return True
    return any(word in ("is", "are") and following in _PASSIVE_PROPOSAL and then not in ("by", "in")
               for word, following, then in zip(after, after[1:], (*after[2:], "")))


# "improves AUROC by 6.4 points over SnaTCHer": a gain over a name compares with it
_GAIN_WORDS = ("improv", "gain", "better")
_COMPARISON_CUES = ("outperform", "compared", "comparison", "baseline", "surpass", "beats", "versus", "vs")


_ON = frozenset({"on"})
# every word a rule here starts from, found in one pass over a doc's words
_CUE_WORDS = _NAME_OR_SYSTEM_HEADS | _TECHNIQUE_LIST_HEADS | _DATA_HEAD_WORDS | _PLURAL_HEADS | _ON | _TRAINING_VERBS | _INITIALISED | _TECHNIQUE_HEADS \
    | _DATA_PARTS | TASK_WORDS | _FROM


def _positions(v, wanted: frozenset[str]) -> list[int]:
    """Indices of the written words in ``wanted``, from one scan for all the rules' cue words."""
    return cue_positions(v, _CUE_WORDS, wanted, written=True)


def _unshouted(v, shaped: list[bool]) -> list[bool]:
    """``shaped`` without a word in capitals written so only once and also in lower case: emphasis
    ("a unified memory + LEARNING system ... with learning built in"), not a name.  A name such
    as FIRST (a reranker) is written in capitals each time.

    >>> import spacy
    >>> v = view(spacy.blank("en")("Models ALL open-sourced, all of them, beat ARGUS. The first FIRST beats FIRST."))
    >>> [w for w, s in zip(v.word_texts, _unshouted(v, name_shaped.each(v.word_texts))) if s]
    ['ARGUS', 'FIRST', 'FIRST']
    """
    tokens = None
    for index in where(shaped):
        text = v.word_texts[index]
        if len(text) >= 3 and text.isalpha() and text.isupper():
            tokens = Counter(v.texts) if tokens is None else tokens
            if tokens[text.lower()] and tokens[text] == 1:
                shaped[index] = False  # a fresh list from name_shaped.each: changed in place
    return shaped


# the summary line's label that OpenReview and paper pages put before a colon; other names in that
# place often head a paragraph about themselves ("LedgerBERT: A domain-adapted language model ...")
_SUMMARY_LABELS = frozenset({"tl;dr", "tldr"})


def _unlabelled(v, shaped: list[bool]) -> list[bool]:
    """``shaped`` without a summary line's label ("TL;DR: SAEs are barely better than ..."):
    it names nothing the paper uses.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("A Title\\nTL;DR: ZorbNet beats QuuxNet."))
    >>> [w for w, s in zip(v.word_texts, _unlabelled(v, name_shaped.each(v.word_texts))) if s]
    ['ZorbNet', 'QuuxNet']
    """
    for index in where(shaped):
        if v.word_lower[index] in _SUMMARY_LABELS and a_label(v, *v.words[index]):
            shaped[index] = False  # a fresh list from name_shaped.each: changed in place
    return shaped


@Language.component("kg_shapes")
def kg_shapes(doc):
    v = view(doc)
    shaped = _unlabelled(v, _unshouted(v, name_shaped.each(v.word_texts)))
    known_types = {(c["start"], c["end"]): c["type"] for c in candidates.candidates(doc) if c["rule"] == "gazetteer"}
    for start, end, entity_type in head_typed_names(v, shaped) + listed_after_head(v, shaped, known_types) + listed_before_head(v, shaped):
        candidates.add(doc, start, end, entity_type, "head-noun", confidence=0.8)
    known = list(candidates.candidates(doc))
    retype_list_outliers(v, known)
    for start, end, entity_type in list_siblings(v, shaped, known):
        candidates.add(doc, start, end, entity_type, "list", confidence=0.7)
    for i in plain_listed_datasets(v, shaped, known):
        candidates.add(doc, v.words[i][0], v.words[i][1], "DATASET", "list", confidence=0.6)
    typed = {i for c in candidates.candidates(doc) for i in range(c["start"], c["end"])}
    for start, end, new in titled_techniques(v, load_generic_phrases(), typed):
        candidates.add(doc, start, end, "METHOD", "titled-run", confidence=0.6, proposed=new)
        typed.update(range(start, end))
    for start, end in scored_on_names(v, shaped, typed):
        candidates.add(doc, start, end, "DATASET", "scored-on", confidence=0.6)
        typed.update(range(start, end))
    for data_names in (evaluated_on_names, part_of_data_names, numbered_task_names, drawn_from_names):
        for start, end in data_names(v, shaped, typed):
            candidates.add(doc, start, end, "DATASET", "evaluated-on", confidence=0.5)
            typed.update(range(start, end))
    for start, end in bracketed_parts(v, shaped, candidates.candidates(doc)):
        if start not in typed:
            candidates.add(doc, start, end, "DATASET", "list", confidence=0.7)
            typed.update(range(start, end))
    for start, end in trained_names(v, shaped, typed):
        candidates.add(doc, start, end, "MODEL", "trained", confidence=0.5)
        typed.update(range(start, end))
    for start, end in model_shaped_names(v, shaped, typed):
        candidates.add(doc, start, end, "MODEL", "model-shaped", confidence=0.6)
        typed.update(range(start, end))
    proposed_starts = {c["start"] for c in candidates.candidates(doc) if c["proposed"]}
    for start, end in data_shaped_names(v, shaped, typed):
        # "we introduce PAGE Bench": the benchmark word extends the name the authors propose
        candidates.add(doc, start, end, "DATASET", "data-shaped", confidence=0.6, proposed=start in proposed_starts)
        typed.update(range(start, end))
    for start, end in metric_at_cutoff(v, typed):
        candidates.add(doc, start, end, "METRIC", "metric-shaped", confidence=0.7)
        typed.update(range(start, end))
    for start, end in metric_given_a_value(v, typed):
        candidates.add(doc, start, end, "METRIC", "metric-shaped", confidence=0.7)
        typed.update(range(start, end))
    for start, end in measures_given_scores(v, shaped, typed):
        candidates.add(doc, start, end, "METRIC", "metric-shaped", confidence=0.6)
        typed.update(range(start, end))
    curated = {i for c in candidates.candidates(doc) if c["rule"] in ("gazetteer", "abbreviation") for i in range(c["start"], c["end"])}
    for start, end, measure in coded_metrics(v, shaped, candidates.candidates(doc), typed | curated):
        candidates.add(doc, start, end, "METRIC", "metric-shaped", family=measure, confidence=0.7)
        typed.update(range(start, end))
    compared = compared_names(v, shaped, typed)
    new_dataset = bool(compared) and {c["type"] for c in candidates.candidates(doc) if c["rule"] == "proposal"} == {"DATASET"}
    # "Bioformer8L" beside the model "Bioformer": a compared name built on a model the doc names is a model
    models = tuple({v.text(c["start"], c["end"]) for c in candidates.candidates(doc)
                    if c["type"] == "MODEL" and c["end"] - c["start"] == 1 and len(v.texts[c["start"]]) >= 4}) if compared else ()
    for start, end in compared:
        if _measured_as(v, end) or _measured_in(v, start) or _changed_by(v, start, end) or _scored_before(v, start):
            candidates.add(doc, start, end, "METRIC", "compared", confidence=0.5)  # "(SIM-o of 0.68)", "4.7% in MAE"
            continue
        # what a new dataset is compared with, in a sentence about data, is data; otherwise a rival system
        rival = "DATASET" if new_dataset and _about_data(v, start) or in_data_position(v, v.word_at(start)) else "METHOD"
        text = v.text(start, end)
        if models and text.startswith(models):
            rival = "MODEL"
        candidates.add(doc, start, end, model_or(v, text, rival), "compared", confidence=0.5)
    return doc
