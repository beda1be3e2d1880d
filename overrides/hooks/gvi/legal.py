"""Legal status on the page: which pages cite law, when that was checked, and what they cite.

docs/_data/legal.yml names the acts the site may cite (``acts``: names, abbreviations, SFS numbers)
and the date of the last check; the rules themselves, with their status, are in docs/_data/rules.yml
(gvi/rules.py), and a lawyer's reviews in docs/_data/reviews.yml. From them and the pages' text:

- ``references`` finds what a page cites: acts (by name, abbreviation or SFS number), chapters and
  sections, bills ("prop. 2024/25:65") and the word "SFS";
- ``check_page`` fails a page that cites law without ``legal_checked: YYYY-MM-DD`` (naming the
  first citation's line), with a malformed or future date (naming the key's line), or that cites a
  bill or an SFS number legal.yml does not list;
- ``notice`` is the line under the page title ("Rättsläget kontrollerat 27 november 2026 …");
- ``status_page`` is the body of the legal-status page (docs/rattslaget.md): every change with its
  status, summary and sources, and every act, chapter and section the site cites, on which pages.
"""
from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass, field

from babel.dates import format_date as _babel_format

from . import prose
from .problems import Problem

LEGAL_FILE = "legal.yml"
STATUS_PAGE = "rattslaget.md"
MARKER = "<!-- gvi-legal-status -->"
UNNAMED = "unnamed"  # index key for a chapter or section cited with no act named on the page
ACT_KEYS = {"abbr", "sfs", "name", "match", "sources", "note"}
SFS = re.compile(r"^\d{4}:\d{1,4}$")

_BILL = re.compile(r"(?<![\w/])(\d{4}/\d{2}:\d+)(?![\w:])")
_SFS_NUMBER = re.compile(r"(?:\(\s*|,\s*|SFS\s+)(\d{4}:\d{1,4})(?=[\s).,;:]|$)")
_TRIGGER = re.compile(r"(?<![\w-])(?:SFS(?![\w-])|[Pp]rop\.)")
_SECTION = r"\d+(?:\s?[a-z](?![\w]))?"
_SECTIONS = rf"{_SECTION}(?:\s*(?:,|och|and|–|-)\s*{_SECTION})*"  # "1 och 2 §§", "1–5 and 8"
_PROVISION = {
    "sv": re.compile(rf"(?<![\w])(?:(?P<chapter>\d+)\s*kap\.\s*(?:(?P<section>{_SECTIONS})\s*§§?)?"
                     rf"|(?P<alone>{_SECTIONS})\s*§§?)"),
    "en": re.compile(rf"(?<![\w])(?:[Cc]hapter\s+(?P<chapter>\d+)(?:,?\s+[Ss]ections?\s+(?P<section>{_SECTIONS}))?"
                     rf"|[Ss]ections?\s+(?P<alone>{_SECTIONS}))"),
}
# Text every match of the patterns above holds. A pattern that starts with a look-behind is tried at
# every offset of the page (about 0.25 ms a page each); a page without any of these words is not
# searched with it.
_PROVISION_WORDS = {"sv": ("kap.", "§"), "en": ("hapter", "ection")}
_BILL_QUICK = re.compile(r"\d/\d\d:")  # starts with a digit: the search skips to digits
_TRIGGER_WORDS = ("SFS", "rop.")


def _search(pattern: re.Pattern, text: str, present: bool) -> list[re.Match]:
    return list(pattern.finditer(text)) if present else []


_NUMBER_AFTER_NAME = re.compile(r"[\s,]*\(?\s*(?:SFS\s+)?(\d{4}:\d{1,4})(?![\d:])")
_AMENDMENT = re.compile(r"(?:lydelse\s+enligt|ändrad\s+t\.o\.m\.)\s+(?:SFS\s+)?\Z", re.IGNORECASE)
_FOLLOWING_ACT = re.compile(r"^\s*(?:i\s+|of\s+the\s+|of\s+|in\s+the\s+|the\s+)?$")


