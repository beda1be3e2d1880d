"""Playwright + Chromium fixtures. A missing Chromium fails the run; it never skips."""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from support import ROOT, StaticServer

# WCAG 2.1 A and AA, plus axe's experimental rules (label-content-name-mismatch is WCAG 2.5.3) and best practices.
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental", "best-practice"]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    chosen = os.environ.get("CHROMIUM")
    if not chosen:
        recorded = ROOT / ".venv" / "chromium-path"
        chosen = recorded.read_text().strip() if recorded.exists() else ""
    if not chosen or not Path(chosen).exists():
        pytest.fail("No Chromium for the browser tests: run `make test` (it provisions one via "
                    "scripts/ensure_chromium.py) or set CHROMIUM=/path/to/chromium.", pytrace=False)
    return chosen


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """What one page load did: console errors, failed requests, requests to other hosts."""
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    status: int | None = None

    def problems(self) -> list[str]:
        return ([f"console: {e}" for e in self.console_errors] + [f"failed: {f}" for f in self.failed]
                + [f"other host: {f}" for f in self.foreign])


QUIET = 0.15  # seconds without a request starting or ending: the page has done what it does on load


class Reader:
    """A browser tab that watches every request, like a careful reader's devtools. ``visit`` holds
    what every page since the tab opened did; ``goto`` returns what the one load did."""

    def __init__(self, context, base_url: str):
        self.page = context.new_page()
        self.host = urlsplit(base_url).netloc
        self.visit = Visit()
        self._visits = [self.visit]  # recording now: the whole tab's, and the last page's
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self._record("console_errors", str(exc)))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)
        self.page.on("request", self._request)
        self._inflight: set = set()  # requests started and not yet finished or failed
        self.done: set[str] = set()  # the addresses of every request that finished or failed
        self._page_number = 0  # goto() calls so far
        self._opened_on: dict = {}  # request -> the page number it started on
        self._last = time.monotonic()  # when one last started or ended
        self.page.on("request", lambda r: self._track(r, True))
        self.page.on("requestfinished", lambda r: self._track(r, False))
        self.page.on("requestfailed", lambda r: self._track(r, False))

    def _failed(self, request) -> None:
        """A failed request is a problem, except one the browser cut off because this tab went on
        to the next page (Chromium asks for the favicon late, and drops it when we leave)."""
        started = self._opened_on.pop(request, self._page_number)
        if request.failure == "net::ERR_ABORTED" and started < self._page_number:
            return
        self._record("failed", f"{request.url} ({request.failure})")

    def _track(self, request, started: bool) -> None:
        if started:
            self._opened_on[request] = self._page_number
        else:
            self._opened_on.pop(request, None)  # finished (a failed one _failed has taken already)
        if "/livereload/" in request.url:  # `mkdocs serve`'s long poll never ends
            return
        (self._inflight.add if started else self._inflight.discard)(request)
        if not started:
            self.done.add(request.url)
        self._last = time.monotonic()

    def wait_for_done(self, ending: str, timeout: float = 15) -> None:
        """Until a request whose address ends with ``ending`` has finished (or failed): for the one
        Chromium starts on its own, late, after the page has gone quiet (the favicon)."""
        deadline = time.monotonic() + timeout
        while not any(url.endswith(ending) for url in self.done):
            if time.monotonic() > deadline:
                raise AssertionError(f"no request for …{ending} finished in {timeout:.0f} s")
            self.page.wait_for_timeout(20)

    def settle(self, quiet: float = QUIET, timeout: float = 30) -> None:
        """Until no request is under way and none has started or ended for ``quiet`` seconds: what
        Playwright's "networkidle" does with a fixed 500 ms, which cost every visit half a second."""
        deadline = time.monotonic() + timeout
        while self._inflight or time.monotonic() - self._last < quiet:
            if time.monotonic() > deadline:
                raise AssertionError(f"requests still under way after {timeout:.0f} s: "
                                     + ", ".join(sorted(r.url for r in self._inflight)[:5]))
            self.page.wait_for_timeout(20)

    def _record(self, kind: str, text: str) -> None:
        for visit in self._visits:
            getattr(visit, kind).append(text)

    def _console(self, msg):
        if msg.type != "error":
            return
        if msg.text.startswith("Failed to load resource"):
            return  # every such load is caught by the response/requestfailed handlers below
        self._record("console_errors", msg.text)

    def _request(self, request):
        if urlsplit(request.url).netloc not in (self.host, "") and not request.url.startswith(("data:", "blob:", "about:")):
            self._record("foreign", request.url)

    def _response(self, response):
        # The page's own 404 status is asserted by the tests that expect it; sub-resources
        # (scripts, styles, sitemap, search index, versions.json) must all load.
        if response.status >= 400 and response.request.resource_type != "document":
            self._record("failed", f"{response.url} ({response.status})")

    def goto(self, url: str) -> Visit:
        """Load ``url``: what this load (and what follows it until the next goto) did. The tab's
        ``visit`` keeps every earlier page's problems too."""
        self._visits = [self.visit, Visit()]
        self.page.on("response", self._status)
        self._page_number += 1
        self.page.goto(url, wait_until="load")
        self.settle()
        self.page.remove_listener("response", self._status)
        return self._visits[-1]

    def _status(self, response):
        if response.request.resource_type == "document" and response.request.frame == self.page.main_frame:
            for visit in self._visits:
                visit.status = response.status


@pytest.fixture(scope="session")
def axe():
    return Axe()


# A CSS transition still running (a button just clicked fading to its hover colour, header tabs
# fading back in) is measured by axe at an in-between colour no reader's eye settles on. Wait until
# the screen is still; infinite CSS animations (spinners) are not transitions and are not waited for.
SETTLED = "document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')"


_FUNCTION = re.compile(r"^\s*(async\s+)?((\([^)]*\)|[\w$]+)\s*=>|function\b)")


def wait_for(page, predicate: str, arg=None, timeout: float = 30000):
    """``page.wait_for_function`` without eval in the page. Playwright polls a predicate with eval
    in the page, which the site's Content-Security-Policy forbids (no 'unsafe-eval', gvi/csp.py);
    ``page.evaluate`` goes through the DevTools protocol and is not the page's own script."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        try:
            value = page.evaluate(predicate, arg) if _FUNCTION.match(predicate) else page.evaluate(predicate)
        except PlaywrightError as exc:  # a navigation between two polls
            if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} ms waiting for: {predicate}")
        page.wait_for_timeout(50)


def axe_violations(axe, page, context=None) -> list[str]:
    """axe-core's violations on the page as it is now (``context``: a selector to check only that).
    axe-core (0.5 MB of script) goes into each document once: axe_playwright_python's ``run`` puts
    it in again on every call, and most pages are checked twice (both colour schemes)."""
    wait_for(page, SETTLED, timeout=5000)
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    if not page.evaluate("typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(axe.axe_script)
    response = page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:3])
            for v in response["violations"]]


def pdf_text(data: bytes) -> list[str]:
    """The text of each page of a PDF that Chromium printed, read with PDFium (Chromium's own PDF
    library): the 233 pages of the whole curriculum in 1.5 s, where pypdf took 20 s. Ligatures
    come out as their letters ("fi", not "ﬁ"), as a reader would search for them."""
    document = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


@pytest.fixture(scope="session")
def site_server(site):
    with StaticServer(site) as server:
        yield server
