"""The "Mina framsteg / My progress" table: every module in nav order, filled in by gvi-quiz.js."""
from __future__ import annotations

import html
import posixpath

MARKER = "<!-- gvi-progress -->"


def table(modules: list, page_uri: str, lang: str, strings: dict) -> str:
    """Markdown for the progress table on the page at ``page_uri`` (a neutral docs path).

    ``modules``: [(neutral path, {lang: (title, [quiz ids])})] in navigation order.
    """
    def t(key: str) -> str:
        return html.escape(strings[key][lang])

    rows = [f"| {t('progress_module')} | {t('progress_questions')} | {t('progress_result')} |",
            "| --- | ---: | --- |"]
    here = posixpath.dirname(page_uri)
    for neutral, versions in modules:
        title, ids = versions.get(lang, ("", []))
        link = posixpath.relpath(neutral, here or ".")
        title = title.replace("|", "\\|")
        result = (f'<span data-gvi-progress="{" ".join(ids)}">{t("progress_not_started")}</span>'
                  if ids else t("progress_no_quiz"))
        rows.append(f"| [{title}]({link}) | {len(ids)} | {result} |")
    button = (f'<p><button type="button" class="md-button" data-gvi-progress-reset hidden>'
              f'{t("progress_reset")}</button></p>\n<p role="status" data-gvi-progress-status></p>')
    return "\n".join(rows) + "\n\n" + button + "\n"
