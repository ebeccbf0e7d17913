import pytest

from kg.cli import main
from kg.evaluate import SECOND_LABELS, SPLITS, load_eval_papers, load_gold, load_second_labels, score


def test_a_prediction_matches_gold_by_any_form_of_the_same_type():
    gold = {"p": [{"text": "MALT", "type": "METHOD", "role": "proposed", "aliases": ["Multi-agent LLM training"]},
                  {"text": "GSM8K", "type": "DATASET", "role": "used", "aliases": []}]}
    predicted = {"p": [{"text": "multi-agent LLM training", "name": "Multi-Agent LLM Training", "type": "METHOD",
                        "role": "used", "aliases": []},
                       {"text": "GSM8k", "name": "GSM8K", "type": "MODEL", "role": "used", "aliases": []}]}
    result = score(gold, predicted)
    assert (result.per_type["METHOD"].tp, result.per_type["DATASET"].fn, result.per_type["MODEL"].fp) == (1, 1, 1)
    assert result.role_accuracy == 0.0  # the one matched entity has the wrong role


@pytest.fixture(scope="module")
def labelled_papers():
    """Every paper any split labels, read once (reading the corpus costs about a second)."""
    ids = {paper_id for split in SPLITS for paper_id in [*load_gold(split), *(load_second_labels(split) or {})]}
    return load_eval_papers(sorted(ids))


@pytest.mark.parametrize("split", list(SPLITS))
def test_every_gold_form_is_written_in_its_paper(split, labelled_papers):
    gold = load_gold(split)
    papers = {paper_id: labelled_papers[paper_id] for paper_id in gold}
    labelled = [*gold.items(), *(load_second_labels(split) or {}).items()]
    for paper_id, entities in labelled:
        text = f"{papers[paper_id].title} {papers[paper_id].abstract}"
        for entity in entities:
            for form in (entity["text"], *entity["aliases"]):
                assert form in text, (split, paper_id, form)


@pytest.mark.parametrize("split", list(SECOND_LABELS))
def test_a_second_labelling_covers_exactly_its_splits_papers(split):
    assert set(load_second_labels(split)) == set(load_gold(split))


def test_eval_prints_the_second_labellers_agreement(capsys):
    assert main(["eval", "--split", "dev8", "--no-baseline"]) == 0
    out = capsys.readouterr().out
    assert "paper-kg extractor" in out and "second labeller" in out and out.count("ALL") == 2


def test_hiding_curated_names_leaves_out_a_share_and_the_links_to_it(tmp_path):
    import json

    from kg.evaluate import hide_curated_names

    source = tmp_path / "lists"
    source.mkdir()
    models = [{"name": f"Zorb-{i}", "aliases": []} for i in range(200)] + [{"name": "Zorb-X", "aliases": [], "family": "Zorb-0"}]
    (source / "model.jsonl").write_text("".join(json.dumps(m) + "\n" for m in models))
    (source / "task.jsonl").write_text('{"name": "zorbing", "aliases": []}\n')
    hidden = hide_curated_names(tmp_path / "out", 0.5, seed=3, types=("MODEL",), source=source)
    kept = [json.loads(line) for line in (tmp_path / "out" / "model.jsonl").read_text().splitlines()]
    assert 60 < hidden < 140 and len(kept) + hidden == 201
    names = {m["name"] for m in kept}
    assert all(m.get("family") in names for m in kept if "family" in m)
    assert (tmp_path / "out" / "task.jsonl").read_text() == '{"name": "zorbing", "aliases": []}\n'


def test_which_names_are_hidden_does_not_depend_on_the_other_entries(tmp_path):
    import json

    from kg.evaluate import hide_curated_names

    def hidden_names(models):
        source = tmp_path / f"lists{len(models)}"
        source.mkdir()
        (source / "model.jsonl").write_text("".join(json.dumps({"name": m, "aliases": []}) + "\n" for m in models))
        hide_curated_names(tmp_path / f"out{len(models)}", 0.5, seed=4, types=("MODEL",), source=source)
        kept = {json.loads(line)["name"] for line in (tmp_path / f"out{len(models)}" / "model.jsonl").read_text().splitlines()}
        return set(models) - kept

    models = [f"Zorb-{i}" for i in range(100)]
    assert hidden_names(models) - {"Zorb-0"} == hidden_names(models[1:])


def test_eval_with_hidden_names_scores_pooled_splits(capsys):
    assert main(["eval", "--split", "dev5,dev8", "--hide-names", "1", "--no-baseline"]) == 0
    out = capsys.readouterr().out
    assert "DATASET/MODEL entries (100%, seed 1)" in out and "split: dev5,dev8 (60 papers" in out


def test_eval_refuses_a_seed_without_hidden_names(capsys):
    assert main(["eval", "--split", "dev5", "--seed", "3"]) != 0
    assert "--hide-names" in capsys.readouterr().err


def test_eval_hides_the_lists_named_by_hide_types(capsys):
    assert main(["eval", "--split", "dev5", "--hide-names", "1", "--hide-types", "task,METRIC", "--no-baseline"]) == 0
    out = capsys.readouterr().out
    assert "TASK/METRIC entries (100%, seed 1)" in out
    metric_row = next(line for line in out.splitlines() if line.strip().startswith("METRIC"))
    assert float(metric_row.split()[2]) < 0.8  # recall without the metric list


def test_eval_refuses_an_unknown_type_to_hide(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--split", "dev5", "--hide-names", "0.5", "--hide-types", "DATASETS"])
    assert "unknown type DATASETS" in capsys.readouterr().err


def test_a_misspelled_split_is_answered_with_the_closest_name_and_the_splits_in_number_order(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--split", "tset"])
    err = capsys.readouterr().err
    assert "unknown split tset (did you mean test?)" in err
    assert err.index("dev9, dev10") < err.index("written3a") < err.index("written10a")
