"""The embedded FalkorDB store: starts for real, persists, never outlives its owner."""

import os
import shutil
import subprocess
import sys

import pytest

from kg.errors import StoreError, StoreUnavailable
from kg.store import EmbeddedStore


def test_persists_across_restarts_and_stops_its_server(tmp_path):
    with EmbeddedStore(tmp_path) as store:
        store.write("CREATE (:Paper {key: $key, title: $title})", {"key": "p-1", "title": "T"})
        pid = store._process.pid
    assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read().lower()
    assert not (tmp_path / "server.pid").exists()
    with EmbeddedStore(tmp_path) as store:
        assert store.read("MATCH (p:Paper) RETURN p.title AS title") == [{"title": "T"}]


def test_nodes_come_back_with_labels_and_relationships_with_their_type(tmp_path):
    with EmbeddedStore(tmp_path) as store:
        store.write("CREATE (:Paper {key: 'p'})-[:EVALUATES_ON {role: 'used'}]->(:Dataset {key: 'd'})")
        [row] = store.read("MATCH (p:Paper)-[r]->(d) RETURN p, r, d")
    assert row == {"p": {"_labels": ["Paper"], "key": "p"}, "r": {"_type": "EVALUATES_ON", "role": "used"},
                   "d": {"_labels": ["Dataset"], "key": "d"}}


def test_read_mode_rejects_writes(tmp_path):
    with EmbeddedStore(tmp_path) as store:
        with pytest.raises(StoreError):
            store.read("CREATE (:Paper {key: 'x'})")


def test_second_store_on_same_folder_is_refused(tmp_path):
    with EmbeddedStore(tmp_path):
        with pytest.raises(StoreUnavailable, match="this program already has") as raised:
            EmbeddedStore(tmp_path)  # its own server: no advice to kill it
        assert "store=db" in str(raised.value) and "kill" not in str(raised.value)
    # another program holding it open until its input closes
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from kg.store import EmbeddedStore; "
                               f"s = EmbeddedStore({str(tmp_path)!r}); print('open', flush=True); sys.stdin.read(); s.close()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreUnavailable, match=f"another paper-kg command \\(pid {holder.pid}\\) .* `kill {holder.pid}`"):
            EmbeddedStore(tmp_path)  # the command that holds it, not its server: killing that would fail the command
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0


def test_stale_pidfile_is_cleared(tmp_path):
    (tmp_path / "server.pid").write_text("999999")
    with EmbeddedStore(tmp_path) as store:
        assert store.read("RETURN 1 AS one") == [{"one": 1}]


def test_unwritable_folder_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:
        target = "/proc/kg-cannot-write-here"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "store"
    with pytest.raises(StoreUnavailable, match="not writable .*to query a store on a read-only disk, copy it first"):
        EmbeddedStore(target)


