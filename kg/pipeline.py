"""The only module that knows the stage order: parse -> extract -> normalise -> graph ->
store -> HTML.  Each stage is a function of the previous one's records.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx
from networkx.readwrite import json_graph

from .batches import fewer_gc_passes
from .errors import InputError, InputWarning
from .extract import checked_papers, default_workers, extract, shared_nlp
from .extract.parallel import map_ordered
from .extract.coined import CoinedNames
from .graph import ENTITY_LABELS, build_graph, coined_entities, fold_entities, known_entities, merge_graphs
from .ingest import CorpusReader, Shard
from .output import counted
from .normalise import CorpusNames, fold_pairs, to_entities
from .records import Entity, IngestReport, Paper, PaperEntities
from .shards import read_items, shard_files, write_items
from .spool import FileSpool, MemorySpool
from .writable import check_replaceable, check_writable

__all__ = ["BUNDLED_SEEDS", "BuildResult", "ExtractResult", "extract_corpus", "extract_papers", "extract_to_file", "load_extracted", "graph_from_extracted", "build", "nothing_parsed", "save_graph", "load_graph", "graph_summary",
           "holds_the_saved_graph", "follow_store", "save_store_graph"]

BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_WORKDIR = Path(".kg")
_CHUNK = 256  # papers per task sent to a worker


@dataclass(frozen=True)
class BuildResult:
    graph: nx.DiGraph
    report: IngestReport
    items: list[PaperEntities]
    outputs: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def _stage(message: str, enabled: bool) -> None:
    """A line on stderr as a long build moves on to a step with no bar of its own."""
    if enabled:
        print(message, file=sys.stderr, flush=True)


def _progress(iterable, total: int | None, desc: str, enabled: bool):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="paper", leave=False, mininterval=0.5)


def extract_corpus(
    papers: Iterable[Paper],
    *,
    workers: int = 1,
    spool=None,
    complete: Callable[[Paper], Paper] = lambda paper: paper,
    progress: bool = False,
    total: int | None = None,
    names: CorpusNames | None = None,
    coined: CoinedNames | None = None,
) -> Iterator[PaperEntities]:
    """Extract and normalise a stream of papers in two passes over a spool.

    Pass one extracts each paper (on ``workers`` processes) and gathers the names the
    corpus coins and writes; pass two links coined names across papers and applies
    corpus-wide canonical names.  ``complete`` gives a paper its later duplicates'
    sources once the input has been read.  ``names`` may already know the names of a graph
    the papers join, and ``coined`` the names its papers coined.  With a :class:`kg.spool.FileSpool` memory stays flat however long the stream.
    A paper with no id, title or abstract, or too long to extract (see :func:`kg.extract.checked_papers`),
    raises :class:`kg.errors.InputError`, as does anything that is not an iterable of Paper.
    """
    nlp = shared_nlp()
    spool = MemorySpool() if spool is None else spool
    coined = CoinedNames() if coined is None else coined
    names = CorpusNames() if names is None else names

    def first_pass(chunk: list[Paper]) -> list:
        return [(mentions, to_entities(paper, mentions), links) for paper, mentions, links in extract(chunk, nlp=nlp)]

    def second_pass(chunk: list) -> list[tuple[Entity, ...]]:
        out = []
        for paper, mentions, entities, _links in chunk:
            if extra := coined.find(paper, mentions, nlp):
                entities = to_entities(paper, mentions + extra)
            out.append(names.apply(entities, paper.id))
        return out

    # a known, small corpus is cut finer, so that every worker gets a share of it
    chunk = _CHUNK if total is None else max(16, min(_CHUNK, -(-total // (4 * max(1, workers)))))
    first = map_ordered(first_pass, checked_papers(papers), workers=workers, chunk_size=chunk)
    for paper, (mentions, entities, links) in _progress(first, total, "extracting", progress):
        coined.add(mentions)
        names.add(entities, paper.id)
        spool.append((paper, mentions, entities, links))
    # forked now, the workers inherit the corpus-wide names gathered by pass one
    second = map_ordered(second_pass, spool, workers=workers, chunk_size=chunk)
    for (paper, _mentions, _entities, links), entities in _progress(second, total, "linking names", progress):
        yield PaperEntities(complete(paper), entities, links)


def extract_papers(papers: Iterable[Paper], *, progress: bool = False, workers: int = 1) -> list[PaperEntities]:
    """Extract and normalise papers held in memory: one PaperEntities per paper.

    Papers come from :func:`kg.read_corpus`, or by hand from :meth:`kg.Paper.from_text`.  A paper
    the corpus readers would reject (no abstract, too long) raises :class:`kg.errors.InputError`,
    in the readers' words, and so does anything that is not a list of Paper:

    >>> extract_papers([Paper("p-46a939301ca2b16d", "A title", "")])
    Traceback (most recent call last):
    kg.errors.InputError: paper p-46a939301ca2b16d: title with no abstract: 'A title' (fix: give it a non-empty abstract, or leave it out; kg.read_corpus rejects such a record and reads on)
    >>> [item.paper.id for item in extract_papers([Paper.from_text("A title", "We train on ImageNet.")])]
    ['p-46a939301ca2b16d']
    """
    papers = list(checked_papers(papers))  # before extraction starts: a bad paper costs no spaCy build
    return list(extract_corpus(papers, workers=workers, progress=progress, total=len(papers)))


@dataclass(frozen=True)
class ExtractResult:
    report: IngestReport
    papers: int
    entities: int


def extract_to_file(
    paths: Iterable[str | Path] | None,
    out: str | Path,
    *,
    workers: int | None = None,
    shard: Shard | None = None,
    progress: bool = False,
) -> ExtractResult:
    """Stream a corpus (or one shard of it) to `kg extract` JSON lines with flat memory.

    Where no record of a whole corpus is a paper, ``out`` is left as it was (an earlier extraction
    stays whole) and the result counts 0 papers: check ``papers`` before loading ``out``.  A shard
    with no paper writes an empty file."""
    paths = default_paths(paths)
    _check_output(out, paths)
    reader = CorpusReader(paths, shard, latest_revision=False)  # each paper is extracted as read
    spool_dir = None if str(out) == "-" else Path(out).resolve().parent
    if spool_dir is not None:
        spool_dir.mkdir(parents=True, exist_ok=True)  # `--out shards/part-3.jsonl` before shards/ exists
    entities = 0

    def counted(items):
        nonlocal entities
        for item in items:
            entities += len(item.entities)
            yield item

    items = extract_corpus(reader, workers=workers or default_workers(), spool=FileSpool(spool_dir),
                           complete=reader.merged, progress=progress)
    # a shard may hold no paper of a small corpus; a whole corpus with none leaves an old output whole
    papers = write_items(counted(items), out, empty_replaces=shard is not None)
    report = reader.report()
    warn_of_rejects(report)
    return ExtractResult(report, papers, entities)


def warn_of_rejects(report: IngestReport) -> None:
    """Warn (:class:`kg.InputWarning`) where records were left out, so that a notebook's build does
    not drop them unsaid; the command line lists them itself and ignores this warning."""
    if report.rejected:
        first = report.rejects[0]
        warnings.warn(f"{counted(report.rejected, 'input record')} of {report.records} left out, the first {first}; "
                      f"the result's report.rejects lists each with its file, line and reason", InputWarning, stacklevel=3)


@contextmanager
def _restored_on_failure(store_dir: Path):
    """A build whose store write fails leaves the store as it was, not cleared or half loaded.

    The snapshot gets a second name first (a hard link: instant, no copy); the server saves a
    new snapshot by writing a temporary file and renaming it over the old name, so the second
    name keeps the old one, which goes back in place if the write failed.
    """
    snapshot, kept = store_dir / "graph.rdb", store_dir / "graph.rdb.before-build"
    kept.unlink(missing_ok=True)
    try:
        os.link(snapshot, kept)
    except FileNotFoundError:  # a new store: nothing to keep
        kept = None
    except OSError:  # no hard links here: copy instead
        shutil.copy2(snapshot, kept)
    try:
        yield
    except BaseException:
        if kept is not None:
            os.replace(kept, snapshot)
        else:
            snapshot.unlink(missing_ok=True)
        raise
    if kept is not None:
        kept.unlink(missing_ok=True)


def _check_workdir(workdir: Path) -> None:
    """Refuse a workdir that cannot be written (a file, under a file, on a read-only disk) or whose
    store another command holds, before any work: the build would fail at its end, when it writes the store.

    >>> import tempfile
    >>> _check_workdir(Path(tempfile.mkstemp()[1]) / "kg")
    Traceback (most recent call last):
    kg.errors.InputError: cannot write ...: ... is a file, not a folder (fix: pass workdir= a folder you can write to, new or one kg.build wrote)
    """
    fix = "pass workdir= a folder you can write to, new or one kg.build wrote"
    cli_fix = "pass --workdir a folder you can write to, new or one kg build wrote"
    for folder in (workdir, workdir / "store"):
        check_writable(folder, inside=True, fix=fix, cli_fix=cli_fix)
    for output in ("graph.json", "graph.html"):
        check_replaceable(workdir / output, fix=fix, cli_fix=cli_fix)
    from .store.embedded import refuse_if_in_use

    refuse_if_in_use(workdir / "store")  # a build running there: say so now, not after extracting everything


def _check_output(out: str | Path, inputs: list[str | Path]) -> None:
    """Refuse an output that is a folder, cannot be written or is one of the inputs: writing it
    would fail at the end (the temporary file between the passes goes beside it, so after pass
    one), or replace the corpus being read."""
    if str(out) == "-":
        return
    target = Path(out).resolve()
    if target.is_dir():
        raise InputError(f"--out {out} is a folder", fix=f"name a file in it, e.g. --out {Path(out) / 'entities.jsonl'}")
    check_writable(out, fix="pass --out a file in a folder you can write to, e.g. --out entities.jsonl")
    for given in inputs:
        source = Path(given).resolve()
        if target == source or (source.is_dir() and target.exists() and source in target.parents):
            raise InputError(f"--out {out} is one of the inputs, which the output would replace",
                             fix="write the entities to another file, e.g. --out entities.jsonl")


def load_extracted(paths: Iterable[str | Path], store, *, batch_size: int, progress=None, finishing=None,
                   before_writing=None):
    """Load `kg extract` files (shards) into a store, merging names across them.

    Pass one gathers corpus-wide names (a long form one shard defines merges with its
    abbreviation in every shard) and reads every line, so a bad file fails it; then
    ``before_writing()`` runs (``kg load --replace`` clears the store there, so a bad file
    leaves the store as it was); pass two streams the papers into the store.
    """
    paths = list(paths)
    names, paper_ids = _names_across(paths)
    if before_writing is not None:
        before_writing()
    # names the store already holds from earlier loads join too, either way round; papers
    # loaded again count once, so a paper's own coinage is not "coined again" by itself
    # what only the papers loaded again hold has no say (nor is it folded): they name it now as
    # they did the first time, so loading the same files again changes nothing
    known = [k for k in store.known_entities(names.keys_to_look_up(), replacing=paper_ids) if k[4] > 0]
    names.add_known(known)
    stored = {key: (ENTITY_LABELS[entity_type], proposers) for entity_type, key, *_, proposers in known}

    def will_hold(key: str) -> bool:  # unless two papers coin it: then each gets a node of its own
        return key in names.names and not names.coined_by_several(key)

    pairs = fold_pairs(names.long_to_key, stored.__contains__, will_hold, lambda key: stored[key][1] > 0)
    store.fold((stored[old][0], old, new) for old, new in pairs)
    return store.load_items(_renamed(paths, names), batch_size=batch_size, progress=progress, finishing=finishing)


def _names_across(paths: list[str | Path]) -> tuple[CorpusNames, list[str]]:
    """Pass one over `kg extract` files: the names they write, corpus-wide, and their papers' ids."""
    names = CorpusNames()
    paper_ids = []
    with fewer_gc_passes():
        for item in read_items(paths):
            names.add(item.entities, item.paper.id)
            paper_ids.append(item.paper.id)
    return names, paper_ids


