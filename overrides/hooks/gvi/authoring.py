"""What an author can get wrong that would otherwise be published without a word, as pure checks.

- a misspelt quiz fence (```Quiz): the quiz would be published as a code block, answers included;
- a stray '{{' or '}}' (a local fact typed wrongly: ``{{ locl.x }}``, ``{{ local.x }``);
- the scaffold's placeholder texts (scripts/new_module.py writes them; the build refuses them);
- a module without its "Testa dig själv" section of quiz questions;
- two headings with the same id on one page;
- links inside quizzes (MkDocs checks only the page's own Markdown links);
- and, last, leftovers in the rendered HTML whatever their cause (``leftovers``).
"""
from __future__ import annotations

import functools
import html
import posixpath
import re

from .outline import Heading
from .problems import Problem
from .render import PLACEHOLDER
from .rules import REF as RULE_REF

QUIZ_SECTION = "testa-dig-sjalv"  # the id of '## Testa dig själv' / '## Check yourself {#testa-dig-sjalv}'
KEYPOINTS_SECTION = "att-ta-med-sig"
MIN_QUIZZES = 3

# The scaffold's placeholder texts (scripts/new_module.py writes them, this module refuses them).
SCAFFOLD = {
    "sv": {
        "objectives": "Skriv 3–5 lärandemål här.",
        "section_text": ("Byt rubriken och skriv modulens text här. Varje `##`-avsnitt blir en bild "
                         "i presentationsläget."),
        "trainer": ("Skriv anteckningar till utbildaren här: hur lång tid avsnittet tar, "
                    "frågor att ställa till gruppen och vad som brukar vara svårt."),
        "keypoints": "Skriv 3–5 punkter som deltagarna ska minnas.",
        "question": "Skriv frågan här.",
        "right": "Skriv ett rätt svar här.",
        "wrong": "Skriv ett fel svar här.",
        "feedback": "Skriv varför svaret är fel.",
        "explanation": "Skriv en förklaring som lär ut något.",
    },
    "en": {
        "objectives": "Write 3–5 learning objectives here.",
        "section_text": ("Rename the heading (and give it the Swedish heading's new id) and write the "
                         "module's text here. Each `##` section becomes one slide in presenter mode."),
        "trainer": ("Write notes for the trainer here: how long the section takes, questions to "
                    "ask the group and what participants usually find hard."),
        "keypoints": "Write 3–5 points participants should remember.",
        "question": "Write the question here.",
        "right": "Write a right answer here.",
        "wrong": "Write a wrong answer here.",
        "feedback": "Write why this answer is wrong.",
        "explanation": "Write an explanation that teaches something.",
    },
}
# Older scaffolds wrote this English sentence; it is refused as well.
_OLD = ["Rename the heading (keep its id) and write the module's text here."]
PLACEHOLDERS = sorted({text for texts in SCAFFOLD.values() for text in texts.values()} | set(_OLD))

