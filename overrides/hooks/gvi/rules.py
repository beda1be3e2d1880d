"""The legal rule base: every legal rule the site states, written once (docs/_data/rules.yml).

A rule has an id, its act, chapter and section (or a bill), the rule in plain words with all its
conditions in each language, its status (in force with SFS number and date, proposed, repealed,
not confirmed), its primary sources, the date it was checked and what the sources leave open.
Pages state a rule by reference, so the same words appear wherever it is stated:

- ``{{ rule.ID }}``: the rule's text, then its linked citation and status;
- ``{{ cite.ID }}``: the linked citation only (with the status when the rule is not in force).

From the same file:

- ``parse`` validates it and fails a ``proposed`` or ``not_confirmed`` rule whose proposed date is
  on or before the day it was checked (a passed date is a question to answer, not an answer);
- ``expand`` writes the references out in a page's language, linking to the legal-position page;
- ``check_uses`` fails an unknown id, and ``uncited`` a hand-written citation of an act and section
  that has no rule; ``topics`` fails a page that discusses a topic (sanctions, publicity, minors,
  sharing, consent …) without one of the rules that limit it;
- reviews (docs/_data/reviews.yml) are bound to each rule's text by a digest, so a rule whose text
  changes after its review shows as not reviewed again;
- ``deploy_problems`` refuses an edition while the legal check is older than 90 days or the
  contact address is a placeholder.

Nothing here imports MkDocs.
"""
from __future__ import annotations

import datetime
import difflib
import functools
import hashlib
import posixpath
import re
from dataclasses import dataclass, field

from .legal import _provision_text, _sources, as_date as _date, format_date
from .problems import Problem
from .prose import line_at

RULES_FILE = "rules.yml"
REVIEWS_FILE = "reviews.yml"
STATUSES = ("in_force", "proposed", "repealed", "not_confirmed")
RULE_KEYS = {"act", "chapter", "section", "bill", "title", "text", "status", "sfs", "in_force",
             "proposed_in_force", "repealed", "sources", "checked", "open"}
TOPIC_KEYS = {"name", "match", "rules", "scope"}
REVIEW_KEYS = {"name", "role", "organisation", "date", "rules"}
MAX_AGE_DAYS = 90  # an edition is not deployed on a legal check older than this
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REF = re.compile(r"\{\{\s*(rule|cite)\.([A-Za-z0-9_.-]*?)\s*\}\}")
_SFS = re.compile(r"^\d{4}:\d{1,4}$")
_BILL = re.compile(r"^[Pp]rop\.\s*(\d{4}/\d{2}:\d+)$")


@dataclass
class Rule:
    id: str
    act: str | None
    chapter: str
    section: str
    bill: str  # 'Prop. 2024/25:180' (pages that cite the bill find the rule), or a draft's name
    title: dict
    text: dict
    status: str
    sfs: str
    in_force: datetime.date | None
    proposed_in_force: datetime.date | None
    repealed: datetime.date | None
    sources: list[str]
    checked: datetime.date | None
    open: dict
    line: int

    @property
    def provision(self) -> tuple[str, str]:
        return (self.chapter, self.section)

    @property
    def digest(self) -> str:
        """What a lawyer's review is bound to: the rule's words, citation and status."""
        parts = [self.act or "", self.chapter, self.section, self.bill, self.status, self.sfs,
                 str(self.in_force or ""), str(self.proposed_in_force or ""), str(self.repealed or "")]
        parts += [" ".join(str(self.text[k]).split()) for k in sorted(self.text)]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


@dataclass
class Topic:
    id: str
    name: dict
    patterns: dict  # lang -> [compiled]
    rules: list[str]
    line: int
    scope: str = "page"  # or "paragraph": each paragraph or list item that matches carries its rule

    @functools.cached_property
    def _starts(self) -> dict:
        """lang -> each pattern's literal starts (``literal_starts``)."""
        return {lang: [literal_starts(p.pattern) for p in patterns] for lang, patterns in self.patterns.items()}

    def hits(self, lang: str, text: str, folded: str) -> list[re.Match]:
        """Every match of the topic's patterns in ``text``, pattern by pattern. A pattern that starts
        with a literal word (or one of several) none of which is in ``folded`` (the text,
        str.casefold()) cannot match and is not run: a substring search is a hundred times cheaper
        than a case-blind regular expression over the whole page. Most pages touch few topics."""
        return [match for pattern, words in zip(self.patterns.get(lang, []), self._starts.get(lang, []))
                if words is None or any(w in folded for w in words) for match in pattern.finditer(text)]


