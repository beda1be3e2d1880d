"""MkDocs hooks for GVI-veckan: a thin adapter over the pure functions in ./gvi/.

Every content problem is logged as a warning on a "mkdocs." logger naming file and line; with
`strict: true` the build then fails, listing all problems at once.
"""
from __future__ import annotations

import logging
import os
import sys

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gvi import data as site_data  # noqa: E402
from gvi import frontmatter, linklines, links, outline, pages, render, schema, search  # noqa: E402
from gvi.problems import ContentError  # noqa: E402

log = logging.getLogger("mkdocs.hooks.gvi")

_state: dict = {}


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
    if not version:
        # Plain builds have no versions.json; Material's selector would request one and fail.
        config.extra.pop("version", None)
    prefix = _display(config, "").rstrip("/") + "/"  # "docs/": problems name files from the project root
    try:
        _state["data"] = site_data.load(config.docs_dir, prefix)
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
    return config


def _read(config, uri: str):
    path = _display(config, uri)
    with open(os.path.join(config.docs_dir, uri), encoding="utf-8") as handle:
        text = handle.read()
    try:
        return path, text, frontmatter.parse(text, path), []
    except ContentError as exc:
        return path, text, None, [exc.problem]


@event_priority(10)  # before static-i18n splits the files by language
def on_files(files, config, **kwargs):
    languages, default = _state["languages"], _state["default"]
    if config.theme.get("language") != default:
        return files  # the checks below cover every language; run them once per build
    data: site_data.SiteData = _state["data"]
    uris = sorted(f.src_uri for f in files if f.src_uri.endswith(".md") and f.inclusion.is_included())
    problems = pages.missing_twins(uris, languages, default, _state["prefix"])
    modules: dict[str, list] = {lang: [] for lang in languages}
    by_neutral: dict[str, dict] = {}
    for uri in uris:
        neutral, lang = pages.split_language(uri, languages, default)
        path, text, fm, read_problems = _read(config, uri)
        problems += read_problems
        if fm is None:
            continue
        problems += schema.validate(fm, path, schema.is_module_path(neutral, data.module_sections),
                                    roles=data.roles, audiences=data.audiences, sources=data.sources)
        if fm.meta.get("kind") == "module":
            modules[lang].append((path, fm))
        body = "\n".join(text.splitlines()[fm.body_start - 1:])
        by_neutral.setdefault(neutral, {})[lang] = (path, fm, outline.outline(body, fm.body_start))
    for lang in languages:
        problems += schema.duplicate_ids(modules[lang])
    for neutral, versions in sorted(by_neutral.items()):
        if default not in versions:
            continue
        src_path, src_fm, src_outline = versions[default]
        for lang, (path, fm, headings) in versions.items():
            if lang == default:
                continue
            problems += schema.compare_shared(src_fm, src_path, fm, path)
            problems += outline.compare(src_outline, src_path, headings, path)
    _report(problems)
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    data: site_data.SiteData = _state["data"]
    lang = config.theme.get("language")
    path = _display(config, page.file.src_uri)
    meta = page.meta
    with open(page.file.abs_src_path, encoding="utf-8") as handle:
        first_line = frontmatter.body_line(handle.read(), path, markdown)
    markdown, problems = render.expand_local(markdown, data.local, lang, path, first_line)
    _report(problems)
    if meta.get("kind") == "module" and not schema.validate(
            frontmatter.FrontMatter(meta), path, True, roles=data.roles,
            audiences=data.audiences, sources=data.sources):
        markdown = render.insert_after_title(
            markdown, render.module_facts(meta, lang, data.roles, data.audiences, data.strings))
    keys = meta.get("sources")
    if isinstance(keys, list) and all(k in data.sources for k in keys) and keys:
        markdown += render.sources_section(keys, data.sources, data.string("sources", lang))
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    lang = config.theme.get("language")
    return html.replace('title="Permanent link"',
                        f'title="{_state["data"].string("permalink", lang)}"')


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


def on_post_page(output, page, config, **kwargs):
    prefixes = links.language_prefixes(_state["languages"], _state["default"])
    return search.use_language_worker(output, config.theme.get("language"), prefixes)
