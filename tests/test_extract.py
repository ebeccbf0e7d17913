"""Extraction: types, roles, evidence offsets, links, and spaCy multiprocessing."""

import json

from kg.cli import main
from kg.extract import extract, paper_text
from kg.graph import build_graph
from kg.normalise import to_entities
from kg.records import Paper, PaperEntities

PAPER = Paper(
    "p-1",
    "GameFactory: Creating Games with Video Diffusion",
    "We present GameFactory, a framework for game video generation. We release GF-Minecraft, a "
    "high-quality action-annotated video dataset. We fine-tune Llama 3.1 8B with LoRA and report "
    "top-1 accuracy on ImageNet-1k. Code: https://github.com/Org/GameFactory.",
)


def entities(nlp, paper=PAPER):
    (_, mentions, links), = extract([paper], nlp=nlp)
    return {e.name: e for e in to_entities(paper, mentions)}, mentions, links


def test_types_and_roles(nlp):
    found, _, _ = entities(nlp)
    assert (found["GameFactory"].type, found["GameFactory"].role) == ("METHOD", "proposed")
    assert (found["GF-Minecraft"].type, found["GF-Minecraft"].role) == ("DATASET", "proposed")
    assert (found["Llama 3.1 8B"].type, found["Llama 3.1 8B"].role) == ("MODEL", "used")
    assert found["LoRA"].type == "METHOD" and found["LoRA"].role == "used"
    assert found["top-1 accuracy"].type == "METRIC"
    assert found["ImageNet-1K"].type == "DATASET"


def test_offsets_point_at_the_text_and_sentence(nlp):
    _, mentions, _ = entities(nlp)
    text = paper_text(PAPER)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.text in m.sentence and m.sentence in text


def test_links_become_repository_nodes(nlp):
    found, _, links = entities(nlp)
    assert links == ("https://github.com/Org/GameFactory",)
    graph = build_graph([PaperEntities(PAPER, tuple(found.values()), links)])
    assert graph.nodes["repo:github.com/org/gamefactory"]["label"] == "Repository"
    assert graph.edges["p-1", "repo:github.com/org/gamefactory"]["type"] == "RELEASES_CODE"


def test_unknown_coined_names_in_a_list_with_known_datasets(nlp):
    paper = Paper("p-2", "A Study", "We evaluate on GSM8K, FooQA-2 and MATH, where results improve.")
    found, _, _ = entities(nlp, paper)
    assert found["FooQA-2"].type == "DATASET" and found["FooQA-2"].rule == "list"


def test_worker_processes_give_the_same_mentions_in_order(nlp):
    papers = [PAPER, Paper("p-2", "Other", "We train BERT on SQuAD and report F1.")]
    single = [(p.id, [(m.text, m.type) for m in ms]) for p, ms, _ in extract(papers, nlp=nlp)]
    multi = [(p.id, [(m.text, m.type) for m in ms]) for p, ms, _ in extract(papers, nlp=nlp, workers=2, batch_size=1)]
    assert single == multi


def test_kg_extract_writes_one_line_per_paper(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"title": PAPER.title, "abstract": PAPER.abstract}) + "\n")
    out = tmp_path / "e.jsonl"
    assert main(["extract", str(corpus), "--out", str(out)]) == 0
    (line,) = out.read_text().splitlines()
    record = json.loads(line)
    assert set(record) >= {"id", "title", "entities"}
    assert {"text", "name", "type", "role", "sentence", "start", "end"} <= set(record["entities"][0])
