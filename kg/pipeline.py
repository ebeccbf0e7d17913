"""The only module that knows the stage order: parse -> extract -> normalise -> graph ->
store -> HTML.  Each stage is a function of the previous one's records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from networkx.readwrite import json_graph

from .errors import InputError
from .extract import build_nlp, extract
from .extract.coined import find_coined_names
from .graph import build_graph
from .ingest import read_corpus
from .normalise import canonicalise_corpus, to_entities
from .records import IngestReport, Paper, PaperEntities

__all__ = ["BUNDLED_SEEDS", "BuildResult", "extract_papers", "build", "save_graph", "load_graph", "graph_summary"]

BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_WORKDIR = Path(".kg")


@dataclass(frozen=True)
class BuildResult:
    graph: nx.DiGraph
    report: IngestReport
    items: list[PaperEntities]
    outputs: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def _progress(iterable, total: int, desc: str, enabled: bool):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="paper", leave=False)


def extract_papers(papers: list[Paper], *, progress: bool = False, n_process: int = 1) -> list[PaperEntities]:
    """Extract and normalise: one PaperEntities per paper, corpus-wide canonical names."""
    nlp = build_nlp()
    stream: Iterator = extract(papers, nlp=nlp, n_process=n_process)
    first_pass = [(paper, mentions, links) for paper, mentions, links in _progress(stream, len(papers), "extracting", progress)]
    extra = find_coined_names([(p, m) for p, m, _ in first_pass], nlp)
    items = [
        PaperEntities(paper, to_entities(paper, mentions + extra.get(index, [])), links)
        for index, (paper, mentions, links) in enumerate(first_pass)
    ]
    return canonicalise_corpus(items)


def default_paths(paths: Iterable[str | Path] | None) -> list[str | Path]:
    paths = list(paths or [])
    if paths:
        return paths
    if not BUNDLED_SEEDS.is_dir():
        raise InputError(f"bundled corpus not found at {BUNDLED_SEEDS}", fix="pass corpus files or folders: kg build PATH...")
    return [BUNDLED_SEEDS]


def save_graph(graph: nx.DiGraph, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(json_graph.node_link_data(graph, edges="edges"), ensure_ascii=False), encoding="utf-8")


def load_graph(workdir: str | Path = DEFAULT_WORKDIR) -> nx.DiGraph:
    """The graph the last `kg build` saved in ``workdir``."""
    path = Path(workdir) / "graph.json"
    if not path.exists():
        raise InputError(f"no graph at {path}", fix="run `kg build` first (or pass --workdir where it wrote)")
    return json_graph.node_link_graph(json.loads(path.read_text(encoding="utf-8")), directed=True, multigraph=False, edges="edges")


def graph_summary(graph: nx.DiGraph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, label in graph.nodes(data="label"):
        counts[label] = counts.get(label, 0) + 1
    counts["relationships"] = graph.number_of_edges()
    return counts


def build(
    paths: Iterable[str | Path] | None = None,
    *,
    workdir: str | Path = DEFAULT_WORKDIR,
    store: bool = True,
    html: bool = True,
    append: bool = False,
    progress: bool = False,
    batch_size: int | None = None,
) -> BuildResult:
    """Run the whole pipeline; write graph.json, the embedded store and graph.html under ``workdir``.

    ``append=False`` replaces what the store held; ``append=True`` merges into it.
    """
    workdir = Path(workdir)
    papers, report = read_corpus(default_paths(paths))
    items = extract_papers(papers, progress=progress)
    graph = build_graph(items)
    outputs = {"graph": str(workdir / "graph.json")}
    save_graph(graph, workdir / "graph.json")
    if store:
        from .store import DEFAULT_BATCH_SIZE, EmbeddedStore

        with EmbeddedStore(workdir / "store") as db:
            if not append:
                db.clear()
            db.load(graph, batch_size=batch_size or DEFAULT_BATCH_SIZE)
        outputs["store"] = str(workdir / "store")
    notes: list[str] = []
    if html:
        from . import viz

        result = viz.render(graph, workdir / "graph.html")
        outputs["html"] = str(result.path)
        if result.message:
            notes.append(f"html: {result.message} (use `kg viz` for other views)")
    return BuildResult(graph, report, items, outputs, tuple(notes))
