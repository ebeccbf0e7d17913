"""The graph -> files other tools read: GraphML, node-link JSON, and neo4j-admin import CSVs.

* GraphML (networkx): lists are not a GraphML type, so list properties are written as JSON
  text (``'["a", "b"]'``); missing values are left out.
* node-link JSON (networkx ``node_link_data`` with ``edges="edges"``, the format
  ``kg build`` saves as graph.json); lists stay lists.
* neo4j-csv: a folder for ``neo4j-admin database import full`` (for corpora too large for
  transactional loading): one nodes file per label (``key:ID(<Label>)`` ID groups, a
  ``:LABEL`` column), one relationships file per (start label, type, end label)
  (``:START_ID(<Label>)``, ``:END_ID(<Label>)``, ``:TYPE``), typed property columns
  (``year:long``, ``confidence:double``, ``authors:string[]`` joined by the array
  delimiter), plus ``import.sh`` (the exact command) and ``schema.cypher`` (constraints and
  indexes to create afterwards: the importer creates none).  CSV import cannot represent
  an empty array, so empty lists are left out, as the importer would leave them.

>>> from kg.graph import build_graph
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> g = build_graph([])
>>> g.add_node("p-1", label="Paper", key="p-1", title="T", authors=["A", "B"], year=2024)
>>> result = export(g, "neo4j-csv", out / "csv")
>>> print((out / "csv" / "nodes_Paper.csv").read_text().strip())
key:ID(Paper),:LABEL,authors:string[],plain_title,search_text,title,year:long
"p-1","Paper","A;B","t","t","T",2024
"""

from __future__ import annotations

import json
import shlex
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .errors import InputError
from .graph import ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES
from .writable import check_writable, replacing

__all__ = ["FORMATS", "ExportResult", "check_out", "export", "write_graphml", "write_json", "write_neo4j_csv"]

FORMATS = ("graphml", "json", "neo4j-csv")
_ARRAY_DELIMITERS = (";", "|", "^", "~")


@dataclass(frozen=True)
class ExportResult:
    format: str
    path: Path
    files: tuple[Path, ...]
    nodes: int
    relationships: int
    command: str | None = None  # neo4j-csv: the neo4j-admin command to run


# how to mend an output that cannot be written, from Python and from the CLI
_WRITE_FIX = "pass a path in a folder you can write to"
_WRITE_CLI_FIX = "pass --out a path in a folder you can write to"


def _writable(path: Path, *, folder: bool) -> Path:
    path = Path(path)
    try:
        (path if folder else path.parent).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"cannot create {path} ({err.strerror})", fix="pass a writable --out path") from err
    if folder and any(path.glob("*.csv")):
        raise InputError(f"{path} already holds CSV files", fix="pass an empty or new folder to --out")
    return path


def write_graphml(graph: nx.DiGraph, path: str | Path) -> ExportResult:
    """GraphML with list properties as JSON text.

    >>> import tempfile, pathlib
    >>> g = nx.DiGraph(); g.add_node("d", label="Dataset", aliases=["x", "y"], support=2, note=None)
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> _ = write_graphml(g, p)
    >>> nx.read_graphml(p).nodes["d"]
    {'label': 'Dataset', 'aliases': '["x", "y"]', 'support': 2}
    """
    path = _writable(Path(path), folder=False)
    out = nx.DiGraph()

    def clean(data: dict) -> dict:
        return {
            k: json.dumps(list(v), ensure_ascii=False) if isinstance(v, (list, tuple)) else v
            for k, v in data.items()
            if v is not None
        }

    out.add_nodes_from((n, clean(d)) for n, d in graph.nodes(data=True))
    out.add_edges_from((s, t, clean(d)) for s, t, d in graph.edges(data=True))
    with replacing(path, fix=_WRITE_FIX, cli_fix=_WRITE_CLI_FIX) as temporary:
        nx.write_graphml(out, temporary, encoding="utf-8")
    return ExportResult("graphml", path, (path,), graph.number_of_nodes(), graph.number_of_edges())


def write_json(graph: nx.DiGraph, path: str | Path) -> ExportResult:
    """node-link JSON; read it back with ``nx.node_link_graph(data, edges="edges")``."""
    path = _writable(Path(path), folder=False)
    data = nx.node_link_data(graph, edges="edges")
    with replacing(path, fix=_WRITE_FIX, cli_fix=_WRITE_CLI_FIX) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return ExportResult("json", path, (path,), graph.number_of_nodes(), graph.number_of_edges())


