"""`kg export`: GraphML and node-link JSON round-trip through networkx; the neo4j-csv folder
is read back by a reader that follows neo4j-admin's documented header format, and must
give back the same graph."""

from __future__ import annotations

import csv
import json
import re
import shlex

import networkx as nx
import pytest

from kg.cli import main
from kg.errors import InputError
from kg.export import export
from kg.graph import ENTITY_LABELS
from kg.store.rows import entity_store_properties, paper_store_properties
from kg.pipeline import load_graph, save_graph
from kg.records import Paper, PaperEntities, Source
from sample_graphs import corpus_a, corpus_b, graph_of


def _awkward_items():
    """Values that break naive CSV: quotes, commas, a newline, edge spaces, ';' in a list."""
    paper = Paper(
        "p-odd", ' "Quoted", with commas\nand a second line ', "Abstract; with semicolons, \"quotes\".",
        (Source("odd.txt", 9),), year=2022, authors=("Doe; Jane", "O'Neil"),
    )
    return [PaperEntities(paper, (), ("https://github.com/a/b",))]


@pytest.fixture
def graph():
    return graph_of(corpus_a() + corpus_b() + _awkward_items())


def _props(data: dict, drop=("label", "type")) -> dict:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items() if k not in drop and v is not None}


def test_graphml_round_trip_with_lists_as_json_text(graph, tmp_path):
    result = export(graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(result.path)
    assert set(back.nodes) == set(graph.nodes) and set(back.edges) == set(graph.edges)
    for key, data in graph.nodes(data=True):
        got = {k: json.loads(v) if isinstance(data.get(k), list) else v for k, v in back.nodes[key].items()}
        assert got == _props(data, drop=()), key
    for s, t, data in graph.edges(data=True):
        got = {k: json.loads(v) if isinstance(data.get(k), list) else v for k, v in back.edges[s, t].items()}
        assert got == _props(data, drop=())


def test_node_link_json_round_trips_and_matches_kg_build_format(graph, tmp_path):
    result = export(graph, "json", tmp_path / "graph.json")
    back = load_graph(tmp_path)  # the reader `kg load` and `kg export` use
    assert nx.utils.graphs_equal(back, graph)


def _read_neo4j_csv(folder):
    """Rebuild a graph from the files, per neo4j-admin's header format: name:type columns,
    type[] arrays split on the array delimiter, key:ID(Group), :START_ID(Group)/:END_ID(Group)."""
    command = (folder / "import.sh").read_text().strip().splitlines()[-1]
    args = shlex.split(command)
    assert args[:4] == ["neo4j-admin", "database", "import", "full"]
    delimiter = next(a.split("=", 1)[1] for a in args if a.startswith("--array-delimiter="))
    files = {a.split("=", 1)[1]: a.split("=", 1)[0] for a in args if a.startswith(("--nodes=", "--relationships="))}
    assert set(files) == {p.name for p in folder.glob("*.csv")}
    multiline = "--multiline-fields=true" in args

    def convert(value, kind):
        if value == "":
            return None
        if kind.endswith("[]"):
            return [convert(x, kind[:-2]) for x in value.split(delimiter)]
        return {"long": int, "int": int, "double": float, "boolean": lambda v: v == "true"}.get(kind, str)(value)

    graph, groups = nx.DiGraph(), {}
    for name, option in sorted(files.items(), key=lambda kv: kv[1] != "--nodes"):
        with (folder / name).open(newline="", encoding="utf-8") as fh:
            text = fh.read()
        if not multiline:
            assert all(line.count('"') % 2 == 0 for line in text.splitlines()), "a field spans lines"
        rows = list(csv.reader(text.splitlines(keepends=True)))
        header, body = rows[0], rows[1:]
        for row in body:
            values, node, ends, rel_type = {}, None, {}, None
            for column, cell in zip(header, row, strict=True):
                field, _, kind = column.partition(":")
                id_group = re.fullmatch(r"(ID|START_ID|END_ID)\((\w+)\)", kind)
                if id_group:
                    ends[id_group.group(1)] = (id_group.group(2), cell)
                    if field:
                        values[field] = cell  # a named ID column is stored as a property
                elif kind == "LABEL":
                    values["label"] = cell
                elif kind == "TYPE":
                    rel_type = cell
                else:
                    value = convert(cell, kind or "string")
                    if value is not None:
                        values[field] = value
            if option == "--nodes":
                group, key = ends["ID"]
                assert values["label"] == group
                groups[(group, key)] = key
                graph.add_node(key, **values)
            else:
                start, end = groups[ends["START_ID"]], groups[ends["END_ID"]]  # KeyError = dangling ID
                graph.add_edge(start, end, type=rel_type, **values)
    return graph


def test_neo4j_csv_reads_back_as_the_same_graph(graph, tmp_path):
    result = export(graph, "neo4j-csv", tmp_path / "csv")
    back = _read_neo4j_csv(result.path)

    def expected(data, key=None):  # CSV import cannot express an empty array; entities also carry their name keys,
        if data.get("label") in ENTITY_LABELS.values():  # and papers what the full-text index holds and their plain title
            data = {**data, **entity_store_properties(data, data["label"])}
        elif data.get("label") == "Paper":
            data = {**data, **paper_store_properties(graph, key)}
        return {k: v for k, v in _props(data, drop=()).items() if v != []}

    assert set(back.nodes) == set(graph.nodes)
    for key, data in graph.nodes(data=True):
        assert back.nodes[key] == expected(data, key), key
    assert set(back.edges) == set(graph.edges)
    for s, t, data in graph.edges(data=True):
        assert back.edges[s, t] == expected(data)
    assert "--array-delimiter='|'" in result.command  # ';' occurs in an author name
    assert "--multiline-fields=true" in result.command  # a title holds a newline


def test_neo4j_csv_headers_use_id_groups_and_types(graph, tmp_path):
    folder = export(graph, "neo4j-csv", tmp_path / "csv").path
    paper = (folder / "nodes_Paper.csv").read_text().splitlines()[0]
    assert paper.startswith("key:ID(Paper),:LABEL,") and "authors:string[]" in paper and "year:long" in paper
    rel = (folder / "rels_Paper_EVALUATES_ON_Dataset.csv").read_text().splitlines()[0].split(",")
    assert "name_keys:string[]" in (folder / "nodes_Dataset.csv").read_text().splitlines()[0]
    assert "search_text" in paper.split(",")  # the full-text index of schema.cypher is over it
    assert rel[:3] == [":START_ID(Paper)", ":END_ID(Dataset)", ":TYPE"]
    assert {"start:long", "end:long", "confidence:double", "sentence"} <= set(rel)
    schema = (folder / "schema.cypher").read_text()
    assert "CREATE CONSTRAINT paper_key IF NOT EXISTS" in schema and schema.count(";\n") > 7


def test_neo4j_csv_refuses_a_folder_holding_csv_files(graph, tmp_path):
    export(graph, "neo4j-csv", tmp_path / "csv")
    with pytest.raises(InputError, match="already holds CSV"):
        export(graph, "neo4j-csv", tmp_path / "csv")


def test_a_neo4j_csv_export_that_fails_midway_leaves_no_csv_file(graph, tmp_path):
    """A relationship the importer cannot take failed the export after its node files were written,
    and they stayed: half an export, which a rerun then refused ("already holds CSV files")."""
    paper, dataset = next((s, t) for s, t, d in graph.edges(data=True) if d["type"] == "EVALUATES_ON")
    graph.add_edge(paper, dataset, type="CITES")
    with pytest.raises(InputError, match="unknown relationship type 'CITES'"):
        export(graph, "neo4j-csv", tmp_path / "new" / "csv")
    assert not (tmp_path / "new" / "csv").exists()  # the folder it made goes too
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("kept")
    with pytest.raises(InputError, match="unknown relationship type 'CITES'"):
        export(graph, "neo4j-csv", tmp_path / "mine")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.md"]  # a folder that was there stays as it was


def test_a_neo4j_csv_export_stopped_midway_leaves_no_csv_file(graph, tmp_path, monkeypatch):
    """Ctrl-C (and SIGTERM under `kg`, which raises as Ctrl-C does) while the relationship files are written."""
    import kg.export

    write_table = kg.export._write_table

    def stopped_at_the_relationships(path, header, rows):
        if path.name.startswith("rels_"):
            raise KeyboardInterrupt
        write_table(path, header, rows)

    monkeypatch.setattr(kg.export, "_write_table", stopped_at_the_relationships)
    with pytest.raises(KeyboardInterrupt):
        export(graph, "neo4j-csv", tmp_path / "csv")
    assert not (tmp_path / "csv").exists()


def test_an_output_of_the_wrong_kind_is_refused_in_one_line(graph, tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is a folder; graphml writes one file"):
        export(graph, "graphml", tmp_path / "folder")
    with pytest.raises(InputError, match="is a file; neo4j-csv writes a folder"):
        export(graph, "neo4j-csv", tmp_path / "file")


def test_kg_export_command(graph, tmp_path, capsys):
    save_graph(graph, tmp_path / "wd" / "graph.json")
    for fmt, out in (("graphml", "g.graphml"), ("json", "g.json"), ("neo4j-csv", "csv")):
        assert main(["export", "--format", fmt, "--out", str(tmp_path / out), "--workdir", str(tmp_path / "wd")]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {graph.number_of_nodes()} nodes" in printed and "neo4j-admin database import full" in printed


def test_kg_export_to_stdout_writes_no_file_named_dash(graph, tmp_path, capsys, monkeypatch):
    """`--out -` is stdout, as for `kg extract` (it had written a file named "-")."""
    save_graph(graph, tmp_path / "wd" / "graph.json")
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--format", "json", "--out", "-", "--workdir", "wd"]) == 0
    out, err = capsys.readouterr()
    back = nx.node_link_graph(json.loads(out), edges="edges")
    assert set(back.nodes) == set(graph.nodes) and "to stdout" in err and not (tmp_path / "-").exists()
    assert main(["export", "--format", "graphml", "--out", "-", "--workdir", "wd"]) == 0
    assert set(nx.parse_graphml(capsys.readouterr().out).nodes) == set(graph.nodes)
    assert main(["export", "--format", "neo4j-csv", "--out", "-", "--workdir", "wd"]) == 2
    assert "cannot take neo4j-csv" in capsys.readouterr().err and not (tmp_path / "-").exists()


def test_kg_export_without_a_build_is_a_one_line_error(tmp_path, capsys):
    assert main(["export", "--format", "json", "--out", str(tmp_path / "x.json"), "--workdir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "run `kg build` first" in err and err.count("\n") == 1


def test_the_python_api_exports_as_kg_export_does(graph, tmp_path):
    import kg

    result = kg.export_graph(graph, "graphml", tmp_path / "g.graphml")
    assert result.nodes == graph.number_of_nodes() and (tmp_path / "g.graphml").exists()
    assert {"find_node", "export_graph", "build_graph", "render"} <= set(dir(kg)) <= set(dir(kg)) | set(kg.__all__)


def test_python_find_and_export_refuse_what_is_not_a_graph(graph, tmp_path):
    import kg

    for call in (lambda: kg.find_node(None, "GSM8K"), lambda: kg.find_node(".kg", "GSM8K"),
                 lambda: kg.export_graph(None, "json", tmp_path / "x.json")):
        with pytest.raises(kg.KgError, match="takes a networkx graph"):
            call()
    with pytest.raises(kg.KgError, match="no node named") as raised:
        kg.find_node(graph, None)
    assert "--around" not in str(raised.value)


def test_export_and_viz_of_extracted_files_with_no_paper_say_so(tmp_path, capsys):
    empty = tmp_path / "part-3.jsonl"
    empty.write_text("")  # what `kg extract --shard 3/3` writes for a slice with no paper
    for command in (["export", str(empty), "--format", "json", "--out", str(tmp_path / "g.json")],
                    ["viz", str(empty), "--out", str(tmp_path / "g.html")]):
        assert main(command) == 2
        assert "part-3.jsonl holds no paper: an empty `kg extract` output" in capsys.readouterr().err
    assert not (tmp_path / "g.json").exists() and not (tmp_path / "g.html").exists()
