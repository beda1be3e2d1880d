#!/usr/bin/env python3
"""Scaffold a new module in Swedish and English and add it to the nav.

Usage:
    python scripts/new_module.py SECTION SLUG --title-sv "…" --title-en "…" --sources S32
        [--duration 30] [--roles polisen,socialtjansten] [--audience alla]
        [--id ID] [--nav-title "…"] [--nav-title-en "…"] [--root DIR]

Writes docs/SECTION/SLUG.md (Swedish) and docs/SECTION/SLUG.en.md (English) with the module
anatomy (front matter, objectives, one content section, trainer notes, three quiz questions, key
points), each part a placeholder that the build refuses until it is replaced (gvi/authoring.py); adds
"- <nav title>: SECTION/SLUG.md" to the section's group in mkdocs.yml's nav, and adds the English
title under the English language's nav_translations.

mkdocs.yml is edited as text, never re-dumped, so its comments and !ENV tags survive. Only the
simple shapes used in this project are understood:
  - the nav is a top-level "nav:" list; a section is the top-level entry that mentions SECTION/,
    either a group ("- Strategin:" with children) or a single entry ("- Call-in: call-in/index.md");
  - a single entry is turned into a group whose first child is the old page, titled
    "Om <group title>" ("About <English group title>" in English), children indented 4 spaces more;
  - each language in the i18n plugin is written as "- locale: xx" followed by its keys.
Anything else is reported (exit 2) so you can edit mkdocs.yml by hand.

Exit codes: 0 done, 2 bad input or a file/id that already exists (nothing is written then).
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent  # the project: scripts/..
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from gvi import data as site_data  # noqa: E402
from gvi import authoring, frontmatter, pages, schema  # noqa: E402
from gvi.problems import ContentError  # noqa: E402

DEFAULT_LANG, OTHER_LANG = "sv", "en"

# The scaffold's words. Headings' ids are shared by both languages: the English headings carry the
# id that Python-Markdown's slugify gives the Swedish heading (å, ä -> a; ö -> o).
SECTION_ID = "forsta-avsnittet"
KEYPOINTS_ID = authoring.KEYPOINTS_SECTION
QUIZ_ID = authoring.QUIZ_SECTION
# The placeholders come from gvi/authoring.py, which makes the build refuse them until replaced.
TEXT = {
    "sv": {
        **authoring.SCAFFOLD["sv"],
        "section": "Första avsnittet",
        "quiz_heading": "Testa dig själv",
        "keypoints_heading": "Att ta med sig",
    },
    "en": {
        **authoring.SCAFFOLD["en"],
        "section": f"First section {{#{SECTION_ID}}}",
        "quiz_heading": f"Check yourself {{#{QUIZ_ID}}}",
        "keypoints_heading": f"Key points {{#{KEYPOINTS_ID}}}",
    },
}


class UsageError(Exception):
    """Input the script cannot act on; the message says what to fix."""


# YAML scalars ---------------------------------------------------------------------------------


def _scalar(text: str, as_key: bool) -> str:
    """text as a YAML scalar: plain when it reads back unchanged, else double-quoted."""
    probe = f"{text}: x" if as_key else f"k: {text}"
    try:
        plain = "\n" not in text and yaml.safe_load(probe) == ({text: "x"} if as_key else {"k": text})
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)  # JSON strings are valid YAML


def yaml_pair(key: str, value: str | None = None) -> str:
    """'key: value' (or 'key:' when value is None), quoting either side only when YAML needs it."""
    if value is None:
        return f"{_scalar(key, True)}:"
    return f"{_scalar(key, True)}: {_scalar(value, False)}"


# The two Markdown files ---------------------------------------------------------------------


def render_module(lang: str, *, module_id: str, title: str, duration: int, audience: list[str],
                  roles: list[str], sources: list[str]) -> str:
    """The scaffold of one language's module file."""
    t = TEXT[lang]
    front = "\n".join([
        "---",
        "kind: module",
        f"id: {module_id}",
        yaml_pair("title", title),
        f"duration: {duration}",
        f"audience: [{', '.join(audience)}]",
        f"roles: [{', '.join(roles)}]",
        f"sources: [{', '.join(sources)}]",
        "---",
    ])
    quizzes = "\n".join(f"""```quiz
id: {module_id}-{number}
question: {t["question"]}
options:
  - text: {t["right"]}
    correct: true
  - text: {t["wrong"]}
    feedback: {t["feedback"]}
explanation: {t["explanation"]}
```
""" for number in range(1, authoring.MIN_QUIZZES + 1))
    return f"""{front}

# {title}

!!! objectives

    - {t["objectives"]}

## {t["section"]}

{t["section_text"]}

??? trainer

    {t["trainer"]}

## {t["quiz_heading"]}

{quizzes}
## {t["keypoints_heading"]}

!!! keypoints

    - {t["keypoints"]}
"""


