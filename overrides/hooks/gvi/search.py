"""Point each page's search at the project's worker (overrides/assets/javascripts/workers/gvi-search.js)."""
from __future__ import annotations

import re
from urllib.parse import urlencode

CONFIG_SEARCH = re.compile(r'("search":\s*")([^"]*?)workers/(search\.[0-9a-f]+\.min\.js)(")')
WORKER = "gvi-search.js"


def use_language_worker(html: str, lang: str, prefixes: dict[str, str]) -> str:
    """Rewrite Material's worker URL in the page's __config to our wrapper, for this language."""
    others = ",".join(p for code, p in prefixes.items() if code != lang and p)

    def replace(match: re.Match) -> str:
        query = urlencode({"lang": lang, "prefix": prefixes[lang], "others": others,
                           "worker": match.group(3)}, safe="/,")
        return f"{match.group(1)}{match.group(2)}workers/{WORKER}?{query}{match.group(4)}"

    rewritten, count = CONFIG_SEARCH.subn(replace, html, count=1)
    return rewritten if count else html


def split_index(index: dict, prefixes: dict[str, str]) -> dict[str, dict]:
    """One search index per language from the combined one static-i18n writes.

    Documents keep their locations (relative to the site root, where Material's base points);
    each language's index holds only its own pages and its own Lunr language.
    """
    others = [p for p in prefixes.values() if p]
    out = {}
    for lang, prefix in prefixes.items():
        def mine(location: str) -> bool:
            if prefix:
                return location.startswith(prefix)
            return not any(location.startswith(o) for o in others)

        config = dict(index.get("config", {}), lang=[lang])
        out[lang] = {"config": config, "docs": [d for d in index["docs"] if mine(d["location"])]}
    return out
