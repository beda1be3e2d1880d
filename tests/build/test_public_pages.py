"""What every public-sector page carries: footer links to the accessibility statement and the about
page, a report link with the page's address, and a last-updated date from git (or none)."""
from __future__ import annotations

import re
import subprocess
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from support import ENV, GIT_ENV, build, copy_project, git, site_pages

FOOTER = {"sv": ["om/tillganglighet/", "om/webbplatsen/"], "en": ["om/tillganglighet/", "om/webbplatsen/"]}
SITE_URL = "https://gvi-veckan.example.org/"


def read(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def footer_targets(site, path) -> list[str]:
    """The footer links of one page, resolved to site paths."""
    html = read(site, path)
    block = re.search(r'<p class="gvi-footer-links">(.*?)</p>', html, re.S)
    assert block, f"/{path}: no footer links"
    import posixpath
    return [posixpath.normpath(posixpath.join("/" + path, href)).lstrip("/") + "/"
            for href in re.findall(r'href="([^"]+)"', block.group(1))]


def report(html: str) -> dict:
    href = unescape(re.search(r'class="gvi-page-facts__report"><a href="([^"]+)"', html).group(1))
    import yaml
    from support import ROOT, PUBLISHED_EMAIL
    own = yaml.safe_load((ROOT / "docs/_data/local.yml").read_text(encoding="utf-8"))["contact"]["email"]
    assert href.startswith((f"mailto:{own}?", f"mailto:{PUBLISHED_EMAIL}?"))  # the real site, or a deployable copy
    return {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def updated(html: str):
    found = re.search(r'class="gvi-page-facts__updated">([^<]+)<time datetime="([^"]+)">([^<]+)</time>', html)
    return found and (found.group(1), found.group(2), found.group(3))


def test_the_statement_and_about_pages_exist_in_both_languages(site):
    pages = site_pages(site)
    for path in ("om/tillganglighet/", "om/webbplatsen/"):
        assert path in pages and "en/" + path in pages
    assert "<h1" in read(site, "om/tillganglighet/") and "delvis förenlig" in read(site, "om/tillganglighet/")
    assert "partially compliant" in read(site, "en/om/tillganglighet/")
    assert 'data-gvi-erase' in read(site, "om/webbplatsen/") and 'data-gvi-erase' in read(site, "en/om/webbplatsen/")
    assert "gvi-privacy.js" in read(site, "om/webbplatsen/")
    others = [p for p in pages if "om/webbplatsen/" not in p]
    assert not [p for p in others if "gvi-privacy.js" in read(site, p)], "the erase script loads only on its page"


def test_every_page_links_both_pages_in_its_own_language_from_the_footer(site):
    for path in site_pages(site):
        prefix = "en/" if path.startswith("en/") else ""
        assert footer_targets(site, path) == [prefix + t for t in FOOTER["en" if prefix else "sv"]], path
        for target in footer_targets(site, path):
            assert (site / target / "index.html").exists()


def test_every_report_link_carries_the_page_title_and_address(site):
    for path in site_pages(site):
        html = read(site, path)
        fields = report(html)
        # The page's own title, as in the browser tab: "<title>Om call-in - GVI-veckan</title>".
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).rsplit(" - ", 1)[0].strip()
        assert SITE_URL + path in fields["body"], path
        assert title in fields["subject"] and title in fields["body"], (path, title, fields)
        word = "Address" if path.startswith("en/") else "Adress"
        assert f"{word}: {SITE_URL}{path}\r\n" in fields["body"]


def test_a_copy_without_git_builds_and_shows_no_date(site_build, site):
    # The session's site is built from a copy with no .git (as from a tarball).
    assert "no git history here" in site_build.output
    assert not [p for p in site_pages(site) if 'gvi-page-facts__updated' in read(site, p)]


def commit(repo, message, date):
    git(repo, "add", "-A")
    done = subprocess.run(["git", "commit", "-qm", message], cwd=repo, capture_output=True, text=True,
                          env={**ENV, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def dated_repo(tmp_path_factory):
    """A throw-away git repository: everything on 5 March 2024, the English trainer page changed on
    7 June 2025 (23:30 UTC, already 8 June in Sweden), the Swedish start page on 1 August 2025."""
    repo = copy_project(tmp_path_factory.mktemp("dated"))
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "content", "2024-03-05T10:00:00+01:00")
    page = repo / "docs" / "utbildare.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(repo, "English trainer page", "2025-06-07T23:30:00+00:00")
    page = repo / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(repo, "Swedish start page", "2025-08-01T12:00:00+02:00")
    return repo


def test_the_date_comes_from_git_for_each_language_file(dated_repo, tmp_path):
    result = build(dated_repo, tmp_path / "site")
    assert result.returncode == 0, result.output
    site = result.site
    assert updated(read(site, "utbildare/")) == ("Senast uppdaterad: ", "2024-03-05", "5 mars 2024")
    assert updated(read(site, "en/utbildare/")) == ("Last updated: ", "2025-06-08", "June 8, 2025")
    assert updated(read(site, "en/")) == ("Last updated: ", "2024-03-05", "March 5, 2024")
    assert updated(read(site, "")) == ("Senast uppdaterad: ", "2025-08-01", "1 augusti 2025")
    assert updated(read(site, "om/tillganglighet/"))[1] == "2024-03-05"


def test_a_shallow_clone_builds_and_dates_only_what_it_knows(dated_repo, tmp_path):
    clone = tmp_path / "clone"
    done = subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{dated_repo}", str(clone)],
                          capture_output=True, text=True, env=ENV)
    assert done.returncode == 0, done.stderr
    result = build(clone, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "shallow clone" in result.output and "fetch-depth: 0" in result.output
    # The last two commits are there. The newest dates the file it changed; the older one is the
    # clone's boundary, which looks as if it added every file: no date is guessed from it.
    assert updated(read(result.site, ""))[1] == "2025-08-01"
    assert updated(read(result.site, "en/utbildare/")) is None
    assert updated(read(result.site, "utbildare/")) is None


def test_report_links_under_a_mike_edition_name_the_edition_address(mike_site):
    site = mike_site.served / mike_site.first
    fields = report(read(site, "en/utbildare/"))
    assert f"Address: {SITE_URL}{mike_site.first}/en/utbildare/\r\n" in fields["body"]
    assert f"Adress: {SITE_URL}{mike_site.first}/utbildare/" in report(read(site, "utbildare/"))["body"]
    assert footer_targets(site, "en/utbildare/") == ["en/om/tillganglighet/", "en/om/webbplatsen/"]


def test_the_404_page_links_both_pages_in_each_language(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    for prefix in ("", "en/"):
        for target in FOOTER["en" if prefix else "sv"]:
            assert f'href="/{prefix}{target}"' in html
            assert (site / prefix / target / "index.html").exists()
