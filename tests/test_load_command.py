"""`kg load`: loads graph.json into the embedded store (or Neo4j), idempotently, with one-line errors."""

from __future__ import annotations

import re

from kg.cli import main
from kg.pipeline import load_graph, save_graph
from kg.store import EmbeddedStore
from sample_graphs import corpus_a, corpus_b, graph_of
from store_dump import dump, expected_dump


def test_kg_load_embedded_prints_counts_and_is_idempotent(tmp_path, capsys):
    graph = graph_of(corpus_a() + corpus_b())
    save_graph(graph, tmp_path / "graph.json")
    for _ in range(2):
        assert main(["load", "--workdir", str(tmp_path), "--batch-size", "4"]) == 0
    out = capsys.readouterr().out
    assert f"loading {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships" in out
    assert re.search(r"^  Paper +7$", out, re.M) and re.search(rf"^  relationships +{graph.number_of_edges()}$", out, re.M)
    # a batch holds one label's nodes or one kind of relationship: more batches than rows / batch size
    assert re.search(r"loaded in \d+ batches \(each of one node label or relationship kind, up to 4 rows\)", out)
    with EmbeddedStore(tmp_path / "store") as store:
        assert dump(store) == expected_dump(graph)


def test_kg_load_without_a_build_says_what_to_run(tmp_path, capsys):
    assert main(["load", "--workdir", str(tmp_path)]) == 2
    assert "run `kg build` first" in capsys.readouterr().err


def test_kg_load_rejects_a_bad_batch_size(tmp_path, capsys):
    save_graph(graph_of(corpus_a()), tmp_path / "graph.json")
    assert main(["load", "--workdir", str(tmp_path), "--batch-size", "0"]) == 2
    assert "--batch-size must be at least 1" in capsys.readouterr().err


