"""`kg cypher`: run the user's own Cypher, read-only, against the store `kg build` wrote.

Read-only is enforced by the store, not by guessing from keywords: the embedded store runs
every read with FalkorDB's ``GRAPH.RO_QUERY`` and Neo4j reads run in a READ transaction, so
``CREATE``/``MERGE``/``SET``/``DELETE``/``REMOVE`` (and writing procedures) are refused by the
database itself; this module turns that refusal into a one-line :class:`QueryError`.

Parameter values given as ``--param k=v`` are read as JSON when they parse as JSON
(numbers, ``true``, ``null``, lists, quoted strings) and as plain text otherwise:

>>> parse_params(["limit=5", "name=Llama 2", 'title="42"', "ids=[1, 2]"])
{'limit': 5, 'name': 'Llama 2', 'title': '42', 'ids': [1, 2]}
>>> sorted(missing_params("MATCH (p) WHERE p.t = '$no' AND p.k = $key RETURN p LIMIT $n", {"n": 1}))
['key']
"""

from __future__ import annotations

import difflib
import json
import re
import sys

from ..errors import QueryError, StoreError
from ..graph import LABELS, PROPERTIES, RELATIONSHIP_TYPES, relationship_types_between
from ..queries import READ_ONLY_MESSAGE, missing_params, run_cypher  # noqa: F401  (re-exported)
from ._help import HelpFormatter
from ._stores import add_param_and_format_arguments, add_store_arguments, empty_columns, open_store, print_rows

__all__ = ["parse_params", "missing_params", "run_cypher", "READ_ONLY_MESSAGE"]

