"""The about page's erase button, used as a reader would: answers and ticks made by the real quiz
and checklist, then erased by keyboard; another site's keys on the same host stay. And axe on the
statement and about pages."""
from __future__ import annotations

import pytest
import yaml

from conftest import Reader, axe_violations, wait_for
from support import ROOT
from test_checklists import boxes, tick
from test_search import search

pytestmark = pytest.mark.browser

QUIZ_PAGE, QUIZ = "strategi/vad-ar-gvi/", "#gvi-quiz-gvi-vem-bjuds-in"
CHECKLIST = "checklistor/polisen/"
FOREIGN = {"another-site:quiz:x": '{"v":1}', "/another-site/.__palette": '{"index":1}',
           "gvi-jarfalla-upplands-bro-old:check:x": "{}"}


def site_id() -> str:
    return yaml.safe_load((ROOT / "docs/_data/local.yml").read_text(encoding="utf-8"))["site"]["id"]


def keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage)).sort()")


@pytest.fixture
def reader(browser, site_server):
    reader = Reader(browser.new_context(), site_server.url)
    reader.base = site_server.url
    yield reader
    assert reader.visit.problems() == []
    reader.page.context.close()


def seed(reader):
    """Answer a quiz and tick a checklist item with the real components; add other sites' keys."""
    page = reader.page
    reader.goto(reader.base + QUIZ_PAGE)
    page.check(f"{QUIZ}-2")
    page.click(f"{QUIZ} .gvi-quiz__check")
    reader.goto(reader.base + CHECKLIST)
    tick(page, 0)
    for key, value in FOREIGN.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])
    page.evaluate("k => sessionStorage.setItem(k, '1')", site_id() + ":probe")  # both stores are ours
    ns = site_id() + ":"
    ours = [k for k in keys(page) if k.startswith(ns) or k.startswith("/.__")]
    assert f"{ns}quiz:gvi-vem-bjuds-in" in ours and f"{ns}check:polisen" in ours and "/.__palette" in ours
    return ours


def test_the_erase_button_removes_every_site_key_and_nothing_else(reader):
    page = reader.page
    ours = seed(reader)
    reader.goto(reader.base + "om/webbplatsen/")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.focus(".gvi-erase__button")
    page.keyboard.press("Enter")
    wait_for(page, "document.querySelector('.gvi-erase__status').textContent !== ''")
    assert dialogs and "ta bort allt" in dialogs[0]
    # Material writes the colour scheme again as soon as a page loads; the rest is gone for good.
    status = page.inner_text(".gvi-erase__status")
    assert status == f"Klart. {len(ours)} sparade uppgifter är borttagna från den här webbläsaren."
    left = keys(page)
    assert not [k for k in left if k.startswith(site_id() + ":")]
    assert "/.__palette" not in left
    assert all(key in left for key in FOREIGN)
    # The quiz and the checklist show empty afterwards.
    reader.goto(reader.base + QUIZ_PAGE)
    assert page.inner_text(f"{QUIZ} .gvi-quiz__status").strip() == ""
    assert page.is_visible(f"{QUIZ} .gvi-quiz__check") and not page.is_checked(f"{QUIZ}-2")
    reader.goto(reader.base + CHECKLIST)
    assert not boxes(page).nth(0).is_checked()
    assert page.inner_text(".gvi-checklist__total").startswith("0 av ")


def test_cancelling_removes_nothing_and_says_so_in_english(reader):
    page = reader.page
    seed(reader)
    before = keys(page)
    reader.goto(reader.base + "en/om/webbplatsen/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click(".gvi-erase__button")
    assert page.inner_text(".gvi-erase__status") == "Nothing was removed."
    assert keys(page) == before
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".gvi-erase__button")
    assert page.inner_text(".gvi-erase__status").startswith("Done. ")
    page.evaluate("localStorage.removeItem('/.__palette')")  # as if the reader had no palette key
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".gvi-erase__button")
    assert page.inner_text(".gvi-erase__status") == "This site had nothing stored in your browser."


