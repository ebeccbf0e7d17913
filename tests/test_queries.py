"""Every template in queries/ answers correctly on a small known graph in the real embedded store.

The graph (8 papers, hand-made records, no extractor) is small enough to work every answer out
by hand; the expected values below were derived from this table, not read back from a run:

    paper  title (abbreviated)         entities (P = proposed, else used)                       code
    p1     Deep Residual Learning ...  ResNet-50 P (family ResNet), ImageNet (as ILSVRC-2012),  github kaiming/resnet
                                       CIFAR-10, image classification, accuracy
    p2     An Image is Worth 16x16 ... ViT P, ResNet-50, ImageNet, CIFAR-10, Dropout, accuracy
    p3     Llama 2: Open Foundation .. Llama 2 7B P (family Llama 2), MMLU, GSM8K, accuracy     github meta-llama/llama
    p4     LoRA: Low-Rank Adaptation . LoRA P (alias low-rank adaptation), Llama 2 7B, GSM8K    huggingface microsoft/lora
    p5     GPT-4 Technical Report      GPT-4 P, Llama 2 (family Llama), MMLU, GSM8K, accuracy
    p6     Dropout: "don't" {overfit}  Dropout P, CIFAR-10
    p7     A Paper About Nothing       (nothing)
    p8     CIFAR-10 Is Not Enough      CIFAR-10

Papers per entity: CIFAR-10 4, accuracy 4, GSM8K 3, ImageNet/ResNet-50/Dropout/Llama 2 7B/MMLU 2,
the rest 1 (the families ResNet and Llama, named by no paper, 0).  VARIANT_OF chains:
Llama 2 7B -> Llama 2 -> Llama and ResNet-50 -> ResNet.
"""

from __future__ import annotations

import json
import math
import re

import pytest

import kg
from kg.cli import main
from kg.commands.cypher import parse_params
from kg.queries import missing_params, run_cypher
from kg.errors import QueryError
from kg.graph import build_graph
from kg.normalise import entity_key
from kg.queries import default_limit_reached, get_template, load_templates, parse_template, run_template
from kg.records import Entity, Paper, PaperEntities, Source
from kg.store import EmbeddedStore
from sample_graphs import AMBIGUOUS_TITLES, COINED_TITLES, ambiguous_items, coined_items

TITLES = {
    "p1": "Deep Residual Learning for Image Recognition",
    "p2": "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
    "p3": "Llama 2: Open Foundation and Fine-Tuned Chat Models",
    "p4": "LoRA: Low-Rank Adaptation of Large Language Models",
    "p5": "GPT-4 Technical Report",
    "p6": 'Dropout: "don\'t" {overfit}',
    "p7": "A Paper About Nothing",
    "p8": "CIFAR-10 Is Not Enough",
}
ABSTRACTS = {
    "p1": "Residual networks ease the training of deep networks on ILSVRC-2012 and CIFAR-10.",
    "p2": "A pure transformer applied to sequences of image patches performs very well.",
    "p3": "We develop and release a collection of pretrained and fine-tuned large language models.",
    "p4": "We freeze the pretrained weights and inject trainable rank decomposition matrices.",
    "p5": "A large multimodal model that exhibits human-level performance on professional benchmarks.",
    "p6": "We randomly zero activations during training.",
    "p7": "Nothing here.",
    "p8": "Small benchmarks mislead.",
}
# (type, name, role, surface text, aliases, family) per paper.
ENTITIES = {
    "p1": [
        ("MODEL", "ResNet-50", "proposed", "ResNet-50", (), "ResNet"),
        ("DATASET", "ImageNet", "used", "ILSVRC-2012", (), None),
        ("DATASET", "CIFAR-10", "used", "CIFAR-10", (), None),
        ("TASK", "image classification", "used", "image classification", (), None),
        ("METRIC", "accuracy", "used", "accuracy", (), None),
    ],
    "p2": [
        ("MODEL", "ViT", "proposed", "ViT", (), None),
        ("MODEL", "ResNet-50", "used", "ResNet-50", (), "ResNet"),
        ("DATASET", "ImageNet", "used", "ImageNet", (), None),
        ("DATASET", "CIFAR-10", "used", "CIFAR-10", (), None),
        ("METHOD", "Dropout", "used", "dropout", (), None),
        ("METRIC", "accuracy", "used", "accuracy", (), None),
    ],
    "p3": [
        ("MODEL", "Llama 2 7B", "proposed", "Llama 2 7B", (), "Llama 2"),
        ("DATASET", "MMLU", "used", "MMLU", (), None),
        ("DATASET", "GSM8K", "used", "GSM8K", (), None),
        ("METRIC", "accuracy", "used", "accuracy", (), None),
    ],
    "p4": [
        ("METHOD", "LoRA", "proposed", "LoRA", ("low-rank adaptation",), None),
        ("MODEL", "Llama 2 7B", "used", "Llama 2 7B", (), "Llama 2"),
        ("DATASET", "GSM8K", "used", "GSM8K", (), None),
    ],
    "p5": [
        ("MODEL", "GPT-4", "proposed", "GPT-4", (), None),
        ("MODEL", "Llama 2", "used", "Llama 2", (), "Llama"),
        ("DATASET", "MMLU", "used", "MMLU", (), None),
        ("DATASET", "GSM8K", "used", "GSM8K", (), None),
        ("METRIC", "accuracy", "used", "accuracy", (), None),
    ],
    "p6": [
        ("METHOD", "Dropout", "proposed", "Dropout", (), None),
        ("DATASET", "CIFAR-10", "used", "CIFAR-10", (), None),
    ],
    "p7": [],
    "p8": [("DATASET", "CIFAR-10", "used", "CIFAR-10", (), None)],
}
LINKS = {
    "p1": ("https://github.com/kaiming/resnet",),
    "p3": ("https://github.com/meta-llama/llama",),
    "p4": ("https://huggingface.co/microsoft/lora",),
}
REPO = {
    "p1": "https://github.com/kaiming/resnet",
    "p3": "https://github.com/meta-llama/llama",
    "p4": "https://huggingface.co/microsoft/lora",
}


def known_items() -> list[PaperEntities]:
    items = []
    for line, pid in enumerate(TITLES, start=1):
        sentence = ABSTRACTS[pid]
        entities = tuple(
            Entity(entity_key(t, name), name, t, role, text, sentence, 0, len(text), "test", 1.0, aliases, family)
            for t, name, role, text, aliases, family in ENTITIES[pid]
        )
        paper = Paper(pid, TITLES[pid], ABSTRACTS[pid], (Source("known.txt", line),), year=2024,
                      external_id="1512.03385" if pid == "p1" else None)
        items.append(PaperEntities(paper, entities, LINKS.get(pid, ())))
    return items


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with EmbeddedStore(tmp_path_factory.mktemp("queries") / "store") as opened:
        opened.load(build_graph(known_items()))
        yield opened


def _closed_store(folder, items) -> str:
    """A workdir holding a closed store of ``items``, as `kg build` leaves it, for the CLI tests."""
    with EmbeddedStore(folder / "store") as opened:
        opened.load(build_graph(items))
    return str(folder)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return _closed_store(tmp_path_factory.mktemp("cli"), known_items())


def run(store, template, /, **params):
    return run_template(store, template, params)


def column(rows, name):
    return [row[name] for row in rows]


# -- the templates, one known answer (or more) each ---------------------------------------


def test_shared_datasets(store):
    rows = run(store, "shared_datasets")
    assert [(r["dataset"], r["paper_count"]) for r in rows] == [("CIFAR-10", 4), ("GSM8K", 3), ("ImageNet", 2), ("MMLU", 2)]
    assert rows[0]["papers"] == [TITLES["p2"], TITLES["p8"], TITLES["p1"], TITLES["p6"]]
    assert rows[1]["papers"] == [TITLES["p5"], TITLES["p3"], TITLES["p4"]]
    assert column(run(store, "shared_datasets", min_papers="3"), "dataset") == ["CIFAR-10", "GSM8K"]


def test_papers_sharing_dataset(store):
    rows = run(store, "papers_sharing_dataset", paper="residual LEARNING")
    assert {r["paper"] for r in rows} == {TITLES["p1"]}
    assert [(r["other_paper"], r["shared"], r["datasets"]) for r in rows] == [
        (TITLES["p2"], 2, ["CIFAR-10", "ImageNet"]),
        (TITLES["p8"], 1, ["CIFAR-10"]),
        (TITLES["p6"], 1, ["CIFAR-10"]),
    ]
    assert column(run(store, "papers_sharing_dataset", paper="residual", limit=1), "other_paper") == [TITLES["p2"]]


def test_papers_using_by_alias_case_insensitive(store):
    rows = run(store, "papers_using", name="ilsvrc-2012")
    assert [(r["paper"], r["entity"], r["relationship"], r["type"]) for r in rows] == [
        (TITLES["p2"], "ImageNet", "EVALUATES_ON", "Dataset"),
        (TITLES["p1"], "ImageNet", "EVALUATES_ON", "Dataset"),
    ]
    assert [r["key"] for r in run(store, "papers_using", name="Low-Rank Adaptation")] == ["p4"]


def test_any_means_any_in_every_case(store):
    assert run(store, "model_dataset", model="Any", dataset="ANY") == run(store, "model_dataset") != []


def test_names_match_as_normalisation_keys_them(store):
    """Spellings that normalise to one node find it: case, hyphens, spaces, plurals."""
    for spelling in ("ILSVRC 2012", "ilsvrc2012", "Image-Net"):
        assert {r["entity"] for r in run(store, "papers_using", name=spelling)} == {"ImageNet"}, spelling
    assert [r["key"] for r in run(store, "papers_using", name="low rank adaptations")] == ["p4"]
    assert {r["entity"] for r in run(store, "papers_using", name="llama-2-7b")} == {"Llama 2 7B"}
    assert column(run(store, "proposed_entities", name="low rank"), "entity") == ["LoRA"]
    assert {r["model"] for r in run(store, "model_family", model="llama2")} >= {"Llama 2", "Llama 2 7B"}


def test_papers_using_a_family_finds_its_variants(store):
    rows = run(store, "papers_using", name="LLAMA 2")
    assert [(r["paper"], r["entity"], r["relationship"]) for r in rows] == [
        (TITLES["p5"], "Llama 2", "USES"),
        (TITLES["p3"], "Llama 2 7B", "PROPOSES"),
        (TITLES["p4"], "Llama 2 7B", "USES"),
    ]


def test_papers_using_a_root_family_finds_variants_at_any_depth(store):
    rows = run(store, "papers_using", name="llama", type="model")
    assert [(r["key"], r["entity"]) for r in rows] == [("p5", "Llama 2"), ("p3", "Llama 2 7B"), ("p4", "Llama 2 7B")]


def test_papers_using_type_filter(store):
    assert run(store, "papers_using", name="dropout", type="model") == []
    for label in ("method", "Methods", "any", ""):
        rows = run(store, "papers_using", name="dropout", type=label)
        assert [(r["key"], r["relationship"]) for r in rows] == [("p2", "USES"), ("p6", "PROPOSES")], label
    assert rows[0]["evidence"] == ABSTRACTS["p2"]


def test_model_dataset_cooccurrence(store):
    rows = run(store, "model_dataset")
    assert [(r["model"], r["dataset"], r["paper_count"]) for r in rows] == [
        ("Llama 2 7B", "GSM8K", 2),
        ("ResNet-50", "CIFAR-10", 2),
        ("ResNet-50", "ImageNet", 2),
        ("GPT-4", "GSM8K", 1),
        ("GPT-4", "MMLU", 1),
        ("Llama 2", "GSM8K", 1),
        ("Llama 2", "MMLU", 1),
        ("Llama 2 7B", "MMLU", 1),
        ("ViT", "CIFAR-10", 1),
        ("ViT", "ImageNet", 1),
    ]
    assert rows[1]["papers"] == [TITLES["p2"], TITLES["p1"]]
    assert len(run(store, "model_dataset", min_papers=2)) == 3
    filtered = run(store, "model_dataset", model="LLAMA", dataset="gsm")
    assert [(r["model"], r["paper_count"]) for r in filtered] == [("Llama 2 7B", 2), ("Llama 2", 1)]


