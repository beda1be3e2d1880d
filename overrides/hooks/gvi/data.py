"""The site's data files in docs/_data/: one place for each truth."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import yaml

from . import yamltext
from .problems import ContentError, Problem, decode

DATA_DIR = "_data"


@dataclass(frozen=True)
class SiteData:
    curriculum: dict  # module sections, audiences, roles (with their names per language)
    local: dict  # local facts: municipalities, partners, the week's dates and places
    sources: dict  # bibliography: key -> {title, publisher, year, url}
    strings: dict  # interface strings: key -> {lang: text}
    abbreviations: dict  # abbreviation -> {lang: expansion}, explained on every page
    # The files' text as read ({"local.yml": …}): the checks find key lines in it, not on disk again.
    texts: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def roles(self) -> dict:
        return self.curriculum["roles"]

    @property
    def audiences(self) -> dict:
        return self.curriculum["audiences"]

    @property
    def module_sections(self) -> list[str]:
        return self.curriculum["module_sections"]

    def string(self, key: str, lang: str) -> str:
        return self.strings[key][lang]


def fill(text: str, **values) -> str:
    """An interface string with its {name} slots filled in."""
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def _load(path: str, display: str, texts: dict | None = None) -> dict:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError as exc:
        raise ContentError(Problem(display, 1, "data file is missing.",
                                   "restore it from git or create it.")) from exc
    # A byte order mark is harmless here (YAML skips it); an undecodable byte names its line.
    text = decode(raw.removeprefix(b"\xef\xbb\xbf"), display)
    if texts is not None:
        texts[os.path.basename(path)] = text
    try:
        value = yamltext.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError(Problem(display, yamltext.error_line(exc) + 1,
                                   f"data file is not valid YAML ({getattr(exc, 'problem', exc)}).",
                                   yamltext.fix(exc))) from exc
    if not isinstance(value, dict):
        raise ContentError(Problem(display, 1, "data file must be a mapping.", "write key: value lines."))
    for key, first, again in yamltext.duplicate_keys(raw.decode("utf-8-sig")):
        raise ContentError(Problem(display, again, f"the key '{key}' is here a second time (first on line "
                                   f"{first}); YAML keeps only the last one, so the first is lost without a word.",
                                   "give one of them another key, or delete the one you do not mean."))
    return value


def _lines(docs_dir: str, name: str) -> dict:
    try:
        with open(os.path.join(docs_dir, DATA_DIR, name), encoding="utf-8-sig") as handle:
            return yamltext.key_lines(handle.read())
    except OSError:
        return {}


_SWEDISH_DATE = re.compile(r"\d{1,2}\s*(?:[–-]\s*\d{1,2}\s*)?(januari|februari|mars|april|maj|juni|juli|"
                           r"augusti|september|oktober|november|december)\b")


def _swedish_dates(docs_dir: str, local: dict, languages: list[str], display_prefix: str) -> list[Problem]:
    """A local fact written once, as a Swedish date, would be shown as written on English pages."""
    if len(languages) < 2:
        return []
    problems, lines = [], None

    def walk(value, key):
        nonlocal lines
        if isinstance(value, dict):
            if set(value) & set(languages):
                return  # one text per language
            for sub, inner in value.items():
                walk(inner, key + (str(sub),))
        elif isinstance(value, str) and _SWEDISH_DATE.search(value):
            lines = lines if lines is not None else _lines(docs_dir, "local.yml")
            dotted = ".".join(key)
            problems.append(Problem(f"{display_prefix}{DATA_DIR}/local.yml", lines.get(key, 1),
                                    f"local fact '{dotted}' is one Swedish text ('{value}'), so every "
                                    "language's pages would show it as written.",
                                    f"give it one text per language: {key[-1]}: "
                                    f"{{{', '.join(f'{lang}: …' for lang in languages)}}}."))

    walk(local, ())
    return problems


def check_shape(docs_dir: str, data: "SiteData", display_prefix: str = "docs/") -> list[Problem]:
    """The shapes the pages rely on, so that a wrong one is a line here and never a crash on an
    unrelated page: every interface string, role, audience and abbreviation has a text in every
    language (the languages of strings.yml), the {slots} of a string are the same in each
    language, and contact.email is one address."""
    problems: list[Problem] = []
    strings = data.strings
    languages = sorted({lang for texts in strings.values() if isinstance(texts, dict) for lang in texts})

    def each_language(name: str, table: dict, what: str, at: tuple = ()) -> None:
        lines = _lines(docs_dir, name)
        for key, texts in table.items() if isinstance(table, dict) else []:
            line = lines.get(at + (str(key),), 1)
            if not isinstance(texts, dict):
                problems.append(Problem(f"{display_prefix}{DATA_DIR}/{name}", line,
                                        f"{what} '{key}' is one text, not a text per language.",
                                        f"write it as {key}: {{{', '.join(f'{lang}: …' for lang in languages)}}}."))
                continue
            missing = [lang for lang in languages if not isinstance(texts.get(lang), str) or not texts[lang].strip()]
            if missing:
                problems.append(Problem(f"{display_prefix}{DATA_DIR}/{name}", line,
                                        f"{what} '{key}' has no text for {', '.join(missing)}.",
                                        f"add {', '.join(f'{lang}: …' for lang in missing)} to it."))
            elif name == "strings.yml":
                slots = {lang: sorted(set(re.findall(r"\{(\w+)\}", texts[lang]))) for lang in languages}
                if len({tuple(v) for v in slots.values()}) > 1:
                    shown = "; ".join(f"{lang}: {', '.join('{' + x + '}' for x in v) or 'none'}"
                                      for lang, v in slots.items())
                    problems.append(Problem(f"{display_prefix}{DATA_DIR}/{name}", line,
                                            f"string '{key}' has other {{slots}} in each language ({shown}); "
                                            "the build fills in only the slots it knows, so a renamed one "
                                            "is shown as written.",
                                            "keep the slot names as they are in the other language ({n} "
                                            "stays {n}); translate only the words around them."))

    each_language("strings.yml", strings, "string")
    for group in ("roles", "audiences"):
        if not isinstance(data.curriculum.get(group), dict):
            problems.append(Problem(f"{display_prefix}{DATA_DIR}/curriculum.yml", _lines(docs_dir, "curriculum.yml").get((group,), 1),
                                    f"'{group}' must be a list of keys with a name per language.",
                                    f"write it as {group}: followed by lines 'key: {{sv: …, en: …}}'."))
        else:
            each_language("curriculum.yml", data.curriculum[group], group[:-1], (group,))
    each_language("abbreviations.yml", data.abbreviations, "abbreviation")
    problems += _swedish_dates(docs_dir, data.local, languages, display_prefix)
    email = (data.local.get("contact") or {}).get("email") if isinstance(data.local.get("contact"), dict) else None
    if not isinstance(email, str) or "@" not in email:
        lines = _lines(docs_dir, "local.yml")
        problems.append(Problem(f"{display_prefix}{DATA_DIR}/local.yml",
                                lines.get(("contact", "email"), lines.get(("contact",), 1)),
                                f"contact.email must be one e-mail address, not {email!r}.",
                                "write one address, e.g. email: gvi@kommun.se (the 'Report an error' "
                                "link of every page writes to it)."))
    return problems


def load(docs_dir: str, display_prefix: str = "docs/") -> SiteData:
    texts: dict = {}

    def one(name: str) -> dict:
        return _load(os.path.join(docs_dir, DATA_DIR, name), f"{display_prefix}{DATA_DIR}/{name}", texts)

    data = SiteData(curriculum=one("curriculum.yml"), local=one("local.yml"),
                    sources=_sources(docs_dir, display_prefix, one("sources.yml")),
                    strings=one("strings.yml"), abbreviations=one("abbreviations.yml"), texts=texts)
    for problem in check_shape(docs_dir, data, display_prefix):
        raise ContentError(problem)  # the first: the others may follow from it
    return data


def _sources(docs_dir: str, display_prefix: str, sources: dict) -> dict:
    """sources.yml plus every sources/*.yml (the bibliography, split by topic); keys are unique."""
    folder = os.path.join(docs_dir, DATA_DIR, "sources")
    origin = {key: "sources.yml" for key in sources}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".yml"):
            continue
        display = f"{display_prefix}{DATA_DIR}/sources/{name}"
        for key, value in _load(os.path.join(folder, name), display).items():
            if key in sources:
                raise ContentError(Problem(display, 1, f"source key '{key}' is already defined in "
                                           f"{origin[key]}.", "use the existing key, or rename this one."))
            sources[key], origin[key] = value, f"sources/{name}"
    return sources
