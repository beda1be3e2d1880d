"""The legal review pack: one printable document for the lawyer who signs the rules off.

Every rule of docs/_data/rules.yml in both languages, side by side, with its citation, status,
sources, check date, what the sources leave open, its digest (what a review is bound to), the
current review if there is one, and every page and line (checklist items included) that states or
cites it; then a sign-off table. Written by the build beside the booklets
(``utskrift/rattslig-granskning.html``). Nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import re

from . import rules as rulebase

FILE = "rattslig-granskning.html"
_REF = rulebase.REF
_TASK = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?")


def _e(text) -> str:
    return html.escape(str(text))


_EXAMPLE = re.compile(r'&lt;span class=(?:&quot;|")gvi-example(?:&quot;|")&gt;(.*?)&lt;/span&gt;')


def _line(source: str) -> str:
    """A page line as the reviewer reads it (HTML): list markers gone, references as [rule id], the
    text escaped but a local example still marked as one (gvi-example)."""
    text = _TASK.sub("", source)
    text = _REF.sub(lambda m: f"[{m[2]}]", text)
    text = _e(" ".join(text.split()))
    return _EXAMPLE.sub(lambda m: f'<span class="gvi-example">{m[1]}</span>', text)


def document(base: rulebase.RuleBase, acts: dict, strings: dict, sources: dict, usages: dict,
             titles: dict, languages: list[str], site_name: str, stylesheets: list[str]) -> str:
    """The whole pack as one HTML document. ``titles``: {page uri: {lang: title}};
    ``usages``: {rule id: [(page uri, lang, line, source line)]}."""
    first = languages[0]

    def s(key: str, lang: str = first) -> str:
        return strings[key][lang]

    def both(key: str) -> str:
        return " / ".join(_e(s(key, lang)) for lang in languages)

    links = "".join(f'<link rel="stylesheet" href="{_e(href)}">' for href in stylesheets)
    rows, sections = [], []
    for rule in base.rules.values():
        review = base.review_of(rule.id)
        cells = []
        for lang in languages:
            extra = (f'<p><strong>{_e(s("rule_open", lang))}:</strong> {_e(" ".join(rule.open[lang].split()))}</p>'
                     if rule.open.get(lang) else "")
            cells.append(
                f'<td lang="{lang}"><p><strong>{_e(rule.title[lang])}</strong><br>'
                f'{_e(rulebase.label(rule, acts, lang))} · {_e(rulebase.status_text(rule, lang, strings))}</p>'
                f'<p>{_e(" ".join(rule.text[lang].split()))}</p>{extra}</td>')
        listed = "".join(
            f'<li><a href="{_e(src.get("url", ""))}">{_e(src.get("title", key))}</a></li>' if src.get("url")
            else f"<li>{_e(src.get('title', key))}</li>"
            for key in rule.sources for src in [sources.get(key, {})])
        used = sorted({(uri, line, _line(text)) for uri, lang, line, text in usages.get(rule.id, []) if lang == first})
        uses = "".join(f"<li>{_e(titles.get(uri, {}).get(first, uri))} ({_e(uri)}:{line}): {text}</li>"
                       for uri, line, text in used) or f"<li>{both('pack_unused')}</li>"
        status = (f"{both('pack_reviewed')}: {_e(review.name)}, {_e(review.role)}, {_e(review.organisation)}, "
                  f"{_e(review.date.isoformat())}" if review else both("pack_not_reviewed"))
        sections.append(
            f'<section class="gvi-pack__rule" aria-labelledby="rule-{_e(rule.id)}">'
            f'<h2 id="rule-{_e(rule.id)}">{_e(rule.id)}</h2>'
            f'<p class="gvi-pack__meta">{both("pack_digest")}: <code>{rule.digest}</code> · '
            f'{both("pack_checked")}: {_e(rule.checked.isoformat() if rule.checked else "–")} · {status}</p>'
            f'<table class="gvi-pack__texts"><thead><tr>'
            + "".join(f'<th scope="col">{_e(strings["language_name"][lang])}</th>' for lang in languages)
            + f'</tr></thead><tbody><tr>{"".join(cells)}</tr></tbody></table>'
            f'<h3>{both("sources")}</h3><ul>{listed}</ul>'
            f'<h3>{both("pack_used_on")}</h3><ul>{uses}</ul></section>')
        rows.append(f"<tr><td>{_e(rule.id)}</td><td><code>{rule.digest}</code></td>"
                    "<td></td><td></td><td></td></tr>")
    signoff = (
        f'<section class="gvi-pack__signoff" aria-labelledby="gvi-pack-signoff"><h2 id="gvi-pack-signoff">'
        f'{both("pack_signoff")}</h2><p>{both("pack_signoff_intro")}</p>'
        f'<table><thead><tr><th scope="col">{both("pack_rule")}</th><th scope="col">{both("pack_digest")}</th>'
        f'<th scope="col">{both("pack_ok")}</th><th scope="col">{both("pack_change")}</th>'
        f'<th scope="col">{both("pack_initials")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<dl class="gvi-pack__who">'
        + "".join(f"<dt>{both(key)}</dt><dd></dd>" for key in ("pack_name", "pack_role", "pack_org", "pack_date", "pack_signature"))
        + "</dl></section>")
    title = both("pack_title")
    return (
        f'<!doctype html>\n<html lang="{first}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{title} – {_e(site_name)}</title>\n{links}\n</head>\n"
        '<body class="gvi-booklet gvi-pack" data-md-color-scheme="default" '
        'data-md-color-primary="custom" data-md-color-accent="custom">\n'
        '<main class="md-typeset gvi-booklet__main">\n'
        f'<header class="gvi-booklet__cover"><p class="gvi-booklet__site">{_e(site_name)}</p>'
        f'<h1>{title}</h1><p class="gvi-booklet__note">{both("pack_intro")}</p>'
        f'<p>{both("pack_count").replace("{n}", str(len(base.rules)))}</p></header>\n'
        + "\n".join(sections) + "\n" + signoff + "\n</main>\n</body>\n</html>\n")