def format_date(value: datetime.date, lang: str) -> str:
    """'27 november 2026' / '27 November 2026': the house date format in the reader's language."""
    return _babel_format(value, "d MMMM y", locale=lang)


def as_date(value) -> datetime.date | None:
    """A YAML date (or an ISO 'YYYY-MM-DD' text) as a date; None when it is anything else."""
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass
class Act:
    key: str
    abbr: list[str]
    sfs: str
    name: dict  # lang -> display name
    patterns: dict  # lang -> [compiled patterns]
    sources: list[str]
    note: dict


@dataclass
class Legal:
    checked: datetime.date | None = None
    bills: dict[str, str] = field(default_factory=dict)  # '2024/25:65' -> the rule that names it (gvi/guards.py)
    acts: dict[str, Act] = field(default_factory=dict)
    path: str = "docs/_data/legal.yml"
    mentions: object = None  # prose.Phrases of every act's names (see _mention_phrases)
    match: dict = field(default_factory=dict)  # act key -> its 'match' names per language

    def act_by_sfs(self, number: str) -> Act | None:
        return next((act for act in self.acts.values() if act.sfs == number), None)


def _name_pattern(name: str, lang: str) -> re.Pattern:
    words = [re.escape(word) for word in name.split()]
    if lang == "sv" and len(words) == 1 and name.endswith("en"):
        words[-1] = re.escape(name[:-2]) + "(?:en|ens|s)?"  # socialtjänstlag, -lagen, -lagens
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def parse(data: dict, path: str, lines: dict, languages: list[str], sources: dict) -> tuple[Legal, list[Problem]]:
    """Validate legal.yml's acts, changes and flags; problems name the key's line."""
    problems: list[Problem] = []
    legal = Legal(path=path)
    legal.checked = as_date(data.get("checked"))
    if legal.checked is None:
        problems.append(Problem(path, lines.get(("checked",), 1), "'checked' must be a date (YYYY-MM-DD).",
                                "write the date the legal position was last checked, e.g. 'checked: 2026-11-27'."))
    if "reviewed_by_lawyer" in data:
        problems.append(Problem(path, lines.get(("reviewed_by_lawyer",), 1),
                                "'reviewed_by_lawyer' is gone: a lawyer's review is recorded per rule.",
                                "delete the line; record reviews in docs/_data/reviews.yml (AUTHORING.md)."))
    if data.get("changes"):
        problems.append(Problem(path, lines.get(("changes",), 1),
                                "'changes' is gone: each law change is a rule in docs/_data/rules.yml.",
                                "move each entry to rules.yml (with 'bill', 'status' and its dates) and delete 'changes'."))
    acts = data.get("acts")
    if not isinstance(acts, dict):
        problems.append(Problem(path, 1, "legal.yml has no 'acts' mapping.",
                                "list the acts the site cites under 'acts:' (see the file's comments)."))
        acts = {}
    for key, act in acts.items():
        line = lines.get(("acts", str(key)), 1)
        if not isinstance(act, dict):
            problems.append(Problem(path, line, f"act '{key}' must be a mapping.", "see the entries above it."))
            continue
        for unknown in sorted(set(act) - ACT_KEYS):
            problems.append(Problem(path, lines.get(("acts", key, unknown), line),
                                    f"act '{key}' has unknown key '{unknown}'.", f"use only: {', '.join(sorted(ACT_KEYS))}."))
        if not SFS.match(str(act.get("sfs", ""))):
            problems.append(Problem(path, lines.get(("acts", key, "sfs"), line),
                                    f"act '{key}' has no SFS number.", "write it in quotes, e.g. sfs: \"2009:400\"."))
        name = act.get("name") or {}
        if not all(isinstance(name.get(lang), str) for lang in languages):
            problems.append(Problem(path, line, f"act '{key}' needs a name in {', '.join(languages)}.",
                                    "write 'name: {sv: …, en: …}'."))
            continue
        for source in act.get("sources") or []:
            if source not in sources:
                problems.append(Problem(path, lines.get(("acts", key, "sources"), line),
                                        f"act '{key}' cites unknown source '{source}'.",
                                        "use a key from docs/_data/sources.yml or sources/*.yml."))
        match = act.get("match", {}) or {}
        patterns = {lang: [_name_pattern(n, lang) for n in [name[lang], *(match.get(lang) or [])]]
                    for lang in languages} if act.get("match", {}) is not False else {lang: [] for lang in languages}
        legal.match[key] = match if isinstance(match, dict) else {}
        legal.acts[key] = Act(key, [str(a) for a in act.get("abbr") or []] if act.get("match", {}) is not False else [],
                              str(act.get("sfs", "")), name, patterns, list(act.get("sources") or []),
                              act.get("note") or {})
    return legal, problems


