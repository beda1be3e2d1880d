"""The language switcher lands on the same page; a missing page gets a 404 in the reader's language."""
from __future__ import annotations

import pytest

from conftest import Reader, axe_violations, wait_for
from support import StaticServer, site_pages
from test_pages import switcher_problems

pytestmark = pytest.mark.browser


def test_switcher_under_latest(browser, mike_site):
    """Under the alias latest/ (the second edition) every page's language links stay under latest/.
    Under the edition's own name and on the plain site, the every-page pass checks them
    (test_pages.py check_pages)."""
    paths = ["latest/" + p for p in site_pages(mike_site.served / mike_site.second)]
    with StaticServer(mike_site.served) as server:
        context = browser.new_context()
        page = context.new_page()
        wrong = []
        for path in paths:
            # The links are in the page's HTML (gvi/links.py); the browser resolves them where the
            # page is. Its scripts and styles do not change them, so the check need not wait for them.
            response = page.goto(server.url + path, wait_until="domcontentloaded")
            if response is None or response.status != 200:
                wrong.append(f"/{path}: HTTP {response and response.status}")
            wrong += [f"/{path}: {p}" for p in switcher_problems(page, server.url, "latest/", path)]
        context.close()
    assert wrong == []


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
