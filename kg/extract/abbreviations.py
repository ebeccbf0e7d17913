"""``kg_abbreviations``: "Long Form (LF)" definitions, after Schwartz & Hearst (2003).

The pure function :func:`match_long_form` picks the shortest run of preceding words whose
letters cover the short form in order, the first letter starting a word.

>>> match_long_form("MALT", ["toward", "Multi-agent", "LLM", "training"])
3
>>> match_long_form("CT", ["types", "of", "Computed", "Tomography"])
2
>>> match_long_form("XYZ", ["something", "else"]) is None
True

Where every letter starts a word, those words win over a shorter run that spells the short
form from inside words: "(b) proximal policy optimization (PPO)", not "policy optimization".

>>> match_long_form("PPO", ["proximal", "policy", "optimization"])
3
>>> match_long_form("SSL", ["standard", "self-supervised", "learning"]), match_long_form("TTA", ["to", "test-time", "adaptation"])
(2, 2)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from os.path import commonprefix

from spacy.language import Language

from . import candidates
from ..normalise import surface_key
from .gazetteer import load_gazetteer, shared_words
from .lexicon import HEAD_TYPES, NOT_NAMES, type_from_head
from .words import WordMemo, cue_positions, view

__all__ = ["match_long_form", "is_short_form", "find_definitions", "spells_same_term", "case_sensitive_terms", "defined_term_type"]

_SHORT = re.compile(r"^[A-Za-z][\w\-.+]*$")


def is_short_form(text: str) -> bool:
    """2-12 chars, starts with a letter, has an upper-case letter, not a plain word.

    >>> [is_short_form(t) for t in ["MALT", "m2mKD", "As-ViT", "the", "a", "Figure"]]
    [True, True, True, False, False, False]
    """
    if not (2 <= len(text) <= 12) or not _SHORT.match(text):
        return False
    uppers = sum(c.isupper() for c in text)
    return uppers >= 2 or (uppers == 1 and not text[0].isupper()) or (uppers >= 1 and any(c.isdigit() for c in text))


_has_capital = WordMemo(lambda piece: any(c.isupper() for c in piece))  # a short form's cheap first test

# words that never open a long form ("that test-time training (TTT)")
_NOT_FIRST = frozenset("the a an of and for that this these those which with".split())


def match_long_form(short: str, words: list[str]) -> int | None:
    """How many trailing ``words`` form the long form of ``short``, or None.
    Accents do not change a letter: "À-la-carte Prompt Tuning (APT)".

    >>> match_long_form("APT", ["We", "introduce", "À-la-carte", "Prompt", "Tuning"])
    3
    >>> match_long_form("OLT", ["the", "Øresund", "Łódź", "Test"])
    3
    >>> match_long_form("S2ST", ["a", "speech-to-speech", "translation"])
    2
    >>> match_long_form("SS2D", ["substitute", "the", "2D-Selective-Scan"]) is None  # letters across a clause
    True
    >>> match_long_form("XRes-Nets", ["present", "Cross-Resolution", "Residual", "Networks"])  # X for "cross"
    3
    >>> match_long_form("TTFT", "faster than previous SOTA in terms of response latency".split()) is None
    True
    >>> match_long_form("LEMAS-TTS", "LEMAS supports many paradigms including zero-shot multilingual synthesis".split()) is None
    True
    >>> match_long_form("DP-SGD", "with DP Stochastic Gradient Descent".split())
    4
    """
    letters = [c.lower() for c in _unaccented(short) if c.isalnum()]
    if not letters:
        return None
    words = [_unaccented(word) for word in words]
    if "x" in letters and (count := _long_form_count(letters, [_CROSS.sub("x", word) for word in words])):
        return count  # "Cross-Resolution Residual Networks (XRes-Nets)": X reads "cross"
    count = _long_form_count(letters, words)
    prefix = re.split(r"[-_]", _unaccented(short))[0]
    if count and count > 1 and words[-count].lower() == prefix.lower():
        # the name restated before the rest spelled out ("DP Stochastic Gradient Descent (DP-SGD)"),
        # not letters picked from a clause ("Foo supports ... synthesis (Foo-TTS)")
        rest, tail = letters[len(prefix):], words[-count + 1:]
        if (_initials_count(rest, tail) or _initials_over_glue(rest, tail)) != count - 1:
            return None
    return count


_CROSS = re.compile(r"(?i)(?<![a-z])cross(?=-?[a-z])")


def _long_form_count(letters: list[str], words: list[str]) -> int | None:
    limit = min(len(words), len(letters) + 5, 2 * len(letters) + 1)
    spelled = _initials_count(letters, words) or _initials_over_glue(letters, words)
    if spelled:
        return spelled  # every letter starts a word: "proximal policy optimization (PPO)", not "policy optimization"
    for count in range(1, limit + 1):
        candidate = words[-count:]
        if any(word.lower() in _ARTICLES for word in candidate[1:]):
            return None  # "substitute the 2D-Selective-Scan (SS2D)": letters picked across a clause
        if _covers(letters, candidate):
            first = candidate[0]
            if first[:1].lower() == letters[0] and first.lower() not in _NOT_FIRST_LOOSE:
                return count
    return None


_ARTICLES = frozenset({"the", "a", "an"})
# words no long form starts with ("10x faster than previous SOTA in terms of time to first token (TTFT)")
_NOT_FIRST_LOOSE = _NOT_FIRST | frozenset("than in on to by at as or is are was were".split())
_UNDECOMPOSED = str.maketrans("øØłŁđĐæÆœŒß", "oOlLdDaAoOs")  # letters NFKD leaves whole; only initials matter


def _unaccented(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)) if not unicodedata.combining(c))


def _initials_count(letters: list[str], words: list[str]) -> int | None:
    """How many trailing words spell the short form with the initials of their parts, where a
    hyphenated word counts one letter per part ("self-supervised learning (SSL)")."""
    if len(letters) < 2:
        return None
    parts = [(index, part) for index, word in enumerate(words) for part in word.split("-") if part]
    if len(parts) < len(letters):
        return None
    tail = parts[-len(letters):]
    first_word = tail[0][0]
    if not all(map(_spells, letters, (part for _, part in tail))) or words[first_word].split("-")[0] != tail[0][1]:
        return None  # the initials start inside a hyphenated word
    if words[first_word].lower() in _NOT_FIRST:
        return None
    return len(words) - first_word


_GLUE = frozenset({"with", "of", "for", "and", "in", "on", "to", "via", "by", "from", "the", "a", "an"})


def _initials_over_glue(letters: list[str], words: list[str]) -> int | None:
    """How many trailing words spell the short form with their initials, a hyphenated word
    giving one letter or one per part, and short function words in between giving none:
    "Image-free Classifier Injection with Semantics (ICIS)", not "Injection with Semantics".

    >>> _initials_over_glue(list("icis"), ["We", "propose", "Image-free", "Classifier", "Injection", "with", "Semantics"])
    5
    >>> _initials_over_glue(list("ppo"), ["a", "proximal", "policy"]) is None
    True
    """
    i, j = len(letters) - 1, len(words) - 1
    while i >= 0 and j >= 0:
        parts = [part for part in words[j].split("-") if part]
        if not parts:
            return None
        if 1 < len(parts) <= i + 1 and all(map(_spells, letters[i - len(parts) + 1 : i + 1], parts)):
            i -= len(parts)
        elif _spells(letters[i], parts[0]):
            i -= 1
        elif words[j].lower() in _GLUE and i < len(letters) - 1:
            pass
        else:
            return None
        j -= 1
    if i >= 0 or words[j + 1].lower() in _GLUE:
        return None
    return len(words) - j - 1


_NUMBER_WORDS = {"2": ("to", "two"), "4": ("for", "four")}  # "speech-to-speech translation (S2ST)"


def _spells(letter: str, part: str) -> bool:
    """Whether a word part supplies a short form's letter: its initial, or a number read as a word."""
    return part[:1].lower() == letter or part.lower() in _NUMBER_WORDS.get(letter, ())


