"""MkDocs hooks for GVI-veckan: a thin adapter over the pure functions in ./gvi/.

Every content problem is logged as a warning on a "mkdocs." logger naming file and line, all at
once; then the build stops, before MkDocs renders anything (so nothing follows the good lines: no
traceback, no knock-on warning). Under `mkdocs serve` it does not stop: every page of the preview
becomes an error page listing the problems (gvi/authoring.py error_page), so the browser shows
them instead of waiting for a build that never comes.

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

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gvi import data as site_data  # noqa: E402
from gvi import (authoring, checklist, checks, controls, csp, editions, frontmatter, htmlsafety,  # noqa: E402
                 jinjacache, linklines, links, mdext, navcheck, pagefacts, pages, paths, progress, render,
                 schedule, schema, search)
from gvi import configkeys, legal, minify, reviewpack, rules, servecache  # noqa: E402
from gvi.problems import ContentError  # noqa: E402

configkeys.install()  # MkDocs imports the hooks while it validates mkdocs.yml: its warnings get their line

log = logging.getLogger("mkdocs.hooks.gvi")

_state: dict = {}
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
CHECKLISTS_MARKER = "<!-- gvi-checklists -->"
PATH_PAGE = "min-vag.md"  # "Min väg / My path": the start page's role chooser links to it


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _report(problems) -> None:
    for problem in problems:
        log.warning(str(problem))


SERVING = "GVI_SERVING"  # set by on_startup under `mkdocs serve` (hooks are reloaded on each rebuild)


def _serving() -> bool:
    return os.environ.get(SERVING) == "1"


def _remembered(key: tuple, compute):
    """compute(), or under `mkdocs serve` the previous rebuild's answer for the same key and data
    (gvi/servecache.py MEMO)."""
    return servecache.MEMO.get(key, compute) if _serving() else compute()


class _Collector(logging.Handler):
    """Under `mkdocs serve`: every warning of the build, for the error page."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def on_startup(command, **kwargs):
    if command == "serve":
        os.environ[SERVING] = "1"


def _detach() -> None:
    collector = _state.pop("collector", None)
    if collector:
        logging.getLogger("mkdocs").removeHandler(collector)


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
    _state["data"], error = mdext.data_or_last_good(config.docs_dir, prefix)  # the extension reuses it
    _state.pop("data_problem", None)
    if error:
        if not (_serving() and _state["data"]):
            raise PluginError(str(error.problem)) from error
        # `mkdocs serve` after a good build: go on with the last good data, show the problem.
        _state["data_problem"] = error.problem
    _state["languages"], _state["default"] = _i18n(config)
    config.extra["gvi_current_to"] = legal.current_to(_state["data"].local, _state["data"].strings, _state["languages"])
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
    config.mdx_configs["gvi.mdext"]["on_error"] = "mark"  # on_files reports each problem with its line
    if _serving() and "collector" not in _state:
        # A strict build that fails under `mkdocs serve` leaves the browser waiting for good. Count
        # nothing; collect the warnings and show them as the preview's pages (on_post_build).
        root = logging.getLogger("mkdocs")
        for handler in [h for h in root.handlers if isinstance(h, CountHandler)]:
            root.removeHandler(handler)
        _state["collector"] = _Collector()
        root.addHandler(_state["collector"])
    _site_facts(config, version)
    if _serving():
        # What a rebuild may take from the previous one when its inputs are the same (gvi/servecache.py).
        _state["stamp"] = servecache.data_stamp(config.docs_dir)
        servecache.MEMO.begin(servecache.generation(_state["stamp"], _state["languages"], _state["default"]))
        search_plugin = config.plugins.get("material/search")
        if search_plugin and hasattr(search_plugin, "search_index"):
            servecache.index_search(search_plugin.search_index)
    return config


def _site_facts(config, version) -> None:
    """Last-updated dates from git (once per build), and one storage scope for the whole site."""
    if _state.get("dates_for") != config.docs_dir:
        found = pagefacts.git_dates(config.docs_dir)
        _state["dates"], _state["dates_for"] = found.dates, config.docs_dir
        if found.note:
            log.info("gvi: %s.", found.note)
    if config.site_url and not _offline(config):
        # Material keeps the colour scheme under its scope; one scope for every language and
        # edition, so the privacy page's erase button can find it (docs/om/webbplatsen.md).
        config.extra["scope"] = links.site_root_path(config.site_url, version)


