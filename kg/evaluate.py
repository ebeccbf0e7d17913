"""Score extraction against hand-labelled gold (``eval/gold/*.jsonl``), document level.

A predicted entity matches a gold one of the same type when any of its forms (name,
written text, aliases) has the same :func:`kg.normalise.surface_key` as any gold form;
matching is one-to-one.  Role accuracy is measured over matched pairs.

>>> gold = {"p": [{"text": "GSM8K", "type": "DATASET", "role": "used", "aliases": []}]}
>>> pred = {"p": [{"name": "GSM8k", "text": "GSM8k", "type": "DATASET", "role": "used", "aliases": []}]}
>>> s = score(gold, pred)
>>> s.per_type["DATASET"].f1, s.role_accuracy
(1.0, 1.0)
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .ingest.identity import clean_text
from .normalise import surface_key
from .records import ENTITY_TYPES

__all__ = ["EVAL_DIR", "SPLITS", "Counts", "Score", "score", "load_gold", "load_second_labels", "SECOND_LABELS", "load_eval_papers",
           "predictions", "hide_curated_names"]

EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
SPLITS = {
    "dev": ("dev_seed.jsonl", "dev_extra.jsonl"),
    "dev2": ("dev_seed_2.jsonl",),
    "dev3": ("dev_seed_3.jsonl",),
    "dev4": ("dev_seed_4.jsonl",),
    "dev5": ("dev_seed_5.jsonl",),
    "dev6": ("dev_seed_6.jsonl",),
    "dev7": ("dev_seed_7.jsonl",),
    "dev8": ("dev_seed_8.jsonl",),
    "dev9": ("dev_seed_9.jsonl",),
    "dev10": ("dev_seed_10.jsonl",),
    "dev11": ("dev_seed_11.jsonl",),
    "test": ("test_seed_b.jsonl", "test_seed_c.jsonl"),
    "written": ("written.jsonl",),
    "written2": ("written2.jsonl",),
    "written3a": ("written3a.jsonl",),
    "written3b": ("written3b.jsonl",),
    "written4a": ("written4a.jsonl",),
    "written4b": ("written4b.jsonl",),
    "written5a": ("written5a.jsonl",),
    "written5b": ("written5b.jsonl",),
    "written6a": ("written6a.jsonl",),
    "written6b": ("written6b.jsonl",),
    "written7a": ("written7a.jsonl",),
    "written7b": ("written7b.jsonl",),
    "written8": ("written8.jsonl",),
    "written9a": ("written9a.jsonl",),
    "written9b": ("written9b.jsonl",),
    "written10a": ("written10a.jsonl",),
    "written10b": ("written10b.jsonl",),
    "written11a": ("written11a.jsonl",),
    "written11b": ("written11b.jsonl",),
    "written12a": ("written12a.jsonl",),
    "written12b": ("written12b.jsonl",),
    "written13a": ("written13a.jsonl",),
    "written13b": ("written13b.jsonl",),
    "written14a": ("written14a.jsonl",),
    "written14b": ("written14b.jsonl",),
    "written15a": ("written15a.jsonl",),
    "written15b": ("written15b.jsonl",),
    "written16a": ("written16a.jsonl",),
    "written16b": ("written16b.jsonl",),
    "written17a": ("written17a.jsonl",),
    "written17b": ("written17b.jsonl",),
    "written18a": ("written18a.jsonl",),
    "written18b": ("written18b.jsonl",),
    "written19a": ("written19a.jsonl",),
    "written19b": ("written19b.jsonl",),
    "written20a": ("written20a.jsonl",),
    "written20b": ("written20b.jsonl",),
    "written21a": ("written21a.jsonl",),
    "written21b": ("written21b.jsonl",),
    "written22a": ("written22a.jsonl",),
    "written22b": ("written22b.jsonl",),
    "written23a": ("written23a.jsonl",),
    "written23b": ("written23b.jsonl",),
    "written24a": ("written24a.jsonl",),
    "written24b": ("written24b.jsonl",),
    "written25a": ("written25a.jsonl",),
    "written25b": ("written25b.jsonl",),
    "written26b": ("written26b.jsonl",),
    "written27b": ("written27b.jsonl",),
    "written27a": ("written27a.jsonl",),
    "written26a": ("written26a.jsonl",),
    "written28a": ("written28a.jsonl",),
    "written29a": ("written29a.jsonl",),
    "written28b": ("written28b.jsonl",),
    "written29b": ("written29b.jsonl",),
    "written31b": ("written31b.jsonl",),
    "written30a": ("written30a.jsonl",),
    "written30b": ("written30b.jsonl",),
    "written31a": ("written31a.jsonl",),
    "written32a": ("written32a.jsonl",),
    "written32b": ("written32b.jsonl",),
    "written33a": ("written33a.jsonl",),
    "written33b": ("written33b.jsonl",),
    "written34a": ("written34a.jsonl",),
    "written34b": ("written34b.jsonl",),
    "written35a": ("written35a.jsonl",),
    "written35b": ("written35b.jsonl",),
    "written36a": ("written36a.jsonl",),
    "written36b": ("written36b.jsonl",),
    "written37a": ("written37a.jsonl",),
    "written37b": ("written37b.jsonl",),
    "written38a": ("written38a.jsonl",),
    "written38b": ("written38b.jsonl",),
    "written39a": ("written39a.jsonl",),
    "written39b": ("written39b.jsonl",),
    "written40a": ("written40a.jsonl",),
    "written40b": ("written40b.jsonl",),
    "written41a": ("written41a.jsonl",),
    "written41b": ("written41b.jsonl",),
    "written42a": ("written42a.jsonl",),
    "written42b": ("written42b.jsonl",),
    "written43a": ("written43a.jsonl",),
    "written43b": ("written43b.jsonl",),
    "written44a": ("written44a.jsonl",),
    "written44b": ("written44b.jsonl",),
    "written45a": ("written45a.jsonl",),
    "written45b": ("written45b.jsonl",),
    "arxiv1a": ("arxiv1a.jsonl",),
    "arxiv1b": ("arxiv1b.jsonl",),
    "arxiv2a": ("arxiv2a.jsonl",),
    "arxiv2b": ("arxiv2b.jsonl",),
    "arxiv3a": ("arxiv3a.jsonl",),
    "arxiv3b": ("arxiv3b.jsonl",),
    "arxiv4": ("arxiv4.jsonl",),
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    role_pairs: int = 0
    role_correct: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # (paper, kind, type, text)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.per_type.values():
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    @property
    def role_accuracy(self) -> float:
        return self.role_correct / self.role_pairs if self.role_pairs else 0.0


def _forms(entity: dict) -> set[str]:
    forms = {entity.get("text", ""), entity.get("name", ""), *entity.get("aliases", [])}
    return {surface_key(f) for f in forms if f}


def score(gold: dict[str, list[dict]], predicted: dict[str, list[dict]]) -> Score:
    result = Score()
    for paper_id, gold_entities in gold.items():
        preds = list(predicted.get(paper_id, []))
        used = [False] * len(preds)
        for g in gold_entities:
            forms = _forms(g)
            match = next(
                (i for i, p in enumerate(preds) if not used[i] and p["type"] == g["type"] and forms & _forms(p)), None
            )
            if match is None:
                result.per_type[g["type"]].fn += 1
                result.errors.append((paper_id, "missed", g["type"], g["text"]))
                continue
            used[match] = True
            result.per_type[g["type"]].tp += 1
            result.role_pairs += 1
            if preds[match]["role"] == g["role"]:
                result.role_correct += 1
            else:
                result.errors.append((paper_id, f"role {preds[match]['role']}", g["type"], g["text"]))
        for i, p in enumerate(preds):
            if not used[i]:
                result.per_type[p["type"]].fp += 1
                result.errors.append((paper_id, "spurious", p["type"], p.get("name") or p["text"]))
    return result


# a second labeller's independent labels of the same papers: how far two careful readers agree
SECOND_LABELS = {"test": "second/test.jsonl", "dev8": "second/dev8.jsonl"}


def load_gold(split: str, folder: Path = EVAL_DIR) -> dict[str, list[dict]]:
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}", fix=f"use one of {', '.join(SPLITS)}")
    return _read_labels(SPLITS[split], folder)


def load_second_labels(split: str, folder: Path = EVAL_DIR) -> dict[str, list[dict]] | None:
    """The second labeller's entities for ``split``, or None where the split was labelled once."""
    return _read_labels((SECOND_LABELS[split],), folder) if split in SECOND_LABELS else None