def _covers(letters: list[str], words: list[str]) -> bool:
    """Letters of the short form appear in order in the words; the first at a word start."""
    text = " ".join(w.lower() for w in words)
    i = len(text) - 1
    for j in range(len(letters) - 1, -1, -1):
        c = letters[j]
        while i >= 0 and (text[i] != c or (j == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


_AFTER_SHORT_FORM = frozenset({",", ".", ")", ";", ":"})


_CUES = frozenset({"(", "or", "stands", "short"})  # every word a definition pattern starts from


def find_definitions(doc) -> list[tuple[int, int, int, int]]:
    """(long_start, long_end, short_start, short_end) token spans of each definition:
    "Long Form (LF)", "Long Form (LF for short)", "Long Form, or LF, ...", "Long Form, or
    LF for short", "LF, which stands for Long Form" and "LF (Long Form)"."""
    v = view(doc)
    texts, n = v.texts, len(v.texts)
    out = []
    brackets = cue_positions(v, _CUES, {"("})
    for i in brackets:
        if i + 2 >= n:
            continue
        close = i + 2
        while close < n and close < i + 6 and texts[close] != ")":
            close += 1
        if close >= n or texts[close] != ")":
            continue
        short_end = close - 2 if close - 2 > i + 1 and tuple(v.lower[close - 2 : close]) == ("for", "short") else close
        found = _definition(v, i - 1, i + 1, short_end)
        if found:
            out.append(found)
    for i in brackets:
        # "VAGRO (Variance-Aware Group Relative Optimization)": the short form first, spelled out in brackets
        if i == 0 or not v.spaced[i - 1] or not _has_capital(texts[i - 1]):
            continue
        close = next((j for j in range(i + 3, min(i + 16, n)) if texts[j] in (")", "(")), None)
        if close is None or texts[close] != ")":
            continue
        word = bisect_right(v.words, (i, -1)) - 1  # the written word before the bracket, glued pieces and all
        if word < 0 or v.words[word][1] != i:
            continue
        found = _definition(v, close - 1, v.words[word][0], i) or _title_name_spelled_out(v, word, i, close)
        if found and found[0] == i + 1:
            out.append(found)
    for i in cue_positions(v, _CUES, {"or"}):  # "Grouped Query Fusion, or GQF, a method"
        if 1 < i < n - 1 and texts[i - 1] == "," and (i + 2 == n or texts[i + 2] in _AFTER_SHORT_FORM):
            found = _definition(v, i - 2, i + 1, i + 2)
            if found:
                out.append(found)
    for i in cue_positions(v, _CUES, {"stands"}):  # "InSerter, which stands for Interleaved Speech-Text ..."
        if 3 <= i < n - 3 and v.lower[i + 1] == "for" and v.lower[i - 1] in ("which", "that") and texts[i - 2] == ",":
            last = next((j - 1 for j in range(i + 3, min(i + 14, n + 1)) if j == n or v.is_punct[j] and texts[j] != "-"), None)
            found = _definition(v, last, i - 3, i - 2) if last is not None else None
            if found and found[0] > i + 1:
                out.append(found)
    for i in cue_positions(v, _CUES, {"short"}):  # "Leave-One-Out K-Nearest-Neighbor, or LOOK for short"
        if i < 4 or v.lower[i - 1] != "for":
            continue
        at_or = next((j for j in range(i - 3, max(0, i - 7), -1) if v.lower[j] == "or"), None)  # "or LOO-KNN for short"
        if at_or is not None and at_or > 1 and texts[at_or - 1] == ",":
            found = _definition(v, at_or - 2, at_or + 1, i - 1)
            if found:
                out.append(found)
    return out


_NOT_TECHNIQUES = frozenset("forgetting hallucination hallucinations overfitting underfitting collapse drift shift bias "
                             "memorization grokking data".split()) | frozenset(
    # quantities and settings ("learning rate (LR)", "replay ratio (RR)", "signal-to-noise ratio
    # (SNR)", "First-Person View (FPV)"), and what a paper writes or builds with, not a technique
    "rate ratio view size length number descriptions formulations automation formatting".split())


# who did something rather than what was done: "National Institute of Standards and Technology
# (NIST)", "European Centre for Medium-Range Weather Forecasts (ECMWF)"
# ("foundation" and "association" are left out: "Vision Foundation Model (VFM)", "Word Embedding
# Association Test (WEAT)" are ML terms)
_ORGANISATION_WORDS = frozenset("institute institutes university universities agency administration organisation organization "
                                "consortium council academy ministry committee commission corporation laboratory "
                                "laboratories".split())
_CENTRE = re.compile(r"(?i)\bcent(?:re|er)s? (?:for|of)\b")


def _names_an_organisation(long: str) -> bool:
    """Whether a long form names an organisation ("European Centre for Medium-Range Weather
    Forecasts"), not a technique ("center loss").

    >>> _names_an_organisation("European Centre for Medium-Range Weather Forecasts"), _names_an_organisation("center loss")
    (True, False)
    """
    return bool(_ORGANISATION_WORDS.intersection(long.lower().split()) or _CENTRE.search(long))


def defined_term_type(short: str, long: str) -> str | None:
    """METHOD for a term an abstract takes the trouble to define ("Error L2-Norm (EL2N)")
    when no head word types it: most such terms in ML abstracts name techniques.  Plural
    and possessive long forms name things in the world instead ("autonomous vehicles (AVs)").

    >>> defined_term_type("EL2N", "Error L2-Norm"), defined_term_type("AVs", "autonomous vehicles")
    ('METHOD', None)
    >>> defined_term_type("AD", "Alzheimer's disease"), defined_term_type("VLA", "Vision-language-action")
    (None, None)
    >>> defined_term_type("CF", "catastrophic forgetting") is None, defined_term_type("MR", "Magnetic Resonance") is None
    (True, True)
    >>> defined_term_type("ICU", "intensive care unit"), defined_term_type("ERK", "Erdos-Renyi Kernel")
    (None, 'METHOD')
    >>> defined_term_type("LR", "learning rate"), defined_term_type("FPV", "First-Person View")
    (None, None)
    """
    words = long.split()
    if len(words) < 2 or short.endswith("s") or any(w.endswith(("'s", "’s")) for w in words):
        return None
    if _names_an_organisation(long):
        return None
    if words[-1].lower() in _NOT_TECHNIQUES:
        return None  # "catastrophic forgetting (CF)", "problem data (PD)": what models do or eat, not a technique
    content = [w for w in re.split(r"[\s\-/]+", long.lower()) if len(w) >= 3 and w.isalpha() and w not in _SMALL_WORDS]
    technical = sum(w in shared_words(("METHOD", "MODEL", "TASK", "METRIC")) for w in content)
    # "Magnetic Resonance (MR)": another field's term; so is a lower-case one mostly of other
    # words ("intensive care unit (ICU)"), while a capitalised one may be a coinage ("Erdos-Renyi Kernel")
    if not technical or long.islower() and technical * 2 < len(content):
        return None
    return "METHOD"


_SMALL_WORDS = {"and", "for", "the", "with", "from", "via", "into", "over", "under"}


_TITLE_CASE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*$")


def _title_name_spelled_out(v, word: int, bracket: int, close: int) -> tuple[int, int, int, int] | None:
    """"STRIDE (Step-wise Reward Distillation)" where STRIDE is the name the title opens with
    ("STRIDE: ..."): the paper spells its own name out, however loosely the letters follow the
    words; two to six capitalised words in the brackets, nothing else."""
    start, end = v.words[word]
    titled = len(v.words) > 1 and v.texts[v.words[0][1]] == ":"
    if word == 0 or not titled or v.word_texts[word] != v.word_texts[0]:
        return None
    words = v.text(bracket + 1, close).split()  # a comma or any other mark fails the word pattern
    if not 2 <= len(words) <= 6 or not all(_TITLE_CASE_WORD.match(w) for w in words):
        return None
    return bracket + 1, close, start, end


def _definition(v, last: int, short_start: int, short_end: int) -> tuple[int, int, int, int] | None:
    """The long form ending at token ``last`` whose letters spell the short form written at
    ``short_start:short_end``, as (long_start, long_end, short_start, short_end)."""
    texts = v.texts
    short = v.text(short_start, short_end).strip()
    if not is_short_form(short) or short in NOT_NAMES:
        return None
    sent_start = v.sent_starts[v.sent_ids[short_start]] if v.sent_ids else 0
    words, positions = [], []
    if last >= 0 and v.quote[last]:
        last -= 1  # '"Long form" (LF)'
    for j in range(last, max(sent_start, last - 13) - 1, -1):
        if v.is_punct[j] and texts[j] not in ("-",):
            break
        words.insert(0, texts[j])
        positions.insert(0, j)
    # join hyphen-split pieces back so "Multi-agent" counts as one word
    joined, starts = [], []
    for text, pos in zip(words, positions):
        if joined and (text == "-" or joined[-1].endswith("-")) and not v.spaced[pos - 1]:
            joined[-1] += text
        else:
            joined.append(text)
            starts.append(pos)
    count = match_long_form(short, joined)
    if count is None:
        return None
    return starts[-count], last + 1, short_start, short_end


_GENERIC_HEADS = {"synthesis", "generation", "task", "tasks", "problem", "method", "approach", "technique", "framework"}


def spells_same_term(long_text: str, known_form: str) -> bool:
    """Whether a paper's long form is a curated form written another way: the same words in
    any order ("Monte Carlo Markov Chain" and "Markov chain Monte Carlo"), a word matching its
    counterpart when they are equal but for a plural ending, one is a prefix of the other
    of at least three letters ("Pointer Net" and "pointer network"), or they share a stem of
    five letters or more ("low-rank adapters" and "low-rank adaptation").  The short form already matched
    the curated entry, so this only tells spelling from meaning; words that merely share a
    start ("continuous" and "conditional", "progress" and "process") are different terms.

    >>> spells_same_term("Monte Carlo Markov Chain", "Markov chain Monte Carlo")
    True
    >>> spells_same_term("continuous random fields", "conditional random field"), spells_same_term("progress reward model", "process reward model")
    (False, False)
    >>> spells_same_term("low-rank adapters", "Low-Rank Adaptation")
    True
    >>> spells_same_term("Text-To-Speech synthesis", "text-to-speech")
    True

    Of four words or more, one may differ: the paper misremembers a word of a term its
    letters spell ("layer-wise adaptive scaling ratio (LARS)" for layer-wise adaptive rate scaling).

    >>> spells_same_term("layer-wise adaptive scaling ratio", "layer-wise adaptive rate scaling")
    True
    >>> spells_same_term("ADapt And Merge", "adaptive moment estimation")
    False
    """
    if surface_key(long_text) == surface_key(known_form):
        return True
    head = long_text.rsplit(" ", 1)
    if len(head) == 2 and head[1].lower() in _GENERIC_HEADS and surface_key(head[0]) == surface_key(known_form):
        return True  # "Text-To-Speech synthesis (TTS)" is the curated text-to-speech
    long_words, known_words = (sorted(w.rstrip("s") for w in re.split(r"[\s\-]+", text.lower()) if w)
                               for text in (long_text, known_form))
    if len(long_words) < 2 or len(long_words) != len(known_words):
        return False
    if len(long_words) >= 4:
        return sum(not any(_same_word(a, b) for b in known_words) for a in long_words) <= 1
    return all(_same_word(a, b) for a, b in zip(long_words, known_words))


def _same_word(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))) or len(commonprefix([a, b])) >= 5


