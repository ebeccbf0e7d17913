"""Extraction throughput on the bundled corpus, against spaCy's bare tokenizer in the same run.

    python bench/bench_extract.py [--runs 5] [--repeat 4]

Prints abstracts/second on one process (one core) for: the blank English tokenizer
(baseline), the curated-names matcher alone, and the full paper-kg pipeline, with each
one's ratio to the baseline.  Median of --runs timed passes over the corpus repeated
--repeat times; a warm-up pass precedes each.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402

from kg.extract import build_nlp, paper_text  # noqa: E402
from kg.ingest import read_corpus  # noqa: E402
from kg.pipeline import BUNDLED_SEEDS  # noqa: E402


def time_pipeline(nlp, texts, runs: int) -> float:
    list(nlp.pipe(texts[:200], batch_size=256))  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        samples.append(len(texts) / (time.perf_counter() - start))
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=4, help="corpus copies per run (default 4)")
    args = parser.parse_args()
    papers, _ = read_corpus([BUNDLED_SEEDS])
    texts = [paper_text(p) for p in papers] * args.repeat
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass
    tokenizer_only = spacy.blank("en")
    names_only = build_nlp()
    for name in list(names_only.pipe_names):
        if name != "kg_names":
            names_only.remove_pipe(name)
    full = build_nlp()
    rows = [
        ("blank tokenizer (baseline)", time_pipeline(tokenizer_only, texts, args.runs)),
        ("tokenizer + curated names", time_pipeline(names_only, texts, args.runs)),
        ("full paper-kg extractor", time_pipeline(full, texts, args.runs)),
    ]
    base = rows[0][1]
    print(f"corpus: {len(papers)} seed abstracts x {args.repeat} = {len(texts)} docs; median of {args.runs} runs; 1 core")
    print(f"{'pipeline':32} {'docs/s/core':>12} {'vs baseline':>12}")
    for name, rate in rows:
        print(f"{name:32} {rate:12.0f} {rate / base:11.2f}x")


if __name__ == "__main__":
    main()
