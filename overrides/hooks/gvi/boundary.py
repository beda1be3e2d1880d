"""The boundary between the shared curriculum and one site's own pages and facts.

docs/_data/local.yml lists the site's own pages (``site.own_pages``) and the places and organisations
that are this site's own (``site.own_names``). Every other page is shared: it must read the same
for any site, so it may name the site's own places only inside a marked example,
``<span class="gvi-example">…</span>`` (opened and closed on the same line). Pure functions.
"""
from __future__ import annotations

import functools
import os
import re

from .problems import Problem
from .render import PLACEHOLDER

EXAMPLE_OPEN = '<span class="gvi-example">'
EXAMPLE = re.compile(re.escape(EXAMPLE_OPEN) + "(.*?)</span>")
FIX = ('write it as {{ local.… }} from docs/_data/local.yml, or, for a sourced example, wrap the '
       'sentence in <span class="gvi-example">…</span> (AUTHORING.md, "Delat och lokalt").')


def own_names(local: dict) -> list[str]:
    """The site's own place and organisation names, longest first (local.yml site.own_names)."""
    names = (local.get("site") or {}).get("own_names") or []
    if not isinstance(names, list):
        return []  # check_config reports it
    return sorted({str(name) for name in names if str(name).strip()}, key=lambda n: (-len(n), n))


def local_pages(local: dict) -> set[str]:
    """The site's own pages as neutral paths relative to docs/ (local.yml site.own_pages)."""
    pages = (local.get("site") or {}).get("own_pages") or []
    return {str(page) for page in pages} if isinstance(pages, list) else set()


def name_pattern(names: list[str]) -> re.Pattern | None:
    """One name as a whole word (a genitive s allowed): 'Bro' matches 'Bro' and 'Bros', never
    the 'Bro' in 'Upplands-Bro' (that is its own name) or in 'Brottet'. Made once per list of
    names (check_page asks for it on every page)."""
    return _pattern(tuple(names))


@functools.lru_cache(maxsize=16)
def _pattern(names: tuple[str, ...]) -> re.Pattern | None:
    if not names:
        return None
    # A name of five letters or more also inside a compound ('Järfällamodellen', 'Kungsängenpolisen',
    # 'the Järfälla-model'): a short one ('Bro') is too often the start of another word ('Brottet').
    short = "|".join(re.escape(name) for name in names if len(name) < 5)
    long = "|".join(re.escape(name) for name in names if len(name) >= 5)
    parts = ([rf"(?:{short})s?(?![\w-])"] if short else []) + (
        [rf"(?:{long})(?:s?(?![\w-])|-?[a-zåäö]\w*)"] if long else [])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})")


def check(text: str, path: str, names: list[str], first_line: int = 1) -> list[Problem]:
    """Every line of a shared page's ``text`` (front matter and body) that names one of the site's
    own ``names`` outside a marked example; ``first_line`` is the line number of ``text``'s start."""
    pattern = name_pattern(names)
    if pattern is None:
        return []
    problems = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        without = EXAMPLE.sub(" ", line)
        if EXAMPLE_OPEN in without:
            problems.append(Problem(path, number, "a marked example is not closed on its line.",
                                    "end it with </span> on the same line."))
            continue
        outside = PLACEHOLDER.sub(" ", without)
        found = pattern.search(outside)
        if found:
            problems.append(Problem(path, number, f"shared page names '{found.group(0)}', which "
                                    "docs/_data/local.yml lists as this site's own "
                                    "(site.own_names), outside a marked example.", FIX))
    return problems


def is_local(neutral: str, local: dict) -> bool:
    """True for the site's own pages (exempt from the check); ``neutral`` as 'veckan/index.md'."""
    return neutral in local_pages(local)


def check_page(text: str, neutral: str, path: str, local: dict) -> list[Problem]:
    """The boundary check for one page's whole file ``text``: nothing for the site's own pages."""
    return [] if is_local(neutral, local) else check(text, path, own_names(local))


def check_config(local: dict, pages: set[str], local_text: str,
                 path: str = "docs/_data/local.yml") -> list[Problem]:
    """local.yml's boundary keys: site.own_names a list of names, site.own_pages a list of pages
    that exist (``pages``: the neutral paths of every page, as 'veckan/index.md')."""
    lines = local_text.splitlines()

    def line_of(key: str) -> int:
        return next((n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:")), 1)

    site = local.get("site") or {}
    problems = []
    for key, what in (("own_names", "place and organisation names"), ("own_pages", "page paths")):
        value = site.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            problems.append(Problem(path, line_of(key), f"site.{key} must be a list of {what}.",
                                    f"write it as {key}: [first, second]."))
    if isinstance(site.get("own_pages"), list):
        for page in site["own_pages"]:
            if isinstance(page, str) and page not in pages:
                problems.append(Problem(path, line_of("own_pages"), f"site.own_pages lists '{page}', "
                                        "but docs/ has no such page.",
                                        "give its path under docs/ (e.g. veckan/index.md), or remove it."))
    return problems


def check_site(docs_dir: str, local: dict, pages, prefix: str = "docs/", text: str | None = None) -> list[Problem]:
    """check_config for the docs folder: local.yml's ``text`` (as gvi.data read it, else read
    here) gives the line numbers."""
    if text is None:
        with open(os.path.join(docs_dir, "_data", "local.yml"), encoding="utf-8") as handle:
            text = handle.read()
    return check_config(local, set(pages), text, f"{prefix}_data/local.yml")


def examples(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Every marked example in ``text``: (line, its words), for reviewing what stays site-specific."""
    return [(number, match.group(1))
            for number, line in enumerate(text.splitlines(), start=first_line)
            for match in EXAMPLE.finditer(line)]
