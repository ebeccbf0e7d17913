"""Canonical names and keys, so one real thing is one node.

Case, hyphen, spacing, plural and British/American spelling variants share a key; versions and
sizes do not.

>>> surface_key("GSM8k") == surface_key("GSM-8K") == surface_key("gsm 8k")
True
>>> surface_key("Llama 3.1 8B") == surface_key("Llama-3.1-8B"), surface_key("Llama 3.1 8B") == surface_key("Llama 3.1 70B")
(True, False)
>>> surface_key("Vision Transformers") == surface_key("vision transformer")
True
>>> entity_key("DATASET", "ImageNet-1k")
'dataset:imagenet1k'
>>> model_family("Llama 3.1 8B"), model_family("Llama 2"), model_family("BERT-base")
('Llama 3.1', None, 'BERT')
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from .records import Entity, Mention, Paper, PaperEntities, paper_text
from .spelling import american

__all__ = [
    "fold_pairs",
    "plain_letters",
    "plain_lower",
    "surface_key",
    "name_key",
    "singular",
    "greek_spelled",
    "entity_key",
    "listed_sizes",
    "coining_paper",
    "model_family",
    "curated_family",
    "curated_family_of_key",
    "curated_base",
    "clean_surface",
    "without_size_list",
    "sized_name",
    "SIZE_LETTER_LIST",
    "is_size_word",
    "to_entities",
    "CorpusNames",
    "canonicalise_corpus",
    "follow_list_edits",
]

_SPLIT = re.compile(r"[\s\-_/–—]+")
_DROP = re.compile(r"[^\w.+#]")
_POINT_ZERO = re.compile(r"(?<=\d)\.0$")  # a version's ".0" adds nothing: EVEv2.0 is EVEv2, Llama 3.0 is Llama 3
_ACRONYM_PLURAL = re.compile(r"^[A-Z][A-Za-z0-9]*([A-Z0-9]|[A-Z][a-z]*[a-rt-z])s$")
_SIZE = re.compile(r"^(\d+(\.\d+)?[bmkt]|\d+x\d+(\.\d+)?[bm])$", re.I)
SIZE_LETTER_LIST = re.compile(r"^(?:Ti|[TSBLHG])(?:/(?:Ti|[TSBLHG]))+$")  # "Ti/S/B" of "DeiT-Ti/S/B": sizes as a list
_SIZE_LIST = re.compile(r"^(.+?)(?:[-\s]\d+(?:\.\d+)?[BMKT](?:/\d+(?:\.\d+)?[BMKT])+|-" + SIZE_LETTER_LIST.pattern[1:-1] + ")$", re.I)
_SQUARE = re.compile(r"(?<![\d.xX×])(\d{2,4})[xX×]\1(?![\w.])")  # an image size; "3x3" kernels are no size
_VARIANT_WORDS = {"instruct", "chat", "base", "large", "small", "tiny", "medium", "xl", "xxl", "hf", "it", "huge", "mini", "mega", "nano", "micro", "xsmall", "xlarge", "xxlarge"}


def singular(token: str) -> str:
    """A written word's singular, as keys take it: an acronym's "s" goes ("LLMs"), and so does a
    lower-case or capitalised word's plural ending; other words stay. Only keys read it (an
    "-ies" plural comes back lower-cased, and "Series" as "sery", which still matches itself).

    >>> [singular(w) for w in ("LLMs", "models", "Series", "GSM8Ks", "class", "ResNets")]
    ['LLM', 'model', 'sery', 'GSM8K', 'class', 'ResNet']
    """
    if _ACRONYM_PLURAL.match(token):
        return token[:-1]
    lower = token.lower()
    if not token.isalpha() or len(token) <= 3 or not (token.islower() or token.istitle()):
        return token
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ss", "us", "is", "ous")):
        return token
    if lower.endswith(("ches", "shes", "xes", "sses")):
        return token[:-2]
    if lower.endswith("s"):
        return token[:-1]
    return token


# Greek letters as their names: "β-VAE" is "beta-VAE", "ε-greedy" is "epsilon-greedy"
_GREEK = str.maketrans({
    letter: name for letters, name in (
        ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("εϵ", "epsilon"), ("ζ", "zeta"), ("η", "eta"),
        ("θϑ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"),
        ("π", "pi"), ("ρ", "rho"), ("σς", "sigma"), ("τ", "tau"), ("υ", "upsilon"), ("φϕ", "phi"), ("χ", "chi"),
        ("ψ", "psi"), ("ω", "omega"))
    for letter in letters
})


def greek_spelled(text: str) -> str:
    """Greek letters written as their names ("β-VAE" -> "beta-VAE").

    >>> greek_spelled("β-VAE"), greek_spelled("DεpS")
    ('beta-VAE', 'DepsilonpS')
    """
    return text.translate(_GREEK)


# letters NFKD keeps whole, spelled as a keyboard without them writes them (the HTML search's plain() does the same)
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ẞ": "SS",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i"})


def plain_letters(text: str) -> str:
    """``text`` as a keyboard without accents writes it, case kept: accents go, and so do strokes and
    ligatures (ł, ø, đ, ı; ß, æ, œ, þ as ss, ae, oe, th).  The full-text search, name keys and title
    lookups all read text through it, so "Lukasz" finds Łukasz and "Frechet" Fréchet everywhere.

    >>> plain_letters("Łukasz-Net, Søren, Straße, Æsir, Fréchet, Gödel")
    'Lukasz-Net, Soren, Strasse, AEsir, Frechet, Godel'
    """
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)) if not unicodedata.combining(c))


def plain_lower(text: str) -> str:
    """``text`` in lower case with its letters plain (:func:`plain_letters`): a title, or a fragment of
    one, as lookups by title compare them (a store keeps each title so, as ``plain_title``).

    >>> plain_lower("Łukasz-Net: Tiny Parsers") == plain_lower("LUKASZ-net: tiny parsers")
    True
    """
    return plain_letters(text).lower()


@lru_cache(maxsize=1 << 16)  # every stage keys the same few thousand names over and over
def surface_key(text: str) -> str:
    """A matching key: case-, hyphen-, space- and plural-insensitive, version-sensitive;
    Greek letters read as their names, British spellings as American (:mod:`kg.spelling`).

    >>> surface_key("brain tumour segmentation") == surface_key("Brain Tumor Segmentation")
    True
    >>> surface_key("residual-quantised VAE") == surface_key("residual-quantized VAE"), surface_key("precise noise")
    (True, 'precisenoise')

    >>> surface_key("β-VAE") == surface_key("beta-VAE"), surface_key("DεpS") == surface_key("DepsilonpS")
    (True, True)
    >>> surface_key("EVEv2.0") == surface_key("EVEv2"), surface_key("Llama 3.0 8B"), surface_key("Phi-1.5")
    (True, 'llama3 8b', 'phi1.5')

    A square size is its side ("ImageNet 256×256" is ImageNet256); an expert count is no size:

    >>> surface_key("ImageNet-256x256") == surface_key("ImageNet256x256") == surface_key("ImageNet256")
    True
    >>> surface_key("Mixtral 8x7B"), surface_key("Foo-8x8B"), surface_key("3x3 convolution")
    ('mixtral8x7b', 'foo8x8b', '3x3convolution')
    """
    text = _SQUARE.sub(r"\1", unicodedata.normalize("NFKC", text).strip())
    tokens = [t for t in _SPLIT.split(text) if t]
    if tokens:
        tokens[-1] = singular(tokens[-1])
    out = ""
    for token in tokens:
        token = _POINT_ZERO.sub("", _DROP.sub("", token).lower().strip("."))
        if not token.isascii():
            token = greek_spelled(token)
        elif token.isalpha():
            token = american(token)
        if not token:
            continue
        if out and out[-1].isdigit() and token[0].isdigit():
            out += " "
        out += token
    return out


def name_key(text: str) -> str:
    """The key lookups by name compare: :func:`surface_key` of the text with its letters plain, so
    "Moller-QA" finds Møller-QA as search finds Søren by "Soren" (a node's own key keeps its letters).

    >>> name_key("Møller-QA") == name_key("moller qa") == "mollerqa", name_key("GSM8Ks")
    (True, 'gsm8k')
    """
    return surface_key(plain_letters(text))


def name_keys(names, entity_type: str | None = None) -> list[str]:
    """The matching keys (:func:`name_key`) of a node's name and aliases, which lookups by name compare
    with; with the node's type, also those of every form its curated entry knows, so "word error rate"
    finds the node of papers that only wrote "WER".

    >>> name_keys(["GSM8K", "GSM-8k", "grade school math"])
    ['gradeschoolmath', 'gsm8k']
    >>> name_keys(["word error rate", "WER"], "METRIC"), name_keys(["RLHF"], "METHOD")[:2]
    (['wer', 'worderrorrate'], ['reinforcementlearningfromhumanfeedback', 'reinforcementlearningwithhumanfeedback'])
    """
    names = list(filter(None, names))
    if entity_type and names:
        names += curated_forms(entity_type, names[0])
    return sorted({key for key in map(name_key, names) if key})


def curated_forms(entity_type: str, name: str) -> tuple[str, ...]:
    """Every form of the curated entry ``name`` is (its name and the aliases that name the same node), else ()."""
    return _curated_lookups().forms.get(entity_key(entity_type, name), ())


def entity_key(entity_type: str, name: str) -> str:
    """Type-namespaced slug of a canonical name (the node id).  A task's closing "QA" is question
    answering, as papers write one task both ways:

    >>> entity_key("TASK", "extractive QA") == entity_key("TASK", "Extractive Question Answering") == entity_key("TASK", "extractive qa")
    True
    >>> entity_key("DATASET", "CommonsenseQA"), entity_key("DATASET", "Natural Questions QA")
    ('dataset:commonsenseqa', 'dataset:naturalquestionsqa')
    """
    if entity_type == "TASK" and name[-2:].lower() == "qa" and name[-3:-2] in (" ", "-") and name[-4:-3].isalnum():
        name = name[:-2] + "question answering"  # "open-domain QA"; not a name's glued QA (CommonsenseQA)
    return f"{entity_type.lower()}:{surface_key(name).replace(' ', '-')}"


def model_family(name: str) -> str | None:
    """Strip trailing size/variant parts: "Llama 3.1 8B" -> "Llama 3.1"; None if nothing to strip.
    A tuned checkpoint of a sized model is a variant of that size, one step at a time:
    "Qwen2.5-7B-Instruct" -> "Qwen2.5-7B" (-> "Qwen2.5").

    >>> model_family("Qwen2.5-7B-Instruct"), model_family("Llama-2-7b-chat-hf"), model_family("BERT-base"), model_family("T5-XL")
    ('Qwen2.5-7B', 'Llama-2-7b', 'BERT', 'T5')
    """
    parts = [p for p in re.split(r"([\s\-_]+)", name.strip())]
    words = parts[::2]
    cut = len(words)
    while cut > 1 and words[cut - 1].lower() in _VARIANT_WORDS:
        cut -= 1
    if cut < len(words) and cut > 1 and _SIZE.match(words[cut - 1]):
        return "".join(parts[: 2 * cut - 1]).strip(" -_") or None
    while cut > 1 and is_size_word(words[cut - 1]):
        cut -= 1
    if cut == len(words):
        return None
    family = "".join(parts[: 2 * cut - 1]).strip(" -_")
    return family or None


def _sized_step(name: str, family: str) -> str:
    """The family a variant of a curated model links to: the sized model it tunes, where the name
    holds one between ("Qwen2.5-7B-Instruct" -> "Qwen2.5-7B", whose family is Qwen2.5), else ``family``.

    >>> _sized_step("Qwen2.5-7B-Instruct", "Qwen2.5"), _sized_step("Qwen2.5-7B", "Qwen2.5"), _sized_step("Llama-2-7b-chat", "Llama 2")
    ('Qwen2.5-7B', 'Qwen2.5', 'Llama-2-7b')
    """
    sized = model_family(name)
    if sized and entity_key("MODEL", sized) != entity_key("MODEL", family) and \
            entity_key("MODEL", sized).startswith(entity_key("MODEL", family)) and _SIZE.match(re.split(r"[\s\-_]+", sized)[-1]):
        return sized
    return family


def curated_family(entity_type: str, name: str) -> str | None:
    """The family the curated lists give a name (by any of its spellings), else None: a node
    met only as another's family ("Qwen2" of "Qwen2-72B-Instruct") still joins its own family.

    >>> curated_family("MODEL", "Qwen2"), curated_family("MODEL", "qwen 2"), curated_family("MODEL", "Zorb-9")
    ('Qwen', 'Qwen', None)
    """
    return _curated_lookups().families.get(entity_key(entity_type, name))


def curated_name(entity_type: str, name: str) -> str | None:
    """The curated name of the entry one of whose forms ``name`` spells (any case, spacing or
    hyphenation), for a name a rule found on its own: "ARC-e" is the curated ARC-Easy (alias
    ARC-E), not a node of its own.

    >>> curated_name("DATASET", "ARC-e"), curated_name("DATASET", "gsm-8k"), curated_name("DATASET", "Zorb-9")
    ('ARC-Easy', 'GSM8K', None)
    """
    return _curated_lookups().names.get(entity_key(entity_type, name))


def curated_family_of_key(key: str) -> str | None:
    """:func:`curated_family` by the node key (``entity_key`` of the name), which a graph already has."""
    return _curated_lookups().families.get(key)


_PREFIX_BOUNDARY = re.compile(r"[\s\-_]")


def curated_base(name: str) -> str | None:
    """The longest curated model name that ``name`` extends after a space, hyphen or underscore,
    for a model no list knows: "Falcon2-11B-vlm" is a Falcon2, "Baichuan-M1" a Baichuan.
    Glued extensions are not followed ("GPT4All" is no GPT, "BERTScore" no BERT).

    >>> curated_base("Baichuan-M1"), curated_base("Zorb-M1"), curated_base("GPT4All")
    ('Baichuan', None, None)

    An improved "++" version is its base's variant too: ``curated_base("Mask2Former++")`` is 'Mask2Former'.
    """
    bases = _curated_models()
    if name.endswith("++") and (base := bases.get(surface_key(name[:-2]))):
        return base
    for match in reversed(list(_PREFIX_BOUNDARY.finditer(name))):
        base = bases.get(surface_key(name[: match.start()]))
        if base:
            return base
    return None


_lists_followed: tuple | None = None  # the curated entries the caches below were filled from


def follow_list_edits() -> None:
    """Forget what normalisation took from the curated lists once a list file has changed, so
    a long-lived process (a notebook, a server) that normalised a corpus before an edit
    normalises the next one by the edited lists.  Each corpus-wide pass calls it once: the
    check is a few ``stat`` calls, too many to make per name.

    >>> follow_list_edits(); curated_name("DATASET", "gsm-8k")
    'GSM8K'
    """
    from .extract.gazetteer import load_gazetteer

    global _lists_followed
    entries = load_gazetteer(None)
    if entries is not _lists_followed:
        for cached in (_curated_models, _curated_lookups, curated_tail, _lower_case_words):
            cached.cache_clear()
        _lists_followed = entries


@lru_cache(maxsize=1)
def _curated_models() -> dict[str, str]:
    from .extract.gazetteer import load_gazetteer

    return {surface_key(form): entry.name for entry in load_gazetteer(None) if entry.type == "MODEL"
            for form in (entry.name, *entry.node_aliases)}


class _CuratedLookups(NamedTuple):
    names: dict[str, str]  # by the node key of each curated form: the entry's name
    families: dict[str, str]  # the same, for entries with a family: the family
    forms: dict[str, tuple[str, ...]]  # by the node key of an entry's name: every form naming its node
    metric_initials: dict[str, str]  # "MAE": the one curated measure of three words or more it spells
    slugs: frozenset[str]  # the node key of each curated form, without its type


@lru_cache(maxsize=1)
def _curated_lookups() -> _CuratedLookups:
    """What normalisation asks of the curated lists, from one pass over them."""
    from .extract.gazetteer import load_gazetteer  # the curated lists: read once, when a name is first normalised

    names: dict[str, str] = {}
    families: dict[str, str] = {}
    forms: dict[str, tuple[str, ...]] = {}
    spelled: dict[str, set[str]] = {}
    for entry in load_gazetteer(None):
        entry_forms = (entry.name, *entry.node_aliases)
        forms.setdefault(entity_key(entry.type, entry.name), entry_forms)
        for form in entry_forms:
            key = entity_key(entry.type, form)
            names.setdefault(key, entry.name)
            if entry.family:
                families.setdefault(key, entry.family)
        words = entry.name.replace("-", " ").split()
        if entry.type == "METRIC" and len(words) >= 3 and all(word[:1].isalpha() for word in words):
            spelled.setdefault("".join(word[0] for word in words).upper(), set()).add(entry.name)
    initials = {short: next(iter(measures)) for short, measures in spelled.items() if len(measures) == 1}
    return _CuratedLookups(names, families, forms, initials, frozenset(key.partition(":")[2] for key in names))


def is_size_word(word: str) -> bool:
    """A size or variant word that extends a model name ("7B", "Base", "XL").

    >>> is_size_word("Large"), is_size_word("13B"), is_size_word("models")
    (True, True, False)
    """
    return bool(_SIZE.match(word)) or word.lower() in _VARIANT_WORDS


_SIZE_IN_BRACKETS = re.compile(r"^(.*\S) \((\d+(?:\.\d+)?[BMT])\)$")


def sized_name(name: str) -> str:
    """A size written in brackets after a name joins it: "Llama-3 (8B)" is "Llama-3 8B".

    >>> sized_name("Llama-3 (8B)"), sized_name("GPT (Generative Pre-trained Transformer)")
    ('Llama-3 8B', 'GPT (Generative Pre-trained Transformer)')
    """
    return _SIZE_IN_BRACKETS.sub(r"\1 \2", name)


def without_size_list(name: str) -> str:
    """A name written with several sizes at once stands for its family, since no one size
    can be rebuilt from the written text.

    >>> without_size_list("Qwen2.5-Math-Instruct-1.5B/7B/72B"), without_size_list("Llama-2-7B")
    ('Qwen2.5-Math-Instruct', 'Llama-2-7B')
    >>> without_size_list("DeiT-Ti/S/B"), without_size_list("ViT-L/16")
    ('DeiT', 'ViT-L/16')
    """
    match = _SIZE_LIST.match(name)
    return match.group(1) if match else name


_ONE_SIZE = r"(?:\d+(?:\.\d+)?[BMKT]|Tiny|Small|Base|Medium|Large|Huge|Giant|XXL|XL)"
_LISTED_SIZES = re.compile(
    rf"^(?P<stem>.+?)[-\s](?P<sizes>{_ONE_SIZE}(?:/{_ONE_SIZE})+|{_ONE_SIZE}(?:,\s*{_ONE_SIZE})*,?\s+and\s+{_ONE_SIZE})$")


def size_list_stem(written: str) -> str | None:
    """The name a size list is written on ("Vision Transformer" of "Vision Transformer Base and Large"), else None.

    >>> size_list_stem("Vision Transformer Base and Large"), size_list_stem("OPT-2.7B/6.7B"), size_list_stem("OPT-13B")
    ('Vision Transformer', 'OPT', None)
    """
    match = _LISTED_SIZES.match(written.strip())
    return match["stem"] if match else None


def listed_sizes(written: str, family: str) -> list[str]:
    """The sizes a model name written with several at once names, each as a model name of its own,
    where the name before the sizes is ``family``; else [].  (Extraction keeps such a list as its
    family, as the labelled abstracts do; the graph links the paper to each size.)

    >>> listed_sizes("OPT-2.7B/6.7B/13B", "OPT"), listed_sizes("ClimateGPT-7B, 13B and 70B", "ClimateGPT")
    (['OPT-2.7B', 'OPT-6.7B', 'OPT-13B'], ['ClimateGPT-7B', 'ClimateGPT-13B', 'ClimateGPT-70B'])
    >>> listed_sizes("Llama-2-7B/13B", "Llama 2"), listed_sizes("T5 Base, Large, and XL", "T5")
    (['Llama 2 7B', 'Llama 2 13B'], ['T5 Base', 'T5 Large', 'T5 XL'])
    >>> listed_sizes("OPT-13B", "OPT"), listed_sizes("Foo-7B/13B", "OPT"), listed_sizes("ViT-L/16", "ViT")
    ([], [], [])
    """
    match = _LISTED_SIZES.match(written.strip())
    if not match or surface_key(match["stem"]) not in {surface_key(f) for f in (family, *curated_forms("MODEL", family))}:
        return []
    glue = " " if family[-1:].isdigit() else "-"  # "Llama 2 13B", not "Llama 213B"
    return [family + glue + size for size in re.split(r",?\s+and\s+|,\s*|/", match["sizes"]) if size]


_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_STRAY = " \"'`“”‘’.,;:"


def clean_surface(text: str) -> str:
    """Display form of a surface string: whitespace collapsed, stray quotes and brackets
    trimmed; a bracket pair that belongs to the name stays.

    >>> clean_surface("(ViT)"), clean_surface("[CLS] token"), clean_surface("FLUX.1 [dev]"), clean_surface("BERT),")
    ('ViT', '[CLS] token', 'FLUX.1 [dev]', 'BERT')
    """
    out = re.sub(r"\s+", " ", text).strip(_STRAY)
    while out:
        trimmed = out
        for opening, closing in _BRACKETS.items():
            if trimmed[-1:] == closing:
                if _wrapped(trimmed, opening, closing):
                    trimmed = trimmed[1:-1]
                elif trimmed.count(closing) > trimmed.count(opening):
                    trimmed = trimmed[:-1]
            if trimmed[:1] == opening and trimmed.count(opening) > trimmed.count(closing):
                trimmed = trimmed[1:]
        trimmed = trimmed.strip(_STRAY)
        if trimmed == out:
            return out
        out = trimmed
    return out


def _wrapped(text: str, opening: str, closing: str) -> bool:
    """Whether the first character's bracket closes only at the last ("(a b)", not "(a) b (c)")."""
    if text[:1] != opening or text[-1:] != closing:
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += (char == opening) - (char == closing)
        if depth == 0:
            return i == len(text) - 1
    return False


def metric_spelled_by(short: str) -> str | None:
    """The curated measure whose words' initials a measure's short form spells, when only one
    does: "MAE" read as a measure is mean absolute error, one node with the papers that write it
    out (the lists cannot match "MAE" itself: it also names masked autoencoders).

    >>> metric_spelled_by("MAE"), metric_spelled_by("CR"), metric_spelled_by("Zorb")
    ('mean absolute error', None, None)
    """
    if not (3 <= len(short) <= 6 and short.isalpha() and short.isupper()):
        return None
    return _curated_lookups().metric_initials.get(short)


@lru_cache(maxsize=100_000)
def curated_tail(entity_type: str, name: str) -> str | None:
    """The curated technique, task or metric a longer name ends with, by its name or an alias,
    as its family: "iterative DPO" is a kind of DPO, "Query-Level Knowledge Distillation" of
    knowledge distillation, "abstractive summarization" of text summarization (alias summarization).

    >>> curated_tail("METHOD", "iterative DPO"), curated_tail("METHOD", "Query-Level Knowledge Distillation")
    ('DPO', 'knowledge distillation')
    >>> curated_tail("METHOD", "knowledge distillation"), curated_tail("METHOD", "Axiomatic Training")
    (None, None)
    >>> curated_tail("METHOD", "online knowledge distillation"), curated_tail("TASK", "3D object detection")
    ('knowledge distillation', 'object detection')
    >>> curated_tail("TASK", "abstractive summarization"), curated_tail("METRIC", "boundary IoU")
    ('text summarization', 'intersection over union')
    >>> curated_tail("TASK", "video summarization"), curated_tail("TASK", "video super-resolution")  # another medium
    (None, None)
    >>> curated_tail("METHOD", "LD-DPO"), curated_tail("METHOD", "Zorb-Net")
    ('DPO', None)
    >>> curated_tail("METHOD", "singular value decomposition"), curated_tail("METHOD", "data pruning")
    (None, None)
    >>> curated_tail("METHOD", "differentially private stochastic gradient descent")  # SGD's long form, not gradient descent
    'SGD'
    """
    from .extract.gazetteer import NO_TAIL_FAMILY  # the curated lists' module, which imports this one

    if entity_type not in ("METHOD", "TASK", "METRIC") or name.lower() in NO_TAIL_FAMILY:
        return None
    words = name.split()
    key = entity_key(entity_type, name)
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        curated = curated_name(entity_type, tail)
        if curated and entity_key(entity_type, curated) != key and _kind_of(entity_type, " ".join(words[:start]), tail, curated):
            return curated
    # a short form glued on by a hyphen: "LD-DPO", "NSR-GRPO" are kinds of DPO and GRPO
    for match in re.finditer(r"(?<=[A-Za-z0-9])-(?=[A-Z][A-Z0-9]+$)", name):
        curated = curated_name(entity_type, name[match.end():])
        if curated and entity_key(entity_type, curated) != key:
            return curated
    return None


def _long_form_tail(entity_type: str, aliases) -> str | None:
    """:func:`curated_tail` of a short form's long form: "CSKD", spelled out "Cumulative Spatial
    Knowledge Distillation", is a kind of knowledge distillation.  A long form that is a phrase
    about the technique, not a name of a kind of it, gives none ("Learning to Rank via Gradient
    Descent", "Hard Negative Mining for Contrastive Learning", "Beyond Knowledge Distillation").

    >>> _long_form_tail("METHOD", {"Cumulative Spatial Knowledge Distillation"}), _long_form_tail("METHOD", {"CSKD"})
    ('knowledge distillation', None)
    >>> _long_form_tail("METHOD", {"Hard Negative Mining for Contrastive Learning"})
    >>> _long_form_tail("METHOD", {"Not Just Reinforcement Learning"})
    """
    return next((tail for alias in sorted(aliases) if " " in alias and _LINKING_WORDS.isdisjoint(alias.lower().split())
                 and (tail := curated_tail(entity_type, alias))), None)


# words that make a long form a phrase about a technique rather than the name of a kind of it
_LINKING_WORDS = frozenset("via with without for against beyond not just to from using by of on in into and or vs versus "
                           "than through towards toward under over as".split())


def _kind_of(entity_type: str, modifier: str, tail: str, curated: str) -> bool:
    """Whether ``modifier`` then ``tail``, a form of the curated entry ``curated``, is a kind of
    that entry: a short form counts only where it is written as one ("normalized cuts" is no
    kind of CUT), and an alias not where the modifier names another medium than the entry's
    ("video deblurring" is no kind of image deblurring, whose alias deblurring is)."""
    from .extract.gazetteer import another_medium  # the curated lists' module, which imports this one

    tail_key = entity_key(entity_type, tail)
    form = next((f for f in curated_forms(entity_type, curated) if entity_key(entity_type, f) == tail_key), tail)
    if form.isupper() and not tail.isupper():
        return False
    return tail_key == entity_key(entity_type, curated) or not another_medium(modifier, curated)


def to_entities(paper: Paper, mentions: Iterable[Mention]) -> tuple[Entity, ...]:
    """Document level: one Entity per key; the proposed role wins, the first mention is evidence."""
    by_key: dict[str, Entity] = {}
    spans: dict[str, list[tuple[int, int]]] = {}  # per key, where the sentences naming it start and end
    text = paper_text(paper)
    for m in mentions:
        name = m.canonical or sized_name(without_size_list(clean_surface(m.text)))
        if not name:
            continue
        if not m.canonical:
            name = curated_name(m.type, name) or (m.type == "METRIC" and metric_spelled_by(name)) or name
        key = entity_key(m.type, name)
        aliases = {clean_surface(a) for a in (m.text, *m.aliases)} - {name, ""}
        if m.type == "MODEL" and (stem := size_list_stem(clean_surface(m.text))):
            aliases = (aliases | {stem}) - {name}  # the family's name as written: "Vision Transformer Base and Large"
        family = m.family or ((model_family(name) or (None if m.canonical else curated_base(name))) if m.type == "MODEL"
                              else curated_tail(m.type, name)
                              or (None if curated_name(m.type, name) else _long_form_tail(m.type, aliases)))
        if m.family and m.type == "MODEL" and not m.canonical:
            family = _sized_step(name, m.family)
        if (at := _sentence_start(text, m)) is not None:
            spans.setdefault(key, []).append((at, at + len(m.sentence)))
        current = by_key.get(key)
        if current is None:
            by_key[key] = Entity(key, name, m.type, m.role, m.text, m.sentence, m.start, m.end, m.rule,
                                 m.confidence, tuple(sorted(aliases)), family)
            continue
        merged = set(current.aliases) | aliases
        role = "proposed" if "proposed" in (current.role, m.role) else "used"
        by_key[key] = replace(current, role=role, aliases=tuple(sorted(merged - {current.name})))
    for key, entity in by_key.items():
        if found := spans.get(key):  # the evidence sentence's first, then the others in text order
            ordered = list(dict.fromkeys([found[0], *sorted(found)]))
            by_key[key] = replace(entity, sentence_starts=tuple(a for a, _ in ordered), sentence_ends=tuple(b for _, b in ordered))
    return tuple(_released(_spelled_out(_narrowed_measures(by_key))).values())


def _sentence_start(text: str, mention: Mention) -> int | None:
    """Where ``mention``'s sentence starts in ``text``, or None where the sentence is not there as written.

    >>> m = Mention("BERT", "MODEL", "used", "We tune BERT.", 21, 25, "test")
    >>> _sentence_start("Title\\nIt is. We tune BERT.", m)
    13
    """
    sentence = mention.sentence
    if not sentence:
        return None
    at = text.find(sentence, max(0, mention.end - len(sentence)), mention.start + len(sentence))
    return at if 0 <= at <= mention.start else None


_RELEASE_TAIL = re.compile(r"^(.+?)[\s\-]*(?:v|V|version\s*)?\d+(?:\.\d+)*$")


_SIZE_CODE = re.compile(r"^(.+?[a-z])(\d{1,3}[A-Z]{1,2})$")  # "Bioformer8L", "Zorb16L"


def _released(by_key: dict[str, Entity]) -> dict[str, Entity]:
    """A release or size code the paper writes beside its name is that name's variant:
    "MInference 1.0" next to "MInference", "Bioformer8L" next to "Bioformer", get it as family
    (sizes and curated releases have theirs already)."""
    for key, e in list(by_key.items()):
        match = None if e.family else _RELEASE_TAIL.match(e.name) or _SIZE_CODE.match(e.name)
        base = match and by_key.get(entity_key(e.type, match.group(1)))
        if base and base.key != key:
            by_key[key] = replace(e, family=base.name)
    return by_key


def _narrowed_measures(by_key: dict[str, Entity]) -> dict[str, Entity]:
    """A paper that names a measure narrowly ("top-1 accuracy", "k-NN accuracy") means that
    measure by its bare word too ("accuracy rises by 3 points"): the bare word is no measure
    of its own there.  So does any measure a paper takes at one granularity ("span-level F1"
    and a later "61.2 F1"), unless one sentence names both ("BLEU by 1.3 and sentence-level BLEU
    by 0.9"); "box AP" and "AP" are two measures of a detector."""
    metrics = [e for e in by_key.values() if e.type == "METRIC"]
    granular = [e for e in metrics if _GRANULAR.match(e.name)]
    for key, e in list(by_key.items()):
        bare = e.name.lower()
        if e.type == "METRIC" and e.role == "used" and (
                bare in _GENERIC_MEASURES and any(other.key != key and bare in _measure_line(other) for other in metrics)
                or any(other.key != key and bare in _measure_line(other) and not set(other.sentence_starts) & set(e.sentence_starts)
                       for other in granular)):
            del by_key[key]
    return by_key


def _measure_line(e: Entity) -> set[str]:
    """The measures ``e`` is a kind of, up its family line ("top-1 accuracy" -> top-k accuracy,
    accuracy); "equal error rate" and "time-to-accuracy" are measures of their own."""
    line, family = set(), e.family or curated_family("METRIC", e.name)
    while family and family.lower() not in line and len(line) < 4:
        line.add(family.lower())
        family = curated_family("METRIC", family)
    return line


# measures a paper qualifies to say which it takes; a narrower name of most others is another
# measure beside it ("PA-MPJPE" and MPJPE, "length-controlled win rate" and win rate)
_GENERIC_MEASURES = frozenset({"accuracy", "error rate", "success rate"})
# a measure taken at one granularity ("span-level F1") is what the paper's bare "F1" means
_GRANULAR = re.compile(r"^[A-Za-z]+-level ", re.I)


_SHORT_FORM = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$")  # ASR, NER, LLMs, RoPE


def _spelled_out(by_key: dict[str, Entity]) -> dict[str, Entity]:
    """One node for a name and the same name with a short form the paper defines spelled out:
    "Unsupervised ASR" joins "Unsupervised automatic speech recognition" where ASR is
    "automatic speech recognition" in that paper."""
    forms: dict[str, list[str]] = {}  # short form -> the longer forms of its entity
    for e in by_key.values():
        names = (e.name, *e.aliases)
        for short in names:
            if " " not in short and _SHORT_FORM.match(short):
                forms.setdefault(short, []).extend(n for n in names if " " in n)
    if not forms:
        return by_key
    for key, e in list(by_key.items()):
        words = e.name.split()
        if len(words) < 2 or key not in by_key:
            continue
        target = next((other for i, word in enumerate(words) for long in forms.get(word, ())
                       if (other := by_key.get(entity_key(e.type, " ".join([*words[:i], long, *words[i + 1:]]))))
                       and other.key != key), None)
        if target is not None:
            role = "proposed" if "proposed" in (target.role, e.role) else "used"
            aliases = set(target.aliases) | {e.name, *e.aliases}
            by_key[target.key] = replace(target, role=role, aliases=tuple(sorted(aliases - {target.name})))
            del by_key[key]
    return by_key


class _Claims:
    """Which papers claim a name (propose it, or spell a proposed name out in it): enough to
    tell whether two or more do, keeping the first claim only, not every claimer's.

    >>> claims = _Claims()
    >>> claims.add("method:zonalattentionpruning", "p-a", "method:zap"); claims.add("method:zonalattentionpruning", "p-a", "method:zap")
    >>> claims.sole("method:zonalattentionpruning")
    'method:zap'
    >>> claims.add("method:zonalattentionpruning", "p-b", "method:zap"); claims.shared("method:zonalattentionpruning")
    True
    """

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, str]] = {}  # name -> (the first paper that claims it, what it claims it for)
        self._shared: set[str] = set()

    def add(self, name: str, paper_id: str, given: str, papers: int = 1) -> None:
        """``papers`` papers claim ``name`` for ``given``; ``paper_id`` is the one paper where that is 1."""
        first = self._first.setdefault(name, (paper_id, given))
        if papers > 1 or first[0] != paper_id:
            self._shared.add(name)

    def shared(self, name: str) -> bool:
        return name in self._shared

    def sole(self, name: str) -> str | None:
        """What the one paper that claims ``name`` claims it for, else None."""
        return None if name in self._shared or name not in self._first else self._first[name][1]


