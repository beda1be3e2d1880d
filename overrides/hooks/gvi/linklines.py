"""Give MkDocs' link and anchor warnings the line they come from.

MkDocs names the page and the link but not the line ("Doc file 'a.md' contains a link 'b.md#x',
but …"). These functions find the link in the source so the warning can say "(docs/a.md:19)".
"""
from __future__ import annotations

import logging
import os
import re

MESSAGE = re.compile(r"Doc file '(?P<file>[^']+)' contains a (?:link|reference) '(?P<link>[^']+)'")


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
            with open(path, encoding="utf-8") as handle:
                lines = link_lines(handle.read(), match.group("link"))
        except OSError:
            return True
        if lines:
            where = ", ".join(f"{self.prefix}{match.group('file')}:{n}" for n in lines)
            record.msg, record.args = f"{message} ({where})", ()
        return True
