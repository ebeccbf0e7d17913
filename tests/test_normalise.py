"""One real thing is one node: surface forms -> keys and canonical names."""

import pytest

from kg.extract import extract
from kg.normalise import entity_key, model_family, surface_key, to_entities
from kg.records import Paper

SAME = [
    ("GSM8k", "GSM8K"),
    ("ImageNet-1k", "ImageNet-1K"),
    ("ImageNet 1K", "ImageNet-1K"),
    ("Llama-3.1-8B", "Llama 3.1 8B"),
    ("Llama3.1-8B", "Llama 3.1 8B"),
    ("Vision Transformers", "vision transformer"),
    ("GCNs", "GCN"),
    ("ResNets", "ResNet"),
    ("diffusion models", "Diffusion Model"),
    ("approaches", "approach"),
    ("MS-COCO", "MS COCO"),
    ("β-VAE", "beta-VAE"),
    ("ε-greedy", "epsilon-greedy"),
    ("ImageNet-256x256", "ImageNet 256"),
    ("ImageNet 64×64", "ImageNet64"),
    ("EVEv2.0", "EVEv2"),
    ("wav2vec 2.0", "wav2vec2"),
    ("Llama 3.0 8B", "Llama-3-8B"),
]
DISTINCT = [
    ("Llama 3.1 8B", "Llama 3.1 70B"),
    ("Llama 3.1 8B", "Llama 2"),
    ("Llama 3", "Llama 3.1"),
    ("GPT-4", "GPT-4o"),
    ("CIFAR-10", "CIFAR-100"),
    ("SQuAD 1.1", "SQuAD 2.0"),
    ("Bert-base", "Bert-large"),
    ("ResNet-50", "ResNet-101"),
    ("β-VAE", "VAE"),
    ("Mixtral 8x7B", "Mixtral 7B"),
    ("Foo-8x8B", "Foo-8B"),
    ("Phi-1.5", "Phi-1"),
    ("Gemini 1.0 Pro", "Gemini 1.5 Pro"),
    ("Llama 3.0", "Llama 3.1"),
]


@pytest.mark.parametrize("a, b", SAME)
def test_variants_share_a_key(a, b):
    assert surface_key(a) == surface_key(b)


@pytest.mark.parametrize("a, b", DISTINCT)
def test_versions_and_sizes_stay_distinct(a, b):
    assert entity_key("MODEL", a) != entity_key("MODEL", b)


def test_a_task_written_with_qa_is_the_task_written_out():
    assert entity_key("TASK", "extractive QA") == entity_key("TASK", "extractive question answering")
    assert entity_key("DATASET", "TriviaQA") != entity_key("DATASET", "Trivia question answering")  # a name's QA stays


@pytest.mark.parametrize("british, american", [
    ("brain tumour segmentation", "brain tumor segmentation"),
    ("residual-quantised variational autoencoder", "residual-quantized variational autoencoder"),
    ("batch normalisation", "batch normalization"), ("normalised cuts", "normalized cuts"),
    ("Optimisers", "optimizers"), ("summarisation", "summarization"), ("visualising attention", "visualizing attention"),
    ("language modelling", "language modeling"), ("semi-supervised labelling", "semi-supervised labeling"),
    ("unlabelled data", "unlabeled data"), ("colour constancy", "color constancy"), ("neighbourhood aggregation", "neighborhood aggregation"),
    ("sentiment analysing", "sentiment analyzing"), ("adversarial defence", "adversarial defense"),
])
def test_british_and_american_spellings_share_a_key(british, american):
    assert surface_key(british) == surface_key(american)


# words whose endings look British but that have no other spelling: folding them would merge
# different words ("four" and "for") or make keys no one writes
@pytest.mark.parametrize("word", "precise noise expertise revise wise rise enterprise exercise raise promising surprise advertising "
                                 "denoising supervised improvised comprise premise four hour contour detour storytelling compelling "
                                 "installing controller spelling science difference sentence crisis analysis error vector".split())
def test_words_with_one_spelling_keep_their_key(word):
    assert surface_key(word) == word


def test_a_curated_name_matches_either_spelling(nlp):
    found = entities_of(nlp, "A Study", "We study brain tumour segmentation and extractive summarisation with "
                                        "batch normalisation. Brain tumour segmentation is hard.")
    assert {"tumor segmentation", "extractive summarization", "batch normalization"} <= set(found)
    assert found["extractive summarization"].text == "extractive summarisation"


@pytest.mark.parametrize("name, family", [
    ("Llama 3.1 8B", "Llama 3.1"), ("Llama-3.1-70B-Instruct", "Llama-3.1-70B"), ("Qwen2.5-7B", "Qwen2.5"),
    ("Qwen2.5-7B-Base", "Qwen2.5-7B"), ("Llama-2-7b-chat-hf", "Llama-2-7b"), ("T5-XL", "T5"),
    ("Mixtral 8x7B", "Mixtral"), ("BERT-base", "BERT"), ("Llama 2", None), ("GPT-4", None),
    ("AraGPT2-mega", "AraGPT2"), ("Phi-3-mini", "Phi-3"),
])
def test_model_family(name, family):
    assert model_family(name) == family


def entities_of(nlp, title, abstract):
    paper = Paper("p-test", title, abstract)
    (_, mentions, _), = extract([paper], nlp=nlp)
    return {e.name: e for e in to_entities(paper, mentions)}


def test_a_name_with_a_defined_short_form_spelled_out_is_one_node(nlp):
    found = entities_of(nlp, "Zorbing for Unsupervised ASR", "Unsupervised automatic speech recognition (ASR) is hard.")
    tasks = [e for e in found.values() if e.type == "TASK" and "nsupervised" in e.name]
    assert len(tasks) == 1 and "Unsupervised ASR" in tasks[0].aliases


