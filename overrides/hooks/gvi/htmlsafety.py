"""Safe by construction: what content may put into a page's HTML.

The site runs no script but its own and loads nothing from another host (README). Content is
Markdown, and Markdown passes raw HTML through, so the checks here decide what may pass:

- ``check_markdown``: a page's Markdown body. Raw HTML only from ``ALLOWED_TAGS`` with the
  attributes in ``ALLOWED_ATTRIBUTES`` (what docs/ uses: ``<span class="gvi-example">``,
  ``<div markdown>``, plus tables, abbreviations, details and a few inline marks); never a
  ``<script>``, an ``<iframe>``/``<object>``/``<embed>``, an event attribute (``on…=``), a
  ``javascript:``/``data:`` address (in Markdown links and images too), or an image (any ``src``)
  from another host. Links out (``[text](https://…)``) stay allowed.
- ``check_text``: texts that are text, not HTML: quiz questions, options, feedback and
  explanations, and the facts in docs/_data/*.yml. Markup there is refused.
- ``check_data``: ``check_text`` over every text of the data files, and sources' ``url`` only
  http(s).
- ``check_rendered``: the last look at a rendered page (the build hook): whatever reached the HTML
  by another way (a snippet, a reference-style image) is caught there.

Each returns problems naming the file, the line and the fix (gvi/problems.py). Nothing here
imports MkDocs.
"""
from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser

import yaml

from . import yamltext
from .problems import Problem

# What docs/ needs, and what a table or an abbreviation written by hand needs. Nothing that runs,
# embeds or submits.
ALLOWED_TAGS = frozenset("""
    a abbr b br code dd del details div dl dt em figcaption figure h2 h3 h4 h5 h6 hr i img ins kbd
    li mark ol p pre q s samp small span strong sub summary sup table tbody td tfoot th thead tr u
    ul var
""".split())
ALLOWED_ATTRIBUTES = frozenset("""
    abbr align alt class colspan datetime dir headers height href id lang markdown open rel reversed
    rowspan scope span src start target title width
""".split())
REFUSED_TAGS = {  # the tags an author is most likely to try, with what to do instead
    "script": "a page runs no script of its own; the site's scripts live in overrides/assets/javascripts/",
    "iframe": "embedding another site makes every reader's browser contact it; link to it instead: [title](https://…)",
    "object": "embedded objects can run code; link to the file instead",
    "embed": "embedded objects can run code; link to the file instead",
    "style": "styles live in overrides/assets/stylesheets/",
    "form": "a form would send the reader's input somewhere; the quizzes are ```quiz fences",
}
_URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "action", "formaction", "data", "xlink:href", "background", "cite")
_LOADS = ("src", "srcset", "poster", "data", "background")  # attributes that make the browser fetch
_BAD_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.I)
_ELSEWHERE = re.compile(r"^([a-z][a-z0-9+.-]*:)?//", re.I)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s+[^<>]*?)?)\s*(/?)>", re.S)
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]*:[^\s<>]*)>", re.I)
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
# The project's own mark, the only HTML a quiz text may hold: <span class="gvi-example">…</span>.
MARK = re.compile(r'(<span class="gvi-example">|</span>)|<')
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>?|&#", re.I)  # a tag, a comment, a character reference


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def mask_code(body: str) -> str:
    """``body`` with code fences, inline code and HTML comments blanked (same lines and columns):
    code shows markup as text, and a comment is never rendered. ```quiz fences are blanked too:
    their texts are checked by ``check_text``."""
    out, fence = [], None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            out.append(_blank(line))
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            out.append(_blank(line))
        else:
            out.append(line)
    text = "\n".join(out)
    text = re.sub(r"<!--.*?-->", lambda m: _blank(m[0]), text, flags=re.S)
    return re.sub(r"(`+)(?!`).+?(?<!`)\1(?!`)", lambda m: _blank(m[0]), text, flags=re.S)


def url_problem(url: str, loads: bool) -> str:
    """Why an address may not be used ("" when it may). ``loads``: the browser fetches it
    (an image's src), so it must be on the site itself."""
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(url or ""))
    if _BAD_SCHEME.match(plain):
        return f"the address '{url}' is a {plain.split(':')[0].lower()}: address, which can run code or hide content"
    if loads and _ELSEWHERE.match(plain):
        return f"the address '{url}' loads from another host; the site loads nothing from elsewhere"
    return ""


