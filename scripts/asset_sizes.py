#!/usr/bin/env python3
"""Bytes of the project's own JavaScript and CSS, raw and gzipped, against the budgets.

    python scripts/asset_sizes.py [--check] [--json FILE] [--site DIR]

Budgets (DESIGN.md, issues 3, 5 and 15): the quiz's JS + CSS at most 5 KB gzipped; what any ONE page
loads of the project's own JS + CSS at most 12 KB gzipped (each component loads only on pages that
use it, so the files together may weigh more). A page's load is read from the built site (--site,
default ./site when it exists): the project files its HTML references, plus the code it fetches on
demand: search (the worker every page fetches when the reader starts to search) and the speaker
view (which presenter mode opens in a window of its own, loading the module page plus its code).
A page's load is its own files plus the heaviest of these on-demand bundles. The files are weighed
as the built site ships them (minified by the build, overrides/hooks/gvi/minify.py); without a
built site, as the sources are.
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "overrides" / "assets"
KB = 1024
# component -> files (relative to overrides/assets); every project JS/CSS file belongs to one.
COMPONENTS = {
    "site": ["stylesheets/gvi.css"],
    "checklist": ["javascripts/gvi-checklist.js", "stylesheets/gvi-checklist.css"],
    "quiz": ["javascripts/gvi-quiz.js", "stylesheets/gvi-quiz.css"],
    "presenter": ["javascripts/gvi-present.js", "stylesheets/gvi-present.css"],
    "speaker view": ["javascripts/gvi-speaker.js", "stylesheets/gvi-speaker.css"],
    "booklet": ["stylesheets/gvi-booklet.css"],
    "search": ["javascripts/workers/gvi-search.js"],
    "version selector": ["javascripts/gvi-version.js"],
    "privacy": ["javascripts/gvi-privacy.js"],
    "my path": ["javascripts/gvi-path.js", "stylesheets/gvi-path.css"],
}
# Third-party code kept in the repo, loaded only in the offline bundle (not on the web site).
VENDORED = ["javascripts/vendor/iframe-worker-shim.js"]
BUDGETS = {"quiz": 5 * KB, "page": 12 * KB}
# Code a page fetches only when the reader asks: (what in the page's HTML offers it, the bundle).
ON_DEMAND = [
    ("javascripts/gvi-present.js", ["javascripts/gvi-speaker.js", "stylesheets/gvi-speaker.css"]),
    ("workers/gvi-search.js", ["javascripts/workers/gvi-search.js"]),
]
_REFERENCE = re.compile(r'(?:href|src)="[^"]*?assets/((?:javascripts|stylesheets)/[^"?#]*\.(?:js|css))')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def per_page(site: Path, files: dict) -> dict:
    """Gzipped bytes of project JS + CSS that each built HTML page loads: its own files plus the
    heaviest on-demand bundle it offers."""
    pages = {}
    for html in sorted(site.rglob("*.html")):
        text = html.read_text(encoding="utf-8", errors="replace")
        names = {m for m in _REFERENCE.findall(text) if m in files}
        bundles = [bundle for marker, bundle in ON_DEMAND if marker in text]
        heaviest = max(bundles, key=lambda b: sum(files[n]["gzip"] for n in b), default=[])
        names.update(heaviest)
        pages[html.relative_to(site).as_posix()] = {"files": sorted(names),
                                                    "gzip": sum(files[n]["gzip"] for n in names)}
    return pages


def measure(site: Path | None = None) -> dict:
    """The figures of each project file as the built site ships it (minified by the build,
    gvi/minify.py), beside its source in overrides/assets/; a page's load from the built site."""
    if site is None and (ROOT / "site").is_dir():
        site = ROOT / "site"
    files = {}
    for component, names in COMPONENTS.items():
        for name in names:
            source = (ASSETS / name).read_bytes()
            shipped = site / "assets" / name if site else None
            data = shipped.read_bytes() if shipped and shipped.is_file() else source
            files[name] = {"component": component, "bytes": len(data), "gzip": gz(data),
                           "source_bytes": len(source), "source_gzip": gz(source)}
    vendored = {name: {"bytes": len((ASSETS / name).read_bytes()), "gzip": gz((ASSETS / name).read_bytes())}
                for name in VENDORED}
    listed = set(files) | set(vendored)
    unlisted = sorted(str(p.relative_to(ASSETS)) for p in ASSETS.rglob("*")
                      if p.suffix in (".js", ".css") and str(p.relative_to(ASSETS)) not in listed)
    components = {c: sum(f["gzip"] for f in files.values() if f["component"] == c) for c in COMPONENTS}
    pages = per_page(site, files) if site else {}
    heaviest = max(pages, key=lambda p: pages[p]["gzip"]) if pages else None
    return {"files": files, "components": components, "unlisted": unlisted, "vendored": vendored,
            "total_gzip": sum(f["gzip"] for f in files.values()),
            "pages": pages, "heaviest_page": heaviest,
            "heaviest_gzip": pages[heaviest]["gzip"] if heaviest else None,
            "budgets": BUDGETS}


def problems(report: dict) -> list[str]:
    out = [f"{name} is not assigned to a component in scripts/asset_sizes.py" for name in report["unlisted"]]
    if report["components"]["quiz"] > BUDGETS["quiz"]:
        out.append(f"quiz JS+CSS is {report['components']['quiz']} B gzipped, over {BUDGETS['quiz']} B")
    if not report["pages"]:
        out.append("no built site to read the per-page load from: build it (make build) or pass --site")
    for page, info in report["pages"].items():
        if info["gzip"] > BUDGETS["page"]:
            out.append(f"{page} loads {info['gzip']} B of project JS+CSS gzipped, over {BUDGETS['page']} B "
                       f"({', '.join(info['files'])})")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a budget is exceeded")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--site", type=Path, help="the built site to read pages from (default ./site)")
    args = parser.parse_args(argv)
    report = measure(args.site)
    print(f"{'file (as shipped; source in brackets)':42} {'component':17} {'bytes':>15} {'gzip':>13}")
    for name, f in report["files"].items():
        print(f"{name:42} {f['component']:17} {f['bytes']:>6} ({f['source_bytes']:>6}) "
              f"{f['gzip']:>5} ({f['source_gzip']:>5})")
    for component, size in report["components"].items():
        print(f"{'= ' + component:60} {size:>8}")
    print(f"{'= all project JS+CSS files together':60} {report['total_gzip']:>8}")
    if report["heaviest_page"]:
        print(f"{'= heaviest page (budget ' + str(BUDGETS['page']) + '): ' + report['heaviest_page']:60} "
              f"{report['heaviest_gzip']:>8}")
    for name, f in report["vendored"].items():
        print(f"{name:42} {'offline only':17} {f['bytes']:>7} {f['gzip']:>6}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    found = problems(report)
    for problem in found:
        print("over budget: " + problem, file=sys.stderr)
    return 1 if (args.check and found) else 0


if __name__ == "__main__":
    sys.exit(main())
