"""Parsing: both seed layouts, JSONL/CSV/arXiv, dedupe, and every record accounted for."""

import json
import re
from pathlib import Path

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


@pytest.mark.parametrize("content, reason", [(b"", "empty"), (b"\x00\x01binary\x00", "binary"), (b"  \n\n", "empty"),
                                             (b"\xef\xbb\xbf", "empty (it holds only a byte-order mark)"),
                                             (b"\xef\xbb\xbf\n \n", "empty (it holds only a byte-order mark)")])
def test_whole_file_problems_are_one_reject(tmp_path, content, reason):
    for name in ("bad.txt", "bad.jsonl"):
        path = tmp_path / name
        path.write_bytes(content)
        papers, report = read_corpus([path])
        assert papers == [] and len(report.rejects) == 1 and reason in report.rejects[0].reason


@pytest.mark.parametrize("name, text, why", [
    ("h.csv", "title,abstract\n", "has a header row but no rows under it"),
    ("h.tsv", "title\tabstract\n\n", "has a header row but no rows under it"),
    ("s.bib", '% refs\n@string{conf = "NeurIPS"}\n', "holds no BibTeX entries, only comments, @string or @preamble"),
    ("s.txt", "Subscribe\nNew\n", "holds no papers, no title with an abstract under it"),
])
def test_a_file_with_no_record_gets_a_note_and_is_named_when_nothing_is_built(tmp_path, name, text, why):
    from kg.pipeline import nothing_parsed

    (tmp_path / name).write_text(text)
    papers, report = read_corpus([tmp_path / name])
    assert [(n.path, n.line, n.message.split(";")[0]) for n in report.notices] == [(str(tmp_path / name), 0, why)]
    assert report.files_without_records == report.notices and (report.records, report.rejects) == (0, ())
    assert nothing_parsed(report) == f"no papers to build from: 0 records in 1 file, 0 rejected; {report.notices[0]}"


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
    path.write_text(json.dumps({"title": "A Study", "abstract": "We propose \\method{ZorbNet}; \\method{ZorbNet} wins."}) + "\n")
    (paper,), _ = read_corpus([path])
    assert paper.abstract == "We propose ZorbNet; ZorbNet wins."  # an author's macro keeps the word it wraps


def test_unicode_hyphens_and_math_letters_are_read_as_plain_ones_so_a_name_is_one_node(tmp_path):
    import kg

    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"title": "Zorb Study", "abstract": "We tune Prithvi\u2011CAFE, a U\u2011Net\u2011based model."}) + "\n"
                    + json.dumps({"title": "Post", "abstract": "\U0001d474\U0001d496\U0001d479\U0001d486\U0001d494 beats Prithvi-CAFE."}) + "\n"
                    + json.dumps({"title": "Blip Study", "abstract": "We tune Prithvi-CAFE on Sen1Floods11."}) + "\n",
                    encoding="utf-8")
    papers, _ = read_corpus([path])
    assert papers[0].abstract == "We tune Prithvi-CAFE, a U-Net-based model."
    assert papers[1].abstract == "MuRes beats Prithvi-CAFE."  # a post's bold italic letters are the plain ones
    graph = kg.build_graph(kg.extract_papers(papers))
    names = [data.get("name", "") for _, data in graph.nodes(data=True)]
    assert names.count("Prithvi-CAFE") == 1 and not [name for name in names if "\u2011" in name]


@pytest.mark.parametrize("header, missing", [("title,year", "lacks the 'abstract' column (1 data row not read);"),
                                             ("name,text", "lacks the 'title' and 'abstract' columns (1 data row not read);")])
def test_a_csv_reject_names_only_the_missing_columns(tmp_path, header, missing):
    path = tmp_path / "papers.csv"
    path.write_text(f"{header}\nA,B\n")
    papers, report = read_corpus([path])
    assert papers == [] and missing in report.rejects[0].reason


