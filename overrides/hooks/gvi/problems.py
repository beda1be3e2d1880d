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


def decode(raw: bytes, path: str) -> str:
    """The text of a UTF-8 file; an undecodable byte or a byte order mark is a ContentError that
    names the line it is on."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError(Problem(path, 1, "the file starts with a byte order mark (BOM), which "
                                   "hides its front matter from the checks.",
                                   "save the file as UTF-8 without BOM (in VS Code: click "
                                   "'UTF-8 with BOM' in the status bar, then 'Save with Encoding', "
                                   "'UTF-8')."))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError(Problem(path, line, f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} "
                                   f"at column {column}; was it saved as Latin-1 or Windows-1252?).",
                                   "save the file with the encoding UTF-8 (in VS Code: 'Save with "
                                   "Encoding', 'UTF-8') and check the letters å, ä, ö on that line.")) from exc
