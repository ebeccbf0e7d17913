"""Shared --workdir/--neo4j options for commands that read a store (not a command itself)."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Collection

from ..output import CELL_WIDTH, cells_cut, render


def add_param_and_format_arguments(parser, param_help: str, *, first: str = "NAME") -> None:
    """--param and the output formats.  ``first`` is the positional argument's name, which
    the hint for a parameter written without --param (`kg query papers_using name=gsm8k`) shows."""
    parser.add_argument("--param", "-p", action="append", default=[], metavar="KEY=VALUE", help=param_help)

    def unrecognized(args, extra, argv=None):
        hint = param_hint(parser.prog, getattr(args, first, None) or first.upper(), extra, getattr(args, "param", None) or [], argv)
        parser.error(f"unrecognized arguments: {' '.join(extra)}; {hint}")

    parser.set_defaults(unrecognized=unrecognized)
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="fmt", action="store_const", const="json", help="print JSON")
    fmt.add_argument("--csv", dest="fmt", action="store_const", const="csv", help="print CSV")
    fmt.add_argument("--full", dest="fmt", action="store_const", const="full",
                     help="print the table with whole cells (by default a cell is cut at 80 characters)")
    parser.set_defaults(fmt="table")


def split_params(pairs: list[str], required: tuple[str, ...] = ()) -> dict[str, str]:
    """``key=value`` strings of repeated --param -> a dict of texts; a key given twice is refused,
    since the last value would win unseen ("--param name=GSM8K --param name=MATH" asks for MATH only).
    A value without its key is answered with the key a template requires (``required``)."""
    from ..errors import QueryError

    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            given = {p.partition("=")[0].strip() for p in pairs if "=" in p}
            missing = [name for name in required if name not in given]
            if not sep and pair.strip() in required:  # the key without its value: "--param paper"
                example = f"--param {pair.strip()}=VALUE"
            else:
                example = f"--param {shlex.quote(f'{missing[0]}={pair}')}" if missing and not sep else "--param key=value"
            raise QueryError(f"bad --param {pair!r}: a parameter is written key=value", fix=f"write {example}")
        if key in out:
            raise QueryError(f"--param {key} given twice", fix=f"give each parameter once (one --param {key}=...)")
        out[key] = value
    return out


def param_hint(prog: str, first: str, extra: list[str], given: list[str] = (), argv: list[str] | None = None) -> str:
    """What to write instead of arguments argparse did not take: KEY=VALUE pairs go after --param,
    and words after a --param value are the rest of a value with spaces, which needs quotes; with
    the command's own arguments (``argv``), the whole command is written back, fixed.

    >>> param_hint("kg query", "papers_using", ["2"], ["name=Llama", "type=model"],
    ...            ["query", "papers_using", "--param", "name=Llama", "2", "--param", "type=model", "--json"])
    "a value with spaces needs quotes: kg query papers_using --param 'name=Llama 2' --param type=model --json"
    """
    pairs = [text for text in extra if "=" in text and not text.startswith("-")]
    if given and extra and not pairs and not any(text.startswith("-") for text in extra):
        if argv:
            return f"a value with spaces needs quotes: kg {shlex.join(_values_joined(argv, extra))}"
        whole = " ".join([given[-1], *extra])
        return f"a value with spaces needs quotes: {prog} {shlex.quote(first)} --param {shlex.quote(whole)}"
    if not pairs:
        return f"parameters go after --param: {prog} {shlex.quote(first)} --param KEY=VALUE"
    return "parameters go after --param: " + " ".join([prog, shlex.quote(first), *(f"--param {shlex.quote(p)}" for p in pairs)])


def _values_joined(argv: list[str], extra: list[str]) -> list[str]:
    """``argv`` with each word argparse did not take joined to the --param value it follows."""
    left = list(extra)
    out: list[str] = []
    i = 0
    while i < len(argv):
        out.append(argv[i])
        if argv[i] in ("--param", "-p") and i + 1 < len(argv):
            value, i = argv[i + 1], i + 2
            while i < len(argv) and argv[i] in left and not argv[i].startswith("-"):
                left.remove(argv[i])
                value, i = f"{value} {argv[i]}", i + 1
            out.append(value)
            continue
        i += 1
    return out


def print_rows(rows: list[dict], fmt: str, unknown_properties: Collection[str] = ()) -> None:
    """The rows on stdout; when the table cut a cell short, a note on stderr says how to see it whole.
    A column that reads a property the graph lacks (``unknown_properties``) gets no empty-column
    note: the caller says why it is empty."""
    text = render(rows, fmt)
    print(text, end="" if text.endswith("\n") else "\n")  # CSV ends its last row itself: no blank line after it
    if fmt == "table" and cells_cut(rows):
        print(f"note: cells longer than {CELL_WIDTH} characters are cut at '…'; --full, --json or --csv print them whole",
              file=sys.stderr)
    if fmt == "table" and (empty := [c for c in empty_columns(rows) if not any(c.endswith("." + p) for p in unknown_properties)]):
        # a paper property the input gives (year, url) is empty because no record gave one; a list the
        # answer makes (what a paper proposes) may just be empty for these rows
        from_input = [c for c in empty if c.rsplit(".", 1)[-1] in _INPUT_PROPERTIES]
        for columns, why in ((from_input, " (no input record gave a value)"), ([c for c in empty if c not in from_input], "")):
            if columns:
                print(f"note: {', '.join(columns)} {'is' if len(columns) == 1 else 'are'} empty in every row{why}", file=sys.stderr)


_INPUT_PROPERTIES = frozenset({"year", "url", "authors", "external_id", "venue", "doi"})


def empty_columns(rows: list[dict]) -> list[str]:
    """Columns with no value in any row (a corpus without years leaves ``year`` blank).

    >>> empty_columns([{"name": "A", "year": None}, {"name": "B", "year": ""}]), empty_columns([])
    (['year'], [])
    """
    return [key for key in (rows[0] if rows else {}) if all(row.get(key) in (None, "", []) for row in rows)]


def add_store_arguments(parser) -> None:
    parser.add_argument("--workdir", default=".kg", help="folder `kg build` wrote (default: .kg)")
    parser.add_argument("--store", default=None, metavar="DIR",
                        help="embedded store folder, as `kg load --store DIR` wrote it (default: WORKDIR/store)")
    parser.add_argument("--neo4j", nargs="?", const="env", default=None, metavar="URI",
                        help="query Neo4j instead (URI or NEO4J_URI; NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE)")
    parser.add_argument("--user", default=None, help="Neo4j user (default: NEO4J_USER or neo4j)")
    parser.add_argument("--password", default=None, help="Neo4j password (default: NEO4J_PASSWORD or NEO4J_AUTH, from the environment or .env; prefer those: a flag shows in `ps`)")
    parser.add_argument("--database", default=None, help="Neo4j database (default: NEO4J_DATABASE or the server default)")


def open_store(args, read_only: bool = False):
    """The store a command names; a read-only command reads an embedded store another program
    holds open through that program's server, and says so on stderr."""
    if args.neo4j:
        from ..store.neo4j import connect

        return connect(uri=None if args.neo4j == "env" else args.neo4j, user=args.user,
                       password=args.password, database=args.database)
    from ..store import AttachedStore, open_built_store

    store = open_built_store(args.workdir, args.store, read_only=read_only)
    if isinstance(store, AttachedStore):
        print(f"note: the store is open in process {store.owner}; reading it through that process's server",
              file=sys.stderr)
    return store
