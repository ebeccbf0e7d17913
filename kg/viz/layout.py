"""A precomputed, seeded layout, so the browser draws with physics off.

vis-network's own physics did not settle 2,000 nodes in minutes in headless Chromium,
and networkx's ``spring_layout`` needs SciPy above 500 nodes.  Each connected component
gets the Fruchterman-Reingold model written with NumPy matrix products over bands of rows
(about 0.5 s for 1,500 nodes on two slow cores); the components are then packed in rows, largest
first, each drawn at an area proportional to its node count, so that many small
components neither drift far away nor pile onto the big one.

>>> import networkx as nx
>>> g = nx.path_graph(["a", "b", "c"])
>>> g.add_node("alone")
>>> pos = force_layout(g, seed=1)
>>> sorted(pos), all(-1.0 <= v <= 1.0 for xy in pos.values() for v in xy)
(['a', 'alone', 'b', 'c'], True)
>>> h = nx.Graph([("c", "b"), ("b", "a")])  # the same graph, built in another order
>>> h.add_node("alone")
>>> pos == force_layout(g, seed=1) == force_layout(h, seed=1)
True
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["force_layout", "default_iterations", "clear_hubs"]

_BAND_ROWS = 128  # rows of the repulsion matrix worked at once: 128 x 3,000 floats is 1.5 MB
_GAP = 0.6  # space between packed components, in units of one node's share of the plane


def default_iterations(n: int) -> int:
    """Fewer sweeps for big components: each one costs O(n^2).

    >>> default_iterations(3), default_iterations(100), default_iterations(1500), default_iterations(5000)
    (45, 100, 60, 30)
    """
    if n <= 1000:
        return min(100, 30 + 5 * n)
    return 60 if n <= 3000 else 30


def _spring(n: int, src: np.ndarray, dst: np.ndarray, rng, iterations: int, gravity: float) -> np.ndarray:
    """Positions (n x 2) centred on 0 with the farthest node at distance 1."""
    pos = (rng.random((n, 2)) - 0.5).astype(np.float32)
    k2 = np.float32(1.0 / n)  # optimal squared distance for a unit square
    k = np.sqrt(k2)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    floor = np.float32(1e-4)
    # The n x n repulsion weights are worked a band of rows at a time, small enough to stay in
    # the CPU's cache while the band is squared, divided, summed and multiplied: the whole matrix,
    # written and re-read by each step, made the layout wait on memory (twice as slow, and 2 n^2
    # floats: 72 MB at 3,000 nodes).
    band = min(n, _BAND_ROWS)
    weights = np.empty((band, n), dtype=np.float32)
    products = np.empty((band, n), dtype=np.float32)
    rowsums = np.empty(n, dtype=np.float32)
    pulled = np.empty((n, 2), dtype=np.float32)
    for _ in range(iterations):
        # Repulsion sum_j (p_i - p_j) k^2/d_ij^2 = p_i * rowsum(W) - W @ p: matrix products only.
        sq = (pos * pos).sum(axis=1)
        across = np.ascontiguousarray(pos.T)
        for start in range(0, n, band):
            stop = min(n, start + band)
            rows, product = weights[: stop - start], products[: stop - start]
            np.add(sq[start:stop, None], sq[None, :], out=rows)  # squared distances, |p_i|^2 + |p_j|^2 - 2 p_i.p_j
            np.matmul(pos[start:stop], across, out=product)
            product *= 2.0
            rows -= product
            np.maximum(rows, floor, out=rows)
            np.divide(k2, rows, out=rows)
            rows[np.arange(stop - start), np.arange(start, stop)] = 0.0  # no node repels itself
            rows.sum(axis=1, out=rowsums[start:stop])
            np.matmul(rows, pos, out=pulled[start:stop])
        disp = pos * rowsums[:, None] - pulled
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * (np.sqrt((delta * delta).sum(axis=1))[:, None] / k)
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        disp -= gravity * k * pos
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1))[:, None], 1e-6)
        pos += disp / length * np.minimum(length, temperature)
        temperature -= cooling
    pos -= pos.mean(axis=0)
    radius = float(np.sqrt((pos * pos).sum(axis=1)).max()) or 1.0
    return pos / radius


def _component_positions(graph: nx.Graph, nodes: list, rng, iterations: int | None, gravity: float) -> np.ndarray:
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2), dtype=np.float32)
    if n == 2:
        return np.array([[-1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.subgraph(nodes).edges() if u != v]
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)
    steps = iterations if iterations is not None else default_iterations(n)
    return _spring(n, src, dst, rng, steps, gravity)


def force_layout(
    graph: nx.Graph, *, seed: int = 0, iterations: int | None = None, gravity: float = 1.0
) -> dict[object, tuple[float, float]]:
    """Node -> (x, y) in [-1, 1]; the same for a given graph and seed whatever order its nodes
    and edges were added in (views are built from sets, whose order varies by run), to within
    a fraction of a pixel where NumPy sums in another order."""
    canonical = nx.DiGraph() if graph.is_directed() else nx.Graph()
    canonical.add_nodes_from(sorted(graph, key=str))
    canonical.add_edges_from(sorted(graph.edges(), key=lambda edge: (str(edge[0]), str(edge[1]))))
    graph = canonical
    order = {node: i for i, node in enumerate(graph)}
    if not order:
        return {}
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    components = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(undirected)),
                        key=lambda c: (-len(c), order[c[0]]))
    rng = np.random.default_rng(seed)
    layouts = [_component_positions(graph, nodes, rng, iterations, gravity) for nodes in components]
    # A component of n nodes gets a square of side ~ 2 sqrt(n) (pairs and singletons less).
    sides = [2.0 * math.sqrt(len(c)) * (0.5 if len(c) <= 2 else 1.0) + _GAP for c in components]
    placed = [(components[0], layouts[0], sides[0], 0.0, 0.0)]
    rest_area = sum(s * s for s in sides[1:])
    if rest_area:
        if sides[0] ** 2 >= 0.3 * (rest_area + sides[0] ** 2):
            # One dominant component: the rest fill a block of about its height, to its right.
            width = max(max(sides[1:]), rest_area / sides[0] * 1.15)
            origin = (sides[0], 0.0)
            todo = list(zip(components[1:], layouts[1:], sides[1:]))
        else:
            width = max(sides[0], math.sqrt(rest_area + sides[0] ** 2) * 1.2)
            origin = (0.0, 0.0)
            placed = []
            todo = list(zip(components, layouts, sides))
        x = y = row_height = 0.0
        for nodes, local, side in todo:  # shelf packing, largest first
            if x > 0 and x + side > width:
                x, y, row_height = 0.0, y + row_height, 0.0
            placed.append((nodes, local, side, origin[0] + x, origin[1] + y))
            x += side
            row_height = max(row_height, side)
    placed = [(nodes, local * ((side - _GAP) / 2.0) + np.array([x0 + side / 2.0, y0 + side / 2.0], dtype=np.float32))
              for nodes, local, side, x0, y0 in placed]
    every = np.concatenate([p for _, p in placed])
    low, high = every.min(axis=0), every.max(axis=0)
    centre, extent = (low + high) / 2.0, float((high - low).max()) / 2.0 or 1.0
    out = {}
    for nodes, pos in placed:
        for node, (px, py) in zip(nodes, (pos - centre) / extent):
            out[node] = (round(float(px), 5), round(float(py), 5))
    return out


def clear_hubs(xy: np.ndarray, radii: np.ndarray, *, hub: float, gap: float = 2.0, rounds: int = 500) -> np.ndarray:
    """Positions (n x 2) where no node's disc reaches into the disc of a bigger hub (a node whose
    radius is ``hub`` or more; of two equal hubs, the later one counts as the smaller).

    The force layout places nodes as points, so a small node could sit on a hub's centre,
    drawn over it and taking its clicks (the metric "mean squared error" on ImageNet).  Each
    round moves every such pair apart along the line between them, until they are ``gap``
    apart: the smaller node moves by the bigger one's share of their two areas, the bigger
    one by the rest, so a crowded core of hubs spreads a little instead of pushing its small
    nodes from one hub onto the next.

    >>> xy = clear_hubs(np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 0.0], [50.0, 0.0]]), np.array([20.0, 5.0, 5.0, 5.0]), hub=10)
    >>> [[round(float(v), 1) for v in p] for p in xy]
    [[-1.7, 1.6], [25.5, 0.0], [2.2, -25.3], [50.0, 0.0]]
    """
    xy = np.array(xy, dtype=np.float64)
    radii = np.asarray(radii, dtype=np.float64)
    n = len(xy)
    hubs = np.array(sorted((i for i in range(n) if radii[i] >= hub), key=lambda i: (-radii[i], i)), dtype=np.intp)
    if not len(hubs):
        return xy
    rank = np.full(n, len(hubs), dtype=np.intp)  # a hub's place among the hubs, biggest first
    rank[hubs] = np.arange(len(hubs))
    lesser = rank[None, :] > np.arange(len(hubs))[:, None]  # j is smaller than hub h (or a later equal one)
    need = radii[hubs, None] + radii[None, :] + gap
    area = radii * radii
    share = area[hubs, None] / (area[hubs, None] + area[None, :])  # how much of a separation j makes
    fallback = np.arange(n) * 2.399963  # the direction from a hub to a node on its very centre
    for _ in range(rounds):
        delta = xy[None, :, :] - xy[hubs, None, :]
        dist = np.sqrt((delta * delta).sum(axis=2))
        overlap = lesser & (dist < need - 1e-6)
        if not overlap.any():
            break
        h, j = np.nonzero(overlap)
        far = dist[h, j] > 1e-9
        unit = np.where(far[:, None], delta[h, j] / np.where(far, dist[h, j], 1.0)[:, None],
                        np.stack([np.cos(fallback[j]), np.sin(fallback[j])], axis=1))
        push = unit * (need[h, j] - dist[h, j])[:, None]
        move = np.zeros_like(xy)
        np.add.at(move, j, push * share[h, j, None])
        np.add.at(move, hubs[h], -push * (1.0 - share[h, j, None]))
        xy += move
    return xy
