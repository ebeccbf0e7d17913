"""The cached tokenizer gives spaCy's English tokens: same texts, spacing and offsets."""

import pickle
import random

import pytest
import spacy

from kg.extract import paper_text
from kg.extract.gazetteer import load_gazetteer
from kg.extract.tokenizer import CachedTokenizer
from kg.ingest import read_corpus
from kg.pipeline import BUNDLED_SEEDS

TRICKY = [
    "MALT: Improving Reasoning with Multi-Agent LLM Training",
    "a multi-agent, self-supervised (MALT) set-up; state-of-the-art",
    "Llama-3.1-8B, Llama 3.1 8B, Llama3.1-8B-Instruct, Qwen2.5-7B and GPT-4o vs. GPT-4-turbo",
    "pass@1 of 3.1%, 8B params, 1.5x faster, 10k steps, 0.5-1.0, $5, 2D/3D, top-1/top-5",
    "see https://github.com/Org/Repo. and (http://x.org/p?q=1) or www.example.com/a_b.",
    "e.g. BERT, i.e. RoBERTa, et al. 2023; Fig. 3 and Eq. (2) vs ViT",
    "\"quoted\" 'single' “curly” ‘curly’ — dashes – and … ellipses",
    "LaTeX $\\alpha$-divergence, $O(n^2)$ time, \\textbf{bold} and x_i^{(t)}",
    "unicode: naïve café Schrödinger α-β ℓ2 ∇f → ≤ ≥ 中文 日本語",
    "don't can't won't it's we're they've cannot gonna",
    "U.S. vs. U.K., a.m. p.m., Dr. Smith, No. 5",
    "title line\nAbstract starts here.",
    "  leading spaces, double  spaces, tab\tand\t\ttabs ",
    "newline then space\n next, space then newline \nnext\n\n\nend\n",
    "non-breaking\u00a0space, thin\u2009space, and \u00a0 mixed",
    "",
    " ",
    "\n",
    "(",
    "x",
]


@pytest.fixture(scope="module")
def spacy_tokenizer():
    return spacy.blank("en").tokenizer


def tokens(tokenizer, text):
    return [(t.text, t.whitespace_, t.idx) for t in tokenizer(text)]


def test_tricky_strings_tokenize_as_spacy_does(spacy_tokenizer):
    cached = CachedTokenizer(spacy.blank("en").tokenizer)
    for text in TRICKY:
        assert tokens(cached, text) == tokens(spacy_tokenizer, text), text
        assert tokens(cached, text) == tokens(cached, text), text  # remembered pieces too


def test_corpus_and_gazetteer_tokenize_as_spacy_does(spacy_tokenizer):
    cached = CachedTokenizer(spacy.blank("en").tokenizer)
    papers, _ = read_corpus([BUNDLED_SEEDS])
    texts = [paper_text(p) for p in papers]
    texts += sorted({s for entry in load_gazetteer() for s in entry.surfaces})  # PhraseMatcher patterns
    differing = [text for text in texts if tokens(cached, text) != tokens(spacy_tokenizer, text)]
    assert not differing, differing[:3]


def test_random_strings_tokenize_as_spacy_does(spacy_tokenizer):
    # spaCy's whole-doc special-case pass can re-split emoticon-like cases (":)", "):")
    # after a bracket in the previous piece; abstracts have none, so colons stay out here
    atoms = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "a", "B", "cd", "Ef", "1", "3.1", "8B", "-", "--", ".",
             ",", ";", "(", ")", "[", "]", "'", '"', "“", "”", "n't", "e.g.", "i.e.", "et al.", "U.S.", "$",
             "\\alpha", "%", "@", "/", "+", "_", "https://x.org/a", "www.a.com", "Llama-3.1-8B", "GPT-4o", "é",
             "α", "…", "—", "–", "vs."]
    rng = random.Random(7)
    cached = CachedTokenizer(spacy.blank("en").tokenizer)
    for _ in range(3000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 12)))
        assert tokens(cached, text) == tokens(spacy_tokenizer, text), text