def _column_type(values: list) -> str:
    """The neo4j-admin header type for a column's non-missing values.

    >>> _column_type([1, 2]), _column_type([1, 2.5]), _column_type([True]), _column_type(["a", 1])
    ('long', 'double', 'boolean', 'string')
    >>> _column_type([["a"], []]), _column_type([[1, 2]])
    ('string[]', 'long[]')
    """
    if values and all(isinstance(v, (list, tuple)) for v in values):
        inner = _column_type([x for v in values for x in v])
        return ("string" if inner.endswith("[]") else inner) + "[]"
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _quote(text: str) -> str:
    # Always quoted: the importer may trim unquoted whitespace; quotes are doubled (RFC 4180).
    return '"' + text.replace('"', '""') + '"'


def _cell(value, kind: str, delimiter: str) -> str:
    if value is None or (isinstance(value, (list, tuple)) and not value):
        return ""  # missing (and empty arrays, which CSV import cannot express)
    if kind.endswith("[]"):
        return _quote(delimiter.join(_scalar(x) for x in value))
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("long", "double"):
        return repr(value) if isinstance(value, float) else str(value)
    return _quote(_scalar(value))


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _pick_delimiter(graph: nx.DiGraph) -> str:
    elements = [
        str(x)
        for _, _, data in [*((None, None, d) for _, d in graph.nodes(data=True)), *graph.edges(data=True)]
        for v in data.values()
        if isinstance(v, (list, tuple))
        for x in v
    ]
    for candidate in _ARRAY_DELIMITERS:
        if not any(candidate in e for e in elements):
            return candidate
    raise InputError(
        "every array delimiter candidate occurs inside a list value", fix="export as json or graphml instead"
    )


