"""What a query's names mean: the nodes a name parameter names (the same test every template
makes: key, name, alias or a spelling of one), which node each end of ``connection`` means and
whether it names several equally well, the nodes whose rows an answer takes in together, and,
when a query found nothing, the names spelled like one that is no node ("LibriSpeeech" ->
LibriSpeech) and the paper that the id of a copy merged into it as a duplicate means.  `kg query`
prints these as notes and :func:`kg.query` warns them (:class:`kg.QueryWarning`)."""

from __future__ import annotations

import difflib
import re
import shlex

from .errors import QueryError
from .lookup import Candidate, describe, rank, several, ties
from .normalise import coining_paper, name_key, plain_lower

__all__ = ["MAX_TITLES_READ", "MAX_NODES_NAMED", "PLAIN_TITLE", "NAMING_PARAMS", "PAPER_PARAMS", "PAPER_OR_ENTITY_PARAMS",
           "WANTED_LABEL", "TYPE_OF_WHAT_IS_LISTED", "entities_named", "candidates", "ends_named", "named_entities", "pooled", "pooled_note",
           "nodes_named", "close_names", "close_titles", "kept_out", "merged_papers", "merged_note",
           "papers_writing", "written_note", "family_only_note"]

# template parameters whose value names a node, and those of them that may name a paper
NAMING_PARAMS = {"paper", "source", "target", "name", "model", "entity", "dataset"}
PAPER_PARAMS = ("paper", "source", "target")
PAPER_OR_ENTITY_PARAMS = ("source", "target")  # parameters that name a paper or an entity (connection)
WANTED_LABEL = {"model": "Model", "dataset": "Dataset"}  # parameters that name one kind of node
MAX_NODES_NAMED = 20  # entities one text names, read at most
TYPE_OF_WHAT_IS_LISTED = {"related_entities"}  # templates whose type= picks what they list, not the entity named
# a title as the templates compare it: in lower case with its letters plain (a store loaded before
# plain_title has only the title)
PLAIN_TITLE = "coalesce(p.plain_title, toLower(p.title))"


def entities_named(store, text: str) -> list[Candidate]:
    """The entities ``text`` names as every template's entity parameter matches it: by key
    (``model:kestrel@p-1a2b``), by name or alias in any case, or by a spelling of one (its
    ``name_keys``); the most-supported first."""
    if not text.strip():
        return []
    rows = store.read(
        "MATCH (e) WHERE e.title IS NULL AND (e.key = $t OR $k IN coalesce(e.name_keys, []) OR toLower(e.name) = toLower($t) "
        "OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = toLower($t))) "
        "RETURN e.key AS key, labels(e)[0] AS label, e.name AS name, coalesce(e.support, 0) AS support, "
        "coalesce(e.aliases, []) AS aliases, coalesce(e.name_keys, []) AS name_keys "
        "ORDER BY support DESC, name, key LIMIT $n", {"t": text, "k": name_key(text), "n": MAX_NODES_NAMED})
    titles = _titles(store, {paper for r in rows if (paper := coining_paper(r["key"]))})
    return [Candidate(r["key"], r["label"], r["name"] or r["key"], int(r["support"] or 0), None, tuple(r["aliases"]),
                      tuple(r["name_keys"]), coined_in=titles.get(coining_paper(r["key"]), "")) for r in rows]


def _titles(store, papers: set[str]) -> dict[str, str]:
    """The titles of the papers with these keys."""
    if not papers:
        return {}
    rows = store.read("MATCH (p:Paper) WHERE p.key IN $keys RETURN p.key AS key, p.title AS title", {"keys": sorted(papers)})
    return {r["key"]: r["title"] for r in rows}


def candidates(store, text: str) -> list[Candidate]:
    """The papers and entities a `connection` end may mean, for :func:`kg.lookup.rank` (which
    picks as the template does) to say which one was used and what else the text names."""
    papers = store.read(
        f"MATCH (p:Paper) WITH p, {PLAIN_TITLE} AS title WHERE p.key = $t OR p.external_id = $t OR title CONTAINS $plain "
        "RETURN p.key AS key, p.title AS name, p.external_id AS external_id ORDER BY CASE "
        "WHEN p.key = $t OR p.external_id = $t OR title = $plain THEN 0 "
        "WHEN (' ' + replace(replace(replace(title, ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + $plain + ' ') "
        "THEN 1 ELSE 2 END, size(p.title), p.key LIMIT 20", {"t": text, "plain": plain_lower(text)})
    return entities_named(store, text) + [Candidate(r["key"], "Paper", r["name"], 0, r["external_id"]) for r in papers]