def _renamed(paths: list[str | Path], names: CorpusNames) -> Iterator[PaperEntities]:
    """Pass two: each paper of the files with its entities named corpus-wide."""
    return (replace(item, entities=names.apply(item.entities, item.paper.id)) for item in read_items(paths))


def graph_from_extracted(paths: Iterable[str | Path]) -> nx.DiGraph:
    """The graph `kg load` would load from `kg extract` files, or folders of them, held in memory:
    names merged across the files as a load merges them (for `kg viz` and `kg export` without graph.json)."""
    paths = shard_files(paths)
    names, _ = _names_across(paths)
    return build_graph(_renamed(paths, names))


def nothing_parsed(report: IngestReport, doing: str = "build from") -> str:
    """Why a run has no paper to work on: the records read, the rejects and the first reason, and
    the files that hold no record, each with why."""
    message = f"no papers to {doing}: {counted(report.records, 'record')} in {counted(len(report.files), 'file')}, {report.rejected} rejected"
    if report.rejects:
        first = report.rejects[0]
        message += f" (first: {first})"
    empty = report.files_without_records
    if empty:
        more = f"; and {counted(len(empty) - 3, 'more file')} with no records" if len(empty) > 3 else ""
        message += "; " + "; ".join(str(notice) for notice in empty[:3]) + more
    return message


