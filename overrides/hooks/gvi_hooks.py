"""MkDocs hooks for GVI-veckan: a thin adapter over the pure functions in ./gvi/.

Every content problem is logged as a warning on a "mkdocs." logger naming file and line; with
`strict: true` the build then fails, listing all problems at once.

What does not need MkDocs lives elsewhere: the Markdown features in gvi/mdext.py (a Python-Markdown
extension listed in mkdocs.yml) and the content checks in gvi/checks.py (also run by
scripts/check_content.py). What stays here needs MkDocs' files, nav, pages or plugins.
"""
from __future__ import annotations

import json
import logging
import os
import posixpath
import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gvi import data as site_data  # noqa: E402
from gvi import (checks, frontmatter, linklines, links, mdext, pages, progress, render,  # noqa: E402
                 schedule, schema, search)
from gvi.problems import ContentError  # noqa: E402

log = logging.getLogger("mkdocs.hooks.gvi")

_state: dict = {}
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
CHECKLISTS_MARKER = "<!-- gvi-checklists -->"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _report(problems) -> None:
    for problem in problems:
        log.warning(str(problem))


def _i18n(config):
    plugin = config.plugins["i18n"]
    languages = [lang.locale for lang in plugin.config.languages if lang.build]
    default = next(lang.locale for lang in plugin.config.languages if lang.default)
    return languages, default


def _display(config, path: str) -> str:
    root = os.path.dirname(config.config_file_path or ".")
    return os.path.relpath(os.path.join(config.docs_dir, path), root)


@event_priority(-50)  # after mike (0) has set the edition's site_url, before static-i18n (-100)
def on_config(config, **kwargs):
    version = os.environ.get("MIKE_DOCS_VERSION")
    if config.site_url:
        config.site_url = links.edition_site_url(config.site_url, version)
    if not version or _offline(config):
        # Plain builds have no versions.json; Material's selector would request one and fail.
        config.extra.pop("version", None)
    if _offline(config):
        # Material's offline plugin loads its file:// worker shim from unpkg.com; use our copy.
        config.extra["polyfills"] = [OFFLINE_SHIM if "iframe-worker" in url else url
                                     for url in config.extra.get("polyfills", [])]
    prefix = _display(config, "").rstrip("/") + "/"  # "docs/": problems name files from the project root
    try:
        _state["data"] = mdext.load_data(config.docs_dir, prefix)  # the extension reuses this copy
    except ContentError as exc:
        raise PluginError(str(exc.problem)) from exc
    _state["languages"], _state["default"] = _i18n(config)
    # static-i18n rewrites site_name per language build; remember each language's own.
    _state.setdefault("site_names", {
        lang.locale: lang.site_name or config.site_name for lang in config.plugins["i18n"].config.languages})
    _state["prefix"] = prefix
    pages_log = logging.getLogger("mkdocs.structure.pages")
    for old in [f for f in pages_log.filters if isinstance(f, linklines.LinkLineFilter)]:
        pages_log.removeFilter(old)
    pages_log.addFilter(linklines.LinkLineFilter(config.docs_dir, prefix))
    # The Markdown features live in a Python-Markdown extension (gvi/mdext.py), listed in mkdocs.yml
    # so that any generator running Python-Markdown gets them; the hook only points it at the docs.
    if "gvi.mdext" not in config.mdx_configs:
        raise PluginError("mkdocs.yml: markdown_extensions must list gvi.mdext (the quizzes, local "
                          "facts and abbreviations). Fix: restore it from git.")
    config.mdx_configs["gvi.mdext"]["docs_dir"] = config.docs_dir
    return config


@event_priority(10)  # before static-i18n splits the files by language
def on_files(files, config, **kwargs):
    if config.theme.get("language") != _state["default"]:
        return files  # the checks cover every language; run them once per build
    uris = [f.src_uri for f in files if f.src_uri.endswith(".md") and f.inclusion.is_included()]
    result = checks.check_docs(config.docs_dir, uris, _state["languages"], _state["default"],
                               _state["data"], _state["prefix"])
    _state["pages"] = result.pages
    _report(result.problems)
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    data: site_data.SiteData = _state["data"]
    lang = config.theme.get("language")
    path = _display(config, page.file.src_uri)
    meta = page.meta
    config.mdx_configs["gvi.mdext"]["lang"] = lang  # the extension renders in the page's language
    neutral = pages.split_language(page.file.src_uri, _state["languages"], _state["default"])[0]
    has_progress = progress.MARKER in markdown
    if has_progress:
        modules = [(m, {lang_: (info["title"], info["quizzes"]) for lang_, info in _state["pages"][m].items()})
                   for _, members in _nav_sections(config) for m in members]
        markdown = markdown.replace(progress.MARKER, progress.table(modules, neutral, lang, data.strings))
    if CHECKLISTS_MARKER in markdown:
        here = posixpath.dirname(neutral) or "."
        items = [(langs[lang]["title"], posixpath.relpath(p, here))
                 for p, langs in sorted(_state["pages"].items())
                 if langs.get(lang, {}).get("kind") == "checklist"]
        markdown = markdown.replace(CHECKLISTS_MARKER, "\n".join(f"- [{t}]({link})" for t, link in items) + "\n")
    if schedule.MODULES_MARKER in markdown:
        markdown = markdown.replace(schedule.MODULES_MARKER, schedule.module_list(
            _section_modules(config, neutral, lang), lang, data.strings))
    if schedule.MARKER in markdown:
        markdown = markdown.replace(schedule.MARKER, schedule.table(
            _schedule_sections(config, neutral, lang), lang, data.strings))
    if meta.get("kind") == "module" and not schema.validate(
            frontmatter.FrontMatter(meta), path, True, roles=data.roles,
            audiences=data.audiences, sources=data.sources):
        markdown = render.insert_after_title(
            markdown, render.module_facts(meta, lang, data.roles, data.audiences, data.strings))
    keys = meta.get("sources")
    if isinstance(keys, list) and all(k in data.sources for k in keys) and keys:
        markdown += render.sources_section(keys, data.sources, data.string("sources", lang))
    return markdown


