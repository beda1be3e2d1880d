"""The content checks across all pages, as one pure function over the docs folder.

The MkDocs hook runs it on every build (on_files); scripts/check_content.py runs it with no
generator at all, so the checks survive a change of platform (MAINTAINING.md).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import yaml

from . import (authoring, boundary, checklist, configkeys, editions, frontmatter, htmlsafety, navcheck, outline, pages,
               prose, quiz, render, rules, schema, siteconfig, style, terms, yamltext)
from . import data as site_data
from . import servecache
from .guards import Guards
from .data import SiteData
from .problems import ContentError, Problem, decode


_TRANSLATION = re.compile(r"\.[a-z]{2}\.md$")  # page.en.md: listed after page.md
_TRANSLATION_IN = re.compile(r"\.[a-z]{2}\.md\b")


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    # What later pages need to know about every page, per language: title, kind, duration,
    # description, role and quiz ids. {neutral uri: {lang: {...}}}
    pages: dict[str, dict[str, dict]] = field(default_factory=dict)
    guards: Guards | None = None  # terms, legal status, house style (gvi/guards.py)


def _read(docs_dir: str, uri: str, path: str):
    with open(os.path.join(docs_dir, uri), "rb") as handle:
        raw = handle.read()
    try:
        text = decode(raw, path)
    except ContentError as exc:
        return "", None, [exc.problem]
    try:
        return text, frontmatter.parse(text, path), []
    except ContentError as exc:
        return text, None, [exc.problem]


def check_docs(docs_dir: str, uris: list[str], languages: list[str], default: str, data: SiteData,
               prefix: str = "docs/", nav: navcheck.NavConfig | None = None, memo=None) -> Result:
    """Check every page (``uris``: Markdown files relative to ``docs_dir``) and every pair of
    translations: twins, front matter, local facts, quizzes, checklists, headings, ids, what the
    author must not leave in (gvi/authoring.py), and the nav (``nav``, from mkdocs.yml). ``memo``
    (gvi.servecache.Memo: under `mkdocs serve`, and for ``check_project``'s process): a page's
    slowest checks are not run again for the same text and data."""
    uris = sorted(uri for uri in uris if uri.endswith(".md"))
    unbuilt = sorted({m.group(1) for m in (re.search(r"\.([a-z]{2})\.md$", u) for u in uris)
                      if m and m.group(1) not in languages})
    if unbuilt:  # every one of those pages would be a knock-on problem: say the cause once
        config = nav.path if nav else "mkdocs.yml"
        text = nav.text if nav else ""
        line = next((n for n, row in enumerate(text.splitlines(), 1) if row.strip() == "languages:"), 1)
        example = next(u for u in uris if u.endswith(f".{unbuilt[0]}.md"))
        count = sum(1 for u in uris if u.endswith(f".{unbuilt[0]}.md"))
        return Result([Problem(config, line, f"the i18n plugin builds no '{unbuilt[0]}', but {count} page"
                               f"{'s are' if count != 1 else ' is'} '{unbuilt[0]}' translations (e.g. "
                               f"{prefix}{example}).", f"restore the '- locale: {unbuilt[0]}' block under "
                               "languages in mkdocs.yml (with build: true), or remove those pages.")])
    problems = pages.missing_twins(uris, languages, default, prefix)
    if nav is not None:
        problems += configkeys.unknown_options(nav.text, nav.path)
        neutral_pages = sorted({pages.split_language(u, languages, default)[0] for u in uris})
        problems += navcheck.check_nav(nav.nav, nav.text, nav.path, neutral_pages,
                                       [u for u in uris if pages.split_language(u, languages, default)[1] == default],
                                       nav.translations, prefix, nav.not_in_nav)
    with_quizzes: list[tuple] = []  # (neutral, path, quiz, page lines): their links are checked last
    modules: dict[str, list] = {lang: [] for lang in languages}
    quizzes: dict[str, list] = {lang: [] for lang in languages}
    checklists: dict[str, dict] = {}
    by_neutral: dict[str, dict] = {}
    running: dict[tuple, list] = {}  # (neutral, lang) -> [(line, running text)]: untranslated copies
    guards, guard_problems = Guards.load(docs_dir, prefix, languages, default, data)
    guards.memo = memo
    problems += guard_problems
    problems += htmlsafety.check_data(docs_dir, prefix, data)
    for uri in uris:
        neutral, lang = pages.split_language(uri, languages, default)
        path = prefix + uri
        text, fm, read_problems = _read(docs_dir, uri, path)
        problems += read_problems + boundary.check_page(text, neutral, path, data.local)
        if fm is None:
            continue
        problems += schema.validate(fm, path, schema.is_module_path(neutral, data.module_sections),
                                    roles=data.roles, audiences=data.audiences, sources=data.sources,
                                    is_checklist=schema.is_checklist_path(neutral))
        if fm.meta.get("kind") == "module":
            modules[lang].append((path, fm))
        lines = text.splitlines()
        body_lines = lines[fm.body_start - 1:]
        body = "\n".join(body_lines)
        problems += render.expand_local(body, data.local, lang, path, fm.body_start)[1]
        problems += htmlsafety.check_markdown(body, path, fm.body_start)
        problems += _description(fm, path, lang, guards)
        problems += snippets(body_lines, path, fm.body_start, os.path.join(docs_dir, SNIPPETS),
                             None if boundary.is_local(neutral, data.local) else boundary.own_names(data.local))
        problems += empty_boxes(body_lines, path, fm.body_start) + hidden_quizzes(body, path, fm.body_start)
        if not _FILE_NAME.fullmatch(uri):
            problems.append(Problem(path, 1, f"the file name '{uri}' holds a space, a capital or a letter "
                                    "outside a–z, so the page's address would too.",
                                    "rename the file (and its twin) with lower-case a–z, digits and "
                                    "hyphens, e.g. 'fokus-pa-grupper.md', and update the nav."))
        running[(neutral, lang)] = _running_lines(body, fm.body_start)
        problems += guards.check_page(body, fm.body_start, fm, path, lang, neutral)
        problems += authoring.stray_braces(body_lines, path, fm.body_start)
        problems += authoring.placeholders(body_lines, path, fm.body_start)
        misspelt = authoring.misspelt_fences(body_lines, path, fm.body_start)
        problems += misspelt
        parsed: list | None = [] if not misspelt else None  # None: a quiz here is broken (reported)
        fences = quiz.find_fences(body, fm.body_start)
        for fence in fences:
            if fence.unclosed_at:
                problems.append(Problem(path, fence.line, "this quiz fence is never closed (it runs "
                                        f"on to line {fence.unclosed_at}).",
                                        "end the quiz with a line holding only ``` (as many "
                                        "backticks as the opening line)."))
                parsed = None
                continue
            one, quiz_problems = quiz.parse(fence.source, path, fence.line)
            problems += quiz_problems + rules.in_quiz(fence.source, path, fence.line)
            if one and parsed is not None:
                parsed.append(one)
            elif not one:
                parsed = None
        quizzes[lang] += parsed or []
        with_quizzes += [(neutral, path, one, lines) for one in parsed or []]
        if fm.meta.get("kind") == "checklist":
            lists, list_problems = checklist.parse(body, path, fm.body_start)
            problems += list_problems
            if not list_problems:  # a broken item would make the count comparison blame the twin
                checklists.setdefault(neutral, {})[lang] = lists
        headings = outline.outline(body, fm.body_start)
        if fm.meta.get("kind") == "module":
            problems += outline.check_minutes(headings, fm.meta.get("duration"), path)
        duplicates = authoring.duplicate_heading_ids(headings, path)
        if lang == default and fm.meta.get("kind") == "module" and not misspelt:
            problems += authoring.quiz_section(headings, [f.line for f in fences], path, len(lines))
        by_neutral.setdefault(neutral, {})[lang] = (path, fm, headings, parsed, duplicates)
    for versions in by_neutral.values():  # duplicate headings: once, on the Swedish page if it has them
        own = versions.get(default, (0, 0, 0, 0, []))[4]
        problems += own or [p for v in versions.values() for p in v[4]]
    problems += guards.finish()
    problems += boundary.check_site(docs_dir, data.local, by_neutral, prefix, data.texts.get("local.yml"))
    for lang in languages:
        problems += schema.duplicate_ids(modules[lang])
        problems += quiz.duplicate_ids(quizzes[lang])
    for neutral, versions in sorted(by_neutral.items()):
        if default not in versions:
            continue
        src_path, src_fm, src_outline, src_quizzes, _ = versions[default]
        for lang, (path, fm, headings, page_quizzes, _) in versions.items():
            if lang == default:
                continue
            problems += schema.compare_shared(src_fm, src_path, fm, path)
            problems += untranslated(running.get((neutral, default), []), src_path,
                                     running.get((neutral, lang), []), path)
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
                             "roles": fm.meta.get("roles") or [],
                             "quizzes": [q.id for q in page_quizzes or []]}
                      for lang, (_, fm, _, page_quizzes, _) in versions.items()}
            for neutral, versions in by_neutral.items()}
    problems += _quiz_links(docs_dir, by_neutral, with_quizzes, default)
    return Result(_merge(problems), info, guards)


_FILE_NAME = re.compile(r"[a-z0-9_./-]+")
_BOX = re.compile(r"^(\?\?\?\+?|!!!)\s+([\w-]+)")


def empty_boxes(body_lines: list[str], path: str, first_line: int) -> list[Problem]:
    """A box (``??? trainer``, ``!!! keypoints`` …) whose text is not indented under it: the box
    stays empty and its text (a trainer's notes) becomes the page's running text, in the
    participants' booklet too."""
    problems = []
    for index, line in enumerate(body_lines):
        match = _BOX.match(line)
        if not match:
            continue
        following = next((other for other in body_lines[index + 1:] if other.strip()), "")
        if following and not following.startswith((" ", "\t")):
            problems.append(Problem(path, first_line + index, f"the box '{line.strip()}' is empty: the text "
                                    "after it is not indented, so it is shown as the page's own text"
                                    + (" (trainer notes too, in the participants' booklet)" if match.group(2) == "trainer" else "")
                                    + ".", "indent the box's text by four spaces under this line."))
    return problems


def hidden_quizzes(body: str, path: str, first_line: int) -> list[Problem]:
    """A quiz inside an HTML comment is hidden, but its answers stay in the page's source and
    'My progress' still waits for it."""
    return [Problem(path, first_line + body.count("\n", 0, match.start() + match.group(0).index("```")),
                    "a quiz inside an HTML comment (<!-- … -->) is hidden from readers, but its answers "
                    "stay in the page's source and 'My progress' still counts it.",
                    "delete the quiz (in both languages) instead of commenting it out.")
            for match in re.finditer(r"<!--(?:(?!-->).)*?```+\s*quiz(?:(?!-->).)*-->", body, re.S)]


SNIPPETS = "_data/snippets"  # pymdownx.snippets' base_path in mkdocs.yml, below docs/
_SNIPPET = re.compile(r"^\s*-{1,}8<-{1,}\s+(['\"])([^'\"]+)\1")


def snippets(body_lines: list[str], path: str, first_line: int, folder: str,
             own_names: list[str] | None = None) -> list[Problem]:
    """Each ``--8<-- "name"`` names a file in docs/_data/snippets/ (else the renderer stops with a
    traceback that names no line). On a shared page (``own_names`` given), what the snippet brings
    in is held to the boundary like the page's own text."""
    problems = []
    for number, line in enumerate(body_lines, first_line):
        match = _SNIPPET.match(line)
        if not match:
            continue
        name = os.path.join(folder, match.group(2))
        if not os.path.isfile(name):
            problems.append(Problem(path, number, f"the snippet '{match.group(2)}' is not in "
                                    f"docs/{SNIPPETS}/.", f"create docs/{SNIPPETS}/{match.group(2)}, or "
                                    "correct the name (snippets are looked up in that folder)."))
        elif own_names:
            with open(name, encoding="utf-8", errors="replace") as handle:
                found = boundary.check(handle.read(), path, own_names, number)
            problems += [Problem(path, number, f"through the snippet '{match.group(2)}' (its line "
                                 f"{p.line - number + 1}): {p.message}", p.fix) for p in found[:1]]
    return problems


def _description(fm, path: str, lang: str, guards) -> list[Problem]:
    """The front matter's description reaches <meta name="description"> (what search engines and
    link previews show) and the section page as written: the same rules as the body, and no
    placeholder (the build fills in {{ local.… }} only in the body)."""
    text = fm.meta.get("description")
    if not isinstance(text, str) or not text.strip():
        return []
    line = fm.line_of("description")
    flat = " ".join(text.split())
    problems = []
    if "{{" in flat or "}}" in flat:
        shown = (re.search(r"\{\{.*?\}\}", flat) or re.search(r"\{\{.*|.*\}\}", flat))[0][:40]
        problems.append(Problem(path, line, f"the description holds a placeholder ('{shown}'), "
                                "which the build does not fill in front matter: it would reach <meta> and the "
                                "section page as written.", "write the text itself in the description."))
    problems += htmlsafety.check_text(flat, path, line, "the description")
    masked = prose.mask(flat)
    problems += [Problem(path, line, f"the description: {p.message}", p.fix)
                 for p in terms.check_text(masked, lang, guards.terms, path, line)]
    if lang == "sv":
        problems += [Problem(path, line, f"the description: {p.message}", p.fix) for p in style.du_ni(masked, path, line)]
    return problems


def _running_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line, text) of each line of running text with four words or more."""
    return [(first_line + n, line.strip()) for n, line in enumerate(prose.mask(body).split("\n"))
            if len(line.split()) >= 4]


def untranslated(source: list[tuple[int, str]], source_path: str, translation: list[tuple[int, str]],
                 path: str) -> list[Problem]:
    """A translation whose running text is mostly the source's, word for word: a copied twin
    passes every parity check (ids, headings, quizzes) and would publish the other language.
    (A real translation shares a few lines at most: names, numbers, addresses.)"""
    own = {text for _, text in source}
    same = [(line, text) for line, text in translation if text in own]
    if len(same) < 3 or len(same) < len(translation) / 2:
        return []
    return [Problem(path, same[0][0], f"{len(same)} of the {len(translation)} lines of running text here "
                    f"are word for word those of {source_path}, so that language's text would be "
                    "published as this one's.", "translate the page (STYLE.md), keeping the heading ids, "
                    "quiz ids and answers as they are.")]


def _merge(problems: list[Problem]) -> list[Problem]:
    """One line per problem: the same message in several files (a key typed wrongly in both
    languages, a deleted role that ten pages use) is one line naming every place."""
    groups: dict[tuple, list[Problem]] = {}
    for problem in problems:
        # A translation's twin of a problem names its own language's files: the same problem.
        key = (_TRANSLATION_IN.sub(".md", problem.message), problem.fix)
        groups.setdefault(key, []).append(problem)
    merged = []
    for (_, fix), group in groups.items():
        group.sort(key=lambda p: (bool(_TRANSLATION.search(p.path)), p.path, p.line))
        first, others = group[0], [f"{p.path}:{p.line}" for p in group[1:]]
        message = first.message
        if others:
            listed = ", ".join(others[:4]) + (f" and {len(others) - 4} more" if len(others) > 4 else "")
            message = f"{message} The same at {listed}."
        merged.append(Problem(first.path, first.line, message, fix))
    return merged


def _quiz_links(docs_dir: str, by_neutral: dict, with_quizzes: list, default: str) -> list[Problem]:
    """MkDocs checks a page's Markdown links; links inside quizzes are checked here."""
    anchors: dict[str, set] = {}
    for neutral, versions in by_neutral.items():
        path, fm, headings, page_quizzes, _ = versions.get(default) or next(iter(versions.values()))
        ids = {h.id for h in headings} | {f"gvi-quiz-{q.id}" for q in page_quizzes or []}
        anchors[authoring.page_url(neutral)] = ids | ({"kallor"} if fm.meta.get("sources") else set())
    files = {os.path.relpath(os.path.join(root, name), docs_dir).replace(os.sep, "/")
             for root, _, names in os.walk(docs_dir) for name in names if not name.endswith(".md")}
    problems = []
    for neutral, path, one, lines in with_quizzes:
        texts = [one.question, one.explanation] + [t for o in one.options for t in (o.text, o.feedback)]
        problems += authoring.quiz_links(texts, one.id, neutral, anchors, files, lines, one.line, path)
    return problems


# The per-page checks' answers, remembered for the process (gvi.servecache.Memo, keyed by each
# page's text and path, for one generation of the data files, date and languages): a page checked
# again unchanged is not checked again. One run checks each page once; the bad-input tests check
# the whole site 121 times in one process, each time with one page or one data file changed.
_MEMO = servecache.Memo()


def check_project(config_path, docs_dir=None) -> tuple[list[Problem], int, int]:
    """Every content check the build runs, on a project without building it: the site config
    (``config_path``, mkdocs.yml) and its docs, or ``docs_dir`` in their place (scripts/new_site.py
    tries its pages in a copy). (problems, pages checked, languages). scripts/check_content.py and
    scripts/new_site.py run this; the links of the pages' own Markdown are left to the build."""
    config_path = os.path.abspath(config_path)
    name = os.path.basename(config_path)
    try:
        config = siteconfig.load_config(config_path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        line = yamltext.error_line(exc) + 1 if isinstance(exc, yaml.YAMLError) else 1
        return [Problem(name, line, f"the site config cannot be read ({getattr(exc, 'problem', None) or exc}).",
                        "check indentation, colons and quotes on that line.")], 0, 0
    root = os.path.dirname(config_path)
    docs = docs_dir or os.path.join(root, config.get("docs_dir", "docs"))
    prefix = os.path.relpath(os.path.join(root, config.get("docs_dir", "docs")), root).replace(os.sep, "/") + "/"
    codes, default, _ = siteconfig.i18n_languages(config)
    try:
        data = site_data.load(str(docs), prefix)
    except ContentError as exc:
        return [exc.problem], 0, len(codes)
    with open(config_path, encoding="utf-8") as handle:
        text = handle.read()
    nav = navcheck.NavConfig(config.get("nav"), text, name,
                             {lang["locale"]: lang.get("nav_translations") or {}
                              for lang in siteconfig.language_entries(config)
                              if lang["locale"] != default and lang["locale"] in codes},
                             (config.get("not_in_nav") or "").split())
    _MEMO.begin(servecache.generation(servecache.data_stamp(str(docs)), codes, default))
    result = check_docs(str(docs), siteconfig.find_pages(docs, config.get("exclude_docs")), codes, default,
                        data, prefix, nav, memo=_MEMO)
    # docs/_data/editions.yml as a plain build checks it (a mike deploy checks its own edition's entry).
    edition = str((data.local.get("week") or {}).get("edition", ""))
    problems = editions.check_file(str(docs), codes, edition, data.local, prefix + editions.FILE)[1]
    return result.problems + problems, sum(len(langs) for langs in result.pages.values()), len(codes)
