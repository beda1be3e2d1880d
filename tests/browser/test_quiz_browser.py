"""Quizzes as a reader meets them: by mouse, by keyboard, after a reload, in the other language."""
from __future__ import annotations

import pytest

from conftest import Reader, axe_violations

pytestmark = pytest.mark.browser

MODULE = "strategi/vad-ar-gvi/"
SINGLE = "#gvi-quiz-gvi-vem-bjuds-in"
MULTI = "#gvi-quiz-gvi-budskapets-delar"


@pytest.fixture
def reader(browser, site_server):
    context = browser.new_context()
    reader = Reader(context, site_server.url)
    reader.base = site_server.url
    reader.goto(site_server.url + MODULE)
    yield reader
    assert reader.visit.problems() == []
    context.close()


def text(reader, selector):
    return reader.page.inner_text(selector).strip()


def test_a_wrong_answer_shows_its_feedback_and_the_explanation(reader):
    page = reader.page
    page.check(f"{SINGLE}-1")
    page.click(f"{SINGLE} .gvi-quiz__check")
    assert text(reader, f"{SINGLE} .gvi-quiz__status") == "Inte riktigt. Läs förklaringen och försök igen."
    assert page.is_visible(f"{SINGLE}-1-fb") and "Inte nödvändigtvis" in text(reader, f"{SINGLE}-1-fb")
    assert text(reader, f"{SINGLE}-1-mark") == "Fel"
    assert page.eval_on_selector(f"{SINGLE} details", "d => d.open")
    assert page.is_visible(f"{SINGLE} .gvi-quiz__retry") and not page.is_visible(f"{SINGLE} .gvi-quiz__check")
    assert text(reader, ".gvi-quiz-score span") == "0 av 4 rätt på den här sidan"


def test_a_right_answer_shows_the_explanation_and_counts_in_the_score(reader):
    page = reader.page
    page.check(f"{SINGLE}-2")
    page.click(f"{SINGLE} .gvi-quiz__check")
    assert text(reader, f"{SINGLE} .gvi-quiz__status") == "Rätt svar!"
    assert text(reader, f"{SINGLE}-2-mark") == "Rätt"
    assert page.is_visible(f"{SINGLE} .gvi-quiz__explanation")
    assert text(reader, ".gvi-quiz-score span") == "1 av 4 rätt på den här sidan"


def test_multiple_choice_needs_every_right_option(reader):
    page = reader.page
    for n in (1, 2):
        page.check(f"{MULTI}-{n}")
    page.click(f"{MULTI} .gvi-quiz__check")
    assert text(reader, f"{MULTI} .gvi-quiz__status").startswith("Inte riktigt")
    assert text(reader, f"{MULTI}-3-mark") == "Rätt, men inte valt"
    page.click(f"{MULTI} .gvi-quiz__retry")
    assert text(reader, f"{MULTI} .gvi-quiz__status") == ""
    for n in (1, 2, 3):
        page.check(f"{MULTI}-{n}")
    page.click(f"{MULTI} .gvi-quiz__check")
    assert text(reader, f"{MULTI} .gvi-quiz__status") == "Rätt svar!"


def test_keyboard_only(reader):
    page = reader.page
    page.focus(f"{SINGLE}-1")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # moves to option 2 without answering
    assert page.evaluate("document.activeElement.id") == "gvi-quiz-gvi-vem-bjuds-in-2"
    assert text(reader, f"{SINGLE} .gvi-quiz__status") == ""
    assert page.is_visible(f"{SINGLE} .gvi-quiz__check")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className").startswith("md-button md-button--primary gvi-quiz__check")
    page.keyboard.press("Enter")
    assert text(reader, f"{SINGLE} .gvi-quiz__status") == "Rätt svar!"
    assert page.evaluate("document.activeElement.className").startswith("gvi-quiz__status")
    assert page.get_attribute(f"{SINGLE} .gvi-quiz__status", "role") == "status"
    # Checkboxes: arrows move between options without ticking them.
    page.focus(f"{MULTI}-1")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "gvi-quiz-gvi-budskapets-delar-2"
    assert not page.is_checked(f"{MULTI}-2")
    page.keyboard.press("Space")
    assert page.is_checked(f"{MULTI}-2")


