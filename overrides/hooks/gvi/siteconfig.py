"""mkdocs.yml read without MkDocs: for the tools that run outside a build (the content check, the
Zensical trial). Tags are kept: `!ENV [NAME, default]` gives the default (or $NAME when set) and
`!!python/name:x` stays a name that is written back as it was."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path

import yaml


class PythonName(str):
    """A `!!python/name:x` value."""


class Loader(yaml.SafeLoader):
    pass


class Dumper(yaml.SafeDumper):
    pass


def _env(loader, node):
    names = loader.construct_sequence(node)
    return next((os.environ[n] for n in names[:-1] if isinstance(n, str) and n in os.environ), names[-1])


Loader.add_constructor("!ENV", _env)
Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PythonName(suffix))
Dumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(
    f"tag:yaml.org,2002:python/name:{value}", ""))


def read(path: Path) -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=Loader)


def write(config: dict, path: Path) -> None:
    Path(path).write_text(yaml.dump(config, Dumper=Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def i18n_languages(config: dict) -> list[dict]:
    """The languages of the i18n plugin: the one place the site's languages are listed."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise ValueError("mkdocs.yml: no i18n plugin with languages. Fix: restore the plugins section from git.")


def pages(docs_dir: Path, exclude_docs: str = "") -> list[str]:
    """The Markdown pages under docs_dir, as MkDocs finds them: no dot-files or dot-folders, and
    nothing that an `exclude_docs` line (folder/ or glob) names."""
    patterns = [line.strip() for line in (exclude_docs or "").splitlines() if line.strip()
                and not line.strip().startswith("#")]
    found = []
    for path in sorted(Path(docs_dir).rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if any(rel.startswith(p.strip("/") + "/") if p.endswith("/") else fnmatch.fnmatch(rel, p.lstrip("/"))
               for p in patterns):
            continue
        found.append(rel)
    return found
