"""Why a template's answer is what it is: the notes `kg query` prints and :func:`kg.query` warns,
from one decision, so that the two never tell a user different things.

:func:`answer` runs a template and explains it: a paper asked for by a merged copy's id, a name
that names several nodes, rows cut at the default limit and, for an empty answer, why each name
matched nothing (a class the graph keeps out, a name no node has but papers write, names that
start with it, a typo) or why a name that matched found no rows.  Only the way to ask again is
phrased per caller, by an :class:`Asking` (:data:`CLI` or :data:`PYTHON`).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Callable

from .fulltext import SEARCH_PROPERTY
from .graph import ENTITY_LABELS
from .lookup import Candidate, also_names, alternatives, describe, rank, whole_words
from .name_notes import (MAX_TITLES_READ, NAMING_PARAMS, PLAIN_TITLE, WANTED_LABEL, candidates, close_names, close_titles,
                         ends_named, family_only_note, kept_out, merged_note, merged_papers, named_entities, nodes_named,
                         papers_writing, pooled, pooled_note, written_note)
from .normalise import name_key, plain_lower
from .queries import KEY_SUFFIX, Template, default_limit_reached

__all__ = ["Answer", "Asking", "CLI", "PYTHON", "answer"]


class Placeholder(str):
    """A value the user fills in ("KEY", "WORDS"), written bare rather than quoted."""


@dataclass(frozen=True)
class Asking:
    """How a caller sets one parameter and runs a template, in the notes' suggestions.

    >>> CLI.set("name", "Llama 2"), PYTHON.set("name", "Llama 2"), PYTHON.set("paper", Placeholder("KEY"))
    ("--param name='Llama 2'", "params['name'] = 'Llama 2'", "params['paper'] = KEY")
    >>> CLI.run("papers_using", {"name": "GSM8K"}), PYTHON.run("search_papers", {"query": Placeholder("WORDS")})
    ('`kg query papers_using --param name=GSM8K`', "kg.query('search_papers', {'query': WORDS})")
    """

    set: Callable[[str, object], str]
    run: Callable[[str, dict], str]


def _python_value(value) -> str:
    return str(value) if isinstance(value, Placeholder) else repr(value)


def _cli_run(template: str, params: dict) -> str:
    return "`kg query " + " ".join([template, *(f"--param {k}={shlex.quote(str(v))}" for k, v in params.items())]) + "`"


def _python_run(template: str, params: dict) -> str:
    shown = ", ".join(f"{k!r}: {_python_value(v)}" for k, v in params.items())
    return f"kg.query({template!r}, {{{shown}}})"


CLI = Asking(lambda param, value: f"--param {param}={shlex.quote(str(value))}", _cli_run)
PYTHON = Asking(lambda param, value: f"params[{param!r}] = {_python_value(value)}", _python_run)


@dataclass(frozen=True)
class Answer:
    """A template's rows, and the notes that explain them, in the order they should be shown."""

    rows: list[dict]
    notes: list[str]


def answer(store, template: Template, given: dict, asking: Asking) -> Answer:
    """Run ``template`` with the parameters as the user gave them (``given``) and explain its rows.
    A ``connection`` end that names several nodes equally well raises QueryError (:func:`ends_named`)."""
    notes = []
    params = template.bind(given)
    # the id of a copy merged into another paper means that paper, before any title holding the text
    merged = merged_papers(store, params)
    if merged:
        params = template.bind({**given, **{param: paper["key"] for param, paper in merged.items()}})
        notes += [merged_note(param, given[param], paper) for param, paper in merged.items()]
    readings = ends_named(store, params)  # before the rows: a name that names several nodes is refused
    rows = store.read(template.cypher, params)
    if limit := default_limit_reached(template, given, rows):
        notes.append(f"showing {limit} rows, {template.name}'s default limit; there may be more: {asking.set('limit', limit * 10)}")
    for param, ranked in readings.items():
        if ranked and (readings_too := alternatives(ranked, params[param])):
            notes.append(also_names(f"{param}={params[param]!r}", ranked, readings_too,
                                    lambda key, param=param: f"{asking.set(param, key)} uses it"))
    if rows:
        named = named_entities(store, template, params)
        for param, nodes in pooled(template, params, named).items():
            notes.append(pooled_note(param, given[param], nodes, asking.set(param, Placeholder("KEY"))))
        notes += _family_only_notes(store, given, named, rows, asking)
    paper_notes = _paper_notes(store, template, given, params, rows, asking)
    notes += paper_notes
    if not rows:
        notes += _empty_answer_notes(store, template, given, params, asking, paper_explained=bool(paper_notes))
    return Answer(rows, notes)