_URL_FIX = ("link to a page of the site or to an https:// address; put an image in docs/ (e.g. "
            "docs/bilder/) and write its address relative to the page (AUTHORING.md, \"HTML in a page\").")


def _line(first_line: int, text: str, offset: int) -> int:
    return first_line + text.count("\n", 0, offset)


def check_tag(name: str, attributes: str) -> list[tuple[str, str]]:
    """(message, fix) for each thing wrong with one HTML tag (its name, its attribute text)."""
    low = name.lower()
    if low in REFUSED_TAGS or low not in ALLOWED_TAGS:
        reason = REFUSED_TAGS.get(low, "it is not on the list of HTML the content may use")
        return [(f"the HTML tag <{low}> is not allowed in content: {reason}.",
                 "remove it; the tags allowed are listed in AUTHORING.md, \"HTML in a page\".")]
    out = []
    for match in _ATTRIBUTE.finditer(attributes):
        attr, value = match.group(1).lower(), (match.group(2) or "").strip("\"'")
        if attr.startswith("on"):
            out.append((f"<{low}> has the event attribute '{attr}', which runs script.",
                        "remove the attribute; content runs no script."))
        elif attr in _URL_ATTRIBUTES and url_problem(value, attr in _LOADS):
            out.append((f"<{low} {attr}>: {url_problem(value, attr in _LOADS)}.", _URL_FIX))
        elif attr not in ALLOWED_ATTRIBUTES and not attr.startswith("data-"):
            out.append((f"<{low}> has the attribute '{attr}', which content may not use.",
                        "remove it; the attributes allowed are listed in AUTHORING.md, \"HTML in a page\"."))
    return out


_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*)\}")


def attribute_list_problems(text: str) -> list[tuple[int, str, str]]:
    """(offset, message, fix) for each Markdown attribute list (``{#id .class key=value}``) that
    sets an event attribute, a style or an address (attr_list passes any attribute through)."""
    out = []
    for match in _ATTR_LIST.finditer(text):
        for attr in _ATTRIBUTE.finditer(match.group(1)):
            name = attr.group(1).lower()
            if name.startswith("on"):
                out.append((match.start(), f"the attribute list '{match.group(0)[:60]}' sets the event "
                            f"attribute '{name}', which runs script.", "remove the attribute; content runs no script."))
            elif name in ("style",) + _URL_ATTRIBUTES:
                out.append((match.start(), f"the attribute list '{match.group(0)[:60]}' sets '{name}', which "
                            "content may not set this way.", "keep to {#id}, {.class} and data-… (and "
                            "data-minutes on a heading)."))
    return out


def check_markdown(body: str, path: str, first_line: int = 1) -> list[Problem]:
    """Raw HTML and link targets in a page's Markdown body (starting at line ``first_line``)."""
    text = mask_code(body)
    problems = [Problem(path, _line(first_line, text, offset), message, fix)
                for offset, message, fix in attribute_list_problems(text)]
    for match in _AUTOLINK.finditer(text):
        why = url_problem(match.group(1), False)
        if why:
            problems.append(Problem(path, _line(first_line, text, match.start()), why + ".", _URL_FIX))
    for match in _TAG.finditer(text):
        if _AUTOLINK.fullmatch(match.group(0)):
            continue
        for message, fix in check_tag(match.group(2), match.group(3) if not match.group(1) else ""):
            problems.append(Problem(path, _line(first_line, text, match.start()), message, fix))
    # "<script" with no ">" on its line still opens a tag for the browser
    for match in re.finditer(r"<(script|iframe|object|embed)\b(?![^<]*>)", text, re.I):
        problems.append(Problem(path, _line(first_line, text, match.start()),
                                f"the HTML tag <{match.group(1).lower()}> is not allowed in content: "
                                f"{REFUSED_TAGS[match.group(1).lower()]}.",
                                "remove it; the tags allowed are listed in AUTHORING.md, \"HTML in a page\"."))
    for match in _INLINE_LINK.finditer(text):
        why = url_problem(match.group(2), bool(match.group(1)))
        if why:
            kind = "image" if match.group(1) else "link"
            problems.append(Problem(path, _line(first_line, text, match.start()), f"the {kind}: {why}.", _URL_FIX))
    for match in _REFERENCE.finditer(text):
        why = url_problem(match.group(1), False)
        if why:
            problems.append(Problem(path, _line(first_line, text, match.start()), f"the link reference: {why}.", _URL_FIX))
    return sorted(set(problems), key=lambda p: (p.line, p.message))