@dataclass(frozen=True)
class Ref:
    line: int
    act: str | None = None  # key in legal.yml's acts
    provision: tuple[str, str] | None = None  # (chapter, section); "" where not given
    bill: str | None = None  # '2024/25:65'
    sfs: str | None = None  # an SFS number legal.yml does not list
    weak: bool = False  # the act is a guess (the last one named in the paragraph): see references


def _mention_phrases(legal: Legal) -> prose.Phrases:
    """Every act's abbreviations (case-sensitive) and names in every language (English pages
    name Swedish acts in Swedish, too)."""
    phrases = prose.Phrases()
    for act in legal.acts.values():
        for abbr in act.abbr:
            phrases.add(abbr, re.compile(r"(?<![\w-])" + re.escape(abbr) + r"(?![\w-])"), act.key)
        for lang, patterns in act.patterns.items():
            names = [act.name[lang], *((legal.match.get(act.key) or {}).get(lang) or [])]
            for name, pattern in zip(names, patterns):
                phrases.add(name.split()[0].rstrip("-"), pattern, act.key)
    return phrases


def _act_mentions(text: str, lang: str, legal: Legal) -> list[tuple[int, int, str]]:
    if legal.mentions is None:
        legal.mentions = _mention_phrases(legal)
    return [(m.start(), m.end(), key) for m, key in legal.mentions.finditer(text)]


