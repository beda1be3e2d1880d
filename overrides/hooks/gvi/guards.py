"""The guards that make the next mistake hard to write, in one place for the content checks
(gvi/checks.py) and the build hook:

- one term, one rendering (gvi/terms.py, docs/_data/terms.yml);
- legal status on the page and the legal-status page (gvi/legal.py, docs/_data/legal.yml);
- one time frame (local.yml's content.current_to, shown in every page's footer);
- house style: no du/ni mix in a Swedish sentence (gvi/style.py).

``Guards.load`` reads and validates the data files; ``check_page`` runs per page; ``finish``
runs the checks across pages; ``decorate`` adds the legal notice and the legal-status page's body
at build time.
"""
from __future__ import annotations

import datetime
import os
import posixpath
from dataclasses import dataclass, field

import yaml

from . import legal, prose, style, terms
from .data import DATA_DIR
from .render import insert_after_title
from .problems import Problem


@dataclass
class Guards:
    terms: terms.TermBase
    legal: legal.Legal
    default: str
    data: object  # gvi.data.SiteData
    today: datetime.date = field(default_factory=datetime.date.today)
    index: dict = field(default_factory=dict)  # the site's legal references (legal.status_page)
    glossary: dict = field(default_factory=dict)  # lang -> (path, body, first line)
    source_refs: dict = field(default_factory=dict)  # (source key, lang) -> its title's references
    strong: dict = field(default_factory=dict)  # (chapter, section) -> the act a page names with it
    weak: list = field(default_factory=list)  # (page, Ref) whose act is a guess, settled in finish()

    @classmethod
    def load(cls, docs_dir: str, prefix: str, languages: list[str], default: str, data,
             today: datetime.date | None = None) -> tuple["Guards", list[Problem]]:
        folder = os.path.join(docs_dir, DATA_DIR)
        shown = f"{prefix}{DATA_DIR}/"
        base, problems = terms.load(folder, shown + terms.TERMS_FILE, languages)
        source, lines, problem = _read(os.path.join(folder, legal.LEGAL_FILE), shown + legal.LEGAL_FILE)
        if source is None:
            problems.append(problem)
            legal_data = legal.Legal(path=shown + legal.LEGAL_FILE)
        else:
            legal_data, legal_problems = legal.parse(source, shown + legal.LEGAL_FILE, lines, languages, data.sources)
            problems += legal_problems
        guards = cls(base, legal_data, default, data, today or datetime.date.today())
        local_lines = _key_lines(os.path.join(folder, "local.yml"), data)
        problems += legal.check_current_to(data.local, shown + "local.yml",
                                           local_lines.get(("content", "current_to"), local_lines.get(("content",), 1)),
                                           guards.today)
        abbr_lines = _key_lines(os.path.join(folder, "abbreviations.yml"), data)
        problems += terms.check_abbreviations(data.abbreviations, base, shown + "abbreviations.yml", abbr_lines)
        return guards, problems

    def check_page(self, body: str, body_start: int, fm, path: str, lang: str, neutral: str) -> list[Problem]:
        """Avoided terms, legal status and (Swedish) du/ni in one page's body."""
        text = prose.mask(body)
        problems = terms.check_text(text, lang, self.terms, path, body_start)
        refs, legal_problems = legal.check_page(text, lang, fm.meta, fm.line_of("legal_checked"), path,
                                                self.legal, body_start, self.today)
        problems += legal_problems
        if neutral != legal.STATUS_PAGE:
            # The page's sources list (rendered at its end) cites too: "Prop. 2017/18:269 …".
            keys = fm.meta.get("sources") if isinstance(fm.meta.get("sources"), list) else []
            for key in keys:
                if isinstance(key, str) and (key, lang) not in self.source_refs:
                    title = str((self.data.sources.get(key) or {}).get("title", ""))
                    self.source_refs[(key, lang)] = legal.references(title, lang, self.legal)[0]
                refs = refs + self.source_refs.get((key, lang), [])
            # A section whose act is a guess waits for finish(): another page may name its act.
            self.weak += [(neutral, r) for r in refs if r.weak]
            strong = [r for r in refs if not r.weak]
            for ref in strong:
                if ref.provision and ref.act:
                    self.strong.setdefault(ref.provision, ref.act)
            legal.add_to_index(self.index, strong, neutral)
        if lang == "sv":
            problems += style.du_ni(text, path, body_start)
        if neutral == terms.GLOSSARY:
            self.glossary[lang] = (path, body, body_start)
        return problems

    def finish(self) -> list[Problem]:
        """Checks across pages: the glossary against the term base. Also settles the sections
        whose act a page left to guess: the act another page names with the same section."""
        for neutral, ref in self.weak:
            act = self.strong.get(ref.provision, ref.act)
            legal.add_to_index(self.index, [legal.Ref(ref.line, act=act, provision=ref.provision)], neutral)
        self.weak = []
        if self.default not in self.glossary:
            return []
        sv_path, sv_body, sv_first = self.glossary[self.default]
        other = next((v for k, v in self.glossary.items() if k != self.default), (sv_path, None, 1))
        return terms.check_glossary(sv_body, sv_path, sv_first, other[1], other[0], other[2], self.terms)

    def decorate(self, markdown: str, meta: dict, neutral: str, lang: str, pages: dict) -> str:
        """The legal notice under the title of a page with legal_checked, and the legal-status
        page's generated body. ``pages``: checks.Result.pages ({uri: {lang: {"title": …}}})."""
        strings = self.data.strings
        if legal.MARKER in markdown:
            titles = {uri: info[lang]["title"] for uri, info in pages.items() if lang in info}
            markdown = markdown.replace(legal.MARKER, legal.status_page(
                self.legal, self.index, lang, strings, self.data.sources, titles, neutral))
        if meta.get("legal_checked") is not None and neutral != legal.STATUS_PAGE:
            link = posixpath.relpath(legal.STATUS_PAGE, posixpath.dirname(neutral) or ".")
            block = legal.notice(meta, lang, strings, self.legal, link)
            if block:
                markdown = insert_after_title(markdown, block)
        return markdown


def _key_lines(path: str, data=None) -> dict:
    """The line of each key of a data file that gvi.data has read and checked ({} if it is gone),
    from the text gvi.data read (``data.texts``) when it has it."""
    text = getattr(data, "texts", {}).get(os.path.basename(path))
    if text is not None:
        return terms.key_lines(text)
    try:
        with open(path, encoding="utf-8") as handle:
            return terms.key_lines(handle.read())
    except OSError:
        return {}


def _read(path: str, display: str) -> tuple[dict | None, dict, Problem | None]:
    """A YAML data file, the line of each key, and the problem when it is missing or broken."""
    try:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        value = yaml.safe_load(source)
    except OSError:
        return None, {}, Problem(display, 1, "data file is missing.", "restore it from git.")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, {}, Problem(display, mark.line + 1 if mark else 1,
                                 f"data file is not valid YAML ({getattr(exc, 'problem', exc)}).",
                                 "check indentation, colons and quotes on that line.")
    if not isinstance(value, dict):
        return None, {}, Problem(display, 1, "data file must be a mapping.", "write key: value lines.")
    return value, terms.key_lines(source), None
