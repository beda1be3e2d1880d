"""Trainer mode: present a module as slides with notes and a timer; print a clean handout."""
from __future__ import annotations

import re

import pytest

from conftest import Reader, axe_violations, pdf_text, wait_for

pytestmark = pytest.mark.browser

MODULE = "strategi/vad-ar-gvi/"


@pytest.fixture
def reader(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    reader = Reader(context, site_server.url)
    reader.goto(site_server.url + MODULE)
    yield reader
    context.close()


def counter(page) -> str:
    return page.inner_text(".gvi-present__bar span:not(.gvi-present__clock)")


def test_present_step_through_notes_timer_and_back(reader, site):
    page = reader.page
    sections = (site / MODULE / "index.html").read_text(encoding="utf-8").count("<h2 ")
    page.click(".gvi-present__start")
    assert "gvi-presenting" in page.evaluate("document.body.className")
    assert counter(page) == f"Bild 1 av {sections + 1}"
    assert page.is_visible("article h1") and not page.is_visible("article h2")
    assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
    page.keyboard.press("ArrowRight")
    assert counter(page) == f"Bild 2 av {sections + 1}"
    assert page.is_visible("h2#det-har-ar-gvi") and not page.is_visible("article h1")
    assert not page.is_visible("article details.trainer"), "notes are hidden on slides"
    assert not page.is_visible(".gvi-present__notes")
    page.keyboard.press("n")
    assert page.is_visible(".gvi-present__notes")
    assert "Fråga till gruppen" in page.inner_text(".gvi-present__notes")
    assert page.url.endswith(MODULE), "N must not reach Material's next-page shortcut"
    page.keyboard.press("Space")
    page.keyboard.press("PageDown")
    assert counter(page) == f"Bild 4 av {sections + 1}"
    page.keyboard.press("PageUp")
    page.keyboard.press("End")
    assert counter(page) == f"Bild {sections + 1} av {sections + 1}"
    page.keyboard.press("Home")
    assert counter(page) == f"Bild 1 av {sections + 1}"
    wait_for(page, "/Tid: 00:0[1-9] av 30 min/.test(document.querySelector('.gvi-present__clock').textContent)")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    heading = page.evaluate("document.querySelectorAll('article h2')[1].id")
    page.keyboard.press("Escape")
    assert "gvi-presenting" not in page.evaluate("document.body.className")
    assert page.evaluate("document.activeElement.id") == heading, "Esc returns to the same place"
    assert page.is_visible("article h1") and page.is_visible("article details.trainer")
    assert reader.visit.problems() == []


def test_keyboard_shortcut_starts_at_the_section_in_view(reader):
    page = reader.page
    page.evaluate("document.getElementById('vad-forskningen-visar-och-inte-visar').scrollIntoView()")
    page.keyboard.press("p")
    assert page.is_visible("h2#vad-forskningen-visar-och-inte-visar")
    assert page.evaluate("document.activeElement.tagName") == "ARTICLE"
    assert page.url.endswith(MODULE), "P must not reach Material's previous-page shortcut"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_presenter_mode_is_accessible_and_needs_no_network(browser, axe, site_server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1024, "height": 768})
    reader = Reader(context, site_server.url)
    reader.goto(site_server.url + MODULE)
    reader.wait_for_done("favicon.svg")  # Chromium asks for it late, on its own: not while offline
    context.set_offline(True)
    reader.page.click(".gvi-present__start")
    reader.page.keyboard.press("ArrowRight")
    reader.page.click(".gvi-present__bar button:has-text('Anteckningar')")
    assert axe_violations(axe, reader.page) == []
    for _ in range(12):
        reader.page.keyboard.press("ArrowRight")
    assert reader.visit.problems() == []
    context.close()


def test_pages_other_than_modules_have_no_presenter(browser, site_server):
    reader = Reader(browser.new_context(), site_server.url)
    for path in ("", "roller/", "en/veckan/"):
        reader.goto(site_server.url + path)
        assert reader.page.locator(".gvi-present__start").count() == 0
        assert "gvi-present" not in reader.page.content()
    reader.page.context.close()


@pytest.mark.parametrize("path, lang", [(MODULE, "sv"), ("en/" + MODULE, "en")])
def test_print_to_pdf_is_a_clean_handout(browser, site_server, path, lang):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_server.url + path)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    pages = pdf_text(page.pdf(format="A4", print_background=False))
    text = "\n".join(pages)
    context.close()
    words = {"sv": ("Vad är GVI?", "Vilka delar har det gemensamma budskapet", "Visa svar", "Presentera",
                    "Fråga till gruppen", "Kontrollera svaret", "Sök"),
             "en": ("What is GVI?", "Which parts make up the joint message", "Show answer", "Present",
                    "Question for the group", "Check answer", "Search")}[lang]
    title, question, *absent = words
    assert title in text and question in text
    for chrome in absent:
        assert not re.search(rf"\b{re.escape(chrome)}\b", text), chrome
    assert "(https://" in text, "links are printed with their address"
    assert 3 <= len(pages) <= 20, len(pages)
