"""The benchmark suite runs from a clean checkout: every stage, a small corpus, no recording."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_corpus_generator_is_deterministic_and_makes_duplicates(tmp_path):
    for name in ("a", "b"):
        subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), "120", "--out", str(tmp_path / name)], check=True)
    a = (tmp_path / "a").read_text()
    assert a == (tmp_path / "b").read_text()
    titles = [json.loads(line)["title"] for line in a.splitlines()]
    assert len(titles) == 120 and len(set(titles)) == 120 - 2  # 1 in 50 repeats the previous title


def test_whole_suite_prints_a_row_per_stage(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from run import STAGE_ORDER, TITLES
    finally:
        sys.path.remove(str(BENCH))
    run = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--papers", "120", "--sample", "40", "--workers", "2", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    stages, _, latency = run.stdout.partition("Query latency")
    rows = [line for line in stages.splitlines() if line.startswith("| ") and not line.startswith("| stage")]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows] == [TITLES[s] for s in STAGE_ORDER]
    assert "| papers_using |" in latency and "| lookup by key |" in latency  # each query's latency, recorded or not
    assert all("first run" in row for row in rows)
    assert not (BENCH / "results.jsonl").read_text().count(str(tmp_path))  # not recorded without --record
    # a small run says its ratios do not compare with the recorded ones, and labels the load
    # baseline with the papers it really loaded (the corpus has fewer than the 1,000 asked for)
    assert "note: at 120 papers start-up costs" in run.stdout and "not comparable with the recorded 10k/100k runs" in run.stdout
    papers = len((tmp_path / "entities.jsonl").read_text().splitlines())
    assert papers < 120 and f"1 row per transaction ({papers} papers; batched:" in run.stdout


def _bench_module():
    sys.path.insert(0, str(BENCH))
    try:
        import run
    finally:
        sys.path.remove(str(BENCH))
    return run


def test_bench_run_doctests():
    import doctest

    assert doctest.testmod(_bench_module()).failed == 0


def test_a_small_recorded_run_never_hides_the_latest_large_one(tmp_path):
    """RESULTS.md shows the latest run of each size, largest first, each against the run before it of its size."""
    run = _bench_module()
    history = [json.loads(line) for line in (BENCH / "results.jsonl").read_text().splitlines() if line.strip()]
    big = next(h for h in reversed(history) if h["papers"] == 100_000)
    ten = next(h for h in reversed(history) if h["papers"] == 10_000)
    small = {**big, "papers": 500, "date": "2099-01-01T00:00", "command": "python bench/run.py --papers 500 --record"}
    report = tmp_path / "RESULTS.md"
    run.write_report([*history, small], report)
    text = report.read_text()
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == [f"### 100,000 abstracts, {big['date']}", f"### 10,000 abstracts, {ten['date']}", "### 500 abstracts, 2099-01-01T00:00"]
    sections = dict(zip(headings, text.split("\n### ")[1:]))
    assert "Note: at 500 papers start-up costs" in sections[headings[2]] and "Note:" not in sections[headings[0]]
    assert "| first run |" in sections[headings[2]] and "first run" not in sections[headings[0]]
    # the committed report is this layout of the committed results, figure for figure
    run.write_report(history, report)
    assert report.read_text() == (BENCH / "RESULTS.md").read_text()


def test_an_unknown_stage_is_refused_before_any_corpus_is_made(tmp_path):
    run = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--papers", "50", "--stages", "parse,extract_1core", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2
    assert "unknown stage extract_1core; choose from parse,extract_core" in run.stderr
    assert not list(tmp_path.iterdir())


def test_a_partial_run_is_not_recorded(tmp_path):
    run = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--papers", "50", "--stages", "parse", "--record", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2 and "--record keeps whole runs only" in run.stderr
    assert not list(tmp_path.iterdir())