def test_a_release_written_beside_its_name_is_its_variant(nlp):
    found = entities_of(nlp, "ZInference 1.0: Accelerating Pre-filling", "We propose ZInference, a sparse method.")
    assert found["ZInference 1.0"].family == "ZInference" and found["ZInference"].family is None


def test_sizes_glued_to_the_papers_own_model_are_its_variants(nlp):
    found = entities_of(nlp, "Zorbformer: an efficient language model",
                        "We pretrained two Zorbformer models (named Zorbformer8L and Zorbformer16L). "
                        "Both Zorbformer16L and Zorbformer8L outperformed BERT.")
    assert found["Zorbformer8L"].type == found["Zorbformer16L"].type == "MODEL"
    assert found["Zorbformer8L"].family == found["Zorbformer16L"].family == "Zorbformer"


def test_abbreviation_and_long_form_merge_in_one_abstract(nlp):
    found = entities_of(nlp, "MALT: Improving Reasoning",
                        'We present "Multi-agent LLM training" (MALT) for reasoning. MALT improves results on GSM8k and MATH.')
    assert "MALT" in found and found["MALT"].role == "proposed"
    assert "Multi-agent LLM training" in found["MALT"].aliases
    assert not any(name.lower().startswith("multi-agent") for name in found)


@pytest.mark.parametrize("sentence, node, alias", [
    ("We fine-tune it with (b) proximal policy optimization (PPO) and rank outputs.", "PPO", "proximal policy optimization"),
    ("It samples with Monte Carlo Markov Chain (MCMC) steps.", "MCMC", "Monte Carlo Markov Chain"),
    ("We study class-incremental learning, also called class-incremental continual learning.", "class-incremental learning",
     "class-incremental continual learning"),
])
def test_a_curated_term_defined_in_other_words_stays_one_node(nlp, sentence, node, alias):
    found = entities_of(nlp, "A Study", sentence)
    assert list(found) == [node] and alias in found[node].aliases


@pytest.mark.parametrize("sentence, node", [
    ("We use standard self-supervised learning (SSL) for pretraining.", "self-supervised learning"),
    ("We turn to test-time adaptation (TTA) here.", "test-time adaptation"),
])
def test_a_hyphenated_word_spells_one_letter_per_part(nlp, sentence, node):
    assert list(entities_of(nlp, "A Study", sentence)) == [node]


@pytest.mark.parametrize("sentence, curated", [
    ("We smooth with continuous random fields (CRF) here.", "conditional random field"),
    ("We train a progress reward model (PRM) here.", "process reward model"),
])
def test_a_long_form_that_only_starts_like_a_curated_one_stays_its_own_term(nlp, sentence, curated):
    assert curated not in entities_of(nlp, "A Study", sentence)


@pytest.mark.parametrize("abstract", ["The advent of the pre-trained model (PTM) era. We study PTM reuse with LoRA.",
                                      "We map natural language (NL) to code with LoRA. NL is ambiguous.",
                                      "Vision and Language (VL) tasks need LoRA. VL models grow.",
                                      "Artificial neural networks (ANN) learn with LoRA. ANN training is slow."])
def test_the_short_form_of_a_generic_phrase_is_no_node(nlp, abstract):
    assert list(entities_of(nlp, "Reuse", abstract)) == ["LoRA"]


def test_a_short_form_in_the_other_number_is_the_defined_entity(nlp):
    found = entities_of(nlp, "Zorb Nets", "We call this architecture a Zorb Net (Zb-Net). We show Zb-Nets can learn.")
    assert list(found) == ["Zb-Net"] and {"Zorb Net", "Zb-Nets"} <= set(found["Zb-Net"].aliases)


def test_a_curated_term_the_paper_claims_keeps_its_curated_name(nlp):
    found = entities_of(nlp, "Zorb", "We propose Mixture-of-Experts (MoE), a sparse layer. MoE helps.")
    assert "MoE" not in found and "MoE" in found["mixture of experts"].aliases


def test_case_variants_in_one_abstract_are_one_entity(nlp):
    found = entities_of(nlp, "A Study", "We evaluate on GSM8k. Results on GSM8K improve, and ImageNet-1k and ImageNet-1K agree.")
    datasets = [e for e in found.values() if e.type == "DATASET"]
    assert sorted(e.key for e in datasets) == ["dataset:gsm8k", "dataset:imagenet1k"]


def test_versions_stay_distinct_with_family_links(nlp):
    found = entities_of(nlp, "A Study", "We fine-tune Llama 3.1 8B and Llama 3.1 70B and compare with Llama 2.")
    keys = {e.key for e in found.values() if e.type == "MODEL"}
    assert {"model:llama3.1-8b", "model:llama3.1-70b", "model:llama2"} <= keys
    assert found["Llama 3.1 8B"].family == "Llama 3.1"


def test_a_model_no_list_knows_joins_the_curated_model_it_extends(nlp):
    found = entities_of(nlp, "A Doctor", "We compare it with Falcon2-11B-vlm, Baichuan-M1 and GPT4All models.")
    assert found["Falcon2-11B-vlm"].family == "Falcon 2" and found["Baichuan-M1"].family == "Baichuan"
    assert found["GPT4All"].family is None


def test_a_model_with_its_vit_backbone_is_one_checkpoint(nlp):
    found = entities_of(nlp, "A Study", "We use a DINOv2 ViT-L backbone, VideoMAE ViT-B and RetinaNet ResNet-50.")
    assert found["DINOv2 ViT-L"].family == "DINOv2" and found["VideoMAE ViT-B"].family == "VideoMAE"
    assert {"RetinaNet", "ResNet-50"} <= set(found)  # a detector and its backbone stay two


