"""Regenerate docs/viz.png: a `kg viz` view of the bundled corpus in headless Chromium.

    python docs/screenshot.py [--workdir .kg] [--out docs/viz.png]

Uses WORKDIR/graph.json when `kg build` has written one, else builds the bundled seeds
into a temporary folder first.  Shows the dataset-sharing view with one dataset's details
open, as a reader would after clicking it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.pipeline import build, load_graph  # noqa: E402
from kg.viz import find_node, render  # noqa: E402
from kg.viz.browser import launch, missing, open_offline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", default=".kg")
    parser.add_argument("--out", default=str(ROOT / "docs" / "viz.png"))
    parser.add_argument("--view", default="datasets")
    parser.add_argument("--min-support", type=int, default=3)
    parser.add_argument("--select", default="MMLU", help="node whose details to open")
    args = parser.parse_args()
    reason = missing()
    if reason:
        print(f"cannot run: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.workdir)
        if not (workdir / "graph.json").exists():
            workdir = Path(tmp) / "kg"
            build(workdir=workdir, store=False, html=False)
        graph = load_graph(workdir)
        page = Path(tmp) / "view.html"
        result = render(graph, page, view=args.view, min_support=args.min_support)
        key = find_node(graph, args.select)
        with launch() as browser, open_offline(browser, page, width=1400, height=860) as loaded:
            loaded.page.evaluate("(id) => { network.selectNodes([id]); kgViz.showNode(id); }", key)
            loaded.page.wait_for_timeout(200)
            loaded.page.screenshot(path=args.out)
            assert loaded.external() == [], loaded.external()
    print(f"wrote {args.out}: {result.title}, {result.nodes} nodes, {result.edges} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