# mkdocs.yml, edited as text -------------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    """Neither blank nor a comment."""
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _block_end(lines: list[str], start: int, parent_indent: int) -> int:
    """The index after the last content line, from start on, indented deeper than parent_indent."""
    end = last = start
    while end < len(lines) and (not _is_content(lines[end]) or _indent(lines[end]) > parent_indent):
        if _is_content(lines[end]):
            last = end + 1
        end += 1
    return last


def _list_item(line: str) -> tuple[str | None, str | None]:
    """'  - Title: path' -> ('Title', 'path'); '- Title:' -> ('Title', None); '- path' -> (None, 'path')."""
    try:
        value = yaml.safe_load(line.strip()[2:])
    except yaml.YAMLError:
        return None, None
    if isinstance(value, str):
        return None, value
    if isinstance(value, dict) and len(value) == 1:
        title, target = next(iter(value.items()))
        return str(title), target if isinstance(target, str) else None
    return None, None


@dataclass(frozen=True)
class NavSection:
    title: str  # the nav title of the section's top-level entry, e.g. "Strategin"
    single_path: str | None  # "call-in/index.md" when the section is one entry, not a group
    start: int  # index of the entry's line in the file's lines
    end: int  # index after its last child line
    indent: int  # indentation of the entry's "- "


def find_nav_section(mkdocs_text: str, section: str) -> NavSection:
    """The top-level nav entry that holds the pages of docs/SECTION/."""
    lines = mkdocs_text.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line)]
    if not starts:
        raise UsageError("mkdocs.yml has no top-level 'nav:' list; add the page to the nav by hand.")
    # The nav list runs until the next top-level key; its items share the first item's indent.
    end = starts[0] + 1
    while end < len(lines) and (not _is_content(lines[end]) or lines[end][0] in " -"):
        end += 1
    items = [i for i in range(starts[0] + 1, end) if _is_content(lines[i])]
    if not items:
        raise UsageError("mkdocs.yml's nav is empty; add the page to the nav by hand.")
    top = _indent(lines[items[0]])
    for i in items:
        if _indent(lines[i]) != top or not lines[i].lstrip().startswith("- "):
            continue
        entry_end = _block_end(lines, i + 1, top)
        title, path = _list_item(lines[i])
        children = [_list_item(lines[j])[1] for j in range(i + 1, entry_end)
                    if lines[j].lstrip().startswith("- ")]
        if any(p and p.startswith(section + "/") for p in [path, *children]):
            if title is None:
                raise UsageError(f"the nav entry for {section}/ in mkdocs.yml has no title; "
                                 "add the page to the nav by hand.")
            single = path if entry_end == i + 1 else None
            return NavSection(title, single, i, entry_end, top)
    raise UsageError(f"mkdocs.yml's nav has no entry for {section}/; add a group for the section "
                     "to the nav by hand, then run this again.")


def index_titles(group_sv: str, group_en: str) -> tuple[str, str]:
    """Nav titles for a section's index page when a single entry becomes a group."""
    return f"Om {group_sv}", f"About {group_en}"


