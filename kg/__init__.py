"""paper-kg: a knowledge graph of datasets, models, methods, tasks and metrics from ML abstracts.

>>> import kg
>>> papers, report = kg.read_corpus([kg.BUNDLED_SEEDS])
>>> report.papers, report.duplicates
(712, 65)

A paper made by hand gets the id a reader would give it:

>>> kg.Paper.from_text("MALT: Improving Reasoning", "We propose MALT.").id
'p-9a304fecff55f537'
"""

from __future__ import annotations

from pathlib import Path

from .errors import ExtractionError, InputError, InputWarning, KgError, QueryError, QueryWarning, StoreError, StoreUnavailable, VizError
from .ingest import CorpusReader, Shard, read_corpus
from .records import Paper, PaperEntities
from .store import open_built_store

# name -> (module, attribute), loaded when first used: the pipeline brings in spaCy (most of a
# second), which `kg query` never needs, and the graph and page networkx and pyvis
_LAZY = {
    **{name: (".pipeline", name) for name in ("BUNDLED_SEEDS", "BuildResult", "build", "extract_corpus", "extract_papers",
                                               "extract_to_file", "load_extracted", "load_graph")},
    "build_graph": (".graph", "build_graph"),
    "render": (".viz", "render"),
    "find_node": (".viz.views", "find_node"),
    "export_graph": (".export", "export"),
}

__all__ = [
    "BUNDLED_SEEDS",
    "BuildResult",
    "build",
    "read_corpus",
    "CorpusReader",
    "Shard",
    "Paper",
    "PaperEntities",
    "extract_papers",
    "extract_corpus",
    "extract_to_file",
    "load_extracted",
    "load_graph",
    "build_graph",
    "render",
    "find_node",
    "export_graph",
    "query",
    "cypher",
    "templates",
    "open_built_store",
    "KgError",
    "InputError",
    "QueryError",
    "StoreError",
    "StoreUnavailable",
    "ExtractionError",
    "VizError",
    "QueryWarning",
    "InputWarning",
]


def __getattr__(name: str):
    """The names in ``_LAZY`` load their modules only when first used.

    >>> import kg
    >>> items = kg.extract_papers([kg.Paper.from_text("Zorb: A Model", "We propose Zorb. We evaluate on GSM8k.")])
    >>> graph = kg.build_graph(items)
    >>> sorted(graph.nodes)[:2], kg.find_node(graph, "gsm-8K")
    (['dataset:gsm8k', 'model:zorb'], 'dataset:gsm8k')
    """
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module, __name__), attribute)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)  # the public names, the lazy ones too


def templates() -> dict:
    """The query templates of ``queries/`` by name, each with ``.description`` and ``.params``
    (name, type, default, description), as `kg query --list` shows them.

    >>> import kg
    >>> [p.name for p in kg.templates()["papers_using"].params]
    ['name', 'type', 'limit']
    """
    from .queries import load_templates

    return load_templates()


def query(name: str, params: dict | None = None, *, workdir: str | Path = ".kg", store=None) -> list[dict]:
    """Rows of a named template from ``queries/`` (read-only), from ``store`` or the embedded one.
    Each note `kg query` prints warns here (:class:`QueryWarning`; :mod:`kg.answer_notes`): why a
    name of an empty answer matched nothing (a class the graph keeps out, a name papers write
    that is no node, names spelled like it), rows that fill the template's default limit, rows
    that take in several nodes one entity name names (each with its key, to ask for one), a
    paper text that matches several titles.  A paper asked for by the input id of a copy merged
    into it as a duplicate is answered for, with a warning that says so.  A ``connection`` end that names several nodes
    equally well (two papers' coinages of one name) raises QueryError listing their keys.  Each
    call opens the workdir's store and closes it (a store a program holds open is read through
    that program's server); for many queries open it once:
    ``with kg.open_built_store(".kg") as db: kg.query(..., store=db)``."""
    params = {} if params is None else params
    if store is not None:
        return _query(_checked_store(store), name, params)
    with open_built_store(workdir, read_only=True) as db:
        return _query(db, name, params)


def _checked_store(store):
    if not callable(getattr(store, "read", None)):
        raise QueryError(f"store= takes an open store, got a {type(store).__name__}",
                         fix="pass workdir=PATH, or store=kg.open_built_store(PATH) kept open for many queries")
    return store


def _query(store, name: str, params: dict) -> list[dict]:
    import warnings

    from .answer_notes import PYTHON, answer
    from .queries import get_template

    result = answer(store, get_template(name), params, PYTHON)
    for note in result.notes:
        warnings.warn(note, QueryWarning, stacklevel=3)
    return result.rows


def cypher(text: str, params: dict | None = None, *, workdir: str | Path = ".kg", store=None) -> list[dict]:
    """Rows of your own read-only Cypher; a write raises QueryError (the store's read mode).  A query
    with no rows that names a label or relationship the graph lacks warns (:class:`QueryWarning`)."""
    from .queries import run_cypher

    if store is not None:
        rows = run_cypher(_checked_store(store), text, params)
    else:
        with open_built_store(workdir, read_only=True) as db:
            rows = run_cypher(db, text, params)
    if not rows:  # the likely reason, as `kg cypher` notes it: a misspelt label or a link the graph never draws
        import warnings

        from .cypher_notes import unknown_names

        for note in unknown_names(text, set()):
            warnings.warn(note, QueryWarning, stacklevel=2)
    return rows