def _family_only_notes(store, given: dict, named: dict[str, list[Candidate]], rows: list[dict], asking: Asking) -> list[str]:
    """For a name whose node no paper names by itself (a family known through its kinds, whose
    papers the rows are), the papers that write the name all the same."""
    if "key" not in rows[0]:
        return []  # rows that are no papers (related_entities' entities): which papers they stand for is unsaid
    notes = []
    for param, nodes in named.items():
        if not nodes or any(c.support for c in nodes):
            continue
        value = str(given.get(param, "")).strip()
        # the rows' own papers name a kind of it: only the others are papers the extractor missed it in
        papers, more = papers_writing(store, value, besides={row.get("key") for row in rows})
        if papers:
            notes.append(family_only_note(param, value, nodes[0], papers, asking.run("search_papers", {"query": value}), more))
    return notes


def _paper_notes(store, template: Template, given: dict, params: dict, rows: list[dict], asking: Asking) -> list[str]:
    """Which paper a ``paper`` parameter was taken for, when its text matches several titles or
    a paper with nothing to list, and what a text that matches no title means instead."""
    if "paper" not in params:
        return []
    notes = []
    asked_paper = _closest_paper(store, params["paper"]) if not rows else None
    chosen = rows[0].get("paper") if rows else asked_paper
    if asked_paper:
        # paper_entities itself empty: the extractor found nothing in it, so suggesting it again would loop
        seen = ("the extractor found no entity in its title or abstract" if template.name == "paper_entities" else
                f"see what it names with {asking.run('paper_entities', {'paper': params['paper']})}")
        notes.append(f"paper={params['paper']!r} is the paper \u201c{asked_paper}\u201d; {template.name} finds nothing for it ({seen})")
    others = _other_title_matches(store, params["paper"], chosen)
    if others:
        shown = "; ".join(f"\u201c{title}\u201d" for title in others[:3]) + (" ..." if len(others) > 3 else "")
        count = len(others) if len(others) < MAX_TITLES_READ else f"{MAX_TITLES_READ} or more"
        matches = f"also matches {count} other title(s), not shown" if chosen else f"matches {count} titles"
        notes.append(f"paper={params['paper']!r} {matches}: {shown}; give more of the title or the paper's id "
                     f"(the key column of {asking.run('search_papers', {'query': Placeholder('WORDS')})})")
    if rows or asked_paper:
        return notes
    # a paper parameter given an entity's name ("paper=GSM8K"): no title holds it, but a node is named so
    if named := nodes_named(store, {"paper": params["paper"]}).get("paper", []):
        notes.append(f"paper={given['paper']!r} is in no paper's title, but names {describe(named[0])}: "
                     f"{asking.run('papers_using', {'name': named[0].name})} lists them")
    elif not others and (titles := close_titles(store, params["paper"])):
        notes.append(f"paper={given['paper']!r} is in no title; did you mean {', '.join(f'“{t}”' for t in titles)}?")
    return notes


def _empty_answer_notes(store, template: Template, given: dict, params: dict, asking: Asking, *,
                        paper_explained: bool) -> list[str]:
    """Why each name parameter of an empty answer matched nothing (:func:`_why_no_node`), or, when every name matched, what else can have ruled the rows out; when nothing
    explains it (nor a note on the ``paper`` parameter), where to look for the names."""
    notes = []
    named = [k for k, value in given.items() if k in NAMING_PARAMS and str(value).strip().lower() not in ("", "any")]
    found = nodes_named(store, {k: params[k] for k in named if k + KEY_SUFFIX in params})
    unfound = [k for k in named if k + KEY_SUFFIX in params and k not in found]
    explained = set()
    for param in unfound:
        value = str(given[param])
        if note := _why_no_node(store, param, value, params[param + KEY_SUFFIX], asking):
            notes += note
        elif found:  # another name matched: say which one did not, rather than blame the one that did
            notes.append(f"{param}={value!r} is no node here; check its spelling")
        else:
            continue
        explained.add(param)
    for param, nodes in found.items():
        shown = ", ".join(describe(c) for c in nodes)
        wanted = WANTED_LABEL.get(param)
        if wanted and all(c.label != wanted for c in nodes):  # "model=GSM8K": a dataset, not a model
            notes.append(f"{param}={given[param]!r} names {shown} in this graph, not a {wanted}; "
                         f"{asking.run('papers_using', {'name': nodes[0].name})} lists the papers that name it")
            explained.add(param)
            continue
        if unfound:
            continue  # another name matched nothing: that, not this one, explains the empty answer
        # the parameters that can have ruled its rows out: those the user set, and defaults that filter
        others = [p.name for p in template.params if p.name not in (param, "limit") and p.default is not None
                  and str(given.get(p.name, p.default)).strip().lower() not in ("", "any")]
        check = f"check the other parameters ({', '.join(others)})" if others else f"none of its papers has what {template.name} lists"
        notes.append(f"{param}={given[param]!r} names {shown} in this graph; {check}")
        explained.add(param)
    if "lower_names" in template.cypher and (unlisted := _entities_without_lower_names(store)):
        notes.append(f"{unlisted} entit(ies) in this store have no lower_names (loaded by an earlier paper-kg): "
                     f"{template.name} finds them only by their key or a spelling of their name in its written case; "
                     "rebuild with `kg build`, or `kg load --replace`, so that any case finds them")
    if any(p.type == "words" for p in template.params) and (unsearchable := _unsearchable_papers(store)):
        notes.append(f"{unsearchable} paper(s) in this store have no search text (loaded by an earlier paper-kg); "
                      "rebuild with `kg build`, or `kg load --replace`, so that search finds them")
    if named and not explained and not found and not paper_explained:
        # a name no node has and nothing is spelled like (a title fragment is looked up otherwise)
        unknown = "".join(f"{k}={str(given[k])!r} is no node here, and no name in the graph is spelled like it; "
                          for k in unfound if k != "paper")
        notes.append(f"no rows: {unknown}if {' or '.join(named)} should have matched, check the spelling; "
                     f"{asking.run('search_papers', {'query': Placeholder('WORDS')})} finds papers, "
                     f"{asking.run('top_entities', {'limit': 100})} lists entity names")
    return notes


