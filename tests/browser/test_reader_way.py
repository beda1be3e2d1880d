"""The reader's way in (issue 22): no control without a name on any page type, tabs that fit the
screen, a checklist that starts with its items, "Min väg / My path" per role with progress, and a
start page that asks the role first. In both languages, at a phone's and a laptop's width."""
from __future__ import annotations

import json

import pytest

from conftest import Reader, axe_violations

pytestmark = pytest.mark.browser

LANGS = {"sv": "", "en": "en/"}
PAGE_TYPES = {"start": "", "module": "strategi/budskapet/", "checklist": "checklistor/polisen/",
              "about": "om/webbplatsen/", "progress": "framsteg/", "path": "min-vag/"}
PHONE, LAPTOP = 390, 1280

# Every visible control (link, button, Material's label-buttons in the header) whose visible text
# is empty, unless it is an icon (an svg, an img, or Material's masked .md-icon) that has a name.
EMPTY_CONTROLS = """() => {
  const shown = el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 &&
      el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  };
  const nameOf = el => {
    const labelled = (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
      .map(id => (document.getElementById(id) || {}).textContent || "").join(" ");
    const alt = Array.from(el.querySelectorAll("img[alt]")).map(i => i.alt).join(" ");
    return (el.getAttribute("aria-label") || labelled || el.title || alt || "").trim();
  };
  const isIcon = el => !!el.querySelector("svg, img") || el.classList.contains("md-icon");
  const say = el => {
    const id = el.id ? "#" + el.id : "";
    const cls = el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const where = ["href", "for"].filter(a => el.hasAttribute(a)).map(a => ` ${a}="${el.getAttribute(a)}"`).join("");
    return `<${el.tagName.toLowerCase()}${id}${cls}${where}> name="${nameOf(el)}"`;
  };
  const out = [];
  const controls = document.querySelectorAll(
    "a[href], button, [role=button], input[type=button], input[type=submit], summary, label.md-header__button, label.md-icon");
  for (const el of controls) {
    if (!shown(el)) continue;
    const text = (el.innerText || el.value || "").replace(/\\s+/g, " ").trim();
    if (text) continue;
    if (isIcon(el) && nameOf(el)) continue;
    out.push(say(el));
  }
  return out;
}"""


def empty_controls(page) -> list[str]:
    return page.evaluate(EMPTY_CONTROLS)


def overflow(page) -> list[str]:
    """The page wider than the screen (a reader would have to scroll sideways), with its width."""
    wide, screen = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    return [f"content {wide} px wide on a {screen} px screen"] if wide > screen else []


def test_the_empty_control_check_finds_a_blank_button(browser):
    """The check itself: the blank "Presentera" button of issue 22 (a title, no text) is found;
    a named icon button and a button with words are not."""
    page = browser.new_page()
    page.set_content('<button title="Visa modulen som bilder" class="gvi-present__start"></button>'
                     '<button aria-label="Sök"><svg width="20" height="20"><rect width="20" height="20"/></svg></button>'
                     '<button><svg width="20" height="20"><rect width="20" height="20"/></svg></button>'
                     '<a href="#x"> </a><button>Presentera</button><button hidden></button>')
    found = empty_controls(page)
    page.close()
    assert len(found) == 3, found
    assert "gvi-present__start" in found[0] and 'href="#x"' in found[2]


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_no_visible_control_without_a_name(browser, site_server, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 844 if width == PHONE else 800})
    reader = Reader(context, site_server.url)
    problems = []
    for kind, path in PAGE_TYPES.items():
        url = site_server.url + LANGS[lang] + path
        visit = reader.goto(url)
        problems += [f"{kind} /{LANGS[lang]}{path} at {width} px: {p}" for p in visit.problems()]
        problems += [f"{kind} /{LANGS[lang]}{path} at {width} px: empty control {c}"
                     for c in empty_controls(reader.page)]
        problems += [f"{kind} /{LANGS[lang]}{path} at {width} px: {p}" for p in overflow(reader.page)]
        if kind == "module":
            start = reader.page.locator(".gvi-present__start")
            assert start.inner_text() == ("Presentera" if lang == "sv" else "Present")
            start.click()  # presenter mode: its bar of controls
            problems += [f"presenter /{LANGS[lang]}{path} at {width} px: empty control {c}"
                         for c in empty_controls(reader.page)]
            with context.expect_page() as info:
                reader.page.keyboard.press("t")
            speaker = info.value
            speaker.set_viewport_size({"width": width, "height": 844 if width == PHONE else 800})
            speaker.wait_for_selector(".gvi-speaker")
            problems += [f"speaker view /{LANGS[lang]}{path} at {width} px: empty control {c}"
                         for c in empty_controls(speaker)]
            problems += [f"speaker view /{LANGS[lang]}{path} at {width} px: {p}" for p in overflow(speaker)]
            speaker.close()
            reader.page.keyboard.press("Escape")
    context.close()
    assert problems == [], "\n".join(problems)