@event_priority(10)  # before static-i18n splits the files by language
def on_files(files, config, **kwargs):
    if config.theme.get("language") != _state["default"]:
        return files  # the checks cover every language; run them once per build
    uris = [f.src_uri for f in files if f.src_uri.endswith(".md") and f.inclusion.is_included()]
    result = checks.check_docs(config.docs_dir, uris, _state["languages"], _state["default"],
                               _state["data"], _state["prefix"], _nav_config(config),
                               memo=servecache.MEMO if _serving() else None)
    _state["pages"], _state["guards"] = result.pages, result.guards
    found = ([_state["data_problem"]] if "data_problem" in _state else []) + result.problems
    _state["broken"] = {p.path for p in found}
    authoring.preview_broken = bool(found) and _serving()
    _report(found)
    if not found and result.guards:  # not an error (a preview must build), but never quietly
        email = str((_state["data"].local.get("contact") or {}).get("email", ""))
        if rules.placeholder_email(email):
            log.info(f"{_state['prefix']}_data/local.yml: contact.email '{email}' is a placeholder: readers "
                     "cannot report errors to it, and an edition will not be deployed until it is set.")
    _state["editions"] = _editions(config)
    if result.problems and not _serving():
        raise Abort(f"Aborted with {len(result.problems)} content problem"
                    f"{'s' if len(result.problems) != 1 else ''}: the site was NOT built. Each line "
                    "above names the file, the line and the fix.")
    for file in [f for f in files if f.src_uri.endswith(".md") and _display(config, f.src_uri) in _state["broken"]]:
        try:  # under `mkdocs serve`: leave out what MkDocs cannot even read; the error page says why
            with open(file.abs_src_path, encoding="utf-8-sig") as handle:
                handle.read()
        except (OSError, UnicodeDecodeError):
            files.remove(file)
    return files


def _nav_config(config) -> navcheck.NavConfig:
    default = _state["default"]
    return navcheck.NavConfig(
        config.nav, open(config.config_file_path, encoding="utf-8").read() if config.config_file_path else "",
        os.path.basename(config.config_file_path or "mkdocs.yml"),
        {lang.locale: dict(lang.nav_translations or {}) for lang in config.plugins["i18n"].config.languages
         if lang.build and lang.locale != default},
        (config.not_in_nav or "").split() if isinstance(config.not_in_nav, str) else [])


def on_env(env, config, files, **kwargs):
    jinjacache.use(env)  # each language's build, and each rebuild under `mkdocs serve`
    return env


def on_page_markdown(markdown, page, config, files, **kwargs):
    if _state.get("broken"):
        # Under `mkdocs serve` with problems the pages become the error page: render nothing of
        # them, so a problem the checks reported cannot also crash the rendering (a missing
        # snippet, a broken quiz).
        return ""
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
    if paths.MARKER in markdown:
        markdown = markdown.replace(paths.MARKER, _paths(config, page, neutral, lang))
    if paths.ROLES_MARKER in markdown:
        markdown = markdown.replace(paths.ROLES_MARKER, paths.chooser(
            _plan(config), data.roles, lang, data.strings,
            posixpath.relpath(PATH_PAGE, posixpath.dirname(neutral) or ".")))
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
    if editions.MARKER in markdown and _state.get("editions"):
        edition, earlier, changes = _state["editions"]
        markdown = markdown.replace(editions.MARKER, editions.render(
            edition, earlier, changes[lang] if isinstance(changes, dict) else changes,
            {m: langs[lang]["title"] for m, langs in _state["pages"].items() if lang in langs},
            posixpath.dirname(neutral), lang, data.strings))
    markdown = _state["guards"].decorate(markdown, meta, neutral, lang, _state["pages"])  # legal status
    if meta.get("kind") == "checklist":  # a checklist starts with its items: boxes before them fold
        markdown = checklist.fold_intro_boxes(markdown)
    if pagefacts.ERASE_MARKER in markdown:
        markdown = markdown.replace(pagefacts.ERASE_MARKER, pagefacts.erase_block(data.strings, lang))
    keys = meta.get("sources")
    if isinstance(keys, list) and all(k in data.sources for k in keys) and keys:
        markdown += render.sources_section(keys, data.sources, data.string("sources", lang))
    if _serving():  # a page whose Markdown and inputs did not change is not rendered again
        servecache.install(page, _state["stamp"])
    return markdown


