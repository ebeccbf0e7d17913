"""Which node a name means, when a text can name a paper and an entity at once.

"MALT" is the method MALT and the paper "MALT: Improving Reasoning with Multi-Agent LLM
Training"; "lottery ticket" is an alias of the method "lottery ticket hypothesis" and part of
the title "Stabilizing the Lottery Ticket Hypothesis".  The ``connection`` template and
``kg viz --around`` pick one node by the same rule, the first tier that matches:

0. exact: a node's key, a paper's input id, or a paper's whole title (any case); then a paper
   one of whose merged duplicates had the text as its input id (``merged_ids``);
1. an entity whose name is the text (any case) and that papers mention (support > 0);
2. the paper whose title holds the text as whole words (or as the name before its
   colon), when only one title does;
3. an entity with the text as an alias or a spelling of a name or alias (``name_keys``: "Moller-QA"
   is a spelling of Møller-QA), support > 0;
4. a paper whose title contains the text: the name before its colon first, then whole
   words, then anywhere; shorter titles first;
5. an entity that no paper names by itself (support 0: a family known through its variants).

Titles compare in lower case with their letters plain ("Lukasz" finds Łukasz), as the full-text
search reads them.  Within a tier, entities that more papers mention come first, then shorter
names, then keys.
``alternatives`` says what else the text named, so that a command can tell the user which
node it used and how to ask for another (a key is always exact: tier 0), and :func:`also_names`
says so; ``ties`` are nodes it names equally well (two papers' coinages of one name), which
:func:`several` lists with their keys, since nothing but their keys' order would pick one.

>>> papers = [Candidate("p-1", "Paper", "MALT: Improving Reasoning"), Candidate("p-2", "Paper", "Stabilizing the Lottery Ticket Hypothesis")]
>>> malt = Candidate("method:malt", "Method", "MALT", support=1, name_keys=("malt",))
>>> lth = Candidate("method:lth", "Method", "lottery ticket hypothesis", support=4, name_keys=("lotteryticket", "lotterytickethypothesis"))
>>> [c.key for c in rank("MALT", [*papers, malt, lth])]
['method:malt', 'p-1']
>>> [c.key for c in rank("lottery ticket", [*papers, malt, lth])]
['p-2', 'method:lth']
>>> semeval = Candidate("p-6", "Paper", "Our System at SemEval-2017 Task 4")
>>> [c.key for c in rank("17", [semeval, Candidate("p-5", "Paper", "ZorbNet", merged_ids=("17",))])]
['p-5', 'p-6']
"""

from __future__ import annotations

from dataclasses import dataclass

from .normalise import name_key, plain_lower

__all__ = ["Candidate", "rank", "tier", "ties", "whole_words", "alternatives", "several", "also_names", "describe",
           "MAX_LISTED"]

MAX_LISTED = 8  # nodes that a message about a text naming several lists


@dataclass(frozen=True)
class Candidate:
    """A node a name may mean: a paper (``name`` is its title) or an entity."""

    key: str
    label: str
    name: str
    support: int = 0
    external_id: str | None = None
    aliases: tuple[str, ...] = ()
    name_keys: tuple[str, ...] = ()
    merged_ids: tuple[str, ...] = ()  # a paper's: the input ids of copies merged into it
    coined_in: str = ""  # the title of the paper whose own node this is, where several papers coin the name

    @property
    def is_paper(self) -> bool:
        return self.label == "Paper"


def whole_words(title: str, text: str) -> bool:
    """Whether ``title`` holds ``text`` as whole words (":", "," and "?" count as spaces), case and
    accents aside, as the templates test it.

    >>> whole_words("Łukasz-Net: Tiny Parsers", "lukasz-net"), whole_words("Łukasz-Net: Tiny Parsers", "Parse")
    (True, False)
    """
    spaced = " " + plain_lower(title).replace(":", " ").replace(",", " ").replace("?", " ") + " "
    return (" " + plain_lower(text) + " ") in spaced


def _matches(text: str, key: str, c: Candidate) -> bool:
    low = text.lower()
    if c.key == text or c.key.lower() == low or (c.external_id and c.external_id == text):
        return True
    if c.is_paper:
        return text in c.merged_ids or plain_lower(text) in plain_lower(c.name)
    return (c.name.lower() == low or any(a.lower() == low for a in c.aliases)
            or bool(key) and (key in c.name_keys or key in (name_key(n) for n in (c.name, *c.aliases))))


def tier(text: str, c: Candidate, single_title: bool) -> tuple:
    """The sort key of a candidate that matches ``text`` (lower is better)."""
    low, plain = text.lower(), plain_lower(text)
    title = plain_lower(c.name) if c.is_paper else None
    exact = c.key == text or c.key.lower() == low or (c.external_id and c.external_id == text) or title == plain
    merged = not exact and text in c.merged_ids  # exact too, after the paper's own ids and title ("17" before "SemEval-2017")
    if exact or merged:
        level = 0
    elif c.is_paper:
        level = 2 if single_title and whole_words(c.name, text) else 4
    elif c.support <= 0:
        level = 5
    else:
        level = 1 if c.name.lower() == low else 3
    if c.is_paper:
        within = 3 if merged else 0 if title.startswith(plain + ":") else 1 if whole_words(c.name, text) else 2
    else:
        within = 0
    return (level, within, -max(c.support, 0), len(c.name))