def test_named_variants_of_a_technique_link_to_it(nlp):
    found = entities_of(nlp, "A Study", "We compare QLoRA, DyLoRA and LoRA+ with full fine-tuning, and a latent consistency model.")
    assert found["QLoRA"].family == found["DyLoRA"].family == found["LoRA+"].family == "LoRA"
    assert found["latent consistency model"].family == "consistency model"


@pytest.mark.parametrize("written, family", [
    ("ERNIE 3.0", "ERNIE"),  # curated as a release of its own
    ("MoCo v2", "MoCo"),
    ("Audio Flamingo 3", "Audio Flamingo"),
    ("ISIC 2019", "ISIC"),
    ("EPIC-KITCHENS-100", "EPIC-KITCHENS"),
    ("Qwen-7B-Chat", "Qwen-7B"),
    ("FLUX.1 Kontext", "FLUX.1"),
    ("Kandinsky 4.1", "Kandinsky"),  # releases no list knows: a number after a curated name
    ("MoCo v7", "MoCo"),
    ("MoCo-v7", "MoCo"),
    ("JFT-300M", "JFT"),  # a bare "JFT" names no size
    ("PaLI-X", "PaLI"),
    ("Gated DeltaNet", "DeltaNet"),  # named models once listed as aliases of the model they build on
    ("π0-FAST", "π0"),
    ("GLM-4.5-Air", "GLM-4.5"),
    ("HuatuoGPT-o1", "HuatuoGPT"),
    ("ZeRO-Offload", "ZeRO"),
])
def test_a_release_of_a_curated_name_is_a_node_of_its_own(nlp, written, family):
    found = entities_of(nlp, "A Study", f"We compare {written} with {family} on three benchmarks.")
    assert found[written].family == family and found[family].key != found[written].key


def test_a_series_name_is_no_alias_of_one_edition(nlp):
    found = entities_of(nlp, "A Study", "We test on ASVspoof 2021 and on ASVspoof.")
    assert found["ASVspoof 2021"].family == "ASVspoof" and found["ASVspoof"].key != found["ASVspoof 2021"].key


@pytest.mark.parametrize("text, kept", [("T5 3 times", "T5"), ("GPT-4 2 points", "GPT-4"), ("BERT 4 layers", "BERT")])
def test_a_count_after_a_name_is_no_release(nlp, text, kept):
    found = entities_of(nlp, "A Study", f"We run {text} in our study.")
    assert [e.name for e in found.values() if e.type == "MODEL"] == [kept]


# aliases that add a number to their name but name the only release there is
_ONLY_RELEASE = {"Atari 2600", "CLRS-30", "FiQA-2018", "Flan Collection 2022", "NTU RGB+D 60", "Office-Caltech-10",
                 "LeNet-5", "NLLB-200", "PNASNet-5"}


def test_no_curated_name_lists_a_later_release_as_another_name():
    """"MoCo v2" is never an alias of MoCo, so it never becomes MoCo's node."""
    import re

    from kg.extract.gazetteer import load_gazetteer

    number = re.compile(r"\d+(?:\.\d+)?")
    plain = lambda n: re.sub(r"\.0+$", "", n).lstrip("0") or "0"  # noqa: E731 ("2.0" is "2", "01" is "1")
    releases = []
    for entry in load_gazetteer(None):
        known = {plain(n) for n in number.findall(entry.name)} | {"1"}
        for alias in entry.aliases:
            written = re.fullmatch(re.escape(entry.name) + r"[ -]?[vV]?(\d+(?:\.\d+)?)", alias, re.I)
            if written and plain(written.group(1)) not in known and alias not in _ONLY_RELEASE:
                releases.append((entry.name, alias))
    assert not releases, releases[:10]


def test_a_name_written_with_several_sizes_is_its_family(nlp):
    found = entities_of(nlp, "A Study", "We release Qwen2.5-Math-Instruct-1.5B/7B/72B. Qwen2.5-Math-Instruct is strong.")
    models = [e for e in found.values() if e.type == "MODEL"]
    assert [e.name for e in models] == ["Qwen2.5-Math-Instruct"]
    assert "Qwen2.5-Math-Instruct-1.5B/7B/72B" in models[0].aliases


@pytest.mark.parametrize("phrase", ["our method", "large language models", "existing approaches", "deep learning",
                                    "neural networks", "LLMs", "state-of-the-art methods", "large multimodal model",
                                    "target model"])
def test_generic_phrases_never_become_nodes(nlp, phrase):
    found = entities_of(nlp, "A Study", f"We compare {phrase} with {phrase} on many tasks. {phrase} are popular.")
    assert not found, found


def test_coined_name_and_its_long_form_link_other_papers_to_one_node():
    from kg.pipeline import extract_papers

    papers = [
        Paper("p-a", "MALT: Multi-Agent Training", 'We propose "Multi-agent LLM training" (MALT). MALT helps.'),
        Paper("p-b", "Follow-up Study", "We extend Multi-agent LLM training to new domains."),
        Paper("p-c", "Another Study", "We compare our system with MALT on GSM8K."),
    ]
    items = {item.paper.id: item for item in extract_papers(papers)}
    for paper_id in ("p-a", "p-b", "p-c"):
        keys = {e.key: e for e in items[paper_id].entities}
        assert "method:malt" in keys, paper_id
    assert items["p-a"].entities[0].role == "proposed"
    assert {e.role for e in items["p-c"].entities if e.key == "method:malt"} == {"used"}


def test_two_papers_that_each_coin_a_short_form_make_two_nodes():
    from kg.pipeline import extract_papers

    papers = [
        Paper("p-a", "ZAP: Zonal Attention Pruning", "We propose Zonal Attention Pruning (ZAP). ZAP prunes heads."),
        Paper("p-b", "ZAP for Speech", "We introduce Zero-shot Audio Prompting (ZAP), a prompting method. ZAP is fast."),
    ]
    items = {item.paper.id: item for item in extract_papers(papers)}
    zap = {pid: next(e for e in items[pid].entities if "ZAP" in (e.name, *e.aliases)) for pid in items}
    assert zap["p-a"].key != zap["p-b"].key
    assert (zap["p-a"].name, zap["p-b"].name) == ("Zonal Attention Pruning", "Zero-shot Audio Prompting")
    assert zap["p-a"].role == zap["p-b"].role == "proposed"