def default_paths(paths: Iterable[str | Path] | str | Path | None) -> list[str | Path]:
    """The corpus paths to read: the bundled corpus when ``paths`` is None."""
    if paths is None:
        if not BUNDLED_SEEDS.is_dir():
            raise InputError(f"bundled corpus not found at {BUNDLED_SEEDS}", fix="pass corpus files or folders: kg build PATH...")
        return [BUNDLED_SEEDS]
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if any(isinstance(path, str) and not path.strip() for path in paths):
        raise InputError("an empty path was given (it would read the current folder)",
                         fix="pass the files or folders to read, or '.' for the current folder")
    if not paths:  # an empty glob, say: building the bundled corpus instead would answer the wrong question
        raise InputError("no corpus paths given (an empty list)",
                         fix="pass the files or folders to read, or leave paths out (None) for the bundled corpus")
    if any(not isinstance(path, (str, Path)) for path in paths):
        odd = next(path for path in paths if not isinstance(path, (str, Path)))
        raise InputError(f"corpus paths must be file or folder paths, got a {type(odd).__name__}",
                         fix="for papers held in memory use kg.extract_papers(papers), then kg.build_graph(items) "
                             "and kg.render(graph, 'graph.html'); or write them to a JSONL file and build from it")
    return paths


def save_graph(graph: nx.DiGraph, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(json_graph.node_link_data(graph, edges="edges"), ensure_ascii=False), encoding="utf-8")