def rank(text: str, candidates) -> list[Candidate]:
    """The candidates that ``text`` matches, best first (the first is the node it means)."""
    key = name_key(text)
    found = [c for c in candidates if _matches(text, key, c)]
    single = _single_title(text, found)
    return sorted(found, key=lambda c: (*tier(text, c, single), c.key))


def _single_title(text: str, found) -> bool:
    """Whether only one title of ``found`` holds ``text`` as whole words (tier 2 then takes it)."""
    return sum(1 for c in found if c.is_paper and whole_words(c.name, text)) == 1


def ties(text: str, ranked: list[Candidate]) -> list[Candidate]:
    """The candidates of ``ranked`` (from :func:`rank`) that ``text`` matches as well as the first:
    more than one, and no rule says which node it means but their keys' order (papers tie only
    under one title).

    >>> kestrels = [Candidate(f"model:kestrel@p-{i}", "Model", "Kestrel", support=1) for i in (1, 2)]
    >>> [c.key for c in ties("Kestrel", rank("Kestrel", kestrels))]
    ['model:kestrel@p-1', 'model:kestrel@p-2']
    """
    single = _single_title(text, ranked)
    best = tier(text, ranked[0], single)
    return [c for c in ranked if tier(text, c, single) == best and (not c.is_paper or c.name == ranked[0].name)]


def alternatives(ranked: list[Candidate], text: str) -> list[Candidate]:
    """Besides the chosen node (``ranked[0]``): the best other paper, and the best other entity
    with every entity ``text`` names as well as that one (each node of a name several papers
    coin).  A title that holds the text only inside a word ("Pile" in "Compiler") is no other
    reading of it.

    >>> pile = Candidate("dataset:pile", "Dataset", "The Pile", support=3, aliases=("Pile",))
    >>> compiler = Candidate("p-9", "Paper", "LLMs for Compiler Optimization")
    >>> alternatives([pile, compiler], "Pile"), [c.key for c in alternatives([pile, compiler], "Compiler")]
    ([], ['p-9'])
    >>> kestrels = [Candidate(f"model:kestrel@p-{i}", "Model", "Kestrel", support=3 - i) for i in range(3)]
    >>> [c.key for c in alternatives(rank("Kestrel", kestrels), "Kestrel")]
    ['model:kestrel@p-1', 'model:kestrel@p-2']
    """
    single = _single_title(text, ranked)
    out, paper_found, entity_level = [], False, None
    for c in ranked[1:]:
        if c.is_paper and not paper_found and (whole_words(c.name, text) or c.key == text):
            paper_found = True
            out.append(c)
        elif not c.is_paper and entity_level in (None, tier(text, c, single)[:2]):
            entity_level = tier(text, c, single)[:2]
            out.append(c)
    return out


def several(asked: str, tied: list[Candidate]) -> str:
    """Says that ``asked`` names the ``tied`` nodes equally well, and each one's key.

    >>> kestrel = Candidate("model:kestrel@p-1", "Model", "Kestrel", support=1, coined_in="Kestrel: Fast Decoding")
    >>> several("'Kestrel'", [kestrel, Candidate("model:kestrel", "Model", "Kestrel", support=1)])
    "'Kestrel' names 2 nodes equally well: Model “Kestrel” (1 paper, coined in “Kestrel: Fast Decoding”): model:kestrel@p-1; Model “Kestrel” (1 paper): model:kestrel"
    """
    listed = "; ".join(f"{describe(c)}: {c.key}" for c in tied[:MAX_LISTED])
    more = f"; and {len(tied) - MAX_LISTED} more" if len(tied) > MAX_LISTED else ""
    return f"{asked} names {len(tied)} nodes equally well: {listed}{more}"


def also_names(asked: str, ranked: list[Candidate], others: list[Candidate], use) -> str:
    """Says which node ``asked`` was taken for (``ranked[0]``) and, for each of the ``others``
    (:func:`alternatives`) it also names, how to ask for it (``use(key)``).

    >>> malt, paper = Candidate("method:malt", "Method", "MALT", support=1), Candidate("p-1", "Paper", "MALT: Improving")
    >>> also_names("--around 'malt'", [malt, paper], [paper], lambda key: f"--around {key} draws it")
    "--around 'malt' is Method “MALT” (1 paper); it also names the paper “MALT: Improving”: --around p-1 draws it"
    """
    also = "; ".join(f"{describe(c)}: {use(c.key)}" for c in others)
    return f"{asked} is {describe(ranked[0])}; it also names {also}"


def describe(c: Candidate) -> str:
    """ 'the paper “TITLE”', 'Method “MALT” (1 paper)', or for one of the nodes that share a name,
    the paper that coined it: 'Model “Kestrel” (1 paper, coined in “Kestrel: ...”)' """
    if c.is_paper:
        return f"the paper \u201c{c.name}\u201d"
    papers = "no paper by itself" if c.support <= 0 else f"{c.support} paper{'s' if c.support != 1 else ''}"
    coined = f", coined in \u201c{c.coined_in}\u201d" if c.coined_in else ""
    return f"{c.label} \u201c{c.name}\u201d ({papers}{coined})"
