#!/usr/bin/env python3
"""Bytes of the project's own JavaScript and CSS, raw and gzipped, against the budgets.

    python scripts/asset_sizes.py [--check] [--json FILE]

Budgets (DESIGN.md, issues 3 and 5): the quiz's JS + CSS at most 5 KB gzipped; all project JS + CSS
together at most 12 KB gzipped. Each component is loaded only on pages that use it; the build
tests check where each file is referenced.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "overrides" / "assets"
KB = 1024
# component -> files (relative to overrides/assets); every project JS/CSS file belongs to one.
COMPONENTS = {
    "site": ["stylesheets/gvi.css"],
    "checklist": ["javascripts/gvi-checklist.js"],
    "quiz": ["javascripts/gvi-quiz.js", "stylesheets/gvi-quiz.css"],
    "presenter": ["javascripts/gvi-present.js", "stylesheets/gvi-present.css"],
    "search": ["javascripts/workers/gvi-search.js"],
    "version selector": ["javascripts/gvi-version.js"],
    "privacy": ["javascripts/gvi-privacy.js"],
}
# Third-party code kept in the repo, loaded only in the offline bundle (not on the web site).
VENDORED = ["javascripts/vendor/iframe-worker-shim.js"]
BUDGETS = {"quiz": 5 * KB, "total": 12 * KB}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def measure() -> dict:
    files = {}
    for component, names in COMPONENTS.items():
        for name in names:
            data = (ASSETS / name).read_bytes()
            files[name] = {"component": component, "bytes": len(data), "gzip": gz(data)}
    vendored = {name: {"bytes": len((ASSETS / name).read_bytes()), "gzip": gz((ASSETS / name).read_bytes())}
                for name in VENDORED}
    listed = set(files) | set(vendored)
    unlisted = sorted(str(p.relative_to(ASSETS)) for p in ASSETS.rglob("*")
                      if p.suffix in (".js", ".css") and str(p.relative_to(ASSETS)) not in listed)
    components = {c: sum(f["gzip"] for f in files.values() if f["component"] == c) for c in COMPONENTS}
    return {"files": files, "components": components, "unlisted": unlisted, "vendored": vendored,
            "total_gzip": sum(f["gzip"] for f in files.values()),
            "budgets": BUDGETS}


def problems(report: dict) -> list[str]:
    out = [f"{name} is not assigned to a component in scripts/asset_sizes.py" for name in report["unlisted"]]
    if report["components"]["quiz"] > BUDGETS["quiz"]:
        out.append(f"quiz JS+CSS is {report['components']['quiz']} B gzipped, over {BUDGETS['quiz']} B")
    if report["total_gzip"] > BUDGETS["total"]:
        out.append(f"all project JS+CSS is {report['total_gzip']} B gzipped, over {BUDGETS['total']} B")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a budget is exceeded")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    report = measure()
    print(f"{'file':42} {'component':17} {'bytes':>7} {'gzip':>6}")
    for name, f in report["files"].items():
        print(f"{name:42} {f['component']:17} {f['bytes']:>7} {f['gzip']:>6}")
    for component, size in report["components"].items():
        print(f"{'= ' + component:60} {size:>8}")
    print(f"{'= all project JS+CSS (budget ' + str(BUDGETS['total']) + ')':60} {report['total_gzip']:>8}")
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