@event_priority(0)  # after static-i18n (50) has set its own links
def on_page_context(context, page, config, nav, **kwargs):
    prefixes = links.language_prefixes(_state["languages"], _state["default"])
    targets = links.alternates(page.url, prefixes)
    # static-i18n sets config.extra.alternate as an attribute (which templates read), not a key.
    for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
        if alternate.get("lang") in targets:
            alternate["link"] = targets[alternate["lang"]]
    return context


def on_template_context(context, template_name, config, **kwargs):
    if template_name == "404.html":
        version = os.environ.get("MIKE_DOCS_VERSION") or ""
        languages, default = _state["languages"], _state["default"]
        context.update(
            gvi_strings=_state["data"].strings,
            gvi_site_root=links.site_root_path(config.site_url or "/", version),
            gvi_edition=version,
            gvi_languages=languages,
            gvi_default=default,
            gvi_prefixes=links.language_prefixes(languages, default),
            gvi_site_names=_state["site_names"],
        )
    return context


def on_page_content(html, page, config, files, **kwargs):
    return search.exclude_from_index(html)  # before the search plugin reads the page


def on_post_page(output, page, config, **kwargs):
    prefixes = links.language_prefixes(_state["languages"], _state["default"])
    return search.use_language_worker(output, config.theme.get("language"), prefixes)


def _nav_sections(config) -> list:
    """Module sections in navigation order: [(section index page, [module pages])]."""
    info = _state["pages"]
    sections = []

    def pages_in(value) -> list:
        if isinstance(value, str):
            return [value]
        out = []
        for item in value if isinstance(value, list) else []:
            for child in item.values() if isinstance(item, dict) else [item]:
                out += pages_in(child)
        return out

    for item in config.nav or []:
        for value in item.values() if isinstance(item, dict) else [item]:
            members = [p for p in pages_in(value) if info.get(p, {}).get(_state["default"], {}).get("kind") == "module"]
            if members:
                index = next((p for p in pages_in(value) if p.endswith("index.md")), members[0])
                sections.append((index, members))
    return sections


def _schedule_sections(config, page_uri: str, lang: str) -> list:
    info = _state["pages"]
    here = posixpath.dirname(page_uri) or "."
    return [(info[index][lang]["title"],
             [(info[m][lang]["title"], posixpath.relpath(m, here), info[m][lang]["duration"]) for m in members])
            for index, members in _nav_sections(config)]


@event_priority(-200)  # after static-i18n has written the combined index of every language
def on_post_build(config, **kwargs):
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    terms = search.load_terms(os.path.join(config.docs_dir, "_data", "terms.yml"))
    if _offline(config):
        # From file:// Material reads search_index.js, and its offline plugin wrote it before
        # static-i18n added the other languages. Write it again with every language; the
        # search worker keeps only the reader's.
        index["config"]["gvi_synonyms"] = {lang: search.synonym_table(terms, lang) for lang in _state["languages"]}
        with open(os.path.join(config.site_dir, "search", "search_index.js"), "w", encoding="utf-8") as handle:
            handle.write("var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    prefixes = links.language_prefixes(_state["languages"], _state["default"])
    for lang, part in search.split_index(index, prefixes, terms).items():
        target = os.path.join(config.site_dir, "search", f"search_index.{lang}.json")
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(part, handle, ensure_ascii=False, separators=(",", ":"))


def _section_modules(config, page_uri: str, lang: str) -> list:
    """The modules of the section whose landing page is ``page_uri``, in navigation order."""
    info, here = _state["pages"], posixpath.dirname(page_uri) or "."
    for index, members in _nav_sections(config):
        if index == page_uri:
            return [(info[m][lang]["title"], posixpath.relpath(m, here), info[m][lang]["duration"],
                     info[m][lang]["description"]) for m in members]
    return []
