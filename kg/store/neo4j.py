"""Neo4j through the official ``neo4j`` driver: the production store.

Every write runs in a managed transaction (``session.execute_write``), so the driver
retries it on transient failures and lost connections; a retry follows a rolled-back
attempt (a commit of unknown outcome is not retried), and nodes are MERGEd while a paper's
relationships are CREATEd only after its own row has deleted the ones it had, so a retried
batch or a re-run load cannot duplicate anything.  Reads run in
read mode (``session.execute_read``): Neo4j refuses a write there, and a server that
does not (FalkorDB's Bolt listener) is caught by the result counters.

Settings come from the arguments, else the environment (``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), else a ``.env`` file in the working directory
(the one ``docker compose`` reads; ``NEO4J_AUTH=user/password`` is understood too).

>>> resolve_settings("bolt://db:7687", environ={}, dotenv=None)
Settings(uri='bolt://db:7687', user='neo4j', password=None, database=None)
>>> resolve_settings(environ={"NEO4J_AUTH": "neo4j/s3cret-pass"}, dotenv=None).password
's3cret-pass'
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError, StoreError, StoreUnavailable
from ..fulltext import SEARCH_PROPERTY, FullTextQuery
from ..graph import ENTITY_LABELS, LABELS
from .base import Rows, Store

__all__ = [
    "Neo4jStore",
    "Settings",
    "ServerInfo",
    "connect",
    "schema_statements",
    "resolve_settings",
    "check_server_version",
    "translate_error",
    "DEFAULT_URI",
    "MIN_NEO4J_VERSION",
    "FULLTEXT_INDEX",
]

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
MIN_NEO4J_VERSION = (5, 0)
FULLTEXT_INDEX = "paper_search"  # the name query templates pass to db.index.fulltext.queryNodes
_OLD_FULLTEXT_INDEX = "paper_text"  # earlier versions' index, over the raw title and abstract
_ENV_KEYS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_AUTH")
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_URI_FIX = "use bolt://HOST:7687 (one server) or neo4j://HOST:7687 (cluster); add +s for TLS, e.g. neo4j+s://"
_START_FIX = "start it with `docker compose up -d --wait` (see .env.example), or point --neo4j / NEO4J_URI at a running server"

# Statements this module sends besides the schema and the shared loader statements;
# tests/test_cypher_lint.py checks them with Neo4j's own parser.
PROBE_COMPONENTS = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"
# Deletes in bounded transactions (one huge DETACH DELETE can exhaust Neo4j's memory), and
# only paper-kg's labels, so other data in the same database survives.
CLEAR_BATCH = (
    "MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels) "
    "WITH n LIMIT $limit DETACH DELETE n"
)


@dataclass(frozen=True)
class Settings:
    uri: str
    user: str | None
    password: str | None
    database: str | None


def _read_dotenv(path: Path) -> dict[str, str]:
    """NEO4J_* keys of a docker-compose style .env file (KEY=VALUE, # comments, optional quotes).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / ".env"
    >>> _ = p.write_text("# local\\nNEO4J_AUTH='neo4j/pw-123456'\\nOTHER=x\\nexport NEO4J_URI=bolt://h:1\\n")
    >>> _read_dotenv(p)
    {'NEO4J_AUTH': 'neo4j/pw-123456', 'NEO4J_URI': 'bolt://h:1'}
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("export "):
            line = line[len("export "):].strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = (part.strip() for part in line.split("=", 1))
        if key in _ENV_KEYS:
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            out[key] = value
    return out


def resolve_settings(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    dotenv: str | os.PathLike | None = ".env",
) -> Settings:
    """Arguments win, then the environment, then ``.env``; ``NEO4J_AUTH`` fills user/password.

    >>> resolve_settings(environ={"NEO4J_URI": "neo4j://x:7687", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p"}, dotenv=None)
    Settings(uri='neo4j://x:7687', user='u', password='p', database=None)
    >>> resolve_settings(user="me", environ={"NEO4J_AUTH": "neo4j/pw-123456"}, dotenv=None).user
    'me'
    """
    env = dict(environ if environ is not None else os.environ)
    file_values = _read_dotenv(Path(dotenv)) if dotenv else {}
    values = {**file_values, **{k: v for k, v in env.items() if k in _ENV_KEYS and v != ""}}
    auth_user = auth_password = None
    auth = values.get("NEO4J_AUTH")
    if auth and auth.lower() != "none" and "/" in auth:
        auth_user, auth_password = auth.split("/", 1)
    return Settings(
        uri=uri or values.get("NEO4J_URI") or DEFAULT_URI,
        user=user or values.get("NEO4J_USER") or auth_user or DEFAULT_USER,
        password=password if password is not None else values.get("NEO4J_PASSWORD", auth_password),
        database=database or values.get("NEO4J_DATABASE") or None,
    )


@dataclass(frozen=True)
class ServerInfo:
    """What the server said about itself.

    ``agent`` is the Bolt greeting (FalkorDB's Bolt listener also calls itself "Neo4j/5.13.0",
    so it proves nothing); ``product`` comes from ``dbms.components()``, which only Neo4j has.
    """

    agent: str
    protocol: tuple[int, int]
    product: str | None = None
    version: str | None = None
    edition: str | None = None

    @property
    def is_neo4j(self) -> bool:
        return bool(self.product and self.product.lower().startswith("neo4j"))

    def describe(self) -> str:
        if self.is_neo4j:
            return f"Neo4j {self.version} {self.edition or ''}".strip()
        return f"a Bolt server announcing itself as {self.agent!r} (not Neo4j: it has no dbms.components())"


def _version_tuple(text: str | None) -> tuple[int, ...] | None:
    match = re.search(r"(\d+)\.(\d+)", text or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def check_server_version(info: ServerInfo, uri: str = "") -> None:
    """Refuse Neo4j older than 5 (the schema statements and templates use Neo4j 5 Cypher).

    >>> check_server_version(ServerInfo("Neo4j/5.26.0", (5, 6), "Neo4j Kernel", "5.26.0", "community"))
    >>> check_server_version(ServerInfo("Neo4j/2025.04.0", (5, 8), "Neo4j Kernel", "2025.04.0", "community"))
    >>> check_server_version(ServerInfo("Neo4j/4.4.12", (4, 4), "Neo4j Kernel", "4.4.12", "community"))
    Traceback (most recent call last):
    ...
    kg.errors.StoreUnavailable: Neo4j 4.4.12 is too old for paper-kg (needs 5.0 or newer) (fix: upgrade the server, or run the bundled one: `docker compose up -d --wait` starts Neo4j 5)
    """
    version = _version_tuple(info.version if info.is_neo4j else None) or _version_tuple(info.agent)
    if info.agent.lower().startswith("neo4j/") or info.is_neo4j:
        if version is not None and version < MIN_NEO4J_VERSION:
            shown = info.version or info.agent.split("/", 1)[-1]
            raise StoreUnavailable(
                f"Neo4j {shown}{' at ' + uri if uri else ''} is too old for paper-kg "
                f"(needs {'.'.join(map(str, MIN_NEO4J_VERSION))} or newer)",
                fix="upgrade the server, or run the bundled one: `docker compose up -d --wait` starts Neo4j 5",
            )


def _one_line(text: object, limit: int = 200) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


_UNKNOWN_CODE = "Neo.DatabaseError.General.UnknownError"  # the driver's placeholder
_NO_SUCH_PROCEDURE = "Neo.ClientError.Procedure.ProcedureNotFound"


def _error_code(err: BaseException) -> str:
    """Neo4j's status code; FalkorDB's Bolt listener sends its own code, kept in metadata."""
    code = getattr(err, "code", None) or ""
    if code in ("", _UNKNOWN_CODE):
        metadata = getattr(err, "metadata", None) or {}
        code = metadata.get("code") or code
    return str(code)


_REASON = re.compile(r"\(reason (?:\[Errno -?\d+\] )?([^()]*)\)")


def _unreachable_reason(err: Exception) -> str:
    """The driver's own reason ("Connection refused"), without its resolved-address internals.

    >>> _unreachable_reason(Exception("Couldn't connect to localhost:7687 (resolved to ('127.0.0.1:7687',)): Failed to "
    ...     "establish connection to ResolvedIPv4Address(('127.0.0.1', 7687)) (reason [Errno 111] Connection refused)"))
    'Connection refused'
    """
    found = _REASON.findall(" ".join(str(err).split()))  # the whole message: a host may resolve to two addresses
    return _one_line(found[-1]) if found else _one_line(err)


def translate_error(err: Exception, settings: Settings, *, action: str = "query") -> KgError:
    """A driver exception -> one KgError with a one-line fix.

    >>> from neo4j.exceptions import ServiceUnavailable
    >>> s = Settings("bolt://localhost:1", "neo4j", None, None)
    >>> print(translate_error(ServiceUnavailable("Couldn't connect\\n(reason refused)"), s))
    cannot reach Neo4j at bolt://localhost:1 (refused) (fix: start it with `docker compose up -d --wait` (see .env.example), or point --neo4j / NEO4J_URI at a running server)
    """
    from neo4j import exceptions as ex

    if isinstance(err, KgError):
        return err
    code = _error_code(err)
    uri, user, database = settings.uri, settings.user, settings.database
    if isinstance(err, ex.UnsupportedServerProduct):
        return StoreUnavailable(
            f"the server at {uri} speaks no Bolt version this driver supports (Neo4j older than 4.4, or not Neo4j)",
            fix="use Neo4j 5 or newer, e.g. `docker compose up -d --wait`",
        )
    if isinstance(err, ex.AuthError) or code.endswith("Security.Unauthorized") or code.endswith("Security.AuthenticationRateLimit"):
        if code.endswith("AuthenticationRateLimit"):
            return StoreUnavailable(
                f"Neo4j at {uri} locked user '{user}' after failed logins",
                fix="wait a few seconds, then retry with the right NEO4J_USER / NEO4J_PASSWORD",
            )
        missing = " (no password was given)" if settings.password is None else ""
        return StoreUnavailable(
            f"Neo4j at {uri} rejected the credentials for user '{user}'{missing}",
            fix="set NEO4J_USER / NEO4J_PASSWORD (or --user / --password) to the account in NEO4J_AUTH (.env)",
        )
    if code == "Neo.ClientError.Database.DatabaseNotFound" or isinstance(err, getattr(ex, "DatabaseNotFound", ())):
        return StoreUnavailable(
            f"Neo4j at {uri} has no database '{database}'",
            fix="pass --database neo4j / unset NEO4J_DATABASE (Community Edition has only `neo4j`), "
            "or create it first: CREATE DATABASE name (Enterprise)",
        )
    if isinstance(err, ex.DatabaseUnavailable) or code == "Neo.TransientError.General.DatabaseUnavailable":
        return StoreUnavailable(
            f"database '{database or 'default'}' at {uri} is not available (starting, stopped or offline)",
            fix="wait until it is online (`SHOW DATABASES` in cypher-shell), then retry",
        )
    if code in ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Security.Forbidden") or isinstance(
        err, (ex.Forbidden, ex.ForbiddenOnReadOnlyDatabase)
    ):
        if action == "read":
            return StoreError("the query tried to write, but queries run read-only", fix="use a read-only query (MATCH ... RETURN)")
        return StoreError(
            f"Neo4j at {uri} refused the write: {_one_line(getattr(err, 'message', err))}",
            fix=f"give user '{user}' write access to the database, or use a writable database",
        )
    if isinstance(err, (ex.ServiceUnavailable, ex.SessionExpired, ex.ConnectionAcquisitionTimeoutError)):
        return StoreUnavailable(f"cannot reach Neo4j at {uri} ({_unreachable_reason(err)})", fix=_START_FIX)
    if isinstance(err, ex.ConfigurationError) or isinstance(err, ValueError):
        return StoreUnavailable(f"cannot use Neo4j URI {uri!r} ({_one_line(err)})", fix=_URI_FIX)
    if isinstance(err, ex.Neo4jError):
        detail = _one_line(getattr(err, "message", None) or err)
        what = "query" if action == "read" else "write"
        return StoreError(f"Neo4j rejected the {what} ({code}): {detail}", fix="check the Cypher and its parameters")
    if isinstance(err, ex.DriverError):
        return StoreError(f"Neo4j driver error: {_one_line(err)}", fix="retry; if it persists, check the server log")
    return StoreError(f"unexpected error talking to Neo4j: {_one_line(err)}")


def _plain(value):
    """Driver graph objects -> plain dicts (like the embedded store), so rows print and serialise."""
    from neo4j.graph import Node, Path as GraphPath, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"_type": value.type, **dict(value)}
    if isinstance(value, GraphPath):
        return [_plain(v) for v in (value.nodes[0], *(x for r in value.relationships for x in (r, r.end_node)))]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time.Date/DateTime/Duration
        return value.iso_format()
    return value


