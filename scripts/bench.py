#!/usr/bin/env python3
"""How fast and light the site is, measured against a plain Material page built in the same run.

    python scripts/bench.py [--check] [--quick] [--json FILE]

Measures, with a real build and a real Chromium (the one scripts/ensure_chromium.py found):
- page weight: bytes transferred (gzip, as a web server serves them) and requests for the start
  page, a module page with a quiz, a checklist page and a search, split into Material's assets, the
  project's own JS and CSS, the search index, the page itself and other requests; the same for a
  plain Material site (mkdocs.yml with only `theme: material`), and the project's overhead;
- build time: the real site, and synthetic bilingual sites of 10, 100 and 400 pages per language
  (median of three builds each), seconds per page and whether growth is linear;
- search index bytes per language;
- Lighthouse, where a `lighthouse` command and Chromium are present (skipped with a message if not).

--check fails (exit 1) unless: no request goes to another host; all project JS+CSS is at most
12 KB gzipped (scripts/asset_sizes.py); pages without a quiz load none of its code; a search
downloads only the reader's language's index. Timings are reported, never asserted.
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
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import asset_sizes  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
SCENARIOS = [  # name, path, action
    ("start page", "", None),
    ("module with quiz", "strategi/vad-ar-gvi/", None),
    ("checklist page", "checklistor/", None),
    ("search", "", "search"),
]
SEARCH_QUERY = {"project": "gruppernas", "reference": "material"}
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
            self.wfile.write(body)
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


def reference_site(tmp: Path) -> Path:
    """A plain Material site: the same versions, no configuration beyond the theme."""
    ref = tmp / "reference"
    (ref / "docs").mkdir(parents=True)
    (ref / "mkdocs.yml").write_text("site_name: Reference\ntheme:\n  name: material\n", encoding="utf-8")
    text = (ROOT / "docs" / "strategi" / "vad-ar-gvi.md").read_text(encoding="utf-8")
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```quiz\n.*?```\n", "", text, flags=re.S)
    text = re.sub(r"\{\{[^}]*\}\}", "Stockholm", text).replace("](../", "](https://example.org/")
    (ref / "docs" / "index.md").write_text(text, encoding="utf-8")
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
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "nav:\n  - Start: index.md\n  - Strategin:\n" + "".join(
        f"      - Modul {n}: strategi/modul-{n:03}.md\n" for n in range(1, pages))
    (dest / "mkdocs.yml").write_text(config[: config.index("\nnav:") + 1] + nav, encoding="utf-8")
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
    if action == "search":
        page.click("input.md-search__input")
        page.type("input.md-search__input", query, delay=10)
        page.wait_for_selector(".md-search-result__item, .md-search-result__meta", timeout=10000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
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
    return result


def chromium() -> str:
    recorded = ROOT / ".venv" / "chromium-path"
    path = os.environ.get("CHROMIUM") or (recorded.read_text().strip() if recorded.exists() else "")
    if not path or not Path(path).exists():
        sys.exit("No Chromium: run `make chromium` (scripts/ensure_chromium.py) or set CHROMIUM.")
    return path


def page_weights(site: Path, reference: Path) -> dict:
    from playwright.sync_api import sync_playwright

    out = {"project": {}, "reference": {}}
    servers = {"project": Server(site), "reference": Server(reference)}
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
            browser.close()
    finally:
        for server in servers.values():
            server.close()
    return out


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
    print(f"\nThird-party requests: project {r['third_party']['project']}, "
          f"plain Material {r['third_party']['reference']} ({', '.join(r['third_party']['reference_hosts']) or 'none'})")
    a = r["assets"]
    print(f"Project JS+CSS: heaviest page {a['heaviest_page']} loads {a['heaviest_gzip']} B gzipped "
          f"of {a['budgets']['page']} B budget (all files {a['total_gzip']} B); "
          f"quiz {a['components']['quiz']} B of {a['budgets']['quiz']} B")
    print("Search index per language: " + ", ".join(
        f"{lang} {kb(v['bytes'])} KB ({kb(v['gzip'])} KB gzip, {v['docs']} entries)"
        for lang, v in r["search_index"].items()))
    print("\nBuild time (median of runs)")
    print(f"  real site: {r['build']['real']['seconds']:.2f} s for {r['build']['real']['pages']} pages "
          f"({r['build']['real']['seconds'] / r['build']['real']['pages'] * 1000:.0f} ms/page)")
    for size in r["build"]["synthetic"]:
        print(f"  {size['pages_per_language']:>4} pages/language: {size['seconds']:.2f} s "
              f"({size['seconds'] / (2 * size['pages_per_language']) * 1000:.0f} ms/page)")
    fit = r["build"]["fit"]
    if fit:
        print(f"  fit: {fit['seconds_per_page'] * 1000:.0f} ms per page (both languages) + "
              f"{fit['fixed_seconds']:.2f} s fixed, R² {fit['r2']:.3f} → "
              f"{'linear' if fit['linear'] else 'NOT linear'}")
    print(f"\nLighthouse: {r['lighthouse']}")


def checks(r: dict) -> list[str]:
    problems = []
    if r["third_party"]["project"]:
        problems.append(f"requests to other hosts: {r['third_party']['project_urls']}")
    problems += asset_sizes.problems(r["assets"])
    start = r["pages"]["project"]["start page"]["urls"]
    if any("gvi-quiz" in u for u in start):
        problems.append("the start page (no quiz) loads quiz code")
    search = [u for u in r["pages"]["project"]["search"]["urls"] if "search_index" in u]
    if search != ["search/search_index.sv.json"]:
        problems.append(f"a Swedish search downloaded {search}, not only search_index.sv.json")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a budget is broken")
    parser.add_argument("--quick", action="store_true", help="one build per size, sizes 10 and 100")
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
        synthetic = []
        for size in sizes:
            print(f"Building a synthetic site of {size} pages per language …", flush=True)
            config = synthetic_site(tmp / f"synthetic-{size}", size) / "mkdocs.yml"
            synthetic.append({"pages_per_language": size,
                              "seconds": median_build(config, tmp / f"synthetic-{size}-site", runs)})
        print("Measuring pages in Chromium …", flush=True)
        weights = page_weights(site, tmp / "reference-site")
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
    project_foreign = sorted({u for w in weights["project"].values() for u in w["third_party"]})
    ref_foreign = sorted({u for w in weights["reference"].values() for u in w["third_party"]})
    lighthouse = "skipped: no `lighthouse` command on this machine (npm install -g lighthouse to add it)"
    if shutil.which("lighthouse"):
        lighthouse = "available but not run by default (it needs a network-free configuration; see README)"
    report = {
        "machine": f"{platform.node()} · {platform.system()} {platform.machine()} · {os.cpu_count()} cores · "
                   f"Python {platform.python_version()} · {time.strftime('%Y-%m-%d')}",
        "pages": weights, "overhead": overhead, "reference_page_bytes": ref_page,
        "third_party": {"project": len(project_foreign), "project_urls": project_foreign,
                        "reference": len(ref_foreign),
                        "reference_hosts": sorted({urlsplit(u).netloc for u in ref_foreign})},
        "assets": asset_sizes.measure(tmp / "site"), "search_index": index,
        "build": {"real": {"seconds": real, "pages": pages}, "synthetic": synthetic,
                  "fit": linear_fit([(2 * s["pages_per_language"], s["seconds"]) for s in synthetic])
                  if len(synthetic) > 1 else None},
        "lighthouse": lighthouse,
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
