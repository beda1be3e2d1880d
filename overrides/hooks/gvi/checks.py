"""The content checks across all pages, as one pure function over the docs folder.

The MkDocs hook runs it on every build (on_files); scripts/check_content.py runs it with no
generator at all, so the checks survive a change of platform (MAINTAINING.md).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import checklist, frontmatter, outline, pages, quiz, render, schema
from .data import SiteData
from .problems import ContentError, Problem


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    # What later pages need to know about every page, per language: title, kind, duration,
    # description, role and quiz ids. {neutral uri: {lang: {...}}}
    pages: dict[str, dict[str, dict]] = field(default_factory=dict)


def _read(docs_dir: str, uri: str, path: str):
    with open(os.path.join(docs_dir, uri), encoding="utf-8") as handle:
        text = handle.read()
    try:
        return text, frontmatter.parse(text, path), []
    except ContentError as exc:
        return text, None, [exc.problem]


def check_docs(docs_dir: str, uris: list[str], languages: list[str], default: str, data: SiteData,
               prefix: str = "docs/") -> Result:
    """Check every page (``uris``: Markdown files relative to ``docs_dir``) and every pair of
    translations: twins, front matter, local facts, quizzes, checklists, headings, ids."""
    uris = sorted(uri for uri in uris if uri.endswith(".md"))
    problems = pages.missing_twins(uris, languages, default, prefix)
    modules: dict[str, list] = {lang: [] for lang in languages}
    quizzes: dict[str, list] = {lang: [] for lang in languages}
    checklists: dict[str, dict] = {}
    by_neutral: dict[str, dict] = {}
    for uri in uris:
        neutral, lang = pages.split_language(uri, languages, default)
        path = prefix + uri
        text, fm, read_problems = _read(docs_dir, uri, path)
        problems += read_problems
        if fm is None:
            continue
        problems += schema.validate(fm, path, schema.is_module_path(neutral, data.module_sections),
                                    roles=data.roles, audiences=data.audiences, sources=data.sources,
                                    is_checklist=schema.is_checklist_path(neutral))
        if fm.meta.get("kind") == "module":
            modules[lang].append((path, fm))
        body = "\n".join(text.splitlines()[fm.body_start - 1:])
        problems += render.expand_local(body, data.local, lang, path, fm.body_start)[1]
        parsed: list | None = []  # None: a quiz on this page is broken (already reported)
        for fence in quiz.find_fences(body, fm.body_start):
            one, quiz_problems = quiz.parse(fence.source, path, fence.line)
            problems += quiz_problems
            if one and parsed is not None:
                parsed.append(one)
            elif not one:
                parsed = None
        quizzes[lang] += parsed or []
        if fm.meta.get("kind") == "checklist":
            lists, list_problems = checklist.parse(body, path, fm.body_start)
            problems += list_problems
            checklists.setdefault(neutral, {})[lang] = lists
        headings = outline.outline(body, fm.body_start)
        if fm.meta.get("kind") == "module":
            problems += outline.check_minutes(headings, fm.meta.get("duration"), path)
        by_neutral.setdefault(neutral, {})[lang] = (path, fm, headings, parsed)
    for lang in languages:
        problems += schema.duplicate_ids(modules[lang])
        problems += quiz.duplicate_ids(quizzes[lang])
    for neutral, versions in sorted(by_neutral.items()):
        if default not in versions:
            continue
        src_path, src_fm, src_outline, src_quizzes = versions[default]
        for lang, (path, fm, headings, page_quizzes) in versions.items():
            if lang == default:
                continue
            problems += schema.compare_shared(src_fm, src_path, fm, path)
            problems += outline.compare(src_outline, src_path, headings, path)
            if src_quizzes is not None and page_quizzes is not None:
                problems += quiz.compare(src_quizzes, src_path, page_quizzes, path)
            lists = checklists.get(neutral, {})
            if default in lists and lang in lists:
                problems += checklist.compare(lists[default], lists[lang])
    info = {neutral: {lang: {"title": fm.meta.get("title", ""), "kind": fm.meta.get("kind"),
                             "duration": fm.meta.get("duration"),
                             "description": fm.meta.get("description", ""),
                             "role": fm.meta.get("role"),
                             "quizzes": [q.id for q in page_quizzes or []]}
                      for lang, (_, fm, _, page_quizzes) in versions.items()}
            for neutral, versions in by_neutral.items()}
    return Result(problems, info)
