"""Role checklists as partners use them: tick, reload, switch language, untick, print, search."""
from __future__ import annotations


import pytest

from conftest import Reader, pdf_text
from test_search import search

pytestmark = pytest.mark.browser

ROLES = ["polisen", "socialtjansten", "samordnare", "kriminalvarden", "lokalsamhallet", "stod"]
PAGE = "checklistor/polisen/"


@pytest.fixture
def reader(browser, site_server):
    reader = Reader(browser.new_context(), site_server.url)
    reader.base = site_server.url
    reader.goto(site_server.url + PAGE)
    yield reader
    assert reader.visit.problems() == []
    reader.page.context.close()


def boxes(page):
    return page.locator("article .task-list input[type=checkbox]")


def tick(page, n):
    """Click where the box is drawn, as a reader does (Material draws it over the real checkbox)."""
    box = boxes(page).nth(n)
    box.scroll_into_view_if_needed()
    area = box.bounding_box()
    page.mouse.click(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)


def test_tick_reload_switch_language_and_untick(reader):
    page = reader.page
    total = boxes(page).count()
    assert total >= 6
    assert page.inner_text(".gvi-checklist__total") == f"0 av {total} klara"
    tick(page, 0)
    tick(page, 2)
    assert page.inner_text(".gvi-checklist__total") == f"2 av {total} klara"
    page.reload()
    page.wait_for_load_state("networkidle")
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked() and not boxes(page).nth(1).is_checked()
    english = page.eval_on_selector(".md-select__link[hreflang=en]", "a => a.href")
    reader.goto(english)
    assert boxes(page).nth(0).is_checked() and boxes(page).nth(2).is_checked()
    assert page.inner_text(".gvi-checklist__total") == f"2 of {total} done"
    page.click(".gvi-checklist__reset")
    assert page.inner_text(".gvi-checklist__total") == f"0 of {total} done"
    assert page.inner_text(".gvi-checklist-bar [role=status]") == "All ticks have been removed."
    page.reload()
    assert not boxes(page).nth(0).is_checked()


def test_keyboard_ticks_and_phase_counts(reader):
    page = reader.page
    boxes(page).nth(0).focus()
    page.keyboard.press("Space")
    assert boxes(page).nth(0).is_checked()
    first_phase = page.inner_text("article h2 .gvi-checklist__count")
    assert first_phase.strip().startswith("1 av ")


def test_corrupt_storage_is_ignored(reader):
    page = reader.page
    page.evaluate("""() => {
        const ns = JSON.parse(document.getElementById('gvi-ui').textContent).ns;
        localStorage.setItem(ns + ':check:polisen', '[1,2,');
        localStorage.setItem(ns + ':check:socialtjansten', '"text"');
    }""")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.inner_text(".gvi-checklist__total").startswith("0 av ")
    reader.goto(reader.base + "checklistor/socialtjansten/")
    assert page.inner_text(".gvi-checklist__total").startswith("0 av ")


def test_print_shows_boxes_title_and_phases_without_chrome(browser, site_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_server.url + PAGE)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
    assert not page.is_visible(".gvi-checklist-bar") and not page.is_visible(".md-search")
    assert page.is_visible("article h1") and page.is_visible("article h2")
    text = "\n".join(pdf_text(page.pdf(format="A4")))
    context.close()
    assert "Checklista för Polisen" in text and "Före ett call-in" in text
    assert "Avmarkera alla" not in text and "Skriv ut checklistan" not in text


@pytest.mark.parametrize("start, query, role", [
    ("", "polis checklista", "polisen"),
    ("", "frivården", "kriminalvarden"),
    ("", "socialtjänsten före call-in", "socialtjansten"),
    ("", "checklistorna", None),
    ("en/", "police checklist", "polisen"),
    ("en/", "probation", "kriminalvarden"),
])
def test_role_words_find_the_role_checklist(browser, site_server, start, query, role):
    reader = Reader(browser.new_context(), site_server.url)
    reader.goto(site_server.url + start)
    results = list(dict.fromkeys(search(reader, query)))
    top = results[:3]
    if role:
        assert site_server.url + f"{start}checklistor/{role}/" in top, top
    else:
        assert any("/checklistor/" in r for r in top), top
    assert all(r.startswith(site_server.url + "en/") == bool(start) for r in results)
    reader.page.context.close()