def add_nav_entry(mkdocs_text: str, section: str, title: str, path: str,
                  index_title: str | None = None) -> str:
    """Append '- title: path' to the section's nav group (turning a single entry into a group).

    index_title names the old single page when it becomes the group's first child (default
    "Om <group title>"). Adding a path the section already lists changes nothing.
    """
    lines = mkdocs_text.splitlines()
    nav = find_nav_section(mkdocs_text, section)
    if any(_list_item(line)[1] == path for line in lines[nav.start:nav.end]):
        return mkdocs_text
    entry = yaml_pair(title, path)
    if nav.single_path:
        child = " " * (nav.indent + 4)
        index_title = index_title or index_titles(nav.title, nav.title)[0]
        new = [" " * nav.indent + "- " + yaml_pair(nav.title),
               child + "- " + yaml_pair(index_title, nav.single_path),
               child + "- " + entry]
        lines[nav.start:nav.end] = new
    else:
        first_child = next(line for line in lines[nav.start + 1:nav.end] if _is_content(line))
        lines.insert(nav.end, " " * _indent(first_child) + "- " + entry)
    return "\n".join(lines) + ("\n" if mkdocs_text.endswith("\n") else "")


def _language_block(lines: list[str], lang: str) -> tuple[int, int, int]:
    """(first line, end, key indent) of the i18n language item '- locale: LANG'."""
    for i, line in enumerate(lines):
        if re.match(rf"^\s*- locale:\s*[\"']?{re.escape(lang)}[\"']?\s*(#.*)?$", line):
            dash = _indent(line)
            return i, _block_end(lines, i + 1, dash), dash + 2
    raise UsageError(f"mkdocs.yml has no i18n language written as '- locale: {lang}'; add the "
                     "nav translation by hand.")


def nav_translations(mkdocs_text: str, lang: str = OTHER_LANG) -> dict:
    """The nav_translations mapping of one language, read from the text."""
    lines = mkdocs_text.splitlines()
    start, end, key_indent = _language_block(lines, lang)
    for i in range(start + 1, end):
        if _indent(lines[i]) == key_indent and lines[i].strip().startswith("nav_translations:"):
            block = _block_end(lines, i + 1, key_indent)
            mapping = yaml.safe_load("\n".join(lines[i:block]))["nav_translations"]
            return mapping if isinstance(mapping, dict) else {}
    return {}


def add_nav_translation(mkdocs_text: str, sv: str, en: str, lang: str = OTHER_LANG) -> str:
    """Add 'sv: en' under the language's nav_translations, unless sv is already translated."""
    if sv in nav_translations(mkdocs_text, lang):
        return mkdocs_text
    lines = mkdocs_text.splitlines()
    start, end, key_indent = _language_block(lines, lang)
    pair = yaml_pair(sv, en)
    for i in range(start + 1, end):
        if _indent(lines[i]) == key_indent and lines[i].strip().startswith("nav_translations:"):
            if lines[i].split("#")[0].strip() != "nav_translations:":
                raise UsageError(f"mkdocs.yml writes {lang}'s nav_translations on one line; "
                                 f"add '{pair}' to it by hand.")
            block = _block_end(lines, i + 1, key_indent)
            children = [line for line in lines[i + 1:block] if _is_content(line)]
            indent = _indent(children[0]) if children else key_indent + 2
            lines.insert(block, " " * indent + pair)
            break
    else:  # the language has no nav_translations yet: add the key at the end of its item
        lines[end:end] = [" " * key_indent + "nav_translations:", " " * (key_indent + 2) + pair]
    return "\n".join(lines) + ("\n" if mkdocs_text.endswith("\n") else "")


# Checks ---------------------------------------------------------------------------------------


def split_keys(value: str | None) -> list[str]:
    """'a, b,a' -> ['a', 'b']."""
    keys = [key.strip() for key in (value or "").split(",") if key.strip()]
    return list(dict.fromkeys(keys))


def check_keys(keys: list[str], known: dict, option: str, what: str, where: str) -> list[str]:
    allowed = ", ".join(known)
    if not keys:
        return [f"{option} is empty: give one or more {what} keys ({where}): {allowed}."]
    unknown = [key for key in keys if key not in known]
    if unknown:
        return [f"unknown {what} {', '.join(repr(k) for k in unknown)} in {option}. "
                f"Use keys from {where}: {allowed}."]
    return []


def used_ids(docs_dir: Path) -> dict[str, str]:
    """id -> first page (relative to the project) whose front matter sets it."""
    ids: dict[str, str] = {}
    # Swedish files (page.md) before translations (page.en.md), so the Swedish one is named.
    for path in sorted(docs_dir.rglob("*.md"), key=lambda p: (len(p.suffixes) > 1, p)):
        rel = path.relative_to(docs_dir.parent).as_posix()
        try:
            meta = frontmatter.parse(path.read_text(encoding="utf-8"), rel).meta
        except (ContentError, UnicodeDecodeError):
            continue  # the build reports broken front matter; it cannot hold a usable id anyway
        if isinstance(meta.get("id"), str):
            ids.setdefault(meta["id"], rel)
    return ids


