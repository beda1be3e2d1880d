"""gvi/editions.py: editions.yml, what changed between two editions, the page's Markdown, and git
read from real throw-away repositories (a full clone, a shallow clone, no repository at all)."""
from __future__ import annotations

import datetime
import subprocess

import pytest
import yaml

from gvi import editions
from support import ROOT, git, init_repo

LANGS = ["sv", "en"]
STRINGS = yaml.safe_load((ROOT / "docs/_data/strings.yml").read_text(encoding="utf-8"))

GOOD = """\
editions:
  - name: "2023-01"
    week: {sv: 23–26 januari 2023, en: 23–26 January 2023}
    date: 2023-01-23
    summary: {sv: Den första., en: The first.}
  - name: "2024-09"
    week: {sv: 9–12 september 2024, en: 9–12 September 2024}
    date: 2024-09-09
    summary: {sv: Den andra., en: The second.}
"""


def test_the_real_editions_file_is_valid_and_lists_the_current_edition():
    listed, problems = editions.parse((ROOT / "docs" / editions.FILE).read_text(encoding="utf-8"), LANGS)
    assert problems == []
    local = yaml.safe_load((ROOT / "docs/_data/local.yml").read_text(encoding="utf-8"))
    assert editions.check_edition(listed, local["week"]["edition"]) == []
    current = next(e for e in listed if e.name == local["week"]["edition"])
    assert current.week == local["week"]["dates"]  # the same dates as the local facts


def test_parse_good_file_oldest_first():
    listed, problems = editions.parse(GOOD.replace("2023-01", "2022-05").replace("2022-05-23", "2022-05-02"), LANGS)
    assert problems == []
    assert [e.name for e in listed] == ["2022-05", "2024-09"]
    assert listed[0].date == datetime.date(2022, 5, 2) and listed[0].line == 2 and listed[1].line == 6
    assert listed[1].tag == "edition-2024-09" and listed[1].summary["en"] == "The second."


@pytest.mark.parametrize("text, line, expected", [
    ("editions: [\n", 2, "not valid YAML"),
    ("other: 1\n", 1, "must hold a list 'editions:'"),
    (GOOD.replace('"2024-09"', '"2024-9"'), 6, "edition '2024-9': the name must be in the form YYYY-MM"),
    (GOOD.replace('"2024-09"', '"2023-01"').replace("2024-09-09", "2023-01-09"), 6, "is listed twice"),
    (GOOD.replace("2024-09-09", "2024-10-01"), 6, "'date' must be the week's first day, a date in 2024-09"),
    (GOOD.replace("2024-09-09", "soon"), 6, "'date' must be the week's first day"),
    (GOOD.replace(", en: The second.", ""), 6, "'summary' has no text for en"),
    (GOOD.replace("{sv: 9–12 september 2024, en: 9–12 September 2024}", "9 september"), 6,
     "'week' has no text for sv, en"),
])
def test_each_bad_entry_gets_one_line_with_file_and_line(text, line, expected):
    _, problems = editions.parse(text, LANGS)
    assert len(problems) == 1, problems
    message = str(problems[0])
    assert message.startswith(f"docs/_data/editions.yml:{line}: ") and expected in message, message
    assert " Fix: " in message


def test_check_edition_names_what_to_do():
    listed, _ = editions.parse(GOOD, LANGS)
    assert editions.check_edition(listed, "2024-09") == []
    assert "edition 2030-01 is not listed. Fix: add an entry" in str(editions.check_edition(listed, "2030-01")[0])
    assert "not in the form YYYY-MM" in str(editions.check_edition(listed, "latest")[0])
    assert editions.previous(listed, "2024-09").name == "2023-01" and editions.previous(listed, "2023-01") is None


def test_body_ignores_front_matter_and_trailing_spaces():
    assert editions.body("---\ntitle: A\n---\n\n# A  \nText\n") == editions.body("---\ntitle: B\n---\n# A\nText")
    assert editions.body("# A\nText\n") != editions.body("# A\nOther text\n")


