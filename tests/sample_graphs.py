"""Small hand-made corpora for store, loader and export tests (no extractor involved).

Corpus A and corpus B overlap in entities (GSM8K, Llama 3.1 8B, accuracy) but not in
papers, and B brings new aliases for A's entities, so an incremental load has to add
B's papers, raise support counts and union aliases.

>>> a, b = corpus_a(), corpus_b()
>>> len(a), len(b), {i.paper.id for i in a} & {i.paper.id for i in b}
(4, 3, set())
>>> g = graph_of(a)
>>> g.nodes["dataset:gsm8k"]["support"], sorted(g.nodes["dataset:gsm8k"]["aliases"])
(2, ['GSM-8K'])
"""

from __future__ import annotations

from dataclasses import replace

import networkx as nx

from kg.graph import build_graph
from kg.normalise import entity_key
from kg.records import Entity, Paper, PaperEntities, Source

__all__ = ["corpus_a", "corpus_b", "graph_of", "synthetic_items", "ambiguous_items", "AMBIGUOUS_TITLES", "coined_items",
           "COINED_TITLES"]


def _entity(type_, name, role, text, sentence, *, family=None, aliases=(), rule="gazetteer", confidence=1.0):
    start = max(sentence.find(text), 0)
    return Entity(
        entity_key(type_, name), name, type_, role, text, sentence, start, start + len(text), rule, confidence,
        tuple(aliases), family,
    )


def _paper(pid, title, abstract, *, year=2024, authors=(), line=1, path="corpus.txt"):
    return Paper(pid, title, abstract, (Source(path, line),), year=year, authors=tuple(authors))


def corpus_a() -> list[PaperEntities]:
    s1 = "We evaluate on GSM-8K with Llama 3.1 8B and report accuracy."
    s2 = "We propose TinyMath, a dataset of grade-school problems; GSM8K is used for transfer."
    s3 = "LoRA adapters improve math reasoning; code at https://github.com/Org/TinyMath."
    s4 = "Chain-of-thought prompting for question answering."
    return [
        PaperEntities(
            _paper("p-a1", "Math with small models", s1, authors=("Ada Lovelace", "Alan Turing"), line=1),
            (
                _entity("DATASET", "GSM8K", "used", "GSM-8K", s1, aliases=("GSM-8K",)),
                _entity("MODEL", "Llama 3.1 8B", "used", "Llama 3.1 8B", s1, family="Llama 3.1"),
                _entity("METRIC", "accuracy", "used", "accuracy", s1, rule="pattern", confidence=0.8),
            ),
        ),
        PaperEntities(
            _paper("p-a2", "TinyMath: a dataset", s2, year=2023, line=3),
            (
                _entity("DATASET", "TinyMath", "proposed", "TinyMath", s2),
                _entity("DATASET", "GSM8K", "used", "GSM8K", s2),
            ),
        ),
        PaperEntities(
            _paper("p-a3", "Adapters for reasoning", s3, line=5),
            (
                _entity("METHOD", "LoRA", "used", "LoRA", s3),
                _entity("TASK", "math reasoning", "used", "math reasoning", s3),
            ),
            links=("https://github.com/Org/TinyMath",),
        ),
        PaperEntities(
            _paper("p-a4", "Thinking step by step", s4, year=None, line=7),
            (
                _entity("METHOD", "chain-of-thought prompting", "proposed", "Chain-of-thought prompting", s4),
                _entity("TASK", "question answering", "used", "question answering", s4),
            ),
        ),
    ]


def corpus_b() -> list[PaperEntities]:
    s1 = "Results on gsm8k and MATH using Llama-3.1-8B; accuracy improves."
    s2 = "We fine-tune Llama 3.1 8B with LoRA (low-rank adaptation) on TinyMath."
    s3 = "A survey of question answering benchmarks."
    return [
        PaperEntities(
            _paper("p-b1", "Scaling math data", s1, authors=("Grace Hopper",), path="more.txt", line=1),
            (
                _entity("DATASET", "GSM8K", "used", "gsm8k", s1),
                _entity("DATASET", "MATH", "used", "MATH", s1),
                _entity("MODEL", "Llama 3.1 8B", "used", "Llama-3.1-8B", s1, family="Llama 3.1"),
                _entity("METRIC", "accuracy", "used", "accuracy", s1, rule="pattern", confidence=0.8),
            ),
        ),
        PaperEntities(
            _paper("p-b2", "Low-rank math tuning", s2, path="more.txt", line=3),
            (
                _entity("MODEL", "Llama 3.1 8B", "used", "Llama 3.1 8B", s2, family="Llama 3.1"),
                _entity("METHOD", "LoRA", "used", "LoRA", s2, aliases=("low-rank adaptation",)),
                _entity("DATASET", "TinyMath", "used", "TinyMath", s2),
            ),
        ),
        PaperEntities(
            _paper("p-b3", "QA benchmarks: a survey", s3, path="more.txt", line=5),
            (_entity("TASK", "question answering", "used", "question answering", s3),),
        ),
    ]


def graph_of(items) -> nx.DiGraph:
    return build_graph(items)


