"""Which pages exist in which language (suffix layout: page.md is Swedish, page.en.md English)."""
from __future__ import annotations

from .problems import Problem


def split_language(src_uri: str, languages: list[str], default: str) -> tuple[str, str]:
    """'strategi/vad-ar-gvi.en.md' -> ('strategi/vad-ar-gvi.md', 'en')."""
    stem, _, ext = src_uri.rpartition(".")
    for lang in languages:
        if lang != default and stem.endswith("." + lang):
            return f"{stem[: -len(lang) - 1]}.{ext}", lang
    return src_uri, default


def language_file(neutral: str, lang: str, default: str) -> str:
    if lang == default:
        return neutral
    stem, _, ext = neutral.rpartition(".")
    return f"{stem}.{lang}.{ext}"


def missing_twins(src_uris: list[str], languages: list[str], default: str,
                  docs_prefix: str = "docs/") -> list[Problem]:
    """Every Markdown page must exist in every language."""
    present: dict[str, set[str]] = {}
    for uri in src_uris:
        if uri.endswith(".md"):
            neutral, lang = split_language(uri, languages, default)
            present.setdefault(neutral, set()).add(lang)
    problems = []
    for neutral in sorted(present):
        have = present[neutral]
        for lang in languages:
            if lang not in have:
                existing = language_file(neutral, sorted(have)[0], default)
                wanted = language_file(neutral, lang, default)
                problems.append(Problem(
                    docs_prefix + existing, 1,
                    f"this page has no '{lang}' version, so readers of that language would get "
                    "no page or a page in the wrong language.",
                    f"create {docs_prefix}{wanted} (scripts/new_module.py scaffolds both), or "
                    "delete this page."))
    return problems