def references(text: str, lang: str, legal: Legal, first_line: int = 1) -> tuple[list[Ref], int | None]:
    """What ``text`` (masked prose) cites, and the line of its first legal reference (acts, bills,
    'SFS', 'prop.'), or None when it cites none."""
    mentions = _act_mentions(text, lang, legal)
    # An SFS number right after an act's name says which act it is: "socialtjänstlagen
    # (2001:453)", "socialtjänstlagen 2001:453". A known number alone names its act: "den gamla
    # lagen (2001:453)". An amendment ("i lydelse enligt SFS 2024:466") cites nothing new.
    numbers, seen = [], set()
    for index, mention in enumerate(list(mentions)):
        after = _NUMBER_AFTER_NAME.match(text, mention[1])
        if after:
            act = legal.act_by_sfs(after[1])
            if act:
                mentions[index] = (mention[0], mention[1], act.key)
            numbers.append((after.start(1), after[1], act))
            seen.add(after.start(1))
    for match in _SFS_NUMBER.finditer(text):
        number, start = match[1], match.start(1)
        if start in seen or _AMENDMENT.search(text, 0, match.start(1)):
            continue
        act = legal.act_by_sfs(number)
        if act:
            mentions.append((start, match.end(1), act.key))
        numbers.append((start, number, act))
    mentions.sort()
    refs: list[Ref] = []
    at = lambda offset: prose.line_at(text, offset, first_line)  # noqa: E731
    # A section is the act's that follows it ("10 kap. 18 a § offentlighets- och sekretesslagen")
    # or stands right before it ("OSL 10 kap. 18 a §"); else the act the page names with the same
    # section elsewhere; else the last act named earlier in the paragraph ("OSL 26 kap. 9 § och
    # 25 kap. 12 §"), a guess (``weak``) that the site's other pages may correct (gvi.guards);
    # else none (the legal-status page lists it as such).
    found, strong = [], {}
    for match in _search(_PROVISION[lang], text, any(w in text for w in _PROVISION_WORDS.get(lang, ("",)))):
        sections = re.findall(_SECTION, match["section"] or match["alone"] or "") or [""]
        following = next((m for m in mentions if m[0] >= match.end()
                          and _FOLLOWING_ACT.match(text[match.end():m[0]])), None)
        adjacent = next((m for m in reversed(mentions) if m[1] <= match.start()
                         and re.fullmatch(r"[\s,]*", text[m[1]:match.start()])), None)
        act = (following or adjacent or (None, None, None))[2]
        for section in sections:  # "8 kap. 1 och 2 §§" cites both sections
            provision = (match["chapter"] or "", " ".join(section.split()))
            if act:
                strong.setdefault(provision, act)
            found.append((match.start(), provision, act))
    for start, provision, act in found:
        weak = False
        if act is None:
            paragraph = text.rfind("\n\n", 0, start)
            earlier = [m for m in mentions if paragraph < m[0] and m[1] <= start]
            act = strong.get(provision) or (earlier[-1][2] if earlier else None)
            weak = provision not in strong
        refs.append(Ref(at(start), act=act, provision=provision, weak=weak))
    cited = {r.act for r in refs}
    for start, _, key in mentions:
        if key not in cited:
            refs.append(Ref(at(start), act=key))
            cited.add(key)
    for start, number, act in numbers:
        if act is None:
            refs.append(Ref(at(start), sfs=number))
        elif act.key not in cited:
            refs.append(Ref(at(start), act=act.key))
            cited.add(act.key)
    bills = _search(_BILL, text, _BILL_QUICK.search(text) is not None)
    refs += [Ref(at(match.start()), bill=match[1]) for match in bills]
    starts = [m[0] for m in mentions] + [m.start() for m in bills] + \
             [m.start() for m in _search(_TRIGGER, text, any(w in text for w in _TRIGGER_WORDS))] + [s for s, _, _ in numbers]
    first = at(min(starts)) if starts else None
    return sorted(refs, key=lambda r: r.line), first


def check_page(text: str, lang: str, meta: dict, key_line: int, path: str, legal: Legal,
               first_line: int = 1, today: datetime.date | None = None) -> tuple[list[Ref], list[Problem]]:
    """The page's references and its legal problems: a missing, malformed or future
    ``legal_checked``, and bills or SFS numbers that legal.yml does not list."""
    refs, first = references(text, lang, legal, first_line)
    problems = []
    today = today or datetime.date.today()
    if "legal_checked" in meta:
        value = as_date(meta["legal_checked"])
        if value is None:
            problems.append(Problem(path, key_line, f"legal_checked {meta['legal_checked']!r} is not a date.",
                                    "write the date you checked the page's law as YYYY-MM-DD, e.g. "
                                    f"'legal_checked: {today.isoformat()}'."))
        elif value > today:
            problems.append(Problem(path, key_line, f"legal_checked {value.isoformat()} is in the future.",
                                    "write the date you actually checked the page's law against "
                                    f"{posixpath.dirname(legal.path)}/rules.yml (today or earlier)."))
    elif first is not None:
        problems.append(Problem(path, first, "the page cites law (a statute, a bill or SFS) but has no "
                                "'legal_checked' in its front matter.",
                                f"check the page against {posixpath.dirname(legal.path)}/rules.yml and add 'legal_checked: "
                                f"{today.isoformat()}' to the front matter of both languages."))
    bills = legal.bills
    for ref in refs:
        if ref.bill and ref.bill not in bills:
            problems.append(Problem(path, ref.line, f"the page cites bill {ref.bill}, which no rule in "
                                    "docs/_data/rules.yml names.",
                                    "add the rule it brings (or proposes) to rules.yml with 'bill' and its "
                                    "status, so the legal-position page states it."))
        if ref.sfs:
            problems.append(Problem(path, ref.line, f"the page cites SFS {ref.sfs}, which {legal.path} does not list.",
                                    "add the act to 'acts' in legal.yml (name, SFS number, source)."))
    return refs, problems