def test_a_csv_header_close_to_the_needed_columns_says_what_to_rename(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text("paper_title,abstract_text\nA Zorb,We study zorbs.\nB Zorb,We study more.\n")
    papers, report = read_corpus([path])
    assert papers == [] and "(2 data rows not read); rename the columns 'paper_title' to 'title' and 'abstract_text' to " \
        "'abstract'" in report.rejects[0].reason


@pytest.mark.parametrize("text, reason", [
    ("Paper Title,Summary Text\nA Zorb,We study zorbs.\nB Zorb,We study more.\n",
     "CSV header ['Paper Title', 'Summary Text'] lacks the 'title' and 'abstract' columns (2 data rows not read); rename "
     "the columns 'Paper Title' to 'title' and 'Summary Text' to 'abstract'"),
    ("title,abstract,Abstract\nA Zorb,We study zorbs.,x\nB Zorb,We study more.,y\n",
     "CSV header names 'abstract' (columns 2, 3) more than once, so which one holds the text is unclear (2 data rows not "
     "read); rename or remove the extra column"),
    ('"title,abstract\nA Zorb,We study zorbs.\nB Zorb,We study more.\n',
     "CSV header cannot be read: a quoted field opened on line 1 is never closed (it would run to the end of the file) "
     "(2 data rows not read); close the quote"),
])
def test_a_csv_header_that_leaves_its_rows_unread_counts_each_row_and_is_quoted_as_written(tmp_path, text, reason):
    path = tmp_path / "papers.csv"
    path.write_text(text)
    papers, report = read_corpus([path])
    assert [str(r) for r in report.rejects] == [f"{path}:1: {reason}"]
    assert (papers, report.records, report.rejected) == ([], 2, 2) and report.balanced
    assert _summary(report).startswith("input: 2 records in 1 file -> 0 papers, 0 duplicates merged, 2 rejected\n")


def test_formatting_tags_from_crossref_or_pubmed_keep_only_their_text(tmp_path):
    path = tmp_path / "crossref.jsonl"
    path.write_text(json.dumps({"title": "Segmenting <i>Streets</i>", "abstract": "<jats:p>We train DeepLabv3 on "
                                "<i>Cityscapes</i> and <b>CIFAR-10</b>, reporting mIoU.</jats:p>"}) + "\n")
    (paper,), _ = read_corpus([path])
    assert paper.title == "Segmenting Streets"
    assert paper.abstract == "We train DeepLabv3 on Cityscapes and CIFAR-10, reporting mIoU."


@pytest.mark.parametrize("name, text", [
    ("papers.csv", "title,abstract\n1,2\nReal title,Real abstract.\n3.5,word\n"),
    ("papers.jsonl", '{"title": "1", "abstract": "2"}\n{"title": "Real title", "abstract": "Real abstract."}\n'
                     '{"title": "3.5", "abstract": "word"}\n'),
])
def test_a_record_of_numbers_is_rejected_not_made_a_paper(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Real title"]
    assert [r.line for r in report.rejects] == ([2, 4] if name.endswith(".csv") else [1, 3])
    advice = "check that the header" if name.endswith(".csv") else 'check that the record\'s "title" field'
    assert all(f"with no letters; {advice}" in r.reason for r in report.rejects)  # advice for the file's format


def test_a_row_with_more_fields_than_the_header_is_rejected(tmp_path):
    path = tmp_path / "papers.tsv"
    path.write_text("title\tabstract\tyear\nGood\tFine text.\t2021\nTab\tin title\tabstract?\t2022\n")
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Good"]
    assert report.rejects[0].line == 3 and report.rejects[0].reason.startswith(
        "row has 4 fields where the header names 3 ('title', 'abstract', 'year'); the fields not in quotes are "
        "'Tab', 'in title', 'abstract?', '2022': if a tab in one of them is part of its text, put that field in double quotes")


def test_a_row_with_an_extra_value_is_not_told_to_quote_a_comma_it_already_quotes(tmp_path):
    path = tmp_path / "weird.csv"
    path.write_text('TITLE,Summary,extra\nPaper X,"We evaluate GPT-2 on WikiText-103, a dataset",1,2\n'
                    '"Paper Y","Two, quoted","3","4"\nPaper Z,"We use BERT, twice",5\n')
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Paper Z"] and report.balanced
    first, second = (r.reason for r in report.rejects)
    assert first.startswith("row has 4 fields where the header names 3 ('TITLE', 'Summary', 'extra'); "
                            "the fields not in quotes are 'Paper X', '1', '2': ")
    assert "'We evaluate" not in first  # the quoted field, whose comma is fine, is not suspected
    assert second == ("row has 4 fields where the header names 3 ('TITLE', 'Summary', 'extra'); every field is in quotes, "
                      "so the row has a value too many: remove it, or name its column in the header")


@pytest.mark.parametrize("name, text, looks, fix", [
    ("semi.csv", 'Title;Abstract\n"A";"We use BERT."\n', "';'", "save the file with ',' between fields"),
    ("tabs.csv", "title\tabstract\nA\tWe use BERT.\n", "tab", "rename the file to .tsv"),
    ("bars.csv", "title|abstract\nA|We use BERT.\n", "'|'", "save the file with ',' between fields"),
    ("commas.tsv", "title,abstract\nA,We use BERT.\n", "','", "rename the file to .csv"),
])
def test_a_csv_header_split_by_another_delimiter_says_so(tmp_path, name, text, looks, fix):
    path = tmp_path / name
    path.write_text(text)
    (reject,) = read_corpus([path])[1].rejects
    assert reject.line == 1 and reject.reason.endswith(
        f"; the header looks {looks}-separated, but paper-kg reads ','-separated .csv and tab-separated .tsv files; {fix}")


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
    assert "0 rejected, 2 notes on kept records" in out
    assert "note " + str(tmp_path / "a.jsonl") + ":1: year 'forthcoming' is not a year; left empty" in out


def _summary(report, show=10):
    import io

    from kg.commands.build import print_report

    out = io.StringIO()
    print_report(report, show, out=out)
    return out.getvalue()


def test_an_unclosed_csv_quote_rejects_its_record_and_the_rows_after_it_are_read(tmp_path):
    good = [f"Paper {i},We use CIFAR-10 and ResNet-{i}." for i in range(50)]
    path = tmp_path / "unclosed.csv"
    path.write_text("\n".join(["title,abstract", "First Paper,We use MNIST.", 'Broken Paper,"We use SVHN with a word.'] + good) + "\n")
    papers, report = read_corpus([path])
    assert len(papers) == 51 and report.records == 52 and report.balanced
    assert [str(r) for r in report.rejects] == [f"{path}:3: a quoted field opened on line 3 is never closed "
                                                "(it would run to the end of the file); close the quote; "
                                                "the lines after it are read as rows of their own"]
    # a quote in a later row closes the open one mid-field: the swallowed rows are read again on their own
    path = tmp_path / "stray.csv"
    path.write_text("\n".join(["title,abstract", 'Broken,"We use SVHN.', "Two,We use MNIST.", 'Three,We use "BERT" here.',
                               'Multi,"A quoted abstract, on', 'two lines, is fine."', "Last,We use COCO."]) + "\n")
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Two", "Three", "Multi", "Last"]
    assert papers[2].abstract == "A quoted abstract, on two lines, is fine." and papers[2].sources[0].line == 5
    assert [(r.line, r.reason.split(";")[0]) for r in report.rejects] == [
        (2, "a quoted field opened on line 2 runs on to line 4, where a quote inside a row ends it")]


def test_a_csv_field_over_csvs_default_limit_is_read_and_a_runaway_one_rejected_alone(tmp_path, monkeypatch):
    import kg.ingest.structured as structured

    path = tmp_path / "big.csv"
    path.write_text(f'title,abstract\nHuge,"{"We use MNIST. " * 12000}"\nSmall,We use SVHN.\n')
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Huge", "Small"] and len(papers[0].abstract) > 131072 and not report.rejects
    monkeypatch.setattr(structured, "_FIELD_LIMIT", 1000)
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Small"] and report.balanced
    assert [(r.line, r.reason.split(";")[0]) for r in report.rejects] == [
        (2, "a field starting on this line is longer than 1,000 characters, more than any abstract")]


def test_files_a_folder_does_not_read_are_named_in_the_summary(tmp_path):
    (tmp_path / "papers.jsonl").write_text(json.dumps({"title": "A Study", "abstract": "We train BERT."}) + "\n")
    (tmp_path / "notes.md").write_text("hello\n")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01")
    papers, report = read_corpus([tmp_path])
    assert len(papers) == 1 and report.files == (str(tmp_path / "papers.jsonl"),)
    assert [s.path for s in report.skipped] == [str(tmp_path / "notes.md"), str(tmp_path / "scan.pdf")]
    out = _summary(report)
    assert "-> 1 paper, 0 duplicates merged, 0 rejected; 2 files in folders skipped (not corpus files)" in out
    assert f"  skipped {tmp_path / 'notes.md'}: not a corpus format (.txt seed dump, .jsonl" in out
    assert "pass it by name if it is one" in out
    assert (f"  skipped {tmp_path / 'scan.pdf'}: a PDF, which paper-kg cannot read: it reads titles and abstracts "
            "from text formats only") in out


def test_a_file_given_twice_or_in_a_folder_given_too_is_read_once_and_the_repeat_named(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    papers_jsonl = corpus / "papers.jsonl"
    papers_jsonl.write_text(json.dumps({"title": "A Study", "abstract": "We train BERT."}) + "\n" + json.dumps({"title": "B"}) + "\n")
    for paths, reason in (([papers_jsonl, papers_jsonl], "given before; read once"),
                          ([corpus, papers_jsonl], f"the same file as {papers_jsonl} in the folder {corpus}, given before; read once")):
        papers, report = read_corpus(paths)
        assert (len(papers), report.records, report.duplicates, len(report.rejects)) == (1, 2, 0, 1)
        assert report.files == (str(papers_jsonl),) and [str(s) for s in report.skipped] == [f"{papers_jsonl}: {reason}"]
        out = _summary(report)
        assert "input: 2 records in 1 file -> 1 paper, 0 duplicates merged, 1 rejected; 1 file given again skipped " \
               "(each file is read once)" in out
        assert f"  skipped {papers_jsonl}: {reason}" in out


def test_a_txt_that_is_no_seed_dump_is_one_reject_and_odd_files_say_what_they_are(tmp_path, seed_files):
    readme = tmp_path / "README.txt"
    readme.write_text("# paper-kg\n\npaper-kg turns ML abstracts into a graph. It is offline.\n\n## Install\n\n"
                      "```bash\npip install -e .\n```\n\n- one bullet\n- another\n\nRun the tests:\n\n```\npytest\n```\n")
    papers, report = read_corpus([readme])
    assert papers == [] and report.records == 1 and report.balanced
    assert report.rejects[0].line == 0 and report.rejects[0].reason.startswith(
        "does not read as a seed dump (a title line, then a line of abstract prose): ")
    assert "line 1: the title '# paper-kg' looks like markdown or code" in report.rejects[0].reason
    notes = tmp_path / "notes.md"  # passed by name: read as a seed dump, and the reject says why
    notes.write_text("hello\n")
    (reject,) = read_corpus([notes])[1].rejects
    assert "it was read as one because .md is no corpus format" in reject.reason
    for name, content, why in [("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\n", "file is a PDF"), ("sheet.csv", b"PK\x03\x04\x14\x00", "ZIP archive"),
                               ("noise.json", bytes(range(128, 256)) * 2, "file is binary")]:
        (tmp_path / name).write_bytes(content)
        assert why in read_corpus([tmp_path / name])[1].rejects[0].reason, name
    # the bundled dumps all pass the check: 777 records, none rejected (also test_seed_counts_match_the_files)
    _, report = read_corpus(seed_files)
    assert (report.records, report.papers, report.duplicates, report.rejects) == (777, 712, 65, ())


def test_a_json_array_file_is_read_element_by_element(tmp_path):
    rows = [{"title": "Array Paper One", "abstract": "We evaluate BERT on GLUE."},
            {"title": "Array Paper Two", "abstract": "We train ResNet-50 on ImageNet."}]
    pretty, flat, wrapped = tmp_path / "array.json", tmp_path / "array1.json", tmp_path / "wrapped.json"
    pretty.write_text(json.dumps(rows + [7], indent=2))
    flat.write_text(json.dumps(rows))
    wrapped.write_text(json.dumps({"source": "export", "papers": rows}, indent=1))
    for path, lines in [(pretty, [2, 6]), (flat, [1, 1]), (wrapped, [4, 8])]:
        papers = [i for i in read_file(path) if isinstance(i, Paper)]
        assert [(p.title, p.sources[0].line) for p in papers] == [(r["title"], n) for r, n in zip(rows, lines)], path
    assert [str(r) for r in read_file(pretty) if isinstance(r, Reject)] == [
        f'{pretty}:10: array element is a JSON number, not an object; write each paper as {{"title": ..., "abstract": ...}}']
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(rows, indent=2)[:-10] + "\n  ,\n]")
    papers, report = read_corpus([broken])
    assert [p.title for p in papers] == ["Array Paper One"] and report.balanced
    assert "invalid JSON (" in report.rejects[0].reason and "the rest of the array was not read" in report.rejects[0].reason
    scalar = tmp_path / "number.json"
    scalar.write_text("42\n")
    assert [r.reason.split(";")[0] for r in read_corpus([scalar])[1].rejects] == ["the file is a JSON number, not papers"]
    lines = tmp_path / "lines.json"  # JSON lines named .json (as the arXiv snapshot is) are still read line by line
    lines.write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n")
    papers, report = read_corpus([lines])
    assert len(papers) == 2 and [r.line for r in report.rejects] == [3]
    # an array on one line with stray text after it: the papers are read, the stray line rejected
    # (both papers had been one record, "not an object", a reviewer found)
    trailing = tmp_path / "trailing.json"
    trailing.write_text(json.dumps(rows) + "\nxyz\n")
    papers, report = read_corpus([trailing])
    assert [(p.title, p.sources[0].line) for p in papers] == [(r["title"], 1) for r in rows]
    assert [r.line for r in report.rejects] == [2] and report.records == 3 and report.balanced
    pretty_trailing = tmp_path / "pretty_trailing.json"  # pretty-printed: the array, then the rest one reject
    pretty_trailing.write_text(json.dumps(rows, indent=1) + "\nxyz\n")
    papers, report = read_corpus([pretty_trailing])
    assert [p.title for p in papers] == [r["title"] for r in rows] and report.records == 3 and report.balanced
    assert [(r.line, r.reason.split(";")[0]) for r in report.rejects] == [(11, "text after the JSON array, which ended on line 10")]
    mixed = tmp_path / "mixed.jsonl"  # a non-object in the array is its own reject, named by its place
    mixed.write_text(json.dumps([rows[0], 5]) + "\n" + json.dumps(rows[1]) + "\n")
    papers, report = read_corpus([mixed])
    assert [p.title for p in papers] == [r["title"] for r in rows] and report.balanced
    assert [r.reason.split(";")[0] for r in report.rejects] == ["element 2: array element is a JSON number, not an object"]


def test_a_duplicate_with_another_abstract_is_named_with_both_lines(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"title": "Dup title", "abstract": "first"}) + "\n"
                    + json.dumps({"title": "dup  TITLE!", "abstract": "second version with BERT"}) + "\n"
                    + json.dumps({"title": "Dup title", "abstract": "First"}) + "\n")
    papers, report = read_corpus([path])
    assert [(d.line, d.kept.line) for d in report.differing] == [(2, 1)]  # the identical third copy is not listed
    out = _summary(report)
    assert "-> 1 paper, 2 duplicates merged (1 with another abstract; the first copy's is kept), 0 rejected" in out
    assert (f"  merged {path}:2: 'dup TITLE!' has the title of line 1 ('Dup title') but another abstract; "
            "merged into it, keeping the first abstract") in out
    single = tmp_path / "e.jsonl"
    single.write_text(path.read_text().splitlines()[0] + "\n" + path.read_text().splitlines()[1] + "\n")
    assert "input: 2 records in 1 file -> 1 paper, 1 duplicate merged (1 with another" in _summary(read_corpus([single])[1])
    assert "... and 1 more merged (use --show-rejects N)" in _summary(read_corpus([path, single])[1], show=1)


