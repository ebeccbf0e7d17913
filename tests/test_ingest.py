"""Parsing: both seed layouts, JSONL/CSV/arXiv, dedupe, and every record accounted for."""

import json
import re

import pytest

from kg.errors import InputError
from kg.ingest import read_corpus, read_file
from kg.ingest.identity import paper_id
from kg.records import Paper, Reject

HEADERS = {"new", "subscribe", "byak and the research community", "get trending papers in your email inbox!",
           "get trending papers in your email inbox once a day!"}


def independent_units(path):
    """Title/abstract units of a seed dump, computed without the library's parser."""
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    body = [l for l in lines if l.lower() not in HEADERS and not re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", l)]
    if body[0].startswith("Subscribe"):
        body[0] = body[0][len("Subscribe"):]
    return body


def key(title):
    return " ".join(re.sub(r"[\W_]+", " ", title.casefold()).split())


def test_seed_counts_match_the_files(seed_files):
    units = {p: independent_units(p) for p in seed_files}
    assert all(len(u) % 2 == 0 for u in units.values())
    titles = [t for u in units.values() for t in u[0::2]]
    papers, report = read_corpus(seed_files)
    assert report.records == len(titles) == 777
    assert report.papers == len({key(t) for t in titles}) == len(papers)
    assert report.duplicates == len(titles) - len({key(t) for t in titles})
    assert report.rejects == ()
    assert report.balanced


def test_duplicates_within_and_across_files_keep_every_source(seed_files):
    papers, _ = read_corpus(seed_files)
    per_file = {}
    for p in seed_files:
        titles = [key(t) for t in independent_units(p)[0::2]]
        per_file[p.name] = titles
    within = {t for titles in per_file.values() for t in titles if titles.count(t) > 1}
    across = {t for t in {t for ts in per_file.values() for t in ts} if sum(t in ts for ts in per_file.values()) > 1}
    assert across  # the bundled dumps repeat papers across files (none repeats within one file)
    by_key = {key(p.title): p for p in papers}
    for t in within | across:
        expected = sum(ts.count(t) for ts in per_file.values())
        assert len(by_key[t].sources) == expected


def test_both_layouts_parse_the_first_title(seed_files):
    papers, _ = read_corpus(seed_files)
    for path in seed_files:
        first = independent_units(path)[0]
        assert any(p.title == first for p in papers), path
    assert not any(p.title.startswith("Subscribe") for p in papers)


def test_ids_are_stable_and_title_based():
    assert paper_id("Deep Residual Learning") == paper_id("deep residual learning!")
    assert paper_id("Deep Residual Learning").startswith("p-") and len(paper_id("x")) == 18


def test_jsonl_csv_and_arxiv_formats(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"title": "Alpha Paper", "abstract": "We study alpha.", "year": 2021, "authors": ["A. B"], "url": "http://x"}) + "\n"
        + json.dumps({"id": "2101.00001", "title": "Beta\n  Paper", "abstract": "Beta text.", "categories": "cs.CL cs.LG",
                      "update_date": "2021-02-03", "authors": "C. D, E. F"}) + "\n"
    )
    (tmp_path / "b.csv").write_text('title,abstract,year\n"Gamma, Paper","Gamma text, with comma.",2020\nAlpha paper,dup,\n')
    papers, report = read_corpus([tmp_path / "a.jsonl", tmp_path / "b.csv"])
    by_title = {p.title: p for p in papers}
    assert set(by_title) == {"Alpha Paper", "Beta Paper", "Gamma, Paper"}
    beta = by_title["Beta Paper"]
    assert beta.url == "https://arxiv.org/abs/2101.00001" and beta.year == 2021
    assert beta.authors == ("C. D", "E. F") and beta.categories == ("cs.CL", "cs.LG")
    assert by_title["Gamma, Paper"].sources[0].line == 2
    assert len(by_title["Alpha Paper"].sources) == 2 and report.duplicates == 1
    assert report.balanced


def test_bad_records_are_rejected_with_file_line_and_reason(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"title": "Good One", "abstract": "Fine."}\n'
        b'{"title": "No Abstract"}\n'
        b'not json\n'
        b'{"title": "Bad \xff bytes", "abstract": "x"}\n'
        b'{"title": "Good Two", "abstract": "Also fine."}\n'
    )
    items = list(read_file(path))
    papers = [i for i in items if isinstance(i, Paper)]
    rejects = {r.line: r.reason for r in items if isinstance(r, Reject)}
    assert [p.title for p in papers] == ["Good One", "Good Two"]
    assert set(rejects) == {2, 3, 4}
    assert "no abstract" in rejects[2] and "invalid JSON" in rejects[3] and "UTF-8" in rejects[4]