def test_top_entities(store):
    rows = run(store, "top_entities", limit=2)
    assert [(r["type"], r["entity"], r["papers"], r["proposed_by"]) for r in rows] == [
        ("Dataset", "CIFAR-10", 4, 0),
        ("Dataset", "GSM8K", 3, 0),
        ("Method", "Dropout", 2, 1),
        ("Method", "LoRA", 1, 1),
        ("Metric", "accuracy", 4, 0),
        ("Model", "Llama 2 7B", 2, 1),
        ("Model", "ResNet-50", 2, 1),
        ("Task", "image classification", 1, 0),
    ]
    models = run(store, "top_entities", type="model")
    assert [(r["entity"], r["papers"]) for r in models] == [
        ("Llama 2 7B", 2), ("ResNet-50", 2), ("GPT-4", 1), ("Llama 2", 1), ("ViT", 1),
    ]
    # Llama 2 itself is named by one paper; with its variant Llama 2 7B, by three
    assert {r["entity"]: r["with_variants"] for r in models}["Llama 2"] == 3
    assert {r["entity"]: r["with_variants"] for r in models}["GPT-4"] == 1


def test_proposed_entities_most_taken_up_first(store):
    rows = run(store, "proposed_entities")
    assert [(r["type"], r["entity"], r["paper"], r["named_by_others"]) for r in rows] == [
        ("Method", "Dropout", TITLES["p6"], 1),
        ("Model", "Llama 2 7B", TITLES["p3"], 1),
        ("Model", "ResNet-50", TITLES["p1"], 1),
        ("Method", "LoRA", TITLES["p4"], 0),
        ("Model", "GPT-4", TITLES["p5"], 0),
        ("Model", "ViT", TITLES["p2"], 0),
    ]
    assert rows[0]["evidence"] == ABSTRACTS["p6"] and rows[0]["year"] == 2024
    assert column(run(store, "proposed_entities", type="model", limit=2), "entity") == ["Llama 2 7B", "ResNet-50"]
    assert column(run(store, "proposed_entities", name="low-rank"), "entity") == ["LoRA"]  # by alias


def test_paper_entities_proposes_versus_uses(store):
    rows = run(store, "paper_entities", paper="lora")
    assert [(r["role"], r["type"], r["entity"], r["relationship"]) for r in rows] == [
        ("proposes", "Method", "LoRA", "PROPOSES"),
        ("releases", "Repository", REPO["p4"], "RELEASES_CODE"),
        ("uses", "Dataset", "GSM8K", "EVALUATES_ON"),
        ("uses", "Model", "Llama 2 7B", "USES"),
    ]
    assert {(r["paper"], r["key"]) for r in rows} == {(TITLES["p4"], "p4")}
    assert rows[0]["evidence"] == ABSTRACTS["p4"]


def test_a_title_fragment_resolves_to_the_closest_paper(store):
    # Both p1 and p2 contain "image recognition": the shorter title wins; an exact id wins outright.
    assert {r["paper"] for r in run(store, "paper_entities", paper="image recognition")} == {TITLES["p1"]}
    assert {r["paper"] for r in run(store, "paper_entities", paper="p2")} == {TITLES["p2"]}
    assert run(store, "paper_entities", paper="no such paper") == []


def test_similar_papers_adamic_adar_and_jaccard(store):
    rows = run(store, "similar_papers", paper="p1")
    # p3 and p5 share only the metric accuracy with p1: metrics say nothing of a paper's subject
    assert column(rows, "similar_paper") == [TITLES[p] for p in ("p2", "p8", "p6")]
    top = rows[0]
    assert top["shared_count"] == 3 and top["shared"] == ["CIFAR-10", "ImageNet", "ResNet-50"]
    # ResNet-50 and ImageNet are in 2 papers, CIFAR-10 in 4 (their family ResNet, shared through
    # ResNet-50, is neither listed nor scored); p1 has 4 entities besides accuracy, p2 5, each with ResNet
    assert top["adamic_adar"] == pytest.approx(2 / math.log(2) + 1 / math.log(4), abs=1e-3)
    assert top["jaccard"] == pytest.approx(4 / 7, abs=1e-3)


def test_similar_papers_share_a_family_one_names_and_the_other_names_a_kind_of(store):
    # the GPT-4 paper names Llama 2; the Llama 2 and LoRA papers name Llama 2 7B, a kind of it
    rows = {r["similar_paper_key"]: r for r in run(store, "similar_papers", paper="p5")}
    assert rows["p3"]["shared"] == ["GSM8K", "Llama 2", "MMLU"]  # not LLaMA too: Llama 2 says it
    assert rows["p4"]["shared"] == ["GSM8K", "Llama 2"]
    llama2_papers = 3  # p3, p4 through Llama 2 7B, and p5
    assert rows["p4"]["adamic_adar"] == pytest.approx(1 / math.log(3) + 1 / math.log(llama2_papers), abs=1e-3)


def test_similar_papers_count_a_family_once_and_keep_one_both_papers_name(tmp_path):
    def model(name, family):
        return Entity(entity_key("MODEL", name), name, "MODEL", "used", name, "s", 0, 1, "test", 1.0, (), family)

    def task(name, family=None):
        return Entity(entity_key("TASK", name), name, "TASK", "used", name, "s", 0, 1, "test", 1.0, (), family)

    # Qwen2-7B and Qwen2-72B share Qwen2, and through it Qwen, which says nothing more; two papers that
    # both name continual learning and class-incremental learning share both
    items = [PaperEntities(Paper(pid, title, "An abstract.", (Source("s.txt", i),)), entities, ())
             for i, (pid, title, entities) in enumerate([
                 ("a", "Zorb A", (model("Qwen2-7B", "Qwen2"), task("continual learning"),
                                  task("class-incremental learning", "continual learning"))),
                 ("b", "Zorb B", (model("Qwen2-72B", "Qwen2"), task("continual learning"),
                                  task("class-incremental learning", "continual learning")))])]
    workdir = _closed_store(tmp_path, items)
    with EmbeddedStore(f"{workdir}/store") as opened:
        (row,) = run(opened, "similar_papers", paper="a")
    assert row["shared"] == ["Qwen2", "class-incremental learning", "continual learning"]


def test_similar_papers_rank_by_changes_the_order(store):
    # p6 = {Dropout, CIFAR-10}. p2 shares both (AA 2.164, J 2/6); p8 = {CIFAR-10} shares one (AA 0.721, J 1/2).
    by_aa = run(store, "similar_papers", paper=TITLES["p6"])
    by_jaccard = run(store, "similar_papers", paper=TITLES["p6"], rank_by="jaccard")
    assert column(by_aa, "similar_paper") == [TITLES["p2"], TITLES["p8"], TITLES["p1"]]
    assert column(by_jaccard, "similar_paper") == [TITLES["p8"], TITLES["p2"], TITLES["p1"]]
    assert by_aa[0]["adamic_adar"] == pytest.approx(1 / math.log(2) + 1 / math.log(4), abs=1e-3)
    assert by_jaccard[0]["jaccard"] == pytest.approx(0.5)


def test_connection_between_two_papers(store):
    rows = run(store, "connection", source="Deep Residual", target="GPT-4 Technical Report")
    assert rows[0] == {"hops": 2, "route": f"{TITLES['p1']} -[MEASURES]-> accuracy <-[MEASURES]- {TITLES['p5']}"}
    assert column(rows, "hops") == [2]  # only the shortest routes, however large the limit


def test_connection_prefers_routes_through_rarer_entities(store):
    # Two 4-hop routes from p4 to p1 via p3 and accuracy: through Llama 2 7B (2 papers) or GSM8K (3).
    rows = run(store, "connection", source="p4", target="p1", limit=1)
    assert rows == [{
        "hops": 4,
        "route": f"{TITLES['p4']} -[USES]-> Llama 2 7B <-[PROPOSES]- {TITLES['p3']} -[MEASURES]-> accuracy "
        f"<-[MEASURES]- {TITLES['p1']}",
    }]
    assert [r["hops"] for r in run(store, "connection", source="p4", target="p1")] == [4, 4, 4]


def test_connection_between_entities_through_a_model_family(store):
    # "lora" names the LoRA method exactly (preferred over the title fragment of p4).
    rows = run(store, "connection", source="lora", target="llama 2", limit=1)
    assert rows == [{"hops": 3, "route": f"LoRA <-[PROPOSES]- {TITLES['p4']} -[USES]-> Llama 2 7B -[VARIANT_OF]-> Llama 2"}]


def test_connection_goes_through_a_metric_only_where_nothing_else_connects(tmp_path):
    def paper(pid, *named):
        entities = tuple(Entity(entity_key(t, name), name, t, "used", name, "s", 0, len(name), "test", 1.0, (), None)
                         for t, name in named)
        return PaperEntities(Paper(pid, f"Paper {pid}", "An abstract.", (Source("k.txt", 1),)), entities, ())

    accuracy = ("METRIC", "accuracy")
    items = [paper("qa", accuracy, ("DATASET", "ZorbSet")), paper("qc", ("DATASET", "ZorbSet"), ("MODEL", "QuuxNet")),
             paper("qb", accuracy, ("MODEL", "QuuxNet")), paper("qd", accuracy)]
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.load(build_graph(items))
        # "both report accuracy" is 2 hops, but says nothing: the route through data and a model is kept
        assert run(opened, "connection", source="qa", target="qb") == [{"hops": 4, "route": (
            "Paper qa -[EVALUATES_ON]-> ZorbSet <-[EVALUATES_ON]- Paper qc -[USES]-> QuuxNet <-[USES]- Paper qb")}]
        assert column(run(opened, "connection", source="qa", target="qd"), "route") == [
            "Paper qa -[MEASURES]-> accuracy <-[MEASURES]- Paper qd"]


def test_papers_sharing_a_dataset_family_share_it(tmp_path):
    def paper(pid, name, family=None):
        entity = Entity(entity_key("DATASET", name), name, "DATASET", "used", name, "s", 0, len(name), "test", 1.0, (), family)
        return PaperEntities(Paper(pid, f"Paper {pid}", "An abstract.", (Source("k.txt", 1),)), (entity,), ())

    items = [paper("qa", "ZorbSet-1K", "ZorbSet"), paper("qb", "ZorbSet"), paper("qc", "ZorbSet-1K", "ZorbSet"), paper("qd", "QuuxSet")]
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.load(build_graph(items))
        rows = run(opened, "papers_sharing_dataset", paper="qa")
    assert {(r["other_paper"], tuple(r["datasets"])) for r in rows} == {("Paper qb", ("ZorbSet",)), ("Paper qc", ("ZorbSet-1K",))}


def test_a_curated_node_is_found_by_every_form_its_list_knows(tmp_path):
    entity = Entity(entity_key("METRIC", "word error rate"), "word error rate", "METRIC", "used", "word error rate", "s", 0, 15,
                    "test", 1.0, (), None)
    items = [PaperEntities(Paper("qw", "Paper qw", "An abstract.", (Source("k.txt", 1),)), (entity,), ())]
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.load(build_graph(items))
        assert column(run(opened, "papers_using", name="WER"), "key") == ["qw"]  # no paper wrote "WER"


def test_a_name_two_papers_coin_finds_each_coinage_and_its_plain_use(tmp_path):
    from kg.pipeline import extract_papers

    papers = [Paper("qa", "Faster Rotations", "We propose RotaQ, a quantization method that rotates weights."),
              Paper("qb", "Quantizing with Rotations", "We introduce RotaQ, which learns rotations before quantization."),
              Paper("qc", "Methods Compared", "We compare RotaQ with GPTQ on MMLU.")]
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.load(build_graph(extract_papers(papers)))
        proposed = run(opened, "proposed_entities", name="rotaq")
        using = run(opened, "papers_using", name="RotaQ")
        nodes = column(opened.read("MATCH (m:Method {name: 'RotaQ'}) RETURN m.key AS key ORDER BY key"), "key")
    assert nodes == ["method:rotaq", "method:rotaq@qa", "method:rotaq@qb"]  # each coinage, and the name as qc uses it
    assert sorted((row["entity"], row["paper"]) for row in proposed) == [
        ("RotaQ", "Faster Rotations"), ("RotaQ", "Quantizing with Rotations")]
    assert sorted(column(using, "key")) == ["qa", "qb", "qc"]


