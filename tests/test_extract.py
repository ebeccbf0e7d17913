"""Extraction: types, roles, evidence offsets, links, and spaCy multiprocessing."""

import json
import re

import pytest

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
    page = ("https://huggingface.co/collections/zorb/zorblm-65a1",)  # a collection page, not a repository
    graph = build_graph([PaperEntities(PAPER, tuple(found.values()), page)])
    assert graph.nodes["p-1"]["links"] == list(page) and not any(k.startswith("repo:") for k in graph)


def test_unknown_coined_names_in_a_list_with_known_datasets(nlp):
    paper = Paper("p-2", "A Study", "We evaluate on GSM8K, FooQA-2 and MATH, where results improve.")
    found, _, _ = entities(nlp, paper)
    assert found["FooQA-2"].type == "DATASET" and found["FooQA-2"].rule == "list"


def test_worker_processes_give_the_same_mentions_in_order(nlp):
    papers = [PAPER, Paper("p-2", "Other", "We train BERT on SQuAD and report F1.")]
    single = [(p.id, [(m.text, m.type) for m in ms]) for p, ms, _ in extract(papers, nlp=nlp)]
    multi = [(p.id, [(m.text, m.type) for m in ms]) for p, ms, _ in extract(papers, nlp=nlp, workers=2, batch_size=1)]
    assert single == multi


def test_one_chunk_is_mapped_in_this_process_and_more_on_the_workers():
    import os

    from kg.extract.parallel import map_ordered

    def pids(chunk):
        return [os.getpid()] * len(chunk)

    assert {pid for _, pid in map_ordered(pids, range(3), workers=2, chunk_size=4)} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in map_ordered(pids, range(8), workers=2, chunk_size=2)}


def test_the_shared_pipeline_is_built_once_per_version_of_the_lists(tmp_path):
    import shutil

    from kg.extract import shared_nlp
    from kg.extract.gazetteer import GAZETTEER_DIR

    lists = tmp_path / "lists"
    shutil.copytree(GAZETTEER_DIR, lists)
    first = shared_nlp(str(lists))
    assert shared_nlp(str(lists)) is first and shared_nlp() is not first
    paper = Paper("p-z", "A study", "We evaluate on Zorbquux.")
    assert not [m for _, ms, _ in extract([paper], nlp=first) for m in ms]
    with open(lists / "dataset.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"name": "Zorbquux"}) + "\n")
    edited = shared_nlp(str(lists))
    assert edited is not first
    assert [(m.text, m.type) for _, ms, _ in extract([paper], nlp=edited) for m in ms] == [("Zorbquux", "DATASET")]


def test_kg_extract_writes_one_line_per_paper(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"title": PAPER.title, "abstract": PAPER.abstract}) + "\n")
    out = tmp_path / "e.jsonl"
    assert main(["extract", str(corpus), "--out", str(out)]) == 0
    (line,) = out.read_text().splitlines()
    record = json.loads(line)
    assert set(record) >= {"id", "title", "entities"}
    assert {"text", "name", "type", "role", "sentence", "start", "end"} <= set(record["entities"][0])


def test_names_in_brackets_after_a_dataset_head(nlp):
    paper = Paper("p-3", "A Study", "Experiments on two benchmarks (FooWire and BLQ) show gains.")
    found, _, _ = entities(nlp, paper)
    assert found["FooWire"].type == found["BLQ"].type == "DATASET"


def test_one_name_gets_one_type_in_a_paper(nlp):
    # the compared-with rule alone would call FooQA-2 a METHOD; the list beside GSM8K says DATASET
    paper = Paper("p-4", "A Study", "We evaluate on GSM8K and FooQA-2. Our method outperforms baselines on FooQA-2.")
    _, mentions, _ = entities(nlp, paper)
    assert {m.type for m in mentions if m.text == "FooQA-2"} == {"DATASET"}


def test_a_capitalised_title_phrase_before_the_colon_is_proposed(nlp):
    paper = Paper("p-5", "Masked Thought: Simply Masking Steps Improves Reasoning",
                  "We study masked thought as a regulariser for math word problems.")
    found, _, _ = entities(nlp, paper)
    assert found["Masked Thought"].role == "proposed"
    headline = Paper("p-6", "Beyond Homophily: A Study of Graphs", "We study graphs.")
    assert "Beyond Homophily" not in entities(nlp, headline)[0]
    for title in ("Consistency Over Neighbourhoods: Zorb Adaptation", "Less Is More: Zorb Adaptation"):
        assert not any(e.role == "proposed" for e in entities(nlp, Paper("p-7", title, "We study it."))[0].values()), title


def test_model_cues_type_coined_names(nlp):
    paper = Paper("p-7", "Vexa: Mixed-Modal Foundation Models",
                  "We present Vexa, a family of early-fusion token-based mixed-modal models capable of "
                  "generating images. Vexa-7B outperforms Zorblat-1.5B on GSM8K.")
    found, _, _ = entities(nlp, paper)
    assert found["Vexa"].type == "MODEL" and found["Vexa"].role == "proposed"
    assert found["Zorblat-1.5B"].type == "MODEL"


def test_a_title_names_the_technique_it_works_through(nlp):
    paper = Paper("p-8", "Robust Parsing via Gated Token Mixing", "We parse sentences with gated token mixing.")
    found, _, _ = entities(nlp, paper)
    assert (found["Gated Token Mixing"].type, found["Gated Token Mixing"].role) == ("METHOD", "proposed")
    listed = Paper("p-9", "Small Models via Joint Pruning and Distillation", "We prune and distil.")
    assert "Joint Pruning" not in entities(nlp, listed)[0]
    verb = Paper("p-10", "Pre-training via Maximizing Mutual Information", "We maximise information.")
    assert not any(name.startswith("Maximizing") for name in entities(nlp, verb)[0])


def test_a_title_technique_spelling_the_title_name_is_its_long_form(nlp):
    paper = Paper("p-11", "GrM: Faster Agents through Gated Rollout Mixing", "GrM speeds up agents.")
    found, _, _ = entities(nlp, paper)
    assert found["GrM"].role == "proposed" and "Gated Rollout Mixing" in found["GrM"].aliases


def test_names_listed_right_after_a_head_take_its_type(nlp):
    paper = Paper("p-12", "A Study", "We test on the corruption benchmarks FooNet-C, BarSet-C, and Qux-C. "
                  "On these benchmarks, ZorbLM performs well. Our largest model, ZorbLM-XL, is strong.")
    found, _, _ = entities(nlp, paper)
    assert all(found[name].type == "DATASET" for name in ("FooNet-C", "BarSet-C", "Qux-C"))
    assert found["ZorbLM-XL"].type == "MODEL"
    assert "ZorbLM" not in found or found["ZorbLM"].type != "DATASET"


def test_stylised_short_forms_match_only_as_written(nlp):
    paper = Paper("p-13", "A Study", "We predict depth maps and report mAP on COCO.")
    found, _, _ = entities(nlp, paper)
    metrics = [e for e in found.values() if e.type == "METRIC"]
    assert [e.text for e in metrics] == ["mAP"]


def test_a_coined_name_a_score_is_reported_on_is_a_dataset(nlp):
    paper = Paper("p-s", "A study", "Our model gains +4.1 on FooEval and reaches 71.2% on the BarBench-2. "
                  "Training is 3x faster on H100 GPUs.")
    found, _, _ = entities(nlp, paper)
    assert found["FooEval"].type == found["BarBench-2"].type == "DATASET"
    assert "H100" not in found


def test_a_coined_name_a_paper_evaluates_or_trains_on_is_a_dataset(nlp):
    paper = Paper("p-e", "A study", "We report results on FooQA-2 and BarSET. The model is fine-tuned on ZedCorpusX, "
                  "NL4QUX and MAMOX. On the QuuxBench, our model leads, and it improves on the in-domain ZorbSum. "
                  "On ZorbEVAL, CAA retains 97% of its accuracy. It improves AP on ZE-TOD by 4 points "
                  "and scores 91.4 on Zym-MoCo locomotion tasks, but not on Quux-Pro video. "
                  "We run experiments on FooLM-7B. "
                  "Training runs on H100 GPUs. Our method builds on ZorbNet.")
    found, _, _ = entities(nlp, paper)
    data = {name for name, e in found.items() if e.type == "DATASET"}
    assert data == {"FooQA-2", "BarSET", "ZedCorpusX", "NL4QUX", "MAMOX", "QuuxBench", "ZorbSum", "ZorbEVAL", "ZE-TOD", "Zym-MoCo"}
    assert found["FooLM-7B"].type == "MODEL" and "H100" not in found


def test_names_enumerated_after_a_plural_data_head_are_datasets(nlp):
    paper = Paper("p-n", "A study", "We run experiments on three benchmark datasets, FooQA-1, BarQA-2, and BazQA-3. "
                  "Extensive experiments on QuxNet-1K show gains. On these benchmarks, ZorbLM-X performs well.")
    found, _, _ = entities(nlp, paper)
    assert {n for n, e in found.items() if e.type == "DATASET"} == {"FooQA-1", "BarQA-2", "BazQA-3", "QuxNet-1K"}


def test_capitalised_names_listed_after_a_cue_take_the_head_type(nlp):
    paper = Paper("p-c", "Zorbing: A Study", "Open LLMs such as Falcora, Pythox 2 and Mixtro 8x7B improve. We test six "
                  "visual LLMs: Aquilo, Miphex and Molmox. We use benchmarks, including Natural Quests and Stanford Carz. "
                  "Results are in models, e.g. Table 1.")
    found, _, _ = entities(nlp, paper)
    assert {n for n, e in found.items() if e.type == "MODEL"} == {"Falcora", "Pythox 2", "Mixtro 8x7B", "Aquilo", "Miphex", "Molmox"}
    assert {n for n, e in found.items() if e.type == "DATASET"} == {"Natural Quests", "Stanford Carz"}


def test_a_list_of_names_before_a_plural_head_takes_its_type(nlp):
    paper = Paper("p-l", "Large Vision and Language Models", "Our method lets Zorb2, Zorb3, and Mistrox models improve. "
                  "We test the Falcora and Pythox families, and the Quux and Baz benchmarks. We transfer the English "
                  "RoBERTox and GPT-9 models. Sparse T5 Base, Large, and XL language models help.")
    found, _, _ = entities(nlp, paper)
    models = {n for n, e in found.items() if e.type == "MODEL"}
    assert {"Zorb2", "Zorb3", "Mistrox", "Falcora", "Pythox", "RoBERTox", "GPT-9"} <= models
    assert not {"English", "Large", "Vision", "Language"} & set(found)
    assert found["Quux"].type == found["Baz"].type == "DATASET"


def test_capitalised_technique_words_and_clauses_after_a_colon_are_no_names(nlp):
    paper = Paper("p-g", "A study", "We bridge Masked Generative and Non-autoregressive Diffusion models. We present three "
                  "findings across 4 NLP benchmarks: First, our mechanism helps. We propose a solution to pre-trained "
                  "models: Leveraging strong features of the models.")
    found, _, _ = entities(nlp, paper)
    assert not {"Masked Generative", "Non-autoregressive Diffusion", "First", "Leveraging"} & set(found)


def test_a_name_a_paper_trains_or_fine_tunes_is_a_model(nlp):
    paper = Paper("p-f", "Training Zorbs", "We study fine-tuning FooCLIP on ImageNet, and our system trains BarNet-50 with "
                  "large batches. We also try pre-training Quux Diffusion for speed. Results improve during training. "
                  "Finally, we release code.")
    found, _, _ = entities(nlp, paper)
    assert {n for n, e in found.items() if e.type == "MODEL"} == {"FooCLIP", "BarNet-50", "Quux Diffusion"}
    assert "Finally" not in found and "Zorbs" not in found


def test_capitalised_words_before_a_data_head_or_bracketed_after_one_are_datasets(nlp):
    paper = Paper("p-d", "A study", "We build an index of the Zorb dataset and the Quux Catalyst 2020 and Blorp Project "
                  "datasets. We use an Arabic dataset and a Large dataset. It holds for three datasets (Kinetix, "
                  "Charadez) and benchmarks (such as Winogrand and Hellaswog).")
    found, _, _ = entities(nlp, paper)
    assert {n for n, e in found.items() if e.type == "DATASET"} == {
        "Zorb", "Quux Catalyst 2020", "Blorp Project", "Kinetix", "Charadez", "Winogrand", "Hellaswog"}


def test_model_names_by_release_lists_initialisation_and_backbones(nlp):
    paper = Paper("p-r", "A study", "Large Generative Models (LGMs) such as Zorbo, Stable Quux and Sunox are popular. "
                  "We jailbreak Llamo-3 8B, Claudo-3.5 Sonnet, and R9D9 models. MANTIZ is initialized from PaliZemma. "
                  "We use ResNot-50 and ResNot-101 backbones, and Transformer-based backbones.")
    found, _, _ = entities(nlp, paper)
    models = {n for n, e in found.items() if e.type == "MODEL"}
    assert {"Zorbo", "Stable Quux", "Sunox", "Llamo-3 8B", "Claudo-3.5 Sonnet", "R9D9", "PaliZemma", "ResNot-50", "ResNot-101"} <= models
    assert not any("based" in name for name in models)


def test_names_listed_after_a_technique_head_and_a_cue_are_methods(nlp):
    paper = Paper("p-t", "A study", "We beat prior selection methods such as LESZ and AlpaGasuz, and pruning approaches, "
                  "including Wandoo and SparseGPZ. Our methods, Zorb and Quux, are new.")
    found, _, _ = entities(nlp, paper)
    assert {n for n, e in found.items() if e.type == "METHOD"} >= {"LESZ", "AlpaGasuz", "Wandoo", "SparseGPZ"}
    assert "Quux" not in found


def test_our_resulting_model_names_the_papers_own_model(nlp):
    paper = Paper("p-o", "A study", "We fine-tune T0 on new tasks. Our resulting model Zorbual-T0 (ZT0) learns new tasks. "
                  "The resulting model, GPT-4, is not ours. Our resulting model performs well.")
    found, _, _ = entities(nlp, paper)
    own = next(e for e in found.values() if "Zorbual-T0" in (e.name, *e.aliases))
    assert (own.type, own.role) == ("MODEL", "proposed")
    assert found["GPT-4"].role == found["T0"].role == "used"


def test_a_coined_name_opening_a_later_enumerated_item_is_proposed(nlp):
    paper = Paper("p-n", "A study", "In this work, we introduce (1) a hard-negative version of a Japanese dataset and "
                  "(2) JaZolBERT, a document retrieval model built on ColBERT. Results (2) show GPT-4 helps.")
    found, _, _ = entities(nlp, paper)
    assert (found["JaZolBERT"].type, found["JaZolBERT"].role) == ("MODEL", "proposed")
    assert found["ColBERT"].role == found["GPT-4"].role == "used"


def test_a_name_built_after_a_comma_in_an_authors_sentence_is_proposed(nlp):
    paper = Paper("p-c", "A study", "We insert our objective in CodeBERT, building CodeBERTOR, and evaluate it. "
                  "They study GPT-4, building on prior work.")
    found, _, _ = entities(nlp, paper)
    assert (found["CodeBERTOR"].role, found["CodeBERT"].role, found["GPT-4"].role) == ("proposed", "used", "used")


def test_a_coined_name_built_on_a_model_family_is_a_model_anywhere(nlp):
    paper = Paper("p-m", "A study", "While WavFooLLM shows high accuracy, current models fail. "
                  "Code: https://github.com/org/BarGPT.")
    found, _, _ = entities(nlp, paper)
    assert found["WavFooLLM"].type == "MODEL"
    assert not any("BarGPT" in name for name in found)


def test_a_curated_task_keeps_its_generic_looking_short_form(nlp):
    found, _, _ = entities(nlp, Paper("p-v", "A study", "We study multimodal tasks like VQA with a CNN."))
    assert found["visual question answering"].type == "TASK"
    assert "convolutional neural network" not in found


def test_capitalised_words_run_together_match_only_as_written(nlp):
    paper = Paper("p-j", "A study", "We train on TinyImageNet with multiple seeds.")
    found, _, _ = entities(nlp, paper)
    assert found["Tiny ImageNet"].type == "DATASET" and found["Tiny ImageNet"].text == "TinyImageNet"
    assert "MultiPL-E" not in found  # "multiple" is no run-together "MultiPL-E"


def test_links_and_kinds_of_llm_are_no_names(nlp):
    paper = Paper("p-l", "FooVLM: a study", "We present FooVLM, the first Vision-LLM for maps. "
                  "We release our model at https://github.com/org/FooVLM.")
    found, mentions, links = entities(nlp, paper)
    assert links == ("https://github.com/org/FooVLM",)
    assert not any("github" in m.text or m.text == "Vision-LLM" for m in mentions)
    assert "FooVLM" in found


def test_a_capitalised_dataset_head_is_part_of_the_name(nlp):
    paper = Paper("p-c", "A study", "We train on the Astro-XYZ Corpus and test on the FooQA benchmark and the NLI Benchmarks.")
    found, _, _ = entities(nlp, paper)
    assert found["Astro-XYZ Corpus"].type == found["FooQA"].type == "DATASET"
    assert "NLI Benchmarks" not in found


def test_model_cues_overrule_a_method_head_for_a_proposed_name(nlp):
    paper = Paper("p-e", "A study", "We introduce FOOSTARCODE, a modular encoder for code search. "
                  "FOOSTARCODE is trained with self-distillation.")
    found, _, _ = entities(nlp, paper)
    assert found["FOOSTARCODE"].type == "MODEL"


def test_a_technical_report_names_its_model(nlp):
    paper = Paper("p-t", "Quillon Technical Report", "This work introduces Quillon, a suite of open-source "
                  "decoder-only language models available in three sizes.")
    found, _, _ = entities(nlp, paper)
    assert (found["Quillon"].type, found["Quillon"].role) == ("MODEL", "proposed")


def test_a_suite_of_tasks_is_still_a_benchmark(nlp):
    found, _, _ = entities(nlp, Paper("p-u", "A study", "We introduce FooBench, a suite of 12 reasoning tasks."))
    assert found["FooBench"].type == "DATASET"


def test_names_separated_by_vertical_bars_are_separate(nlp):
    paper = Paper("p-b", "A study", "We reach 75.1%|82.0% top-1 accuracy for ResNet-50|Swin-T.")
    found, _, _ = entities(nlp, paper)
    assert found["ResNet-50"].type == found["Swin-T"].type == "MODEL"
    assert not any("|" in name for name in found)


def test_a_survey_proposes_nothing_it_introduces(nlp):
    paper = Paper("p-s", "A Survey on Mixture of Experts", "We first introduce the structure of the MoE layer.")
    found, _, _ = entities(nlp, paper)
    assert found and all(e.role == "used" for e in found.values())


def test_a_noun_that_looks_like_a_naming_verb_proposes_nothing(nlp):
    paper = Paper("p-d", "A study", "These insights add to our understanding of model design for SMoE architectures.")
    found, _, _ = entities(nlp, paper)
    assert found and all(e.role == "used" for e in found.values())


def test_stream_benchmarks_built_from_a_dataset_are_their_own_datasets(nlp):
    paper = Paper("p-c", "A study", "We evaluate on Split CIFAR-100, Split ImageNet-R, Split QuuxBirds-200 and Permuted MNIST.")
    found, _, _ = entities(nlp, paper)
    assert {"Split CIFAR-100", "Split ImageNet-R", "Split QuuxBirds-200", "Permuted MNIST"} <= set(found)
    assert found["Split CIFAR-100"].type == found["Split QuuxBirds-200"].type == "DATASET"
    assert found["Split CIFAR-100"].family == "CIFAR-100" and "CIFAR-100" not in found



def test_an_image_size_after_a_dataset_is_that_dataset_at_that_size(nlp):
    paper = Paper("p-r", "Fast sampling", "It surpasses diffusion models on ImageNet-256x256 with 1.99 FID and on CelebA-HQ 1024x1024.")
    found, _, _ = entities(nlp, paper)
    assert found["ImageNet-256x256"].type == found["CelebA-HQ 1024x1024"].type == "DATASET"
    assert (found["ImageNet-256x256"].family, found["CelebA-HQ 1024x1024"].family) == ("ImageNet", "CelebA-HQ")

def test_a_learning_setting_before_a_known_task_makes_a_task_of_its_own(nlp):
    paper = Paper("p-t", "A study", "We study zero-shot question answering and long-tailed instance segmentation "
                  "on multimodal object detection data.")
    found, _, _ = entities(nlp, paper)
    assert found["zero-shot question answering"].type == found["long-tailed instance segmentation"].type == "TASK"
    assert found["zero-shot question answering"].family == "question answering"
    assert "multimodal object detection" not in found  # a modality is a description, not a setting
    # a title's setting over an abstract that names the task plainly frames it, and is no task of its own
    paper = Paper("p-ts", "Zero-Shot Dialogue State Tracking with Zorbs", "Dialogue state tracking (DST) tracks slots. "
                  "We study dialogue state tracking without in-domain data.")
    assert [e.name for e in entities(nlp, paper)[0].values() if e.type == "TASK"] == ["dialogue state tracking"]


def test_a_headline_gerund_proposes_a_versioned_name_and_its_variants(nlp):
    paper = Paper("p-v", "Adapting LLMs to Welsh: Unveiling QuuxLM 2.0 with a New Vocabulary",
                  "We also release QuuxLM-Instruct and compare it with Mistral 7B.")
    found, _, _ = entities(nlp, paper)
    assert (found["QuuxLM 2.0"].type, found["QuuxLM 2.0"].role) == ("MODEL", "proposed")
    assert found["Mistral 7B"].role == "used"
    headline = Paper("p-w", "Unveiling the Mechanisms of Chain-of-Thought", "We study chain-of-thought prompting.")
    assert all(e.role == "used" for e in entities(nlp, headline)[0].values())


def test_a_variant_of_a_proposed_model_is_proposed(nlp):
    paper = Paper("p-x", "QuuxLM: A Welsh Model", "We release QuuxLM and QuuxLM-Instruct, trained on 1T tokens.")
    found, _, _ = entities(nlp, paper)
    assert found["QuuxLM-Instruct"].role == "proposed"


@pytest.mark.parametrize("title, abstract", [
    ("Knowing When to Call: Zorb", "We learn when to call tools. We find that call decisions correlate with confidence."),
    ("Digits Deserve Better: Number Tokens", "We study how numbers are split into tokens."),
    ("Geometry First: Two-Stage Zorbing", "We generate shapes before texture."),
    ("Subwords Hurt Syntax: Zorb-Aligned Tokenization", "We retokenize inputs for parsers."),
])
def test_slogans_and_nouns_name_nothing_new(nlp, title, abstract):
    assert not [e for e in entities(nlp, Paper("p-sl", title, abstract))[0].values() if e.role == "proposed"]


def test_a_curated_model_that_ends_the_papers_own_name_stays_used(nlp):
    paper = Paper("p-cms", "Compact SAM", "Segment Anything Model 2 (SAM 2) segments video. We propose Compact Memory SAM "
                  "(CM-SAM), 9x faster than SAM 2-Tiny.")
    found, _, _ = entities(nlp, paper)
    assert found["CM-SAM"].role == "proposed" and found["SAM 2"].role == found["SAM 2-Tiny"].role == "used"


def test_a_head_after_an_abbreviation_pair_types_it(nlp):
    paper = Paper("p-m", "A study", "We propose a Multi-domain Zorb Incremental Learning (MZIL) benchmark. "
                  "Results on MZIL are strong.")
    found, _, _ = entities(nlp, paper)
    assert (found["MZIL"].type, found["MZIL"].role) == ("DATASET", "proposed")


def test_a_describing_word_between_a_name_and_a_data_head(nlp):
    paper = Paper("p-n", "A study", "We outperform FooNet on the QuuxEcg downstream datasets.")
    found, _, _ = entities(nlp, paper)
    assert found["QuuxEcg"].type == "DATASET"


def test_a_name_turned_modifier_is_not_a_node(nlp):
    paper = Paper("p-q", "A study", "We train QuuxPCs-driven models and FooNet-guided models.")
    found, _, _ = entities(nlp, paper)
    assert not any(name.endswith(("-driven", "-guided")) for name in found), found


def test_a_named_corpus_is_its_name_and_its_variants_share_its_role(nlp):
    paper = Paper("p-r", "CVSS Corpus and Multilingual Speech Translation",
                  "We introduce CVSS, a corpus. CVSS-C and CVSS-T are its two versions, built on CoVoST 2.")
    found, _, _ = entities(nlp, paper)
    assert "CVSS Corpus" not in found and found["CVSS"].role == "proposed"
    assert found["CVSS-C"].role == found["CVSS-T"].role == "proposed"
    assert found["CoVoST 2"].role == "used"