def test_a_paper_with_a_list_field_named_like_a_wrapper_is_a_paper(tmp_path):
    (tmp_path / "one.jsonl").write_text('{"title": "A Paper", "abstract": "We use MNIST.", "records": []}\n')
    (tmp_path / "two.json").write_text('{"title": "Paper Two", "abstract": "We use MNIST.", "papers": [{"title": "cited"}]}')
    (tmp_path / "empty.json").write_text('{"papers": []}')
    papers, report = read_corpus([tmp_path])
    assert sorted(p.title for p in papers) == ["A Paper", "Paper Two"]
    assert [n.message for n in report.files_without_records] == ["its 'papers' list is empty; add papers to it or remove the file"]


@pytest.mark.parametrize("text, why", [("[]", "is an empty JSON array"), ('[\n]\n', "is an empty JSON array"),
                                       ('{"data": []}', "its 'data' list is empty")])
def test_an_empty_json_array_or_list_is_a_file_with_no_records_like_a_header_only_csv(tmp_path, text, why):
    (tmp_path / "empty.json").write_text(text)
    (tmp_path / "header_only.csv").write_text("title,abstract\n")
    _, report = read_corpus([tmp_path / "empty.json", tmp_path / "header_only.csv"])
    assert (report.records, report.rejects) == (0, ())
    assert [(Path(n.path).name, n.message) for n in report.files_without_records] == [
        ("empty.json", f"{why}; add papers to it or remove the file"),
        ("header_only.csv", "has a header row but no rows under it; add papers to it or remove the file")]


def test_a_csv_with_old_mac_line_endings_is_read_line_by_line(tmp_path):
    """CR alone ends each line (Excel for Mac's "CSV (Macintosh)"): the rows are read, a quoted field
    may still span lines, and a reject names the line an editor shows."""
    path = tmp_path / "mac.csv"
    path.write_bytes(b'title,abstract\r"Zorb Nets","We study zorbs\ron Cora."\rNo Abstract,\rOther Paper,We use MNIST.\r')
    papers, report = read_corpus([path])
    assert [(p.title, p.abstract, p.sources[0].line) for p in papers] == [
        ("Zorb Nets", "We study zorbs on Cora.", 2), ("Other Paper", "We use MNIST.", 5)]
    assert [(r.line, r.reason[:24]) for r in report.rejects] == [(4, "title with no abstract: ")]


@pytest.mark.parametrize("hint, header, row", [("sep=,", "title,abstract", 'Zorb Nets,"We study zorbs, on Cora."'),
                                               ("sep=;", "title;abstract", "Zorb Nets;We study zorbs, on Cora."),
                                               ('"sep=;"', "title;abstract", "Zorb Nets;We study zorbs, on Cora.")])
def test_excels_separator_line_is_skipped_and_its_separator_used(tmp_path, hint, header, row):
    path = tmp_path / "excel.csv"
    path.write_text(f"{hint}\n{header}\n{row}\nNo Abstract\n")
    papers, report = read_corpus([path])
    assert [(p.title, p.abstract, p.sources[0].line) for p in papers] == [("Zorb Nets", "We study zorbs, on Cora.", 3)]
    assert [(r.line, r.reason[:24]) for r in report.rejects] == [(4, "title with no abstract: ")]