@pytest.fixture(scope="module")
def coined(tmp_path_factory):
    """A closed store of sample_graphs.coined_items (names that two papers each coin)."""
    return _closed_store(tmp_path_factory.mktemp("coined"), coined_items())


def test_every_column_naming_an_entity_has_its_key_beside_it():
    """Two nodes may share a name (two papers each coin "Kestrel"): a row tells them apart by
    the key, in the column named after the name's (entity -> entity_key)."""
    for template in load_templates().values():
        returned = template.cypher.rpartition("RETURN")[2]
        for node, column in re.findall(r"(\w+)\.name\)? AS (\w+)", returned):
            assert f"{node}.key AS {column}_key" in returned, (template.name, column)
        # and a paper's title its key: "key" for the row's own paper, "<column>_key" for another
        for node, column in re.findall(r"(\w+)\.title AS (\w+)", returned):
            assert f"{node}.key AS {column}_key" in returned or f"{node}.key AS key" in returned, (template.name, column)


def test_rows_of_entities_that_share_a_name_carry_their_keys(coined, capsys):
    with EmbeddedStore(f"{coined}/store") as opened:
        top = [(r["entity"], r["entity_key"]) for r in run(opened, "top_entities", type="model")]
        family = [(r["model"], r["model_key"]) for r in run(opened, "model_family", model="Kestrel")]
        pairs = [(r["model_key"], r["dataset_key"]) for r in run(opened, "model_dataset", dataset="CATH")]
    kestrels = [("Kestrel", "model:kestrel"), ("Kestrel", "model:kestrel@c1"), ("Kestrel", "model:kestrel@c2")]
    assert top == family == kestrels
    assert pairs == [("model:kestrel", "dataset:cath"), ("model:kestrel@c2", "dataset:cath")]
    assert main(["query", "top_entities", "--param", "type=method", "--json", "--workdir", coined]) == 0
    assert [r["entity_key"] for r in json.loads(capsys.readouterr().out)] == ["method:mcpo@c4", "method:mcpo@c5"]
    assert main(["query", "top_entities", "--param", "type=method", "--workdir", coined]) == 0
    assert "method:mcpo@c4" in capsys.readouterr().out  # the table too


KESTREL = "model:kestrel@c2"  # the protein-design Kestrel that c2 coins (c1 coins another, c3 uses the name)
BY_KEY = {  # (template, parameter): other parameters, and what the rows hold when the parameter is a key
    ("papers_using", "name"): ({}, lambda rows: {(r["key"], r["entity_key"]) for r in rows} == {("c2", KESTREL)}),
    ("related_entities", "name"): ({"type": "any"}, lambda rows: {r["entity"] for r in rows} == {"CATH", "protein design"}),
    ("related_work", "name"): ({}, lambda rows: [(r["key"], r["proposes"], r["datasets"]) for r in rows] == [("c2", ["Kestrel"], ["CATH"])]),
    ("proposed_entities", "name"): ({}, lambda rows: [(r["entity_key"], r["paper"]) for r in rows] == [(KESTREL, COINED_TITLES["c2"])]),
    ("model_dataset", "model"): ({}, lambda rows: [(r["model_key"], r["dataset"]) for r in rows] == [(KESTREL, "CATH")]),
    ("model_dataset", "dataset"): ({"model": KESTREL}, lambda rows: [r["dataset_key"] for r in rows] == ["dataset:cath"]),
    ("model_family", "model"): ({}, lambda rows: column(rows, "model_key") == [KESTREL]),
    ("papers_with_code", "entity"): ({}, lambda rows: column(rows, "key") == ["c2"]),
    ("connection", "source"): ({"target": "CATH"}, lambda rows: rows[0]["route"].startswith(f"Kestrel <-[PROPOSES]- {COINED_TITLES['c2']}")),
    ("connection", "target"): ({"source": "CATH"}, lambda rows: rows[0]["route"].endswith(f"{COINED_TITLES['c2']} -[PROPOSES]-> Kestrel")),
}


def test_every_parameter_that_names_an_entity_takes_its_key(coined):
    """The key is the one name that singles out one of the nodes that share a name."""
    entity_params = {(t.name, p.name) for t in load_templates().values() for p in t.params if p.type == "name"}
    assert entity_params == set(BY_KEY)  # a new template's entity parameter is checked too
    with EmbeddedStore(f"{coined}/store") as opened:
        for (template, param), (others, expected) in BY_KEY.items():
            value = "dataset:cath" if param == "dataset" else KESTREL
            rows = run(opened, template, **{param: value, **others})
            assert rows and expected(rows), (template, param, rows)


def test_a_key_that_finds_no_rows_is_named_as_its_node_not_as_a_misspelling(coined, capsys):
    args = ["query", "proposed_entities", "--param", f"name={KESTREL}", "--param", "type=dataset", "--workdir", coined]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"name='{KESTREL}' names Model “Kestrel”" in err and "check the spelling" not in err
    with pytest.warns(kg.QueryWarning, match="names Model “Kestrel” .*, not a Dataset"):
        assert kg.query("model_dataset", {"dataset": KESTREL}, workdir=coined) == []


def test_a_name_no_paper_proposes_blames_only_the_parameters_the_user_set(coined, capsys):
    assert main(["query", "proposed_entities", "--param", "name=CATH", "--workdir", coined]) == 0
    err = capsys.readouterr().err
    assert "none of its papers has what proposed_entities lists" in err and "type" not in err.split("names", 1)[1]


def test_a_note_on_nodes_that_share_a_name_says_which_paper_coined_each(coined, capsys):
    mcpo = [f"Method “MCPO” (1 paper, coined in “{COINED_TITLES[paper]}”)" for paper in ("c4", "c5")]
    assert main(["query", "papers_using", "--param", "name=MCPO", "--param", "type=dataset", "--workdir", coined]) == 0
    assert f"name='MCPO' names {mcpo[0]}, {mcpo[1]} in this graph" in capsys.readouterr().err
    with pytest.warns(kg.QueryWarning) as caught:
        assert kg.query("model_dataset", {"model": "mcpo"}, workdir=coined) == []
    assert [str(w.message).split("; ")[0] for w in caught] == [f"model='mcpo' names {mcpo[0]}, {mcpo[1]} in this graph, not a Model"]


def test_connection_and_viz_refuse_a_name_of_several_nodes_alike_and_list_the_same_keys(coined, capsys):
    """Three nodes are named Kestrel, all as good: the template would take the first key, kg viz
    refused; both refuse now, with one list of the nodes and their keys (from kg.lookup.several)."""
    from kg.viz.views import find_node

    assert main(["query", "connection", "--param", "source=Kestrel", "--param", "target=CATH", "--workdir", coined]) == 2
    err = capsys.readouterr().err
    with pytest.raises(QueryError) as from_python:
        kg.query("connection", {"source": "GSM8K", "target": "kestrel"}, workdir=coined)
    with pytest.raises(kg.VizError) as from_viz:
        find_node(build_graph(coined_items()), "Kestrel")
    listed = from_viz.value.message.removeprefix("'Kestrel' names ")
    assert err.startswith(f"kg query: error: source='Kestrel' names {listed} (fix: pass one of these keys instead, "
                          "e.g. --param source=model:kestrel")
    assert from_python.value.message == f"target='kestrel' names {listed}"
    assert "params={'target': 'model:kestrel'" in str(from_python.value)
    assert re.findall(r": (model:\S+?)(?:;|$)", listed) == ["model:kestrel", "model:kestrel@c1", "model:kestrel@c2"]
    assert f"coined in “{COINED_TITLES['c2']}”" in listed


def test_a_name_of_several_nodes_says_that_the_rows_take_in_them_all(coined, capsys):
    """related_entities name=Kestrel pooled the decoding and the protein papers' contexts unsaid."""
    assert main(["query", "related_entities", "--param", "name=Kestrel", "--param", "type=any", "--workdir", coined]) == 0
    err = capsys.readouterr().err
    assert "note: name='Kestrel' names 3 nodes equally well: Model “Kestrel” (1 paper): model:kestrel; " in err
    assert f"Model “Kestrel” (1 paper, coined in “{COINED_TITLES['c2']}”): model:kestrel@c2; " in err
    assert "the rows take in all of them (--param name=KEY with one of these keys asks for one)" in err
    assert main(["query", "related_entities", "--param", f"name={KESTREL}", "--workdir", coined]) == 0
    assert "names" not in capsys.readouterr().err  # a key names one node
    with pytest.warns(kg.QueryWarning) as caught:
        rows = kg.query("related_entities", {"name": "mcpo", "type": "dataset"}, workdir=coined)
    assert {r["entity"] for r in rows} == {"AlpacaEval", "MT-Bench"}
    assert [str(w.message).split(": ")[0] for w in caught] == ["name='mcpo' names 2 nodes equally well"]
    assert str(caught[0].message).endswith("(params['name'] = KEY with one of these keys asks for one)")


def test_connection_without_route_says_so(store):
    rows = run(store, "connection", source="p7", target="p1")
    assert rows == [{"hops": None, "route": f"no route within 6 hops between {TITLES['p7']} and {TITLES['p1']}"}]
    assert run(store, "connection", source="no such thing", target="p1") == []


@pytest.fixture(scope="module")
def ambiguous(tmp_path_factory):
    """A closed store of sample_graphs.ambiguous_items (names that are a paper and an entity)."""
    return _closed_store(tmp_path_factory.mktemp("ambiguous"), ambiguous_items())


def _route_ends(workdir, source, target):
    with EmbeddedStore(f"{workdir}/store") as opened:
        route = run(opened, "connection", source=source, target=target, limit=1)[0]["route"]
    return route.split(" -[")[0].split(" <-[")[0], route.split("]-> ")[-1].split("]- ")[-1]


@pytest.mark.parametrize("source, target, ends", [
    # an entity named exactly beats the title it starts (the paper is one hop further)
    ("MALT", "GSM8K", ("MALT", "GSM8K")),
    # an alias that only one title holds as words: that paper; an alias no title holds: the entity
    ("GSM8K", "lottery ticket", ("GSM8K", AMBIGUOUS_TITLES["m2"])),
    ("GSM8K", "LTH", ("GSM8K", "lottery ticket hypothesis")),
    # a family no paper names by itself comes after a title that contains the text; its key is exact
    ("GSM8K", "yuan 2.0", ("GSM8K", AMBIGUOUS_TITLES["m4"])),
    ("GSM8K", "model:yuan2", ("GSM8K", "Yuan 2.0")),
    ("m1", "method:lotterytickethypothesis", (AMBIGUOUS_TITLES["m1"], "lottery ticket hypothesis")),
])
def test_connection_resolves_a_name_that_is_a_paper_and_an_entity(ambiguous, source, target, ends):
    assert _route_ends(ambiguous, source, target) == ends


def test_the_python_rule_picks_what_the_connection_template_picks(ambiguous):
    """kg.lookup (which `kg viz --around` and the notes use) and the template agree."""
    from kg.name_notes import candidates
    from kg.lookup import rank

    from kg.viz.views import resolve_node

    texts = ["MALT", "malt", "lottery ticket", "Lottery Tickets", "LTH", "yuan 2.0", "Yuan 2.0-M32", "teachers",
             "multi-agent LLM training", "gsm-8k", "m3", "model:yuan2", "Stabilizing the lottery ticket hypothesis", " MALT ",
             "org/MALT", "org/malt"]
    graph = build_graph(ambiguous_items())
    with EmbeddedStore(f"{ambiguous}/store") as opened:
        for text in texts:
            target = "CIFAR-10" if text.lower() != "cifar-10" else "GSM8K"
            route = run(opened, "connection", source=text, target=target, limit=1)[0]["route"]
            text = " ".join(text.split())
            chosen = rank(text, candidates(opened, text))[0]
            assert route.startswith(chosen.name + " -[") or route.startswith(chosen.name + " <-["), (text, route, chosen)
            drawn = graph.nodes[resolve_node(graph, text)[0]]
            assert drawn.get("name", drawn.get("title")) == chosen.name, (text, drawn, chosen)  # kg viz --around too


