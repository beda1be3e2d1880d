"""Editions of the site (docs/_data/editions.yml) and what changed since the previous one.

An edition is one GVI week, named YYYY-MM (year and month of the week) and deployed from the git
tag `edition-YYYY-MM` (scripts/deploy_edition.py). The page "Nytt i den här utgåvan" / "New in this
edition" (docs/nytt.md, the marker below) shows the edition's summary and, computed from git, the
modules added and the modules whose text changed since the previous edition's tag. Without that
tag or without git (a shallow clone, a tarball) the page says so instead of failing.

Everything here is pure except `read_tag` (one `git ls-tree`, one `git cat-file`).
"""
from __future__ import annotations

import datetime
import os
import posixpath
import re
import subprocess
from dataclasses import dataclass

import yaml

from . import yamltext
from .problems import Problem

FILE = "_data/editions.yml"
MARKER = "<!-- gvi-edition-changes -->"
TAG_PREFIX = "edition-"
FORM = re.compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])\Z")
FORM_TEXT = "YYYY-MM (the year and month of the GVI week, e.g. 2023-01)"
FIX_ENTRY = ("add an entry to docs/_data/editions.yml: name, week, date and summary per language "
             "(see the entry for 2023-01).")


@dataclass(frozen=True)
class Edition:
    name: str  # YYYY-MM
    week: dict  # lang -> the week's dates as text
    date: datetime.date  # the week's first day
    summary: dict  # lang -> a short summary
    line: int  # where the entry starts in editions.yml

    @property
    def tag(self) -> str:
        return TAG_PREFIX + self.name


def parse(text: str, languages: list[str], path: str = "docs/" + FILE) -> tuple[list[Edition], list[Problem]]:
    """The editions listed in editions.yml, oldest first, and the problems with the file."""
    try:
        root, value = yamltext.load(text)  # the one YAML reading, with its nodes for the lines
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [Problem(path, mark.line + 1 if mark else 1,
                            f"not valid YAML ({getattr(exc, 'problem', exc)}).",
                            yamltext.fix(exc))]
    if not isinstance(value, dict) or not isinstance(value.get("editions"), list) or not value["editions"]:
        return [], [Problem(path, 1, "must hold a list 'editions:' with at least one edition.",
                            "start the file with 'editions:' and list each edition under it.")]
    nodes = next(v for k, v in root.value if k.value == "editions").value
    editions, problems, seen = [], [], set()
    for node, entry in zip(nodes, value["editions"]):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, "an edition must be a mapping.", FIX_ENTRY))
            continue
        name = str(entry.get("name", ""))
        where = f"edition '{name}'"
        if not FORM.match(name):
            problems.append(Problem(path, line, f"{where}: the name must be in the form {FORM_TEXT}.",
                                    'write it in quotes, e.g. name: "2023-01".'))
            continue
        if name in seen:
            problems.append(Problem(path, line, f"{where} is listed twice.", "remove one of the entries."))
            continue
        seen.add(name)
        date = entry.get("date")
        if not isinstance(date, datetime.date) or date.strftime("%Y-%m") != name:
            problems.append(Problem(path, line, f"{where}: 'date' must be the week's first day, "
                                    f"a date in {name} (YYYY-MM-DD).", f"write e.g. date: {name}-23."))
            continue
        texts = {}
        for key in ("week", "summary"):
            given = entry.get(key)
            missing = [lang for lang in languages
                       if not isinstance(given, dict) or not str(given.get(lang) or "").strip()]
            if missing:
                problems.append(Problem(path, line, f"{where}: '{key}' has no text for "
                                        f"{', '.join(missing)}.", f"give '{key}' one text per language: "
                                        + ", ".join(f"{lang}: …" for lang in languages) + "."))
            texts[key] = {lang: str(given.get(lang)).strip() for lang in languages if not missing}
        if all(texts.values()):
            editions.append(Edition(name, texts["week"], date, texts["summary"], line))
    return sorted(editions, key=lambda e: e.name), problems


def check_edition(editions: list[Edition], name: str, path: str = "docs/" + FILE) -> list[Problem]:
    """The edition being built or deployed must be listed (its page needs the summary)."""
    if any(e.name == name for e in editions):
        return []
    if not FORM.match(name or ""):
        return [Problem(path, 1, f"edition '{name}' is not in the form {FORM_TEXT}.",
                        "deploy a tag edition-YYYY-MM.")]
    return [Problem(path, 1, f"edition {name} is not listed.", FIX_ENTRY)]


MONTHS = {
    "sv": "januari februari mars april maj juni juli augusti september oktober november december".split(),
    "en": "january february march april may june july august september october november december".split(),
}


def check_week(editions: list[Edition], local: dict, path: str = "docs/" + FILE) -> list[Problem]:
    """Each edition's week agrees with its first day ('date': the first number and the month the
    text names), and the current edition's with week.dates in local.yml: "New in this edition"
    must not give other dates than every other page."""
    problems = []
    week = local.get("week") if isinstance(local.get("week"), dict) else {}
    current, dates = str(week.get("edition", "")), week.get("dates")
    for edition in editions:
        for lang, text in edition.week.items():
            first = re.search(r"\d{1,2}", text)
            named = [i + 1 for i, month in enumerate(MONTHS.get(lang, [])) if re.search(rf"\b{month}\b", text, re.I)]
            if (first and int(first.group()) != edition.date.day) or (named and edition.date.month not in named):
                problems.append(Problem(path, edition.line, f"edition '{edition.name}': the week ({lang}) "
                                        f"'{text}' does not start on its first day {edition.date.isoformat()}.",
                                        "make 'week' and 'date' name the same days (and week.dates in "
                                        "local.yml for the current edition)."))
            elif (edition.name == current and isinstance(dates, dict) and isinstance(dates.get(lang), str)
                  and " ".join(dates[lang].split()) != " ".join(text.split())):
                problems.append(Problem(path, edition.line, f"edition '{edition.name}': the week ({lang}) "
                                        f"'{text}' is not the week in local.yml ('{dates[lang]}'), which "
                                        "every other page shows.", "write the same dates in both places."))
    return problems