def test_spaces_after_the_closing_quote_of_a_multi_line_csv_field_are_allowed(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text('title,abstract\nT1,"line one\nline two" \nT2,ok.\n')
    papers, report = read_corpus([path])
    assert [(p.title, p.abstract) for p in papers] == [("T1", "line one line two"), ("T2", "ok.")] and not report.rejects


def test_a_record_too_long_to_extract_is_rejected_where_it_is_and_the_rest_read(tmp_path):
    from kg.records import MAX_PAPER_CHARS

    huge = "We use ImageNet. " * 70000  # 1,190,000 characters: spaCy would refuse it (E088)
    good = {"title": "Good Paper", "abstract": "We fine-tune BERT on GLUE."}
    jsonl = tmp_path / "mix.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in [good, {"title": "Huge", "abstract": huge, "year": "soon"}]) + "\n")
    array = tmp_path / "mix.json"
    array.write_text(json.dumps([good, {"title": "Huge", "abstract": huge}], indent=1))
    table = tmp_path / "mix.csv"
    table.write_text(f"title,abstract\nHuge,{huge}\nGood Paper,We fine-tune BERT on GLUE.\n")
    dump = tmp_path / "mix.txt"
    dump.write_text(f"Good Paper\n\nWe fine-tune BERT on GLUE. It helps.\n\nHuge Paper\n\n{huge}\n")
    for path, line in [(jsonl, 2), (array, 6), (table, 2), (dump, 5)]:
        papers, report = read_corpus([path])
        assert [p.title for p in papers] == ["Good Paper"] and report.records == 2 and report.balanced, path
        assert report.notices == ()  # the year notice of a rejected record is not shown
        (reject,) = report.rejects
        assert (reject.path, reject.line) == (str(path), line)
        assert reject.reason.startswith("title+abstract is 1,19") and "at most 1,000,000 are read per paper; shorten the abstract" in reject.reason
    # the limit is the extractor's: a paper right at it fits spaCy's max_length
    from kg.extract import build_nlp, paper_text

    assert len(paper_text(Paper("p", "T", "x" * (MAX_PAPER_CHARS - 1)))) <= build_nlp().max_length
    _, report = read_corpus([_write(tmp_path / "edge.jsonl", {"title": "T", "abstract": "x" * (MAX_PAPER_CHARS - 1)})])
    assert report.papers == 1 and not report.rejects
    _, report = read_corpus([_write(tmp_path / "over.jsonl", {"title": "T", "abstract": "x" * MAX_PAPER_CHARS})])
    assert report.papers == 0 and len(report.rejects) == 1


def _write(path, record):
    path.write_text(json.dumps(record) + "\n")
    return path


def test_the_python_api_refuses_a_paper_too_long_to_extract_with_a_kg_error():
    from kg.extract import extract
    from kg.pipeline import extract_papers

    huge = Paper("p-huge", "Huge", "We use ImageNet. " * 70000)
    with pytest.raises(InputError, match=r"paper p-huge \('Huge'\): title\+abstract is 1,190,004 characters"):
        list(extract([huge]))
    with pytest.raises(InputError, match="at most 1,000,000 are read per paper"):
        extract_papers([Paper("p-ok", "Fine", "We use MNIST."), huge], workers=2)


def test_a_paper_made_by_hand_gets_the_id_and_text_a_reader_gives(tmp_path):
    import kg

    title, abstract = "MALT:  Improving Reasoning with T\\\"ULU", "We  propose MALT\n on GSM8K."
    path = _write(tmp_path / "one.jsonl", {"title": title, "abstract": abstract, "year": 2024})
    (read,), _ = kg.read_corpus([path])
    made = kg.Paper.from_text(title, abstract, year=2024)
    assert (made.id, made.title, made.abstract, made.year) == (read.id, read.title, read.abstract, read.year)
    assert made.title == "MALT: Improving Reasoning with TÜLU"
    (item,) = kg.extract_papers([made])
    assert item.paper.id == read.id and "GSM8K" in {e.name for e in item.entities}


def test_the_python_api_refuses_what_a_reader_rejects_in_the_readers_words(tmp_path):
    """A paper with no abstract gives no silent empty result: the same InputError wording as a reader's reject."""
    import kg
    from kg.extract import extract
    from kg.pipeline import extract_corpus

    _, report = read_corpus([_write(tmp_path / "bare.jsonl", {"title": "A", "abstract": ""})])
    assert report.rejects[0].reason.startswith("title with no abstract: 'A'")
    bare = kg.Paper(id="p-a", title="A", abstract="  ")
    for call in (lambda: kg.extract_papers([bare]), lambda: list(extract_corpus([bare])), lambda: list(extract([bare]))):
        with pytest.raises(kg.InputError, match=r"^paper p-a: title with no abstract: 'A' \(fix: give it a non-empty abstract"):
            call()
    with pytest.raises(kg.InputError, match="paper p-b: record has no title"):
        kg.extract_papers([kg.Paper("p-b", "", "We use MNIST.")])
    with pytest.raises(kg.InputError, match=r"paper 1 \('A'\) has no id \(fix: make it with kg.Paper.from_text"):
        kg.extract_papers([kg.Paper("", "A", "We use MNIST.")])
    with pytest.raises(kg.InputError, match=r"paper 1 \('p-c'\): its abstract is a NoneType, not text"):
        kg.extract_papers([kg.Paper("p-c", "C", None)])


@pytest.mark.parametrize("papers, said", [
    ("A title", "papers must be an iterable of kg.Paper, not a str: 'A title'"),
    (Paper("p-1", "A", "B."), "papers must be an iterable of kg.Paper, not a Paper"),
    (["A title"], "paper 1 is a str: 'A title', not a kg.Paper"),
    ([{"title": "A", "abstract": "B."}], "paper 1 is a dict, not a kg.Paper"),
    (None, "papers must be an iterable of kg.Paper, not a NoneType"),
])
def test_the_python_api_says_what_to_pass_instead_of_a_paper(papers, said):
    import kg

    with pytest.raises(kg.InputError) as raised:
        kg.extract_papers(papers)
    assert str(raised.value) == f"{said} (fix: make one with kg.Paper.from_text(title, abstract) and pass [paper])"


def test_the_python_api_section_of_the_readme_uses_only_what_kg_exports():
    import re

    import kg

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    used = set(re.findall(r"\bkg\.([A-Za-z_]\w*)", section)) | set(re.findall(r"`([A-Z]\w+)`", section))
    assert "Paper" in used and "extract_papers" in used
    assert used <= set(kg.__all__) | {"records", "extract", "store"}, used - set(kg.__all__)
    assert all(hasattr(kg, name) for name in kg.__all__)


def test_each_line_after_an_unclosed_quote_is_accounted_once(tmp_path):
    path = tmp_path / "weird.csv"
    path.write_text('title,abstract\nPaper X,We use BERT.\n"Paper Y","Unclosed quote here,\nmore\n')
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Paper X"] and report.records == 3 and report.balanced
    (unclosed, more) = report.rejects
    assert (unclosed.line, more.line) == (3, 4)
    assert "line 4" not in unclosed.reason and "taking in" not in unclosed.reason  # line 4 is its own record
    assert unclosed.reason.endswith("the lines after it are read as rows of their own")


def test_control_characters_and_lone_surrogates_are_cleaned_not_fatal(tmp_path):
    # valid JSON can carry both; a NUL broke the store's query text and a lone surrogate any UTF-8 output
    path = tmp_path / "odd.jsonl"
    path.write_text('{"title": "Nul \\u0000 here", "abstract": "We use BERT on RTE."}\n'
                    '{"title": "Lone \\ud800 surrogate", "abstract": "We tune GPT-2 on GSM8K."}\n', encoding="utf-8")
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Nul here", "Lone \ufffd surrogate"]
    assert all(p.title.encode("utf-8") for p in papers)


def test_a_one_sentence_abstract_in_a_seed_dump_is_an_abstract(tmp_path):
    one = "We show that a single prompt template tuned on one dataset transfers to eleven other tabular benchmarks."
    blank_lines = tmp_path / "dump.txt"
    blank_lines.write_text(f"Subscribe\n\nMar 14\n\nPrompt Tuning for Tabular Zorbing\n\n{one}\n\n"
                           "Another Zorb Title\n\nWe study zorbs. They help a lot on many tasks.\n", encoding="utf-8")
    papers, report = read_corpus([blank_lines])
    assert [(p.title, p.abstract) for p in papers][0] == ("Prompt Tuning for Tabular Zorbing", one)
    assert len(papers) == 2 and not report.rejects


@pytest.mark.parametrize("gap", ["\n", "\n\n"])  # one line per unit, or paragraphs
def test_an_abstract_wrapped_over_lines_or_paragraphs_is_one_abstract_not_a_new_paper(tmp_path, gap):
    path = tmp_path / "dump.txt"
    units = ["Subscribe", "Pruning Zorb Transformers with Token Budgets",
             "We propose ZorbPrune, a token pruning method.",
             "On ImageNet it cuts compute by 35% with a small drop in accuracy.",
             "A Benchmark for Zorb Tables", "We release ZorbTab, a dataset of table pairs. Baselines reach 41%."]
    path.write_text(gap.join(units) + "\n", encoding="utf-8")
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Pruning Zorb Transformers with Token Budgets", "A Benchmark for Zorb Tables"]
    assert papers[0].abstract == units[2] + " " + units[3]
    assert not report.rejects and report.balanced


def test_a_stray_nul_spoils_only_its_own_line_and_utf16_is_named(tmp_path):
    path = tmp_path / "papers.jsonl"
    good = [json.dumps({"id": f"n{i}", "title": f"Zorb Study {i}", "abstract": "We study zorbs on MNIST."}) for i in range(3)]
    path.write_bytes(("\n".join(good[:1]) + "\n").encode() + b'{"title": "Bad\x00", "abstract": "x"}\n'
                     + ("\n".join(good[1:]) + "\n").encode())
    papers, report = read_corpus([path])
    assert [p.title for p in papers] == ["Zorb Study 0", "Zorb Study 1", "Zorb Study 2"]
    assert [r.line for r in report.rejects] == [2] and report.balanced
    assert report.rejects[0].reason == "invalid JSON: a NUL byte (\\x00) at column 15; remove it"
    comma = tmp_path / "comma.jsonl"  # a comma after each object, as in an array's body
    comma.write_text("".join(line + ",\n" for line in good))
    assert {r.reason for r in read_corpus([comma])[1].rejects} == {
        "invalid JSON: a comma after the object (JSON lines take none between them); remove it"}
    wide = tmp_path / "wide.csv"
    wide.write_text("title,abstract\nA Zorb Title,We study zorbs.\n", encoding="utf-16")
    papers, report = read_corpus([wide])
    assert papers == [] and "UTF-16" in report.rejects[0].reason and "iconv" in report.rejects[0].reason


def test_an_id_two_different_papers_share_stays_with_the_first_and_a_merged_copys_id_is_named(tmp_path):
    path = tmp_path / "ids.jsonl"
    rows = [{"id": "X1", "title": "Zorb One", "abstract": "We study zorbs."},
            {"id": "X1", "title": "Zorb Two", "abstract": "We study other zorbs."},
            {"id": "X2", "title": "Zorb One", "abstract": "We study zorbs."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    papers, report = read_corpus([path])
    assert [(p.title, p.external_id) for p in papers] == [("Zorb One", "X1"), ("Zorb Two", None)]
    assert [(n.line, "'X1' is also the id of a different paper" in n.message) for n in report.notices] == [(2, True), (3, False)]
    assert "'X2' is a copy of the paper read first with id 'X1'" in report.notices[1].message
    assert report.balanced


def test_csv_header_twice_a_repeated_column_and_placeholder_abstracts_are_rejected_with_reasons(tmp_path):
    joined = tmp_path / "joined.csv"
    joined.write_text("title,abstract\nZorb One,We study zorbs.\ntitle,abstract\nZorb Two,We study more zorbs.\n", encoding="utf-8")
    papers, report = read_corpus([joined])
    assert [p.title for p in papers] == ["Zorb One", "Zorb Two"]
    assert [(r.line, "the header row again" in r.reason) for r in report.rejects] == [(3, True)]
    twice = tmp_path / "twice.csv"
    twice.write_text("title,abstract,abstract,notes,notes\nZorb,We study zorbs.,other,a,b\n", encoding="utf-8")
    papers, report = read_corpus([twice])
    assert papers == [] and "'abstract' (columns 2, 3) more than once" in report.rejects[0].reason
    notes_twice = tmp_path / "notes.csv"
    notes_twice.write_text("title,abstract,notes,notes\nZorb,We study zorbs.,a,b\n", encoding="utf-8")
    assert [p.title for p in read_corpus([notes_twice])[0]] == ["Zorb"]  # a column paper-kg does not read may repeat
    placeholder = tmp_path / "p.jsonl"
    placeholder.write_text("".join(json.dumps({"title": f"Zorb {i}", "abstract": a}) + "\n"
                                   for i, a in enumerate(["N/A", "No abstract available.", "TBD", "We study zorbs."])))
    papers, report = read_corpus([placeholder])
    assert [p.title for p in papers] == ["Zorb 3"] and all("placeholder" in r.reason for r in report.rejects)
    assert report.balanced


def test_paper_from_text_reads_authors_and_year_as_the_readers_do_and_refuses_bad_ones():
    import kg

    paper = Paper.from_text("A Zorb", "We study zorbs.", authors="Smith, J.; Doe, A.", year="2021")
    assert paper.authors == ("Smith, J.", "Doe, A.") and paper.year == 2021
    for bad in (dict(title="", abstract="x"), dict(title=None, abstract="x"), dict(title=123, abstract="x")):
        with pytest.raises(InputError):
            Paper.from_text(bad["title"], bad["abstract"])
    with pytest.raises(InputError, match="not a year"):
        Paper.from_text("A Zorb", "We study zorbs.", year="forthcoming")
    with pytest.raises(InputError, match="kg.extract_papers"):
        kg.build([paper])


@pytest.mark.parametrize("written, authors", [
    ("Chen, Wei", ("Chen, Wei",)),  # one "Last, First", as Zotero writes each author
    ("Smith, J.; Doe, Jane", ("Smith, J.", "Doe, Jane")),
    ("A. Smith, B. Doe and C. Roe", ("A. Smith", "B. Doe", "C. Roe")),  # arXiv's
    ("Chen, Wei, van der Berg, Anna", ("Chen, Wei", "van der Berg, Anna")),
    ("De la Cruz, Juan", ("De la Cruz, Juan",)),
    # arXiv's lists opening with an organisation or a one-word name: a name of two words is a whole name
    ("DeepSeek-AI, Aixin Liu, Bei Feng, Bing Xue", ("DeepSeek-AI", "Aixin Liu", "Bei Feng", "Bing Xue")),
    ("DeepSeek-AI, Aixin Liu, Bei Feng", ("DeepSeek-AI", "Aixin Liu", "Bei Feng")),
    ("Mausam, Stephen Soderland", ("Mausam", "Stephen Soderland")),
    ("Zhang, Wei and Priya Kumar", ("Zhang, Wei", "Priya Kumar")),
    # a list ending "and" a lone surname is a list of surnames; two pairs or more show the pairing, so a
    # first name may be two words
    ("LeCun, Bengio and Hinton", ("LeCun", "Bengio", "Hinton")),
    ("Zhang, Xiao Ming, Li, Na", ("Zhang, Xiao Ming", "Li, Na")),
    ("Chen, Wei, Li, Anna Maria", ("Chen, Wei", "Li, Anna Maria")),
    # two names alone read as "Chen, Wei" and "Mausam, Stephen Soderland" do: semicolons tell them apart
    ("LeCun; Bengio", ("LeCun", "Bengio")),
    ("Zhang, Xiao Ming;", ("Zhang, Xiao Ming",)),
    # a list cut short names no author "others" or "et al."
    ("Vaswani, Ashish and Shazeer, Noam and others", ("Vaswani, Ashish", "Shazeer, Noam")),
    ("Vaswani, A., Shazeer, N., et al.", ("Vaswani, A.", "Shazeer, N.")),
])
def test_a_last_first_author_is_one_author_in_csv_jsonl_and_paper_from_text(tmp_path, written, authors):
    (tmp_path / "zotero.csv").write_text(f'"Author","Title","Abstract Note"\n"{written}","A Zorb","We study zorbs."\n')
    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "B Zorb", "abstract": "We study zorbs.", "authors": written}) + "\n")
    papers, _ = read_corpus([tmp_path / "zotero.csv", tmp_path / "a.jsonl"])
    assert [p.authors for p in papers] == [authors, authors]
    assert Paper.from_text("C Zorb", "We study zorbs.", authors=written).authors == authors