def test_the_present_button_has_its_words_before_any_script(site):
    """Written by the build, so it is there before the script runs (and it stays hidden without
    JavaScript, which it needs)."""
    for lang, words in (("", "Presentera"), ("en/", "Present")):
        text = (site / lang / "strategi" / "budskapet" / "index.html").read_text(encoding="utf-8")
        start = text.index('class="md-button gvi-present__start"')
        button = text[start:text.index("</button>", start)]
        assert " hidden " in button and button.endswith(f">{words}")


@pytest.mark.parametrize("width", [1280, 1366])
@pytest.mark.parametrize("lang", LANGS)
def test_every_tab_fits_the_screen(browser, site_server, lang, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_server.url + LANGS[lang] + "strategi/")
    tabs = page.eval_on_selector_all(
        ".md-tabs__link", "els => els.map(a => [a.textContent.trim(), a.getBoundingClientRect().right])")
    page.close()
    assert 2 <= len(tabs) <= 7, tabs
    assert [t for t, right in tabs if right > width] == [], f"tabs past the right edge at {width} px"


@pytest.mark.parametrize("width,height,screens", [(1280, 800, 1), (390, 844, 2)])
@pytest.mark.parametrize("lang", LANGS)
def test_a_checklist_starts_with_its_items(browser, site_server, lang, width, height, screens):
    problems = []
    page = browser.new_page(viewport={"width": width, "height": height})
    for role in ("polisen", "socialtjansten", "stod"):
        page.goto(site_server.url + LANGS[lang] + f"checklistor/{role}/")
        page.wait_for_load_state("networkidle")
        top = page.eval_on_selector("article .task-list-item", "li => li.getBoundingClientRect().top")
        if top + 30 > height * screens:
            problems.append(f"{role}: the first item starts at {top:.0f} px, below {screens} screen(s) of {height} px")
        legal = page.locator("article").inner_text().lower().count(
            "inte juridisk rådgivning" if lang == "sv" else "not legal advice")
        if legal != 1:
            problems.append(f"{role}: the legal notice is said {legal} times")
    page.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_printing_a_checklist_opens_what_is_folded(browser, site_server, lang):
    """The legal line's details and the minors box are folded on screen and printed in full."""
    page = browser.new_page()
    page.goto(site_server.url + LANGS[lang] + "checklistor/polisen/")
    legal, minors = "details.gvi-legal-notice", "details.warning.gvi-fold"
    assert page.locator(legal).count() == 1 and page.locator(minors).count() == 1
    words = {"sv": ("Stäm av allt", "Vårdnadshavarna"), "en": ("Check everything", "guardians")}[lang]
    for box, word in zip((legal, minors), words):
        assert page.locator(box).evaluate("d => !d.open")
        assert word not in page.locator(box).inner_text(), "folded on screen"
    page.emulate_media(media="print")
    for box, word in zip((legal, minors), words):
        assert word in page.locator(box).inner_text(), "open in print"
    page.close()


def quiz_ids(page, role: str) -> list[list[str]]:
    return page.eval_on_selector_all(
        f"[data-gvi-path={role}] tbody [data-gvi-progress]",
        "els => els.map(e => e.getAttribute('data-gvi-progress').split(' '))")