_CLASS_PLURALS = frozenset("approaches methods models techniques algorithms frameworks works systems architectures "
                           "strategies networks baselines variants".split())


def _names_a_class(long_text: str, short_text: str) -> bool:
    """A plural class head before a known singular name in brackets introduces an example, not
    its long form; a plural short form is the class's own abbreviation ("... Models (PPLMs)").

    >>> _names_a_class("data efficient approaches", "DeiT"), _names_a_class("Data-efficient Image Transformer", "DeiT")
    (True, False)
    >>> _names_a_class("Pre-trained Programming Language Models", "PPLMs")
    False
    """
    return long_text.rsplit(" ", 1)[-1].lower() in _CLASS_PLURALS and not short_text.endswith("s")


def case_sensitive_terms(entries) -> dict[str, tuple[str, str]]:
    """Curated names of two or more words matched only as written, by :func:`surface_key`:
    (type, canonical name).  Written in lower case before a short form they define, they are
    still the curated thing ("stable diffusion (SD)"); elsewhere "stable diffusion" may be prose.

    >>> from kg.extract.gazetteer import GazetteerEntry
    >>> case_sensitive_terms([GazetteerEntry("Stable Diffusion", "MODEL", (), True), GazetteerEntry("CLIP", "MODEL", (), True)])
    {'stablediffusion': ('MODEL', 'Stable Diffusion')}
    """
    terms: dict[str, tuple[str, str]] = {}
    for entry in entries:
        if entry.case_sensitive:
            for form in (entry.name, *entry.node_aliases):
                if len(re.split(r"[\s\-]+", form.strip())) >= 2:
                    terms.setdefault(surface_key(form), (entry.type, entry.name))
    return terms