def test_pickles_and_serialises():
    cached = CachedTokenizer(spacy.blank("en").tokenizer)
    text = "We propose FooNet (FN), e.g. on GSM8K-v2."
    assert tokens(pickle.loads(pickle.dumps(cached)), text) == tokens(cached, text)
    again = CachedTokenizer(spacy.blank("en").tokenizer).from_bytes(cached.to_bytes())
    assert tokens(again, text) == tokens(cached, text)


def test_registered_for_spacy_config(tmp_path):
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    assert isinstance(nlp.tokenizer, CachedTokenizer)
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert isinstance(loaded.tokenizer, CachedTokenizer)
    assert [t.text for t in loaded("Llama-3.1-8B (MALT)")] == ["Llama-3.1", "-", "8B", "(", "MALT", ")"]


@pytest.mark.parametrize("name", ["Mistral-7B", "ImageNet-1K", "GSM8K", "Llama 3.1 8B", "BERT", "BoolQ", "PaLM-E", "Swin-L"])
def test_a_name_ending_a_sentence_tokenizes_as_it_does_mid_sentence(name):
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    mid = [t.text for t in nlp(f"We use {name} and more")][2:-2]
    end = [t.text for t in nlp(f"We use {name}.")][2:]
    assert end == mid + ["."]


def test_initialisms_keep_their_full_stops():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    assert [t.text for t in nlp("Made in the U.S. by A.I. labs, John A. Smith and Ph.D.")][3:6] == ["U.S.", "by", "A.I."]


def test_a_vertical_bar_separates_names():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    assert [t.text for t in nlp("for ResNet-50|Swin-T|ViT-B/16")] == ["for", "ResNet-50", "|", "Swin", "-", "T", "|", "ViT", "-", "B/16"]


def test_a_value_given_with_an_equals_sign_is_split_from_its_measure():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    assert [t.text for t in nlp("AUC=1.000 (FPR=0), FID=2.1 at x==y")] == [
        "AUC", "=", "1.000", "(", "FPR", "=", "0", ")", ",", "FID", "=", "2.1", "at", "x==y"]


def test_a_bracket_glued_to_a_word_opens_an_aside():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    assert [t.text for t in nlp("the Vision Transformer(ViT) and (CLIP)")] == [
        "the", "Vision", "Transformer", "(", "ViT", ")", "and", "(", "CLIP", ")"]


def test_an_aside_glued_to_the_next_one_closes_first():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer.v1"}}})
    assert [t.text for t in nlp("Internet 3.0 (CCI3.0)(https://hf.co), and f(x)(y)")] == [
        "Internet", "3.0", "(", "CCI3.0", ")", "(", "https://hf.co", ")", ",", "and", "f", "(", "x", ")", "(", "y", ")"]


def test_full_width_punctuation_splits_tokens_like_its_ascii_counterpart():
    """Chinese and Japanese write no space around punctuation: each mark is its own token, so it
    never ends up inside a name ("MathX，在" had been a Dataset)."""
    from kg.extract import build_nlp, extract
    from kg.extract.tokenizer import CJK_PUNCTUATION
    from kg.records import Paper

    nlp = build_nlp()
    for mark in CJK_PUNCTUATION:
        for text in (f"MathX{mark}在", f"{mark}MathX", f"MathX{mark}", f"在{mark}{mark}GSM8K"):
            tokens = [t.text for t in nlp.make_doc(text)]
            assert all(t == mark or mark not in t for t in tokens), (text, tokens)
            assert "".join(tokens) == text
    paper = Paper("p-zh", "基于大语言模型的数学推理", "我们提出了一种新方法 MathX，在 GSM8K 和 MATH 数据集上评估，使用 LLaMA-2 模型。")
    ((_, mentions, _),) = extract([paper], nlp=nlp)
    assert mentions and not [m.text for m in mentions if any(mark in m.text for mark in CJK_PUNCTUATION)]


def test_the_token_view_reads_spans_from_the_same_text_the_doc_holds():
    from kg.extract.words import view

    cached = CachedTokenizer(spacy.blank("en").tokenizer)
    for text in TRICKY:  # both paths: the cached pieces, and spaCy's own pass for odd spacing
        doc = cached(text)
        v = view(doc)
        assert v.source == doc.text and [v.text(i, i + 1) for i in range(len(doc))] == [t.text for t in doc], text
