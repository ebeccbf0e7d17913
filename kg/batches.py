"""Cut a stream into lists of at most ``size`` items (``itertools.batched`` is Python 3.12+).

>>> [len(b) for b in batched(range(5), 2)]
[2, 2, 1]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

__all__ = ["batched"]


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items in order, the last one shorter; lazy, so a stream stays a stream."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