def check_file(docs_dir: str, languages: list[str], name: str, local: dict,
               path: str = "docs/" + FILE) -> tuple[list[Edition], list[Problem]]:
    """docs/_data/editions.yml read and checked for the edition ``name`` being built (mike's version,
    else local.yml's week.edition): the build and the content check both call this."""
    try:
        with open(os.path.join(docs_dir, FILE), encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return [], [Problem(path, 1, "data file is missing.", "restore it from git.")]
    listed, problems = parse(text, languages, path)
    return listed, problems or check_edition(listed, name, path) + check_week(listed, local, path)


def previous(editions: list[Edition], name: str) -> Edition | None:
    before = [e for e in editions if e.name < name]
    return before[-1] if before else None


@dataclass(frozen=True)
class Snapshot:
    """The docs at a previous edition's tag: path (relative to docs/) -> text, or why unknown."""
    files: dict | None
    reason: str = ""  # "no_git" | "no_tag" when files is None


def read_tag(docs_dir: str, tag: str, paths: list[str]) -> Snapshot:
    """The text of ``paths`` (relative to docs_dir) at ``tag``; files absent there are left out."""
    def git(*args: str):
        return subprocess.run(["git", "-C", docs_dir, *args], capture_output=True,
                              text=True, encoding="utf-8", errors="replace")
    try:
        inside = git("rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:  # no git program at all
        return Snapshot(None, "no_git")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return Snapshot(None, "no_git")
    listed = git("ls-tree", "-r", "--name-only", f"refs/tags/{tag}", "--", ".")
    if listed.returncode != 0:
        return Snapshot(None, "no_tag")  # a shallow clone without tags, or a tag never pushed
    present = set(listed.stdout.splitlines())
    wanted = [p for p in paths if p in present]
    if not wanted:
        return Snapshot({})
    batch = subprocess.run(["git", "-C", docs_dir, "cat-file", "--batch"],
                           input="".join(f"refs/tags/{tag}:./{p}\n" for p in wanted).encode(),
                           capture_output=True)
    if batch.returncode != 0:
        return Snapshot(None, "no_tag")
    files, out, at = {}, batch.stdout, 0
    for path in wanted:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        files[path] = out[header_end + 1:header_end + 1 + size].decode("utf-8", "replace")
        at = header_end + 1 + size + 1
    return Snapshot(files)


def body(text: str) -> str:
    """A page's text without its front matter and trailing spaces: what a reader reads."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1:]
    return "\n".join(line.rstrip() for line in lines).strip()


@dataclass(frozen=True)
class Changes:
    added: list  # neutral page paths, navigation order
    changed: list


def compare(modules: list[str], files: dict, old: dict, current: dict) -> Changes:
    """Modules (neutral paths, in navigation order) whose file in one language is new since the
    previous edition (``old``: file -> text then) or whose text differs from ``current``."""
    added = [m for m in modules if files[m] not in old]
    changed = [m for m in modules if files[m] in old and body(old[files[m]]) != body(current[files[m]])]
    return Changes(added, changed)


def render(edition: Edition, earlier: list[Edition], result, titles: dict, here: str, lang: str,
           strings: dict) -> str:
    """The Markdown that replaces MARKER on the changes page, in ``lang``.

    ``earlier``: the editions before this one, oldest first. ``result``: Changes since the previous
    edition, or "no_git" / "no_tag" when git could not tell, or None for the first edition.
    ``titles``: module -> title in ``lang``; ``here``: the page's folder, for relative links.
    """
    def text(key: str, **values) -> str:
        return strings[key][lang].format(**values)

    def module_list(modules: list) -> str:
        if not modules:
            return text("edition_none")
        return "\n".join(f"- [{titles[m]}]({posixpath.relpath(m, here)})" for m in modules)

    out = [f"## {text('edition_heading', name=edition.name, week=edition.week[lang])} {{#den-har-utgavan}}",
           "", edition.summary[lang], ""]
    before = earlier[-1] if earlier else None
    if before is None:
        out += [text("edition_first"), ""]
    elif isinstance(result, Changes):
        out += [f"### {text('edition_added', previous=before.name)} {{#nya-moduler}}", "",
                module_list(result.added), "",
                f"### {text('edition_changed', previous=before.name)} {{#andrade-moduler}}", "",
                module_list(result.changed), ""]
    else:
        out += [text(f"edition_{result}", previous=before.name, tag=before.tag), ""]
    if earlier:
        out += [f"## {text('edition_earlier')} {{#tidigare-utgavor}}", ""]
        for old in reversed(earlier):
            out += [f"### {text('edition_heading', name=old.name, week=old.week[lang])} "
                    f"{{#utgava-{old.name}}}", "", old.summary[lang], ""]
    return "\n".join(out)
