"""Sharded extraction and merging loads: `kg extract --shard K/N` jobs cover a corpus once,
and `kg load` of their files builds the same graph as one whole extraction."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.ingest import CorpusReader, Shard
from kg.shards import read_items
from kg.store import EmbeddedStore
from store_dump import dump

_NAMES = ["BERT", "RoBERTa", "GPT-2", "T5", "ResNet-50", "ViT"]
_DATA = ["SQuAD", "GLUE", "ImageNet", "CIFAR-10", "MNLI", "GSM8K"]


def _corpus(folder, papers: int = 24):
    """Two JSONL files; file b repeats a third of a's papers (with another source) and has one bad line."""
    rows = [
        {"title": f"Study number {i} of transfer", "abstract": f"We fine-tune {_NAMES[i % 6]} on {_DATA[i % 6]} and {_DATA[(i + 1) % 6]}."}
        for i in range(papers)
    ]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (folder / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[::3]) + '{"title": "no abstract"}\n')
    return [folder / "a.jsonl", folder / "b.jsonl"]


def test_shards_partition_papers_duplicates_and_rejects(tmp_path):
    files = _corpus(tmp_path)
    whole = CorpusReader(files)
    everything = {p.id for p in whole}
    seen, rejects, duplicates = set(), 0, 0
    for k in (1, 2, 3):
        reader = CorpusReader(files, Shard(k, 3))
        ids = {p.id for p in reader}
        report = reader.report()
        assert report.balanced and report.records == whole.report().records
        assert not ids & seen
        seen |= ids
        rejects += len(report.rejects)
        duplicates += report.duplicates
    assert seen == everything
    assert (rejects, duplicates) == (1, whole.report().duplicates) == (1, 8)


def test_loading_shard_files_equals_loading_one_whole_extraction(tmp_path, capsys):
    files = [str(f) for f in _corpus(tmp_path)]
    assert main(["extract", *files, "--workers", "2", "--out", str(tmp_path / "whole.jsonl")]) == 0
    shard_files = []
    for k in (1, 2, 3):
        shard_files.append(str(tmp_path / f"shard-{k}.jsonl"))
        assert main(["extract", *files, "--shard", f"{k}/3", "--workers", "1", "--out", shard_files[-1]]) == 0
    assert "belong to other shards" in capsys.readouterr().err
    assert sum(1 for _ in read_items(shard_files)) == sum(1 for _ in read_items([tmp_path / "whole.jsonl"])) == 24

    assert main(["load", str(tmp_path / "whole.jsonl"), "--store", str(tmp_path / "one"), "--batch-size", "7"]) == 0
    assert main(["load", *shard_files, "--store", str(tmp_path / "many"), "--batch-size", "7"]) == 0
    assert main(["load", *shard_files, "--store", str(tmp_path / "many"), "--batch-size", "7"]) == 0  # idempotent
    with EmbeddedStore(tmp_path / "one") as one, EmbeddedStore(tmp_path / "many") as many:
        assert dump(one) == dump(many)
        bert = many.read("MATCH (m:Model {key: 'model:bert'}) RETURN m.support AS n")[0]["n"]
        repeated = many.read("MATCH (p:Paper) WHERE size(p.sources) = 2 RETURN count(p) AS n")[0]["n"]
    assert bert == 4 and repeated == 8


def test_shards_loaded_one_load_at_a_time_join_names_either_way(tmp_path, capsys):
    """A long form one load wrote joins the short form a later load defines, and the other
    way round: the store ends as one load of both shards would leave it."""
    defines = {"id": "a1", "title": "Zorbic Tree Learning for Graphs",
               "abstract": "We propose Zorbic Tree Learning (ZTL), a method for graphs. ZTL improves accuracy on Cora."}
    writes_out = {"id": "b1", "title": "A Study of Graph Methods", "abstract": "We compare Zorbic Tree Learning with GCN on Cora."}
    shards = {}
    for row in (defines, writes_out):
        (tmp_path / f"{row['id']}.jsonl").write_text(json.dumps(row) + "\n")
        shards[row["id"]] = str(tmp_path / f"{row['id']}-entities.jsonl")
        assert main(["extract", str(tmp_path / f"{row['id']}.jsonl"), "--workers", "1", "--out", shards[row["id"]]]) == 0
    assert main(["load", *shards.values(), "--store", str(tmp_path / "one")]) == 0
    for order in (("a1", "b1"), ("b1", "a1")):
        store = str(tmp_path / "".join(order))
        for shard in order:
            assert main(["load", shards[shard], "--store", store]) == 0
    with EmbeddedStore(tmp_path / "one") as one:
        expected = dump(one)
        ztl = one.read("MATCH (m:Method {key: 'method:ztl'}) RETURN m.support AS n, m.aliases AS aliases")
    assert ztl == [{"n": 2, "aliases": ["Zorbic Tree Learning"]}]
    for order in ("a1b1", "b1a1"):
        with EmbeddedStore(tmp_path / order) as store:
            assert dump(store) == expected, order