def test_each_paper_that_coins_a_name_gets_its_own_node():
    """A reviewer found one node with four PROPOSES edges for "MCPO", coined by four unrelated
    papers: a name in a title, a bare "we propose X" and one long form spelled out twice all
    kept the papers on one node."""
    from kg.pipeline import extract_papers

    papers = [
        Paper("p-a", "Kestrel: Tree Search for Web Agents", "We present an agent that plans web navigation with tree search."),
        Paper("p-b", "Kestrel: A Generalist Robot Policy", "We train a robot policy on 10k demonstrations."),
        Paper("p-c", "Faster Rotations", "We propose RotaQ, a quantization method that rotates weights. RotaQ keeps accuracy."),
        Paper("p-d", "Quantizing with Rotations", "We introduce RotaQ, which learns rotations before quantization."),
        Paper("p-e", "Calibrated Margins", "We propose Margin-Calibrated Preference Optimization (MCPO). MCPO beats DPO."),
        Paper("p-f", "Margins for Alignment", "We propose Margin-Calibrated Preference Optimization (MCPO) for alignment."),
        Paper("p-g", "Zonal Pruning", "We propose Zonal Attention Pruning (ZAP). ZAP prunes heads."),
        Paper("p-h", "Audio Prompts", "We propose ZAP, a prompting method for audio."),
        Paper("p-i", "Methods Compared", "We compare RotaQ with Margin-Calibrated Preference Optimization and Zonal Attention Pruning."),
        Paper("p-j", "LoRA: Low-Rank Adaptation of Large Language Models", "We propose Low-Rank Adaptation (LoRA)."),
        Paper("p-k", "Sparse Low-Rank Adapters", "We propose LoRA, a sparse adapter."),
    ]
    items = {item.paper.id: {e.name: e for e in item.entities} for item in extract_papers(papers)}
    for name, coiners in (("Kestrel", "ab"), ("RotaQ", "cd"), ("MCPO", "ef"), ("ZAP", "h")):
        for coiner in coiners:
            own = items[f"p-{coiner}"][name]
            assert own.role == "proposed" and own.key == f"{entity_key(own.type, name)}@p-{coiner}", (name, own)
    assert items["p-g"]["Zonal Attention Pruning"].key == "method:zonalattentionpruning"
    # a paper that only uses the name: the node of the one coiner whose long form it writes, else the name's own
    used = {e.key for e in items["p-i"].values()}
    assert {"method:rotaq", "method:mcpo", "method:zonalattentionpruning"} <= used
    assert items["p-j"]["LoRA"].key == items["p-k"]["LoRA"].key == "method:lora"  # a curated name stays its node


def test_a_name_no_list_knows_is_one_model_or_method_across_papers(nlp):
    """A reviewer found Delta-DiT a Method in one paper and a Model in two others: two nodes."""
    from kg.evaluate import predictions
    from kg.pipeline import extract_papers

    papers = [
        Paper("p-a", "Video Caching", "Caching methods such as Delta-DiT and ToCa reuse features."),
        Paper("p-b", "Faster Image Diffusion", "On FLUX.1-dev it is 2.6x faster than Delta-DiT and ToCa."),
        Paper("p-c", "Feature Reuse", "Our cache beats Delta-DiT and ToCa on PixArt-alpha."),
        Paper("p-d", "Point Clouds", "Masked point modeling methods such as Point-M2AE and Point-MAE reconstruct patches."),
        Paper("p-e", "Few-shot Points", "In few-shot classification it outperforms Point-M2AE and PointGPT-S."),
    ]
    keys = {e.key for item in extract_papers(papers) for e in item.entities if e.name in ("Delta-DiT", "Point-M2AE")}
    assert keys == {"model:deltadit", "model:pointm2ae"}  # most papers' type; a tie with no proposer: MODEL
    # `kg eval` scores each paper's own reading, before any corpus-wide pass
    assert {e["type"] for e in predictions({"a": papers[0]}, nlp)["a"] if e["name"] == "Delta-DiT"} == {"METHOD"}


def test_a_tie_between_model_and_method_goes_to_the_proposer_and_a_stored_type_wins():
    from kg.normalise import CorpusNames
    from kg.records import Entity

    def entity(entity_type, name="Zorbl", role="used"):
        return Entity(entity_key(entity_type, name), name, entity_type, role, name, "s", 0, len(name), "r")

    names = CorpusNames()
    names.add([entity("METHOD", role="proposed")], "p-1")
    names.add([entity("MODEL"), entity("METHOD", "BERT")], "p-2")
    assert {e.key for e in names.apply([entity("MODEL"), entity("METHOD", "BERT")], "p-2")} == {"method:zorbl", "method:bert"}
    stored = CorpusNames()  # an appended batch joins the type the store holds the name under
    stored.add_known([("MODEL", "model:zorbl", "Zorbl", [], 1, 0)])
    stored.add([entity("METHOD")], "p-3")
    stored.add([entity("METHOD")], "p-4")
    assert stored.apply([entity("METHOD")], "p-3")[0].key == "model:zorbl"


