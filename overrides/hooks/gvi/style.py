"""House style checks on Swedish prose (STYLE.md).

``du_ni``: a Swedish sentence never mixes "du" (du/dig/din/ditt/dina) with "ni" (ni/er/ert/era).
The reader is "du"; "ni" addresses an organisation or a group (a "Fråga till gruppen" prompt) in
sentences of its own. Whole words only, in masked prose (gvi.prose): not code, not quiz keys, not
front matter.
"""
from __future__ import annotations

import bisect
import re

from . import prose
from .problems import Problem

DU = {"du", "dig", "din", "ditt", "dina"}
NI = {"ni", "er", "ert", "era"}
_WORD = re.compile(r"(?<![\w-])(du|dig|din|ditt|dina|ni|er|ert|era)(?![\w-])", re.IGNORECASE)
# Sentence ends: . ! ? followed by space and a capital, a blank line, a list item, a heading, a
# table cell, or a definition line. Abbreviations (t.ex., kap.) go on in lower case or digits.
_BREAK = re.compile(r"[.!?…]+[”\"')\]]*\s+(?=[A-ZÅÄÖ\"”])|\n\s*\n|\n(?=\s*(?:[-+]\s|\d+\.\s|#|:\s|\||!!!|\?\?\?))|\|")


def sentences(text: str) -> list[tuple[int, str]]:
    """(start offset, sentence) for each sentence of masked prose."""
    out, start = [], 0
    for match in _BREAK.finditer(text):
        out.append((start, text[start:match.start()]))
        start = match.end()
    out.append((start, text[start:]))
    return [(s, t) for s, t in out if t.strip()]


def du_ni(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Sentences that address the reader as both "du" and "ni". The words are found once in the
    whole text (a sentence's bounds are never inside a word, and never a letter or '-')."""
    words = [(m.start(), m[1]) for m in _WORD.finditer(text)]
    found = {w.lower() for _, w in words}
    if not (found & DU and found & NI):  # then no sentence holds both (most pages: only "du")
        return []
    offsets = [o for o, _ in words]
    problems = []
    for start, sentence in sentences(text):
        inside = words[bisect.bisect_left(offsets, start):bisect.bisect_left(offsets, start + len(sentence))]
        du = [w for _, w in inside if w.lower() in DU]
        ni = [w for _, w in inside if w.lower() in NI]
        if du and ni:
            offset = next(o for o, w in inside if w.lower() in NI)
            problems.append(Problem(path, prose.line_at(text, offset, first_line),
                                    f"the sentence mixes '{du[0]}' and '{ni[0]}'; the house style never "
                                    "addresses the reader as both 'du' and 'ni' in one sentence.",
                                    "write the sentence to 'du' (du/dig/din), or, where it speaks to a "
                                    "group or an organisation, to 'ni' (ni/er) only (STYLE.md)."))
    return problems