def test_extract_output_has_the_documented_fields(tmp_path):
    files = [str(f) for f in _corpus(tmp_path, papers=3)]
    assert main(["extract", *files, "--out", str(tmp_path / "e.jsonl")]) == 0
    record = json.loads((tmp_path / "e.jsonl").read_text().splitlines()[0])
    assert {"id", "title", "entities", "links"} <= set(record)
    assert {"text", "name", "type", "role", "sentence", "start", "end"} <= set(record["entities"][0])
    text = record["title"] + "\n" + record["abstract"]
    assert all(text[e["start"] : e["end"]] == e["text"] for e in record["entities"])
    # where each sentence naming an entity lies, the evidence sentence's first
    assert all(text[e["sentence_starts"][0] : e["sentence_ends"][0]] == e["sentence"] for e in record["entities"])


def test_records_without_sentence_positions_still_load(tmp_path, capsys):
    files = [str(f) for f in _corpus(tmp_path, papers=2)]
    assert main(["extract", *files, "--out", str(tmp_path / "e.jsonl")]) == 0
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    for record in records:  # written by an older paper-kg, or by hand
        for entity in record["entities"]:
            entity["sentence_starts"] = None
            entity.pop("sentence_ends")
    (tmp_path / "old.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    items = list(read_items([str(tmp_path / "old.jsonl")]))
    assert items and all(e.sentence_starts == () == e.sentence_ends for item in items for e in item.entities)


@pytest.mark.parametrize("spec", ["0/3", "4/3", "two", "1/0"])
def test_bad_shard_spec_is_one_line(tmp_path, capsys, spec):
    assert main(["extract", "--shard", spec, "--out", str(tmp_path / "x.jsonl")]) == 2
    assert "K/N" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()


def test_loading_a_file_that_is_not_extract_output_names_the_line(tmp_path, capsys):
    (tmp_path / "bad.jsonl").write_text('{"id": "p-1", "title": "T"}\n')
    assert main(["load", str(tmp_path / "bad.jsonl"), "--store", str(tmp_path / "st")]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:1" in err and "kg extract" in err


def test_a_shard_outside_one_to_n_is_refused():
    from kg.errors import InputError
    from kg.ingest import Shard

    for index, count in ((0, 8), (9, 8), (1, 0)):
        with pytest.raises(InputError, match="shards are numbered 1..N"):
            Shard(index, count)


def test_extract_writes_into_a_folder_it_creates(tmp_path):
    from kg.pipeline import extract_to_file

    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"title": "Bar Study", "abstract": "We train BERT on GSM8K."}\n')
    result = extract_to_file(str(corpus), tmp_path / "shards" / "part-1.jsonl", workers=1)
    assert result.papers == 1 and (tmp_path / "shards" / "part-1.jsonl").exists()


def _coining_corpus(folder):
    rows = [
        {"title": "ZFN: Zorbic Fusion Networks", "abstract": "We propose Zorbic Fusion Networks (ZFN), a method for fusion. ZFN beats BERT on GLUE."},
        {"title": "A study of fusion", "abstract": "We compare ZFN and BERT on SQuAD."},
        {"title": "QRT: Quick Routing Trees", "abstract": "We introduce Quick Routing Trees (QRT), a model. QRT is fast on GSM8K."},
    ]
    path = folder / "coin.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def test_loading_the_same_extraction_again_changes_nothing(tmp_path):
    """A paper loaded again is not a second paper coining its short form (which would name the
    node by its long form and move the paper's links there)."""
    corpus = _coining_corpus(tmp_path)
    assert main(["extract", corpus, "--workers", "1", "--out", str(tmp_path / "x.jsonl")]) == 0
    assert main(["load", str(tmp_path / "x.jsonl"), "--store", str(tmp_path / "once")]) == 0
    for _ in range(2):
        assert main(["load", str(tmp_path / "x.jsonl"), "--store", str(tmp_path / "again")]) == 0
    with EmbeddedStore(tmp_path / "once") as once, EmbeddedStore(tmp_path / "again") as again:
        assert dump(once) == dump(again)
        names = {row["n"] for row in again.read("MATCH (m:Method) RETURN m.name AS n")}
    assert "ZFN" in names and "Zorbic Fusion Networks" not in names


def test_extract_and_load_name_and_type_the_nodes_of_names_papers_share_as_build_does(tmp_path):
    rows = [{"title": "Faster Rotations", "abstract": "We propose RotaQ, a quantization method that rotates weights."},
            {"title": "Quantizing with Rotations", "abstract": "We introduce RotaQ, which learns rotations before quantization."},
            {"title": "Margins", "abstract": "We propose Margin-Calibrated Preference Optimization (MCPO). MCPO beats DPO."},
            {"title": "Alignment", "abstract": "We propose Margin-Calibrated Preference Optimization (MCPO) for alignment."},
            {"title": "Methods Compared", "abstract": "We compare RotaQ and MCPO with GPTQ on MMLU."},
            {"title": "Point Clouds", "abstract": "Masked point modeling methods such as Point-M2AE and Point-MAE reconstruct patches."},
            {"title": "Few-shot Points", "abstract": "In few-shot classification it outperforms Point-M2AE and PointGPT-S."}]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["build", str(corpus), "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    assert main(["extract", str(corpus), "--workers", "1", "--out", str(tmp_path / "x.jsonl")]) == 0
    for _ in range(2):  # loading the same file again changes nothing
        assert main(["load", str(tmp_path / "x.jsonl"), "--store", str(tmp_path / "loaded")]) == 0
    with EmbeddedStore(tmp_path / "w" / "store") as built, EmbeddedStore(tmp_path / "loaded") as loaded:
        assert dump(built) == dump(loaded)
        keys = [row["k"] for row in loaded.read("MATCH (m:Method) WHERE m.name IN ['RotaQ', 'MCPO'] RETURN m.key AS k")]
    assert len(keys) == 6 and sum("@" in key for key in keys) == 4  # two coinages of each, and each name as others use it


def test_a_later_load_joins_the_type_the_store_holds_a_name_under(tmp_path):
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"title": "Few-shot Points", "abstract": "In few-shot classification it outperforms Point-M2AE and PointGPT-S."}) + "\n")
    later = tmp_path / "later.jsonl"
    later.write_text("".join(json.dumps({"title": f"Point Clouds {i}", "abstract": "Masked point modeling methods such as "
                                                                                     "Point-M2AE and Point-MAE reconstruct patches."}) + "\n"
                             for i in (1, 2)))
    for corpus in (first, later):
        assert main(["extract", str(corpus), "--workers", "1", "--out", str(tmp_path / f"{corpus.stem}-x.jsonl")]) == 0
        assert main(["load", str(tmp_path / f"{corpus.stem}-x.jsonl"), "--store", str(tmp_path / "st")]) == 0
    with EmbeddedStore(tmp_path / "st") as store:
        rows = store.read("MATCH (p:Paper)-->(e {name: 'Point-M2AE'}) RETURN e.key AS key, count(p) AS papers")
    assert rows == [{"key": "model:pointm2ae", "papers": 3}]


