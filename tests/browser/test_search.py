"""Search as a reader uses it: type into the search box, read the results."""
from __future__ import annotations

import pytest

from conftest import Reader

pytestmark = pytest.mark.browser


def search(reader, query: str) -> list[str]:
    page = reader.page
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "")
    page.type("input.md-search__input", query, delay=20)
    page.wait_for_function(
        "q => document.querySelector('.md-search__input').value === q && "
        "(document.querySelectorAll('.md-search-result__item').length > 0 || "
        "/inga|no matching/i.test(document.querySelector('.md-search-result__meta').textContent))",
        arg=query)
    links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [link.split("?")[0] for link in links]


# Inflected forms: "gruppernas" and "budskapen" do not occur on the target pages as typed; only
# stemming the query ("grupp", "budskap") finds them.
@pytest.mark.parametrize("start, query, expected", [
    ("", "gruppernas", "strategi/vad-ar-gvi/"),
    ("", "budskapen", "ordlista/"),
    ("en/", "messengers", "en/ordlista/"),
    ("en/", "deterrence", "en/strategi/vad-ar-gvi/"),
])
def test_an_inflected_query_finds_its_page(browser, site_server, start, query, expected):
    reader = Reader(browser.new_context(), site_server.url)
    reader.goto(site_server.url + start)
    results = search(reader, query)
    assert results, f"no result for {query!r}"
    assert site_server.url + expected in results[:3], results[:5]
    assert reader.visit.problems() == []
    reader.page.context.close()


@pytest.mark.parametrize("start, query", [("", "samverkan"), ("", "call-in"), ("en/", "call-in"),
                                          ("en/", "samverkan")])
def test_results_are_in_the_readers_language_only(browser, site_server, start, query):
    reader = Reader(browser.new_context(), site_server.url)
    indexes = []
    reader.page.on("request", lambda r: indexes.append(r.url.rsplit("/", 1)[1]) if "search_index" in r.url else None)
    reader.goto(site_server.url + start)
    results = search(reader, query)
    assert indexes == [f"search_index.{'en' if start else 'sv'}.json"]  # only the reader's language
    assert results
    english = [r for r in results if r.startswith(site_server.url + "en/")]
    assert english == (results if start else []), results
    assert all("undefined" not in r for r in results), results
    reader.page.context.close()
