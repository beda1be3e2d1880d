"""The nav in mkdocs.yml against the pages: every entry leads to a page, every page is in the nav,
and every nav title has its translation (nav_translations), so no reader gets a Swedish menu item
in English. Pure: the hook and scripts/check_content.py give it the nav as mkdocs.yml holds it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem


@dataclass
class NavConfig:
    nav: list | None  # mkdocs.yml's nav, as loaded
    text: str  # mkdocs.yml's text, to name the line of an entry
    path: str = "mkdocs.yml"  # as problems name it
    translations: dict = field(default_factory=dict)  # {language: nav_translations} but the default's
    not_in_nav: list = field(default_factory=list)  # MkDocs' not_in_nav patterns (plain paths only)

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def entries(nav) -> list[tuple[str | None, str | None]]:
    """(title, path) of every nav entry, in order; a section gives (title, None)."""
    out: list[tuple[str | None, str | None]] = []
    for item in nav or []:
        if isinstance(item, str):
            out.append((None, item))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    out.append((str(title), value))
                else:
                    out.append((str(title), None))
                    out += entries(value if isinstance(value, list) else [])
    return out


def _line(config_lines: list[str], title: str | None, path: str | None, start: int) -> int:
    """The 1-based line of a nav entry in mkdocs.yml (searched from the 'nav:' line on)."""
    for number in range(start, len(config_lines)):
        line = config_lines[number].strip()
        if not line.startswith("- "):
            continue
        if path and (line.endswith(f": {path}") or line == f"- {path}"):
            return number + 1
        if not path and title and line.startswith(f"- {title}:"):
            return number + 1
    return start + 1 if start else 1


def check_nav(nav, config_text: str, config_path: str, pages: list[str], default_pages: list[str],
              translations: dict[str, dict], prefix: str = "docs/",
              not_in_nav: list[str] = ()) -> list[Problem]:
    """Problems with the nav. ``pages``: every page in any language, by its default-language path
    (a page missing in one language is reported by the twin check, not here); ``default_pages``:
    the default language's pages; ``translations``: {language: its nav_translations} for every
    other language."""
    if not nav:
        return []  # no nav: MkDocs lists every page itself
    lines = config_text.splitlines()
    nav_start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line)), 0)
    problems: list[Problem] = []
    listed = set()
    known = set(pages)
    for title, path in entries(nav):
        line = _line(lines, title, path, nav_start)
        if path is not None and not _SCHEME.match(path):
            if path in listed:
                again = _line(lines, title, path, line)  # the second entry, after the first
                problems.append(Problem(config_path, again, f"the nav lists '{path}' twice (first on "
                                        f"line {line}), so it would count twice in the schedule, the "
                                        "section page, 'My progress' and the booklets.",
                                        "keep one entry for the page; remove the other."))
                continue
            listed.add(path)
            if path not in known:
                problems.append(Problem(config_path, line, f"the nav lists '{path}', which is not a "
                                        f"page in {prefix}.",
                                        f"correct the path, create {prefix}{path} and its English "
                                        "twin (scripts/new_module.py writes both), or remove the entry."))
        if title is None:
            continue
        for lang, mapping in translations.items():
            if title in (mapping or {}) and (not isinstance(mapping[title], str) or not mapping[title].strip()):
                problems.append(Problem(config_path, _translation_line(lines, title, line), f"the nav title "
                                        f"'{title}' has an empty '{lang}' title in nav_translations, so "
                                        f"the '{lang}' menu would show '{mapping[title]}'.",
                                        f"write the '{lang}' title after '{title}:'."))
            elif title not in (mapping or {}):
                problems.append(Problem(config_path, line, f"the nav title '{title}' has no "
                                        f"'{lang}' title in nav_translations, so the '{lang}' menu "
                                        "would show it untranslated.",
                                        f"add '{title}: <{lang} title>' to nav_translations under "
                                        f"the '{lang}' language of the i18n plugin in mkdocs.yml."))
    problems += _duplicate_translations(lines, config_path)
    for page in sorted(set(default_pages) - listed):
        if any(page == p or page.startswith(p.rstrip("/") + "/") for p in not_in_nav):
            continue
        problems.append(Problem(prefix + page, 1, "the page is not in the nav in mkdocs.yml, so "
                                "readers cannot find it.",
                                f"add '- <title>: {page}' to its section of the nav (scripts/"
                                "new_module.py does this for a module), or delete the page and its "
                                "English twin."))
    return problems


def _translation_line(lines: list[str], title: str, fallback: int) -> int:
    """The line of ``title:`` under a nav_translations block (else ``fallback``)."""
    inside = False
    for number, line in enumerate(lines, 1):
        if line.strip().startswith("nav_translations:"):
            inside = True
        elif inside and re.match(rf"^\s+{re.escape(title)}\s*:", line):
            return number
    return fallback


def _duplicate_translations(lines: list[str], config_path: str) -> list[Problem]:
    """A title given twice in one nav_translations block: YAML keeps the last without a word."""
    problems: list[Problem] = []
    indent, seen, block = None, None, 0
    for number, line in enumerate(lines, 1):
        match = re.match(r"^(\s*)nav_translations:\s*$", line)
        if match:
            indent, seen = None, {}
            block = len(match.group(1))
            continue
        if seen is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        width = len(line) - len(line.lstrip())
        if indent is None:
            if width <= block:
                seen = None
                continue
            indent = width
        if width < indent:
            seen = None
            continue
        key = re.match(r"^\s*(['\"]?)(.+?)\1\s*:", line)
        if width == indent and key:
            title = key.group(2)
            if title in seen:
                problems.append(Problem(config_path, number, f"nav_translations gives '{title}' twice "
                                        f"(first on line {seen[title]}); YAML keeps only the last, so "
                                        "the other is lost without a word.",
                                        f"keep one '{title}:' line with the title you mean."))
            else:
                seen[title] = number
    return problems