_OWN = "@"  # a coinage's own node: its name's key, then this, then the paper's id (surface_key drops "@")


def _own_key(key: str, paper_id: str) -> str:
    """The key of the node ``paper_id`` coins under a name other papers coin too.

    >>> _own_key("method:kestrel", "p-1a2b"), _name_key_of(_own_key("method:kestrel", "p-1a2b"))
    ('method:kestrel@p-1a2b', 'method:kestrel')
    """
    return f"{key}{_OWN}{paper_id}"


def coining_paper(key: str) -> str | None:
    """The id of the paper whose own node ``key`` is (a name several papers coin), else None.

    >>> coining_paper("method:kestrel@p-1a2b"), coining_paper("method:kestrel")
    ('p-1a2b', None)
    """
    return key.partition(_OWN)[2] or None


def _one_own_node(first: Entity, second: Entity) -> Entity:
    """Two of a paper's entities on its one own node: named as the node's key says (CAS, not
    the long form a title wrote), the other names kept as aliases."""
    name_key = _name_key_of(first.key)
    keep, other = (second, first) if entity_key(second.type, second.name) == name_key else (first, second)
    aliases = (set(keep.aliases) | set(other.aliases) | {other.name}) - {keep.name}
    return replace(keep, role="proposed" if "proposed" in (keep.role, other.role) else "used", aliases=tuple(sorted(aliases)))