def synthetic_items(papers: int, *, entities_per_paper: int = 4, vocabulary: int = 200) -> list[PaperEntities]:
    """A deterministic synthetic corpus of any size (for loader tests with many batches).

    >>> g = graph_of(synthetic_items(30))
    >>> g.number_of_nodes() > 30, g.number_of_edges() >= 30 * 4
    (True, True)
    """
    types = ("DATASET", "MODEL", "METHOD", "TASK", "METRIC")
    items = []
    for i in range(papers):
        sentence = f"Paper {i} studies things."
        entities = []
        for j in range(entities_per_paper):
            n = (i * 7 + j * 13) % vocabulary
            type_ = types[n % len(types)]
            name = f"{type_.title()} {n}"
            entities.append(_entity(type_, name, "proposed" if (i + j) % 5 == 0 else "used", name, sentence))
        unique = {e.key: e for e in entities}
        items.append(PaperEntities(_paper(f"p-{i:05d}", f"Paper {i}", sentence, line=i + 1), tuple(unique.values())))
    return items


AMBIGUOUS_TITLES = {
    "m1": "MALT: Improving Reasoning with Multi-Agent LLM Training",
    "m2": "Stabilizing the Lottery Ticket Hypothesis",
    "m3": "Random Teachers are Good Teachers",
    "m4": "Yuan 2.0-M32: Mixture of Experts with Attention Router",
}


def ambiguous_items() -> list[PaperEntities]:
    """Names that are a paper and an entity at once (kg.lookup's rule decides which is meant).

    "MALT" is the method MALT and the paper "MALT: ..." that proposes it; "lottery ticket" is
    an alias of the method "lottery ticket hypothesis" (used by m3) and part of one title (m2);
    "yuan 2.0" is a model family no paper names by itself and the start of m4's title.
    GSM8K joins m1, m2 and m4; CIFAR-10 joins m2 and m3.
    """
    sentence = "We study this."
    lth = dict(aliases=("LTH", "lottery tickets"))
    return [
        PaperEntities(_paper("m1", AMBIGUOUS_TITLES["m1"], sentence), (
            _entity("METHOD", "MALT", "proposed", "MALT", sentence, aliases=("multi-agent LLM training", "Org MALT")),
            _entity("DATASET", "GSM8K", "used", "GSM8K", sentence)), links=("https://github.com/org/MALT",)),
        PaperEntities(_paper("m2", AMBIGUOUS_TITLES["m2"], sentence, line=2), (
            _entity("DATASET", "GSM8K", "used", "GSM8K", sentence),
            _entity("DATASET", "CIFAR-10", "used", "CIFAR-10", sentence))),
        PaperEntities(_paper("m3", AMBIGUOUS_TITLES["m3"], sentence, line=3), (
            _entity("METHOD", "lottery ticket hypothesis", "used", "lottery tickets", sentence, **lth),
            _entity("DATASET", "CIFAR-10", "used", "CIFAR-10", sentence))),
        PaperEntities(_paper("m4", AMBIGUOUS_TITLES["m4"], sentence, line=4), (
            _entity("MODEL", "Yuan-2.0 2B", "used", "Yuan-2.0 2B", sentence, family="Yuan 2.0"),
            _entity("DATASET", "GSM8K", "used", "GSM8K", sentence))),
    ]


COINED_TITLES = {
    "c1": "Kestrel: Fast Speculative Decoding",
    "c2": "Kestrel: A Diffusion Model for Protein Design",
    "c3": "Protein Generation at Scale",
    "c4": "Preference Learning with Margins",
    "c5": "Calibrated Margins for Alignment",
}


def coined_items() -> list[PaperEntities]:
    """Names that two papers each coin, as normalisation keys them: a node per coining paper
    (``model:kestrel@c1``, ``model:kestrel@c2``) and, for a paper that only uses the name, the
    name's own node (``model:kestrel``, used by c3).  c4 and c5 each coin the method MCPO.
    Both Kestrel coiners link their code; c1 evaluates on GSM8K, c2 and c3 on CATH."""
    def coined(entity, paper_id):
        return replace(entity, key=f"{entity.key}@{paper_id}")

    def paper(pid, sentence, *entities, links=()):
        return PaperEntities(_paper(pid, COINED_TITLES[pid], sentence, line=int(pid[1:])), entities, links=links)

    s1, s2 = "We propose Kestrel and decode with it on GSM8K.", "We introduce Kestrel, which designs proteins on CATH."
    s3, s4, s5 = "We fine-tune Kestrel on CATH.", "We propose MCPO and test it on AlpacaEval.", "We propose MCPO for MT-Bench."
    mcpo = dict(aliases=("Margin-Calibrated Preference Optimization",))
    return [
        paper("c1", s1, coined(_entity("MODEL", "Kestrel", "proposed", "Kestrel", s1), "c1"),
              _entity("DATASET", "GSM8K", "used", "GSM8K", s1), links=("https://github.com/org/kestrel-decoding",)),
        paper("c2", s2, coined(_entity("MODEL", "Kestrel", "proposed", "Kestrel", s2), "c2"),
              _entity("DATASET", "CATH", "used", "CATH", s2), _entity("TASK", "protein design", "used", "designs proteins", s2),
              links=("https://github.com/org/kestrel-protein",)),
        paper("c3", s3, _entity("MODEL", "Kestrel", "used", "Kestrel", s3), _entity("DATASET", "CATH", "used", "CATH", s3)),
        paper("c4", s4, coined(_entity("METHOD", "MCPO", "proposed", "MCPO", s4, **mcpo), "c4"),
              _entity("DATASET", "AlpacaEval", "used", "AlpacaEval", s4)),
        paper("c5", s5, coined(_entity("METHOD", "MCPO", "proposed", "MCPO", s5, **mcpo), "c5"),
              _entity("DATASET", "MT-Bench", "used", "MT-Bench", s5)),
    ]
