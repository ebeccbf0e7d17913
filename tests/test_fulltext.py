"""Full-text queries: the user's words, spelled as the index spells them, in each store's own syntax."""

import pytest

from kg.fulltext import FullTextQuery, search_text, search_words


@pytest.mark.parametrize("text, lucene, redisearch", [
    ("GPT-3.5", '"gpt 3 5"', '"gpt 3 5"'),  # as the index holds it, whatever each analyzer would have split
    ("model's", '"model s"', '"model s"'),
    ("scaling AND", '"scaling" "and"', "scaling and"),  # Lucene operators are quoted into plain words
    ("NOT BERT", '"not" "bert"', "not bert"),
    ('"instruction tuning" -LoRA*', '"instruction tuning" "lora"', '"instruction tuning" lora'),
    ("Über café", '"uber" "cafe"', "uber cafe"),  # accents go, in the index and the query alike
    ("CIFAR100", '"cifar 100"', '"cifar 100"'),  # letters and digits glued together are two words
])
def test_each_store_gets_plain_words_in_its_syntax(text, lucene, redisearch):
    query = FullTextQuery.parse(text)
    assert query.lucene() == lucene and query.redisearch() == redisearch == str(query)


@pytest.mark.parametrize("text", ["", "( - )", '""', "***"])
def test_text_without_words_is_no_query(text):
    assert FullTextQuery.parse(text) is None


@pytest.mark.parametrize("spellings", [
    ("CIFAR-100", "CIFAR100", "cifar 100", '"cifar 100"', "Cifar_100"),  # a number joins the word before it
    ("GSM8K", "GSM8k", "GSM-8K", "gsm 8k", "GSM8Ks"),
    ("Llama 2", "Llama2", "LLaMA-2", "llama-2", '"Llama 2"'),
    ("LLM", "LLMs", "llm"),
    ("β-VAE", "beta-VAE", '"Beta VAE"'),
])
def test_spellings_of_a_name_are_one_query_and_one_indexed_text(spellings):
    """What makes `search_papers query=CIFAR100` find a paper that wrote CIFAR-100: the query's
    words and the index's text are spelled by one function."""
    assert len({FullTextQuery.parse(s).redisearch() for s in spellings}) == 1
    assert len({FullTextQuery.parse(s).lucene() for s in spellings}) == 1
    assert len({search_text(s.strip('"'), "") for s in spellings}) == 1  # and the index holds all of them alike
    assert " ".join(FullTextQuery.parse(spellings[0]).terms[0]) == search_text(spellings[1], "")


def test_the_index_holds_the_title_and_abstract_as_words():
    assert search_text("Distilling on CIFAR10/100", "We distil ResNets.") == "distilling on cifar 10 100. we distil resnet"
    assert search_words("3.5%: 10x") == ["3", "5", "10", "x"]


def test_a_word_written_without_its_accents_finds_the_accented_one():
    from kg.fulltext import search_text, search_words

    assert search_words("Frechet") == ["frechet"] and "frechet" in search_text("Fréchet Distance Is Not Enough", "")