def _name_key_of(key: str) -> str:
    """A node's key without the coining paper's id that :func:`_own_key` adds, if any."""
    return key.partition(_OWN)[0]


_TECHNIQUE = "model|method:"


def _slot(key: str) -> str:
    """The name a node key stands for, whatever its type: a name no curated list knows is one
    name as a MODEL and as a METHOD (papers call a new architecture either), so both keys
    share a slot; any other key (a coinage's own node too) is its own.

    >>> _slot("model:zorbnet"), _slot("method:zorbnet"), _slot("model:bert"), _slot("dataset:zorbnet")
    ('model|method:zorbnet', 'model|method:zorbnet', 'model:bert', 'dataset:zorbnet')
    """
    kind, _, slug = key.partition(":")
    if kind in ("model", "method") and _OWN not in slug and slug not in _curated_lookups().slugs:
        return _TECHNIQUE + slug
    return key


def _typed(slot: str, entity_type: str) -> str:
    """The node key of a slot's name as ``entity_type``."""
    return f"{entity_type.lower()}:{slot.partition(':')[2]}"


def _type_of_key(key: str) -> str:
    """The entity type a node key names ("model:bert" -> "MODEL")."""
    return key.partition(":")[0].upper()


def _long_form(e: Entity) -> str | None:
    """The longest alias of several words: how a paper spells out its short form."""
    return max((a for a in e.aliases if len(a.split()) >= 2), key=len, default=None)


