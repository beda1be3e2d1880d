#!/usr/bin/env python3
"""How fast and light the site is, measured against a plain Material page built in the same run.

    python scripts/bench.py [--check] [--quick] [--json FILE]

Measures, with a real build and a real Chromium (the one scripts/ensure_chromium.py found):
- page weight: bytes transferred (gzip, as a web server serves them) and requests for the start
  page, a module page with a quiz, a checklist page and a search, split into Material's assets, the
  project's own JS and CSS, the search index, the page itself and other requests; the same for a
  plain Material site (mkdocs.yml with only `theme: material`), and the project's overhead;
- build time: the real site, and synthetic bilingual sites of 10, 100 and 400 pages per language
  (median of three builds each), seconds per page and whether growth is linear; the same synthetic
  pages built by plain MkDocs, Material and static-i18n in the same run (the machine's speed of
  the moment: it varies up to twofold within a day), and the ratio of the two per-page figures;
- save to reload: one module page open in Chromium under a real `mkdocs serve` (`make serve`),
  a sentence appended to its source, seconds until the reloaded page shows it (median of three);
- search index bytes per language;
- search on demand: requests to search files before the reader shows intent (none allowed), and
  how long after the index arrives the first results appear (the reader typed before it came);
- Lighthouse 12.8.2 (scripts/lighthouse/package.json, installed here with `npm ci`; Chromium via
  CHROME_PATH), mobile preset, median of three runs, on the start page, a module with a quiz and a
  checklist page in both languages and on the plain Material page.

--check fails (exit 1) unless: no request goes to another host; all project JS+CSS is at most
12 KB gzipped (scripts/asset_sizes.py); pages without a quiz load none of its code; a search
downloads only the reader's language's index; no page requests a search file before intent; the
first results come within a second of the index; before any interaction the start page transfers
no more than the plain Material page, and each content page no more than the same content on plain
Material (the checklist page: its article as our build renders it, on a plain Material page; the
module with a quiz, whose text the plain page holds: at most 15 KB more); Lighthouse performance is at least 95 and total blocking time at most 100 ms over the plain
Material page's, with accessibility, best practices and SEO at 100, on every measured page.
Content size (every built page, not the build's business: a long page is not wrong, only slow):
no page's HTML over 400 KB and no page with more than 30 quizzes (today's largest: about 82 KB
and 5), no booklet over 2 MB (the whole curriculum's: about 1 MB), and no language's search index
over 1 MB (about 440 KB), each named with its figures.
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import asset_sizes  # noqa: E402
from gvi import siteconfig  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
SCENARIOS = [  # name, path, action
    ("start page", "", None),
    ("module with quiz", "strategi/vad-ar-gvi/", None),
    ("checklist page", "checklistor/polisen/", None),
    ("search", "", "search"),
]
LIGHTHOUSE_PAGES = [  # name, path on the project site (None: the plain Material page)
    ("start page", ""), ("module with quiz", "strategi/vad-ar-gvi/"), ("checklist page", "checklistor/polisen/"),
    ("start page (en)", "en/"), ("module with quiz (en)", "en/strategi/vad-ar-gvi/"),
    ("checklist page (en)", "en/checklistor/polisen/"), ("plain Material page", None),
]
LIGHTHOUSE_DIR = ROOT / "scripts" / "lighthouse"
SEARCH_FILES = re.compile(r"search_index|/workers/|/lunr/")
BUDGET = {"performance": 95, "tbt_over_reference_ms": 100, "other_scores": 100,
          "module_over_reference_kb": 15, "first_results_ms": 1000,
          "page_html_kb": 400, "page_quizzes": 30, "booklet_kb": 2048, "search_index_kb": 1024}
SEARCH_QUERY = {"project": "gruppernas", "reference": "gvi"}  # the reference page is vad-ar-gvi.md
CATEGORIES = ("page", "material", "project", "search index", "other")


# Serving like a web server: gzip for text, 404 for what is missing ---------------------------------
class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (path.endswith(TEXT_TYPES) and os.path.isfile(path)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # Lighthouse and Chromium drop requests they no longer need
            return
        super().do_GET()


class Server:
    def __init__(self, directory: Path):
        handler = functools.partial(GzipHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# Builds -------------------------------------------------------------------------------------------
def build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, env=ENV, cwd=config.parent)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build of {config} failed:\n{done.stdout}{done.stderr}")
    return seconds


def median_build(config: Path, site: Path, runs: int) -> float:
    return statistics.median(build(config, site) for _ in range(runs))


REFERENCE_CHECKLIST_PAGE = "checklistor/polisen/index.html"  # the checklist page measured above, in Swedish


def plain_text(source: Path) -> str:
    """A page's Markdown as plain Material can build it: no front matter, quizzes or local facts."""
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```quiz\n.*?```\n", "", text, flags=re.S)
    return re.sub(r"\{\{[^}]*\}\}", "Stockholm", text).replace("](../", "](https://example.org/")


