"""The Exempelstad fixture site (scripts/new_site.py in a copy of the project), served on
127.0.0.1: a reader answers a quiz, and search finds the site's own week page."""
from __future__ import annotations

import pytest

from conftest import Reader
from support import StaticServer
from test_search import search

pytestmark = pytest.mark.browser

SINGLE = "#gvi-quiz-gvi-vem-bjuds-in"


@pytest.fixture(scope="module")
def exempelstad_server(exempelstad):
    with StaticServer(exempelstad.result.site) as server:
        yield server


def test_a_quiz_and_search_work_on_the_new_site(browser, exempelstad_server):
    context = browser.new_context()
    reader = Reader(context, exempelstad_server.url)
    page = reader.page
    reader.goto(exempelstad_server.url + "strategi/vad-ar-gvi/")
    assert reader.visit.status == 200
    page.check(f"{SINGLE}-2")
    page.click(f"{SINGLE} .gvi-quiz__check")
    assert page.inner_text(f"{SINGLE} .gvi-quiz__status").strip() == "Rätt svar!"
    assert page.is_visible(f"{SINGLE} .gvi-quiz__explanation")
    # The answer is stored under the new site's own namespace, not the real site's.
    keys = page.evaluate("Object.keys(localStorage)")
    assert any(key.startswith("gvi-exempelstad:") for key in keys), keys
    assert not any(key.startswith("gvi-jarfalla") for key in keys), keys
    reader.goto(exempelstad_server.url + "en/")
    links = search(reader, "Exempelstad")
    assert any(link.split("#")[0] == exempelstad_server.url + "en/veckan/" for link in links), links
    assert reader.visit.problems() == []
    context.close()