class CorpusNames:
    """Corpus-wide merges, gathered in one pass and applied in another: a long form defined
    with an abbreviation anywhere maps to it everywhere, and each key gets one display name
    (the most frequent written form).  Memory grows with the number of entities only.
    Both passes take each paper's entities with the paper's id.

    >>> e = Entity("method:malt", "MALT", "METHOD", "proposed", "MALT", "s", 0, 4, "r", aliases=("Multi-agent LLM training",))
    >>> other = Entity(entity_key("METHOD", "multi-agent LLM training"), "multi-agent LLM training", "METHOD", "used", "x", "s", 0, 1, "r")
    >>> names = CorpusNames()
    >>> names.add([e], "p-1"); names.add([other], "p-2")
    >>> [(x.key, x.name) for x in names.apply([other], "p-2")]
    [('method:malt', 'MALT')]

    A short form two papers both introduce names two things; one that spells itself out is
    named by its long form, one that does not (or spells itself out as another coiner does)
    gets a node keyed by the name and its paper's id:

    >>> apt = Entity("method:apt", "APT", "METHOD", "proposed", "APT", "s", 0, 3, "r", aliases=("Adaptive Prompt Tuning",))
    >>> names.add([apt], "p-3"); names.add([replace(apt, aliases=())], "p-4")
    >>> [(x.key, x.name, x.aliases) for x in names.apply([apt], "p-3")]
    [('method:adaptiveprompttuning', 'Adaptive Prompt Tuning', ('APT',))]
    >>> [(x.key, x.name) for x in names.apply([replace(apt, aliases=())], "p-4")]
    [('method:apt@p-4', 'APT')]
    """

    def __init__(self) -> None:
        follow_list_edits()
        self.long_to_key: dict[str, str] = {}
        self._known_long_forms: set[str] = set()
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.curated: dict[str, Counter] = defaultdict(Counter)  # names the curated lists gave, which win
        self._coined = _Claims()  # the papers that propose each name (its slot)
        self._spelled = _Claims()  # the papers that propose a name and spell it out in this long form
        self._stored_types: dict[str, tuple[int, str]] = {}  # a slot a store holds: its best-supported type
        self._long_forms: dict[str, Counter] = defaultdict(Counter)
        self._sized: set[str] = set()  # slots of names papers write sized model variants of ("ZorbNet-XL")
        self._display: dict[str, str] | None = None

    def add(self, entities: Iterable[Entity], paper_id: str) -> None:
        """Gather the names of one paper (``paper_id``), before any paper's are applied."""
        for e in entities:
            self.names[e.key][e.name] += 1
            if e.type == "MODEL" and (base := model_family(e.name)):
                self._sized.add(_slot(entity_key("MODEL", base)))
            if e.rule == "gazetteer":
                self.curated[e.key][e.name] += 1
            if e.role == "proposed":
                name_key = _name_key_of(e.key)
                self._coined.add(_slot(name_key), paper_id, name_key)
                for alias in e.aliases:  # how the papers that coin it spell it out, should two coin it
                    if " " in alias:
                        self._long_forms[entity_key(e.type, alias)][alias] += 1
                if long_form := _long_form(e):
                    self._spelled.add(_slot(entity_key(e.type, long_form)), paper_id, name_key)
            if _OWN in e.key:
                continue  # a long form one of several coiners writes is no other paper's name for it
            for alias in e.aliases:
                alias_key = entity_key(e.type, alias)
                if len(alias.split()) >= 2 and alias_key != e.key:
                    self.long_to_key.setdefault(alias_key, e.key)
        self._display = None

    def add_known(self, nodes: Iterable[tuple[str, str, str, Iterable[str], int, int]]) -> None:
        """Names a store already holds, as (type, key, name, aliases, support, proposers): a
        later batch's long forms and spellings then join the nodes there, and keep their names,
        whether they are added before or after the batch; a short form the store's papers
        propose counts as coined once more.

        >>> names = CorpusNames()
        >>> names.add_known([("METHOD", "method:malt", "MALT", ["Multi-agent LLM training"], 3, 1)])
        >>> other = Entity(entity_key("METHOD", "multi-agent LLM training"), "multi-agent LLM training", "METHOD", "used", "x", "s", 0, 1, "r")
        >>> names.add([other], "p-2")
        >>> [(x.key, x.name) for x in names.apply([other], "p-2")]
        [('method:malt', 'MALT')]
        """
        for entity_type, key, name, aliases, support, proposers in nodes:
            if entity_type == "MODEL" and (base := model_family(name)):  # a size the store holds types its name, as in a build
                self._sized.add(_slot(entity_key("MODEL", base)))
            self.names[key][name] += max(1, support or 0)
            self.curated[key][name] += max(1, support or 0)  # the name a store shows stays its name
            if proposers:  # an own node's key holds its paper's id; another's proposers are papers of no batch
                name_key, _, paper_id = key.partition(_OWN)
                self._coined.add(_slot(name_key), paper_id, name_key, proposers)
            # only a node papers name types the name: not a family that only its variants name, nor one
            # whose papers are all being loaded again (a build of the same papers types it afresh)
            if (slot := _slot(key)) != key and support:
                self._stored_types[slot] = max(self._stored_types.get(slot, (0, "")), (support, entity_type))
            for alias in aliases:
                alias_key = entity_key(entity_type, alias)
                if len(alias.split()) >= 2 and alias_key != key and alias_key not in self._known_long_forms:
                    self.long_to_key[alias_key] = key
                    self._known_long_forms.add(alias_key)
        self._display = None

    def coined_by_several(self, key: str) -> bool:
        """Whether two or more papers propose the name ``key``, so that each gets a node of its own."""
        return self._coined.shared(_slot(key))

    def keys_to_look_up(self) -> set[str]:
        """The keys of the stored nodes the gathered names meet: their own and their long forms'
        keys, and a MODEL's key as a METHOD and the reverse, which a store may hold for the name."""
        keys = {*self.names, *self.long_to_key}
        return keys | {_typed(slot, kind) for key in self.names if (slot := _slot(key)) != key for kind in ("MODEL", "METHOD")}

    def display(self, key: str, default: str) -> str:
        """The name a curated list gives ``key`` (CORe50, not one paper's "CoRe 50"), else its
        most written form; a tie goes the same way whatever order the papers came in."""
        if self._display is None:
            self._display = {k: _most_written(curated) if (curated := self.curated.get(k)) else _task_case(k, _most_written(counts))
                             for k, counts in self.names.items()}
        return self._display.get(key, default)

    def apply(self, entities: Iterable[Entity], paper_id: str) -> tuple[Entity, ...]:
        """One paper's (``paper_id``) entities with corpus-wide keys and display names (merged where keys meet)."""
        merged: dict[str, Entity] = {}
        entities = list(entities)
        owns = {e.key: own for e in entities if (own := self._own_node(e, paper_id))}
        # the paper's other words for its own coinage ("... via Conservative Advantage Shaping" in a
        # title whose abstract says "dubbed CAS") join its own node, not the name's shared one
        own_of_name = {_name_key_of(own.key): own.key for own in owns.values() if _OWN in own.key}
        for e in entities:
            own = owns.get(e.key)
            if own:
                merged[own.key] = _one_own_node(merged[own.key], own) if own.key in merged else own
                continue
            # a coinage already named by its own long form (``_own_node`` on an earlier pass,
            # e.g. `kg extract` before `kg load`) stays that node
            key = e.key if _named_by_its_long_form(e) else self._node_named(e)
            key = own_of_name.get(key, key)
            name = self.display(key, e.name)
            # the paper's own name stays findable as an alias of the corpus-wide one
            aliases = tuple(sorted((set(e.aliases) | {e.name}) - {name}))
            if key != e.key or name != e.name or aliases != e.aliases:  # most entities keep all three
                e = replace(e, key=key, type=_type_of_key(key), name=name, aliases=aliases)
            if key in merged:
                other = merged[key]
                role = "proposed" if "proposed" in (other.role, e.role) else "used"
                aliases = (set(other.aliases) | set(e.aliases) | {e.text}) - {other.name}
                e = replace(other, role=role, aliases=tuple(sorted(aliases)))
            merged[key] = e
        return tuple(merged.values())

    def _own_node(self, e: Entity, paper_id: str) -> Entity | None:
        """Two papers that each introduce "APT" introduce two things: a paper that spells out
        its own ("À-la-carte Prompt Tuning (APT)") gets a node named by that long form, and one
        that does not, or spells it out as another coiner does, a node keyed by the name and its
        id.  A curated name ("LoRA") stays the curated node, whoever proposes it."""
        name_key = _name_key_of(e.key)
        if e.role != "proposed" or not self._coined.shared(_slot(name_key)):
            return None
        long_form = _long_form(e)
        if long_form is not None and not self._spelled.shared(_slot(key := entity_key(e.type, long_form))):
            spellings = self._long_forms.get(key)
            name = self.display(key, _most_written(spellings) if spellings else long_form)
            return replace(e, key=key, name=name, aliases=tuple(sorted((set(e.aliases) | {e.name, long_form}) - {name})))
        if name_key in _curated_lookups().names:
            return None
        return replace(e, key=_own_key(name_key, paper_id))

    def _node_named(self, e: Entity) -> str:
        """The key of the node a name a paper does not coin here joins: its short form's,
        where a paper defined one; where several papers coin that short form, the node of the
        one coiner whose long form the paper writes, else the short form's own node, which
        stands for the name as papers that do not coin it write it. A name no curated list
        knows is a MODEL or a METHOD as :meth:`_type_of` votes."""
        key = self.long_to_key.get(e.key, e.key)
        slot = _slot(key)
        if self._coined.shared(slot):
            for form in (e.name, *e.aliases):
                coiner = len(form.split()) >= 2 and self._spelled.sole(_slot(entity_key(e.type, form)))
                if coiner and _slot(coiner) == slot:
                    return entity_key(_type_of_key(coiner), form)
        return key if slot == key else _typed(slot, self._type_of(slot))

    def _type_of(self, slot: str) -> str:
        """MODEL or METHOD for a name no curated list knows: as a store that holds it types it,
        else MODEL where a paper writes a sized model of it ("ZorbNet-XL", whatever the paper
        that proposes ZorbNet calls it), else as most papers do; a tie goes to the type the one
        paper that proposes it gives it, then to MODEL."""
        if slot in self._stored_types:
            return self._stored_types[slot][1]
        if slot in self._sized:
            return "MODEL"  # it comes in sizes, as a paper proposing both calls a trained model
        models, methods = (sum(self.names[key].values()) if (key := _typed(slot, kind)) in self.names else 0
                           for kind in ("MODEL", "METHOD"))
        if models != methods:
            return "MODEL" if models > methods else "METHOD"
        proposer = self._coined.sole(slot)
        return _type_of_key(proposer) if proposer else "MODEL"


