"""The CLI: every command has help and appears in the README; build + query end to end."""

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import build_parser, command_names, main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_is_in_the_readme(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"kg {name}" in out and len(out) > 200
    assert f"kg {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", command_names())
def test_help_examples_keep_their_lines(name, capsys):
    """An epilog written over several lines (examples) is not wrapped into one paragraph."""
    with pytest.raises(SystemExit):
        main([name, "--help"])
    crowded = [line for line in capsys.readouterr().out.splitlines() if line.count(f"kg {name} ") > 1]
    assert crowded == [], f"two examples on one line in `kg {name} --help`: {crowded}"


@pytest.mark.parametrize("argv, hint", [
    (["query", "papers_using", "name=gsm8k"], "parameters go after --param: kg query papers_using --param name=gsm8k"),
    (["query", "papers_using", "name=gsm8k", "type=dataset set"],
     "kg query papers_using --param name=gsm8k --param 'type=dataset set'"),
    (["query", "papers_using", "gsm8k"], "parameters go after --param: kg query papers_using --param KEY=VALUE"),
    (["cypher", "RETURN $m AS m", "m=bert"], "parameters go after --param: kg cypher 'RETURN $m AS m' --param m=bert"),
    (["query", "papers_using", "--param", "name=Llama", "2", "--param", "type=model", "--json"],
     "a value with spaces needs quotes: kg query papers_using --param 'name=Llama 2' --param type=model --json"),
])
def test_a_parameter_without_param_says_where_it_goes(argv, hint, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "unrecognized arguments" in err and hint in err
    assert err.startswith("usage: kg " + argv[0])  # the command's usage, not the top level's


def test_other_unrecognized_arguments_are_still_refused(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--nope"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "unrecognized arguments: --nope" in err and "--param" not in err


def test_python_module_entry_point():
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and "build" in done.stdout


def test_errors_are_one_line_not_a_traceback(tmp_path, capsys):
    code = main(["build", str(tmp_path / "missing.txt"), "--workdir", str(tmp_path / "w")])
    err = capsys.readouterr().err
    assert code == 2 and "no such file" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    code = main(["extract", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "e.jsonl")])
    err = capsys.readouterr().err
    assert code == 2 and "given no paths, the command reads the bundled seeds" in err and "kg build" not in err


def test_query_before_build_says_what_to_do(tmp_path, capsys):
    code = main(["query", "shared_datasets", "--workdir", str(tmp_path)])
    assert code == 2 and "run `kg build` first" in capsys.readouterr().err


def test_build_then_query_on_a_small_corpus(tmp_path, capsys):
    corpus = tmp_path / "papers.jsonl"
    rows = [
        {"title": "FooNet: Fast Models", "abstract": "We propose FooNet, a model. We evaluate on GSM8K and MATH."},
        {"title": "Bar Study", "abstract": "We train BERT on GSM8K and report accuracy."},
        {"title": "Baz Study", "abstract": "Experiments on CIFAR-10 show gains."},
        {"title": "Broken record"},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    workdir = tmp_path / "w"
    assert main(["build", str(corpus), "--workdir", str(workdir), "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "4 records in 1 file -> 3 papers, 0 duplicates merged, 1 rejected" in out
    assert f"{corpus}:4" in out
    assert main(["query", "papers_sharing_dataset", "--param", "paper=FooNet", "--json", "--workdir", str(workdir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["other_paper"], r["datasets"]) for r in rows] == [("Bar Study", ["GSM8K"])]


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def test_a_workdir_that_is_a_file_is_refused_before_any_work(tmp_path, capsys):
    (tmp_path / "taken").write_text("x")
    good = _jsonl(tmp_path / "good.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    for workdir in (tmp_path / "taken", tmp_path / "taken" / "kg"):
        assert main(["build", good, "--workdir", str(workdir), "--no-html"]) == 2
        assert "is a file, not a folder" in capsys.readouterr().err


def test_a_build_without_html_removes_the_earlier_page(tmp_path, capsys):
    workdir = tmp_path / "w"
    good = _jsonl(tmp_path / "good.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    assert main(["build", good, "--workdir", str(workdir)]) == 0
    assert (workdir / "graph.html").exists()
    capsys.readouterr()
    assert main(["build", good, "--workdir", str(workdir), "--no-html"]) == 0
    assert not (workdir / "graph.html").exists() and "removed the earlier" in capsys.readouterr().out


def test_a_build_with_no_papers_leaves_the_workdir_as_it_was(tmp_path, capsys):
    workdir = tmp_path / "w"
    good = _jsonl(tmp_path / "good.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    assert main(["build", good, "--workdir", str(workdir), "--no-html"]) == 0
    before = (workdir / "graph.json").read_bytes()
    bad = _jsonl(tmp_path / "bad.jsonl", [{"title": "No abstract"}])
    capsys.readouterr()
    assert main(["build", bad, "--workdir", str(workdir), "--no-html"]) == 2
    err = capsys.readouterr().err
    assert "no papers to build from: 1 record in 1 file, 1 rejected" in err and f"{bad}:1" in err
    assert (workdir / "graph.json").read_bytes() == before
    assert main(["query", "papers_using", "--param", "name=BERT", "--json", "--workdir", str(workdir)]) == 0
    assert [r["paper"] for r in json.loads(capsys.readouterr().out)] == ["Bar Study"]


def test_a_file_with_no_record_is_noted_in_the_summary_and_named_in_the_error(tmp_path, capsys):
    header_only = tmp_path / "header_only.csv"
    header_only.write_text("Title,Abstract Note\n")
    good = _jsonl(tmp_path / "good.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    assert main(["build", good, str(header_only), "--workdir", str(tmp_path / "w"), "--no-html", "--workers", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["input: 1 record in 2 files -> 1 paper, 0 duplicates merged, 0 rejected, 1 file with no records",
                       f"  note {header_only}: has a header row but no rows under it; add papers to it or remove the file"]
    assert main(["build", str(header_only), "--workdir", str(tmp_path / "w2")]) == 2
    assert capsys.readouterr().err.startswith(
        f"kg build: error: no papers to build from: 0 records in 1 file, 0 rejected; {header_only}: has a header row but no rows")


def _build_then_append(tmp_path, first: dict, second: dict) -> str:
    """Build a one-paper corpus, append another; the workdir."""
    workdir = str(tmp_path / "w")
    assert main(["build", _jsonl(tmp_path / "a.jsonl", [first]), "--workdir", workdir, "--no-html"]) == 0
    assert main(["build", _jsonl(tmp_path / "b.jsonl", [second]), "--append", "--workdir", workdir, "--no-html"]) == 0
    return workdir


def test_append_keeps_graph_json_equal_to_the_store(tmp_path, capsys):
    workdir = _build_then_append(tmp_path, {"title": "Bar Study", "abstract": "We train BERT on GSM8K."},
                                 {"title": "Baz Study", "abstract": "We fine-tune BERT on SQuAD."})
    assert "graph: 2 papers" in capsys.readouterr().out
    graph = json.loads((tmp_path / "w" / "graph.json").read_text())
    bert = next(n for n in graph["nodes"] if n.get("name") == "BERT")
    assert bert["support"] == 2 and len(graph["nodes"]) == 5  # 2 papers, BERT, GSM8K, SQuAD
    assert main(["cypher", "MATCH (n) RETURN count(n) AS n", "--json", "--workdir", workdir]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": len(graph["nodes"])}]


def test_append_of_a_revised_paper_replaces_its_links(tmp_path, capsys):
    workdir = _build_then_append(tmp_path, {"title": "Bar Study", "abstract": "We train BERT on GSM8K."},
                                 {"title": "Bar Study", "abstract": "We train BERT on SQuAD."})
    capsys.readouterr()
    graph = json.loads((tmp_path / "w" / "graph.json").read_text())
    assert sorted(n.get("name") or n["label"] for n in graph["nodes"]) == ["BERT", "Paper", "SQuAD"]
    assert main(["cypher", "MATCH (n) RETURN coalesce(n.name, labels(n)[0]) AS n ORDER BY n", "--json", "--workdir", workdir]) == 0
    assert [r["n"] for r in json.loads(capsys.readouterr().out)] == ["BERT", "Paper", "SQuAD"]


DEFINES = {"id": "a1", "title": "Zorbic Tree Learning for Graphs",
           "abstract": "We propose Zorbic Tree Learning (ZTL), a method for graphs. ZTL improves accuracy on Cora."}
WRITES_OUT = {"id": "b1", "title": "A Study of Graph Methods", "abstract": "We compare Zorbic Tree Learning with GCN on Cora."}


def _methods(workdir, capsys) -> list[dict]:
    capsys.readouterr()
    query = "MATCH (m:Method) RETURN m.name AS name, m.support AS support, m.aliases AS aliases ORDER BY name"
    assert main(["cypher", query, "--json", "--workdir", workdir]) == 0
    in_store = json.loads(capsys.readouterr().out)
    graph = json.loads((Path(workdir) / "graph.json").read_text())
    in_json = sorted(({"name": n["name"], "support": n["support"], "aliases": n["aliases"]}
                      for n in graph["nodes"] if n["label"] == "Method"), key=lambda n: n["name"])
    assert in_store == in_json
    return in_store


def test_appended_papers_join_the_names_of_the_graph_either_way(tmp_path, capsys):
    whole = str(tmp_path / "whole")
    assert main(["build", _jsonl(tmp_path / "ab.jsonl", [DEFINES, WRITES_OUT]), "--workdir", whole, "--no-html"]) == 0
    expected = _methods(whole, capsys)
    assert {"name": "ZTL", "support": 2, "aliases": ["Zorbic Tree Learning"]} in expected
    # the short form first, then a paper writing the long form; and the other way round,
    # where the node an earlier build made for the long form is folded into ZTL's
    for first, second in ((DEFINES, WRITES_OUT), (WRITES_OUT, DEFINES)):
        workdir = str(tmp_path / first["id"])
        assert main(["build", _jsonl(tmp_path / "1.jsonl", [first]), "--workdir", workdir, "--no-html"]) == 0
        assert main(["build", _jsonl(tmp_path / "2.jsonl", [second]), "--append", "--workdir", workdir, "--no-html"]) == 0
        assert _methods(workdir, capsys) == expected


def test_the_input_id_names_the_paper(tmp_path, capsys):
    corpus = _jsonl(tmp_path / "mine.jsonl", [{"id": "r1", "title": "FooNet: Fast Models", "abstract": "We propose FooNet, a model."}])
    workdir = str(tmp_path / "w")
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    assert main(["query", "paper_entities", "--param", "paper=r1", "--json", "--workdir", workdir]) == 0
    assert {r["paper"] for r in json.loads(capsys.readouterr().out)} == {"FooNet: Fast Models"}


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    rows = [{"title": f"Study {i} of Models", "abstract": f"We train BERT on GSM8K, variant {i}, and report accuracy."} for i in range(300)]
    corpus = _jsonl(tmp_path / "many.jsonl", rows)
    command = [sys.executable, "-m", "kg", "extract", corpus, "--out", "-", "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    process.stdout.readline()  # `| head -1`
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait() == 141 and "Traceback" not in err


def test_append_onto_an_unreadable_graph_json_changes_nothing(tmp_path, capsys):
    workdir = tmp_path / "w"
    first = _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    assert main(["build", first, "--workdir", str(workdir), "--no-html"]) == 0
    (workdir / "graph.json").write_text('{"nodes": [')
    second = _jsonl(tmp_path / "b.jsonl", [{"title": "Baz Study", "abstract": "We fine-tune BERT on SQuAD."}])
    capsys.readouterr()
    assert main(["build", second, "--append", "--workdir", str(workdir), "--no-html"]) == 2
    assert "is not a graph that `kg build` wrote" in capsys.readouterr().err
    assert main(["cypher", "MATCH (p:Paper) RETURN count(p) AS n", "--json", "--workdir", str(workdir)]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 1}]


def test_build_output_names_its_workdir_and_an_append_with_nothing_to_append_to(tmp_path, capsys):
    corpus = _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    workdir = str(tmp_path / "elsewhere")
    assert main(["build", corpus, "--append", "--workdir", workdir, "--no-html"]) == 0
    out = capsys.readouterr().out
    assert f"--workdir {workdir}" in out.splitlines()[-1]
    assert "held no graph.json to append to" in out


def test_a_build_over_an_earlier_graph_says_it_replaced_it_and_an_append_does_not(tmp_path, capsys):
    corpus = _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    workdir = str(tmp_path / "w")
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    assert "replaced:" not in capsys.readouterr().out  # nothing was there
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    assert f"replaced: the graph {workdir} held before (kg build --append adds papers to it instead)" in capsys.readouterr().out
    assert main(["build", corpus, "--append", "--workdir", workdir, "--no-html"]) == 0
    assert "replaced:" not in capsys.readouterr().out


def test_an_appended_paper_coining_the_same_short_form_gets_its_own_node(tmp_path, capsys):
    tree = {"id": "a1", "title": "Tree Study", "abstract": "We propose Zorbic Tree Learning (ZTL), a method for graphs."}
    forest = {"id": "b1", "title": "Forest Study", "abstract": "We propose Zorbic Forest Learning (ZTL), a method for trees."}
    workdir = str(tmp_path / "w")
    assert main(["build", _jsonl(tmp_path / "1.jsonl", [tree]), "--workdir", workdir, "--no-html"]) == 0
    assert main(["build", _jsonl(tmp_path / "2.jsonl", [forest]), "--append", "--workdir", workdir, "--no-html"]) == 0
    methods = _methods(workdir, capsys)  # the store and graph.json agree
    assert len(methods) == 2 and all(m["name"] and m["support"] == 1 for m in methods)
    assert "Zorbic Forest Learning" in {m["name"] for m in methods}


def test_build_counts_the_entities_that_are_only_families(tmp_path, capsys):
    path = _jsonl(tmp_path / "a.jsonl", [{"title": "Tuning", "abstract": "We fine-tune Zorbus-7B and Zorbus-13B on GSM8K."}])
    assert main(["build", path, "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    assert "(1 of the entities only as the family of a variant a paper names)" in capsys.readouterr().out


def test_one_huge_abstract_is_rejected_and_the_rest_built(tmp_path, capsys):
    corpus = _jsonl(tmp_path / "mix.jsonl", [
        {"title": "Good Paper One", "abstract": "We propose FooNet and evaluate it on ImageNet."},
        {"title": "Huge", "abstract": "We use ImageNet. " * 70000},
        {"title": "Good Paper Two", "abstract": "We fine-tune BERT on GLUE."},
    ])
    assert main(["build", corpus, "--workdir", str(tmp_path / "w"), "--no-html", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "3 records in 1 file -> 2 papers, 0 duplicates merged, 1 rejected" in out
    assert f"rejected {corpus}:2: title+abstract is 1,190,003 characters; at most 1,000,000 are read per paper" in out
    assert main(["extract", corpus, "--out", str(tmp_path / "e.jsonl"), "--workers", "2"]) == 0
    assert "wrote 2 papers" in capsys.readouterr().err


def test_an_empty_answer_still_prints_the_csv_header_and_a_json_array(tmp_path, capsys):
    import csv
    import io

    corpus = _jsonl(tmp_path / "p.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    workdir = str(tmp_path / "w")
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    query = ["query", "search_papers", "--param", "query=no such words at all", "--workdir", workdir]
    assert main(query + ["--csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == [["title", "key", "score"]]
    assert main(query + ["--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(query) == 0 and capsys.readouterr().out.strip() == "(no rows)"
    cypher = ["cypher", "MATCH (p:Paper) WHERE p.title = 'none' RETURN p.title AS title, p.key AS key", "--workdir", workdir]
    assert main(cypher + ["--csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == [["title", "key"]]


def test_the_graph_line_counts_in_the_singular_where_there_is_one(tmp_path, capsys):
    corpus = _jsonl(tmp_path / "one.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K. Code: https://github.com/a/b"}])
    assert main(["build", corpus, "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("graph: 1"))
    assert line.startswith("graph: 1 paper, 1 dataset, 1 model, 0 methods, 0 tasks, 0 metrics, 1 repository, ")


def test_extract_refuses_an_output_that_is_a_folder_or_an_input(tmp_path, capsys):
    corpus = tmp_path / "papers.jsonl"
    corpus.write_text(json.dumps({"title": "A Study", "abstract": "We train BERT on GSM8K."}) + "\n")
    before = corpus.read_bytes()
    assert main(["extract", str(corpus), "--out", str(corpus)]) == 2
    assert "is one of the inputs" in capsys.readouterr().err and corpus.read_bytes() == before
    (tmp_path / "out").mkdir()
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out")]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["extract", str(corpus), "--out", str(tmp_path / "e.jsonl")]) == 0
    assert "wrote 1 paper, 2 entities" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--batch-size", "0"], ["--show-rejects", "-1"]])
def test_build_refuses_option_values_out_of_range(tmp_path, capsys, option):
    assert main(["build", "--workdir", str(tmp_path / "w"), *option]) == 2
    assert "must be" in capsys.readouterr().err and not (tmp_path / "w").exists()


def test_a_build_whose_store_write_fails_leaves_the_store_as_it_was(tmp_path, capsys, monkeypatch):
    from kg.errors import StoreError
    from kg.store import EmbeddedStore

    workdir = str(tmp_path / "w")
    first = _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    assert main(["build", first, "--workdir", workdir, "--no-html"]) == 0

    def failing_load(self, *args, **kwargs):
        raise StoreError("write failed: injected")

    monkeypatch.setattr(EmbeddedStore, "load", failing_load)
    second = _jsonl(tmp_path / "b.jsonl", [{"title": "Baz Study", "abstract": "We tune T5 on SQuAD."}])
    assert main(["build", second, "--workdir", workdir, "--no-html"]) != 0
    monkeypatch.undo()
    capsys.readouterr()
    assert main(["query", "papers_using", "--param", "name=BERT", "--json", "--workdir", workdir]) == 0
    assert [r["paper"] for r in json.loads(capsys.readouterr().out)] == ["Bar Study"]
    assert not (tmp_path / "w" / "store" / "graph.rdb.before-build").exists()
    # graph.json stays in step with the store: the first build's, with no pending copy left
    graph = json.loads((tmp_path / "w" / "graph.json").read_text())
    assert [n["title"] for n in graph["nodes"] if n.get("label") == "Paper"] == ["Bar Study"]
    assert not (tmp_path / "w" / "graph.json.pending").exists()


def test_a_build_into_a_workdir_another_build_holds_is_refused_before_extracting(tmp_path, capsys, monkeypatch):
    import kg.pipeline

    def no_extraction(*args, **kwargs):
        raise AssertionError("extraction ran before the refusal")

    corpus = _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    monkeypatch.setattr(kg.pipeline, "extract_corpus", no_extraction)
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from kg.store import EmbeddedStore; "
                               f"s = EmbeddedStore({str(tmp_path / 'w' / 'store')!r}); print('open', flush=True); sys.stdin.read(); s.close()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert main(["build", corpus, "--workdir", str(tmp_path / "w")]) != 0
        assert f"another paper-kg command (pid {holder.pid}) is using" in capsys.readouterr().err
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0


def _unwritable(tmp_path) -> Path:
    """A folder no file can be made in: /proc refuses even root (who runs CI), as a read-only disk does."""
    if os.geteuid() == 0:
        return Path("/proc")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    return locked


@pytest.mark.parametrize("blocked", ["under a file", "unwritable"])
@pytest.mark.parametrize("argv", [
    ["extract", "{corpus}", "--out", "{bad}/x.jsonl"],
    ["build", "{corpus}", "--workdir", "{bad}/kg"],
    ["viz", "--workdir", "{empty}", "--out", "{bad}/x.html"],
    ["export", "--workdir", "{empty}", "--format", "graphml", "--out", "{bad}/x.graphml"],
    ["export", "--workdir", "{empty}", "--format", "neo4j-csv", "--out", "{bad}/csv"],
    ["load", "--workdir", "{empty}", "--store", "{bad}/store"],
    ["load", "--workdir", "{bad}"],
], ids=" ".join)
def test_an_output_that_cannot_be_written_is_refused_in_one_line_before_any_work(argv, blocked, tmp_path, capsys, monkeypatch):
    """Refused before extracting, or before reading graph.json (the empty workdir has none: read
    first, it would be what the error names)."""
    import kg.pipeline

    def no_extraction(*args, **kwargs):
        raise AssertionError("extraction ran before the refusal")

    monkeypatch.setattr(kg.pipeline, "extract_corpus", no_extraction)
    (tmp_path / "listing.txt").write_text("a file where a folder would go")
    blocker = tmp_path / "listing.txt" if blocked == "under a file" else _unwritable(tmp_path)
    (tmp_path / "empty").mkdir()
    paths = {"corpus": _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}]),
             "bad": str(blocker / "sub"), "empty": str(tmp_path / "empty")}
    assert main([arg.format(**paths) for arg in argv]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    what = f"{blocker} is a file, not a folder" if blocked == "under a file" else f"no file can be made in {blocker}"
    assert f"error: cannot write {blocker / 'sub'}" in err and what in err and "(fix: pass --" in err, err


def _special(path: Path, kind: str) -> Path:
    """A file system entry at ``path`` that is no file: a FIFO, a socket, or (root only) a device like /dev/null."""
    import socket
    import stat

    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        socket.socket(socket.AF_UNIX).bind(str(path))
    elif os.geteuid() == 0:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:
        pytest.skip("only root can make a device")
    return path


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
@pytest.mark.parametrize("argv, special", [
    (["extract", "{corpus}", "--out", "{special}"], "out.jsonl"),
    (["build", "{corpus}", "--workdir", "{workdir}"], "graph.json"),
    (["build", "{corpus}", "--workdir", "{workdir}"], "graph.html"),
    (["viz", "--workdir", "{workdir}", "--out", "{special}"], "out.html"),
    (["export", "--workdir", "{workdir}", "--format", "json", "--out", "{special}"], "out.json"),
    (["export", "--workdir", "{workdir}", "--format", "neo4j-csv", "--out", "{special}"], "out-csv"),
], ids=lambda value: value if isinstance(value, str) else " ".join(value[:1]))
def test_an_output_that_is_a_device_fifo_or_socket_is_refused_and_kept(argv, special, kind, tmp_path, capsys, monkeypatch):
    """Renamed onto, /dev/null itself was replaced by a file (as root); written into, a FIFO waits for a reader."""
    import stat

    import kg.pipeline

    def no_extraction(*args, **kwargs):
        raise AssertionError("extraction ran before the refusal")

    monkeypatch.setattr(kg.pipeline, "extract_corpus", no_extraction)
    workdir = tmp_path / "w"
    workdir.mkdir()
    target = _special((tmp_path / special) if special.startswith("out") else workdir / special, kind)
    paths = {"corpus": _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}]),
             "special": str(target), "workdir": str(workdir)}
    assert main([arg.format(**paths) for arg in argv]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert f"error: cannot write {target}" in err and "(fix: pass --" in err, err
    assert not stat.S_ISREG(target.stat().st_mode) and not stat.S_ISDIR(target.stat().st_mode)


def _kg_in_a_process(argv: list[str], cwd: Path, *, unprivileged: bool = False, file_limit: int | None = None):
    """`kg ARGV` in a process of its own: ``unprivileged``, without root's power over other users'
    files (root runs CI: setpriv drops it); with ``file_limit``, no file it writes may grow past that
    many bytes (a write fails as on a full disk)."""
    import resource
    import shutil
    import signal

    prefix = []
    if unprivileged and os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("setpriv (util-linux) is needed to run kg without root's file permissions")
        prefix = ["setpriv", "--inh-caps=-dac_override,-fowner", "--bounding-set=-dac_override,-fowner"]

    def limited():
        if file_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([*prefix, sys.executable, "-m", "kg", *argv], cwd=cwd, capture_output=True, text=True,
                          preexec_fn=limited, timeout=300)


_CORPUS = [{"title": f"Bar Study {n}", "abstract": f"We train BERT on GSM8K and report accuracy ({n})."} for n in range(8)]


@pytest.mark.parametrize("argv", [
    ["extract", "a.jsonl", "--out", "old.jsonl"],
    ["viz", "--workdir", "empty", "--out", "old.html"],
    ["export", "--workdir", "empty", "--format", "json", "--out", "old.json"],
    ["export", "--workdir", "empty", "--format", "graphml", "--out", "old.graphml"],
], ids=" ".join)
def test_an_output_file_that_cannot_be_replaced_is_refused_before_any_work(argv, tmp_path):
    """A read-only file: export read the graph, then died with a PermissionError (extract and viz
    renamed over it).  The empty workdir has no graph.json: read first, it would be the error."""
    _jsonl(tmp_path / "a.jsonl", _CORPUS)
    (tmp_path / "empty").mkdir()
    kept = tmp_path / argv[-1]
    kept.write_text("keep me")
    kept.chmod(0o444)
    done = _kg_in_a_process(argv, tmp_path, unprivileged=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert f"error: cannot write {argv[-1]}: the file there cannot be written (Permission denied) " \
           f"(fix: make it writable (chmod u+w {argv[-1]}), or pass --out" in done.stderr, done.stderr
    assert kept.read_text() == "keep me"


@pytest.mark.parametrize("argv", [
    ["extract", "a.jsonl", "--out", "sticky/old.jsonl"],
    ["viz", "--workdir", "empty", "--out", "sticky/old.html"],
    ["export", "--workdir", "empty", "--format", "json", "--out", "sticky/old.json"],
], ids=" ".join)
def test_another_users_file_in_a_sticky_folder_is_refused_before_any_work(argv, tmp_path):
    """Only its owner may replace it (as in /tmp): extract had run in full, then failed to rename onto it."""
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    _jsonl(tmp_path / "a.jsonl", _CORPUS)
    (tmp_path / "empty").mkdir()
    (tmp_path / "sticky").mkdir()
    (tmp_path / "sticky").chmod(0o1777)
    theirs = tmp_path / argv[-1]
    theirs.write_text("theirs")
    theirs.chmod(0o666)  # writable by anyone: only the sticky bit stops a rename onto it
    os.chown(theirs, 54321, 54321)
    os.chown(tmp_path / "sticky", 54322, 54322)
    done = _kg_in_a_process(argv, tmp_path, unprivileged=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert f"error: cannot write {argv[-1]}: it belongs to another user (uid 54321), and in a sticky folder" in done.stderr
    assert "(fix: remove it as its owner, or pass --out" in done.stderr and theirs.read_text() == "theirs"


@pytest.mark.parametrize("argv", [
    ["extract", "a.jsonl", "--out", "out.jsonl"],
    ["export", "--workdir", "w", "--format", "json", "--out", "out.json"],
    ["export", "--workdir", "w", "--format", "neo4j-csv", "--out", "csv"],
], ids=" ".join)
def test_a_write_that_fails_late_is_one_line(argv, tmp_path):
    """What no check before the work can know (a full disk; here a file size limit) ends in the
    CLI's one line, not a traceback."""
    corpus = _jsonl(tmp_path / "a.jsonl", _CORPUS)
    if argv[0] == "export":
        assert main(["build", corpus, "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    done = _kg_in_a_process(argv, tmp_path, file_limit=1000)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"error: cannot write {argv[-1]}: File too large (fix: pass --out" in done.stderr.splitlines()[-1], done.stderr


@pytest.mark.parametrize("argv", [
    ["viz", "--workdir", "w", "--out", "out/v.html"],
    ["export", "--workdir", "w", "--format", "json", "--out", "out/g.json"],
    ["export", "--workdir", "w", "--format", "graphml", "--out", "out/g.graphml"],
    ["extract", "a.jsonl", "--out", "out/e.jsonl"],
], ids=" ".join)
def test_a_write_that_fails_leaves_no_temporary_file_and_the_old_output_whole(argv, tmp_path):
    """kg viz left its .viz-XXXX.html (758 KB) behind; export wrote half a file over the old one."""
    corpus = _jsonl(tmp_path / "a.jsonl", _CORPUS)
    assert main(["build", corpus, "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    (tmp_path / "out").mkdir()
    (tmp_path / argv[-1]).write_text("the old output")
    done = _kg_in_a_process(argv, tmp_path, file_limit=1000)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"error: cannot write {argv[-1]}: File too large" in done.stderr.splitlines()[-1], done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == [Path(argv[-1]).name]
    assert (tmp_path / argv[-1]).read_text() == "the old output"


def test_a_neo4j_csv_export_that_cannot_write_leaves_no_partial_csv(tmp_path):
    """A full disk mid-export left a cut nodes_Paper.csv in the new folder, which a rerun refused."""
    corpus = _jsonl(tmp_path / "a.jsonl", _CORPUS)
    assert main(["build", corpus, "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    argv = ["export", "--workdir", "w", "--format", "neo4j-csv", "--out", "csv"]
    done = _kg_in_a_process(argv, tmp_path, file_limit=1000)
    assert done.returncode == 2 and "error: cannot write csv: File too large" in done.stderr, done.stderr
    assert not (tmp_path / "csv").exists()
    assert _kg_in_a_process(argv, tmp_path).returncode == 0


def test_extract_stopped_by_sigterm_leaves_no_partial_output(tmp_path):
    """SIGTERM (kill, a scheduler) ended `kg extract` at once, leaving its .e.jsonl.partial-PID; it now
    stops as Ctrl-C does, cleaning up first, and exits 143."""
    import signal
    import time

    process = subprocess.Popen([sys.executable, "-m", "kg", "extract", "--workers", "2", "--out", "e.jsonl"], cwd=tmp_path,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, "KG_CACHE_DIR": "off"})
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".e.jsonl.partial-*")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert list(tmp_path.glob(".e.jsonl.partial-*")), "kg extract wrote no temporary output to stop it in"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err.splitlines()[-1]) == (143, "kg extract: terminated"), err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_pool_closed_at_once_under_kgs_sigterm_handler_does_not_wait_for_ever():
    """Workers forked under `kg`'s SIGTERM handler inherited it, and one still starting when the pool
    closed lost the SIGTERM that Pool.terminate sent it: the pool waited on it for ever (a tiny build)."""
    import signal

    code = ("from kg.cli import _terminate_as_interrupt\nfrom kg.extract.parallel import map_ordered\n"
            "with _terminate_as_interrupt():\n    for _ in range(300):\n"
            "        assert list(map_ordered(lambda chunk: chunk, [1, 2], workers=2, chunk_size=1)) == [(1, 1), (2, 2)]\n")
    process = subprocess.Popen([sys.executable, "-c", code], start_new_session=True, stderr=subprocess.PIPE, text=True)
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the parent and the worker it waits on
        process.communicate()
        pytest.fail("a pool of 2 workers waited past 60 s for a worker to stop")
    assert process.returncode == 0, err


def test_a_paper_asked_for_by_the_id_of_a_copy_merged_into_it_is_answered_for_that_paper(tmp_path, capsys):
    import kg

    title = "Gödel Prover: Theorem Proving"
    corpus = _jsonl(tmp_path / "a.jsonl", [{"id": "j1", "title": title, "abstract": "We fine-tune Llama 2 on miniF2F."},
                                           {"id": "j2", "title": "Bar Study", "abstract": "We train BERT on GSM8K."},
                                           {"id": "j6", "title": "GÖDEL PROVER: theorem proving!", "abstract": "We fine-tune Llama 2 on miniF2F."}])
    workdir = str(tmp_path / "w")
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    assert "id 'j6' is a copy of the paper read first with id 'j1'" in capsys.readouterr().out
    assert main(["query", "paper_entities", "--param", "paper=j6", "--json", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert {row["paper"] for row in json.loads(out)} == {title}
    assert f"note: paper='j6' is the id of a copy merged into the paper \u201c{title}\u201d ('j1') as a duplicate; answered for that paper" in err
    with pytest.warns(kg.QueryWarning, match="paper='j6' is the id of a copy merged into the paper"):
        assert {row["paper"] for row in kg.query("paper_entities", {"paper": "j6"}, workdir=workdir)} == {title}
    assert main(["viz", "--around", "j6", "--workdir", workdir, "--out", str(tmp_path / "v.html")]) == 0
    out, err = capsys.readouterr()
    assert f"around Paper \u201c{title}\u201d" in out and "'j6' is the id of a copy merged into the paper" in err


def test_the_id_of_a_merged_copy_comes_before_a_title_that_contains_it(tmp_path, capsys):
    """b.csv's id 17 is a copy of ZorbNet (id 5); "17" is also inside the title "... SemEval-2017 ...",
    which had won everywhere, with no note that 17 was a ZorbNet copy."""
    import kg

    zorbnet, semeval = "ZorbNet: A Tiny Model for Everything", "Our System at SemEval-2017 Task 4: Sentiment with BERT"
    (tmp_path / "a.csv").write_text(f'id,title,abstract\n5,"{zorbnet}","We propose ZorbNet, trained on ImageNet."\n'
                                    f'6,"{semeval}","We fine-tune BERT on the SemEval-2017 Task 4 data."\n')
    (tmp_path / "b.csv").write_text(f'id,title,abstract\n17,"{zorbnet}","We propose ZorbNet, trained on ImageNet."\n')
    workdir = str(tmp_path / "w")
    assert main(["build", str(tmp_path / "a.csv"), str(tmp_path / "b.csv"), "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    note = f"paper='17' is the id of a copy merged into the paper \u201c{zorbnet}\u201d ('5') as a duplicate"
    assert main(["query", "paper_entities", "--param", "paper=17", "--json", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert {row["paper"] for row in json.loads(out)} == {zorbnet} and note in err
    with pytest.warns(kg.QueryWarning, match="paper='17' is the id of a copy merged into the paper"):
        assert {row["paper"] for row in kg.query("paper_entities", {"paper": "17"}, workdir=workdir)} == {zorbnet}
    assert main(["query", "connection", "--param", "source=17", "--param", "target=BERT", "--workdir", workdir]) == 0
    assert note.replace("paper=", "source=") in capsys.readouterr().err
    assert main(["viz", "--around", "17", "--workdir", workdir, "--out", str(tmp_path / "v.html")]) == 0
    out, err = capsys.readouterr()
    assert f"around Paper \u201c{zorbnet}\u201d" in out and "'17' is the id of a copy merged into the paper" in err
    assert main(["query", "paper_entities", "--param", "paper=2017", "--json", "--workdir", workdir]) == 0
    assert {row["paper"] for row in json.loads(capsys.readouterr().out)} == {semeval}  # no id: the title still finds it


@pytest.mark.parametrize("asked, title", [
    ("10.1145/abc.123", "Sparse Zorb Routing"), ("https://doi.org/10.1145/Abc.123", "Sparse Zorb Routing"),
    ("10.48550/arXiv.2105.22222", "Quux Nets"), ("doi:10.48550/ARXIV.2105.22222v2", "Quux Nets"),
])
def test_a_paper_is_found_by_its_doi_in_any_case_and_by_arxivs_doi(tmp_path, capsys, asked, title):
    """DOIs ignore case, and arXiv's DOI stands for the arXiv id: "10.1145/abc.123" and
    "10.48550/arXiv.2105.22222" found nothing where the papers were read as 10.1145/ABC.123 and 2105.22222."""
    import kg

    corpus = _jsonl(tmp_path / "a.jsonl", [
        {"doi": "10.1145/ABC.123", "title": "Sparse Zorb Routing", "abstract": "We train BERT on GSM8K."},
        {"id": "2105.22222v1", "title": "Quux Nets", "abstract": "We train T5 on SQuAD.", "categories": "cs.LG"}])
    workdir = str(tmp_path / "w")
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    assert main(["query", "paper_entities", "--param", f"paper={asked}", "--json", "--workdir", workdir]) == 0
    assert {row["paper"] for row in json.loads(capsys.readouterr().out)} == {title}
    assert {row["paper"] for row in kg.query("paper_entities", {"paper": asked}, workdir=workdir)} == {title}
    graph = kg.load_graph(workdir)
    assert graph.nodes[kg.find_node(graph, asked)]["title"] == title  # kg viz --around


def test_search_papers_folds_letters_with_strokes_as_the_html_search_does(tmp_path, capsys):
    corpus = _jsonl(tmp_path / "a.jsonl", [{"title": "Łukasz-Net: Tiny Parsers", "abstract": "We train BERT on GSM8K."},
                                           {"title": "Bar Study", "abstract": "Søren wrote it; we tune T5 on SQuAD."}])
    workdir = str(tmp_path / "w")
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    for query, title in (("Lukasz", "Łukasz-Net: Tiny Parsers"), ("soren", "Bar Study"), ("Søren", "Bar Study")):
        assert main(["query", "search_papers", "--param", f"query={query}", "--json", "--workdir", workdir]) == 0
        assert [row["title"] for row in json.loads(capsys.readouterr().out)] == [title], query


def test_titles_and_names_are_looked_up_with_letters_folded_as_search_folds_them(tmp_path, capsys):
    """paper=Lukasz-Net missed the title "Łukasz-Net: ...", and name=Moller-QA the dataset Møller-QA, while
    search_papers and the HTML search found both: every lookup reads letters as the search does."""
    import kg
    from kg.name_notes import candidates
    from kg.lookup import rank

    lukasz, moller = "Łukasz-Net: Tiny Parsers", "Møller-QA: A Benchmark for Danish Question Answering"
    corpus = _jsonl(tmp_path / "a.jsonl", [
        {"title": lukasz, "abstract": "We propose Łukasz-Net and compare it with BERT on GSM8K."},
        {"title": moller, "abstract": "We introduce Møller-QA, a new dataset for Danish question answering. We evaluate BERT on Møller-QA."}])
    workdir = str(tmp_path / "w")
    assert main(["build", corpus, "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    for template, param, value, title in (("paper_entities", "paper", "Lukasz-Net", lukasz), ("similar_papers", "paper", "lukasz", lukasz),
                                          ("paper_entities", "paper", "MOLLER-QA: a benchmark", moller),
                                          ("papers_using", "name", "Moller-QA", moller), ("papers_using", "name", "moller qa", moller)):
        assert main(["query", template, "--param", f"{param}={value}", "--json", "--workdir", workdir]) == 0, value
        assert {row["paper"] for row in json.loads(capsys.readouterr().out)} == {title}, value
        assert {row["paper"] for row in kg.query(template, {param: value}, workdir=workdir)} == {title}, value
    graph = kg.load_graph(workdir)
    with kg.open_built_store(workdir) as db:
        for text, meant in (("Lukasz-Net", lukasz), ("lukasz-net: tiny parsers", lukasz), ("Moller-QA", moller), ("Møller-QA", "Møller-QA")):
            route = kg.query("connection", {"source": text, "target": "GSM8K", "limit": 1}, store=db)[0]["route"]
            chosen = rank(text, candidates(db, text))[0]  # the rule of the notes and kg viz --around
            assert route.split(" -[")[0].split(" <-[")[0] == chosen.name == meant, (text, route, chosen)
            drawn = graph.nodes[kg.find_node(graph, text)]
            assert drawn.get("title", drawn.get("name")) == meant, text


def test_query_help_after_a_template_name_shows_its_parameters(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "papers_using", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0 and "usage: kg query" in out and "--param name=<name> (required)" in out
    assert main(["query", "papers_using", "--list"]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("papers_using\n") and "shared_datasets" not in listed


def test_extract_with_no_usable_paper_fails_like_build_but_an_empty_shard_does_not(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "Only a title"}\n', encoding="utf-8")
    assert main(["extract", str(bad), "--out", str(tmp_path / "x.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "no papers to extract: 1 record in 1 file, 1 rejected" in err and "wrote" not in err
    assert not (tmp_path / "x.jsonl").exists()
    one = tmp_path / "one.jsonl"
    one.write_text('{"title": "A Zorb", "abstract": "We study zorbs."}\n', encoding="utf-8")
    # an earlier output is left whole, not emptied (a reviewer's good extraction was lost so)
    assert main(["extract", str(one), "--out", str(tmp_path / "x.jsonl")]) == 0
    before = (tmp_path / "x.jsonl").read_text()
    capsys.readouterr()
    assert main(["extract", str(bad), "--out", str(tmp_path / "x.jsonl")]) == 2
    assert (tmp_path / "x.jsonl").read_text() == before and f"{tmp_path / 'x.jsonl'} was left as it was" in capsys.readouterr().err
    codes = [main(["extract", str(one), "--out", str(tmp_path / f"s{k}.jsonl"), "--shard", f"{k}/2"]) for k in (1, 2)]
    assert codes == [0, 0]


def test_a_misspelt_command_or_option_gets_the_one_meant(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["biuld"])
    assert exited.value.code == 2 and "no command 'biuld' (did you mean build?)" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["query", "papers_using", "--parm", "name=x"])
    assert "(did you mean --param?)" in capsys.readouterr().err


def test_plain_copies_merged_are_listed_on_request(tmp_path, capsys):
    corpus = _jsonl(tmp_path / "d.jsonl", [{"title": "Zorb Study", "abstract": "We train BERT on GSM8K."},
                                           {"title": "ZORB STUDY", "abstract": "We train BERT on GSM8K."},
                                           {"title": "Zorb - Study", "abstract": "We train BERT on GSM8K."}])
    out = str(tmp_path / "e.jsonl")
    assert main(["extract", corpus, "--out", out]) == 0
    err = capsys.readouterr().err
    assert "2 duplicates merged" in err and "is a copy of" not in err  # counted only, by default
    assert main(["extract", corpus, "--out", out, "--show-copies", "1"]) == 0
    err = capsys.readouterr().err
    assert f"merged {corpus}:2: 'ZORB STUDY' is a copy of line 1 ('Zorb Study'); merged into it" in err
    assert "... and 1 more copies merged (use --show-copies N)" in err
    assert main(["build", corpus, "--workdir", str(tmp_path / "w"), "--no-html", "--show-copies", "5"]) == 0
    assert "'Zorb - Study' is a copy of line 1" in capsys.readouterr().out
    assert main(["extract", corpus, "--out", out, "--show-rejects", "-1"]) == 2  # kg extract takes it too now


def test_queries_and_help_load_no_spacy():
    # spaCy takes most of a second to import; only extraction needs it
    code = ("import sys, kg; from kg.cli import main; import kg.commands.query, kg.commands.cypher; "
            "kg.templates(); assert 'spacy' not in sys.modules, 'spacy imported'; kg.extract_papers; "
            "assert 'spacy' in sys.modules")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


def test_a_build_with_progress_says_each_step(tmp_path, capsys):
    import kg

    corpus = _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    kg.build([corpus], workdir=tmp_path / "w", progress=True)
    err = capsys.readouterr().err
    steps = ["read 1 record in 1 file: 1 paper to extract", "extracting", "linking names", "store: loading", "html: drawing"]
    assert all(step in err for step in steps) and sorted(steps, key=err.index) == steps, err
    kg.build([corpus], workdir=tmp_path / "w")
    assert capsys.readouterr().err == ""  # quiet unless asked


def test_python_builds_warn_of_records_left_out_and_the_cli_lists_them_instead(tmp_path, capsys):
    import warnings

    import kg

    corpus = _jsonl(tmp_path / "a.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}, {"title": "No abstract"}])
    with pytest.warns(kg.InputWarning, match=rf"1 input record of 2 left out, the first {corpus}:2: .*report.rejects"):
        result = kg.build([corpus], workdir=tmp_path / "w", html=False)
    assert result.report.rejected == 1
    with pytest.warns(kg.InputWarning, match="1 input record of 2 left out"):
        kg.extract_to_file([corpus], tmp_path / "e.jsonl")
    clean = _jsonl(tmp_path / "b.jsonl", [{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}])
    with warnings.catch_warnings():
        warnings.simplefilter("error", kg.InputWarning)
        kg.build([clean], workdir=tmp_path / "w2", html=False)  # nothing left out: no warning
        assert main(["build", str(corpus), "--workdir", str(tmp_path / "w3"), "--no-html"]) == 0
    assert f"{corpus}:2" in capsys.readouterr().out  # the command's own list


def test_help_into_a_closed_pipe_stops_quietly():
    done = subprocess.run(f"{sys.executable} -m kg query paper_entities --help | head -1", shell=True,
                          capture_output=True, text=True)
    assert done.stdout.startswith("usage: kg query") and "Traceback" not in done.stderr, done.stderr


def test_the_next_step_hint_names_the_command_as_a_new_shell_needs_it(tmp_path, monkeypatch):
    from kg.commands._help import invoked_as

    script = tmp_path / "venv" / "bin" / "kg"
    script.parent.mkdir(parents=True)
    script.write_text("")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "")  # the venv is not on the PATH of a new shell
    assert invoked_as(str(script)) == "venv/bin/kg"
    monkeypatch.setenv("PATH", str(script.parent))
    script.chmod(0o755)
    assert invoked_as(str(script)) == "kg"
    spaced = tmp_path / "my venv" / "bin" / "kg"
    spaced.parent.mkdir(parents=True)
    spaced.write_text("")
    assert invoked_as(str(spaced)) == "'my venv/bin/kg'"  # pastes into a shell as it is
    assert invoked_as(str(tmp_path / "kg" / "__main__.py")) == f"{shlex.quote(os.path.relpath(sys.executable))} -m kg" \
        or invoked_as(str(tmp_path / "kg" / "__main__.py")) == f"{shlex.quote(sys.executable)} -m kg"


def test_a_build_whose_graph_cannot_be_written_is_one_line_and_leaves_nothing_half_written(tmp_path):
    """A full disk (here a file size limit) while kg build writes graph.json had ended in a traceback
    and left graph.json.pending behind."""
    _jsonl(tmp_path / "a.jsonl", _CORPUS)
    done = _kg_in_a_process(["build", "a.jsonl", "--workdir", "w", "--no-html"], tmp_path, file_limit=1000)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "error: cannot write w/graph.json.pending: File too large" in done.stderr.splitlines()[-1], done.stderr
    assert not (tmp_path / "w" / "graph.json.pending").exists()


def test_a_cut_evidence_cell_keeps_the_entity_in_view():
    from kg.output import table

    sentence = "We compare against many strong and widely used baselines across several suites, and finally on GSM8K."
    shown = table([{"entity": "GSM8K", "evidence": sentence}]).splitlines()[-1]
    cell = shown[len("GSM8K"):].strip()
    assert cell.startswith("…") and cell.endswith("finally on GSM8K.") and len(cell) <= 80


def test_an_empty_column_says_why_only_where_the_input_is_the_reason(capsys):
    from kg.commands._stores import print_rows

    print_rows([{"paper": "Zorb", "year": None, "proposes": []}, {"paper": "Quux", "year": None, "proposes": []}], "table")
    err = capsys.readouterr().err
    assert "note: year is empty in every row (no input record gave a value)" in err
    assert "note: proposes is empty in every row\n" in err  # the answer's own list: no input record is to blame


def test_appending_papers_already_in_the_graph_leaves_it_as_it_was(tmp_path):
    import kg

    corpus = _jsonl(tmp_path / "z.jsonl", [
        {"title": "ZorbNet: Efficient Graph Transformers", "abstract": "We propose ZorbNet, a graph transformer. We evaluate ZorbNet on QM9."},
        {"title": "ZorbNet-XL: Scaling Graph Transformers", "abstract": "We scale ZorbNet to 1B parameters and train it on ZINC."}])

    def graph():
        saved = json.loads((tmp_path / "w" / "graph.json").read_text())
        nodes = sorted((n["id"], n.get("support")) for n in saved["nodes"] if n["label"] != "Paper")
        return nodes, sorted((e["source"], e["type"], e["target"]) for e in saved["edges"])

    kg.build([corpus], workdir=tmp_path / "w", html=False)
    built = graph()
    assert ("model:zorbnet", 2) in built[0] and ("model:zorbnetxl", "VARIANT_OF", "model:zorbnet") in built[1]
    kg.build([corpus], workdir=tmp_path / "w", html=False, append=True)
    assert graph() == built
