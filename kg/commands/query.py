"""`kg query`: run a named Cypher template from queries/ against the store `kg build` wrote."""

from __future__ import annotations

import argparse
import shlex
import sys

from ..errors import QueryError
from ..fulltext import SEARCH_PROPERTY
from ..normalise import plain_lower
from ..queries import KEY_SUFFIX, default_limit_reached, get_template, load_templates
from ..lookup import also_names, alternatives, describe, rank, whole_words
from ..name_notes import (MAX_TITLES_READ, NAMING_PARAMS, PLAIN_TITLE, WANTED_LABEL, candidates, close_names, close_titles,
                          ends_named, kept_out, merged_note, merged_papers, nodes_named, papers_writing, pooled, pooled_note,
                          written_note)
from ._help import HelpFormatter
from ._stores import add_param_and_format_arguments, add_store_arguments, open_store, print_rows, split_params


class _TemplateHelp(argparse.Action):
    """``kg query NAME --help``: the command's help, then that template's parameters."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        name = getattr(namespace, "name", None)
        if name:
            try:
                print("\nTemplate:\n" + list_templates(name))
            except QueryError as err:
                print(f"\n{err}")
        parser.exit()


def register(sub) -> None:
    parser = sub.add_parser(
        "query",
        add_help=False,
        formatter_class=HelpFormatter,
        help="run a named query template (kg query --list shows them)",
        description="Run one of the Cypher templates in queries/ read-only against the embedded store "
        "(or Neo4j with --neo4j). Parameters are passed as Cypher parameters, never pasted into the query.",
        epilog="Examples:\n  kg query --list\n  kg query papers_using --list        one template's parameters\n  kg query shared_datasets\n  kg query papers_sharing_dataset --param paper=MALT --json",
    )
    parser.add_argument("-h", "--help", action=_TemplateHelp, help="show this help (after a NAME: and that template's parameters)")
    parser.add_argument("name", nargs="?", help="template name (kg query NAME --list shows that template's parameters)")
    parser.add_argument("--list", action="store_true", help="list templates with their parameters (with NAME: that one)")
    add_param_and_format_arguments(parser, "template parameter (repeatable)", first="name")
    add_store_arguments(parser)
    parser.set_defaults(run=run)


def list_templates(name: str | None = None) -> str:
    """Every template, or only ``name``, with its description and parameters."""
    lines = []
    for template in ([get_template(name)] if name else load_templates().values()):
        lines.append(f"{template.name}\n    {template.description}")
        for p in template.params:
            default = f" (default {p.default})" if p.default is not None else " (required)"
            lines.append(f"    --param {p.name}=<{p.shown_type}>{default}  {p.description}")
    return "\n".join(lines)


def run(args) -> int:
    if args.list or not args.name:
        print(list_templates(args.name))
        return 0
    template = get_template(args.name)
    given = split_params(args.param)
    params = template.bind(given)
    with open_store(args) as store:
        # the id of a copy merged into another paper means that paper, before any title holding the text
        merged = merged_papers(store, params)
        if merged:
            params = template.bind({**given, **{param: paper["key"] for param, paper in merged.items()}})
        readings = ends_named(store, params)  # before the rows: a name that names several nodes is refused
        rows = store.read(template.cypher, params)
        pooled_nodes = pooled(store, template, params) if rows else {}
        chosen = rows[0].get("paper") if rows else None
        asked_paper = _closest_paper(store, params["paper"]) if not rows and "paper" in params else None
        others = _other_title_matches(store, params["paper"], chosen or asked_paper) if "paper" in params else []
        named = [k for k, value in given.items() if k in NAMING_PARAMS and value.strip().lower() not in ("", "any")]
        found = nodes_named(store, {k: params[k] for k in named if k + KEY_SUFFIX in params}) if not rows else {}
        # a paper parameter given an entity's name ("paper=GSM8K"): no title holds it, but a node is named so
        paper_named = nodes_named(store, {"paper": params["paper"]}).get("paper", []) \
            if not rows and "paper" in params and not asked_paper else []
        unfound = [k for k in named if k + KEY_SUFFIX in params and k not in found] if not rows else []
        # each name that matched nothing gets the first explanation that fits, in this order
        classes = [k for k in unfound if kept_out(given[k])]
        longer = {k: names for k in unfound if k not in classes and (names := _names_starting(store, params[k + KEY_SUFFIX]))}
        written = {k: papers for k in unfound if k not in classes and k not in longer
                   and (papers := papers_writing(store, given[k]))}
        explained = {*classes, *longer, *written}
        close = {k: names for k in unfound if k not in explained and (names := close_names(store, given[k]))}
        missing = [k for k in unfound if k not in explained and k not in close]
        titles = close_titles(store, params["paper"]) if not rows and "paper" in params and not asked_paper \
            and not paper_named and not others else []
        unsearchable = _unsearchable_papers(store) if not rows and any(p.type == "words" for p in template.params) else 0
    print_rows(rows, args.fmt)
    for param, paper in merged.items():
        print(f"note: {merged_note(param, given[param], paper)}", file=sys.stderr)
    if limit := default_limit_reached(template, given, rows):
        print(f"note: showing {limit} rows, {template.name}'s default limit; there may be more: --param limit={limit * 10}",
              file=sys.stderr)
    for param, ranked in readings.items():
        if ranked and (readings_too := alternatives(ranked, params[param])):
            note = also_names(f"{param}={params[param]!r}", ranked, readings_too,
                              lambda key, param=param: f"--param {param}={shlex.quote(key)} uses it")
            print(f"note: {note}", file=sys.stderr)
    for param, nodes in pooled_nodes.items():
        print(f"note: {pooled_note(param, given[param], nodes, f'--param {param}=KEY')}", file=sys.stderr)
    if asked_paper:
        print(f"note: paper={params['paper']!r} is the paper \u201c{asked_paper}\u201d; {template.name} finds nothing "
              "for it (see what it names with `kg query paper_entities --param paper=...`)", file=sys.stderr)
    if others:
        shown = "; ".join(f"“{title}”" for title in others[:3]) + (" ..." if len(others) > 3 else "")
        count = len(others) if len(others) < MAX_TITLES_READ else f"{MAX_TITLES_READ} or more"
        matches = f"also matches {count} other title(s), not shown" if chosen or asked_paper else f"matches {count} titles"
        print(f"note: paper={params['paper']!r} {matches}: {shown}; "
              "give more of the title or the paper's id (the key column of `kg query search_papers`)", file=sys.stderr)
    for param in classes:
        print(f"note: {param}={given[param]!r} names a class or a field, not a named thing; the graph keeps only "
              "named datasets, models, methods, tasks and metrics (ask for one, e.g. a model's name)", file=sys.stderr)
    for param, papers in written.items():
        print(f"note: {written_note(param, given[param], papers)}", file=sys.stderr)
    for param, names in longer.items():
        shown = ", ".join(f"{label} “{name}”" for label, name in names)
        print(f"note: {param}={given[param]!r} is no node here, but these names start with it: {shown}", file=sys.stderr)
    for param, names in close.items():
        print(f"note: {param}={given[param]!r} is no node here; did you mean {', '.join(repr(n) for n in names)}?", file=sys.stderr)
    if found:  # another name matched: say which one did not, rather than blame the one that did
        for param in missing:
            print(f"note: {param}={given[param]!r} is no node here; check its spelling", file=sys.stderr)
    for param, nodes in found.items():
        shown = ", ".join(describe(c) for c in nodes)
        wanted = WANTED_LABEL.get(param)
        if wanted and all(c.label != wanted for c in nodes):  # "model=GSM8K": a dataset, not a model
            print(f"note: {param}={given[param]!r} names {shown} in this graph, not a {wanted}; "
                  f"`kg query papers_using --param name={shlex.quote(nodes[0].name)}` lists the papers that name it", file=sys.stderr)
            continue
        if unfound:
            continue  # another name matched nothing: that, not this one, explains the empty answer
        # the parameters that can have ruled its rows out: those the user set, and defaults that filter
        others = [p.name for p in template.params if p.name not in (param, "limit") and p.default is not None
                  and str(given.get(p.name, p.default)).strip().lower() not in ("", "any")]
        check = f"check the other parameters ({', '.join(others)})" if others else \
            f"none of its papers has what {template.name} lists"
        print(f"note: {param}={given[param]!r} names {shown} in this graph; {check}", file=sys.stderr)
    if paper_named:
        print(f"note: paper={given['paper']!r} is in no paper's title, but names {describe(paper_named[0])}: "
              f"`kg query papers_using --param name={shlex.quote(paper_named[0].name)}` lists them", file=sys.stderr)
    if titles:
        shown = ", ".join(f"“{title}”" for title in titles)
        print(f"note: paper={given['paper']!r} is in no title; did you mean {shown}?", file=sys.stderr)
    if unsearchable:
        print(f"note: {unsearchable} paper(s) in this store have no search text (loaded by an earlier paper-kg); "
              "rebuild with `kg build`, or `kg load --replace`, so that search finds them", file=sys.stderr)
    if not rows and args.fmt == "table" and named and not found and not classes and not written and not longer and not close \
            and not asked_paper and not paper_named and not titles:
        print(f"no rows: if {' or '.join(named)} should have matched, check the spelling; `kg query search_papers "
              "--param query=WORDS` finds papers, `kg query top_entities --param limit=100` lists entity names", file=sys.stderr)
    return 0


def _unsearchable_papers(store) -> int:
    """How many stored papers lack the search text the full-text index holds (a store an
    earlier version loaded): a search cannot find them."""
    return store.read(f"MATCH (p:Paper) WHERE p.{SEARCH_PROPERTY} IS NULL RETURN count(p) AS n")[0]["n"]


def _names_starting(store, key: str) -> list[tuple[str, str]]:
    """Entities a name is the start of ("ViT-B" of ViT-B/16), most-supported first, when the name itself is no node."""
    if len(key) < 2:
        return []
    rows = store.read("MATCH (e) WHERE e.title IS NULL AND any(k IN coalesce(e.name_keys, []) WHERE k STARTS WITH $k) "
                      "RETURN labels(e)[0] AS label, e.name AS name, coalesce(e.support, 0) AS support "
                      "ORDER BY support DESC, name LIMIT 5", {"k": key})
    return [(r["label"], r["name"]) for r in rows]


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