class AbbreviationFinder:
    def __init__(self, gazetteer_dir: str | None):
        self.case_sensitive_terms = case_sensitive_terms(load_gazetteer(gazetteer_dir))

    def __call__(self, doc):
        definitions = find_definitions(doc)
        if definitions:
            _define(doc, definitions, self.case_sensitive_terms)
        return doc


@Language.factory("kg_abbreviations", default_config={"gazetteer_dir": None})
def make_abbreviation_finder(nlp, name: str, gazetteer_dir: str | None):
    return AbbreviationFinder(gazetteer_dir)


_SETTING_WORDS = frozenset({"scenario", "scenarios", "setting", "settings"})


def _head_after(v, short_end: int) -> str | None:
    """DATASET or TASK where a data head or a setting word follows a short form's closing bracket."""
    at = short_end + 1 if short_end < len(v.texts) and v.texts[short_end] == ")" else None
    word = v.lower[at] if at is not None and at < len(v.lower) else ""
    if word in _SETTING_WORDS:
        return "TASK"
    # "text-to-video (T2V) models" is a class, no model; "out-of-distribution (OOD) detection" a task the pair is part of
    return "DATASET" if HEAD_TYPES.get(word) == "DATASET" else None


_TITLED = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$")


def _titled_lead(v, long_start: int) -> int:
    """Where a new term's long form starts when a hyphenated capitalised word its letters
    skip leads it: "Model-Based Cross-Task Transfer (XTRA)" is one name, not "Cross-Task
    Transfer" after a modifier.  Only a capitalised long form takes it, and not at a sentence's start."""
    at = v.word_at(long_start)
    if at is None or at == 0 or not v.word_texts[at][:1].isupper():
        return long_start
    lead_start, lead_end = v.words[at - 1]
    sent_start = v.sent_starts[v.sent_ids[long_start]] if v.sent_ids else 0
    if lead_start > sent_start and lead_end == long_start and _TITLED.match(v.word_texts[at - 1]) and v.spaced[lead_end - 1]:
        return lead_start
    return long_start


