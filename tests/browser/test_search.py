"""Search as a reader uses it: type into the search box, read the results."""
from __future__ import annotations

import re

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


def page_text(site, url: str, base: str) -> str:
    path = url[len(base):].split("#")[0]
    return re.sub(r"<[^>]+>", " ", (site / path / "index.html").read_text(encoding="utf-8")).lower()


# Inflected forms that do not occur on the pages they should find: only stemming the query
# ("gruppernas" -> "grupp", "sanctioned" -> "sanction") finds those pages.
@pytest.mark.parametrize("start, query, stem, expected", [
    ("", "gruppernas", "grupp", "strategi/vad-ar-gvi/"),
    ("", "budskapen", "budskap", None),
    ("", "kallelserna", "kallelse", None),
    ("en/", "sanctioned", "sanction", None),
    ("en/", "partnerships", "partnership", None),
    ("en/", "deterrents", "deterrence", None),
])
def test_an_inflected_query_finds_pages_with_other_forms(browser, site, site_server, start, query, stem, expected):
    reader = Reader(browser.new_context(), site_server.url)
    reader.goto(site_server.url + start)
    results = search(reader, query)
    assert results, f"no result for {query!r}"
    top = list(dict.fromkeys(results))[:3]
    only_other_forms = [r for r in top if query not in page_text(site, r, site_server.url)
                        and stem in page_text(site, r, site_server.url)]
    assert only_other_forms, f"{query!r}: the top results {top} all contain the word as typed"
    if expected:
        assert site_server.url + expected in top, top
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
