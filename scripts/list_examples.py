#!/usr/bin/env python3
"""List every marked example on the shared pages: `path:line: words`, one a line.

    python scripts/list_examples.py [--lang sv|en|all]

The marked examples (<span class="gvi-example">…</span>, AUTHORING.md "Delat och lokalt") are the
only places a shared page may name the site's own places. Review them when you start a new site.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from gvi import boundary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=["sv", "en", "all"], default="all")
    args = parser.parse_args(argv)
    docs = ROOT / "docs"
    count = 0
    for page in sorted(docs.rglob("*.md")):
        english = page.name.endswith(".en.md")
        if (args.lang == "sv" and english) or (args.lang == "en" and not english):
            continue
        for line, words in boundary.examples(page.read_text(encoding="utf-8")):
            print(f"{page.relative_to(ROOT).as_posix()}:{line}: {words}")
            count += 1
    print(f"{count} marked example(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