def test_state_survives_reload_and_language_switch_and_resets(reader):
    page = reader.page
    page.check(f"{SINGLE}-1")
    page.click(f"{SINGLE} .gvi-quiz__check")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.is_checked(f"{SINGLE}-1") and text(reader, f"{SINGLE}-1-mark") == "Fel"
    reader.goto(reader.base + "en/" + MODULE)
    assert page.is_checked(f"{SINGLE}-1") and text(reader, f"{SINGLE}-1-mark") == "Wrong"
    assert text(reader, ".gvi-quiz-score span") == "0 of 4 right on this page"
    reader.goto(reader.base + "en/framsteg/")
    assert text(reader, "[data-gvi-progress]") == "0 of 4 right"
    page.click(".gvi-quiz-score button, [data-gvi-progress-reset]")
    assert text(reader, "[data-gvi-progress]") == "Not started"
    reader.goto(reader.base + MODULE)
    assert not page.is_checked(f"{SINGLE}-1") and page.locator(".gvi-quiz__mark").count() == 0
    page.check(f"{SINGLE}-2")
    page.click(f"{SINGLE} .gvi-quiz__check")
    page.click(".gvi-quiz-score button")  # "Börja om" on the page
    assert page.locator(".gvi-quiz__mark").count() == 0
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':quiz:')).length") == 0


def test_corrupt_or_foreign_storage_is_ignored(reader):
    page = reader.page
    page.evaluate("""() => {
        const ns = JSON.parse(document.getElementById('gvi-ui').textContent).ns;
        localStorage.setItem(ns + ':quiz:gvi-vem-bjuds-in', '{not json');
        localStorage.setItem(ns + ':quiz:gvi-budskapets-delar', JSON.stringify({v: 1, chosen: [9], right: true}));
        localStorage.setItem(ns + ':quiz:gvi-regeringsuppdraget', JSON.stringify({v: 2, chosen: [1], right: 'yes'}));
        localStorage.setItem(ns + ':quiz:gvi-malmo-utvardering', '[1, 2]');
    }""")
    reader.goto(reader.base + MODULE)
    assert page.locator(".gvi-quiz__mark").count() == 0
    assert text(reader, ".gvi-quiz-score span") == "0 av 4 rätt på den här sidan"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_before_and_after_answering(browser, axe, site_server, scheme):
    reader = Reader(browser.new_context(color_scheme=scheme), site_server.url)
    reader.goto(site_server.url + MODULE)
    assert axe_violations(axe, reader.page, "form.gvi-quiz") == []
    for form, option in ((SINGLE, 1), (MULTI, 2), ("#gvi-quiz-gvi-regeringsuppdraget", 2)):
        reader.page.check(f"{form}-{option}")
        reader.page.click(f"{form} .gvi-quiz__check")
    reader.page.mouse.move(0, 0)
    reader.page.wait_for_timeout(400)  # let Material's 125 ms colour transitions settle
    assert axe_violations(axe, reader.page) == []
    reader.page.hover(f"{MULTI} .gvi-quiz__retry")  # and the hover colours pass too
    reader.page.wait_for_timeout(400)
    assert axe_violations(axe, reader.page, f"{MULTI} .gvi-quiz__actions") == []
    assert reader.visit.problems() == []
    reader.page.context.close()


def test_readable_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + MODULE)
    assert page.locator("form.gvi-quiz").count() == 4
    assert not page.is_visible(f"{SINGLE} .gvi-quiz__check")  # no button that would do nothing
    assert not page.eval_on_selector(f"{SINGLE} details", "d => d.open")
    page.click(f"{SINGLE} summary")
    assert "De som bedöms kunna ta till sig budskapet" in page.inner_text(f"{SINGLE} details")
    context.close()


def test_usable_at_320_pixels(browser, site_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    reader = Reader(context, site_server.url)
    reader.goto(site_server.url + MODULE)
    reader.page.check(f"{MULTI}-4")
    reader.page.click(f"{MULTI} .gvi-quiz__check")
    widths = reader.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    box = reader.page.locator(f"{MULTI} .gvi-quiz__retry").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    context.close()