def ends_named(store, bound: dict) -> dict[str, list[Candidate]]:
    """Per parameter that names a paper or an entity (``connection``'s source and target, as
    ``bound``): what its value names, best first as the template ranks it (:mod:`kg.lookup`).
    A value that names several nodes equally well raises QueryError listing their keys, as
    `kg viz --around` does: the template would take the first key in alphabetical order."""
    out = {}
    for param in PAPER_OR_ENTITY_PARAMS:
        if param not in bound:
            continue
        text = bound[param]
        out[param] = ranked = rank(text, candidates(store, text))
        if ranked and len(tied := ties(text, ranked)) > 1:
            raise QueryError(several(f"{param}={text!r}", tied),
                             fix=f"pass one of these keys instead, e.g. params={{{param!r}: {tied[0].key!r}, ...}}",
                             cli_fix=f"pass one of these keys instead, e.g. --param {param}={shlex.quote(tied[0].key)}")
    return out


def named_entities(store, template, bound: dict) -> dict[str, list[Candidate]]:
    """Per entity parameter of ``template`` given a value (bound as ``bound``; not ``connection``'s
    ends, which :func:`ends_named` reads): the entities that value names (:func:`entities_named`),
    read once for every note that needs them."""
    out = {}
    for param in (p.name for p in template.params if p.type == "name" and p.name not in PAPER_OR_ENTITY_PARAMS):
        value = str(bound.get(param, ""))
        if value.strip().lower() not in ("", "any"):
            out[param] = entities_named(store, value)
    return out


def pooled(template, bound: dict, named: dict[str, list[Candidate]]) -> dict[str, list[Candidate]]:
    """Per entity parameter (``named``: :func:`named_entities`) whose value names several nodes
    of the kind asked for: those nodes, whose rows the answer takes in together (two papers'
    coinages of "Kestrel", and the name as a third paper uses it)."""
    asked_type = "any" if template.name in TYPE_OF_WHAT_IS_LISTED else str(bound.get("type") or "any").lower()
    out = {}
    for param, found in named.items():
        wanted = (WANTED_LABEL.get(param) or asked_type).lower()
        nodes = [c for c in found if c.label != "Repository" and wanted in ("any", c.label.lower())]
        if len(nodes) > 1:
            out[param] = nodes
    return out


def pooled_note(param: str, value: str, nodes: list[Candidate], ask_for_one: str) -> str:
    """Says that the rows take in every one of ``nodes`` (:func:`pooled`), and how to ask for one
    (``ask_for_one``, in the caller's words)."""
    asked = f"{param}={value!r}"
    return f"{several(asked, nodes)}; the rows take in all of them ({ask_for_one} with one of these keys asks for one)"


def nodes_named(store, values: dict[str, str]) -> dict[str, list[Candidate]]:
    """Per parameter, the entities its value names (:func:`entities_named`), when a query found no rows."""
    return {param: found for param, value in values.items() if (found := entities_named(store, value))}


def close_names(store, value: str) -> list[str]:
    """Entity names spelled like ``value`` (a typo: "GSM8KK", "Lamma 2"), most-supported first
    among equals; only names that start with the same letter are read, so a big store answers fast."""
    value = value.strip()
    if len(value) < 3:
        return []
    rows = store.read("MATCH (e) WHERE e.title IS NULL AND toLower(left(e.name, 1)) = $first "
                      "RETURN e.name AS name, coalesce(e.support, 0) AS support", {"first": value[:1].lower()})
    by_folded: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: (-r["support"], r["name"])):
        by_folded.setdefault(row["name"].lower(), row["name"])
    return [by_folded[f] for f in difflib.get_close_matches(value.lower(), list(by_folded), n=4, cutoff=0.75)]


_TITLE_WORD = re.compile(r"[^\W_][\w.+-]*")
MAX_TITLES_READ = 100_000  # titles a note reads at most


def close_titles(store, fragment: str) -> list[str]:
    """Titles a misspelt title fragment was meant to match ("Baichaun" -> "Baichuan 2: ..."):
    titles that hold it written with other spaces or hyphens ("Large scale Language"), else
    those that hold it once each word no title holds is read as the title word spelled most like
    it. A word with a digit is a version or a year, never respelled ("GPT-5" is not GPT-2).
    Empty when a title holds the fragment as written, or a word has no close spelling."""
    fragment = plain_lower(fragment.strip())  # as the templates compare titles: "Lukasz" is in "Łukasz-Net"
    words = [word.strip("?!.,:;\"'") for word in fragment.split()]
    if not any(words) or len(fragment) < 3:
        return []
    titles = [r["title"] for r in store.read("MATCH (p:Paper) RETURN p.title AS title LIMIT $n", {"n": MAX_TITLES_READ})
              if r["title"]]
    lowered = [plain_lower(title) for title in titles]  # once: up to MAX_TITLES_READ of them
    if any(fragment in title for title in lowered):
        return []  # it is in a title as written: nothing to respell
    joined = _spaceless(fragment)
    if len(joined) >= 6 and (spaced := [title for title, low in zip(titles, lowered) if joined in _spaceless(low)]):
        return sorted(spaced, key=len)[:3]
    vocabulary = {word for title in lowered for word in _TITLE_WORD.findall(title)}
    meant = []
    for word in words:
        if word in vocabulary or len(word) < 4 or any(c.isdigit() for c in word):
            meant.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
        if not close:
            return []
        meant.append(close[0])
    if meant == words:
        return []
    wanted = " ".join(meant)
    return sorted((title for title, low in zip(titles, lowered) if wanted in low), key=len)[:3]


