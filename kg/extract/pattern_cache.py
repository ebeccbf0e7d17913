"""Curated-name patterns kept on disk between runs.

Tokenizing the ~55,000 surface forms of the name lists takes seconds at every start; the
PhraseMatcher only needs each form's token hashes, which this cache stores as JSON under
``$KG_CACHE_DIR`` (default ``$XDG_CACHE_HOME/paper-kg`` or ``~/.cache/paper-kg``).  The file
name is a fingerprint of everything the hashes depend on (spaCy's version, the tokenizer's
rules, the name lists and the code that expands them), so a stale file is never read.
``KG_CACHE_DIR=off`` turns the cache off; a cache that cannot be written is skipped.

>>> key = fingerprint([b"a", b"b"]); len(key), key == fingerprint([b"a", b"b"]) != fingerprint([b"ab"])
(20, True)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

__all__ = ["cache_dir", "fingerprint", "load", "save"]


def cache_dir() -> Path | None:
    """Where cached patterns live, or None when caching is off."""
    configured = os.environ.get("KG_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = Path.home() / ".cache"
        except (RuntimeError, KeyError):  # no home directory: run without a cache
            return None
    return Path(base) / "paper-kg"


def fingerprint(parts: Iterable[bytes]) -> str:
    """A short digest of ``parts``, each length-prefixed so that no two sequences collide."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:20]


def load(name: str) -> dict | None:
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    with suppress(OSError):
        os.utime(path)  # recently used: the last to be removed when newer versions are saved
    return data


_KEPT = 4  # older versions kept: checkouts or versions sharing the cache do not evict each other


def save(name: str, data: dict, *, replaces: str = "") -> None:
    """Write atomically (a reader never sees half a file), removing all but the most recently
    used few older files whose names start with ``replaces``; any failure only costs the next start."""
    folder = cache_dir()
    if folder is None:
        return
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if replaces:
            older = sorted(folder.glob(f"{replaces}*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
            for old in older[_KEPT - 1:]:
                old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp") as handle:
            temporary = Path(handle.name)
            handle.write(json.dumps(data, separators=(",", ":")))  # one C pass; json.dump encodes in Python pieces (2 s here)
        os.replace(temporary, folder / f"{name}.json")
    except OSError:
        if temporary is not None:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)