_WORD = r"[^\W\d_](?:[^\W_]| (?=[^\W_]))*"  # letters, digits and single spaces inside: literal text
_STARTS = re.compile(rf"(?:\\b)?(?:\(\?:(?P<alts>{_WORD}(?:\|{_WORD})*)\)|(?P<word>{_WORD}))")


def _top_level_or(pattern: str) -> bool:
    """Whether ``pattern`` has a '|' outside every group and character class ('a|b')."""
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def literal_starts(pattern: str) -> tuple[str, ...] | None:
    """The casefolded literal texts one of which every match of ``pattern`` starts with: 'sekretess'
    for ``\\bsekretess``, ('stöd', 'insatser', 'hjälp') for ``(?:stöd|insatser|hjälp)[^.]{0,80}…``;
    None when the pattern does not start with literal text (then nothing is skipped)."""
    match = _STARTS.match(pattern)
    if not match or _top_level_or(pattern):
        return None
    quantified = pattern[match.end():match.end() + 1] in ("?", "*", "+", "{")
    if match["alts"]:
        return None if quantified else tuple(w.casefold() for w in match["alts"].split("|"))
    word = match["word"][:-1] if quantified else match["word"]  # 'releases?': the s may be missing
    return (word.casefold(),) if word.strip() else None


@dataclass
class Review:
    name: str
    role: str
    organisation: str
    date: datetime.date
    rules: dict  # rule id -> digest reviewed


@dataclass
class RuleBase:
    rules: dict[str, Rule] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)
    path: str = "docs/_data/rules.yml"

    def for_provision(self, act: str | None, provision: tuple[str, str]) -> Rule | None:
        """The rule for a cited act, chapter and section. A chapter alone is covered by any rule
        in that chapter."""
        chapter, section = provision
        for rule in self.rules.values():
            if rule.act != act:
                continue
            if rule.chapter == chapter and (rule.section == section or not section):
                return rule
        return None

    @property
    def bills(self) -> dict[str, str]:
        """'2024/25:180' -> the id of the rule that names the bill."""
        return {_BILL.match(r.bill)[1]: r.id for r in self.rules.values() if _BILL.match(r.bill)}

    def nearest(self, wanted: str) -> str:
        close = difflib.get_close_matches(wanted, list(self.rules), n=1, cutoff=0.0)
        return close[0] if close else ""

    def review_of(self, rule_id: str) -> Review | None:
        """The newest review of the rule's current text, or None."""
        rule = self.rules.get(rule_id)
        current = [r for r in self.reviews if rule and r.rules.get(rule_id) == rule.digest]
        return max(current, key=lambda r: r.date) if current else None

    @property
    def checks(self) -> dict:
        return {r.id: r.checked for r in self.rules.values()}


def _texts(value, languages) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip()
                                           for lang in languages)


