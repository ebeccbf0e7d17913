"""The one interface every graph store implements, and the batched loader on top of it.

A store knows how to run one statement (read or write) and its own schema dialect;
everything else (which statements, in which order, in which batches) lives here, so the
embedded store and Neo4j load the same graph the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from ..batches import batched, fewer_gc_passes
from ..fulltext import SEARCH_PROPERTY
from ..graph import EMPTY_MENTION, EMPTY_NODE, ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES, build_graph
from ..normalise import entity_key
from ..records import PaperEntities
from . import statements
from .rows import node_rows, relationship_rows

__all__ = ["Store", "Rows", "LoadReport", "DEFAULT_BATCH_SIZE"]

DEFAULT_BATCH_SIZE = 500


@dataclass(frozen=True)
class LoadReport:
    nodes: int
    relationships: int
    batches: int


class Rows(list):
    """The rows a query returned (dicts keyed by column), and its ``columns`` in RETURN order,
    which a query with no rows still has (CSV output prints them as its header).

    >>> rows = Rows([], ["paper", "score"])
    >>> rows == [], rows.columns
    (True, ['paper', 'score'])
    """

    def __init__(self, rows=(), columns=()):
        super().__init__(rows)
        self.columns = list(columns)


class Store(ABC):
    """A graph store reachable with Cypher.  Use it as a context manager."""

    name = "store"

    @abstractmethod
    def read(self, cypher: str, params: dict | None = None) -> list[dict]:
        """Run a query in read-only mode; rows as dicts keyed by the RETURN column names
        (a :class:`Rows`, which also knows the columns when there are no rows)."""

    @abstractmethod
    def write(self, cypher: str, params: dict | None = None) -> None:
        """Run one write statement in its own (managed, retried) transaction."""

    @abstractmethod
    def schema_statements(self) -> list[str]:
        """Constraints and indexes in this store's dialect, safe to run repeatedly."""

    def setup_schema(self) -> None:
        for statement in self.schema_statements():
            self.write(statement)

    def close(self) -> None:
        """Release the connection (and stop the server for embedded stores)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def load(
        self,
        graph: nx.DiGraph,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
        finishing: Callable[[], None] | None = None,
    ) -> LoadReport:
        """Write the graph in batches (nodes and VARIANT_OF MERGEd; a paper's relationships CREATEd
        after its node's row deleted its old ones); re-running converges to the same graph.
        ``finishing`` is called once the rows are written, before support is recounted."""
        self.setup_schema()
        with fewer_gc_passes():
            batches = self._write_graph(graph, batch_size, progress)
        if finishing:
            finishing()
        self._finish_load()
        return LoadReport(graph.number_of_nodes(), graph.number_of_edges(), batches)

    def load_items(
        self,
        items: Iterable[PaperEntities],
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
        papers_per_round: int = 5_000,
        finishing: Callable[[], None] | None = None,
    ) -> LoadReport:
        """Load a stream of papers a few thousand at a time, so memory stays flat.

        Each round is a small graph of its papers written like :meth:`load`; an entity
        met in several rounds is merged, its aliases unioned, and support is recounted
        from the store once at the end, so the result equals loading the whole graph.
        The report counts rows written: an entity shared by rounds counts once per round.
        """
        self.setup_schema()
        written = [0, 0]

        def rounds() -> Iterator[tuple[str, list[dict]]]:
            for chunk in batched(items, papers_per_round):
                graph = build_graph(chunk)
                written[0] += graph.number_of_nodes()
                written[1] += graph.number_of_edges()
                yield from _graph_batches(graph, batch_size)

        # one stream of batches, in the same order as round by round: a store that pipelines
        # keeps the server busy with one round's last batches while the next round is read
        with fewer_gc_passes():
            batches = self.write_batches(rounds(), progress)
        if finishing:
            finishing()
        self._finish_load()
        return LoadReport(written[0], written[1], batches)

    def known_entities(self, keys: Iterable[str], replacing: Iterable[str] = ()) -> list[tuple[str, str, str, list[str], int, int]]:
        """Stored entities a load of ``keys`` meets, as (type, key, name, aliases, support,
        proposers): those with one of the keys, and those with a long-form alias that keys as
        one of them.  Support and proposers leave out the stored papers the load ``replacing``
        holds again, so loading the same papers twice counts them once.  A store that holds
        nothing answers at once."""
        known = self._known_entities(keys)
        if not known:
            return known
        links: Counter = Counter()
        proposals: Counter = Counter()
        for chunk in batched(sorted(set(replacing)), 10_000):
            for row in self.read(statements.entity_links_of_papers(), {"keys": list(chunk)}):
                links[row["key"]] += 1
                proposals[row["key"]] += bool(row["proposes"])
        return [(t, key, name, aliases, max(0, (support or 0) - links[key]), max(0, (proposers or 0) - proposals[key]))
                for t, key, name, aliases, support, proposers in known]

    def _known_entities(self, keys: Iterable[str]) -> list[tuple[str, str, str, list[str], int, int]]:
        wanted = set(keys)
        found: dict[str, tuple] = {}
        for entity_type, label in ENTITY_LABELS.items():
            prefix = entity_type.lower() + ":"
            mine = sorted(k for k in wanted if k.startswith(prefix))
            rows = [row for chunk in batched(mine, 10_000)
                    for row in self.read(statements.entities_by_key(label), {"keys": list(chunk)})]
            rows += [row for row in self.read(statements.entities_with_long_aliases(label))
                     if any(entity_key(entity_type, a) in wanted for a in row["aliases"])]
            for row in rows:
                found.setdefault(row["key"], (entity_type, row["key"], row["name"], row["aliases"], row["support"], row["proposers"]))
        return list(found.values())

    def fold(self, renames: Iterable[tuple[str, str, str]]) -> None:
        """Fold entity nodes into others, as (label, old key, new key); see
        :func:`kg.graph.fold_entities`.  Support is recounted by the next load."""
        by_label: dict[str, list[dict]] = {}
        for label, old, new in renames:
            by_label.setdefault(label, []).append({"old": old, "new": new})
        for label, rows in by_label.items():
            for statement in statements.fold_entity(label):
                self.write(statement, {"rows": rows})

    def write_batches(self, batches: Iterable[tuple[str, list[dict]]], progress: Callable[[int], None] | None = None) -> int:
        """Run ``UNWIND $rows`` statements, one transaction per batch, in order; the count run.

        Stores that can keep a batch in flight while the next one is built override this.
        """
        count = 0
        for cypher, rows in batches:
            self.write(cypher, {"rows": rows})
            count += 1
            if progress:
                progress(len(rows))
        return count

    def _write_graph(self, graph: nx.DiGraph, batch_size: int, progress) -> int:
        return self.write_batches(_graph_batches(graph, batch_size), progress)

    def _finish_load(self) -> None:
        """Drop what a reloaded paper left unlinked, then recount support from the store."""
        per_label = [statements.delete_orphans(label) for label in LABELS if label != "Paper"]
        for step in zip(*per_label):  # mark families, delete orphans, clear marks: each over every label
            for statement in step:
                self.write(statement)
        for label in ENTITY_LABELS.values():
            self.write(statements.refresh_support(label))

    def to_graph(self) -> nx.DiGraph:
        """What the store holds under paper-kg's labels, in the shape :func:`kg.graph.build_graph`
        gives (what graph.json keeps): the properties only a store keeps for its lookups left out,
        and those a store drops when empty put back as None or []."""
        graph = nx.DiGraph()
        for label in LABELS:
            rows = self.read(f"MATCH (n:{label}) RETURN properties(n) AS props ORDER BY n.key")
            defaults = EMPTY_NODE.get(label, EMPTY_NODE["entity"])
            for row in rows:
                props = {k: v for k, v in row["props"].items() if k not in _STORE_ONLY}
                graph.add_node(props["key"], label=label, **{**defaults, **props})
        rows = self.read("MATCH (a)-[r]->(b) WHERE type(r) IN $types "  # not another program's relationships
                         "RETURN a.key AS source, b.key AS target, type(r) AS type, properties(r) AS props "
                         "ORDER BY source, type, target", {"types": sorted(RELATIONSHIP_TYPES)})
        for row in rows:
            if row["source"] in graph and row["target"] in graph:
                defaults = {} if row["type"] in ("RELEASES_CODE", "VARIANT_OF") else EMPTY_MENTION
                graph.add_edge(row["source"], row["target"], type=row["type"], **{**defaults, **row["props"]})
        return graph

    def counts(self) -> dict[str, int]:
        """Nodes per label and the relationship total, read back from the store."""
        rows = self.read("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n")
        out = {row["label"]: row["n"] for row in rows}
        out["relationships"] = self.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
        return out


# kept by a store for its lookups (kg.store.rows), or for a load's bookkeeping: no part of the graph
_STORE_ONLY = {"name_keys", "lower_names", SEARCH_PROPERTY, "plain_title", "kg_stale"}


def _graph_batches(graph: nx.DiGraph, batch_size: int) -> Iterator[tuple[str, list[dict]]]:
    """Nodes first (relationships MATCH them, and a paper's row deletes the relationships its
    CREATEd ones replace: see statements.merge_relationships), each label and relationship
    kind in batches."""
    for label, rows in node_rows(graph):
        for batch in batched(rows, batch_size):
            yield statements.merge_nodes(label), [{"key": r["key"], "props": r["props"], **r["lists"], **r["replaced"]} for r in batch]
    for (source, rel_type, target), rows in relationship_rows(graph):
        for batch in batched(rows, batch_size):
            yield statements.merge_relationships(source, rel_type, target), batch
