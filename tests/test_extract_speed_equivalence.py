"""The fast paths change nothing: the pipeline on the cached tokenizer finds exactly the
mentions it finds on spaCy's own tokenizer, for every seed paper."""

import pytest
import spacy

from kg.extract import PIPELINE, paper_text
from kg.extract.tokenizer import CachedTokenizer
from kg.ingest import read_corpus
from kg.pipeline import BUNDLED_SEEDS


def _pipeline(nlp):
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def cached():
    return _pipeline(spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}}))


def test_same_mentions_on_both_tokenizers(cached):
    plain = spacy.blank("en")
    assert isinstance(cached.tokenizer, CachedTokenizer)
    # the same rules, no cache; set before the name patterns are made, so both pipelines' patterns
    # are the same (read from the pattern cache, not tokenized again)
    plain.tokenizer.prefix_search = cached.tokenizer.inner.prefix_search
    plain.tokenizer.suffix_search = cached.tokenizer.inner.suffix_search
    plain.tokenizer.infix_finditer = cached.tokenizer.inner.infix_finditer
    plain = _pipeline(plain)
    papers, _ = read_corpus([BUNDLED_SEEDS])
    texts = [paper_text(p) for p in papers]
    expected = [doc.user_data["kg_mentions"] for doc in plain.pipe(texts)]
    for _ in range(2):  # cold, then with every piece remembered
        assert [doc.user_data["kg_mentions"] for doc in cached.pipe(texts)] == expected


def test_finished_docs_keep_only_mentions(cached):
    doc = cached("FooNet: A Model\nWe propose FooNet (FN), a model. We evaluate on GSM8K.")
    assert set(doc.user_data) == {"kg_mentions"}  # serialisable between processes
    assert doc.to_bytes()


def test_every_case_variant_of_a_curated_name_still_matches(cached):
    """Only case-sensitive splits get their own lower/upper-case patterns; every variant of
    every case-insensitive curated form must still match as a whole, as the entry it names."""
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.names import matches_as_written

    matcher = cached.get_pipe("kg_names")
    entries = {entry: key for key, entry in matcher.entries.items()}
    misses = []
    for entry in load_gazetteer(None):
        if entry.case_sensitive:
            continue
        for form in {f for f in entry.surfaces if not matches_as_written(entry, f)}:  # "bAbI", "OFT" match as written
            for variant in {form, form.lower(), form.upper()}:
                doc = cached.make_doc(variant)
                found = {(cached.vocab.strings[m], s, e) for m, s, e in matcher.insensitive(doc)}
                if (entries[entry], 0, len(doc)) not in found and not matcher.sensitive(doc):
                    misses.append(variant)
    assert not misses, misses[:20]


def test_bulk_pattern_tokens_equal_make_doc(cached):
    """The name patterns are tokenized piece by piece in one doc; every tenth curated form
    (and its case variants) must split exactly as ``make_doc`` splits it."""
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.names import token_hashes

    forms = set()
    for entry in load_gazetteer(None)[::10]:
        forms |= {v for s in entry.surfaces | entry.joined_surfaces for v in (s, s.lower(), s.upper())}
    forms |= {"Llama  2", " GPT-4"}  # odd spacing takes the slow path
    hashes = token_hashes(cached, forms)
    made = {form: (tuple(t.lower for t in cached.make_doc(form)), tuple(t.orth for t in cached.make_doc(form))) for form in forms}
    assert hashes == made


def _links_by_scanning(text):
    """find_links as first written: both patterns tried at every position of the text."""
    import re

    from kg.extract.links import _BARE_HOST, URL, tidied

    found = [(m.start(), m.group()) for m in URL.finditer(text)]
    found += [(m.start(), "https://" + m.group()) for m in re.compile(_BARE_HOST.pattern, re.I).finditer(text)]
    return tidied(found)


def test_links_found_from_their_literal_parts_are_the_links_a_full_scan_finds():
    from kg.extract.links import find_links

    papers, _ = read_corpus([BUNDLED_SEEDS])
    texts = [p.abstract for p in papers] + [
        "HTTPS://GitHub.com/A/B and xhttp://q.io/a, WWW.GITHUB.COM/x/y, hf.co/a/b, (huggingface.co/datasets/x/y).",
        "://bare, https://, github.com/ at end github.com/a, a www.www.github.com/x/y, me@gitlab.com/x, /github.com/a/b",
    ]
    assert sum(bool(find_links(t)) for t in texts) > 100
    assert [find_links(t) for t in texts] == [_links_by_scanning(t) for t in texts]
