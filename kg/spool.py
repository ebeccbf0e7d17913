"""A write-once, read-once sequence of records, in memory or in a temporary file.

The corpus-level passes need to see every paper twice; a file spool keeps the first
pass's results on disk instead of in memory, so peak memory stays flat as a corpus grows.

>>> spool = FileSpool()
>>> for n in range(3):
...     spool.append({"n": n})
>>> [r["n"] for r in spool], len(spool)
([0, 1, 2], 3)
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["MemorySpool", "FileSpool"]


class MemorySpool(list):
    """A list: for corpora that fit in memory."""


class FileSpool:
    """Records pickled one after another into an unnamed temporary file (gone on close)."""

    def __init__(self, folder: str | Path | None = None):
        self._file = tempfile.TemporaryFile(dir=folder)
        self._count = 0

    def append(self, record) -> None:
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)
        self._file.close()
