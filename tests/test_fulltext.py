"""Full-text queries: the user's words, written in each store's own syntax."""

import pytest

from kg.fulltext import FullTextQuery


@pytest.mark.parametrize("text, lucene, redisearch", [
    ("GPT-3.5", '"GPT-3.5"', '"GPT 3 5"'),  # Lucene's analyzer keeps 3.5 whole; RediSearch splits it
    ("model's", '"model\'s"', '"model s"'),
    ("scaling AND", '"scaling" "AND"', "scaling AND"),  # Lucene operators are quoted into plain words
    ("NOT BERT", '"NOT" "BERT"', "NOT BERT"),
    ('"instruction tuning" -LoRA*', '"instruction tuning" "LoRA"', '"instruction tuning" LoRA'),
    ("Über café", '"Über" "café"', "Über café"),
])
def test_each_store_gets_plain_words_in_its_syntax(text, lucene, redisearch):
    query = FullTextQuery.parse(text)
    assert query.lucene() == lucene and query.redisearch() == redisearch == str(query)


@pytest.mark.parametrize("text", ["", "( - )", '""', "***"])
def test_text_without_words_is_no_query(text):
    assert FullTextQuery.parse(text) is None
