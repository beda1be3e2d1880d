"""The offline bundle, unpacked and opened from file:// with no server and no network."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import wait_for
from support import ROOT, shared

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def bundle(tmp_path_factory):
    def make(folder):
        out = folder / "gvi-veckan-offline.zip"
        done = subprocess.run([sys.executable, str(ROOT / "scripts/offline.py"), "--out", str(out)],
                              capture_output=True, text=True)
        if done.returncode == 0:
            with zipfile.ZipFile(out) as archive:
                archive.extractall(folder / "unpacked")
        return done.returncode, done.stdout + done.stderr, (folder / "unpacked" / "gvi-veckan").as_uri() + "/"

    returncode, output, url = shared(tmp_path_factory, "offline", make)
    assert returncode == 0, output
    return url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.set_offline(True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: page.errors.append(f"failed: {r.url}"))
    page.on("request", lambda r: page.errors.append(f"network: {r.url}") if not r.url.startswith(("file:", "data:", "about:", "blob:")) else None)
    yield page
    assert page.errors == []
    context.close()


def search(page, query: str) -> list[str]:
    page.click("input.md-search__input")
    page.type("input.md-search__input", query, delay=20)
    wait_for(page, "document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href.split('?')[0])")


@pytest.mark.parametrize("start, query, expected", [
    ("index.html", "gruppernas", "strategi/vad-ar-gvi.html"),
    ("en/index.html", "messengers", "en/"),
])
def test_search_works_from_file_in_both_languages(bundle, page, start, query, expected):
    page.goto(bundle + start)
    results = search(page, query)
    assert results[0].startswith(bundle + expected), results[:3]
    english = [r for r in results if r.startswith(bundle + "en/")]
    assert english == (results if start.startswith("en/") else [])


def test_navigation_language_switch_quiz_and_presenter_from_file(bundle, page):
    page.goto(bundle + "index.html")
    page.click("article a[href='strategi/vad-ar-gvi.html']")
    assert page.url == bundle + "strategi/vad-ar-gvi.html"
    page.check("#gvi-quiz-gvi-vem-bjuds-in-2")
    page.click("#gvi-quiz-gvi-vem-bjuds-in .gvi-quiz__check")
    assert page.inner_text("#gvi-quiz-gvi-vem-bjuds-in .gvi-quiz__status") == "Rätt svar!"
    english = page.eval_on_selector(".md-select__link[hreflang=en]", "a => a.href")
    assert english == bundle + "en/strategi/vad-ar-gvi.html"
    page.goto(english)
    assert page.is_checked("#gvi-quiz-gvi-vem-bjuds-in-2"), "progress survives the language switch"
    page.click(".gvi-present__start")
    page.keyboard.press("ArrowRight")
    assert page.inner_text(".gvi-present__bar span:not(.gvi-present__clock)").startswith("Slide 2 of ")
    page.keyboard.press("Escape")