def parse(data: dict, path: str, lines: dict, languages: list[str], sources: dict,
          acts: dict | None) -> tuple[RuleBase, list[Problem]]:
    """Validate rules.yml: each rule and topic; problems name the key's line. ``acts`` None: legal.yml
    could not be read (said once there), so the rules' acts are not checked against it."""
    base = RuleBase(path=path)
    problems: list[Problem] = []
    rules = data.get("rules")
    if not isinstance(rules, dict) or not rules:
        return base, [Problem(path, lines.get(("rules",), 1), "rules.yml has no 'rules' mapping.",
                              "list every legal rule the site states under 'rules:' (see AUTHORING.md, "
                              "'Law on a page').")]
    for rid, entry in rules.items():
        rid = str(rid)
        line = lines.get(("rules", rid), 1)

        def at(key: str) -> int:
            return lines.get(("rules", rid, key), line)

        def bad(key: str, message: str, fix: str) -> None:
            problems.append(Problem(path, at(key) if key else line, f"rule '{rid}' {message}", fix))

        if not ID.match(rid):
            bad("", "is not a valid id.", "use lowercase letters, digits and hyphens, e.g. 'osl-10-15a'.")
        if not isinstance(entry, dict):
            bad("", "must be a mapping.", "see the rules above it.")
            continue
        for unknown in sorted(set(map(str, entry)) - RULE_KEYS):
            bad(unknown, f"has unknown key '{unknown}'.", f"use only: {', '.join(sorted(RULE_KEYS))}.")
        act = entry.get("act")
        if act is not None and acts is not None and str(act) not in acts:
            bad("act", f"names act '{act}', which docs/_data/legal.yml does not list.",
                "use a key of 'acts:' in legal.yml, or add the act there (name, SFS number, source).")
        bill = " ".join(str(entry.get("bill") or "").split())  # 'Prop. 2024/25:180', or a draft's name
        if act is None and not bill:
            bad("", "names neither an act nor a bill.", "add 'act: KEY' (legal.yml) or 'bill: Prop. YYYY/YY:N'.")
        for key in ("title", "text"):
            if not _texts(entry.get(key), languages):
                bad(key, f"needs '{key}' in {', '.join(languages)}.",
                    f"write '{key}: {{{', '.join(f'{lang}: …' for lang in languages)}}}'.")
        if entry.get("open") is not None and not _texts(entry.get("open"), languages):
            bad("open", f"needs 'open' in {', '.join(languages)}.", "write what the sources leave open in each language.")
        status = entry.get("status")
        if status not in STATUSES:
            bad("status", f"has status {status!r}.", f"use one of: {', '.join(STATUSES)}.")
        dates = {}
        for key in ("in_force", "proposed_in_force", "repealed", "checked"):
            if entry.get(key) is not None:
                dates[key] = _date(entry.get(key))
                if dates[key] is None:
                    bad(key, f"has {key} {entry.get(key)!r}, which is not a date.", "write a real date as YYYY-MM-DD.")
        checked = dates.get("checked")
        if "checked" not in entry:
            bad("", "has no 'checked' date.", "write the date you checked its sources: 'checked: YYYY-MM-DD'.")
        sfs = str(entry.get("sfs") or "")
        if status == "in_force" and (not _SFS.match(sfs) or not dates.get("in_force")):
            bad("status", "is in force but lacks 'sfs' (YYYY:N) or 'in_force' (a date).",
                "add both from the SFS text, or change its status.")
        if status == "proposed" and not bill:
            bad("status", "is proposed but names no bill.", "add 'bill: Prop. YYYY/YY:N'.")
        if status == "repealed" and not dates.get("repealed"):
            bad("status", "is repealed but has no 'repealed' date.", "add 'repealed: YYYY-MM-DD'.")
        proposed = dates.get("proposed_in_force")
        if status in ("proposed", "not_confirmed") and proposed and checked and proposed <= checked:
            bad("proposed_in_force", f"is '{status}' with a proposed entry into force of {proposed.isoformat()}, "
                f"on or before the day it was checked ({checked.isoformat()}).",
                "find out whether it was adopted (SFS, the government's press releases): set 'in_force' with "
                "'sfs' and the date, or, if the sources cannot say, 'not_confirmed' without "
                "'proposed_in_force' and say in 'open' what was searched.")
        keys = entry.get("sources")
        if not isinstance(keys, list) or not keys:
            bad("sources", "has no sources.", "list its primary source (the SFS text, the bill, the press release).")
            keys = []
        for key in keys:
            if key not in sources:
                bad("sources", f"cites unknown source '{key}'.", "use a key from docs/_data/sources.yml or sources/*.yml.")
        base.rules[rid] = Rule(
            rid, str(act) if act is not None else None, str(entry.get("chapter") or ""),
            " ".join(str(entry.get("section") or "").split()), bill,
            entry.get("title") or {}, entry.get("text") or {}, str(status), sfs, dates.get("in_force"),
            proposed, dates.get("repealed"), list(keys), checked, entry.get("open") or {}, line)
    seen: dict = {}
    for rule in base.rules.values():
        if rule.act and (rule.chapter or rule.section):
            other = seen.setdefault((rule.act, rule.provision), rule.id)
            if other != rule.id:
                problems.append(Problem(path, rule.line, f"rules '{other}' and '{rule.id}' are the same "
                                        "act, chapter and section.", "state the provision once: merge them."))
    topics = data.get("topics") or {}
    if not isinstance(topics, dict):
        topics = {}
        problems.append(Problem(path, lines.get(("topics",), 1), "'topics' must be a mapping.", "see AUTHORING.md."))
    for tid, entry in topics.items():
        tid = str(tid)
        line = lines.get(("topics", tid), 1)
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, f"topic '{tid}' must be a mapping.", "see the topics above it."))
            continue
        for unknown in sorted(set(map(str, entry)) - TOPIC_KEYS):
            problems.append(Problem(path, lines.get(("topics", tid, unknown), line),
                                    f"topic '{tid}' has unknown key '{unknown}'.", f"use only: {', '.join(sorted(TOPIC_KEYS))}."))
        patterns = {}
        for lang in languages:
            patterns[lang] = []
            for text in (entry.get("match") or {}).get(lang) or []:
                try:
                    patterns[lang].append(re.compile(str(text), re.IGNORECASE))
                except re.error as exc:
                    problems.append(Problem(path, lines.get(("topics", tid, "match"), line),
                                            f"topic '{tid}' has a broken pattern {text!r} ({exc}).",
                                            "write a valid regular expression."))
        named = [str(r) for r in entry.get("rules") or []]
        for rid in named:
            if rid not in base.rules:
                problems.append(Problem(path, lines.get(("topics", tid, "rules"), line),
                                        f"topic '{tid}' names unknown rule '{rid}'.",
                                        f"use a rule id from 'rules:' (nearest: {base.nearest(rid)})."))
        if not named or not all(patterns.values()):
            problems.append(Problem(path, line, f"topic '{tid}' needs 'rules' and a 'match' pattern per language.",
                                    "list the rules that limit the topic and the words that show a page discusses it."))
        if not _texts(entry.get("name"), languages):
            problems.append(Problem(path, line, f"topic '{tid}' needs a 'name' in {', '.join(languages)}.",
                                    "write 'name: {sv: …, en: …}'."))
        scope = entry.get("scope", "page")
        if scope not in ("page", "paragraph"):
            problems.append(Problem(path, lines.get(("topics", tid, "scope"), line),
                                    f"topic '{tid}' has scope {scope!r}.", "use 'page' (the default) or 'paragraph'."))
        base.topics[tid] = Topic(tid, entry.get("name") or {}, patterns, named, line, str(scope))
    return base, problems