_TITLE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*$")


def _task_case(key: str, name: str) -> str:
    """A task written in a title's capitals shows in lower case, as tasks are written in prose
    ("Zero-Shot Monocular Depth Estimation" -> "zero-shot monocular depth estimation"), where
    every word is one the curated names write in lower case ("Chinese", "Bayesian" keep theirs).

    >>> _task_case("task:climatemodeling", "Climate Modeling"), _task_case("task:x", "Bayesian Optimization")
    ('climate modeling', 'Bayesian Optimization')
    >>> _task_case("method:meanteacher", "Mean Teacher"), _task_case("task:x", "ASR Decoding")
    ('Mean Teacher', 'ASR Decoding')
    """
    if not key.startswith("task:") or " " not in name:
        return name
    words = name.split()
    if not all(_TITLE_WORD.match(word) for word in words):
        return name
    lower_words = _lower_case_words()
    if all(part.lower() in lower_words for word in words for part in word.split("-")):
        return name.lower()
    return name


@lru_cache(maxsize=1)
def _lower_case_words() -> frozenset[str]:
    """Words the curated task, method and metric names write in lower case."""
    from .extract.gazetteer import load_gazetteer  # the lists load only when a corpus is named

    return frozenset(word for entry in load_gazetteer() if entry.type in ("TASK", "METHOD", "METRIC")
                     for form in (entry.name, *entry.aliases) for word in re.split(r"[\s\-/]+", form)
                     if word.isalpha() and word.islower())


