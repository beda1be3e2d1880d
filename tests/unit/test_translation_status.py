"""scripts/translation_status.py: the pure status table, and real git repositories with fixed dates."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import translation_status as ts  # noqa: E402

LANGS = ["sv", "en"]
JAN, MAR = 1768046400, 1772452800  # 2026-01-10 and 2026-03-02, 12:00 UTC (same day in any zone)

MKDOCS = """\
site_name: Test
site_url: !ENV [SITE_URL, "https://example.org/"]
exclude_docs: |
  _data/
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: sv
          default: true
          name: Svenska
        - locale: en
          name: English
        - locale: fr
          name: Français
          build: false
"""


# The pure core --------------------------------------------------------------------------------


def test_status_finds_missing_outdated_orphaned_and_uncommitted():
    pages = {
        "index.md": JAN, "index.en.md": JAN,  # clean
        "a.md": MAR, "a.en.md": JAN,  # outdated
        "b.md": JAN,  # missing in English
        "c.en.md": JAN,  # orphaned: no Swedish source
        "d.de.md": JAN,  # orphaned: language not configured
        "e.fr.md": JAN,  # configured but not built: left alone
        "f.md": None, "f.en.md": JAN,  # not committed
    }
    rows = ts.status(pages, LANGS, "sv", not_built=["fr"])
    assert [(r.status, r.page) for r in rows] == [
        ("missing", "docs/b.en.md"),
        ("outdated", "docs/a.en.md"),
        ("orphaned", "docs/c.en.md"),
        ("orphaned", "docs/d.de.md"),
        ("not committed", "docs/f.md"),
    ]
    assert "'sv' changed 2026-03-02, 'en' last changed 2026-01-10" in rows[1].detail
    assert "docs/c.md does not exist" in rows[2].detail
    assert "language 'de' is not configured" in rows[3].detail
    assert ts.summary(rows, ts.count_pages(pages, LANGS, "sv", ["fr"])) == \
        "6 pages, 1 missing, 1 outdated, 2 orphaned"


def test_status_of_a_clean_site_is_empty():
    pages = {"index.md": MAR, "index.en.md": MAR, "x/y.md": JAN, "x/y.en.md": MAR}
    assert ts.status(pages, LANGS, "sv") == []


def test_config_loader_reads_env_and_python_tags(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    config = ts.load_config(tmp_path / "mkdocs.yml")
    assert config["site_url"] == "https://example.org/"
    assert ts.i18n_languages(config) == (["sv", "en"], "sv", ["fr"])
    monkeypatch.setenv("SITE_URL", "https://other.example/")
    assert ts.load_config(tmp_path / "mkdocs.yml")["site_url"] == "https://other.example/"


def test_the_real_project_config_is_readable():
    config = ts.load_config(ROOT / "mkdocs.yml")
    assert ts.i18n_languages(config) == (["sv", "en"], "sv", [])


def test_find_pages_leaves_out_excluded_files(tmp_path):
    for rel in ("index.md", "_data/snippets/s.md", ".hidden/x.md", "templates/t.md", "a/b.en.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert ts.find_pages(tmp_path, "_data/\n") == ["a/b.en.md", "index.md"]


# Real git repositories ------------------------------------------------------------------------


def git(repo: Path, *args: str, when: int | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(repo: Path, when: int, files: dict[str, str]) -> None:
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change", when=when)


@pytest.fixture
def repo(tmp_path):
    """A project in a fresh git repository: two pages in both languages, committed in January."""
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    git(tmp_path, "init", "-q")
    commit(tmp_path, JAN, {"index.md": "sv", "index.en.md": "en", "x/a.md": "sv", "x/a.en.md": "en",
                           "_data/snippets/s.md": "not a page"})
    return tmp_path


def run(capsys, root: Path, *args: str) -> tuple[int, str]:
    code = ts.main(["--root", str(root), *args])
    return code, capsys.readouterr().out


def test_clean_repository(repo, capsys):
    code, out = run(capsys, repo, "--check")
    assert code == 0
    assert "Every page exists in every language and is up to date." in out
    assert "2 pages, 0 missing, 0 outdated, 0 orphaned" in out


def test_outdated_translation_shows_both_dates(repo, capsys):
    commit(repo, MAR, {"x/a.md": "sv, changed"})
    code, out = run(capsys, repo, "--check")
    assert code == 1
    assert "outdated" in out and "docs/x/a.en.md" in out
    assert "'sv' changed 2026-03-02, 'en' last changed 2026-01-10" in out
    assert "2 pages, 0 missing, 1 outdated, 0 orphaned" in out
    assert run(capsys, repo)[0] == 0  # without --check: only a report

    write(repo, {"x/a.en.md": "en, being updated"})  # uncommitted: counts as changed now
    code, out = run(capsys, repo, "--check")
    assert code == 0 and "0 outdated" in out


def test_uncommitted_source_change_counts_as_now(repo, capsys):
    write(repo, {"index.md": "sv, changed but not committed"})
    code, out = run(capsys, repo, "--check")
    assert code == 1
    assert f"'sv' changed {date.today().isoformat()}, 'en' last changed 2026-01-10" in out


def test_missing_and_orphaned_pages(repo, capsys):
    commit(repo, MAR, {"x/b.md": "only Swedish", "x/c.en.md": "only English", "x/d.de.md": "German"})
    code, out = run(capsys, repo, "--check")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split() == ["STATUS", "PAGE", "DETAIL"]
    assert lines[1].startswith("missing ") and "docs/x/b.en.md" in lines[1]
    assert lines[2].startswith("orphaned ") and "docs/x/c.en.md" in lines[2]
    assert lines[3].startswith("orphaned ") and "docs/x/d.de.md" in lines[3]
    assert "5 pages, 1 missing, 0 outdated, 2 orphaned" in out


def test_new_uncommitted_files_are_reported_not_crashed_on(repo, capsys):
    write(repo, {"x/new.md": "sv", "x/new.en.md": "en"})
    code, out = run(capsys, repo, "--check")
    assert code == 0  # "not committed" is information, not a problem
    uncommitted = [line.split()[2] for line in out.splitlines() if line.startswith("not committed ")]
    assert uncommitted == ["docs/x/new.en.md", "docs/x/new.md"]
    assert "3 pages, 0 missing, 0 outdated, 0 orphaned" in out
    assert "2 file(s) not committed" in out


def test_outside_git_every_file_is_not_committed(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    write(tmp_path, {"index.md": "sv", "index.en.md": "en", "b.md": "sv"})
    code, out = run(capsys, tmp_path, "--check")
    assert code == 1  # the missing page still counts
    assert "1 missing" in out
    assert sum(line.startswith("not committed ") for line in out.splitlines()) == 3


def test_missing_config_exits_2(tmp_path, capsys):
    assert ts.main(["--root", str(tmp_path)]) == 2
    assert "mkdocs.yml does not exist" in capsys.readouterr().err