def parse_reviews(data: dict | None, path: str, lines: dict, base: RuleBase) -> list[Problem]:
    """reviews.yml: who reviewed which rules, when, bound to each rule's digest."""
    problems = []
    for index, entry in enumerate((data or {}).get("reviews") or []):
        line = lines.get(("reviews", index), 1)
        if not isinstance(entry, dict) or set(map(str, entry)) - REVIEW_KEYS:
            problems.append(Problem(path, line, "a review must be a mapping of name, role, organisation, "
                                    "date and rules.", "see the comment at the top of reviews.yml."))
            continue
        date = _date(entry.get("date"))
        people = [entry.get(k) for k in ("name", "role", "organisation")]
        reviewed = entry.get("rules")
        if date is None or not all(isinstance(p, str) and p.strip() for p in people) or not isinstance(reviewed, dict):
            problems.append(Problem(path, line, "a review needs 'name', 'role', 'organisation', a 'date' "
                                    "(YYYY-MM-DD) and 'rules' (rule id: digest).",
                                    "copy the rule ids and digests from the review pack's sign-off table."))
            continue
        for rid, digest in reviewed.items():
            at = lines.get(("reviews", index, "rules", str(rid)), line)
            if rid not in base.rules:
                problems.append(Problem(path, at, f"the review names unknown rule '{rid}'.",
                                        f"use a rule id from rules.yml (nearest: {base.nearest(str(rid))})."))
            elif str(digest) != base.rules[rid].digest:
                problems.append(Problem(path, at, f"the review of rule '{rid}' by {entry.get('name')} ({date}) "
                                        f"covers an earlier text of the rule (digest {digest}; now "
                                        f"{base.rules[rid].digest}): the pages show it as not reviewed.",
                                        "have a lawyer review the rule's new text (the review pack lists it) and "
                                        "record that review, or remove the rule from this one."))
        base.reviews.append(Review(*[str(p) for p in people], date, {str(k): str(v) for k, v in reviewed.items()}))
    return problems


# Wording -------------------------------------------------------------------------------------------

def _bill(bill: str, lang: str) -> str:
    """'prop. 2024/25:180' / 'Government bill 2024/25:180'; a draft by its name."""
    found = _BILL.match(bill)
    if not found:
        return bill  # a draft or a referral to the Council on Legislation, by its name
    return f"prop. {found[1]}" if lang == "sv" else f"Government bill {found[1]}"


