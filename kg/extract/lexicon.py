"""Small hand-written word lists the rules share: head nouns that type a name, cue verbs,
and acronyms that are not entities.  General English/ML vocabulary, no corpus names.

>>> type_from_head("a high-quality video dataset")
'DATASET'
>>> type_from_head("an auto-scaling framework"), type_from_head("Multi-agent LLM training")
('METHOD', 'METHOD')
>>> type_from_head("A Foundation Model"), type_from_head("semantic segmentation")
('MODEL', 'TASK')
>>> type_from_head("a model family"), type_from_head("a family")
('MODEL', None)
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "AT_CUTOFF",
    "PARAMETER_COUNT",
    "HEAD_TYPES",
    "PARTICIPLE_ENDINGS",
    "TRANSPARENT_HEADS",
    "PROPOSAL_VERBS",
    "SIZE_BOUND",
    "NOT_NAMES",
    "type_from_head",
    "is_name_shaped",
    "is_generic_class",
    "is_link",
    "counts_examples",
]

# a parameter count written as a hyphenated part of a name ("Llama3-8B", "RWKV-14B-Instruct")
PARAMETER_COUNT = re.compile(r"(?:^|-)\d+(?:\.\d+)?[BM](?:-|$)")

HEAD_TYPES: dict[str, str] = {}
for _type, _words in {
    "DATASET": "dataset datasets benchmark benchmarks corpus corpora suite testbed leaderboard bank collection arena atlas",
    "MODEL": "model models llm llms lm lms vlm vlms lvlm lvlms mllm mllms lmm lmms slm slms checkpoint checkpoints backbone backbones",
    "METHOD": (
        "framework frameworks method methods methodology approach approaches algorithm algorithms technique techniques "
        "strategy strategies mechanism mechanisms architecture architectures network networks module modules "
        "scheme paradigm pipeline objective loss learning training pretraining pre-training fine-tuning finetuning "
        "tuning optimization optimizer attention decoding sampling prompting distillation regularization "
        "normalization search transformer transformers procedure protocol tokenizer encoder decoder layer layers "
        "operator estimator adapter adapters initialization schedule quantization pruning alignment augmentation "
        "policy agent system toolkit tool library engine implementation regularizer regularizers harness harnesses stack recipe recipes"
    ),
    "TASK": (
        "recognition detection segmentation classification translation answering summarization retrieval "
        "estimation parsing tracking captioning completion forecasting localization reconstruction "
        "verification identification diarization tagging grounding navigation separation"
    ),
    "METRIC": "score metric metrics measure accuracy error divergence",
}.items():
    for _w in _words.split():
        HEAD_TYPES[_w] = _type

PROPOSAL_VERBS = frozenset(
    "propose proposes proposed introduce introduces introduced present presents presented develop develops "
    "developed release releases released design designs designed build builds built call dub dubbed term "
    "termed name named construct constructs constructed create creates created curate curates curated collect "
    "collected contribute contributes unveil unveils unveiled introducing presenting unveiling releasing "
    "assemble assembles assembled compile compiles compiled".split()
)

# Acronyms that name generic classes or fields rather than entities.
NOT_NAMES = frozenset(
    "AI AGI ML DL NLP NLU NLG IR CV RL LLM LLMs LM LMs PLM PLMs RM RMs VLM VLMs VLA VLAs MLLM MLLMs GPU GPUs CPU CPUs TPU TPUs API APIs SOTA "
    "NN NNs DNN DNNs CNN CNNs RNN RNNs GNN GNNs MLP MLPs IoT QA VQA I II III IV US UK EU PhD AR VR OCR "
    "SoTA VFM VFMs VRAM "
    # where code and models are hosted ("released on GitHub")
    "GitHub GitLab HuggingFace "
    "XL XXL XSmall XLarge XXLarge ID OOD IID KB MB GB TB KiB MiB GiB TiB RKHS PDE PDEs ODE ODEs SDE SDEs 2D 3D 4D RGB HTML URL "
    # regions of interest ("RoI classification"), not a technique (RoIAlign and RoI pooling are curated)
    "RoI RoIs ROI ROIs "
    # imaging and signal modalities and sensors ("a multi-phase CT dataset", "an artificial ECG model")
    "CT MRI fMRI EEG ECG EMG MEG OCT CXR SAR UAV UAVs AV AVs LiDAR "
    # licences a release is under ("CC BY-NC 4.0", "GPLv3")
    "BY BY-NC BY-SA BY-ND BY-NC-SA BY-NC-ND CC-BY CC-BY-SA CC-BY-NC CC-BY-NC-SA CC0 GPL GPLv2 GPLv3 AGPL AGPLv3 LGPL "
    # a unit ("a 3 dB gain")
    "dB "
    # hardware a run is timed on ("a single NVIDIA RTX 4060 Ti", "8 A100 GPUs")
    "NVIDIA AMD RTX GTX CUDA NPU NPUs FPGA FPGAs ASIC ASICs A100 A800 H100 H800 H200 B200 V100 P100 K80 T4 L4 L40 L40S A6000 A40 A10 A10G MI250 MI300X TPUv2 TPUv3 TPUv4 TPUv5".split()
)

# fields, classes of model and hardware: with a plain word they make no name ("human-AI", "GPU-hours")
_GENERIC_SHORT_FORMS = frozenset("AI AGI ML DL NLP LLM LLMs LM LMs VLM VLMs MLLM MLLMs GPU GPUs CPU CPUs TPU TPUs API APIs".split())
_SIZE = re.compile(r"^\d+(\.\d+)?([BMKT]|[KMGTP]i?B)$", re.I)  # 8B parameters, 349GB of text
# a measure at a rank cutoff or an IoU threshold ("mAP@0.25", "NDCG@10/20", "pass@k"): only measures are
# written so, and a rule of their own types them, whatever word stands before ("Model Hit@10")
AT_CUTOFF = re.compile(r"^[A-Za-z][A-Za-z-]*@(?:\d+(?:\.\d+)?|[kKnN])(?:/\d+)*$")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")  # a Chinese phrase glued to a Latin word ("红色Logo") is no name
_RANGE_SIGNS = re.compile("[-~\u2013]")
_BOUND_SIGNS = "<>~\u2264\u2265\u2248"
_QUANTITY = re.compile(r"^\d+(\.\d+)?[BMKT]?-[a-z]+$", re.I)
# "a model family", "the XL variants": the typing word is the one before.
TRANSPARENT_HEADS = {"family", "families", "series", "variant", "variants", "version", "versions"}
_SKIPPED = {"of", "for", "with", "on", "in", "via", "from", "to", "by", "and"}
# Verb forms ("aimed", "guiding"): they end a noun phrase, and turn a name into a
# modifier ("RL-improved", "LLM-generated", "CLIP-guided").
PARTICIPLE_ENDINGS = ("ed", "ing")
# the lower-case last part of a hyphenated modifier: "OCR-free", "CNN-based", "LLM-agnostic"
_MODIFYING_TAILS = frozenset("free based aware agnostic specific centric level wise only native ready friendly "
                             "compatible scale dependent independent efficient intensive heavy bound equivariant invariant style "
                             "architecture architectures".split())
_PLURAL_ACRONYM = re.compile(r"^[A-Z]+[MN]s$")  # LLMs, LRMs, GNNs: models, networks (not FLOPs)
_MODALITY_PAIR = re.compile(r"^[TIVASEM]2[TIVASEM]$")  # T2V, I2V, E2E: "text-to-video", "end-to-end"
_LINK = re.compile(r"://|^www\.|\.(?:com|org|io|net|ai|dev|edu)(?:/|$)", re.I)  # links are kept as links, not names
_PREFIXED_UNIT = re.compile(r"^[KMGTPE](?:FLOPs?|FLOPS|MACs?)$")  # "300 MFLOPs", "12 GMACs": an amount of compute
_NUMBER_FORMAT = re.compile(r"^(?:W\d+A\d+(?:KV\d+)?|FP\d+|BF\d+|INT\d+|TF32|MXFP\d+|NVFP\d+)$")  # W4A4, FP16, INT8
_CLASS_NOUNS = frozenset(
    "models llms lms vlms lvlms mllms agents learners".split()
)


# "mixed error rate", "attack success rate": a rate of these is a measure ("learning rate" is not)
_MEASURED_RATES = frozenset("error success win hit pass refusal detection acceptance rejection".split())


# words that may follow a bare release number ("Audio Flamingo 3 outperforms ...", "Mistral Large 3 and
# ..."), where any other word is what the number counts ("GPT-4 Turbo 8 responses")
AFTER_A_RELEASE = frozenset("and or with on in as is are was were to for by at from than vs via which that achieves "
                            "reaches scores outperforms matches surpasses improves uses".split())


_TOOLING_HEADS = frozenset({"framework", "frameworks", "harness", "protocol"})
_EVALUATING = frozenset({"evaluation", "benchmarking", "benchmark"})


def type_from_head(phrase: str) -> str | None:
    """Type implied by the last typing word of a noun phrase, or None.

    >>> type_from_head("mixed error rate"), type_from_head("adaptive learning rate")
    ('METRIC', None)
    >>> type_from_head("Chinese Corpora Internet 3.0"), type_from_head("Zorb Dataset Distillation")
    ('DATASET', 'METHOD')
    >>> type_from_head("Skill-aware Pruning of Instruction Corpora for Efficiency"), type_from_head("learning on a pre-trained model")
    ('METHOD', 'METHOD')
    >>> type_from_head("spoofing-aware speaker verification"), type_from_head("speaker diarization")
    ('TASK', 'TASK')
    >>> type_from_head("controlled evaluation framework"), type_from_head("modular agent framework")
    ('DATASET', 'METHOD')
    """
    words = [w.strip(".,;:()\"'").lower() for w in phrase.split()]
    # the head of "X on/of/for Y" is X's: "continual learning on a pre-trained model" is learning
    cut = next((i for i, word in enumerate(words) if i > 0 and word in _HEAD_PREPOSITIONS), len(words))
    if cut < len(words) and any(word in HEAD_TYPES or word.split("-")[-1] in HEAD_TYPES for word in words[:cut]):
        words = words[:cut]
    if len(words) > 1 and words[-1] in ("rate", "rates", "ratio") and words[-2].split("-")[-1] in _MEASURED_RATES:
        return "METRIC"
    if len(words) > 1 and words[-1] in _TOOLING_HEADS and words[-2] in _EVALUATING:
        return "DATASET"  # "a controlled evaluation framework", "a benchmarking framework": a benchmark
    for index, word in enumerate(reversed(words)):
        if word in HEAD_TYPES:
            return HEAD_TYPES[word]
        if not word or word in _SKIPPED or (index == 0 and (word in TRANSPARENT_HEADS or _VERSION_WORD.match(word))):
            continue
        last = word.split("-")[-1]
        if last in HEAD_TYPES:
            return HEAD_TYPES[last]
        break
    # a data word anywhere names data when the last word types nothing ("Chinese Corpora Internet 3.0"),
    # unless a preposition puts it in a modifier ("Pruning of Instruction Corpora for Efficiency")
    return "DATASET" if any(word in _DATA_NAMES for word in words) and not any(word in _SKIPPED for word in words) else None


_HEAD_PREPOSITIONS = frozenset({"on", "of", "for", "with", "via", "from", "in"})
_VERSION_WORD = re.compile(r"^v?\d+(?:\.\d+)*$")
_DATA_NAMES = frozenset({"dataset", "datasets", "corpus", "corpora"})


SIZE_BOUND = re.compile(r"^(?:sub|under|over|below|above|up)-\d+(?:\.\d+)?[BMKT]$", re.I)  # "Sub-4B", "under-1B"


@lru_cache(maxsize=200_000)
def is_name_shaped(text: str) -> bool:
    """A token that looks like a coined name: internal capitals, or letters mixed with digits.

    >>> [is_name_shaped(t) for t in ["GSM8K", "MALT", "GameFactory", "As-ViT", "model", "The", "LLMs", "2023"]]
    [True, True, True, True, False, False, False, False]
    >>> [is_name_shaped(t) for t in ["Multi-Agent", "8B", "62B.", "350M-175B", "349GB", "GF-Minecraft", "Llama-3", "Swin-T"]]
    [False, False, False, False, False, True, True, True]
    >>> [is_name_shaped(t) for t in ["50M-token", "10k-image", "7B-parameter", "3D-Front", "4-bit", "Sub-4B", "under-1B"]]
    [False, False, False, True, False, False, False]
    >>> [is_name_shaped(t) for t in ["1M~4M", "<80MB", "\u22647B", "7B\u201370B", "Hit@10", "NDCG@10/20", "\u7ea2\u8272Logo"]]
    [False, False, False, False, False, False, False]
    >>> [is_name_shaped(t) for t in ["RL-improved", "Q-Guided", "OpenAI's", "RLMs", "BERT-base", "FLOPs", "MFLOPs", "GMACs", "GiB"]]
    [False, False, False, False, True, True, False, False, False]
    >>> [is_name_shaped(t) for t in ["T2V", "E2E", "R2D2", "Wav2Vec", "H2O", "W4A4", "FP16", "INT8"]]
    [False, False, True, True, True, False, False, False]
    >>> [is_name_shaped(t) for t in ["https://github.com/x/FooGPT", "github.com/x/FooGPT", "FooNet.github.io", "FooNet"]]
    [False, False, False, True]
    >>> [is_name_shaped(t) for t in ["tIoU=0.5", "k=8"]]  # a setting's value, not a name
    [False, False]
    >>> [is_name_shaped(t) for t in ["OCR-free", "CNN-based", "LLM-agnostic", "ViT-Base", "BERT-base", "E(3)-equivariant"]]
    [False, False, False, True, True, False]
    >>> [is_name_shaped(t) for t in ["GPT-style", "GPT-architectures"]]  # a kind of model, as "GPT-based" is
    [False, False]
    >>> [is_name_shaped(t) for t in ["human-AI", "LLM-agent", "multi-GPU", "3D-LLM", "SWE-agent", "pre-LN", "k-NN", "score-MRI"]]
    [False, False, False, True, True, True, True, True]
    """
    if (text in NOT_NAMES or len(text) < 2 or not any(c.isalpha() for c in text) or "=" in text or _HAN.search(text)
            or text.endswith(("'s", "’s")) or _PLURAL_ACRONYM.match(text) or _MODALITY_PAIR.match(text)
            or _NUMBER_FORMAT.match(text) or _PREFIXED_UNIT.match(text) or is_link(text) or AT_CUTOFF.match(text)):
        return False
    if all(_SIZE.match(p) for p in _RANGE_SIGNS.split(text.rstrip(".").lstrip(_BOUND_SIGNS)) if p):
        return False  # a size, a size range or a bound: "8B", "62B.", "350M-175B", "1M~4M", "<80MB"
    if SIZE_BOUND.match(text):
        return False  # a bound on a size: "Sub-4B models", "under-1B ones"
    if _QUANTITY.match(text):
        return False  # a count of something: "a 50M-token corpus", "a 10k-image benchmark"
    parts = [p for p in text.split("-") if p]
    if len(parts) > 1 and all(p.isalpha() and (p.islower() or p.istitle() and len(p) > 1) for p in parts):
        return False  # "Multi-Agent", "Pre-Training": ordinary hyphenated words (not "Imagenet-C")
    if len(parts) > 1 and parts[-1][1:].islower() and parts[-1].endswith(PARTICIPLE_ENDINGS):
        return False
    if len(parts) > 1 and parts[-1] in _MODIFYING_TAILS:
        return False  # "OCR-free", "CNN-based": a modifier built on a name, not a name ("GPT-like" stays one word)
    if len(parts) == 2 and any(p in _GENERIC_SHORT_FORMS for p in parts) and any(p.isalpha() and p.islower() and len(p) > 2 for p in parts):
        return False  # "human-AI", "LLM-agent", "multi-GPU": a generic short form and a plain word ("k-NN", "score-MRI" are names)
    core = text.replace("-", "").replace(".", "")
    uppers = sum(c.isupper() for c in core)
    has_digit = any(c.isdigit() for c in core)
    if uppers >= 2:
        return True
    if uppers == 1 and not core[0].isupper():
        return True  # camel case: wav2Vec, mBERT, iPhone-like
    return has_digit and uppers >= 1


def is_link(text: str) -> bool:
    """A written URL or domain: the paper's links, never an entity name.

    >>> [is_link(t) for t in ["https://github.com/a/b", "foo.github.io", "GPT-4.5", "Node.js"]]
    [True, True, False, False]
    """
    return bool(_LINK.search(text))


# numbers of thousands that name something else than examples: context windows ("Phi-3-mini-128k",
# "Claude-100k"), audio sample rates in kHz ("EnCodec-24k"), ImageNet-21K/22K pre-training tags
_NOT_EXAMPLE_COUNTS = frozenset({"4", "8", "16", "21", "22", "24", "32", "44", "48", "64", "100", "128", "192", "200", "256",
                                 "262", "512", "1000"})
_COUNT_SUFFIX = re.compile(r"^[A-Za-z][\w.-]*?-(\d+(?:\.\d+)?)[kK]$")
# a size or tuning word before the count makes it a checkpoint's ("RoBERTa-base-500k" steps, "Swin-L-22K")
_CHECKPOINT_PART = re.compile(r"-(?:base|large|small|tiny|mini|medium|huge|xl|xxl|[STBLHG]|instruct|chat|it|v\d[\w.]*)-", re.I)


def counts_examples(text: str) -> bool:
    """A name glued to a count of thousands that is no context window or parameter count:
    a model's name so written is the data made for or with it ("LLaVA-665K", "Magpie-Pro-300K").

    >>> [counts_examples(t) for t in ["LLaVA-665K", "DAPO-Math-17k", "Qwen2-128K", "Llama-3-8B-12K", "ImageNet"]]
    [True, True, False, False, False]
    >>> [counts_examples(t) for t in ["Claude-100k", "EnCodec-24k", "Swin-L-22K", "RoBERTa-base-500k"]]
    [False, False, False, False]
    """
    count = _COUNT_SUFFIX.match(text)
    return bool(count) and count[1] not in _NOT_EXAMPLE_COUNTS and not PARAMETER_COUNT.search(text) \
        and not _CHECKPOINT_PART.search(text[:count.start(1)])


def is_generic_class(text: str) -> bool:
    """A class of models rather than a named one: "large reasoning models", "LVLMs", "Video-LLM".

    The guidelines keep classes out of the graph; a name-shaped word or a number makes
    it specific ("Llama 2 models" is not a class).

    >>> [is_generic_class(t) for t in ["Large Reasoning Models", "LRMs", "large time series models"]]
    [True, True, True]
    >>> [is_generic_class(t) for t in ["Llama 2 models", "GPT-4", "ResNet models", "diffusion model"]]
    [False, False, False, False]
    >>> [is_generic_class(t) for t in ["Vision-LLMs", "Code-LLM", "Video-LLaMA", "RL-LLM"]]
    [True, True, False, False]
    """
    words = text.split()
    if len(words) == 1:
        *qualifiers, head = text.split("-")
        if qualifiers and head in NOT_NAMES and all(q.isalpha() and (q.islower() or q.istitle()) for q in qualifiers):
            return True  # "Vision-LLM": a kind of LLM, written as one word
        return bool(_PLURAL_ACRONYM.match(text))
    if words[-1].lower() not in _CLASS_NOUNS:
        return False
    return not any(any(c.isdigit() for c in w) or is_name_shaped(w) for w in words)
