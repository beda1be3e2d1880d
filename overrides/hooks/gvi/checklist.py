"""Role checklists: phases (## headings) holding task lists; ticks are stored by position.

An item's storage id is "<role>/<phase id>/<n>", the same in every language, so the two languages
must have the same phases with the same number of items in the same order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .outline import outline
from .problems import Problem

_ITEM = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+\S")
_ALMOST = re.compile(r"^\s*[-*+]\s*\[[^\]]{0,3}\]")  # '- []', '-[ ] x', '- [ ]x': a typo, not an item
# Language-neutral marks in an item's text: link targets, local facts, numbers, names. Two
# languages' items in the same order carry the same marks.
_MARKS = re.compile(r"\]\(([^)\s]+)|(\{\{\s*local\.[\w.]+\s*\}\})|(\d+)|\b([A-ZÅÄÖ][\wåäöÅÄÖ-]{2,})")


@dataclass
class Phase:
    id: str
    title: str
    line: int
    items: int = 0
    texts: list = field(default_factory=list)  # (line, text) of each item


@dataclass
class Checklist:
    path: str
    phases: list[Phase] = field(default_factory=list)


def parse(markdown: str, path: str, first_line: int = 1) -> tuple[Checklist, list[Problem]]:
    """The phases and item counts of a checklist body; problems for phases with no items."""
    lines = markdown.splitlines()
    headings = [h for h in outline(markdown, first_line) if h.level == 2]
    checklist, problems = Checklist(path), []
    for number, heading in enumerate(headings):
        end = headings[number + 1].line if number + 1 < len(headings) else first_line + len(lines)
        body = lines[heading.line - first_line + 1: end - first_line]
        items = [(heading.line + 1 + n, b) for n, b in enumerate(body) if _ITEM.match(b)]
        phase = Phase(heading.id, heading.text, heading.line, len(items), items)
        for n, text in enumerate(body):
            if _ALMOST.match(text) and not _ITEM.match(text):
                problems.append(Problem(path, heading.line + 1 + n, f"'{text.strip()[:30]}' is not a "
                                        "checklist item, so it has no tick box.",
                                        "start the item with '- [ ] ' (a dash, a space, brackets "
                                        "holding one space, a space)."))
                break
        if not phase.items:
            problems.append(Problem(path, heading.line, f"phase '{heading.text}' has no checklist items.",
                                    "write the items as '- [ ] …' lines under the heading, or remove the phase."))
        checklist.phases.append(phase)
    return checklist, problems


def compare(source: Checklist, translation: Checklist) -> list[Problem]:
    """Ticks are stored by position: every phase needs the same number of items in each language."""
    problems = []
    for a, b in zip(source.phases, translation.phases):
        if a.id == b.id and a.items != b.items:
            problems.append(Problem(translation.path, b.line,
                                    f"phase '{b.id}' has {b.items} items here but {a.items} in "
                                    f"{source.path}:{a.line}.",
                                    "translate the items one to one, in the same order (ticks are "
                                    "stored by position)."))
        elif a.id == b.id:
            problems += _order(a, source.path, b, translation.path)
    return problems


def _marks(text: str) -> set:
    return {next(g for g in m.groups() if g) for m in _MARKS.finditer(text)}


def _order(a: Phase, source_path: str, b: Phase, translation_path: str) -> list[Problem]:
    """Items moved in translation, found by their language-neutral marks (a link, a name, a number)
    that sit on item i in one language and item j in the other."""
    src = [_marks(text) for _, text in a.texts]
    tr = [_marks(text) for _, text in b.texts]
    shared = set().union(*src) & set().union(*tr) if src and tr else set()
    src, tr = [m & shared for m in src], [m & shared for m in tr]
    for i, (s, t) in enumerate(zip(src, tr)):
        if s == t:
            continue
        for j in range(len(src)):
            if j != i and s and src[j] != s and tr[j] == s and tr[i] == src[j]:
                mark = sorted(s)[0]
                return [Problem(translation_path, b.texts[j][0],
                                f"item {j + 1} of phase '{b.id}' is item {i + 1} in {source_path} "
                                f"(line {a.texts[i][0]}: both mention '{mark}'), so ticks would "
                                "land on the wrong items after a language switch.",
                                "keep the items in the same order as in the Swedish checklist "
                                "(ticks are stored by position).")]
    return []


_BOX = re.compile(r"^!!!(\s+)(\w+)(.*)$")
FOLD_CLASS = "gvi-fold"


def fold_intro_boxes(markdown: str) -> str:
    """A checklist starts with its items: the boxes between the title and the first phase (such
    as "Om personen är under 18 år") become folded boxes (``??? warning gvi-fold "…"``), which
    the print stylesheet opens. Only the markup changes; the box's words stay as written."""
    lines = markdown.split("\n")
    fence = False
    for number, line in enumerate(lines):
        if line.startswith(("```", "~~~")):
            fence = not fence
        if fence:
            continue
        if line.startswith("## "):
            break
        match = _BOX.match(line)
        if match:
            lines[number] = f"???{match.group(1)}{match.group(2)} {FOLD_CLASS}{match.group(3)}"
    return "\n".join(lines)
