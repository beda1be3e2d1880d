"""The page's Content-Security-Policy, a <meta> in its head: the browser's own guard behind the
content checks (gvi/htmlsafety.py).

Every request stays on the site's own host ('self'); no script runs but the site's files and the
inline scripts the theme writes itself (Material's scope, palette and tabs scripts, the search
loader, the checklist flag, the 404 page's script), each allowed by the sha256 of its exact text,
computed here when the page is written. A script smuggled into a page, an event attribute or a
``javascript:`` address has no hash and does not run. JSON islands (``type="application/json"``:
Material's __config, the gvi-ui strings) are data, never run, and need no hash.

main.html and 404.html write ``<meta http-equiv="Content-Security-Policy" content="gvi-csp">``
right after the charset, before any script (a policy covers only what follows it); the build hook
fills it in (``apply``).

The offline bundle (file://) is the one exception: Material's iframe-worker shim runs search in an
about:blank frame through an inline script that names the worker's address on the reader's disk,
which no build can hash; there the policy allows inline script (and still loads nothing from
another host).
"""
from __future__ import annotations

import base64
import hashlib
import re

MARKER = '<meta http-equiv="Content-Security-Policy" content="gvi-csp">'
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script that runs (no src, not a JSON island), in page order."""
    return [body for attributes, body in _SCRIPT.findall(html)
            if not re.search(r"\bsrc\s*=", attributes, re.I) and not _DATA_TYPE.search(attributes)]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(html: str, offline: bool = False) -> str:
    scripts = "'unsafe-inline'" if offline else " ".join(dict.fromkeys(sha256(s) for s in inline_scripts(html)))
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {scripts}".rstrip(),
        "style-src 'self' 'unsafe-inline'",  # Material sets style attributes; styles load nothing
        "img-src 'self' data:",  # Material's icons are data: SVGs in its CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def apply(html: str, offline: bool = False) -> str:
    """The page with its policy filled in (unchanged if it has no marker)."""
    if MARKER not in html:
        return html
    return html.replace(MARKER, f'<meta http-equiv="Content-Security-Policy" content="{policy(html, offline)}">', 1)
