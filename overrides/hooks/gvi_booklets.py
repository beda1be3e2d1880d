"""MkDocs hooks for the printable booklets (gvi/booklet.py does the work).

For each section of modules or checklists in the navigation, and for the whole curriculum, each
language build writes two documents into ``utskrift/`` (``en/utskrift/`` for English):
``<section>-deltagare.html`` (participant booklet) and ``<section>-utbildare.html`` (trainer
guide); ``alla-…`` holds every section. Section landing pages and the trainer page link to them.
"""
from __future__ import annotations

import glob
import html
import os
import posixpath
import sys

import markdown as python_markdown
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gvi import authoring, booklet, frontmatter, mdext, render, schedule  # noqa: E402
from gvi import data as site_data  # noqa: E402

FOLDER = "utskrift"
ALL = "alla"
FILES = {"participant": "deltagare", "trainer": "utbildare"}
TRAINER_PAGE = "utbildare"
_state: dict = {}


def _lang(config) -> str:
    return config.theme.get("language")


def _pages(item) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [p for child in item.children for p in _pages(child)]
    return []


def _key(page: Page) -> str:
    """The section folder of a page ("strategi" for strategi/budskapet.en.md)."""
    return page.file.src_uri.split("/")[0]


@event_priority(-200)  # after static-i18n has translated the navigation
def on_nav(nav, config, files, **kwargs):
    sections = []
    for item in nav.items:
        members = [p for p in _pages(item) if _kind(p) in ("module", "checklist")]
        if isinstance(item, Section) and members:
            sections.append((_key(members[0]), item.title, members))
    i18n = config.plugins["i18n"].config
    default = next(lang.locale for lang in i18n.languages if lang.default)
    lang = _lang(config)
    # The copy the build hook and the extension share; a broken data file stops a build in the
    # hook's on_config, so the last good copy is used only under `mkdocs serve` (which shows why).
    data, _ = mdext.data_or_last_good(config.docs_dir)
    _state[lang] = {"sections": sections, "data": data,
                    "site_name": config.site_name, "prefix": "" if lang == default else lang + "/"}
    return nav


def _kind(page: Page):
    """The page's 'kind' (MkDocs reads front matter only after on_nav)."""
    try:
        with open(page.file.abs_src_path, encoding="utf-8") as handle:
            return frontmatter.parse(handle.read(), page.file.src_uri).meta.get("kind")
    except Exception:  # a broken page is reported by the content checks, not here
        return None


def _string(lang: str, key: str, **values) -> str:
    return site_data.fill(_state[lang]["data"].strings[key][lang], **values)


def _links(lang: str, keys: list[tuple[str, str]], here: str) -> str:
    rows = []
    for key, title in keys:
        pair = " · ".join(
            f'<a href="{html.escape(posixpath.relpath(f"{FOLDER}/{key}-{FILES[kind]}.html", here))}">'
            f"{html.escape(_string(lang, 'booklet_' + kind))}</a>" for kind in booklet.KINDS)
        rows.append(f"<li>{html.escape(title)}: {pair}</li>" if len(keys) > 1 else f"<p>{pair}</p>")
    body = "".join(rows)
    if len(keys) > 1:
        body = f"<ul>{body}</ul>"
    return (f'<nav class="gvi-booklets" aria-label="{html.escape(_string(lang, "booklet_heading"))}">'
            f'<p class="gvi-booklets__title">{html.escape(_string(lang, "booklet_heading"))}</p>'
            f"{body}</nav>")


def on_page_markdown(markdown, page, config, files, **kwargs):
    lang = _lang(config)
    state = _state.get(lang)
    if not state:
        return markdown
    parts = page.file.src_uri.split("/")
    keys = [key for key, _, _ in state["sections"]]
    prefix = state["prefix"]
    url_dir = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    here = posixpath.relpath(url_dir or ".", prefix or ".")
    if len(parts) == 2 and parts[0] in keys and parts[1].startswith("index."):
        title = next(t for k, t, _ in state["sections"] if k == parts[0])
        block = _links(lang, [(parts[0], title)], here)
    elif len(parts) == 1 and parts[0].split(".")[0] == TRAINER_PAGE:
        block = _links(lang, [(k, t) for k, t, _ in state["sections"]]
                       + [(ALL, _string(lang, "booklet_all"))], here)
    else:
        return markdown
    return render.insert_after_title(markdown, block)


def _schedule(lang: str, sections: list, target: str, prefix: str) -> str:
    rows = [(title, [(p.title, booklet.rebase(p.url[len(prefix):], "", target),
                      p.meta.get("duration")) for p in members if p.meta.get("kind") == "module"])
            for _, title, members in sections]
    rows = [(t, ms) for t, ms in rows if ms]
    text = schedule.table(rows, lang, _state[lang]["data"].strings)
    return python_markdown.markdown(text, extensions=["tables"])


@event_priority(-50)  # before static-i18n (-100) builds the next language and reconfigures `config`
def on_post_build(config, **kwargs):
    lang = _lang(config)
    state = _state.get(lang)
    if not state or not state["sections"] or authoring.preview_broken:
        return
    prefix, site_root = state["prefix"], config.site_dir
    target = FOLDER + "/"
    out_dir = os.path.join(site_root, prefix, FOLDER)
    os.makedirs(out_dir, exist_ok=True)
    asset_root = posixpath.relpath("assets", posixpath.join(prefix, FOLDER))
    material = sorted(glob.glob(os.path.join(site_root, "assets", "stylesheets", "main.*.min.css")))
    stylesheets = ([f"stylesheets/{os.path.basename(material[0])}"] if material else []) + [
        "stylesheets/gvi.css", "stylesheets/gvi-quiz.css", "stylesheets/gvi-booklet.css"]
    every = [(ALL, _string(lang, "booklet_all"), [p for _, _, ms in state["sections"] for p in ms])]
    week = _schedule(lang, state["sections"], target, prefix)  # the same in every trainer guide
    for key, title, members in state["sections"] + every:
        modules = [booklet.Module(p.title, p.url[len(prefix):], p.content or "") for p in members]
        for kind in booklet.KINDS:
            words = booklet.Words(
                lang=lang, title=f"{title} – {_string(lang, 'booklet_' + kind).lower()}"
                if lang != "en" else f"{title}: {_string(lang, 'booklet_' + kind).lower()}",
                site_name=state["site_name"], contents=_string(lang, "booklet_contents"),
                schedule=_string(lang, "booklet_schedule"),
                note=_string(lang, f"booklet_note_{kind}"))
            text = booklet.document(
                modules, kind, words, target, asset_root, stylesheets, week if kind == "trainer" else "")
            with open(os.path.join(out_dir, f"{key}-{FILES[kind]}.html"), "w", encoding="utf-8") as handle:
                handle.write(text)
