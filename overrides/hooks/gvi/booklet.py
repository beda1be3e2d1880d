"""Printable booklets: the modules of a section (or of the whole curriculum) in one HTML document.

Two kinds, from the same rendered pages:

- ``participant``: no trainer notes, quiz questions kept, no answers (no answer key, no feedback,
  no marks of the correct options);
- ``trainer``: trainer notes open, the answer key open after each quiz, and the week's schedule
  first.

Each module starts on a new page; the booklet has a table of contents and numbered headings, and
the pages are numbered in the print margin (overrides/assets/stylesheets/gvi-booklet.css). Pure
functions: the build hook (overrides/hooks/gvi_booklets.py) gives them the rendered HTML.
"""
from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser

KINDS = ("participant", "trainer")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Elements left out of every booklet (by class), and out of the participant booklet only.
DROP_ALWAYS = {"headerlink", "gvi-quiz__actions", "gvi-quiz__status", "gvi-quiz__hint"}
DROP_PARTICIPANT = {"trainer", "gvi-quiz__answer", "gvi-quiz__feedback"}
OPEN_TRAINER = {"trainer", "gvi-quiz__answer"}
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls")


@dataclass(frozen=True)
class Module:
    title: str
    url: str    # the page's URL relative to the site (language) root, e.g. "strategi/budskapet/"
    html: str   # the page's rendered content (MkDocs' page.content)


def _classes(attrs: list) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


def _absolute(href: str) -> bool:
    return bool(re.match(r"^([a-z][a-z0-9+.-]*:|//|/)", href, re.I))


def rebase(href: str, page_url: str, target_dir: str) -> str:
    """A relative link written on ``page_url`` (a directory URL "a/b/" or a file "a/b.html"),
    as seen from the folder ``target_dir`` ("utskrift/")."""
    if not href or href.startswith("#") or _absolute(href):
        return href
    path, hash_, fragment = href.partition("#")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    joined = posixpath.normpath(posixpath.join(base, path)) if path else posixpath.normpath(base)
    rel = posixpath.relpath(joined, target_dir.rstrip("/") or ".")
    if path.endswith("/") or not path:
        rel = rel.rstrip("/") + "/"
    return rel + (hash_ + fragment if hash_ else "")


class _Kind:
    """One kind's booklet text while a page is read."""

    def __init__(self, kind: str):
        self.kind = kind
        self.out: list[str] = []
        self.skip = 0  # depth inside a dropped element
        self.headings: list[tuple[int, str, str]] = []  # (level, id, text) after demotion
        self.heading: list | None = None


