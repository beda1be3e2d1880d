"""mkdocs.yml read without MkDocs, for the tools that run outside a build (the content check,
translation status, the Zensical trial).

Tags are read, not refused: `!ENV NAME` or `!ENV [NAME, …, default]` gives the first variable set,
else the default; `!!python/name:x` stays a name (PythonName) that is written back as it was; other
tags (`!relative`) read as None.
"""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path

import yaml

from . import yamltext

# MkDocs always leaves out dot files and a top-level templates/ folder.
_DEFAULT_EXCLUDES = [".*", "/templates/"]


class PythonName(str):
    """A `!!python/name:x` value."""


class ConfigLoader(yaml.SafeLoader):
    """A SafeLoader that reads mkdocs.yml's tags instead of failing."""



class Dumper(yaml.SafeDumper):
    pass


def _env_tag(loader: ConfigLoader, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        names, default = [loader.construct_scalar(node)], None
    return next((os.environ[name] for name in names if name in os.environ), default)


ConfigLoader.add_constructor("!ENV", _env_tag)
ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:",
                                   lambda loader, suffix, node: PythonName(suffix))
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
Dumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(
    f"tag:yaml.org,2002:python/name:{value}", ""))


def load_config(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    # Parsed by libyaml (gvi/yamltext.py: 9 ms instead of 100 ms for mkdocs.yml, which every
    # content check paid; an error is the pure-Python parser's), its tags read by ConfigLoader.
    node = yamltext.compose(text)
    config = yamltext.construct(node, ConfigLoader) if node is not None else None
    if not isinstance(config, dict):
        raise ValueError(f"{path} is not a mapping of settings.")
    return config


def write_config(config: dict, path: Path) -> None:
    Path(path).write_text(yaml.dump(config, Dumper=Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def language_entries(config: dict) -> list[dict]:
    """The i18n plugin's language entries (locale, name, site_name, nav_translations, …): the one
    place the site's languages are listed."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [lang for lang in (plugin["i18n"] or {}).get("languages") or []
                    if isinstance(lang, dict) and lang.get("locale") not in (None, "null")]
    raise ValueError("mkdocs.yml has no i18n plugin with languages.")


def i18n_languages(config: dict) -> tuple[list[str], str, list[str]]:
    """(built languages, default language, configured languages that are not built)."""
    entries = language_entries(config)
    built = [lang["locale"] for lang in entries if lang.get("build", True) is not False]
    defaults = [lang["locale"] for lang in entries if lang.get("default")]
    if not defaults:
        raise ValueError("no language in mkdocs.yml's i18n plugin has 'default: true'.")
    return built, defaults[0], [lang["locale"] for lang in entries if lang["locale"] not in built]


def excluded(rel: str, patterns: list[str]) -> bool:
    """Whether a docs-relative path matches one of exclude_docs' gitignore-style patterns.

    Understands what this project uses: 'name/' (a folder anywhere), '/name/' (a top-level
    folder), globs such as '*.tmp' and '.*'. Negations ('!') are ignored.
    """
    parts = rel.split("/")
    for pattern in patterns:
        pattern = pattern.strip()
        if not pattern or pattern.startswith(("#", "!")):
            continue
        folder_only = pattern.endswith("/")
        core = pattern.strip("/")
        names = parts[:-1] if folder_only else parts
        if pattern.startswith("/") or "/" in core:  # anchored at docs_dir: match a leading path
            prefixes = ["/".join(parts[:n]) for n in range(1, len(names) + 1)]
            if any(fnmatch.fnmatchcase(prefix, core) for prefix in prefixes):
                return True
        elif any(fnmatch.fnmatchcase(name, core) for name in names):
            return True
    return False


def find_pages(docs_dir: Path, exclude_docs: str | None = None) -> list[str]:
    """Docs-relative paths of the Markdown pages MkDocs would build."""
    patterns = _DEFAULT_EXCLUDES + (exclude_docs or "").splitlines()
    found = (path.relative_to(docs_dir).as_posix() for path in Path(docs_dir).rglob("*.md"))
    return sorted(rel for rel in found if not excluded(rel, patterns))