def citation(act_key: str, provision: tuple[str, str], acts: dict, lang: str) -> str:
    """'OSL 10 kap. 15 a §' / 'OSL chapter 10, section 15 a'; an act as a whole by its name and
    SFS number."""
    act = acts[act_key]
    if not any(provision):
        return f"{act.name[lang]} ({act.sfs})" if lang == "sv" else f"the {act.name[lang]} ({act.sfs})"
    return f"{act.abbr[0] if act.abbr else act.name[lang]} {_provision_text(provision, lang)}"


def label(rule: Rule, acts: dict, lang: str) -> str:
    """How a rule is cited: its act, chapter and section, or its bill."""
    return citation(rule.act, rule.provision, acts, lang) if rule.act in acts else _bill(rule.bill, lang)


def status_text(rule: Rule, lang: str, strings: dict) -> str:
    """'gäller sedan 1 december 2025, SFS 2025:934' and so on, from strings.yml."""
    date = rule.in_force or rule.proposed_in_force or rule.repealed
    text = strings[f"rule_status_{rule.status}"][lang]
    return text.format(date=format_date(date, lang) if date else "", sfs=rule.sfs, bill=_bill(rule.bill, lang))


def expand(markdown: str, base: RuleBase, acts: dict, lang: str, strings: dict, status_link: str) -> str:
    """Write out every {{ rule.ID }} and {{ cite.ID }}; unknown ids stay (``check_uses`` names them)."""

    def replace(match: re.Match) -> str:
        rule = base.rules.get(match[2])
        if rule is None:
            return match[0]
        cite = f"[{label(rule, acts, lang)}]({status_link}#{rule.id})"
        status = status_text(rule, lang, strings)
        if match[1] == "cite":
            return cite if rule.status == "in_force" else f"{cite} ({status})"
        text = " ".join(rule.text[lang].split()).rstrip(".")
        return f"{text} ({cite}, {status})."

    return REF.sub(replace, markdown)


# Checks --------------------------------------------------------------------------------------------

def uses(text: str) -> list[tuple[int, str, str]]:
    """(offset, 'rule' or 'cite', id) for each reference in a page's text."""
    return [(m.start(), m[1], m[2]) for m in REF.finditer(text)]


def blank(text: str) -> str:
    """The text with its references blanked out (same length), for the citation scan."""
    return REF.sub(lambda m: " " * len(m[0]), text)


def check_uses(text: str, path: str, base: RuleBase, first_line: int = 1) -> list[Problem]:
    problems = []
    for offset, kind, rid in uses(text):
        if rid not in base.rules:
            problems.append(Problem(path, line_at(text, offset, first_line), f"'{{{{ {kind}.{rid} }}}}' names no rule.",
                                    f"use an id from docs/_data/rules.yml (nearest: {base.nearest(rid)})."))
    return problems


def in_quiz(source: str, path: str, fence_line: int) -> list[Problem]:
    """A quiz is text that the page's reader answers: it cannot state or cite a rule (its link would
    break the quiz), so a reference inside one is refused here, before it is rendered."""
    for offset, kind, rid in uses(source):
        line = fence_line + 1 + source.count("\n", 0, offset)
        return [Problem(path, line, f"'{{{{ {kind}.{rid} }}}}' is inside a quiz, which holds text only.",
                        "state or cite the rule in the page's prose next to the quiz, and say it in words in the "
                        "quiz (e.g. 'the secrecy-breaking rule of OSL')." )]
    return []


def uncited(path: str, line: int, act: str | None, provision: tuple[str, str], base: RuleBase,
            acts: dict, lang: str) -> list[Problem]:
    """A hand-written citation of an act and a section that no rule states."""
    if not act or not any(provision) or base.for_provision(act, provision):
        return []
    cited = citation(act, provision, acts, lang) if act in acts else " ".join(provision)
    same_act = [r.id for r in base.rules.values() if r.act == act]
    wanted = f"{act}-{provision[0]}-{provision[1]}".replace(" ", "").strip("-")
    near = difflib.get_close_matches(wanted, same_act or list(base.rules), n=1, cutoff=0.0)
    return [Problem(path, line, f"the page cites {cited}, which no rule in docs/_data/rules.yml states "
                    f"(nearest rule: {near[0] if near else 'none'}).",
                    "add the rule to rules.yml (act, chapter, section, text with its conditions, status, "
                    "sources), or correct the citation.")]


_BLOCK = re.compile(r"\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s")


