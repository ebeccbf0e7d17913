"""kg viz in a real headless Chromium with the network blocked.

Needs Debian's chromium (`apt-get install chromium`) and `pip install playwright` (which
drives that browser; it cannot download its own here).  Without them these tests skip and
say why, unless KG_REQUIRE_BROWSER=1 (CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.graph import build_graph
from kg.records import Entity, Paper, PaperEntities
from kg.viz import render
from kg.viz.browser import missing
from kg.viz.demo import IMG_PAYLOAD, SCRIPT_PAYLOAD, hostile_graph, synthetic_graph

NOT_PWNED = "window.__pwned === undefined"


@pytest.fixture(scope="module")
def browser():
    reason = missing()
    if reason:
        message = f"headless browser tests cannot run: {reason}"
        if os.environ.get("KG_REQUIRE_BROWSER"):
            pytest.fail(message + " (KG_REQUIRE_BROWSER is set)")
        print(f"\nSKIP {message}; set KG_REQUIRE_BROWSER=1 to make this an error", file=sys.__stderr__)
        pytest.skip(message)
    from kg.viz.browser import launch

    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory):
    """The page `kg build` writes for the bundled corpus, built once for the tests that open it."""
    from kg.pipeline import build

    workdir = tmp_path_factory.mktemp("bundled")
    build([Path(__file__).resolve().parent.parent / "seeds"], workdir=workdir, store=False)
    return workdir / "graph.html"


def _open(browser, path):
    from kg.viz.browser import open_offline

    return open_offline(browser, path)


def _screen_xy(page, node_id):
    """Where a node is drawn, in page coordinates."""
    return page.evaluate(
        """(id) => {
            const dom = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        node_id,
    )


def _assert_clean(loaded):
    assert loaded.external() == [], f"the page tried to reach the network: {loaded.external()}"
    assert loaded.page_errors == [], loaded.page_errors
    # A CSP violation would show here: something tried to run or fetch what the policy forbids.
    assert loaded.console_errors == [], loaded.console_errors


