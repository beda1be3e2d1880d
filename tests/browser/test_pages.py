"""Every page, both languages, both colour schemes: loads clean, stays on this host, passes axe, and
its language switcher leads to the same page in the other language.

One visit per page does it all (issue 23): the page loads in the scheme the reader's system asks for,
is checked, and is then switched to the other scheme with the header's palette toggle, as a reader
would, and checked again. axe sees the same DOM in both schemes; the colours are what changes.
Each site's pages are split by language so that the two pytest-xdist workers share the load."""
from __future__ import annotations

import pytest

from conftest import Reader, axe_violations, wait_for
from support import StaticServer, site_pages

pytestmark = pytest.mark.browser

SCHEME = {"light": "default", "dark": "slate"}  # the system's preference -> Material's scheme
OTHER = {"light": "dark", "dark": "light"}
TOGGLE = "label.md-header__button[for^=__palette]:visible"


def switch_links(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        ".md-select__link[hreflang]", "links => Object.fromEntries(links.map(a => [a.hreflang, a.href]))")


def switcher_problems(page, base: str, prefix: str, path: str) -> list[str]:
    """The language links of a page under ``prefix`` ('' or an edition's 'NAME/'): each leads to the
    same page in its language."""
    rest = path[len(prefix):]
    neutral = rest[3:] if rest.startswith("en/") else rest
    expected = {"sv": base + prefix + neutral, "en": base + prefix + "en/" + neutral}
    found = switch_links(page)
    return [] if found == expected else [f"language switcher {found}, expected {expected}"]


def scheme_now(page) -> str:
    return {v: k for k, v in SCHEME.items()}.get(page.evaluate(
        "document.body.getAttribute('data-md-color-scheme')"), "unknown")


def check_pages(browser, axe, base_url: str, paths: list[str], first_scheme: str,
                switcher: str | None = None) -> list[str]:
    """Visit every path once: status, requests, console, and axe in both colour schemes; with
    ``switcher`` (a prefix), the language links of every path under it."""
    context = browser.new_context(color_scheme=first_scheme)
    reader = Reader(context, base_url)
    page = reader.page
    problems = []
    expected = first_scheme  # the first page follows the system; later ones the reader's last choice
    for path in paths:
        visit = reader.goto(base_url + path)
        if visit.status != 200:
            problems.append(f"/{path}: HTTP {visit.status}")
        scheme = scheme_now(page)
        if scheme != expected:
            problems.append(f"/{path}: colour scheme {scheme}, expected {expected}")
        if switcher is not None and path.startswith(switcher):
            problems += [f"/{path}: {p}" for p in switcher_problems(page, base_url, switcher, path)]
        problems += [f"/{path} [{scheme}]: {v}" for v in axe_violations(axe, page)]
        other = OTHER.get(scheme, "light")
        page.emulate_media(color_scheme=other)
        page.click(TOGGLE)
        wait_for(page, f"document.body.getAttribute('data-md-color-scheme') === {SCHEME[other]!r}",
                 timeout=5000)
        problems += [f"/{path} [{other}]: {v}" for v in axe_violations(axe, page)]
        problems += [f"/{path}: {p}" for p in visit.problems()]  # the load and the toggle
        expected = other
    context.close()
    return problems


def halves(paths: list[str], lang: str) -> list[str]:
    return [p for p in paths if p.startswith("en/") == (lang == "en")]


def test_the_site_has_every_page_in_both_languages(site):
    pages = site_pages(site)
    swedish = [p for p in pages if not p.startswith("en/")]
    english = [p for p in pages if p.startswith("en/")]
    assert len(swedish) >= 9 and sorted("en/" + p for p in swedish) == sorted(english)


# Swedish pages start in the light scheme, English ones in the dark: both first loads are checked.
@pytest.mark.parametrize("lang, first_scheme", [("sv", "light"), ("en", "dark")])
def test_every_page_is_clean_and_accessible(browser, axe, site, site_server, lang, first_scheme):
    paths = halves(site_pages(site), lang)
    assert check_pages(browser, axe, site_server.url, paths, first_scheme, switcher="") == []


@pytest.mark.parametrize("lang, first_scheme", [("sv", "light"), ("en", "dark")])
def test_every_page_of_a_deployed_edition_with_its_version_selector(browser, axe, mike_site, lang,
                                                                    first_scheme):
    """The first edition's pages (and the alias latest/, the second edition), the version selector
    in their header. The language links are checked under the edition; under latest/ by
    test_language_and_404.py."""
    edition = mike_site.served / mike_site.first
    paths = [f"{mike_site.first}/{p}" for p in halves(site_pages(edition), lang)]
    paths += ["latest/"] if lang == "sv" else ["latest/en/"]
    with StaticServer(mike_site.served) as server:
        context = browser.new_context()
        reader = Reader(context, server.url)
        reader.goto(server.url + paths[-1])
        assert reader.page.locator(".md-version__current").count() == 1, "the version selector is missing"
        context.close()
        problems = check_pages(browser, axe, server.url, paths, first_scheme,
                               switcher=f"{mike_site.first}/")
    assert problems == []
