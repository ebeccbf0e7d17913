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


@pytest.mark.parametrize("split", list(SPLITS))
def test_every_gold_form_is_written_in_its_paper(split):
    gold = load_gold(split)
    papers = load_eval_papers(list(gold))
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