def _why_no_node(store, param: str, value: str, key: str, asking: Asking) -> list[str]:
    """What a name that is no node is: a class the graph keeps out; else a name papers write (an
    extraction gap) and the start of longer names, either or both; else a typo of a name."""
    if kept_out(value):
        return [f"{param}={value!r} names a class or a field, not a named thing; the graph keeps only named "
                "datasets, models, methods, tasks and metrics (ask for one, e.g. a model's name)"]
    notes = []
    names = _names_starting(store, key)
    # a paper that writes it as the start of one of those names ("lifelong learning") named that node
    papers, more = papers_writing(store, value, longer=tuple(written for _, _, written in names))
    if papers:
        notes.append(written_note(param, value, papers, asking.run("search_papers", {"query": value.strip()}), more))
    if names:
        shown = ", ".join(f"{label} \u201c{name}\u201d" + (f", as \u201c{written}\u201d" if written != name else "")
                          for label, name, written in names)
        notes.append(f"{param}={value!r} is no node here, but these names start with it: {shown}")
    if not notes and (close := close_names(store, value)):
        notes.append(f"{param}={value!r} is no node here; did you mean {', '.join(repr(n) for n in close)}?")
    return notes


def _unsearchable_papers(store) -> int:
    """How many stored papers lack the search text the full-text index holds (a store an
    earlier version loaded): a search cannot find them."""
    return store.read(f"MATCH (p:Paper) WHERE p.{SEARCH_PROPERTY} IS NULL RETURN count(p) AS n")[0]["n"]


def _entities_without_lower_names(store) -> int:
    """How many stored entities lack the lower-case names the name lookups compare (a store an
    earlier version loaded)."""
    return sum(store.read(f"MATCH (n:{label}) WHERE n.lower_names IS NULL RETURN count(n) AS n")[0]["n"]
               for label in ENTITY_LABELS.values())


def _names_starting(store, key: str) -> list[tuple[str, str, str]]:
    """Entities a name is the start of ("ViT-B" of ViT-B/16), most-supported first, when the name
    itself is no node, each as (label, name, the name or alias it starts: "lifelong" starts
    continual learning's alias “lifelong learning”)."""
    if len(key) < 2:
        return []
    rows = store.read("MATCH (e) WHERE e.title IS NULL AND any(k IN coalesce(e.name_keys, []) WHERE k STARTS WITH $k) "
                      "RETURN labels(e)[0] AS label, e.name AS name, coalesce(e.aliases, []) AS aliases, "
                      "coalesce(e.support, 0) AS support ORDER BY support DESC, name LIMIT 5", {"k": key})
    return [(r["label"], r["name"], next((form for form in (r["name"], *r["aliases"]) if name_key(form).startswith(key)), r["name"]))
            for r in rows]


def _other_title_matches(store, paper: str, chosen: str | None) -> list[str]:
    """Titles a paper fragment matches, other than the one the template's rows name (``chosen``;
    when there are no rows, every title it matches)."""
    rows = store.read(
        f"MATCH (p:Paper) WHERE p.key = $f OR p.external_id = $f OR {PLAIN_TITLE} = $plain RETURN count(p) AS n",
        {"f": paper, "plain": plain_lower(paper)})
    if rows and rows[0]["n"]:
        return []  # named exactly
    # every title is read (a title is short), so that the count the note gives is the true one
    # after the whole-word filter, not that of a first page
    rows = store.read(f"MATCH (p:Paper) WHERE {PLAIN_TITLE} CONTAINS $plain "
                      "RETURN p.title AS title ORDER BY size(p.title), p.key LIMIT $n", {"plain": plain_lower(paper), "n": MAX_TITLES_READ})
    titles = [r["title"] for r in rows]
    if chosen in titles:
        titles.remove(chosen)
        if whole_words(chosen, paper):  # "MALT" is the MALT paper; "Maltese" holds it only inside a word
            titles = [title for title in titles if whole_words(title, paper)]
    return titles


def _closest_paper(store, text: str) -> str | None:
    """The title of the paper a template's ``paper`` parameter picks (as :func:`kg.lookup.rank` ranks papers)."""
    papers = [c for c in candidates(store, text) if c.is_paper]
    ranked = rank(text, papers)
    return ranked[0].name if ranked else None