def test_without_javascript_the_page_says_how_to_erase(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "om/webbplatsen/")
    assert page.is_visible(".gvi-erase__nojs") and not page.is_visible(".gvi-erase__button")
    assert "webbläsarens inställningar" in page.inner_text(".gvi-erase__nojs")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_statement_and_about_pages_pass_axe(browser, axe, site_server, scheme):
    reader = Reader(browser.new_context(color_scheme=scheme), site_server.url)
    problems = []
    for path in ("om/tillganglighet/", "en/om/tillganglighet/", "om/webbplatsen/", "en/om/webbplatsen/"):
        reader.goto(site_server.url + path)
        problems += [f"/{path}: {v}" for v in axe_violations(axe, reader.page)]
        if "webbplatsen" in path:  # and after erasing, with the status message shown
            reader.page.once("dialog", lambda dialog: dialog.accept())
            reader.page.click(".gvi-erase__button")
            wait_for(reader.page, "document.querySelector('.gvi-erase__status').textContent")
            # The button keeps the pointer's hover colour while its transition runs; move away
            # and let it finish, as a reader's screen does, before axe measures contrast.
            reader.page.mouse.move(0, 0)
            wait_for(reader.page, "document.querySelector('.gvi-erase').getAnimations({subtree: true})"
                                          ".every(a => a.playState !== 'running')")
            # What changed is the erase block (its status line), so axe checks it again. Not the whole
            # page: Material's header tabs fade back in after the scroll to the button, and axe
            # catches them mid-fade (4:1 for a moment), which is not what a reader sees.
            problems += [f"/{path} after erasing: {v}" for v in axe_violations(axe, reader.page, ".gvi-erase")]
    assert problems == [] and reader.visit.problems() == []
    reader.page.context.close()


def test_the_about_page_lists_every_key_the_site_writes_and_there_are_no_cookies(reader):
    """Use every component (quiz, progress, checklist, presenter, search, colour toggle, language
    switch); every key left in storage must match a row of the about page's table."""
    page = reader.page
    seed(reader)
    page.evaluate("k => sessionStorage.removeItem(k)", site_id() + ":probe")  # ours, not the site's
    reader.goto(reader.base + "framsteg/")
    reader.goto(reader.base + QUIZ_PAGE)
    page.click(".gvi-present__start")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    search(reader, "polisen")
    page.keyboard.press("Escape")
    page.click("label.md-header__button[for^=__palette]:visible")
    reader.goto(page.eval_on_selector(".md-select__link[hreflang=en]", "a => a.href"))
    html = reader.page.context.request.get(reader.base + "om/webbplatsen/").text()
    documented = [f"{site_id()}:quiz:", f"{site_id()}:check:", "/.__palette"]
    for pattern in documented:
        assert f"<code>{pattern}</code>" in html
    stored = [k for k in keys(page) if k not in FOREIGN]
    assert stored and [k for k in stored if not k.startswith(tuple(documented))] == []
    assert page.context.cookies() == []


def test_the_statement_says_what_the_axe_runs_check(site):
    """axe's landmark-unique rule (best practice) runs with every other rule on every page
    (tests/browser/conftest.py axe_violations, test_pages.py): the statement says so, in both
    languages. If the rule has to be turned off again, this fails: update docs/om/tillganglighet.md
    (Kända brister)."""
    for page, words in (("om/tillganglighet/index.html", ("ingår i testerna av varje sida", "inräknad")),
                        ("en/om/tillganglighet/index.html", ("part of the tests of every page", "included"))):
        statement = (site / page).read_text(encoding="utf-8")
        assert "landmark-unique" in statement and all(w in statement for w in words), page
    conftest = (ROOT / "tests/browser/conftest.py").read_text(encoding="utf-8")
    assert "landmark-unique" not in conftest and '"best-practice"' in conftest
