"""mkdocs.yml's settings against what the installed MkDocs and plugins know: a misspelt setting
(``fallback_to_defualt``) gets its line and the nearest name. MkDocs itself warns without a line and
then ignores the setting, so the plugin runs on its default. Used by the content check and the build
(gvi/checks.py)."""
from __future__ import annotations

import difflib
import logging
import os
import re
import sys

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugins

from . import yamltext
from .problems import Problem


def unknown_options(text: str, path: str = "mkdocs.yml") -> list[Problem]:
    """Each setting of mkdocs.yml (``text``) that MkDocs, the theme's or a named plugin's schema does
    not know, and each plugin that is not installed, with its line."""
    try:
        root = yamltext.compose(text)
    except yaml.YAMLError:
        return []  # said by the loader, with its line
    if not isinstance(root, yaml.MappingNode):
        return []

    def check(mapping: yaml.Node, scheme, where: str) -> list:
        if not isinstance(mapping, yaml.MappingNode):
            return []
        known = dict(scheme)
        found = []
        for key, value in mapping.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else ""
            if name not in known:
                near = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
                found.append(Problem(path, key.start_mark.line + 1, f"{where} has no setting '{name}': MkDocs "
                                     "ignores it and uses the default.",
                                     (f"write '{near[0]}'" if near else f"use one of {', '.join(sorted(known))}")
                                     + " (or delete the line)."))
                continue
            option = known[name]
            inner = getattr(option, "option_type", None)
            config_class = getattr(inner, "config_class", None)
            if config_class is not None and isinstance(value, yaml.SequenceNode):
                for item in value.value:  # e.g. the i18n plugin's languages
                    found += check(item, config_class._schema, f"{where}, an entry of '{name}',")
        return found

    problems = check(root, MkDocsConfig._schema, path)
    top = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}
    theme = top.get("theme")
    if isinstance(theme, yaml.MappingNode):
        theme = next((v for k, v in theme.value if k.value == "name"), None)
    theme_name = theme.value if isinstance(theme, yaml.ScalarNode) else None
    plugins = top.get("plugins")
    items = plugins.value if isinstance(plugins, (yaml.SequenceNode, yaml.MappingNode)) else []
    installed = get_plugins()
    for item in items:
        key, options = ((item, None) if isinstance(item, yaml.ScalarNode)
                        else item if isinstance(item, tuple)
                        else item.value[0] if isinstance(item, yaml.MappingNode) and len(item.value) == 1
                        else (None, None))
        if not isinstance(key, yaml.ScalarNode):
            continue
        name = key.value
        if "/" not in name and theme_name and f"{theme_name}/{name}" in installed:
            name = f"{theme_name}/{name}"  # as MkDocs picks a theme's own plugin
        if name not in installed:
            near = difflib.get_close_matches(key.value, list(installed), n=1, cutoff=0.6)
            problems.append(Problem(path, key.start_mark.line + 1, f"no plugin '{key.value}' is installed.",
                                    (f"write '{near[0]}'" if near else "add it to requirements.txt")
                                    + " (or delete the plugin)."))
            continue
        if options is not None and not (isinstance(options, yaml.ScalarNode) and options.value in ("", "null", "~")):
            scheme = getattr(installed[name].load(), "config_scheme", ())
            problems += check(options, scheme, f"the plugin '{key.value}'")
    return problems


_WARNING = re.compile(r"^Config value '[^']+': .*Unrecognised configuration name: (?P<name>\S+)$")


class LineFilter(logging.Filter):
    """MkDocs' own warning of an unknown setting ("Config value 'plugins': Plugin 'i18n' option
    'fallback_to_defualt': Unrecognised configuration name: …") rewritten as the line
    ``unknown_options`` gives: file, line and fix. Installed on the 'mkdocs.config' logger when the
    hooks are imported, which MkDocs does while it validates the config, before it logs the
    warnings; the config file is the one MkDocs' load_config is reading."""

    def filter(self, record: logging.LogRecord) -> bool:
        found = _WARNING.match(record.getMessage())
        path = _config_being_loaded() if found else None
        if path:
            try:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                return True
            for problem in unknown_options(text, os.path.basename(path)):  # as the build names it
                if f"setting '{found['name']}'" in problem.message:
                    record.msg, record.args = str(problem), ()
                    break
        return True


def _config_being_loaded() -> str | None:
    frame = sys._getframe(1)
    while frame is not None:
        config = frame.f_locals.get("cfg") if frame.f_code.co_name == "load_config" else None
        if config is not None:
            return getattr(config, "config_file_path", None)
        frame = frame.f_back
    return None


def install() -> None:
    """Once per logger: a reloaded hook module replaces its filter."""
    logger = logging.getLogger("mkdocs.config")
    for old in [f for f in logger.filters if type(f).__name__ == LineFilter.__name__]:
        logger.removeFilter(old)
    logger.addFilter(LineFilter())
