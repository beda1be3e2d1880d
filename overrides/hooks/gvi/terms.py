"""One term, one rendering: the term base (docs/_data/terms.yml) and the checks that use it.

    terms:
      tomma-loften:                 # a stable key (a slug); never translated
        sv: tomma löften            # the rendering pages use, per language
        en: empty promises
        avoid: {sv: [tomma hot], en: [empty threats]}   # renderings a page must not use

A page fails on an avoided rendering of its own language (case-insensitive, whole words, across
line breaks, in the text only: see gvi.prose). The abbreviation tooltips (abbreviations.yml) are
checked the same way, and the glossary (docs/ordlista/) is checked against the term base: a term
it defines in Swedish must be given with the term base's English rendering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from . import prose, yamltext
from .problems import ContentError, Problem

TERMS_FILE = "terms.yml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_KEYS = {"sv", "en", "avoid", "note", "synonyms"}  # synonyms: search only (gvi/search.py)
GLOSSARY = "ordlista/index.md"


@dataclass(frozen=True)
class Avoided:
    key: str  # the term's key in terms.yml
    lang: str
    text: str  # the avoided rendering
    preferred: str  # the term base's rendering
    pattern: re.Pattern


@dataclass
class TermBase:
    terms: dict = field(default_factory=dict)  # key -> {sv, en, avoid}
    avoided: list[Avoided] = field(default_factory=list)
    path: str = "docs/_data/terms.yml"
    _phrases: dict = field(default_factory=dict)  # lang -> prose.Phrases of the avoided renderings

    def phrases(self, lang: str) -> prose.Phrases:
        if lang not in self._phrases:
            self._phrases[lang] = prose.Phrases()
            for item in self.avoided:
                if item.lang == lang:
                    self._phrases[lang].add(item.text.split()[0], item.pattern, item)
        return self._phrases[lang]


def _pattern(text: str) -> re.Pattern:
    words = [re.escape(word) for word in text.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


key_lines = yamltext.key_lines  # {(key, subkey, …): line}; one implementation (gvi/yamltext.py)


def parse(source: str, path: str, languages: list[str]) -> tuple[TermBase, list[Problem]]:
    """Read and validate the term base. Problems name the line of the offending key."""
    try:
        data = yamltext.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError(Problem(path, mark.line + 1 if mark else 1,
                                   f"the term base is not valid YAML ({getattr(exc, 'problem', exc)}).",
                                   "check indentation, colons and quotes on that line.")) from exc
    lines = key_lines(source)
    base = TermBase(path=path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), dict):
        return base, [Problem(path, 1, "the term base must hold a mapping 'terms:' of term keys.",
                              "write 'terms:' and under it 'key: {sv: …, en: …}' per term.")]
    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for key, term in data["terms"].items():
        line = lines.get(("terms", str(key)), 1)
        if not isinstance(key, str) or not SLUG.match(key):
            problems.append(Problem(path, line, f"term key {key!r} is not a slug.",
                                    "use lower-case ASCII letters, digits and single hyphens, e.g. 'tomma-loften'."))
            continue
        if not isinstance(term, dict):
            problems.append(Problem(path, line, f"term '{key}' must be a mapping with {', '.join(languages)}.",
                                    f"write '{key}: {{sv: …, en: …}}'."))
            continue
        for unknown in sorted(set(term) - TERM_KEYS):
            problems.append(Problem(path, lines.get(("terms", key, unknown), line),
                                    f"term '{key}' has unknown key '{unknown}'.",
                                    f"use only: {', '.join(sorted(TERM_KEYS))}."))
        for lang in languages:
            if not isinstance(term.get(lang), str) or not term[lang].strip():
                problems.append(Problem(path, lines.get(("terms", key, lang), line),
                                        f"term '{key}' has no '{lang}' rendering.",
                                        f"add '{lang}: …', the one rendering pages in that language use."))
        synonyms = term.get("synonyms", {})
        if not isinstance(synonyms, dict) or not all(
                lang in languages and isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words)
                for lang, words in synonyms.items()):
            problems.append(Problem(path, lines.get(("terms", key, "synonyms"), line),
                                    f"term '{key}': 'synonyms' must map languages to lists of words.",
                                    "write 'synonyms: {en: [probation]}' (words a reader may search for)."))
        avoid = term.get("avoid", {})
        if not isinstance(avoid, dict):
            problems.append(Problem(path, lines.get(("terms", key, "avoid"), line),
                                    f"term '{key}': 'avoid' must map languages to lists.",
                                    "write 'avoid: {sv: [...], en: [...]}'."))
            continue
        for lang, texts in avoid.items():
            where = lines.get(("terms", key, "avoid", str(lang)), line)
            if lang not in languages:
                problems.append(Problem(path, where, f"term '{key}': 'avoid' has unknown language '{lang}'.",
                                        f"use {', '.join(languages)}."))
                continue
            if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
                problems.append(Problem(path, where, f"term '{key}': 'avoid.{lang}' must be a list of texts.",
                                        f"write 'avoid: {{{lang}: [a rendering, another]}}'."))
                continue
            preferred = term.get(lang) if isinstance(term.get(lang), str) else ""
            for text in texts:
                folded = " ".join(text.lower().split())
                if (lang, folded) in seen:
                    problems.append(Problem(path, where, f"term '{key}': '{text}' is already avoided by "
                                            f"term '{seen[(lang, folded)]}'.",
                                            "list each avoided rendering under one term only."))
                    continue
                seen[(lang, folded)] = key
                pattern = _pattern(text)
                if preferred and pattern.search(preferred):
                    problems.append(Problem(path, where, f"term '{key}': the avoided '{text}' is part of the "
                                            f"preferred '{preferred}', so every use of it would fail.",
                                            "remove it from 'avoid' or change the preferred rendering."))
                    continue
                base.avoided.append(Avoided(key, lang, text, preferred, pattern))
        base.terms[key] = term
    # An avoided rendering inside another term's preferred rendering would fail that term's own use.
    for item in base.avoided:
        for key, term in base.terms.items():
            preferred = term.get(item.lang)
            if key != item.key and isinstance(preferred, str) and item.pattern.search(preferred):
                problems.append(Problem(path, lines.get(("terms", item.key, "avoid", item.lang), 1),
                                        f"term '{item.key}': the avoided '{item.text}' is part of term "
                                        f"'{key}''s preferred '{preferred}'.",
                                        "make the avoided rendering more specific."))
    return base, problems


def load(folder: str, display: str, languages: list[str]) -> tuple[TermBase, list[Problem]]:
    """The term base from ``folder``/terms.yml (``display`` names it in messages)."""
    try:
        with open(f"{folder}/{TERMS_FILE}", encoding="utf-8") as handle:
            source = handle.read()
    except FileNotFoundError:
        return TermBase(path=display), [Problem(display, 1, "the term base is missing.",
                                                "restore docs/_data/terms.yml from git.")]
    try:
        return parse(source, display, languages)
    except ContentError as exc:  # bad YAML: one line, and the checks go on without terms
        return TermBase(path=display), [exc.problem]


def check_text(text: str, lang: str, base: TermBase, path: str, first_line: int = 1) -> list[Problem]:
    """Avoided renderings in ``text`` (already masked: see gvi.prose) of language ``lang``."""
    problems = []
    for match, item in base.phrases(lang).finditer(text):
        found = " ".join(match[0].split())
        problems.append(Problem(path, prose.line_at(text, match.start(), first_line),
                                f"'{found}' is a rendering the term base avoids.",
                                f"write '{item.preferred}' ({base.path}: {item.key})."))
    return problems


def check_abbreviations(abbreviations: dict, base: TermBase, path: str, lines: dict | None = None) -> list[Problem]:
    """The tooltips draw on the same words: no avoided rendering in an expansion.
    ``lines``: {(abbreviation,): line} (see ``key_lines``)."""
    problems = []
    for abbr, texts in abbreviations.items():
        for lang, text in (texts or {}).items() if isinstance(texts, dict) else []:
            for problem in check_text(str(text), lang, base, path):
                line = (lines or {}).get((str(abbr), str(lang)), (lines or {}).get((str(abbr),), 1))
                problems.append(Problem(path, line, f"abbreviation '{abbr}' ({lang}): {problem.message}",
                                        problem.fix))
    return problems


def glossary_entries(body: str, first_line: int = 1) -> list[tuple[int, str, str]]:
    """(line, term line, definition) for each definition-list entry (``term`` / ``:   text``)."""
    lines = body.split("\n")
    entries = []
    for index, line in enumerate(lines):
        if index and line.startswith(":") and lines[index - 1].strip() and not lines[index - 1].startswith((" ", ":")):
            definition = [line[1:].strip()]
            for follow in lines[index + 1:]:
                if follow.strip() and not follow.startswith(" "):
                    break
                definition.append(follow.strip())
            entries.append((first_line + index - 1, lines[index - 1].strip(), " ".join(definition)))
    return entries


def _names(term_line: str) -> list[str]:
    """The names a glossary line defines: 'OSL – offentlighets- och sekretesslagen (2009:400)'
    gives ['osl', 'offentlighets- och sekretesslagen', '2009:400']."""
    parts = re.split(r"\s+[–-]\s+|,\s*|\s*[()]\s*", term_line)
    return [" ".join(p.lower().split()) for p in parts if p.strip()]


def check_glossary(sv_body: str, sv_path: str, sv_first: int, en_body: str | None, en_path: str,
                   en_first: int, base: TermBase) -> list[Problem]:
    """A term the Swedish glossary defines that is in the term base is given with the term
    base's English rendering, both in the Swedish entry ("Engelska: …") and in the English
    glossary's term line."""
    problems = []
    sv_entries = glossary_entries(sv_body, sv_first)
    if not sv_entries:
        return [Problem(sv_path, sv_first, "the glossary has no entries this check can read, so its "
                        "terms are not checked against the term base.",
                        "write each entry as a definition list: the term on its own line, then "
                        "':   ' and the explanation (AUTHORING.md).")]
    en_lines = [term for _, term, _ in glossary_entries(en_body, en_first)] if en_body is not None else []
    by_sv = {" ".join(str(t.get("sv", "")).lower().split()): (key, t) for key, t in base.terms.items()}
    for line, term_line, definition in sv_entries:
        for name in _names(term_line):
            if name not in by_sv:
                continue
            key, term = by_sv[name]
            english = str(term.get("en", ""))
            if english.lower() not in definition.lower():
                problems.append(Problem(sv_path, line, f"the glossary defines '{term['sv']}' but does not "
                                        f"give the term base's English rendering '{english}'.",
                                        f"write 'Engelska: {english}.' or change {base.path} ({key})."))
            if en_body is not None and not any(english.lower() in t.lower() for t in en_lines):
                problems.append(Problem(en_path, en_first, f"the glossary has no entry for '{english}' "
                                        f"(the term base's rendering of '{term['sv']}').",
                                        f"name the entry '{english} ({term['sv']})' or change {base.path} ({key})."))
    return problems
