#!/usr/bin/env python3
"""Run the site's content checks without building it, and without MkDocs.

    python scripts/check_content.py [--config mkdocs.yml]

The same checks the MkDocs build runs (overrides/hooks/gvi/checks.py): every page in every
language, front matter, local facts, quizzes and the links inside them, checklists, headings and
ids, what the scaffold left in, and the nav (entries, pages left out, nav_translations). Only the
links and anchors of the pages' own Markdown are left to the build. One line per problem,
naming the file, the line and the fix; exit status 1 when there is any. Another generator (see
MAINTAINING.md) can run this before its own build.
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from gvi import checks  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="the site config (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    found, pages, languages = checks.check_project(args.config)
    for problem in found:
        print(problem)
    print(f"{pages} pages in {languages} languages checked: "
          + (f"{len(found)} problem(s)." if found else "no problems."))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
