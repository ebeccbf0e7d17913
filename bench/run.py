"""The whole benchmark suite in one command: every stage's throughput and peak memory,
each next to a baseline measured in the same run.

    python bench/run.py                    # 10,000 synthetic abstracts
    python bench/run.py --papers 100000 --record

Makes a corpus with bench/make_corpus.py, then runs each stage (bench/stages.py) in its
own process so its peak memory (max RSS) is its own.  Prints a table; with --record it
appends the run to bench/results.jsonl and rewrites bench/RESULTS.md, which shows the
latest run of each recorded size (largest first), each stage compared with the previous
recorded run of the same size (regressions show as a ratio below 1).  Below 5,000 papers
start-up costs dominate, and the run says its ratios are not comparable with 10k/100k runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HISTORY = HERE / "results.jsonl"
REPORT = HERE / "RESULTS.md"
STAGE_ORDER = ["parse", "extract_core", "extract_workers", "extract_corpus", "normalise", "graph_build", "load", "queries", "html"]
TITLES = {
    "parse": "parse + dedupe", "extract_core": "extract, 1 core", "extract_workers": "extract, N workers (speed-up)",
    "extract_corpus": "kg extract (whole corpus)", "normalise": "normalise (corpus names)", "graph_build": "graph build (networkx)",
    "load": "store load (batched)", "queries": "queries (indexed)", "html": "HTML export",
}


def run_stage(name: str, corpus: Path, work: Path, args) -> dict:
    command = [sys.executable, str(HERE / "stages.py"), name, "--corpus", str(corpus), "--work", str(work),
               "--workers", str(args.workers), "--sample", str(args.sample)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"stage {name} failed (exit {process.returncode}); run it alone: {shlex.join(command)}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(stage=name, peak_mb=usage.ru_maxrss / 1024, wall_s=time.perf_counter() - started)
    return result


def add_extraction_ceiling(results: list[dict], workers: int) -> None:
    """Whole-corpus extraction against the practical ceiling: the bare tokenizer's 1-core rate
    (measured by the extract_core stage of this run) times the workers."""
    by_stage = {r["stage"]: r for r in results}
    core, whole = by_stage.get("extract_core"), by_stage.get("extract_corpus")
    if core and whole:
        ceiling = rate(core, base=True) * workers
        whole.update(baseline=f"ceiling: bare tokenizer 1-core rate x {workers} workers", baseline_items=whole["items"],
                     baseline_seconds=whole["items"] / ceiling)


def rate(result: dict, base: bool = False) -> float | None:
    items, seconds = (result.get("baseline_items"), result.get("baseline_seconds")) if base else (result["items"], result["seconds"])
    return items / seconds if items and seconds else None


def ratio(result: dict) -> float | None:
    ours, theirs = rate(result), rate(result, base=True)
    return ours / theirs if ours and theirs else None


def table(results: list[dict], previous: dict | None) -> str:
    prev = {r["stage"]: r for r in (previous or {}).get("stages", [])}
    lines = ["| stage | throughput | peak MB: stage / largest child | baseline | baseline throughput | ratio | vs previous run |",
             "|---|---:|---:|---|---:|---:|---:|"]
    for r in results:
        ours, theirs, k = rate(r), rate(r, base=True), ratio(r)
        before = rate(prev[r["stage"]]) if r["stage"] in prev else None
        peak = f"{r.get('self_peak_mb') or r['peak_mb']:,.0f}" + (f" / {r['child_peak_mb']:,.0f}" if r.get("child_peak_mb") else "")
        lines.append(
            f"| {TITLES[r['stage']]} | {ours:,.0f} {r['unit']}/s | {peak} | {r.get('baseline', '-')} | "
            f"{f'{theirs:,.0f} /s' if theirs else '-'} | {f'{k:.2f}x' if k else '-'} | "
            f"{f'{ours / before:.2f}x' if before else 'first run'} |"
        )
    return "\n".join(lines)


def _peaks(result: dict) -> str:
    own = result.get("self_peak_mb") or result["peak_mb"]
    return f"{own:,.0f} / {result['child_peak_mb']:,.0f}" if result.get("child_peak_mb") else f"{own:,.0f}"


def machine() -> str:
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {len(os.sched_getaffinity(0))} cores, {memory:.0f} GiB, Python {platform.python_version()}"


SMALL = 5_000  # below this many papers, start-up costs dominate the stages' times


def small_corpus_note(papers: int) -> str | None:
    """The caveat for a run too small to compare with the recorded ones, or None.

    >>> small_corpus_note(10_000) is None, small_corpus_note(500)
    (True, 'note: at 500 papers start-up costs (spaCy, worker processes, the store server) dominate; the ratios are not comparable with the recorded 10k/100k runs')
    """
    if papers >= SMALL:
        return None
    return (f"note: at {papers:,} papers start-up costs (spaCy, worker processes, the store server) dominate; "
            "the ratios are not comparable with the recorded 10k/100k runs")


def latest_by_size(history: list[dict]) -> list[tuple[dict, dict | None]]:
    """(latest run, the last run before it of the same size at another commit) for each corpus size
    recorded, largest first: two runs of one commit are repeats, not a baseline to compare with.

    >>> runs = [{"papers": 100, "commit": "a"}, {"papers": 10}, {"papers": 100, "commit": "b", "n": 2},
    ...         {"papers": 100, "commit": "b", "n": 3}, {"papers": 10, "n": 2}, {"papers": 5}]
    >>> [(latest["papers"], latest.get("n"), before and before.get("commit")) for latest, before in latest_by_size(runs)]
    [(100, 3, 'a'), (10, 2, None), (5, None, None)]
    """
    by_size: dict[int, list[dict]] = {}
    for run in history:
        by_size.setdefault(run["papers"], []).append(run)
    return [(runs[-1], previous_run(runs[:-1], runs[-1].get("commit"))) for _, runs in sorted(by_size.items(), reverse=True)]


def previous_run(runs: list[dict], commit: str | None) -> dict | None:
    """The last of ``runs`` at a commit other than ``commit`` (any, where commits are unknown)."""
    return next((r for r in reversed(runs) if commit is None or r.get("commit") != commit), None)


def write_report(history: list[dict], path: Path = REPORT) -> None:
    parts = ["# Benchmark results", "",
             "Written by `python bench/run.py --record` (do not edit by hand). Throughput is items per second of wall time;",
             "peak MB is the stage process's own max RSS, then that of its largest child process (an extraction worker,",
             "or the embedded store's server); the total footprint of `kg extract` is the stage plus workers x child.",
             "Ratios compare with a baseline measured in the same run; \"vs previous run\" compares with the last",
             "recorded run of the same corpus size at an earlier commit (two runs of one commit are repeats, not a",
             "baseline), so a regression shows as a value below 1.", "",
             "## Latest run of each size", "",
             "One section per corpus size recorded, largest first, so a small run never hides a large one.", ""]
    for latest, previous in latest_by_size(history):
        parts += [f"### {latest['papers']:,} abstracts, {latest['date']}", ""]
        if note := small_corpus_note(latest["papers"]):
            parts += [note.replace("note: ", "Note: ", 1) + ".", ""]
        parts += [f"Machine: {latest['machine']}", f"Command: `{latest['command']}`", f"Commit: {latest.get('commit', '?')}", "",
                  table(latest["stages"], previous), ""]
        parts += query_latency(latest["stages"])
    parts += ["## Scale: how time and memory grow", "",
              "The latest recorded run of each size. `kg extract` and the streamed store load hold no corpus text in memory;",
              "what grows is one entry per paper id, coined name and entity key. A one-off 1M run: RESULTS-1M.md.", "",
              "| abstracts | kg extract s | extract abstracts/s | extract peak MB (main / worker) | load s | load rows/s | load peak MB (loader / server) | date |",
              "|---:|---:|---:|---:|---:|---:|---:|---|"]
    by_size = {}
    for run in history:
        by_size[run["papers"]] = run
    for size in sorted(by_size):
        st = {r["stage"]: r for r in by_size[size]["stages"]}
        ex, ld = st.get("extract_corpus"), st.get("load")
        if not ex or not ld:
            continue
        parts.append(f"| {size:,} | {ex['seconds']:.0f} | {rate(ex):,.0f} | {_peaks(ex)} | {ld['seconds']:.0f} | "
                     f"{rate(ld):,.0f} | {_peaks(ld)} | {by_size[size]['date']} |")
    parts.append("")
    path.write_text("\n".join(parts), encoding="utf-8")


def _stage_list(text: str) -> list[str]:
    """The --stages value as names, each checked before any corpus is made."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in STAGE_ORDER]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown stage {', '.join(unknown) or '(none given)'}; choose from {','.join(STAGE_ORDER)}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=10_000, help="synthetic abstracts (default 10,000)")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)), help="extraction workers (default: all cores)")
    parser.add_argument("--sample", type=int, default=2000, help="abstracts for the per-core and speed-up stages (default 2,000)")
    parser.add_argument("--stages", default=",".join(STAGE_ORDER), type=_stage_list,
                        help=f"comma-separated subset, in order (default, and the names: {','.join(STAGE_ORDER)})")
    parser.add_argument("--record", action="store_true", help="append to bench/results.jsonl and rewrite bench/RESULTS.md")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    for option in ("papers", "workers", "sample"):
        if getattr(args, option) < 1:
            parser.error(f"--{option} must be at least 1, got {getattr(args, option)}")
    if args.record and args.stages != STAGE_ORDER:
        parser.error("--record keeps whole runs only (a partial one would become the latest of its size in "
                     "RESULTS.md); drop --stages, or run it without --record")

    work = Path(args.keep or tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args, argv, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def query_latency(stages: list[dict]) -> list[str]:
    """Lines of the per-query latency table of a run's query stage (none without one)."""
    queries = next((r for r in stages if r["stage"] == "queries"), None)
    if not queries or not queries.get("detail"):
        return []
    return (["Query latency (median of 5; lookup: median of 20):", "", "| query | indexed ms | no index ms |", "|---|---:|---:|"]
            + [f"| {n} | {d['indexed_ms']:.1f} | {d['no_index_ms']:.1f} |" for n, d in queries["detail"].items()] + [""])


def _run(args, argv, work: Path) -> int:
    corpus = work / f"corpus-{args.papers}.jsonl"
    if not corpus.exists():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(args.papers), "--out", str(corpus)], check=True)
    print(f"machine: {machine()}\ncorpus: {args.papers:,} synthetic abstracts ({corpus.stat().st_size / 2**20:,.0f} MiB) in {work}")
    if note := small_corpus_note(args.papers):
        print(note)
    results = []
    for name in args.stages:
        print(f"  {name} ...", end="", flush=True)
        results.append(run_stage(name, corpus, work, args))
        print(f" {results[-1]['wall_s']:.1f} s")
    add_extraction_ceiling(results, args.workers)
    history = [json.loads(l) for l in HISTORY.read_text().splitlines() if l.strip()] if HISTORY.exists() else []
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE).stdout.strip()
    previous = previous_run([h for h in history if h["papers"] == args.papers], commit or None)
    print(table(results, previous))
    if latency := query_latency(results):
        print("\n" + "\n".join(latency), end="")
    if args.record:
        history.append({"date": dt.datetime.now().isoformat(timespec="minutes"), "machine": machine(), "papers": args.papers,
                        "command": "python bench/run.py " + shlex.join(argv if argv is not None else sys.argv[1:]),
                        "commit": commit, "stages": results})
        with open(HISTORY, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(history[-1]) + "\n")
        write_report(history)
        print(f"recorded in {HISTORY.name}; table in {REPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
