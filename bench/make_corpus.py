"""Make a synthetic corpus of any size for scale runs, from the bundled seeds.

    python bench/make_corpus.py 100000 --out /tmp/corpus-100k.jsonl [--seed 0]

Each paper is a fresh arXiv-style JSON line: a title made of a new coined name (so the
number of distinct entities grows with the corpus, as in real data) and another seed
paper's title; an abstract of 4-9 sentences drawn from different seed abstracts, so
the entity names and contexts are the bundled corpus's own; one paper in 50 repeats an
earlier title (a duplicate to merge).  Deterministic for a given --seed; streams, so
a million papers need no more memory than a thousand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.ingest import read_corpus  # noqa: E402
from kg.pipeline import BUNDLED_SEEDS  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SYLLABLES = ["ka", "lo", "mi", "ra", "te", "vu", "zen", "dro", "fi", "qua", "sol", "bex", "nor", "pim", "tal", "gri"]
_SUFFIXES = ["Net", "Former", "LM", "Bench", "GAN", "Diff", "RL", "Seg", "QA", "Agent"]


def coined_name(index: int) -> str:
    """A distinct, name-shaped word for every index (base-16 syllables plus a suffix).

    >>> coined_name(0), coined_name(1), coined_name(17)
    ('KaNet', 'LoFormer', 'LoloSeg')
    """
    word, n = "", index
    while True:
        word = _SYLLABLES[n % 16] + word
        n //= 16
        if n == 0:
            break
    return word.capitalize() + _SUFFIXES[index % len(_SUFFIXES)]


def generate(count: int, seed: int = 0):
    papers, _ = read_corpus([BUNDLED_SEEDS])
    sentences = [s for p in papers for s in _SENTENCE_END.split(p.abstract) if len(s) > 30]
    titles = [p.title.split(":", 1)[-1].strip() for p in papers]
    rng = random.Random(seed)
    previous_title = None
    for index in range(count):
        if previous_title and index % 50 == 49:
            title = previous_title
        else:
            title = f"{coined_name(index)}: {rng.choice(titles)}"
        body = rng.sample(sentences, rng.randint(4, 9))
        if rng.random() < 0.5:
            body.insert(0, f"We propose {title.split(':')[0]}, a new approach.")
        previous_title = title
        yield {
            "id": f"synth.{index:07d}",
            "title": title,
            "abstract": " ".join(body),
            "categories": rng.choice(["cs.LG", "cs.CL", "cs.CV", "cs.AI stat.ML"]),
            "update_date": f"20{rng.randint(18, 26)}-{rng.randint(1, 12):02d}-01",
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("papers", type=int, help="number of records to write")
    parser.add_argument("--out", required=True, help="output JSONL file")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with open(args.out, "w", encoding="utf-8") as handle:
        for record in generate(args.papers, args.seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