def parse_params(pairs: list[str]) -> dict:
    """``key=value`` strings -> a parameter dict (JSON values where they parse, else text)."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"bad --param {pair!r}", fix="write --param key=value")
        try:
            out[key.strip()] = json.loads(value)
        except ValueError:
            out[key.strip()] = value
    return out


def register(sub) -> None:
    parser = sub.add_parser(
        "cypher",
        formatter_class=HelpFormatter,
        help="run your own read-only Cypher query",
        description="Run a Cypher query read-only against the embedded store (or Neo4j with --neo4j) and print\n"
        "the rows as a table, JSON or CSV. Writes (CREATE, MERGE, SET, DELETE, REMOVE) are refused.\n"
        "Values go in as parameters: --param name=LoRA makes $name available; values that parse as\n"
        "JSON (5, true, [1,2], \"quoted\") keep their JSON type.\n\n"
        "The graph: (:Paper)-[:PROPOSES]->(any entity); (:Paper)-[:EVALUATES_ON]->(:Dataset),\n"
        "-[:USES]->(:Model|:Method), -[:ADDRESSES]->(:Task), -[:MEASURES]->(:Metric),\n"
        "-[:RELEASES_CODE]->(:Repository); (entity)-[:VARIANT_OF]->(its family, same label).\n"
        "Entities have key, name, aliases, support (papers); papers key, title, abstract, year, url,\n"
        "external_id; a relationship from a paper has role, text, sentence (the evidence).\n"
        "Names are stored as one spelling (Llama 3.1 8B): match loosely with CONTAINS, or use\n"
        "`kg query papers_using --param name=...`, which finds any spelling or alias.",
        epilog="Examples:\n"
        '  kg cypher "MATCH (d:Dataset) RETURN d.name AS dataset, d.support AS papers ORDER BY papers DESC LIMIT 5"\n'
        '  kg cypher "MATCH (p:Paper)-->(m:Model) WHERE toLower(m.name) CONTAINS toLower($m) RETURN p.title, m.name" --param m=llama --json\n'
        '  kg cypher "MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset) RETURN d.name, count(p) AS papers ORDER BY papers DESC"\n'
        "  kg cypher - < my_query.cypher",
    )
    parser.add_argument("query", help="Cypher text, or - to read it from standard input")
    add_param_and_format_arguments(parser, "query parameter (repeatable)", first="query")
    add_store_arguments(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    cypher = sys.stdin.read() if args.query == "-" else args.query
    params = parse_params(args.param)
    if not cypher.strip():
        raise QueryError("empty Cypher query", fix='pass a query, e.g. kg cypher "MATCH (p:Paper) RETURN p.title LIMIT 5"')
    with open_store(args) as store:
        rows = run_cypher(store, cypher, params)
        keys = _property_keys(store) if not rows or empty_columns(rows) else set()
        unknown = unknown_names(cypher, keys) if keys or not rows else []
    print_rows(rows, args.fmt, unknown_properties=_unknown_properties(_STRING.sub("''", cypher), keys))
    for note in unknown:
        print(f"note: {note}", file=sys.stderr)
    return 0


_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_NODE_LABELS = re.compile(r"\(\s*\w*\s*((?::\s*`?\w+`?\s*)+)")
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*(`?\w+`?(?:\s*\|\s*:?\s*`?\w+`?)*)")
_PATTERN_VARIABLE = re.compile(r"[(\[]\s*([A-Za-z_]\w*)")
_PROPERTY = re.compile(r"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b")


def unknown_names(cypher: str, property_keys: set[str]) -> list[str]:
    """Labels, relationship types and properties a query names that paper-kg's graph does not
    have: the likely reason it found nothing ("Datset", "EVALUATED_ON", "d.nmae").

    >>> for note in unknown_names("MATCH (d:Datset)<-[:EVALUATED_ON]-(p) RETURN d.nmae, p.title, 'x.y'", {"name", "title"}):
    ...     print(note[:70])
    no node label Datset in this graph (did you mean Dataset?); labels: Pa
    no relationship type EVALUATED_ON in this graph (did you mean EVALUATE
    no property nmae on any node or relationship (did you mean name?)
    """
    text = _STRING.sub("''", cypher)
    notes = []
    labels = [label.strip(" `") for group in _NODE_LABELS.findall(text) for label in group.split(":") if label.strip(" `")]
    for label in dict.fromkeys(label for label in labels if label not in LABELS):
        notes.append(f"no node label {label} in this graph{_meant(label, LABELS)}; labels: {', '.join(LABELS)}")
    types = [t.strip(" `:") for group in _REL_TYPES.findall(text) for t in group.split("|") if t.strip(" `:")]
    for rel in dict.fromkeys(t for t in types if t not in RELATIONSHIP_TYPES):
        notes.append(f"no relationship type {rel} in this graph{_meant(rel, RELATIONSHIP_TYPES)}; types: {', '.join(RELATIONSHIP_TYPES)}")
    for prop in _unknown_properties(text, property_keys):
        notes.append(f"no property {prop} on any node or relationship{_meant(prop, sorted(property_keys))}")
    return notes + _impossible_links(text)


# "(p:Paper)-[:USES]->(d:Dataset)" or its reverse: two labelled ends and the relationship types between them
_LINK = re.compile(r"\(\s*\w*\s*:\s*`?(\w+)`?[^()]*\)\s*(<?)-\[\s*\w*\s*:\s*([\w`|: ]+?)\s*(?:\*[^\]]*)?(?:\{[^\]]*)?\]-(>?)\s*\(\s*\w*\s*:\s*`?(\w+)`?")


def _impossible_links(text: str) -> list[str]:
    """Notes on relationships between two labels that the graph never links that way: a paper uses a
    dataset through EVALUATES_ON, not USES.

    >>> _impossible_links("MATCH (p:Paper)-[:USES]->(d:Dataset) RETURN d.name")
    ['no USES relationship goes from a Paper to a Dataset: between them the graph has PROPOSES, EVALUATES_ON']
    >>> _impossible_links("MATCH (d:Dataset)<-[:EVALUATES_ON|PROPOSES]-(p:Paper) RETURN d.name")
    []
    """
    notes = []
    for match in _LINK.finditer(text):
        left, into_left, types, out_of_left, right = match.groups()
        if into_left and not out_of_left:
            left, right = right, left
        elif not out_of_left:
            continue  # undirected: either way may hold
        written = [t.strip(" `:") for t in types.split("|") if t.strip(" `:")]
        if left not in LABELS or right not in LABELS or any(t not in RELATIONSHIP_TYPES for t in written):
            continue  # an unknown name has its own note
        possible = relationship_types_between(left, right)
        if not any(t in possible for t in written):
            between = f"between them the graph has {', '.join(possible)}" if possible else "the graph links them no way in this direction"
            notes.append(f"no {'|'.join(written)} relationship goes from a {left} to a {right}: {between}")
    return notes


def _unknown_properties(text: str, property_keys: set[str]) -> list[str]:
    """Properties read from a pattern's variables (``text`` with its strings blanked) that neither
    the store nor the graph model has; none when the store's keys are unknown."""
    if not property_keys:
        return []
    variables = set(_PATTERN_VARIABLE.findall(text))
    return list(dict.fromkeys(prop for var, prop in _PROPERTY.findall(text)
                              if var in variables and prop not in property_keys and prop not in PROPERTIES))


def _meant(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6) or [k for k in known if k.lower() == name.lower()]
    return f" (did you mean {close[0]}?)" if close else ""


def _property_keys(store) -> set[str]:
    try:
        return {row["propertyKey"] for row in store.read("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey")}
    except (QueryError, StoreError):  # a store without the procedure: no property check
        return set()