def test_a_name_another_paper_writes_a_sized_model_of_is_a_model_and_only_papers_type_a_stored_name():
    from dataclasses import replace

    from kg.normalise import CorpusNames
    from kg.records import Entity

    def entity(entity_type, name="Zorbl", role="used", family=None):
        return Entity(entity_key(entity_type, name), name, entity_type, role, name, "s", 0, len(name), "r", family=family)

    names = CorpusNames()  # one paper proposes Zorbl (typed a method), another its XL size, a model
    names.add([entity("METHOD", role="proposed")], "p-1")
    names.add([entity("MODEL", "Zorbl-XL", "proposed", family="Zorbl"), entity("METHOD")], "p-2")
    assert names.apply([entity("METHOD", role="proposed")], "p-1")[0].key == "model:zorbl"
    versioned = CorpusNames()  # a version is no size: the votes decide
    versioned.add([entity("METHOD", role="proposed")], "p-1")
    versioned.add([entity("MODEL", "Zorbl-v2", "proposed", family="Zorbl"), entity("METHOD")], "p-2")
    assert versioned.apply([entity("METHOD", role="proposed")], "p-1")[0].key == "method:zorbl"
    # a stored node no paper names any more (a family only its variants name, or one whose papers
    # are all loaded again) does not type the name: appending the same papers types it as the build did
    again = CorpusNames()
    again.add_known([("MODEL", "model:zorbl", "Zorbl", [], 0, 0), ("METHOD", "method:zorbl", "Zorbl", [], 0, 0)])
    again.add([entity("METHOD", role="proposed")], "p-1")
    again.add([replace(entity("METHOD"), rule="coined-elsewhere")], "p-2")
    assert again.apply([entity("METHOD", role="proposed")], "p-1")[0].key == "method:zorbl"


def test_a_short_form_coined_for_something_else_is_not_the_curated_node(nlp):
    coined = Paper("p-a", "Merging for Incremental Learning",
                   "We propose ADapt And Merge (ADAM), which merges adapted models. ADAM is simple.")
    optimiser = Paper("p-b", "Training", "We train with ADAM and a cosine schedule.")
    (_, coined_mentions, _), (_, optimiser_mentions, _) = extract([coined, optimiser], nlp=nlp)
    ours = {e.key: e for e in to_entities(coined, coined_mentions)}
    theirs = {e.key: e for e in to_entities(optimiser, optimiser_mentions)}
    adam_ours = next(e for e in ours.values() if "ADAM" in (e.name, *e.aliases))
    assert adam_ours.name == "ADapt And Merge" and adam_ours.role == "proposed"
    assert adam_ours.key not in theirs and theirs["method:adam"].name == "Adam"


def test_so_called_marks_a_term_already_in_use(nlp):
    paper = Paper("p-s", "Zorb Tuning", "Adapters (LoRA) keep the weights and introduce small modules (so-called LoRA blocks).")
    (_, mentions, _), = extract([paper], nlp=nlp)
    assert {e.name: e.role for e in to_entities(paper, mentions)}["LoRA"] == "used"


def test_a_known_techniques_loss_is_that_techniques_node(nlp):
    found = entities_of(nlp, "A Study", "We start from BYOL and train the student with the BYOL loss and an RNN-T loss.")
    assert sorted(found) == ["BYOL", "RNN-T"] and "BYOL loss" in found["BYOL"].aliases


def test_a_list_that_names_datasets_by_their_last_word_names_the_curated_ones(nlp):
    found = entities_of(nlp, "A Study", "We test on the Amazon Beauty, Sports, and Toys datasets and on PASCAL VOC-20.")
    assert [(e.name, e.text) for e in found.values()] == [
        ("Amazon Beauty", "Amazon Beauty"), ("Amazon Sports", "Sports"), ("Amazon Toys", "Toys"), ("PASCAL VOC-20", "PASCAL VOC-20")]
    found = entities_of(nlp, "A Study", "We test on the Amazon Beauty and Games splits.")
    assert list(found) == ["Amazon Beauty"]


@pytest.mark.parametrize("abstract", ["We study an approach commonly called Zorb-as-a-judge, where a model grades answers.",
                                      "We revisit what is often termed quux tuning and propose a fix."])
def test_a_name_commonly_called_so_is_already_in_use(nlp, abstract):
    paper = Paper("p-cc", "A Study", abstract)
    (_, mentions, _), = extract([paper], nlp=nlp)
    assert all(e.role == "used" for e in to_entities(paper, mentions))


def test_corpus_names_do_not_depend_on_paper_order_and_keep_each_spelling():
    from kg.normalise import CorpusNames
    from kg.records import Entity

    upper = Entity("model:dust3r", "DUSt3R", "MODEL", "used", "DUSt3R", "s", 0, 6, "r")
    lower = Entity("model:dust3r", "Dust3r", "MODEL", "used", "Dust3r", "s", 0, 6, "r")
    chosen = []
    for order in ([upper, lower], [lower, upper]):
        names = CorpusNames()
        for paper_id, entity in enumerate(order):
            names.add([entity], f"p-{paper_id}")
        applied = [names.apply([entity], "p-x")[0] for entity in (upper, lower)]
        chosen.append({e.name for e in applied})
        assert all({e.name, *e.aliases} >= {e.text} for e in applied)  # the paper's spelling stays an alias
    assert chosen[0] == chosen[1] and len(chosen[0]) == 1


def test_a_size_in_brackets_after_a_model_names_its_checkpoint(nlp):
    found = entities_of(nlp, "A study", "We continue pre-training Llama-3 (8B) and compare with GPT-4 (OpenAI).")
    assert found["Llama 3 8B"].text == "Llama-3 (8B)" and found["Llama 3 8B"].key == entity_key("MODEL", "Llama 3 8B")
    assert "GPT-4" in found  # a bracket that holds no size is an aside


def test_a_task_node_written_in_title_capitals_shows_in_lower_case():
    from kg.normalise import CorpusNames
    from kg.records import Entity

    task = Entity("task:climatemodeling", "Climate Modeling", "TASK", "used", "Climate Modeling", "s", 0, 16, "r")
    method = Entity("method:meanteacher", "Mean Teacher", "METHOD", "used", "Mean Teacher", "s", 0, 12, "r")
    names = CorpusNames()
    names.add([task, method], "p-1")
    applied = {e.key: e for e in names.apply([task, method], "p-1")}
    assert applied["task:climatemodeling"].name == "climate modeling" and "Climate Modeling" in applied["task:climatemodeling"].aliases
    assert applied["method:meanteacher"].name == "Mean Teacher"  # a method's capitals may be its coined name