# Rendering ----------------------------------------------------------------------------------------

def notice(meta: dict, lang: str, strings: dict, reviews: list, link: str) -> str:
    """The line under a page title: when its law was checked and a link to the legal-status page;
    then who reviewed the page's rules (``reviews``: a current review of every rule the page states,
    gvi/rules.py), or, without that, that the site is not legal advice."""
    value = as_date(meta.get("legal_checked"))
    if value is None:
        return ""
    text = strings["legal_checked"][lang].format(date=format_date(value, lang))
    parts = [f"{text}. [{strings['legal_status_link'][lang]}]({link})."]
    if reviews:
        who = "; ".join(sorted({f"{r.name}, {r.role}, {r.organisation}, {format_date(r.date, lang)}" for r in reviews}))
        parts.append(strings["legal_reviewed"][lang].format(who=who))
    else:
        parts.append(strings["legal_not_advice"][lang])
    return " ".join(parts) + "\n{: .gvi-legal-notice }\n"


def joined_notice(markdown: str, meta: dict, lang: str, strings: dict, link: str) -> str | None:
    """One compact legal line, not two, for a page whose own first paragraph after the title says
    it is not legal advice (``legal_own_notice`` words in it): a folded box whose summary is the
    one line (checked date, not legal advice) and whose body is that paragraph, word for word, and
    the link to the legal-status page. The print stylesheet opens it. None when the page has no
    such paragraph (the caller then puts the usual notice under the title)."""
    value = as_date(meta.get("legal_checked"))
    title = re.search(r"^# .*$", markdown, flags=re.MULTILINE)
    if value is None or not title:
        return None
    rest = markdown[title.end():]
    para = re.match(r"[ \t]*\n(?:[ \t]*\n)*((?:[^\n]*\S[^\n]*(?:\n|$))+)", rest)
    own = para.group(1).rstrip("\n") if para else ""
    if strings["legal_own_notice"][lang].lower() not in own.lower() or own.lstrip().startswith(("!!!", "???", "<", "-", "#", "|")):
        return None
    line = strings["legal_checked"][lang].format(date=format_date(value, lang))
    summary = f"{line}. {strings['legal_not_advice_short'][lang]}"
    block = (f'<details class="gvi-legal-notice gvi-fold" markdown>\n<summary>{summary}</summary>\n\n'
             f"{own} [{strings['legal_status_link'][lang]}]({link}).\n\n</details>\n")
    return markdown[:title.end()] + "\n\n" + block + rest[para.end():]


def current_to(local: dict, strings: dict, languages: list[str]) -> dict[str, str]:
    """'Innehållet gäller per 27 november 2026' per language, from local.yml's content.current_to."""
    value = as_date((local.get("content") or {}).get("current_to"))
    if value is None:
        return {}
    return {lang: strings["current_to"][lang].format(date=format_date(value, lang)) for lang in languages}


def check_current_to(local: dict, path: str, line: int, today: datetime.date | None = None) -> list[Problem]:
    value = (local.get("content") or {}).get("current_to") if isinstance(local.get("content"), dict) else None
    date = as_date(value)
    if date is None:
        return [Problem(path, line, f"content.current_to {value!r} is not a date.",
                        "write the date the content is current to, e.g. 'current_to: 2026-11-27' under 'content:'.")]
    if date > (today or datetime.date.today()):
        return [Problem(path, line, f"content.current_to {date.isoformat()} is in the future.",
                        "write the date the content was last brought up to date.")]
    return []


def _provision_text(provision: tuple[str, str], lang: str) -> str:
    chapter, section = provision
    if lang == "sv":
        return " ".join(p for p in (f"{chapter} kap." if chapter else "", f"{section} §" if section else "") if p)
    words = [f"chapter {chapter}" if chapter else "", f"section {section}" if section else ""]
    return ", ".join(w for w in words if w)