def test_connection_says_which_node_a_name_meant_and_how_to_get_the_other(ambiguous, capsys):
    args = ["query", "connection", "--param", "source=MALT", "--param", "target=lottery ticket", "--workdir", ambiguous]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "source='MALT' is Method “MALT” (1 paper); it also names" in err
    assert f"the paper “{AMBIGUOUS_TITLES['m1']}”: --param source=m1 uses it" in err
    assert f"target='lottery ticket' is the paper “{AMBIGUOUS_TITLES['m2']}”; it also names" in err
    assert "Method “lottery ticket hypothesis” (1 paper): --param target=method:lotterytickethypothesis uses it" in err
    assert main(["query", "connection", "--param", "source=GSM8K", "--param", "target=yuan 2.0", "--workdir", ambiguous]) == 0
    err = capsys.readouterr().err
    assert "Model “Yuan 2.0” (no paper by itself): --param target=model:yuan2 uses it" in err
    assert "source=" not in err  # GSM8K names one node only
    assert main(["query", "connection", "--param", "source=m1", "--param", "target=LTH", "--workdir", ambiguous]) == 0
    assert "it also names" not in capsys.readouterr().err


def test_search_papers_full_text(store):
    rows = run(store, "search_papers", query="recognition")
    assert sorted(column(rows, "key")) == ["p1", "p2"]
    assert all(r["score"] > 0 for r in rows)
    assert column(run(store, "search_papers", query="activations"), "title") == [TITLES["p6"]]
    assert len(run(store, "search_papers", query="recognition", limit=1)) == 1


def test_search_papers_reads_punctuated_words_as_phrases(store):
    assert column(run(store, "search_papers", query="GPT-4"), "key") == ["p5"]
    assert column(run(store, "search_papers", query="Fine-Tuned"), "key") == ["p3"]  # not "fine NOT tuned"
    assert column(run(store, "search_papers", query="(low-rank) adaptation!"), "key") == ["p4"]
    assert sorted(column(run(store, "search_papers", query='"image recognition"'), "key")) == ["p1", "p2"]
    with pytest.raises(QueryError, match="no words to search for"):
        run(store, "search_papers", query="( - )")


@pytest.mark.parametrize("query, keys", [
    ("CIFAR10", ["p1", "p8"]),  # p1 and p8 wrote CIFAR-10
    ("cifar-10", ["p1", "p8"]),
    ('"Cifar 10"', ["p1", "p8"]),
    ("Cifar_10", ["p1", "p8"]),
    ("ILSVRC2012 residual networks", ["p1"]),  # p1 wrote ILSVRC-2012
    ("GPT4", ["p5"]),
    ("low-rank adaptation language model", ["p4"]),  # p4 wrote Low-Rank Adaptation of Large Language Models
    ("LLaMA2", ["p3"]),  # p3 wrote Llama 2 (p4 and p5 name it through their entities only)
])
def test_search_papers_finds_a_name_however_it_is_written(store, query, keys):
    assert sorted(column(run(store, "search_papers", query=query), "key")) == keys


def test_the_input_id_of_a_paper_finds_it(store):
    assert {r["paper"] for r in run(store, "paper_entities", paper="1512.03385")} == {TITLES["p1"]}
    assert run(store, "connection", source="1512.03385", target="p2")[0]["hops"] is not None


def test_papers_with_code(store):
    rows = run(store, "papers_with_code")
    assert [(r["paper"], r["repositories"]) for r in rows] == [
        (TITLES["p1"], [REPO["p1"]]), (TITLES["p3"], [REPO["p3"]]), (TITLES["p4"], [REPO["p4"]]),
    ]
    assert rows[0]["entities"] == ["CIFAR-10", "ImageNet", "ResNet-50", "accuracy", "image classification"]
    assert rows[0]["key"] == "p1"  # the id to ask other templates about it (a title can be shared)
    assert column(run(store, "papers_with_code", entity="gsm8k"), "paper") == [TITLES["p3"], TITLES["p4"]]
    assert column(run(store, "papers_with_code", entity="ILSVRC-2012"), "paper") == [TITLES["p1"]]
    assert column(run(store, "papers_with_code", entity="ResNet"), "paper") == [TITLES["p1"]]  # names ResNet-50 only
    assert TITLES["p3"] in column(run(store, "papers_with_code", entity="Llama 2"), "paper")  # names Llama 2 7B


def test_model_family(store):
    # "7b" matches only Llama 2 7B; its family is walked up to the root, then listed down again.
    # The root is named as the curated lists name it: Llama 2's family there is "LLaMA".
    assert [tuple(r.values()) for r in run(store, "model_family", model="7B")] == [
        ("LLaMA", "LLaMA", 0, "LLaMA", 0, "model:llama", "model:llama"),
        ("LLaMA", "Llama 2", 1, "LLaMA > Llama 2", 1, "model:llama", "model:llama2"),
        ("LLaMA", "Llama 2 7B", 2, "LLaMA > Llama 2 > Llama 2 7B", 2, "model:llama", "model:llama2-7b"),
    ]
    # Families known only through their variants (no paper names "ResNet" alone) still show.
    assert [(r["family"], r["model"], r["papers"]) for r in run(store, "model_family", model="RESNET")] == [
        ("ResNet", "ResNet", 0),
        ("ResNet", "ResNet-50", 2),
    ]
    # GPT-4 joins the family the curated lists give it, though no paper here names GPT alone
    assert column(run(store, "model_family", model="gpt"), "lineage") == ["GPT", "GPT > GPT-4"]


def test_related_entities(store):
    rows = run(store, "related_entities", name="gsm-8k", type="any")
    assert [(r["type"], r["entity"], r["papers"]) for r in rows] == [
        ("Dataset", "MMLU", 2), ("Metric", "accuracy", 2), ("Model", "Llama 2 7B", 2),
        ("Method", "LoRA", 1), ("Model", "GPT-4", 1), ("Model", "Llama 2", 1),
    ]
    assert rows[0]["examples"] == [TITLES["p5"], TITLES["p3"]]  # alphabetical
    # a family counts the papers of its variants and leaves them out of the answer
    family = run(store, "related_entities", name="LLAMA 2", type="datasets")
    assert [(r["entity"], r["papers"], r["examples"]) for r in family] == [
        ("GSM8K", 3, [TITLES["p5"], TITLES["p3"], TITLES["p4"]]), ("MMLU", 2, [TITLES["p5"], TITLES["p3"]]),
    ]
    assert column(run(store, "related_entities", name="llama 2", type="model"), "entity") == ["GPT-4"]
    # tasks by default: what a model is used for (ImageNet by an alias)
    assert [(r["type"], r["entity"], r["papers"]) for r in run(store, "related_entities", name="ResNet-50")] == [
        ("Task", "image classification", 1)]
    assert column(run(store, "related_entities", name="ILSVRC 2012"), "entity") == ["image classification"]
    assert run(store, "related_entities", name="GSM8") == []  # exact, as papers_using
    assert len(run(store, "related_entities", name="gsm8k", type="any", limit=2)) == 2


def test_related_work_gives_one_row_per_paper_of_a_family_with_what_it_proposes_and_uses(store):
    rows = run(store, "related_work", name="llama-2")
    assert [(r["paper"], r["names"]) for r in rows] == [  # same year: by title
        (TITLES["p5"], ["Llama 2"]), (TITLES["p3"], ["Llama 2 7B (proposed)"]), (TITLES["p4"], ["Llama 2 7B"])]
    gpt4, llama, lora = rows
    assert (gpt4["proposes"], gpt4["models"], gpt4["datasets"], gpt4["metrics"], gpt4["code"]) == (
        ["GPT-4"], ["Llama 2"], ["GSM8K", "MMLU"], ["accuracy"], [])
    # what a paper proposes is not listed again among what it uses
    assert (llama["proposes"], llama["models"], llama["code"]) == (["Llama 2 7B"], [], [REPO["p3"]])
    assert (lora["proposes"], lora["methods"], lora["models"], lora["datasets"]) == (["LoRA"], [], ["Llama 2 7B"], ["GSM8K"])
    assert [r["key"] for r in run(store, "related_work", name="Llama 2", limit=1)] == ["p5"]
    assert run(store, "related_work", name="Llama") and run(store, "related_work", name="Lama") == []


NAMES = {  # (paper, uses, proposes): names where one is a substring of others
    "q1": ("Llama Does Math", ["MODEL:Llama 2 7B:Llama 2", "DATASET:MATH", "DATASET:GSM8K"], ["DATASET:MetaMathQA"]),
    "q2": ("Mathstral Report", ["DATASET:MATH", "DATASET:MetaMathQA"], ["MODEL:Mathstral"]),
    "q3": ("Llama Does Grade School", ["MODEL:Llama 2", "DATASET:GSM8K"], []),
}


@pytest.fixture(scope="module")
def names_store(tmp_path_factory):
    items = []
    for pid, (title, used, proposed) in NAMES.items():
        entities = []
        for role, specs in (("used", used), ("proposed", proposed)):
            for spec in specs:
                kind, name, *family = spec.split(":")
                aliases = {"GSM8K": ("grade school math",), "MetaMathQA": ("MetaMath",)}.get(name, ())
                entities.append(Entity(entity_key(kind, name), name, kind, role, name, title, 0, 1, "test", 1.0,
                                       aliases, family[0] if family else None))
        items.append(PaperEntities(Paper(pid, title, title, (Source("names.txt", len(items) + 1),)), tuple(entities)))
    with EmbeddedStore(tmp_path_factory.mktemp("names") / "store") as opened:
        opened.load(build_graph(items))
        yield opened


def test_a_name_given_exactly_matches_only_that_entity(names_store):
    """model_dataset, proposed_entities and model_family look for the text inside names only when
    no node has it as its name or alias (as papers_using matches it)."""
    def pairs(**params):
        return [(r["model"], r["dataset"]) for r in run(names_store, "model_dataset", **params)]

    assert pairs(dataset="math") == [("Llama 2 7B", "MATH"), ("Mathstral", "MATH")]  # not MetaMathQA, GSM8K
    assert pairs(dataset="MATH") == pairs(dataset="math")
    assert pairs(dataset="grade-school math") == [("Llama 2", "GSM8K"), ("Llama 2 7B", "GSM8K")]  # by alias
    assert pairs(dataset="meta") == [("Llama 2 7B", "MetaMathQA"), ("Mathstral", "MetaMathQA")]  # inside names
    assert pairs(model="llama 2", dataset="gsm8k") == [("Llama 2", "GSM8K"), ("Llama 2 7B", "GSM8K")]  # with variants
    assert pairs(model="llama 2 7b", dataset="gsm8k") == [("Llama 2 7B", "GSM8K")]
    assert pairs(model="math") == [("Mathstral", "MATH"), ("Mathstral", "MetaMathQA")]  # no model named math
    assert column(run(names_store, "proposed_entities", name="metamath"), "entity") == ["MetaMathQA"]
    assert column(run(names_store, "proposed_entities", name="math"), "entity") == []  # MATH is named, not proposed
    assert column(run(names_store, "proposed_entities", name="math", type="model"), "entity") == ["Mathstral"]
    assert column(run(names_store, "proposed_entities", name="stral"), "entity") == ["Mathstral"]
    assert column(run(names_store, "model_family", model="llama-2"), "model") == ["LLaMA", "Llama 2", "Llama 2 7B"]  # with its curated root
    assert column(run(names_store, "model_family", model="2 7"), "model") == ["LLaMA", "Llama 2", "Llama 2 7B"]
    assert column(run(names_store, "model_family", model="math"), "model") == ["Mistral", "Mathstral"]  # Mathstral is a Mistral model


# -- parameters are values, never text -----------------------------------------------------


def test_quotes_and_braces_in_a_parameter_are_just_text(store):
    rows = run(store, "papers_sharing_dataset", paper=TITLES["p6"])
    assert {r["paper"] for r in rows} == {TITLES["p6"]}
    assert column(rows, "other_paper") == [TITLES["p2"], TITLES["p8"], TITLES["p1"]]
    assert run(store, "paper_entities", paper='"don\'t" {overfit}')[0]["paper"] == TITLES["p6"]


