"""The fixture site: the fictional municipality Exempelstad, started with scripts/new_site.py in a
copy of the project and built strictly from the real curriculum."""
from __future__ import annotations

import html.parser
import re
import subprocess
import sys
from pathlib import Path

from support import ENV, Build, build, copy_project

# Clearly fictional: no such municipality or police district; .example is a reserved domain.
FLAGS = [
    "--municipality-sv", "Exempelstads kommun", "--municipality-en", "the municipality of Exempelstad",
    "--police-sv", "lokalpolisområde Exempelstad (påhittat)",
    "--police-en", "the Exempelstad local police district (fictional)",
    "--edition", "2027-03", "--first-day", "2027-03-08", "--dates-sv", "8–11 mars 2027", "--dates-en", "March 8–11, 2027",
    "--city", "Exempelstad", "--visits-sv", "Norra hamnen och Exempelstads bibliotek",
    "--visits-en", "Norra hamnen and the Exempelstad library",
    "--contact-email", "gvi@exempelstad.example",
    "--contact-name-sv", "GVI-samordnaren i Exempelstad",
    "--contact-name-en", "the GVI coordinator in Exempelstad",
    "--own-name", "Exempelstad", "--own-name", "Norra hamnen",
]
# The real site's own names: the fixture site may show them only inside marked examples.
REAL_SITE = re.compile(r"Upplands-Bro|Järfälla|Kungsängen")


def new_site(project: Path, *extra: str, flags=FLAGS) -> subprocess.CompletedProcess:
    """scripts/new_site.py, as a user runs it, on ``project``."""
    return subprocess.run([sys.executable, str(project / "scripts" / "new_site.py"), "Exempelstad",
                           "--root", str(project), "--no-input", *flags, *extra],
                          capture_output=True, text=True, env=ENV, cwd=project)


def make_site(dest: Path) -> tuple[Path, subprocess.CompletedProcess, Build]:
    project = copy_project(dest / "exempelstad")
    started = new_site(project)
    assert started.returncode == 0, started.stdout + started.stderr
    return project, started, build(project, project / "site")


class _Shown(html.parser.HTMLParser):
    """Text and attribute values that name the real site outside a marked example (a span with
    class gvi-example) or a sources list (the citations under a gvi-sources heading)."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is it an allowed area?
        self.found: list[str] = []
        self.examples = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        allowed = "gvi-example" in classes or "gvi-citations" in classes
        self.examples += "gvi-example" in classes
        inside = allowed or any(self.stack)
        for name, value in attrs:
            if value and REAL_SITE.search(value) and not inside and name != "href":
                self.found.append(f"<{tag} {name}>: {value[:100]}")
        if tag not in self.VOID:
            self.stack.append(allowed)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if REAL_SITE.search(data) and not any(self.stack):
            self.found.append(data.strip()[:120])


_SOURCES = re.compile(r'(<h[1-6][^>]*class="gvi-sources"[^>]*>.*?</h[1-6]>\s*)<ol>', re.S)


def shown_outside_examples(page_html: str) -> tuple[list[str], int]:
    """(what names the real site outside marked examples and source lists, number of examples)."""
    parser = _Shown()
    parser.feed(_SOURCES.sub(r'\1<ol class="gvi-citations">', page_html))
    return parser.found, parser.examples
