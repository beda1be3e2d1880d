"""Search as a reader uses it: type into the search box, read the results."""
from __future__ import annotations

import re

import pytest

from conftest import Reader, wait_for

pytestmark = pytest.mark.browser


def search(reader, query: str) -> list[str]:
    page = reader.page
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "")
    page.type("input.md-search__input", query, delay=20)
    wait_for(page,
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


# Search on demand -----------------------------------------------------------------------------
SEARCH_FILES = re.compile(r"search_index|/workers/|/lunr/")


@pytest.mark.parametrize("path", ["", "en/", "strategi/vad-ar-gvi/", "en/checklistor/polisen/"])
def test_a_page_load_makes_no_search_request_until_the_reader_shows_intent(browser, site_server, path):
    reader = Reader(browser.new_context(), site_server.url)
    requests = []
    reader.page.on("request", lambda r: requests.append(r.url))
    reader.goto(site_server.url + path)
    reader.page.mouse.wheel(0, 400)
    reader.page.wait_for_timeout(300)
    assert [u for u in requests if SEARCH_FILES.search(u)] == []
    reader.page.keyboard.press("/")  # Material's search key
    reader.page.wait_for_selector("#gvi-search-meta:not(:empty)")
    reader.page.wait_for_load_state("networkidle")
    assert any("search_index" in u for u in requests) and any("gvi-search.js" in u for u in requests)
    assert reader.visit.problems() == []
    reader.page.context.close()


def test_a_q_in_the_address_starts_search(browser, site_server):
    reader = Reader(browser.new_context(), site_server.url)
    reader.goto(site_server.url + "en/?q=probation")
    reader.page.wait_for_selector(".md-search-result__item")
    assert site_server.url + "en/roller/kriminalvarden/" in search_links(reader.page)[:3]
    reader.page.context.close()


def search_links(page) -> list[str]:
    return [h.split("#")[0].split("?")[0] for h in page.eval_on_selector_all(".md-search-result__item > a", "as => as.map(a => a.href)")]


@pytest.mark.parametrize("start, query, expected, loading", [
    ("", "gruppernas", "strategi/vad-ar-gvi/", "Initialiserar sök"),
    ("en/", "probation", "en/roller/kriminalvarden/", "Initializing search"),
])
def test_typing_before_the_index_arrives_is_answered_when_it_does(browser, site_server, start, query,
                                                                  expected, loading):
    context = browser.new_context()
    held = []
    context.route("**/search/search_index.*.json", lambda route: held.append(route))
    reader = Reader(context, site_server.url)
    page = reader.page
    reader.goto(site_server.url + start)
    meta = page.locator("#gvi-search-meta")
    assert meta.get_attribute("aria-live") == "polite" and meta.get_attribute("role") == "status"
    assert meta.inner_text() == ""  # nothing to announce before intent
    page.click("input.md-search__input")
    page.type("input.md-search__input", query, delay=20)
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the index was never requested"
    # The index is held back: the reader's words wait in the box, the live region says "loading".
    page.wait_for_timeout(300)
    assert meta.inner_text() == loading
    assert page.input_value("input.md-search__input") == query
    assert page.locator(".md-search-result__item").count() == 0
    held[0].continue_()
    page.wait_for_selector(".md-search-result__item")
    assert site_server.url + expected in search_links(page)[:3]
    assert re.search(r"\d", meta.inner_text()), meta.inner_text()  # "12 matchande dokument"
    assert reader.visit.problems() == []
    context.close()


def test_no_quiz_answer_feedback_or_button_label_appears_in_results(browser, site, site_server):
    page_html = (site / "strategi/vad-ar-gvi/index.html").read_text(encoding="utf-8")
    forms = re.findall(r'<form[^>]*class="gvi-quiz".*?</form>', page_html, re.S)
    assert forms

    def texts(cls):
        return [re.sub(r"<[^>]+>|\s+", " ", t).strip()
                for f in forms for t in re.findall(rf'class="{cls}"[^>]*>(.*?)</(?:div|button|summary)>', f, re.S)]
    labels = {t for t in texts("md-button[^\"]*gvi-quiz__check") + texts("md-button gvi-quiz__retry")} | {"Visa svar"}
    feedback = texts("gvi-quiz__feedback") + texts("gvi-quiz__explanation")
    assert labels and feedback
    reader = Reader(browser.new_context(), site_server.url)
    reader.goto(site_server.url + "strategi/vad-ar-gvi/")
    page = reader.page
    page.click("input.md-search__input")
    queries = sorted(labels) + [" ".join(f.split()[:4]) for f in feedback]
    for query in queries:
        page.fill("input.md-search__input", "")
        page.type("input.md-search__input", query, delay=5)
        wait_for(page, "q => document.querySelector('.md-search__input').value === q", arg=query)
        page.wait_for_timeout(250)
        items = page.eval_on_selector_all(".md-search-result__item",
                                          "els => els.map(e => [e.querySelector('a').href, e.innerText])")
        for href, shown in items:
            for text in sorted(labels) + feedback:
                # A page may name a button in its own words (the privacy page tells how to clear
                # answers with "Försök igen"); what must never show is the quiz's own text.
                assert text not in shown or quoted_in_prose(site, href[len(site_server.url):], text), \
                    f"{query!r}: a result for {href} shows the quiz's {text!r}"
    reader.page.context.close()


def quoted_in_prose(site, href: str, text: str) -> bool:
    """Whether the page's own text, its quizzes left out, holds ``text``."""
    path = href.split("#")[0].split("?")[0]
    html = (site / path / "index.html").read_text(encoding="utf-8")
    html = re.sub(r'<form[^>]*class="gvi-quiz".*?</form>', " ", html, flags=re.S)
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return text in " ".join(re.sub(r"<[^>]+>", " ", html).split())