def _spaceless(text: str) -> str:
    return re.sub(r"[\s\-_]+", "", text.lower())


def merged_papers(store, bound: dict) -> dict[str, dict]:
    """Per parameter naming a paper (paper, source, target) whose value is no paper's key or input
    id but the input id of a copy merged into a paper as a duplicate: that paper's ``key``,
    ``title`` and ``external_id``, the paper the value meant (an exact id: before any title that
    holds the text, as :mod:`kg.lookup` ranks it)."""
    out = {}
    for param in PAPER_PARAMS:
        value = bound.get(param)
        if not isinstance(value, str) or not value.strip():
            continue
        if store.read("MATCH (p:Paper) WHERE p.key = $v OR p.external_id = $v RETURN count(p) AS n", {"v": value})[0]["n"]:
            continue
        rows = store.read("MATCH (p:Paper) WHERE $v IN coalesce(p.merged_ids, []) RETURN p.key AS key, p.title AS title, "
                          "p.external_id AS external_id ORDER BY p.key LIMIT 1", {"v": value})
        if rows:
            out[param] = rows[0]
    return out


def merged_note(param: str, value: str, paper: dict) -> str:
    """Says that ``value`` was merged into ``paper`` (one of :func:`merged_papers`), and was answered for it.

    >>> merged_note("paper", "j6", {"key": "p-1", "title": "Gödel Prover", "external_id": "j1"})
    "paper='j6' is the id of a copy merged into the paper “Gödel Prover” ('j1') as a duplicate; answered for that paper (ask for it by 'j1')"
    """
    kept = paper["external_id"] or paper["key"]
    return (f"{param}={value!r} is the id of a copy merged into the paper \u201c{paper['title']}\u201d ({kept!r}) as a "
            f"duplicate; answered for that paper (ask for it by {kept!r})")


MAX_WRITING_PAPERS = 500  # papers a no-node note reads at most: it counts "500 or more" past that


def papers_writing(store, value: str, besides: set[str] = frozenset(), longer: tuple[str, ...] = ()) -> tuple[list[dict], bool]:
    """Papers (title, key) whose title or abstract writes ``value`` as a name of its own, found by
    the full-text index's phrase, at most :data:`MAX_WRITING_PAPERS` read (those keyed in
    ``besides``, the answer's own papers, left out): where a name that is no node is written all
    the same, so an empty answer shows an extraction gap for what it is, not as a typo.  A paper
    that writes it only as part of a longer name ("cifar" in "CIFAR-10", "Llama 3" in "Llama 3.1
    8B", "lifelong" in "lifelong learning" where that is a node's name: ``longer``) does not count:
    the index splits that name into words, but the paper named something else.  With them, whether
    the search read its most (there may be more)."""
    from .queries import run_template

    phrase = value.replace('"', " ").strip()
    if not _name_like(phrase):
        return [], False
    try:
        found = run_template(store, "search_papers", {"query": f'"{phrase}"', "limit": MAX_WRITING_PAPERS})
    except QueryError:
        return [], False  # a store loaded without the index: the note is a courtesy, not the answer
    texts = {r["key"]: f"{r['title']}\n{r['abstract']}" for r in store.read(
        "MATCH (p:Paper) WHERE p.key IN $keys RETURN p.key AS key, p.title AS title, coalesce(p.abstract, '') AS abstract",
        {"keys": [r["key"] for r in found]})}
    alone = _written_alone(phrase, longer)
    writing = [r for r in found if r["key"] not in besides and alone.search(plain_lower(texts.get(r["key"], "")))]
    return writing, len(found) == MAX_WRITING_PAPERS


