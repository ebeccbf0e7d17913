"""The CLI: every command has help and appears in the README; build + query end to end."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import build_parser, command_names, main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_is_in_the_readme(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"kg {name}" in out and len(out) > 200
    assert f"kg {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_module_entry_point():
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and "build" in done.stdout


def test_errors_are_one_line_not_a_traceback(tmp_path, capsys):
    code = main(["build", str(tmp_path / "missing.txt"), "--workdir", str(tmp_path / "w")])
    err = capsys.readouterr().err
    assert code == 2 and "no such file" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_query_before_build_says_what_to_do(tmp_path, capsys):
    code = main(["query", "shared_datasets", "--workdir", str(tmp_path)])
    assert code == 2 and "run `kg build` first" in capsys.readouterr().err


def test_build_then_query_on_a_small_corpus(tmp_path, capsys):
    corpus = tmp_path / "papers.jsonl"
    rows = [
        {"title": "FooNet: Fast Models", "abstract": "We propose FooNet, a model. We evaluate on GSM8K and MATH."},
        {"title": "Bar Study", "abstract": "We train BERT on GSM8K and report accuracy."},
        {"title": "Baz Study", "abstract": "Experiments on CIFAR-10 show gains."},
        {"title": "Broken record"},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    workdir = tmp_path / "w"
    assert main(["build", str(corpus), "--workdir", str(workdir), "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "4 records in 1 files -> 3 papers, 0 duplicates merged, 1 rejected" in out
    assert f"{corpus}:4" in out
    assert main(["query", "papers_sharing_dataset", "--param", "paper=FooNet", "--json", "--workdir", str(workdir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["other_paper"], r["datasets"]) for r in rows] == [("Bar Study", ["GSM8K"])]
