"""`kg eval`: precision/recall/F1 per type and role accuracy on the hand-labelled gold sets."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..evaluate import SPLITS, hide_curated_names, load_eval_papers, load_gold, load_second_labels, predictions, score
from ..records import ENTITY_TYPES
from ._help import HelpFormatter


def register(sub) -> None:
    parser = sub.add_parser(
        "eval",
        formatter_class=HelpFormatter,
        help="score extraction on the hand-labelled dev/test sets in eval/gold",
        description="Run the extractor on the labelled papers and print document-level precision, recall and F1 "
        "per entity type, role accuracy, and the same for a gazetteer-only baseline measured in the same run. "
        "Splits labelled twice (test, dev8) also print the second labeller's agreement with the gold.",
        epilog="Examples:\n"
        "  kg eval --split test                 the held-out test set, with the baseline\n"
        "  kg eval --split dev --errors 40      the dev set, listing 40 misses and spurious entities\n"
        "  kg eval --split dev,dev2,dev3 --hide-names 0.5 --seed 2\n"
        "                                       three dev sets pooled, with half the curated dataset and\n"
        "                                       model names hidden: how the rules do on names no list knows\n"
        "  kg eval --split dev,dev2 --hide-names 0.5 --hide-types TASK,METRIC\n"
        "                                       the same for task and metric names",
    )
    parser.add_argument("--split", type=_splits, default="test", metavar="SPLIT[,SPLIT...]",
                        help=f"which gold set(s), pooled: {', '.join(sorted(SPLITS, key=_in_number_order))}, or all (default: test, held out)")
    parser.add_argument("--hide-names", type=_fraction, default=0.0, metavar="FRACTION",
                        help="leave each curated entry of the --hide-types lists out with this "
                        "probability (0-1; 0.5 hides about half)")
    parser.add_argument("--hide-types", type=_types, default=("DATASET", "MODEL"), metavar="TYPE[,TYPE...]",
                        help=f"which curated lists --hide-names thins: {', '.join(ENTITY_TYPES)} (default: DATASET,MODEL)")
    parser.add_argument("--seed", type=_seed, default=None,
                        help="which entries --hide-names leaves out (a whole number >= 0; default: 1)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="also list N misses/spurious entities")
    parser.add_argument("--no-baseline", action="store_true", help="skip the gazetteer-only baseline")
    parser.set_defaults(run=run)


def _table(name: str, result) -> list[str]:
    lines = [f"{name}", f"  {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for t in ENTITY_TYPES + ("ALL",):
        c = result.overall if t == "ALL" else result.per_type[t]
        lines.append(f"  {t:8} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp + c.fn:5d} {c.tp + c.fp:5d}")
    lines.append(f"  role accuracy (matched entities): {result.role_accuracy:.3f} over {result.role_pairs}")
    return lines


def _splits(value: str) -> list[str]:
    names = list(SPLITS) if value == "all" else list(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [name for name in names if name not in SPLITS]
    if unknown or not names:
        meant = [close for name in unknown for close in difflib.get_close_matches(name, SPLITS, n=1)]
        hint = f" (did you mean {', '.join(meant)}?)" if meant else ""
        raise argparse.ArgumentTypeError(f"unknown split {', '.join(unknown) or repr(value)}{hint}; "
                                         f"use {', '.join(sorted(SPLITS, key=_in_number_order))} or all")
    return names


def _in_number_order(name: str) -> list:
    """``written3a`` before ``written10a``: the digits in a name compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _fraction(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a share between 0 and 1 (e.g. 0.5)")
    return share


def _types(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(name.strip().upper() for name in value.split(",") if name.strip()))
    unknown = [name for name in names if name not in ENTITY_TYPES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown type {', '.join(unknown) or repr(value)}; use {', '.join(ENTITY_TYPES)}")
    return names


def _seed(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number >= 0 (e.g. 2)")
    return int(value)


def run(args) -> int:
    if args.hide_types != ("DATASET", "MODEL") and not args.hide_names:
        raise InputError("--hide-types says which lists --hide-names thins", fix="add --hide-names 0.5, or leave out --hide-types")
    if args.seed is not None and not args.hide_names:
        raise InputError("--seed chooses which names --hide-names hides", fix="add --hide-names 0.5, or leave out --seed")
    if args.seed is None:
        args.seed = 1
    if not args.hide_names:
        return _run(args, None)
    with tempfile.TemporaryDirectory(prefix="kg-hidden-names-") as folder:
        hidden = hide_curated_names(Path(folder), args.hide_names, args.seed, args.hide_types)
        print(f"curated names hidden: {hidden} {'/'.join(args.hide_types)} entries ({args.hide_names:.0%}, seed {args.seed})")
        cache = os.environ.get("KG_CACHE_DIR")
        os.environ["KG_CACHE_DIR"] = "off"  # patterns of a one-off list would replace the cached full ones
        try:
            return _run(args, folder)
        finally:
            if cache is None:
                del os.environ["KG_CACHE_DIR"]
            else:
                os.environ["KG_CACHE_DIR"] = cache


def _run(args, gazetteer_dir: str | None) -> int:
    from ..extract import build_nlp, shared_nlp  # spaCy: loaded only to score

    splits = args.split
    gold = {}
    for split in splits:
        gold.update(load_gold(split))
    papers = load_eval_papers(list(gold))
    print(f"split: {','.join(splits)} ({len(gold)} papers, {sum(len(v) for v in gold.values())} gold entities)")
    full = score(gold, predictions(papers, shared_nlp(gazetteer_dir)))
    print("\n".join(_table("paper-kg extractor", full)))
    if not args.no_baseline:
        baseline_nlp = build_nlp(gazetteer_dir)
        for name in ("kg_phrases", "kg_abbreviations", "kg_proposals", "kg_shapes"):
            baseline_nlp.remove_pipe(name)
        base = score(gold, predictions(papers, baseline_nlp))
        print("\n".join(_table("baseline: curated name lists only (no rules, every role 'used')", base)))
    if len(splits) == 1 and (second := load_second_labels(splits[0])) is not None:
        print("\n".join(_table("second labeller, scored against the gold (how far two labellers agree)", score(gold, second))))
    if args.errors:
        counts = Counter((kind, etype) for _, kind, etype, _ in full.errors)
        print("errors by kind:", ", ".join(f"{k}/{t}: {n}" for (k, t), n in counts.most_common()))
        for paper, kind, etype, text in full.errors[: args.errors]:
            print(f"  {paper}  {kind:9} {etype:8} {text}")
    return 0