def test_kg_load_neo4j_unreachable_is_one_line(tmp_path, capsys, monkeypatch):
    from bolt_server import closed_port

    monkeypatch.chdir(tmp_path)  # no stray .env
    save_graph(graph_of(corpus_a()), tmp_path / "graph.json")
    code = main(["load", "--workdir", str(tmp_path), "--neo4j", f"bolt://127.0.0.1:{closed_port()}", "--password", "x"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("kg load: error: cannot reach Neo4j at bolt://127.0.0.1:") and "docker compose up -d --wait" in err
    assert "(Connection refused)" in err and "ResolvedIPv4Address" not in err  # the driver's internals left out


def test_kg_load_neo4j_bad_uri_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    save_graph(graph_of(corpus_a()), tmp_path / "graph.json")
    assert main(["load", "--workdir", str(tmp_path), "--neo4j", "localhost:7687"]) == 2
    err = capsys.readouterr().err
    assert "is not a Bolt URI" in err and "bolt://HOST:7687" in err and err.count("\n") == 1


def test_kg_load_replace_drops_what_the_new_graph_no_longer_has(tmp_path, capsys):
    save_graph(graph_of(corpus_a() + corpus_b()), tmp_path / "graph.json")
    assert main(["load", "--workdir", str(tmp_path)]) == 0
    smaller = graph_of(corpus_a())
    save_graph(smaller, tmp_path / "graph.json")
    assert main(["load", "--workdir", str(tmp_path), "--replace"]) == 0
    assert "removed the previous graph" in capsys.readouterr().out
    with EmbeddedStore(tmp_path / "store") as store:
        assert dump(store) == expected_dump(smaller)


def test_kg_load_of_a_missing_file_fails_before_making_a_store(tmp_path, capsys):
    assert main(["load", str(tmp_path / "missing.jsonl"), "--workdir", str(tmp_path / "new")]) == 2
    assert "no such file" in capsys.readouterr().err and not (tmp_path / "new").exists()


def test_kg_load_reads_a_folder_of_shards_and_refuses_a_corpus_folder(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text('{"title": "ZorbNet: A Study", "abstract": "We propose ZorbNet and test on GSM8K."}\n')
    (corpus / "notes.txt").write_text("not a shard\n")
    shards = tmp_path / "shards"
    assert main(["extract", str(corpus / "a.jsonl"), "--out", str(shards / "part-1.jsonl"), "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["load", str(shards), "--workdir", str(tmp_path / "w")]) == 0
    assert "loading 1 extracted file" in capsys.readouterr().out
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "dump.txt").write_text("x\n")
    assert main(["load", str(seeds), "--workdir", str(tmp_path / "new")]) == 2
    assert "a folder with no .jsonl files" in capsys.readouterr().err and not (tmp_path / "new").exists()


def test_a_bad_shard_leaves_the_store_as_it_was_even_with_replace(tmp_path, capsys):
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"title": "ZorbNet: A Study", "abstract": "We propose ZorbNet and test on GSM8K."}\n')
    shard = tmp_path / "part-1.jsonl"
    assert main(["extract", str(corpus), "--out", str(shard), "--workers", "1"]) == 0
    store = tmp_path / "store"
    assert main(["load", str(shard), "--store", str(store)]) == 0
    broken = tmp_path / "part-2.jsonl"
    broken.write_text(shard.read_text() + "{not json\n")
    capsys.readouterr()
    for bad in (broken, corpus):  # a shard with a bad last line; a corpus file, not a shard
        assert main(["load", str(bad), "--store", str(store), "--replace"]) == 2
        assert "removed the previous graph" not in capsys.readouterr().out
        with EmbeddedStore(store) as s:
            assert s.counts().get("Paper") == 1
    assert main(["load", str(corpus), "--store", str(tmp_path / "new")]) == 2 and not (tmp_path / "new").exists()


def test_shards_loaded_into_a_built_workdir_rewrite_its_graph_json_from_the_store(tmp_path, capsys):
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"title": "A study", "abstract": "We train Llama 3.1 8B on GSM8K."}\n')
    assert main(["build", str(corpus), "--workdir", str(tmp_path / "w"), "--workers", "1", "--no-html"]) == 0
    more = tmp_path / "b.jsonl"
    more.write_text('{"title": "ZorbNet: A Study", "abstract": "We propose ZorbNet and test it on GSM8K."}\n')
    shard = tmp_path / "part-1.jsonl"
    assert main(["extract", str(more), "--out", str(shard), "--workers", "1"]) == 0
    capsys.readouterr()
    for _ in range(2):  # and again: nothing changes
        assert main(["load", str(shard), "--workdir", str(tmp_path / "w")]) == 0
        assert "graph.json rewritten from the store" in capsys.readouterr().out
        with EmbeddedStore(tmp_path / "w" / "store") as store:
            assert dump(store) == expected_dump(load_graph(tmp_path / "w"))
    assert {"ZorbNet", "GSM8K", "Llama 3.1 8B"} <= set(dict(load_graph(tmp_path / "w").nodes(data="name")).values())
    assert main(["viz", "--workdir", str(tmp_path / "w"), "--around", "ZorbNet"]) == 0


def test_a_graph_json_that_did_not_describe_the_store_is_left_as_it_was(tmp_path, capsys):
    save_graph(graph_of(corpus_a()), tmp_path / "graph.json")  # the store was never loaded from it
    shard = tmp_path / "part-1.jsonl"
    (tmp_path / "a.jsonl").write_text('{"title": "ZorbNet: A Study", "abstract": "We propose ZorbNet."}\n')
    assert main(["extract", str(tmp_path / "a.jsonl"), "--out", str(shard), "--workers", "1"]) == 0
    before = (tmp_path / "graph.json").read_bytes()
    capsys.readouterr()
    assert main(["load", str(shard), "--workdir", str(tmp_path)]) == 0
    assert "did not describe the store before this load, so it was left as it was" in capsys.readouterr().out
    assert (tmp_path / "graph.json").read_bytes() == before


def test_a_store_reads_back_as_the_graph_it_was_loaded_with(tmp_path):
    graph = graph_of(corpus_a() + corpus_b())
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        assert expected_dump(store.to_graph()) == expected_dump(graph) == dump(store)
        assert dict(store.to_graph().nodes(data=True)) == {k: {**d, "aliases": sorted(d["aliases"])} if "aliases" in d else d
                                                          for k, d in graph.nodes(data=True)}


def test_a_load_interrupted_before_rewriting_graph_json_rewrites_it_when_run_again(tmp_path, capsys):
    from kg.pipeline import follow_store

    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"title": "A study", "abstract": "We train Llama 3.1 8B on GSM8K."}\n')
    assert main(["build", str(corpus), "--workdir", str(tmp_path / "w"), "--workers", "1", "--no-html"]) == 0
    (tmp_path / "b.jsonl").write_text('{"title": "ZorbNet: A Study", "abstract": "We propose ZorbNet."}\n')
    shard = tmp_path / "part-1.jsonl"
    assert main(["extract", str(tmp_path / "b.jsonl"), "--out", str(shard), "--workers", "1"]) == 0
    follow_store(tmp_path / "w")  # what kg load marks before it writes: then its rows went in, and it stopped
    assert main(["load", str(shard), "--store", str(tmp_path / "w" / "store")]) == 0
    capsys.readouterr()
    assert main(["load", str(shard), "--workdir", str(tmp_path / "w")]) == 0
    assert "graph.json rewritten from the store" in capsys.readouterr().out
    assert "ZorbNet" in dict(load_graph(tmp_path / "w").nodes(data="name")).values()
    assert not (tmp_path / "w" / "graph.json.follows-store").exists()


def test_shards_load_beside_a_graph_json_that_cannot_be_read(tmp_path, capsys):
    (tmp_path / "graph.json").write_text('{"truncated": ')
    (tmp_path / "a.jsonl").write_text('{"title": "ZorbNet: A Study", "abstract": "We propose ZorbNet."}\n')
    shard = tmp_path / "part-1.jsonl"
    assert main(["extract", str(tmp_path / "a.jsonl"), "--out", str(shard), "--workers", "1"]) == 0
    assert main(["load", str(shard), "--workdir", str(tmp_path)]) == 0
    assert (tmp_path / "graph.json").read_text() == '{"truncated": '


def test_a_store_reads_back_only_paper_kgs_relationships(tmp_path):
    graph = graph_of(corpus_a())
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        store.write("MATCH (a:Paper {key: 'p-a1'}), (b:Paper {key: 'p-a2'}) CREATE (a)-[:CITES]->(b)")
        assert store.to_graph().number_of_edges() == graph.number_of_edges()