def test_an_empty_path_list_is_an_error_not_the_bundled_corpus(tmp_path):
    import kg

    for call in (lambda: kg.build([], workdir=tmp_path / "w"), lambda: kg.extract_to_file([], tmp_path / "x.jsonl")):
        with pytest.raises(InputError, match="no corpus paths given"):
            call()  # an empty glob: building the bundled corpus instead would answer the wrong question
    assert not (tmp_path / "w").exists() and not (tmp_path / "x.jsonl").exists()


def test_a_json_object_with_its_papers_under_data_is_read_and_another_key_is_named(tmp_path):
    s2 = tmp_path / "s2.json"
    s2.write_text(json.dumps({"data": [{"title": "A Zorb", "abstract": "We study zorbs."}], "total": 1}), encoding="utf-8")
    assert [p.title for p in read_corpus([s2])[0]] == ["A Zorb"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"items": [{"title": "A Zorb", "abstract": "We study zorbs."}]}), encoding="utf-8")
    papers, report = read_corpus([other])
    assert papers == [] and "list of objects under 'items'" in report.rejects[0].reason


def test_a_merged_copys_id_notice_works_in_every_shard(tmp_path):
    from kg.ingest import Shard

    path = tmp_path / "ids.jsonl"
    rows = [{"id": f"a{i}", "title": f"Zorb {i}", "abstract": "We study zorbs."} for i in range(12)]
    rows += [{"id": f"b{i}", "title": f"Zorb {i}", "abstract": "We study zorbs."} for i in range(12)]  # copies, other ids
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    notices = []
    for k in (1, 2, 3):
        papers, report = read_corpus([path], shard=Shard(k, 3))
        assert report.balanced
        notices += [n.message for n in report.notices]
    assert len(notices) == 12 and all("is a copy of the paper read first" in n for n in notices)