def test_a_known_term_before_a_head_is_what_an_unnamed_thing_is_for(nlp):
    paper = Paper("p-f", "A study", "We construct a supervised fine-tuning (SFT) dataset enabling models to chat.")
    found, _, _ = entities(nlp, paper)
    assert (found["supervised fine-tuning"].type, found["supervised fine-tuning"].role) == ("METHOD", "used")


def test_an_appositive_reads_through_hyphenated_compounds_and_asides(nlp):
    paper = Paper("p-g", "A study", "We introduce QUARGE, a pre-trained sequence-to-sequence model learned with a new "
                  "objective. We also introduce QVSX, a multilingual speech-to-speech translation (S2ST) corpus.")
    found, _, _ = entities(nlp, paper)
    assert (found["QUARGE"].type, found["QUARGE"].role) == ("MODEL", "proposed")
    assert found["QVSX"].type == "DATASET"


def test_every_coordinated_proposal_and_a_long_form_inside_a_named_run_is_proposed(nlp):
    paper = Paper("p-k", "A study", "To fix it, we propose two techniques QuuxDA and ZorbFusion, which help. "
                  "We propose a method named Adaptive Quux Adjustment and Zorb Fusion (QAZF). QAZF works.")
    found, _, _ = entities(nlp, paper)
    assert found["QuuxDA"].role == found["ZorbFusion"].role == found["QAZF"].role == "proposed"


def test_a_coined_name_the_authors_call_theirs_is_proposed(nlp):
    paper = Paper("p-o", "A study", "We train models on web text. Our instruction-tuned QuuxLaM models beat GPT-4, "
                  "and our MoE variants are fast.")
    found, _, _ = entities(nlp, paper)
    assert found["QuuxLaM"].role == "proposed"
    assert found["GPT-4"].role == "used" and found["mixture of experts"].role == "used"


def test_a_capitalised_word_and_a_version_after_a_naming_verb_is_the_proposal(nlp):
    paper = Paper("p-b2", "A report", "In this technical report, we present Quuxchuan 2, a series of large-scale "
                  "multilingual language models. Quuxchuan 2 matches Llama 2 on MMLU.")
    found, _, _ = entities(nlp, paper)
    assert (found["Quuxchuan 2"].type, found["Quuxchuan 2"].role) == ("MODEL", "proposed")
    assert found["Llama 2"].role == "used"


def test_extra_size_words_belong_to_the_model_before_them(nlp):
    paper = Paper("p-xs", "A study", "We distil DebertaV3 XSmall and compare with RoBERTa-XLarge.")
    found, _, _ = entities(nlp, paper)
    # a size a curated entry lists is that entry's node, under its curated name
    assert {"DeBERTaV3-xsmall", "RoBERTa-XLarge"} <= set(found) and "XSmall" not in found
    assert found["DeBERTaV3-xsmall"].family == "DeBERTaV3" and found["DeBERTaV3-xsmall"].text == "DebertaV3 XSmall"


def test_a_slash_between_two_names_separates_them(nlp):
    paper = Paper("p-sl", "A study", "We fine-tune QuuxLM/ZorbLM models and ViT-B/16 on ImageNet.")
    found, _, _ = entities(nlp, paper)
    assert {"QuuxLM", "ZorbLM", "ViT-B/16"} <= set(found), found


def test_a_rate_or_ratio_is_a_metric_only_when_curated(nlp):
    paper = Paper("p-rr", "A study", "We track the heart rate and the data composition ratio; the success rate rises.")
    found, _, _ = entities(nlp, paper)
    assert "heart rate" not in found and "data composition ratio" not in found
    assert found["success rate"].type == "METRIC"


def test_hardware_is_never_a_model(nlp):
    paper = Paper("p-h", "A study", "We train FooLM-7B and BarLM-7B on a single NVIDIA RTX 4060 Ti and on 8 H100 GPUs.")
    found, _, _ = entities(nlp, paper)
    assert found["FooLM-7B"].type == "MODEL"
    assert not {"NVIDIA", "RTX", "H100"} & set(found)


def test_a_head_word_before_called_types_the_name(nlp):
    paper = Paper("p-n", "A study", "It is trained with a training methodology called QuixScale. "
                  "This is the so-called ZorbEffect.")
    found, _, _ = entities(nlp, paper)
    assert (found["QuixScale"].type, found["QuixScale"].role) == ("METHOD", "proposed")
    assert "ZorbEffect" not in found


def test_names_listed_after_a_head_and_a_cue_take_its_type(nlp):
    paper = Paper("p-i", "A study", "Most existing models, including QTN (Smith et al., 2013), fail. "
                  "We test on benchmarks such as FooQA and BarQA.")
    found, _, _ = entities(nlp, paper)
    assert found["QTN"].type == "MODEL"
    assert found["FooQA"].type == found["BarQA"].type == "DATASET"


def test_a_task_phrase_done_on_named_data_is_a_task(nlp):
    paper = Paper("p-k", "A study", "We transfer the models to kidney segmentation in the KIDX dataset. "
                  "We also like apple segmentation in general.")
    found, _, _ = entities(nlp, paper)
    assert found["kidney segmentation"].type == "TASK"
    assert "apple segmentation" not in found


@pytest.mark.parametrize("title, task", [
    ("ZorbLadder: Curriculum Learning for Repository-Level Program Repair with Feedback", "Repository-Level Program Repair"),
    ("Prompting for Cross-Document Zorbic Resolution", "Cross-Document Zorbic Resolution"),
    ("Few-Step Diffusion for Low-Light Sonar Enhancement", "Low-Light Sonar Enhancement"),
])
def test_a_problem_a_title_is_for_is_a_task(nlp, title, task):
    found, _, _ = entities(nlp, Paper("p-r", title, "We study the problem closely and report results."))
    assert found[task].type == "TASK"


def test_a_curated_node_carries_the_lists_other_names(nlp):
    found, _, _ = entities(nlp, Paper("p-f", "A study", "We report FID scores on CIFAR-10."))
    assert "FID" in found["Fréchet Inception Distance"].aliases


def test_no_curated_model_lists_its_own_sizes_as_other_names():
    """ALMA-7B and ALMA-13B are two nodes with ALMA as family, never one ALMA node."""
    from kg.extract.gazetteer import load_gazetteer
    from kg.normalise import is_size_word, model_family, surface_key

    # "Llama-2-7b-hf" and "DeepSeek-Coder-33B-base" name the sized checkpoint itself; a size after the name does not
    sized = [(entry.name, alias) for entry in load_gazetteer(None) if entry.type == "MODEL" for alias in entry.aliases
             if (family := model_family(alias)) and surface_key(family) == surface_key(entry.name)
             and is_size_word(re.split(r"[\s_-]+", alias)[-1]) and not is_size_word(re.split(r"[\s_-]+", family)[-1])]
    assert not sized, sized[:10]


def test_a_name_matched_as_written_beats_a_case_free_plural_of_another(nlp):
    found, _, _ = entities(nlp, Paper("p-vits", "TTS", "We compare with VITS on LJSpeech. ViTs are vision models."))
    assert found["VITS"].text == "VITS" and "VITS" not in found["ViT"].aliases


def test_a_score_after_a_model_name_is_no_release_number(nlp):
    found, _, _ = entities(nlp, Paper("p-sc", "T", "On MMMU, GPT-4o reaches 0.83, Qwen2-VL-72B 0.74 and Zorb 0.61. "
                                      "We also use ERNIE 3.0."))
    assert "Qwen2-VL-72B" in found and "ERNIE 3.0" in found
    assert not any(" 0." in name for name in found)


def test_a_curated_task_that_narrows_another_is_its_variant(nlp):
    paper = Paper("p-tn", "T", "We study text-to-image generation, video anomaly detection and video-text retrieval.")
    found, _, _ = entities(nlp, paper)
    assert found["text-to-image generation"].family == "image generation"
    assert found["video anomaly detection"].family == "anomaly detection"
    assert found["video-text retrieval"].family is None  # a cross-modal task, not text retrieval
    from kg.extract.gazetteer import load_gazetteer

    families = {e.name: e.family for e in load_gazetteer(None) if e.type == "TASK"}
    assert families["RNA secondary structure prediction"] is None  # an alias's tail names no protein task