def _measure_ending(known: dict[tuple[int, int], dict], start: int, end: int, long_text: str = "") -> str | None:
    """METRIC when a curated measure ends the long form ("reconstruction FID (rFID)"), or a
    measure's word does ("false-conclusion adoption rate (FCAR)", "Utilization Index (UI)"): a
    rate, score or error a paper bothers to define is one it reports (117 of 119 such pairs in
    the gold are measures), unless it is a setting ("learning rate (LR)").

    >>> _measure_ending({}, 0, 4, "false-conclusion adoption rate"), _measure_ending({}, 0, 2, "learning rate")
    ('METRIC', None)
    """
    if any(c["type"] == "METRIC" and c["canonical"] and s > start and e == end for (s, e), c in known.items()):
        return "METRIC"
    words = long_text.lower().split()
    if len(words) >= 2 and words[-1] in _MEASURE_WORDS and " ".join(words[-2:]) not in _SETTINGS:
        return "METRIC"
    return None


_MEASURE_WORDS = frozenset({"rate", "index", "score", "error", "distance", "coefficient"})  # a ratio is as often a setting
_SETTINGS = frozenset({"learning rate", "sampling rate", "dropout rate", "frame rate", "compression rate", "growth rate",
                       "bit rate", "mutation rate"})


def _define(doc, definitions, curated_terms: dict[str, tuple[str, str]]) -> None:
    table = candidates.abbreviations(doc)
    v = view(doc)
    known: dict[tuple[int, int], dict] = {}
    for c in candidates.candidates(doc):
        span = c["start"], c["end"]
        if c["canonical"] or not (span in known and known[span]["canonical"]):
            known[span] = c  # a curated name beats a head-word phrase on the same words ("Low-Rank Adaptation")
    for long_start, long_end, short_start, short_end in definitions:
        # "object re-identification (re-ID)": the letters spell "re-identification" only, but the
        # term the paper defines is the known phrase that ends there
        # (a setting before a curated task, "Unsupervised automatic speech recognition (ASR)", is left to its rule)
        long_start = min((start for (start, end), c in known.items() if end == long_end and long_start - 3 <= start < long_start
                          and c["rule"] in ("head-phrase", "gazetteer")
                          and v.sent_ids and v.sent_ids[start] == v.sent_ids[long_end - 1]), default=long_start)
        long_text = v.text(long_start, long_end).strip(" \"'“”")
        short_text = v.text(short_start, short_end)
        known_long = known.get((long_start, long_end))
        known_short = known.get((short_start, short_end))
        if not known_long and known_short and known_short["canonical"] and _names_a_class(long_text, short_text):
            continue  # "various data efficient approaches (DeiT)": an example of a class, not a definition
        if known_long:
            entity_type, canonical = known_long["type"], known_long["canonical"]
        elif (curated := curated_terms.get(surface_key(long_text))) is not None:
            entity_type, canonical = curated
        elif known_short and known_short["canonical"] and any(
                spells_same_term(long_text, form) for form in (known_short["canonical"], *known_short["aliases"])):
            entity_type, canonical = known_short["type"], known_short["canonical"]
        else:
            # the paper's own definition beats a curated name that means something else ("DST"); a head
            # word after the pair types it ("the multi-label class incremental learning (MLCIL) scenario")
            entity_type, canonical = _head_after(v, short_end) or type_from_head(long_text) or _measure_ending(known, long_start, long_end, long_text), None
            long_start = _titled_lead(v, long_start)
            long_text = v.text(long_start, long_end).strip(" \"'“”")
        table[short_text] = {"long": long_text, "type": entity_type, "long_span": [long_start, long_end], "canonical": canonical}
