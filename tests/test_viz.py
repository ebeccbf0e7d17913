"""kg viz without a browser: escaping, no remote resources, views, filters, caps, CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from html.parser import HTMLParser

import pytest

from kg.cli import main
from kg.errors import VizError
from kg.graph import build_graph
from kg.records import Entity, Paper, PaperEntities, Source
from kg.viz import find_node, render, select
from kg.viz.demo import IMG_PAYLOAD, SCRIPT_PAYLOAD, hostile_graph, synthetic_graph
from kg.viz.layout import force_layout
from kg.normalise import entity_key
from kg.viz.page import remote_references


def _ent(kind, name, *, role="used", aliases=(), family=None):
    key = f"{kind.lower()}:{name.lower().replace(' ', '-')}"
    return Entity(key, name, kind, role, name, f"We use {name}.", 0, 1, "test", 1.0, aliases, family)


@pytest.fixture(scope="module")
def corpus():
    """Four papers: A and B share GSM8K and MATH, C shares MATH, D shares nothing."""
    gsm, math, mmlu = _ent("DATASET", "GSM8K", aliases=("gsm-8k",)), _ent("DATASET", "MATH"), _ent("DATASET", "MMLU")
    llama, bert = _ent("MODEL", "Llama 3 8B", family="Llama 3"), _ent("MODEL", "BERT")
    lora = _ent("METHOD", "LoRA", aliases=("low-rank adaptation",))
    return build_graph([
        PaperEntities(Paper("pa", "Paper A on Reasoning", "x"), (gsm, math, llama, lora)),
        PaperEntities(Paper("pb", "Paper B", "x"), (gsm, math, bert)),
        PaperEntities(Paper("pc", "Paper C", "x"), (math, mmlu, lora)),
        PaperEntities(Paper("pd", "Paper D", "x"), (bert,)),
    ])


class _Elements(HTMLParser):
    """Script and link elements as a browser tokenises them (script bodies are raw text)."""

    def __init__(self, page: str):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.links: list[dict] = []
        self._open: dict | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open, self._body = dict(attrs), []
        elif tag == "link":
            self.links.append(dict(attrs))

    def handle_data(self, data):
        if self._open is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.scripts.append((self._open, "".join(self._body)))
            self._open = None


def _data_block(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


def _page(graph, tmp_path, name="view.html", **kw) -> tuple[str, object]:
    result = render(graph, tmp_path / name, **kw)
    return result.path.read_text(encoding="utf-8"), result


# --- escaping and offline ------------------------------------------------------------------

def test_corpus_markup_never_reaches_the_page_as_markup(tmp_path):
    page, result = _page(hostile_graph(), tmp_path)
    assert result.nodes == 10  # Llama 3 8B, its family Llama 3 and the curated root LLaMA among them
    assert IMG_PAYLOAD not in page and SCRIPT_PAYLOAD not in page
    assert "<img" not in page.lower()
    # Only pyvis' and our own script elements: utils.js, vis-network, drawGraph(), data, viz.js.
    scripts = _Elements(page).scripts
    assert len(scripts) == 5 and all("src" not in attrs for attrs, _ in scripts)
    # The strings survive intact as data, to be shown as text.
    data = _data_block(page)
    assert data["nodes"]["p-evil"]["name"].startswith(IMG_PAYLOAD)
    assert IMG_PAYLOAD in data["nodes"]["dataset:gsm8k"]["aliases"]
    assert any(IMG_PAYLOAD in e.get("sentence", "") for e in data["edges"].values())
    assert "<title>paper-kg: Whole graph</title>" in page


def test_page_references_nothing_remote(tmp_path):
    page, _ = _page(hostile_graph(), tmp_path)
    assert remote_references(page) == []
    for host in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "bootstrap", "unpkg.com"):
        assert host not in page
    elements = _Elements(page)
    assert elements.links == [] and all("src" not in attrs for attrs, _ in elements.scripts)


def test_content_security_policy_allows_exactly_the_inline_scripts(tmp_path):
    page, _ = _page(hostile_graph(), tmp_path)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    policy = policy.replace("&#x27;", "'")
    assert "default-src 'none'" in policy and "img-src data:" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    code = [body for attrs, body in _Elements(page).scripts if attrs.get("type") != "application/json"]
    assert len(code) == 4
    for body in code:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_remote_reference_detector_catches_the_usual_forms():
    assert remote_references('<link rel="stylesheet" href="https://cdn.x/a.css">') == ["https://cdn.x/a.css"]
    assert remote_references("<img src=//tracker.x/p.gif>") == ["//tracker.x/p.gif"]
    assert remote_references("a{background:url('https://x/y.png')}") == ["https://x/y.png"]
    assert remote_references('@import "https://x/y.css";') == ["https://x/y.css"]
    assert remote_references('<a href="https://example.org">link</a> url(data:image/png;base64,AA)') == []


def test_same_graph_same_page(tmp_path):
    first, _ = _page(synthetic_graph(200, seed=1), tmp_path, "a.html")
    second, _ = _page(synthetic_graph(200, seed=1), tmp_path, "b.html")
    assert first == second


# --- views and filters ---------------------------------------------------------------------

@pytest.mark.parametrize("name, key", [
    ("gsm8k", "dataset:gsm8k"), ("GSM-8K", "dataset:gsm8k"), ("dataset:GSM8K", "dataset:gsm8k"),
    ("paper a on reasoning", "pa"), ("Low-Rank  Adaptation", "method:lora"), ("llama 3", entity_key("MODEL", "Llama 3")),
])
def test_find_node_by_key_title_name_or_alias(corpus, name, key):
    assert find_node(corpus, name) == key


def test_unknown_name_suggests_close_ones(corpus):
    with pytest.raises(VizError) as err:
        find_node(corpus, "gsm8")
    assert "no paper or entity named 'gsm8'" in err.value.message
    assert "GSM8K" in err.value.fix


@pytest.mark.parametrize("name, key, also", [
    ("malt", "method:malt", "--around m1 draws it"),  # named exactly; its paper is the other reading
    ("lottery ticket", "m2", "--around method:lotterytickethypothesis draws it"),  # one title holds it, an alias too
    ("yuan 2.0", "m4", "Model “Yuan 2.0” (no paper by itself)"),  # a family no paper names comes last
    ("LTH", "method:lotterytickethypothesis", None),
    ("random teachers", "m3", None),  # a part of a title names the paper
])
def test_around_a_name_that_is_a_paper_and_an_entity(name, key, also):
    from kg.viz.views import resolve_node
    from sample_graphs import ambiguous_items

    node, note = resolve_node(build_graph(ambiguous_items()), name)
    assert node == key
    assert (note is None) if also is None else (also in note and f"--around {name!r} is " in note)


def test_kg_viz_says_what_else_around_names(tmp_path, capsys):
    from kg.pipeline import save_graph
    from sample_graphs import ambiguous_items

    save_graph(build_graph(ambiguous_items()), tmp_path / "graph.json")
    assert main(["viz", "--workdir", str(tmp_path), "--around", "malt"]) == 0
    out, err = capsys.readouterr()
    assert "around Method “MALT”" in out
    assert "note: --around 'malt' is Method “MALT” (1 paper); it also names the paper “MALT: Improving" in err
    assert "--around m1 draws it" in err
    assert "note: the view holds 2 nodes: --depth 2 draws what its paper names too" in err
    assert main(["viz", "--workdir", str(tmp_path), "--around", "malt", "--depth", "2"]) == 0
    assert "--depth 3" not in capsys.readouterr().err  # a view that holds more says nothing


def test_kg_viz_counts_one_edge_as_one_edge(tmp_path, capsys):
    from kg.pipeline import save_graph

    save_graph(build_graph([PaperEntities(Paper("p", "P", "x"), (_ent("DATASET", "Pile"),))]), tmp_path / "graph.json")
    assert main(["viz", "--workdir", str(tmp_path)]) == 0
    assert "(2 nodes, 1 edge)" in capsys.readouterr().out


def test_ambiguous_name_lists_keys():
    graph = build_graph([PaperEntities(Paper("p", "P", "x"), (_ent("DATASET", "Pile"), _ent("MODEL", "Pile")))])
    with pytest.raises(VizError) as err:
        find_node(graph, "pile")
    assert "dataset:pile" in err.value.message and "model:pile" in err.value.message


def test_ego_view_depth(corpus):
    one = select(corpus, around="GSM8K", depth=1)
    assert set(one.graph) == {"dataset:gsm8k", "pa", "pb"} and one.center == "dataset:gsm8k"
    two = select(corpus, around="GSM8K", depth=2)
    assert {"dataset:math", "model:bert", "method:lora"} <= set(two.graph) and "pc" not in two.graph
    assert "GSM8K" in two.title and "depth 2" in two.title


def test_dataset_sharing_view(corpus):
    view = select(corpus, view="datasets")
    # MMLU has one paper and D uses no dataset: both out; no models or methods.
    assert set(view.graph) == {"pa", "pb", "pc", "dataset:gsm8k", "dataset:math"}
    assert {d["type"] for *_, d in view.graph.edges(data=True)} == {"EVALUATES_ON"}
    assert set(select(corpus, view="datasets", min_support=3).graph) == {"pa", "pb", "pc", "dataset:math"}
    around = select(corpus, view="datasets", around="Paper C", depth=2)
    assert set(around.graph) == {"pc", "dataset:math", "pa", "pb"}


def test_dataset_view_rejects_a_model_centre_and_types(corpus):
    with pytest.raises(VizError, match="not in the datasets view"):
        select(corpus, view="datasets", around="BERT")
    with pytest.raises(VizError, match="--types"):
        select(corpus, view="datasets", types="Model")


def _titled_lora():
    """"LoRA" is the method LoRA (not in the datasets view) and the paper "LoRA: ..." (in it)."""
    math = _ent("DATASET", "MATH")
    return build_graph([PaperEntities(Paper("pz", "LoRA: Low-Rank Adaptation", "x"), (math, _ent("METHOD", "LoRA"))),
                        PaperEntities(Paper("py", "Paper Y", "x"), (math,))])


def test_dataset_view_around_a_name_draws_the_one_node_it_names_there():
    view = select(_titled_lora(), view="datasets", around="LoRA")
    assert view.center == "pz" and set(view.graph) == {"pz", "dataset:math"}
    assert "around Paper “LoRA: Low-Rank Adaptation”" in view.title
    assert view.note == ("--around 'LoRA' drew the paper “LoRA: Low-Rank Adaptation”, the one node it names that the "
                         "datasets view holds; Method “LoRA” (1 paper), which it names first, is not in that view: "
                         "it is not a paper or dataset")
    assert select(_titled_lora(), around="LoRA").center == "method:lora"  # the whole view holds both: the first reading


def test_kg_viz_says_which_node_its_datasets_view_is_around(tmp_path, capsys):
    from kg.pipeline import save_graph

    save_graph(_titled_lora(), tmp_path / "graph.json")
    assert main(["viz", "--workdir", str(tmp_path), "--view", "datasets", "--around", "LoRA"]) == 0
    out, err = capsys.readouterr()
    assert "around Paper “LoRA: Low-Rank Adaptation”" in out
    assert "note: --around 'LoRA' drew the paper “LoRA: Low-Rank Adaptation”" in err


def test_dataset_view_around_a_name_of_several_nodes_there_asks_for_a_key():
    zorb, data = _ent("METHOD", "Zorb"), _ent("DATASET", "Zorb")
    graph = build_graph([PaperEntities(Paper("pz", "Zorb: Fast Parsing", "x"), (zorb, data)),
                         PaperEntities(Paper("py", "Paper Y", "x"), (zorb, data)),
                         PaperEntities(Paper("px", "Paper X", "x"), (zorb,))])
    with pytest.raises(VizError) as err:  # the method first; the paper and the dataset are both in the view
        select(graph, view="datasets", around="Zorb")
    assert "'Zorb' names 2 nodes of the datasets view" in err.value.message
    assert "--around pz" in err.value.fix and "--around dataset:zorb" in err.value.fix


def test_the_nodes_left_out_of_a_view_are_named_with_their_type(tmp_path):
    graph = build_graph([PaperEntities(Paper("p", "MALT: Multi-Agent Training", "x"), (_ent("DATASET", "MATH"), _ent("METHOD", "MALT")))])
    view = select(graph, types="Dataset")
    assert view.elsewhere == (("MALT", "Method"),)  # the paper of that name is drawn: search tells the two apart
    page = render(graph, tmp_path / "types.html", types="Dataset").path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert data["elsewhere"] == {"Method": ["MALT"]}


def test_type_filter_keeps_papers_that_have_those_types(corpus):
    view = select(corpus, types="model")
    assert {corpus.nodes[n]["label"] for n in view.graph} == {"Paper", "Model"}
    assert "pc" not in view.graph  # C mentions no model
    assert entity_key("MODEL", "Llama 3") in view.graph  # a family node is a Model too


def test_min_support_filter(corpus):
    view = select(corpus, min_support=2)
    entities = {n for n in view.graph if corpus.nodes[n]["label"] != "Paper"}
    assert entities == {"dataset:gsm8k", "dataset:math", "model:bert", "method:lora"}


@pytest.mark.parametrize("kwargs, fragment", [
    ({"view": "papers"}, "unknown view"),
    ({"depth": 0}, "depth must be a whole number >= 1, got 0 (fix: pass depth=1 or more)"),
    ({"max_nodes": True}, "max_nodes must be a whole number >= 1, got True"),
    ({"types": "Dataset,Widgets"}, "unknown node type(s): Widgets"),
    ({"types": "Metric", "min_support": 5}, "nothing to show"),
])
def test_bad_requests_raise_viz_error(corpus, kwargs, fragment):
    with pytest.raises(VizError) as err:
        select(corpus, **kwargs)
    assert fragment in str(err.value)


def test_empty_graph_is_an_error(tmp_path):
    with pytest.raises(VizError, match="empty"):
        render(build_graph([]), tmp_path / "x.html")


def test_output_must_be_html(corpus, tmp_path):
    with pytest.raises(VizError, match=".html"):
        render(corpus, tmp_path / "x.png")


# --- size cap ----------------------------------------------------------------------------

def test_big_views_are_cut_to_the_best_connected_nodes_with_a_hint(tmp_path):
    graph = synthetic_graph(600, seed=2)
    result = render(graph, tmp_path / "big.html", max_nodes=120)
    assert result.nodes <= 120 and result.total == graph.number_of_nodes()
    for hint in ("--around", "--types", "--min-support", "--max-nodes"):
        assert hint in result.message
    # the page's banner is read in a browser: it names the command these options belong to
    banner = re.search(r'<span id="kg-message-text">(.*?)</span>', result.path.read_text(encoding="utf-8")).group(1)
    assert "kg viz --around NAME" in banner
    view = select(graph, max_nodes=120)
    degree = dict(graph.degree())
    entities = sorted((n for n in graph if graph.nodes[n]["label"] != "Paper"), key=lambda n: -degree[n])
    assert set(entities[:10]) <= set(view.graph)  # the most-linked entities
    assert all(view.graph.degree(n) > 0 for n in view.graph)  # each with the papers that join them


def test_a_large_corpus_view_keeps_its_papers_connected():
    # Thousands of papers with a few links each: by degree alone nearly every kept node was
    # an entity whose papers were cut, and the page showed about a tenth of its budget.
    graph = synthetic_graph(6000, seed=3)
    view = select(graph, max_nodes=600)
    labels = [graph.nodes[n]["label"] for n in view.graph]
    assert view.graph.number_of_nodes() >= 540
    assert labels.count("Paper") >= 200


def test_a_cut_view_keeps_the_code_repositories_of_its_papers():
    graph = synthetic_graph(3000, seed=3)
    papers = [n for n in graph if graph.nodes[n]["label"] == "Paper"]
    for index, paper in enumerate(papers[::10]):
        graph.add_node(f"repo:{index}", label="Repository", key=f"repo:{index}", name=f"org/repo{index}")
        graph.add_edge(paper, f"repo:{index}", type="RELEASES_CODE")
    view = select(graph, max_nodes=600)
    kept_papers = [n for n in view.graph if graph.nodes[n]["label"] == "Paper"]
    released = {r for p in kept_papers for r in graph.successors(p) if graph.nodes[r]["label"] == "Repository"}
    assert released and released <= set(view.graph) and view.graph.number_of_nodes() <= 600


def test_cut_ego_view_keeps_the_centre_and_its_neighbours_first():
    graph = synthetic_graph(600, seed=2)
    view = select(graph, around="Entity 0", depth=2, max_nodes=50)
    assert view.center in view.graph and view.graph.number_of_nodes() <= 50
    neighbours = set(graph.predecessors(view.center)) | set(graph.successors(view.center))
    assert len(neighbours) >= 49 or neighbours <= set(view.graph)


def test_no_cut_no_message(corpus, tmp_path):
    assert render(corpus, tmp_path / "v.html").message is None


# --- layout ------------------------------------------------------------------------------

def test_layout_is_deterministic_bounded_and_spreads_nodes():
    graph = synthetic_graph(400, seed=5)
    pos = force_layout(graph, seed=0)
    assert pos == force_layout(graph, seed=0) and set(pos) == set(graph)
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    assert min(xs + ys) >= -1.0 and max(xs + ys) <= 1.0
    assert len({(round(x, 3), round(y, 3)) for x, y in pos.values()}) == len(pos)  # no two nodes on one spot


# --- CLI ---------------------------------------------------------------------------------

def test_cli_writes_the_view(corpus, tmp_path, capsys):
    from kg.pipeline import save_graph

    save_graph(corpus, tmp_path / "graph.json")
    out = tmp_path / "out" / "ego.html"
    code = main(["viz", "--workdir", str(tmp_path), "--out", str(out), "--around", "gsm8k", "--depth", "2"])
    assert code == 0 and out.exists()
    printed = capsys.readouterr().out
    assert f"wrote {out}" in printed and "file://" in printed
    assert main(["viz", "--workdir", str(tmp_path)]) == 0
    assert (tmp_path / "viz.html").exists()


def test_cli_reports_errors_in_one_line(corpus, tmp_path, capsys):
    from kg.pipeline import save_graph

    save_graph(corpus, tmp_path / "graph.json")
    assert main(["viz", "--workdir", str(tmp_path), "--around", "nothing like this"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kg viz: error: no paper or entity named") and "\n" not in err
    assert "kg query top_entities --param limit=100" in err  # a command to find the names, not just "check the spelling"
    assert main(["viz", "--workdir", str(tmp_path / "missing")]) == 2
    assert "kg build" in capsys.readouterr().err


def test_the_page_names_source_files_without_the_build_machines_folders(tmp_path):
    paper = Paper("p-1", "A Title", "Text.", (Source("/home/someone/private/corpus.jsonl", 12),))
    result = render(build_graph([PaperEntities(paper, ())]), tmp_path / "one.html")
    page = result.path.read_text(encoding="utf-8")
    assert "corpus.jsonl:12" in page and "/home/someone" not in page


def test_relationship_colours_are_told_apart():
    from itertools import combinations

    from kg.viz.style import EDGE_COLOURS

    def rgb(colour):
        return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]

    for (a, ca), (b, cb) in combinations(EDGE_COLOURS.items(), 2):
        distance = sum((x - y) ** 2 for x, y in zip(rgb(ca), rgb(cb))) ** 0.5
        assert distance > 60, (a, b)


def test_a_title_holding_the_name_inside_a_word_is_no_other_reading():
    graph = build_graph([
        PaperEntities(Paper("p-a", "Training a Model", "x"), (_ent("DATASET", "Pile"),)),
        PaperEntities(Paper("p-b", "LLMs for Compiler Optimization", "y"), ()),
    ])
    from kg.viz.views import resolve_node

    node, note = resolve_node(graph, "Pile")
    assert graph.nodes[node]["label"] == "Dataset" and note is None


def test_around_a_title_fragment_says_how_many_titles_it_fits_and_when_only_inside_a_word():
    from kg.viz.views import resolve_node

    def paper(pid, title):
        e = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8K", "On it.", 3, 8, "gazetteer")
        return PaperEntities(Paper(pid, title, "On it."), (e,))

    graph = build_graph([paper("p-1", "Supervised Nets"), paper("p-2", "Another Supervised Study"), paper("p-3", "Vision Study")])
    node, note = resolve_node(graph, "vise")
    assert node == "p-1" and "only part of a word" in note and "2 titles contain it" in note
    node, note = resolve_node(graph, "Vision Study")
    assert node == "p-3" and note is None  # the whole title: nothing to say
    node, note = resolve_node(graph, "study")
    assert node == "p-3" and "only part of a word" not in note and "2 titles contain it" in note
    node, note = resolve_node(graph, "ision")  # one title, inside a word
    assert node == "p-3" and "1 title contains it" in note
    graph = build_graph([paper("p-4", "MALT: Improving Reasoning"), paper("p-5", "Other Work")])
    assert resolve_node(graph, "MALT: Improving") == ("p-4", None)  # whole words, colon and all


def test_the_details_carry_the_whole_abstract(tmp_path):
    abstract = "We study GSM8K. " + "Results hold across settings and seeds. " * 40
    e = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8K", "We study GSM8K.", 9, 14, "gazetteer")
    result = render(build_graph([PaperEntities(Paper("p-1", "Long", abstract.strip()), (e,))]), tmp_path / "v.html")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', result.path.read_text()).group(1))
    assert data["nodes"]["p-1"]["abstract"] == abstract.strip()


def test_a_cut_ego_view_suggests_narrowing_it_not_another_around(tmp_path):
    result = render(synthetic_graph(600, seed=2), tmp_path / "ego.html", around="Entity 0", depth=3, max_nodes=30)
    assert "smaller --depth" in result.message and "--around NAME" not in result.message


def test_a_family_no_paper_names_is_sized_by_its_variants_papers_not_its_links(tmp_path):
    def model(key, name, family=None):
        return Entity(key, name, "MODEL", "used", name, "We use it.", 0, 1, "gazetteer", family=family)
    items = [PaperEntities(Paper("p-1", "Zorb Paper", "We use them."),
                           tuple(model(f"model:zorb-{i}b", f"Zorb-{i}B", family="Zorb") for i in range(1, 6)))]
    items += [PaperEntities(Paper(f"q-{i}", f"Other Paper {i}", "We use it."), (model("model:gsm", "Gsm"),))
              for i in range(4)]
    page, _ = _page(build_graph(items), tmp_path)
    values = {m.group(1): float(m.group(2)) for m in re.finditer(r'"id": "([^"]+)"[^{}]*?"value": ([\d.]+)', page)}
    # Zorb: five variant links, one paper naming them all; Gsm: four papers. The legend promises papers.
    assert values["model:zorb"] < values["model:gsm"]
    assert "a family no paper names: papers naming its variants" in page


def test_a_view_with_many_papers_draws_their_titles_only_zoomed_in(tmp_path):
    from kg.viz.page import CROWDED_PAPERS

    def items(n):
        e = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8K", "On it.", 3, 8, "gazetteer")
        return [PaperEntities(Paper(f"p-{i}", f"A Long Title About Zorbs Number {i}", "On it."), (e,)) for i in range(n)]

    few, _ = _page(build_graph(items(CROWDED_PAPERS)), tmp_path, "few.html")
    many, _ = _page(build_graph(items(CROWDED_PAPERS + 1)), tmp_path, "many.html")
    assert '"drawThreshold": 24' not in few and '"drawThreshold": 24' in many


def test_a_familys_ego_view_holds_the_papers_of_its_variants():
    from kg.viz import select

    def paper(pid, name, family=None):
        e = Entity(f"model:{name.lower()}", name, "MODEL", "used", name, "We use it.", 0, len(name), "gazetteer", family=family)
        return PaperEntities(Paper(pid, f"Paper {pid}", "We use it."), (e,))

    graph = build_graph([paper("p-1", "Whisper"), paper("p-2", "Whisper large-v3", family="Whisper"), paper("p-3", "Other")])
    shown = set(select(graph, around="Whisper", depth=1).graph)
    assert {"p-1", "p-2"} <= shown and "p-3" not in shown  # as papers_using name=Whisper lists them


def test_nodes_two_papers_coin_under_one_name_say_which_paper_coined_each():
    import networkx as nx

    from kg.viz.views import find_node

    graph = nx.DiGraph()
    graph.add_node("p-a", label="Paper", title="Kestrel: Open Language Models")
    graph.add_node("p-b", label="Paper", title="Kestrel: Robust Optical Flow")
    graph.add_node("model:kestrel@p-a", label="Model", name="Kestrel", support=1)
    graph.add_node("method:kestrel@p-b", label="Method", name="Kestrel", support=1)
    with pytest.raises(VizError) as caught:
        find_node(graph, "Kestrel")
    assert "coined in \u201cKestrel: Open Language Models\u201d" in str(caught.value)
    assert "coined in \u201cKestrel: Robust Optical Flow\u201d" in str(caught.value)


def test_find_node_words_its_fix_for_python_and_kg_viz_for_the_command_line(tmp_path, capsys):
    """A Python caller is told the key to pass, not an option of kg viz, by an error of the KgError family."""
    import kg
    from kg.pipeline import save_graph

    from sample_graphs import coined_items

    graph = build_graph(coined_items())
    with pytest.raises(kg.KgError) as several:
        kg.find_node(graph, "Kestrel")
    with pytest.raises(kg.KgError) as missing:
        kg.find_node(graph, "Zzyzxq")
    assert isinstance(several.value, kg.VizError) and isinstance(missing.value, kg.VizError)
    assert str(several.value).endswith("(fix: pass one of these keys instead, e.g. 'model:kestrel')")
    assert "kg.query('top_entities', {'limit': 100})" in str(missing.value) and "--param" not in str(missing.value)
    assert kg.find_node(graph, "model:kestrel@c2") == "model:kestrel@c2"  # a key of the list, as the fix says
    save_graph(graph, tmp_path / "graph.json")
    assert main(["viz", "--workdir", str(tmp_path), "--around", "Kestrel"]) == 2
    assert capsys.readouterr().err.endswith("(fix: pass one of these keys to --around, e.g. --around model:kestrel)\n")


def test_a_capped_whole_view_says_in_its_title_that_it_is_part_and_papers_are_one_size(tmp_path):
    import json as _json
    import re as _re

    from kg.viz.demo import synthetic_graph

    result = render(synthetic_graph(600, seed=3), tmp_path / "cut.html", max_nodes=120)
    page = result.path.read_text(encoding="utf-8")
    assert _re.search(r"<title>paper-kg: Whole graph: \d+ of \d+ nodes, the most linked</title>", page)
    data = _json.loads(_re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, _re.S).group(1))
    drawn = _json.loads(_re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, _re.S).group(1))
    sizes = {node["value"] for node in drawn if node["kgType"] == "Paper"}
    assert len(sizes) == 1  # papers all one size: a paper's links are not on the entities' scale
    undrawn = [n for n in data["nodes"].values() if n["label"] == "Paper" and n.get("undrawn")]
    assert undrawn and all(n["undrawn_count"] >= len(n["undrawn"]) for n in undrawn)
    typed = render(synthetic_graph(600, seed=3), tmp_path / "typed.html", types="Dataset,Model", max_nodes=60)
    assert _re.search(r"<title>paper-kg: Whole graph \(types Dataset, Model\): \d+ of \d+ nodes, the most linked</title>",
                      typed.path.read_text(encoding="utf-8"))


def test_an_abstract_sentence_is_sent_as_its_place_in_the_abstract(tmp_path):
    abstract = "We study reasoning. We use GSM8K and MATH for tests."
    gsm = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8K", "We use GSM8K and MATH for tests.", 0, 1, "test", 1.0)
    titled = Entity("method:zorb", "Zorb", "METHOD", "proposed", "Zorb", "Zorb: A Title", 0, 1, "test", 1.0)
    page, _ = _page(build_graph([PaperEntities(Paper("pz", "Zorb: A Title", abstract), (gsm, titled))]), tmp_path)
    data = _data_block(page)
    edges = {e["to"]: e for e in data["edges"].values()}
    start, end = edges["dataset:gsm8k"]["at"]
    assert "sentence" not in edges["dataset:gsm8k"] and data["nodes"]["pz"]["abstract"][start:end] == gsm.sentence
    assert edges["method:zorb"]["sentence"] == "Zorb: A Title" and "at" not in edges["method:zorb"]  # the title's, as written