@pytest.mark.parametrize("lang", LANGS)
def test_my_path_shows_progress_and_where_to_continue(browser, site_server, lang):
    context = browser.new_context()
    reader = Reader(context, site_server.url)
    page = reader.page
    reader.goto(site_server.url + LANGS[lang] + "min-vag/")
    role = "polisen"
    rows = page.locator(f"[data-gvi-path={role}] tbody tr")
    modules = rows.count() - 1  # the last row is the total
    assert modules >= 3
    minutes = sum(int(rows.nth(n).locator("td").nth(2).inner_text()) for n in range(modules))
    assert rows.nth(modules).locator("td").nth(2).inner_text() == str(minutes)
    status = page.locator(f"[data-gvi-path={role}] [data-gvi-path-status]")
    words = {"sv": ("0 av", "Börja med"), "en": ("0 of", "Start with")}[lang]
    assert status.inner_text().startswith(words[0]) and words[1] in status.inner_text()
    # Answer every question of the first module, and one (wrongly) of the second.
    ns = json.loads(page.inner_text("#gvi-ui"))["ns"]
    first, second = quiz_ids(page, role)[:2]
    page.evaluate("""([ns, first, second]) => {
      first.forEach(id => localStorage.setItem(ns + ":quiz:" + id, JSON.stringify({v: 1, right: true, chosen: [0]})));
      localStorage.setItem(ns + ":quiz:" + second[0], JSON.stringify({v: 1, right: false, chosen: [1]}));
    }""", [ns, first, second])
    page.reload()
    page.wait_for_load_state("networkidle")
    second_title = rows.nth(1).locator("a").inner_text()
    text = status.inner_text()
    expected = {"sv": f"1 av {modules} moduler klara. Fortsätt där du slutade: {second_title}.",
                "en": f"1 of {modules} modules done. Continue where you left off: {second_title}."}[lang]
    assert text.startswith(expected), text
    done = {"sv": f"{len(first)} av {len(first)} rätt", "en": f"{len(first)} of {len(first)} right"}[lang]
    assert rows.nth(0).locator("td").nth(3).inner_text() == done
    assert status.locator("a").evaluate("a => a.href") == rows.nth(1).locator("a").evaluate("a => a.href")
    # The printed summary: this role only, with the date and the plain self-reported note.
    page.emulate_media(media="print")
    page.evaluate(f"document.body.setAttribute('data-gvi-print-path', '{role}');"
                  f"document.querySelector('[data-gvi-path={role}]').setAttribute('data-gvi-path-printing', '')")
    assert page.is_visible(f"[data-gvi-path={role}] table")
    assert not page.is_visible("[data-gvi-path=socialtjansten] table")
    assert page.is_visible(f"[data-gvi-path={role}] .gvi-path__date")
    note = page.inner_text(".gvi-path__print-note")
    assert ("själv har fyllt i" if lang == "sv" else "filled in yourself") in note
    assert reader.visit.problems() == []
    context.close()


def test_the_erase_button_removes_my_path(browser, site_server):
    """My path stores nothing of its own; what it reads goes with the privacy page's button."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_server.url + "min-vag/")
    ns = json.loads(page.inner_text("#gvi-ui"))["ns"]
    first = quiz_ids(page, "polisen")[0]
    page.evaluate("([ns, id]) => localStorage.setItem(ns + ':quiz:' + id, JSON.stringify({v: 1, right: true, chosen: [0]}))",
                  [ns, first[0]])
    keys_before = page.evaluate("Object.keys(localStorage)")
    page.goto(site_server.url + "om/webbplatsen/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-gvi-erase] button")
    page.goto(site_server.url + "min-vag/")
    page.wait_for_load_state("networkidle")
    assert keys_before and page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{ns}:'))") == []
    assert page.locator("[data-gvi-path=polisen] [data-gvi-path-status]").inner_text().startswith("0 av")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_page_asks_the_role_first(browser, site_server, lang):
    page = browser.new_page(viewport={"width": PHONE, "height": 844})
    page.goto(site_server.url + LANGS[lang])
    page.wait_for_load_state("networkidle")
    question = {"sv": "Vad arbetar du med?", "en": "What is your role?"}[lang]
    assert page.locator("h2", has_text=question).count() == 1
    roles = page.eval_on_selector_all(
        ".gvi-path-roles a", "els => els.map(a => [a.textContent.trim(), a.getAttribute('href'), a.getBoundingClientRect().bottom, a.getBoundingClientRect().height])")
    assert len(roles) >= 6
    assert [r for r in roles if r[2] > 844] == [], "every role on the phone's first screen"
    assert [r for r in roles if r[3] < 44] == [], "large targets (44 px)"
    assert all("min-vag/#" in href for _, href, _, _ in roles)
    routes = page.locator(".gvi-paths h2").first.bounding_box()["y"]
    role_top = page.locator(".gvi-path-roles").bounding_box()["y"]
    assert role_top < routes, "the roles before the three routes"
    page.close()


@pytest.mark.parametrize("path", ["", "min-vag/", "en/", "en/min-vag/"])
def test_start_and_path_pages_pass_axe(browser, axe, site_server, path):
    page = browser.new_page()
    page.goto(site_server.url + path)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(axe, page)
    page.close()
    assert violations == []


def test_english_pages_name_the_colour_scheme_toggles_in_english(site):
    text = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'title="Switch to dark mode"' in text and "Byt till" not in text
    assert 'title="Byt till mörkt läge"' in (site / "index.html").read_text(encoding="utf-8")
