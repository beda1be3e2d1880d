"""The page and module schema for front matter (DESIGN.md, "Module anatomy")."""
from __future__ import annotations

import difflib
import unicodedata
import re

from .frontmatter import FrontMatter
from .problems import Problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """'Vad är GVI?' -> 'vad-ar-gvi' (a site id, a hint for a rejected slug)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
PAGE_KEYS = {"title", "description", "kind", "hide", "tags", "sources", "icon", "search",
             "legal_checked"}
CHECKLIST_KEYS = PAGE_KEYS | {"role"}
CHECKLIST_SECTION = "checklistor"
MODULE_REQUIRED = ("id", "title", "duration", "audience", "roles", "sources")
MODULE_KEYS = PAGE_KEYS | set(MODULE_REQUIRED)
# Keys whose values are identifiers: they must be the same in every language of a page.
SHARED_KEYS = ("kind", "id", "duration", "audience", "roles", "sources", "role", "legal_checked")
MAX_DURATION = 8 * 60


def is_checklist_path(neutral_uri: str) -> bool:
    """Pages in checklistor/ (other than its index page) are role checklists."""
    parts = neutral_uri.split("/")
    return len(parts) == 2 and parts[0] == CHECKLIST_SECTION and parts[1] != "index.md"


def is_module_path(neutral_uri: str, module_sections: list[str]) -> bool:
    """Pages inside a module section (other than its index page) are modules."""
    parts = neutral_uri.split("/")
    return len(parts) > 1 and parts[0] in module_sections and parts[-1] != "index.md"


def _keys_list(fm: FrontMatter, path: str, key: str, known: dict, what: str) -> list[Problem]:
    value = fm.meta.get(key)
    line = fm.line_of(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return [Problem(path, line, f"'{key}' must be a non-empty list of {what} keys.",
                        f"write for example '{key}: [{next(iter(known), 'key')}]'.")]
    unknown = [v for v in value if v not in known]
    if unknown:
        if len(known) > 20:  # the bibliography: name the closest keys, not all of them
            close = difflib.get_close_matches(unknown[0], list(known), n=3)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            return [Problem(path, line, f"unknown {what} {', '.join(repr(u) for u in unknown)} in '{key}'.",
                            f"{hint}Use a key defined in docs/_data/sources.yml or docs/_data/sources/*.yml, "
                            "or add the source there (title, publisher, year, address).")]
        return [Problem(path, line, f"unknown {what} {', '.join(repr(u) for u in unknown)} in '{key}'.",
                        f"use one of: {', '.join(sorted(known))} (defined in docs/_data/).")]
    return []


def validate(fm: FrontMatter, path: str, is_module: bool, *, roles: dict, audiences: dict,
             sources: dict, is_checklist: bool = False) -> list[Problem]:
    """Problems with one page's front matter, each naming the key's line."""
    problems: list[Problem] = []
    kind = fm.meta.get("kind")
    if is_module and not fm.meta:  # one line, not one per missing key
        return [Problem(path, 1, "this page is in a module section but has no front matter.",
                        "add the module front matter: kind, id, title, duration, audience, roles, "
                        "sources (scripts/new_module.py writes it; AUTHORING.md, A module).")]
    if kind not in (None, "module", "checklist"):
        problems.append(Problem(path, fm.line_of("kind"), f"unknown kind {kind!r}.",
                                "use 'kind: module', 'kind: checklist' or leave 'kind' out."))
    if kind == "checklist" or is_checklist:
        return problems + _checklist(fm, path, is_checklist, roles=roles, sources=sources)
    module = is_module or kind == "module"
    if is_module and kind is None:
        problems.append(Problem(path, 1, "pages in a module section are modules but this one "
                                "lacks 'kind: module'.",
                                "add the module front matter (scripts/new_module.py shows it)."))
    allowed = MODULE_KEYS if module else PAGE_KEYS
    for key in fm.meta:
        if key not in allowed:
            problems.append(Problem(path, fm.line_of(key), f"unknown front matter key '{key}'.",
                                    f"use only: {', '.join(sorted(allowed))}."))
    if "sources" in fm.meta or module:
        if "sources" not in fm.meta:
            problems.append(Problem(path, 1, "module has no 'sources'.",
                                    "list the keys of its sources from docs/_data/sources.yml."))
        else:
            problems += _keys_list(fm, path, "sources", sources, "source")
    if not module:
        return problems
    for key in MODULE_REQUIRED:
        if key not in fm.meta and key != "sources":
            problems.append(Problem(path, 1, f"module has no '{key}'.", _REQUIRED_FIX[key]))
    module_id = fm.meta.get("id")
    if "id" in fm.meta and (not isinstance(module_id, str) or not SLUG.match(module_id)):
        problems.append(Problem(path, fm.line_of("id"), f"module id {module_id!r} is not a slug.",
                                "use lower-case ASCII letters, digits and single hyphens, "
                                "e.g. 'gvi-grunder'."))
    duration = fm.meta.get("duration")
    if "duration" in fm.meta and (not isinstance(duration, int) or isinstance(duration, bool)
                                  or not 1 <= duration <= MAX_DURATION):
        problems.append(Problem(path, fm.line_of("duration"),
                                f"duration {duration!r} is not a whole number of minutes from 1 "
                                f"to {MAX_DURATION}.",
                                f"write the minutes as a number from 1 to {MAX_DURATION}."))
    if "roles" in fm.meta:
        problems += _keys_list(fm, path, "roles", roles, "role")
    if "audience" in fm.meta:
        problems += _keys_list(fm, path, "audience", audiences, "audience")
    return problems


_REQUIRED_FIX = {
    "id": "add a stable, language-neutral 'id' (a slug such as 'gvi-grunder').",
    "title": "add a 'title'.",
    "duration": "add 'duration' in minutes.",
    "audience": "add 'audience' (keys from docs/_data/curriculum.yml).",
    "roles": "add 'roles' (keys from docs/_data/curriculum.yml).",
}


def compare_shared(source: FrontMatter, source_path: str,
                   translation: FrontMatter, translation_path: str) -> list[Problem]:
    """Identifiers in front matter must not change in translation."""
    problems = []
    for key in SHARED_KEYS:
        a, b = source.meta.get(key), translation.meta.get(key)
        if a != b:
            problems.append(Problem(translation_path, translation.line_of(key),
                                    f"'{key}' is {b!r} here but {a!r} in {source_path}.",
                                    f"'{key}' holds identifiers shared by both languages: make "
                                    "them equal."))
    return problems


def duplicate_ids(modules: list[tuple[str, FrontMatter]]) -> list[Problem]:
    """Module ids are unique across the site (per language)."""
    seen: dict[str, str] = {}
    problems = []
    for path, fm in modules:
        module_id = fm.meta.get("id")
        if not isinstance(module_id, str):
            continue
        if module_id in seen:
            problems.append(Problem(path, fm.line_of("id"),
                                    f"module id '{module_id}' is already used by {seen[module_id]}.",
                                    "give each module its own id."))
        else:
            seen[module_id] = path
    return problems


def _checklist(fm: FrontMatter, path: str, in_section: bool, *, roles: dict, sources: dict) -> list[Problem]:
    problems = []
    if in_section and fm.meta.get("kind") != "checklist":
        problems.append(Problem(path, 1, "pages in checklistor/ are role checklists but this one "
                                "lacks 'kind: checklist'.", "add 'kind: checklist' and 'role: …'."))
    for key in fm.meta:
        if key not in CHECKLIST_KEYS:
            problems.append(Problem(path, fm.line_of(key), f"unknown front matter key '{key}'.",
                                    f"use only: {', '.join(sorted(CHECKLIST_KEYS))}."))
    role = fm.meta.get("role")
    if role is None:
        problems.append(Problem(path, 1, "checklist has no 'role'.",
                                f"add 'role: …', one of: {', '.join(sorted(roles))}."))
    elif role not in roles:
        problems.append(Problem(path, fm.line_of("role"), f"unknown role {role!r}.",
                                f"use one of: {', '.join(sorted(roles))} (defined in docs/_data/)."))
    if "sources" not in fm.meta:
        problems.append(Problem(path, 1, "checklist has no 'sources'.",
                                "list the keys of its sources from docs/_data/sources.yml."))
    else:
        problems += _keys_list(fm, path, "sources", sources, "source")
    return problems