def reference_site(tmp: Path) -> Path:
    """A plain Material site of one page: the same versions, no configuration beyond the theme, the
    text of "Vad är GVI?". Every budget is measured against it."""
    ref = tmp / "reference"
    (ref / "docs").mkdir(parents=True)
    (ref / "mkdocs.yml").write_text("site_name: Reference\ntheme:\n  name: material\n", encoding="utf-8")
    (ref / "docs" / "index.md").write_text(plain_text(ROOT / "docs" / "strategi" / "vad-ar-gvi.md"), encoding="utf-8")
    return ref


def checklist_reference_site(tmp: Path, site: Path) -> Path:
    """A second plain Material site of one page holding the Polisen checklist's content exactly as
    our build renders it (``site``, the project's built site): its article with the legal line, the
    minors box, every item with its citations and their status, and the sources, as raw HTML in a
    plain Material page (no Markdown extension, no configuration beyond the theme). Left out: what
    is ours and not content, the checklist bar's controls, and Material's tag line. So the
    comparison weighs the site's code and chrome, not its text. Until issue 22 the reference was
    rebuilt from the Markdown with every {{ … }} replaced by one word, which dropped the citations'
    status text and the legal line: not the same content, and 2–3 KB lighter."""
    ref = tmp / "reference-checklist"
    (ref / "docs").mkdir(parents=True)
    (ref / "mkdocs.yml").write_text("site_name: Reference\ntheme:\n  name: material\n", encoding="utf-8")
    html = (site / REFERENCE_CHECKLIST_PAGE).read_text(encoding="utf-8")
    article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)
    article = re.sub(r'<div class="gvi-checklist-bar".*?</div>', "", article, count=1, flags=re.S)
    article = re.sub(r'<nav class="md-tags".*?</nav>', "", article, count=1, flags=re.S)
    (ref / "docs" / "index.md").write_text(f"<div>\n{article.strip()}\n</div>\n", encoding="utf-8")
    return ref


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in ("mkdocs.yml", "docs", "overrides"):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def synthetic_site(dest: Path, pages: int) -> Path:
    """A bilingual site of `pages` pages per language: the project's config, generated modules."""
    dest.mkdir(parents=True)
    for part in ("mkdocs.yml", "overrides"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    shutil.copytree(ROOT / "docs" / "_data", dest / "docs" / "_data")
    (dest / "docs" / "strategi").mkdir()
    for lang, suffix in (("sv", ""), ("en", ".en")):
        (dest / "docs" / f"index{suffix}.md").write_text(f"---\ntitle: Start\n---\n\n# Start {lang}\n\nText.\n",
                                                         encoding="utf-8")
        for n in range(1, pages):
            (dest / "docs" / "strategi" / f"modul-{n:03}{suffix}.md").write_text(
                synthetic_module(n, lang), encoding="utf-8")
    # The synthetic site has no week page: only the start page is its own (docs/_data/local.yml).
    local = dest / "docs" / "_data" / "local.yml"
    local.write_text(local.read_text(encoding="utf-8").replace(
        "own_pages: [index.md, veckan/index.md]", "own_pages: [index.md]"), encoding="utf-8")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    # Modules by path: their nav titles are the page titles, which need no nav_translations.
    nav = "nav:\n  - Start: index.md\n  - Strategin:\n" + "".join(
        f"      - strategi/modul-{n:03}.md\n" for n in range(1, pages))
    (dest / "mkdocs.yml").write_text(config[: config.index("\nnav:") + 1] + nav, encoding="utf-8")
    return dest


def synthetic_reference_site(dest: Path, synthetic: Path) -> Path:
    """The synthetic site's pages (``synthetic``, made by synthetic_site) built by plain MkDocs,
    Material and static-i18n: the same theme features, the same Markdown extensions but the
    project's own (a quiz fence stays a code block), the same nav; no hooks, data, CSS or JS of
    ours. Built in the same run, its time per page is what the generator itself costs on this
    machine now, which varies up to twofold within a day: the site's figure is read against it."""
    config = siteconfig.load_config(synthetic / "mkdocs.yml")
    extensions = []
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name.startswith("gvi.") or name == "pymdownx.snippets":  # ours; snippets read docs/_data
            continue
        if name == "pymdownx.superfences":
            options = {k: v for k, v in (options or {}).items() if k != "custom_fences"} or None
        extensions.append({name: options} if options else name)
    languages = [{key: lang[key] for key in ("locale", "default", "name", "build") if key in lang}
                 for lang in siteconfig.language_entries(config)]  # the site's languages, not its translations
    plain = {
        "site_name": "Reference", "nav": config["nav"],
        "theme": {"name": "material", "language": siteconfig.i18n_languages(config)[1],
                  "features": config["theme"]["features"]},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "fallback_to_default": False,
                                        "languages": languages}}],
        "markdown_extensions": extensions,
    }
    dest.mkdir(parents=True)
    shutil.copytree(synthetic / "docs", dest / "docs", ignore=shutil.ignore_patterns("_data"))
    siteconfig.write_config(plain, dest / "mkdocs.yml")
    return dest


