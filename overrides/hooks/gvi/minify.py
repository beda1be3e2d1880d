"""What readers download, made smaller as the site is built (issue 22).

- The project's own JavaScript and CSS: the sources in overrides/assets/ stay readable, with
  their comments; what a reader downloads is the same code without comments and spare whitespace:
  rjsmin and rcssmin (both maintained, pure functions, no renaming of anything, so no behaviour
  changes). Material's own bundle is minified already, and the vendored iframe-worker shim
  (offline bundle only) is left exactly as published.
- Material's palette stylesheet, which every page loads: it holds rules for each of Material's
  named primary and accent colours (red, pink, … black, white), and this site uses its own
  ("custom", in gvi.css). The rules for colours no palette in mkdocs.yml names are left out
  (``purge_palette``); the colour schemes (light, slate) stay whole.
- Each page's HTML: the indentation the templates leave between tags (a line break and the spaces
  around it) becomes one space (``html``). A run of white space shows as one space in normal text
  either way; inside <pre>, <textarea>, <code>, <script> and <style>, and inside every tag
  (attribute values), nothing changes. (A line break alone, not a space, made axe-core 4.12 find
  the footer links' visible text missing from their names: label-content-name-mismatch.)

Measured on the Polisen checklist page, as `make bench` serves it (gzip): its own JS + CSS 4.3 KB
before, 3.3 KB after; the palette stylesheet 2.1 KB before, 0.6 KB after; the page's HTML 19.4 KB
before, 18.6 KB after.
"""
from __future__ import annotations

import os
import re

import rcssmin
import rjsmin

# The site's own files under the theme's assets/: gvi.css, gvi-*.js, gvi-*.css, workers/gvi-search.js.
OWN = re.compile(r"^assets/(?:javascripts|stylesheets)/(?:workers/)?gvi(?:-[\w-]+)?\.(js|css)$")


def is_own(uri: str) -> bool:
    return bool(OWN.match(uri))


def minify(uri: str, text: str) -> str:
    """``text`` of the asset at ``uri`` minified (unchanged if it is not one of ours)."""
    kind = OWN.match(uri)
    if not kind:
        return text
    return rjsmin.jsmin(text) if kind.group(1) == "js" else rcssmin.cssmin(text)


_PALETTE = re.compile(r"^assets/stylesheets/palette\.[0-9a-f]+\.min\.css$")
_NAMED = re.compile(r"\[data-md-color-(?:primary|accent)=([\w-]+)\]")


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level pieces of minified CSS: (prelude, body) per rule or @-block, (text, None) for a
    statement without a block. Braces inside quoted strings do not count."""
    out, start, depth, quote, i = [], 0, 0, "", 0
    prelude_end = None
    while i < len(css):
        c = css[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "{":
            if depth == 0:
                prelude_end = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                out.append((css[start:prelude_end], css[prelude_end + 1:i]))
                start = i + 1
        elif c == ";" and depth == 0:
            out.append((css[start:i + 1], None))
            start = i + 1
        i += 1
    if css[start:].strip():
        out.append((css[start:], None))
    return out


def purge_palette(css: str, used: set[str]) -> str:
    """Material's palette CSS without the rules for named colours that no palette uses: a selector
    naming ``[data-md-color-primary=X]`` or ``[data-md-color-accent=X]`` with X not in ``used``
    goes; a rule left with no selector goes; an @media block left empty goes. Everything else is
    kept as it is (the source map comment too)."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.lstrip().startswith("@"):
            inner = purge_palette(body, used) if prelude.lstrip().startswith("@media") else body
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        else:
            selectors = [s for s in prelude.split(",")
                         if all(name in used for name in _NAMED.findall(s))]
            if selectors:
                out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def palette_colours(palette) -> set[str]:
    """The primary and accent colours mkdocs.yml's theme palette (one entry or a list) names, as
    Material writes them in its attributes ("deep purple": deep-purple)."""
    entries = [palette] if isinstance(palette, dict) else palette or []
    return {str(entry[key]).lower().replace(" ", "-")
            for entry in entries for key in ("primary", "accent") if entry.get(key)}


def site(site_dir: str, palette_colours: set[str]) -> list[str]:
    """Minify our files where the build wrote them (under the site's assets/, once for every
    language: static-i18n's builds share them) and purge Material's palette stylesheet of the
    colours not in ``palette_colours``. Run again on its own output it changes nothing. Returns the
    files rewritten (site-relative)."""
    done = []
    root = os.path.join(site_dir, "assets")
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            uri = os.path.relpath(path, site_dir).replace(os.sep, "/")
            palette = _PALETTE.match(uri)
            if not (is_own(uri) or palette):
                continue
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            small = purge_palette(text, palette_colours) if palette else minify(uri, text)
            if small != text:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(small)
                done.append(uri)
    return sorted(done)


_KEEP = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"(<[^>]*>)")
_INDENT = re.compile(r"[ \t]*\n\s*")


def _text_only(segment: str) -> str:
    parts = _TAG.split(segment)  # even: text between tags; odd: a tag, left as it is
    for i in range(0, len(parts), 2):
        if "\n" in parts[i]:
            parts[i] = _INDENT.sub(" ", parts[i])
    return "".join(parts)


def html(page: str) -> str:
    """``page`` with each line break and the white space around it between tags made one space,
    except inside the elements whose white space counts (``_KEEP``) and inside tags."""
    out, last = [], 0
    for keep in _KEEP.finditer(page):
        out += [_text_only(page[last:keep.start()]), keep.group(0)]
        last = keep.end()
    out.append(_text_only(page[last:]))
    return "".join(out)
