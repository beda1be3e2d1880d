"""Trainers in the room: the speaker view in a second window (served and from file://), and the
printable booklets (PDF from Chromium, axe)."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from conftest import axe_violations, pdf_text, wait_for
from test_offline import bundle  # noqa: F401 (the offline bundle, unpacked: a session fixture)

pytestmark = pytest.mark.browser

MODULE = "strategi/budskapet/"


def counter(page) -> str:
    return page.inner_text(".gvi-present__bar span:not(.gvi-present__clock)")


def open_speaker(context, page):
    page.click(".gvi-present__start")
    with context.expect_page() as info:
        page.keyboard.press("t")
    speaker = info.value
    speaker.wait_for_selector(".gvi-speaker")
    return speaker


def speaker_slide(speaker) -> str:
    return speaker.inner_text(".gvi-speaker__slide")


def follow(context, page, words: dict):
    """The same walk through the two windows, served or offline, in either language."""
    speaker = open_speaker(context, page)
    wait_for(speaker, f"document.querySelector('.gvi-speaker__status').textContent === {words['linked']!r}")
    total = counter(page).split()[-1]
    assert speaker_slide(speaker).startswith(f"{words['slide']} 1 {words['of']} {total}:")
    page.keyboard.press("ArrowRight")  # the audience window drives
    wait_for(speaker, f"document.querySelector('.gvi-speaker__slide').textContent.startsWith({words['slide'] + ' 2 '!r})")
    speaker.keyboard.press("ArrowRight")  # the speaker window drives
    wait_for(page, f"document.querySelector('.gvi-present__bar span').textContent.startsWith({words['slide'] + ' 3 '!r})")
    speaker.click(".gvi-speaker__controls button:nth-child(2)")
    wait_for(page, f"document.querySelector('.gvi-present__bar span').textContent.startsWith({words['slide'] + ' 4 '!r})")
    # The speaker sees the slide's notes and the next slide; the audience never sees notes.
    notes = speaker.inner_text(".gvi-speaker__notes").strip()
    assert notes and notes != words["no_notes"]
    snippet = " ".join(notes.split()[:6])
    page.keyboard.press("n")
    assert snippet not in page.inner_text("body"), "no notes in the audience window"
    assert not page.is_visible(".gvi-present__notes")
    next_title = page.evaluate("document.querySelectorAll('article h2')[3].textContent").replace("¶", "").strip()
    assert speaker.inner_text(".gvi-speaker__next-title") == next_title
    assert words["planned"] in speaker.inner_text(".gvi-speaker__clocks"), "the section's planned minutes"
    first = speaker.inner_text(".gvi-speaker__clocks dd")
    wait_for(speaker, f"document.querySelector('.gvi-speaker__clocks dd').textContent !== {first!r}")
    return speaker


SV = {"linked": "Publikfönstret följer talarvyn.", "alone": "Publikfönstret är stängt. Du kan fortsätta bläddra här.",
      "slide": "Bild", "of": "av", "no_notes": "Inga anteckningar till den här bilden.",
      "planned": "planerat 6 min"}
EN = {"linked": "The audience window follows the speaker view.",
      "alone": "The audience window is closed. You can keep moving through the slides here.",
      "slide": "Slide", "of": "of", "no_notes": "No notes for this slide.", "planned": "planned 6 min"}


def test_speaker_view_served_follows_drives_and_survives_either_window_closing(browser, site_server, axe):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_server.url + MODULE)
    speaker = follow(context, page, SV)
    speaker.on("pageerror", lambda e: errors.append(str(e)))
    assert axe_violations(axe, speaker) == []
    assert speaker.title().startswith("Talarvy – ")
    speaker.close()  # the audience window goes on alone, and N shows the notes again
    page.keyboard.press("ArrowRight")
    assert counter(page).startswith("Bild 5 ")
    wait_for(page, "!document.querySelectorAll('.gvi-present__bar button')[2].disabled")
    page.keyboard.press("n")
    assert page.is_visible(".gvi-present__notes")
    speaker = open_speaker_again(context, page)
    page.close()  # the speaker window goes on alone
    wait_for(speaker, f"document.querySelector('.gvi-speaker__status').textContent === {SV['alone']!r}")
    before = speaker_slide(speaker)
    speaker.keyboard.press("ArrowRight")
    assert speaker_slide(speaker) != before
    assert errors == []
    context.close()


def open_speaker_again(context, page):
    with context.expect_page() as info:
        page.keyboard.press("t")
    speaker = info.value
    speaker.wait_for_selector(".gvi-speaker")
    wait_for(speaker, f"document.querySelector('.gvi-speaker__status').textContent === {SV['linked']!r}")
    assert speaker_slide(speaker).startswith("Bild 5 "), "the speaker view opens on the current slide"
    return speaker


def test_speaker_view_from_file_in_english(browser, bundle):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_offline(True)
    page = context.new_page()
    requests = []
    context.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "about:", "blob:")) else None)
    page.goto(bundle + "en/strategi/budskapet.html")
    speaker = follow(context, page, EN)
    assert speaker.url.startswith("file://")
    page.close()
    wait_for(speaker, f"document.querySelector('.gvi-speaker__status').textContent === {EN['alone']!r}")
    assert requests == []
    context.close()


def pdf_pages(browser, path) -> list[str]:
    page = browser.new_page()
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    data = page.pdf(format="A4")
    page.close()
    return [" ".join(text.split()) for text in pdf_text(data)]


def first_text(html: str, cls: str) -> str:
    """A few words from the first paragraph inside the first element of that class, without spaces
    (PDF text breaks lines and words where the page does)."""
    block = re.search(rf'class="{cls}"[^>]*>(.*?)</(?:details|div)>', html, re.S).group(1)
    paragraph = re.search(r"<p>(.*?)</p>", block, re.S).group(1)
    words = htmllib.unescape(re.sub(r"<[^>]+>", "", paragraph)).split()
    return squash(" ".join(words[:8]))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# (language folder, section, page-count range for the participant booklet, for the trainer guide)
BOOKLETS = [("", "strategi", (20, 70), (25, 90)), ("en/", "call-in", (20, 80), (25, 100)),
            ("", "alla", (80, 260), (100, 320))]


@pytest.mark.parametrize("lang, section, participant_range, trainer_range", BOOKLETS)
def test_booklets_print_with_and_without_notes_and_answers(browser, site, lang, section,
                                                           participant_range, trainer_range):
    folder = site / lang / "utskrift"
    trainer_html = (folder / f"{section}-utbildare.html").read_text(encoding="utf-8")
    note = first_text(trainer_html, "trainer")
    answer = first_text(trainer_html, "gvi-quiz__explanation")
    participant = pdf_pages(browser, folder / f"{section}-deltagare.html")
    trainer = pdf_pages(browser, folder / f"{section}-utbildare.html")
    assert participant_range[0] <= len(participant) <= participant_range[1], len(participant)
    assert trainer_range[0] <= len(trainer) <= trainer_range[1], len(trainer)
    assert note and note in squash(" ".join(trainer)) and note not in squash(" ".join(participant))
    assert answer and answer in squash(" ".join(trainer)) and answer not in squash(" ".join(participant))
    for pages in (participant, trainer):
        assert pages[1].startswith(f"2 / {len(pages)} "), "pages are numbered in the margin"
        modules = trainer_html.count('class="gvi-booklet__module"')
        starts = [n for n in range(1, modules + 1)
                  if any(re.match(rf"\d+ / \d+ {n}\. ", p) for p in pages)]
        assert starts == list(range(1, modules + 1)), "each module starts a page with its number"


@pytest.mark.parametrize("path", ["utskrift/strategi-utbildare.html", "utskrift/checklistor-deltagare.html",
                                  "en/utskrift/bra-utbildare.html"])
def test_booklets_pass_axe(browser, site_server, axe, path):
    page = browser.new_page()
    page.goto(site_server.url + path)
    assert axe_violations(axe, page) == []
    page.close()