def synthetic_module(n: int, lang: str) -> str:
    en = lang == "en"
    sections = "".join(
        f"## {'Section' if en else 'Avsnitt'} {s}{' {#avsnitt-' + str(s) + '}' if en else ''}\n\n"
        + ("Text about the group, the message and the partners. " if en else
           "Text om gruppen, budskapet och parterna. ") * 40 + "\n\n??? trainer\n\n    5 min.\n\n"
        for s in range(1, 5))
    quizzes = "".join(
        f"```quiz\nid: modul-{n:03}-q{q}\nquestion: {'Question' if en else 'Fråga'} {q}?\noptions:\n"
        f"  - text: A\n    correct: true\n  - text: B\n    feedback: {'No.' if en else 'Nej.'}\n"
        f"explanation: {'Because.' if en else 'Därför.'}\n```\n\n" for q in range(1, 4))
    return (f"---\nkind: module\nid: modul-{n:03}\ntitle: {'Module' if en else 'Modul'} {n}\nduration: 20\n"
            f"audience: [alla]\nroles: [polisen]\nsources: [S32]\n---\n\n# {'Module' if en else 'Modul'} {n}\n\n"
            f"!!! objectives\n\n    - {'Learn.' if en else 'Lära.'}\n\n{sections}"
            f"## {'Check yourself {#testa-dig-sjalv}' if en else 'Testa dig själv'}\n\n{quizzes}"
            f"## {'Key points {#att-ta-med-sig}' if en else 'Att ta med sig'}\n\n!!! keypoints\n\n    - {'Point.' if en else 'Punkt.'}\n")


# Page weight --------------------------------------------------------------------------------------
def category(url: str, base: str, resource_type: str) -> str:
    path = url[len(base):] if url.startswith(base) else url
    if resource_type == "document":
        return "page"
    if "search_index" in path:
        return "search index"
    if re.search(r"assets/(javascripts|stylesheets)/.*gvi[-\w]*\.(js|css)", path):
        return "project"
    if path.startswith("assets/images/"):
        return "other"  # the site's logo and favicon
    if path.startswith("assets/") or "/assets/" in path:
        return "material"
    return "other"