def test_every_sense_of_a_short_form_is_a_curated_entry_or_marked_unlisted():
    from kg.extract.gazetteer import GAZETTEER_DIR, load_gazetteer
    from kg.extract.senses import load_senses

    names = {entry.name for entry in load_gazetteer(None)}
    assert load_senses(GAZETTEER_DIR)
    # a sense no list holds ("average treatment effect" of ATE) must say so, so a misspelt name still fails
    raw = [json.loads(line) for line in (GAZETTEER_DIR / "senses.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert not [sense["name"] for entry in raw for sense in entry["senses"] if sense["name"] not in names and not sense.get("unlisted")]


def test_sizes_of_a_curated_model_stay_two_nodes(nlp):
    found, _, _ = entities(nlp, Paper("p-z", "A study", "We compare ALMA-7B with ALMA-13B on translation."))
    assert found["ALMA-7B"].family == "ALMA" and found["ALMA-13B"].family == "ALMA"


def test_a_hub_link_after_a_name_types_it_by_what_it_points_at(nlp):
    paper = Paper("p-h", "Zorblex: data for pre-training", "We present Zorblex (https://huggingface.co/datasets/org/Zorblex), "
                  "a high-quality subset of web text. We release QuenFo (https://huggingface.co/org/QuenFo), a framework.")
    found, _, _ = entities(nlp, paper)
    assert found["Zorblex"].type == "DATASET" and found["Zorblex"].role == "proposed"
    assert found["QuenFo"].type == "MODEL"  # the repository link outranks the head word


def test_a_loss_named_after_a_person_or_form_is_a_method(nlp):
    paper = Paper("p-l", "Faster consistency", "We replace the reconstruction loss with Pseudo-Huber losses and a Cauchy loss.")
    found, _, _ = entities(nlp, paper)
    assert found["Pseudo-Huber losses"].type == "METHOD" and found["Cauchy loss"].type == "METHOD"
    assert not any("reconstruction" in name for name in found)


def test_a_known_name_after_a_plural_class_keeps_its_own_identity(nlp):
    paper = Paper("p-c", "Long tails", "Various data efficient approaches (DeiT) train ViT on balanced data. "
                  "Pre-trained Programming Language Models (PPLMs) are strong.")
    found, _, _ = entities(nlp, paper)
    assert found["DeiT"].type == "MODEL" and not any("approaches" in name for name in found)
    assert "PPLM" not in found  # the paper's own plural abbreviation, not the curated plug-and-play LM


def test_what_a_new_dataset_is_compared_with_is_data(nlp):
    paper = Paper("p-k", "Zorblex: a corpus", "We present Zorblex, a new pre-training dataset. Models trained on it "
                  "beat those trained on QuenPile and WanjuV1 when compared at equal cost.")
    found, _, _ = entities(nlp, paper)
    assert found["QuenPile"].type == "DATASET" and found["WanjuV1"].type == "DATASET"
    benchmark = Paper("p-k2", "ZorbBench: a benchmark", "We present ZorbBench, a new retrieval benchmark. "
                      "ColZorb outperforms QuenRetr and DrexSearch on it.")
    found, _, _ = entities(nlp, benchmark)
    assert found["QuenRetr"].type != "DATASET"  # rival systems, not data


def test_a_short_form_defined_for_short_pairs_with_its_long_form(nlp):
    paper = Paper("p-f", "Neighbours", "We build on Leave-One-Out Zorb Neighbours, or LOOZN for short, and on "
                  "Quasi Ranked Pooling (QRP for short), or on Leave Zorb Out, or LZ-O for short.")
    found, _, _ = entities(nlp, paper)
    assert "LOOZN" in found["Leave-One-Out Zorb Neighbours"].aliases
    assert "QRP" in found["Quasi Ranked Pooling"].aliases
    assert "LZ-O" in found["Leave Zorb Out"].aliases


def test_a_long_form_spelled_by_initials_over_function_words_is_whole(nlp):
    paper = Paper("p-gl", "Zero-shot", "We propose Image-free Contrast Injection with Semantics (ICIS) for zorbs.")
    found, _, _ = entities(nlp, paper)
    assert found["ICIS"].aliases == ("Image-free Contrast Injection with Semantics",)  # not "Injection with Semantics"


def test_a_size_list_stands_for_the_family(nlp):
    paper = Paper("p-z", "Upcycling", "Upcycled T5 Base, Large, and XL models beat Llama 2 7B, GPT-4 and Mistral 7B.")
    found, _, _ = entities(nlp, paper)
    assert "T5" in found and "T5 Base" not in found
    written = Paper("p-z3", "Upcycling", "Upcycled Vision Transformer Base and Large models win.")
    assert "Vision Transformer" in entities(nlp, written)[0]["ViT"].aliases  # the family as the list writes it
    assert {"Llama 2 7B", "Mistral 7B"} <= set(found)
    prose = Paper("p-z2", "Tuning", "We fine-tune Mistral 7B and it outperforms Llama 2 7B and small models.")
    found, _, _ = entities(nlp, prose)
    assert {"Mistral 7B", "Llama 2 7B"} <= set(found)


def test_the_graph_links_each_size_a_list_names_to_its_family(nlp):
    paper = Paper("p-s", "Pruning", "We prune OPT-2.7B/6.7B/13B models and upcycle T5 Base, Large, and XL. "
                  "We release ZorbLM-7B, 13B and 70B. We also compare with OPT.")
    _, mentions, links = entities(nlp, paper)
    graph = build_graph([PaperEntities(paper, to_entities(paper, mentions), links)])
    linked = {graph.nodes[key]["name"]: data for _, key, data in graph.out_edges("p-s", data=True)}
    assert {"OPT-2.7B", "OPT-6.7B", "OPT-13B", "T5-Base", "T5-Large", "T5-XL", "ZorbLM-70B"} <= set(linked)  # curated spellings
    assert graph.has_edge("model:opt13b", "model:opt") and graph.has_edge("model:t5xl", "model:t5")
    assert linked["OPT-13B"]["text"] == "OPT-2.7B/6.7B/13B" and linked["OPT-13B"]["rule"] == "size-list"
    assert "We prune OPT-2.7B/6.7B/13B models" in linked["OPT-13B"]["sentence"]
    assert linked["ZorbLM-13B"]["role"] == "proposed"
    assert "OPT" in linked and "T5" not in linked  # the paper names OPT alone too; T5 only as its sizes
    assert not any("/" in alias or " and " in alias for _, alias in graph.nodes(data="aliases") if alias for alias in alias)


def test_a_size_list_never_overrides_the_papers_own_mention_of_a_size(nlp):
    def linked(text):
        paper = Paper("p-t", "A study", text)
        _, mentions, links = entities(nlp, paper)
        graph = build_graph([PaperEntities(paper, to_entities(paper, mentions), links)])
        return {graph.nodes[key]["name"]: data for _, key, data in graph.out_edges("p-t", data=True)}

    found = linked("We evaluate Llama-2-7B/13B/70B on GSM8K. We then fine-tune Llama 2-70B on MMLU.")
    assert found["Llama 2 70B"]["text"] == "Llama 2-70B" and found["Llama 2 70B"]["rule"] != "size-list"
    assert found["Llama 2 13B"]["rule"] == "size-list"
    found = linked("We study OPT on MMLU. We then evaluate OPT-2.7B/6.7B/13B on GSM8K.")
    assert len(found["OPT-13B"]["sentence_starts"]) == 1 and "MMLU" not in found["OPT-13B"]["sentence"]  # its own sentence only
    assert "OPT" in found
    assert "OPT" not in linked("We use OPT-2.7B/6.7B/13B. We opt for greedy decoding.")  # a word, not the name
    assert "Pythia" not in linked("We use Pythia-1.4B/2.8B and Pythia 12B.")  # a size, not the family alone


def test_a_title_name_the_abstract_writes_as_a_known_models_release_is_a_model(nlp):
    paper = Paper("p-ev", "EVEv2: Improved Baselines for Encoder-Free Models",
                  "We study encoder-free models. After an investigation, we launch EVEv2.0, a new and improved "
                  "family of encoder-free VLMs. Our EVEv2.0 is a study of decoder-only design.")
    found, _, _ = entities(nlp, paper)
    assert (found["EVEv2"].type, found["EVEv2"].role) == ("MODEL", "proposed")  # EVEv2.0 = EVEv2, a release of EVE


def test_a_modality_before_a_head_is_no_name(nlp):
    paper = Paper("p-m", "Lesions", "We collect a multi-phase CT dataset and train on an artificial ECG model and AV datasets.")
    found, _, _ = entities(nlp, paper)
    assert not {"CT", "ECG", "AV"} & set(found)
    paired = Paper("p-m2", "Prompts", "We use Pattern-Exploiting Training (PET) on few examples.")
    assert "PET" in entities(nlp, paired)[0]["pattern-exploiting training"].aliases


def test_a_name_after_for_is_the_purpose_not_the_new_thing(nlp):
    paper = Paper("p-p", "A study", "We introduce a novel, multilingual dataset for AD detection. We also propose a "
                  "scalable framework for synthesizing a high-quality dataset, named OptZorb.")
    found, _, _ = entities(nlp, paper)
    assert "AD" not in found
    assert found["OptZorb"].type == "DATASET" and found["OptZorb"].role == "proposed"
    asides = Paper("p-p2", "A study", "We introduce, for the first time, ZorbNet, a model. We propose a benchmark for "
                   "retrieval, ZorbBench, with tasks.")
    found, _, _ = entities(nlp, asides)
    assert found["ZorbNet"].role == found["ZorbBench"].role == "proposed" and found["ZorbBench"].type == "DATASET"


def test_a_lower_case_term_the_paper_coins_is_proposed(nlp):
    paper = Paper("p-w", "Tuning", "Simple changes yield instruction following; we call this implicit zorb tuning. "
                  "We introduce a measure called average zorb length.")
    found, _, _ = entities(nlp, paper)
    assert found["implicit zorb tuning"].role == "proposed" and found["implicit zorb tuning"].type == "METHOD"
    assert found["average zorb length"].type == "METRIC"
    hyphenated = Paper("p-w3", "Thresholds", "We propose a scheme called quantile-matched zorb-training, which adapts thresholds.")
    found, _, _ = entities(nlp, hyphenated)
    assert found["quantile-matched zorb-training"].role == "proposed"  # hyphenated words count once, not per token
    described = Paper("p-w2", "Forgetting", "This phenomenon is often called zorbic forgetting. We use the term zorbination.")
    found, _, _ = entities(nlp, described)
    assert not any(e.role == "proposed" for e in found.values())


def test_a_lower_case_name_introduced_with_an_appositive_or_which_clause_is_proposed(nlp):
    paper = Paper("p-lc", "Patching", "We present zorbpatch, a lightweight scaffold for repair. We also introduce "
                  "lookahead zorbing, which drafts future queries. We present experiments, which show gains.")
    found, _, _ = entities(nlp, paper)
    assert found["zorbpatch"].role == found["lookahead zorbing"].role == "proposed"
    assert found["zorbpatch"].type == found["lookahead zorbing"].type == "METHOD"
    assert "experiments" not in found


def test_a_benchmark_the_authors_assemble_is_their_dataset(nlp):
    paper = Paper("p-ab", "Talking Heads", "To expand the training scale, we assemble Zorb2-Bench, comprising five public "
                  "datasets. We also compile ZorbQA from forum posts. Results on Zorb2-Bench improve.")
    found, _, _ = entities(nlp, paper)
    assert (found["Zorb2-Bench"].type, found["Zorb2-Bench"].role) == ("DATASET", "proposed")
    assert (found["ZorbQA"].type, found["ZorbQA"].role) == ("DATASET", "proposed")


def test_a_coined_name_the_authors_refer_to_something_as_is_proposed(nlp):
    paper = Paper("p-ref", "Continual Pre-training", "We continually pre-train Llama-3 8B. We refer to the model after "
                  "this stage as Zorb-3-SynE. Prior work is often referred to as ZorbOld.")
    found, _, _ = entities(nlp, paper)
    assert (found["Zorb-3-SynE"].type, found["Zorb-3-SynE"].role) == ("MODEL", "proposed")
    assert "ZorbOld" not in found or found["ZorbOld"].role == "used"


def test_a_pair_after_a_novel_is_the_papers(nlp):
    paper = Paper("p-nv", "ZorbMoE: A Training Framework", "It trains the experts with a novel Dense-to-Zorb gate (DTZ-Gate). "
                  "Unlike the Switch gate, DTZ-Gate starts dense.")
    found, _, _ = entities(nlp, paper)
    assert found["DTZ-Gate"].role == "proposed"


def test_a_known_model_with_a_written_version_or_size_is_that_variant(nlp):
    paper = Paper("p-v", "Compare", "We compare Claude v1.3 and Pythia 1.4B with 4 baselines.")
    found, _, _ = entities(nlp, paper)
    assert found["Claude v1.3"].type == "MODEL" and found["Claude v1.3"].family == "Claude"
    assert "Claude" not in found


def test_a_release_the_lists_do_not_hold_yet_is_a_variant_of_its_known_family(nlp):
    paper = Paper("p-vr", "Agents", "Our agent beats Claude Sonnet 4.6 and Llama 5 70B. Gemma 4 12B and Kimi K3 trail, "
                  "as does Mistral Large 3. It is 3.2 points above GPT-4 and runs GPT-4 3 times faster.")
    found, _, _ = entities(nlp, paper)
    for name in ("Claude Sonnet 4.6", "Llama 5 70B", "Gemma 4 12B", "Kimi K3", "Mistral Large 3"):
        assert found[name].type == "MODEL" and found[name].family, name
    assert found["Claude Sonnet 4.6"].family == "Claude" and found["Kimi K3"].family == "Kimi"
    assert not any(name.startswith("GPT-4 ") for name in found)  # a count after a name is no version


def test_point_releases_hyphenated_versions_and_small_tiers_are_variants(nlp):
    paper = Paper("p-pr", "Agents", "We fine-tune Stable Diffusion v1-5 and judge with GPT-5.4 mini, while GLM-4.7 "
                  "plans. We also report results on CIFAR-10.1.")
    found, _, _ = entities(nlp, paper)
    for name in ("Stable Diffusion v1-5", "GPT-5.4 mini", "GLM-4.7"):
        assert found[name].type == "MODEL", name
    assert found["CIFAR-10.1"].type == "DATASET"


def test_a_measure_given_with_an_equals_sign_is_reported_unless_it_sets_a_cutoff(nlp):
    paper = Paper("p-eq", "Detection", "ZorbDet reaches 55.9 mAP at tIoU=0.5 on ActivityNet-1.3 and AUC=0.91 (FPR=0).")
    found, _, _ = entities(nlp, paper)
    assert {"AUC", "false positive rate", "mean average precision"} <= set(found)
    assert "temporal IoU" not in found
    paper = Paper("p-eq2", "Detection", "It reaches 41.0 AP (IoU=0.7). Training plateaus at FID=3.2.")
    found, _, _ = entities(nlp, paper)
    assert "Fréchet Inception Distance" in found and "intersection over union" not in found


def test_a_second_described_name_after_and_in_a_proposing_sentence_is_proposed_too(nlp):
    paper = Paper("p-2nd", "Research agents", "We introduce ZorbBench, a benchmark for evaluating research agents in the "
                  "physical sciences, and QuuxAgent, a modular multi-agent framework for reliable reasoning. QuuxAgent "
                  "adds planning, unlike ReAct.")
    found, _, _ = entities(nlp, paper)
    assert (found["QuuxAgent"].type, found["QuuxAgent"].role) == ("METHOD", "proposed")
    assert found["ZorbBench"].role == "proposed" and found["ReAct"].role == "used"
    paper = Paper("p-2nd-no", "Multi-hop", "We introduce ZorbHop, a benchmark derived from HotpotQA, a multi-hop QA "
                  "dataset, and QuuxQA, a compositional QA dataset. We propose ChipBench, a reinforcement learning "
                  "method for macro placement.")
    found, _, _ = entities(nlp, paper)
    assert found["QuuxQA"].role == "used" and found["ZorbHop"].role == "proposed"
    assert found["ChipBench"].type == "METHOD"  # said to be a method, whatever its name ends in


def test_a_lower_case_technique_the_authors_add_is_theirs(nlp):
    paper = Paper("p-lct", "Faster decoding", "We introduce multi-block decoding with a new sampler. To stabilise "
                  "agents, we design turn-level rewards based on information gain. We propose prototype-calibrated "
                  "prompting, dubbed PCP, and we introduce the loss.")
    found, _, _ = entities(nlp, paper)
    for name in ("multi-block decoding", "turn-level rewards"):
        assert (found[name].type, found[name].role) == ("METHOD", "proposed"), name
    assert "PCP" in found and "prototype-calibrated prompting" not in found  # one node for the named pair


def test_an_evaluation_framework_or_a_dash_joined_benchmark_is_data(nlp):
    paper = Paper("p-ef", "Robustness of reasoning", "We introduce ZorbLogic, an English--Chinese aligned benchmark that "
                  "tests models. We also introduce QuuxProbe-Agent, a controlled evaluation framework that builds "
                  "documents, and compare with BarAgent, a modular agent framework.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbLogic"].type == "DATASET" and found["QuuxProbe-Agent"].type == "DATASET"


def test_numbers_and_codes_after_a_model_that_are_no_release(nlp):
    paper = Paper("p-nr", "Sampling", "We sample GPT-4 Turbo 8 responses; Claude 3 Opus 4 seeds agree. A YOLOv8 P2 head "
                  "reads ResNet-50 C5 features, and Llama-2-7B T4 latency is low. Each GPT-2 mini-batch holds 512 "
                  "sequences; YOLO v3-5 detectors and Gemini 2.5 Pro 06-05 are compared at temperature T=0.7.")
    found, _, _ = entities(nlp, paper)
    names = set(found)
    for wrong in ("GPT-4 Turbo 8", "Claude 3 Opus 4", "YOLOv8 P2", "ResNet-50 C5", "Llama 2 7B T4", "GPT-2 mini",
                  "YOLO v3-5", "Gemini 2.5 Pro 06", "T=0.7"):
        assert not any(name.startswith(wrong) for name in names), wrong
    assert {"GPT-4 Turbo", "ResNet-50", "GPT-2", "Gemini 2.5 Pro"} <= names


def test_ordinary_phrases_are_not_the_new_curated_names(nlp):
    paper = Paper("p-op", "Games", "We solve a two-player zero-sum matrix game and study blur kernel generation. Users' "
                  "web browsing histories help, as 200 AI scientists said, and big math problems remain.")
    found, _, _ = entities(nlp, paper)
    assert not {"Matrix-Game 2.0", "kernel generation", "web browsing", "automated scientific discovery", "Big-Math"} & set(found)


def test_a_rate_or_score_the_paper_defines_with_a_short_form_is_a_measure(nlp):
    paper = Paper("p-dm", "Misleading documents", "We report a report-level false-conclusion adoption rate (FCAR) and "
                  "a Zorb Utilization Index (ZUI), trained with a cosine learning rate (CLR) schedule.")
    found, _, _ = entities(nlp, paper)
    assert found["false-conclusion adoption rate"].type == "METRIC" and "FCAR" in found["false-conclusion adoption rate"].aliases
    assert found["Zorb Utilization Index"].type == "METRIC"
    assert all(e.type != "METRIC" for e in found.values() if "learning rate" in (e.name + " " + " ".join(e.aliases)))


def test_a_kind_of_question_answering_named_by_one_describing_word_is_its_own_task(nlp):
    paper = Paper("p-qa", "A benchmark", "It covers multimodal QA, long-context QA and open-domain QA; we generate QA "
                  "pairs for a Japanese business domain QA benchmark, including Question Answering.")
    found, _, _ = entities(nlp, paper)
    for name in ("multimodal question answering", "long-context QA"):  # the curated long form's node
        assert found[name].type == "TASK" and found[name].family == "question answering", name
    assert "multimodal QA" in found["multimodal question answering"].aliases
    assert "open-domain question answering" in found
    assert not {"domain QA", "business domain QA", "including Question Answering"} & set(found)


def test_sizes_alone_name_no_model(nlp):
    paper = Paper("p-sz", "Zorb-GUI Technical Report", "We introduce Zorb-GUI, a family of models (4B/8B) for GUI agents, "
                  "and report KernelBench (L1/L2/L3) scores.")
    found, _, _ = entities(nlp, paper)
    assert "4B/8B" not in found and "L1/L2/L3" not in found and "Zorb-GUI" in found


def test_a_proposed_name_ending_in_bench_is_a_benchmark_whatever_the_paper_calls_it(nlp):
    paper = Paper("p-hb", "How much does retrieval add?", "We introduce ZorbRAG-Bench, a contamination-aware benchmarking "
                  "framework for evaluating retrieval.")
    found, _, _ = entities(nlp, paper)
    assert (found["ZorbRAG-Bench"].type, found["ZorbRAG-Bench"].role) == ("DATASET", "proposed")


def test_capitalised_words_right_after_a_proposing_verb_name_the_new_thing(nlp):
    paper = Paper("p-r", "Catalysts", "To constrain the space, we introduce Random Zorb Traversal and train a DQN agent.")
    found, _, _ = entities(nlp, paper)
    assert found["Random Zorb Traversal"].role == "proposed" and found["Random Zorb Traversal"].type == "METHOD"
    assert found["DQN"].role == "used"


def test_a_name_marked_as_prior_work_is_used_not_proposed(nlp):
    paper = Paper("p-s", "Flat regions", "We propose to leverage a recently introduced training method, named "
                  "Sharpness-aware Zorbing, which finds flat minima.")
    found, _, _ = entities(nlp, paper)
    assert all(e.role == "used" for e in found.values())


def test_a_name_describing_what_a_called_name_is_stays_used(nlp):
    paper = Paper("p-e", "EvoZorb", "We propose an efficient end-to-end MoE training framework called EvoZorb.")
    found, _, _ = entities(nlp, paper)
    assert found["EvoZorb"].role == "proposed" and found["mixture of experts"].role == "used"


def test_a_title_case_run_ending_in_a_technique_word_is_a_method(nlp):
    paper = Paper("p-t", "Zorb Nets at Scale",
                  "We scale Zorb nets with Large Batch Zorbing Training and rely on Large Language Models. "
                  "A new router, Zorb Router, is proposed. We add Quorb Alignment, a novel objective. "
                  "Sparse Zorb Training is left out.")
    found, _, _ = entities(nlp, paper)
    assert (found["Large Batch Zorbing Training"].type, found["Large Batch Zorbing Training"].role) == ("METHOD", "used")
    assert (found["Zorb Router"].type, found["Zorb Router"].role) == ("METHOD", "proposed")
    assert found["Quorb Alignment"].role == "proposed"
    # a sentence capitalises its first word, and generic phrases are no names
    assert not {"Sparse Zorb Training", "Large Language Models"} & set(found)


def test_a_title_case_run_in_the_title_or_by_earlier_work_is_no_new_method(nlp):
    paper = Paper("p-u", "Does Zorbing Help? An Analysis of Large Zorb Training",
                  "We use The Grad Noise Injection, which was introduced by Smith et al. Unlike our baseline, "
                  "Zorb Layer Fusion works.")
    found, _, _ = entities(nlp, paper)
    assert "Large Zorb Training" not in found
    assert found["Grad Noise Injection"].role == "used" and found["Zorb Layer Fusion"].role == "used"


def test_a_title_with_a_question_mark_is_one_sentence(nlp):
    paper = Paper("p-q", "Does GSM8K Help? ZorbNet: A Model", "We train ZorbNet on GSM8K.")
    _, mentions, _ = entities(nlp, paper)
    assert {m.sentence for m in mentions if m.start < len(paper.title)} == {paper.title}


def test_named_before_a_coined_entity_name_still_names_it(nlp):
    found, _, _ = entities(nlp, Paper("p-g", "Logs", "We train a second model named Entity-Zorb on logs."))
    assert found["Entity-Zorb"].role == "proposed"


def test_named_entity_recognition_names_nothing_new(nlp):
    paper = Paper("p-n", "Tagging", "We study named entity recognition (NER) in clinical notes. NER is hard.")
    found, _, _ = entities(nlp, paper)
    assert [(e.name, e.type, e.role) for e in found.values()] == [("named entity recognition", "TASK", "used")]


def test_a_token_glued_across_a_bracket_is_no_name(nlp):
    paper = Paper("p-b", "Mix", "Our mix rivals Zorb-2 (7B)x2014a model trained for twice as long.")
    found, _, _ = entities(nlp, paper)
    assert not any("(" in name or ")" in name for name in found)


def test_a_curated_name_that_modifies_a_noun_is_not_the_new_thing(nlp):
    paper = Paper("p-m", "Zorbformer: Small Encoders",
                  "We present Zorbformer, a compact BERT model. We also present ImageNet samples. "
                  "We design a family of ResNet architectures, ZorbNet-RS, for speed.")
    found, _, _ = entities(nlp, paper)
    assert found["BERT"].role == "used" and found["ImageNet"].role == "used" and found["ResNet"].role == "used"
    assert found["ZorbNet-RS"].role == "proposed" and found["Zorbformer"].role == "proposed"


def test_a_name_a_proposed_method_leveraged_is_used(nlp):
    paper = Paper("p-l", "Fast Translation", "Our proposed method leveraged the multilingual model (mBART) for Zorbish.")
    found, _, _ = entities(nlp, paper)
    assert found["mBART"].role == "used"


def test_after_a_curated_modifier_only_a_set_off_name_is_the_new_thing(nlp):
    found, _, _ = entities(nlp, Paper("p-d", "Adapters", "We propose a LLaMA adapter trained with DPO on GSM8K."))
    assert found["DPO"].role == "used" and all(e.role == "used" for e in found.values()), found
    found, _, _ = entities(nlp, Paper("p-e", "Data", "We introduce a new dataset used in our experiments, named ZorbSet, for QA."))
    assert found["ZorbSet"].role == "proposed"


def test_a_curated_pair_before_a_noun_describes_an_unnamed_new_thing(nlp):
    paper = Paper("p-x", "Zorb", "We propose a novel Mixture-of-Experts (MoE) multi-stage training strategy for Zorb.")
    found, _, _ = entities(nlp, paper)
    assert found["mixture of experts"].role == "used"


def test_a_plain_capitalised_name_set_off_after_the_verb_is_proposed(nlp):
    found, _, _ = entities(nlp, Paper("p-z", "Study", "In this paper we propose Quillan, a novel framework for question answering."))
    assert (found["Quillan"].type, found["Quillan"].role) == ("METHOD", "proposed")


def test_a_titled_run_ending_in_a_defined_pair_is_named_whole(nlp):
    paper = Paper("p-b", "Faster Zorbing", "We propose Blockwise Zorbing Rate (ZR), a strategy that tailors the ZR to each block.")
    found, _, _ = entities(nlp, paper)
    assert found["Blockwise Zorbing Rate"].role == "proposed"
    assert all(e.role == "used" for name, e in found.items() if name != "Blockwise Zorbing Rate")


@pytest.mark.parametrize("title, kind", [
    ("Zorb Core and Zorb Edge: A Series of Multimodal Language Models", "MODEL"),
    ("Zorb Core and Zorb Edge: A Family of Open Datasets for Speech", "DATASET"),
    ("Zorb Core: An Open, Large-Scale, and Diverse Dataset for Speech", "DATASET"),  # past the listed adjectives
    ("Zorb Core: A Visual, Vertical and Verifiable Benchmark for Agents", "DATASET"),
    ("Zorb Core: A Project-Grounded, Verification-Gated Agent Harness for Code", "METHOD"),
    ("Faster Zorbing at Scale", "METHOD"),
    ("Zorb Core and Zorb Edge: Automatically Interpreting Language Models at Scale", "METHOD"),
])
def test_a_titled_run_takes_the_type_its_title_gives_it(nlp, title, kind):
    found, _, _ = entities(nlp, Paper("p-t", title, "We introduce Zorb Core and compare it with prior work."))
    assert (found["Zorb Core"].type, found["Zorb Core"].role) == (kind, "proposed")


def test_two_names_joined_by_an_ampersand_before_a_title_colon_are_not_one_name(nlp):
    paper = Paper("p-amp", "ZorbThinker-1.7 & H1: Towards Heavy-Duty Research Agents",
                  "We present ZorbThinker-1.7, a new research agent. We further introduce ZorbThinker-H1.")
    found, _, _ = entities(nlp, paper)
    assert {"ZorbThinker-1.7", "ZorbThinker-H1"} <= set(found) and not [name for name in found if "&" in name], sorted(found)


def test_a_title_name_the_paper_defines_takes_its_own_type_not_the_curated_one(nlp):
    paper = Paper("p-s", "SPICE: Skill-Aware Data Selection",
                  "We present Skill-aware Pruning of Instruction Corpora for Efficiency (SPICE), a data selection method. "
                  "SPICE scores each example.")
    found, _, _ = entities(nlp, paper)
    spice = next(e for e in found.values() if "SPICE" in (e.name, *e.aliases))
    assert (spice.type, spice.role) == ("METHOD", "proposed") and len([e for e in found.values() if "SPICE" in e.name]) == 0


@pytest.mark.parametrize("title, kind", [
    ("DICE: Diffusion Language Models Excel at Generating CUDA Kernels", "METHOD"),  # letters shared with the Dice coefficient
    ("CIDEr: Consensus-based Image Description Evaluation", "METRIC"),  # the measure's own paper
])
def test_a_title_name_spelling_a_curated_measure_is_that_measure_only_where_the_title_speaks_of_measuring(nlp, title, kind):
    name = title.split(":")[0]
    found, _, _ = entities(nlp, Paper("p-d", title, f"We fine-tune a model. {name} beats Qwen2.5-Coder on KernelBench."))
    proposed = [e for e in found.values() if e.role == "proposed"]
    assert [(e.name, e.type) for e in proposed] == [(name, kind)]


def test_by_proposing_after_we_names_the_new_thing(nlp):
    paper = Paper("p-g", "Diffusion for Text", "We challenge this view by introducing Zorbla, a diffusion model trained from scratch.")
    found, _, _ = entities(nlp, paper)
    assert found["Zorbla"].role == "proposed"
    found, _, _ = entities(nlp, Paper("p-g2", "Study", "Introducing Zorbla was hard for the field."))
    assert found.get("Zorbla") is None or found["Zorbla"].role == "used"


def test_a_hyphenated_participle_is_no_proposing_verb(nlp):
    paper = Paper("p-h2", "Study", "LLaDA beats our self-constructed ZorbLM baselines on GSM8K.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbLM"].role == "used"


def test_examples_after_such_as_and_names_in_a_with_phrase_are_used(nlp):
    paper = Paper("p-s2", "Search", "We introduce different search algorithms, such as random search and Monte Carlo tree search (MCTS).")
    found, _, _ = entities(nlp, paper)
    assert found["Monte Carlo tree search"].role == "used"
    paper = Paper("p-w", "Study", "We present tuning experiments with a small model -- TinyLlama. We then propose a "
                  "framework with parametric augmentation, ZorbCL, which is fast.")
    found, _, _ = entities(nlp, paper)
    assert found["TinyLlama"].role == "used" and found["ZorbCL"].role == "proposed"


def test_a_proposed_participle_ends_at_a_preposition(nlp):
    paper = Paper("p-c", "Adapters", "We insert our proposed adapters in CodeBERT and evaluate on code summarization.")
    found, _, _ = entities(nlp, paper)
    assert found["CodeBERT"].role == "used"


def test_names_set_off_or_new_inside_a_with_phrase_and_verbs_after_a_hyphen_are_proposed(nlp):
    for text, names in [
        ("We present a framework with two modules: ZorbEnc and ZorbDec.", ["ZorbEnc", "ZorbDec"]),
        ("We propose a model with a novel attention ZorbAttn for speed.", ["ZorbAttn"]),
        ("We re-introduce ZorbNet, a network for speed.", ["ZorbNet"]),
        ("We describe the proposed family of ZorbLM models.", ["ZorbLM"]),
    ]:
        found, _, _ = entities(nlp, Paper("p-r", "Study", text))
        assert all(found[name].role == "proposed" for name in names), (text, found)


def test_a_subtitle_whose_initials_spell_the_title_name_is_its_long_form(nlp):
    paper = Paper("p-t", "ZAPT: Zonal Attention Pruning and Tuning for Language Models", "ZAPT prunes heads of BERT.")
    found, _, _ = entities(nlp, paper)
    assert found["ZAPT"].role == "proposed" and "Zonal Attention Pruning and Tuning" in found["ZAPT"].aliases
    paper = Paper("p-t2", "ZBLSP: Zorb Bootstrapped Language-Speech Pre-training at Scale", "ZBLSP aligns speech.")
    found, _, _ = entities(nlp, paper)
    assert "Zorb Bootstrapped Language-Speech Pre-training" in found["ZBLSP"].aliases
    # a curated short form spelled out as something else is typed by the paper's own words
    paper = Paper("p-t3", "DER: Dynamically Expandable Representation for Class Incremental Learning", "DER grows.")
    found, _, _ = entities(nlp, paper)
    assert (found["DER"].type, found["DER"].role) == ("METHOD", "proposed")
    found, _, _ = entities(nlp, Paper("p-t4", "ZL2: Zorbing Language Learning", "ZL2 is a model."))
    assert not any("Zorbing" in a for a in found["ZL2"].aliases)


def test_a_curated_name_ending_in_a_capital_s_has_no_plus_s_plural(nlp):
    paper = Paper("p-g", "Spin Models", "Far from the spin glass limit, the network still learns.")
    found, _, _ = entities(nlp, paper)
    assert "GlaS" not in found, found


def test_every_curated_alias_is_one_name():
    """A comma inside an alias joined several names into one form that could never match."""
    from kg.extract.gazetteer import load_gazetteer

    sentences = {"Quick, Draw!", "Bigger, Better, Faster", "modular reasoning, knowledge and language", "Do As I Can, Not As I Say"}
    joined = [(e.name, a) for e in load_gazetteer() for a in e.aliases if "," in a and a not in sentences]
    assert joined == []


def test_a_code_host_written_without_its_scheme_is_a_repository(nlp):
    paper = Paper("p-l", "ZorbNet", "We release ZorbNet. Code: github.com/Org/ZorbNet. Data: "
                  "https://huggingface.co/datasets/Org/ZorbSet and https://huggingface.co/datasets/Org/ZorbSet-HQ.")
    (_, mentions, links), = extract([paper], nlp=nlp)
    graph = build_graph([PaperEntities(paper, to_entities(paper, mentions), links)])
    repos = sorted(attrs["url"] for _, attrs in graph.nodes(data=True) if attrs["label"] == "Repository")
    assert repos == ["https://github.com/Org/ZorbNet", "https://huggingface.co/datasets/Org/ZorbSet",
                     "https://huggingface.co/datasets/Org/ZorbSet-HQ"]


def test_a_curated_dataset_the_authors_call_theirs_is_proposed(nlp):
    paper = Paper("p-rw", "Web Data Only", "We release an extract of our RefinedWeb dataset. We evaluate on our CIFAR-10 dataset splits.")
    found, _, _ = entities(nlp, paper)
    assert found["RefinedWeb"].role == "proposed" and found["CIFAR-10"].role == "used"


def test_a_title_opening_with_a_named_dataset_proposes_it(nlp):
    found, _, _ = entities(nlp, Paper("p-t1", "The RefinedWeb Dataset for Falcon LLM", "We filter RefinedWeb from web data."))
    assert (found["RefinedWeb"].type, found["RefinedWeb"].role) == ("DATASET", "proposed")
    found, _, _ = entities(nlp, Paper("p-t2", "The ZorbWeb Corpus: Filtered Web Text", "We filter web data."))
    zorb = next(e for e in found.values() if e.name.startswith("ZorbWeb"))
    assert (zorb.type, zorb.role) == ("DATASET", "proposed")
    found, _, _ = entities(nlp, Paper("p-t3", "ImageNet Benchmark Results Revisited", "We evaluate models."))
    assert [e.role for e in found.values() if e.name.startswith("ImageNet")] == ["used"]


def test_a_curated_name_inside_a_longer_hyphenated_word_is_not_matched(nlp):
    paper = Paper("p-hy", "Study", "We study rehearsal-free continual learning, non-linear regression, out-of-domain "
                  "generalization and fully-supervised learning with a non-autoregressive BERT-based decoder.")
    found, _, _ = entities(nlp, paper)
    assert {"rehearsal", "linear regression", "domain generalization", "autoregressive model"}.isdisjoint(found)
    assert {"supervised learning", "BERT"} <= set(found)


def test_a_technique_acronym_matches_only_as_written(nlp):
    found, _, _ = entities(nlp, Paper("p-ac", "Study", "An oft-cited result: OFT beats LoRA; we test on piqa."))
    assert [e.name for e in found.values() if "OFT" in (e.name, *e.aliases)] == ["OFT"]
    assert found["OFT"].text == "OFT" and "PIQA" in found


def test_a_headline_before_a_title_colon_names_nothing(nlp):
    for title in ("Revisiting ResNets: Improved Training Strategies", "Arithmetic Without Algorithms: Models Use Heuristics"):
        found, _, _ = entities(nlp, Paper("p-hl", title, "We study models."))
        assert not any(e.role == "proposed" for e in found.values()), title
    found, _, _ = entities(nlp, Paper("p-tc", "THE COLOSSEUM: A Benchmark for Robots", "We test robots."))
    assert [e.role for e in found.values() if "COLOSSEUM" in e.name] == ["proposed"]


def test_a_title_technique_ends_before_a_preposition(nlp):
    paper = Paper("p-tu", "Video Generation with Enhanced Temporal Consistency Using Motion Loss", "We generate videos.")
    assert not any(name.endswith("Using") for name in entities(nlp, paper)[0])


def test_pieces_of_names_found_by_context_are_no_nodes(nlp):
    paper = Paper("p-fr", "Study", "We compare prediction distillation, feature distillation, L2 regularization and "
                  "1D, 2D and 3D scans on MIMIC III/IV. Tuning PI/PID controllers is hard.")
    found, _, _ = entities(nlp, paper)
    assert {"L2", "1D", "III/IV", "PI"}.isdisjoint(found)


def test_a_term_defined_earlier_that_describes_the_new_thing_is_used(nlp):
    paper = Paper("p-ail", "ZorbBoost: Imitation by Boosting", "Adversarial imitation learning (AIL) is a dominant "
                  "framework. In this work, we develop a novel and principled AIL algorithm, ZorbBoost.")
    found, _, _ = entities(nlp, paper)
    ail = next(e for e in found.values() if "AIL" in (e.name, *e.aliases))
    assert ail.role == "used" and found["ZorbBoost"].role == "proposed"


def test_a_term_others_dubbed_is_not_proposed(nlp):
    paper = Paper("p-dkm", "Kernels", "A limit gives an algorithm which they dubbed deep kernel machine (DKM). We scale DKM.")
    found, _, _ = entities(nlp, paper)
    dkm = [e.role for e in found.values() if "DKM" in (e.name, *e.aliases)]
    assert dkm == ["used"]


def test_dataset_versions_and_subsets_link_to_their_family(nlp):
    found, _, _ = entities(nlp, Paper("p-fam", "Study", "We pretrain on WebVid-2M and ImageNet-21K and test on ImageNet-1K."))
    assert (found["ImageNet-1K"].family, found["ImageNet-21K"].family, found["WebVid-2M"].family) == ("ImageNet", "ImageNet", "WebVid")


def test_a_model_name_the_paper_releases_as_a_dataset_is_a_dataset(nlp):
    found, _, _ = entities(nlp, Paper("p-sg", "ShareGPT4V: Better Captions", "We introduce the ShareGPT4V dataset. ShareGPT4V helps."))
    assert (found["ShareGPT4V"].type, found["ShareGPT4V"].role) == ("DATASET", "proposed")
    found, _, _ = entities(nlp, Paper("p-cl", "Replay", "Since the CLIP dataset is private, we tune CLIP without replay."))
    assert found["CLIP"].type == "MODEL"


def test_the_source_of_a_new_version_is_not_proposed(nlp):
    paper = Paper("p-ver", "JaZorb", "We introduce a hard-negative augmented version of the Japanese ZorbQA dataset.")
    found, _, _ = entities(nlp, paper)
    zorb = [e.role for e in found.values() if "ZorbQA" in e.name]
    assert zorb and set(zorb) == {"used"}


def test_a_generic_term_heading_an_unknown_capitalised_name_is_no_node(nlp):
    paper = Paper("p-emt", "Long Context", "We study Zorbic Mind Transformers with the Huggingface Transformers library. "
                  "Transformers are strong.")
    found, _, _ = entities(nlp, paper)
    assert found["transformer"].text == "Transformers" and found["transformer"].sentence == "Transformers are strong."


def test_a_curated_term_with_a_generic_head_in_a_definition_is_the_curated_term(nlp):
    found, _, _ = entities(nlp, Paper("p-tts", "Speech", "We study Text-To-Speech synthesis (TTS) for Arabic."))
    assert found["text-to-speech"].type == "TASK" and "Text-To-Speech synthesis" in found["text-to-speech"].aliases


def test_a_generic_technique_heading_a_compound_after_a_name_is_not_that_technique(nlp):
    found, _, _ = entities(nlp, Paper("p-ad", "Tuning", "It is compatible with LoRA adapters and NER adapters."))
    assert "LoRA" in found and "adapter tuning" not in found
    found, _, _ = entities(nlp, Paper("p-ad2", "Tuning", "We insert bottleneck adapters into each layer."))
    assert "adapter tuning" in found
    # bare "adapters" are mostly some other technique's weights ("merging their adapters", "ensembles
    # of five adapters"): in the dev gold 1 of 11 names the technique
    found, _, _ = entities(nlp, Paper("p-ad3", "Merging", "Clients train adapters of different ranks; we merge their adapters."))
    assert "adapter tuning" not in found


def test_a_stated_contribution_is_proposed(nlp):
    paper = Paper("p-mc", "Nested Codes", "Can one code serve all? Our main contribution is Zorb Nesting (ZN), which nests codes.")
    found, _, _ = entities(nlp, paper)
    assert found["ZN"].role == "proposed"
    found, _, _ = entities(nlp, Paper("p-mc2", "Notes", "Our key contribution is the identification of design choices for BERT."))
    assert [e.role for e in found.values()] == ["used"]


def test_quoted_words_the_authors_call_their_results_are_proposed(nlp):
    paper = Paper("p-q", "Averaging", 'We average many models -- we call the results "zorb soups." Zorb soups are cheap.')
    found, _, _ = entities(nlp, paper)
    assert found["zorb soups"].role == "proposed" and not any("results" in name for name in found)


def test_a_name_that_reads_as_a_size_is_a_name_in_a_title_or_after_called(nlp):
    for paper in (Paper("p-4m", "4M: Massively Multimodal Modeling", "We train one model on many modalities."),
                  Paper("p-4n", "Multimodal Modeling", "We propose a multimodal training scheme called 4M.")):
        found, _, _ = entities(nlp, paper)
        assert found["4M"].role == "proposed"


def test_a_name_the_abstract_calls_recently_proposed_is_used_everywhere(nlp):
    paper = Paper("p-lg", "Variable Models via Zorbgene Pool",
                  "Motivated by the recently proposed Zorbgene framework, we propose a method called Zorbgene Pool. "
                  "Zorbgene moves knowledge into a small part (termed as zorbgene).")
    found, _, _ = entities(nlp, paper)
    assert found["Zorbgene Pool"].role == "proposed" and found["Zorbgene"].role == "used"


def test_a_defined_term_from_another_field_is_no_technique(nlp):
    found, _, _ = entities(nlp, Paper("p-mr", "Scans", "Magnetic Resonance (MR) scans help speakers of Modern Standard Arabic (MSA). MR is safe."))
    assert not found, found
    found, _, _ = entities(nlp, Paper("p-el", "Scores", "We score samples by the Error Zorb-Norm (EZN). EZN ranks data."))
    assert found["Error Zorb-Norm"].type == "METHOD"


def test_every_defined_item_of_an_enumeration_the_paper_proposes_is_proposed(nlp):
    paper = Paper("p-enum", "ZorbKD: Distilling Zorbs", "Specifically, we propose two basic and two optimization modules: "
                  "(1) Cross Selective Fusion (CSF) moves knowledge between features of different stages by channel attention "
                  "and feature map distillation inside hierarchical transformers; (2) Patch Embedding Alignment (PEA) applies "
                  "a dimensional change inside the patchifying step so that patch embeddings can be distilled; (3) Global-Local "
                  "Context Mixer (GL-Mixer) draws both global and local information from a representative embedding; (4) "
                  "Embedding Assistant (EA) acts as an embedding method that bridges teacher and student models with the "
                  "teacher's channel count.")
    found, _, _ = entities(nlp, paper)
    assert [found[name].role for name in ("CSF", "PEA", "GL-Mixer", "EA")] == ["proposed"] * 4


def test_a_kind_of_model_named_after_gpt_is_no_gpt_mention(nlp):
    paper = Paper("p-gs", "A Study", "We train a GPT-style transformer and GPT-architectures of 1B parameters.")
    assert not {"GPT", "GPT-style", "GPT-architectures"} & set(entities(nlp, paper)[0])
    paper = Paper("p-gm", "A Study", "ZorbLM outperforms GPT and GPT-2 on GLUE.")
    assert {"GPT", "GPT-2"} <= set(entities(nlp, paper)[0])


def test_a_curated_technique_an_enumeration_lists_is_used(nlp):
    paper = Paper("p-en2", "ZorbBench", "We propose a benchmark that compares (1) supervised fine-tuning on curated data "
                  "and (2) Direct Preference Optimization (DPO) on preference pairs.")
    assert entities(nlp, paper)[0]["DPO"].role == "used"


@pytest.mark.parametrize("abstract, name", [
    ("We use DINO features for unsupervised object discovery, predicting boxes for salient objects.", "DINO"),
    ("We build a knowledge graph from PubMed abstracts, with nodes for genes.", "PubMed"),
])
def test_a_sense_needs_its_fields_own_words(nlp, abstract, name):
    assert name in entities(nlp, Paper("p-sn2", "A Study", abstract))[0]


@pytest.mark.parametrize("abstract, expected", [
    ("We combine pruning and distillation to compress BERT into a small student.", {"pruning", "knowledge distillation", "BERT"}),
    ("The student is trained by distillation from a 70B teacher.", {"knowledge distillation"}),
    # the paper names a longer distillation method: its bare "distillation" is that method
    ("Score distillation sampling trains a student from a teacher; distillation is slow.", {"score distillation sampling"}),
    ("A one-step distillation objective trains a student from a teacher; distillation is fast.", set()),
    ("We study the distillation of crude oil.", set()),  # no teacher, student or compression: not the technique
])
def test_bare_distillation_is_knowledge_distillation_unless_the_paper_names_a_longer_one(nlp, abstract, expected):
    assert set(entities(nlp, Paper("p-kd", "A Study", abstract))[0]) == expected


def test_two_known_names_joined_by_a_plus_are_both_and_a_curated_combination_is_one(nlp):
    paper = Paper("p-plus", "A Study", "We beat the ECAPA-TDNN+AASIST baseline and TD3+BC, and tune LoRA+.")
    assert set(entities(nlp, paper)[0]) == {"ECAPA-TDNN", "AASIST", "TD3+BC", "LoRA+"}


def test_a_short_form_spelling_the_end_of_a_known_phrase_defines_the_whole_phrase(nlp):
    paper = Paper("p-reid", "Zorb for Object Re-identification", "We study object re-identification (re-ID) across cameras.")
    found, _, _ = entities(nlp, paper)
    assert list(found) == ["object re-identification"] and "re-ID" in found["object re-identification"].aliases


def test_a_defined_organisation_is_no_entity_and_a_defined_atlas_is_data(nlp):
    paper = Paper("p-org", "Forecasts", "We rival the forecast of the European Centre for Medium-Range Weather Forecasts (ECMWF) "
                  "and test on the Human Lung Zorb Atlas (HLZA). ECMWF and HLZA are public.")
    assert found_types(nlp, paper) == {"Human Lung Zorb Atlas": "DATASET"}
    paper = Paper("p-weat", "Bias", "We measure bias with the Word Embedding Association Test (WEAT).")
    assert "Word Embedding Association Test" in found_types(nlp, paper)  # an ML term, no association


def test_a_known_measure_the_paper_introduces_into_its_objective_is_used(nlp):
    paper = Paper("p-mse", "Zorb Distillation", "We also introduce the MSE between representations of the two models.")
    found, _, _ = entities(nlp, paper)
    assert found["mean squared error"].role == "used"


def test_the_phrase_a_title_is_for_is_a_task(nlp):
    paper = Paper("p-tp", "Deep Zorb Fusion for Surgical Feedback Classification", "We fuse video and audio.")
    assert found_types(nlp, paper).get("Surgical Feedback Classification") == "TASK"
    # the same phrase as a headline, with nothing saying it is the problem worked on, is not one
    headline = Paper("p-th", "Surgical Feedback Classification Is Hard", "We fuse video and audio.")
    assert "Surgical Feedback Classification" not in found_types(nlp, headline)
    # and the purpose must end the title or a clause of it
    longer = Paper("p-tl", "Fusion for Surgical Feedback Classification Models", "We fuse video and audio.")
    assert "Surgical Feedback Classification" not in found_types(nlp, longer)


def found_types(nlp, paper):
    found, _, _ = entities(nlp, paper)
    return {name: e.type for name, e in found.items()}


def test_a_title_name_spelled_by_its_capitals_or_before_a_version_is_one_node(nlp):
    paper = Paper("p-c1", "ZoRB: Zonal-Rank Bottlenecks of Large Language Models", "We propose ZoRB, which freezes weights.")
    found, _, _ = entities(nlp, paper)
    assert list(found) == ["ZoRB"] and "Zonal-Rank Bottlenecks" in found["ZoRB"].aliases
    paper = Paper("p-c2", "ZT-1: Zorbing Transformer for Real-World Control", "ZT-1 controls robots.")
    found, _, _ = entities(nlp, paper)
    assert list(found) == ["ZT-1"] and "Zorbing Transformer" in found["ZT-1"].aliases


def test_the_paper_that_spells_out_a_curated_name_proposes_that_curated_node(nlp):
    for abstract in ("We propose Low-Rank Adaptation (LoRA), which freezes the weights.",
                     "We propose Low-Rank Adaptation, or LoRA, which freezes the weights."):
        paper = Paper("p-lora", "LoRA: Low-Rank Adaptation of Large Language Models", abstract)
        found, _, _ = entities(nlp, paper)
        assert [(e.name, e.type, e.role) for e in found.values()] == [("LoRA", "METHOD", "proposed")], abstract


def test_a_comma_or_defines_a_short_form(nlp):
    paper = Paper("p-or", "Attention", "We propose Grouped Zorb Fusion, or GZF, a method for attention. GZF is fast.")
    found, _, _ = entities(nlp, paper)
    assert found["GZF"].role == "proposed" and "Grouped Zorb Fusion" in found["GZF"].aliases
    assert len(found) == 1


def test_ordinal_and_evaluative_words_make_no_task_or_metric(nlp):
    paper = Paper("p-jk", "Zorb", "We study the main prediction task and the auxiliary prediction task, then measure and "
                  "compare latency. The actual translation task is easy. Tasks such as future text generation, "
                  "and tasks such as speech translation, remain.")
    found = found_types(nlp, paper)
    assert not {"main prediction", "auxiliary prediction", "compare latency", "actual translation", "future text generation"} & set(found)
    assert found.get("speech translation") == "TASK"


def test_what_the_authors_name_is_proposed_and_what_it_beats_is_not(nlp):
    cases = {
        "Our model, which we call Zorbaco, outperforms GPT-4 on GSM8K.": ("Zorbaco", "MODEL"),
        "We name the resulting model Zorbaco and test it on GSM8K.": ("Zorbaco", "MODEL"),
        "A benchmark which we call Zorbench is released.": ("Zorbench", "DATASET"),
        "The resulting model, Zorb-Physician, outperforms GPT-4 on MedQA.": ("Zorb-Physician", "MODEL"),
    }
    found, _, _ = entities(nlp, Paper("p-nm2", "A Study", "The resulting model, GPT-4, is compared with BERT."))
    assert found["GPT-4"].role == "used"  # a known model the authors reached is not theirs
    for abstract, (name, entity_type) in cases.items():
        found, _, _ = entities(nlp, Paper("p-nm", "A Study", abstract))
        assert (found[name].type, found[name].role) == (entity_type, "proposed"), abstract
        assert all(e.role == "used" for n, e in found.items() if n != name), abstract


def test_a_new_edition_is_proposed_and_the_first_one_is_not(nlp):
    paper = Paper("p-ed", "Dynamic-SUPERB Phase-2: A Benchmark", "We present Dynamic-SUPERB Phase-2, a benchmark "
                  "for speech models. The first generation of Dynamic-SUPERB was limited to classification.")
    found, _, _ = entities(nlp, paper)
    assert found["Dynamic-SUPERB Phase-2"].role == "proposed"
    assert found["Dynamic-SUPERB"].role == "used"
    found, _, _ = entities(nlp, Paper("p-ed2", "Speech", "We present Zorbix Phase-2, a benchmark for speech models."))
    assert list(found) == ["Zorbix Phase-2"] and found["Zorbix Phase-2"].role == "proposed"


def test_tasks_named_as_other_fields_are_not_the_papers(nlp):
    paper = Paper("p-of", "Zorb: Robot Control", "Scaling has been shown in other fields such as speech recognition. "
                  "We study robotic manipulation with LoRA.")
    found = found_types(nlp, paper)
    assert "speech recognition" not in found and found.get("robotic manipulation") == "TASK"
    for background in ("Deep learning has revolutionized the fields of computer vision and speech recognition.",
                       "It is adopted in applications ranging from computer vision to speech recognition."):
        found = found_types(nlp, Paper("p-of1", "Zorb: Robot Control", background + " We study robotic manipulation."))
        assert "speech recognition" not in found and found.get("robotic manipulation") == "TASK", background
    # the authors' own evaluation across many domains keeps its tasks
    for abstract in ("We demonstrate Zorb on several applications, including image classification and object detection.",
                     "We evaluate Zorb on diverse domains: image classification and object detection."):
        found = found_types(nlp, Paper("p-of2", "Zorb", abstract))
        assert found.get("image classification") == found.get("object detection") == "TASK", abstract


def test_a_proposed_variant_of_a_known_model_is_a_model(nlp):
    paper = Paper("p-rs", "Revisiting Training", "We design a family of ResNet architectures, ResNet-ZX, which are faster.")
    found, _, _ = entities(nlp, paper)
    assert (found["ResNet-ZX"].type, found["ResNet-ZX"].role) == ("MODEL", "proposed")


def test_a_name_for_a_model_and_its_data_is_the_data_where_the_text_reads_it_so(nlp):
    for abstract in ("We fine-tune Llama 2 on the Alpaca dataset.", "We fine-tune Llama 2 on Alpaca.",
                     "Instructions come from Dolly-15k and Alpaca; we tune Llama 2 with them."):
        assert found_types(nlp, Paper("p-al", "A Study", abstract)).get("Alpaca") == "DATASET", abstract
    assert found_types(nlp, Paper("p-am", "A Study", "We compare against Alpaca and Vicuna on MT-Bench.")).get("Alpaca") == "MODEL"
    # a list passes the reading along: the data word after its last item makes every item data
    listed = found_types(nlp, Paper("p-an", "A Study", "A pool combining Alpaca, Dolly, ShareGPT and WizardLM data."))
    assert [listed.get(name) for name in ("Alpaca", "Dolly", "WizardLM")] == ["DATASET"] * 3


def test_a_quoted_name_set_off_by_its_appositive_takes_the_appositive_type(nlp):
    paper = Paper("p-q", "Zorbification: Making Networks Clear",
                  "We propose 'Zorbification', a novel approach to convert trained models. "
                  "We release our code and pre-trained model weights at https://github.com/x/Zorbification.")
    found, _, _ = entities(nlp, paper)
    assert (found["Zorbification"].type, found["Zorbification"].role) == ("METHOD", "proposed")


def test_a_sized_last_word_of_a_proposed_name_is_proposed(nlp):
    paper = Paper("p-k2", "ZorbLab Q7: Building an Open Model from Scratch",
                  "We detail the training of the ZorbLab Q7-65B model. It beats LLaMA-65B.")
    found, _, _ = entities(nlp, paper)
    assert found["Q7-65B"].role == "proposed" and found["LLaMA-65B"].role == "used"


def test_a_generic_phrase_is_no_alias_of_a_model(nlp):
    found, _, _ = entities(nlp, Paper("p-o", "Study", "We train an open language model and a generalist language model."))
    assert not {"OLMo", "GLaM"} & set(found)


def test_a_curated_short_form_in_a_list_of_datasets_is_a_dataset(nlp):
    paper = Paper("p-l", "Detecting Anomalies", "We evaluate on SMD, MSL, SMAP, SWaT and PSM. "
                  "Baselines are GraphSAGE, GAT and GCN.")
    found, _, _ = entities(nlp, paper)
    assert found["PSM"].type == "DATASET" and "propensity score matching" not in found
    # a model-or-technique list keeps the curated types and names
    assert {"graph attention network", "graph convolutional network"} <= set(found)
    found, _, _ = entities(nlp, Paper("p-l2", "Matching", "We compare DML, IPW and PSM on our data."))
    assert found["propensity score matching"].type == "METHOD"


def test_a_coined_name_listed_with_a_known_one_takes_its_type_but_not_one_beside_it(nlp):
    found, _, _ = entities(nlp, Paper("p-sb", "A study", "We test on ScanNet, ZorbScenes and QuuxRooms. "
                                      "On the object-level ScanObjectNN PB-T77-RS split, it leads."))
    assert found["ZorbScenes"].type == found["QuuxRooms"].type == "DATASET"
    assert "PB-T77-RS" not in found


def test_plain_words_listed_with_known_datasets_are_datasets(nlp):
    paper = Paper("p-pw", "Forecasting", "On ETTh1, ETTm1, Weather, Electricity and Traffic, it leads. "
                  "On HalfCheetah, Hopper, Walker2d, Ant and Humanoid, Results improve. "
                  "We report gains on CheXpert, Edema Severity and MIMIC-IV. On ImageNet, Transformers win.")
    found, _, _ = entities(nlp, paper)
    assert all(found[name].type == "DATASET" for name in ("Weather", "Electricity", "Traffic", "Hopper", "Ant", "Humanoid"))
    # the list closes after "and ..."; a word of a multi-word item and a lone sibling are not data
    assert not {"Results", "Edema", "Severity", "Transformers"} & set(found)


def test_the_subject_after_an_opening_phrase_is_no_list_sibling(nlp):
    found, _, _ = entities(nlp, Paper("p-op", "A study", "On ImageNet, FooNet-50 reaches 80% accuracy. "
                                      "On ImageNet, ZorbSet and QuuxSet, it leads."))
    assert "FooNet-50" not in found or found["FooNet-50"].type != "DATASET"
    assert found["ZorbSet"].type == found["QuuxSet"].type == "DATASET"


def test_x_in_a_short_form_reads_cross(nlp):
    paper = Paper("p-x", "Cross-Resolution Residual Networks for Image Classification",
                  "We present Cross-Resolution Residual Networks (XRes-Nets), a family of architectures. "
                  "A 26-layer XRes-Net beats ResNet-50.")
    found, _, _ = entities(nlp, paper)
    assert found["XRes-Nets"].role == "proposed"
    assert "Cross-Resolution Residual Networks" in found["XRes-Nets"].aliases and "XRes-Net" not in found
    # a hyphenated capitalised word the letters skip still leads the name: one proposed node
    found, _, _ = entities(nlp, Paper("p-x2", "On Transfer", "We propose Model-Based Cross-Task Transfer (XTRA). XTRA works."))
    assert found["XTRA"].role == "proposed" and found["XTRA"].aliases == ("Model-Based Cross-Task Transfer",)
    assert len(found) == 1


def test_a_short_form_glued_before_a_known_model_makes_another_model(nlp):
    found, _, _ = entities(nlp, Paper("p-gp", "A study", "It matches SE-ResNet-101 and M-CLIP."))
    assert found["SE-ResNet-101"].type == found["M-CLIP"].type == "MODEL"
    assert not {"ResNet-101", "CLIP"} & set(found)


def test_a_technique_a_title_opens_with_and_claims_a_result_for_is_proposed(nlp):
    found, _, _ = entities(nlp, Paper("p-ts", "Propagation-Aware Edge Dropout Mitigates Oversmoothing in Graph Networks",
                                      "We propose a regularizer that drops edges."))
    assert found["Propagation-Aware Edge Dropout"].role == "proposed"
    for title in ("Dropout Reduces Underfitting", "Does Scale Help Reasoning", "Scaling Data Improves Recall",
                  "Metadata Conditioning Accelerates Pre-training"):
        found, _, _ = entities(nlp, Paper("p-ts2", title, "We propose Metadata Conditioning then Cooldown (MeCo)."))
        assert not [e for e in found.values() if e.rule == "title-technique"], title


def test_pairs_the_authors_call_theirs_are_proposed(nlp):
    cases = [("With a database, our Retrieval-Enhanced Transformer (RETRO) matches GPT-3.", "RETRO"),
             ("We propose a new method based on Leave-One-Out Zorb-Quux, or LOZQ for short.", "LOZQ"),
             ("Our approach involves low-value-prioritized sampling (LVPS) to train.", "LVPS"),
             ("Moreover, we incorporate a Zorb Route Attention (ZRA) mechanism.", "ZRA")]
    for abstract, name in cases:
        found, _, _ = entities(nlp, Paper("p-op", "A study", abstract))
        assert found[name].role == "proposed", abstract
    found, _, _ = entities(nlp, Paper("p-op2", "A study", "We improve on Zorb Quux Search (ZQS). Our model uses ZQS."))
    assert found["Zorb Quux Search"].role == "used"


def test_a_pair_the_title_opens_with_is_the_papers_own(nlp):
    for title in ("Zorb Segment Tuning", "Zorb Segment Tuning for Domain Adaptation", "Zorb Segment Tuning: A Study"):
        found, _, _ = entities(nlp, Paper("p-th", title, "Zorb Segment Tuning (ZST) adapts segmenters. ZST wins."))
        assert [e.role for e in found.values() if "ZST" in (e.name, *e.aliases)] == ["proposed"], title
    for title in ("Zorb Segment Tuning Revisited", "Zorb Segment Tuning via Boosting"):
        found, _, _ = entities(nlp, Paper("p-th2", title, "Zorb Segment Tuning (ZST) adapts segmenters."))
        assert [e.role for e in found.values() if "ZST" in (e.name, *e.aliases)] == ["used"], title
    for title, abstract in (("Zorb Segment Tuning for Traffic", "Zorb Segment Tuning (ZST) was introduced by Smith et al. (2019)."),
                            ("Zorb Segment Tuning: A Survey", "Zorb Segment Tuning (ZST) is a classical technique."),
                            ("Zorb Segment Tuning in Practice", "Zorb Segment Tuning (ZST) is a widely used operator.")):
        found, _, _ = entities(nlp, Paper("p-th4", title, abstract))  # earlier work the paper applies or reviews
        assert [e.role for e in found.values() if "ZST" in (e.name, *e.aliases)] == ["used"], title
    found, _, _ = entities(nlp, Paper("p-th3", "Spoofing-Aware Speaker Verification with Score Fusion",
                                      "Spoofing-aware speaker verification (SASV) rejects impostors."))
    assert [e.role for e in found.values() if "SASV" in e.aliases] == ["used"]


def test_a_goal_after_with_is_no_title_technique(nlp):
    found, _, _ = entities(nlp, Paper("p-g", "Video Generation with Enhanced Temporal Consistency", "We study video."))
    assert "Enhanced Temporal Consistency" not in found
    found, _, _ = entities(nlp, Paper("p-g2", "Video Generation with Temporal Token Aggregation", "We study video."))
    assert found["Temporal Token Aggregation"].role == "proposed"


def test_a_verb_after_a_modal_is_no_metric_modifier(nlp):
    found, _, _ = entities(nlp, Paper("p-md", "A study", "We disable speculation when it would hurt throughput. "
                                      "We report end-to-end latency."))
    assert "hurt throughput" not in found and found["end-to-end latency"].type == "METRIC"


def test_a_model_and_data_name_counted_in_thousands_is_the_data(nlp):
    found, _, _ = entities(nlp, Paper("p-ak", "A study", "We fine-tune on Alpaca-52K. Alpaca-7B is a model."))
    assert found["Alpaca-52K"].type == "DATASET" and found["Alpaca-7B"].type == "MODEL"


def test_sizes_and_checkpoints_of_the_papers_own_model_are_its_own(nlp):
    paper = Paper("p-ok", "Zorkhon: A Family of Open Language Models", "We present Zorkhon, a family of language "
                  "models. We additionally release Zorkhon-7B-Chat. Zorkhon-based systems differ.")
    found, _, _ = entities(nlp, paper)
    assert found["Zorkhon-7B-Chat"].role == "proposed" and found["Zorkhon-7B-Chat"].type == "MODEL"
    assert "Zorkhon-based" not in found
    # a proposed architecture that comes in sizes is a model, and so is each size
    paper = Paper("p-fn", "ZoldNeXt: Folding Context", "We present ZoldNeXt, a hybrid architecture. On ADE20K, "
                  "ZoldNeXt-S obtains 49.8 mIoU.")
    found, _, _ = entities(nlp, paper)
    assert found["ZoldNeXt"].type == found["ZoldNeXt-S"].type == "MODEL" and found["ZoldNeXt-S"].role == "proposed"


def test_a_curated_name_a_paper_proposes_keeps_its_curated_type(nlp):
    found, _, _ = entities(nlp, Paper("p-ct", "LayerSkip: Enabling Early Exit Inference", "We present LayerSkip, an end-to-end solution to "
                                      "speed-up inference. We release our code and checkpoints at https://github.com/zorb/LayerSkip."))
    assert found["LayerSkip"].type == "METHOD" and found["LayerSkip"].role == "proposed"


def test_a_capitalised_word_right_after_the_verb_opens_the_name(nlp):
    found, _, _ = entities(nlp, Paper("p-nn", "Ranking", "We introduce Neural ZG-RANK, a novel training algorithm. "
                                      "We release Flax-based Z5X checkpoints."))
    assert found["Neural ZG-RANK"].role == "proposed" and "ZG-RANK" not in found
    assert "Flax-based Z5X" not in found


def test_a_curated_name_its_own_paper_introduces_is_proposed(nlp):
    cases = [Paper("p-ci", "Memorizing Transformers", "We extend language models with the ability to memorize."),
             Paper("p-ci2", "A Study", "We propose a more efficient pre-training task called replaced token detection.")]
    for paper in cases:
        found, _, _ = entities(nlp, paper)
        assert [e.role for e in found.values()] == ["proposed"], paper.title
    others = [Paper("p-ci3", "A Study", "We propose to leverage a recently introduced method, named sharpness-aware "
                    "minimization."),
              Paper("p-ci4", "A Study", "We propose an approach called early exiting speculative decoding.")]
    for paper in others:
        found, _, _ = entities(nlp, paper)
        assert all(e.role == "used" for e in found.values() if e.rule == "gazetteer"), paper.abstract


def test_a_title_technique_after_via_beats_a_task_phrase_on_the_same_words(nlp):
    found, _, _ = entities(nlp, Paper("p-vt", "Open-Set Recognition via Prototype Calibration with Text Anchors",
                                      "Our prototype calibration aligns classes. Prototype calibration is simple."))
    assert found["Prototype Calibration"].type == "METHOD" and found["Prototype Calibration"].role == "proposed"


def test_a_name_the_new_thing_is_inspired_by_is_a_source(nlp):
    found, _, _ = entities(nlp, Paper("p-ib", "Federated Zorbing", "We additionally introduce a client-side drift "
                                      "correction term, inspired by SCAFFOLD, to cope with non-IID data."))
    assert found["SCAFFOLD"].role == "used"


def test_a_name_the_authors_give_a_model_they_train_is_theirs(nlp):
    paper = Paper("p-tr", "Data for a Low-Resource Language",
                  "We pre-train two models: a BERT model trained from scratch (ZorbBERT), and a further "
                  "pre-trained multilingual BERT (mZorbBERT). We compare them with a baseline (QuuxNet).")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbBERT"].role == found["mZorbBERT"].role == "proposed"
    assert found.get("QuuxNet") is None or found["QuuxNet"].role == "used"


def test_compared_names_leave_out_machines_and_licences_and_measures(nlp):
    paper = Paper("p-cm", "A study", "It outperforms ZorbPolicy on a WidowX robot and a Xilinx UltraScale+ MPSoC device. "
                  "Compared with QuuxTTS, it reaches the best similarity (SIM-o of 0.68). "
                  "Compared with FooNet, the code is released under CC BY-NC 4.0. It beats QuuxLM-2B, which runs "
                  "on a smartphone-class NPU. The data is under a CC BY 4.0 license.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbPolicy"].type == "METHOD" and found["QuuxTTS"].type == "METHOD"
    assert not {"WidowX", "UltraScale+", "MPSoC", "BY-NC", "CC", "NPU", "BY 4.0"} & set(found)
    assert found["SIM-o"].type == "METRIC"


def test_a_compared_name_where_data_stands_is_data(nlp):
    paper = Paper("p-cd", "A study", "Zorb outperforms QuenPolicy on the VeltQA-2 and MurkBench suites and keeps the "
                  "TaxoText-3 perplexity of BlipLM-Ultra. On DurnSet, Zorb beats KlaxNet. It improves over FoomPO, "
                  "which is built on SnarkRL.")
    found, _, _ = entities(nlp, paper)
    assert {found[name].type for name in ("VeltQA-2", "MurkBench", "TaxoText-3", "DurnSet")} == {"DATASET"}
    assert found["QuenPolicy"].type != "DATASET" and found["KlaxNet"].type != "DATASET"  # "On DurnSet, KlaxNet": no list
    assert found["SnarkRL"].type != "DATASET"  # what a method is built on


def test_an_ambiguous_short_form_takes_the_sense_of_its_field(nlp):
    sharpness = Paper("p-s1", "Flat minima", "Among seven minimizers, SAM outperforms early stopping in loss sharpness.")
    segmentation = Paper("p-s2", "Masks", "We prompt SAM with boxes to get masks for segmentation.")
    error = Paper("p-s3", "Forecasting", "It lowers MAE by 10% and RMSE by 4%.")
    pretraining = Paper("p-s4", "Pretraining", "We pretrain a ViT-B with MAE and compare with BEiT.")
    neither = Paper("p-s5", "A study", "We report MAE for each model.")
    assert entities(nlp, sharpness)[0]["sharpness-aware minimization"].text == "SAM"
    assert entities(nlp, segmentation)[0]["SAM"].type == "MODEL"
    assert entities(nlp, error)[0]["mean absolute error"].type == "METRIC"
    assert entities(nlp, pretraining)[0]["masked autoencoder"].text == "MAE"
    assert "MAE" not in entities(nlp, neither)[0] and "mean absolute error" not in entities(nlp, neither)[0]
    counted = Paper("p-s8", "A study", "We fine-tune 5 ASR models for Swahili; our prompt reaches 95% ASR against GPT-4.")
    assert entities(nlp, counted)[0]["attack success rate"].text == "ASR"  # a percentage scores; a count does not
    glued = Paper("p-s6", "Points", "Point-MAE reduces reconstruction error.")
    assert "masked autoencoder" not in entities(nlp, glued)[0]  # another name, not the short form
    flow = Paper("p-r1", "Flow", "Our recipe improves over RAFT on Sintel optical flow.")
    fewshot = Paper("p-r2", "Few-shot", "We improve by 18.4% on RAFT, a real-world few-shot classification benchmark.")
    retrieval = Paper("p-r3", "RAG", "Compared with RAFT and standard RAG, training with distractor documents helps.")
    assert [next(e.name for e in entities(nlp, p)[0].values() if e.text == "RAFT") for p in (flow, fewshot, retrieval)] == [
        "RAFT", "Real-world Annotated Few-shot Tasks", "retrieval-augmented fine-tuning"]
    valued = Paper("p-s7", "Graphs", "ZorbGT reaches 0.72 AP on Peptides-func and 0.2431 MAE on Peptides-struct.")
    assert entities(nlp, valued)[0]["mean absolute error"].type == "METRIC"  # no field word, but a value


@pytest.mark.parametrize("abstract, name", [
    ("We outperform DINO and RT-DETR by 3.8 AP on COCO.", "DINO-DETR"),
    ("Our method improves DINO and CLIP-I subject fidelity.", "DINO score"),
    ("Self-supervised features from DINO and iBOT transfer well.", "DINO"),
    ("We test GCN on Cora, CiteSeer and PubMed.", "PubMed Diabetes"),
    ("We retrieve PubMed abstracts for biomedical QA.", "PubMed"),
    ("Models such as EDM and GeoLDM need many steps on QM9.", "E(3) Equivariant Diffusion Model"),
    ("EDM improves FID on CIFAR-10.", "EDM"),
])
def test_a_short_name_of_several_things_takes_the_sense_of_its_field(nlp, abstract, name):
    found, _, _ = entities(nlp, Paper("p-sn", "A Study", abstract))
    assert name in found and found[name].text in ("DINO", "PubMed", "EDM")


def test_a_model_named_after_a_myth_is_no_model_in_a_phenomenon(nlp):
    found, _, _ = entities(nlp, Paper("p-jn", "Text-to-3D", "Our guidance removes the Janus problem and Janus artifacts."))
    assert "Janus" not in found
    found, _, _ = entities(nlp, Paper("p-jm", "Unified Models", "We compare with Janus and Show-o."))
    assert found["Janus"].type == "MODEL"


def test_acdc_is_the_cardiac_set_or_the_driving_set_by_its_field(nlp):
    driving = Paper("p-ac1", "A study", "We segment driving scenes in fog and at night on Cityscapes and ACDC.")
    cardiac = Paper("p-ac2", "A study", "We segment cardiac MRI on ACDC.")
    assert [next(e.name for e in entities(nlp, p)[0].values() if e.text == "ACDC") for p in (driving, cardiac)] == [
        "Adverse Conditions Dataset with Correspondences", "ACDC"]
    subset = Paper("p-ac3", "A study", "We adapt from Cityscapes to fog and night scenes of ACDC-Night.")
    assert entities(nlp, subset)[0]["ACDC-Night"].family == "Adverse Conditions Dataset with Correspondences"


def test_names_trained_on_before_a_known_subject_stay_data(nlp):
    paper = Paper("p-ls", "ZorbBridge: Joint Pretraining", "We introduce ZorbBridge, a pretraining method. "
                  "Initialized from wav2vec 2.0 and fine-tuned on QUENSET and MURKAL, ZorbBridge lowers the error rate.")
    found, _, _ = entities(nlp, paper)
    assert found["QUENSET"].type == "DATASET" and found["MURKAL"].type == "DATASET"  # not the method's list siblings


def test_a_short_form_glued_before_a_dataset_names_another_of_its_kind(nlp):
    found, _, _ = entities(nlp, Paper("p-gd", "T", "We evaluate on L2-ARCTIC, OV-LVIS and MS-COCO."))
    assert (found["L2-ARCTIC"].type, found["L2-ARCTIC"].family) == ("DATASET", "ARCTIC")
    assert found["OV-LVIS"].family == "LVIS" and "ARCTIC" not in found
    assert found["COCO"].text == "MS-COCO"  # a curated alias stays the entry's own name


def test_two_coined_words_before_a_data_head_are_one_name(nlp):
    paper = Paper("p-2c", "T", "On the QuuxLab Dynamic Scenes and ZorbCheck iPhone datasets, our method wins. "
                  "We compare the ViT-L/14 CLIP and SigLIP models.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbCheck iPhone"].type == "DATASET" and found["QuuxLab Dynamic Scenes"].type == "DATASET"
    assert "iPhone" not in found and "CLIP" in found  # a backbone and a model stay two


def test_what_a_proposing_sentence_goes_on_to_report_is_not_proposed(nlp):
    found, _, _ = entities(nlp, Paper("p-rp", "A Study", "We propose a new model and report BLEU on WMT14 En-De."))
    assert (found["BLEU"].type, found["BLEU"].role) == ("METRIC", "used")


def test_a_gain_over_a_name_compares_with_it(nlp):
    paper = Paper("p-go", "A study", "It improves AUROC by 6.4 and 5.1 points over ZorbNet and QuuxCal, respectively. "
                  "The QuenFormer sits over BarLayer.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbNet"].type == "METHOD" and found["QuuxCal"].type == "METHOD"
    assert "BarLayer" not in found  # "over" alone, with no gain, compares nothing


def test_a_split_written_after_a_dataset_is_in_its_text_not_its_node(nlp):
    paper = Paper("p-sp", "A study", "We report WER on LibriSpeech test-clean and box AP on COCO val2017, and MMLU test accuracy.")
    found, _, _ = entities(nlp, paper)
    assert (found["LibriSpeech"].text, found["COCO"].text) == ("LibriSpeech test-clean", "COCO val2017")
    assert found["MMLU"].text == "MMLU"  # a bare "test" is prose, not a named split
    directions = Paper("p-sp2", "A study", "It improves BLEU on CoVoST 2 En-X by 2.1 points and on FLORES-200 x-en.")
    found, _, _ = entities(nlp, directions)
    assert (found["CoVoST 2"].text, found["FLORES-200"].text) == ("CoVoST 2 En-X", "FLORES-200 x-en")
    assert not any("En-X" in name or "x-en" in name for name in found)  # the direction is no node of its own


def test_one_language_pair_after_a_benchmark_is_its_variant_spelled_with_codes(nlp):
    paper = Paper("p-lp", "A study", "We train on WMT'17 English-Czech and test on WMT17 En-Cs, IWSLT'15 English-Vietnamese "
                  "and MuST-C v2 En→De, then on CVSS-C Fr-En, Es-En and De-En, and on WMT'16 En-Ro/Ro-En.")
    found, _, _ = entities(nlp, paper)
    assert (found["WMT17 En-Cs"].text, found["WMT17 En-Cs"].family) == ("WMT'17 English-Czech", "WMT17")
    assert found["IWSLT15 En-Vi"].text == "IWSLT'15 English-Vietnamese"  # the curated pair, with the year's apostrophe
    assert found["MuST-C v2 En-De"].type == "DATASET"
    # several directions after one benchmark: the benchmark; pairs alone are no name
    assert "CVSS-C" in found and any(name.startswith("WMT16") for name in found)
    assert not any(name.startswith(("Fr-En", "Es-En", "De-En", "En-Ro", "Ro-En")) or name.endswith("Fr-En") for name in found)


def test_a_count_of_something_before_a_data_head_is_no_dataset(nlp):
    found, _, _ = entities(nlp, Paper("p-q", "A study", "We match features on a shared 50M-token corpus and a 10k-image benchmark."))
    assert not any(name[0].isdigit() for name in found)


def test_an_arrow_between_datasets_names_both(nlp):
    paper = Paper("p-ar", "Adaptation", "It reaches 58.1 mIoU on GTA5→Cityscapes and 62.4 mIoU on SYNTHIA->Cityscapes.")
    found, _, _ = entities(nlp, paper)
    assert {name for name, e in found.items() if e.type == "DATASET"} == {"GTA5", "Cityscapes", "SYNTHIA"}
    assert not any("→" in name or "->" in name for name in found)


def test_a_measure_written_at_a_cutoff_is_a_metric(nlp):
    found, _, _ = entities(nlp, Paper("p-at", "Reasoning", "We report zorb@16 and AIME accuracy; mail a@b.org."))
    assert found["zorb@16"].type == "METRIC" and not any("@b" in name for name in found)


def test_a_split_or_overall_score_is_no_metric(nlp):
    found, _, _ = entities(nlp, Paper("p-ds", "Pruning", "It retains 96.8% of the teacher's GLUE dev score and the "
                                      "GenEval overall score, with higher BLEU."))
    assert "dev score" not in found and "overall score" not in found and found["BLEU"].type == "METRIC"


def test_a_curated_dataset_before_a_task_word_stays_the_dataset(nlp):
    found, _, _ = entities(nlp, Paper("p-ad", "Offline RL", "It improves on the Adroit manipulation tasks."))
    assert found["Adroit"].type == "DATASET" and not any("manipulation" in name for name in found)


def test_a_curated_node_keeps_a_field_short_form_as_alias_without_extracting_it(nlp):
    found, _, _ = entities(nlp, Paper("p-rl", "A study", "We train agents with reinforcement learning. RL is hard."))
    assert "RL" in found["reinforcement learning"].aliases  # so `papers_using name=RL` finds the node
    alone, _, _ = entities(nlp, Paper("p-ml", "A study", "We study ML agents."))
    assert "ML" not in alone and "machine learning" not in alone  # a bare field acronym names nothing (RL aside)


def test_a_name_listed_with_a_metric_or_measured_in_is_a_metric(nlp):
    found, _, _ = entities(nlp, Paper("p-mt", "A study", "We report PSNR, SSIM and ZorbScore. "
                                      "It gives an average 6.5% reduction in QuuxErr over the leading baselines. "
                                      "It beats FooNet in BarBench."))
    assert found["ZorbScore"].type == "METRIC" and found["QuuxErr"].type == "METRIC"
    assert found["FooNet"].type == "METHOD"  # "in" after a name, not after a change or a number


def test_a_name_a_result_is_scored_or_changed_in_is_a_metric(nlp):
    found, _, _ = entities(nlp, Paper("p-mc", "A study", "Zorb improves QuxScore by 1.9 points and BlorbDe by 2.6 points over "
                                      "FooNet, reaches 41.9 mIoU and 38.2 RayIoU, and beats BarNet by 3.4 mIoU."))
    assert {name: found[name].type for name in ("QuxScore", "BlorbDe", "RayIoU")} == dict.fromkeys(("QuxScore", "BlorbDe", "RayIoU"), "METRIC")
    assert found["BarNet"].type == "METHOD" and found["FooNet"].type == "METHOD"  # outperformed by a margin: a rival
    rivals, _, _ = entities(nlp, Paper("p-mc3", "A study", "Zorb outperforms FooNet by 3.1 points and BarNet by 2.4 points "
                                       "on MMLU, and surpasses the 1.5 QuxNet baseline. Against version 2.1 BazLib it wins."))
    assert all(e.type != "METRIC" for name, e in rivals.items() if name != "MMLU"), rivals
    improved, _, _ = entities(nlp, Paper("p-mc4", "A study", "Our recipe boosts QwenZorb by 4.1 points, outperforming FooNet."))
    assert "QwenZorb" not in improved or improved["QwenZorb"].type != "METRIC"  # improved with no baseline: a model
    release, _, _ = entities(nlp, Paper("p-mc2", "A study", "We compare Zorb with Claude 3.5 Sonnet and Blorb 2.5 Flash."))
    assert all(e.type != "METRIC" for e in release.values()), release  # a release number is no score


def test_a_head_word_used_as_a_verb_types_no_list(nlp):
    found, _, _ = entities(nlp, Paper("p-hv", "GNNs at Scale", "We benchmark GCN, GIN and GraphSAGE on QM9. "
                                      "We also benchmark FooNet and GraphSAGE. The benchmarks QuxQA and BazQA are hard."))
    assert {found[name].type for name in ("graph convolutional network", "graph isomorphism network", "FooNet")} == {"METHOD"}
    assert found["QuxQA"].type == found["BazQA"].type == "DATASET"  # the noun still heads its list
    for text in ("This paper benchmarks GCN, GIN and GraphSAGE on QM9.", "We collect 3,000 molecules and benchmark GCN, "
                 "GIN and GraphSAGE on them.", "We then systematically benchmark GCN, GIN and GraphSAGE on QM9."):
        found, _, _ = entities(nlp, Paper("p-hv2", "A study", text))
        assert {e.type for name, e in found.items() if name != "QM9"} == {"METHOD"}, (text, found)
        assert all(e.role == "used" for e in found.values())


def test_a_code_before_a_curated_method_is_no_dataset_alias(nlp):
    found, _, _ = entities(nlp, Paper("p-tl", "A study", "We tune on TL;DR. We propose TL-GRPO, a variant of GRPO."))
    assert found["Reddit TL;DR"].text == "TL;DR" and "TL" not in found["Reddit TL;DR"].aliases
    assert (found["TL-GRPO"].type, found["TL-GRPO"].family) == ("METHOD", "GRPO")  # "TL" had been an alias of the dataset
    label, _, _ = entities(nlp, Paper("p-tl2", "A study", "TL;DR: We propose ZorbNet, a model."))
    assert "Reddit TL;DR" not in label  # OpenReview's summary label names no dataset


def test_a_summary_label_is_no_compared_name(nlp):
    found, _, _ = entities(nlp, Paper("p-tl3", "A study", "TL;DR: ZorbAEs are barely better than random baselines."))
    assert set(found) == {"ZorbAEs"}
    found, _, _ = entities(nlp, Paper("p-tl4", "A study", "ZorbBERT: a domain model. ZorbBERT beats QuuxNet."))
    assert {"ZorbBERT", "QuuxNet"} <= set(found)  # a name heading its own paragraph stays


def test_a_defined_term_ending_in_a_curated_measure_is_a_measure(nlp):
    found, _, _ = entities(nlp, Paper("p-rf", "A Tokenizer", "ZorbTok obtains a token FID (tFID) of 0.98 on "
                                      "ImageNet, and tFID 0.41 on COCO."))
    assert found["token FID"].type == "METRIC" and "tFID" in found["token FID"].aliases


def test_amazon_review_categories_written_in_full_are_one_dataset_each(nlp):
    found, _, _ = entities(nlp, Paper("p-am", "A study", "We use Beauty, Sports and Outdoors, and Toys and Games from Amazon."))
    assert found["Amazon Sports"].text == "Sports and Outdoors" and found["Amazon Toys"].text == "Toys and Games"
    assert not {"Sports", "Outdoors", "Toys", "Games"} & set(found)


def test_a_parameter_count_makes_a_techniques_name_a_model_without_a_second_node(nlp):
    paper = Paper("p-mb", "A study", "We train Performer-1.4B and RWKV-7B, and compare with Performer and LoRA-GA.")
    found, _, _ = entities(nlp, paper)
    assert found["Performer-1.4B"].type == found["RWKV-7B"].type == "MODEL" and found["Performer"].type == "METHOD"
    assert found["LoRA-GA"].type == "METHOD"  # a code, not a size
    assert entities(nlp, Paper("p-mb2", "A study", "We train RWKV-14B-Instruct."))[0]["RWKV-14B-Instruct"].type == "MODEL"
    ((_, mentions, links),) = extract([paper], nlp=nlp)
    graph = build_graph([PaperEntities(paper, tuple(to_entities(paper, mentions)), links)])
    assert {n for n, d in graph.nodes(data=True) if d.get("name") == "Performer"} == {"method:performer"}


def test_named_sequence_architectures_are_models_as_other_architectures_are(nlp):
    found, _, _ = entities(nlp, Paper("p-ssm", "A study", "We compare Mamba, Mamba-2, RetNet, RWKV, DeltaNet and S4 with ViT."))
    assert {found[n].type for n in ("Mamba", "Mamba-2", "RetNet", "RWKV", "DeltaNet", "S4", "ViT")} == {"MODEL"}


def test_a_release_after_a_coined_data_name_is_part_of_it(nlp):
    found, _, _ = entities(nlp, Paper("p-rel", "A study", "We fine-tune T5 on FLAN v2 and report results on ZorbQA 2024, "
                                                          "BarQA v1.5 and BazBench. It reaches 71.2% on QuxQA v3."))
    assert {"FLAN v2", "ZorbQA 2024", "BarQA v1.5", "BazBench", "QuxQA v3"} <= {n for n, e in found.items() if e.type == "DATASET"}
    assert not {"FLAN", "ZorbQA", "BarQA", "QuxQA"} & set(found)


def test_a_numbered_task_of_a_shared_task_series_is_part_of_the_data_name(nlp):
    found, _, _ = entities(nlp, Paper("p-task", "A study", "We evaluate on SemEval-2017 Task 4, ZorbEval Task 2 and BarQA 2024 Task 1B, "
                                                           "and on DCASE 2023 Task 4A. It reaches 71.2 on QuxQA Task 3."))
    data = {n for n, e in found.items() if e.type == "DATASET"}
    assert {"SemEval-2017 Task 4", "ZorbEval Task 2", "BarQA 2024 Task 1B", "DCASE 2023 Task 4A", "QuxQA Task 3"} <= data
    assert not {"SemEval-2017", "ZorbEval", "BarQA 2024", "DCASE 2023", "QuxQA"} & set(found)


def test_a_known_name_inside_the_new_things_phrase_is_used(nlp):
    found, _, _ = entities(nlp, Paper("p-pp", "A study", "We present an analysis of forgetting in Soft Actor-Critic (SAC). "
                                                         "We propose an extension of Low-Rank Adaptation (LoRA) to video."))
    assert found["SAC"].role == found["LoRA"].role == "used"
    found, _, _ = entities(nlp, Paper("p-pp2", "A study", "We propose a family of models, called ZorbNet, for forgetting in SAC."))
    assert found["ZorbNet"].role == "proposed" and found["SAC"].role == "used"


def test_venues_organisations_and_code_hosts_are_no_entities(nlp):
    found, _, _ = entities(nlp, Paper("p-org", "A study", "Unlike work at NeurIPS and ICML, and unlike OpenAI, Google DeepMind "
                                                          "and Hugging Face, we outperform GPT-4 on MMLU."))
    assert set(found) == {"GPT-4", "MMLU"}


def test_game_playing_agents_are_methods_as_other_reinforcement_learning_agents_are(nlp):
    found, _, _ = entities(nlp, Paper("p-rl", "A study", "We compare MuZero, Gumbel MuZero, AlphaZero and Agent57 with "
                                                         "EfficientZero and DreamerV3 on Atari."))
    assert {found[n].type for n in ("MuZero", "Gumbel MuZero", "AlphaZero", "Agent57", "EfficientZero", "DreamerV3")} == {"METHOD"}


def test_a_known_model_opening_a_headline_clause_is_no_new_name(nlp):
    for title in ("Whisper Goes Medical: Speech in Clinics", "BERT Knows Physics: Probing", "Llama Learns Chess: A Study"):
        found, _, _ = entities(nlp, Paper("p-head", title, "We study this with experiments on ImageNet."))
        assert {e.role for e in found.values()} == {"used"}, title


def test_a_name_set_off_after_our_tool_is_the_papers_own(nlp):
    found, _, _ = entities(nlp, Paper("p-tool", "A study", "We clean metadata with our tool, CleanMeta, before training."))
    assert found["CleanMeta"].role == "proposed" and found["CleanMeta"].type == "METHOD"


def test_a_coined_name_whose_tasks_or_splits_a_paper_takes_is_a_dataset(nlp):
    found, _, _ = entities(nlp, Paper("p-part", "A study", "We train on 15 tasks from ZorbSuite and the test split of BarQA "
                                                           "and BazQA, and transfer ideas of QuxNet-7B."))
    assert {n for n, e in found.items() if e.type == "DATASET"} == {"ZorbSuite", "BarQA", "BazQA"}


def test_a_plain_title_phrase_beside_the_abstracts_own_coinage_is_a_headline(nlp):
    found, _, _ = entities(nlp, Paper("p-hl", "Dormant Critics: Diagnosing Plasticity Loss",
                                      "We study plasticity loss in SAC. We propose a remedy, which we name ReGrow, that resets units."))
    assert "Dormant Critics" not in found and found["ReGrow"].role == "proposed"
    found, _, _ = entities(nlp, Paper("p-hl2", "Product-Level Try-on: Realistic Shading",
                                      "We propose a product-level pipeline, i.e. PLTON, which keeps logos."))
    assert found["Product-Level Try-on"].role == "proposed"  # the coinage spells the phrase's initials


def test_a_verb_spelled_like_a_curated_name_is_no_mention(nlp):
    found, _, _ = entities(nlp, Paper("p-rot", "A study", "The policy rotates objects in hand; we compare with RotatE on FB15k-237."))
    assert "RotatE" in found and found["RotatE"].text == "RotatE"


def test_reinforcement_learning_vocabulary_is_curated(nlp):
    found, _, _ = entities(nlp, Paper("p-rlv", "A study", "On Hanabi, other-play with a lambda-return critic raises the "
                                                          "normalized return and the episode return, while policy entropy stays high."))
    assert found["Hanabi"].type == "DATASET" and found["other-play"].type == found["lambda-return"].type == "METHOD"
    assert {found[n].type for n in ("normalized return", "cumulative reward", "policy entropy")} == {"METRIC"}


def test_program_of_thought_prompting_is_one_technique_in_its_spellings(nlp):
    found, _, _ = entities(nlp, Paper("p-pot", "A study", "We compare program-of-thought prompting with PoT prompting on GSM8K."))
    assert [e.name for e in found.values() if e.type == "METHOD"] == ["program of thoughts"]
    assert found["program of thoughts"].text == "program-of-thought prompting"  # the whole written technique


def test_a_measure_a_method_uses_as_a_tool_is_no_reported_metric(nlp):
    found, _, _ = entities(nlp, Paper("p-tool-m", "A study", "Fixed IoU thresholds and matching based on IoU fail; we apply "
                                                            "perplexity filtering and stop early based on validation loss."))
    assert not {e.name for e in found.values() if e.type == "METRIC"}
    found, _, _ = entities(nlp, Paper("p-tool-m2", "A study", "It reaches 41.2 IoU on ScanNet and lowers perplexity to 9.1."))
    assert {e.name for e in found.values() if e.type == "METRIC"} == {"intersection over union", "perplexity"}


def test_a_curated_name_of_capitals_and_a_number_matches_with_them_apart(nlp):
    found, _, _ = entities(nlp, Paper("p-ucf", "A study", "We report FVD on UCF-101 and accuracy on UCF 101 clips."))
    assert [(e.name, e.type) for e in found.values() if e.type == "DATASET"] == [("UCF101", "DATASET")]


def test_atari_games_are_data_of_the_atari_family(nlp):
    found, _, _ = entities(nlp, Paper("p-atari", "A study", "On the Atari games Pitfall!, Private Eye, Venture and Solaris our "
                                                            "agent explores further. A venture into solaris-like worlds follows."))
    assert {found[n].family for n in ("Pitfall!", "Private Eye", "Venture", "Solaris")} == {"Atari"}
    assert [e.text for e in found.values() if e.name == "Venture"] == ["Venture"]


def test_a_task_name_modifying_a_part_of_a_method_is_no_task(nlp):
    found, _, _ = entities(nlp, Paper("p-part-t", "A study", "We depart from the language modeling paradigm and add a link "
                                                            "prediction head to the encoder."))
    assert not [e for e in found.values() if e.type == "TASK"]
    found, _, _ = entities(nlp, Paper("p-part-t2", "A study", "We study link prediction and language modeling on WikiText-103."))
    assert {e.name for e in found.values() if e.type == "TASK"} == {"link prediction", "language modeling"}


def test_word_embeddings_are_a_generic_class_and_word2vec_a_name(nlp):
    found, _, _ = entities(nlp, Paper("p-we", "A study", "Many systems rely on word embeddings such as word2vec and GloVe."))
    assert not [n for n in found if n.lower().startswith("word emb")] and {"word2vec", "GloVe"} <= set(found)


def test_a_numbered_shared_task_is_data_wherever_it_stands(nlp):
    for abstract in ("We evaluate on SemEval-2017 Task 4 with BERT.", "This paper describes our submission to SemEval-2017 Task 4.",
                     "We participate in SemEval-2017 Task 4 and rank first."):
        found, _, _ = entities(nlp, Paper("p-st", "A study", abstract))
        assert found["SemEval-2017 Task 4"].type == "DATASET", abstract
    found, _, _ = entities(nlp, Paper("p-st2", "SemEval-2017 Task 4: Sentiment Analysis in Twitter", "We describe the task's fifth year."))
    assert (found["SemEval-2017 Task 4"].type, found["SemEval-2017 Task 4"].role) == ("DATASET", "proposed")


def test_companies_and_venues_with_a_year_are_no_entities(nlp):
    found, _, _ = entities(nlp, Paper("p-co", "A study", "We thank Mistral AI and DeepSeek-AI; Stability AI, Cohere and xAI are "
                                                         "compared. We presented at ACL 2024 and compare with Mistral 7B."))
    assert set(found) == {"Mistral 7B"}


def test_a_bound_on_model_size_is_no_model_name(nlp):
    found, _, _ = entities(nlp, Paper("p-sub", "A study", "We distil reasoning into Sub-4B language models and under-1B ones."))
    assert not any(n.lower().startswith(("sub", "under")) for n in found)


def test_names_a_proposed_gerund_takes_are_used_not_proposed(nlp):
    found, _, _ = entities(nlp, Paper("p-ger", "A study", "We propose training BERT with LoRA. We propose applying DPO to "
                                                          "code. We propose combining both into one framework, called ZorbMix."))
    assert found["BERT"].role == found["DPO"].role == found["LoRA"].role == "used" and found["BERT"].type == "MODEL"
    assert found["ZorbMix"].role == "proposed"
    found, _, _ = entities(nlp, Paper("p-ger2", "A study", "We propose tuning GPT-2 with PPO. We propose pretraining ZorbLM, "
                                                           "a new 7B language model."))
    assert found["GPT-2"].role == found["PPO"].role == "used" and found["ZorbLM"].role == "proposed"  # a coined name may be new


def test_precision_and_recall_as_a_pair_are_measures(nlp):
    found, _, _ = entities(nlp, Paper("p-pr", "A study", "It matches their FID, precision and recall, with weights "
                                      "kept in 8-bit precision and strong knowledge recall."))
    assert found["precision"].type == found["recall"].type == "METRIC"
    alone, _, _ = entities(nlp, Paper("p-pr2", "A study", "Weights stay in 8-bit precision; knowledge recall improves. We "
                                      "train in half precision and recall that FP16 precision and recall from memory differ."))
    assert "precision" not in alone and "recall" not in alone


def test_a_subtitle_types_the_title_name_by_its_first_noun_phrase(nlp):
    any_to_any, _, _ = entities(nlp, Paper("p-st", "4Z-21: An Any-to-Any Vision Model for Tens of Tasks", "We train it."))
    assert any_to_any["4Z-21"].type == "MODEL"  # "to" inside "Any-to-Any" is no preposition ending the phrase
    pair, _, _ = entities(nlp, Paper("p-st2", "ZORB-E: A Foley Sound Synthesis Model and Strategies", "We train it."))
    assert pair["ZORB-E"].type == "MODEL"  # the first noun phrase's head, not "Strategies"


def test_a_short_form_written_with_its_long_forms_head_is_the_same_thing(nlp):
    found, _, _ = entities(nlp, Paper("p-sh", "A study", "We propose Cross-Cosine Zorb Loss (CCZL) and Cross-Sigmoid Zorb "
                                      "Loss (CSZL). The CCZL loss aligns features, and the CSZL loss is stable."))
    assert {name for name in found} == {"CCZL", "CSZL"}, found  # no "CCZL loss" node beside CCZL
    assert "CCZL loss" in found["CCZL"].aliases


def test_a_function_word_is_never_a_name_even_in_a_capitalised_coinage(nlp):
    paper = Paper("p-fw", "THE ZORBEUM: A Benchmark for Evaluating Robots", "Most studies evaluate robots in the training "
                  "setup. We present THE ZORBEUM, a novel simulation benchmark, with 20 tasks.")
    found, _, _ = entities(nlp, paper)
    assert "the" not in {name.lower() for name in found} and "THE ZORBEUM" in found, found


def test_an_appositive_reads_past_a_glued_size_and_a_capitalised_name_with_of(nlp):
    found, _, _ = entities(nlp, Paper("p-ap", "ZorbMoE: Efficient Training", "In this paper, we present ZorbMoE, a "
                                      "cutting-edge bilingual 8*16B Mixture of Experts (MoE) language model that has 8 experts."))
    assert (found["ZorbMoE"].type, found["ZorbMoE"].role) == ("MODEL", "proposed")


def test_a_coined_name_before_a_curated_measure_names_its_variant(nlp):
    found, _, _ = entities(nlp, Paper("p-cm", "A study", "Zorb outperforms FooNet, reaching 71.3 Arg-C F1 on ACE 2005, "
                                      "80.1 MMLU accuracy on STEM and 60.2 QuxQA F1."))
    assert (found["Arg-C F1"].type, found["Arg-C F1"].family) == ("METRIC", "F1 score") and "Arg-C" not in found
    assert "MMLU" in found and "MMLU accuracy" not in found  # a curated name before a measure keeps its node
    assert "QuxQA F1" not in found  # no data named after the measure: the name is mostly the data
    scored, _, _ = entities(nlp, Paper("p-cm2", "A study", "FooNet accuracy on CIFAR-10 beats BarNet."))
    assert "FooNet accuracy" not in scored  # before accuracy a coined name is mostly the model scored


def test_sizes_written_as_a_letter_list_stand_for_the_family(nlp):
    found, _, _ = entities(nlp, Paper("p-sl", "A study", "Families come in scales (DeiT-Ti/S/B, Swin-T/S/B); we also use ViT-L/16."))
    assert (found["DeiT"].text, found["Swin Transformer"].text) == ("DeiT-Ti/S/B", "Swin-T/S/B")
    assert "DeiT-Ti" not in found and "ViT-L/16" in found  # a patch size is no list of sizes


def test_a_lower_case_name_introduced_with_an_appositive_is_the_papers(nlp):
    found, _, _ = entities(nlp, Paper("p-la", "Initializing Small Models", "We introduce zorb selection, a method for "
                                      "initializing small models. We present experiments, which show gains."))
    assert (found["zorb selection"].type, found["zorb selection"].role) == ("METHOD", "proposed")
    assert "experiments" not in found


def test_a_name_the_papers_code_repository_bears_is_the_papers(nlp):
    paper = Paper("p-rp", "A study", "We learn a small zorb prediction network (ZorbNet) to improve models, with dropout. "
                  "Code: https://github.com/someone/ZorbNet. The dropout code is at https://github.com/other/dropout.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbNet"].role == "proposed"
    assert found["dropout"].role == "used"  # a curated name keeps its role whatever a repository is called


def test_a_new_pair_that_is_proposed_in_the_passive_is_the_papers(nlp):
    found, _, _ = entities(nlp, Paper("p-pp", "A study", "In this study, a multi-view zorb learning (MZL) method is proposed "
                                      "for pre-training. Recently, Quux Neural Networks (QNN) is proposed to stitch networks."))
    assert found["MZL"].role == "proposed" and found["Quux Neural Networks"].role == "used"


def test_pairs_opening_enumerated_items_of_a_proposal_are_the_papers(nlp):
    found, _, _ = entities(nlp, Paper("p-en", "A study", "We propose two modules: (1) Zorb Selective Fusion (ZSF) enables "
                                      "transfer; (2) Quux Embedding Alignment (QEA) performs alignment."))
    assert found["ZSF"].role == "proposed" and found["QEA"].role == "proposed"


def test_a_pair_coordinated_after_the_papers_own_pair_is_the_papers(nlp):
    found, _, _ = entities(nlp, Paper("p-cp", "A study", "We propose two such scores, the Zorb Gradient (ZG) and the "
                                      "Quux L2-Norm (QL2N) scores. We compare with Bar Flow (BF) and Baz Norm (BN)."))
    assert found["ZG"].role == found["QL2N"].role == "proposed"
    assert found["Bar Flow"].role == found["Baz Norm"].role == "used"


def test_plain_words_before_a_title_question_are_a_hook_not_a_name(nlp):
    found, _, _ = entities(nlp, Paper("p-tq", "Unbroken: How Does Zorb Training Fail?", "We study why it fails."))
    assert "Unbroken" not in found
    named, _, _ = entities(nlp, Paper("p-tq2", "ZorbNet: Can Small Models Reason?", "We study ZorbNet."))
    assert named["ZorbNet"].role == "proposed"  # a coined name stays the paper's


def test_a_short_form_that_stands_for_a_long_form_is_one_node(nlp):
    found, _, _ = entities(nlp, Paper("p-sf", "A study", "We introduce a training method called ZorbIT, which stands for "
                                      "Zorbed Interleaved Training. ZorbIT scales well."))
    assert "Zorbed Interleaved Training" in found["ZorbIT"].aliases and "Zorbed Interleaved Training" not in found


def test_an_all_capitals_name_before_a_data_head_is_data_even_if_it_spells_a_technique_word(nlp):
    found, _, _ = entities(nlp, Paper("p-ac", "A study", "We tune it on the eight tasks of the TRACE benchmark."))
    assert found["TRACE"].type == "DATASET"


def test_a_short_form_spelled_out_in_brackets_after_it_is_one_node(nlp):
    found, _, _ = entities(nlp, Paper("p-rb", "A study", "We propose ZAGRO (Zorb-Aware Group Relative Optimization), a "
                                      "drop-in replacement. ZAGRO improves results. We also use FooNet (a small model)."))
    assert found["ZAGRO"].role == "proposed" and "Zorb-Aware Group Relative Optimization" in found["ZAGRO"].aliases
    assert "Zorb-Aware Group Relative Optimization" not in found


def test_a_name_introduced_as_an_implementation_is_a_method(nlp):
    found, _, _ = entities(nlp, Paper("p-im", "A study", "We also introduce ZORBSIGMOID, a memory-efficient implementation "
                                      "of sigmoid attention."))
    assert (found["ZORBSIGMOID"].type, found["ZORBSIGMOID"].role) == ("METHOD", "proposed")


def test_a_name_called_in_a_sentence_about_earlier_work_is_used(nlp):
    found, _, _ = entities(nlp, Paper("p-ew", "ZorbInterval", "Recently, a new learning paradigm was presented to control "
                                      "forgetting, called Interval Zorb Learning (IZL), which relies on intervals. "
                                      "We propose ZorbInterval, which beats IZL."))
    assert found["Interval Zorb Learning"].role == "used" and found["ZorbInterval"].role == "proposed"


def test_a_quote_closing_a_sentence_stays_in_it(nlp):
    found, _, _ = entities(nlp, Paper("p-cq", "A study", 'We call the results "zorb soups." When fine-tuning BERT, it helps.'))
    assert found["BERT"].sentence == "When fine-tuning BERT, it helps."


def test_a_citation_s_et_al_ends_no_sentence(nlp):
    found, _, _ = entities(nlp, Paper("p-ea", "A study", "Unlike Zorb et al. (2024), which fine-tunes BERT, we do not."))
    assert found["BERT"].sentence == "Unlike Zorb et al. (2024), which fine-tunes BERT, we do not."


def test_names_in_brackets_after_a_dataset_are_its_parts(nlp):
    found, _, _ = entities(nlp, Paper("p-bp", "A study", "On ZorbBench (ZorbXNLI, ZorbMMLU and ZorbMGSM), it leads. "
                                      "On Natural Questions (NQ) and FooQA (BarNet) it fails."))
    assert {n for n, e in found.items() if e.type == "DATASET"} >= {"ZorbBench", "ZorbXNLI", "ZorbMMLU", "ZorbMGSM"}
    assert "NQ" in found["Natural Questions"].aliases


def test_model_classes_input_features_and_broad_skills_are_no_nodes(nlp):
    found, _, _ = entities(nlp, Paper("p-g3", "A study", "We train a vision-language-action model (VLA) on log-mel "
                                      "spectrograms for locomotion. The VLA policy works."))
    assert not found


def test_long_chain_of_thought_is_chain_of_thought(nlp):
    found, _, _ = entities(nlp, Paper("p-lc", "A study", "Models trained with long chain-of-thought reason better."))
    assert list(found) == ["chain-of-thought prompting"]


def test_a_known_measure_the_paper_proposes_to_use_is_used(nlp):
    found, _, _ = entities(nlp, Paper("p-mse", "Distilling Zorbs", "To address this, we propose to minimize the mean "
                                      "squared error (MSE) between the two representations. We also introduce the MSE "
                                      "between the inner and outer models."))
    assert found["mean squared error"].role == "used"


def test_plain_words_before_a_surveys_colon_are_its_topic(nlp):
    found, _, _ = entities(nlp, Paper("p-sv", "Zorbic Model Behavior: A Comprehensive Survey", "We review 250 studies."))
    assert "Zorbic Model Behavior" not in found
    found, _, _ = entities(nlp, Paper("p-sv2", "Zorbic Thought: Masking Steps Helps", "We mask steps."))
    assert found["Zorbic Thought"].role == "proposed"


def test_a_title_action_described_with_of_is_no_technique_name(nlp):
    found, _, _ = entities(nlp, Paper("p-tt", "ZorbAlign: Boosting Transfer by Early Establishment of Multilingual Alignment",
                                      "We align early."))
    assert "Early Establishment" not in found
    found, _, _ = entities(nlp, Paper("p-tt2", "Debiasing Zorbs via Causal Information Minimization", "We debias."))
    assert found["Causal Information Minimization"].role == "proposed"


def test_a_name_that_has_been_introduced_without_we_is_earlier_work(nlp):
    found, _, _ = entities(nlp, Paper("p-pw", "Zorb-FLUX: simple generation",
                                      "A methodology named Quux Decoupled Synthesis (QDS) has been introduced, which "
                                      "decouples generation."))
    assert found["Quux Decoupled Synthesis"].role == "used"
    found, _, _ = entities(nlp, Paper("p-pw2", "Study", "We present a method named ZorbNet for generation."))
    assert found["ZorbNet"].role == "proposed"


def test_what_the_papers_titled_system_introduces_is_the_papers(nlp):
    found, _, _ = entities(nlp, Paper("p-own", "ZorTeR: Retrieval-Augmented Reasoning",
                                      "We propose ZorTeR, a framework. At test time, ZorTeR introduces a Process "
                                      "Explanation Model (PEM) for generating explanations."))
    pem = next(e for e in found.values() if "PEM" in (e.name, *e.aliases))
    assert pem.role == "proposed"


def test_a_name_extending_the_papers_own_after_a_hyphen_is_its_variant(nlp):
    found, _, _ = entities(nlp, Paper("p-vlm", "Zorb2-11B Technical Report",
                                      "We introduce Zorb2-11B. The weights of both Zorb2-11B and Zorb2-11B-vlm are "
                                      "released, and we compare with Llama-3-8B."))
    assert found["Zorb2-11B-vlm"].role == "proposed" and found["Llama 3 8B"].role == "used"


def test_a_task_or_data_head_after_a_defined_pair_types_it(nlp):
    found, _, _ = entities(nlp, Paper("p-hp", "Study", "Prompt tuning does not lend well to the multi-label class "
                                      "incremental zorbing (MLCIZ) scenario. We test text-to-video (T2V) models."))
    assert found["multi-label class incremental zorbing"].type == "TASK" and "text-to-video" not in found


def test_a_dimension_before_a_task_phrase_is_part_of_the_task(nlp):
    found, _, _ = entities(nlp, Paper("p-3d", "Sparse Gaussians for Vision-Centric 3D Semantic Occupancy Prediction",
                                      "Camera-based 3D semantic occupancy prediction is a key task, as are 2D pose estimation tasks."))
    assert {"3D Semantic Occupancy Prediction", "2D pose estimation"} <= set(found)
    assert "Semantic Occupancy Prediction" not in found and "Vision-Centric 3D Semantic Occupancy Prediction" not in found


def test_a_question_word_never_opens_a_task_phrase(nlp):
    found, _, _ = entities(nlp, Paper("p-wh", "A survey", "Zorb-1 marked a shift in how reasoning ability is elicited "
                                      "from models: from prompting techniques such as chain-of-thought (CoT), to "
                                      "reinforcement learning. This survey organizes the work along two axes: how "
                                      "reasoning traces are obtained (prompting, distillation and search), and how "
                                      "they are supervised. We ask why retrieval helps question answering."))
    assert not [name for name in found if name.split()[0].lower() in {"how", "why"}]
    assert found["question answering"].type == "TASK"


def test_a_glued_granularity_before_a_known_technique_makes_a_technique_of_its_own(nlp):
    found, _, _ = entities(nlp, Paper("p-lvl", "Study", "We decode with step-level beam search and train with "
                                      "sequence-level knowledge distillation, averaging low-level transformer layers."))
    assert found["step-level beam search"].type == "METHOD" and found["step-level beam search"].family == "beam search"
    assert "sequence-level knowledge distillation" in found
    assert not [name for name in found if name.startswith("low-level")]


def test_a_curated_metric_with_a_size_glued_on_is_its_variant(nlp):
    found, _, _ = entities(nlp, Paper("p-mv", "Study", "Adequacy correlates with chrF++ at 0.47 and with xCOMET-XL "
                                      "at 0.52, and we report FID-50K."))
    assert found["xCOMET-XL"].type == "METRIC" and found["xCOMET-XL"].family == "xCOMET"
    assert found["FID-50K"].type == "METRIC"


def test_a_size_after_a_dataset_name_that_counts_its_data_names_a_model(nlp):
    found, _, _ = entities(nlp, Paper("p-mad", "Study", "We benchmark MADLAD-400-10B and GPT-4o, and train on "
                                      "LAION-2B and MADLAD-400."))
    assert found["MADLAD-400-10B"].type == "MODEL"
    assert found["LAION-2B"].type == found["MADLAD-400"].type == "DATASET"


def test_a_model_glued_onto_a_sized_base_model_is_one_model(nlp):
    found, _, _ = entities(nlp, Paper("p-rm", "Study", "We swap our reward model for ArmoRM-Llama3-8B and embed "
                                      "with Zorb-Mistral-7B-instruct, while DINO-ViT features and Llama-3-8B stay."))
    assert found["ArmoRM-Llama3-8B"].type == "MODEL" and found["ArmoRM-Llama3-8B"].family == "ArmoRM"
    assert "Zorb-Mistral-7B-instruct" in found and "Mistral 7B" not in found
    assert found["Llama 3 8B"].text == "Llama-3-8B"  # its own mention, not the one inside ArmoRM's name


def test_a_coined_name_the_authors_propose_is_a_node_even_when_nothing_types_it(nlp):
    found, _, _ = entities(nlp, Paper("p-un", "A study of views", "We propose MaskMix, which mixes masked views. "
                                      "We introduce ToolWeaver, which composes tools, and build 3DSeg-8 dataset from "
                                      "challenges. We present a 7B-parameter transformer model."))
    assert found["MaskMix"].role == found["ToolWeaver"].role == "proposed"
    assert found["MaskMix"].type == "METHOD" and found["3DSeg-8"].type == "DATASET"
    assert not [name for name in found if name.startswith("7B")]


def test_a_pair_in_apposition_to_our_method_is_the_papers(nlp):
    found, _, _ = entities(nlp, Paper("p-our", "A study", "Our method, Privileged Curriculum Distillation (PCD), "
                                      "schedules teacher signals. PCD beats PPO."))
    assert found["PCD"].role == "proposed" and found["PPO"].role == "used"


def test_a_curated_subset_or_edition_of_a_benchmark_is_its_variant(nlp):
    found, _, _ = entities(nlp, Paper("p-sub", "Study", "We evaluate on MATH-500, SWE-bench Verified, Kinetics-400 "
                                      "and the KITTI Eigen split, but keep CIFAR-10 apart."))
    assert found["MATH-500"].family == "MATH" and found["SWE-bench Verified"].family == "SWE-bench"
    assert found["Kinetics-400"].family == "Kinetics" and found["KITTI Eigen split"].family == "KITTI"
    assert found["CIFAR-10"].family is None  # CIFAR-10 and CIFAR-100 are two datasets, not one family


def test_the_title_name_spelled_out_in_brackets_is_one_node_however_loose_the_letters(nlp):
    found, _, _ = entities(nlp, Paper("p-str", "ZTRIDE: Step-wise Reward Distillation for Reasoning",
                                      "We propose ZTRIDE (Step-wise Reward Distillation), which trains a verifier."))
    assert found["ZTRIDE"].role == "proposed" and "Step-wise Reward Distillation" in found["ZTRIDE"].aliases
    assert "Step-wise Reward Distillation" not in found


def test_capitals_spell_a_title_names_long_form_only_when_the_phrase_ends_there(nlp):
    found, _, _ = entities(nlp, Paper("p-mm", "MixMazk: Mixing Masked Views for Pre-training", "We propose MixMazk, which mixes views."))
    assert found["MixMazk"].aliases == ()
    found, _, _ = entities(nlp, Paper("p-lr", "ZoRA: Zero-Rank Adaptation of Language Models", "We propose ZoRA, which adapts."))
    assert found["ZoRA"].aliases == ("Zero-Rank Adaptation",)


def test_no_known_technique_is_cut_out_of_a_capitalised_compound(nlp):
    found, _, _ = entities(nlp, Paper("p-dl", "ZiagLoRA: Diagonal-Plus-Low-Rank Adapters for Efficient Fine-Tuning",
                                      "We propose ZiagLoRA, a method."))
    assert "LoRA" not in found
    found, _, _ = entities(nlp, Paper("p-dl2", "Study", "We compare with LoRA and SE-ResNet-50."))
    assert "LoRA" in found


def test_known_models_listed_in_brackets_after_a_plural_head_are_examples_not_proposals(nlp):
    found, _, _ = entities(nlp, Paper("p-jj", "Judging the Judges", "We present an analysis of six judge models "
                                      "(GPT-4o, GPT-4-Turbo and Claude 3.5 Sonnet) on pairwise comparisons."))
    assert found["GPT-4o"].role == found["GPT-4 Turbo"].role == "used"
    found, _, _ = entities(nlp, Paper("p-jk", "Study", "We present two models (ZorbLM-7B and ZorbLM-70B) for parsing."))
    assert found["ZorbLM-7B"].role == "proposed"


def test_a_short_form_spelled_out_as_no_technique_is_no_proposal(nlp):
    found, _, _ = entities(nlp, Paper("p-l5", "Two-point cells", "Layer 5 pyramidal cells (L5PCs) were discovered "
                                      "long ago. We show our proposed cooperative L5PC, and we propose ZaskMix, which mixes."))
    assert not [name for name in found if name.startswith("L5PC")] and found["ZaskMix"].role == "proposed"


def test_a_release_number_after_a_known_dataset_is_its_edition_but_a_score_is_not(nlp):
    paper = Paper("p-mw", "Slot Prompts", "We train on MultiWOZ 2.1 and report results on MultiWOZ 2.4, "
                  "where joint goal accuracy reaches 61.2. On GSM8K 85.1 was reached.")
    found, _, _ = entities(nlp, paper)
    assert found["MultiWOZ 2.4"].type == "DATASET" and found["MultiWOZ 2.4"].family == "MultiWOZ"
    assert "GSM8K" in found and not any(name.startswith("GSM8K ") for name in found)


def test_what_a_which_clause_does_to_its_object_does_not_type_the_name(nlp):
    paper = Paper("p-wh", "Compact Memory for Video Segmentation",
                  "We propose CM-Zorb, which replaces the memory bank with learned tokens. "
                  "We also release ZorbSet, which is a dataset of 40K clips.")
    found, _, _ = entities(nlp, paper)
    assert found["CM-Zorb"].type == "METHOD" and found["CM-Zorb"].role == "proposed"
    assert found["ZorbSet"].type == "DATASET"


def test_a_title_prefix_with_a_verb_is_a_headline_not_a_name(nlp):
    for title in ("Optimism Meets Entropy: Regret Bounds for Softmax Policies",
                  "Rings Matter: Motif-Aware Encodings for Molecular Graph Transformers",
                  "Self-RAG Revisited: Are Reflection Tokens Necessary?"):
        found, _, _ = entities(nlp, Paper("p-hl", title, "We study this question with new bounds."))
        assert title.split(":")[0] not in found, title


def test_a_tuned_checkpoint_is_a_variant_of_the_sized_model_it_tunes(nlp):
    paper = Paper("p-it", "Zorb Tuning", "We fine-tune Qwen2.5-7B-Instruct, Llama-3.1-8B-Instruct and Qwen2.5-7B-Base.")
    found, _, _ = entities(nlp, paper)
    graph = build_graph([PaperEntities(paper, tuple(found.values()), ())])
    family = {a: b for a, b, t in graph.edges(data="type") if t == "VARIANT_OF"}
    assert family["model:qwen2.5-7binstruct"] == "model:qwen2.5-7b" and family["model:qwen2.5-7b"] == "model:qwen2.5"
    assert family["model:qwen2.5-7bbase"] == "model:qwen2.5-7b"
    assert family["model:llama3.1-8binstruct"] == "model:llama3.1-8b" and family["model:llama3.1-8b"] == "model:llama3.1"


def test_a_thinking_or_mixture_of_experts_checkpoint_keeps_its_suffix(nlp):
    paper = Paper("p-th", "Zorb Tuning", "We fine-tune Qwen3-VL-8B-Thinking and compare Qwen3-VL-235B-A22B-Thinking "
                  "with Qwen3-30B-A3B-Instruct.")
    found, _, _ = entities(nlp, paper)
    assert {"Qwen3-VL-8B-Thinking", "Qwen3-VL-235B-A22B-Thinking", "Qwen3-30B-A3B-Instruct"} <= set(found)
    assert "Qwen3-VL-8B" not in found


def test_an_unlisted_size_of_a_model_line_is_one_name(nlp):
    found, _, _ = entities(nlp, Paper("p-vl", "Zorb Tuning", "It beats Qwen3-VL-30B-A3B-Thinking and Qwen3-VL-32B-Thinking."))
    assert {"Qwen3-VL-30B-A3B-Thinking", "Qwen3-VL-32B-Thinking"} <= set(found) and "Qwen3" not in found


def test_bare_rl_names_reinforcement_learning_where_the_abstract_never_spells_it_out(nlp):
    found, _, _ = entities(nlp, Paper("p-rl", "Zorb Agents", "We train the planner with RL and a CNN encoder."))
    assert found["reinforcement learning"].text == "RL" and "convolutional neural network" not in found
    found, _, _ = entities(nlp, Paper("p-rl2", "Zorb Agents", "Offline reinforcement learning (RL) learns from fixed logs. "
                                      "Our agent beats RL baselines."))
    assert "offline reinforcement learning" in found and "reinforcement learning" not in found


def test_a_benchmark_named_after_a_known_model_or_with_a_spaced_bench_is_data(nlp):
    paper = Paper("p-bn", "Zorb OCR", "It obtains 75.5 on ZUI-Knowledge Bench and 83.2 on OlmOCR-Bench. "
                  "To test it, we introduce PAGE Bench, with 4,906 problems.")
    found, _, _ = entities(nlp, paper)
    assert found["OlmOCR-Bench"].type == found["ZUI-Knowledge Bench"].type == "DATASET"
    assert "olmOCR" not in found and "PAGE" not in found
    assert (found["PAGE Bench"].role, found["ZUI-Knowledge Bench"].role) == ("proposed", "used")


def test_a_name_described_as_a_regularizer_harness_or_stack_is_a_method(nlp):
    paper = Paper("p-rg", "A study", "We propose GANReg, a plug-and-play regularizer for preference optimization. "
                  "We present Zorb, a closed-loop embodied harness that evolves skills. "
                  "We build Quux, an execution stack for long contexts.")
    found, _, _ = entities(nlp, paper)
    assert [(found[n].type, found[n].role) for n in ("GANReg", "Zorb", "Quux")] == [("METHOD", "proposed")] * 3


def test_hosts_hardware_and_boasts_are_no_names(nlp):
    paper = Paper("p-gh", "A study", "Code is on GitHub. ZorbNet beats SoTA baselines on BarBench with a frozen "
                  "Vision Foundation Model (VFM) in 24GB of VRAM.")
    found, _, _ = entities(nlp, paper)
    assert not {"GitHub", "SoTA", "VFM", "Vision Foundation Model", "VRAM"} & set(found), sorted(found)


def test_a_generic_short_form_hyphened_to_a_plain_word_is_no_name(nlp):
    paper = Paper("p-ha", "A study", "ZorbNet outperforms LLM-agent baselines on BarBench, enabling seamless human-AI "
                  "interaction with a CPU-master design in half the GPU-time.")
    found, _, _ = entities(nlp, paper)
    assert not {"LLM-agent", "human-AI", "CPU-master", "GPU-time"} & set(found), sorted(found)
    assert {"ZorbNet", "BarBench"} <= set(found)


def test_a_short_form_set_equal_to_a_score_is_a_measure(nlp):
    paper = Paper("p-eq", "A study", "ZorbNet reached ACC=0.864 on BarSet and HR = 51% on QuuxSet, while the "
                  "baseline scored MAE = 0.172, with N = 100 and BS=0.5k.")
    found, _, _ = entities(nlp, paper)
    by_text = {e.text: e for e in found.values()}
    assert [by_text[t].type for t in ("ACC", "HR", "MAE")] == ["METRIC"] * 3, sorted(by_text)
    assert by_text["MAE"].name == "mean absolute error"  # a value makes the ambiguous short form the measure
    assert not {"N", "BS"} & set(by_text)


def test_a_name_we_establish_is_proposed_but_not_one_established_as_something(nlp):
    paper = Paper("p-es", "A study", "To close the gap, we establish ZRB-Bench for agentic search. Our results "
                  "establish DiT as a strong backbone, and we establish QuuxNet as the state of the art on ZRB-Bench. "
                  "For editing, we establish ZQ-Edit , the first benchmark of its kind.")
    found, _, _ = entities(nlp, paper)
    assert (found["ZRB-Bench"].type, found["ZRB-Bench"].role) == ("DATASET", "proposed")
    assert (found["ZQ-Edit"].type, found["ZQ-Edit"].role) == ("DATASET", "proposed")  # typed by its appositive
    assert found["DiT"].role == "used"


def test_what_a_proposed_framework_is_built_around_is_used(nlp):
    paper = Paper("p-ar", "A study", "This paper proposes an RL framework structured around a long Chain-of-Thought (CoT), "
                  "in which generation is planned.")
    found, _, _ = entities(nlp, paper)
    assert {e.role for e in found.values()} == {"used"}, [(e.name, e.role) for e in found.values()]


def test_a_size_range_or_bound_names_nothing(nlp):
    paper = Paper("p-sr", "A study", "On ultra-long tasks (1M~4M tokens), ZorbLM yields a 9-point gain over the agent "
                  "baseline, and its index stays <80MB, compared with BarNet.")
    found, _, _ = entities(nlp, paper)
    assert not {"1M~4M", "<80MB"} & set(found), sorted(found)


def test_a_measure_at_a_cutoff_is_a_measure_wherever_it_stands(nlp):
    paper = Paper("p-at", "A study", "ZorbRec outperforms SASRec by 5.5% on Recall@10/20 and NDCG@10/20 across three "
                  "datasets. Model Hit@10: ZorbRec 0.43.")
    found, _, _ = entities(nlp, paper)
    assert [found[n].type for n in ("Recall@10/20", "NDCG@10/20", "Hit@10")] == ["METRIC"] * 3


def test_a_task_phrase_never_reaches_back_over_a_pronoun(nlp):
    paper = Paper("p-yr", "A study", "How do you know your translation benchmark is free of contamination? "
                  "We study how my segmentation tasks relate to image classification tasks.")
    found, _, _ = entities(nlp, paper)
    assert not [name for name in found if name.split()[0].lower() in ("know", "your", "my")], sorted(found)


def test_a_shouted_word_the_text_also_writes_in_lower_case_is_no_name(nlp):
    paper = Paper("p-sh", "A post", "ZorbMem outperforms baselines as the first unified memory + LEARNING system, "
                  "with learning built in, and beats ARGUS. Code and models ALL open-sourced, all of them.")
    found, _, _ = entities(nlp, paper)
    assert not {"LEARNING", "ALL"} & set(found), sorted(found)
    assert "ARGUS" in found  # written only in capitals: a name


def test_languages_and_regions_listed_after_a_data_head_are_no_datasets(nlp):
    paper = Paper("p-lg", "A study", "ZorbLM-14B ranks first on 11 MTEB benchmarks: European, Scandinavian, German, "
                  "French, Persian, and Code. Models such as Falcon and Pythia trail it.")
    found, _, _ = entities(nlp, paper)
    assert not {"European", "Scandinavian", "German", "French", "Persian"} & set(found), sorted(found)
    assert {"MTEB", "Falcon", "Pythia"} <= set(found)


@pytest.mark.parametrize("title", ["ZorbBench: Towards Holistic Evaluation of Shopping Agents",
                                   "QRS-bench: Evaluating the Consistency of LLM Agents",
                                   "ZOR-BENCH: Can Code Agents Handle Data-Intensive Tasks?",
                                   "Zorb-Bench++: Scaling Software Engineering Evaluation"])
def test_a_title_name_that_says_it_is_a_benchmark_is_a_dataset(nlp, title):
    paper = Paper("p-bt", title, "Agents are everywhere. We study how well they shop, and find large gaps.")
    found, _, _ = entities(nlp, paper)
    name = title.split(":")[0]
    assert (found[name].type, found[name].role) == ("DATASET", "proposed"), sorted((n, e.type) for n, e in found.items())


@pytest.mark.parametrize("title, expected", [("ZorbQA: Can Agents Answer Hard Questions About Papers?", "DATASET"),
                                             ("ZorbEval: Do Judges Agree?", "DATASET"),
                                             ("QuuxArena: Who Wins in the Wild?", "DATASET"),
                                             ("Zorb Live Challenge: Testing Research Agents on Wiki Articles", "DATASET"),
                                             ("FrobQA: An Optimized Training Approach to Dense Passage Retrieval", "METHOD")])
def test_a_title_name_ending_as_data_names_is_a_dataset_unless_described(nlp, title, expected):
    paper = Paper("p-dt", title, "Agents are everywhere. We study how well they answer, and find large gaps.")
    found, _, _ = entities(nlp, paper)
    name = title.split(":")[0]
    assert (found[name].type, found[name].role) == (expected, "proposed"), sorted((n, e.type) for n, e in found.items())


def test_a_list_of_bare_sizes_names_nothing(nlp):
    found, _, _ = entities(nlp, Paper("p-sz", "A study", "We release ZorbLM models (4/7/8B), beating Llama-3."))
    assert set(found) == {"ZorbLM", "Llama 3"}


def test_a_name_proposed_in_a_second_verb_of_the_authors_is_proposed(nlp):
    paper = Paper("p-and", "A study", "We formalize this as token teachability and propose TA-OPD, which selects "
                  "positions for OPD. Prior work extracts features and propose nothing.")
    found, _, _ = entities(nlp, paper)
    assert (found["TA-OPD"].type, found["TA-OPD"].role) == ("METHOD", "proposed")


def test_names_after_our_method_is_or_are_are_proposed(nlp):
    paper = Paper("p-our", "A study", "Our two key methods are USI (Universal Self-Improvement) and T-RANK, which win. "
                  "Our model is ZorbNet. The data we used to train our models is BarSet.")
    found, _, _ = entities(nlp, paper)
    assert [found[n].role for n in ("USI", "T-RANK", "ZorbNet")] == ["proposed"] * 3
    assert "BarSet" not in found or found["BarSet"].role == "used"


def test_ate_is_a_trajectory_error_in_slam_and_nothing_in_causal_inference(nlp):
    found, _, _ = entities(nlp, Paper("p-ate", "Dense Matching for SLAM", "ZorbSLAM reduces ATE by 64% against "
                                      "VGGT-SLAM on TUM."))
    assert found["absolute trajectory error"].type == "METRIC" and "ATE" not in found
    found, _, _ = entities(nlp, Paper("p-ate2", "A causal study", "ZorbEst estimates the ATE of 0.3 under confounding."))
    assert "ATE" not in found and "absolute trajectory error" not in found


def test_a_name_scored_right_after_a_percentage_is_data(nlp):
    paper = Paper("p-pc", "A study", "ZorbGUI is strong (8B: 80.2% QuuxWorld, 48.5% BarWorld). It gets 2.4% WER, "
                  "17.7% PFER and 41.2% PassRate.")
    found, _, _ = entities(nlp, paper)
    assert found["QuuxWorld"].type == found["BarWorld"].type == "DATASET"
    assert found["word error rate"].type == "METRIC"
    assert all(found[n].type != "DATASET" for n in ("PFER", "PassRate") if n in found)


def test_data_evaluated_on_may_be_followed_by_a_preposition_or_a_shot_setting(nlp):
    paper = Paper("p-prep", "Images from Captions with Attention", "We match the accuracy of ResNet-50 on ZorbSet zero-shot. "
                  "Sparse training with ResNet-50 on QuuxSet without extra time.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbSet"].type == found["QuuxSet"].type == "DATASET"
    assert "Captions" not in found


def test_known_names_the_authors_put_to_a_new_use_or_gain_insight_into_are_used(nlp):
    paper = Paper("p-nm", "A study", "We find old benchmarks unsuitable and propose four new benchmarks for assessment, "
                  "namely ImageNet-A, ObjectNet and VTAB. Our work establishes new insights into DiTs.")
    found, _, _ = entities(nlp, paper)
    assert [found[n].role for n in ("ImageNet-A", "ObjectNet", "VTAB", "DiT")] == ["used"] * 4


def test_a_set_of_counted_items_the_paper_releases_is_data(nlp):
    paper = Paper("p-set", "Zorb Rewards", "We release CodeRL-Verify, a set of 12K problems with hidden tests. "
                  "We propose ZorbKit, a set of techniques for pruning.")
    found, _, _ = entities(nlp, paper)
    assert (found["CodeRL-Verify"].type, found["CodeRL-Verify"].role) == ("DATASET", "proposed")
    assert found["ZorbKit"].type == "METHOD"


def test_a_loss_in_the_style_of_a_known_technique_is_that_technique(nlp):
    paper = Paper("p-sty", "Zorb Retrievers", "We optimize the retriever with a DPO-style loss on preference pairs.")
    found, _, _ = entities(nlp, paper)
    assert "DPO" in found and "DPO-style loss" not in found


def test_a_name_after_our_method_and_a_comma_is_the_papers_method(nlp):
    paper = Paper("p-our", "Structured Pruning of Small Zorbs",
                  "We compare LLM-Pruner, SliceGPT and our method, ZorbFold, which merges adjacent layers. "
                  "Removing 25% of parameters from Llama-3.1-8B and Qwen2.5-7B, ZorbFold keeps 92% of the accuracy.")
    found, _, _ = entities(nlp, paper)
    assert (found["ZorbFold"].type, found["ZorbFold"].role) == ("METHOD", "proposed")


def test_an_unlisted_measure_is_a_metric_only_where_a_number_reports_it(nlp):
    paper = Paper("p-rep", "Zorb Detection", "We apply the Mahalanobis distance as the zorbness score of each image. "
                  "Our detector reaches a repeatability score of 0.81 on the benchmark.")
    found, _, _ = entities(nlp, paper)
    assert found["repeatability score"].type == "METRIC" and "zorbness score" not in found


def test_curated_editions_link_to_their_dataset_and_namesakes_do_not(nlp):
    paper = Paper("p-ed", "Study", "We evaluate on ScanNet200, ScanNet++, COCO Panoptic and MMLU-Pro, then on ARC-AGI. "
                  "We compare with RT-2 and DINO-DETR.")
    found, _, _ = entities(nlp, paper)
    assert [found[n].family for n in ("ScanNet200", "ScanNet++", "COCO Panoptic", "MMLU-Pro")] == ["ScanNet", "ScanNet", "COCO", "MMLU"]
    assert found["ARC-AGI"].family is None  # the abstraction corpus is no edition of the AI2 Reasoning Challenge
    assert found["RT-2"].family is None and found["DINO-DETR"].family == "DETR"


def test_a_proposed_name_built_on_a_known_model_is_a_model_of_that_family(nlp):
    for title, abstract, name, family in (
            ("Zorb Detection", "We propose DETR-Zorb, a lightweight detector that beats DETR on COCO.", "DETR-Zorb", "DETR"),
            ("Better Panoptic Models", "We introduce Mask2Former++, which improves Mask2Former on ADE20K.", "Mask2Former++", "Mask2Former")):
        found, _, _ = entities(nlp, Paper("p-ext", title, abstract))
        assert (found[name].type, found[name].role, found[name].family) == ("MODEL", "proposed", family)


def test_panoptic_quality_iou_threshold_metrics_and_a_scene_set_named_after_its_method(nlp):
    paper = Paper("p-pq", "Zorb Scenes", "It reaches 55.1 PQ on COCO Panoptic and 41.2 mAP@0.25 on ScanNet. "
                  "ZorbGS improves PSNR by 1.4 dB on LLFF and 1.1 dB on Mip-NeRF 360 over 3DGS.")
    found, _, _ = entities(nlp, paper)
    assert found["panoptic quality"].type == "METRIC" and found["mAP@0.25"].type == "METRIC"
    assert found["mip-NeRF 360"].type == "DATASET"


def test_a_named_subset_glued_on_a_known_dataset_is_its_variant(nlp):
    paper = Paper("p-sub2", "Skill Prompts", "Evaluated on LIBERO-Object, LIBERO-Goal and LIBERO-Spatial, it also "
                  "builds a COCO-Style benchmark.")
    found, _, _ = entities(nlp, paper)
    assert [found[n].family for n in ("LIBERO-Object", "LIBERO-Goal", "LIBERO-Spatial")] == ["LIBERO"] * 3
    assert "COCO-Style" not in found


def test_a_short_form_glued_on_by_a_hyphen_makes_a_variant_of_it(nlp):
    paper = Paper("p-ld", "Zorb Alignment", "We propose LD-DPO, which debiases length. We also introduce Pre-PPO, a "
                  "warm start.")
    found, _, _ = entities(nlp, paper)
    assert found["LD-DPO"].family == "DPO" and found["Pre-PPO"].family == "PPO"


def test_a_vit_size_letter_and_its_word_are_one_node(nlp):
    paper = Paper("p-vit", "Zorb Backbones", "We train ViT-B and ViT-Base backbones, then ViT-L, and ViT-B/16 from scratch.")
    found, _, _ = entities(nlp, paper)
    assert "ViT-B" not in found and found["ViT-Base"].aliases == ("ViT-B",) and "ViT-Large" in found
    assert found["ViT-B/16"].family == "ViT"  # a patch size stays its own checkpoint


def test_a_plural_technique_head_types_the_list_after_it(nlp):
    found, _, _ = entities(nlp, Paper("p-sch", "A Blueprint", "Schemes like ZorbBerry, QwQ and Graph of Thoughts fit as "
                                      "special cases; so do pipelines such as BarFlow and BazChain."))
    assert found["ZorbBerry"].type == found["BarFlow"].type == found["BazChain"].type == "METHOD"
    assert found["QwQ"].type == "MODEL"  # a curated name keeps its own type
    # two known names or more of one other kind say what the list holds; a parameter count makes a model
    found, _, _ = entities(nlp, Paper("p-sch2", "A Study", "We compare search schemes like Llama 3, GPT-4, ZorbLM and "
                                      "QuxLM-7B, and pipelines like ImageNet, COCO and ZorbSet."))
    assert found["ZorbLM"].type == found["QuxLM-7B"].type == "MODEL" and found["ZorbSet"].type == "DATASET"


def test_a_sized_model_tuned_with_a_technique_keeps_its_whole_name(nlp):
    paper = Paper("p-tun", "ZorbLM: A Multilingual Model", "We develop ZorbLM-8B-SFT, which is tuned on instructions, and "
                  "ZorbLM-8B-DPO, which is refined with DPO. We compare with BarLM-7B-Chat.")
    found, _, _ = entities(nlp, paper)
    assert found["ZorbLM-8B-DPO"].type == found["BarLM-7B-Chat"].type == "MODEL"
    assert found["ZorbLM-8B-DPO"].role == "proposed" and found["DPO"].type == "METHOD"


def test_a_hyphenated_modifier_built_on_a_name_is_no_name(nlp):
    found, _, _ = entities(nlp, Paper("p-ocr", "A Study", "We build an OCR-free model for documents and an LLM-agnostic "
                                      "framework for agents."))
    assert not {"OCR-free", "LLM-agnostic"} & set(found)


def test_a_known_system_keeps_its_type_in_its_own_paper_and_a_datasets_name_given_to_a_method_does_not(nlp):
    own = Paper("p-mam", "Mamba: Linear-Time Sequence Modeling", "We propose Mamba, a simplified neural network architecture.")
    assert entities(nlp, own)[0]["Mamba"].type == "MODEL"  # one node with the papers that use it
    clash = Paper("p-abi", "Causal Discovery", "We propose a new approach, termed ABIDE, that learns ancestral graphs.")
    found = entities(nlp, clash)[0]
    assert found["ABIDE"].type == "METHOD" and found["ABIDE"].role == "proposed"  # not the ABIDE brain-imaging data


def test_a_name_another_paper_coined_gets_the_same_sentence_as_the_first_pass_would_give():
    from kg.pipeline import extract_papers

    papers = [Paper("p-c1", "ZorbNet: A Model", "We propose ZorbNet, a new model."),
              Paper("p-c2", "Other", "We also report scores on GSM8K! ZorbNet is not evaluated there.")]
    found = {(item.paper.id, e.name): e.sentence for item in extract_papers(papers) for e in item.entities}
    assert found[("p-c2", "ZorbNet")] == "ZorbNet is not evaluated there."


def test_a_series_shared_task_and_test_sets_are_data(nlp):
    paper = Paper("p-st", "A Study", "We ranked first in the FooNLP 2023 shared task and the WMT23 terminology shared task. "
                  "Scores on the BarNLP 2021 test sets correlate with ours.")
    found, _, _ = entities(nlp, paper)
    assert {name: e.type for name, e in found.items()} == {
        "FooNLP 2023 shared task": "DATASET", "WMT23 terminology shared task": "DATASET", "BarNLP 2021": "DATASET"}


def test_a_bare_generic_measure_beside_its_narrower_name_is_no_measure_of_its_own(nlp):
    narrowed = Paper("p-nm", "A Study", "We report top-1 accuracy on ImageNet, where accuracy rises by 3 points.")
    found, _, _ = entities(nlp, narrowed)
    assert "top-1 accuracy" in found and "accuracy" not in found
    plain = Paper("p-nm2", "A Study", "Accuracy rises by 3 points on ImageNet, and PA-MPJPE and MPJPE fall.")
    found, _, _ = entities(nlp, plain)
    assert {"accuracy", "PA-MPJPE", "MPJPE"} <= set(found)


def test_plain_capitalised_names_a_sentence_opens_on_or_examples_come_from_are_data(nlp):
    paper = Paper("p-od", "A Study", "On Zorbscapes, our model reaches 37.9 mask AP. On Average, it is fast. "
                  "We train on 100B tokens from Quxpile, and on clips drawn from Blorp Gutenberg.")
    found, _, _ = entities(nlp, paper)
    assert {name: e.type for name, e in found.items() if e.type == "DATASET"} == {
        "Zorbscapes": "DATASET", "Quxpile": "DATASET", "Blorp Gutenberg": "DATASET"}


def test_a_coined_name_before_a_trained_systems_role_is_a_model(nlp):
    paper = Paper("p-sys", "A Study", "Combined with an off-the-shelf ZorbX detector and a BlorpGAN vocoder, it tracks well.")
    found, _, _ = entities(nlp, paper)
    assert (found["ZorbX"].type, found["BlorpGAN"].type) == ("MODEL", "MODEL")


def test_subsets_and_kinds_the_lists_know_link_to_their_family(nlp):
    paper = Paper("p-fam", "A Study", "We study class-incremental learning with self-distillation on mini-ImageNet and Tiny ImageNet.")
    found, _, links = entities(nlp, paper)
    graph = build_graph([PaperEntities(paper, tuple(found.values()), links)])
    families = {(a, b) for a, b, kind in graph.edges(data="type") if kind == "VARIANT_OF"}
    assert families >= {("task:classincrementallearning", "task:continuallearning"),
                        ("method:selfdistillation", "method:knowledgedistillation"),
                        ("dataset:miniimagenet", "dataset:imagenet"), ("dataset:tinyimagenet", "dataset:imagenet")}


def test_break_it_cases_of_round_28_rules_stay_quiet(nlp):
    paper = Paper("p-bq", "A Study", "We evaluate on BRACS. On Monday, we ran it. An AIGC detector flags images. "
                  "We measure time-to-accuracy and accuracy.")
    found, _, _ = entities(nlp, paper)
    assert found["BRACS"].type == "DATASET" and "BRAC" not in found
    assert not {"Monday", "AIGC"} & set(found)
    assert {"time-to-accuracy", "accuracy"} <= set(found)


def test_an_unknown_name_with_a_size_word_glued_on_is_a_model(nlp):
    paper = Paper("p-sz", "Study", "Our summaries beat prompting, while a fine-tuned LED-large baseline remains "
                  "competitive on ROUGE-L.")
    found, _, _ = entities(nlp, paper)
    assert (found["LED-large"].type, found["LED-large"].family) == ("MODEL", "LED")
    assert found["ROUGE-L"].type == "METRIC"
    found, _, _ = entities(nlp, Paper("p-sz2", "Study", "We train sizes Base, Large, X-Large and XX-Large of GPT-2."))
    assert set(found) == {"GPT-2"}  # sizes alone name no model


def test_a_task_name_describing_a_step_or_an_input_is_not_the_task(nlp):
    paper = Paper("p-tm", "Study", "Token merging hurts OCR-heavy questions and models fed no OCR input. Skills are "
                  "found by a differentiable clustering step.")
    found, _, _ = entities(nlp, paper)
    assert not {e.name for e in found.values() if e.type == "TASK"}
    # a title names its subject; so do a task's classifiers, engines and steps, and a task-specific method
    paper = Paper("p-tm3", "Dialect Bias in Hate Speech Detection Classifiers",
                  "Commercial speech recognition engines and summarization-specific pre-training both help.")
    found, _, _ = entities(nlp, paper)
    assert {"hate speech detection", "speech recognition", "text summarization"} <= set(found)
    found, _, _ = entities(nlp, Paper("p-tm4", "Clustering-Based Pseudo-Labels for Domain Adaptation", "We adapt."))
    assert "clustering" not in found  # a quality glued on describes the labels, in a title too
    found, _, _ = entities(nlp, Paper("p-tm2", "Study", "We study OCR and document layout analysis of scanned pages."))
    assert {e.type for e in found.values()} == {"TASK"} and len(found) == 2


def test_curated_names_added_from_dev_misses(nlp):
    paper = Paper("p-cn", "Study", "We filter CommonPool and score with lm-evaluation-harness.")
    found, _, _ = entities(nlp, paper)
    assert {found[n].type for n in ("CommonPool", "LM Evaluation Harness")} == {"DATASET"}
    assert found["CommonPool"].family == "DataComp"


def test_checkpoints_as_a_verb_is_no_release_of_a_model_and_agent_frameworks_are_techniques(nlp):
    paper = Paper("p-ck", "ZorbTrack: Recoverable Web Agents",
                  "We propose ZorbTrack, a lightweight framework that checkpoints the browser state after every action. "
                  "It beats MemGPT and SayCan.")
    found, _, _ = entities(nlp, paper)
    assert {name: e.type for name, e in found.items()} == {"ZorbTrack": "METHOD", "MemGPT": "METHOD", "SayCan": "METHOD"}
    released = Paper("p-ck2", "Zorbo: Fast Retrieval", "We propose Zorbo, a framework for retrieval. All Zorbo checkpoints are public.")
    assert entities(nlp, released)[0]["Zorbo"].type == "MODEL"


def test_markup_left_in_a_title_is_no_part_of_the_name_before_its_colon(nlp):
    paper = Paper("p-xss", "</script><script>alert(1)</script> ZorbNet: A Test", "We propose ZorbNet, a network for detection.")
    assert set(entities(nlp, paper)[0]) == {"ZorbNet"}


def test_a_count_under_50m_after_a_name_is_data_not_a_parameter_count(nlp):
    paper = Paper("p", "Study", "We fine-tune Llama-3.1-8B on SeedBloom-1M and on OrcaChat-20M. "
                               "We also evaluate Nimbus-410M on GSM8K.")
    found = found_types(nlp, paper)
    assert found["SeedBloom-1M"] == "DATASET" and found["OrcaChat-20M"] == "DATASET"
    assert found["Nimbus-410M"] == "MODEL"


def test_a_list_of_data_goes_on_across_a_name_no_list_knows(nlp):
    # Alpaca and Dolly name models and their data: listed with ShareGPT across "FLAN v2", they are the data
    paper = Paper("p", "Study", "We draw 6K examples from a pool combining Alpaca, Dolly, FLAN v2, ShareGPT and OASST1. "
                               "Alpaca 7B is the model we start from.")
    found = found_types(nlp, paper)
    assert found["Alpaca"] == "DATASET" and found["Dolly"] == "DATASET"


def test_simulators_and_robot_hardware_are_no_entities_but_their_benchmarks_are(nlp):
    paper = Paper("p-sim", "Legged Control", "We train policies in Isaac Gym and MJX, compare with PPO in Brax and MuJoCo, "
                  "and deploy them on a Unitree Go1 and a Franka Emika Panda arm. We also evaluate on D4RL and Meta-World, "
                  "and grasp with an Allegro hand.")
    found, _, _ = entities(nlp, paper)
    names = {e.name.lower() for e in found.values()}
    assert {"d4rl", "meta-world", "ppo"} <= names, names
    assert not names & {"isaac gym", "mjx", "brax", "mujoco", "go1", "unitree go1", "franka emika panda", "allegro"}, names


def test_units_of_compute_and_regions_of_interest_are_no_names(nlp):
    paper = Paper("p-units", "Mobile Backbones", "It gains 1.1% on MobileNetV2 in the 150-300 MFLOPs regime, where it "
                  "outperforms SE-Net blocks. Each miss comes from one of three stages: proposal ranking and non-maximum "
                  "suppression, RoI classification, and box refinement. We compare with closed-form solvers (MetaOptNet, R2-D2).")
    found, _, _ = entities(nlp, paper)
    names = {e.name for e in found.values()}
    assert {"MobileNetV2", "SE-Net", "non-maximum suppression"} <= names and not names & {"MFLOPs", "RoI"}, names
    r2d2 = [e for e in found.values() if e.text == "R2-D2"]
    assert r2d2 and r2d2[0].type == "METHOD" and r2d2[0].family is None, r2d2  # no R-squared


def test_a_release_after_a_listed_data_name_is_part_of_it(nlp):
    found, _, _ = entities(nlp, Paper("p-rel-list", "A study", "We draw examples from Alpaca, Dolly, FLAN v2, ShareGPT "
                                                               "and OASST1, and train on Dolly, ZorbQA v2, ShareGPT and BarSet 2024."))
    data = {n for n, e in found.items() if e.type == "DATASET"}
    assert {"FLAN v2", "ZorbQA v2", "BarSet 2024"} <= data and not {"FLAN", "ZorbQA", "BarSet"} & set(found), data


def test_round_32_curated_names_are_found_with_their_types(nlp):
    found, _, _ = entities(nlp, Paper("p-r32", "A study", "We study object hallucination and multi-turn jailbreaks, clean data "
                                                         "with perplexity filtering, plan with Fast Downward and train students "
                                                         "with sequence-level distillation for long-context inference. We report k-NN accuracy "
                                                         "and transfer to dense prediction."))
    types = {e.name: e.type for e in found.values()}
    assert {types.get(n) for n in ("object hallucination", "multi-turn jailbreaking", "long-context inference", "dense prediction")} == {"TASK"}, types
    assert types.get("k-NN accuracy") == "METRIC" and found["k-NN accuracy"].family == "accuracy", types
    assert {types.get(n) for n in ("perplexity filtering", "Fast Downward", "sequence-level knowledge distillation")} == {"METHOD"}, types


def test_round_32_benchmark_lists_are_found_with_their_families(nlp):
    found, _, _ = entities(nlp, Paper("p-r32-data", "A study", "We evaluate on tgbl-wiki, LIBERO-Goal, DexGraspNet and SKU-110K."))
    data = {e.name: e for e in found.values() if e.type == "DATASET"}
    assert {"tgbl-wiki", "LIBERO-Goal", "DexGraspNet", "SKU-110K"} <= set(data), data
    assert data["LIBERO-Goal"].family == "LIBERO"


def test_a_comparison_grades_a_task_and_a_memory_unit_is_no_name(nlp):
    found, _, _ = entities(nlp, Paper("p-grade", "A study", "On the harder manipulation tasks of OGBench, it improves "
                                                           "success rate by 9 points, and the cross-encoder needs 2 GiB."))
    names = {e.name for e in found.values()}
    assert "OGBench" in names and not names & {"harder manipulation", "GiB"}, names


def test_swag_is_the_dataset_beside_nli_words_and_swa_gaussian_beside_bayesian_ones(nlp):
    bayes, _, _ = entities(nlp, Paper("p-swag1", "A study", "We compare with MC dropout, deep ensembles and SWAG for Bayesian uncertainty."))
    nli, _, _ = entities(nlp, Paper("p-swag2", "A study", "BERT is fine-tuned on SWAG and SQuAD for commonsense inference."))
    assert [(e.name, e.type) for e in bayes.values() if e.text == "SWAG"] == [("SWA-Gaussian", "METHOD")]
    assert [(e.name, e.type) for e in nli.values() if e.text == "SWAG"] == [("SWAG", "DATASET")]


def test_round_32_named_models_match_as_written(nlp):
    found, _, _ = entities(nlp, Paper("p-r32-names", "A study", "We compare StemGNN, LlamaRec and GraphCON. The refined "
                                                              "outputs of ReFinED are linked, and a ViT model is trained."))
    types = {e.name: e.type for e in found.values()}
    assert {types.get(n) for n in ("StemGNN", "LlamaRec", "GraphCON")} == {"MODEL"}, types
    assert [e.text for e in found.values() if e.name == "ReFinED"] == ["ReFinED"] and "A-ViT" not in types, types


def test_round_32_break_it_review_cases_stay_fixed(nlp):
    found, _, _ = entities(nlp, Paper("p-r32-rev", "Dips and Spikes in Burst Traffic", "Accuracy dips by 6 points on galaxies "
                                     "brighter than 24.5 mag. We combine GRACE terrestrial water storage with H2O vapour data. "
                                     "We pretrain on The Stack, StarCoderData, CodeParrot 2022 snapshots and GitHub issues. "
                                     "On the shortest path prediction task it wins."))
    names = {e.name for e in found.values()}
    assert not names & {"DIPS", "BURST", "Microsoft Academic Graph", "GRACE", "H2O", "CodeParrot 2022"}, names
    assert "shortest path prediction" in names, names
    nli, _, _ = entities(nlp, Paper("p-r32-swag", "A study", "We calibrate BERT and RoBERTa on commonsense reasoning "
                                                           "(SWAG); uncertainty estimates and ensembles do not help."))
    assert [(e.name, e.type) for e in nli.values() if e.text == "SWAG"] == [("SWAG", "DATASET")]


def test_a_model_name_glued_to_a_count_of_thousands_names_data(nlp):
    paper = Paper("p-ck", "ZorbDrill: Agents", "We propose ZorbDrill and release ZorbDrill-12K and ZorbDrill-32B trained on it. "
                  "We also tune on LLaVA-665K, and compare with Yi-9B-200K and Qwen2-128K.")
    found, _, _ = entities(nlp, paper)
    assert (found["ZorbDrill-12K"].type, found["ZorbDrill-12K"].role) == ("DATASET", "proposed")
    assert found["LLaVA-665K"].type == "DATASET" and found["ZorbDrill-32B"].type == "MODEL"
    assert found["Yi-9B-200K"].type == "MODEL" and found["Qwen2-128K"].type == "MODEL"  # context windows


def test_reranking_and_clustering_are_steps_not_tasks(nlp):
    # the dev gold labels them in 1 of 14 and 1 of 12 papers that write them
    found, _, _ = entities(nlp, Paper("p-rr", "Study", "A reranking stage and k-means clustering improve retrieval."))
    assert not {"reranking", "clustering"} & set(found)


def test_a_measure_at_one_granularity_or_on_boxes_is_a_measure_of_its_own(nlp):
    paper = Paper("p-gr", "Study", "We report span-level F1 and box IoU. The tagger reaches 61.2 F1, and the detector "
                  "gains 1.2 box AP and 0.8 AP. Metrics agree by system-level Kendall tau.")
    found, _, _ = entities(nlp, paper)
    assert found["span-level F1"].family == "F1 score" and "F1 score" not in found  # the later bare F1 is the same measure
    assert found["box IoU"].family == "intersection over union"
    assert {"box AP", "average precision"} <= set(found)  # a detector's two measures
    assert "Kendall's tau" in found or "Kendall tau" in found  # a level of correlation names no measure


def test_a_size_in_thousands_after_a_dataset_names_its_subset_unless_it_counts_items(nlp):
    paper = Paper("p-ss", "Study", "R@1 rises on MSCOCO 5K and on ZINC 12k, after pre-training on COCO 118K images "
                  "and QM9 134k molecules. On MedQA (USMLE) it reaches 67.9%.")
    found, _, _ = entities(nlp, paper)
    assert {"MSCOCO 5K", "ZINC 12k", "COCO", "QM9", "MedQA"} <= set(found)
    assert found["MSCOCO 5K"].family == "COCO" and "USMLE" not in found  # an exam, not a dataset


def test_what_the_break_it_review_found_in_pairs_counts_and_levels(nlp):
    paper = Paper("p-bi", "Study", "We pre-train on CodeSearchNet NL-PL pairs, test on XNLI en-de, and on WMT 2019 "
                  "English-German. Claude-100k and Swin-L-22K are baselines.")
    found, _, _ = entities(nlp, paper)
    assert {"CodeSearchNet", "XNLI"} <= set(found) and found["WMT19 En-De"].family == "WMT19"
    assert found["Claude-100k"].type == "MODEL" and found["Swin-L-22K"].type == "MODEL"
    paper = Paper("p-bi2", "Study", "It reaches dermatologist-level accuracy and human-level F1, and raises black-box "
                  "accuracy. It improves BLEU by 1.3 and sentence-level BLEU by 0.9. We study passage reranking.")
    found, _, _ = entities(nlp, paper)
    assert {"accuracy", "F1 score", "BLEU", "sentence-level BLEU", "passage reranking"} <= set(found)
    assert not any("level accuracy" in name or "box accuracy" in name or "level F1" in name for name in found)


def test_a_coined_name_ending_in_a_benchmark_word_is_a_dataset(nlp):
    paper = Paper("p-bw", "Study", "Scores on ZorbQA correlate with AfriMMLU from IrokoBench and with QuuxAgent-Eval. "
                  "VQA is hard.")
    found, _, _ = entities(nlp, paper)
    assert all(found[name].type == "DATASET" for name in ("ZorbQA", "IrokoBench", "QuuxAgent-Eval"))
    assert "VQA" not in found or found["VQA"].type != "DATASET"  # an all-capital task's short form
    found, _, _ = entities(nlp, Paper("p-bw2", "Study", "We propose ZorbQA, an optimized retrieval training approach."))
    assert found["ZorbQA"].type == "METHOD"  # what the paper says it is comes first


def test_a_curated_short_form_spelled_out_with_one_word_misremembered_is_still_that_entry(nlp):
    """"layer-wise adaptive scaling ratio (LARS)" had dropped LARS (layer-wise adaptive rate scaling) as a
    short form the paper coins for something else, and named nothing in its place."""
    paper = Paper("p-lars", "Revisiting LARS for Large Batch Training",
                  "We study layer-wise adaptive scaling ratio (LARS) across settings. We propose ZorbLARS, "
                  "which outperforms LARS and LAMB.")
    found, _, _ = entities(nlp, paper)
    assert (found["LARS"].type, found["LARS"].role) == ("METHOD", "used"), sorted(found)


def test_a_proposal_that_writes_the_titles_name_proposes_that_name_not_a_known_one_inside_it(nlp):
    """"we propose JEN-1 Composer" had proposed the curated JEN-1, cited later as an example."""
    paper = Paper("p-jen", "JEN-1 Composer: A Unified Framework for Multi-Track Music Generation",
                  "We propose JEN-1 Composer, a unified framework. It can incorporate any diffusion-based music "
                  "generation system, e.g. Jen-1.")
    found, _, _ = entities(nlp, paper)
    assert found["JEN-1 Composer"].role == "proposed" and found["JEN-1"].role == "used", sorted(found)


def test_what_a_result_moves_from_one_score_to_another_or_reaches_is_a_measure(nlp):
    paper = Paper("p-mv", "A study", "Against FB-OCC, ZorbDrive reduces the mAVE from 0.591 to 0.509 and cuts the "
                  "answer-flip rate from 46% to 12%, while it reduces tool calls from 11.8 to 6.8. It achieves a "
                  "match rate of 71.8%.")
    found, _, _ = entities(nlp, paper)
    assert {found[name].type for name in ("mAVE", "answer-flip rate", "match rate")} == {"METRIC"}, sorted((n, e.type) for n, e in found.items())
    assert "tool calls" not in found


def test_a_listed_models_release_written_after_it_is_part_of_its_name(nlp):
    paper = Paper("p-rel", "A study", "The planner also improves GPT-5.4 mini and ZorbLM 5.1 from 45.0% to 60.0%, "
                  "while FrobNet 82.1 and QuuxNet 4.5 points are scores.")
    found, _, _ = entities(nlp, paper)
    assert "ZorbLM 5.1" in found and "ZorbLM" not in found, sorted(found)


def test_a_coined_acronym_is_not_linked_where_other_words_spell_it():
    import spacy

    from kg.extract.coined import CoinedNames
    from kg.records import Mention

    coined, nlp = CoinedNames(), spacy.blank("en")
    coined.add([Mention("DLA", "METHOD", "proposed", "s", 0, 3, "abbreviation", aliases=("Dynamic Linear Attention",)),
                Mention("ZFN", "METHOD", "proposed", "s", 0, 3, "abbreviation", aliases=("zorb-forward network",))])
    found = coined.find(Paper("a", "Fast Diffusion-Limited Aggregation", "Python DLA simulations are slow."), [], nlp)
    assert found == []  # its own DLA
    found = coined.find(Paper("b", "Zorb-Forward Networks at Scale", "We compare DLA with ZFN layers."), [], nlp)
    assert sorted(m.text for m in found) == ["DLA", "ZFN"]  # the coiner's words, in another number and case
    found = coined.find(Paper("c", "Distilling Large Audio Models", "We use DLA, the dynamic linear attention of prior work."), [], nlp)
    assert [m.text for m in found] == ["DLA"]  # the title's initials spell it, but the text writes the coiner's words
