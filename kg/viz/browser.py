"""Open a page in headless Debian Chromium, offline, through Playwright (tests, bench, docs).

Playwright from PyPI cannot download its own browsers here, so this drives the system
Chromium (``apt-get install chromium``).  Every request the page makes other than to
``file:``/``data:``/``blob:`` URLs is recorded and aborted, so a test can assert that a page
needs no network.  Playwright is imported lazily: it is a test dependency only.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CHROMIUM_ARGS", "chromium_path", "missing", "launch", "OfflinePage", "open_offline"]

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI containers run as root
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-sync",
    "--no-first-run",
    "--metrics-recording-only",
    "--disable-gpu",
]
_LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def chromium_path() -> str | None:
    """KG_CHROMIUM, else the Debian/Ubuntu chromium on PATH."""
    explicit = os.environ.get("KG_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """Why a headless browser check cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    if chromium_path() is None:
        return "chromium is not installed (apt-get install chromium, or set KG_CHROMIUM)"
    return None


@contextmanager
def launch():
    """A headless Chromium browser (Playwright ``Browser``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class OfflinePage:
    """A loaded page and what it tried: requests blocked, console errors, page errors."""

    page: object
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def external(self) -> list[str]:
        """Every non-local URL the page asked for (blocked by the route or seen as a request)."""
        seen = self.blocked + [u for u in self.requests if not u.startswith(_LOCAL_SCHEMES)]
        return sorted(set(seen))


@contextmanager
def open_offline(browser, path, *, width: int = 1400, height: int = 900, wait_ready: bool = True, timeout_ms: int = 60000):
    """Open ``path`` (an HTML file) with the network blocked; yields an :class:`OfflinePage`."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    try:
        page = context.new_page()
        result = OfflinePage(page)

        def route(route):
            url = route.request.url
            if url.startswith(_LOCAL_SCHEMES):
                route.continue_()
            else:
                result.blocked.append(url)
                route.abort()

        context.route("**/*", route)
        page.on("request", lambda request: result.requests.append(request.url))
        page.on("websocket", lambda ws: result.blocked.append(ws.url))
        page.on("console", lambda msg: result.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda err: result.page_errors.append(str(err)))
        page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
        if wait_ready:
            page.wait_for_function("window.kgViz && window.kgViz.ready === true", timeout=timeout_ms)
        yield result
    finally:
        context.close()