def _read_labels(names, folder: Path) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = {}
    for name in names:
        path = folder / "gold" / name
        if not path.exists():
            raise InputError(f"gold file {path} is missing", fix="restore eval/gold from the repository")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                gold[record["id"]] = [_as_read(entity) for entity in record["entities"]]
    return gold


def _as_read(entity: dict) -> dict:
    """Gold forms were copied from the raw text; papers are read with TeX markup, HTML
    references and ties resolved ("GLM~5.1" reads "GLM 5.1"), so the forms are read alike."""
    return {**entity, "text": clean_text(entity["text"]), "aliases": [clean_text(a) for a in entity.get("aliases", [])]}


def load_eval_papers(ids, seeds_dir: Path | None = None, folder: Path = EVAL_DIR):
    """The papers behind gold ids: seed papers by id, eval/extra_papers.jsonl (written for this
    project) and eval/arxiv_papers.jsonl (real arXiv abstracts, by arXiv id)."""
    from .ingest import read_corpus
    from .pipeline import BUNDLED_SEEDS

    papers, _ = read_corpus([seeds_dir or BUNDLED_SEEDS, folder / "extra_papers.jsonl", folder / "arxiv_papers.jsonl"])
    by_id = {p.id: p for p in papers}
    for p in papers:
        if p.external_id:
            by_id[p.external_id] = p
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise InputError(f"gold ids not found in the corpus: {missing[:5]}", fix="re-label or restore seeds/")
    return {i: by_id[i] for i in ids}


