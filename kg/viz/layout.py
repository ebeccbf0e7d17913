"""A precomputed, seeded force layout, so the browser draws with physics off.

vis-network's own physics did not settle 2,000 nodes in minutes in headless Chromium;
networkx's ``spring_layout`` needs SciPy above 500 nodes.  This is the same
Fruchterman-Reingold model written with dense NumPy matrix products (about 0.5 s for
1,500 nodes on two cores), plus a weak pull to the centre so that separate components
stay on screen instead of drifting apart.

>>> import networkx as nx
>>> pos = force_layout(nx.path_graph(["a", "b", "c"]), seed=1)
>>> sorted(pos), all(-1.0 <= v <= 1.0 for xy in pos.values() for v in xy)
(['a', 'b', 'c'], True)
>>> pos == force_layout(nx.path_graph(["a", "b", "c"]), seed=1)
True
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["force_layout", "default_iterations"]


def default_iterations(n: int) -> int:
    """Fewer sweeps for big graphs: each one costs O(n^2).

    >>> default_iterations(100), default_iterations(1500), default_iterations(5000)
    (100, 60, 30)
    """
    if n <= 1000:
        return 100
    return 60 if n <= 3000 else 30


def force_layout(
    graph: nx.Graph, *, seed: int = 0, iterations: int | None = None, gravity: float = 1.0
) -> dict[object, tuple[float, float]]:
    """Node -> (x, y) in [-1, 1]; deterministic for a given graph, node order and seed."""
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.edges() if u != v]
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) - 0.5).astype(np.float32)
    k2 = np.float32(1.0 / n)  # optimal squared distance for a unit square
    k = np.sqrt(k2)
    steps = iterations if iterations is not None else default_iterations(n)
    temperature = 0.1
    cooling = temperature / (steps + 1)
    floor = np.float32(1e-4)
    for _ in range(steps):
        # Repulsion sum_j (p_i - p_j) k^2/d_ij^2 = p_i * rowsum(W) - W @ p, all as matrix products.
        sq = (pos * pos).sum(axis=1)
        d2 = sq[:, None] + sq[None, :] - 2.0 * (pos @ pos.T)
        np.maximum(d2, floor, out=d2)
        weights = np.divide(k2, d2, out=d2)
        np.fill_diagonal(weights, 0.0)
        disp = pos * weights.sum(axis=1)[:, None] - weights @ pos
        if len(pairs):
            delta = pos[src] - pos[dst]
            pull = delta * (np.sqrt((delta * delta).sum(axis=1))[:, None] / k)
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        disp -= gravity * k * pos
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1))[:, None], 1e-6)
        pos += disp / length * np.minimum(length, temperature)
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    pos /= extent
    return {node: (round(float(x), 5), round(float(y), 5)) for node, (x, y) in zip(nodes, pos)}
