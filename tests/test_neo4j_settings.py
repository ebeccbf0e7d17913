"""Neo4j settings, error messages and the docker-compose file (no server needed).

Errors a server would send are built with the driver's own error hydration (the same
code path that turns a server FAILURE message into an exception), then translated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import StoreError, StoreUnavailable
from kg.store.neo4j import ServerInfo, Settings, check_server_version, resolve_settings, translate_error

ROOT = Path(__file__).resolve().parent.parent
S = Settings("bolt://db:7687", "neo4j", "pw", "papers")


def test_arguments_beat_environment_beat_dotenv(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text("NEO4J_URI=bolt://from-file:1\nNEO4J_AUTH=fileuser/filepass\nNEO4J_DATABASE=filedb\n")
    from_file = resolve_settings(environ={}, dotenv=dotenv)
    assert from_file == Settings("bolt://from-file:1", "fileuser", "filepass", "filedb")
    env = {"NEO4J_URI": "bolt://from-env:2", "NEO4J_PASSWORD": "envpass"}
    assert resolve_settings(environ=env, dotenv=dotenv) == Settings("bolt://from-env:2", "fileuser", "envpass", "filedb")
    assert resolve_settings("bolt://arg:3", "u", "p", "d", environ=env, dotenv=dotenv) == Settings("bolt://arg:3", "u", "p", "d")


def test_defaults_and_auth_none(tmp_path):
    assert resolve_settings(environ={}, dotenv=tmp_path / "missing") == Settings("bolt://localhost:7687", "neo4j", None, None)
    assert resolve_settings(environ={"NEO4J_AUTH": "none"}, dotenv=None).password is None


def test_env_example_is_understood():
    settings = resolve_settings(environ={}, dotenv=ROOT / ".env.example")
    assert settings.uri == "bolt://localhost:7687" and settings.user == "neo4j" and settings.password


def _server_error(code: str, message: str = "server message"):
    from neo4j.exceptions import Neo4jError

    hydrate = getattr(Neo4jError, "_hydrate_neo4j", None)
    if hydrate is None:
        pytest.skip("this neo4j driver has no _hydrate_neo4j")
    return hydrate(code=code, message=message)


@pytest.mark.parametrize(
    "code, kind, text, fix",
    [
        ("Neo.ClientError.Security.Unauthorized", StoreUnavailable, "rejected the credentials for user 'neo4j'", "NEO4J_PASSWORD"),
        ("Neo.ClientError.Security.AuthenticationRateLimit", StoreUnavailable, "locked user 'neo4j'", "wait"),
        ("Neo.ClientError.Database.DatabaseNotFound", StoreUnavailable, "has no database 'papers'", "--database neo4j"),
        ("Neo.TransientError.General.DatabaseUnavailable", StoreUnavailable, "is not available", "SHOW DATABASES"),
        ("Neo.ClientError.Statement.SyntaxError", StoreError, "rejected the write (Neo.ClientError.Statement.SyntaxError)", "Cypher"),
        ("FalkorDB.ClientError.Security.Unauthorized", StoreUnavailable, "rejected the credentials", "NEO4J_USER"),
    ],
)
def test_server_errors_become_one_line_fixes(code, kind, text, fix):
    err = translate_error(_server_error(code, "line one\nline two"), S, action="write")
    assert type(err) is kind and text in err.message and fix in err.fix
    assert "\n" not in str(err)


def test_write_refused_in_read_mode_reads_as_such():
    err = translate_error(_server_error("Neo.ClientError.Statement.AccessMode", "Writing in read access mode not allowed"), S, action="read")
    assert isinstance(err, StoreError) and "read-only" in err.message


def test_driver_level_errors():
    from neo4j.exceptions import ServiceUnavailable, SessionExpired, UnsupportedServerProduct

    assert "cannot reach Neo4j at bolt://db:7687" in str(translate_error(ServiceUnavailable("refused"), S))
    assert "cannot reach" in str(translate_error(SessionExpired("gone"), S))
    assert "Neo4j 5 or newer" in str(translate_error(UnsupportedServerProduct("old"), S))


@pytest.mark.parametrize("agent, version, too_old", [("Neo4j/4.4.30", "4.4.30", True), ("Neo4j/3.5.1", "3.5.1", True),
                                                     ("Neo4j/5.0.0", "5.0.0", False), ("Neo4j/2025.10.1", "2025.10.1", False)])
def test_server_too_old(agent, version, too_old):
    info = ServerInfo(agent, (4, 4), "Neo4j Kernel", version, "community")
    if too_old:
        with pytest.raises(StoreUnavailable, match="too old"):
            check_server_version(info)
    else:
        check_server_version(info)


def test_compose_file_runs_neo4j_5_with_healthcheck_volume_ports_and_no_secret():
    text = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"image: neo4j:\$\{NEO4J_IMAGE_TAG:-5\.\d+-community\}", text)
    assert '"${NEO4J_HTTP_PORT:-7474}:7474"' in text and '"${NEO4J_BOLT_PORT:-7687}:7687"' in text
    assert "NEO4J_AUTH: ${NEO4J_AUTH:?" in text  # from the environment / .env, required
    assert "healthcheck:" in text and "cypher-shell" in text and "neo4j-data:/data" in text
    assert re.search(r"^volumes:\n  neo4j-data:", text, re.M)
    assert "change-this-password" not in text


def test_an_unreachable_server_is_named_by_its_last_reason_however_long_the_message():
    from neo4j.exceptions import ServiceUnavailable

    message = ("Couldn't connect to localhost:7687 (resolved to ('[::1]:7687', '127.0.0.1:7687')):\n"
               "Failed to establish connection to ResolvedIPv6Address(('::1', 7687, 0, 0)) (reason [Errno 99] Cannot assign requested address)\n"
               "Failed to establish connection to ResolvedIPv4Address(('127.0.0.1', 7687)) (reason [Errno 111] Connection refused)")
    said = str(translate_error(ServiceUnavailable(message), S))
    assert "(Connection refused)" in said and "Resolved" not in said