def predictions(papers: dict, nlp) -> dict[str, list[dict]]:
    """Document-level entities per gold id, in the `kg extract` JSONL shape."""
    from .extract import extract
    from .normalise import follow_list_edits, to_entities

    follow_list_edits()
    out = {}
    ids = list(papers)
    for gold_id, (paper, mentions, _links) in zip(ids, extract([papers[i] for i in ids], nlp=nlp)):
        out[gold_id] = [
            {"text": e.text, "name": e.name, "type": e.type, "role": e.role, "aliases": list(e.aliases)}
            for e in to_entities(paper, mentions)
        ]
    return out


def hide_curated_names(target: Path, fraction: float, seed: int = 1, types: tuple[str, ...] = ("DATASET", "MODEL"),
                       source: Path | None = None) -> int:
    """Copy the curated name lists into ``target`` with ``fraction`` of the entries of ``types``
    left out (chosen with ``seed``), and return how many were left out.

    Scoring with such lists measures what the context rules find on their own: the names of
    unseen papers are often in no list.  A family link to an entry left out is dropped too.
    """
    from .extract.gazetteer import GAZETTEER_DIR

    source = Path(source or GAZETTEER_DIR)
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            shutil.copyfile(path, target / path.name)
    hidden = 0
    for entity_type in types:
        path = target / f"{entity_type.lower()}.jsonl"
        entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        # each entry's draw depends on its own name only, so adding or removing another entry
        # hides the same names as before: scores before and after a list edit compare
        kept = [entry for entry in entries if random.Random(f"{seed}:{entity_type}:{entry['name']}").random() >= fraction]
        hidden += len(entries) - len(kept)
        names = {entry["name"] for entry in kept}
        lines = [json.dumps({k: v for k, v in entry.items() if k != "family" or v in names}, ensure_ascii=False) for entry in kept]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return hidden
