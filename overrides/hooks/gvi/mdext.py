"""The project's Markdown features as a Python-Markdown extension, so that any generator that runs
Python-Markdown (MkDocs today, Zensical or another tomorrow) renders the pages the same way.

    markdown_extensions:
      - gvi.mdext:
          lang: sv          # the language being built; MkDocs' hook sets it per language
          docs_dir: docs    # where _data/ lives
      - pymdownx.superfences:
          custom_fences:
            - name: quiz
              class: gvi-quiz
              format: !!python/name:gvi.mdext.quiz_fence

What it does, per page:
- replaces ``{{ local.key }}`` with the local fact from docs/_data/local.yml (an unknown key stops
  the build; scripts/check_content.py names the file and line);
- renders ```quiz fences (parsed, validated and rendered by gvi.quiz);
- gives the site's abbreviations, in the page's language, to the abbr extension;
- names each task-list checkbox by its item's text, and translates the permalink title;
- adds the interface strings the page scripts read (``<script type="application/json" id="gvi-ui">``).

A broken quiz or an unknown fact raises (``on_error: raise``, the default), so no generator can
publish it. Under MkDocs the hook has already reported each problem with its file and line, so it
sets ``on_error: mark``: the broken part is replaced by a short marker and nothing is raised (no
second message, no traceback; `mkdocs serve` can show its error page).

Nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass

from markdown import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import SuperFencesException

from . import data as site_data
from . import quiz, render
from .problems import ContentError

_CACHE: dict[str, tuple[tuple, site_data.SiteData]] = {}


class GviMarkdownError(ValueError):
    """A content problem found while rendering; the message names the line and the fix."""


def load_data(docs_dir: str, display_prefix: str = "docs/") -> site_data.SiteData:
    """The data files, read once per build and again only when one of them changed (``mkdocs
    serve`` edits). The MkDocs hook and this extension share the one copy."""
    folder = os.path.join(os.path.abspath(docs_dir), site_data.DATA_DIR)
    stamp = tuple(sorted((entry.path, entry.stat().st_mtime_ns)
                         for sub in (folder, os.path.join(folder, "sources")) if os.path.isdir(sub)
                         for entry in os.scandir(sub) if entry.name.endswith(".yml")))
    cached = _CACHE.get(folder)
    if not cached or cached[0] != stamp:
        cached = _CACHE[folder] = (stamp, site_data.load(os.path.abspath(docs_dir), display_prefix))
    return cached[1]


def last_good_data(docs_dir: str) -> site_data.SiteData | None:
    """The data files as last read without a problem (for `mkdocs serve`, while one is broken)."""
    cached = _CACHE.get(os.path.join(os.path.abspath(docs_dir), site_data.DATA_DIR))
    return cached[1] if cached else None


def data_or_last_good(docs_dir: str, display_prefix: str = "docs/") -> tuple[site_data.SiteData | None,
                                                                            ContentError | None]:
    """(the data files, None), or with a broken one (the last good copy or None, the error): the
    one place where the hook, the booklets and this extension decide what a broken file means."""
    try:
        return load_data(docs_dir, display_prefix), None
    except ContentError as exc:
        return last_good_data(docs_dir), exc


@dataclass
class Context:
    lang: str
    data: site_data.SiteData | None  # None: a data file is broken (``error`` says which)
    on_error: str = "raise"
    error: str = ""


def _fail(ctx: Context, message: str) -> None:
    if ctx.on_error == "raise":
        raise GviMarkdownError(message + " (scripts/check_content.py names the file and the line.)")


def ui_strings(data: site_data.SiteData, lang: str) -> dict:
    """The strings the page scripts (quiz, progress, presenter, checklist) read, in one language."""
    return dict(quiz.strings_json(data.strings, lang), ns=data.local["site"]["id"])


# Which strings a page's scripts read, by the component that reads them. A plain Markdown render
# carries them all; the MkDocs hook keeps only what the page uses (ui_for_page), so a checklist page
# does not carry the presenter's forty strings.
UI_ISLAND = re.compile(r'(<script(?=[^>]*\bid="gvi-ui")[^>]*>)(.*?)(</script>)', re.S)


def ui_prefixes(html: str, kind: str | None) -> tuple[str, ...]:
    """The string-key prefixes the page's scripts read: the quiz's where the page has a quiz or the
    progress table (the same script fills it), the table's own, the presenter's on modules, the
    checklist bar's on checklists."""
    needs = []
    if "data-gvi-quiz" in html or "data-gvi-progress" in html:
        needs.append("quiz_")
    if "data-gvi-progress" in html:
        needs.append("progress_")
    if "data-gvi-path" in html:
        needs.append("path_")
    if kind == "module":
        needs.append("present_")
    if kind == "checklist":
        needs.append("check_")
    return tuple(needs)