def check(args, data: site_data.SiteData, docs_dir: Path) -> list[str]:
    """Everything wrong with the request, as messages naming what to fix."""
    errors = []
    curriculum = "module_sections in docs/_data/curriculum.yml"
    if args.section not in data.module_sections:
        errors.append(f"unknown section {args.section!r}. Use one of ({curriculum}): "
                      f"{', '.join(data.module_sections)}.")
    slug_hint = f" For example {schema.slugify(args.slug)!r}." if schema.slugify(args.slug) else ""
    if not schema.SLUG.match(args.slug):
        errors.append(f"slug {args.slug!r} is not an ASCII slug: use lower-case letters a–z, "
                      f"digits and single hyphens (å, ä -> a; ö -> o).{slug_hint}")
    elif args.slug == "index":
        errors.append("slug 'index' is the section's own page, not a module: choose another slug.")
    module_id = args.id or args.slug
    if args.id is not None and not schema.SLUG.match(args.id):
        errors.append(f"--id {args.id!r} is not a slug: use lower-case letters a–z, digits and "
                      "single hyphens.")
    for option, value in (("--title-sv", args.title_sv), ("--title-en", args.title_en),
                          ("--nav-title", args.nav_title), ("--nav-title-en", args.nav_title_en)):
        if value is not None and (not value.strip() or "\n" in value):
            errors.append(f"{option} must be one non-empty line.")
        elif value is not None and ("<" in value or "{{" in value):
            errors.append(f"{option} {value!r} holds markup or a placeholder: a title is plain text "
                          "(write 'Fokus på grupper', not 'Fokus <b>på</b> grupper').")
    if not 1 <= args.duration <= schema.MAX_DURATION:
        errors.append(f"--duration {args.duration} is out of range: give the minutes as a whole "
                      f"number from 1 to {schema.MAX_DURATION}.")
    roles = data.roles if args.roles is None else split_keys(args.roles)
    errors += check_keys(list(roles), data.roles, "--roles", "role", "roles in docs/_data/curriculum.yml")
    errors += check_keys(split_keys(args.audience), data.audiences, "--audience", "audience",
                         "audiences in docs/_data/curriculum.yml")
    if args.sources is None:
        errors.append("a module cites its sources: pass --sources with keys from "
                      f"docs/_data/sources.yml: {', '.join(data.sources)}.")
    else:
        errors += check_keys(split_keys(args.sources), data.sources, "--sources", "source",
                             "docs/_data/sources.yml")
    if errors:  # the checks below need a valid section and slug
        return errors
    for lang in (DEFAULT_LANG, OTHER_LANG):
        path = docs_dir / pages.language_file(f"{args.section}/{args.slug}.md", lang, DEFAULT_LANG)
        if path.exists():
            errors.append(f"{path.relative_to(docs_dir.parent).as_posix()} already exists: choose "
                          "another slug, or edit that page.")
    owner = used_ids(docs_dir).get(module_id)
    if owner:
        errors.append(f"module id {module_id!r} is already used by {owner}: pass --id with another "
                      "id (ids are unique across the site).")
    return errors


# Command line ---------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        usage="%(prog)s SECTION SLUG --title-sv TITLE --title-en TITLE --sources KEYS [options]",
        description="Scaffold a new module in Swedish and English and add it to the nav.")
    parser.add_argument("section", metavar="SECTION", help="module section folder, e.g. strategi")
    parser.add_argument("slug", metavar="SLUG", help="file name without .md, e.g. gvi-grunder")
    parser.add_argument("--title-sv", required=True, help="Swedish title")
    parser.add_argument("--title-en", required=True, help="English title")
    parser.add_argument("--duration", type=int, default=30, help="minutes (default 30)")
    parser.add_argument("--roles", help="comma-separated role keys (default: every role)")
    parser.add_argument("--audience", default="alla", help="comma-separated audience keys (default alla)")
    parser.add_argument("--sources", help="required: comma-separated source keys from docs/_data/sources.yml")
    parser.add_argument("--id", help="module id (default: SLUG)")
    parser.add_argument("--nav-title", help="Swedish nav title (default: --title-sv)")
    parser.add_argument("--nav-title-en", help="English nav title (default: --title-en)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this project)")
    return parser.parse_args(argv)