def test_a_later_revision_of_an_arxiv_record_gives_the_paper_its_text(tmp_path):
    """Two copies of one arXiv paper: the later update_date wins, whichever is read first;
    `kg extract`, which extracts each paper as it reads it, keeps the first and says so."""
    import json

    from kg.cli import main

    rows = [("2305.11001", "We present ZorbASR on LibriSpeech.", "2023-06-02"),
            ("2305.11001", "We present ZorbASR on LibriSpeech and TED-LIUM 3.", "2024-01-20"),
            ("2305.11002", "Revised text on GSM8K.", "2024-05-01"),
            ("2305.11002", "First text on MATH.", "2023-05-01")]
    titles = {"2305.11001": "ZorbASR: Streaming Recognition", "2305.11002": "Old First: A Study"}
    corpus = tmp_path / "arxiv.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "title": titles[i], "abstract": a, "categories": "cs.CL",
                                          "update_date": d}) + "\n" for i, a, d in rows))
    papers, report = read_corpus([corpus])
    assert [p.abstract for p in papers] == [rows[1][1], rows[2][1]]
    assert [len(p.sources) for p in papers] == [2, 2]
    assert "keeping this later revision's title and abstract" in str(report.differing[0])
    assert "keeping the first copy's title and abstract" in str(report.differing[1])
    out = tmp_path / "x.jsonl"
    assert main(["extract", str(corpus), "--out", str(out), "--workers", "1"]) == 0
    extracted = [json.loads(line) for line in out.read_text().splitlines()]
    assert not any(e["name"] == "TED-LIUM 3" for line in extracted for e in line["entities"])  # the first copy, as read
    assert main(["build", str(corpus), "--workdir", str(tmp_path / "w"), "--no-html", "--workers", "1"]) == 0
    graph = json.loads((tmp_path / "w" / "graph.json").read_text())
    assert "TED-LIUM 3" in {node.get("name") for node in graph["nodes"]}  # kg build extracts the latest revision


def test_an_arxiv_id_is_kept_and_looked_up_without_its_version(tmp_path):
    from kg.queries import get_template

    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "2403.09876v2", "title": "T", "abstract": "We use BERT.", "categories": "cs.CL"}\n'
                      '{"id": "p-v2", "title": "U", "abstract": "We use T5."}\n')
    papers, report = read_corpus([corpus])
    assert [p.external_id for p in papers] == ["2403.09876", "p-v2"] and not report.notices
    assert get_template("paper_entities").bind({"paper": "2403.09876v2"})["paper"] == "2403.09876"
    assert get_template("paper_entities").bind({"paper": "arXiv:2403.09876"})["paper"] == "2403.09876"
    from kg.graph import build_graph
    from kg.records import PaperEntities
    from kg.viz.views import resolve_node

    assert resolve_node(build_graph([PaperEntities(papers[0])]), "2403.09876v3")[0] == papers[0].id


def test_two_arxiv_papers_of_one_title_stay_two_and_a_merged_revision_gives_all_its_fields(tmp_path):
    """Another arXiv id is another paper, whatever its title; a later revision merged into a paper
    gives it every field (authors too), not its text beside the first copy's metadata."""
    from kg.graph import build_graph
    from kg.records import PaperEntities
    from kg.viz.views import resolve_node

    title = "A Survey on Graph Neural Networks"
    rows = [("2001.11111", "We survey GCNs on Cora.", "2020-01-30", "A. Smith"),
            ("2105.22222", "We review MPNNs on ZINC.", "2021-05-30", "C. Roe"),
            ("2105.22222v2", "We review MPNNs on ZINC and OGB.", "2021-09-01", "C. Roe and D. Poe")]
    path = tmp_path / "arxiv.jsonl"
    path.write_text("".join(json.dumps({"id": i, "title": title, "abstract": a, "categories": "cs.LG", "update_date": d,
                                        "authors": au}) + "\n" for i, a, d, au in rows))
    papers, report = read_corpus([path])
    assert [(p.external_id, p.year, p.url, p.abstract, p.authors, [s.line for s in p.sources]) for p in papers] == [
        ("2001.11111", 2020, "https://arxiv.org/abs/2001.11111", "We survey GCNs on Cora.", ("A. Smith",), [1]),
        ("2105.22222", 2021, "https://arxiv.org/abs/2105.22222", rows[2][1], ("C. Roe", "D. Poe"), [2, 3])]
    assert [(n.line, "another arXiv id" in n.message) for n in report.notices] == [(2, True)]
    assert (report.papers, report.duplicates) == (2, 1) and report.balanced
    graph = build_graph([PaperEntities(p) for p in papers])
    assert [resolve_node(graph, i)[0] for i in ("2001.11111", "2105.22222")] == [p.id for p in papers]


def test_versions_of_one_arxiv_id_under_one_title_are_named_as_versions(tmp_path, capsys):
    """Not "retitle one if they are different papers": one arXiv id is one paper (a reviewer's find)."""
    from kg.commands.build import print_report

    path = tmp_path / "arxiv.jsonl"
    path.write_text(json.dumps({"id": "2203.33333", "title": "Sparse Routers", "abstract": "We route.", "update_date": "2022-03-10"})
                    + "\n" + json.dumps({"id": "2203.33333v2", "title": "Sparse Routers", "abstract": "We route tokens.",
                                         "update_date": "2022-06-01"}) + "\n")
    no_id = tmp_path / "no_id.jsonl"  # the first copy has no arXiv id: no "versions of one arXiv paper"
    no_id.write_text(json.dumps({"title": "Sparse Routers", "abstract": "We route."}) + "\n"
                     + json.dumps({"id": "2203.33333", "title": "Sparse Routers", "abstract": "We route tokens."}) + "\n")
    assert "arXiv" not in str(read_corpus([no_id])[1].differing[0])
    papers, report = read_corpus([path])
    assert [p.abstract for p in papers] == ["We route tokens."]
    print_report(report, 10)
    assert capsys.readouterr().out.splitlines() == [
        "input: 2 records in 1 file -> 1 paper, 1 duplicate merged (1 with another abstract; the later revision's is kept), 0 rejected",
        f"  merged {path}:2: 'Sparse Routers' has the arXiv id of line 1, 2203.33333, and another abstract: one paper's "
        "versions, merged, keeping this later revision's title and abstract"]


def test_versions_of_one_arxiv_id_under_two_titles_are_one_paper_in_every_shard(tmp_path, capsys):
    from kg.commands.build import print_report
    from kg.ingest import Shard

    path = tmp_path / "arxiv.jsonl"
    path.write_text(json.dumps({"id": "2203.33333", "title": "Sparse Routers for Mixture of Experts", "abstract": "We route.",
                                "categories": "cs.LG", "update_date": "2022-03-10"}) + "\n"
                    + json.dumps({"id": "2203.33333v2", "title": "SparseRouter: Token-Adaptive Routing", "categories": "cs.LG",
                                  "abstract": "We route tokens.", "update_date": "2022-06-01", "authors": "A. Smith"}) + "\n")
    papers, report = read_corpus([path])
    assert [(p.title, p.abstract, p.external_id, p.url, p.authors, len(p.sources)) for p in papers] == [
        ("SparseRouter: Token-Adaptive Routing", "We route tokens.", "2203.33333", "https://arxiv.org/abs/2203.33333",
         ("A. Smith",), 2)]
    assert (report.duplicates, report.notices) == (1, ()) and report.balanced
    print_report(report, 10)
    assert capsys.readouterr().out.splitlines() == [
        "input: 2 records in 1 file -> 1 paper, 1 duplicate merged (1 with another abstract or title; the later revision's "
        "is kept), 0 rejected",
        f"  merged {path}:2: 'SparseRouter: Token-Adaptive Routing' has the arXiv id of line 1 ('Sparse Routers for Mixture "
        "of Experts'), 2203.33333, under another title: one paper's versions, merged, keeping this later revision's title "
        "and abstract"]
    shards = [read_corpus([path], shard=Shard(k, 3)) for k in (1, 2, 3)]
    assert sum(len(papers) for papers, _ in shards) == 1 and all(report.balanced for _, report in shards)


