"""kg.code_release: which sentences say a paper releases its code (papers_with_code lists a
paper that says so without linking a repository)."""

from __future__ import annotations

import pytest

from kg.code_release import code_statement

RELEASES = [
    "Our code will be made publicly available.",
    "Code and pretrained weights will be released.",
    "The source code is available online.",
    "Code, probes and data are publicly available.",
    "Our dataset, model weights and training code will be open-sourced.",
    "The code for reproducing every experiment is available on our project page.",
    "Code to rerun the evaluation is available in the supplementary material.",
    "Code (MIT licence) is available.",
    "The code will soon be available.",
    "Code is coming soon.",
    "The implementation will be public.",
    "Code: https://zorb.example.org.",
    "Code for all experiments is at https://anonymous.4open.science/r/zorb.",
    "Code and checkpoints: available soon.",
    "We release our code and data.",
    "We publicly release the dataset, models and code.",
    "We make our code and models publicly available.",
    "We have released our code.",
    "We will open-source the training code upon acceptance.",
    "To help others, we release our fine-tuning code Zoobot.",
    "ZorbBench, its annotations and the evaluation code are available for research use.",
    "Data and baseline implementations are released under an open licence.",
    "Our code can be found at https://zorb.example.org.",
    "Source code and more at https://sites.example.org/zorb.",
    "Supplementary videos, datasets, and code can be found on our project page.",
    "For videos, code, and model checkpoints, see our project page at https://zorb.example.io.",
    "We go further by making our training and evaluation scripts publicly accessible.",
    "We release our code use to train the models.",
    "The models and source codes are released at Github.",
]
NO_RELEASE = [
    "Code LLMs are now widely available.",
    "Our code is not yet available.",
    "No code is available for this method.",
    "We will not release the code for safety reasons.",
    "Code is available from the authors upon reasonable request.",
    "The code and the data will be available on request.",
    "Since the code of BERT is publicly available, we fine-tune it.",
    "Code for AlphaFold has been released, enabling our study.",
    "Prior work's code is available only for Llama.",
    "Existing implementations are available only in TensorFlow.",
    "Implementations are available for Python and Java.",
    "Malicious code is released through package managers.",
    "The QR code is available at the entrance.",
    "Large code corpora have been released, such as The Stack.",
    "We release the first large-scale code review dataset.",
    "We release a new benchmark of code completion tasks.",
    "Code-switching data are scarce and rarely available.",
    "The code of conduct is available on our website.",
    "Source code is available for 80% of the apps.",
    "Movie scripts are available for 1,200 films.",
    "For each language, see the appendix for the code-switching rates.",
    "The code of BERT can be found at https://github.com/google-research/bert, which we extend.",
]


@pytest.mark.parametrize("sentence", RELEASES)
def test_a_sentence_that_releases_the_papers_code_is_its_statement(sentence):
    assert code_statement(f"We study zorbing. {sentence} It works well.") == sentence


@pytest.mark.parametrize("sentence", NO_RELEASE)
def test_code_as_a_subject_matter_someone_elses_a_negation_or_a_request_is_no_release(sentence):
    assert code_statement(f"We study zorbing. {sentence} It works well.") is None