def ui_for_page(html: str, kind: str | None) -> str:
    """The page's #gvi-ui strings cut to what its scripts read (``ns`` always stays: every script
    that stores something names its keys with it)."""
    keep = ui_prefixes(html, kind)

    def prune(match: re.Match) -> str:
        strings = json.loads(match.group(2))  # JSON reads "<\/" as "</"
        kept = {k: v for k, v in strings.items() if k == "ns" or k.startswith(keep)}
        text = json.dumps(kept, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return match.group(1) + text + match.group(3)

    return UI_ISLAND.sub(prune, html, count=1)


class _Local(Preprocessor):
    """Local facts in; the interface strings (a raw HTML block) appended; the site's abbreviations
    given to the abbr extension."""

    def run(self, lines: list[str]) -> list[str]:
        ctx: Context = self.md.gvi
        if ctx.data is None:
            raise GviMarkdownError(ctx.error)
        text, problems = render.expand_local("\n".join(lines), ctx.data.local, ctx.lang, "", 1)
        if problems:
            _fail(ctx, f"{problems[0].message} Fix: {problems[0].fix}")
        strings = json.dumps(ui_strings(ctx.data, ctx.lang), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        island = f'\n\n<script type="application/json" id="gvi-ui">{strings}</script>\n'
        self._abbreviations(ctx)
        return (text + island).split("\n")

    def _abbreviations(self, ctx: Context) -> None:
        """The abbreviations in the page's language, put straight into the abbr extension's table
        for this page (reset for each page). Written as "*[GVI]: …" lines at the page's end, as they
        once were, the block parser took each line apart in turn: a fifth of a page's Markdown time."""
        abbr = next((e for e in self.md.registeredExtensions if isinstance(e, AbbrExtension)), None)
        if abbr is not None:
            abbr.abbrs.update(render.abbreviation_titles(ctx.data.abbreviations, ctx.lang))


class _Finish(Postprocessor):
    """Runs after raw HTML is restored: task-list names and the permalink title. (Postprocessors
    also run on fragments such as heading texts for the toc, so nothing is appended here.)"""

    def run(self, text: str) -> str:
        ctx: Context = self.md.gvi
        text = render.label_task_lists(text)
        return text.replace('title="Permanent link"',
                            f'title="{html.escape(ctx.data.string("permalink", ctx.lang))}"')


class GviExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "lang": ["sv", "The language of the pages being built (a key in docs/_data/strings.yml)."],
            "docs_dir": ["docs", "The docs folder that holds _data/ (relative to the working folder)."],
            "on_error": ["raise", "'raise' on a broken quiz or unknown fact, or 'mark' it in the page "
                                  "(when something else, like the MkDocs hook, reports it)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        lang = self.getConfig("lang")
        data, error = data_or_last_good(self.getConfig("docs_dir"))
        if error:  # reported when a page is rendered (and by the hook before that)
            data = data if self.getConfig("on_error") == "mark" else None
            if data is None:
                md.gvi = Context(lang, None, error=str(error.problem))
                md.preprocessors.register(_Local(md), "gvi_local", 40)
                return
        if lang not in data.strings["permalink"]:
            raise GviMarkdownError(f"gvi.mdext: language '{lang}' has no strings in "
                                   "docs/_data/strings.yml. Fix: set lang to one of "
                                   f"{', '.join(sorted(data.strings['permalink']))}.")
        md.gvi = Context(lang, data, on_error=self.getConfig("on_error"))
        # Before snippets (32) and SuperFences (31), so facts inside fences are filled in too.
        md.preprocessors.register(_Local(md), "gvi_local", 40)
        # After raw HTML (30) is back in place: pymdownx.tasklist stores its checkboxes there.
        md.postprocessors.register(_Finish(md), "gvi_finish", 5)


def quiz_fence(source, language, css_class, options, md, **kwargs) -> str:
    """SuperFences formatter for ```quiz. A broken quiz raises, so SuperFences cannot drop it."""
    ctx: Context | None = getattr(md, "gvi", None)
    if ctx is None:
        raise SuperFencesException("the quiz fence needs the gvi.mdext extension: add it to "
                                   "markdown_extensions in mkdocs.yml.")
    parsed, problems = quiz.parse(source, "", 1)
    if problems:
        if ctx.on_error == "raise":
            raise SuperFencesException(f"{problems[0].message} Fix: {problems[0].fix} "
                                       "(scripts/check_content.py names the file and the line.)")
        return '<p class="gvi-quiz-error"><strong>Quiz error:</strong> see the build log.</p>'
    return quiz.render(parsed, ctx.data.strings, ctx.lang)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return GviExtension(**kwargs)
