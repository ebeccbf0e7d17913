"""Run the extractor over many processes, keeping input order and bounded memory.

Workers are forked after the pipeline is built, so each inherits it instead of
loading the name lists again; only papers go out and only mentions come back (a
spaCy ``Doc`` is never pickled).  At most ``2 * workers`` chunks are in flight, so
a million-paper stream never sits in a queue.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice

from ..batches import batched

__all__ = ["default_workers", "map_ordered"]

_TASK: Callable | None = None


def default_workers() -> int:
    """The CPU cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _run_task(chunk):
    return _TASK(chunk)


def _stop_at_sigterm() -> None:
    """A worker's first step: SIGTERM, held since the fork, ends it at once, as Pool.terminate means it to."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _pool(workers: int):
    """A pool of forked workers that SIGTERM stops at once.  They would inherit the parent's handler
    (`kg` turns SIGTERM into Ctrl-C), and a SIGTERM that reaches a worker still starting up is lost
    to it, so Pool.terminate could wait on that worker for ever: SIGTERM is held across the forks
    and released by each worker only after it takes SIGTERM's default action."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        return multiprocessing.get_context("fork").Pool(workers, initializer=_stop_at_sigterm)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def map_ordered(task: Callable[[list], list], items: Iterable, *, workers: int, chunk_size: int = 64) -> Iterator[tuple]:
    """``(item, result)`` for every item, in input order; ``task`` maps a chunk to one result per item.

    Input of one chunk or none is mapped here, in this process: starting workers would cost more
    than the work.

    >>> list(map_ordered(lambda xs: [x * x for x in xs], range(4), workers=2, chunk_size=3))
    [(0, 0), (1, 1), (2, 4), (3, 9)]
    """
    chunks = iter(batched(items, chunk_size))
    first = list(islice(chunks, 2))
    if workers <= 1 or len(first) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chain(first, chunks):
            yield from zip(chunk, task(chunk))
        return
    global _TASK
    _TASK = task  # inherited by the forked workers
    pending: deque = deque()
    # objects made before the fork stay out of the workers' garbage collection, so the
    # collector does not touch (and copy) every page of memory they share with the parent
    gc.freeze()
    try:
        with _pool(workers) as pool:
            for chunk in chain(first, chunks):
                pending.append((chunk, pool.apply_async(_run_task, (chunk,))))
                if len(pending) >= 2 * workers:
                    done, result = pending.popleft()
                    yield from zip(done, result.get())
            while pending:
                done, result = pending.popleft()
                yield from zip(done, result.get())
    finally:
        gc.unfreeze()