def test_a_case_sensitive_curated_name_in_lower_case_is_that_name_where_it_defines_a_short_form(nlp):
    found = entities_of(nlp, "Faces", "We fine-tune stable diffusion (SD) on faces. SD draws well.")
    assert list(found) == ["Stable Diffusion"] and found["Stable Diffusion"].type == "MODEL"
    assert "Stable Diffusion" not in entities_of(nlp, "Flows", "We study a stable diffusion process in fluids.")


def test_visual_transformers_are_vision_transformers(nlp):
    found = entities_of(nlp, "Mixing", "Mixing helps visual transformers (ViT) on images.")
    assert list(found) == ["ViT"] and found["ViT"].type == "MODEL"


def test_a_defined_long_form_is_one_node_in_the_title_and_without_its_technique_word(nlp):
    found = entities_of(nlp, "Cyclical Curriculum Learning",
                        "We propose cyclical curriculum learning (CCL), which cycles the data size. "
                        "The code of Cyclical Curriculum is available online.")
    assert list(found) == ["CCL"] and found["CCL"].role == "proposed"
    assert {"cyclical curriculum learning", "Cyclical Curriculum"} <= set(found["CCL"].aliases)


def test_a_titled_name_is_one_node_with_the_defined_long_form_it_shortens(nlp):
    found = entities_of(nlp, "Zorbic Drift: Jailbreaks via Personas",
                        "We introduce the Zorbic Drift Attack (ZDA), a multi-turn jailbreak. ZDA succeeds often.")
    assert list(found) == ["ZDA"] and found["ZDA"].role == "proposed"
    assert {"Zorbic Drift Attack", "Zorbic Drift"} <= set(found["ZDA"].aliases)


def test_a_slash_list_of_curated_names_is_each_of_them(nlp):
    found = entities_of(nlp, "A Study", "We test on ImageNet-100/1000, CIFAR10/100 and ViT-L/16.")
    assert {"ImageNet-100", "ImageNet-1K", "CIFAR-10", "CIFAR-100"} <= set(found)
    assert found["ImageNet-100"].family == found["ImageNet-1K"].family == "ImageNet" and found["CIFAR-100"].type == "DATASET"
    found = entities_of(nlp, "A Study", "We test on ImageNet-1000/100.")  # each name keeps its own family
    assert found["ImageNet-1K"].family == "ImageNet" and found["ImageNet-100"].family == "ImageNet"
    assert not any("/" in name for name in found if name != "ViT-L/16")


def test_a_defined_short_form_with_model_variants_is_one_model_node_with_them(nlp):
    from kg.graph import build_graph
    from kg.pipeline import extract_papers

    paper = Paper("p-vm", "Distilling Modules", "We evaluate it on Zorb Mixture-of-Experts (Z-MoE). The Z-MoE-Base model gains 3%.")
    graph = build_graph(extract_papers([paper]))
    variant = next(key for key, data in graph.nodes(data=True) if data.get("name") == "Z-MoE-Base")
    (_, family, kind), = graph.out_edges(variant, data="type")
    assert kind == "VARIANT_OF" and graph.nodes[family]["name"] == "Zorb Mixture-of-Experts"
    assert graph.nodes[family]["support"] == 1 and "Z-MoE" in graph.nodes[family]["aliases"]


def test_a_size_list_names_its_family_without_taking_the_first_size_as_an_alias(nlp):
    found = entities_of(nlp, "Zorb Models", "Zorbus-7B, 13B and 70B are trained on text. Later, Zorbus-7B beats Llama 2.")
    assert found["Zorbus"].text == "Zorbus-7B, 13B and 70B" and "Zorbus-7B" not in found["Zorbus"].aliases
    assert found["Zorbus-7B"].family == "Zorbus"


@pytest.mark.parametrize("abstract, node, alias", [
    ("We build a speech-to-speech translation (S2ST) corpus and train direct S2ST models.",
     "speech-to-speech translation", "S2ST"),
    ("We report the perplexity score of each model and its perplexity on held-out text.", "perplexity", None),
    ("We evaluate few-shot incremental learning on CUB-200 with LoRA.", "CUB-200-2011", "CUB-200"),
])
def test_spelled_numbers_scored_metrics_and_dataset_aliases_are_one_node(nlp, abstract, node, alias):
    found = entities_of(nlp, "A Study", abstract)
    assert node in found and (alias is None or alias in found[node].aliases)
    assert not {"S2ST", "perplexity score", "CUB-200"} & set(found)


def test_a_short_form_spelled_out_as_no_technique_is_no_node_in_a_comparison(nlp):
    found = entities_of(nlp, "A Study", "We scan Magnetic Resonance (MR) images. Our model outperforms "
                                         "baselines on CT and MR with LoRA.")
    assert not {"MR", "Magnetic Resonance"} & set(found)


def test_data_distillation_is_not_dataset_distillation(nlp):
    assert "dataset distillation" not in entities_of(nlp, "NMT", "We apply data distillation to translation models.")


def test_a_name_a_rule_found_that_spells_a_curated_form_takes_the_curated_name(nlp):
    found = entities_of(nlp, "A study", "We evaluate on ARC-e, ARC-c and HellaSwag, and again on ARC-Easy.")
    assert found["ARC-Easy"].text == "ARC-e" and "ARC-Challenge" in found
    assert not [name for name in found if name in ("ARC-e", "ARC-c")]