def test_renders_offline_with_no_external_request(browser, tmp_path):
    result = render(hostile_graph(), tmp_path / "all.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert page.evaluate("network.body.data.nodes.length") == result.nodes == 10  # with the curated root LLaMA above Llama 3
        assert page.evaluate("network.body.data.edges.length") == result.edges
        assert page.evaluate("Object.keys(network.body.nodes).length") == result.nodes  # drawn, not only loaded
        assert page.locator("#kg-legend").inner_text().count("\n") >= 3
        _assert_clean(loaded)


def test_hostile_titles_aliases_and_evidence_show_as_text(browser, tmp_path):
    result = render(hostile_graph(), tmp_path / "hostile.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        tooltip = page.locator("#kg-tooltip")
        # Hover the paper whose title is the payload: the tooltip shows it as characters.
        x, y = _screen_xy(page, "p-evil")
        page.mouse.move(x - 40, y - 40)
        page.mouse.move(x, y, steps=4)
        tooltip.wait_for(state="visible", timeout=5000)
        assert IMG_PAYLOAD in tooltip.inner_text()
        # Click it: the details panel shows title, authors, abstract, and a javascript: URL as text.
        page.mouse.click(x, y)
        details = page.locator("#kg-details")
        details.locator("h3").get_by_text("Connections").wait_for(timeout=5000)
        text = details.inner_text()
        assert IMG_PAYLOAD in text and SCRIPT_PAYLOAD in text and "javascript:window.__pwned=3" in text
        assert details.locator("a[href^='javascript']").count() == 0
        # The entity with the payload as alias, and the evidence sentence on an edge.
        x, y = _screen_xy(page, "dataset:gsm8k")
        page.mouse.click(x, y)
        details.locator("dt").get_by_text("aliases").wait_for(timeout=5000)
        assert IMG_PAYLOAD in details.inner_text()
        edge = page.evaluate("network.getConnectedEdges('dataset:gsm8k')[0]")
        page.evaluate("(id) => kgViz.showEdge(id)", edge)
        assert IMG_PAYLOAD in details.inner_text() and SCRIPT_PAYLOAD in details.inner_text()
        page.wait_for_timeout(300)  # an injected <img> would have fired onerror by now
        assert page.evaluate(NOT_PWNED)
        assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 5
        _assert_clean(loaded)


def test_policy_blocks_injected_markup_and_requests_too(browser, tmp_path):
    """Defence in depth: even markup put into the DOM by a bug can neither run nor fetch."""
    result = render(hostile_graph(), tmp_path / "csp.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        page.evaluate(f"document.body.insertAdjacentHTML('beforeend', {IMG_PAYLOAD!r})")
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.__pwned = 4'; document.body.appendChild(s); }""")
        fetched = page.evaluate("() => fetch('https://example.org/x').then(() => 'fetched', () => 'blocked')")
        page.wait_for_timeout(300)
        assert fetched == "blocked"
        assert page.evaluate(NOT_PWNED)
        assert loaded.external() == []  # refused by the policy before any request was made
        assert any("Content Security Policy" in message for message in loaded.console_errors)


def test_dataset_ego_view_and_search(browser, tmp_path):
    result = render(hostile_graph(), tmp_path / "ds.html", view="datasets", around="plain math reasoning", depth=2)
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert page.evaluate("network.body.data.nodes.length") == result.nodes
        assert page.evaluate("network.getSelectedNodes()") == ["p-plain"]
        assert "datasets used by 2+ papers" in page.locator("#kg-title").inner_text()
        page.fill("#kg-search", "gsm-8k")
        page.press("#kg-search", "Enter")
        page.locator("#kg-details h2").get_by_text("GSM8K").wait_for(timeout=5000)
        _assert_clean(loaded)


def test_1500_nodes_render_with_physics_off(browser, tmp_path):
    result = render(synthetic_graph(1600, seed=7), tmp_path / "big.html", max_nodes=1500)
    assert 1400 <= result.nodes <= 1500 and result.message
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert page.evaluate("Object.keys(network.body.nodes).length") == result.nodes
        assert page.evaluate("network.physics.options.enabled") is False
        assert "--min-support" in page.locator("#kg-message").inner_text()
        _assert_clean(loaded)


def _two_papers():
    from kg.graph import build_graph
    from kg.normalise import entity_key
    from kg.records import Entity, Paper, PaperEntities

    names = [("METHOD", "SparseMix", "proposed"), ("MODEL", "ViT-B/16", "used"), ("METHOD", "LoRA", "used"),
             ("DATASET", "ImageNet-1K", "used"), ("DATASET", "ADE20K", "used"), ("METRIC", "top-1 accuracy", "used"),
             ("METRIC", "mean intersection over union", "used"), ("MODEL", "ViT", "used")]
    retrieval = [("METHOD", "BM25", "used"), ("MODEL", "DPR", "used"), ("DATASET", "Natural Questions", "used"),
                 ("METRIC", "exact match", "used")]
    items = []
    for paper_id, title, chosen, links in (
            ("p-1", "SparseMix: Efficient Fine-Tuning of Vision Transformers", names, ("https://github.com/example/sparsemix",)),
            ("p-2", "A Study of Retrieval", retrieval, ())):
        entities = tuple(Entity(entity_key(t, n), n, t, r, n, "s", 0, len(n), "test") for t, n, r in chosen)
        items.append(PaperEntities(Paper(paper_id, title, "abstract"), entities, links))
    return build_graph(items)


_CLIPPED_OR_HIDDEN = """() => {
  const canvas = document.getElementById('mynetwork').getBoundingClientRect();
  const legend = document.getElementById('kg-legend').getBoundingClientRect();
  const out = [];
  for (const id of network.body.data.nodes.getIds()) {
    const bb = network.getBoundingBox(id);  // the node with its label
    const a = network.canvasToDOM({x: bb.left, y: bb.top}), b = network.canvasToDOM({x: bb.right, y: bb.bottom});
    const [left, top, right, bottom] = [canvas.left + a.x, canvas.top + a.y, canvas.left + b.x, canvas.top + b.y];
    if (left < canvas.left || right > canvas.right || top < canvas.top || bottom > canvas.bottom) out.push(id + ' clipped');
    if (left < legend.right && right > legend.left && top < legend.bottom && bottom > legend.top) out.push(id + ' under the legend');
  }
  return out;
}"""


def test_a_small_view_opens_clear_of_the_edges_and_the_legend(browser, tmp_path):
    from kg.viz.browser import open_offline

    result = render(_two_papers(), tmp_path / "small.html")
    with open_offline(browser, result.path, width=1280, height=800) as loaded:
        assert loaded.page.evaluate(_CLIPPED_OR_HIDDEN) == []
        assert loaded.page.evaluate("network.getScale()") <= 1.0
        # a small view keeps every title's label at the usual threshold
        assert loaded.page.evaluate("Math.max(...Object.values(network.body.nodes).map(n => n.options.scaling.label.drawThreshold))") == 7


def test_search_misses_say_why_and_escape_clears(browser, tmp_path):
    graph = synthetic_graph(600, seed=4)
    from kg.viz import select

    result = render(graph, tmp_path / "cut.html", max_nodes=60)
    shown = select(graph, max_nodes=60).graph
    cut = next(attrs["name"] for node, attrs in graph.nodes(data=True) if attrs.get("label") != "Paper" and node not in shown)
    with _open(browser, result.path) as loaded:
        page = loaded.page
        page.fill("#kg-search", cut)
        page.press("#kg-search", "Enter")
        status = page.locator("#kg-search-status")
        assert "is in the graph but not in this view" in status.inner_text() and cut in status.inner_text()
        import shlex

        command = status.inner_text().split("not in this view: ", 1)[1].removesuffix(" draws it")
        assert shlex.split(command) == ["kg", "viz", "--around", cut]  # pastes into a shell as it is
        page.fill("#kg-search", "zzz no such thing")
        page.press("#kg-search", "Enter")
        assert "No match" in status.inner_text() and page.evaluate("network.getSelectedNodes()") == []
        page.fill("#kg-search", "Entity 0")
        page.press("#kg-search", "Enter")
        assert status.inner_text() == "1 of 1 match" and page.locator("#kg-details h2").inner_text() == "Entity 0"
        page.evaluate("document.getElementById('kg-details').scrollTop = 400")
        page.evaluate("kgViz.focusNode(network.body.data.nodes.getIds()[1])")
        assert page.evaluate("document.getElementById('kg-details').scrollTop") == 0
        page.keyboard.press("Escape")
        assert page.locator("#kg-details h2").count() == 0 and "Hover for a summary" in page.locator("#kg-details").inner_text()
        _assert_clean(loaded)


def test_an_ego_view_opens_on_its_centre(browser, tmp_path):
    from kg.viz import find_node

    graph = synthetic_graph(600, seed=2)
    result = render(graph, tmp_path / "ego.html", around="Entity 0", depth=2, max_nodes=80)
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert page.locator("#kg-details h2").inner_text() == "Entity 0"
        canvas = page.evaluate("(() => { const b = document.getElementById('mynetwork').getBoundingClientRect(); return [b.left, b.right]; })()")
        x, _ = _screen_xy(page, str(find_node(graph, "Entity 0")))
        assert abs(x - (canvas[0] + canvas[1]) / 2) < (canvas[1] - canvas[0]) * 0.2


def _search_steps(page, query: str, times: int) -> list[str]:
    """The node each Enter in the search box lands on, ``times`` times over."""
    found = []
    for _ in range(times):
        page.fill("#kg-search", query)
        page.press("#kg-search", "Enter")
        found.append(page.locator("#kg-details h2").inner_text())
    return found


def test_search_ranks_names_before_aliases_and_shorter_names_first(browser, tmp_path):
    from kg.normalise import entity_key

    def item(paper_id, title, names):
        entities = tuple(Entity(entity_key("MODEL", n), n, "MODEL", "used", n, "s", 0, len(n), "test", aliases=a) for n, a in names)
        return PaperEntities(Paper(paper_id, title, "abstract"), entities)

    graph = build_graph([item("p-1", "Studies of Chat Systems", [("HC3", ("ChatGPT comparison corpus",)), ("AraGPT2", ())]),
                         item("p-2", "Other", [("GPT-4", ()), ("GPT", ())])])
    result = render(graph, tmp_path / "rank.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert _search_steps(page, "gpt", 4) == ["GPT", "GPT-4", "AraGPT2", "HC3"]
        status = page.locator("#kg-search-status")
        page.fill("#kg-search", "gpt")
        page.press("#kg-search", "Enter")
        assert status.inner_text().startswith("1 of 4 matches")  # several: the count and how to step on
        for spelling in ("gpt-4", "GPT 4", "gpt4"):  # spelled as `kg query` reads names
            page.fill("#kg-search", spelling)
            page.press("#kg-search", "Enter")
            assert page.locator("#kg-details h2").inner_text() == "GPT-4", spelling
            assert status.inner_text() == "1 of 1 match"  # one hit is confirmed too
        page.evaluate("kgViz.showNode('p-1')")  # a paper with no address: a title search to find it
        href = page.locator("#kg-details a").get_attribute("href")
        assert href == "https://arxiv.org/search/?searchtype=title&query=Studies%20of%20Chat%20Systems"


def test_search_puts_word_matches_first_and_names_an_entity_left_out_of_the_view(browser, tmp_path):
    from kg.normalise import entity_key

    def item(paper_id, title, *names):
        entities = tuple(Entity(entity_key(t, n), n, t, "used", n, "s", 0, len(n), "test") for t, n in names)
        return PaperEntities(Paper(paper_id, title, "abstract"), entities)

    data = ("DATASET", "ZorbSet")
    graph = build_graph([item("p-1", "Optimal Transport Maps", data), item("p-2", "On Maltese Parsing", data),
                         item("p-3", "MALT: Multi-Agent Training", data, ("METHOD", "MALT"))])
    result = render(graph, tmp_path / "words.html", types=("Paper", "Dataset"))  # the MALT method is not drawn
    with _open(browser, result.path) as loaded:
        page = loaded.page
        found = _search_steps(page, "malt", 3)
        assert found == ["MALT: Multi-Agent Training", "On Maltese Parsing", "Optimal Transport Maps"]  # across a gap last
        status = page.locator("#kg-search-status").inner_text()
        assert status == ("3 of 3 matches · Enter for the next · found the paper “Optimal Transport Maps”; "
                          "the Method “MALT” is not in this view: kg viz --around MALT draws it")
        page.fill("#kg-search", "setm")  # only across a space ("ZorbSet Maps"), and no entity of that name
        page.press("#kg-search", "Enter")
        assert page.locator("#kg-search-status").inner_text().startswith("No match")
        _assert_clean(loaded)


def test_a_search_confirms_its_hit_and_names_a_left_out_node_of_that_name_by_type(browser, tmp_path):
    """The paper "Masked Thought: ..." found and drawn, the method Masked Thought left out: the
    status had read "“Masked Thought” is in the graph but not in this view", as if the search had
    failed; and a single hit ("GSM8K") had said nothing at all."""
    from kg.normalise import entity_key

    def entity(entity_type, name):
        return Entity(entity_key(entity_type, name), name, entity_type, "used", name, "s", 0, len(name), "test")

    graph = build_graph([
        PaperEntities(Paper("p-1", "Masked Thought: Simply Masking Steps", "abstract"),
                      (entity("DATASET", "GSM8K"), entity("METHOD", "Masked Thought"))),
        PaperEntities(Paper("p-2", "A Study of Agents", "abstract"), (entity("DATASET", "MALT"), entity("METHOD", "MALT")))])
    result = render(graph, tmp_path / "typed.html", types=("Paper", "Dataset"))  # no method is drawn
    with _open(browser, result.path) as loaded:
        page = loaded.page
        status = page.locator("#kg-search-status")
        assert _search_steps(page, "Masked Thought", 1) == ["Masked Thought: Simply Masking Steps"]
        assert status.inner_text() == ("1 of 1 match · found the paper “Masked Thought: Simply Masking Steps”; the Method "
                                       "“Masked Thought” is not in this view: kg viz --around 'Masked Thought' draws it")
        assert _search_steps(page, "GSM8K", 1) == ["GSM8K"]
        assert status.is_visible() and status.inner_text() == "1 of 1 match"
        # a drawn node of the very name hides no other type of that name: the Method MALT is named
        assert _search_steps(page, "MALT", 1) == ["MALT"]
        assert status.inner_text() == ("1 of 1 match · found the Dataset “MALT”; the Method “MALT” is not in this view: "
                                       "kg viz --around MALT draws it")
        _assert_clean(loaded)


def test_the_legend_folds_once_the_view_is_zoomed_unless_the_reader_has_used_it(browser, tmp_path):
    """Open, the legend covered the names of nodes zoomed or panned under it."""
    result = render(synthetic_graph(300, seed=5), tmp_path / "fold.html")
    is_open = "document.getElementById('kg-legend').open"
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert page.evaluate(is_open) is True  # the opening view, which Fit draws beside it
        assert page.evaluate(_CLIPPED_OR_HIDDEN) == []
        box = page.locator("#mynetwork").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -400)
        page.wait_for_function(f"{is_open} === false")
        page.locator("#kg-legend summary").click()  # opened by the reader: it stays open
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(300)
        assert page.evaluate(is_open) is True
        _assert_clean(loaded)
    with _open(browser, result.path) as loaded:  # a search zooms to what it found: the legend folds first
        loaded.page.fill("#kg-search", "Entity 0")
        loaded.page.press("#kg-search", "Enter")
        assert loaded.page.evaluate(is_open) is False
        _assert_clean(loaded)


def test_a_search_that_matches_only_across_a_space_names_the_exact_entity_left_out(browser, tmp_path):
    from kg.normalise import entity_key

    def entity(entity_type, name):
        return Entity(entity_key(entity_type, name), name, entity_type, "used", name, "s", 0, len(name), "test")

    graph = build_graph([PaperEntities(Paper("p-1", "Video Study", "abstract"), (entity("DATASET", "Kinetics-400"), entity("METHOD", "S4")))])
    result = render(graph, tmp_path / "s4.html", types=("Paper", "Dataset"))
    with _open(browser, result.path) as loaded:
        page = loaded.page
        page.fill("#kg-search", "s4")
        page.press("#kg-search", "Enter")
        assert "“S4” is in the graph but not in this view" in page.locator("#kg-search-status").inner_text()
        assert page.evaluate("network.getSelectedNodes()") == []  # not Kinetics-400, which holds "s4" only once folded
        _assert_clean(loaded)


def test_a_selected_node_and_its_neighbours_keep_their_names_and_the_rest_step_aside(browser, tmp_path):
    graph = synthetic_graph(300, seed=5)
    result = render(graph, tmp_path / "quiet.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert page.evaluate("kgViz.quietLabels") == 0
        hub = page.evaluate("kgViz.hubLabels.length ? kgViz.hubLabels[0].id : network.body.data.nodes.getIds()[0]")
        page.evaluate("(id) => kgViz.focusNode(id)", hub)
        # every name but the node's and its neighbours' steps aside, once the view has redrawn
        page.wait_for_function("(id) => kgViz.quietLabels === Object.keys(network.body.nodes).length "
                               "- network.getConnectedNodes(id).length - 1", arg=hub)
        assert {box["id"] for box in page.evaluate("kgViz.hubLabels")} <= set(page.evaluate("(id) => [id, ...network.getConnectedNodes(id)]", hub))
        page.keyboard.press("Escape")
        page.wait_for_function("kgViz.quietLabels === 0")
        _assert_clean(loaded)
    centred = render(graph, tmp_path / "centred.html", around=hub_name(graph), depth=2)
    with _open(browser, centred.path) as loaded:  # a view's own centre is selected, not chosen: every name stays
        assert loaded.page.evaluate("kgViz.quietLabels") == 0
        _assert_clean(loaded)


def hub_name(graph):
    return max((attrs for _, attrs in graph.nodes(data=True) if attrs.get("label") != "Paper"), key=lambda a: a.get("support", 0))["name"]


def test_search_finds_an_input_id_and_suggests_a_close_name(browser, tmp_path):
    from kg.normalise import entity_key

    entity = Entity(entity_key("DATASET", "LibriSpeech"), "LibriSpeech", "DATASET", "used", "LibriSpeech", "s", 0, 11, "test")
    paper = Paper("p-1", "Streaming Speech Recognition", "abstract", external_id="2305.11001")
    with_doi = Paper("p-2", "Sparse Zorb Routing", "abstract", external_id="10.1145/abc.123")
    result = render(build_graph([PaperEntities(paper, (entity,)), PaperEntities(with_doi, ())]), tmp_path / "ids.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        status = page.locator("#kg-search-status")
        page.fill("#kg-search", "2305.11001")
        page.press("#kg-search", "Enter")
        assert page.locator("#kg-details h2").inner_text() == "Streaming Speech Recognition"
        assert "2305.11001" in page.locator("#kg-details").inner_text()  # shown as the input id
        page.keyboard.press("Escape")
        for written in ("arXiv:2305.11001v3", "https://doi.org/10.48550/ARXIV.2305.11001"):  # a prefix and a version, arXiv's DOI
            page.fill("#kg-search", written)
            page.press("#kg-search", "Enter")
            assert page.locator("#kg-details h2").inner_text() == "Streaming Speech Recognition", written
            page.keyboard.press("Escape")
        page.fill("#kg-search", "doi:10.1145/ABC.123")  # a DOI in another case, with a prefix
        page.press("#kg-search", "Enter")
        assert page.locator("#kg-details h2").inner_text() == "Sparse Zorb Routing"
        page.fill("#kg-search", "LibriSpeeech")
        page.press("#kg-search", "Enter")
        assert status.inner_text().endswith("did you mean “LibriSpeech”?")
        page.fill("#kg-search", "Zorbulation")
        page.press("#kg-search", "Enter")
        assert "did you mean" not in status.inner_text()
        _assert_clean(loaded)


def test_search_finds_a_paper_by_the_id_of_a_copy_merged_into_it_and_says_so(browser, tmp_path):
    paper = Paper("p-1", "Gödel Prover: Theorem Proving", "abstract", external_id="j1", merged_ids=("j6",))
    result = render(build_graph([PaperEntities(paper, ())]), tmp_path / "merged.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert _search_steps(page, "j6", 1) == ["Gödel Prover: Theorem Proving"]
        assert "“j6” is the id of a copy merged into this paper as a duplicate" in page.locator("#kg-search-status").inner_text()
        assert "merged copies' ids\nj6" in page.locator("#kg-details").inner_text()
        _assert_clean(loaded)


def test_search_puts_an_exact_id_of_a_merged_copy_before_a_title_that_contains_it(browser, tmp_path):
    papers = [Paper("p-5", "ZorbNet: A Tiny Model", "abstract", external_id="5", merged_ids=("17",)),
              Paper("p-6", "Our System at SemEval-2017 Task 4", "abstract", external_id="6")]
    result = render(build_graph([PaperEntities(paper, ()) for paper in papers]), tmp_path / "ids.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert _search_steps(page, "17", 2) == ["ZorbNet: A Tiny Model", "Our System at SemEval-2017 Task 4"]
        _assert_clean(loaded)


def test_search_ignores_accents_on_either_side_and_keeps_its_ranking(browser, tmp_path):
    from kg.normalise import entity_key

    erdos = Entity(entity_key("METHOD", "Erdos"), "Erdos", "METHOD", "used", "Erdos", "s", 0, 5, "test")
    graph = build_graph([PaperEntities(Paper("p-1", "Gödel Prover: Theorem Proving", "abstract"), ()),
                         PaperEntities(Paper("p-2", "Random Graphs after Erdős", "We revisit the Rényi model."), (erdos,))])
    result = render(graph, tmp_path / "accents.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert _search_steps(page, "Godel", 1) == ["Gödel Prover: Theorem Proving"]
        assert _search_steps(page, "GÖDEL", 1) == ["Gödel Prover: Theorem Proving"]
        # the name itself first, then a title holding it at a word's start, whichever side has the accent
        assert _search_steps(page, "Erdős", 2) == ["Erdos", "Random Graphs after Erdős"]
        assert _search_steps(page, "erdos", 2) == ["Erdos", "Random Graphs after Erdős"]
        page.fill("#kg-search", "Renyi")  # no node: the abstract that writes it is pointed to
        page.press("#kg-search", "Enter")
        assert "the abstract of 1 paper here mentions it" in page.locator("#kg-search-status").inner_text()
        _assert_clean(loaded)


def test_search_folds_letters_with_strokes_and_ligatures_on_either_side(browser, tmp_path):
    """NFKD leaves ł, ø, æ, ß whole: "Lukasz" missed "Łukasz-Net" and "Soren" missed "Søren"."""
    graph = build_graph([PaperEntities(Paper("p-1", "Łukasz-Net: Tiny Parsers", "abstract"), ()),
                         PaperEntities(Paper("p-2", "Søren and the Straße of Æsir", "abstract"), ()),
                         PaperEntities(Paper("p-3", "Lukasz Two", "abstract"), ())])
    result = render(graph, tmp_path / "strokes.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        assert _search_steps(page, "Lukasz-Net", 1) == ["Łukasz-Net: Tiny Parsers"]
        assert _search_steps(page, "Łukasz", 2) == ["Lukasz Two", "Łukasz-Net: Tiny Parsers"]
        assert _search_steps(page, "Soren", 1) == ["Søren and the Straße of Æsir"]
        assert _search_steps(page, "strasse of aesir", 1) == ["Søren and the Straße of Æsir"]
        _assert_clean(loaded)


def test_the_banner_closes_and_a_small_screen_folds_the_legend(browser, tmp_path):
    from kg.viz.browser import open_offline

    result = render(synthetic_graph(600, seed=4), tmp_path / "cut.html", max_nodes=60)
    with open_offline(browser, result.path, width=800, height=600) as loaded:
        page = loaded.page
        assert page.evaluate("document.getElementById('kg-legend').open") is False
        assert page.locator("#kg-message").is_visible()
        page.click("#kg-message-close")
        assert page.locator("#kg-message").is_hidden()
        _assert_clean(loaded)
    with _open(browser, result.path) as loaded:
        assert loaded.page.evaluate("document.getElementById('kg-legend').open") is True


_HUB_LABEL_PROBLEMS = """() => {
  const canvas = document.getElementById('mynetwork').getBoundingClientRect();
  const lr = document.getElementById('kg-legend').getBoundingClientRect();
  const legend = {x: lr.left - canvas.left, y: lr.top - canvas.top, w: lr.width, h: lr.height};
  const hit = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const boxes = kgViz.hubLabels, out = [];
  boxes.forEach((a, i) => {
    if (a.x < 0 || a.y < 0 || a.x + a.w > canvas.width || a.y + a.h > canvas.height) out.push(a.text + ' clipped');
    if (hit(a, legend)) out.push(a.text + ' under the legend');
    boxes.slice(i + 1).forEach(b => { if (hit(a, b)) out.push(a.text + ' overlaps ' + b.text); });
  });
  return out;
}"""


@contextmanager
def _big_view(browser, tmp_path):
    """The synthetic 1,600-node graph cut to a 1,500-node view, opened and drawn once."""
    result = render(synthetic_graph(1600, seed=7), tmp_path / "big.html", max_nodes=1500)
    with _open(browser, result.path) as loaded:
        loaded.page.evaluate("network.redraw()")
        yield loaded


def test_a_zoomed_out_view_names_its_hubs_without_overlap(browser, tmp_path):
    with _big_view(browser, tmp_path) as loaded:
        page = loaded.page
        labelled = page.evaluate("kgViz.hubLabels.map(b => b.id)")
        assert len(labelled) >= 10, "a zoomed-out view of 1,500 nodes should name its hubs"
        assert page.evaluate(_HUB_LABEL_PROBLEMS) == []
        types = page.evaluate("(ids) => ids.map(id => network.body.data.nodes.get(id).kgType)", labelled)
        assert "Paper" not in types
        degrees = page.evaluate("(ids) => ids.map(id => network.getConnectedEdges(id).length)", labelled)
        unlabelled_top = page.evaluate(
            """(ids) => network.body.data.nodes.getIds()
                 .filter(id => !ids.includes(id) && network.body.data.nodes.get(id).kgType !== 'Paper')
                 .map(id => network.getConnectedEdges(id).length).sort((a, b) => b - a)[0]""", labelled)
        assert max(degrees) >= unlabelled_top, "the most-linked entities are named first"
        # at the scale a search lands on (1), a crowded view names entities over paper dots, not
        # a wall of titles; zoomed in further, the titles come back
        thresholds = page.evaluate("""() => Object.values(network.body.nodes)
            .filter(n => n.options.kgType).map(n => [n.options.kgType, n.options.scaling.label.drawThreshold])""")
        assert {t for kind, t in thresholds if kind == "Paper"} == {24}
        assert {t for kind, t in thresholds if kind != "Paper"} == {7}
        visible_titles = """() => Object.values(network.body.nodes)
            .filter(n => n.options.kgType === 'Paper' && n.labelModule.visible()).length"""
        page.evaluate("network.moveTo({scale: 1.0}); network.redraw()")
        assert page.evaluate(visible_titles) == 0
        assert page.evaluate("""() => Object.values(network.body.nodes)
            .filter(n => n.options.kgType && n.options.kgType !== 'Paper' && n.labelModule.visible()).length""") > 100
        page.evaluate("network.moveTo({scale: 2.5}); network.redraw()")
        assert page.evaluate(visible_titles) > 0
        # zoomed in, vis-network's own labels are legible and the overlay steps aside
        page.evaluate("network.moveTo({scale: 2.0}); network.redraw()")
        assert page.evaluate("kgViz.hubLabels.length") == 0
        _assert_clean(loaded)


_HUBS_BY_SIZE = """() => Object.values(network.body.nodes).filter(n => n.options.kgType && n.options.kgType !== 'Paper')
    .sort((a, b) => b.options.size - a.options.size || (a.id < b.id ? -1 : 1)).map(n => [n.id, n.options.size])"""


@pytest.mark.parametrize("graph", ["synthetic", "bundled"])
def test_a_click_on_a_hubs_centre_opens_the_hub(browser, tmp_path, graph, request):
    """No smaller node is drawn on a hub: a click on its centre opens it (it had opened the
    metric "mean squared error", drawn on ImageNet in the bundled corpus's whole-graph view)."""
    if graph == "synthetic":
        path = render(synthetic_graph(1600, seed=7), tmp_path / "hubs.html", max_nodes=1500).path
    else:
        path = request.getfixturevalue("bundled_page")
    with _open(browser, path) as loaded:
        page = loaded.page
        hubs = page.evaluate(_HUBS_BY_SIZE)
        assert hubs[0][1] > 30
        # every hub (16 canvas units or more), at the opening zoom and zoomed in
        for scale in (None, 1.0):
            if scale:
                page.evaluate("(s) => { network.moveTo({scale: s}); network.redraw(); }", scale)
            covered = page.evaluate("""(ids) => ids.filter(id => {
                    const at = network.canvasToDOM(network.getPositions([id])[id]);
                    return network.getNodeAt(at) !== id; })""", [i for i, size in hubs if size >= 16])
            assert covered == [], f"drawn over by a smaller node: {covered}"
        page.evaluate("network.fit(); network.redraw()")
        legend = page.locator("#kg-legend").bounding_box()
        canvas = page.locator("#mynetwork").bounding_box()
        clicked = 0
        for node_id, _ in hubs[:12]:  # real clicks on the biggest, where they are on screen
            x, y = _screen_xy(page, node_id)
            inside = canvas["x"] < x < canvas["x"] + canvas["width"] and canvas["y"] + 60 < y < canvas["y"] + canvas["height"]
            on_legend = legend["x"] <= x <= legend["x"] + legend["width"] and legend["y"] <= y <= legend["y"] + legend["height"]
            if not inside or on_legend or page.evaluate("([x, y]) => document.elementFromPoint(x, y).tagName", [x, y]) != "CANVAS":
                continue
            page.mouse.click(x, y)
            name = page.evaluate("(id) => JSON.parse(document.getElementById('kg-data').textContent).nodes[id].name", node_id)
            assert page.locator("#kg-details h2").inner_text() == name
            clicked += 1
        assert clicked >= 6
        _assert_clean(loaded)


def test_the_bundled_whole_graph_opens_with_its_best_supported_entities_named(browser, bundled_page):
    """The few entities most papers name are named even in the dense core (ImageNet, continual
    learning and BERT had no name there: lesser hubs at the edge took the label space)."""
    with _open(browser, bundled_page) as loaded:
        page = loaded.page
        page.evaluate("network.redraw()")
        top = page.evaluate("""() => { const d = JSON.parse(document.getElementById('kg-data').textContent).nodes;
            const w = document.getElementById('mynetwork').clientWidth, h = document.getElementById('mynetwork').clientHeight;
            return Object.keys(d).filter(id => d[id].label !== 'Paper' && network.body.nodes[id]).filter(id => {
                const at = network.canvasToDOM(network.getPositions([id])[id]);
                return at.x > 0 && at.y > 0 && at.x < w && at.y < h; })
              .sort((a, b) => (d[b].support || 0) - (d[a].support || 0)).slice(0, 5); }""")
        named = set(page.evaluate("kgViz.hubLabels.map(b => b.id).concat(kgViz.keptLabels.map(b => b.id))"))
        assert len(top) == 5 and not set(top[:3]) - named and len(set(top) - named) <= 1, set(top) - named
        assert page.evaluate(_HUB_LABEL_PROBLEMS) == []
        _assert_clean(loaded)


_HUB_LABELS_OVER_BIGGER_HUBS = """() => {
  const hit = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const data = JSON.parse(document.getElementById('kg-data').textContent).nodes;
  const scale = network.getScale();
  const own = Object.values(network.body.nodes).filter(n => n.options.kgType && n.options.kgType !== 'Paper'
      && n.labelModule.size && n.labelModule.size.width && n.labelModule.fontOptions.size * scale >= 8)
    .map(n => { const at = network.canvasToDOM({x: n.labelModule.size.left, y: n.labelModule.size.top});
                return {id: n.id, x: at.x, y: at.y, w: n.labelModule.size.width * scale, h: n.labelModule.size.height * scale}; });
  const out = [];
  kgViz.hubLabels.forEach(a => own.forEach(b => {
    if (hit(a, b) && (data[b.id].support || 0) > (data[a.id].support || 0)) out.push(a.text + ' covers ' + data[b.id].name);
  }));
  return out;
}"""


@pytest.mark.parametrize("scale", [0.15, 0.5, 0.6])
def test_better_supported_entities_win_label_space(browser, tmp_path, scale):
    """The page names entities most-supported first, and draws no name over the label of an
    entity more papers mention (half zoomed, vis-network draws the hubs' own labels)."""
    result = render(synthetic_graph(1600, seed=7), tmp_path / "big.html", max_nodes=1500)
    with _open(browser, result.path) as loaded:
        page = loaded.page
        page.evaluate(f"network.moveTo({{scale: {scale}}}); network.redraw()")
        assert page.evaluate(_HUB_LABELS_OVER_BIGGER_HUBS) == []
        supports = page.evaluate("""() => { const d = JSON.parse(document.getElementById('kg-data').textContent).nodes;
                                            return kgViz.hubLabels.map(b => d[b.id].support || 0); }""")
        assert supports == sorted(supports, reverse=True) and supports, supports
        # a hub whose own label vis-network draws small (8-11 px) is named at the page's size
        small = page.evaluate("""() => Object.values(network.body.nodes).filter(n => n.options.kgType
            && n.options.kgType !== 'Paper' && n.labelModule.size && n.labelModule.size.width
            && n.labelModule.fontOptions.size * network.getScale() >= 8
            && n.labelModule.fontOptions.size * network.getScale() < 11).map(n => n.id)""")
        named = page.evaluate("kgViz.hubLabels.map(b => b.id)")
        assert not small or set(small) & set(named), (small, named)
        # one name per node: vis-network leaves out the own label of a hub the page names
        silenced = page.evaluate("(ids) => ids.filter(id => Object.prototype.hasOwnProperty.call(network.body.nodes[id].labelModule, 'draw'))", named)
        assert silenced == named
        page.evaluate("network.moveTo({scale: 2.0}); network.redraw()")  # zoomed in: vis draws them all again
        assert page.evaluate("(ids) => ids.filter(id => Object.prototype.hasOwnProperty.call(network.body.nodes[id].labelModule, 'draw'))", named) == []
        _assert_clean(loaded)


def test_a_paper_found_in_a_crowded_view_is_zoomed_to_its_title_and_a_word_in_abstracts_is_pointed_to(browser, tmp_path):
    graph = synthetic_graph(400, seed=5)
    graph.nodes["p3"]["abstract"] = "We build on the Zorbix kernels for serving."
    result = render(graph, tmp_path / "crowded.html", max_nodes=400)
    with _open(browser, result.path) as loaded:
        page = loaded.page
        page.evaluate("window.kgLanded = false; void network.once('animationFinished', () => { window.kgLanded = true; })")
        page.fill("#kg-search", "Synthetic paper 3 on")
        page.press("#kg-search", "Enter")
        # vis-network steps its 300 ms animation once a frame; a loaded CI machine can starve the
        # frames for seconds, so wait for the end (the page's policy forbids wait_for_function's eval)
        for _ in range(300):
            if page.evaluate("window.kgLanded"):
                break
            page.wait_for_timeout(100)
        assert page.evaluate("window.kgLanded"), page.evaluate("document.visibilityState")
        # the focus animation ends where the paper's title is drawn (its label threshold is 24 px)
        assert page.evaluate("network.getScale() * network.body.nodes['p3'].labelModule.fontOptions.size") >= 24
        page.fill("#kg-search", "zorbix")
        page.press("#kg-search", "Enter")
        status = page.locator("#kg-search-status").inner_text()
        assert "is no node" in status and "the abstract of 1 paper here mentions it" in status and "Synthetic paper 3" in status
        _assert_clean(loaded)


def test_a_paper_cut_from_the_view_lists_what_it_names_that_is_not_drawn(browser, tmp_path):
    """The cut to the most-linked nodes drops a paper's own coinage first: its panel still lists it."""
    graph = synthetic_graph(600, seed=3)
    result = render(graph, tmp_path / "cut.html", max_nodes=120)
    with _open(browser, result.path) as loaded:
        page = loaded.page
        paper = page.evaluate("""() => { const d = JSON.parse(document.getElementById('kg-data').textContent).nodes;
            return Object.keys(d).find(id => d[id].label === 'Paper' && (d[id].undrawn || []).some(u => u.type === 'PROPOSES')); }""")
        assert paper, "a capped view should leave some paper's proposal out"
        page.evaluate("(id) => kgViz.focusNode(id)", paper)
        text = page.locator("#kg-details").inner_text()
        drawn = page.evaluate("(id) => network.getConnectedEdges(id).length", paper)
        assert f"{drawn} connection{'s' if drawn != 1 else ''} drawn" in text and "more not drawn" in text
        hidden = text.split("Not drawn in this view")[1]
        assert hidden.splitlines()[1].startswith("PROPOSES →") and "kg viz --around" in hidden  # proposals first
        _assert_clean(loaded)


def test_a_click_on_a_hubs_drawn_name_opens_it_and_empty_canvas_clears(browser, tmp_path):
    with _big_view(browser, tmp_path) as loaded:
        page = loaded.page
        for _ in range(2):  # folded and opened again by the reader, the legend stays open: the names stay where they are
            page.locator("#kg-legend summary").click()
        boxes = page.evaluate("kgViz.hubLabels.map(b => [b.id, b.x + b.w / 2, b.y + b.h / 2])")
        top = page.evaluate("document.getElementById('mynetwork').getBoundingClientRect().top")
        opened = 0
        for node_id, x, y in boxes[:10]:
            page.keyboard.press("Escape")
            page.mouse.click(x, top + y)
            name = page.evaluate("(id) => JSON.parse(document.getElementById('kg-data').textContent).nodes[id].name", node_id)
            opened += page.locator("#kg-details h2").inner_text() == name
            page.evaluate("kgViz.fitView(); network.redraw()")  # back to where the names were placed
        assert opened >= 8, f"{opened} of 10 clicks on hubs' names opened them"
        # a selection fades what it does not touch; a click on empty canvas clears it and the panel
        hub = boxes[0][0]
        page.evaluate("(id) => kgViz.focusNode(id)", hub)
        faded = page.evaluate("Object.values(network.body.nodes).filter(n => n.options.opacity < 1).length")
        total, near = page.evaluate("(id) => [network.body.data.nodes.length, network.getConnectedNodes(id).length + 1]", hub)
        assert faded == total - near and page.evaluate("(id) => network.body.nodes[id].options.opacity", hub) == 1
        page.evaluate("kgViz.fitView(); network.redraw()")
        empty = page.evaluate("""() => { const c = document.getElementById('mynetwork').getBoundingClientRect();
            for (let y = 60; y < c.height - 10; y += 17) for (let x = 200; x < c.width - 10; x += 23) {
              const at = {x, y}; if (network.getNodeAt(at) === undefined && network.getEdgeAt(at) === undefined
                  && !kgViz.hubLabels.some(b => x >= b.x - 4 && x <= b.x + b.w + 4 && y >= b.y - 4 && y <= b.y + b.h + 4))
                return [c.left + x, c.top + y]; } return null; }""")
        page.mouse.click(*empty)
        assert page.locator("#kg-details h2").count() == 0
        assert page.evaluate("Object.values(network.body.nodes).filter(n => n.options.opacity < 1).length") == 0
        _assert_clean(loaded)


def test_legend_entries_hide_and_show_a_type_and_fit_shows_the_whole_view(browser, tmp_path):
    result = render(synthetic_graph(300, seed=5), tmp_path / "legend.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        shown = "(t) => network.body.data.nodes.get().filter(n => n.kgType === t && !n.hidden).length"
        before = page.evaluate(shown, "Dataset")
        assert before > 0
        page.locator("#kg-legend li[data-kg-label='Dataset']").click()
        assert page.evaluate(shown, "Dataset") == 0 and page.evaluate(shown, "Paper") > 0
        page.locator("#kg-legend li[data-kg-label='Dataset']").click()
        assert page.evaluate(shown, "Dataset") == before
        page.locator("#kg-legend li[data-kg-label='Model']").press("Enter")  # a button to the keyboard too
        assert page.evaluate(shown, "Model") == 0
        model = page.evaluate("network.body.data.nodes.get().find(n => n.kgType === 'Model').id")
        page.evaluate("(id) => kgViz.focusNode(id)", model)  # found while its type is off: it comes back on
        assert page.evaluate(shown, "Model") > 0
        page.evaluate("network.moveTo({scale: 3})")
        page.locator("#kg-fit").click()
        assert page.evaluate(_CLIPPED_OR_HIDDEN) == []
        _assert_clean(loaded)


def test_a_depth_two_ego_view_opens_whole_on_a_small_screen_with_readable_names(browser, tmp_path):
    from kg.viz.browser import open_offline

    result = render(synthetic_graph(600, seed=2), tmp_path / "ego2.html", around="Entity 0", depth=2, max_nodes=90)
    with open_offline(browser, result.path, width=1280, height=720) as loaded:
        page = loaded.page
        assert page.evaluate(_CLIPPED_OR_HIDDEN) == []
        smallest = page.evaluate("""() => Math.min(...Object.values(network.body.nodes)
            .map(n => n.labelModule.fontOptions.size * network.getScale()))""")
        assert smallest >= 8.5 or page.evaluate("kgViz.labelBoost") == 2
        _assert_clean(loaded)


def test_an_entitys_panel_names_what_its_papers_name_with_it_and_a_papers_lists_proposals_first(browser, tmp_path):
    result = render(synthetic_graph(300, seed=5), tmp_path / "with.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        hub = page.evaluate("""() => network.body.data.nodes.get().filter(n => n.kgType !== 'Paper')
            .sort((a, b) => network.getConnectedNodes(b.id).length - network.getConnectedNodes(a.id).length)[0].id""")
        page.evaluate("(id) => kgViz.focusNode(id)", hub)
        expected = page.evaluate("""(id) => { const c = {};
            for (const p of network.getConnectedNodes(id)) for (const o of network.getConnectedNodes(p))
              if (o !== id && network.body.data.nodes.get(o).kgType !== 'Paper') c[o] = (c[o] || 0) + 1;
            return Object.entries(c).filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1])[0]; }""", hub)
        text = page.locator("#kg-details").inner_text()
        assert "Named with it in two or more drawn papers" in text
        assert f"({expected[1]} papers)" in text.split("Named with it in two or more drawn papers")[1].splitlines()[1]
        proposer = page.evaluate("""() => network.body.data.edges.get().filter(e => e.kgType === 'PROPOSES')
            .map(e => e.from).find(p => network.getConnectedEdges(p).length > 2)""")
        page.evaluate("(id) => kgViz.focusNode(id)", proposer)
        connections = page.locator("#kg-details").inner_text().split("Connections drawn")[1].splitlines()
        assert connections[1].startswith("PROPOSES →")
        _assert_clean(loaded)


def test_evidence_cut_from_the_abstract_shows_in_tooltips_and_panels(browser, tmp_path):
    sentence = "We use GSM8K and MATH for tests of 𝑓(𝑥)."
    gsm = Entity("dataset:gsm8k", "GSM8K", "DATASET", "used", "GSM8K", sentence, 0, 1, "test", 1.0)
    # characters outside the BMP before the sentence: JavaScript counts each as two
    graph = build_graph([PaperEntities(Paper("pz", "Zorb: A Title", "We study 𝑓(𝑥) reasoning 🙂. " + sentence), (gsm,))])
    result = render(graph, tmp_path / "evidence.html")
    with _open(browser, result.path) as loaded:
        page = loaded.page
        edge = page.evaluate("network.getConnectedEdges('dataset:gsm8k')[0]")
        sent = page.evaluate("(id) => JSON.parse(document.getElementById('kg-data').textContent).edges[id]", edge)
        assert "at" in sent and "sentence" not in sent  # the page holds the place, not a second copy
        page.evaluate("(id) => kgViz.showEdge(id)", edge)
        details = page.locator("#kg-details")
        assert sentence in details.inner_text()
        page.evaluate("kgViz.showNode('pz')")
        assert sentence in details.inner_text()  # the paper's drawn connections quote it too
        _assert_clean(loaded)
