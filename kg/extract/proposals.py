"""``kg_proposals``: names a paper introduces ("MALT: ...", "we propose X, a framework").

Fills ``doc.user_data["kg_proposed"]`` ({surface key: type}) and adds a candidate for
every occurrence of each proposed name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import repeat

from spacy.language import Language

from ..normalise import curated_base
from . import candidates
from .links import URL, link_type
from .lexicon import (
    HEAD_TYPES,
    NOT_NAMES,
    PARTICIPLE_ENDINGS,
    PROPOSAL_VERBS,
    SIZE_BOUND,
    TRANSPARENT_HEADS,
    is_name_shaped,
    type_from_head,
)
from .abbreviations import defined_term_type
from .names import TASK_NUMBER, TASK_WORDS
from .phrases import VARIANT as _VARIANT
from .words import cue_positions, view, where, word_key

__all__ = ["CLAIM_VERBS", "CLAUSE_WORDS", "title_name", "title_technique", "title_subject_technique", "proposal_names", "subtitle_type", "model_shaped", "looks_like_a_model", "model_or"]

_SUBJECTS = {"we", "our", "paper", "work", "study", "report", "here", "authors"}
_IRREGULAR_PAST = {"built"}
_VERSION = re.compile(r"^v?\d+\.\d+$")
_NUMBERED = re.compile(r"^\d{1,2}(\.\d+)?$")
_VERSION_TAIL = re.compile(r" v?\d+\.\d+$")
_EDITION = re.compile(r"^(?:Phase|Stage|Gen|Part|Round|Edition)-?\d+$")
_SURVEY_WORDS = {"survey", "review", "overview", "tutorial"}
_NAMING = {"called", "named", "dubbed", "termed", "coined"}
# words between a proposing verb and a name that mark the name as someone else's
_PRIOR_WORK = {"recently", "previously", "existing", "popular", "well-known", "established", "standard", "classic",
               "classical", "conventional", "off-the-shelf", "leverage", "leverages", "leveraged", "use", "uses", "used",
               "adopt", "adopts", "adopted", "employ", "employs", "employed", "apply", "applies", "applied", "utilize",
               "utilizes", "utilized", "utilise", "utilises", "utilised"}
_BARE_NAMING = {"call", "name", "dub", "term"}
# what stands before "call"/"term" naming a thing ("we call", "which we will call", "we simply term"; "to call tools" invokes them)
_BEFORE_A_NAMING_VERB = frozenset("we i they you will shall would can also then thus hence hereafter henceforth".split())
# adverbs before "called"/"termed" that make the name one already in use
_IN_USE = frozenset("commonly often usually widely generally typically popularly sometimes frequently conventionally "
                    "colloquially traditionally informally also variously loosely".split())
_NAMING_VERBS = PROPOSAL_VERBS | _NAMING
_PART_OF = frozenset({"of", "in"})  # "an extension of DPO", "a study of forgetting in SAC"
_PROPOSAL_CUES = _NAMING_VERBS | {"resulting", "building", "creating"}  # "the resulting model, Zorb, ..."
_CONTRIBUTION = {"contribution", "contributions"}
_TITLE_NOT_NAMES = {"survey", "review", "tutorial", "position", "perspective", "overview", "introduction", "editorial", "benchmarking"}
_STOP_PREPOSITIONS = {"for", "with", "of", "via", "on", "in", "to", "through", "from", "by", "and", "that", "towards", "toward", "using", "at", "beyond", "without"}
# words after a name that end its phrase ("LoRA with", "BERT is"): with any other lower-case
# word after it, a name modifies a noun ("a compact BERT model", "ImageNet samples")
_PHRASE_ENDS = _STOP_PREPOSITIONS | {"which", "who", "whose", "where", "while", "is", "are", "was", "were", "as", "or",
                                     "has", "have", "had", "can", "could", "will", "would", "may", "might", "should",
                                     "also", "not", "but", "than", "then", "so", "since", "because", "if", "into",
                                     "over", "under", "between", "within", "without", "after", "before", "during",
                                     "among", "per", "against", "achieves", "outperforms", "uses", "learns"}
# a name after these is where or against what the new thing is tested, not the new thing
_WINDOW_STOPS = {"which", "that", "to", ";", "on", "using", "across", "against", "than", "over", "comparing", "compared", "between", "from",
                 "including", "e.g.", "like", "inspired",  # "such as MCTS": examples of a class; "inspired by SCAFFOLD": a source
                 "around",  # "a framework structured around a long Chain-of-Thought (CoT)": what it is built on
                 "outperforms", "outperform", "outperforming", "surpasses", "surpass", "surpassing", "beats", "exceeds"}
_DETERMINERS = {"our", "the", "a", "an", "this", "their"}
# verbs that open the next clause after "and" in a proposing sentence (what is measured or found there is not proposed)
_NEXT_CLAUSE_VERBS = frozenset("report reports evaluate evaluates measure measures compare compares test tests show shows "
                               "demonstrate demonstrates achieve achieves obtain obtains find finds observe observes "
                               "benchmark analyze analyse study".split())
_DERIVED_FROM = {"version", "versions", "variant", "variants", "subset", "subsets", "extension", "translation", "portion"}
_SETS_OFF = {",", ":"}
_ADJECTIVE_PREFIXES = {"so", "self", "well", "newly", "hand", "widely", "commonly", "recently", "previously", "un"}
_PARTICIPLE_ENDS = _STOP_PREPOSITIONS - {"of", "and"}  # "the proposed family of FooLM models" goes on
_POST_HEAD = {"capable", "able", "suitable", "tailored", "dedicated", "responsible", "specialized", "specialised",
              "available", "ranging", "spanning", "covering", "comprising"}
_APPOSITIVE_STOPS = _STOP_PREPOSITIONS - {"and"} | {"that", "which"}


def _title_end(v) -> int:
    """End token of the first sentence (the title line)."""
    return v.sent_starts[1] if len(v.sent_starts) > 1 else len(v.texts)


def technical_report(v) -> int | None:
    """Start token of "Technical Report" when the title is "NAME Technical Report"."""
    for i in range(1, min(_title_end(v), 6) - 1):
        if v.lower[i] == "technical" and v.lower[i + 1] == "report":
            return i
    return None


_TITLE_DATA_HEADS = {"dataset", "benchmark", "corpus"}


def title_data_head(v) -> int | None:
    """Token index of "Dataset" in a title that opens "[The] NAME Dataset for ...", where NAME
    is one or two words, one of them name-shaped ("The FooWeb Dataset", "FooQA Benchmark:")."""
    first = 1 if v.lower[0] == "the" else 0
    for head in (first + 1, first + 2):
        if head < _title_end(v) and v.lower[head] in _TITLE_DATA_HEADS:
            after = v.lower[head + 1] if head + 1 < _title_end(v) else ""
            names = v.texts[first:head]
            if (not after or after in _STOP_PREPOSITIONS or after in _SETS_OFF) and any(map(is_name_shaped, names)):
                return head
            return None
    return None


def title_name(doc) -> tuple[int, int] | None:
    """Token span of "NAME" in a title shaped "NAME: subtitle", "NAME Technical Report" or
    "[The] NAME Dataset for ..."; read once per doc (the proposals component asks twice)."""
    v = view(doc)
    if "title_name" not in v.memo:
        v.memo["title_name"] = _title_name(v)
    return v.memo["title_name"]


def _title_name(v) -> tuple[int, int] | None:
    report = technical_report(v)
    if report is not None:
        words = v.texts[:report]
        if all(w[:1].isupper() or w[:1].isdigit() or w in "-." for w in words):
            return 0, report
    data_head = title_data_head(v)
    if data_head is not None:
        return (1 if v.lower[0] == "the" else 0), data_head
    for i in range(0, min(_title_end(v), 7)):
        if v.texts[i] == ":":
            if i == 0:
                return None
            text = v.text(0, i)
            words = text.split()
            if len(words) > 4 or text.lower() in _TITLE_NOT_NAMES or "," in text or _MARKUP.search(text):
                return None  # markup left in a title ("</script> XSSNet: ...") is no part of a name
            if any(w.lower() in _STOP_PREPOSITIONS or w.lower() in CLAUSE_WORDS or w == "&" for w in words[1:]) or len(
                    words) > 1 and _headline_verb(words[0]):
                return None  # "Class-Incremental Learning with CLIP: ...", "Revisiting ResNets: ..." are headlines,
                # and "Zorb-1.7 & H1: ..." names two things, not one
            if any(is_name_shaped(w) for w in words):
                return 0, i
            if (len(words) == 1 and _one_word_name(text)) or _coined_phrase(words):
                # plain words before a survey's colon are its topic ("Language Model Behavior: A Comprehensive
                # Survey"), and before a question they are a hook ("Jailbroken: How Does Safety Training Fail?")
                rest = list(v.lower[i + 1:_title_end(v)])
                return None if is_survey(rest) or "?" in rest else (0, i)
            return None
    return None


_MARKUP = re.compile(r"[<>]")


def _one_word_name(text: str) -> bool:
    """A word that can be a name where a title or a naming word says it is one: capitalised,
    or a number with capitals ("4M", which alone reads as a size).

    >>> [_one_word_name(w) for w in ("Zorb", "4M", "3d", "2024", "model")]
    [True, True, False, False, False]
    """
    return text[:1].isupper() or (text[:1].isdigit() and any(c.isupper() for c in text))


_LONG_FORM_GLUE = {"and", "of", "for", "the", "in", "with", "to", "a", "on"}


def subtitle_long_form(v, span: tuple[int, int]) -> tuple[int, int] | None:
    """Token span of the subtitle's first words when their initials spell the title's name,
    one letter per word or hyphenated part, small words skipped ("APT: Adaptive Pruning and
    Tuning ..."), or its capitals do ("LoRA: Low-Rank Adaptation ..."); a version number
    after a hyphen is no initial ("RT-1: Robotics Transformer ..."). Other names with digits
    are left alone ("UL2: Unifying Language ...")."""
    name = _VERSION_SUFFIX.sub("", v.text(*span))
    if any(c.isdigit() for c in name) or sum(c.isupper() for c in name) < 2:
        return None
    letters = [c.lower() for c in name if c.isalpha()]
    capitals = [c.lower() for c in name if c.isupper()]
    if spelled := _spelled_after(v, span, letters):
        return spelled
    # spelled by capitals only ("LoRA: Low-Rank Adaptation of ..."), the phrase must end there:
    # "MaskMix: Mixing Masked Views" does not make "Mixing Masked" the name's long form
    spelled = _spelled_after(v, span, capitals) if capitals != letters else None
    if spelled and spelled[1] < _title_end(v) and not v.is_punct[spelled[1]] and v.lower[spelled[1]] not in _STOP_PREPOSITIONS:
        return None
    return spelled


_VERSION_SUFFIX = re.compile(r"-\d+(?:\.\d+)*$")


def _spelled_after(v, span: tuple[int, int], letters: list[str]) -> tuple[int, int] | None:
    if len(letters) < 2:
        return None
    found, last, at, end = 0, None, span[1] + 1, _title_end(v)
    while at < end and found < len(letters):
        text = v.texts[at]
        if text != "-":
            if text[:1].lower() == letters[found]:
                found, last = found + 1, at
            elif last is None or v.lower[at] not in _LONG_FORM_GLUE:
                return None
        at += 1
    if found < len(letters):
        return None
    while last + 2 < end and v.texts[last + 1] == "-" and v.spaced[last] is False and v.spaced[last + 1] is False:
        last += 2  # the whole last word: "... Language-Speech Pre-training"
    return span[1] + 1, last + 1


_TECHNIQUE_CUES = {"via", "through", "with", "using", "by"}
_GOAL_WORDS = frozenset({"enhanced", "improved", "better", "increased", "reduced", "stronger", "faster", "higher", "lower", "greater"})
_NOMINAL_ENDINGS = ("ation", "ition", "ment", "ing", "ency", "ance")


def title_technique(doc) -> tuple[int, int] | None:
    """Token span of a technique a title says the work is done by: two to four capitalised
    words after "via/through/with/using/by" that end in a nominalisation ("... via Causal
    Information Minimization", "... with Variational Sequential Planning").  A phrase that
    opens with a verb form ("via Maximizing ...") or holds a function word is a headline.
    """
    v = view(doc)
    stop = _title_end(v)
    for i in range(1, stop - 2):
        if v.lower[i] not in _TECHNIQUE_CUES:
            continue
        end = i + 1
        while end < stop and end - i <= 4 and _TITLE_WORD.match(v.texts[end]) and v.lower[end] not in _STOP_PREPOSITIONS:
            end += 1
        size = end - i - 1
        if not 2 <= size <= 4 or (end < stop and v.lower[end] in ("-", "and", "&", "of")):
            continue  # "by Early Establishment of Multilingual Alignment": an action described, no name
        words = v.lower[i + 1:end]
        if words[0].endswith("ing") or words[0] in _GOAL_WORDS or any(w in _HEADLINE_WORDS for w in words):
            continue  # "with Enhanced Temporal Consistency": what the work reaches, not how
        if words[-1].endswith(_NOMINAL_ENDINGS):
            return i + 1, end
    return None


# what a title claims its subject does ("Entity-Level Data Filtering Reduces Hallucination")
CLAIM_VERBS = frozenset("""improves reduces prevents mitigates benefits enables helps boosts outperforms beats yields
    enhances accelerates stabilizes stabilises unlocks fixes closes bridges eliminates alleviates overcomes
    increases lowers cuts speeds""".split())
_TECHNIQUE_LAST_WORDS = frozenset({"dropout", "attention", "loss", "decay"})


def title_subject_technique(doc) -> tuple[int, int] | None:
    """Token span of a technique a title opens with and claims a result for: two to four
    capitalised words ending in a nominalisation or a technique head, then a claim verb
    ("Propagation-Aware Edge Dropout Mitigates Oversmoothing ...").  A question, a gerund or
    a headline word first is no technique ("Does Scale Help ...", "Scaling Data Improves ...").
    """
    v = view(doc)
    stop = _title_end(v)
    words = v.words
    for count in range(2, 5):
        if count >= len(words) or words[count][0] >= stop:
            return None
        if v.word_lower[count] not in CLAIM_VERBS:
            continue
        phrase = v.word_texts[:count]
        if not all(_TITLE_WORD.match(w) for w in phrase) or _headline_verb(phrase[0]) or phrase[0].lower() in _HEADLINE_WORDS:
            return None
        last = phrase[-1].lower()
        if last.endswith(_NOMINAL_ENDINGS) or last in _TECHNIQUE_LAST_WORDS or type_from_head(" ".join(phrase)) == "METHOD":
            return words[0][0], words[count - 1][1]
        return None
    return None


def _headline_verb(word: str) -> bool:
    """A capitalised gerund or headline word opening a title ("Revisiting", "Towards"); an
    article may open a name ("THE COLOSSEUM")."""
    lower = word.lower()
    return lower in _HEADLINE_WORDS - {"the", "a", "an"} or lower.endswith("ing") and word[:1].isupper() and word[1:].islower()


# words a headline holds and a name does not ("Consistency Over Neighbourhoods: ...", "Less Is More: ...",
# "Optimism Meets Entropy: ...", "Whisper Goes Medical: ...", "Self-RAG Revisited: ...": a verb makes the phrase a clause;
# "Digits Deserve Better: ...", "Geometry First: ...", "Touch Before Sight: ..." are slogans, and
# "Subwords Hurt Syntax: ..." a clause, its verb in the plural)
CLAUSE_WORDS = frozenset({"over", "under", "into", "across", "between", "against", "versus", "vs", "is", "are", "not",
                          "meets", "meet", "matters", "matter", "helps", "hurts", "works", "fails", "beats", "wins",
                          "goes", "learns", "knows", "sees", "speaks", "talks", "thinks", "reads", "writes", "makes",
                          "needs", "gets", "plays", "remembers", "forgets", "listens", "becomes", "understands",
                          "revisited", "reconsidered", "reexamined", "re-examined", "demystified", "explained", "unleashed",
                          "deserve", "deserves", "better", "worse", "first", "before", "after",
                          "hurt", "help", "fail", "learn", "know", "see", "think", "remember", "forget", "listen",
                          "become", "understand", "beat"})


def _coined_phrase(words: list[str]) -> bool:
    """Two or three capitalised content words before a title's colon name the paper's
    contribution ("Masked Thought: ...", "Sparse Upcycling: ..."); a phrase that opens
    with a verb form or holds a function word is a headline ("Beyond Homophily: ...")."""
    return (
        2 <= len(words) <= 3
        and all(_TITLE_WORD.match(w) for w in words)
        and not words[0].lower().endswith("ing")
        and not any(w.lower() in _HEADLINE_WORDS for w in words)
    )


_GROUP_HEADS = {"suite", "collection", "set"}
_COUNT = re.compile(r"^\d[\d,.]*[KkMm]?$")
_TITLE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*$")
_HEADLINE_WORDS = {"beyond", "towards", "toward", "rethinking", "revisiting", "unlock", "bad", "good", "the", "a", "an",
                   "learning", "machine", "deep", "why", "how", "what", "when", "is", "are", "do", "does", "can", "on"}


def subtitle_type(doc, colon: int) -> str | None:
    """Type from the head of the subtitle's first noun phrase ("A Foundation Model of ...")."""
    v = view(doc)
    words = []
    title_end = _title_end(v)
    first = bisect_left(v.words, (colon + 1,))
    listing = False  # inside "An Open, Large-Scale, and Diverse Dataset": adjectives in a list
    for w in range(first, len(v.words)):
        start, end = v.words[w]
        # written words, so that "Any-to-Any" is one and its "to" no preposition
        gap = range(v.words[w - 1][1] if w > first else colon + 1, start)
        if end > title_end:
            break
        if any(v.is_punct[i] for i in gap):
            if not (len(gap) == 1 and v.texts[gap[0]] == "," and words and type_from_head(" ".join(words)) is None):
                break
            words, listing = [], True
        lower = v.word_lower[w]
        if listing and lower == "and":
            continue
        if lower == "of" and words and words[-1].lower() in TRANSPARENT_HEADS:
            words = []  # "A Series of Multimodal Language Models": the type is what follows
            continue
        if lower in _STOP_PREPOSITIONS or lower == "and":
            break  # "A Foley Sound Synthesis Model and Strategies": the first noun phrase's head
        words.append(v.word_texts[w])
    verb = next((word for word in words if not word.lower().endswith("ly")), "")  # past "Automatically"
    if verb.lower().endswith("ing"):
        return None  # "(Automatically) Interpreting Language Models ..." says what it does, not what it is
    return type_from_head(" ".join(words))


def _past_aside(v, end: int) -> int:
    """The token after a bracketed aside that starts at ``end`` ("(LF)"), else ``end``."""
    texts, n = v.texts, len(v.texts)
    if end >= n or texts[end] != "(":
        return end
    i = end
    while i < n and texts[i] != ")":
        i += 1
    return i + 1


def _head_after_pair(v, end: int) -> str | None:
    """The type of a head word right after "Long Form (LF)" ending at ``end``, if any."""
    i = _past_aside(v, end)
    lower = v.lower
    if i != end and i < len(lower) and lower[i] in HEAD_TYPES and lower[i] not in TRANSPARENT_HEADS:
        return HEAD_TYPES[lower[i]]
    return None


def _linked_type(v, end: int) -> str | None:
    """The type a hub link in brackets right after a name gives it: "Foo (https://huggingface.co/datasets/...)"."""
    texts = v.texts
    return link_type(texts[end + 1]) if end + 1 < len(texts) and texts[end] == "(" else None


def _appositive_type(v, end: int) -> str | None:
    """", a/an/the ... HEAD" right after a name, or "X is a ... HEAD"."""
    texts, lower, n = v.texts, v.lower, len(v.texts)
    head = _linked_type(v, end) or _head_after_pair(v, end)
    if head:
        return head  # "Foo Bar Learning (FBL) benchmark": the head after the pair types it
    i = _past_aside(v, end)
    if i < n and v.quote[i]:
        i += 1  # "we propose 'B-cosification', a novel approach": past the closing quote
    if i < n and texts[i] in (",", ":"):
        i += 1
    elif i < n and lower[i] in ("is", "as"):
        i += 1
    else:
        return None
    if i + 1 < n and lower[i] == "which":
        if lower[i + 1] not in ("is", "are"):
            return None  # "FooNet, which replaces the memory bank": a verb's object is not what FooNet is
        i += 2 if i + 2 < n and lower[i + 2] in ("a", "an") else 1
    if i < n and lower[i] in ("a", "an", "the", "which", "our", "is", "are"):
        words, grouped_as, bracket = [], None, False
        for j in range(i + 1, min(i + 20, n)):
            if bracket or texts[j] == "(":  # "a speech translation (S2ST) corpus": an aside inside the phrase
                bracket = texts[j] != ")"
                continue
            if lower[j] == "of" and words and words[-1].lower() in TRANSPARENT_HEADS:
                words = []  # "a family of mixed-modal models": the type is what follows
                continue
            if lower[j] == "of" and words and words[-1].lower() in _GROUP_HEADS:
                grouped_as, words = type_from_head(" ".join(words)), []  # "a suite of ... models"
                if grouped_as is None and j + 1 < n and _COUNT.match(texts[j + 1]):
                    grouped_as = "DATASET"  # "a set of 12K problems", "a collection of 1,200 dialogues": data
                continue
            in_compound = texts[j - 1] == "-" and not v.spaced[j - 1]  # "sequence-to-sequence", "end-to-end"
            # "a bilingual Mixture of Experts (MoE) language model": "of" inside a capitalised name goes on
            in_a_name = lower[j] == "of" and words and words[-1][:1].isupper() and j + 1 < n and texts[j + 1][:1].isupper()
            # "8*16B", "8x7B", "an English--Chinese aligned benchmark"
            glued = texts[j] in ("-", "*", "/", "+", "--", "–") and not v.spaced[j - 1] and not v.spaced[j]
            if v.is_punct[j] and texts[j] != "-" and not glued or lower[j] in _APPOSITIVE_STOPS and not (in_compound or in_a_name):
                break
            if words and words[-1].lower() in HEAD_TYPES and texts[j - 1] != "-" and (
                    lower[j].endswith((*PARTICIPLE_ENDINGS, "ly")) or lower[j] in _POST_HEAD):
                break  # "a framework aimed at ...", "a benchmark specifically designed ...", "models capable of"
            words.append(texts[j])
        members = type_from_head(" ".join(words))
        # a suite of models is models; a suite of tasks or tests is still a benchmark
        return members if grouped_as is None or members in ("MODEL", "DATASET") else grouped_as
    return None


def is_survey(title_words: list[str]) -> bool:
    """A title that announces a survey ("A Survey on X", "X: A Review", "an overview of"),
    not one about reviewing ("Peer Review Generation").

    >>> is_survey("a survey on mixture of experts".split()), is_survey("automating peer review with llms".split())
    (True, False)
    """
    for i, word in enumerate(title_words):
        if word in _SURVEY_WORDS and (
            i + 1 < len(title_words) and title_words[i + 1] in ("of", "on", "for")
            or i > 0 and title_words[i - 1] in ("a", "an", "comprehensive", "systematic")
        ):
            return True
    return False


def _own_name_tokens(doc) -> set[int]:
    """Tokens of the abstract where the name before the title's colon is written: that system
    is the paper's, so what it "introduces" is the paper's too."""
    span = title_name(doc)
    if span is None or span[1] - span[0] != 1:
        return set()
    v = view(doc)
    name = v.texts[span[0]]
    return {i for i in where(map(name.__eq__, v.texts)) if i >= span[1]}


def proposal_names(doc) -> list[tuple[int, int, str | None]]:
    """(start, end, type-or-None) of names right after "we propose/introduce ...".

    A name may be a coined word ("we propose FooNet"), a capitalised run after a naming
    verb ("a method called Learngene Pool"), or the long form of an abbreviation the paper
    defines ("we propose Base Oriented Evaluation (BOE)"), whose short form follows it.
    """
    abbreviations = candidates.abbreviations(doc)
    long_forms = {info["long_span"][0]: info["long_span"][1] for info in abbreviations.values()}
    own = _own_name_tokens(doc)
    curated_long = {info["long_span"][0] for info in abbreviations.values() if info["canonical"]}
    curated = {(c["start"], c["end"]) for c in candidates.candidates(doc) if c["rule"] == "gazetteer"}
    v = view(doc)
    words, texts = v.words, v.word_texts
    lower, texts_at = v.lower, v.texts
    sent = v.sent_ids or [0] * len(lower)
    out = []
    if is_survey(lower[: _title_end(v)]):
        return out  # a survey "introduces" what it reviews
    # "our main contribution is X" proposes X as a verb would
    stated = [i + 1 for i in _cues(v, _CONTRIBUTION) if i + 1 < len(lower) and lower[i + 1] in ("is", "are")]
    for i in sorted(_cues(v, _PROPOSAL_CUES) + stated):
        word = lower[i]
        if word in _NAMING and i > 0 and lower[i - 1] in _IN_USE:
            continue  # "an approach commonly called LLM-as-a-judge": a name already in use
        if i > 1 and texts_at[i - 1] == "-" and v.spaced[i - 1] is False and lower[i - 2] in _ADJECTIVE_PREFIXES:
            continue  # "so-called LoRA blocks", "our self-constructed ARM baselines": an adjective, no verb
        if (word == "named" and i + 1 < len(lower) and lower[i + 1] in ("entity", "entities")
                and (i + 2 >= len(lower) or texts_at[i + 2] != "-")):
            continue  # "named entity recognition (NER)" names nothing new; "named Entity-GPT" does
        if word == "resulting":  # "the resulting model, Zorb-Physician, ...": the authors' result, named
            # "our resulting model Zorb-T0 (ZT0)": after "our", a coined name needs no comma
            name_at = v.word_at(i + 2) if i + 2 < len(lower) else None
            subject = i + 2 < len(lower) and lower[i + 1] in HEAD_TYPES and (texts_at[i + 2] == "," or (
                i > 0 and lower[i - 1] == "our" and name_at is not None and is_name_shaped(texts[name_at])))
        elif word.endswith("ing"):  # a headline's "Unveiling FooLM", not "Unveiling the Mechanisms of"
            subject = sent[i] == 0 and i + 1 < len(lower) and is_name_shaped(texts_at[i + 1])
            # "we tackle this by introducing FooLM": the authors' means is their new thing
            subject = subject or (i > 0 and lower[i - 1] == "by" and any(
                lower[j] == "we" and sent[j] == sent[i] for j in range(max(0, i - 20), i - 1)))
            # "we insert our module in CodeBERT, building CodeBERTER": the authors' result after a comma
            subject = subject or (i > 0 and texts_at[i - 1] == "," and i + 1 < len(lower) and is_name_shaped(texts_at[i + 1])
                                  and any(lower[j] in ("we", "our") and sent[j] == sent[i] for j in range(max(0, i - 25), i - 1)))
        elif word.endswith(("s", "ed")) or word in _IRREGULAR_PAST:
            # "we introduced", "this paper presents", and the paper's own titled system: "ReARTeR introduces a PEM"
            subject = any((lower[j] in _SUBJECTS or j in own) and sent[j] == sent[i] for j in range(max(0, i - 4), i))
        else:  # a bare form is a verb after "we", "we ... to" or "we ... and"; after "our" it is a noun ("our model design")
            subject = any(lower[j] == "we" and sent[j] == sent[i] for j in range(max(0, i - 4), i)) or (
                i > 0 and lower[i - 1] in ("to", "and") and "we" in lower[v.sent_starts[sent[i]] if v.sent_ids else 0 : i])
        if not subject and (word not in _NAMING or _told_as_earlier_work(v, sent[i])):
            continue
        out += _enumerated_names(v, i, {s: e for s, e in long_forms.items() if s not in curated_long})  # "we introduce (1) a corpus and (2) FooBERT, a model"
        # "we introduce FooBench, a benchmark ..., and BarAgent, a framework ...", but not a known name
        out += [name for name in _second_appositive_names(v, i) if name[:2] not in curated]
        window_end = i + 16
        # "which we call Zorb", "we name our model Zorb": the first capitalised word is the name
        bare_naming = word in _BARE_NAMING and i > 0 and lower[i - 1] == "we"
        # "our proposed work in CodeBERT": a participle before its noun, whose phrase ends at a preposition
        adjectival = word.endswith("ed") and i > 0 and lower[i - 1] in _DETERMINERS
        lead_words = []
        modified = False  # a curated name described the new thing: only a name set off by a comma or a naming word follows
        # "we propose applying DPO to ...", "we propose training BERT with ...": the new thing is a way of
        # using the known names it takes (a coined one may be new: "we propose pretraining ZorbLM, a new LM")
        gerund = _gerund_after(v, i)
        purpose_from = None  # "a dataset for AD detection": what the new thing is for, up to a comma
        for index in range(bisect_right(words, (i, len(lower) + 1)), len(words)):
            start, end = words[index]
            if start >= window_end or sent[start] != sent[i] or lower[start] in _WINDOW_STOPS:
                break
            if lower[start] == "such" and start + 1 < len(lower) and lower[start + 1] == "as":
                break
            if lower[start] == "and" and start + 1 < len(lower) and lower[start + 1] in _NEXT_CLAUSE_VERBS:
                break  # "we propose a new model and report BLEU": what is reported is no new thing
            if lower[start] == "of" and lower[start - 1] in _DERIVED_FROM:
                break  # "a new version of the FooQA dataset": FooQA is the source, not the new thing
            if adjectival and lower[start] in _PARTICIPLE_ENDS:
                break
            if purpose_from is not None:
                # "We introduce, for the first time, FooNet", "a framework with two modules: FooEnc and FooDec"
                if not _SETS_OFF.intersection(texts_at[purpose_from:start]) and lower[start - 1] not in ("new", "novel"):
                    continue
                purpose_from = None
            if lower[start] in ("for", "with"):  # "a model for/with X": X is not the new thing, a name after a comma may be
                purpose_from = start
                continue
            text = texts[index]
            if _EDITION.match(text) and lead_words and lead_words[-1] == texts[index - 1] and lead_words[-1][:1].isupper():
                lead_words.pop()  # "we present Zorbix Phase-2": the edition of a coined name, named whole
                start = words[index - 1][0]
                text = v.text(start, end)
            elif (len(lead_words) == 1 and is_name_shaped(text) and words[index - 1][0] == i + 1
                  and lead_words[0] == texts[index - 1] and _TITLE_WORD.match(lead_words[0])
                  and lead_words[0].lower() not in _HEADLINE_WORDS and lead_words[0] not in NOT_NAMES
                  and "-" not in lead_words[0]):  # not "Flax-based T5X"
                lead_words.pop()  # "we introduce Neural PG-RANK": a capitalised word right after the verb opens the name
                start = words[index - 1][0]
                text = v.text(start, end)
            # "a method called Foo", "our proposed approach, Loki, ..."
            named = _one_word_name(text) and (lower[start - 1] in _NAMING or bare_naming or (
                texts_at[start - 1] == "," and start > 1 and lower[start - 2] in HEAD_TYPES) or (
                word == "resulting" and start == i + 2))
            # "we present Baichuan 2, a series of ...": a capitalised word and a version number, first after the verb
            versioned = (not lead_words and text.istitle() and text.isalpha() and index + 1 < len(words)
                         and _NUMBERED.match(texts[index + 1]) and words[index + 1][0] == end)
            # "we introduce Random Edge Traversal and ...": capitalised words right after the verb
            titled = (not lead_words and start == i + 1 and _TITLE_WORD.match(text) is not None
                      and text.lower() not in _HEADLINE_WORDS and index + 1 < len(words) and words[index + 1][0] == end
                      and _TITLE_WORD.match(texts[index + 1]) is not None)
            # "we propose Zorbo, a framework for ...": one capitalised word right after the verb, set off as a named thing
            appositive = (not lead_words and start == i + 1 and text.istitle() and text.isalpha()
                          and text.lower() not in _HEADLINE_WORDS and _appositive_type(v, end) is not None)
            named = named or versioned or titled or appositive
            if modified and not (named or texts_at[start - 1] == ","):
                if start in long_forms or is_name_shaped(text) or text in abbreviations:
                    break  # "a LLaMA adapter trained with DPO": DPO is not the new thing either
                lead_words.append(text)
                continue
            if text in NOT_NAMES or not (start in long_forms or is_name_shaped(text) or text in abbreviations or named):
                lead_words.append(text)
                continue
            if not named and any(lower[k] in _NAMING and sent[k] == sent[i] for k in range(end, min(window_end, len(lower)))):
                lead_words.append(text)  # "an end-to-end MoE training framework called EvoMoE": MoE describes it
                continue
            if start in long_forms:
                end = long_forms[start]
                if start in curated_long and (_head_after_pair(v, end) or _modifies_a_noun(v, _past_aside(v, end))):
                    break  # "we construct a supervised fine-tuning (SFT) dataset": the new thing is unnamed
            elif versioned:
                end = words[index + 1][1]
            elif named:
                end = _capitalised_run_end(v, index)
                inner_long = next((at for at in long_forms if start < at < end), None)
                # "named Adaptive Representation Adjustment and Parameter Fusion (RAPF)": the defined
                # part; but "we propose Blockwise Learning Rate (LR)" names the whole run, not LR
                if inner_long is not None and not (titled and long_forms[inner_long] == end):
                    start, end = inner_long, long_forms[inner_long]
            elif index + 1 < len(words) and _VERSION.match(texts[index + 1]) and words[index + 1][0] == end:
                end = words[index + 1][1]  # "DictaLM 2.0": the version is part of the name
            elif index + 1 < len(words) and _EDITION.match(texts[index + 1]) and words[index + 1][0] == end:
                end = words[index + 1][1]  # "Zorb-Bench Phase-2": a new edition, not the first one
            # a curated name or a term the abstract defined before ("AIL ... a novel AIL algorithm")
            background = (start, end) in curated or text in abbreviations and abbreviations[text]["long_span"][1] < i
            if word == "resulting" and (start, end) in curated:
                break  # "the resulting model, GPT-4, ...": a known model the authors reached, not theirs
            if (start, end) in curated and start > 1 and texts_at[start - 1] == "(" and lower[start - 2].endswith("s"):
                break  # "we present an analysis of six judge models (GPT-4o, ...)": known examples, not theirs
            if (start, end) in curated and "namely" in lower[i:start]:
                break  # "propose four new benchmarks for assessment, namely ImageNet-A, ObjectNet, ...": known sets put to a new use
            if background and not named and (gerund or _PART_OF.intersection(map(str.lower, lead_words))):
                # the object of "applying", "training", or a known name inside the new thing's
                # phrase ("an analysis of forgetting in Soft Actor-Critic (SAC)"): used, not new
                lead_words.append(text)
                continue
            if not named and background and _modifies_a_noun(v, end):
                lead_words.append(text)  # "a compact BERT model", "a warm-up SFT strategy": the new thing is the noun
                modified = True
                continue
            before_naming = lower[max(0, i - 6) : i] if word in _NAMING else ()
            new_thing = any(w.lower() in ("new", "novel") for w in lead_words)  # "a new dataset used in ..., named Foo"
            if not new_thing and any(w.lower() in _PRIOR_WORK for w in (*lead_words, *before_naming)) or any(
                    w in _OTHERS for w in before_naming):  # "which they dubbed Foo": someone else's name
                break  # "we propose to leverage a recently introduced method, named Foo": Foo is used
            lead_type = next((HEAD_TYPES[w.lower()] for w in reversed(lead_words) if w.lower() in HEAD_TYPES), None)
            naming_at = i if word in _NAMING else start - 1 if lower[start - 1] in _NAMING else None
            if bare_naming and i > 2 and lower[i - 2] == "which":
                naming_at = i - 2  # "our model family, which we name Zorb": the head before "which" types it
            if naming_at is not None and naming_at > 0 and texts_at[naming_at - 1] != "-":  # not "so-called"
                head_at = naming_at - 2 if lower[naming_at - 1] == "," and naming_at > 1 else naming_at - 1
                # "a training methodology called Foo", "a framework for ... a dataset, named Foo"
                lead_type = HEAD_TYPES.get(lower[head_at]) or lead_type
            entity_type = _appositive_type(v, end) or lead_type or (abbreviations.get(text) or {}).get("type") or (
                (_headed_in_title(doc, v, start, end) or "METHOD") if titled else None)
            out.append((start, end, entity_type))
            out += _coordinated(v, end, entity_type)  # "two techniques ConvexDA and RewardFusion"
            break
    return out + _referred_as(v) + _established(v)


_REFERRING = frozenset({"refer", "refers", "referred"})


_ING_NOUNS = frozenset("string strings thing things something nothing anything everything spring king ring wing".split())


def _gerund_after(v, verb: int) -> bool:
    """Whether a lower-case gerund follows the proposing verb at ``verb``: what it takes as
    object is used, not proposed ("we propose applying DPO to code").

    >>> import spacy
    >>> v = view(spacy.blank("en")("We propose applying DPO. We propose Training-Free Guidance. We propose a string."))
    >>> [_gerund_after(v, i) for i in (1, 6, 12)]
    [True, False, False]
    """
    if verb + 1 >= len(v.texts):
        return False
    word = v.texts[verb + 1]
    return word.islower() and word.isalpha() and word.endswith("ing") and len(word) > 4 and word not in _ING_NOUNS


def _referred_as(v) -> list[tuple[int, int, None]]:
    """A coined name the authors refer to something by: "we refer to the model after CPT as
    Zorb-3-SynE", "our method, referred to as ZorbNet, ...". The name must look coined.

    >>> import spacy
    >>> doc = spacy.blank("en")("We refer to the model as Zorb-3-SynE here. Our method, referred to as ZorbNet, works. "
    ...                         "It is often referred to as Attention.")
    >>> [doc[s:e].text for s, e, _ in _referred_as(view(doc))]
    ['Zorb-3-SynE', 'ZorbNet']
    """
    lower, sent = v.lower, v.sent_ids or [0] * len(v.lower)
    out = []
    for i in _cues(v, _REFERRING):
        if not any(lower[j] in _AUTHORS and sent[j] == sent[i] for j in range(max(0, i - 6), i)):
            continue  # "it is often referred to as ...": someone else's name
        as_at = next((j for j in range(i + 1, min(i + 12, len(lower))) if lower[j] == "as" and sent[j] == sent[i]), None)
        index = v.word_at(as_at + 1) if as_at is not None and as_at + 1 < len(lower) else None
        if index is not None and is_name_shaped(v.word_texts[index]) and v.word_texts[index] not in NOT_NAMES:
            out.append((*v.words[index], None))
    return out


_ESTABLISHING = frozenset({"establish"})


def _established(v) -> list[tuple[int, int, str | None]]:
    """A coined name right after "we establish": the authors set it up ("we establish ADR-Bench
    for ..."); "we establish FooNet as the state of the art" judges a name instead, and what
    follows "establishes" in "our work establishes new insights into DiTs" is no object named.

    >>> import spacy
    >>> doc = spacy.blank("en")("We establish ZRB-Bench for agents. We establish FooNet as a baseline. Results establish BarNet.")
    >>> [doc[s:e].text for s, e, _ in _established(view(doc))]
    ['ZRB-Bench']
    """
    lower = v.lower
    out = []
    for i in _cues(v, _ESTABLISHING):
        index = v.word_at(i + 1) if i > 0 and lower[i - 1] == "we" and i + 1 < len(lower) else None
        if index is None or not is_name_shaped(v.word_texts[index]) or v.word_texts[index] in NOT_NAMES:
            continue
        end = v.words[index][1]
        if end < len(lower) and lower[end] == "as":
            continue
        out.append((*v.words[index], _appositive_type(v, end)))  # "we establish IV-Edit, the first benchmark"
    return out


_ENUMERATOR = re.compile(r"^([2-9]|i{2,3}|iv|v|vi{1,3})$")


def _enumerated_names(v, verb: int, long_forms: dict[int, int]) -> list[tuple[int, int, str | None]]:
    """Coined names that open the second and later items of an enumeration after a proposing
    verb ("we introduce (1) a hard-negative dataset and (2) JaColBERT, a retrieval model", "we
    propose four modules: ... (4) Embedding Assistant (EA) bridges ..."): a coined word, or a
    long form the paper defines; the first item is read as any proposal is."""
    texts, sent = v.texts, v.sent_ids or [0] * len(v.texts)
    out = []
    for k in range(verb + 1, len(texts) - 3):
        if sent[k] != sent[verb]:
            break
        if texts[k] == "(" and _ENUMERATOR.match(texts[k + 1]) and texts[k + 2] == ")":
            index = v.word_at(k + 3)
            if k + 3 in long_forms and texts[k + 3][:1].isupper():
                out.append((k + 3, long_forms[k + 3], None))
            elif index is not None and is_name_shaped(v.word_texts[index]):
                end = v.words[index][1]
                out.append((k + 3, end, _appositive_type(v, end)))
    return out


def _second_appositive_names(v, verb: int) -> list[tuple[int, int, str | None]]:
    """Coined names that a proposing sentence adds after "and", each set off and described as the
    first one was ("We introduce FooBench, a benchmark for ..., and BarAgent, a modular framework
    for ..."): both are the paper's.  The first name is read as any proposal is; a later one
    must be name-shaped, follow ", and" and be described by an appositive with a head word.

    >>> import spacy
    >>> v = view(spacy.blank("en")("We introduce FooBench, a benchmark for agents in many long settings, and BarAgent, a modular framework."))
    >>> [(v.text(s, e), t) for s, e, t in _second_appositive_names(v, 1)]
    [('BarAgent', 'METHOD')]
    """
    texts, lower, sent = v.texts, v.lower, v.sent_ids or [0] * len(v.texts)
    if verb + 2 >= len(texts) or texts[verb + 2] != "," or not is_name_shaped(texts[verb + 1]):
        return []  # only after a first name set off by a comma
    out = []
    for k in range(verb + 3, len(texts) - 4):
        if sent[k] != sent[verb]:
            break
        if texts[k] == "," and lower[k + 1] in ("a", "an"):
            break  # "ZorbHop, a benchmark derived from HotpotQA, a QA dataset, and MuSiQue, ...": names inside a description
        if texts[k] == "," and lower[k + 1] == "and" and is_name_shaped(texts[k + 2]) and texts[k + 3] == ",":
            head = _appositive_type(v, k + 3)
            if head in ("METHOD", "MODEL", "DATASET"):
                out.append((k + 2, k + 3, head))
    return out


def _headed_in_title(doc, v, start: int, end: int) -> str | None:
    """The type a title's subtitle gives a name it holds before its colon ("Zorb Core and Zorb
    Edge: A Series of Multimodal Language Models" makes Zorb Core a model)."""
    title_end = _title_end(v)
    colon = next((i for i in range(title_end) if v.texts[i] == ":"), None)
    if colon is None or start < title_end:
        return None
    size = end - start
    if not any(v.lower[at:at + size] == v.lower[start:end] for at in range(colon - size + 1)):
        return None
    return subtitle_type(doc, colon)


def _modifies_a_noun(v, end: int) -> bool:
    """Whether the word after a name is a lower-case noun the name modifies ("BERT model")."""
    if end >= len(v.texts) or v.spaced[end - 1] is False:
        return False
    word = v.texts[end]
    return word.isalpha() and word.islower() and word not in _PHRASE_ENDS and not word.endswith(("ed", "ly"))


_COINING = {"call", "term", "dub", "called", "termed", "dubbed", "coined"}
_COINED_OBJECTS = {"this", "it", "them", "these", "the", "as", "a", "an"}
_COINAGE_ENDS = _STOP_PREPOSITIONS | {"which", "is", "are", "was", "where", "because"}
_AUTHORS = {"we", "our"}  # "which they dubbed X": someone else named it


_INTRODUCING = {"propose", "introduce", "present", "develop", "proposes", "introduces", "presents", "develops"}
_NOT_COINED = {"a", "an", "the", "our", "this", "these", "two", "three", "new", "novel", "several", "some", "here", "it", "them"}


def lower_case_appositive_names(v) -> list[tuple[int, int, str | None]]:
    """Lower-case names a paper introduces with an appositive that says what they are: "we
    introduce weight selection, a method for ...", "we propose prototype calibration, a simple
    scheme". Up to four words right after the verb (no article), then ", a/an" and a head
    word within five words; the head types the name, and a name with no known head word is a
    METHOD ("we present tracepatch, a lightweight scaffold"), and so is one said to be a model
    ("we propose tethered flow matching, a generative model"): a lower-case name is a technique. A technique word after the verb
    can also be followed by ", which" ("we introduce lookahead eviction, which drafts ...").

    >>> import spacy
    >>> doc = spacy.blank("en")("We introduce weight selection, a method for init. We propose the loss, a new objective. "
    ...                         "We present experiments, which show gains. We propose prototype calibration, a simple scheme. "
    ...                         "We present x1, a modular scaffold. We propose motion-aware masking, which samples masks. "
    ...                         "We propose tethered flow matching, a generative model.")
    >>> [(doc[s:e].text, t) for s, e, t in lower_case_appositive_names(view(doc))]  # doctest: +NORMALIZE_WHITESPACE
    [('weight selection', 'METHOD'), ('prototype calibration', 'METHOD'), ('x1', 'METHOD'), ('motion-aware masking', 'METHOD'),
     ('tethered flow matching', 'METHOD')]
    """
    lower, texts, n = v.lower, v.texts, len(v.texts)
    out = []
    for i in _cues(v, _INTRODUCING):
        if not any(word in _AUTHORS or word in _SUBJECTS for word in lower[max(0, i - 3):i]):
            continue
        end, words = _lower_case_run(v, i + 1, _COINAGE_ENDS)
        if end == i + 1 or words > 4 or lower[i + 1] in _NOT_COINED or end + 1 >= n or texts[end] != ",":
            continue
        if lower[end + 1] == "which" and lower[end - 1].endswith(_TECHNIQUE_ENDINGS):
            out.append((i + 1, end, "METHOD"))  # "we introduce lookahead eviction, which drafts ..."
            continue
        if lower[end + 1] not in ("a", "an"):
            continue
        head = next((HEAD_TYPES[lower[j]] for j in range(end + 2, min(end + 7, n)) if lower[j] in HEAD_TYPES), "METHOD")
        if head != "TASK":  # "we propose zorb, a new model": a lower-case name is a technique, not a checkpoint
            out.append((i + 1, end, "METHOD" if head == "MODEL" else head))
    return out


def lower_case_techniques(v) -> list[tuple[int, int, str | None]]:
    """Lower-case techniques the authors add, named right after their verb with no article and
    ending like a technique ("we introduce multi-block decoding with rejection recycling", "we
    add segment optical caching, splitting ...", "we design turn-level rewards based on ..."):
    two to four words, the last a technique word, then a comma, colon, full stop, "with", "and",
    "to", "that", "which" or "based".

    >>> import spacy
    >>> doc = spacy.blank("en")("We introduce multi-block decoding with rejection recycling. We add segment optical caching, "
    ...                         "then stop. We introduce the loss. We propose experiments that show gains. We design "
    ...                         "turn-level rewards based on gain. We propose prototype-calibrated prompting, dubbed PCP.")
    >>> [doc[s:e].text for s, e, _ in lower_case_techniques(view(doc))]
    ['multi-block decoding', 'segment optical caching', 'turn-level rewards']
    """
    lower, texts, n = v.lower, v.texts, len(v.texts)
    out = []
    for i in _cues(v, _ADDING):
        if not any(word in _AUTHORS for word in lower[max(0, i - 3):i]):
            continue
        end, words = _lower_case_run(v, i + 1, _COINAGE_ENDS | _AFTER_A_TECHNIQUE)
        if words < 2 or words > 4 or lower[i + 1] in _NOT_COINED or end + 1 >= n:
            continue
        if texts[end] == "," and lower[end + 1] in _NAMING:
            continue  # "we propose prototype-calibrated prompting, dubbed PCP": the naming rules pair the two
        if lower[end] in _AFTER_A_TECHNIQUE and lower[end - 1].endswith(_TECHNIQUE_WORD_ENDINGS):
            out.append((i + 1, end, "METHOD"))
    return out


_ADDING = {"introduce", "propose", "design", "add", "develop", "devise", "introduces", "proposes", "designs", "adds"}
_AFTER_A_TECHNIQUE = {",", ":", ".", "with", "and", "to", "that", "which", "based"}
# a technique's last word: "decoding", "caching", "regularization", "alignment", "rewards"
_TECHNIQUE_WORD_ENDINGS = ("ion", "ing", "ment", "ance", "ence", "reward", "rewards", "objective", "loss")


def _lower_case_run(v, start: int, stops) -> tuple[int, int]:
    """The end of the lower-case words from ``start`` (hyphenated ones counting once), stopping at a
    word in ``stops`` or after a fifth word, and how many words it holds."""
    lower, texts, n = v.lower, v.texts, len(v.texts)
    end, words = start, 0
    while end < n and words <= 4 and (_lower_case_word(texts[end]) or (
            texts[end] == "-" and not v.spaced[end - 1] and not v.spaced[end])) and lower[end] not in stops:
        words += _opens_word(v, end)
        end += 1
    return end, words


def _opens_word(v, token: int) -> bool:
    """Whether ``token`` starts a written word: a hyphen and the part after it belong to the word
    before ("motion-aware", "self-training" are one word each when a name's words are counted)."""
    return v.texts[token] != "-" and (v.texts[token - 1] != "-" or v.spaced[token - 1])


# the last word of a technique named in lower case: "lookahead eviction", "motion-aware masking"
_TECHNIQUE_ENDINGS = ("ion", "ing", "ment", "ance", "ence")


def _lower_case_word(text: str) -> bool:
    """A word of a lower-case name: letters, maybe digits ("x1"), no capital."""
    return text.isalnum() and text[:1].isalpha() and text.islower()


def lower_case_coinages(v) -> list[tuple[int, int, str | None]]:
    """Lower-case terms a paper coins: "we call this implicit instruction tuning", "(termed as
    learngene)", "which we call anchors". Up to four words, ending at punctuation or a
    preposition; a capitalised or coined name is left to :func:`proposal_names`. The type is
    the head right before the verb, if any ("a measure called average path length").

    Authors must do the naming: "we"/"our" or a proposing verb shortly before the verb ("we
    introduce a measure called ..."), or a bracket or comma introducing it. "This phenomenon is called catastrophic forgetting" and "we use the term
    hallucination" describe established terms.

    >>> import spacy
    >>> doc = spacy.blank("en")("We call this implicit instruction tuning. A so-called cold start (termed as learngene). "
    ...                         "We term such module as learngene. A vector, termed \\"concept vectors\\". "
    ...                         "This is often called catastrophic forgetting. We use the term hallucination. "
    ...                         'We call the results "zorb soups."')
    >>> [doc[s:e].text for s, e, _ in lower_case_coinages(view(doc))]
    ['implicit instruction tuning', 'learngene', 'learngene', 'concept vectors', 'zorb soups']
    """
    lower, texts, n = v.lower, v.texts, len(v.texts)
    out = []
    for i in _cues(v, _COINING):
        before = lower[max(0, i - 6) : i]
        by_authors = any(word in _AUTHORS or word in PROPOSAL_VERBS for word in before) or (i > 0 and texts[i - 1] in (",", "("))
        if not by_authors or (i > 0 and lower[i - 1] in ("the", *_IN_USE)) or (i > 0 and texts[i - 1] == "-"):
            continue  # "often called", "the term X", "so-called"
        if lower[i] in _BARE_NAMING and i > 0 and lower[i - 1] not in _BEFORE_A_NAMING_VERB and not lower[i - 1].endswith("ly"):
            continue  # "we find that call decisions correlate": "call" is a noun there
        at = i + 1
        as_at = next((j for j in range(at, min(at + 4, n)) if lower[j] == "as"), None)
        if as_at is not None and all(texts[j].isalpha() for j in range(at, as_at)):
            at = as_at  # "we term such module as learngene"
        quote_at = next((j for j in range(at, min(at + 4, n)) if v.quote[j]), None)
        if quote_at is not None and all(texts[j].isalpha() for j in range(at, quote_at)):
            at = quote_at  # "we call the results "model soups"": the quoted words are the name
        quoted = False
        while at < n and (lower[at] in _COINED_OBJECTS or v.quote[at]):
            quoted = quoted or v.quote[at]
            at += 1
        end, words = at, 0
        while end < n and words < 4 and (texts[end].isalpha() and texts[end].islower() or (
                texts[end] == "-" and end > at and not v.spaced[end - 1])):
            if lower[end] in _COINAGE_ENDS:
                break
            words += _opens_word(v, end)
            end += 1
        while end > at and texts[end - 1] == "-":
            end -= 1
        closes = end >= n or lower[end] in _COINAGE_ENDS or (
            (v.quote[end] or v.is_punct[end] and end + 1 < n and v.quote[end + 1]) if quoted  # "...soups."
            else v.is_punct[end] and not v.quote[end])
        if end > at and not v.is_punct[at] and closes:
            out.append((at, end, HEAD_TYPES.get(lower[i - 1]) if i > 0 else None))
    return out


def _coordinated(v, end: int, entity_type: str | None) -> list[tuple[int, int, str | None]]:
    """Coined names joined to a proposed one by "and" or a comma, right after it."""
    texts, out = v.texts, []
    at = end
    while at + 1 < len(texts) and texts[at] in (",", "and") and v.words:
        nxt = at + 1 + (texts[at] == "," and at + 2 < len(texts) and texts[at + 1] == "and")
        index = v.word_at(nxt)
        if index is None or not is_name_shaped(v.word_texts[index]) or v.word_texts[index] in NOT_NAMES:
            break
        out.append((nxt, v.words[index][1], entity_type))
        at = v.words[index][1]
    return out


def _capitalised_run_end(v, index: int) -> int:
    """End token of "Learngene Pool" in "called Learngene Pool.": capitalised words in a row."""
    end = v.words[index][1]
    for start, stop in v.words[index + 1:]:
        if start != end or not v.texts[start][:1].isupper():
            break
        end = stop
    return end


# Nimbus-1.5B, Foo-7B, Foo-8B-DPO, Foo-410M; not a count under 50M, which names data far more often than
# parameters (WildChat-1M, YFCC-15M, SA-Med2D-20M against Pythia-70M, OPT-125M)
_SIZED_NAME = re.compile(r"[A-Za-z].*[-_ ](?:\d+(?:\.\d+)?B|(?:[5-9]\d|[1-9]\d{2,})(?:\.\d+)?M)(?:-[A-Za-z][A-Za-z0-9.]*)*$")
# a size word glued on: "LED-large", "EDM2-XXL", "Moirai-1.1-Large" (a letter alone, "ROUGE-L", may be anything)
_SIZE_WORD_NAME = re.compile(r"[A-Za-z].*[-_](?:[Tt]iny|[Ss]mall|[Bb]ase|[Ll]arge|[Mm]edium|[Hh]uge|[Gg]iant|XL|XXL)$")
_SIZE_AFTER = re.compile(r"[- ]?\d+(?:\.\d+)?[BM]\b")
_TRAINED_AFTER = re.compile(
    r"\W{1,3}(?:\w+\W+){0,3}?(?:is|are|was|were)\s+(?:\w+\s+)?(?:pre-?trained|trained|fine-?tuned|finetuned)\b", re.I
)
# "checkpoints" as a noun: "a framework that checkpoints the browser state" releases nothing
_RELEASE_CUES = re.compile(r"\b(?:(?<!that )(?<!which )(?<!\bto )checkpoints?|Hugging ?Face|model weights|open[- ]weights?)\b", re.I)
_MODEL_SUFFIXES = ("GPT", "LM", "LLM", "BERT", "Coder", "Encoder", "Thinker", "Whisper", "DiT", "DETR", "ViT", "LLaMA", "Llama")
# model families whose names people extend on either side (mBERTu, AraGPT2, BigBiGAN)
_MODEL_STEMS = re.compile(r"BERT|Bert(?![a-z])|GPT|LLaMA|Llama|GAN(?![a-z])")


def model_shaped(name: str) -> bool:
    """A name built on a model family or carrying a size: "FooLM", "mBERTu", "Nimbus-1.5B".

    >>> model_shaped("FooLM"), model_shaped("mBERTu"), model_shaped("Nimbus-1.5B"), model_shaped("Nimbus-1.5")
    (True, True, True, False)
    >>> model_shaped("ReprogBert"), model_shaped("Bertha"), model_shaped("Nimbus-8B-DPO"), model_shaped("Nimbus-8-DPO")
    (True, False, True, False)
    >>> model_shaped("Sub-4B"), model_shaped("under-1B"), model_shaped("LED-large"), model_shaped("ROUGE-L")
    (False, False, True, False)
    >>> model_shaped("Nimbus-410M"), model_shaped("Nimbus-70M"), model_shaped("SeedBloom-1M"), model_shaped("Nimbus-20M")
    (True, True, False, False)
    """
    if SIZE_BOUND.match(name):
        return False  # "Sub-4B": a bound on a size
    return name.endswith(_MODEL_SUFFIXES) or bool(_MODEL_STEMS.search(name) or _SIZED_NAME.search(name)) \
        or _sized_by_word(name)


def _sized_by_word(name: str) -> bool:
    """"LED-large", "K2-Base", "Moirai-1.1-Large": a stem of two or more letters or digits with a
    size word glued on; "X-Large", "XX-Large", "H-Huge" are sizes themselves.

    >>> _sized_by_word("LED-large"), _sized_by_word("K2-Base"), _sized_by_word("XX-Large"), _sized_by_word("ROUGE-L")
    (True, True, False, False)
    """
    if not _SIZE_WORD_NAME.match(name):
        return False
    parts = re.split(r"[-_]", name)
    stem = name[: len(name) - len(parts[-1]) - 1]
    return sum(c.isalnum() for c in stem) >= 2 and parts[-2].lower() not in _SIZE_STEMS


_SIZE_STEMS = frozenset({"x", "xx", "xxx", "extra", "l", "h", "s", "m", "b", "super", "ultra"})


def looks_like_a_model(name: str, sentences: list[str]) -> bool:
    """Cues that a coined name is a trained model rather than a method: a parameter size
    after it, "NAME is (pre-)trained", checkpoints or weights in the same sentence, or a
    model-family suffix.

    >>> looks_like_a_model("FooLM", []), looks_like_a_model("mBERTu", []), looks_like_a_model("Organic", [])
    (True, True, False)
    >>> looks_like_a_model("Nimbus-1.5B", []), looks_like_a_model("Nimbus-1.5", [])
    (True, False)
    >>> looks_like_a_model("Foo", ["We release Foo-7B and Foo-70B."]), looks_like_a_model("Foo", ["Foo is pre-trained on code."])
    (True, True)
    >>> looks_like_a_model("Foo", ["Foo checkpoints are on Hugging Face."]), looks_like_a_model("Foo", ["Foo trains a model."])
    (True, False)
    """
    return model_shaped(name) or model_cues(name, sentences)


def model_cues(name: str, sentences: list[str]) -> bool:
    """The sentence cues of :func:`looks_like_a_model`, without the name's shape: strong enough
    to overrule a method head ("FooEncoder, a modular encoder with 1B parameters, is trained ...").

    >>> model_cues("FooLM", []), model_cues("Foo", ["Foo is trained on code."])
    (False, True)
    """
    for sentence in sentences:
        # a link is a cue by what it points at, not by its host: a dataset page is no model
        sentence = URL.sub(lambda link: link.group() if link_type(link.group()) == "MODEL" else "", sentence)
        if _RELEASE_CUES.search(sentence):
            return True
        at = sentence.find(name)
        while at >= 0:
            after = at + len(name)
            if _SIZE_AFTER.match(sentence, after) or _TRAINED_AFTER.match(sentence, after):
                return True
            at = sentence.find(name, after)
    return False


def sentences_with(v, name: str) -> list[str]:
    return [text for text in v.sentence_texts() if name in text]


def model_or(v, name: str, otherwise: str | None) -> str | None:
    """MODEL when the doc gives ``name`` model cues (:func:`looks_like_a_model`), else ``otherwise``.
    A written version does not hide the shape: "DictaLM 2.0" is built on "LM"."""
    base = _VERSION_TAIL.sub("", name)
    return "MODEL" if looks_like_a_model(name, sentences_with(v, name)) or model_shaped(base) or extends_a_model(name) else otherwise


def extends_a_model(name: str) -> bool:
    """A coined name built on a known model's name: "DETR-Lite", "RT-2-Lite", "Mask2Former++".

    >>> extends_a_model("DETR-Lite"), extends_a_model("Mask2Former++"), extends_a_model("ZorbNet"), extends_a_model("GPT4All")
    (True, True, False, False)
    """
    return bool(curated_base(name))


_OTHERS = {"they", "authors"}
_COMPARED = {"baseline", "baselines"}  # "our FooLM baselines" are what the new thing is compared with


def _owned_names(doc, v) -> set[str]:
    """Keys of coined names the authors call theirs: "our FooLM", "our instruction-tuned FooLM models".
    A curated name is not coined by the paper ("our MoE variants") unless it is a dataset the
    authors call their dataset ("our RefinedWeb dataset": the paper that releases it)."""
    curated = {word_key(v.text(c["start"], c["end"])): c["type"] for c in candidates.candidates(doc) if c["rule"] == "gazetteer"}
    curated.update((word_key(short), None) for short, info in candidates.abbreviations(doc).items() if info["canonical"])
    out = set()
    for index in where(map("our".__eq__, v.word_lower)):
        for step in (1, 2):
            at = index + step
            if at >= len(v.words):
                break
            text = v.word_texts[at]
            if is_name_shaped(text) and text not in NOT_NAMES:
                following = v.word_lower[at + 1] if at + 1 < len(v.words) else ""
                key = word_key(text)
                own_dataset = curated.get(key) == "DATASET" and HEAD_TYPES.get(following) == "DATASET" and _phrase_ends(v, v.words[at + 1][1])
                if (key not in curated or own_dataset) and following not in _COMPARED:
                    out.add(key)
                break
            if not (text.islower() and text.isascii()) or v.word_lower[at] in _STOP_PREPOSITIONS:
                break  # one describing word may come between: "our pretrained FooLM"
    return out


def _our_head_names(v) -> list[tuple[int, int, str]]:
    """(start, end, type) of a coined name set off after "our HEAD," or "our HEAD is/are", with
    no proposing verb: "we compare A, B and our method, LayerFold, which ..." names the paper's
    method, and so does "our two key methods are USI and T-RANK" each of its two.

    >>> import spacy
    >>> doc = spacy.blank("en")("We compare SliceGPT and our method, LayerFold, which merges layers. Our model, the best, wins. "
    ...                         "Our two key methods are USI (Universal Self-Improvement) and T-RANK, which win. "
    ...                         "The data we used to train our models is BarSet.")
    >>> [(doc[s:e].text, t) for s, e, t in _our_head_names(view(doc))]
    [('LayerFold', 'METHOD'), ('USI', 'METHOD'), ('T-RANK', 'METHOD')]
    """
    lower, texts, n = v.lower, v.texts, len(v.texts)
    out = []
    for i in where(map("our".__eq__, lower)):
        head = i + 1
        for _ in range(2):  # up to two describing words: "our proposed method, X", "our two key methods are X"
            if head < n and lower[head].isalpha() and lower[head] not in HEAD_TYPES and head + 1 < n:
                head += 1
        if head + 2 >= n or HEAD_TYPES.get(lower[head]) not in ("MODEL", "DATASET", "METHOD"):
            continue
        # "Our method is X" opens its clause; in "the data we used to train our models is X" the data is
        opens = i == 0 or (v.sent_ids and v.sent_ids[i - 1] != v.sent_ids[i]) or texts[i - 1] in (",", ";", ":", ".", "!", "?")
        copula = lower[head + 1] in ("is", "are") and opens
        if texts[head + 1] != "," and not copula:
            continue
        at = head + 2
        while at < n:
            word = v.word_at(at)
            if word is None or not is_name_shaped(v.word_texts[word]) or v.word_texts[word] in NOT_NAMES:
                break
            start, end = v.words[word]
            if not (end >= n or texts[end] in (",", "(", ")", ";", ".") or copula and lower[end] == "and"):
                break
            out.append((start, end, HEAD_TYPES[lower[head]]))
            if not copula:
                break
            # "are A (spelled out) and B": the next name after a bracket and "and"
            at = end
            if at < n and texts[at] == "(":
                at = next((k for k in range(at, min(n, at + 12)) if texts[k] == ")"), n) + 1
            if at + 1 < n and lower[at] == "and":
                at += 1
            else:
                break
    return out


_PASSIVE_INTRODUCED = frozenset({"introduced", "proposed", "developed"})
_SIZE = re.compile(r"^(\d+(\.\d+)?[BMK]|[TSBLHG]|XL|XXL|Base|Large|Small|Tiny|Huge)$")
_COINING_VERBS = frozenset({"propose", "proposes", "introduce", "introduces", "present", "presents", "develop", "develops"})
_PART_VERBS = frozenset({"involves", "involve", "comprises", "comprise", "consists", "consist", "incorporates",
                         "incorporate", "features", "contains", "contain"})


def _owned_pairs(v, abbreviations: dict) -> set[str]:
    """Keys of defined pairs the authors call theirs: spelled out after "our" ("our
    Retrieval-Enhanced Transformer (RETRO)", curated or not), a new term in a sentence where
    our approach is made of it ("Our approach involves low-value-prioritized sampling (LVPS)"),
    and a new short form coined "for short" in a sentence that proposes ("we propose a method
    based on Leave-One-Out K-Nearest-Neighbor, or LOOK for short"), and a new term the
    title opens with ("Contrastive Segment Tuning for ...": the paper is about its own thing)."""
    lower = v.lower
    title_head = () if is_survey(list(lower[:_title_end(v)])) else _title_head(v)
    out = set()
    for short, info in abbreviations.items():
        start, end = info["long_span"]
        same_sentence = _words_before(v, start, 12)
        owned = start > 0 and lower[start - 1] == "our"
        # "Our method, Privileged Curriculum Distillation (PCD), ...": named in apposition to our thing
        owned = owned or (start > 2 and lower[start - 1] == "," and lower[start - 2] in HEAD_TYPES
                          and lower[start - 3] == "our" and not info["canonical"])
        if not owned and not info["canonical"]:
            # "trains the MoE with a novel Dense-to-Sparse gate (DTS-Gate)": a new thing the paper brings
            owned = start > 1 and lower[start - 1] in ("novel", "new") and lower[start - 2] in ("a", "an")
            owned = owned or ("our" in same_sentence or "we" in same_sentence) and any(w in _PART_VERBS for w in same_sentence)
            owned = owned or (_coined_for_short(v, end) and any(w in _COINING_VERBS for w in same_sentence)
                              and "we" in same_sentence)
            owned = owned or (_proposed_in_passive(v, end) and not any(w in _PRIOR_WORK for w in same_sentence))
            owned = owned or _enumerated_proposal(v, start)
            owned = owned or (start > 0 and lower[start:end] == title_head  # not a task the title studies
                              and (info["type"] or defined_term_type(short, info["long"])) not in ("TASK", "METRIC")
                              and not _described_as_prior_work(v, start))
        if owned:
            out.update((word_key(short), word_key(info["long"])))
    return out


# words after which a title has named what it is about ("X for Y", "X: ..."); in "X via Y" or
# "X with Y" the new thing is Y, done to or for a known X ("Adversarial Imitation Learning via Boosting")
_TITLE_HEAD_ENDS = frozenset({"for", "of", "in", "on", "at", "to", ":", "(", "?", "!", "."})


def _title_head(v) -> tuple[str, ...]:
    """The lower-case words a title opens with when they are what it is about: the whole title,
    or the words before its colon or a preposition such as "for" ("Contrastive Segment Tuning
    for Domain Adaptation"); nothing for a title that goes on "via"/"with" a technique.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> [_title_head(view(nlp(title + "\\nWe adapt."))) for title in ("Contrastive Segment Tuning for Domain Adaptation",
    ...     "Adversarial Imitation Learning via Boosting")]
    [('contrastive', 'segment', 'tuning'), ()]
    """
    head = []
    for i in range(_title_end(v)):
        word = v.lower[i]
        if not word.strip():
            break
        if word in _STOP_PREPOSITIONS or (v.is_punct[i] and word != "-"):
            return tuple(head) if word in _TITLE_HEAD_ENDS else ()
        head.append(word)
    return tuple(head)


# words that place a defined term in earlier work ("a widely used operator", "a classical technique")
# ("prior" and "standard" are left out: "a diffusion prior", "standard benchmarks")
_EARLIER = frozenset({"recently", "previously", "existing", "popular", "well-known", "established", "classic",
                      "classical", "conventional", "off-the-shelf", "widely", "traditional"})
_CITED_YEAR = re.compile(r"^(19|20)\d\d[a-z]?$")


def _described_as_prior_work(v, start: int) -> bool:
    """Whether the sentence defining a term at ``start`` places it in earlier work: a word such as
    "classical" or "widely", a citation ("et al.", "(2019)"), or "was/were introduced/proposed".

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> v = view(nlp("T\\nZorb Net (ZN) was introduced by Smith et al. (2019). Quux Net (QN) adapts."))
    >>> _described_as_prior_work(v, 2), _described_as_prior_work(v, 18)
    (True, False)
    """
    first, last = v.sentence_bounds(v.sent_ids[start]) if v.sent_ids else (0, len(v.lower))
    words = v.lower[first:last]
    if any(word in _EARLIER or _CITED_YEAR.match(word) for word in words):
        return True
    pairs = set(zip(words, words[1:]))
    return ("et", "al") in pairs or ("et", "al.") in pairs or any(
        (tense, verb) in pairs for tense in ("was", "were") for verb in ("introduced", "proposed"))


def _enumerated_proposal(v, start: int) -> bool:
    """"we propose two modules: (1) Cross Selective Fusion (CSF) ...; (2) Patch Embedding
    Alignment (PEA) ...": a pair that opens an enumerated item of a sentence where we propose."""
    texts = v.texts
    if start < 3 or texts[start - 1] != ")" or texts[start - 3] != "(" or not _ENUMERATOR.match(texts[start - 2]):
        return False
    before = _words_before(v, start - 3, 80)
    return "we" in before and any(word in PROPOSAL_VERBS for word in before)


_PRESENT_PASSIVE = {"is", "are"}


def _proposed_in_passive(v, long_end: int) -> bool:
    """"a multi-perspective course learning (MCL) method is proposed": a new pair, its short
    form and a head word or two, then "is/are proposed" (present tense: this paper's act,
    unless the sentence says "recently")."""
    lower, n = v.lower, len(v.lower)
    at = long_end
    if at + 2 < n and lower[at] == "(":
        at = next((j + 1 for j in range(at, min(at + 6, n)) if lower[j] == ")"), at)
    for j in range(at, min(at + 3, n - 1)):
        if lower[j] in _PRESENT_PASSIVE:
            return lower[j + 1] in _PASSIVE_INTRODUCED
    return False


_CODE_HOSTS = ("github.com/", "gitlab.com/", "huggingface.co/")
_CODE_REPOSITORY = re.compile(r"(?:github\.com|gitlab\.com|huggingface\.co)/[\w.-]+/([\w.-]+?)(?:\.git)?[.,;)]*$", re.I)
_BUILT_ON = {"based", "build", "builds", "building", "built", "using", "uses", "use", "from", "adapted", "extends", "extending", "fork"}


def _released_code_names(doc, v) -> set[str]:
    """Keys of names the paper's own code repository is named after ("temperature prediction
    network (TempNet) ... code at github.com/zhqiu/TempNet"): whoever releases the code under
    the name made the thing. Not a curated name (a repository named "dropout" studies dropout),
    nor a repository the sentence builds on ("based on github.com/...").

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> doc = nlp("Title\\nCode: https://github.com/zorb/ZorbNet. We build on https://github.com/x/QuuxNet.")
    >>> sorted(_released_code_names(doc, view(doc)))
    ['zorbnet']
    """
    out = set()
    if not _has_code_host(v.source):
        return out  # one search of the text; most abstracts link no code
    for index in where(map(_has_code_host, v.word_lower)):
        match = _CODE_REPOSITORY.search(v.word_texts[index])
        if not match or any(word in _BUILT_ON for word in _words_before(v, v.words[index][0], 8)):
            continue
        out.add(word_key(match.group(1)))
    if out:  # a curated name keeps its role: the repository only shows what the paper studies
        out -= {word_key(v.text(c["start"], c["end"])) for c in candidates.candidates(doc) if c["rule"] == "gazetteer"}
    return out


def _has_code_host(text: str) -> bool:
    return any(host in text for host in _CODE_HOSTS)


def _introduced_curated_names(doc, v) -> set[str]:
    """Keys of curated names the paper itself introduces: a title that is nothing but the name
    ("Memorizing Transformers": the paper that named it), or a name right after a naming word
    in a sentence where we propose ("we propose a pre-training task called replaced token
    detection")."""
    lower = v.lower
    title_end = _title_end(v)
    while title_end > 0 and (v.is_punct[title_end - 1] or not v.texts[title_end - 1].strip()):
        title_end -= 1
    out = set()
    for c in candidates.candidates(doc):
        if c["rule"] != "gazetteer" or c["type"] not in ("MODEL", "METHOD", "DATASET"):
            continue
        start, end = c["start"], c["end"]
        whole_title = start == 0 and end == title_end and (end - start > 1 or is_name_shaped(v.texts[start]))  # not "Adapters"
        named = start > 0 and lower[start - 1] in _NAMING and not (start > 2 and lower[start - 2] == "-")
        if named:  # not "a recently introduced method, named SAM" (someone else's), nor the start of a longer name
            before = _words_before(v, start - 1, 14)
            named = ("we" in before and any(w in _COINING_VERBS for w in before)
                     and not any(w in _PRIOR_WORK or w in _PASSIVE_INTRODUCED for w in before) and _phrase_ends(v, end))
        if whole_title or named:
            out.update(word_key(form) for form in (v.text(start, end), c["canonical"]) if form)
    return out


def _words_before(v, start: int, count: int) -> list[str]:
    """The lower-case words of the ``count`` tokens before ``start`` that share its sentence."""
    sent = v.sent_ids
    first = max(0, start - count)
    if not sent:
        return list(v.lower[first:start])
    return [word for j, word in zip(range(first, start), v.lower[first:start]) if sent[j] == sent[start]]


def _coined_for_short(v, long_end: int) -> bool:
    """", or NAME for short" right after a long form."""
    return tuple(v.lower[long_end:long_end + 2]) == (",", "or") and "short" in v.lower[long_end + 3:long_end + 6]


def _phrase_ends(v, token: int) -> bool:
    """Whether the noun phrase ends before ``token``: at punctuation, a preposition or the end."""
    after = v.lower[token] if token < len(v.texts) else ""
    return not after[:1].isalnum() or after in _STOP_PREPOSITIONS


def _nearby_head_type(v, start: int, end: int) -> str | None:
    """The type a head word gives a name: right after it ("3DSeg-8 dataset"), else the nearest
    within six words before it in its sentence ("two Zorbformer models (named Zorbformer8L").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [_nearby_head_type(view(nlp(text)), at, at + 1) for text, at in (("We build 3DSeg-8 dataset.", 2),
    ...     ("Two Zorb models (named Zorb8L).", 5), ("We propose MaskMix, which mixes.", 2))]
    ['DATASET', 'MODEL', None]
    """
    useful = ("MODEL", "DATASET", "METHOD", "METRIC")
    if end < len(v.lower) and HEAD_TYPES.get(v.lower[end]) in useful:
        return HEAD_TYPES[v.lower[end]]
    first = v.sent_starts[v.sent_ids[start]] if v.sent_ids else 0
    for i in range(start - 1, max(first, start - 7) - 1, -1):
        if HEAD_TYPES.get(v.lower[i]) in useful:
            return HEAD_TYPES[v.lower[i]]
    return None


_PARAMETER_SIZE = re.compile(r"(?:^|[-_ ])\d+(?:\.\d+)?[BMK](?:$|[-_ ])", re.IGNORECASE)
_SIZE_COMPOUND = re.compile(r"^\d+(?:\.\d+)?[BMKT]?-", re.IGNORECASE)  # "7B-parameter"


def _coined_shape(text: str) -> bool:
    """Whether a proposed span with no type read is a coined name worth a node of its own: name-shaped,
    three characters or more, no quote or full stop glued on, not a size compound.

    >>> [_coined_shape(t) for t in ("MaskMix", "3DSeg-8", "7B-parameter", "``Weight", "PI", "dataset.Extensive")]
    [True, True, False, False, False, False]
    """
    return (len(text) >= 3 and text[:1].isalnum() and "." not in text and text not in NOT_NAMES
            and is_name_shaped(text) and not _SIZE_COMPOUND.match(text))


def _type_untyped(doc, v, found: dict, untyped_spans: dict[str, tuple[int, int]], abbreviations: dict) -> None:
    """Type the coined names the authors propose that nothing typed yet ("we propose MaskMix, which
    ..."): still their new thing, so typed by its shape ("A2F-Bench", "FooQA": data), by a head word
    near it ("to build 3DSeg-8 dataset"), as
    another rule reads it, else as a technique, like an untyped title name, rather than left out.
    Three stay untyped: a curated name ("we also introduce the MSE"), a sized name
    ("Zorkhon-7B-Chat", read with the paper's own sizes), and a short form the paper spells out
    as no technique ("layer 5 pyramidal cells (L5PCs)")."""
    spelled_out = {word_key(short) for short, info in abbreviations.items()
                   if not info["type"] and not defined_term_type(short, info["long"])}
    untyped = {key: span for key, span in untyped_spans.items() if found.get(key) is None and key not in spelled_out
               and not _curated(doc, span) and not _PARAMETER_SIZE.search(v.text(*span))}
    if not untyped:
        return
    typed_elsewhere = {word_key(v.text(c["start"], c["end"])): c["type"] for c in candidates.candidates(doc)
                       if c["type"] in ("MODEL", "DATASET", "METHOD", "METRIC")}
    for key, (start, end) in untyped.items():
        text = v.text(start, end)
        found[key] = (("DATASET" if _BENCHMARK_SHAPED.search(text) else None) or _nearby_head_type(v, start, end)
                      or typed_elsewhere.get(key) or model_or(v, text, "METHOD"))


_BENCHMARK_SHAPED = re.compile(r"(?:[Bb]ench|QA)$")  # "we assemble A2F-Bench, comprising ...", "FooQA"
# endings that name data, unless the paper describes the name otherwise ("RocketQA: An Optimized
# Training Approach ..."): on the dev splits 250 of 258 such names are labelled datasets, and all 34
# that end in Challenge or Leaderboard ("Wiki Live Challenge", "Open ASR Leaderboard")
_NAMED_DATA = re.compile(r"[a-z0-9-](?:Arena|Eval|QA|Gym|Data|Corpus)(?=$|[\s\-\d])|\w[\s-]?(?:Challenge|Leaderboard)$")
# a name that says it is a benchmark ("FooBench", "CAR-bench", "CODA-BENCH", "SWE-Bench++", "VL-LN Bench",
# "VenusBench-Mobile", "Benchmark^2"); not a "Workbench"
_NAMED_BENCHMARK = re.compile(r"(?:^|[A-Za-z0-9\-\s])(?<![Ww]ork)(?<![Tt]est)(?:bench|Bench|BENCH)(?:mark)?(?=$|[\s\-+^\d])")
# what a description calls a technique, whatever its name ends in ("ChipBench, a reinforcement learning method")
_TECHNIQUE_HEADS = frozenset({"method", "algorithm", "approach", "technique", "generator", "optimizer", "policy", "solver"})


def _named_benchmark(v, text: str, end: int) -> bool:
    """Whether the name ``text`` ending at token ``end`` says it is a benchmark, and its
    description does not call it a technique."""
    return bool(_NAMED_BENCHMARK.search(text)) and not _said_to_be_a_technique(v, end)


def _said_to_be_a_technique(v, end: int) -> bool:
    """Whether the description right after a name (", a/an ...", up to the next punctuation) calls it a technique."""
    lower, n = v.lower, len(v.lower)
    if end + 1 >= n or v.texts[end] != "," or lower[end + 1] not in ("a", "an"):
        return False
    for j in range(end + 2, min(end + 10, n)):
        if v.is_punct[j] and v.texts[j] != "-":
            return False
        if lower[j] in _TECHNIQUE_HEADS:
            return True
    return False


@Language.component("kg_proposals")
def kg_proposals(doc):
    proposed = candidates.proposed_keys(doc)
    abbreviations = candidates.abbreviations(doc)
    v = view(doc)
    proposed.update(_owned_names(doc, v))
    proposed.update(_owned_pairs(v, abbreviations))
    proposed.update(_introduced_curated_names(doc, v))
    proposed.update(_released_code_names(doc, v))
    found: dict[str, str | None] = {}
    phrases: dict[str, tuple[int, int]] = {}  # names of several words, one written span each
    model_variants = {(c["start"], c["end"]) for c in candidates.candidates(doc) if c["rule"] == "gazetteer-variant" and c["type"] == "MODEL"}
    # names written somewhere as a known model's variant ("EVEv2.0", of EVE): the same name elsewhere is that model too
    variant_keys = {word_key(v.text(start, end)) for start, end in model_variants}
    untyped_spans: dict[str, tuple[int, int]] = {}  # coined names proposed with no type read yet
    named = []  # what the abstract names as the paper's own, as written
    titled = title_name(doc)
    titled_words = v.lower[titled[0]:titled[1]] if titled else []
    for start, end, entity_type in proposal_names(doc) + _our_head_names(v):
        if start + len(titled_words) > end and v.lower[start:start + len(titled_words)] == titled_words:
            end = start + len(titled_words)  # "we propose JEN-1 Composer": the title's name, not the known JEN-1 in it
        text = v.text(start, end)
        key = word_key(text)
        named.append(text)
        if " " in text:
            phrases[key] = (start, end)
        curated = _curated(doc, (start, end))  # "Med3D", a known model, proposed by its own paper
        if curated and curated[0] in ("MODEL", "METHOD") and entity_type in ("MODEL", "METHOD"):
            # a known system keeps its type whatever its own paper calls it ("We propose Mamba, a ...
            # architecture"): one node with the papers that use it. A dataset's name given to a new
            # method ("termed ABIDE") is another thing, and keeps the paper's type
            entity_type = curated[0]
        elif entity_type in (None, "TASK"):  # a coined name is a system, not a problem
            entity_type = curated[0] if curated and curated[0] in ("MODEL", "DATASET", "METHOD") else model_or(
                v, text, entity_type and "METHOD")
            if entity_type is None and not curated and _NAMED_DATA.search(text):
                entity_type = "DATASET"  # "we introduce FooQA": described by nothing, named as data
        elif entity_type == "METHOD" and ((start, end) in model_variants or key in variant_keys or model_cues(text, sentences_with(v, text))
                                          or extends_a_model(text)):
            entity_type = "MODEL"  # "a family of ResNet architectures, ResNet-RS": a known model's variant
        elif entity_type in ("METHOD", "MODEL") and not curated and _named_benchmark(v, text, end):
            entity_type = "DATASET"  # "HybridRAG-Bench, a benchmarking framework": the name says what it is
        found[key] = found.get(key) or entity_type
        if entity_type is None and _coined_shape(text):
            untyped_spans.setdefault(key, (start, end))
    for start, end, lead_type in lower_case_coinages(v) + lower_case_appositive_names(v) + lower_case_techniques(v):
        text = v.text(start, end)
        key = word_key(text)
        if key not in found:
            if " " in text:
                phrases[key] = (start, end)
            head_type = lead_type or type_from_head(text)
            found[key] = head_type if head_type in ("DATASET", "MODEL", "METHOD", "METRIC") else "METHOD"
    span = title_name(doc)
    if span and _headline_beside_a_coined_name(v, span, found, named):
        span = None
    long_span = subtitle_long_form(v, span) if span else None
    if span:
        text = v.text(span[0], span[1])
        key = word_key(text)
        if " " in text:
            phrases[key] = span
        defined = abbreviations.get(text) or {}
        data_head = title_data_head(v) == span[1]  # "The FooWeb Dataset for ..."
        names_data = data_head or (  # "SemEval-2017 Task 4: ...": one task of a shared-task series
            span[1] - span[0] > 2 and v.lower[span[1] - 2] in TASK_WORDS and bool(TASK_NUMBER.match(v.texts[span[1] - 1])))
        entity_type = (
            defined.get("type")
            or found.get(key)
            or (found.get(word_key(defined["long"])) if defined else None)  # "We present Long Form (NAME), a method"
            or _first_appositive(v, text)
            or _title_curated_type(doc, span, long_span, defined)
            or ("DATASET" if names_data or (_NAMED_DATA.search(text) and not _curated(doc, span)
                                            and subtitle_type(doc, span[1]) in (None, "DATASET")) else None)
            or ("MODEL" if key in variant_keys else None)  # "EVEv2: ..." beside the abstract's "EVEv2.0", a variant of EVE
            or model_or(v, text, None)
            or subtitle_type(doc, span[1])
            or ("MODEL" if technical_report(v) == span[1] else "METHOD")  # reports mostly release models
        )
        if data_head:  # "The FooWeb Dataset" may be named whole
            proposed.add(word_key(v.text(span[0], span[1] + 1)))
        if entity_type == "TASK":  # "StreamWhisper: Streaming ASR by ...": the name is the system
            entity_type = model_or(v, text, "METHOD")
        if entity_type in ("METHOD", "MODEL") and not defined and not _curated(doc, span) and _named_benchmark(v, text, span[1]):
            entity_type = "DATASET"  # "EcomBench: Towards Holistic Evaluation of ...": the name says what it is
        found[key] = entity_type
    if long_span:  # "APT: Adaptive Pruning and Tuning ...": the name's long form, wherever it recurs
        _add_long_form(doc, v, long_span, v.text(*span), found)
    technique = title_technique(doc)
    if not technique and (subject := title_subject_technique(doc)) and not _curated(doc, subject):
        opening = v.text(*subject).lower()  # "Metadata Conditioning ...": the start of a named "... then Cooldown (MeCo)"
        technique = None if any(info["long"].lower().startswith(opening) for info in abbreviations.values()) else subject
    if technique:
        _add_technique(doc, v, technique, span, found)
    for short, info in abbreviations.items():
        if word_key(info["long"]) in found and word_key(short) not in found:
            found[word_key(short)] = found[word_key(info["long"])]
    if untyped_spans:
        _type_untyped(doc, v, found, untyped_spans, abbreviations)
    proposed.update(_trained_coinages(doc, v))
    if not found:
        return doc
    # still names, but someone else's: "the recently proposed Learngene framework ... (termed as learngene)"
    prior = _named_as_prior_work(v)
    for key, (start, end) in phrases.items():
        if found.get(key):
            for at in _occurrences(v, start, end):
                candidates.add(doc, at, at + end - start, found[key], "proposal", proposed=key not in prior)
    keys = word_key.each(v.word_texts)
    own_words = where(map(found.get, keys))  # a loop in C over every word, the rest only at names
    stems = {v.word_texts[index] + "-": keys[index] for index in own_words
             if keys[index] not in prior and found[keys[index]] in ("MODEL", "METHOD")}
    variants = []  # "Orkhon-7B-Chat", "FoldNeXt-S" of the paper's own name: its released sizes and checkpoints
    if stems:
        prefixes = tuple(stems)
        for index in where(map(str.startswith, v.word_texts, repeat(prefixes))):  # a loop in C
            text = v.word_texts[index]
            if found.get(keys[index]):
                continue
            stem = next(s for s in prefixes if text.startswith(s))
            parts = text[len(stem):].split("-")
            if all(_VARIANT.match(part) for part in parts):
                variants.append((index, stems[stem]))
                if any(_SIZE.match(part) for part in parts):
                    found[stems[stem]] = "MODEL"  # a name that comes in sizes is a trained model
    for index in own_words:
        start, end = v.words[index]
        candidates.add(doc, start, end, found[keys[index]], "proposal", proposed=keys[index] not in prior)
    for index, stem_key in variants:
        if found[stem_key] == "MODEL":
            start, end = v.words[index]
            candidates.add(doc, start, end, "MODEL", "proposal", proposed=True)
    proposed.update(found.keys() - prior)
    proposed.update(_coordinated_pairs(v, abbreviations, proposed))
    return doc


_PLAIN_COINAGE = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")  # "ReGrow", "VC-MPPI"; not "dataset.Extensive"


def _headline_beside_a_coined_name(v, span: tuple[int, int], found: dict[str, str | None], named: list[str]) -> bool:
    """Plain words before a title's colon that the abstract never repeats, while it names its
    own coinage otherwise ("Dormant Critics: ..." and "a remedy, which we name ReGrow"): a headline,
    unless the coinage spells the phrase's initials ("Product-Level Try-on: ..." and "i.e. PLTON")."""
    words = v.text(*span).split()
    if len(words) < 2 or any(map(is_name_shaped, words)) or word_key(" ".join(words)) in found:
        return False
    if len(_occurrences(v, *span)) > 1:
        return False
    initials = "".join(part[0].lower() for part in re.split(r"[\s-]+", v.text(*span)) if part)
    coined = [name for name in named if is_name_shaped(name) and _PLAIN_COINAGE.match(name)]
    return bool(coined) and not any(name.lower().startswith(initials) or initials.startswith(name.lower()) for name in coined)


_PAIR_GLUE = {"and", ",", "or", "the"}


def _coordinated_pairs(v, abbreviations: dict, proposed: set[str]) -> set[str]:
    """Keys of new pairs coordinated right after one of the paper's own: "we propose two scores,
    the Gradient Normed (GraNd) and the Error L2-Norm (EL2N) scores"."""
    lower, out = v.lower, set()
    for short, info in abbreviations.items():
        if info["canonical"] or word_key(short) in proposed:
            continue
        at = info["long_span"][0] - 1
        glue = at
        while glue >= 0 and lower[glue] in _PAIR_GLUE:
            glue -= 1
        if at - glue < 1 or glue < 1 or lower[glue] != ")" or not {"and", ","} & set(lower[glue + 1:at + 1]):
            continue
        if word_key(v.texts[glue - 1]) in proposed:
            out.update((word_key(short), word_key(info["long"])))
    return out


_OWN_TRAINING = frozenset("train trained pre-train pre-trained pretrain pretrained".split())


def _trained_coinages(doc, v) -> set[str]:
    """Keys of names the authors give, in brackets, to models they train themselves: "we
    pre-train two models: a BERT model trained from scratch (BERTu), and ... (mBERTu)".
    Only a coined name no list knows and no abbreviation spells out, in a sentence whose
    "we" trains.

    >>> import spacy
    >>> nlp = spacy.blank("en"); _ = nlp.add_pipe("kg_sentences")
    >>> doc = nlp("Title\\nWe pre-train a small BERT model from scratch (ZorbBERT). We test RoBERTa (FooNet).")
    >>> sorted(_trained_coinages(doc, view(doc)))
    ['zorbbert']
    """
    texts, lower = v.texts, v.lower
    sent = v.sent_ids or [0] * len(texts)
    training = {sent[i] for i in _cues(v, _WE)
                if any(lower[j] in _OWN_TRAINING for j in range(i + 1, min(i + 4, len(lower))) if sent[j] == sent[i])}
    if not training or "(" not in texts:
        return set()  # most docs: no sentence where the authors train
    defined = {word_key(short) for short in candidates.abbreviations(doc)}
    curated = {c["start"] for c in candidates.candidates(doc) if c["rule"] == "gazetteer"}
    out = set()
    for i in _cues(v, _OPENING):
        if sent[i] not in training or i + 2 >= len(texts) or texts[i + 2] != ")" or i + 1 in curated:
            continue
        name = texts[i + 1]
        if is_name_shaped(name) and name not in NOT_NAMES and word_key(name) not in defined and lower[i - 1].isalpha():
            out.add(word_key(name))
    return out


_PERFECT = {"has", "have", "had"}


def _told_as_earlier_work(v, sent_id: int) -> bool:
    """A sentence without "we" that says something "has been introduced" (or proposed, ...):
    "A methodology named Foo (F) has been introduced" names someone else's earlier work."""
    first, stop = v.sentence_bounds(sent_id)
    lower = v.lower[first:stop]
    if "we" in lower or "our" in lower:
        return False
    return any(lower[k] in _PERFECT and lower[k + 1] == "been" and lower[k + 2] in _PRIOR_PROPOSALS | {"released", "named"}
               for k in range(len(lower) - 2))


_PRIOR_PROPOSALS = {"proposed", "introduced", "presented", "developed"}
_PRIOR_TIME = {"recently", "previously"}


def _named_as_prior_work(v) -> set[str]:
    """Keys of the words an abstract calls someone else's: "the recently proposed Learngene
    framework", "a previously introduced FooNet".

    >>> import spacy
    >>> _named_as_prior_work(view(spacy.blank("en")("By the recently proposed Learngene framework, we propose Zorb.")))
    {'learngene'}
    """
    out = set()
    lower, texts = v.lower, v.texts
    for i in _cues(v, _PRIOR_PROPOSALS):
        if 0 < i < len(lower) - 1 and lower[i - 1] in _PRIOR_TIME and texts[i + 1][:1].isupper():
            out.add(word_key(texts[i + 1]))
    # "Recently, a new paradigm was presented ..., called Interval Continual Learning (InterContiNet)"
    for i in _cues(v, _NAMING):
        if i + 1 < len(lower) and texts[i + 1][:1].isupper() and _presented_earlier(v, i):
            end = i + 1
            while end < len(lower) and texts[end][:1].isupper() or (end < len(lower) and texts[end] == "-"):
                end += 1
            out.add(word_key(v.text(i + 1, end)))
            if end + 2 < len(lower) and texts[end] == "(" and texts[end + 2] == ")":
                out.add(word_key(texts[end + 1]))
    return out


_PAST_PASSIVE = {"was", "were"}


def _presented_earlier(v, at: int) -> bool:
    """Whether the sentence before word ``at`` says something "was presented" (proposed, ...)
    and names neither us nor this paper: someone else's earlier work."""
    words = _words_before(v, at, 40)
    return not {"we", "our", "this"} & set(words) and any(
        words[k] in _PAST_PASSIVE and words[k + 1] in _PRIOR_PROPOSALS for k in range(len(words) - 1))


def _add_technique(doc, v, technique: tuple[int, int], name_span, found: dict) -> None:
    """Candidates for a title's technique phrase, the paper's own; when its initials spell the
    title's name ("DrM: ... through Dormant Ratio Minimization") it is that name's long form."""
    start, end = technique
    phrase = v.text(start, end)
    name = v.text(*name_span) if name_span else ""
    initials = "".join(w[0] for w in phrase.replace("-", " ").split())
    if name and initials.lower() == name.lower():
        _add_long_form(doc, v, technique, name, found)
        return
    for at in _occurrences(v, start, end):
        candidates.add(doc, at, at + end - start, "METHOD", "title-technique", confidence=0.6, proposed=True)


def _add_long_form(doc, v, span: tuple[int, int], name: str, found: dict) -> None:
    """Every occurrence of ``span`` as the long form of the title's proposed ``name``."""
    phrase = v.text(*span)
    for at in _occurrences(v, *span):
        candidates.add(doc, at, at + span[1] - span[0], found[word_key(name)], "proposal", canonical=name,
                       aliases=(phrase,), proposed=True)


def _title_curated_type(doc, span: tuple[int, int], long_span: tuple[int, int] | None, defined: dict) -> str | None:
    """The curated type of the title's name, unless the paper spells the name out itself
    (SPICE, the paper's own letters, says nothing of the curated metric's type) in words that
    are not that entry's too ("LoRA: Low-Rank Adaptation ..." is the curated LoRA)."""
    curated = _curated(doc, span)
    if curated is None or (defined and not defined.get("canonical")) or (long_span and _curated(doc, long_span) != curated):
        return None
    if curated[0] == "METRIC" and not _MEASURING.search(doc[span[1]:_title_end(view(doc))].text):
        return None  # "DICE: Diffusion Language Models Excel at Generating CUDA Kernels" is no Dice coefficient
    return curated[0]


# what a title says of a measure it introduces ("CIDEr: Consensus-based Image Description Evaluation")
_MEASURING = re.compile(r"(?i)\b(?:evaluat|metric|measur|scor|assess|judg|quality|similarity|distance|correlat)")


def _curated(doc, span: tuple[int, int]) -> tuple[str, str] | None:
    """The type and name a curated list gives the very same span ("YOLOv9: ..." is a known model)."""
    for cand in candidates.candidates(doc):
        if cand["rule"] == "gazetteer" and (cand["start"], cand["end"]) == span:
            return cand["type"], cand["canonical"]
    return None


_WE = frozenset({"we"})
_OPENING = frozenset({"("})


def _cues(v, wanted) -> list[int]:
    """Token positions of the words in ``wanted``, from one scan for every proposal cue word."""
    return cue_positions(v, _ALL_CUES, wanted)


def _occurrences(v, start: int, end: int) -> list[int]:
    """Starts of every case-insensitive occurrence of tokens start:end (itself included)."""
    wanted = v.lower[start:end]
    size = len(wanted)
    return [i for i in where(map(wanted[0].__eq__, v.lower)) if v.lower[i : i + size] == wanted]


def _first_appositive(v, text: str) -> str | None:
    for (start, end), word in zip(v.words, v.word_texts):
        if start > 0 and word == text:
            entity_type = _appositive_type(v, end)
            if entity_type:
                return entity_type
    return None


_ALL_CUES = frozenset(_CONTRIBUTION | _PROPOSAL_CUES | _INTRODUCING | _ADDING | _COINING | _WE | _OPENING | _PRIOR_PROPOSALS | _NAMING | _REFERRING | _ESTABLISHING)
