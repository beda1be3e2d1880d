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

import yaml  # noqa: E402

from gvi import checks, editions, navcheck, siteconfig, yamltext  # noqa: E402
from gvi import data as site_data  # noqa: E402
from gvi.problems import ContentError, Problem  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="the site config (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    config_path = Path(args.config).resolve()
    try:
        config = siteconfig.load_config(config_path)
    except (OSError, ValueError, yaml.YAMLError) as exc:  # one line, never a traceback
        line = yamltext.error_line(exc) + 1 if isinstance(exc, yaml.YAMLError) else 1
        print(f"{config_path.name}:{line}: the site config cannot be read "
              f"({getattr(exc, 'problem', None) or exc}). Fix: check indentation, colons and quotes "
              "on that line.")
        return 1
    docs = config_path.parent / config.get("docs_dir", "docs")
    prefix = docs.relative_to(config_path.parent).as_posix() + "/"
    codes, default, _ = siteconfig.i18n_languages(config)
    try:
        data = site_data.load(str(docs), prefix)
    except ContentError as exc:
        print(exc.problem)
        return 1
    uris = siteconfig.find_pages(docs, config.get("exclude_docs"))
    nav = navcheck.NavConfig(config.get("nav"), config_path.read_text(encoding="utf-8"),
                             config_path.name,
                             {lang["locale"]: lang.get("nav_translations") or {}
                              for lang in siteconfig.language_entries(config) if lang["locale"] != default
                              and lang["locale"] in codes},
                             (config.get("not_in_nav") or "").split())
    result = checks.check_docs(str(docs), uris, codes, default, data, prefix, nav)
    found = result.problems + _editions(docs, prefix, codes, data)
    for problem in found:
        print(problem)
    pages = sum(len(langs) for langs in result.pages.values())
    print(f"{pages} pages in {len(codes)} languages checked: "
          + (f"{len(found)} problem(s)." if found else "no problems."))
    return 1 if found else 0


def _editions(docs: Path, prefix: str, codes: list[str], data) -> list:
    """docs/_data/editions.yml as the build checks it for a plain build (the edition of local.yml's
    week; a mike deploy checks its own edition's entry)."""
    path = prefix + editions.FILE
    try:
        text = (docs / editions.FILE).read_text(encoding="utf-8")
    except OSError:
        return [Problem(path, 1, "data file is missing.", "restore it from git.")]
    listed, problems = editions.parse(text, codes, path)
    name = str((data.local.get("week") or {}).get("edition", ""))
    return problems or editions.check_edition(listed, name, path) + editions.check_week(listed, data.local, path)


if __name__ == "__main__":
    sys.exit(main())