def _write_table(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for row in rows:
            fh.write(",".join(row) + "\n")


def write_neo4j_csv(graph: nx.DiGraph, folder: str | Path, *, database: str = "neo4j") -> ExportResult:
    """CSV files + import.sh + schema.cypher for ``neo4j-admin database import full``.  An export that
    fails or is stopped (a full disk, Ctrl-C) removes the files it began, and the folder if it made it:
    half a set of CSV files would look like an export (and keep a rerun out of the folder)."""
    made = not Path(folder).exists()
    folder = _writable(Path(folder), folder=True)
    files: list[Path] = []  # each file as it is begun
    try:
        command = _write_neo4j_files(graph, folder, database, files)
    except BaseException:
        for path in files:
            path.unlink(missing_ok=True)
        if made:
            folder.rmdir()
        raise
    return ExportResult(
        "neo4j-csv", folder, tuple(files), graph.number_of_nodes(), graph.number_of_edges(), command
    )


def _write_neo4j_files(graph: nx.DiGraph, folder: Path, database: str, files: list[Path]) -> str:
    """Write :func:`write_neo4j_csv`'s files into ``folder``, adding each to ``files`` before it is
    written; the neo4j-admin command that imports them."""
    from .store.neo4j import schema_statements
    from .store.rows import entity_store_properties, paper_store_properties

    delimiter = _pick_delimiter(graph)
    multiline = False
    node_args: list[str] = []
    rel_args: list[str] = []

    by_label: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for key, data in graph.nodes(data=True):
        if data["label"] in ENTITY_LABELS.values():  # the keys the query templates match names by, as a load writes them
            data = {**data, **entity_store_properties(data, data["label"])}
        elif data["label"] == "Paper":  # what the full-text index holds and title lookups compare, as a load writes it
            data = {**data, **paper_store_properties(graph, key)}
        by_label[data["label"]].append((key, data))
    for label in LABELS:
        nodes = by_label.get(label)
        if not nodes:
            continue
        keys = sorted({k for _, d in nodes for k in d} - {"label", "key"})
        kinds = {k: _column_type([d[k] for _, d in nodes if d.get(k) is not None]) for k in keys}
        header = [f"key:ID({label})", ":LABEL"] + [k if kinds[k] == "string" else f"{k}:{kinds[k]}" for k in keys]
        rows = [[_quote(str(key)), _quote(label)] + [_cell(d.get(k), kinds[k], delimiter) for k in keys] for key, d in nodes]
        multiline |= any("\n" in cell or "\r" in cell for row in rows for cell in row)
        path = folder / f"nodes_{label}.csv"
        files.append(path)
        _write_table(path, header, rows)
        node_args.append(f"--nodes={path.name}")

    by_kind: dict[tuple[str, str, str], list[tuple[str, str, dict]]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        kind = (graph.nodes[source]["label"], data["type"], graph.nodes[target]["label"])
        if kind[1] not in RELATIONSHIP_TYPES:
            raise InputError(f"unknown relationship type {kind[1]!r}", fix="rebuild the graph with `kg build`")
        by_kind[kind].append((source, target, data))
    for (start, rel_type, end), rels in sorted(by_kind.items()):
        keys = sorted({k for _, _, d in rels for k in d} - {"type"})
        kinds = {k: _column_type([d[k] for _, _, d in rels if d.get(k) is not None]) for k in keys}
        header = [f":START_ID({start})", f":END_ID({end})", ":TYPE"] + [
            k if kinds[k] == "string" else f"{k}:{kinds[k]}" for k in keys
        ]
        rows = [
            [_quote(str(s)), _quote(str(t)), _quote(rel_type)] + [_cell(d.get(k), kinds[k], delimiter) for k in keys]
            for s, t, d in rels
        ]
        multiline |= any("\n" in cell or "\r" in cell for row in rows for cell in row)
        path = folder / f"rels_{start}_{rel_type}_{end}.csv"
        files.append(path)
        _write_table(path, header, rows)
        rel_args.append(f"--relationships={path.name}")

    options = [f"--array-delimiter={shlex.quote(delimiter)}"]
    if multiline:
        options.append("--multiline-fields=true")
    command = " ".join(
        ["neo4j-admin", "database", "import", "full", *options, *node_args, *rel_args, shlex.quote(database)]
    )
    schema, script = folder / "schema.cypher", folder / "import.sh"
    files.append(schema)
    schema.write_text("".join(f"{s};\n" for s in schema_statements()), encoding="utf-8")
    files.append(script)
    script.write_text(
        "#!/bin/sh\n"
        "# Offline bulk import into an empty, stopped database (Neo4j 5: `neo4j-admin database import full`).\n"
        "# Add --overwrite-destination=true to replace an existing database.  Afterwards start Neo4j and create\n"
        "# the constraints and indexes the importer does not create:\n"
        "#   cypher-shell -u neo4j -p \"$NEO4J_PASSWORD\" -f schema.cypher\n"
        "set -e\ncd \"$(dirname \"$0\")\"\n" + command + "\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return command


def export(graph: nx.DiGraph, fmt: str, out: str | Path) -> ExportResult:
    """Write ``graph`` as ``fmt`` (one of FORMATS) to ``out`` (a file; a folder for neo4j-csv)."""
    writers = {"graphml": write_graphml, "json": write_json, "neo4j-csv": write_neo4j_csv}
    if not isinstance(graph, nx.Graph):
        raise InputError(f"export takes a networkx graph, got a {type(graph).__name__}",
                         fix="pass kg.load_graph(workdir), or kg.build_graph(items)")
    check_out(fmt, out)
    try:
        return writers[fmt](graph, out)
    except OSError as err:  # what the check before could not know: a full disk, a file limit
        raise InputError(f"cannot write {out}: {err.strerror or err}", fix=_WRITE_FIX, cli_fix=_WRITE_CLI_FIX) from err


def check_out(fmt: str, out: str | Path) -> None:
    """Raise InputError unless ``fmt`` is a format and ``out`` can take it: checked before a large
    graph is read, which would otherwise be read for nothing."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    target = Path(out)
    if fmt == "neo4j-csv" and target.is_file():
        raise InputError(f"{target} is a file; neo4j-csv writes a folder of CSV files", fix="pass a folder, new or empty",
                         cli_fix="pass --out a folder, new or empty")
    if fmt != "neo4j-csv" and target.is_dir():
        raise InputError(f"{target} is a folder; {fmt} writes one file", fix=f"pass a file name, e.g. {target / ('graph.' + fmt)}",
                         cli_fix=f"pass --out a file name, e.g. {target / ('graph.' + fmt)}")
    check_writable(target, inside=fmt == "neo4j-csv", fix=_WRITE_FIX, cli_fix=_WRITE_CLI_FIX)
