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
        [sys.executable, str(BENCH / "run.py"), "--papers", "300", "--sample", "100", "--workers", "2", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ") and not line.startswith("| stage")]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows] == [TITLES[s] for s in STAGE_ORDER]
    assert all("first run" in row for row in rows)
    assert not (BENCH / "results.jsonl").read_text().count(str(tmp_path))  # not recorded without --record


def test_an_unknown_stage_is_refused_before_any_corpus_is_made(tmp_path):
    run = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--papers", "50", "--stages", "parse,extract_1core", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2
    assert "unknown stage extract_1core; choose from parse,extract_core" in run.stderr
    assert not list(tmp_path.iterdir())