def load_graph(workdir: str | Path = DEFAULT_WORKDIR) -> nx.DiGraph:
    """The graph the last `kg build` saved in ``workdir``."""
    path = Path(workdir) / "graph.json"
    if not path.exists():
        raise InputError(f"no graph at {path}", fix="run kg.build(workdir=...) first, or pass the workdir it wrote",
                         cli_fix="run `kg build` first (or pass --workdir where it wrote); after `kg extract --out FILE.jsonl`, "
                         "pass the FILE.jsonl files instead")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return json_graph.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(f"{path} is not a graph that `kg build` wrote ({type(err).__name__}: {err})",
                         fix="rebuild it with `kg build` (without --append), or remove it") from err


_FOLLOWING = "graph.json.follows-store"  # marks a load that is to rewrite graph.json from the store when done


def holds_the_saved_graph(store, workdir: str | Path) -> bool:
    """Whether ``store`` holds as many nodes of each label, and relationships, as ``workdir``'s graph.json
    (as after ``kg build``), or a load that was to rewrite graph.json from it stopped before it could
    (see :func:`follow_store`); False where graph.json is missing or unreadable."""
    workdir = Path(workdir)
    if (workdir / _FOLLOWING).exists():
        return True
    if not (workdir / "graph.json").exists():
        return False
    try:
        saved = graph_summary(load_graph(workdir))
    except InputError:
        return False  # kg load of shards never needed graph.json: an unreadable one is left to kg build
    del saved["families_only"]
    return store.counts() == {key: n for key, n in saved.items() if n or key == "relationships"}


def follow_store(workdir: str | Path) -> None:
    """Mark ``workdir``'s graph.json as to be rewritten from the store, so that a load interrupted before
    :func:`save_store_graph` still rewrites it when run again."""
    (Path(workdir) / _FOLLOWING).touch()


def save_store_graph(store, workdir: str | Path) -> nx.DiGraph:
    """Write ``workdir``/graph.json afresh from what ``store`` holds (after ``kg load`` added shards
    to a built workdir's store), so that what reads graph.json sees the store; the graph written."""
    graph = store.to_graph()
    path = Path(workdir) / "graph.json"
    pending = path.with_name("graph.json.pending")
    save_graph(graph, pending)
    os.replace(pending, path)
    (Path(workdir) / _FOLLOWING).unlink(missing_ok=True)
    return graph


