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

import json
import sys

from ..errors import QueryError, StoreError
from ..cypher_notes import STRING, unknown_names, unknown_properties
from ..queries import READ_ONLY_MESSAGE, missing_params, run_cypher  # noqa: F401  (re-exported)
from ._help import HelpFormatter
from ._stores import (add_param_and_format_arguments, add_store_arguments, empty_columns, open_store, print_rows,
                      split_params)

__all__ = ["parse_params", "missing_params", "run_cypher", "READ_ONLY_MESSAGE"]

def parse_params(pairs: list[str]) -> dict:
    """``key=value`` strings -> a parameter dict (JSON values where they parse, else text)."""
    out = {}
    for key, value in split_params(pairs).items():
        try:
            out[key] = json.loads(value)
        except ValueError:
            out[key] = value
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
        "Entities have key, name, aliases, name_keys (the match keys of the name and aliases), lower_names\n"
        "(the name and aliases in lower case), support (papers);\n"
        "papers key, title, plain_title (lower case, accents folded: what title lookups compare), abstract, year, url,\n"
        "external_id, merged_ids (the ids of copies merged into it); a relationship from a paper has role, text, sentence (the evidence), start, end,\n"
        "rule and confidence.\n"
        "Names are stored as one spelling (Llama 3.1 8B): match loosely with CONTAINS, or use\n"
        "`kg query papers_using --param name=...`, which finds any spelling or alias.",
        epilog="Examples:\n"
        '  kg cypher "MATCH (d:Dataset) RETURN d.name AS dataset, d.support AS papers ORDER BY papers DESC LIMIT 5"\n'
        "  kg cypher 'MATCH (p:Paper)-->(m:Model) WHERE toLower(m.name) CONTAINS toLower($m) RETURN p.title, m.name' --param m=llama --json\n"
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
    with open_store(args, read_only=True) as store:
        rows = run_cypher(store, cypher, params)
        keys = _property_keys(store) if not rows or empty_columns(rows) else set()
        unknown = unknown_names(cypher, keys) if keys or not rows else []
    print_rows(rows, args.fmt, unknown_properties=unknown_properties(STRING.sub("''", cypher), keys))
    for note in unknown + ([] if rows else decimal_notes(split_params(args.param), params)):
        print(f"note: {note}", file=sys.stderr)
    return 0


def decimal_notes(texts: dict[str, str], params: dict) -> list[str]:
    """For an empty answer: the values read as decimal numbers, which an arXiv id or a version
    written as text (2105.01234) never equals.

    >>> for note in decimal_notes({"id": "2105.01234", "n": "5"}, parse_params(["id=2105.01234", "n=5"])): print(note)
    --param id=2105.01234 was read as the number 2105.01234; if the property holds text (an arXiv id, a version), quote it: --param 'id="2105.01234"'
    """
    return [f"--param {key}={texts[key]} was read as the number {value!r}; if the property holds text (an arXiv id, "
            f"a version), quote it: --param '{key}=\"{texts[key]}\"'"
            for key, value in params.items() if isinstance(value, float)]


def _property_keys(store) -> set[str]:
    try:
        return {row["propertyKey"] for row in store.read("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey")}
    except (QueryError, StoreError):  # a store without the procedure: no property check
        return set()

