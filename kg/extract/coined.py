"""Names a paper coins ("MALT", "Multi-agent LLM training") found again in other papers.

The first pass only knows a coined name inside the paper that defines it; this second,
corpus-level pass (tokenizer + PhraseMatcher, no rules) finds it wherever else it is
written, so every paper that mentions MALT links to the same node.

>>> import spacy
>>> from kg.records import Mention, Paper
>>> nlp = spacy.blank("en")
>>> coined = CoinedNames()
>>> coined.add([Mention("MALT", "METHOD", "proposed", "We propose MALT.", 19, 23, "proposal")])
>>> [(m.text, m.role, m.rule) for m in coined.find(Paper("b", "Y", "We compare with MALT."), [], nlp)]
[('MALT', 'used', 'coined-elsewhere')]
>>> coined.find(Paper("c", "Y", "Multi-Array Lens Tuning (MALT) aligns lenses; MALT is optical."), [], nlp)
[]
>>> coined.add([Mention("Model Zoo", "METHOD", "proposed", "We propose Model Zoo.", 11, 20, "proposal")])
>>> coined.find(Paper("d", "Knowledge in Model Zoo for X", "We study it."), [], nlp)
[]
>>> [m.text for m in coined.find(Paper("e", "Y", "We compare with Model Zoo."), [], nlp)]
['Model Zoo']
"""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher

from ..normalise import name_key
from ..records import Mention, Paper
from . import paper_text
from .lexicon import NOT_NAMES, is_name_shaped
from .sentences import set_sentence_starts
from .words import view

__all__ = ["CoinedNames"]

_COINING_RULES = {"proposal", "abbreviation"}
_WORD = re.compile(r"[^\W_]+")


class CoinedNames:
    """Collects the names papers coin (first pass), then finds them in any paper (second pass).

    Memory grows with the number of coined names, not with the corpus.
    """

    def __init__(self) -> None:
        self.names: dict[str, tuple[str, str]] = {}  # surface form -> (type, canonical)
        self._by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self._matcher = None
        self._in_matcher: set[str] = set()
        self._spellings: dict[str, set[str]] = {}  # canonical -> the name_key of every form its papers wrote

    def add(self, mentions) -> None:
        """Remember the names one paper proposes or defines."""
        for m in mentions:
            # only a paper's own coinages: an abbreviation of an established term can mean
            # different things in different papers (SSL: self- or semi-supervised learning)
            if m.rule not in _COINING_RULES or m.role != "proposed":
                continue
            self.add_coined(m.type, m.canonical or m.text, {m.text, *m.aliases})

    def add_coined(self, entity_type: str, canonical: str, forms) -> None:
        """Remember one coined name by its written forms (a graph the papers join coined it)."""
        self._spellings.setdefault(canonical, set()).update(map(name_key, forms))
        for form in forms:
            distinctive = is_name_shaped(form) or len(form.split()) >= 3
            if distinctive and form not in NOT_NAMES and len(form) >= 3 and form not in self.names:
                self.names[form] = (entity_type, canonical)
                words = frozenset(_WORD.findall(form))
                if words:
                    self._by_word.setdefault(max(words, key=len), []).append((form, words))

    def _candidates(self, text: str, known: set[str]) -> list[str]:
        """Cheap filter: coined names, not already mentioned by the paper, whose words all occur in the text."""
        words = set(_WORD.findall(text))
        return [form for word in words for form, need in self._by_word.get(word, ()) if need <= words and form not in known]

    def _spelled_otherwise(self, text: str, form: str) -> bool:
        """Whether ``text`` writes capitalised words whose initials spell the acronym ``form``
        and which are none of the forms its coining paper wrote (in any spelling or number)."""
        if not _ACRONYM.match(form):
            return False
        own = self._spellings[self.names[form][1]]
        spelled = False
        for run in _word_runs(text, len(form)):
            if name_key(" ".join(run)) in own:
                return False  # the text also writes the coiner's words ("the dynamic linear attention of prior work")
            spelled = spelled or (all(word[0].isupper() for word in run) and "".join(word[0] for word in run) == form)
        return spelled

    def find(self, paper: Paper, mentions, nlp) -> list[Mention]:
        """Mentions of coined names in ``paper`` that its own mentions do not already cover."""
        text = paper_text(paper)
        # a name the paper already has was found everywhere in it by the first pass
        known = {form for m in mentions for form in (m.text, *m.aliases)}
        candidates = self._candidates(text, known) if self.names else []
        # "Electronic Design Automation (EDA)": a paper that spells out the letters itself means its own thing,
        # and so does one whose title or text writes other words with those initials ("Diffusion-Limited
        # Aggregation" beside DLA, coined elsewhere as Dynamic Linear Attention)
        candidates = [form for form in candidates if f"({form})" not in text and not self._spelled_otherwise(text, form)]
        if not candidates:
            return []
        if self._matcher is None:
            self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # only names some paper might contain go into the matcher, which stays small
        for form in candidates:
            if form not in self._in_matcher:
                self._matcher.add(form, [nlp.make_doc(form)])
                self._in_matcher.add(form)
        have = {(m.start, m.end) for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        doc = set_sentence_starts(nlp.make_doc(text))  # the sentences the first pass reads, so evidence agrees
        v = view(doc)
        title_end = len(paper.title)
        found = []
        for match_id, start, end in self._matcher(doc):
            span = doc[start:end]
            if (span.start_char, span.end_char) in have or span.start_char in covered:
                continue
            if span.end_char <= title_end and _plain_words(span.text):
                continue  # "... Knowledge in Model Zoo for ...": a title capitalises every word
            entity_type, canonical = self.names[nlp.vocab.strings[match_id]]
            first, last = v.sentence_bounds(v.sent_ids[start])[0], v.sentence_bounds(v.sent_ids[end - 1])[1]
            sentence = v.text(first, last).strip()
            found.append(Mention(span.text, entity_type, "used", sentence, span.start_char, span.end_char,
                                 "coined-elsewhere", 0.7, canonical=canonical))
            covered |= set(range(span.start_char, span.end_char))
        return found


def _word_runs(text: str, size: int):
    """Every run of ``size`` words in ``text`` (a hyphen parts words).

    >>> [" ".join(run) for run in _word_runs("On Diffusion-Limited Aggregation", 3)]
    ['On Diffusion Limited', 'Diffusion Limited Aggregation']
    """
    words = _LETTER_WORD.findall(text)
    for i in range(len(words) - size + 1):
        yield words[i:i + size]


_LETTER_WORD = re.compile(r"[^\W\d_][\w']*")  # a word that opens with a letter ("2D" is none)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def _plain_words(form: str) -> bool:
    """Capitalised ordinary words only ("Model Zoo"), nothing a title could not write."""
    return all(word.isalpha() and word[1:].islower() for word in form.split())
