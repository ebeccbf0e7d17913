"""How fast a `kg viz` page becomes usable in headless Chromium, against pyvis' default page.

    python bench/bench_viz.py [--sizes 500,1500] [--runs 3] [--baseline-timeout 120]

For each size, a synthetic graph (papers citing long-tailed entities) is rendered twice:
- paper-kg: `kg.viz.render` (layout precomputed in Python, physics off);
- baseline: pyvis 0.3.2's default page for the same nodes and edges (physics on, vis-network
  stabilises in the browser), with its CDN tags removed so it can load offline.
Printed per size: Python render time, browser time from navigation to a finished first
drawing (paper-kg) or to `stabilizationIterationsDone` (baseline), one redraw (a pan/zoom
frame), page size, and baseline/paper-kg ratios.  Median of --runs; the baseline runs once
per size (it is slow) and counts as "> timeout" when it does not stabilise in time.
Needs chromium and playwright (see tests/test_viz_browser.py).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyvis.network import Network  # noqa: E402

from kg.viz import render  # noqa: E402
from kg.viz.browser import launch, missing, open_offline  # noqa: E402
from kg.viz.demo import synthetic_graph  # noqa: E402

_CDN = re.compile(r"<link\b[^>]*cdn\.jsdelivr[^>]*>|<script\b[^>]*cdn\.jsdelivr[^>]*>\s*</script>", re.S)
_REDRAW = "(() => { const t = performance.now(); for (let i = 0; i < 10; i++) network.redraw(); return (performance.now() - t) / 10; })()"


def baseline_page(graph, path: Path) -> None:
    """pyvis' default page for the same graph: no positions, default physics."""
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        net.add_node(str(node), label=str(attrs.get("title") or attrs.get("name") or node)[:40], title=str(node))
    for source, target in graph.edges():
        net.add_edge(str(source), str(target))
    page = _CDN.sub("", net.generate_html(name="baseline.html"))
    probe = ("<script>window.__kgDone = null; network.once('stabilizationIterationsDone', "
             "() => { window.__kgDone = performance.now(); });</script></body>")
    path.write_text(page.replace("</body>", probe, 1), encoding="utf-8")


def time_ours(browser, graph, out: Path, runs: int) -> dict:
    renders, draws, frames = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = render(graph, out, max_nodes=len(graph))
        renders.append(time.perf_counter() - start)
        with open_offline(browser, out) as loaded:
            draws.append(loaded.page.evaluate("kgViz.firstDrawMs") / 1000)
            frames.append(loaded.page.evaluate(_REDRAW))
            assert loaded.external() == [], loaded.external()
    return {"nodes": result.nodes, "edges": result.edges, "render_s": statistics.median(renders),
            "browser_s": statistics.median(draws), "frame_ms": statistics.median(frames), "bytes": out.stat().st_size}


def time_baseline(browser, graph, out: Path, timeout_s: float) -> dict:
    baseline_page(graph, out)
    with open_offline(browser, out, wait_ready=False) as loaded:
        try:
            loaded.page.wait_for_function("window.__kgDone !== null", timeout=timeout_s * 1000, polling=250)
            done = loaded.page.evaluate("window.__kgDone") / 1000
            frame = loaded.page.evaluate(_REDRAW)
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: did not stabilise in time
            done, frame = None, None
    return {"browser_s": done, "frame_ms": frame, "bytes": out.stat().st_size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,1500", help="node counts (default 500,1500)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-timeout", type=float, default=120.0, help="seconds (default 120)")
    args = parser.parse_args()
    reason = missing()
    if reason:
        print(f"cannot run: {reason}", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"runs: {args.runs} (median) for paper-kg, 1 for the baseline; baseline timeout {args.baseline_timeout:.0f} s")
    with tempfile.TemporaryDirectory() as tmp, launch() as browser:
        for size in sizes:
            graph = synthetic_graph(size, seed=size)
            ours = time_ours(browser, graph, Path(tmp) / f"ours-{size}.html", args.runs)
            base = time_baseline(browser, graph, Path(tmp) / f"base-{size}.html", args.baseline_timeout)
            print(f"\n{ours['nodes']} nodes, {ours['edges']} edges")
            print(f"  paper-kg: render {ours['render_s']:.2f} s (Python: filter + layout + HTML), "
                  f"browser to first drawing {ours['browser_s']:.2f} s, redraw {ours['frame_ms']:.1f} ms, "
                  f"{ours['bytes'] / 1e6:.2f} MB")
            if base["browser_s"] is None:
                print(f"  baseline: pyvis default did not stabilise within {args.baseline_timeout:.0f} s "
                      f"-> ratio > {args.baseline_timeout / ours['browser_s']:.0f}x (browser), "
                      f"> {args.baseline_timeout / (ours['browser_s'] + ours['render_s']):.0f}x (incl. render)")
            else:
                total = ours["browser_s"] + ours["render_s"]
                print(f"  baseline: pyvis default stabilised after {base['browser_s']:.2f} s, redraw {base['frame_ms']:.1f} ms, "
                      f"{base['bytes'] / 1e6:.2f} MB")
                print(f"  ratio baseline/paper-kg: {base['browser_s'] / ours['browser_s']:.1f}x (browser), "
                      f"{base['browser_s'] / total:.1f}x (incl. Python render), "
                      f"redraw {base['frame_ms'] / ours['frame_ms']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
