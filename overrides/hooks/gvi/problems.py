"""A content problem with the file and line it was found at, and what to do about it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str  # path relative to the project root, e.g. "docs/strategi/vad-ar-gvi.en.md"
    line: int  # 1-based; 1 when the problem concerns the whole file
    message: str  # what is wrong
    fix: str = ""  # what to do about it

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} Fix: {self.fix}" if self.fix else text


class ContentError(Exception):
    """Raised by parsers for input that cannot be read at all (bad YAML, for example)."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