def check_text(value: str, path: str, line: int, what: str, links: bool = False) -> list[Problem]:
    """A text that is text (a quiz text, a data fact): no HTML, no entity tricks, no script
    address. ``links`` (quiz texts): Markdown links are allowed, but not to a script or data
    address, no images from another host; and the example mark <span class="gvi-example"> is."""
    if not isinstance(value, str):
        return []
    problems = []
    plain = re.sub(r"(`+)(?!`).+?(?<!`)\1(?!`)", "", value)  # `<b>` in code is shown as text
    if links:
        plain = MARK.sub(lambda m: "" if m[1] else "<", plain)
    match = _MARKUP.search(plain)
    if match:
        problems.append(Problem(path, line, f"{what} holds markup ('{match.group(0).strip()[:40]}'); "
                                "it is text, and HTML or script in it would reach the page.",
                                "write it as plain text (in a quiz, Markdown such as *emphasis* and "
                                "[links](../page/) is fine); to show a tag, put it in `backticks`."))
    problems += [Problem(path, line, f"{what}: {message}", fix) for _, message, fix in attribute_list_problems(plain)]
    if links:
        for link in _INLINE_LINK.finditer(plain):
            why = url_problem(link.group(2), bool(link.group(1)))
            if why:
                problems.append(Problem(path, line, f"{what}: {why}.", _URL_FIX))
    return problems


def _leaves(value, key=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, key + (str(k),))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, key + (i,))
    else:
        yield key, value


DATA_FILES = ("local.yml", "strings.yml", "abbreviations.yml", "curriculum.yml", "sources.yml")


def check_data(docs_dir: str, prefix: str, data) -> list[Problem]:
    """Every text of the data files the pages show (``data``: gvi.data.SiteData, already read)."""
    folder = os.path.join(docs_dir, "_data")
    tables = {"local.yml": data.local, "strings.yml": data.strings, "abbreviations.yml": data.abbreviations,
              "curriculum.yml": data.curriculum}
    extra = os.path.join(folder, "sources")
    names = list(DATA_FILES) + (["sources/" + n for n in sorted(os.listdir(extra)) if n.endswith(".yml")]
                                if os.path.isdir(extra) else [])
    problems = []
    for name in names:
        try:
            with open(os.path.join(folder, name), encoding="utf-8-sig") as handle:
                source = handle.read()
        except OSError:
            continue
        lines = yamltext.key_lines(source)
        if name in tables:
            values = tables[name]
        else:  # sources: only this file's own keys (gvi.data merged them)
            try:
                own = yamltext.safe_load(source) or {}
            except (yaml.YAMLError, ValueError):
                continue
            values = {k: data.sources.get(k, v) for k, v in own.items()} if isinstance(own, dict) else {}
        shown = f"{prefix}_data/{name}"
        for key, value in _leaves(values):
            line = lines.get(key, lines.get(key[:1], 1))
            label = "'" + ".".join(str(k) for k in key) + "'"
            if name.startswith("sources") and key[-1:] == ("url",) and isinstance(value, str):
                if value and not re.match(r"^https?://", value.strip(), re.I):
                    problems.append(Problem(shown, line, f"{label} is not an http(s) address ('{value}').",
                                            "write the source's web address, starting with https://."))
                continue
            problems += check_text(value, shown, line, label)
    return problems


class _Rendered(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = {k.lower(): v or "" for k, v in attrs}
        shown = self.get_starttag_text() or f"<{tag}>"
        if tag == "script":
            if values.get("type", "").lower() != "application/json" or "src" in values:
                self.found.append(("a <script>", shown))
            return
        if tag in ("iframe", "object", "embed", "frame", "frameset", "base", "meta", "link", "applet"):
            self.found.append((f"a <{tag}>", shown))
        for attr, value in values.items():
            if attr.startswith("on"):
                self.found.append((f"an event attribute '{attr}'", shown))
            elif attr in _URL_ATTRIBUTES and url_problem(value, attr in _LOADS):
                self.found.append((f"an unsafe address in '{attr}'", shown))

    handle_startendtag = handle_starttag


def check_rendered(page_html: str) -> list[tuple[str, str]]:
    """(what, the tag as written) for each script, event attribute, script or data address,
    embed, or resource from another host in a rendered page body. The site's own JSON islands
    (``<script type="application/json">``) are data, not script."""
    parser = _Rendered()
    parser.feed(page_html)
    parser.close()
    return parser.found