def test_build_append_of_the_same_corpus_changes_nothing(tmp_path):
    corpus = _coining_corpus(tmp_path)
    assert main(["build", corpus, "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    before = json.loads((tmp_path / "w" / "graph.json").read_text())
    assert main(["build", corpus, "--append", "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    after = json.loads((tmp_path / "w" / "graph.json").read_text())
    key = lambda n: n.get("key") or n.get("id")
    assert sorted(map(key, after["nodes"])) == sorted(map(key, before["nodes"]))
    assert {(e["source"], e["target"], e["type"]) for e in after["edges"]} == {(e["source"], e["target"], e["type"]) for e in before["edges"]}


def test_viz_and_export_read_extract_files_as_kg_build_saves_the_graph(tmp_path, capsys):
    """After `kg extract` + `kg load` there is no graph.json; `kg export`/`kg viz` read the files."""
    files = [str(f) for f in _corpus(tmp_path)]
    shard_files = [str(tmp_path / f"shard-{k}.jsonl") for k in (1, 2)]
    for k, out in enumerate(shard_files, start=1):
        assert main(["extract", *files, "--shard", f"{k}/2", "--workers", "1", "--out", out]) == 0
    assert main(["build", *files, "--workdir", str(tmp_path / "wd"), "--no-html"]) == 0
    built = json.loads((tmp_path / "wd" / "graph.json").read_text())

    assert main(["export", *shard_files, "--format", "json", "--out", str(tmp_path / "g.json")]) == 0
    exported = json.loads((tmp_path / "g.json").read_text())

    def shape(data):
        nodes = {n["id"]: (n["label"], n.get("support"), n.get("name")) for n in data["nodes"]}
        return nodes, sorted((e["source"], e["target"], e["type"]) for e in data["edges"])

    assert shape(exported) == shape(built)
    assert main(["viz", *shard_files, "--out", str(tmp_path / "v.html")]) == 0
    assert "model:bert" in (tmp_path / "v.html").read_text()
    capsys.readouterr()
    assert main(["viz", "--workdir", str(tmp_path / "none")]) == 2
    assert "pass the FILE.jsonl files instead" in capsys.readouterr().err


def test_viz_and_export_read_a_folder_of_extract_files_as_kg_load_does(tmp_path, capsys):
    files = [str(f) for f in _corpus(tmp_path)]
    shards = tmp_path / "shards"
    for k in (1, 2):
        assert main(["extract", *files, "--shard", f"{k}/2", "--workers", "1", "--out", str(shards / f"part-{k}.jsonl")]) == 0
    exports = {}
    for name, given in (("files", sorted(map(str, shards.glob("*.jsonl")))), ("folder", [str(shards)])):
        assert main(["export", *given, "--format", "json", "--out", str(tmp_path / f"{name}.json")]) == 0
        exports[name] = json.loads((tmp_path / f"{name}.json").read_text())
    assert exports["folder"] == exports["files"]
    assert main(["viz", str(shards), "--out", str(tmp_path / "v.html")]) == 0
    assert "model:bert" in (tmp_path / "v.html").read_text()


def test_appended_papers_link_the_names_earlier_papers_coined(tmp_path):
    """The corpus-wide pass that links a coined name to other papers sees the graph appended to."""
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"title": "ZorbNet: Parsing with Stitched Graphs",
                                 "abstract": "We propose ZorbNet, a parser, and Stitched Graph Networks (SG-Net) for it."}) + "\n")
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"title": "A study of parsers", "abstract": "We compare Quux with ZorbNet and SG-Net on GSM8K."}) + "\n")
    assert main(["build", str(first), "--workdir", str(tmp_path / "a"), "--no-html"]) == 0
    assert main(["build", str(later), "--append", "--workdir", str(tmp_path / "a"), "--no-html"]) == 0
    assert main(["build", str(first), str(later), "--workdir", str(tmp_path / "b"), "--no-html"]) == 0

    def linked(workdir):
        data = json.loads((tmp_path / workdir / "graph.json").read_text())
        names = {n["id"]: n.get("name") for n in data["nodes"]}
        study = next(n["id"] for n in data["nodes"] if n.get("title") == "A study of parsers")
        return sorted(names[e["target"]] for e in data["edges"] if e["source"] == study)

    assert linked("a") == linked("b") == ["GSM8K", "ZorbNet"]