def schema_statements() -> list[str]:
    """Neo4j 5 schema, all ``IF NOT EXISTS``: a uniqueness constraint on ``key`` per label (it
    also backs MERGE's lookup), a range index on ``name`` per entity label, and the full-text
    index the query templates search.  It holds each paper's ``search_text`` (see
    :mod:`kg.fulltext`), as the embedded store's does; the index an earlier version made over
    the raw title and abstract, under another name, is dropped.

    >>> for s in schema_statements()[:1] + schema_statements()[-2:]: print(s)
    CREATE CONSTRAINT paper_key IF NOT EXISTS FOR (n:Paper) REQUIRE n.key IS UNIQUE
    DROP INDEX paper_text IF EXISTS
    CREATE FULLTEXT INDEX paper_search IF NOT EXISTS FOR (n:Paper) ON EACH [n.search_text]
    """
    out = [
        f"CREATE CONSTRAINT {label.lower()}_key IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"
        for label in LABELS
    ]
    out += [
        f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)"
        for label in (*ENTITY_LABELS.values(), "Repository")
    ]
    out.append(f"DROP INDEX {_OLD_FULLTEXT_INDEX} IF EXISTS")
    out.append(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Paper) ON EACH [n.{SEARCH_PROPERTY}]")
    return out


class Neo4jStore(Store):
    """A Neo4j database through the official driver; ``with connect() as store: ...``.

    ``schema``: True runs the Neo4j schema statements before a load, False never does,
    None (default) runs them only when the server is really Neo4j (``dbms.components()``
    answers), so Bolt servers that are not Neo4j, such as FalkorDB's, can be loaded too.

    Timeouts are settings: ``connection_timeout`` (TCP connect), ``acquisition_timeout``
    (waiting for a pooled connection, which bounds a hung handshake) and ``max_retry_time``
    (how long the driver keeps retrying a managed transaction).
    """

    name = "neo4j"

    def __init__(
        self,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        *,
        schema: bool | None = None,
        connection_timeout: float = 10.0,
        acquisition_timeout: float = 30.0,
        max_retry_time: float = 30.0,
        index_wait_s: int = 300,
    ):
        import neo4j

        self.settings = resolve_settings(uri, user, password, database)
        self._neo4j = neo4j
        self._index_wait_s = index_wait_s
        self._schema_done = False
        self.schema_note: str | None = None
        scheme = self.settings.uri.split("://", 1)[0].lower() if "://" in self.settings.uri else ""
        if scheme not in _SCHEMES:
            # The driver also speaks HTTP (a preview), but paper-kg relies on Bolt transactions.
            raise StoreUnavailable(f"{self.settings.uri!r} is not a Bolt URI", fix=_URI_FIX)
        auth = (self.settings.user, self.settings.password) if self.settings.password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.settings.uri,
                auth=auth,
                connection_timeout=connection_timeout,
                connection_acquisition_timeout=acquisition_timeout,
                max_transaction_retry_time=max_retry_time,
                user_agent="paper-kg",
            )
        except Exception as err:
            raise translate_error(err, self.settings, action="connect") from None
        # One driver (one connection pool) for the store's lifetime; sessions are cheap and
        # share this bookmark manager, so a read after a write sees it, even in a cluster.
        self._bookmarks = neo4j.GraphDatabase.bookmark_manager()
        try:
            self.server = self._probe()
            check_server_version(self.server, self.settings.uri)
        except BaseException:
            self.close()
            raise
        self._schema = self.server.is_neo4j if schema is None else schema
        if not self._schema:
            self.schema_note = f"schema statements skipped: the server is {self.server.describe()}"

    # -- connection ----------------------------------------------------------
    def _session(self, mode: str):
        access = self._neo4j.READ_ACCESS if mode == "read" else self._neo4j.WRITE_ACCESS
        return self._driver.session(
            database=self.settings.database, default_access_mode=access, bookmark_manager=self._bookmarks
        )

    def _probe(self) -> ServerInfo:
        """Connect once (fail fast, with a clear error) and find out what the server is."""
        try:
            self._driver.verify_connectivity()
            info = self._driver.get_server_info()
        except Exception as err:
            raise translate_error(err, self.settings, action="connect") from None
        agent, protocol = str(info.agent), tuple(info.protocol_version)
        try:
            with self._session("read") as session:
                rows = session.execute_read(lambda tx: tx.run(PROBE_COMPONENTS).data())
        except self._neo4j.exceptions.Neo4jError as err:
            # Every Neo4j has dbms.components(); a server that lacks it (or answers with a
            # code outside Neo4j's "Neo.*" scheme, as FalkorDB does) is not Neo4j.  Any other
            # Neo4j error (missing database, database starting, ...) is reported as such.
            code = _error_code(err)
            if code.startswith("Neo.") and code not in (_NO_SUCH_PROCEDURE, _UNKNOWN_CODE):
                raise translate_error(err, self.settings, action="connect") from None
            return ServerInfo(agent, protocol)
        except Exception as err:
            raise translate_error(err, self.settings, action="connect") from None
        kernel = next((r for r in rows if str(r.get("name", "")).lower().startswith("neo4j")), rows[0] if rows else {})
        versions = kernel.get("versions") or [None]
        return ServerInfo(agent, protocol, kernel.get("name"), versions[0], kernel.get("edition"))

    def close(self) -> None:
        driver, self._driver = getattr(self, "_driver", None), None
        if driver is not None:
            driver.close()

    def describe(self) -> str:
        db = self.settings.database or "default database"
        return f"{self.server.describe()} at {self.settings.uri} ({db})"

    # -- Cypher --------------------------------------------------------------
    def read(self, cypher: str, params: dict | None = None) -> list[dict]:
        params = {k: v.lucene() if isinstance(v, FullTextQuery) else v for k, v in (params or {}).items()}

        def work(tx):
            result = tx.run(cypher, params)
            rows = Rows([{key: _plain(value) for key, value in record.items()} for record in result], result.keys())
            summary = result.consume()
            # Neo4j refuses writes in read mode by itself; this catches servers that do not.
            # Raising inside the transaction function makes the driver roll it back.
            if summary.counters.contains_updates or summary.counters.contains_system_updates:
                raise _WriteInReadMode()
            return rows

        try:
            with self._session("read") as session:
                return session.execute_read(work)
        except _WriteInReadMode:
            raise StoreError(
                "the query tried to write, but queries run read-only", fix="use a read-only query (MATCH ... RETURN)"
            ) from None
        except Exception as err:
            raise translate_error(err, self.settings, action="read") from None

    def write(self, cypher: str, params: dict | None = None) -> None:
        self._write(cypher, params)

    def _write(self, cypher: str, params: dict | None = None):
        try:
            with self._session("write") as session:
                return session.execute_write(lambda tx: tx.run(cypher, params or {}).consume().counters)
        except Exception as err:
            raise translate_error(err, self.settings, action="write") from None

    def clear(self, batch_size: int = 10_000) -> int:
        """Delete every node with a paper-kg label (and its relationships), in batches;
        the schema stays.  Returns the number of nodes deleted (`kg load --replace`)."""
        deleted = 0
        while True:
            counters = self._write(CLEAR_BATCH, {"labels": list(LABELS), "limit": batch_size})
            deleted += counters.nodes_deleted
            if counters.nodes_deleted < batch_size:
                return deleted

    def schema_statements(self) -> list[str]:
        return schema_statements()

    def setup_schema(self) -> None:
        """Create the schema once per store (each statement is idempotent anyway), then wait
        until the indexes are online so the first MERGE batches use them."""
        if self._schema_done or not self._schema:
            return
        for statement in self.schema_statements():
            self.write(statement)
        self.write(AWAIT_INDEXES, {"seconds": self._index_wait_s})
        self._schema_done = True

    @classmethod
    def internal_statements(cls) -> list[str]:
        """Statements this class sends on its own (for the linter test)."""
        return [PROBE_COMPONENTS, AWAIT_INDEXES, CLEAR_BATCH]


class _WriteInReadMode(Exception):
    pass


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    **options,
) -> Neo4jStore:
    """Open a Neo4jStore; unset arguments come from NEO4J_* variables or ``.env``.

    Fails fast with one-line errors:

    >>> import socket
    >>> s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    >>> connect(f"bolt://127.0.0.1:{port}", password="x", max_retry_time=0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.StoreUnavailable: cannot reach Neo4j at bolt://127.0.0.1:... (fix: start it with `docker compose up -d --wait` (see .env.example), or point --neo4j / NEO4J_URI at a running server)
    """
    return Neo4jStore(uri, user, password, database, **options)