def _most_written(counts: Counter) -> str:
    """The form written most often; a tie goes the same way whatever order the papers came in."""
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def _named_by_its_long_form(e: Entity) -> bool:
    """A proposed entity keyed by its own name of several words that carries a one-word short
    form: a coinage two papers share, each named by its long form (APT as "Adaptive Pruning and
    Tuning")."""
    return (e.role == "proposed" and " " in e.name and e.key == entity_key(e.type, e.name)
            and any(" " not in alias for alias in e.aliases))


def fold_pairs(renames: dict[str, str], holds, will_hold, proposed) -> Iterator[tuple[str, str]]:
    """(old, new) keys of the nodes a graph or store should fold, given the batch's
    ``renames`` (:attr:`CorpusNames.long_to_key`): ``holds(key)`` says it has that entity node,
    ``will_hold(key)`` that the batch will name it.  A node some paper ``proposed`` is kept
    (a paper's own coinage is not another's short form), and so is one whose target is
    renamed in turn (names map one step, so the batch would remake it).

    >>> list(fold_pairs({"a": "b", "c": "d", "d": "e", "f": "g"}, {"a", "c", "f"}.__contains__, {"b", "d", "g"}.__contains__, "f".__eq__))
    [('a', 'b')]
    """
    for old, new in renames.items():
        if old != new and renames.get(new, new) == new and holds(old) and (holds(new) or will_hold(new)) and not proposed(old):
            yield old, new


def canonicalise_corpus(items: list[PaperEntities]) -> list[PaperEntities]:
    """:class:`CorpusNames` over a corpus held in memory."""
    names = CorpusNames()
    for item in items:
        names.add(item.entities, item.paper.id)
    return [replace(item, entities=names.apply(item.entities, item.paper.id)) for item in items]