def on_page_content(html, page, config, **kwargs):
    """The last look: nothing half-written reaches a reader, whatever let it through. Then cut the
    interface strings to what the page's scripts read, and mark what stays out of the search index
    (quizzes, sources), before the search plugin reads it."""
    if not _state.get("broken"):
        path = _display(config, page.file.src_uri)
        for what, text in authoring.leftovers(html):
            line = _source_line(page, text)
            log.warning(f"{path}:{line}: the rendered page holds {what} ('{text.strip()}'). Fix: "
                        "correct the source at this line; run scripts/check_content.py for its check.")
        for what, tag in _remembered(("check_rendered", html), lambda: htmlsafety.check_rendered(html)):
            # a snippet, a reference image, …
            log.warning(f"{path}:{_source_line(page, tag)}: the rendered page holds {what} ('{tag[:80]}'), "
                        "which content may not put into a page. Fix: remove it from the source "
                        "(or the snippet it comes from); AUTHORING.md, \"HTML in a page\", lists what is allowed.")
    html = mdext.ui_for_page(html, page.meta.get("kind"))  # only the strings its scripts read
    return search.exclude_from_index(html)


def _source_line(page, text: str) -> int:
    try:
        with open(page.file.abs_src_path, encoding="utf-8-sig") as handle:
            return authoring.source_line(handle.read(), text)
    except (OSError, UnicodeDecodeError):
        return 1


@event_priority(0)  # after static-i18n (50) has set its own links
def on_page_context(context, page, config, nav, **kwargs):
    prefixes = links.language_prefixes(_state["languages"], _state["default"])
    targets = links.alternates(page.url, prefixes)
    # static-i18n sets config.extra.alternate as an attribute (which templates read), not a key.
    for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
        if alternate.get("lang") in targets:
            alternate["link"] = targets[alternate["lang"]]
    lang, data = config.theme.get("language"), _state["data"]
    context["gvi_page_facts"] = pagefacts.page_facts(
        lang=lang, title=page.meta.get("title") or page.title or "", url=page.canonical_url or page.abs_url or "",
        day=_state["dates"].get(_docs_path(config, page)), contact=data.local["contact"], strings=data.strings)
    # Words the templates write into controls before any script runs (overrides/main.html).
    context["gvi_words"] = {key: data.string(key, lang) for key in ("present_start",)}
    prefix = prefixes.get(lang, "")
    context["gvi_footer_links"] = [
        (data.string(key, lang), links.relative_link(page.url, prefix + target))
        for key, target in pagefacts.FOOTER_PAGES]
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
            gvi_footer_pages=pagefacts.FOOTER_PAGES,
        )
    return context


def on_post_page(output, page, config, **kwargs):
    return _remembered(("post_page", output, config.theme.get("language"), _offline(config)),
                       lambda: _post_page(output, config))


def _post_page(output: str, config) -> str:
    prefixes = links.language_prefixes(_state["languages"], _state["default"])
    lang, data = config.theme.get("language"), _state["data"]
    output = controls.name_header_icons(output, {target: data.string(key, lang)
                                                 for target, key in controls.HEADER_ICONS.items()})
    toggles = [(entry.get("toggle") or {}).get("name") for entry in config.theme.get("palette") or []
               if isinstance(entry, dict)]
    output = controls.translate_names(output, dict(zip(toggles, (data.string(key, lang) for key in controls.PALETTE))))
    output = search.use_language_worker(output, lang, prefixes)
    return _with_policy(minify.html(output), config)


def on_post_template(output_content, template_name, config, **kwargs):
    return _with_policy(minify.html(output_content), config) if template_name == "404.html" else output_content


def _with_policy(output: str, config) -> str:
    """The page's Content-Security-Policy, last, over its final text (gvi/csp.py). `mkdocs serve`
    adds its own inline live-reload script, and the offline bundle's search frame an inline
    script of its own: there inline script is allowed, and still nothing loads from elsewhere."""
    return csp.apply(output, offline=_offline(config) or _serving())


