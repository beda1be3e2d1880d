"""Search as a reader uses it: type into the search box, read the results."""
from __future__ import annotations

import pytest

from conftest import Reader

pytestmark = pytest.mark.browser


def search(reader, query: str) -> list[str]:
    page = reader.page
    page.click("label.md-search__icon[for='__search']") if page.is_visible(
        "label.md-search__icon[for='__search']") else page.focus("input.md-search__input")
    page.fill("input.md-search__input", "")
    page.type("input.md-search__input", query, delay=20)
    page.wait_for_function(
        "document.querySelectorAll('.md-search-result__item').length > 0 || "
        "/inga|no matching/i.test(document.querySelector('.md-search-result__meta').textContent)")
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


# Inflected Swedish forms that do not occur on the target page as typed; only stemming finds them.
@pytest.mark.parametrize("query, expected", [
    ("gruppernas", "strategi/vad-ar-gvi/"),
])
def test_an_inflected_swedish_query_finds_its_page(browser, site_server, query, expected):
    reader = Reader(browser.new_context(), site_server.url)
    reader.goto(site_server.url)
    results = search(reader, query)
    assert results, f"no result for {query!r}"
    assert site_server.url + expected in results[:3], results[:5]
    assert reader.visit.problems() == []
    reader.page.context.close()
