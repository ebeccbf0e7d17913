"""`kg eval`: precision/recall/F1 per type and role accuracy on the hand-labelled gold sets."""

from __future__ import annotations


from collections import Counter

from ..evaluate import SPLITS, load_eval_papers, load_gold, load_second_labels, predictions, score
from ..extract import build_nlp
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
        "  kg eval --split dev --errors 40      the dev set, listing 40 misses and spurious entities",
    )
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="test", help="which gold set (default: test, held out)")
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


def run(args) -> int:
    splits = list(SPLITS) if args.split == "all" else [args.split]
    gold = {}
    for split in splits:
        gold.update(load_gold(split))
    papers = load_eval_papers(list(gold))
    print(f"split: {args.split} ({len(gold)} papers, {sum(len(v) for v in gold.values())} gold entities)")
    full = score(gold, predictions(papers, build_nlp()))
    print("\n".join(_table("paper-kg extractor", full)))
    if not args.no_baseline:
        baseline_nlp = build_nlp()
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