def _docs_path(config, page) -> str:
    """The page's own file below docs/ ('utbildare.en.md' for the English page)."""
    return os.path.relpath(page.file.abs_src_path, config.docs_dir).replace(os.sep, "/")


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


def _plan(config) -> list:
    """Every role's path: its modules in navigation order, its checklist (gvi/paths.py)."""
    info = _state["pages"]
    modules = [(m, index.split("/")[0], info[m]) for index, members in _nav_sections(config) for m in members]
    checklists = {langs[_state["default"]].get("role"): p for p, langs in sorted(info.items())
                  if langs.get(_state["default"], {}).get("kind") == "checklist"}
    return paths.plan(_state["data"].roles, modules, checklists)


def _paths(config, page, neutral: str, lang: str) -> str:
    """The "Min väg / My path" sections: every role's modules in navigation order (gvi/paths.py)."""
    info, data = _state["pages"], _state["data"]
    sections = _nav_sections(config)
    titles = {index.split("/")[0]: info[index][lang]["title"] for index, _ in sections if index in info}
    # Booklets are files, not pages: link them from the page's own address (directory URLs).
    url_dir = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    prefix = links.language_prefixes(_state["languages"], _state["default"]).get(lang, "")
    up = posixpath.relpath(prefix.rstrip("/") or ".", url_dir.rstrip("/") or ".")
    booklet = posixpath.join(up, "utskrift", "{section}-deltagare.html")
    return paths.render(_plan(config), data.roles, titles, neutral, lang, data.strings, booklet)


def _schedule_sections(config, page_uri: str, lang: str) -> list:
    info = _state["pages"]
    here = posixpath.dirname(page_uri) or "."
    return [(info[index][lang]["title"],
             [(info[m][lang]["title"], posixpath.relpath(m, here), info[m][lang]["duration"]) for m in members])
            for index, members in _nav_sections(config)]


@event_priority(-200)  # after static-i18n has written the combined index of every language
def on_post_build(config, **kwargs):
    # What readers download: our JS and CSS without comments, Material's palette CSS without the
    # named colours no palette uses (gvi/minify.py).
    minify.site(config.site_dir, minify.palette_colours(config.theme.get("palette")))
    if "collector" in _state:
        _serve_errors(config)
    if not _state.get("broken"):
        _review_pack(config)
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    guards = _state.get("guards")
    terms = guards.terms.terms if guards else {}  # the term base read and checked in on_files
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


def _review_pack(config) -> None:
    """utskrift/rattslig-granskning.html: every rule in both languages, where it is used, and a
    sign-off table (gvi/reviewpack.py), beside the booklets."""
    guards, data = _state.get("guards"), _state["data"]
    if guards is None or not guards.rules.rules:
        return
    folder = os.path.join(config.site_dir, "utskrift")
    os.makedirs(folder, exist_ok=True)
    material = sorted(f for f in os.listdir(os.path.join(config.site_dir, "assets", "stylesheets"))
                      if f.startswith("main.") and f.endswith(".min.css"))
    sheets = [f"../assets/stylesheets/{name}" for name in material[:1] + ["gvi.css", "gvi-booklet.css"]]
    titles = {uri: {lang: info["title"] for lang, info in langs.items()} for uri, langs in _state["pages"].items()}
    text = reviewpack.document(guards.rules, guards.legal.acts, data.strings, data.sources, guards.usages, titles,
                               _state["languages"], _state["site_names"].get(_state["default"]) or config.site_name,
                               sheets)
    with open(os.path.join(folder, reviewpack.FILE), "w", encoding="utf-8") as handle:
        handle.write(text)


def _serve_errors(config) -> None:
    """Under `mkdocs serve`: with any problem, every page of the preview is the error page, and
    the terminal says the site was not built (in place of MkDocs' "Documentation built")."""
    lines = _state["collector"].lines
    _detach()
    if not lines:
        return
    _write_error_page(config.site_dir, lines, _state["site_names"].get(_state["default"]) or config.site_name)
    _NotBuilt.install(len(lines))


