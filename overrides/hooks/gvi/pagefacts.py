"""The facts under every page: when it was last updated (from git), and a link to report an error.

The date is the last commit that touched the page's own file (x.md for Swedish, x.en.md for
English). Without git, or for a file whose last change lies beyond a shallow clone's boundary,
the date is unknown and the page shows none: a build date would claim an update that never
happened. Pure functions, except `git_dates`, which runs one `git log`.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import subprocess
from dataclasses import dataclass
from urllib.parse import quote
from zoneinfo import ZoneInfo

from babel.dates import format_date

from .data import fill

TIMEZONE = ZoneInfo("Europe/Stockholm")
_COMMIT = "\x00commit "


@dataclass(frozen=True)
class GitDates:
    dates: dict  # docs-relative path ('strategi/budskapet.en.md') -> datetime.date
    note: str = ""  # why some or all dates are missing ('' when none is)


def parse_log(log: str, shallow: set) -> dict:
    """`git log --format=%x00commit %H %cI --name-only` -> {path: date of its latest commit}.

    A file whose latest commit is a shallow clone's boundary has no known date: the boundary
    commit looks as if it added every file.
    """
    dates: dict = {}
    for block in log.split(_COMMIT)[1:]:
        header, _, names = block.partition("\n")
        sha, _, stamp = header.strip().partition(" ")
        when = dt.datetime.fromisoformat(stamp).astimezone(TIMEZONE).date()
        for name in names.split("\n"):
            name = name.strip()
            if name and name not in dates:
                dates[name] = None if sha in shallow else when
    return {name: when for name, when in dates.items() if when is not None}


def git_dates(docs_dir: str) -> GitDates:
    """The last commit date of every file under docs_dir, or an empty map and the reason."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", docs_dir, *args], capture_output=True, text=True,
                              encoding="utf-8", check=False)
        if done.returncode:
            raise RuntimeError(done.stderr.strip() or f"git {args[0]} failed")
        return done.stdout

    try:
        git("rev-parse", "--is-inside-work-tree")
        shallow_file = git("rev-parse", "--git-path", "shallow").strip()
        log = git("log", "--relative", "--no-renames", "--name-only",
                  "--format=%x00commit %H %cI", "--", ".")
    except (OSError, RuntimeError):
        return GitDates({}, "no git history here (a tarball or a copy): pages show no "
                            "'last updated' date")
    shallow_path = shallow_file if os.path.isabs(shallow_file) else os.path.join(docs_dir, shallow_file)
    shallow = set()
    if os.path.exists(shallow_path):
        with open(shallow_path, encoding="ascii") as handle:
            shallow = {line.strip() for line in handle if line.strip()}
    note = ("a shallow clone: pages last changed before its first commit show no 'last updated' "
            "date (clone with full history, e.g. actions/checkout fetch-depth: 0)") if shallow else ""
    return GitDates(parse_log(log, shallow), note)


def format_day(day: dt.date, lang: str) -> str:
    """'5 mars 2024' (sv), 'March 5, 2024' (en): the reader's language's long date."""
    return format_date(day, format="long", locale=lang)


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) with every reserved character of subject and body escaped."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")  # RFC 6068: line breaks are CRLF
    return (f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"
            f"&body={quote(body, safe='')}")


def page_facts(*, lang: str, title: str, url: str, day: dt.date | None, contact: dict,
               strings: dict) -> dict:
    """What the template shows under a page: the date line and the report link."""
    def s(key: str) -> str:
        return strings[key][lang]

    facts = {"report_text": s("report_error"),
             "report_href": mailto(contact["email"], fill(s("report_subject"), title=title),
                                   fill(s("report_body"), title=title, url=url))}
    if day is not None:
        facts.update(updated_label=s("last_updated"), updated_iso=day.isoformat(),
                     updated_text=format_day(day, lang))
    return facts


# The footer of every page links these (strings.yml key, page address below the language root).
FOOTER_PAGES = (("footer_accessibility", "om/tillganglighet/"), ("footer_about", "om/webbplatsen/"))

# "<!-- gvi-erase -->" in a page becomes the erase button (gvi-privacy.js gives it life).
ERASE_MARKER = "<!-- gvi-erase -->"


def erase_block(strings: dict, lang: str) -> str:
    """The erase control: a no-JavaScript text, and a button and status line the script shows."""
    def s(key: str) -> str:
        return html.escape(strings[key][lang], quote=True)

    data = " ".join(f'data-{key.replace("_", "-")}="{s(key)}"'
                    for key in ("erase_confirm", "erase_done", "erase_none", "erase_cancelled"))
    return (f'<div class="gvi-erase" data-gvi-erase {data}>\n'
            f'<p class="gvi-erase__nojs">{s("erase_nojs")}</p>\n'
            f'<p hidden><button type="button" class="md-button gvi-erase__button">{s("erase_button")}</button></p>\n'
            f'<p class="gvi-erase__status" role="status"></p>\n'
            f'</div>\n')
