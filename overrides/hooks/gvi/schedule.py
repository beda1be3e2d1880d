"""The week page's schedule: every module's duration, per section, summed at build time."""
from __future__ import annotations

import html

from .data import fill

MARKER = "<!-- gvi-schedule -->"


def table(sections: list, lang: str, strings: dict) -> str:
    """Markdown tables, one per section: module, minutes, and the sums.

    ``sections``: [(section title, [(module title, link, minutes)])] in navigation order.
    """
    def t(key: str, **values) -> str:
        return html.escape(fill(strings[key][lang], **values))

    out, total = [], 0
    for section, modules in sections:
        if not modules:
            continue
        minutes = sum(m for _, _, m in modules)
        total += minutes
        out += [f"| {t('schedule_module')} | {t('schedule_minutes')} |", "| --- | ---: |"]
        out += [f"| [{title.replace('|', chr(92) + '|')}]({link}) | {m} |" for title, link, m in modules]
        out += [f"| **{t('schedule_section_total', section=section)}** | **{minutes}** |", ""]
    hours = f"{total / 60:.1f}".replace(".", "," if lang == "sv" else ".")
    out.append(f"**{t('schedule_total')}:** {t('schedule_hours', minutes=total, hours=hours)}")
    return "\n".join(out) + "\n"


MODULES_MARKER = "<!-- gvi-modules -->"


def module_list(modules: list, lang: str, strings: dict) -> str:
    """A Markdown list of a section's modules: [(title, link, minutes, description)]."""
    unit = strings["modules_minutes"][lang]
    lines = []
    for title, link, minutes, description in modules:
        line = f"- [{title}]({link}) ({unit.replace('{n}', str(minutes))})"
        lines.append(line + (f" – {description}" if description else ""))
    return "\n".join(lines) + "\n"