def _has_language(mkdocs_text: str) -> bool:
    try:
        _language_block(mkdocs_text.splitlines(), OTHER_LANG)
        return True
    except UsageError:
        return False


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = args.root.resolve()
    docs_dir, config_path = root / "docs", root / "mkdocs.yml"

    def fail(messages: list[str]) -> int:
        for message in messages:
            print(f"new_module.py: error: {message}", file=sys.stderr)
        return 2

    try:
        data = site_data.load(str(docs_dir))
        mkdocs_text = config_path.read_text(encoding="utf-8")
    except ContentError as exc:
        return fail([str(exc.problem)])
    except FileNotFoundError:
        return fail([f"{config_path} does not exist: pass --root with the project folder."])
    errors = check(args, data, docs_dir)
    if errors:
        return fail(errors)

    module_id = args.id or args.slug
    roles = list(data.roles) if args.roles is None else split_keys(args.roles)
    fields = dict(module_id=module_id, duration=args.duration, audience=split_keys(args.audience),
                  roles=roles, sources=split_keys(args.sources))
    nav_path = f"{args.section}/{args.slug}.md"
    nav_sv, nav_en = args.nav_title or args.title_sv, args.nav_title_en or args.title_en

    # Edit mkdocs.yml in memory first: if it has a shape we cannot edit, nothing is written.
    taken = nav_translations(mkdocs_text).get(nav_sv) if _has_language(mkdocs_text) else None
    if taken is not None and taken != nav_en:
        line = next((n for n, text in enumerate(mkdocs_text.splitlines(), 1)
                     if text.strip().startswith(yaml_pair(nav_sv, taken))), 1)
        return fail([f"mkdocs.yml:{line}: the Swedish nav title {nav_sv!r} is already used, with the "
                     f"English title {taken!r}, so the new module would show as {taken!r} in English. "
                     "Fix: pass --nav-title with a Swedish nav title of its own (or --nav-title-en "
                     f"{taken!r} if that English title is right)."])
    try:
        section = find_nav_section(mkdocs_text, args.section)
        translations = [(nav_sv, nav_en)]
        new_text = add_nav_entry(mkdocs_text, args.section, nav_sv, nav_path)
        if section.single_path:
            group_en = nav_translations(mkdocs_text).get(section.title, section.title)
            translations.insert(0, index_titles(section.title, group_en))
        for sv, en in translations:
            new_text = add_nav_translation(new_text, sv, en)
    except UsageError as exc:
        return fail([str(exc)])

    written = []
    for lang, title in ((DEFAULT_LANG, args.title_sv), (OTHER_LANG, args.title_en)):
        path = docs_dir / pages.language_file(nav_path, lang, DEFAULT_LANG)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_module(lang, title=title, **fields), encoding="utf-8")
        written.append(path.relative_to(root).as_posix())
    config_path.write_text(new_text, encoding="utf-8")

    print(f"Created {written[0]} (Swedish) and {written[1]} (English).")
    if new_text != mkdocs_text:
        print(f"Added '{yaml_pair(nav_sv, nav_path)}' to the nav in mkdocs.yml"
              + (f" (turned '{section.title}' into a group)" if section.single_path else "")
              + (", and its English title to nav_translations." if taken is None
                 else f"; its English title {taken!r} was already in nav_translations."))
    if args.roles is None:
        print("Roles: every role (none was given); narrow them in both files' front matter.")
    print(f"""
Next steps:
  1. Write the Swedish module, {written[0]}: learning objectives first,
     one '##' section per slide, trainer notes in '??? trainer', three quiz questions under
     'Testa dig själv', key points last. Replace every placeholder: the build refuses them.
  2. Translate it into {written[1]}: keep the front matter as it is
     (ids and keys are shared) and end every '##' heading with the Swedish heading's id,
     e.g. '## Background {{#bakgrund}}'.
  3. Preview with 'make serve'; 'make build' runs the strict build that checks both files.""")
    return 0


if __name__ == "__main__":
    sys.exit(main())