def weigh(browser, base: str, path: str, action: str | None, query: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    rows = []
    failed = []

    def finished(request):
        sizes = request.sizes()
        rows.append((request.url, request.resource_type,
                     sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    page.on("requestfinished", finished)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(base + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    before_intent = len(rows)
    first_results_ms = None
    if action == "search":
        page.evaluate("""() => new MutationObserver((_, observer) => {
            if (document.querySelector('.md-search-result__item')) {
                window.gviFirstResults = performance.now(); observer.disconnect(); }
        }).observe(document.body, {childList: true, subtree: true})""")
        page.click("input.md-search__input")
        page.type("input.md-search__input", query, delay=10)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        # The reader typed while the index loaded; results come once it has arrived.
        first_results_ms = page.evaluate("() => window.gviSearch ? window.gviFirstResults - window.gviSearch.times.index : null")
    context.close()
    result = {c: {"bytes": 0, "requests": 0} for c in CATEGORIES}
    foreign = [u for u, _, _ in rows if urlsplit(u).netloc != urlsplit(base).netloc and not u.startswith("data:")]
    foreign += [u for u in failed if urlsplit(u).netloc != urlsplit(base).netloc]
    for url, kind, size in rows:
        if urlsplit(url).netloc != urlsplit(base).netloc:
            continue
        c = category(url, base, kind)
        result[c]["bytes"] += size
        result[c]["requests"] += 1
    result["total"] = {"bytes": sum(result[c]["bytes"] for c in CATEGORIES),
                       "requests": sum(result[c]["requests"] for c in CATEGORIES) + len(foreign)}
    result["third_party"] = sorted(set(foreign))
    result["urls"] = sorted(u[len(base):] for u, _, _ in rows if u.startswith(base))
    result["search_before_intent"] = sorted(u[len(base):] for u, _, _ in rows[:before_intent]
                                            if SEARCH_FILES.search(u))
    result["first_results_ms"] = first_results_ms
    return result


def chromium() -> str:
    recorded = ROOT / ".venv" / "chromium-path"
    path = os.environ.get("CHROMIUM") or (recorded.read_text().strip() if recorded.exists() else "")
    if not path or not Path(path).exists():
        sys.exit("No Chromium: run `make chromium` (scripts/ensure_chromium.py) or set CHROMIUM.")
    return path


def page_weights(site: Path, reference: Path, checklist_reference: Path) -> dict:
    from playwright.sync_api import sync_playwright

    out = {"project": {}, "reference": {}}
    servers = {"project": Server(site), "reference": Server(reference), "checklist": Server(checklist_reference)}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"])
            for name, path, action in SCENARIOS:
                out["project"][name] = weigh(browser, servers["project"].url, path, action,
                                             SEARCH_QUERY["project"])
            for name, action in (("page", None), ("search", "search")):
                out["reference"][name] = weigh(browser, servers["reference"].url, "", action,
                                               SEARCH_QUERY["reference"])
            out["reference"]["same checklist"] = weigh(browser, servers["checklist"].url, "", None, "")
            browser.close()
    finally:
        for server in servers.values():
            server.close()
    return out


# Lighthouse ---------------------------------------------------------------------------------------
def lighthouse_binary() -> Path:
    """Lighthouse from scripts/lighthouse/package-lock.json, installed with `npm ci` on first use."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            raise RuntimeError("npm is not on the PATH: install Node.js 20 (with npm) to run Lighthouse")
        print("Installing Lighthouse (npm ci in scripts/lighthouse) …", flush=True)
        done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE_DIR,
                              capture_output=True, text=True)
        if done.returncode != 0 or not binary.exists():
            raise RuntimeError(f"npm ci in {LIGHTHOUSE_DIR} failed:\n{done.stdout}{done.stderr}")
    return binary


def lighthouse_once(binary: Path, url: str, out: Path) -> dict:
    flags = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking " \
            "--disable-component-update --disable-sync"
    done = subprocess.run([str(binary), url, "--output=json", f"--output-path={out}", "--quiet",
                           "--only-categories=performance,accessibility,best-practices,seo",
                           f"--chrome-flags={flags}"],
                          capture_output=True, text=True, env={**ENV, "CHROME_PATH": chromium()})
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse {url} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {k: round((v["score"] or 0) * 100) for k, v in report["categories"].items()}
    return {**scores, "tbt_ms": report["audits"]["total-blocking-time"]["numericValue"],
            "bytes": report["audits"]["total-byte-weight"]["numericValue"]}


def lighthouse(site: Path, reference: Path, runs: int = 3) -> dict:
    """Median of `runs` Lighthouse runs (mobile preset, the default) per page, gzip-served."""
    binary = lighthouse_binary()
    servers = {"project": Server(site), "reference": Server(reference)}
    out = {}
    try:
        with tempfile.TemporaryDirectory(prefix="gvi-lighthouse-") as tmp:
            # Rounds over all pages, so that the machine's load falls on every page alike.
            results = {name: [] for name, _ in LIGHTHOUSE_PAGES}
            for round_ in range(runs):
                print(f"Lighthouse: round {round_ + 1} of {runs} over {len(LIGHTHOUSE_PAGES)} pages …", flush=True)
                for name, path in LIGHTHOUSE_PAGES:
                    url = servers["reference"].url if path is None else servers["project"].url + path
                    results[name].append(lighthouse_once(binary, url, Path(tmp) / "run.json"))
            for name, runs_ in results.items():
                out[name] = {k: statistics.median(r[k] for r in runs_) for k in runs_[0]}
                out[name]["runs"] = runs_
    finally:
        for server in servers.values():
            server.close()
    return out


def search_timing(site: Path, runs: int = 3, done: dict | None = None) -> dict:
    """Milliseconds from the index's arrival to the first results, median of runs, per language.
    ``done``: runs already measured ({"sv": [ms]}: the page-weight scenario's Swedish search)."""
    from playwright.sync_api import sync_playwright

    server = Server(site)
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
            for lang, path, query in (("sv", "", SEARCH_QUERY["project"]), ("en", "en/", "probation")):
                times = list((done or {}).get(lang, []))[:runs]
                times += [weigh(browser, server.url, path, "search", query)["first_results_ms"]
                          for _ in range(runs - len(times))]
                out[lang] = {"median_ms": statistics.median(times), "runs_ms": times}
            browser.close()
    finally:
        server.close()
    return out


RELOAD_PAGE = ("strategi/budskapet.md", "strategi/budskapet/")  # a module with a quiz: source, URL


def reload_timing(project: Path, runs: int = 3) -> dict:
    """Seconds from saving one edited page to the browser showing it under a real `mkdocs serve`
    (`make serve`), median of ``runs`` saves: the page is open in Chromium, a sentence is appended
    to its source, and the clock stops when the reloaded page holds that sentence."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from support import free_port  # noqa: E402 (the tests' helper: a port nothing listens on)

    source, url_path = project / "docs" / RELOAD_PAGE[0], RELOAD_PAGE[1]
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    times = []
    try:
        deadline = time.monotonic() + 300
        while True:  # the first build
            if server.poll() is not None:
                sys.exit(f"mkdocs serve stopped:\n{server.stderr.read().decode()}")
            try:
                with urllib.request.urlopen(url, timeout=10) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit("mkdocs serve did not answer in 300 s")
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(url, wait_until="load")
            page.wait_for_timeout(1000)  # livereload's long poll is open
            for n in range(runs):
                sentence = f"Sparad för mätning {n + 1}."
                with page.expect_event("load", timeout=120_000):
                    start = time.perf_counter()
                    with open(source, "a", encoding="utf-8") as handle:
                        handle.write(f"\n{sentence}\n")
                page.wait_for_function(f"document.body.innerText.includes({json.dumps(sentence)})",
                                       timeout=120_000)
                times.append(time.perf_counter() - start)
                page.wait_for_timeout(1000)  # settled before the next save
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"page": url_path, "median_s": statistics.median(times), "runs_s": times}


# Report -------------------------------------------------------------------------------------------
def linear_fit(points: list[tuple[int, float]]) -> dict:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x in xs)
    intercept = my - slope * mx
    ss_res = sum((y - (intercept + slope * x)) ** 2 for x, y in points)
    ss_tot = sum((y - my) ** 2 for y in ys) or 1e-12
    return {"seconds_per_page": slope, "fixed_seconds": intercept, "r2": 1 - ss_res / ss_tot,
            "linear": 1 - ss_res / ss_tot >= 0.98}


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def print_report(r: dict) -> None:
    print(f"\nMachine: {r['machine']}")
    print("\nPage weight (transferred, gzip) — KB / requests")
    head = f"{'scenario':22}" + "".join(f"{c:>15}" for c in CATEGORIES + ("total",))
    print(head)
    for side in ("project", "reference"):
        for name, w in r["pages"][side].items():
            label = f"{name}" if side == "project" else f"plain Material: {name}"
            print(f"{label[:22]:22}" + "".join(f"{kb(w[c]['bytes']):>9} / {w[c]['requests']:<3}"
                                               for c in CATEGORIES + ("total",)))
    print("\nOverhead against the plain Material page")
    for name, o in r["overhead"].items():
        print(f"  {name:20} {o['ratio']:.2f}× ({o['kb']:+.1f} KB)")
    print("Before any interaction, without the page's own HTML (code, styles, images) / the page's HTML")
    for name, o in r.get("without_page_html", {}).items():
        print(f"  {name:20} {kb(o['bytes'])} KB (plain Material {kb(o['reference_bytes'])} KB)"
              f" / {kb(o['html'])} KB (plain Material {kb(o['reference_html'])} KB)")
    same = r["pages"]["reference"].get("same checklist")
    if same:
        mine = r["pages"]["project"]["checklist page"]
        print(f"The checklist page against the same checklist (text and sources) on plain Material: "
              f"{kb(mine['total']['bytes'])} KB against {kb(same['total']['bytes'])} KB, "
              f"{kb(same['total']['bytes'] - same['search index']['bytes'])} KB without its search index "
              f"(HTML {kb(mine['page']['bytes'])} KB against {kb(same['page']['bytes'])} KB)")
    print(f"\nThird-party requests: project {r['third_party']['project']}, "
          f"plain Material {r['third_party']['reference']} ({', '.join(r['third_party']['reference_hosts']) or 'none'})")
    a = r["assets"]
    print(f"Project JS+CSS: heaviest page {a['heaviest_page']} loads {a['heaviest_gzip']} B gzipped "
          f"of {a['budgets']['page']} B budget (all files {a['total_gzip']} B); "
          f"quiz {a['components']['quiz']} B of {a['budgets']['quiz']} B")
    print("Search index per language: " + ", ".join(
        f"{lang} {kb(v['bytes'])} KB ({kb(v['gzip'])} KB gzip, {v['docs']} entries)"
        for lang, v in r["search_index"].items()))
    sizes = r.get("content_sizes") or {}
    if sizes.get("pages"):
        most = max(sizes["pages"], key=lambda e: e["quizzes"])
        print(f"Largest page {sizes['pages'][0]['path']} {kb(sizes['pages'][0]['bytes'])} KB of "
              f"{BUDGET['page_html_kb']} KB; most quizzes {most['quizzes']} ({most['path']}) of "
              f"{BUDGET['page_quizzes']}" + (f"; largest booklet {kb(sizes['booklets'][0]['bytes'])} KB of "
                                            f"{BUDGET['booklet_kb']} KB" if sizes.get("booklets") else ""))
    runs = r.get("runs", 3)
    print(f"\nBuild time ({'median of ' + str(runs) + ' runs' if runs > 1 else 'one run'})")
    print(f"  real site: {r['build']['real']['seconds']:.2f} s for {r['build']['real']['pages']} pages "
          f"({r['build']['real']['seconds'] / r['build']['real']['pages'] * 1000:.0f} ms/page)")
    for size in r["build"]["synthetic"]:
        print(f"  {size['pages_per_language']:>4} pages/language: {size['seconds']:.2f} s "
              f"({size['seconds'] / (2 * size['pages_per_language']) * 1000:.0f} ms/page)"
              + (f"; the same pages on plain Material {size['plain_seconds']:.2f} s" if "plain_seconds" in size else ""))
    fit, plain = r["build"]["fit"], r["build"].get("plain_fit")
    if fit:
        print(f"  fit: {fit['seconds_per_page'] * 1000:.0f} ms per page (both languages) + "
              f"{fit['fixed_seconds']:.2f} s fixed, R² {fit['r2']:.3f} → "
              f"{'linear' if fit['linear'] else 'NOT linear'}")
    if fit and plain:
        # The machine's speed varies up to twofold within a day: the plain build, timed in the same
        # run, says how fast it was; the ratio is what the project's hooks and checks cost.
        print(f"  plain MkDocs + Material + static-i18n, the same pages: {plain['seconds_per_page'] * 1000:.0f} ms "
              f"per page; the site takes {fit['seconds_per_page'] / plain['seconds_per_page']:.2f}× that")
    reload = r.get("reload")
    if reload:
        print(f"Save to reload under mkdocs serve ({reload['page']}): {reload['median_s']:.2f} s "
              f"({'median of ' + str(len(reload['runs_s'])) + ', ' if len(reload['runs_s']) > 1 else ''}"
              f"runs {', '.join(f'{x:.2f}' for x in reload['runs_s'])} s)")
    print("\nSearch on demand: requests to search files before intent: " + ", ".join(
        f"{name} {len(w['search_before_intent'])}" for name, w in r["pages"]["project"].items() if name != "search"))
    print("First results after the index arrived: " + ", ".join(
        f"{lang} {t['median_ms']:.0f} ms (runs {', '.join(f'{x:.0f}' for x in t['runs_ms'])})"
        for lang, t in r["search_timing"].items()))
    lh = r["lighthouse"]
    if isinstance(lh, str):
        print(f"\nLighthouse: {lh}")
        return
    lh_runs = r.get("lighthouse_runs", 3)
    print(f"\nLighthouse 12.8.2, mobile preset, {'median of ' + str(lh_runs) + ' runs' if lh_runs > 1 else 'one run'}")
    print(f"{'page':24}{'perf':>6}{'TBT ms':>8}{'a11y':>6}{'best':>6}{'SEO':>6}{'KB':>8}")
    for name, m in lh.items():
        print(f"{name:24}{m['performance']:>6.0f}{m['tbt_ms']:>8.0f}{m['accessibility']:>6.0f}"
              f"{m['best-practices']:>6.0f}{m['seo']:>6.0f}{m['bytes'] / 1024:>8.1f}")


def content_sizes(site: Path) -> dict:
    """Every built page's HTML bytes and quiz count (booklets apart), largest first."""
    pages, booklets = [], []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        data = path.read_bytes()
        entry = {"path": rel, "bytes": len(data), "quizzes": data.count(b'data-gvi-quiz="')}
        (booklets if "utskrift/" in rel else pages).append(entry)
    return {"pages": sorted(pages, key=lambda e: -e["bytes"]), "booklets": sorted(booklets, key=lambda e: -e["bytes"])}


def size_checks(sizes: dict, index: dict) -> list[str]:
    """The content-size budgets: pages, quizzes per page, booklets, search index per language."""
    problems = []
    for entry in sizes.get("pages", []):
        if entry["bytes"] > BUDGET["page_html_kb"] * 1024:
            problems.append(f"{entry['path']}: {kb(entry['bytes'])} KB of HTML, over {BUDGET['page_html_kb']} KB "
                            "(split the page, or move text to its own page)")
        if entry["quizzes"] > BUDGET["page_quizzes"]:
            problems.append(f"{entry['path']}: {entry['quizzes']} quizzes, over {BUDGET['page_quizzes']} on one page")
    for entry in sizes.get("booklets", []):
        if entry["bytes"] > BUDGET["booklet_kb"] * 1024:
            problems.append(f"{entry['path']}: {kb(entry['bytes'])} KB, over the booklets' {BUDGET['booklet_kb']} KB")
    for lang, v in index.items():
        if v["bytes"] > BUDGET["search_index_kb"] * 1024:
            problems.append(f"search index ({lang}): {kb(v['bytes'])} KB, over {BUDGET['search_index_kb']} KB; "
                            "every reader who searches downloads it")
    return problems


def checks(r: dict) -> list[str]:
    problems = size_checks(r.get("content_sizes", {}), r.get("search_index", {}))
    if r["third_party"]["project"]:
        problems.append(f"requests to other hosts: {r['third_party']['project_urls']}")
    problems += asset_sizes.problems(r["assets"])
    start = r["pages"]["project"]["start page"]["urls"]
    if any("gvi-quiz" in u for u in start):
        problems.append("the start page (no quiz) loads quiz code")
    search = [u for u in r["pages"]["project"]["search"]["urls"] if "search_index" in u]
    if search != ["search/search_index.sv.json"]:
        problems.append(f"a Swedish search downloaded {search}, not only search_index.sv.json")
    pages, ref = r["pages"]["project"], r["reference_page_bytes"]
    for name, w in pages.items():
        if w.get("search_before_intent"):
            problems.append(f"{name}: search files requested before the reader showed intent: {w['search_before_intent']}")
    # A content page against the same content on plain Material (issue 22); the start page against
    # the plain page. The module measured is "Vad är GVI?", whose text the plain page holds.
    same = (r["pages"].get("reference") or {}).get("same checklist")
    budgets = (("start page", ref, 0, "the plain Material page"),
               ("checklist page", same["total"]["bytes"] if same else ref, 0,
                "the same checklist on plain Material" if same else "the plain Material page"),
               ("module with quiz", ref, BUDGET["module_over_reference_kb"] * 1024,
                "the same module text on plain Material"))
    for name, base, allowed, what in budgets:
        if pages[name]["total"]["bytes"] > base + allowed:
            problems.append(f"{name}: {kb(pages[name]['total']['bytes'])} KB before any interaction, over "
                            f"{what}: {kb(base)} KB" + (f" + {allowed // 1024} KB" if allowed else ""))
    for lang, t in r.get("search_timing", {}).items():
        if t["median_ms"] is None or t["median_ms"] > BUDGET["first_results_ms"]:
            problems.append(f"{lang}: first results {t['median_ms']} ms after the index arrived, over "
                            f"{BUDGET['first_results_ms']} ms")
    lh = r.get("lighthouse")
    if isinstance(lh, str):
        problems.append(f"Lighthouse did not run: {lh}")
    elif lh:
        ref_tbt = lh["plain Material page"]["tbt_ms"]
        for name, m in lh.items():
            if name == "plain Material page":
                continue
            if m["performance"] < BUDGET["performance"]:
                problems.append(f"Lighthouse {name}: performance {m['performance']:.0f} < {BUDGET['performance']}")
            if m["tbt_ms"] > ref_tbt + BUDGET["tbt_over_reference_ms"]:
                problems.append(f"Lighthouse {name}: total blocking time {m['tbt_ms']:.0f} ms, over the plain "
                                f"Material page's {ref_tbt:.0f} ms + {BUDGET['tbt_over_reference_ms']} ms")
            for category in ("accessibility", "best-practices", "seo"):
                if m[category] < BUDGET["other_scores"]:
                    problems.append(f"Lighthouse {name}: {category} {m[category]:.0f} < 100")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a budget is broken")
    parser.add_argument("--quick", action="store_true", help="one run of each measurement, sizes 10 and 100")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 3
    sizes = (10, 100) if args.quick else (10, 100, 400)
    with tempfile.TemporaryDirectory(prefix="gvi-bench-") as tmp:
        tmp = Path(tmp)
        project = copy_project(tmp / "project")
        print("Building the real site …", flush=True)
        real = median_build(project / "mkdocs.yml", tmp / "site", runs)
        site = tmp / "site"
        pages = len([p for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith(("assets", "search"))])
        ref = reference_site(tmp)
        build(ref / "mkdocs.yml", tmp / "reference-site")
        build(checklist_reference_site(tmp, site) / "mkdocs.yml", tmp / "reference-checklist-site")
        synthetic = []
        for size in sizes:
            print(f"Building a synthetic site of {size} pages per language, and on plain Material …", flush=True)
            made = synthetic_site(tmp / f"synthetic-{size}", size)
            plain = synthetic_reference_site(tmp / f"synthetic-{size}-plain", made)
            synthetic.append({"pages_per_language": size,
                              "seconds": median_build(made / "mkdocs.yml", tmp / f"synthetic-{size}-site", runs),
                              "plain_seconds": median_build(plain / "mkdocs.yml", tmp / f"synthetic-{size}-plain-site", runs)})
        print("Measuring pages in Chromium …", flush=True)
        weights = page_weights(site, tmp / "reference-site", tmp / "reference-checklist-site")
        # The page-weight scenario's search is the Swedish search's first run ("" and the same query).
        timing = search_timing(site, runs, {"sv": [weights["project"]["search"]["first_results_ms"]]})
        print("Saving a page under mkdocs serve …", flush=True)
        reload = reload_timing(project, runs)
        try:
            lighthouse_figures = lighthouse(site, tmp / "reference-site", 1 if args.quick else 3)
        except RuntimeError as exc:
            lighthouse_figures = str(exc)
        assets = asset_sizes.measure(site)
        sizes = content_sizes(site)
        index = {}
        for lang in ("sv", "en"):
            data = (site / "search" / f"search_index.{lang}.json").read_bytes()
            index[lang] = {"bytes": len(data), "gzip": len(gzip.compress(data, 6, mtime=0)),
                           "docs": len(json.loads(data)["docs"])}
    ref_page = weights["reference"]["page"]["total"]["bytes"]
    overhead = {}
    for name, w in weights["project"].items():
        ref_w = weights["reference"]["search" if name == "search" else "page"]["total"]["bytes"]
        overhead[name] = {"ratio": w["total"]["bytes"] / ref_w, "kb": (w["total"]["bytes"] - ref_w) / 1024}
    # The same comparison without each page's own HTML: what the site's code and chrome cost, apart
    # from the page's text (a checklist of fifty items and thirty-seven sources is longer than the
    # plain Material page's text, and that is content, not overhead).
    ref_html = weights["reference"]["page"]["page"]["bytes"]
    without_html = {name: {"bytes": w["total"]["bytes"] - w["page"]["bytes"], "html": w["page"]["bytes"],
                           "reference_bytes": ref_page - ref_html, "reference_html": ref_html}
                    for name, w in weights["project"].items() if name != "search"}
    project_foreign = sorted({u for w in weights["project"].values() for u in w["third_party"]})
    ref_foreign = sorted({u for w in weights["reference"].values() for u in w["third_party"]})
    report = {
        "machine": f"{platform.node()} · {platform.system()} {platform.machine()} · {os.cpu_count()} cores · "
                   f"Python {platform.python_version()} · {time.strftime('%Y-%m-%d')}",
        "pages": weights, "overhead": overhead, "reference_page_bytes": ref_page,
        "without_page_html": without_html,
        "third_party": {"project": len(project_foreign), "project_urls": project_foreign,
                        "reference": len(ref_foreign),
                        "reference_hosts": sorted({urlsplit(u).netloc for u in ref_foreign})},
        "assets": assets, "search_index": index, "content_sizes": sizes,
        "build": {"real": {"seconds": real, "pages": pages}, "synthetic": synthetic,
                  "fit": linear_fit([(2 * s["pages_per_language"], s["seconds"]) for s in synthetic])
                  if len(synthetic) > 1 else None,
                  "plain_fit": linear_fit([(2 * s["pages_per_language"], s["plain_seconds"]) for s in synthetic])
                  if len(synthetic) > 1 else None},
        "search_timing": timing, "lighthouse": lighthouse_figures, "reload": reload,
        "runs": runs, "lighthouse_runs": 1 if args.quick else 3,
    }
    print_report(report)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.json}")
    found = checks(report)
    for problem in found:
        print("BUDGET BROKEN: " + problem, file=sys.stderr)
    if args.check and not found:
        print("Budgets: all met.")
    return 1 if (args.check and found) else 0


if __name__ == "__main__":
    sys.exit(main())
