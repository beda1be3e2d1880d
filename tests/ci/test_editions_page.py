"""The page "Nytt i den här utgåvan" / "New in this edition" in two real tagged editions (deployed by
deploy.yml's steps, see conftest.py), and in a build from a tarball with no git history."""
from __future__ import annotations

import html
import re

from deploy_support import ADDED, CHANGED, FIRST, SECOND, UNCHANGED

from support import build, export_branch

TITLES = {"sv": {ADDED: "GVI i Sverige", CHANGED: "Budskapet och hur det förs fram", UNCHANGED: "Vad är GVI?"},
          "en": {ADDED: "GVI in Sweden", CHANGED: "The message and how it is delivered",
                 UNCHANGED: "What is GVI?"}}
PREFIX = {"sv": "", "en": "en/"}


def article(path) -> str:
    page = path.read_text(encoding="utf-8")
    return re.search(r"<article.*?</article>", page, re.S).group(0)


def listed(page: str, heading_id: str) -> list[tuple[str, str]]:
    """(link, title) of the list right after the heading with this id."""
    part = page.split(f'id="{heading_id}"', 1)[1].split("<h", 1)[0]
    return [(href, html.unescape(re.sub("<[^>]+>", "", text)))
            for href, text in re.findall(r'<li><a href="([^"]+)">(.*?)</a></li>', part)]


def text_of(page: str) -> str:
    inline = re.sub(r"</?(abbr|a|em|strong|code|span)\b[^>]*>", "", page)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inline)))


def test_second_edition_lists_the_added_and_the_changed_module_in_each_language(deploys):
    for lang, titles in TITLES.items():
        page = article(deploys.served / SECOND / PREFIX[lang] / "nytt" / "index.html")
        assert listed(page, "nya-moduler") == [(f"../{ADDED}/", titles[ADDED])], lang
        assert listed(page, "andrade-moduler") == [(f"../{CHANGED}/", titles[CHANGED])], lang
        assert titles[UNCHANGED] not in text_of(page)  # unchanged modules are not listed


def test_second_edition_page_has_its_summary_and_the_earlier_edition(deploys):
    sv = text_of(article(deploys.served / SECOND / "nytt" / "index.html"))
    assert "Utgåva 2024-09: 9–12 september 2024 (test)" in sv and "Testutgåva 2024-09." in sv
    assert "Nya moduler sedan utgåva 2023-01" in sv and "Moduler med ändrad text sedan utgåva 2023-01" in sv
    assert "Tidigare utgåvor" in sv and "Utgåva 2023-01: 23–26 januari 2023" in sv
    assert "Den första utgåvan, till GVI-veckan i Stockholm" in sv
    en = text_of(article(deploys.served / SECOND / "en" / "nytt" / "index.html"))
    assert "New modules since edition 2023-01" in en and "Earlier editions" in en
    assert "The first edition, for the GVI week in Stockholm" in en


def test_links_on_the_page_lead_to_the_modules(deploys):
    for lang in PREFIX:
        root = deploys.served / SECOND / PREFIX[lang]
        for href, _ in listed(article(root / "nytt" / "index.html"), "nya-moduler"):
            assert (root / "nytt" / href / "index.html").resolve().exists(), href


def test_first_edition_says_it_is_the_first(deploys):
    sv = text_of(article(deploys.served / FIRST / "nytt" / "index.html"))
    assert "Utgåva 2023-01: 23–26 januari 2023" in sv
    assert "Det här är den första utgåvan. Det finns ingen tidigare utgåva att jämföra med." in sv
    assert "Tidigare utgåvor" not in sv
    en = text_of(article(deploys.served / FIRST / "en" / "nytt" / "index.html"))
    assert "This is the first edition. There is no earlier edition to compare it with." in en


def test_page_is_in_the_navigation_in_both_languages(deploys):
    """In the tab 'Veckan och mer / The week and more', beside the week's page (issue 22)."""
    for lang, title in (("sv", "Nytt i den här utgåvan"), ("en", "New in this edition")):
        week = (deploys.served / SECOND / PREFIX[lang] / "veckan" / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="\.\./nytt/"[^>]*>\s*(<[^>]+>\s*)*{title}', week), lang


def test_a_tarball_without_git_says_so_instead_of_failing(deploys, tmp_path):
    export_branch(deploys.origin.work, f"edition-{SECOND}", tmp_path / "project")
    done = build(tmp_path / "project", tmp_path / "site", {"MIKE_DOCS_VERSION": SECOND,
                                                           "GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert done.returncode == 0, done.output
    sv = text_of(article(tmp_path / "site" / "nytt" / "index.html"))
    assert ("Den här kopian av webbplatsen byggdes utan git-historik. Därför saknas listan över nya och "
            "ändrade moduler sedan utgåva 2023-01.") in sv
    assert "Testutgåva 2024-09." in sv and "Tidigare utgåvor" in sv
    en = text_of(article(tmp_path / "site" / "en" / "nytt" / "index.html"))
    assert "This copy of the site was built without git history" in en