def topics(text: str, lang: str, path: str, base: RuleBase, used: set[str], links: set[str],
           first_line: int = 1, source: str = "", hand: dict | None = None) -> list[Problem]:
    """A page that discusses a topic needs one of its rules: stated, cited or linked. ``text`` is the
    page's running text with the references blanked; ``source`` the page as written (same offsets),
    for a topic whose scope is each paragraph or list item."""
    problems = []
    folded = text.casefold()
    for topic in base.topics.values():
        by_paragraph = topic.scope == "paragraph" and bool(source)
        if not by_paragraph and set(topic.rules) & (used | links):
            continue  # the page carries one of its rules: where it speaks of the topic does not matter
        hits = topic.hits(lang, text, folded)
        if hits and by_paragraph:
            bounds = [0] + [m.end() for m in _BLOCK.finditer(text)] + [len(text)]
            bare = []
            for start, end in zip(bounds, bounds[1:]):
                block = source[start:end]
                carried = {m[2] for m in REF.finditer(block)} | status_links(block)
                lines = range(line_at(text, start, first_line), line_at(text, max(start, end - 1), first_line) + 1)
                carried |= {rid for line in lines for rid in (hand or {}).get(line, ())}
                bare += [m for m in hits if start <= m.start() < end and not set(topic.rules) & carried]
            hits = bare
        if not hits:
            continue
        first = min(hits, key=lambda m: m.start())
        where = "the paragraph" if topic.scope == "paragraph" else "the page"
        problems.append(Problem(
            path, line_at(text, first.start(), first_line),
            f"{where} discusses {topic.name.get(lang, topic.id)} ('{_quote(first[0])}') "
            f"without the rule that limits it.",
            f"state or cite one of its rules {'in it' if topic.scope == 'paragraph' else 'here'} "
            f"({', '.join('{{ cite.' + r + ' }}' for r in topic.rules[:3])}"
            f"{' …' if len(topic.rules) > 3 else ''}), or link to the legal-position page's rule "
            f"(rattslaget.md#{topic.rules[0]}); topic '{topic.id}' in docs/_data/rules.yml."))
    return problems


def _quote(text: str, most: int = 40) -> str:
    words = " ".join(text.split())
    return words if len(words) <= most else words[:most].rsplit(" ", 1)[0] + " …"


_LINK = re.compile(r"\]\(([^)\s]*rattslaget(?:\.en)?\.md)#([a-z0-9-]+)\)")


def status_links(text: str) -> set[str]:
    """Rule ids the page links to on the legal-position page ([…](../rattslaget.md#osl-10-15a))."""
    return {m[2] for m in _LINK.finditer(text)}


def check_dates(data: dict) -> dict:
    """{rule id: the date it was checked (None if missing or not a date)} from rules.yml as read."""
    entries = data.get("rules") if isinstance(data, dict) and isinstance(data.get("rules"), dict) else {}
    return {str(rid): _date(entry.get("checked")) if isinstance(entry, dict) else None
            for rid, entry in entries.items()}


def deploy_problems(checks: dict, local: dict, today: datetime.date, rules_path: str,
                    local_path: str) -> list[str]:
    """Why an edition may not be deployed today (one line each): a legal check older than
    MAX_AGE_DAYS, or a placeholder contact address. ``checks``: {rule id: date checked}."""
    out = []
    late = sorted(rid for rid, day in checks.items() if day is None or (today - day).days > MAX_AGE_DAYS)
    if late or not checks:
        oldest = min((d for d in checks.values() if d), default=None)
        age = f"{(today - oldest).days} days old" if oldest else "missing"
        out.append(f"{rules_path}: the legal check is {age} on {today.isoformat()} (more than {MAX_AGE_DAYS} "
                   f"days is too old to deploy). Fix: re-check {', '.join(late[:6]) or 'every rule'}"
                   f"{f' and {len(late) - 6} more' if len(late) > 6 else ''} against SFS and the sources named "
                   "there, set their 'checked' to the day you did, and the pages' legal_checked.")
    contact = local.get("contact") if isinstance(local, dict) else None
    email = str(contact.get("email") or "") if isinstance(contact, dict) else ""
    if placeholder_email(email):
        out.append(f"{local_path}: contact.email is the placeholder '{email}'. Fix: set the address "
                   "readers use to report errors and accessibility problems before deploying.")
    return out