def test_an_improved_plus_plus_version_is_its_own_node_in_its_family(nlp):
    found = entities_of(nlp, "A study", "We compare DimeNet++ with DimeNet and report chrF++ beside chrF.")
    assert found["DimeNet++"].family == "DimeNet" and "DimeNet" in found
    assert found["chrF++"].type == "METRIC" and "chrF" in found


def test_a_metric_at_one_cutoff_is_its_own_node_in_the_cutoff_family(nlp):
    found = entities_of(nlp, "Code", "We report pass@1 and pass@10, Hits@1 and Hits@10, P@1, and ROUGE-L with ROUGE-Lsum.")
    assert found["pass@1"].family == found["pass@10"].family == "pass@k"  # not pass^k, another measure
    assert found["Hits@1"].family == found["Hits@10"].family == "Hits@k"
    assert found["precision@1"].text == "P@1" and found["ROUGE-Lsum"].family == "ROUGE-L" and "ROUGE-L" in found
    checkpoint = entities_of(nlp, "Prompts", "We fine-tune T0pp and compare it with T0.")
    assert checkpoint["T0++"].text == "T0pp" and "T0" in checkpoint  # T0pp is T0++, not T0


def test_a_curated_task_in_a_learning_setting_belongs_to_the_task_it_sets(nlp):
    found = entities_of(nlp, "A study", "We study zero-shot NER, few-shot object detection and open-domain QA.")
    assert found["zero-shot named entity recognition"].family == "named entity recognition"
    assert found["few-shot object detection"].family == "object detection"
    assert found["open-domain question answering"].family == "question answering"


def test_a_named_kind_of_a_curated_technique_links_to_it(nlp):
    found = entities_of(nlp, "Zorb-Level Knowledge Distillation for Detectors",
                        "We propose Zorb-Level Knowledge Distillation. We also train with iterative DPO.")
    assert found["Zorb-Level Knowledge Distillation"].family == "knowledge distillation"
    assert found["iterative DPO"].family == "DPO"  # so `papers_using name=DPO` finds the paper


def test_a_measure_with_a_sub_or_superscript_is_its_variant(nlp):
    found = entities_of(nlp, "Detection", "We reach 40.9 AP^kp and 35.8 AP^pan on COCO with a ResNet-50.")
    assert found["AP^kp"].type == found["AP^pan"].type == "METRIC"
    assert found["AP^kp"].family == "average precision"


def test_task_spellings_the_lists_know_are_one_node(nlp):
    for written, name in (("robotic navigation", "robot navigation"), ("medical-imaging segmentation", "medical image segmentation"),
                          ("customized text-to-image generation", "subject-driven generation")):
        found = entities_of(nlp, "A study", f"We study {written} in depth.")
        assert name in found and found[name].type == "TASK", written


def test_a_measure_short_form_joins_the_measure_it_spells(nlp):
    found = entities_of(nlp, "Forecasting", "We report MAE and RMSE on ETTh1.")
    assert found["mean absolute error"].type == "METRIC" and "MAE" in found["mean absolute error"].aliases
    assert "MAE" not in found  # one node with the papers that write "mean absolute error"


@pytest.mark.parametrize("entity_type, name, family", [
    ("TASK", "meeting summarization", "text summarization"),  # alias summarization
    ("TASK", "multi-document summarization", "text summarization"),
    ("TASK", "blind super-resolution", "image super-resolution"),  # alias super-resolution
    ("TASK", "genotype imputation", "missing value imputation"),  # alias imputation
    ("TASK", "vehicle re-identification", "re-identification"),
    ("TASK", "person re-identification", "re-identification"),
    ("METHOD", "conditional variational autoencoder", "VAE"),  # alias variational autoencoder
    ("METHOD", "sliding window attention", "window attention"),
    ("METRIC", "boundary IoU", "intersection over union"),  # alias IoU
    ("TASK", "video summarization", None),  # another medium: siblings, not kinds
    ("TASK", "speech summarization", None),
    ("TASK", "video super-resolution", None),
    ("TASK", "audio inpainting", None),
    ("TASK", "RNA secondary structure prediction", None),
    ("METHOD", "4D Gaussian Splatting", None),
    ("TASK", "aspect term extraction", None),  # an alias that names something else in its field
    ("METHOD", "graph convolutional network", "graph neural network"),  # its curated class, not CNN by its tail
])
def test_a_name_ending_in_a_curated_alias_is_a_kind_of_its_entry(entity_type, name, family):
    from kg.normalise import curated_family, curated_tail

    assert (curated_family(entity_type, name) or curated_tail(entity_type, name)) == family


def test_papers_spelling_a_name_the_british_and_the_american_way_share_its_node():
    from kg.graph import build_graph
    from kg.pipeline import extract_papers

    papers = [Paper.from_text("Zorbing Codes", "We tokenise images with a residual-quantised variational autoencoder (RQ-VAE) "
                                               "for brain tumour segmentation. Brain tumour segmentation improves."),
              Paper.from_text("Zorbing Tokens", "Our residual-quantized variational autoencoder (RQ-VAE) helps "
                                                "brain tumor segmentation. Brain tumor segmentation improves.")]
    graph = build_graph(extract_papers(papers))
    for written in ("residual-quantised variational autoencoder", "brain tumour segmentation"):
        nodes = [key for key, data in graph.nodes(data=True) if written in {n.lower() for n in (data.get("name", ""), *data.get("aliases", ()))}]
        assert len(nodes) == 1 and graph.in_degree(nodes[0]) == 2, (written, nodes)


