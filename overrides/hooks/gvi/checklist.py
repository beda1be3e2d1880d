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


@dataclass
class Phase:
    id: str
    title: str
    line: int
    items: int = 0


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
        phase = Phase(heading.id, heading.text, heading.line, sum(bool(_ITEM.match(b)) for b in body))
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
    return problems