def placeholder_email(email: str) -> bool:
    """An address no reader can reach: empty, or at a domain reserved for examples."""
    domain = email.rpartition("@")[2].lower().rstrip(".")
    return "@" not in email or domain in ("example", "invalid", "localhost") or \
        domain.endswith((".example", ".invalid", ".test", ".localhost")) or \
        re.fullmatch(r"(?:.+\.)?example\.(?:se|com|org|net)", domain) is not None


# The legal-position page and the review pack ----------------------------------------------------------

def rule_section(rule: Rule, acts: dict, lang: str, strings: dict, sources: dict, pages_text: str,
                 heading: str = "###", base: RuleBase | None = None) -> list[str]:
    s = lambda key: strings[key][lang]  # noqa: E731
    review = base.review_of(rule.id) if base else None
    reviewed = (s("rule_reviewed").format(who=f"{review.name}, {review.role}, {review.organisation}",
                                         date=format_date(review.date, lang)) if review else s("rule_not_reviewed"))
    out = [f"{heading} {rule.title[lang]} {{#{rule.id}}}", "",
           f"**{label(rule, acts, lang)}**. **{s('legal_status_label')}:** {status_text(rule, lang, strings)}. "
           f"{s('rule_checked').format(date=format_date(rule.checked, lang)) if rule.checked else ''} {reviewed}", "",
           " ".join(rule.text[lang].split()), ""]
    if rule.open.get(lang):
        out += [f"**{s('rule_open')}:** " + " ".join(rule.open[lang].split()), ""]
    # Where to read more and where it is used: kept out of the search index (gvi/search.py), so that
    # the titles of the pages that use a rule do not make this page the answer for those pages.
    if rule.sources:
        out += [f"{s('sources')}: {_sources(rule.sources, sources)}.", "{: .gvi-rule-meta }", ""]
    if pages_text:
        out += [f"{s('legal_cited_on')}: {pages_text}.", "{: .gvi-rule-meta }", ""]
    return out


def status_body(base: RuleBase, acts: dict, lang: str, strings: dict, sources: dict, used_on: dict,
                titles: dict, folder: str) -> list[str]:
    """The rules part of the legal-position page: what is still to be checked in SFS, then every
    rule with status, source, check date and the pages that state or cite it."""
    s = lambda key: strings[key][lang]  # noqa: E731

    def pages(uris) -> str:
        return ", ".join(f"[{titles.get(u, u)}]({posixpath.relpath(u, folder)})" for u in sorted(uris))

    out = []
    todo = [r for r in base.rules.values() if r.open.get(lang) or r.status == "not_confirmed"]
    if todo:
        out += [f"## {s('rule_todo_heading')} {{#att-kontrollera}}", "", s("rule_todo_intro"), ""]
        out += [f"- [{r.title[lang]}](#{r.id}) ({label(r, acts, lang)}): "
                + " ".join((r.open.get(lang) or status_text(r, lang, strings)).split()) for r in todo]
        out.append("")
    out += [f"## {s('rule_heading')} {{#regler}}", "", s("rule_intro"), ""]
    for rule in base.rules.values():
        out += rule_section(rule, acts, lang, strings, sources, pages(used_on.get(rule.id, ())), base=base)
    return out


# What a page says of a rule's status by hand -------------------------------------------------------

