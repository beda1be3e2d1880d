"""Front matter parsing that remembers the line of every key."""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import yaml


from . import yamltext
from .problems import ContentError, Problem

_FENCE = re.compile(r"^-{3}\s*$")


@dataclass
class FrontMatter:
    meta: dict
    key_lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line in the file
    body_start: int = 1  # 1-based line where the Markdown body starts

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def parse(text: str, path: str) -> FrontMatter:
    """Split YAML front matter from a Markdown file. Raises ContentError on bad YAML."""
    lines = text.splitlines()
    if not lines or not _FENCE.match(lines[0]):
        return FrontMatter(meta={}, body_start=1)
    for end in range(1, len(lines)):
        if _FENCE.match(lines[end]):
            break
    else:
        raise ContentError(Problem(path, 1, "front matter starts with '---' but never ends.",
                                   "close it with a line holding only '---'."))
    source = "\n".join(lines[1:end])
    try:
        node, meta = yamltext.load(source)
        meta = copy.deepcopy(meta) or {}  # the cached copy stays as read
    except yaml.YAMLError as exc:
        line = yamltext.error_line(exc) + 2
        reason = getattr(exc, "problem", None) or str(exc)
        raise ContentError(Problem(path, line, f"front matter is not valid YAML ({reason}).",
                                   yamltext.fix(exc))) from exc
    if not isinstance(meta, dict):
        raise ContentError(Problem(path, 2, "front matter must be a mapping of keys to values.",
                                   "write it as 'key: value' lines."))
    for key, first, again in yamltext.duplicate_keys(node):
        raise ContentError(Problem(path, again + 1, f"front matter has '{key}' a second time (first on "
                                   f"line {first + 1}); YAML keeps only the last one, so the first is "
                                   "lost without a word.", f"keep one '{key}:' line (merge the two)."))
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return FrontMatter(meta=meta, key_lines=key_lines, body_start=end + 2)