def test_server_dies_with_a_killed_parent(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import sys, time\n"
        "from kg.store import EmbeddedStore\n"
        f"s = EmbeddedStore({str(tmp_path)!r})\n"
        "print(s._process.pid, s._socket_dir, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    server, socket_dir = parent.stdout.readline().split()
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    try:
        while time.monotonic() < deadline:
            try:
                state = open(f"/proc/{server}/stat").read().split()[2]
            except FileNotFoundError:
                return
            if state == "Z":
                return
            time.sleep(0.05)
        raise AssertionError(f"server {server} outlived its killed parent")
    finally:  # a killed parent cleans up nothing: the test removes the socket's folder it left
        shutil.rmtree(socket_dir, ignore_errors=True)


TRICKY_STRINGS = [
    'say "hi"', "back\\slash", "ends with \\", 'escaped \\"quote\\"', "new\nline\r\n", "tab\there", "it's",
    "LaTeX \\mathcal{O} and \\url{x}", "unicode é ü 中文 😀", "control \x01 char", '"key": lookalike', "",
    "`backtick`", "\u2028 separator",
]


def test_parameters_round_trip_through_the_server(tmp_path):
    rows = [{"key": f"k{i}", "props": {"text": s, "list": [s, "x"]}} for i, s in enumerate(TRICKY_STRINGS)]
    with EmbeddedStore(tmp_path) as store:
        store.write("UNWIND $rows AS row CREATE (n:Paper {key: row.key}) SET n += row.props", {"rows": rows})
        back = store.read("MATCH (n:Paper) RETURN n.key AS key, n.text AS text, n.list AS list ORDER BY n.key")
        assert {r["key"]: r["text"] for r in back} == {r["key"]: r["props"]["text"] for r in rows}
        assert all(r["list"] == [r["text"], "x"] for r in back)
        mixed = [TRICKY_STRINGS, None, 1.5, -2, True, {"nested": "map"}]
        assert store.read("RETURN $v AS v", {"v": mixed})[0]["v"] == mixed


def test_pipelined_batches_land_in_order_and_an_error_stops_the_load(tmp_path):
    rows = [{"key": f"p-{i}", "props": {"title": f"T{i}"}, "sources": []} for i in range(7)]
    merge = "UNWIND $rows AS row MERGE (n:Paper {key: row.key}) SET n += row.props"
    seen = []
    with EmbeddedStore(tmp_path / "s") as store:
        sent = store.write_batches([(merge, rows[:3]), (merge, rows[3:6]), (merge, rows[6:])], progress=seen.append)
        assert sent == 3 and seen == [3, 3, 1]
        assert store.read("MATCH (p:Paper) RETURN count(p) AS n") == [{"n": 7}]
        broken = "UNWIND $rows AS row MERGE (n:Paper {key: row.key}) SET n.x = 1 / 0"
        with pytest.raises(StoreError):
            store.write_batches([(merge, rows[:1]), (broken, rows[:1]), (merge, rows[:1])])
        # the connection that held unread replies was dropped: the next statement gets its own answer
        assert store.read("MATCH (p:Paper) RETURN count(p) AS n") == [{"n": 7}]


_SILENT_SERVER = """#!{python}
import socket, sys, time
path = sys.argv[sys.argv.index("--unixsocket") + 1]
s = socket.socket(socket.AF_UNIX); s.bind(path); s.listen(5)
conns = [s.accept()[0] for _ in range(3)]  # takes connections, answers nothing
time.sleep(60)
"""


def test_a_server_that_hangs_at_start_is_started_afresh(tmp_path, monkeypatch):
    import sys

    from kg.store import embedded

    fake = tmp_path / "silent-server"
    fake.write_text(_SILENT_SERVER.format(python=sys.executable))
    fake.chmod(0o755)
    real = embedded.server_binaries()
    starts = []

    def binaries():
        starts.append(1)
        return (str(fake), real[1]) if len(starts) == 1 else real  # the first start hangs, the second works

    monkeypatch.setattr(embedded, "server_binaries", binaries)
    monkeypatch.setattr(embedded, "_READY_TIMEOUT_S", 0.5)
    with embedded.EmbeddedStore(tmp_path / "store") as store:
        assert store.read("RETURN 1 AS one") == [{"one": 1}]
    assert len(starts) == 2

    monkeypatch.setattr(embedded, "server_binaries", lambda: (str(fake), real[1]))
    with pytest.raises(StoreUnavailable, match="never answered"):
        embedded.EmbeddedStore(tmp_path / "store2")


def test_a_server_that_answers_the_ping_but_hangs_on_its_first_query_is_started_afresh(tmp_path, monkeypatch):
    """Seen under two test workers: a server answered the ping, then held its first graph query
    until the 10-minute query timeout. The first query now has the start-up deadline; here the
    first real server's first query is made to time out as that one did."""
    from redis.exceptions import TimeoutError as RedisTimeoutError

    from kg.store import embedded

    starts, first_queries = [], []
    real_binaries, real_select = embedded.server_binaries, embedded.EmbeddedStore._select_graph

    def binaries():
        starts.append(1)
        return real_binaries()

    def select(store):
        first_queries.append(len(starts))
        if len(starts) == 1:
            raise RedisTimeoutError("Timeout reading from socket")
        real_select(store)

    monkeypatch.setattr(embedded, "server_binaries", binaries)
    monkeypatch.setattr(embedded.EmbeddedStore, "_select_graph", select)
    with embedded.EmbeddedStore(tmp_path / "store") as store:
        store.write("CREATE (:Paper {key: 'p-1'})")
        assert store.read("MATCH (p:Paper) RETURN p.key AS key") == [{"key": "p-1"}]
    assert (len(starts), first_queries) == (2, [1, 2])


def test_a_store_another_program_holds_is_read_through_its_server_and_never_written(tmp_path, capsys):
    from kg.cli import main
    from kg.store import AttachedStore, open_built_store

    store_dir = tmp_path / "store"
    with EmbeddedStore(store_dir) as store:  # a built store: its snapshot is on disk
        store.write("CREATE (:Paper {key: 'p-1', title: 'Held Paper'})")
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from kg.store import EmbeddedStore; "
                               f"s = EmbeddedStore({str(store_dir)!r}); print('open', flush=True); sys.stdin.read(); "
                               "print(s.read('MATCH (p:Paper) RETURN count(p) AS n')[0]['n'], flush=True); s.close()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreUnavailable, match=f"pid {holder.pid}"):
            open_built_store(tmp_path)  # a command that may write is still refused
        with open_built_store(tmp_path, read_only=True) as attached:
            assert isinstance(attached, AttachedStore) and attached.owner == holder.pid
            assert attached.read("MATCH (p:Paper) RETURN p.title AS t") == [{"t": "Held Paper"}]
            with pytest.raises(StoreUnavailable, match="only reads"):
                attached.write("CREATE (:Paper {key: 'p-2'})")
        assert main(["cypher", "MATCH (p:Paper) RETURN p.key AS key", "--workdir", str(tmp_path), "--json"]) == 0
        out, err = capsys.readouterr()
        assert '"p-1"' in out and f"open in process {holder.pid}" in err
    finally:
        holder.stdin.close()
        assert holder.stdout.readline().strip() == "1"  # its server outlived the readers, unchanged
        assert holder.wait(timeout=60) == 0
    assert not (store_dir / "server.sock").exists()


def test_kg_query_reads_a_store_this_program_holds_open(tmp_path):
    import kg

    store_dir = tmp_path / "store"
    with EmbeddedStore(store_dir) as store:
        store.write("CREATE (:Paper {key: 'p-1', title: 'Own Paper'})")
    with kg.open_built_store(tmp_path) as db:
        assert kg.cypher("MATCH (p:Paper) RETURN p.title AS t", workdir=tmp_path) == [{"t": "Own Paper"}]
        assert db.read("MATCH (p:Paper) RETURN count(p) AS n") == [{"n": 1}]  # still open, still its own