# A claim that a rule is not (yet) law, that it is law now, or that it became law (true of a
# repealed rule too). Negations come first: "har ännu inte trätt i kraft" is no in-force claim.
_CLAIMS = {
    "sv": (("proposed", r"\b(?:inte|ej)\s+(?:har\s+)?(?:trätt|träder)\s+i\s+kraft|\binte\s+(?:har\s+)?börjat\s+gälla"
                        r"|\bföreslås\b|\bär\s+(?:ännu\s+|bara\s+|endast\s+|fortfarande\s+)*(?:ett\s+förslag|"
                        r"föreslagen|föreslaget|föreslagna)\b|\b(?:kommer\s+att|väntas|ska)\s+(?:börja\s+gälla|"
                        r"träda\s+i\s+kraft)"),
           ("in_force", r"\bgäller\s+(?:sedan|nu|redan|i\s+dag|idag)\b|\bär\s+i\s+kraft\b|\bgällande\s+rätt\b"),
           ("entered", r"\b(?:trädde|har\s+trätt)\s+i\s+kraft\b|\bbörjade\s+gälla\b")),
    "en": (("proposed", r"\bnot\s+(?:yet\s+)?in\s+force\b|\bha(?:s|ve)\s+not\s+(?:yet\s+)?(?:entered|come)\s+into\s+force"
                        r"|\bis\s+(?:still\s+|only\s+|just\s+)*(?:a\s+proposal|proposed)\b|\bproposed\s+to\s+(?:enter|take|apply)"
                        r"|\b(?:would|will|is\s+expected\s+to|is\s+to)\s+(?:enter\s+into\s+force|take\s+effect|apply\s+from)"),
           ("in_force", r"\bin\s+force\s+since\b|\bha(?:s|ve)\s+been\s+in\s+force\b|\bis\s+(?:now\s+)?in\s+force\b"
                        r"|\b(?:has\s+)?appli(?:es|ed)\s+since\b"),
           ("entered", r"\b(?:came|entered|has\s+entered|has\s+come)\s+into\s+force\b|\btook\s+effect\b")),
}
# Words every match of a kind holds (one of them, case folded): a page with none of them is not
# searched for that kind (a pattern that starts with \b is tried at every offset of the page).
_CLAIM_WORDS = {
    "sv": {"proposed": ("kraft", "gälla", "föreslås", "förslag", "föreslag"), "in_force": ("gäller", "kraft", "gällande"),
           "entered": ("kraft", "gälla")},
    "en": {"proposed": ("force", "propos", "effect", "apply"), "in_force": ("force", "appli"),
           "entered": ("force", "effect")},
}
_CLAIM_PATTERNS = {lang: [(kind, re.compile(pattern, re.I), _CLAIM_WORDS[lang][kind]) for kind, pattern in kinds]
                   for lang, kinds in _CLAIMS.items()}
# A claim speaks of the rules cited in its clause: a sentence, cut at ";" and at ", men/medan/but/…".
_CLAUSE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ*_\[])|;|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s"
                         r"|,\s+(?=(?:men|medan|och|while|but|whereas|and)\b)")


@dataclass(frozen=True)
class Claim:
    kind: str  # "proposed", "in_force" or "entered"
    offset: int
    words: str
    start: int  # the clause it stands in
    end: int


def claims(text: str, lang: str) -> list[Claim]:
    """What ``text`` (running text, the references blanked) says of a law's status, each with its
    clause."""
    found, taken = [], []
    folded = text.casefold()
    for kind, pattern, words in _CLAIM_PATTERNS.get(lang, []):
        if not any(word in folded for word in words):
            continue
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue  # "inte trätt i kraft" is a claim once, of its negated kind
            taken.append(match.span())
            ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, match.start())]
            start = ends[-1] if ends else 0
            after = _CLAUSE_END.search(text, match.end())
            found.append(Claim(kind, match.start(), match[0], start, after.start() if after else len(text)))
    return sorted(found, key=lambda c: c.offset)


def contradicts(claim: Claim, rule: Rule) -> bool:
    """A rule in force called a proposal, or a rule not (or no longer) in force called law now. A
    repealed rule did enter into force, once."""
    if claim.kind == "proposed":
        return rule.status in ("in_force", "repealed")
    if claim.kind == "in_force":
        return rule.status != "in_force"
    return rule.status in ("proposed", "not_confirmed")


def _status_words(rule: Rule) -> str:
    if rule.status == "in_force":
        return f"in force since {rule.in_force} (SFS {rule.sfs})" if rule.in_force else "in force"
    if rule.status == "repealed":
        return f"repealed from {rule.repealed}" if rule.repealed else "repealed"
    if rule.status == "proposed":
        return "proposed" + (f" for {rule.proposed_in_force}" if rule.proposed_in_force else "") + ", not in force"
    return "not confirmed in force (no SFS number found)"


def claim_problem(path: str, line: int, claim: Claim, rule: Rule, acts: dict, lang: str) -> Problem:
    said = {"proposed": "is not (yet) in force", "in_force": "is in force now",
            "entered": "has entered into force"}[claim.kind]
    return Problem(path, line, f"the page says that '{rule.title[lang]}' ({label(rule, acts, lang)}) {said} "
                   f"('{_quote(claim.words)}'), but "
                   f"docs/_data/rules.yml has rule '{rule.id}' {_status_words(rule)}.",
                   f"state the rule with {{{{ rule.{rule.id} }}}} or cite it with {{{{ cite.{rule.id} }}}}, which "
                   "write its status from the rule base, and drop the hand-written status; or, if the law has "
                   "changed, correct the rule in rules.yml (status, SFS number, dates, checked).")
