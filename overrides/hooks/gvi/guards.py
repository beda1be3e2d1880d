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

from . import legal, prose, reviewpack, rules, style, terms, yamltext
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
    weak: list = field(default_factory=list)  # (page, Ref, path, lang) whose act is a guess, settled in finish()
    rules: rules.RuleBase = field(default_factory=rules.RuleBase)  # docs/_data/rules.yml (+ reviews.yml)
    used: dict = field(default_factory=dict)  # rule id -> {page uri} that state or cite it
    page_rules: dict = field(default_factory=dict)  # (page uri, lang) -> {rule id}
    usages: dict = field(default_factory=dict)  # rule id -> [(page uri, lang, line, the source line)]
    legal_read: bool = True  # False: legal.yml could not be read (said once); pages are not held to it
    # Under `mkdocs serve`: the answers of an earlier rebuild with the same data (gvi.servecache.Memo).
    memo: object = None

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
        guards = cls(base, legal_data, default, data, today or datetime.date.today(),
                     legal_read=source is not None)
        source, lines, problem = _read(os.path.join(folder, rules.RULES_FILE), shown + rules.RULES_FILE)
        if source is None:
            problems.append(problem)
        else:
            guards.rules, rule_problems = rules.parse(source, shown + rules.RULES_FILE, lines, languages,
                                                      data.sources, legal_data.acts if guards.legal_read else None)
            problems += rule_problems
            # A bill the pages cite is a rule's: the legal-status page links it there.
            legal_data.bills = guards.rules.bills
        reviews_path = os.path.join(folder, rules.REVIEWS_FILE)
        if os.path.exists(reviews_path):
            source, lines, problem = _read(reviews_path, shown + rules.REVIEWS_FILE)
            problems += [problem] if problem else rules.parse_reviews(source, shown + rules.REVIEWS_FILE,
                                                                      lines, guards.rules)
        local_lines = _key_lines(os.path.join(folder, "local.yml"), data)
        problems += legal.check_current_to(data.local, shown + "local.yml",
                                           local_lines.get(("content", "current_to"), local_lines.get(("content",), 1)),
                                           guards.today)
        abbr_lines = _key_lines(os.path.join(folder, "abbreviations.yml"), data)
        problems += terms.check_abbreviations(data.abbreviations, base, shown + "abbreviations.yml", abbr_lines)
        return guards, problems

    def check_page(self, body: str, body_start: int, fm, path: str, lang: str, neutral: str) -> list[Problem]:
        """Avoided terms, legal status and (Swedish) du/ni in one page's body."""
        once = self._once
        kept = once(("mask", body), lambda: prose.mask(body))  # running text, with the rule references
        problems = rules.check_uses(kept, path, self.rules, body_start)
        found = [(offset, rid) for offset, _, rid in rules.uses(kept) if rid in self.rules.rules]
        used = {rid for _, rid in found}
        text = scan = rules.blank(kept)  # the references are the rule base's words, not the page's
        problems += once(("terms", text, lang, path, body_start),
                         lambda: terms.check_text(text, lang, self.terms, path, body_start))
        checked_line = fm.line_of("legal_checked")
        refs, legal_problems = once(("legal", scan, lang, repr(fm.meta), checked_line, path, body_start),
                                    lambda: legal.check_page(scan, lang, fm.meta, checked_line, path,
                                                             self.legal, body_start, self.today))
        if self.legal_read:  # else every cited act would be "not listed": one line says why
            problems += legal_problems
        if found and "legal_checked" not in fm.meta:
            problems.append(Problem(path, prose.line_at(text, found[0][0], body_start), "the page states or cites "
                                    "a legal rule but has no 'legal_checked' in its front matter.",
                                    "check the page against docs/_data/rules.yml and add 'legal_checked: "
                                    f"{self.today.isoformat()}' to the front matter of both languages."))
        body_lines = body.split("\n")
        hand: dict = {}  # line -> the rules cited there by hand
        for ref in refs:
            if ref.weak:
                continue
            problems += rules.uncited(path, ref.line, ref.act, ref.provision or ("", ""), self.rules,
                                      self.legal.acts, lang)
            cited = self.rules.for_provision(ref.act, ref.provision) if ref.provision and any(ref.provision) else None
            if cited:  # a citation by hand cites the rule: topics count it, and so does the review pack
                used.add(cited.id)
                hand.setdefault(ref.line, set()).add(cited.id)
            if cited and neutral != legal.STATUS_PAGE:
                self.usages.setdefault(cited.id, []).append((neutral, lang, ref.line,
                                                             body_lines[ref.line - body_start].strip()))
        cites = [(offset, rid) for offset, kind, rid in rules.uses(kept) if kind == "cite"]
        problems += once(("claims", scan, lang, path, body_start, tuple(cites)),
                         lambda: self._claims(scan, lang, path, body_start, cites))
        if neutral != legal.STATUS_PAGE:
            links = rules.status_links(body)
            problems += once(("topics", scan, lang, path, body_start, body, frozenset(used), frozenset(links),
                              tuple(sorted((line, frozenset(ids)) for line, ids in hand.items()))),
                             lambda: rules.topics(scan, lang, path, self.rules, used, links, body_start, body, hand))
            self.page_rules[(neutral, lang)] = used
            for rid in used:
                self.used.setdefault(rid, set()).add(neutral)
            for offset, rid in found:
                line = prose.line_at(text, offset, body_start)
                self.usages.setdefault(rid, []).append((neutral, lang, line, body_lines[line - body_start].strip()))
            rule_refs = [legal.Ref(prose.line_at(text, offset, body_start), act=self.rules.rules[rid].act,
                                   provision=self.rules.rules[rid].provision if any(self.rules.rules[rid].provision) else None)
                         for offset, rid in found if self.rules.rules[rid].act]
            legal.add_to_index(self.index, rule_refs, neutral)
        if neutral != legal.STATUS_PAGE:
            own = set(map(id, refs))  # the page's own citations (a source's title is not checked for a rule)
            # The page's sources list (rendered at its end) cites too: "Prop. 2017/18:269 …".
            keys = fm.meta.get("sources") if isinstance(fm.meta.get("sources"), list) else []
            for key in keys:
                if isinstance(key, str) and (key, lang) not in self.source_refs:
                    title = str((self.data.sources.get(key) or {}).get("title", ""))
                    self.source_refs[(key, lang)] = legal.references(title, lang, self.legal)[0]
                refs = refs + self.source_refs.get((key, lang), [])
            # A section whose act is a guess waits for finish(): another page may name its act.
            self.weak += [(neutral, r, path if id(r) in own else None, lang) for r in refs if r.weak]
            strong = [r for r in refs if not r.weak]
            for ref in strong:
                if ref.provision and ref.act:
                    self.strong.setdefault(ref.provision, ref.act)
            legal.add_to_index(self.index, strong, neutral)
        if lang == "sv":
            problems += once(("du_ni", text, path, body_start), lambda: style.du_ni(text, path, body_start))
        if neutral == terms.GLOSSARY:
            self.glossary[lang] = (path, body, body_start)
        return problems

    def _once(self, key: tuple, compute):
        """compute(), or under `mkdocs serve` its answer for the same key in an earlier rebuild
        with the same data, date and languages (``memo``). The answers are only read."""
        return compute() if self.memo is None else self.memo.get(key, compute)

    def finish(self) -> list[Problem]:
        """Checks across pages: the glossary against the term base. Also settles the sections
        whose act a page left to guess: the act another page names with the same section."""
        problems = []
        for neutral, ref, path, lang in self.weak:
            act = self.strong.get(ref.provision, ref.act)
            legal.add_to_index(self.index, [legal.Ref(ref.line, act=act, provision=ref.provision)], neutral)
            if path:
                problems += rules.uncited(path, ref.line, act, ref.provision or ("", ""), self.rules,
                                          self.legal.acts, lang)
        self.weak = []
        if self.default not in self.glossary:
            return problems
        sv_path, sv_body, sv_first = self.glossary[self.default]
        other = next((v for k, v in self.glossary.items() if k != self.default), (sv_path, None, 1))
        return problems + terms.check_glossary(sv_body, sv_path, sv_first, other[1], other[0], other[2], self.terms)

    def _claims(self, scan: str, lang: str, path: str, body_start: int, cites: list) -> list[Problem]:
        """A status written by hand ("… gäller sedan …", "… is proposed") that the rule base
        contradicts for a rule cited in the same clause (by {{ cite.ID }}, section or bill). A
        {{ rule.ID }} is a sentence of its own, with its status."""
        problems = []
        for claim in rules.claims(scan, lang):
            ids = {rid for offset, rid in cites if claim.start <= offset < claim.end}
            for ref in legal.references(scan[claim.start:claim.end], lang, self.legal)[0]:
                cited = (self.rules.for_provision(ref.act, ref.provision)
                         if ref.act and ref.provision and any(ref.provision) else None)
                ids |= {cited.id} if cited else set()
                ids |= {self.legal.bills[ref.bill]} if ref.bill in self.legal.bills else set()
            wrong = [self.rules.rules[rid] for rid in sorted(ids) if rules.contradicts(claim, self.rules.rules[rid])]
            if wrong:
                problems.append(rules.claim_problem(path, prose.line_at(scan, claim.offset, body_start), claim,
                                                    wrong[0], self.legal.acts, lang))
        return problems

    def decorate(self, markdown: str, meta: dict, neutral: str, lang: str, pages: dict) -> str:
        """The legal notice under the title of a page with legal_checked, and the legal-status
        page's generated body. ``pages``: checks.Result.pages ({uri: {lang: {"title": …}}})."""
        strings = self.data.strings
        link = posixpath.relpath(legal.STATUS_PAGE, posixpath.dirname(neutral) or ".")
        markdown = rules.expand(markdown, self.rules, self.legal.acts, lang, strings,
                                "" if neutral == legal.STATUS_PAGE else link)
        if legal.MARKER in markdown:
            titles = {uri: info[lang]["title"] for uri, info in pages.items() if lang in info}
            pack = posixpath.relpath(f"utskrift/{reviewpack.FILE}",
                                     ("" if lang == self.default else lang + "/") + neutral[:-len(".md")])
            body = [f'<p class="gvi-pack-link"><a href="{pack}">{strings["pack_link"][lang]}</a></p>', ""]
            body += rules.status_body(self.rules, self.legal.acts, lang, strings, self.data.sources,
                                      self.used, titles, posixpath.dirname(neutral) or ".")
            markdown = markdown.replace(legal.MARKER, "\n".join(body) + "\n" + legal.status_page(
                self.legal, self.index, lang, strings, self.data.sources, titles, neutral))
        if meta.get("legal_checked") is not None and neutral != legal.STATUS_PAGE:
            block = legal.notice(meta, lang, strings, self.reviewed(neutral, lang), link)
            if block:
                joined = (legal.joined_notice(markdown, meta, lang, strings, link)
                          if meta.get("kind") == "checklist" else None)
                markdown = joined if joined is not None else insert_after_title(markdown, block)
        return markdown


    def reviewed(self, neutral: str, lang: str) -> list:
        """The current reviews of every rule the page states or cites; [] unless all have one."""
        used = self.page_rules.get((neutral, lang)) or set()
        found = [self.rules.review_of(rid) for rid in sorted(used)]
        return found if used and all(found) else []


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
        value = yamltext.safe_load(source)
    except OSError:
        return None, {}, Problem(display, 1, "data file is missing.", "restore it from git.")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, {}, Problem(display, mark.line + 1 if mark else 1,
                                 f"data file is not valid YAML ({getattr(exc, 'problem', exc)}).",
                                 yamltext.fix(exc))
    if not isinstance(value, dict):
        return None, {}, Problem(display, 1, "data file must be a mapping.", "write key: value lines.")
    return value, terms.key_lines(source), None