def test_loading_the_same_shards_of_a_generated_corpus_again_changes_nothing(tmp_path):
    """In shards of a generated corpus two papers coin one short form, each in its own shard, so
    the load names their node by its long form; loading the same files again must not fold the
    short form's node into it (a reviewer found 14 nodes gaining aliases on a second load)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("make_corpus", Path(__file__).resolve().parent.parent / "bench" / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in make_corpus.generate(600)))
    files = [str(tmp_path / f"p{k}.jsonl") for k in (1, 2, 3)]
    for k, out in enumerate(files, start=1):
        assert main(["extract", str(corpus), "--shard", f"{k}/3", "--workers", "1", "--out", out]) == 0
    assert main(["load", *files, "--store", str(tmp_path / "once")]) == 0
    for _ in range(2):
        assert main(["load", *files, "--store", str(tmp_path / "again")]) == 0
    with EmbeddedStore(tmp_path / "once") as once, EmbeddedStore(tmp_path / "again") as again:
        assert dump(once) == dump(again)


def test_query_and_cypher_read_a_store_that_kg_load_store_wrote(tmp_path, capsys):
    corpus = _coining_corpus(tmp_path)
    assert main(["extract", corpus, "--workers", "1", "--out", str(tmp_path / "x.jsonl")]) == 0
    assert main(["load", str(tmp_path / "x.jsonl"), "--store", str(tmp_path / "st")]) == 0
    capsys.readouterr()
    assert main(["query", "papers_using", "--param", "name=ZFN", "--store", str(tmp_path / "st"), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["cypher", "MATCH (p:Paper) RETURN count(p) AS n", "--store", str(tmp_path / "st"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 3}]


def test_extract_output_never_renames_over_a_fifo_made_while_it_ran(tmp_path):
    """The output is checked before the work and again just before the rename."""
    import os
    import stat

    from kg.errors import InputError
    from kg.records import Paper, PaperEntities
    from kg.shards import write_items

    out = tmp_path / "entities.jsonl"

    def made_meanwhile():
        yield PaperEntities(Paper.from_text("A title", "We train on ImageNet."), ())
        os.mkfifo(out)

    with pytest.raises(InputError, match="is a named pipe"):
        write_items(made_meanwhile(), out)
    assert stat.S_ISFIFO(out.stat().st_mode) and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
