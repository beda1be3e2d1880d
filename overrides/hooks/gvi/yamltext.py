"""YAML as authors write it in front matter and quizzes: read once, with the line of an error."""
from __future__ import annotations

import functools

import yaml


@functools.lru_cache(maxsize=4096)
def load(source: str):
    """(node, data) of a YAML text, remembered: every build (and each `mkdocs serve` rebuild) reads
    the same few hundred quizzes and front matters again. Callers only read the values.

    Parsed once: the data are built from the node, as yaml.safe_load builds them from the node it
    composes (same resolver, SafeConstructor: the same values, and the same errors for a tag the
    safe loader refuses)."""
    node = yaml.compose(source, Loader=yaml.SafeLoader)
    if node is None:
        return None, None
    loader = yaml.SafeLoader("")
    try:
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def error_line(exc) -> int:
    """The 0-based line of a YAML error inside its source: where the author must look.

    An unclosed '[' or '{' is reported by PyYAML on the next line (where it gave up); the opening
    bracket's line is the one to fix.
    """
    context, mark = getattr(exc, "context", None) or "", getattr(exc, "context_mark", None)
    if "flow" in context and mark is not None:
        return mark.line
    mark = getattr(exc, "problem_mark", None)
    return mark.line if mark is not None else 0
