"""The language switcher lands on the same page; a missing page gets a 404 in the reader's language."""
from __future__ import annotations

import pytest

from conftest import Reader, axe_violations, wait_for
from support import StaticServer, site_pages

pytestmark = pytest.mark.browser


def switch_links(reader) -> dict[str, str]:
    return reader.page.eval_on_selector_all(
        ".md-select__link[hreflang]", "links => Object.fromEntries(links.map(a => [a.hreflang, a.href]))")


def assert_switcher_stays_on_page(browser, base: str, prefix: str, paths: list[str]):
    reader = Reader(browser.new_context(), base)
    wrong = []
    for path in paths:
        reader.goto(base + prefix + path)
        neutral = path[3:] if path.startswith("en/") else path
        expected = {"sv": base + prefix + neutral, "en": base + prefix + "en/" + neutral}
        if switch_links(reader) != expected:
            wrong.append(f"{prefix}{path}: {switch_links(reader)}")
    reader.page.context.close()
    assert wrong == []


def test_switcher_on_every_page_of_the_plain_site(browser, site, site_server):
    assert_switcher_stays_on_page(browser, site_server.url, "", site_pages(site))


def test_switcher_under_an_edition_and_under_latest(browser, mike_site):
    paths = site_pages(mike_site.served / mike_site.first)
    with StaticServer(mike_site.served) as server:
        assert_switcher_stays_on_page(browser, server.url, mike_site.first + "/", paths)
        assert_switcher_stays_on_page(browser, server.url, "latest/", paths)


def test_a_reader_switches_language_with_the_keyboard(browser, site_server):
    reader = Reader(browser.new_context(), site_server.url)
    reader.goto(site_server.url + "strategi/vad-ar-gvi/")
    reader.page.focus(".gvi-lang button")
    reader.page.keyboard.press("Tab")  # into the list that opens on focus
    reader.page.keyboard.press("Tab")  # English
    assert reader.page.evaluate("document.activeElement.hreflang") == "en"
    with reader.page.expect_navigation():
        reader.page.keyboard.press("Enter")
    assert reader.page.url == site_server.url + "en/strategi/vad-ar-gvi/"
    assert reader.page.evaluate("document.documentElement.lang") == "en"
    reader.page.context.close()


def visit_404(browser, axe, base: str, path: str, lang: str, home: str):
    reader = Reader(browser.new_context(), base)
    visit = reader.goto(base + path)
    page = reader.page
    assert visit.status == 404
    assert visit.problems() == []
    assert page.evaluate("document.documentElement.lang") == lang
    heading = page.locator("section:not([hidden]) h1")
    assert heading.count() == 1
    assert heading.inner_text() == {"sv": "Sidan finns inte", "en": "Page not found"}[lang]
    wait_for(page, f"document.querySelector('section:not([hidden]) a').href === {base + home!r}")
    assert axe_violations(axe, page) == []
    page.click("section:not([hidden]) a")
    page.wait_for_load_state()
    assert page.url == base + home
    page.context.close()


@pytest.mark.parametrize("path, lang, home", [
    ("finns-inte/", "sv", ""),
    ("en/does-not-exist/", "en", "en/"),
    ("strategi/saknas.html", "sv", ""),
])
def test_404_in_the_readers_language(browser, axe, site_server, path, lang, home):
    visit_404(browser, axe, site_server.url, path, lang, home)


def test_404_under_editions_and_aliases(browser, axe, mike_site):
    first, second = mike_site.first, mike_site.second
    with StaticServer(mike_site.served) as server:
        visit_404(browser, axe, server.url, "latest/en/missing/", "en", "latest/en/")
        visit_404(browser, axe, server.url, f"{first}/saknas/", "sv", f"{first}/")
        visit_404(browser, axe, server.url, f"{first}/en/strategi/nope/", "en", f"{first}/en/")
        visit_404(browser, axe, server.url, "no-such-edition/en/x/", "en", f"{second}/en/")