def test_an_injection_attempt_matches_nothing(store):
    for value in ("x' OR 1=1 //", 'x" OR true RETURN 1 //', "}) MATCH (n) DETACH DELETE n //"):
        assert run(store, "paper_entities", paper=value) == []
        assert run(store, "papers_using", name=value) == []
    assert store.counts()["Paper"] == 8


def test_templates_send_the_file_text_unchanged(store):
    template = get_template("papers_using")
    before = template.cypher
    template.bind({"name": "'; DROP"})
    assert template.cypher == before and "'; DROP" not in before


# -- template files and their validation ---------------------------------------------------

EXPECTED_TEMPLATES = {
    "connection", "model_dataset", "model_family", "paper_entities", "papers_sharing_dataset", "papers_using",
    "papers_with_code", "proposed_entities", "related_entities", "related_work", "search_papers", "shared_datasets",
    "similar_papers", "top_entities",
}


def test_every_template_loads_and_is_described():
    templates = load_templates()
    assert set(templates) == EXPECTED_TEMPLATES
    for name, template in templates.items():
        assert template.description and template.path.endswith(f"{name}.cypher")
        assert all(p.description for p in template.params), name


def test_unknown_parameter_is_rejected():
    with pytest.raises(QueryError, match="has no parameter nope"):
        get_template("papers_using").bind({"name": "x", "nope": "1"})


def test_missing_parameter_is_rejected():
    with pytest.raises(QueryError, match="needs parameter 'name'"):
        get_template("papers_using").bind({})


def test_an_empty_required_parameter_is_rejected():
    with pytest.raises(QueryError, match="needs a value for 'paper', got an empty one"):
        get_template("paper_entities").bind({"paper": " "})
    assert get_template("papers_with_code").bind({"entity": ""})["entity"] == ""  # an optional one may be empty


def test_bad_int_is_rejected():
    with pytest.raises(QueryError, match="'limit' must be int"):
        get_template("shared_datasets").bind({"limit": "ten"})
    assert get_template("shared_datasets").bind({"limit": "7"}) == {"min_papers": 2, "limit": 7}


def test_choices_and_minimums_are_checked():
    papers_using = get_template("papers_using")
    with pytest.raises(QueryError, match="'type' must be one of any, dataset, model, method, task, metric, got 'datset'") as err:
        papers_using.bind({"name": "x", "type": "datset"})
    assert err.value.cli_fix == "--param type=dataset"  # the closest choice, not the first
    assert papers_using.bind({"name": "x", "type": "Datasets"})["type"] == "dataset"
    with pytest.raises(QueryError, match="'limit' must be at least 1, got -1"):
        papers_using.bind({"name": "x", "limit": "-1"})
    with pytest.raises(QueryError, match="'rank_by' must be one of adamic_adar, jaccard"):
        get_template("similar_papers").bind({"paper": "x", "rank_by": "foo"})


PARAM_MISTAKES = [
    ("papers_using", {}, "pass params={'name': VALUE}", "add --param name=VALUE"),
    ("papers_using", {"name": "x", "limit": "ten"}, "pass params={'limit': <int >= 1>}", "--param limit=<int >= 1>"),
    ("papers_using", {"name": "x", "limit": "0"}, "pass params={'limit': 1}", "--param limit=1"),
    ("papers_using", {"name": "x", "type": "datset"}, "pass params={'type': 'dataset'}", "--param type=dataset"),
    ("papers_using", {"name": "x", "nope": "1"}, "get_template('papers_using').params describes each", "see `kg query --list`"),
    ("search_papers", {"query": "!!"}, "pass params={'query': 'instruction tuning'}", '--param query="instruction tuning"'),
]


@pytest.mark.parametrize("name, params, python_fix, cli_fix", PARAM_MISTAKES)
def test_a_parameter_mistake_is_fixed_in_the_callers_words(store, workdir, capsys, name, params, python_fix, cli_fix):
    """kg.query says how to fix its params dict; `kg query` says how to fix its --param options."""
    with pytest.raises(QueryError) as raised:
        kg.query(name, params, store=store)
    assert python_fix in str(raised.value) and "--param" not in str(raised.value) and "kg query" not in str(raised.value)
    args = [f"--param={key}={value}" for key, value in params.items()]
    assert main(["query", name, *args, "--workdir", workdir]) == 2
    err = capsys.readouterr().err
    assert cli_fix in err and "params" not in err.split("(fix:")[1]


def test_undeclared_parameter_in_a_template_file_is_rejected(tmp_path):
    (tmp_path / "bad.cypher").write_text(
        "// name: bad\n// description: uses $other\n// param: name string  a name\n"
        "MATCH (p:Paper) WHERE p.title = $name AND p.key = $other RETURN p.title\n",
        encoding="utf-8",
    )
    with pytest.raises(QueryError, match=r"undeclared parameter\(s\) \['other'\]"):
        load_templates(tmp_path)


def test_declared_but_unused_parameter_is_rejected():
    with pytest.raises(QueryError, match="unused"):
        parse_template("t.cypher", "// name: t\n// description: d\n// param: n int  n\nRETURN 1 AS one")


# -- kg query / kg cypher on the command line ------------------------------------------------


