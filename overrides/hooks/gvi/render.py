"""Markdown that the build adds to pages: local facts, the module facts line, the sources list."""
from __future__ import annotations

import html
import re

from .problems import Problem

PLACEHOLDER = re.compile(r"\{\{\s*local\.([A-Za-z0-9_.-]+)\s*\}\}")


def local_value(local: dict, dotted: str, lang: str):
    """Look up 'week.dates' in the local facts; a {sv:, en:} mapping gives the page's language."""
    value = local
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(dotted)
        value = value[part]
    if isinstance(value, dict):
        if lang not in value:
            raise KeyError(dotted)
        value = value[lang]
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        raise KeyError(dotted)
    return str(value)


def _group(local: dict, dotted: str, lang: str) -> list[str]:
    """The keys under 'week' when {{ local.week }} names a group rather than one fact."""
    value = local
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return []
        value = value[part]
    return [key for key in value if key != lang] if isinstance(value, dict) and lang not in value else []


def _languages(local: dict, dotted: str) -> list[str]:
    """The languages a {sv:, en:} fact has, when it exists but not in the page's language."""
    value = local
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return []
        value = value[part]
    if isinstance(value, dict) and value and all(len(k) == 2 and not isinstance(v, dict) for k, v in value.items()):
        return list(value)
    return []


def expand_local(markdown: str, local: dict, lang: str, path: str,
                 first_line: int = 1) -> tuple[str, list[Problem]]:
    """Replace {{ local.key }} with the local fact; unknown keys are problems, never blanks."""
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        try:
            # A fact is text: a '<' in it never opens a tag (gvi/htmlsafety.py refuses markup first).
            return local_value(local, match.group(1), lang).replace("<", "&lt;")
        except KeyError:
            line = first_line + markdown.count("\n", 0, match.start())
            group = _group(local, match.group(1), lang)
            other = _languages(local, match.group(1))
            if other:
                problems.append(Problem(path, line, f"local fact '{match.group(1)}' has no text for "
                                        f"language '{lang}'.",
                                        f"add '{lang}: …' to it in docs/_data/local.yml."))
            elif group:
                problems.append(Problem(path, line, f"local fact '{match.group(1)}' is a group of "
                                        "facts, not one text.",
                                        "name one of its facts: " + ", ".join(
                                            f"{match.group(1)}.{key}" for key in group) + "."))
            else:
                problems.append(Problem(path, line, f"unknown local fact '{match.group(1)}'.",
                                        "add it to docs/_data/local.yml or fix the key."))
            return match.group(0)

    return PLACEHOLDER.sub(replace, markdown), problems


def source_entry(source: dict) -> str:
    parts = [f"*{source['title']}*"]
    if source.get("publisher"):
        parts.append(source["publisher"])
    if source.get("year"):
        parts.append(str(source["year"]))
    text = " — ".join(parts)
    url = source.get("url")
    return f"{text}. <{url}>" if url else f"{text}."


def sources_section(keys: list[str], sources: dict, heading: str) -> str:
    """The '## Källor' section every factual page ends with, from its front matter."""
    items = "\n".join(f"1. {source_entry(sources[key])}" for key in keys)
    return f"\n\n## {heading} {{#kallor .gvi-sources}}\n\n{items}\n"


def module_facts(meta: dict, lang: str, roles: dict, audiences: dict, strings: dict) -> str:
    """One line of HTML under the module title: duration, audience and roles."""
    def t(key: str) -> str:
        return html.escape(strings[key][lang])

    minutes = t("minutes").replace("{n}", str(meta["duration"]))
    audience = ", ".join(html.escape(audiences[a][lang]) for a in meta["audience"])
    role_names = ", ".join(html.escape(roles[r][lang]) for r in meta["roles"])
    return (
        '<dl class="gvi-facts">'
        f'<div><dt>{t("duration")}</dt><dd>{minutes}</dd></div>'
        f'<div><dt>{t("audience")}</dt><dd>{audience}</dd></div>'
        f'<div><dt>{t("roles")}</dt><dd>{role_names}</dd></div>'
        "</dl>"
    )


def insert_after_title(markdown: str, block: str) -> str:
    """Insert a block after the first level-one heading (or at the top if there is none)."""
    match = re.search(r"^# .*$", markdown, flags=re.MULTILINE)
    if not match:
        return f"{block}\n\n{markdown}"
    return f"{markdown[: match.end()]}\n\n{block}\n{markdown[match.end():]}"


def abbreviation_titles(abbrs: dict, lang: str) -> dict[str, str]:
    """{abbreviation: its title in the page's language}, for Python-Markdown's abbr extension."""
    titles = {abbr: str(texts[lang]).strip() for abbr, texts in abbrs.items() if lang in texts}
    return {abbr: title for abbr, title in titles.items() if title}


_TASK = re.compile(
    r'<label class="task-list-control"><input type="checkbox"(?P<attrs>[^>]*?)/?>'
    r'<span class="task-list-indicator"></span></label>(?P<text>.*?)(?=<ul|<ol|</li>)', re.S)


def label_task_lists(html_text: str, prefix: str = "gvi-task") -> str:
    """Give each task-list checkbox its item's text as its name (pymdownx leaves it unnamed)."""
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        count += 1
        ident = f"{prefix}-{count}"
        return (f'<label class="task-list-control"><input type="checkbox" aria-labelledby="{ident}"'
                f'{match.group("attrs")}><span class="task-list-indicator"></span></label>'
                f'<span id="{ident}">{match.group("text")}</span>')

    return _TASK.sub(replace, html_text)