def test_compare_added_changed_unchanged_in_navigation_order():
    modules = ["a.md", "b.md", "c.md", "d.md"]
    files = {m: m for m in modules}
    old = {"a.md": "---\nx: 1\n---\nSame\n", "b.md": "Old text\n", "d.md": "Old\n"}
    current = {"a.md": "---\nx: 2\n---\nSame\n", "b.md": "New text\n", "c.md": "Brand new\n", "d.md": "New\n"}
    result = editions.compare(modules, files, old, current)
    assert result.added == ["c.md"] and result.changed == ["b.md", "d.md"]


def render(name, result, lang="sv"):
    listed, _ = editions.parse(GOOD, LANGS)
    edition = next(e for e in listed if e.name == name)
    titles = {"strategi/a.md": "Modul A", "roller/b.md": "Modul B"}
    return editions.render(edition, [e for e in listed if e.name < name], result, titles, "", lang, STRINGS)


def test_render_changes_with_links_relative_to_the_page():
    text = render("2024-09", editions.Changes(["strategi/a.md"], ["roller/b.md"]))
    assert "## Utgåva 2024-09: 9–12 september 2024 {#den-har-utgavan}\n\nDen andra." in text
    assert "### Nya moduler sedan utgåva 2023-01 {#nya-moduler}\n\n- [Modul A](strategi/a.md)" in text
    assert "### Moduler med ändrad text sedan utgåva 2023-01 {#andrade-moduler}\n\n- [Modul B](roller/b.md)" in text
    assert "## Tidigare utgåvor {#tidigare-utgavor}\n\n### Utgåva 2023-01: 23–26 januari 2023" in text
    english = render("2024-09", editions.Changes([], []), "en")
    assert "### New modules since edition 2023-01 {#nya-moduler}\n\nNone." in english


def test_render_first_edition_and_missing_history():
    first = render("2023-01", None)
    assert "Det här är den första utgåvan." in first and "Tidigare utgåvor" not in first
    assert "byggdes utan git-historik" in render("2024-09", "no_git")
    no_tag = render("2024-09", "no_tag", "en")
    assert "without the previous edition's history (the git tag edition-2023-01)" in no_tag
    assert "{#nya-moduler}" not in no_tag


@pytest.fixture
def repo(tmp_path):
    """docs/ with two modules at tag edition-2023-01, then one changed and one added."""
    docs = tmp_path / "repo" / "docs"
    (docs / "s").mkdir(parents=True)
    (docs / "s" / "a.md").write_text("A then\n", encoding="utf-8")
    (docs / "s" / "b.md").write_text("B ändrad – åäö\n", encoding="utf-8")
    init_repo(docs.parent)
    git(docs.parent, "tag", "edition-2023-01")
    (docs / "s" / "a.md").write_text("A now\n", encoding="utf-8")
    (docs / "s" / "c.md").write_text("C\n", encoding="utf-8")
    git(docs.parent, "add", "-A")
    git(docs.parent, "commit", "-qm", "two")
    return docs


def test_read_tag_returns_the_texts_then(repo):
    snapshot = editions.read_tag(str(repo), "edition-2023-01", ["s/a.md", "s/b.md", "s/c.md"])
    assert snapshot.files == {"s/a.md": "A then\n", "s/b.md": "B ändrad – åäö\n"}


def test_read_tag_in_a_shallow_clone_without_the_tag(repo, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--no-tags", f"file://{repo.parent}", str(clone)],
                   check=True, capture_output=True)
    assert editions.read_tag(str(clone / "docs"), "edition-2023-01", ["s/a.md"]) == editions.Snapshot(None, "no_tag")


def test_read_tag_without_a_repository(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert editions.read_tag(str(tmp_path / "docs"), "edition-2023-01", ["a.md"]) == editions.Snapshot(None, "no_git")