def test_kg_query_list_shows_every_template(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name, template in load_templates().items():
        assert f"{name}\n    {template.description}" in out
        for param in template.params:
            assert f"--param {param.name}=<{param.shown_type}>" in out


def test_kg_query_json(workdir, capsys):
    assert main(["query", "papers_using", "--param", "name=ImageNet", "--json", "--workdir", workdir]) == 0
    assert [r["key"] for r in json.loads(capsys.readouterr().out)] == ["p2", "p1"]


def test_kg_query_unknown_parameter_is_one_line(workdir, capsys):
    assert main(["query", "papers_using", "--param", "nmae=x", "--workdir", workdir]) == 2
    err = capsys.readouterr().err
    assert "has no parameter nmae" in err and "did you mean name?" in err and err.count("\n") == 1


def test_a_misspelt_template_or_name_gets_a_suggestion(workdir, capsys):
    assert main(["query", "paper_using", "--param", "name=x", "--workdir", workdir]) == 2
    assert "did you mean papers_using?" in capsys.readouterr().err
    assert main(["query", "papers_using", "--param", "name=GSM8KK", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "did you mean 'GSM8K'?" in err and "check the spelling" not in err


def test_a_misspelt_title_gets_the_titles_it_was_meant_to_match(workdir, capsys):
    assert main(["query", "paper_entities", "--param", "paper=Nothign", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "did you mean “A Paper About Nothing”?" in err and "check the spelling" not in err
    with pytest.warns(kg.QueryWarning, match="did you mean “A Paper About Nothing”"):
        kg.query("paper_entities", {"paper": "Nothign"}, workdir=workdir)
    assert main(["query", "paper_entities", "--param", "paper=Fine Tuned Chat", "--workdir", workdir]) == 0
    assert f"did you mean “{TITLES['p3']}”?" in capsys.readouterr().err  # written with other spaces or hyphens
    assert main(["query", "paper_entities", "--param", "paper=GPT-5 Technical", "--workdir", workdir]) == 0
    assert "did you mean" not in capsys.readouterr().err  # a version is not respelled: GPT-5 is not GPT-4


def test_an_empty_answer_to_a_named_paper_says_how_to_find_names(workdir, capsys):
    assert main(["query", "paper_entities", "--param", "paper=no such paper", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert "(no rows)" in out and "if paper should have matched" in err
    assert main(["query", "papers_using", "--param", "name=Zqxwv", "--workdir", workdir]) == 0
    assert "no rows: name='Zqxwv' is no node here, and no name in the graph is spelled like it; if name should" in capsys.readouterr().err
    assert main(["query", "shared_datasets", "--param", "min_papers=100", "--workdir", workdir]) == 0
    assert capsys.readouterr().err == ""  # nothing was named


def test_an_empty_answer_names_what_the_name_is_in_the_graph(workdir, capsys):
    assert main(["query", "papers_using", "--param", "name=gsm-8k", "--param", "type=model", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert "(no rows)" in out and "names Dataset “GSM8K”" in err and "check the spelling" not in err


def test_an_empty_answer_says_when_a_name_is_the_wrong_kind(workdir, capsys):
    assert main(["query", "papers_sharing_dataset", "--param", "paper=GSM8K", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "paper='GSM8K' is in no paper's title, but names Dataset “GSM8K”" in err and "check the spelling" not in err
    assert "kg query papers_using --param name=GSM8K" in err
    assert main(["query", "model_family", "--param", "model=GSM8K", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "names Dataset “GSM8K”" in err and "not a Model" in err and "other parameters" not in err


def test_an_empty_answer_says_when_the_name_is_a_class_or_the_start_of_names(workdir, capsys):
    assert main(["query", "papers_using", "--param", "name=LLMs", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "names a class or a field" in err and "check the spelling" not in err
    assert main(["query", "papers_using", "--param", "name=cifar", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "these names start with it: Dataset “CIFAR-10”" in err and "check the spelling" not in err
    assert "papers write it" not in err  # only as the start of CIFAR-10: a name of its own there
    assert main(["query", "papers_using", "--param", "name=image", "--workdir", workdir]) == 0
    err = capsys.readouterr().err  # both: titles write the word alone, and a longer name starts with it
    assert "name='image' is no node, but 2 papers write it" in err and "these names start with it: Dataset “ImageNet”, Task “image classification”" in err
    assert main(["query", "papers_using", "--param", "name=low-rank", "--workdir", workdir]) == 0
    err = capsys.readouterr().err  # by the alias it starts; the title writes it only as that alias's start
    assert "these names start with it: Method “LoRA”, as “low-rank adaptation”" in err and "write it" not in err
    assert main(["query", "papers_using", "--param", "name=zorbo", "--workdir", workdir]) == 0
    assert "check the spelling" in capsys.readouterr().err


def _before_asking(note: str) -> str:
    """A note up to its first suggestion of how to ask (a flag or a Python call)."""
    return re.split(r"`kg query|kg\.query\(|--param|params\[", note)[0]


def test_python_and_the_cli_give_the_same_notes_in_their_own_words(workdir, capsys):
    import warnings

    import kg

    asks = [("papers_using", {"name": "LLMs"}), ("papers_using", {"name": "cifar"}), ("papers_using", {"name": "zorbo"}),
            ("paper_entities", {"paper": "image recognition"}), ("papers_sharing_dataset", {"paper": "GSM8K"}),
            ("papers_using", {"name": "gsm-8k", "type": "model"}), ("model_family", {"model": "GSM8K"})]
    warned_for = {}
    for name, params in asks:
        main(["query", name, *(f"--param={k}={v}" for k, v in params.items()), "--workdir", workdir, "--json"])
        printed = [line.removeprefix("note: ") for line in capsys.readouterr().err.splitlines()]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            kg.query(name, params, workdir=workdir)
        warned = [str(w.message) for w in caught]
        # each note once in both; only how to ask again differs (a flag against a Python call)
        assert printed and len(warned) == len(printed), (name, params, printed, warned)
        assert [_before_asking(note) for note in warned] == [_before_asking(note) for note in printed]
        assert not any("--param" in note or "`kg query" in note for note in warned)
        warned_for[name, params.get("name") or params.get("paper")] = " ".join(warned)
    # notes only the command used to give
    assert "these names start with it: Dataset “CIFAR-10”" in warned_for["papers_using", "cifar"]
    assert "also matches 1 other title" in warned_for["paper_entities", "image recognition"]
    assert "kg.query('search_papers', {'query': WORDS})" in warned_for["papers_using", "zorbo"]


def _built_from(tmp_path, records):
    """A workdir `kg build` made of (title, abstract) records, as a user's JSONL corpus."""
    corpus = tmp_path / "papers.jsonl"
    corpus.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for t, a in records))
    kg.build([corpus], workdir=tmp_path / "w", html=False)
    return tmp_path / "w"


def test_a_name_known_only_as_a_family_says_which_other_papers_write_it(tmp_path, capsys):
    # "instruction following" is kept out as too generic, but is the family of multi-turn instruction
    # following: the rows are the kind's papers, and the note counts only the other papers writing it
    records = [("Turn by Turn", "We study multi-turn instruction following of chat models on MT-Bench."),
               ("Follow Me", "Instruction following matters for assistants; we evaluate on MT-Bench."),
               ("Llama Notes", "We fine-tune Llama 2 7B on GSM8K.")]
    workdir = str(_built_from(tmp_path, records))
    assert main(["query", "papers_using", "--param", "name=instruction following", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert "Turn by Turn" in out and "Follow Me" not in out
    assert ("(no paper by itself), the family of the names the rows are for; besides the rows' papers, 1 paper writes it, "
            "e.g. “Follow Me”") in err
    # Llama is written only as part of a longer name (Llama 2 7B), in the rows' own paper: no note
    assert main(["query", "papers_using", "--param", "name=Llama", "--workdir", workdir]) == 0
    assert "family of the names" not in capsys.readouterr().err


def test_an_empty_paper_entities_does_not_suggest_itself(workdir, capsys):
    assert main(["query", "paper_entities", "--param", "paper=nothing", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert f"is the paper “{TITLES['p7']}”; paper_entities finds nothing for it (the extractor found no entity" in err
    assert "kg query paper_entities" not in err


def test_kg_cypher_reads(workdir, capsys):
    args = ["cypher", "MATCH (p:Paper) WHERE p.title = $t RETURN p.key AS key", "--param", f"t={TITLES['p6']}"]
    assert main(args + ["--csv", "--workdir", workdir]) == 0
    assert capsys.readouterr().out.split() == ["key", "p6"]


def test_an_empty_answer_to_a_decimal_parameter_says_how_to_pass_it_as_text(workdir, capsys):
    """An arXiv id given bare is read as a number, which the stored text never equals (a reviewer's find)."""
    query = "MATCH (p:Paper) WHERE p.external_id = $id RETURN p.key AS key"
    assert main(["cypher", query, "--param", "id=1512.03385", "--csv", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert out.split() == [] or out.split() == ["key"]
    assert "read as the number 1512.03385" in err and """--param 'id="1512.03385"'""" in err
    assert main(["cypher", query, "--param", 'id="1512.03385"', "--csv", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert out.split() == ["key", "p1"] and "read as the number" not in err


def test_a_title_fragment_matching_several_papers_says_so(workdir, capsys):
    assert main(["query", "paper_entities", "--param", "paper=image recognition", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert TITLES["p1"] in out and "also matches 1 other title" in err and TITLES["p2"] in err
    assert main(["query", "paper_entities", "--param", "paper=p2", "--workdir", workdir]) == 0
    assert "also matches" not in capsys.readouterr().err


def test_the_other_title_count_is_the_true_one_past_ten(tmp_path, capsys):
    cifar = (Entity(entity_key("DATASET", "CIFAR-10"), "CIFAR-10", "DATASET", "used", "CIFAR-10", "s", 0, 8, "test", 1.0, (), None),)
    titles = [f"Zorbic Learning part {i}" for i in range(14)] + ["Unzorbic Learning"]
    items = [PaperEntities(Paper(f"q{i}", title, "An abstract.", (Source("k.txt", i),)), cifar, ())
             for i, title in enumerate(titles)]
    workdir = _closed_store(tmp_path, items)
    assert main(["query", "paper_entities", "--param", "paper=zorbic learning", "--workdir", workdir]) == 0
    # 13 others hold the words whole; "Unzorbic" holds them only inside a word
    assert "also matches 13 other title(s)" in capsys.readouterr().err


def test_a_cut_cell_is_flagged_and_full_prints_it_whole(workdir, capsys):
    long_text = "word " * 30
    args = ["cypher", "RETURN $t AS t", "--param", f"t={long_text}", "--workdir", workdir]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1].endswith("…") and "--full" in err
    assert main(args + ["--full"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == long_text.strip() and err == ""


@pytest.mark.parametrize("query", [
    "CREATE (:Paper {key: 'x'})",
    "MERGE (d:Dataset {key: 'dataset:x'})",
    "MATCH (p:Paper {key: 'p1'}) SET p.title = 'changed'",
    "MATCH (p:Paper {key: 'p1'}) REMOVE p.title",
    "MATCH (p:Paper) DETACH DELETE p",
])
def test_kg_cypher_rejects_writes(workdir, capsys, query):
    assert main(["cypher", query, "--workdir", workdir]) == 2
    err = capsys.readouterr().err
    assert "queries run read-only" in err and "change the graph with `kg build`" in err and err.count("\n") == 1
    assert main(["cypher", "MATCH (p:Paper {key: 'p1'}) RETURN count(p) AS n, p.title AS t", "--json", "--workdir", workdir]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 1, "t": TITLES["p1"]}]


def test_kg_cypher_names_a_label_type_or_property_the_graph_lacks(workdir, capsys):
    assert main(["cypher", "MATCH (d:Datset) RETURN d.name", "--workdir", workdir]) == 0
    assert "no node label Datset in this graph (did you mean Dataset?)" in capsys.readouterr().err
    assert main(["cypher", "MATCH (p:Paper)-[:EVALUATED_ON]->(d) RETURN d.name", "--workdir", workdir]) == 0
    assert "did you mean EVALUATES_ON?" in capsys.readouterr().err
    assert main(["cypher", "MATCH (d:Dataset) RETURN d.nmae", "--workdir", workdir]) == 0
    assert "no property nmae on any node or relationship (did you mean name?)" in capsys.readouterr().err
    assert main(["cypher", "MATCH (d:Dataset) RETURN d.name LIMIT 1", "--workdir", workdir]) == 0
    assert "did you mean" not in capsys.readouterr().err  # a query that finds rows gets no hint
    assert main(["cypher", "MATCH (p:Paper)-[:USES]->(d:Dataset) RETURN d.name", "--workdir", workdir]) == 0
    assert "no USES relationship goes from a Paper to a Dataset: between them the graph has PROPOSES, EVALUATES_ON" \
        in capsys.readouterr().err
    from kg.cypher_notes import unknown_names

    # a property of the graph model that no input gave (no year in a corpus) is not unknown
    assert unknown_names("MATCH (p:Paper) RETURN p.year, p.external_id", {"name", "title"}) == []


def test_python_cypher_warns_where_the_cli_notes(workdir):
    import warnings

    import kg

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert kg.cypher("MATCH (d:Datset) RETURN d.name", workdir=workdir) == []
        assert kg.cypher("MATCH (d:Dataset) RETURN d.name LIMIT 1", workdir=workdir)  # rows: no warning
    assert [(w.category, "did you mean Dataset?" in str(w.message)) for w in caught] == [(kg.QueryWarning, True)]


def test_python_query_warns_of_a_name_that_is_no_node(workdir):
    import warnings

    import kg

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert kg.query("papers_using", {"name": "GSM8KK"}, workdir=workdir) == []
        assert kg.query("papers_using", {"name": "GSM8K"}, workdir=workdir)  # rows: no warning
    assert [(w.category, str(w.message)) for w in caught] == [
        (kg.QueryWarning, "name='GSM8KK' is no node here; did you mean 'GSM8K'?")]


def test_python_query_warns_of_a_class_and_of_a_name_of_the_wrong_kind(workdir):
    import warnings

    import kg

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert kg.query("papers_using", {"name": "LLMs"}, workdir=workdir) == []
        assert kg.query("papers_sharing_dataset", {"paper": "GSM8K"}, workdir=workdir) == []
        assert kg.query("papers_using", {"name": 5}, workdir=workdir) == []  # a number is read as its text
    messages = [str(w.message) for w in caught]
    assert "names a class or a field" in messages[0] and "did you mean" not in messages[0]
    assert messages[1] == ("paper='GSM8K' is in no paper's title, but names Dataset “GSM8K” (3 papers): "
                           "kg.query('papers_using', {'name': 'GSM8K'}) lists them")
    assert len(get_template("paper_entities").bind({"paper": " MALT "})["paper"]) == 4  # trimmed


def test_every_property_the_graph_writes_is_in_its_model(tmp_path):
    from kg.graph import PROPERTIES

    graph = build_graph(known_items())
    written = {k for _, d in graph.nodes(data=True) for k in d} | {k for *_, d in graph.edges(data=True) for k in d}
    assert written - {"label", "type"} <= PROPERTIES


def test_kg_cypher_missing_parameter_and_bad_syntax(workdir, capsys):
    assert main(["cypher", "MATCH (p:Paper) RETURN p LIMIT $n", "--workdir", workdir]) == 2
    assert "uses $n but no value was given" in capsys.readouterr().err
    assert main(["cypher", "MATCH (p:Paper RETURN p", "--workdir", workdir]) == 2
    err = capsys.readouterr().err
    assert "Cypher failed" in err and err.count("\n") == 1
    # where, and the text from there, in plain words (it had passed on errMsg, errCtx, errCtxOffset)
    assert "Cypher failed: at line 1, column 16 (in 'RETURN p'): Invalid input 'R'" in err and "errCtx" not in err
    long = "MATCH (p:Paper) WHERE p.key <> '" + "a" * 60 + "' AND p.title <> 'é' RETURN p LIMT 3"  # a window, counted in bytes
    assert main(["cypher", long, "--workdir", workdir]) == 2
    assert "(in 'LIMT 3'): Invalid input 'T'" in capsys.readouterr().err


def test_run_cypher_passes_values_as_parameters(store):
    rows = run_cypher(store, "MATCH (p:Paper) WHERE p.title = $t RETURN p.key AS key", {"t": TITLES["p6"]})
    assert rows == [{"key": "p6"}]
    with pytest.raises(QueryError, match=r"queries run read-only.*kg\.build\(\)"):
        run_cypher(store, "CREATE (:Paper {key: $k})", {"k": "x"})
    with pytest.raises(QueryError, match=r"pass params=\{'k': VALUE\}"):
        run_cypher(store, "MATCH (p:Paper {key: $k}) RETURN p")


def test_cli_parameter_values():
    assert parse_params(["n=5", "name=Llama 2", 'q="5"', "flag=true", "empty="]) == {
        "n": 5, "name": "Llama 2", "q": "5", "flag": True, "empty": "",
    }
    with pytest.raises(QueryError, match="bad --param"):
        parse_params(["novalue"])
    with pytest.raises(QueryError, match="--param name given twice"):  # the last one would win unseen
        parse_params(["name=GSM8K", "name=MATH"])
    assert missing_params("MATCH (n) WHERE n.x = '$a' // $b\nRETURN $c, `$d`", {}) == {"c"}


def test_a_default_outside_its_choices_is_rejected_when_the_template_loads():
    with pytest.raises(QueryError, match="the default of 'kind' does not fit its type"):
        parse_template("bad.cypher", "// name: bad\n// description: d\n// param: kind a|b = c  which\nRETURN $kind AS k\n")


def test_a_title_fragment_prefers_the_name_before_a_colon_then_whole_words(tmp_path, capsys):
    rows = [{"id": "w1", "title": "Barely-supervised Segmentation", "abstract": "We segment organs with BERT."},
            {"id": "w2", "title": "BARE: Combining Base and Tuned Models", "abstract": "We combine BERT and GPT-2."},
            {"id": "w3", "title": "Models Laid Bare by Probing", "abstract": "We probe BERT."}]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    workdir = str(tmp_path / "w")
    assert main(["build", str(corpus), "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    assert main(["query", "paper_entities", "--param", "paper=BARE", "--json", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert {r["paper"] for r in json.loads(out)} == {rows[1]["title"]}
    # "Laid Bare" holds the fragment as a word; "Barely-supervised" only inside one, which is no other reading
    assert rows[0]["title"] not in err and rows[2]["title"] in err and rows[1]["title"] not in err
    assert main(["query", "papers_sharing_dataset", "--param", "paper=BARE", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()  # no rows: the note names the paper picked, and the other two it matches
    assert "(no rows)" in out and f"is the paper \u201c{rows[1]['title']}\u201d; papers_sharing_dataset finds nothing" in err
    assert f"also matches 1 other title(s), not shown: \u201c{rows[2]['title']}\u201d" in err and "check the spelling" not in err
    rows[1]["title"] = "Combining Base and Tuned Models"  # no colon name: the whole word wins over "Barely"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["build", str(corpus), "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    assert main(["query", "paper_entities", "--param", "paper=bare", "--json", "--workdir", workdir]) == 0
    assert {r["paper"] for r in json.loads(capsys.readouterr().out)} == {rows[2]["title"]}


def test_papers_with_code_lists_a_paper_that_says_it_releases_code_without_a_link(tmp_path):
    records = [("Zorb: Fast Parsing", "We propose Zorb for parsing on GSM8K. Our code will be made publicly available."),
               ("Quux: Slow Parsing", "We propose Quux on GSM8K. Code is at https://github.com/q/quux."),
               ("Blip: No Code", "We study Blip on GSM8K. Code is available upon request.")]
    workdir = _built_from(tmp_path, records)
    rows = kg.query("papers_with_code", workdir=workdir)
    assert [(r["paper"], r["repositories"], r["statement"]) for r in rows] == [
        ("Quux: Slow Parsing", ["https://github.com/q/quux"], None),
        ("Zorb: Fast Parsing", [], "Our code will be made publicly available.")]
    assert column(kg.query("papers_with_code", {"stated": "no"}, workdir=workdir), "paper") == ["Quux: Slow Parsing"]
    # a survey table's code column: the link, else the sentence
    code = {r["paper"]: r["code"] for r in kg.query("related_work", {"name": "GSM8K"}, workdir=workdir)}
    assert code == {"Zorb: Fast Parsing": ["Our code will be made publicly available."],
                    "Quux: Slow Parsing": ["https://github.com/q/quux"], "Blip: No Code": []}


def test_a_paper_loaded_again_replaces_its_code_statement(tmp_path):
    def load(abstract, append=True):
        corpus = tmp_path / "papers.jsonl"
        corpus.write_text(json.dumps({"id": "z1", "title": "Zorb: Fast Parsing", "abstract": abstract}) + "\n")
        kg.build([corpus], workdir=tmp_path / "w", html=False, append=append)
        with kg.open_built_store(tmp_path / "w") as db:
            in_store = [(r["repositories"], r["statement"]) for r in kg.query("papers_with_code", store=db)]
        saved = json.loads((tmp_path / "w" / "graph.json").read_text())
        in_file = [n.get("code_statement") for n in saved["nodes"] if n.get("label") == "Paper"]
        return in_store, in_file

    assert load("We propose Zorb on GSM8K. Our code will be released.", append=False) == (
        [([], "Our code will be released.")], ["Our code will be released."])
    assert load("We propose Zorb on GSM8K. Code is at https://github.com/z/zorb.") == (
        [(["https://github.com/z/zorb"], None)], [None])
    assert load("We propose Zorb on GSM8K.") == ([], [None])


def test_papers_with_code_names_the_hosts_it_counts():
    """The template and the README say which hosts make a Repository, and those are the ones links.py knows."""
    from pathlib import Path

    from kg.extract.links import _HOSTS

    names = {"github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket", "huggingface.co": "Hugging Face",
             "hf.co": "Hugging Face"}
    assert set(_HOSTS) == set(names)
    description = load_templates()["papers_with_code"].description
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `papers_with_code` |"))
    for text in (description, row):
        assert all(name in text for name in names.values()) and "Only these four hosts make a repository" in text


def test_a_title_fragment_finds_its_paper_in_a_store_loaded_before_plain_title(tmp_path):
    """An earlier version stored no plain_title: its papers are still found by a title fragment in any case."""
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.load(build_graph(known_items()))
        opened.write("MATCH (p:Paper) REMOVE p.plain_title", {})  # as an earlier version left it
        assert {r["paper"] for r in run(opened, "paper_entities", paper="low-RANK adaptation")} == {TITLES["p4"]}
        assert run(opened, "connection", source="LORA: low-rank", target="GSM8K", limit=1)[0]["route"].startswith(TITLES["p4"])


def test_a_search_over_papers_an_earlier_version_loaded_says_to_rebuild(tmp_path, capsys):
    search = ["query", "search_papers", "--param", "query=zzzz nothing", "--workdir", _closed_store(tmp_path, known_items())]
    assert main(search) == 0
    assert "no search text" not in capsys.readouterr().err  # a store this version loaded
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.write("MATCH (p:Paper) REMOVE p.search_text", {})  # as an earlier version left it
    assert main(search) == 0
    assert f"{len(known_items())} paper(s) in this store have no search text" in capsys.readouterr().err


def test_a_fragment_that_names_a_title_in_whole_words_ignores_titles_holding_it_inside_a_word(tmp_path, capsys):
    from sample_graphs import _entity, _paper

    s = "We test on GSM8K."
    items = [PaperEntities(_paper("m1", "MALT: Improving Reasoning", s), (_entity("DATASET", "GSM8K", "used", "GSM8K", s),)),
             PaperEntities(_paper("m2", "BERT Models for Maltese", s, line=3), (_entity("DATASET", "GSM8K", "used", "GSM8K", s),)),
             PaperEntities(_paper("m3", "MALT at Scale", s, line=5), ())]
    workdir = _closed_store(tmp_path, items)
    assert main(["query", "paper_entities", "--param", "paper=MALT", "--workdir", workdir]) == 0
    out, err = capsys.readouterr()
    assert "MALT: Improving Reasoning" in out and "Maltese" not in err and "MALT at Scale" in err


def _built(tmp_path, capsys, rows) -> str:
    """A workdir `kg build` made from ``rows`` (title and abstract records)."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    workdir = str(tmp_path / "w")
    assert main(["build", str(corpus), "--workdir", workdir, "--no-html"]) == 0
    capsys.readouterr()
    return workdir


def _sharing(capsys, workdir: str, paper: str) -> list[tuple]:
    """`papers_sharing_dataset` rows for ``paper``: (other paper, shared count, datasets), in order."""
    assert main(["query", "papers_sharing_dataset", "--param", f"paper={paper}", "--json", "--workdir", workdir]) == 0
    return [(r["other_paper"], r["shared"], r["datasets"]) for r in json.loads(capsys.readouterr().out)]


def test_papers_sharing_dataset_counts_a_dataset_both_name_once_not_again_as_its_family(tmp_path, capsys):
    rows = [{"title": "Zorb Incremental Learning", "abstract": "We evaluate on CIFAR-100, ImageNet-100 and ImageNet-1K."},
            {"title": "Quux Shrinking", "abstract": "Results on CIFAR-100, ImageNet-100 and ImageNet-1K are strong."},
            {"title": "Blip Scaling", "abstract": "We train on ImageNet-1K only."},
            {"title": "Frob Streams", "abstract": "We report accuracy on Split CIFAR-100."}]
    shared = {other: (count, names) for other, count, names in _sharing(capsys, _built(tmp_path, capsys, rows), "Zorb")}
    assert shared == {"Quux Shrinking": (3, ["CIFAR-100", "ImageNet-100", "ImageNet-1K"]),
                      "Blip Scaling": (1, ["ImageNet-1K"]), "Frob Streams": (1, ["CIFAR-100"])}


def test_papers_sharing_dataset_matches_each_dataset_once_not_also_its_family(tmp_path, capsys):
    rows = [{"title": "Zorb Continual Learning", "abstract": "We evaluate on ImageNet and ImageNet-R."},
            {"title": "Quux Prompts", "abstract": "Results on Split ImageNet-R are strong."},
            {"title": "Blip Adapters", "abstract": "We report accuracy on Split ImageNet-R and ImageNet-1K."}]
    workdir = _built(tmp_path, capsys, rows)

    def shared(paper):
        return {other: (count, names) for other, count, names in _sharing(capsys, workdir, paper)}

    # Quux's one dataset is matched to Zorb's ImageNet-R; Zorb's ImageNet has no second counterpart
    assert shared("Zorb")["Quux Prompts"] == (1, ["ImageNet-R"])
    assert shared("Zorb")["Blip Adapters"] == (2, ["ImageNet", "ImageNet-R"])
    assert shared("Quux") == {"Zorb Continual Learning": (1, ["ImageNet-R"]), "Blip Adapters": (1, ["Split ImageNet-R"])}


def test_papers_sharing_as_many_datasets_come_rarer_shared_dataset_first(tmp_path, capsys):
    rows = [{"title": "Zorb Fine-Grained Recognition", "abstract": "We evaluate on ImageNet and CUB-200-2011."},
            {"title": "Alpha Scaling", "abstract": "Results on ImageNet are strong."},
            {"title": "Beta Pruning", "abstract": "We prune a network trained on ImageNet."},
            {"title": "Zeta Birds", "abstract": "Results on CUB-200-2011 are strong."}]
    found = [(other, names) for other, _, names in _sharing(capsys, _built(tmp_path, capsys, rows), "Zorb")]
    # one shared dataset each: CUB-200-2011 (2 papers) is rarer than ImageNet (3), then by title
    assert found == [("Zeta Birds", ["CUB-200-2011"]), ("Alpha Scaling", ["ImageNet"]), ("Beta Pruning", ["ImageNet"])]


def test_a_name_that_is_no_node_but_is_written_says_where(tmp_path, capsys):
    rows = [{"title": "Revisiting the glorp trick for Training", "abstract": "We study the glorp trick on GSM8K."},
            {"title": "Another Study", "abstract": "We evaluate on GSM8K."}]
    workdir = _built(tmp_path, capsys, rows)
    assert main(["query", "papers_using", "--param", "name=glorp", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "name='glorp' is no node, but 1 paper writes it, e.g. \u201cRevisiting the glorp trick for Training\u201d" in err
    assert "check the spelling" not in err
    with pytest.warns(kg.QueryWarning, match="1 paper writes it"):
        assert kg.query("papers_using", {"name": "glorp"}, workdir=workdir) == []
    assert main(["query", "papers_using", "--param", "name=glorpx", "--workdir", workdir]) == 0
    assert "writes it" not in capsys.readouterr().err  # written nowhere: the spelling note as before
    assert main(["query", "papers_using", "--param", "name=we study", "--workdir", workdir]) == 0
    assert "writes it" not in capsys.readouterr().err  # prose, not a name the extractor could have missed


def test_an_empty_answer_names_the_end_that_matched_nothing_not_the_one_that_did(tmp_path, capsys):
    workdir = _built(tmp_path, capsys, [{"title": "A Study", "abstract": "We evaluate Llama 2 on GSM8K."}])
    assert main(["query", "connection", "--param", "source=Zorbnetxyz", "--param", "target=GSM8K", "--workdir", workdir]) == 0
    err = capsys.readouterr().err
    assert "source='Zorbnetxyz' is no node here" in err and "target='GSM8K'" not in err


def test_papers_sharing_a_dataset_itself_come_before_those_sharing_only_its_family(tmp_path, capsys):
    rows = [{"title": "Zorb Pretraining", "abstract": "We pretrain on ImageNet-21K and evaluate on ImageNet-1K."},
            {"title": "Alpha Robustness", "abstract": "We test on ImageNet-V2 and ImageNet-C."},
            {"title": "Beta Sketches", "abstract": "We test on ImageNet-Sketch."},
            {"title": "Omega Tuning", "abstract": "We fine-tune on ImageNet-1K."}]
    found = _sharing(capsys, _built(tmp_path, capsys, rows), "Zorb")
    # one shared entry each; Omega names ImageNet-1K itself, the others share only the family (counted once)
    assert found == [("Omega Tuning", 1, ["ImageNet-1K"]), ("Alpha Robustness", 1, ["ImageNet"]), ("Beta Sketches", 1, ["ImageNet"])]


def test_model_family_lists_the_models_line_and_variants_not_its_siblings(tmp_path, capsys):
    rows = [{"title": "Tuning Study One", "abstract": "We fine-tune Llama 2 7B and Llama 3 8B on GSM8K."},
            {"title": "Tuning Study Two", "abstract": "We compare Llama 2 with Llama 3 on MATH."}]
    workdir = _built(tmp_path, capsys, rows)

    def family(model):
        assert main(["query", "model_family", "--param", f"model={model}", "--json", "--workdir", workdir]) == 0
        return [r["model"] for r in json.loads(capsys.readouterr().out)]

    assert family("llama-2") == ["LLaMA", "Llama 2", "Llama 2 7B"]
    assert family("Llama 3 8B") == ["LLaMA", "Llama 3", "Llama 3 8B"]


def test_python_query_refuses_ill_typed_arguments_with_a_query_error(workdir):
    import kg

    calls = {
        "a float limit": lambda: kg.query("top_entities", {"limit": 2.5}, workdir=workdir),
        "a bool limit": lambda: kg.query("top_entities", {"limit": True}, workdir=workdir),
        "params as text": lambda: kg.query("papers_using", "GSM8K", workdir=workdir),
        "no template name": lambda: kg.query(None, workdir=workdir),
        "no Cypher text": lambda: kg.cypher(None, workdir=workdir),
        "Cypher params as a list": lambda: kg.cypher("RETURN $x AS x", ["x"], workdir=workdir),
    }
    for what, call in calls.items():
        with pytest.raises(kg.QueryError, match="must be|is text") as raised:
            call()
        assert "pass " in str(raised.value), what  # the fix, worded for Python
    assert kg.query("top_entities", {"limit": 2.0}, workdir=workdir)  # a whole float is that int


def test_rows_that_fill_a_default_limit_are_said_to_be_cut(tmp_path, capsys):
    import warnings

    import kg

    template = get_template("papers_using")
    limit = int(next(p.default for p in template.params if p.name == "limit"))
    items = []
    for i in range(limit + 5):
        paper = Paper(f"p{i}", f"Zorb study {i}", "We use GSM8K.", (Source("many.txt", i + 1),))
        gsm8k = Entity(entity_key("DATASET", "GSM8K"), "GSM8K", "DATASET", "used", "GSM8K", "We use GSM8K.", 7, 12, "test", 1.0)
        items.append(PaperEntities(paper, (gsm8k,), ()))
    workdir = _closed_store(tmp_path, items)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert len(kg.query("papers_using", {"name": "GSM8K"}, workdir=workdir)) == limit
        assert len(kg.query("papers_using", {"name": "GSM8K", "limit": limit}, workdir=workdir)) == limit  # one's own limit
    assert [str(w.message) for w in caught] == [
        f"showing {limit} rows, papers_using's default limit; there may be more: params['limit'] = {limit * 10}"]
    assert main(["query", "papers_using", "--param", "name=GSM8K", "--workdir", workdir, "--json"]) == 0
    assert f"there may be more: --param limit={limit * 10}" in capsys.readouterr().err
    assert default_limit_reached(get_template("top_entities"), {}, [{}] * 50) is None  # its limit counts per type, not rows


def test_a_code_link_carries_the_sentence_that_writes_it(tmp_path):
    abstract = "We propose Zorb. Code is at github.com/someone/zorb. It is fast."
    paper = Paper("pz", "Zorb", abstract, (Source("z.txt", 1),))
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(build_graph([PaperEntities(paper, (), ("https://github.com/someone/zorb",))]))
        (row,) = run_template(store, "paper_entities", {"paper": "pz"})
    assert (row["relationship"], row["evidence"]) == ("RELEASES_CODE", "Code is at github.com/someone/zorb.")


def test_python_query_refuses_a_path_for_store_a_closed_store_and_none_values(workdir):
    import kg

    with pytest.raises(kg.QueryError, match="store= takes an open store, got a str"):
        kg.query("top_entities", store=workdir)
    with kg.open_built_store(workdir) as db:
        assert kg.query("top_entities", {"limit": 1}, store=db)
    with pytest.raises(kg.StoreUnavailable, match="is closed"):
        kg.query("top_entities", store=db)
    for bad in ("", [], 0):
        with pytest.raises(kg.QueryError, match="must be a dict"):
            kg.query("papers_using", bad, workdir=workdir)
    with pytest.raises(kg.QueryError, match="parameter 'name' of 'papers_using' is None"):
        kg.query("papers_using", {"name": None}, workdir=workdir)
    with pytest.raises(kg.StoreUnavailable, match="no graph store in .*run kg.build\\(workdir=...\\) first"):
        kg.query("top_entities", workdir=workdir + "/nowhere")


def test_model_dataset_pairs_names_a_paper_writes_in_one_sentence(tmp_path):
    corpus = tmp_path / "papers.jsonl"
    abstract = "We evaluate Llama 2 7B on MMLU. Separately, ResNet-50 is trained on ImageNet."
    corpus.write_text(json.dumps({"title": "A Study of Two Things", "abstract": abstract}) + "\n")
    kg.build([corpus], workdir=tmp_path / "w", html=False)
    pairs = {(r["model"], r["dataset"]): r["sentence"] for r in kg.query("model_dataset", workdir=tmp_path / "w")}
    assert pairs == {("Llama 2 7B", "MMLU"): "We evaluate Llama 2 7B on MMLU.",
                     ("ResNet-50", "ImageNet"): "Separately, ResNet-50 is trained on ImageNet."}
    anywhere = kg.query("model_dataset", {"together": "paper"}, workdir=tmp_path / "w")
    assert len(anywhere) == 4 and {r["sentence"] for r in anywhere} == {None, *pairs.values()}
    # the sentence both share is shown, though each is first named elsewhere
    corpus.write_text(json.dumps({"title": "Another Study", "abstract": "We use BERT. SQuAD is hard. We fine-tune BERT on "
                                  "SQuAD."}) + "\n")
    kg.build([corpus], workdir=tmp_path / "w2", html=False)
    (row,) = kg.query("model_dataset", workdir=tmp_path / "w2")
    assert (row["model"], row["dataset"], row["sentence"]) == ("BERT", "SQuAD", "We fine-tune BERT on SQuAD.")


def test_related_entities_in_one_sentence_leaves_out_what_only_shares_the_paper(tmp_path):
    corpus = tmp_path / "papers.jsonl"
    abstract = ("We evaluate Llama 2 7B on MMLU for question answering. "
                "Separately, ResNet-50 is trained on ImageNet for image classification.")
    corpus.write_text(json.dumps({"title": "A Study of Two Things", "abstract": abstract}) + "\n")
    kg.build([corpus], workdir=tmp_path / "w", html=False)

    def related(together):
        rows = kg.query("related_entities", {"name": "ImageNet", "type": "any", "together": together}, workdir=tmp_path / "w")
        return {r["entity"]: r["sentence"] for r in rows}

    second = "Separately, ResNet-50 is trained on ImageNet for image classification."
    assert related("paper") == {"ResNet-50": second, "image classification": second, "Llama 2 7B": None, "MMLU": None,
                                "question answering": None}
    assert related("sentence") == {"ResNet-50": second, "image classification": second}


SUMMARIES = ("abstractive summarization", "extractive summarization", "meeting summarization", "multi-document summarization")


def test_papers_using_a_task_by_its_alias_finds_the_kinds_of_it_papers_name(tmp_path):
    # "summarization" is an alias of the curated text summarization: a task ending in it is a kind of
    # that node, unless its modifier names another medium (video summarization is a sibling)
    papers = [kg.Paper.from_text(f"Zorbing {n}", f"We study {task} with a new model. Results on {task} improve.")
              for n, task in enumerate((*SUMMARIES, "video summarization", "video super-resolution"))]
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.load(build_graph(kg.extract_papers(papers)))
        rows = run(opened, "papers_using", name="summarization")
        assert {row["entity"] for row in rows} == set(SUMMARIES) and len(rows) == len(SUMMARIES)
        assert not run(opened, "papers_using", name="image super-resolution")


def test_papers_using_an_architecture_finds_its_checkpoints_with_their_own_type(tmp_path):
    def paper(pid, entity_type, name, family=None):
        entity = Entity(entity_key(entity_type, name), name, entity_type, "used", name, "s", 0, len(name), "test", 1.0, (), family)
        return PaperEntities(Paper(pid, f"Paper {pid}", "An abstract.", (Source("k.txt", 1),)), (entity,), ())

    items = [paper("qa", "MODEL", "DiT-XL/2", "DiT"), paper("qb", "METHOD", "DiT")]  # DiT: a curated method
    with EmbeddedStore(tmp_path / "store") as opened:
        opened.load(build_graph(items))
        rows = run(opened, "papers_using", name="DiT")
    assert {(r["key"], r["type"], r["entity"]) for r in rows} == {("qa", "Model", "DiT-XL/2"), ("qb", "Method", "DiT")}


def test_a_template_value_without_its_key_is_answered_with_the_key_it_needs():
    from kg.commands._stores import split_params

    with pytest.raises(QueryError, match=r"write --param 'name=Llama 2'"):
        split_params(["Llama 2"], required=("name",))
    with pytest.raises(QueryError, match=r"write --param target=LoRA"):  # source is given
        split_params(["source=GSM8K", "LoRA"], required=("source", "target"))
    with pytest.raises(QueryError, match=r"write --param key=value"):
        split_params(["5"])
    with pytest.raises(QueryError, match=r"write --param paper=VALUE"):  # the key without its value
        split_params(["paper"], required=("paper",))


def test_the_name_lookups_find_every_entity_by_any_case_of_its_names(tmp_path):
    """papers_using, related_entities and related_work find a node by one indexed lookup per label
    (its key, or a key of its names): every name and alias, in lower or upper case, finds it."""
    from sample_graphs import corpus_a, corpus_b, graph_of

    nets = Entity(entity_key("MODEL", "ZorbNets"), "ZorbNets", "MODEL", "used", "ZorbNets", "We tune ZorbNets.", 8, 16, "r")
    # "ZorbNets" keys as zorbnets, "zorbnets" as zorbnet (a lower-case plural): the node keeps both
    graph = graph_of(corpus_a() + corpus_b() + [PaperEntities(Paper("p-zn", "Tuning", "We tune ZorbNets."), (nets,))])
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        checked = 0
        for key, data in graph.nodes(data=True):
            if data["label"] in ("Paper", "Repository") or not data.get("support"):
                continue
            for form in (data["name"], *data["aliases"]):
                for written in {key, form, form.lower(), form.upper()}:  # a key is exact
                    rows = run_template(store, "papers_using", {"name": written, "limit": 1000})
                    assert key in {row["entity_key"] for row in rows}, (key, written)
                    checked += 1
        work = run_template(store, "related_work", {"name": "gsm8k"})
        assert work and run_template(store, "related_entities", {"name": "GSM8K", "type": "any"})
    assert checked > 30


def test_a_store_loaded_before_lower_names_says_to_load_again(tmp_path):
    from sample_graphs import corpus_a, graph_of

    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph_of(corpus_a()))
        store.write("MATCH (n) REMOVE n.lower_names")  # as an earlier paper-kg loaded it
        assert run_template(store, "papers_using", {"name": "gsm8k"})  # a key of its name still finds it
        with pytest.warns(kg.QueryWarning, match=r"no lower_names \(loaded by an earlier paper-kg\).*kg load --replace"):
            assert kg.query("papers_using", {"name": "GSM8K-NOPE"}, store=store) == []


def test_top_entities_ranks_by_the_papers_linked_to_each_entity(tmp_path):
    """The template ranks by an entity's support (which a load recounts) rather than counting every
    paper's relationships: the counts and order must be those of the graph's own links."""
    from sample_graphs import corpus_a, corpus_b, graph_of

    graph = graph_of(corpus_a() + corpus_b())
    papers = {key: len({p for p in graph.predecessors(key) if graph.nodes[p]["label"] == "Paper"})
              for key, label in graph.nodes(data="label") if label not in ("Paper", "Repository")}
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(graph)
        for limit in (1, 2, 100):
            rows = run_template(store, "top_entities", {"limit": limit})
            for label in {graph.nodes[k]["label"] for k, n in papers.items() if n}:
                ranked = sorted((k for k, n in papers.items() if n and graph.nodes[k]["label"] == label),
                                key=lambda k: (-papers[k], graph.nodes[k]["name"], k))[:limit]
                shown = [r for r in rows if r["type"] == label]
                assert sorted(r["entity_key"] for r in shown) == sorted(ranked), (label, limit)
                assert all(r["papers"] == papers[r["entity_key"]] for r in shown)
