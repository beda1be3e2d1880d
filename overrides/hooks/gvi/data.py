"""The site's data files in docs/_data/: one place for each truth."""
from __future__ import annotations

import os
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
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError(Problem(display, yamltext.error_line(exc) + 1,
                                   f"data file is not valid YAML ({getattr(exc, 'problem', exc)}).",
                                   "check indentation, colons and quotes on that line.")) from exc
    if not isinstance(value, dict):
        raise ContentError(Problem(display, 1, "data file must be a mapping.", "write key: value lines."))
    return value


def load(docs_dir: str, display_prefix: str = "docs/") -> SiteData:
    texts: dict = {}

    def one(name: str) -> dict:
        return _load(os.path.join(docs_dir, DATA_DIR, name), f"{display_prefix}{DATA_DIR}/{name}", texts)

    return SiteData(curriculum=one("curriculum.yml"), local=one("local.yml"),
                    sources=_sources(docs_dir, display_prefix, one("sources.yml")),
                    strings=one("strings.yml"), abbreviations=one("abbreviations.yml"), texts=texts)


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