def test_duplicate_within_one_file_is_merged(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("SubscribeSame Title\nAn abstract. It has two sentences.\nOther Title\nMore text. Two sentences.\n"
                    "same title\nA repeated abstract. Still prose.\n")
    papers, report = read_corpus([path])
    assert report.records == 3 and report.duplicates == 1 and len(papers) == 2
    assert [s.line for s in papers[0].sources] == [1, 5]


def test_seed_layout_title_without_abstract(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("Subscribe\n\nMar 3\n\nA Title\n\nAn abstract sentence here. And a second one to be prose.\n\n"
                    "Orphan Title\n\nAnother Title\n\nIts abstract. With two sentences here.\n")
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["A Title", "Another Title"]
    assert [(r.line, "no abstract" in r.reason) for r in report.rejects] == [(9, True)]
    assert report.balanced


@pytest.mark.parametrize("content, reason", [(b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b"  \n\n", "empty")])
def test_whole_file_problems_are_one_reject(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    papers, report = read_corpus([path])
    assert papers == [] and len(report.rejects) == 1 and reason in report.rejects[0].reason


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_corpus([tmp_path / "nope.txt"])


def test_tex_markup_is_read_as_unicode(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"title": "T\\\"ULU 3: Open Post-Training",
                                "abstract": "We introduce T\\\"ULU 3 (\\textsc{Tulu}), 4.6\\% better than a na\\\"{\\i}ve baseline."}) + "\n")
    (paper,), _ = read_corpus([path])
    assert paper.title == "TÜLU 3: Open Post-Training"
    assert paper.abstract == "We introduce TÜLU 3 (Tulu), 4.6% better than a naïve baseline."


@pytest.mark.parametrize("header, missing", [("title,year", "lacks the 'abstract' column;"), ("name,text", "lacks the 'title' and 'abstract' columns;")])
def test_a_csv_reject_names_only_the_missing_columns(tmp_path, header, missing):
    path = tmp_path / "papers.csv"
    path.write_text(f"{header}\nA,B\n")
    papers, report = read_corpus([path])
    assert papers == [] and missing in report.rejects[0].reason


def test_a_row_with_more_fields_than_the_header_is_rejected(tmp_path):
    path = tmp_path / "papers.tsv"
    path.write_text("title\tabstract\tyear\nGood\tFine text.\t2021\nTab\tin title\tabstract?\t2022\n")
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Good"]
    assert report.rejects[0].line == 3 and "row has 4 fields, the header 3; quote the field that holds a tab" in report.rejects[0].reason


def test_an_arxiv_record_takes_its_year_from_the_id_not_the_last_update(tmp_path):
    path = tmp_path / "arxiv.jsonl"
    path.write_text(json.dumps({"id": "hep-th/9901001", "title": "Old Strings", "abstract": "Text.", "categories": "hep-th",
                                "update_date": "2020-01-01"}) + "\n")
    papers, _ = read_corpus([path])
    assert papers[0].year == 1999


def test_a_folder_is_read_without_hidden_files_or_kg_output(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / ".kg" / "store").mkdir(parents=True)
    (corpus / "out" / "store").mkdir(parents=True)
    (corpus / "papers.jsonl").write_text(json.dumps({"title": "A Study", "abstract": "We train BERT."}) + "\n")
    for workdir in (corpus / ".kg", corpus / "out"):
        (workdir / "graph.json").write_text(json.dumps({"directed": True, "nodes": [], "links": []}))
    papers, report = read_corpus([corpus])
    assert [p.title for p in papers] == ["A Study"] and not report.rejects and len(report.files) == 1


def test_a_title_or_abstract_that_is_not_text_is_rejected_with_the_field(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"title": 5, "abstract": "We train BERT."}) + "\n"
                    + json.dumps({"title": "A Study", "abstract": ["x"]}) + "\n"
                    + json.dumps({"title": "Fine", "abstract": "We train BERT.", "authors": "Smith, J."}) + "\n")
    papers, report = read_corpus([path])
    assert [p.authors for p in papers] == [("Smith, J.",)]
    reasons = [str(r) for r in report.rejects]
    assert len(reasons) == 2 and "'title' is a JSON number" in reasons[0] and "'abstract' is a JSON list" in reasons[1]


def test_a_duplicate_with_another_abstract_is_counted(tmp_path, capsys):
    from kg.cli import main

    rows = [{"title": "Dup", "abstract": "We train BERT."}, {"title": "dup!", "abstract": "We train GPT-2."},
            {"title": "Dup", "abstract": "We  train bert."}]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    papers, report = read_corpus([path])
    assert (len(papers), report.duplicates, report.differing_abstracts) == (1, 2, 1)
    assert main(["build", str(path), "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    assert "2 duplicates merged (1 with another abstract; the first copy's is kept)" in capsys.readouterr().out


def test_scraped_html_references_become_the_characters_they_stand_for(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("SubscribeA Title\nIt beats models trained from scratchx2013even big ones (7B)x2014a feat. "
                    "Q&amp;A data &#x2014; and R&D stay.\n")
    (paper,), _ = read_corpus([path])
    assert paper.abstract == ("It beats models trained from scratch\u2013even big ones (7B)\u2014a feat. "
                              "Q&A data \u2014 and R&D stay.")


def test_a_year_that_does_not_read_is_left_out_with_a_notice(tmp_path, capsys):
    from kg.cli import main

    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "Soon", "abstract": "We train BERT.", "year": "forthcoming"}) + "\n"
                                      + json.dumps({"title": "Fine", "abstract": "We train BERT.", "year": "2021-03"}) + "\n")
    (tmp_path / "b.csv").write_text("title,abstract,year\nOdd,We train GPT-2.,21\n")
    papers, report = read_corpus([tmp_path])
    assert [(p.title, p.year) for p in papers] == [("Soon", None), ("Fine", 2021), ("Odd", None)]
    assert [(n.path.rsplit("/", 1)[-1], n.line) for n in report.notices] == [("a.jsonl", 1), ("b.csv", 2)]
    assert report.balanced and report.records == 3
    assert main(["build", str(tmp_path), "--workdir", str(tmp_path / "w"), "--no-html"]) == 0
    out = capsys.readouterr().out
    assert "0 rejected, 2 with a field left out" in out
    assert "kept " + str(tmp_path / "a.jsonl") + ":1: year 'forthcoming' is not a year; left empty" in out
