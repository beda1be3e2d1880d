"""Give MkDocs' link and anchor warnings the line they come from, and a fix.

MkDocs names the page and the link but not the line ("Doc file 'a.md' contains a link 'b.md#x',
but …"). These functions find the link in the source and rewrite the warning in the project's
form: "docs/a.md:19: the link 'b.md#x': the doc 'b.md' does not contain … Fix: use one of …".
"""
from __future__ import annotations

import logging
import os
import re

from .outline import outline

MESSAGE = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:a|an|an absolute|an unrecognized relative) "
                     r"(?:link|reference) '(?P<link>[^']+)'(?:, but |, )?(?P<rest>.*)$", re.S)
_OTHER_DOC = re.compile(r"the doc '(?P<doc>[^']+)' does not contain an anchor")


def _ids(path: str) -> list[str]:
    """The heading ids of a page, for the fix of a broken anchor."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return []
    return sorted({h.id for h in outline(text)})


def fix_for(rest: str, docs_dir: str, page: str) -> str:
    """What to do about one of MkDocs' link warnings (``rest``: its text after the link)."""
    other = _OTHER_DOC.search(rest)
    if other or "no such anchor on this page" in rest:
        ids = _ids(os.path.join(docs_dir, other.group("doc") if other else page))
        listed = f": {', '.join('#' + i for i in ids)}" if ids else ""
        return ("link to one of the page's heading ids" + listed + " (English headings end with "
                "the Swedish {#id}).")
    if "absolute link" in rest or rest.startswith("it was left as is") and "unrecognized" not in rest:
        return "write the link relative to this file, to the Swedish Markdown file (e.g. '../roller/polisen.md')."
    return ("correct the path: relative to this file, to the Swedish Markdown file (e.g. "
            "'../roller/polisen.md'); or create the page (scripts/new_module.py).")


def link_lines(text: str, link: str) -> list[int]:
    """1-based lines where a Markdown link or reference points at ``link``."""
    patterns = (f"]({link})", f"]({link} ", f"<{link}>", f"]: {link}", f'href="{link}"')
    return [number for number, line in enumerate(text.splitlines(), 1)
            if any(p in line for p in patterns)]


class LinkLineFilter(logging.Filter):
    """A logging filter for 'mkdocs.structure.pages' that appends file:line to link warnings."""

    def __init__(self, docs_dir: str, display_prefix: str):
        super().__init__("gvi-link-lines")
        self.docs_dir = docs_dir
        self.prefix = display_prefix

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        match = MESSAGE.search(message)
        if not match:
            return True
        path = os.path.join(self.docs_dir, match.group("file"))
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = link_lines(handle.read(), match.group("link"))
        except OSError:
            lines = []
        rest = match.group("rest").strip()
        kind = message[match.start():].split(" contains ", 1)[1].split(" '", 1)[0]  # 'a link', …
        kind = re.sub(r"^an? ", "the ", kind)
        also = f" (also on line{'s' if len(lines) > 2 else ''} {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
        record.msg = (f"{self.prefix}{match.group('file')}:{lines[0] if lines else 1}: {kind} "
                      f"'{match.group('link')}'{also}: {rest} Fix: "
                      f"{fix_for(rest, self.docs_dir, match.group('file'))}")
        record.args = ()
        return True
