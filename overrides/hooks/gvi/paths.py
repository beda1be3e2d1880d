""""Min väg / My path": per role, the modules written for it in reading order, their minutes and
the total, the role's checklist and booklets, and where the reader has come (gvi-path.js reads the
quiz answers the quiz script stores). Built from curriculum.yml's roles and each module's `roles`
and `duration`, so a new role or module appears without code changes."""
from __future__ import annotations

import html
import posixpath

from .data import fill

MARKER = "<!-- gvi-paths -->"
ROLES_MARKER = "<!-- gvi-roles -->"  # the start page's role chooser, linking to each role's path


def plan(roles: dict, modules: list, checklists: dict) -> list[dict]:
    """Each role's path, in curriculum.yml's order.

    ``modules``: [(neutral path, section key, {lang: info})] in navigation order, where info has
    ``title``, ``duration``, ``quizzes`` and ``roles``; ``checklists``: {role: neutral path}.
    """
    out = []
    for role in roles:
        members = [(path, section, info) for path, section, info in modules
                   if role in (next(iter(info.values()), {}).get("roles") or [])]
        sections = list(dict.fromkeys(section for _, section, _ in members))
        out.append({"role": role, "modules": members, "checklist": checklists.get(role),
                    "sections": sections,
                    "minutes": sum(int(next(iter(i.values())).get("duration") or 0) for _, _, i in members)})
    return out


def _hours(minutes: int, lang: str) -> str:
    return f"{minutes / 60:.1f}".replace(".", "," if lang == "sv" else ".")


def chooser(paths: list[dict], roles: dict, lang: str, strings: dict, target: str) -> str:
    """The roles as large targets, each a link to ``target#role`` (``target``: the path page,
    relative to the page that shows the chooser; empty on the path page itself)."""
    label = html.escape(strings["path_choose"][lang])
    items = [f"- [{html.escape(roles[p['role']][lang])}]({target}#{p['role']})" for p in paths if p["modules"]]
    return "\n".join([f'<nav class="gvi-path-roles" aria-label="{label}" markdown>', "", *items, "", "</nav>"]) + "\n"


def render(paths: list[dict], roles: dict, section_titles: dict, page_uri: str, lang: str,
           strings: dict, booklet: str) -> str:
    """Markdown (with HTML blocks) for the path page at ``page_uri``: a role chooser, then one
    section per role with its id (``#polisen``). ``booklet``: a booklet's address relative to the
    page's own address, with ``{section}`` ("../utskrift/{section}-deltagare.html"): booklets are
    not pages, so the link is raw HTML that MkDocs does not rewrite."""
    def t(key: str, **values) -> str:
        return html.escape(fill(strings[key][lang], **values))

    here = posixpath.dirname(page_uri) or "."
    paths = [p for p in paths if p["modules"]]  # a role no module names yet has no path to show

    def link(path: str) -> str:
        return posixpath.relpath(path, here)

    out = [chooser(paths, roles, lang, strings, ""), ""]
    for p in paths:
        name = html.escape(roles[p["role"]][lang])
        out += [f'<div class="gvi-path" data-gvi-path="{p["role"]}" markdown>', ""]
        out += [f"## {name} {{#{p['role']}}}", ""]
        out += [t("path_summary", n=len(p["modules"]), minutes=p["minutes"], hours=_hours(p["minutes"], lang)), ""]
        out += [f'<p class="gvi-path__status" data-gvi-path-status hidden></p>', ""]
        rows = [f"| {t('path_number')} | {t('progress_module')} | {t('schedule_minutes')} | {t('progress_result')} |",
                "| ---: | --- | ---: | --- |"]
        for number, (path, _, info) in enumerate(p["modules"], 1):
            title, ids = info[lang]["title"].replace("|", "\\|"), info[lang]["quizzes"]
            result = (f'<span data-gvi-progress="{" ".join(ids)}">{t("progress_not_started")}</span>'
                      if ids else t("progress_no_quiz"))
            rows.append(f"| {number} | [{title}]({link(path)}) | {info[lang]['duration']} | {result} |")
        rows.append(f"| | **{t('path_total')}** | **{p['minutes']}** | |")
        # The modules' titles stay out of the search index: a search finds the modules themselves.
        out += ['<div class="gvi-path__modules" data-search-exclude markdown>', ""] + rows + ["", "</div>", ""]
        extra = []
        if p["checklist"]:
            extra.append(f"[{t('path_checklist')}]({link(p['checklist'])})")
        for section in p["sections"]:
            extra.append(f'<a href="{html.escape(fill(booklet, section=section))}">'
                         f'{t("path_booklet", section=html.escape(section_titles.get(section, section)))}</a>')
        if extra:
            out += [f"{t('path_more')}: " + " · ".join(extra), ""]
        out += ["</div>", ""]
    out += [f'<p class="gvi-path__print-note">{t("path_self_reported")}</p>', ""]
    return "\n".join(out)