def graph_summary(graph: nx.DiGraph) -> dict[str, int]:
    """Nodes per label, relationships, and ``families_only``: entity nodes no paper names
    directly, only as the family of a variant it names (Qwen2 for Qwen2-72B-Instruct)."""
    counts: dict[str, int] = {"families_only": 0}
    for _, data in graph.nodes(data=True):
        counts[data["label"]] = counts.get(data["label"], 0) + 1
        counts["families_only"] += data.get("support") == 0
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
    workers: int | None = None,
) -> BuildResult:
    """Run the whole pipeline; write graph.json, the embedded store and graph.html under ``workdir``.

    ``append=False`` replaces what the store held; ``append=True`` merges into it.
    """
    workdir = Path(workdir)
    _check_workdir(workdir)
    # read first: a graph.json that cannot be read stops the build before anything changes,
    # and the names it holds are the ones appended papers join
    had_graph = (workdir / "graph.json").exists()
    previous = load_graph(workdir) if append and had_graph else None
    reader = CorpusReader(default_paths(paths))
    papers = [reader.merged(paper) for paper in reader.first_copies()]  # each paper's latest revision
    report = reader.report()  # the whole input is read: the report is final before extraction
    _stage(f"read {counted(report.records, 'record')} in {counted(len(report.files), 'file')}: {counted(report.papers, 'paper')} "
           f"to extract, {counted(report.duplicates, 'duplicate')} merged, {report.rejected} rejected", progress)
    names, coined = CorpusNames(), CoinedNames()
    if previous is not None:
        replacing = {paper.id for paper in papers}
        names.add_known(known_entities(previous, replacing=replacing))
        for entity_type, name, forms in coined_entities(previous, replacing=replacing):
            coined.add_coined(entity_type, name, forms)
    items = list(extract_corpus(papers, workers=workers or default_workers(),
                                progress=progress, total=len(papers), names=names, coined=coined))
    if not items:
        raise InputError(nothing_parsed(report), fix=f"fix or replace the input; {workdir} was left as it was")
    warn_of_rejects(report)
    graph = build_graph(items)
    notes: list[str] = []
    # a long form the new papers define joins its short form's node in the graph they join too
    folded = fold_entities(previous, names.long_to_key, incoming=graph) if previous is not None else []
    outputs = {"graph": str(workdir / "graph.json")}
    # graph.json, the HTML and `kg load` must show what the store holds after an append, not this batch
    shown = merge_graphs(previous, graph) if previous is not None else graph
    # graph.json is written aside first and takes its place only once the store holds the same
    # graph: an interrupted or failed build leaves the store and graph.json as they were, in step
    pending = workdir / "graph.json.pending"
    try:
        save_graph(shown, pending)
    except OSError as err:  # a full disk, a quota: one line, and nothing left half written
        pending.unlink(missing_ok=True)
        raise InputError(f"cannot write {pending}: {err.strerror or err}",
                         fix=f"free space on that disk, or pass --workdir on another; {workdir} was left as it was") from err
    try:
        if store:
            from .store import DEFAULT_BATCH_SIZE, EmbeddedStore

            _stage(f"store: loading {counted(graph.number_of_nodes(), 'node')} and "
                   f"{counted(graph.number_of_edges(), 'relationship')} into {workdir / 'store'}", progress)
            with _restored_on_failure(workdir / "store"):
                with EmbeddedStore(workdir / "store") as db:
                    if not append:
                        db.clear()
                    db.fold(folded)
                    db.load(graph, batch_size=batch_size or DEFAULT_BATCH_SIZE)
            outputs["store"] = str(workdir / "store")
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    os.replace(pending, workdir / "graph.json")
    (workdir / _FOLLOWING).unlink(missing_ok=True)  # graph.json and the store agree again
    graph = shown
    if append and previous is None:
        notes.append(f"append: {workdir} held no graph.json to append to; graph.json and the HTML show only these "
                     f"{len(items)} papers")
    if had_graph and not append:
        notes.append(f"replaced: the graph {workdir} held before (kg build --append adds papers to it instead)")
    if previous is not None:
        joined = f"; {len(folded)} of its entities folded into the nodes their names now map to" if folded else ""
        notes.append(f"append: {counted(len(items), 'paper')} merged into the graph already in {workdir}{joined}")
    if html:
        from . import viz

        (workdir / "graph.html").unlink(missing_ok=True)  # interrupted from here on, no page shows the old graph
        _stage(f"html: drawing {workdir / 'graph.html'}", progress)
        result = viz.render(graph, workdir / "graph.html")
        outputs["html"] = str(result.path)
        if result.message:
            notes.append(f"html: {result.message}")
    elif (workdir / "graph.html").exists():
        # an earlier build's page would show a graph this build replaced
        (workdir / "graph.html").unlink()
        notes.append(f"html: removed the earlier {workdir / 'graph.html'}, which showed the graph before this build; "
                     "kg viz draws the new one")
    return BuildResult(graph, report, items, outputs, tuple(notes))
