#!/usr/bin/env python3
"""List translation problems: missing, outdated and orphaned pages.

Usage:
    python scripts/translation_status.py [--root DIR] [--check]

  missing        a Swedish page has no version in another configured language;
  outdated       the Swedish page's last git commit is newer than the translation's (a file with
                 uncommitted changes counts as changed now); both dates are shown;
  orphaned       a translation whose Swedish page does not exist, or a page.xx.md for a language
                 that mkdocs.yml does not configure;
  not committed  a file git has never committed, so its date is unknown (shown, not a problem).

Languages come from the i18n plugin in mkdocs.yml. Dates are the committer dates in local time.
Without --check the script always exits 0; with --check it exits 1 if any page is missing,
outdated or orphaned (for CI), 2 if mkdocs.yml cannot be read.
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import argparse
import datetime
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent  # the project: scripts/..
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from gvi.pages import language_file, split_language  # noqa: E402
from gvi.siteconfig import find_pages, i18n_languages, load_config  # noqa: E402

MISSING, OUTDATED, ORPHANED, NOT_COMMITTED = "missing", "outdated", "orphaned", "not committed"
PROBLEMS = (MISSING, OUTDATED, ORPHANED)  # what --check fails on
_ORDER = {MISSING: 0, OUTDATED: 1, ORPHANED: 2, NOT_COMMITTED: 3}
# A language suffix in the suffix layout: 'page.de.md', 'page.pt_BR.md'.
_LANG_SUFFIX = re.compile(r"\.([a-z]{2}(?:[_-][A-Za-z]{2})?)\.md$")


@dataclass(frozen=True)
class Row:
    status: str  # one of MISSING, OUTDATED, ORPHANED, NOT_COMMITTED
    page: str  # the file concerned, e.g. "docs/strategi/vad-ar-gvi.en.md"
    detail: str  # what is wrong and what to do


def _git(root: Path, *args: str) -> str | None:
    """Output of a git command run in root, or None if git fails or is not installed."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def git_dates(root: Path, files: list[Path]) -> dict[Path, int | None]:
    """Each file's last commit time (Unix seconds): now if it has uncommitted changes, None if
    git never committed it (or root is not in a git repository)."""
    toplevel = _git(root, "rev-parse", "--show-toplevel")
    if toplevel is None:
        return {path: None for path in files}
    top = Path(toplevel.strip()).resolve()
    # Porcelain paths are relative to the repository's top level; -z leaves them unquoted.
    status = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all") or ""
    entries = status.split("\0")
    changed, i = set(), 0
    while i < len(entries):
        entry = entries[i]
        if len(entry) > 3:
            changed.add(top / entry[3:])
            if entry[0] in "RC":
                i += 1  # a rename or copy is followed by its source path
        i += 1
    now = int(time.time())
    dates: dict[Path, int | None] = {}
    for path in files:
        out = (_git(root, "log", "-1", "--format=%ct", "--", str(path)) or "").strip()
        if not out:
            dates[path] = None
        else:
            dates[path] = now if path.resolve() in changed else int(out)
    return dates


def day(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp).date().isoformat()


# The pure core --------------------------------------------------------------------------------


def status(pages: dict[str, int | None], languages: list[str], default: str,
           not_built: tuple[str, ...] | list[str] = (), prefix: str = "docs/") -> list[Row]:
    """Translation problems of the pages {docs-relative path: last change (Unix time) or None}.

    ``languages`` are the built languages, ``default`` the source language; files of a
    configured but not built language (``not_built``) are left alone. Rows are sorted by status,
    then by page.
    """
    rows: list[Row] = []
    versions: dict[str, dict[str, str]] = {}  # neutral page -> {language: file}
    for path in pages:
        neutral, lang = split_language(path, languages, default)
        suffix = _LANG_SUFFIX.search(path)
        if lang == default and suffix and suffix.group(1) != default:
            if suffix.group(1) not in not_built:
                rows.append(Row(ORPHANED, prefix + path,
                                f"language '{suffix.group(1)}' is not configured in mkdocs.yml: "
                                "rename or delete the file, or add the language."))
            continue
        versions.setdefault(neutral, {})[lang] = path

    for neutral, files in versions.items():
        source = files.get(default)
        if source is None:
            for lang, path in files.items():
                rows.append(Row(ORPHANED, prefix + path,
                                f"its '{default}' source {prefix}{neutral} does not exist: "
                                "write it, or delete this translation."))
            continue
        for lang in languages:
            if lang == default:
                continue
            wanted = language_file(neutral, lang, default)
            if lang not in files:
                rows.append(Row(MISSING, prefix + wanted,
                                f"no '{lang}' version of {prefix}{source}: translate it."))
                continue
            source_date, translation_date = pages[source], pages[files[lang]]
            if None not in (source_date, translation_date) and source_date > translation_date:
                rows.append(Row(OUTDATED, prefix + wanted,
                                f"'{default}' changed {day(source_date)}, '{lang}' last changed "
                                f"{day(translation_date)}: update the translation."))
        for path in files.values():
            if pages[path] is None:
                rows.append(Row(NOT_COMMITTED, prefix + path,
                                "git has no commit of it yet, so its date is unknown."))
    return sorted(rows, key=lambda row: (_ORDER[row.status], row.page))


def count_pages(pages, languages: list[str], default: str, not_built=()) -> int:
    """Pages counted once however many languages they exist in (not-built languages aside)."""
    neutral = set()
    for path in pages:
        suffix = _LANG_SUFFIX.search(path)
        if not (suffix and suffix.group(1) in not_built):
            neutral.add(split_language(path, languages, default)[0])
    return len(neutral)


def summary(rows: list[Row], n_pages: int) -> str:
    def n(kind: str) -> int:
        return sum(row.status == kind for row in rows)

    return (f"{n_pages} pages, {n(MISSING)} missing, {n(OUTDATED)} outdated, "
            f"{n(ORPHANED)} orphaned")


def table(rows: list[Row]) -> str:
    """A plain-text table with aligned columns."""
    header = Row("STATUS", "PAGE", "DETAIL")
    widths = [max(len(getattr(row, field)) for row in [header, *rows]) for field in ("status", "page")]
    return "\n".join(f"{row.status:<{widths[0]}}  {row.page:<{widths[1]}}  {row.detail}"
                     for row in [header, *rows])


# Command line ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List missing, outdated and orphaned translations.")
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this project)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if any page is missing, outdated or orphaned")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        config = load_config(root / "mkdocs.yml")
        languages, default, not_built = i18n_languages(config)
    except FileNotFoundError:
        print(f"translation_status.py: error: {root / 'mkdocs.yml'} does not exist: pass --root "
              "with the project folder.", file=sys.stderr)
        return 2
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"translation_status.py: error: {exc}", file=sys.stderr)
        return 2
    docs_dir = root / (config.get("docs_dir") or "docs")
    files = find_pages(docs_dir, config.get("exclude_docs"))
    dates = git_dates(root, [docs_dir / rel for rel in files])
    pages = {rel: dates[docs_dir / rel] for rel in files}
    prefix = os.path.relpath(docs_dir, root).replace(os.sep, "/") + "/"
    rows = status(pages, languages, default, not_built, prefix)

    print(table(rows) if rows else "Every page exists in every language and is up to date.")
    print()
    print(summary(rows, count_pages(pages, languages, default, not_built)))
    uncommitted = sum(row.status == NOT_COMMITTED for row in rows)
    if uncommitted:
        print(f"{uncommitted} file(s) not committed: their dates are unknown until you commit them.")
    return 1 if args.check and any(row.status in PROBLEMS for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