class _NotBuilt(logging.Filter):
    """Turns MkDocs' next "Documentation built in … seconds" into "The site was NOT built …"."""

    def __init__(self, count: int):
        super().__init__()
        self.count = count

    @classmethod
    def install(cls, count: int) -> None:
        logger = logging.getLogger("mkdocs.commands.build")
        for old in [f for f in logger.filters if type(f).__name__ == cls.__name__]:
            logger.removeFilter(old)
        logger.addFilter(cls(count))

    def filter(self, record):
        if record.getMessage().startswith("Documentation built"):
            record.msg, record.args = (f"The site was NOT built: {self.count} problem"
                                       f"{'s' if self.count != 1 else ''} above. The preview shows them "
                                       "on every page; save the fix and it comes back."), ()
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            logging.getLogger("mkdocs.commands.build").removeFilter(self)
        return True


def on_serve(server, config, builder, **kwargs):
    """Any crash of a rebuild (not only the problems the checks know) becomes the preview's error
    page: MkDocs would otherwise leave every request waiting until the next good build."""
    rebuild = server.builder
    if getattr(rebuild, "gvi_guarded", False):
        return server
    servecache.notify_changes(server)  # a save starts the rebuild at once, not at the next poll
    site_dir, site_name = config.site_dir, _state.get("site_names", {}).get(_state.get("default")) or config.site_name

    def guarded(*args, **kw):
        try:
            rebuild(*args, **kw)
        except Exception as exc:  # noqa: BLE001 (every crash, shown instead of a hang)
            where = getattr(exc, "__notes__", None) or []
            line = (f"The build stopped with {type(exc).__name__}: {exc}{' ' + ' '.join(where) if where else ''}. "
                    "Fix: the terminal shows where; correct the file it names and save.")
            _write_error_page(site_dir, [line], site_name)
            log.error(f"The site was NOT built: {line} The preview shows this on every page.")

    guarded.gvi_guarded = True
    server.builder = guarded
    return server


def _write_error_page(site_dir: str, lines: list[str], site_name: str) -> None:
    page = authoring.error_page(lines, site_name)
    os.makedirs(site_dir, exist_ok=True)
    written = False
    for folder, _, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                    handle.write(page)
                written = True
    if not written or not os.path.exists(os.path.join(site_dir, "index.html")):
        for name in ("index.html", "404.html"):
            with open(os.path.join(site_dir, name), "w", encoding="utf-8") as handle:
                handle.write(page)


def on_build_error(error, **kwargs):
    _detach()


def _editions(config):
    """Once per build: the edition being built (mike's version, else local.yml week.edition), the
    earlier editions, and per language what changed since the previous edition's git tag."""
    path = _display(config, editions.FILE)
    name = os.environ.get("MIKE_DOCS_VERSION") or str(_state["data"].local.get("week", {}).get("edition", ""))
    listed, problems = editions.check_file(config.docs_dir, _state["languages"], name, _state["data"].local, path)
    _report(problems)
    if problems:
        return None
    edition = next(e for e in listed if e.name == name)
    earlier = [e for e in listed if e.name < name]
    if not earlier:
        return edition, earlier, None
    default = _state["default"]
    modules = [m for _, members in _nav_sections(config) for m in members]
    files = {lang: {m: pages.language_file(m, lang, default) for m in modules} for lang in _state["languages"]}
    wanted = sorted({f for by_module in files.values() for f in by_module.values()})
    snapshot = editions.read_tag(config.docs_dir, earlier[-1].tag, wanted)
    if snapshot.files is None:
        log.info("New in this edition: no list of changed modules (%s: %s)", earlier[-1].tag, snapshot.reason)
        return edition, earlier, snapshot.reason
    current = {}
    for name in wanted:
        with open(os.path.join(config.docs_dir, name), encoding="utf-8") as handle:
            current[name] = handle.read()
    return edition, earlier, {lang: editions.compare(modules, files[lang], snapshot.files, current)
                              for lang in _state["languages"]}


def _section_modules(config, page_uri: str, lang: str) -> list:
    """The modules of the section whose landing page is ``page_uri``, in navigation order."""
    info, here = _state["pages"], posixpath.dirname(page_uri) or "."
    for index, members in _nav_sections(config):
        if index == page_uri:
            return [(info[m][lang]["title"], posixpath.relpath(m, here), info[m][lang]["duration"],
                     info[m][lang]["description"]) for m in members]
    return []
