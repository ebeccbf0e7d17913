"""Curated name lists (``gazetteer/<type>.jsonl``) and the surface variants they match.

Each entry: ``{"name", "aliases", "case_sensitive", "family"?}``.  Hyphen/space variants
and plurals are generated here, so the lists only hold real alternative names.

>>> sorted(surface_variants("GSM8K"))
['GSM8K']
>>> sorted(surface_variants("ViT"))
['ViT', 'ViTs']
>>> sorted(surface_variants("Llama 3.1 8B"))
['Llama 3.1 8B', 'Llama 3.1-8B', 'Llama-3.1 8B', 'Llama-3.1-8B', 'Llama3.1 8B', 'Llama3.1-8B']
>>> sorted(surface_variants("contrastive learning"))
['contrastive learning', 'contrastive learnings', 'contrastive-learning', 'contrastive-learnings']
>>> sorted(surface_variants("accuracy"))
['accuracies', 'accuracy']
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product
from pathlib import Path

from ..errors import ExtractionError
from ..records import ENTITY_TYPES
from ..spelling import respellings

__all__ = ["GazetteerEntry", "load_gazetteer", "surface_variants", "GAZETTEER_DIR", "load_generic_phrases", "shared_words",
           "another_medium", "NO_TAIL_FAMILY"]

GAZETTEER_DIR = Path(__file__).parent / "gazetteer"


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False
    family: str | None = None
    data_too: bool = False  # a model's name that also names its released data ("Alpaca")
    kind_root: bool = False  # a family whose "-style"/"-based" compounds name a kind of model ("a GPT-style transformer")

    @property
    def surfaces(self) -> set[str]:
        """Every written form the entry matches: its forms in either spelling ("tumour", "tumor"),
        each with its hyphen, space and plural variants."""
        out: set[str] = set()
        for form in (self.name, *self.aliases):
            for spelled in (form, *respellings(form)):
                out |= surface_variants(spelled)
        return out

    @property
    def node_aliases(self) -> tuple[str, ...]:
        """Aliases that name the same node: none that adds a size or version the name lacks
        (a list entry "Alpaca" may list "Alpaca-7B", which stays a node of its own).

        >>> GazetteerEntry("Alpaca", "MODEL", ("Alpaca-7B", "alpaca")).node_aliases
        ('alpaca',)
        """
        numbers = set(_NUMBER.findall(self.name))
        return tuple(a for a in self.aliases if set(_NUMBER.findall(a)) <= numbers and not _GLUED_VERSION.search(a))

    @property
    def joined_surfaces(self) -> set[str]:
        """Capitalised words run together ("TinyImageNet", "SkipThought"): matched only as
        written, since lower-cased they can spell a word ("MultiPL-E" -> "multiple")."""
        out = set()
        for form in (self.name, *self.aliases):
            words = re.split(r"[ -]", form.strip())
            if 1 < len(words) <= 3 and all(w[:1].isupper() and w.isalnum() for w in words):
                out.add("".join(words))
        return out - self.surfaces


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_GLUED_VERSION = re.compile(r"[A-Za-z][vV]\d")


_CAPITALS_AND_NUMBER = re.compile(r"^([A-Z]{2,})(\d{2,})$")
_CAPITALS_AND_YEAR = re.compile(r"^([A-Z]{2,})(?=\d\d(?:$|[ -]))")


def surface_variants(form: str) -> set[str]:
    """Spellings of one name that differ only in hyphens/spaces (digits keep a separator).

    >>> sorted(surface_variants("UCF101"))
    ['UCF 101', 'UCF-101', 'UCF101']
    >>> sorted(surface_variants("WMT14"))
    ['WMT 14', "WMT'14", 'WMT-14', 'WMT14']
    """
    form = form.strip()
    out = {form}
    pieces = re.split(r"([ -])", form)
    if 1 < len(pieces) <= 7:  # up to three separators: every mix ("Claude-3.5 Sonnet")
        words = pieces[::2]
        for seps in product(" -", repeat=len(words) - 1):
            out.add("".join(w + sep for w, sep in zip(words, seps)) + words[-1])
    else:
        if " " in form:
            out.add(form.replace(" ", "-"))
        if "-" in form:
            out.add(form.replace("-", " "))
    # "Llama 3.1" -> "Llama3.1": glue a name to the version number that follows it
    glued = re.sub(r"(?<=[A-Za-z])[ -](?=\d)", "", form)
    if glued != form:
        out.add(glued)
        out.add(re.sub(r" ", "-", glued))
    # "UCF101" -> "UCF-101", "UCF 101": capitals and the number they are written with, apart
    if split := _CAPITALS_AND_NUMBER.match(form):
        out |= {split[1] + "-" + split[2], split[1] + " " + split[2]}
    # "WMT14 En-De" -> "WMT'14 En-De": a series written with the year's apostrophe
    if (year := _CAPITALS_AND_YEAR.match(form)) and "'" not in form:
        out.add(year[1] + "'" + form[len(year[1]):])
    last = re.split(r"[ -]", form)[-1]
    if last.isalpha() and len(last) > 2 and not last.lower().endswith("s"):  # no "GlaSs" to match "glass"
        if last[-1] == "y" and last[-2] not in "aeiou":  # accuracy -> accuracies
            out |= {v[:-1] + "ies" for v in out}
        else:
            plural = "es" if last.endswith(("ch", "sh", "x")) else "s"
            out |= {v + plural for v in out}
    return {v for v in out if v}


# learning settings that make a task a benchmark task of its own ("zero-shot question
# answering", "long-tailed object detection"); modality words ("multimodal", "3D") are
# left out: papers use them loosely, as descriptions of their inputs
TASK_SETTINGS = frozenset(
    "zero-shot few-shot open-vocabulary open-domain open-set open-world long-tailed class-incremental "
    "task-incremental domain-incremental online multi-turn multi-hop personalized personalised customized "
    "customised unsupervised semi-supervised weakly-supervised fine-grained".split()
)


def load_gazetteer(folder: str | None = None) -> tuple[GazetteerEntry, ...]:
    """The curated entries of ``folder`` (default: the bundled lists), read again once a list
    file changes, so a pipeline built after an edit matches the edited lists."""
    base = Path(folder) if folder else GAZETTEER_DIR
    return _read_gazetteer(str(base), _list_signature(base))


def _list_signature(base: Path) -> tuple:
    signature = []
    for entity_type in ENTITY_TYPES:
        path = base / f"{entity_type.lower()}.jsonl"
        with suppress(OSError):
            stat = path.stat()
            signature.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(signature)


@lru_cache(maxsize=4)
def _read_gazetteer(folder: str, signature: tuple) -> tuple[GazetteerEntry, ...]:
    base = Path(folder)
    entries: list[GazetteerEntry] = []
    for entity_type in ENTITY_TYPES:
        path = base / f"{entity_type.lower()}.jsonl"
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                entries.append(
                    GazetteerEntry(
                        name=raw["name"],
                        type=entity_type,
                        aliases=tuple(raw.get("aliases") or ()),
                        case_sensitive=bool(raw.get("case_sensitive")),
                        family=raw.get("family"),
                        data_too=bool(raw.get("data_too")),
                        kind_root=bool(raw.get("kind_root")),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise ExtractionError(f"{path}:{number}: bad gazetteer entry ({err})", fix="each line needs a JSON object with a 'name'") from err
    return tuple(_with_setting_families(entries))


def _with_setting_families(entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """A curated task in a learning setting belongs to the curated task it sets ("zero-shot named
    entity recognition" -> named entity recognition), as the same phrase found by the rules does.

    >>> [e.family for e in _with_setting_families([GazetteerEntry("question answering", "TASK", ("QA",)),
    ...     GazetteerEntry("zero-shot QA", "TASK"), GazetteerEntry("few-shot learning", "METHOD")])]
    [None, 'question answering', None]
    """
    tasks = {form.lower(): entry.name for entry in entries if entry.type == "TASK" for form in (entry.name, *entry.aliases)}
    out = []
    for entry in entries:
        setting, _, rest = entry.name.partition(" ")
        if entry.type == "TASK" and not entry.family and setting.lower() in TASK_SETTINGS and rest.lower() in tasks:
            entry = replace(entry, family=tasks[rest.lower()])
        elif entry.type == "TASK" and not entry.family:
            entry = replace(entry, family=_task_it_narrows(entry.name, tasks))
        out.append(entry)
    return out


def _task_it_narrows(name: str, tasks: dict[str, str]) -> str | None:
    """The curated task of two or more words that ``name`` ends in, by its name or an alias,
    after a modifier: "video anomaly detection" narrows anomaly detection, "text-to-image
    generation" image generation, "abstractive summarization" text summarization (alias
    summarization). A hyphenated modifier is one word ("video-text retrieval" is no text
    retrieval) unless it reads "X-to-Y", whose Y is what is made; a modifier that names another
    medium than the entry's makes a sibling ("video summarization": :func:`another_medium`).

    >>> tasks = {"image generation": "image generation", "text retrieval": "text retrieval", "detection": "detection",
    ...          "summarization": "text summarization", "text summarization": "text summarization"}
    >>> [_task_it_narrows(n, tasks) for n in ("text-to-image generation", "video-text retrieval", "object detection")]
    ['image generation', None, None]
    >>> [_task_it_narrows(n, tasks) for n in ("abstractive summarization", "video summarization")]
    ['text summarization', None]
    """
    if name.lower() in NO_TAIL_FAMILY:
        return None
    words = [w for w in re.split(r"(?<=-to-)|\s+", name.lower()) if w]
    for first in range(1, len(words)):
        tail = " ".join(words[first:])
        entry = tasks.get(tail)
        if entry is None or entry.lower() == name.lower() or " " not in entry:
            continue
        if entry.lower() == tail or not another_medium(" ".join(words[:first]), entry):
            return entry
    return None


# curated names whose last words spell another curated name (or alias) they are no kind of (an
# audit of the bundled graph found the first two): singular value decomposition is no value
# decomposition (a multi-agent RL method), data pruning prunes data, not a network's weights;
# the rest ends in an alias that names something else in its field
NO_TAIL_FAMILY = frozenset({"singular value decomposition", "data pruning", "dataset pruning", "hungry hungry hippos",
                            "dynamic tanh", "graph convolutional network", "deep belief network", "bayes by backprop",
                            "richardson-lucy deconvolution", "aspect term extraction", "opinion term extraction",
                            "astronomical transient classification", "citation intent classification",
                            "network traffic prediction", "feature matching recall"})


# what a task or technique works on: a modifier that names one the curated entry's name does not
# ("video" before the deblurring of image deblurring) makes a sibling of the entry, not a kind of it
MEDIA = frozenset("image images video videos audio speech spoken text textual visual code graph chart music 2d 3d 4d "
                  "depth rna dna protein molecule molecular multimodal tabular motion point mesh".split())


def another_medium(modifier: str, entry_name: str) -> bool:
    """Whether ``modifier``, written before a curated entry's alias that is shorter than its
    name, names a medium the entry's name does not: "video deblurring" is no kind of image
    deblurring, "speech summarization" none of text summarization.

    >>> another_medium("video", "image deblurring"), another_medium("abstractive", "text summarization")
    (True, False)
    >>> another_medium("video corpus", "video moment retrieval"), another_medium("protein-protein", "protein-ligand binding")
    (False, True)
    >>> another_medium("motion", "image inpainting")
    True
    """
    own = set(entry_name.lower().split())
    return any(word not in own and not MEDIA.isdisjoint(word.split("-")) for word in modifier.lower().split())


@lru_cache(maxsize=4)
def shared_words(types: tuple[str, ...]) -> frozenset[str]:
    """Words (lower case, split at spaces, hyphens and slashes) that at least three curated
    names of ``types`` share: the vocabulary those names are built from ("gradient", "kernel").

    >>> "sampling" in shared_words(("METHOD",)), "resonance" in shared_words(("METHOD", "TASK"))
    (True, False)
    """
    counts: dict[str, int] = {}
    for entry in load_gazetteer():
        if entry.type in types:
            for word in {w for form in (entry.name, *entry.aliases) for w in re.split(r"[\s\-/]+", form.lower()) if w}:
                counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count >= 3)


@lru_cache(maxsize=1)
def load_generic_phrases(folder: str | None = None, as_written: bool = False) -> frozenset[str]:
    """Phrases that are never entities ("our method", "large language models", ...), lower-cased
    unless ``as_written`` (keys need the case: "NeurIPS" is no plural of a "NeurIP")."""
    path = (Path(folder) if folder else GAZETTEER_DIR) / "generic.txt"
    if not path.exists():
        return frozenset()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line if as_written else line.lower() for line in lines if line and not line.startswith("#"))