def test_a_papers_other_words_for_its_own_coinage_join_its_own_node():
    """A reviewer found a paper titled "... via Conservative Advantage Shaping" whose abstract says
    "dubbed CAS" on two nodes, its own and the name's shared one, when other papers coin CAS too."""
    from kg.pipeline import extract_papers

    papers = [
        Paper("p-a", "Zorb Advantage Shaping for Offline RL", "We propose Zorb Advantage Shaping (ZAS), which shapes advantages."),
        Paper("p-b", "Stable Policies via Zorb Advantage Shaping", "We present a method, dubbed ZAS, that shapes advantages."),
        Paper("p-c", "Zorb Advantage Shaping for Online RL", "We propose Zorb Advantage Shaping (ZAS) for online tuning."),
    ]
    items = {item.paper.id: item.entities for item in extract_papers(papers)}
    own = [e for e in items["p-b"] if "zas" in e.key]
    assert [(e.key, e.name, e.role) for e in own] == [("method:zas@p-b", "ZAS", "proposed")], own


def test_a_long_lived_process_normalises_by_the_lists_as_edited(tmp_path, monkeypatch):
    import shutil

    from kg.extract import gazetteer
    from kg.normalise import CorpusNames, curated_family, curated_name, follow_list_edits

    lists = tmp_path / "lists"
    shutil.copytree(gazetteer.GAZETTEER_DIR, lists)
    monkeypatch.setattr(gazetteer, "GAZETTEER_DIR", lists)
    CorpusNames()  # a corpus normalised before the edit fills the caches from the lists as they were
    assert curated_name("MODEL", "zorbformer-xl") is None
    with open(lists / "model.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"name": "ZorbFormer-XL", "family": "ZorbFormer"}\n')
    CorpusNames()  # the next corpus
    assert (curated_name("MODEL", "zorbformer-xl"), curated_family("MODEL", "Zorbformer XL")) == ("ZorbFormer-XL", "ZorbFormer")
    monkeypatch.undo()
    follow_list_edits()  # later tests see the bundled lists again
    assert curated_name("MODEL", "zorbformer-xl") is None


def test_a_coined_short_form_whose_long_form_ends_in_a_curated_technique_is_a_kind_of_it():
    paper = Paper("p-cskd", "CSKD: Cumulative Spatial Knowledge Distillation for ViTs",
                  "We propose Cumulative Spatial Knowledge Distillation (CSKD). We train with Reinforcement Learning "
                  "from Human Feedback (RLHF) and compare GCNs on semantic segmentation, with PiSSA adapters.")
    ((_, mentions, _),) = extract([paper])
    families = {e.name: e.family for e in to_entities(paper, mentions)}
    assert families["CSKD"] == "knowledge distillation"
    assert families["RLHF"] == "reinforcement learning" and families["graph convolutional network"] == "graph neural network"
    assert families["semantic segmentation"] == "image segmentation" and families["PiSSA"] == "LoRA"


def test_a_long_form_that_is_a_phrase_about_a_technique_gives_no_family():
    paper = Paper("p-lrgd", "A Study", "We propose Learning to Rank via Gradient Descent (LRGD) and Hard Negative Mining "
                  "for Contrastive Learning (HNMC), and go Beyond Knowledge Distillation (BKD).")
    ((_, mentions, _),) = extract([paper])
    families = {e.name: e.family for e in to_entities(paper, mentions)}
    assert not {families.get(name) for name in ("LRGD", "HNMC", "BKD")} - {None}, families


@pytest.mark.parametrize("sentence, node, family", [
    ("We evaluate on WMT'14 English-German.", "WMT14 En-De", "WMT14"),
    ("We evaluate on WMT14 En-De.", "WMT14 En-De", "WMT14"),
    ("We evaluate on WMT17 English-Czech.", "WMT17 En-Cs", "WMT17"),
    ("We evaluate on WMT17 en→cs.", "WMT17 En-Cs", "WMT17"),
    ("We evaluate on WMT17 Czech-English.", "WMT17 Cs-En", "WMT17"),
])
def test_one_direction_of_a_translation_benchmark_is_one_node_however_written(nlp, sentence, node, family):
    found = entities_of(nlp, "A Study", sentence)
    assert list(found) == [node] and found[node].family == family


def test_a_measure_at_one_granularity_is_a_variant_and_the_papers_bare_word_for_it(nlp):
    found = entities_of(nlp, "A Study", "We report span-level F1 and box IoU. It reaches 61.2 F1 and a system-level Kendall tau of 0.8.")
    assert set(found) == {"span-level F1", "box IoU", "Kendall's tau"}
    assert (found["span-level F1"].family, found["box IoU"].family) == ("F1 score", "intersection over union")


def test_a_stores_name_lists_hold_each_names_key_and_lower_case_and_no_other_names():
    """The templates find a node by ``$name_key IN n.name_keys OR toLower($name) IN n.lower_names``
    (indexed), the test they made over every node before: an acronym's plural-looking "S" is no
    plural of another name (LiTS is not LiT), and any case of a written name is in lower_names."""
    from kg.store.rows import entity_store_properties

    lits = entity_store_properties({"name": "LiTS", "aliases": ["CLRS"]}, "Dataset")
    assert lits == {"name_keys": ["clrs", "lits"], "lower_names": ["clrs", "lits"]}
    assert surface_key("IMAGENET-256X256") == surface_key("ImageNet-256x256") == "imagenet256"


def test_a_sized_model_a_store_holds_types_its_name_when_papers_are_appended():
    from kg.normalise import CorpusNames
    from kg.records import Entity

    names = CorpusNames()  # the store holds ZorbNet-XL and its paper-less family; a new paper proposes ZorbNet
    names.add_known([("MODEL", "model:zorbnetxl", "ZorbNet-XL", [], 1, 0), ("MODEL", "model:zorbnet", "ZorbNet", [], 0, 0)])
    proposed = Entity("method:zorbnet", "ZorbNet", "METHOD", "proposed", "ZorbNet", "s", 0, 7, "r")
    names.add([proposed], "p-b")
    assert names.apply([proposed], "p-b")[0].key == "model:zorbnet"  # as one build of both papers types it