def test_two_papers_under_one_mistyped_arxiv_id_stay_two_with_a_note_naming_both(tmp_path):
    """One arXiv id merges records as versions only where their titles (three quarters) or abstracts
    (half) share enough words: LoRA and QLoRA under one id are a typo, not a paper's versions, in
    every shard."""
    from kg.ingest import Shard

    path = tmp_path / "list.csv"
    path.write_text("id,title,abstract\n"
                    '2106.09685,"LoRA: Low-Rank Adaptation of Large Language Models","We propose Low-Rank Adaptation, or LoRA, '
                    'which freezes the pretrained model weights and injects trainable rank decomposition matrices into each '
                    'layer of the Transformer architecture."\n'
                    '2106.09685,"QLoRA: Efficient Finetuning of Quantized LLMs","We present QLoRA, an efficient finetuning '
                    'approach that reduces memory usage enough to finetune a 65B parameter model on a single 48GB GPU."\n')
    papers, report = read_corpus([path])
    assert [(p.title[:6], p.external_id, p.abstract[:10]) for p in papers] == [
        ("LoRA: ", "2106.09685", "We propose"), ("QLoRA:", None, "We present")]
    assert (report.duplicates, report.balanced) == (0, True)
    assert [(n.line, f"'2106.09685' is also the id of {path}:2 ('LoRA: Low-Rank" in n.message) for n in report.notices] == [
        (3, True)]
    shards = [read_corpus([path], shard=Shard(k, 3)) for k in (1, 2, 3)]
    assert sum(len(papers) for papers, _ in shards) == 2 and all(report.balanced for _, report in shards)


@pytest.mark.parametrize("doi", ["10.48550/arXiv.2301.00001", "https://doi.org/10.48550/ARXIV.2301.00001v2"])
def test_a_zotero_copy_with_an_arxiv_doi_is_that_arxiv_paper(tmp_path, doi):
    """arXiv's DOI stands for its arXiv id: a Zotero copy of the preprint merges with the arXiv record
    of that id, not with another arXiv paper of its title, and keeps the arXiv id as its own."""
    title = "Zorb Networks for Graph Learning"
    (tmp_path / "arxiv.jsonl").write_text("".join(
        json.dumps({"id": i, "title": title, "abstract": a, "categories": "cs.LG"}) + "\n"
        for i, a in (("2001.11111", "We study zorbs on Cora."), ("2301.00001", "We propose zorb networks for graphs."))))
    (tmp_path / "zotero.csv").write_text(f'Key,Title,Abstract Note,DOI\nABCD1234,"{title}","We propose zorb networks for graphs.",{doi}\n')
    papers, report = read_corpus([tmp_path / "arxiv.jsonl", tmp_path / "zotero.csv"])
    assert [(p.external_id, p.merged_ids, [(Path(s.path).name, s.line) for s in p.sources]) for p in papers] == [
        ("2001.11111", (), [("arxiv.jsonl", 1)]), ("2301.00001", (), [("arxiv.jsonl", 2), ("zotero.csv", 2)])]
    assert (report.duplicates, report.balanced) == (1, True)


_ZORB = ("Zorb Networks for Graph Learning", "We propose zorb networks for graphs.")


@pytest.mark.parametrize("name, text", [
    ("zotero.json", json.dumps([{"id": "http://zotero.org/users/1/items/AB12", "type": "article", "title": _ZORB[0],
                                 "abstract": _ZORB[1], "DOI": "10.48550/arXiv.2301.00001"}])),
    ("bbt.json", json.dumps([{"id": "smith2023", "title": _ZORB[0], "abstract": _ZORB[1], "DOI": "10.48550/ARXIV.2301.00001"}])),
    ("note.json", json.dumps([{"id": "smith2023", "title": _ZORB[0], "abstract": _ZORB[1], "note": "arXiv: 2301.00001"}])),
    ("extra.csv", f'Key,Title,Abstract Note,Extra\nAB12,"{_ZORB[0]}","{_ZORB[1]}","tex.ids: z\narXiv: 2301.00001"\n'),
    ("url.csv", f'Key,Title,Abstract Note,Url\nAB12,"{_ZORB[0]}","{_ZORB[1]}",https://arxiv.org/abs/2301.00001v2\n'),
])
def test_a_copy_that_names_its_arxiv_id_besides_its_own_id_is_that_arxiv_paper(tmp_path, name, text):
    """arXiv's DOI beside a CSL JSON record's own id, Zotero's Extra line "arXiv: ID" and an arxiv.org
    Url each name the arXiv id: the copy gets it (and an arxiv.org URL) and merges with the arXiv record
    of that id, not with another arXiv paper of its title."""
    (tmp_path / "arxiv.jsonl").write_text("".join(
        json.dumps({"id": i, "title": _ZORB[0], "abstract": a, "categories": "cs.LG"}) + "\n"
        for i, a in (("2001.11111", "We study zorbs on Cora."), ("2301.00001", _ZORB[1]))))
    (tmp_path / name).write_text(text)
    (alone,), _ = read_corpus([tmp_path / name])
    assert (alone.external_id, alone.url.removesuffix("v2"), alone.year) == ("2301.00001", "https://arxiv.org/abs/2301.00001", 2023)
    papers, report = read_corpus([tmp_path / "arxiv.jsonl", tmp_path / name])
    assert [(p.external_id, p.merged_ids, [(Path(s.path).name, s.line) for s in p.sources]) for p in papers] == [
        ("2001.11111", (), [("arxiv.jsonl", 1)]), ("2301.00001", (), [("arxiv.jsonl", 2), (name, 1 if name.endswith(".json") else 2)])]
    assert (report.duplicates, report.balanced) == (1, True)
    assert [(Path(n.path).name, n.line) for n in report.notices] == [("arxiv.jsonl", 2)]  # the title's other arXiv paper


def test_only_an_arxiv_shaped_id_makes_an_arxiv_url(tmp_path):
    (tmp_path / "a.csv").write_text("id,title,abstract,categories\n17,Local Zorb,We study zorbs.,cs.CV\n"
                                    "hep-th/9901001v2,Old Zorb,We study old zorbs.,hep-th\n2105.22222,New Zorb,We study new zorbs.,cs.LG\n")
    papers, _ = read_corpus([tmp_path / "a.csv"])
    assert [(p.external_id, p.url, p.year) for p in papers] == [
        ("17", None, None), ("hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001", 1999),
        ("2105.22222", "https://arxiv.org/abs/2105.22222", 2021)]


def test_api_responses_of_openalex_and_semantic_scholar_are_read(tmp_path):
    import json

    openalex = {"meta": {"count": 1}, "results": [{
        "id": "https://openalex.org/W1", "display_name": "ZorbNet: Sparse Routing", "publication_year": 2024,
        "authorships": [{"author": {"display_name": "Ada Lovelace"}}],
        "abstract_inverted_index": {"We": [0], "propose": [1], "ZorbNet.": [2], "It": [3], "works.": [4]}}]}
    s2 = {"total": 2, "data": [
        {"paperId": "abc123", "title": "QuuxLM: A Study", "abstract": "We train QuuxLM.", "year": 2025,
         "authors": [{"authorId": "1", "name": "Alan Turing"}, {"authorId": "2", "name": "Grace Hopper"}]},
        {"paperId": "def456", "title": "Null Abstract", "abstract": None, "year": 2024, "authors": []}]}
    (tmp_path / "openalex.json").write_text(json.dumps(openalex))
    (tmp_path / "s2.json").write_text(json.dumps(s2))
    papers, report = read_corpus([tmp_path / "openalex.json", tmp_path / "s2.json"])
    assert [(p.title, p.abstract, p.year, p.authors, p.external_id) for p in papers] == [
        ("ZorbNet: Sparse Routing", "We propose ZorbNet. It works.", 2024, ("Ada Lovelace",), "https://openalex.org/W1"),
        ("QuuxLM: A Study", "We train QuuxLM.", 2025, ("Alan Turing", "Grace Hopper"), "abc123"),
    ]
    assert [r.reason for r in report.rejects] == ["element 2 of 'data': title with no abstract: 'Null Abstract'; add a non-empty 'abstract' field"]


def test_a_zotero_csv_export_is_read_by_its_own_column_names(tmp_path):
    (tmp_path / "zotero.csv").write_text(
        '"Key","Item Type","Publication Year","Author","Title","Url","Abstract Note"\n'
        '"AB12","journalArticle","2023","Lovelace, Ada; Turing, Alan","ZorbNet: Sparse Routing","https://x.org/1",'
        '"We propose ZorbNet.\nIt works."\n')
    papers, report = read_corpus([tmp_path / "zotero.csv"])
    assert [(p.title, p.abstract, p.year, p.authors) for p in papers] == [
        ("ZorbNet: Sparse Routing", "We propose ZorbNet. It works.", 2023, ("Lovelace, Ada", "Turing, Alan"))]
    assert not report.rejects