_ANY_QUIZ_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*\{?\s*\.?(quiz)\b", re.I)
_EXACT_QUIZ_FENCE = re.compile(r"^\s*(`{3,}|~{3,})[ \t]*quiz[ \t]*$")
_BRACES = re.compile(r"\{\{|\}\}")
_OPENED = re.compile(r"\{\{[^{}\n]*\}{0,2}")  # '{{ locl.week.dates }}', '{{ local.x }'
_CLOSED = re.compile(r"\{?[^{}\n]{0,30}\}\}")  # '{ local.x }}'
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|href=[\"']([^\"']+)[\"']")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def misspelt_fences(lines: list[str], path: str, first_line: int = 1) -> list[Problem]:
    """```Quiz, ```QUIZ, ``` {.quiz}: fences that look like a quiz but are not one."""
    problems = []
    for offset, line in enumerate(lines):
        if _ANY_QUIZ_FENCE.match(line) and not _EXACT_QUIZ_FENCE.match(line):
            problems.append(Problem(path, first_line + offset,
                                    f"the fence '{line.strip()}' is not a quiz, so its YAML (the "
                                    "answers too) would be published as code.",
                                    "write the opening line as ```quiz (lower case, nothing after it)."))
    return problems


def stray_braces(lines: list[str], path: str, first_line: int = 1) -> list[Problem]:
    """A '{{' or '}}' left once every well-formed {{ local.key }} is taken out."""
    for offset, line in enumerate(lines):
        rest = RULE_REF.sub("", PLACEHOLDER.sub("", line))
        if _BRACES.search(rest):
            snippet = (_OPENED.search(rest) or _CLOSED.search(rest)).group(0)[:50].strip()
            return [Problem(path, first_line + offset,
                            f"'{snippet}' is not a local fact placeholder or a rule reference and would "
                            "be published as it stands.",
                            "write {{ local.KEY }} with a key from docs/_data/local.yml (e.g. "
                            "{{ local.week.dates }}), or {{ rule.ID }} / {{ cite.ID }} with an id from "
                            "docs/_data/rules.yml, with two braces on each side.")]
    return []


def placeholders(lines: list[str], path: str, first_line: int = 1) -> list[Problem]:
    """The scaffold's placeholder texts: one problem per file, naming every line that has one."""
    found = [(first_line + offset, text) for offset, line in enumerate(lines)
             for text in PLACEHOLDERS if text in line]
    if not found:
        return []
    more = sorted({line for line, _ in found[1:]} - {found[0][0]})
    also = f" (also on line{'s' if len(more) > 1 else ''} {', '.join(map(str, more))})" if more else ""
    return [Problem(path, found[0][0], f"the scaffold's placeholder '{found[0][1]}' is still "
                    f"here{also}.", "replace every placeholder with the module's own text.")]


def quiz_section(headings: list[Heading], quiz_lines: list[int], path: str,
                 last_line: int) -> list[Problem]:
    """A module checks what the reader learnt: '## Testa dig själv' with at least three quizzes."""
    section = next((h for h in headings if h.id == QUIZ_SECTION and h.level == 2), None)
    where = next((h.line for h in headings if h.id == KEYPOINTS_SECTION), last_line)
    if section is None:
        return [Problem(path, where, "the module has no '## Testa dig själv' section (id "
                        f"'{QUIZ_SECTION}') with quiz questions.",
                        "add '## Testa dig själv' (in English '## Check yourself {#testa-dig-sjalv}') "
                        f"before '## Att ta med sig', with at least {MIN_QUIZZES} ```quiz questions "
                        "(AUTHORING.md, Quizzes).")]
    after = [h.line for h in headings if h.line > section.line and h.level <= 2]
    end = after[0] if after else last_line + 1
    count = sum(section.line < line < end for line in quiz_lines)
    if count < MIN_QUIZZES:
        return [Problem(path, section.line, f"the 'Testa dig själv' section has {count} quiz "
                        f"question{'s' if count != 1 else ''}; a module has at least {MIN_QUIZZES}.",
                        f"add ```quiz questions under this heading until there are {MIN_QUIZZES} "
                        "(AUTHORING.md, Quizzes).")]
    return []


def duplicate_heading_ids(headings: list[Heading], path: str) -> list[Problem]:
    """Two headings with one id: invalid HTML, and the second section cannot be linked to."""
    seen: dict[str, Heading] = {}
    problems = []
    for heading in headings:
        if heading.id in seen:
            problems.append(Problem(path, heading.line, f"heading '{heading.text}' has the id "
                                    f"'{heading.id}', like the heading on line {seen[heading.id].line}.",
                                    "give the two headings different words (in English, different "
                                    "{#id}s: each the id of its Swedish heading)."))
        else:
            seen[heading.id] = heading
    return problems


def page_url(neutral_uri: str) -> str:
    """'strategi/budskapet.md' -> 'strategi/budskapet/'; 'roller/index.md' -> 'roller/'."""
    stem = neutral_uri[:-3] if neutral_uri.endswith(".md") else neutral_uri
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def quiz_links(texts: list[str], quiz_id: str, neutral_uri: str, anchors: dict[str, set],
               files: set[str], page_lines: list[str], fence_line: int, path: str) -> list[Problem]:
    """Links in a quiz's texts lead to a page of the site (and an anchor on it) or a file.

    ``anchors``: page URL -> its ids; ``files``: docs-relative paths of the other files.
    """
    here = page_url(neutral_uri)
    problems = []
    for text in texts:
        for match in _LINK.finditer(text or ""):
            link = match.group(1) or match.group(2)
            if _SCHEME.match(link) or link.endswith(".md") or ".md#" in link:
                continue  # an address elsewhere, or a .md link (the quiz parser reports those)
            target, _, anchor = link.partition("#")
            line = next((fence_line + n for n, text_line in enumerate(page_lines[fence_line - 1:])
                         if link in text_line), fence_line)
            if target.startswith("/"):
                problems.append(Problem(path, line, f"quiz '{quiz_id}': the link '{link}' starts "
                                        "with '/', which breaks under an edition's address.",
                                        "write the address relative to this page, e.g. '../roller/'."))
                continue
            url = here
            if target:
                resolved = posixpath.normpath(posixpath.join("/" + here, target)).lstrip("/")
                if resolved in files:
                    continue
                url = "" if resolved == "." else resolved.removesuffix("index.html")
                if url and not url.endswith("/"):
                    url += "/"
            if url not in anchors:
                problems.append(Problem(path, line, f"quiz '{quiz_id}': the link '{link}' leads to "
                                        f"'/{url}', which is no page of the site.",
                                        f"write the address relative to this page's address "
                                        f"'/{here}', ending in '/' (for docs/roller/polisen.md from "
                                        f"here: '{posixpath.relpath('/roller/polisen/', '/' + here)}/')."))
            elif anchor and anchor not in anchors[url]:
                problems.append(Problem(path, line, f"quiz '{quiz_id}': the link '{link}' leads to "
                                        f"an anchor '#{anchor}' that '/{url}' does not have.",
                                        "use one of its ids: " + ", ".join(sorted(anchors[url])) + "."))
    return problems


# Under `mkdocs serve`: whether this build has content problems, so every page becomes the error
# page (gvi_hooks.py sets it; other hooks skip their work then). A module value: hooks are reloaded
# on every rebuild, this package is not.
preview_broken = False

_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
_BRACES_IN_TEXT = re.compile(r"[^<>\n]{0,40}(?:\{\{|\}\})[^<>\n]{0,40}")  # within one text node
_RENDERED_FENCE = re.compile(r"(?:```|~~~)\s*quiz|class=\"[^\"]*language-quiz", re.I)


def _braces(text: str):
    """_BRACES_IN_TEXT.search(text), tried only near the first '{{' or '}}': the pattern tries
    every position of a page, and a match starts at most 40 characters before its braces and
    ends at most 42 after them (the same match, without scanning the whole page)."""
    first = min((i for i in (text.find("{{"), text.find("}}")) if i >= 0), default=-1)
    return _BRACES_IN_TEXT.search(text, max(0, first - 40), first + 84) if first >= 0 else None


@functools.lru_cache(maxsize=256)  # pure: `mkdocs serve` rebuilds every page after each save
def leftovers(page_html: str) -> tuple[tuple[str, str], ...]:
    """What must never reach a reader, found in a page's rendered HTML: (what, text) pairs."""
    text = _SCRIPT.sub("", page_html)
    found = []
    match = _braces(text)
    if match:
        found.append(("an unfilled placeholder", html.unescape(match.group(0)).strip()))
    match = _RENDERED_FENCE.search(text)
    if match:
        found.append(("a quiz published as code", match.group(0)))
    for placeholder in PLACEHOLDERS:
        if "`" not in placeholder and html.escape(placeholder, quote=False) in text:
            found.append(("the scaffold's placeholder", placeholder))
            break
    return tuple(found)


def source_line(source: str, needle: str) -> int:
    """The first line of a page's source that holds ``needle`` (or a part of it), else the first
    line that includes a snippet (--8<--), else 1."""
    for probe in (needle.strip(), needle.strip()[:12], "--8<--"):
        for number, line in enumerate(source.splitlines(), 1):
            if probe and probe in line:
                return number
    return 1


def error_page(problems: list[str], site_name: str) -> str:
    """The page `mkdocs serve` shows instead of the site while the content has problems."""
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content error ({count}) - {html.escape(site_name)}</title>
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}}
code{{white-space:pre-wrap;word-break:break-word}}li{{margin:.75rem 0}}h1{{color:#8a1c1c}}</style>
</head>
<body>
<main>
<h1 class="gvi-build-error">The site was not built: {count}</h1>
<p>Each line names the file, the line and what to fix. Save the fix: this page reloads by itself.</p>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""
