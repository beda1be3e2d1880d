"""The project's own JavaScript and CSS, minified as the site is built (issue 22).

The sources in overrides/assets/ stay readable, with their comments; what a reader downloads is the
same code without comments and spare whitespace: rjsmin and rcssmin (both maintained, pure
functions, no renaming of anything, so no behaviour changes). Material's own bundle is minified
already, and the vendored iframe-worker shim (offline bundle only) is left exactly as published.

Measured on the Polisen checklist page: its own JS + CSS from 3.8 KB to 2.8 KB gzipped.
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


def site(site_dir: str) -> list[str]:
    """Minify our files where the build wrote them (under the site's assets/, once for every
    language: static-i18n's builds share them). Run again on a minified file it changes nothing.
    Returns the files rewritten (site-relative)."""
    done = []
    root = os.path.join(site_dir, "assets")
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            uri = os.path.relpath(path, site_dir).replace(os.sep, "/")
            if not is_own(uri):
                continue
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            small = minify(uri, text)
            if small != text:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(small)
                done.append(uri)
    return sorted(done)