def test_a_zotero_csvs_doi_key_date_and_url_are_read_and_unusable_ones_noted(tmp_path):
    (tmp_path / "zotero.csv").write_text(
        "Key,Item Type,Publication Year,Author,Title,Abstract Note,DOI,Url,Date\n"
        "AB12,journalArticle,,\"Chen, Wei\",Zorb One,We study zorbs.,10.1234/abc.5678,https://x.org/1,2021-05-03\n"
        "CD34,journalArticle,,,Zorb Two,We study zorbs.,,,\n"
        "EF56,journalArticle,,,Zorb Three,We study zorbs.,https://doi.org/10.5555/zorb,,May 2019\n"
        "GH78,journalArticle,,,Zorb Four,We study zorbs.,n/a,see PDF,n.d.\n")
    papers, report = read_corpus([tmp_path / "zotero.csv"])
    assert [(p.external_id, p.year, p.url) for p in papers] == [
        ("10.1234/abc.5678", 2021, "https://x.org/1"), ("CD34", None, None),
        ("10.5555/zorb", 2019, "https://doi.org/10.5555/zorb"), ("GH78", None, None)]
    assert [(n.line, n.message.split(";")[0]) for n in report.notices] == [
        (5, "date 'n.d.' has no year"), (5, "DOI 'n/a' is not a DOI"), (5, "url 'see PDF' is not a web address")]
    assert not report.rejects and report.balanced


def test_a_bibtex_file_is_read_entry_by_entry(tmp_path):
    (tmp_path / "refs.bib").write_text(
        '% exported by a reference manager\n@string{conf = "NeurIPS"}\n'
        '@inproceedings{zorb2024,\n  title = {{ZorbNet}: Sparse Routing},\n  author = {Lovelace, Ada and Turing, Alan},\n'
        '  booktitle = conf,\n  year = 2024,\n  abstract = {We propose {ZorbNet}, tested by T\\"{u}bingen\n    on GSM8K.},\n}\n'
        '@article{bare, title = "No Abstract", year = {2020}}\n@comment{jabref-meta: x}\n')
    papers, report = read_corpus([tmp_path])  # found in a folder by its suffix
    assert [(p.title, p.abstract, p.year, p.authors, p.external_id) for p in papers] == [
        ("ZorbNet: Sparse Routing", "We propose ZorbNet, tested by Tübingen on GSM8K.", 2024, ("Lovelace, Ada", "Turing, Alan"),
         "zorb2024")]
    assert [(r.line, r.reason.split(";")[0]) for r in report.rejects] == [(11, "title with no abstract: 'No Abstract'")]
    assert report.records == 2 and report.balanced


def test_csl_json_authors_and_years_are_read_and_ris_and_xml_are_named(tmp_path):
    import json

    csl = [{"id": "http://zotero.org/items/A1", "type": "article", "title": "ZorbNet", "abstract": "We propose ZorbNet.",
            "author": [{"family": "Hopper", "given": "Grace"}, {"literal": "OpenAI"}], "issued": {"date-parts": [[2024, 5]]}}]
    (tmp_path / "csl.json").write_text(json.dumps(csl))
    (tmp_path / "refs.ris").write_text("TY  - JOUR\nTI  - A title\nAB  - An abstract.\nER  - \n")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n')
    papers, report = read_corpus([tmp_path / "csl.json", tmp_path / "refs.ris", tmp_path / "feed.xml"])
    assert [(p.authors, p.year) for p in papers] == [(("Hopper, Grace", "OpenAI"), 2024)]
    assert [r.reason.split(",")[0] for r in report.rejects] == ["file is RIS (a reference manager export)",
                                                               "file is XML (an arXiv API Atom feed"]
    assert read_corpus([tmp_path / "csl.json"])[0][0].authors == ("Hopper, Grace", "OpenAI")


def test_a_csv_saved_as_windows_1252_is_read_whole_with_a_note(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes('title,abstract\n"Café Nets","We study caf\u00e9s.\nIt works on GSM8K."\nPlain,"We use ImageNet."\n'
                     .encode("cp1252"))
    papers, report = read_corpus([path])
    assert [(p.title, p.abstract) for p in papers] == [("Café Nets", "We study cafés. It works on GSM8K."),
                                                       ("Plain", "We use ImageNet.")]
    assert report.records == 2 and not report.rejects
    assert [n.message.split(";")[0] for n in report.notices] == ["1 line is not UTF-8 (first: line 2)"]


def test_a_one_line_api_response_names_the_element_of_each_reject(tmp_path):
    import json

    (tmp_path / "s2.json").write_text(json.dumps({"total": 3, "data": [
        {"title": "A Zorb", "abstract": "We study zorbs.", "year": 2020}, {"title": "B", "abstract": None}, None]}))
    papers, report = read_corpus([tmp_path / "s2.json"])
    assert [p.year for p in papers] == [2020]
    assert [r.reason.split(":")[0] for r in report.rejects] == ["element 2 of 'data'", "element 3 of 'data'"]  # from 1


def test_bibtex_joins_strings_and_reads_et_al(tmp_path):
    (tmp_path / "r.bib").write_text('@article{k, title={A Zorb}, author={Lovelace, Ada and others},\n'
                                    ' abstract = "We study " # "GPT-4 on MMLU.", note = {We{\\textquoteright}re {\\textless}1\\%}}\n')
    papers, _ = read_corpus([tmp_path / "r.bib"])
    assert [(p.abstract, p.authors) for p in papers] == [("We study GPT-4 on MMLU.", ("Lovelace, Ada",))]


def test_bibtex_under_another_name_is_still_bibtex(tmp_path):
    (tmp_path / "refs.txt").write_text("% my references\n@article{k, title={A Zorb}, abstract={We propose Zorb on GSM8K.}}\n")
    papers, report = read_corpus([tmp_path / "refs.txt"])
    assert [p.title for p in papers] == ["A Zorb"] and not report.rejects


def test_a_folder_skips_the_kg_extract_output_written_into_it(tmp_path, capsys):
    from kg.cli import main

    (tmp_path / "corpus.jsonl").write_text('{"title": "Zorb Study", "abstract": "We train BERT on GSM8K."}\n', encoding="utf-8")
    assert main(["extract", str(tmp_path), "--out", str(tmp_path / "first.jsonl")]) == 0
    capsys.readouterr()
    assert main(["extract", str(tmp_path), "--out", str(tmp_path / "second.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "-> 1 paper, 0 duplicates merged" in err  # the first run's output read again had made a duplicate
    assert f"skipped {tmp_path / 'first.jsonl'}: `kg extract` output, not a corpus" in err
    papers, _ = read_corpus([tmp_path / "first.jsonl"])  # by its path it is read, as asked
    assert [p.title for p in papers] == ["Zorb Study"]


def test_an_empty_path_string_is_an_error_not_the_current_folder(tmp_path):
    import kg

    with pytest.raises(InputError, match="an empty path was given"):
        kg.build("", workdir=tmp_path / "w")


def test_a_last_first_author_with_middle_initials_is_one_author():
    from kg.ingest.structured import _authors
    assert _authors("Hinton, Geoffrey E.") == ("Hinton, Geoffrey E.",)
    assert _authors("Kingma, Diederik P., Ba, Jimmy") == ("Kingma, Diederik P.", "Ba, Jimmy")
    assert Paper.from_text("T", "An abstract.", authors="Hu, Edward J.").authors == ("Hu, Edward J.",)


def test_two_papers_of_one_arxiv_id_whose_titles_share_only_common_words_stay_two(tmp_path):
    rows = [{"id": "2005.14165", "title": "Language Models are Unsupervised Multitask Learners",
             "abstract": "Natural language processing tasks are approached with supervised learning on task-specific datasets."},
            {"id": "2005.14165", "title": "Language Models are Few-Shot Learners",
             "abstract": "Scaling up autoregressive models greatly improves task-agnostic, few-shot performance."}]
    path = tmp_path / "typo.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    papers, report = read_corpus([path])
    assert len(papers) == 2 and report.balanced


def test_the_python_api_example_of_the_readme_runs_as_written(tmp_path, monkeypatch, capsys):
    """A newcomer pasted it and it failed at its last lines: they read a big.jsonl the example never made."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md (Python API)", "exec"), {})
    assert (tmp_path / "out" / "mine.html").is_file() and (tmp_path / "out" / "mine.graphml").is_file()
    assert (tmp_path / "out" / "part-1.jsonl").read_text().count("\n") > 50  # a shard of the 712 papers
