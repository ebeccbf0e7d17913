"""Small graphs for tests, benchmarks and docs: a hostile one and a synthetic one of any size.

>>> g = hostile_graph()
>>> g.nodes["p-evil"]["title"].startswith("<img")
True
>>> g = synthetic_graph(300, seed=3)
>>> 280 <= g.number_of_nodes() <= 300, synthetic_graph(300, seed=3).edges == g.edges
(True, True)
"""

from __future__ import annotations

import random

import networkx as nx

from ..graph import build_graph
from ..records import Entity, Paper, PaperEntities

__all__ = ["IMG_PAYLOAD", "SCRIPT_PAYLOAD", "hostile_graph", "synthetic_graph"]

# Each sets window.__pwned if the page ever treats corpus text as HTML.
IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">'
SCRIPT_PAYLOAD = "<script>window.__pwned=2</script>"
_TYPES = ("DATASET", "MODEL", "METHOD", "TASK", "METRIC")


def _entity(kind: str, name: str, sentence: str, *, role: str = "used", aliases: tuple[str, ...] = (), family=None) -> Entity:
    key = f"{kind.lower()}:{name.lower().replace(' ', '-')}"
    return Entity(key, name, kind, role, name, sentence, 0, len(name), "demo", 0.9, aliases, family)


def hostile_graph() -> nx.DiGraph:
    """Papers and entities whose title, name, alias and evidence carry HTML/script payloads."""
    evil_sentence = f"We evaluate on GSM8K {IMG_PAYLOAD} and {SCRIPT_PAYLOAD}."
    gsm = _entity("DATASET", "GSM8K", evil_sentence, aliases=(IMG_PAYLOAD, "gsm-8k"))
    math = _entity("DATASET", "MATH", "Results on MATH.")
    evil = _entity("MODEL", f"Evil {SCRIPT_PAYLOAD}", f"Our model {IMG_PAYLOAD}.", role="proposed", aliases=(SCRIPT_PAYLOAD,))
    llama = _entity("MODEL", "Llama 3 8B", "We fine-tune Llama 3 8B.", family="Llama 3")
    items = [
        PaperEntities(Paper("p-evil", f"{IMG_PAYLOAD} Reasoning {SCRIPT_PAYLOAD}", f"Abstract {IMG_PAYLOAD} {SCRIPT_PAYLOAD}",
                            url="javascript:window.__pwned=3", authors=(f"A. {IMG_PAYLOAD}",)),
                      (gsm, evil, math), ("https://github.com/evil/repo",)),
        PaperEntities(Paper("p-plain", "Plain Math Reasoning", "We use GSM8K and MATH.", year=2024, url="https://example.org/p"),
                      (gsm, math, llama)),
        PaperEntities(Paper("p-third", "A Third Paper", "Llama 3 8B on MATH."), (math, llama)),
    ]
    return build_graph(items)


def synthetic_graph(nodes: int, *, seed: int = 0, papers_share: float = 0.6) -> nx.DiGraph:
    """About ``nodes`` nodes: papers citing entities drawn from a long-tailed (Zipf-like) pool."""
    rnd = random.Random(seed)
    n_papers = max(1, int(nodes * papers_share))
    n_entities = max(1, nodes - n_papers)
    pool = [(_TYPES[i % len(_TYPES)], f"Entity {i}") for i in range(n_entities)]
    weights = [1.0 / (i + 1) ** 0.7 for i in range(n_entities)]
    items = []
    for p in range(n_papers):
        chosen = dict.fromkeys(rnd.choices(pool, weights=weights, k=rnd.randint(1, 6)))
        entities = tuple(
            _entity(kind, name, f"Paper {p} uses {name}.", role="proposed" if rnd.random() < 0.15 else "used")
            for kind, name in chosen
        )
        items.append(PaperEntities(Paper(f"p{p}", f"Synthetic paper {p} on topic {p % 17}", f"Abstract of paper {p}."), entities))
    return build_graph(items)
