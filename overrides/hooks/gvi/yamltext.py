"""YAML as authors write it in front matter and quizzes: read once, with the line of an error."""
from __future__ import annotations

import functools

import yaml


def _timestamp(loader, node):
    """PyYAML reads an unquoted 2026-02-30 as a date and raises a bare ValueError with no file or
    line ("day is out of range for month"), which no loader's YAMLError handler catches. Raise it
    as a YAML error at the value instead: every reader of the data files and the front matter then
    names the file and the line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a date: {exc}",
            node.start_mark) from exc


# On the safe loader itself: yaml.safe_load, yaml.compose callers and subclasses created from now on.
yaml.SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

# libyaml's parser (PyYAML's C binding, in its wheels) reads our data files fifteen times faster
# than the pure-Python one (13 ms against 196 ms for docs/_data). Its error messages are worded
# differently, so a text it refuses is read again by the pure-Python parser, whose error (wording,
# line, context) every message to an author is built from.
_FAST = getattr(yaml, "CSafeLoader", None)
if _FAST is not None:
    _FAST.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def compose(source: str):
    """The node tree of a YAML text (yaml.compose with the safe loader), or the pure-Python
    parser's YAMLError."""
    if _FAST is not None:
        try:
            return yaml.compose(source, Loader=_FAST)
        except yaml.YAMLError:
            pass
    return yaml.compose(source, Loader=yaml.SafeLoader)


def _parse(source: str):
    """(node, data) of a YAML text. Parsed once: the data are built from the node, as
    yaml.safe_load builds them from the node it composes (same resolver, SafeConstructor: the same
    values, and the same errors for a tag the safe loader refuses)."""
    node = compose(source)
    if node is None:
        return None, None
    try:
        return node, construct(node)
    except yaml.YAMLError:
        # A value the safe loader refuses (a day that does not exist): the error as the pure-Python
        # parser's nodes give it, with the line quoted under the message.
        return node, construct(yaml.compose(source, Loader=yaml.SafeLoader))


# (node, data), remembered: every build (and each `mkdocs serve` rebuild) reads the same few
# hundred quizzes and front matters again. Callers only read the values.
load = functools.lru_cache(maxsize=4096)(_parse)


def safe_load(source: str):
    """yaml.safe_load(source): a fresh value the caller may change (``load``'s is shared)."""
    return _parse(source)[1]


def construct(node, loader_class=yaml.SafeLoader):
    """The data of a node tree (from ``compose``), built by ``loader_class``'s constructors."""
    loader = loader_class("")
    try:
        return loader.construct_document(node)
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


DATE_FIX = "write a day that exists, as YYYY-MM-DD (e.g. 2026-11-27)."


def fix(exc, usual: str = "check indentation, colons and quotes on that line.") -> str:
    """What to do about a YAML error: for an impossible date, the date; else ``usual``."""
    return DATE_FIX if "is not a date:" in str(getattr(exc, "problem", "") or "") else usual


def key_lines(source: str) -> dict[tuple, int]:
    """{(key, subkey, …): 1-based line} for every mapping key (and list item) in a YAML text."""
    return dict(_key_lines(source))  # the caller's own copy of what is remembered


@functools.lru_cache(maxsize=32)  # the same data files every build and `mkdocs serve` rebuild
def _key_lines(source: str) -> tuple:
    lines: dict[tuple, int] = {}

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[path + (str(key.value),)] = key.start_mark.line + 1
                walk(value, path + (str(key.value),))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                lines[path + (index,)] = value.start_mark.line + 1
                walk(value, path + (index,))

    try:
        walk(compose(source), ())
    except yaml.YAMLError:
        pass
    return tuple(lines.items())


def duplicate_keys(source) -> list[tuple[str, int, int]]:
    """(key path, first line, repeated line) for each key that a mapping holds twice: YAML keeps
    the last one without a word. ``source``: a YAML text or its composed node."""
    found = []

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    found.append((".".join(path + (name,)), seen[name], key.start_mark.line + 1))
                else:
                    seen[name] = key.start_mark.line + 1
                walk(value, path + (name,))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, path + (str(index),))

    try:
        walk(compose(source) if isinstance(source, str) else source, ())
    except yaml.YAMLError:
        pass
    return found
