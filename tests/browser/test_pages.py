"""Every page, both languages, both colour schemes: loads clean, stays on this host, passes axe."""
from __future__ import annotations

import pytest

from conftest import Reader, axe_violations
from support import StaticServer, site_pages

pytestmark = pytest.mark.browser


def check_pages(browser, axe, base_url: str, paths: list[str], scheme: str) -> list[str]:
    context = browser.new_context(color_scheme=scheme)
    reader = Reader(context, base_url)
    problems = []
    for path in paths:
        visit = reader.goto(base_url + path)
        if visit.status != 200:
            problems.append(f"/{path}: HTTP {visit.status}")
        actual = reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        expected = "slate" if scheme == "dark" else "default"
        if actual != expected:
            problems.append(f"/{path}: colour scheme {actual}, expected {expected}")
        problems += [f"/{path}: {p}" for p in visit.problems()]
        problems += [f"/{path} [{scheme}]: {v}" for v in axe_violations(axe, reader.page)]
    context.close()
    return problems


def test_the_site_has_every_page_in_both_languages(site):
    pages = site_pages(site)
    swedish = [p for p in pages if not p.startswith("en/")]
    english = [p for p in pages if p.startswith("en/")]
    assert len(swedish) >= 9 and sorted("en/" + p for p in swedish) == sorted(english)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_clean_and_accessible(browser, axe, site, site_server, scheme):
    problems = check_pages(browser, axe, site_server.url, site_pages(site), scheme)
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_of_a_deployed_edition_with_its_version_selector(browser, axe, mike_site, scheme):
    edition = mike_site.served / mike_site.first
    paths = [f"{mike_site.first}/{p}" for p in site_pages(edition)] + ["latest/", "latest/en/"]
    with StaticServer(mike_site.served) as server:
        context = browser.new_context(color_scheme=scheme)
        reader = Reader(context, server.url)
        reader.goto(server.url + "latest/en/")
        selector = reader.page.locator(".md-version__current")
        assert selector.count() == 1, "the version selector is missing"
        context.close()
        problems = check_pages(browser, axe, server.url, paths, scheme)
    assert problems == []
