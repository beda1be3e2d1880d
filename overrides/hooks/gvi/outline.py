"""Heading outlines of Markdown pages, and their comparison between two languages."""
from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from .problems import Problem

_FENCE_OPEN = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_INLINE = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
# Planned minutes for a section, an optional attribute: "## Budskapet {data-minutes=10}".
_MINUTES = re.compile(r"\{[^}]*\bdata-minutes=[\"']?([^\s\"'}]*)[\"']?[^}]*\}\s*$")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str
    line: int  # 1-based line in the file
    minutes: str | None = None  # the raw data-minutes value, if the author gave one


def heading_id(raw: str) -> str:
    """The id Python-Markdown's toc gives a heading: an explicit {#id}, else the ASCII slug."""
    explicit = _ATTR_ID.search(raw)
    if explicit:
        return explicit.group(1)
    text = _ATTRS.sub("", raw)
    text = _INLINE.sub(lambda m: m.group(1) or "", text)
    return slugify(text, "-")


def outline(markdown: str, first_line: int = 1) -> list[Heading]:
    """ATX headings outside fenced code, with ids and 1-based file lines.

    ``first_line`` is the file line on which ``markdown`` starts (after front matter).
    """
    headings: list[Heading] = []
    fence: str | None = None
    for offset, line in enumerate(markdown.splitlines()):
        opener = _FENCE_OPEN.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        match = _HEADING.match(line)
        if match:
            raw = match.group(2)
            minutes = _MINUTES.search(raw)
            headings.append(Heading(len(match.group(1)), heading_id(raw),
                                    _ATTRS.sub("", raw), first_line + offset,
                                    minutes.group(1) if minutes else None))
    return headings


def compare(source: list[Heading], source_path: str,
            translation: list[Heading], translation_path: str) -> list[Problem]:
    """Headings must match one to one in level and id; report the first place they part."""
    for index, (a, b) in enumerate(zip(source, translation)):
        if a.level != b.level:
            return [Problem(translation_path, b.line,
                            f"heading '{b.text}' is level {b.level}, but heading {index + 1} of "
                            f"{source_path} ('{a.text}', line {a.line}) is level {a.level}.",
                            "give both languages the same heading structure.")]
        if a.id != b.id and a.level > 1:  # a page title's id is never linked to
            return [Problem(translation_path, b.line,
                            f"heading '{b.text}' has id '{b.id}', but the matching heading in "
                            f"{source_path} (line {a.line}) has id '{a.id}'.",
                            f"add {{#{a.id}}} to the end of the heading so both languages share "
                            "the id (ids are identifiers, not translations).")]
        if a.minutes != b.minutes and _valid(a.minutes) and _valid(b.minutes):  # else check_minutes says it
            return [Problem(translation_path, b.line,
                            f"heading '{b.text}' plans {b.minutes or 'no'} minutes, but the matching "
                            f"heading in {source_path} (line {a.line}) plans {a.minutes or 'none'}.",
                            "give both languages the same data-minutes (or none).")]
    if len(source) != len(translation):
        longer, longer_path, shorter_path = ((source, source_path, translation_path)
                                             if len(source) > len(translation)
                                             else (translation, translation_path, source_path))
        extra = longer[min(len(source), len(translation))]
        return [Problem(longer_path, extra.line,
                        f"heading '{extra.text}' has no counterpart in {shorter_path} "
                        f"({len(source)} headings against {len(translation)}).",
                        "add or remove headings so both languages have the same outline.")]
    return []


def _valid(minutes: str | None) -> bool:
    return minutes is None or (minutes.isdigit() and int(minutes) >= 1)


def check_minutes(headings: list[Heading], duration, path: str) -> list[Problem]:
    """Planned minutes per section (``{data-minutes=10}`` on a heading): whole numbers that
    together fit in the module's duration."""
    problems, total = [], 0
    for heading in headings:
        if heading.minutes is None:
            continue
        if not _valid(heading.minutes):
            problems.append(Problem(path, heading.line,
                                    f"heading '{heading.text}' has data-minutes={heading.minutes!r}, "
                                    "not a whole number of minutes.",
                                    "write the planned minutes as a number, e.g. {data-minutes=10}."))
            continue
        total += int(heading.minutes)
        if isinstance(duration, int) and total > duration and not problems:
            problems.append(Problem(path, heading.line,
                                    f"the sections' planned minutes reach {total} at heading "
                                    f"'{heading.text}', more than the module's duration of {duration}.",
                                    "lower the sections' data-minutes or raise 'duration' in the front "
                                    "matter."))
    return problems