class _Rewriter(HTMLParser):
    """Reads a page once and writes it for every kind (the reading was most of the booklets' time)."""

    def __init__(self, prefix: str, page_url: str, target_dir: str):
        super().__init__(convert_charrefs=False)
        self.prefix, self.page_url, self.target_dir = prefix, page_url, target_dir
        self.kinds = [_Kind(kind) for kind in KINDS]

    @staticmethod
    def _drop(kind: str, classes: set) -> bool:
        if classes & DROP_ALWAYS:
            return True
        return kind == "participant" and bool(classes & DROP_PARTICIPANT)

    def _attrs(self, kind: str, tag: str, attrs: list, classes: set) -> str:
        out = []
        for name, value in attrs:
            if name == "data-gvi-correct" and kind == "participant":
                continue
            if value is not None and name == "id":
                value = self.prefix + value
            elif value is not None and name in ID_REFS:
                value = " ".join(self.prefix + v for v in value.split())
            elif value is not None and name == "href":
                value = ("#" + self.prefix + value[1:]) if value.startswith("#") and len(value) > 1 \
                    else rebase(value, self.page_url, self.target_dir)
            elif value is not None and name == "src":
                value = rebase(value, self.page_url, self.target_dir)
            out.append(f' {name}="{html.escape(value, quote=True)}"' if value is not None else f" {name}")
        if tag == "details" and kind == "trainer" and classes & OPEN_TRAINER \
                and "open" not in dict(attrs):
            out.append(" open")
        return "".join(out)

    def handle_starttag(self, tag, attrs):
        classes = _classes(attrs)
        match = re.fullmatch(r"h([1-6])", tag)
        for state in self.kinds:
            if state.skip:
                if tag not in VOID:
                    state.skip += 1
                continue
            if tag == "script" or self._drop(state.kind, classes):
                if tag not in VOID:
                    state.skip = 1
                continue
            name = tag
            if match:
                level = min(6, int(match.group(1)) + 1)
                name = f"h{level}"
                state.heading = [level, self.prefix + (dict(attrs).get("id") or ""), []]
            state.out.append(f"<{name}{self._attrs(state.kind, name, attrs, classes)}>")

    def handle_startendtag(self, tag, attrs):
        classes = _classes(attrs)
        for state in self.kinds:
            if state.skip or self._drop(state.kind, classes):
                continue
            state.out.append(f"<{tag}{self._attrs(state.kind, tag, attrs, classes)}>")

    def handle_endtag(self, tag):
        match = re.fullmatch(r"h([1-6])", tag)
        for state in self.kinds:
            if state.skip:
                state.skip -= 1
                continue
            name = tag
            if match:
                name = f"h{min(6, int(match.group(1)) + 1)}"
                if state.heading:
                    level, ident, text = state.heading
                    state.headings.append((level, ident, re.sub(r"\s+", " ", "".join(text)).strip()))
                    state.heading = None
            state.out.append(f"</{name}>")

    def _text(self, raw: str, plain: str):
        for state in self.kinds:
            if state.skip:
                continue
            state.out.append(raw)
            if state.heading is not None:
                state.heading[2].append(plain)

    def handle_data(self, data):
        self._text(data, data)

    def handle_entityref(self, name):
        self._text(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._text(f"&#{name};", html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        pass


# Each page is rewritten once with this stand-in for its id prefix, then the prefix of each
# booklet it is in (``m3-`` in its section's, ``m17-`` in the whole curriculum's) replaces it.
_PREFIX = "\x00gvi-module\x00"


@functools.lru_cache(maxsize=1024)
def _rewrite(page_html: str, page_url: str, target_dir: str, prefix: str) -> dict[str, tuple[str, tuple]]:
    """{kind: (body, headings)}. Pure, so remembered: `mkdocs serve` rebuilds the booklets after
    every save, and all the pages but the one edited come back the same."""
    parser = _Rewriter(prefix, page_url, target_dir)
    parser.feed(page_html)
    parser.close()
    return {state.kind: ("".join(state.out), tuple(state.headings)) for state in parser.kinds}


def prepare(module: Module, kind: str, number: int, target_dir: str) -> tuple[str, list]:
    """One module's HTML for a booklet: filtered for ``kind``, headings one level down, ids
    prefixed (``m3-``) so that modules never share an id, links relative to ``target_dir``."""
    if kind not in KINDS:
        raise ValueError(f"unknown booklet kind {kind!r}")
    prefix = f"m{number}-"
    if _PREFIX in module.html:  # never in a rendered page; then no stand-in
        body, headings = _rewrite(module.html, module.url, target_dir, prefix)[kind]
        return body, list(headings)
    body, headings = _rewrite(module.html, module.url, target_dir, _PREFIX)[kind]
    return body.replace(_PREFIX, prefix), [(level, ident.replace(_PREFIX, prefix), text)
                                           for level, ident, text in headings]


@dataclass(frozen=True)
class Words:
    """The booklet's words in one language (docs/_data/strings.yml, booklet_*)."""
    lang: str
    title: str            # e.g. "Strategin – häfte för deltagare"
    site_name: str
    contents: str         # "Innehåll"
    schedule: str = ""    # "Veckans schema" (trainer guide only)
    note: str = ""        # one line under the title


def document(modules: list[Module], kind: str, words: Words, target_dir: str, asset_root: str,
             stylesheets: list[str], schedule_html: str = "") -> str:
    """The whole booklet as one HTML document."""
    parts, toc = [], []
    for number, module in enumerate(modules, 1):
        body, headings = prepare(module, kind, number, target_dir)
        title_id = next((ident for level, ident, _ in headings if level == 2), f"m{number}")
        sections = [(ident, text) for level, ident, text in headings if level == 3 and ident]
        toc.append(
            f'<li><a href="#{html.escape(title_id)}">{html.escape(module.title)}</a>'
            + ("<ol>" + "".join(f'<li><a href="#{html.escape(i)}">{html.escape(t)}</a></li>'
                                for i, t in sections) + "</ol>" if sections else "")
            + "</li>")
        parts.append(f'<section class="gvi-booklet__module" aria-labelledby="{html.escape(title_id)}">'
                     f"{body}</section>")
    links = "".join(f'<link rel="stylesheet" href="{html.escape(posixpath.join(asset_root, s))}">'
                    for s in stylesheets)
    schedule = (f'<section class="gvi-booklet__schedule" aria-labelledby="gvi-booklet-schedule">'
                f'<h2 id="gvi-booklet-schedule">{html.escape(words.schedule)}</h2>{schedule_html}</section>'
                if kind == "trainer" and schedule_html else "")
    note = f'<p class="gvi-booklet__note">{html.escape(words.note)}</p>' if words.note else ""
    return (
        f'<!doctype html>\n<html lang="{words.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{html.escape(words.title)} – {html.escape(words.site_name)}</title>\n{links}\n</head>\n"
        f'<body class="gvi-booklet gvi-booklet--{kind}" data-md-color-scheme="default" '
        'data-md-color-primary="custom" data-md-color-accent="custom">\n'
        '<main class="md-typeset gvi-booklet__main">\n'
        f'<header class="gvi-booklet__cover"><p class="gvi-booklet__site">{html.escape(words.site_name)}</p>'
        f"<h1>{html.escape(words.title)}</h1>{note}</header>\n"
        f'<nav class="gvi-booklet__toc" aria-labelledby="gvi-booklet-toc"><h2 id="gvi-booklet-toc">'
        f"{html.escape(words.contents)}</h2><ol>{''.join(toc)}</ol></nav>\n"
        f"{schedule}\n{''.join(parts)}\n</main>\n</body>\n</html>\n")
