"""The prose of a page: its Markdown body with everything that is not running text blanked out.

The term, legal and style checks read words, not syntax. ``mask`` keeps every line and column
where it was (so a hit names the right line) and replaces with spaces: code fences and inline
code, HTML tags and comments, link and image targets, bare addresses, attribute lists
(``{#id}``), local-fact placeholders (``{{ local.x }}``), snippet lines, emphasis stars, and in a
```quiz fence the YAML keys and the ids (the question, option and explanation texts stay:
readers see them).
"""
from __future__ import annotations

import functools
import re

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[\w-]*)")
_QUIZ_KEY = re.compile(r"^(\s*-?\s*)(id|question|options|text|correct|feedback|explanation)(\s*:)")
_QUIZ_BLANK = re.compile(r"^\s*-?\s*(id|correct)\s*:")
_PATTERNS = [
    re.compile(r"<!--.*?-->", re.S),  # HTML comments (markers such as <!-- gvi-schedule -->)
    re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S),  # inline code
    re.compile(r"\{\{(?!\s*(?:rule|cite)\.).*?\}\}"),  # local facts (rule references stay: gvi/rules.py)
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link and image targets: ](target "title")
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M),  # reference definitions
    re.compile(r"<https?://[^>]*>|https?://[^\s)\]>]+"),  # bare addresses
    re.compile(r"</?[A-Za-z][^>]*>"),  # HTML tags with their attributes
    re.compile(r"\{\s*[:#.][^}\n]*\}"),  # attribute lists
    re.compile(r"^\s*-+8<-+.*$", re.M),  # snippet includes
    re.compile(r"\*+"),  # emphasis stars and list bullets
]


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


@functools.lru_cache(maxsize=512)  # pure; the checks ask twice per page (guards, the copied-twin check)
def mask(body: str) -> str:
    """``body`` with only its running text left; same length, same lines and columns."""
    lines = body.split("\n")
    out: list[str] = []
    fence = None  # (marker, is_quiz) while inside a fence
    for line in lines:
        if fence is None:
            match = _FENCE.match(line)
            if match:
                fence = (match["fence"], match["info"] == "quiz")
                out.append(_blank(line))
            else:
                out.append(line)
            continue
        if line.strip().startswith(fence[0][0] * len(fence[0])) and not line.strip().strip(fence[0][0]):
            fence = None
            out.append(_blank(line))
        elif fence[1] and not _QUIZ_BLANK.match(line):
            out.append(_QUIZ_KEY.sub(lambda m: m[1] + " " * len(m[2] + m[3]), line))
        else:
            out.append(_blank(line))
    text = "\n".join(out)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: _blank(m[0]), text)
    return text


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """The 1-based line (counting from ``first_line``) of a character offset in ``text``."""
    return first_line + text.count("\n", 0, offset)


_TOKEN = re.compile(r"[\w-]+")


def _trie(words) -> str:
    """A regular expression that matches where any of ``words`` starts, written as a tree of their
    letters ('v(?:illk|äg(?:en)?)' for villk, väg, vägen): the engine tries each letter once, not
    every word in turn (twice as fast as 'villk|vägen|väg' on a page)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def write(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + write(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return write(tree)


class Phrases:
    """Many phrase patterns found in one pass over a text's words: each pattern is tried only at
    words that start like its first word (a scan per pattern was most of the checks' time).
    Patterns must match from the start of a word; the longest match at a word wins."""

    def __init__(self):
        self._by_prefix: dict[str, list] = {}
        self._lengths: set[int] = set()
        self._starts: re.Pattern | None = None

    def add(self, first_word: str, pattern: re.Pattern, value) -> None:
        key = first_word.lower()[:5]
        self._by_prefix.setdefault(key, []).append((pattern, value))
        self._lengths.add(len(key))
        self._starts = None

    def _candidates(self, text: str):
        """The words of ``text`` that start like a phrase's first word, found by one regular
        expression (a loop over every word in Python was most of this class's time)."""
        if "" in self._by_prefix:  # a phrase whose first word is empty is tried at every word
            yield from _TOKEN.finditer(text)
            return
        if not self._by_prefix:
            return
        if self._starts is None:
            firsts = sorted({key[0] for key in self._by_prefix})
            self._starts = re.compile(r"(?<![\w-])(?=[" + "".join(map(re.escape, firsts)) + "])"
                                      + _trie(self._by_prefix), re.IGNORECASE)
        position = 0
        while (found := self._starts.search(text, position)) is not None:
            token = _TOKEN.match(text, found.start())
            if token is None:  # a phrase that starts with a sign: never a word's start
                position = found.start() + 1
                continue
            position = token.end()
            yield token

    def finditer(self, text: str):
        """(match, value) for each phrase in ``text``, left to right, not overlapping."""
        end = -1
        for token in self._candidates(text):
            if token.start() < end:
                continue
            low, best = token[0].lower(), None
            for size in self._lengths:
                for pattern, value in self._by_prefix.get(low[:size], ()):
                    match = pattern.match(text, token.start())
                    if match and (best is None or match.end() > best[0].end()):
                        best = (match, value)
            if best:
                end = best[0].end()
                yield best