def _sort_key(provision: tuple[str, str]):
    def num(part):
        digits = re.match(r"\d+", part)
        return (int(digits[0]) if digits else -1, part)
    return (num(provision[0]), num(provision[1]))


def _sources(keys: list[str], sources: dict) -> str:
    items = [f"[{sources[k]['title']}]({sources[k]['url']})" if sources.get(k, {}).get("url")
             else str(sources.get(k, {}).get("title", k)) for k in keys if k in sources]
    return "; ".join(items)


def status_page(legal: Legal, index: dict, lang: str, strings: dict, sources: dict, titles: dict,
                here: str) -> str:
    """The legal-status page's body. ``index``: {act key or 'bill:…' or 'sfs:…': {provision: {page uri}}}
    with provision None for the act as a whole; ``titles``: {page uri: title}; ``here``: the
    status page's own uri (links are relative to it)."""
    folder = posixpath.dirname(here) or "."
    s = lambda key: strings[key][lang]  # noqa: E731

    def pages(uris) -> str:
        return ", ".join(f"[{titles.get(u, u)}]({posixpath.relpath(u, folder)})" for u in sorted(uris))

    out = []
    if legal.checked:
        out.append(s("legal_checked").format(date=format_date(legal.checked, lang)) + ".")
    out.append(s("legal_not_advice"))
    out = [" ".join(out), "{: .gvi-legal-notice }", ""]
    out += [f"## {s('legal_refs_heading')} {{#hanvisningar}}", "", s("legal_refs_intro"), ""]
    for key, act in legal.acts.items():
        cited = index.get(key)
        if not cited:
            continue
        title = act.name[lang][:1].upper() + act.name[lang][1:]
        out += [f"### {title} ({act.sfs}) {{#lag-{key}}}", ""]
        if act.note.get(lang):
            out += [act.note[lang], ""]
        for provision in sorted((p for p in cited if p), key=_sort_key):
            out.append(f"- {_provision_text(provision, lang)}: {pages(cited[provision])}")
        if None in cited:
            out.append(f"- {s('legal_whole_act')}: {pages(cited[None])}")
        out.append("")
        if act.sources:
            out += [f"{s('sources')}: {_sources(act.sources, sources)}.", ""]
    unnamed = index.get(UNNAMED, {})
    if unnamed:
        out += [f"### {s('legal_unnamed_heading')} {{#utan-lag}}", ""]
        for provision in sorted((p for p in unnamed if p), key=_sort_key):
            out.append(f"- {_provision_text(provision, lang)}: {pages(unnamed[provision])}")
        out.append("")
    bills = sorted((k for k in index if k.startswith("bill:")),
                   key=lambda k: tuple(int(n) for n in re.findall(r"\d+", k)))
    if bills:
        out += [f"### {s('legal_bills_heading')} {{#propositioner}}", ""]
        for key in bills:
            number = key[5:]
            rule = legal.bills.get(number)
            label = f"[Prop. {number}](#{rule})" if rule else f"Prop. {number}"
            out.append(f"- {label}: {pages(index[key][None])}")
        out.append("")
    unknown = sorted(k for k in index if k.startswith("sfs:"))
    if unknown:
        out += [f"### {s('legal_other_sfs_heading')} {{#andra-sfs}}", ""]
    for key in unknown:
        out.append(f"- SFS {key[4:]}: {pages(index[key][None])}")
    return "\n".join(out) + "\n"


def add_to_index(index: dict, refs: list[Ref], uri: str) -> None:
    """Collect one page's references into the site's index (see ``status_page``)."""
    for ref in refs:
        if ref.bill:
            index.setdefault("bill:" + ref.bill, {}).setdefault(None, set()).add(uri)
        elif ref.sfs:
            index.setdefault("sfs:" + ref.sfs, {}).setdefault(None, set()).add(uri)
        else:
            provision = ref.provision if ref.provision and any(ref.provision) else None
            index.setdefault(ref.act or UNNAMED, {}).setdefault(provision, set()).add(uri)
