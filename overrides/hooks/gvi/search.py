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


def split_index(index: dict, prefixes: dict[str, str], terms: dict | None = None) -> dict[str, dict]:
    """One search index per language from the combined one static-i18n writes.

    Documents keep their locations (relative to the site root, where Material's base points);
    each language's index holds only its own pages, its own Lunr language and, as
    config.gvi_synonyms[lang], the term base's words across languages for that language's readers.
    """
    others = [p for p in prefixes.values() if p]
    out = {}
    for lang, prefix in prefixes.items():
        def mine(location: str) -> bool:
            if prefix:
                return location.startswith(prefix)
            return not any(location.startswith(o) for o in others)

        config = dict(index.get("config", {}), lang=[lang])
        if terms:
            config["gvi_synonyms"] = {lang: synonym_table(terms, lang)}
        out[lang] = {"config": config, "docs": [d for d in index["docs"] if mine(d["location"])]}
    return out


# What stays out of the search index ---------------------------------------------------------------
# Material's search plugin skips any element (and any section whose heading) carries
# data-search-exclude. Left out: the quizzes (question, options, feedback, answers and buttons:
# results would give the answers away), the interface strings the page scripts read, and each
# page's Sources section (a bibliography that names every title would outrank the pages about
# the subject). Trainer notes stay in: trainers search them.
EXCLUDED = [
    re.compile(r'<form(?=[^>]*\bclass="gvi-quiz")'),
    re.compile(r'<script(?=[^>]*\bid="gvi-ui")'),
    re.compile(r'<h2(?=[^>]*\bid="kallor")'),
    # The legal-position page: each rule's sources and the pages that use it, and the list of
    # every act and section the pages cite (a list of page titles, like a bibliography).
    re.compile(r'<p(?=[^>]*\bclass="gvi-rule-meta")'),
    re.compile(r'<h2(?=[^>]*\bid="hanvisningar")'),
    # …and its list of what is still to check, which repeats each rule's own 'open' text
    re.compile(r'<h2(?=[^>]*\bid="att-kontrollera")'),
]


def exclude_from_index(html: str) -> str:
    """Mark the page's quizzes, interface strings and Sources section with data-search-exclude."""
    for pattern in EXCLUDED:
        html = pattern.sub(lambda m: m.group(0) + " data-search-exclude", html)
    return html


# Words across languages ---------------------------------------------------------------------------
def synonym_table(terms: dict, lang: str) -> list[list[str]]:
    """[alias, preferred] pairs for a reader of ``lang``, from the term base (docs/_data/terms.yml).

    An alias is the term in another language (an English reader typing "frivården") or one of the
    term's optional `synonyms` in another language (a Swedish reader typing "probation"; an
    English reader's own "probation" is left alone); the search worker adds the
    preferred rendering in the reader's language to a query that contains an alias.
    """
    pairs: dict[str, str] = {}
    for entry in (terms or {}).values():
        if not isinstance(entry, dict) or not isinstance(entry.get(lang), str):
            continue
        own = entry[lang].strip()
        aliases = [v for k, v in entry.items() if k not in ("avoid", "synonyms", lang) and isinstance(v, str)]
        extra = entry.get("synonyms") if isinstance(entry.get("synonyms"), dict) else {}
        for code, values in extra.items():
            if code == lang:
                continue  # a reader's own word needs no translation
            aliases += [v for v in (values if isinstance(values, list) else [values]) if isinstance(v, str)]
        for alias in aliases:
            alias = alias.strip().lower()
            if alias and alias != own.lower():
                pairs.setdefault(alias, own.lower())
    return [[alias, own] for alias, own in sorted(pairs.items())]
