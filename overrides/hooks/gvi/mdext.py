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
  the build, naming the line);
- renders ```quiz fences (parsed, validated and rendered by gvi.quiz);
- appends the abbreviation definitions in the page's language (for the abbr extension);
- names each task-list checkbox by its item's text, and translates the permalink title;
- adds the interface strings the page scripts read (``<script type="application/json" id="gvi-ui">``).

Nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass, field

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import SuperFencesException

from . import data as site_data
from . import quiz, render

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


@dataclass
class Context:
    lang: str
    data: site_data.SiteData
    fence_lines: list[int] = field(default_factory=list)


def ui_strings(data: site_data.SiteData, lang: str) -> dict:
    """The strings the page scripts (quiz, progress, presenter, checklist) read, in one language."""
    return dict(quiz.strings_json(data.strings, lang), ns=data.local["site"]["id"])


class _Local(Preprocessor):
    """Local facts in; abbreviation definitions and the interface strings (a raw HTML block)
    appended; notes where the quiz fences are."""

    def run(self, lines: list[str]) -> list[str]:
        ctx: Context = self.md.gvi
        text, problems = render.expand_local("\n".join(lines), ctx.data.local, ctx.lang, "", 1)
        if problems:
            first = problems[0]
            raise GviMarkdownError(f"line {first.line} (after the front matter): {first.message} "
                                   f"Fix: {first.fix}")
        ctx.fence_lines = [fence.line for fence in quiz.find_fences(text)]
        strings = json.dumps(ui_strings(ctx.data, ctx.lang), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        island = f'\n\n<script type="application/json" id="gvi-ui">{strings}</script>\n'
        return (text + render.abbreviations(ctx.data.abbreviations, ctx.lang) + island).split("\n")


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
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        data = load_data(self.getConfig("docs_dir"))
        lang = self.getConfig("lang")
        if lang not in data.strings["permalink"]:
            raise GviMarkdownError(f"gvi.mdext: language '{lang}' has no strings in "
                                   "docs/_data/strings.yml. Fix: set lang to one of "
                                   f"{', '.join(sorted(data.strings['permalink']))}.")
        md.gvi = Context(lang, data)
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
    line = ctx.fence_lines.pop(0) if ctx.fence_lines else 1
    parsed, problems = quiz.parse(source, "", line)
    if problems:
        raise SuperFencesException("; ".join(f"line {p.line} (after the front matter): {p.message} "
                                             f"Fix: {p.fix}" for p in problems))
    return quiz.render(parsed, ctx.data.strings, ctx.lang)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return GviExtension(**kwargs)