def _written_alone(phrase: str, longer: tuple[str, ...] = ()) -> re.Pattern:
    """``phrase`` as a name of its own: its words in any spacing, not glued to a letter, digit or
    hyphen on either side, nor followed by a version or a size ("cifar" is not alone in
    "CIFAR-10", nor "llama 3" in "Llama 3.1 8B", nor "mixtral" in "Mixtral 8x7B"; "Jailbreak" is
    in "Jailbreak Work").

    >>> [bool(_written_alone("cifar").search(t)) for t in ("on cifar-10", "cifar, svhn", "ciphar")]
    [False, True, False]
    >>> [bool(_written_alone(name).search(t)) for name, t in (("llama 3", "llama 3.1 8b"), ("mixtral", "mixtral 8x7b"),
    ...                                                        ("wer", "wer. then"), ("word error rate", "word error rate (wer)"))]
    [False, False, True, True]
    >>> bool(_written_alone("lifelong", ("Lifelong learning",)).search("a lifelong learning agent"))
    False
    """
    words = r"[\s-]+".join(re.escape(word) for word in plain_lower(phrase).split())
    lowered = plain_lower(phrase)
    rests = [plain_lower(name)[len(lowered):].strip() for name in longer if plain_lower(name).startswith(lowered)]
    goes_on = "".join(rf"|[\s-]+{re.escape(rest)}\b" for rest in rests if rest)
    return re.compile(rf"(?<![\w-]){words}(?![\w]|[-.]\w|\s+\d{goes_on})")


_FUNCTION_WORDS = frozenset("a an the we our this that these is are was be of on in for to with by and or not no as it "
                            "its from at propose proposed use used".split())


def _name_like(value: str) -> bool:
    """Whether ``value`` could be a name the extractor missed: not a function word, nor prose that
    holds one ("we propose"); a name of one letter is too short to tell.

    >>> [_name_like(v) for v in ("LARS", "mixup", "3dgs", "label smoothing", "a", "NOT", "we propose", "N")]
    [True, True, True, True, False, False, False, False]
    """
    words = value.lower().split()
    return len(value) >= 2 and bool(words) and _FUNCTION_WORDS.isdisjoint(words)


def written_note(param: str, value: str, rows: list[dict], search: str, more: bool = False) -> str:
    """The note for a name that is no node but that ``rows`` (:func:`papers_writing`) write;
    ``search``: how the caller runs the search that lists them.

    >>> print(written_note("name", "LARS", [{"title": "Revisiting LARS", "key": "p-1"}], "`kg query search_papers`"))
    name='LARS' is no node, but 1 paper writes it, e.g. “Revisiting LARS” ('p-1'): the extractor found no entity by that name there; `kg query search_papers` lists them
    >>> written_note("name", "GPT", [{"title": "GPT Notes", "key": "p-2"}] * 3, "...", more=True).split(",")[0]
    "name='GPT' is no node"
    >>> "3 or more papers write it" in written_note("name", "GPT", [{"title": "GPT Notes", "key": "p-2"}] * 3, "...", more=True)
    True
    """
    return (f"{param}={value!r} is no node, but {_writers(rows, more)}: the extractor found no entity by that name there; "
            f"{search} lists them")


def family_only_note(param: str, value: str, node: Candidate, rows: list[dict], search: str, more: bool = False) -> str:
    """The note for a name whose node no paper names by itself, only through kinds of it (the
    answer's rows), though ``rows`` (:func:`papers_writing`) write the name.

    >>> node = Candidate("task:if", "Task", "instruction following", 0)
    >>> print(family_only_note("name", "instruction following", node, [{"title": "On IF", "key": "p-1"}], "`kg query search_papers`"))
    name='instruction following' is Task “instruction following” (no paper by itself), the family of the names the rows are for; besides the rows' papers, 1 paper writes it, e.g. “On IF” ('p-1'), where the extractor found no entity by that name; `kg query search_papers` lists them
    """
    return (f"{param}={value!r} is {describe(node)}, the family of the names the rows are for; besides the rows' "
            f"papers, {_writers(rows, more)}, where "
            f"the extractor found no entity by that name; {search} lists them")


def _writers(rows: list[dict], more: bool) -> str:
    count = f"{len(rows)} or more" if more else str(len(rows))
    verb = "paper writes" if len(rows) == 1 and not more else "papers write"
    return f"{count} {verb} it, e.g. \u201c{rows[0]['title']}\u201d ({rows[0]['key']!r})"


def kept_out(value: str) -> bool:
    """Whether extraction keeps ``value`` out of the graph as a class or field ("LLM", "large
    language models", "deep learning"), which explains an empty answer better than a typo would."""
    from .extract.lexicon import NOT_NAMES, is_generic_class  # spaCy loads only on this path
    from .extract.resolve import generic_keys
    from .extract.words import word_key

    value = value.strip()
    return value in NOT_NAMES or is_generic_class(value) or word_key(value) in generic_keys()
