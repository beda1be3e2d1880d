"""Booklets in the real build: one participant booklet and one trainer guide per section and for the
whole curriculum, per language; linked from the section pages and the trainer page."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import build
from test_guards import SV, EN, make_project

SECTIONS = ["strategi", "roller", "call-in", "bra", "checklistor", "alla"]
LANGS = {"sv": "", "en": "en/"}


def booklet(site: Path, lang: str, section: str, kind: str) -> str:
    return (site / LANGS[lang] / "utskrift" / f"{section}-{kind}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_has_both_booklets_with_and_without_notes_and_answers(site, lang, section):
    participant = booklet(site, lang, section, "deltagare")
    trainer = booklet(site, lang, section, "utbildare")
    assert f'<html lang="{lang}">' in participant and f'<html lang="{lang}">' in trainer
    modules = participant.count('class="gvi-booklet__module"')
    assert modules >= 4 and trainer.count('class="gvi-booklet__module"') == modules
    for text in ('class="trainer"', "gvi-quiz__answer", "data-gvi-correct", "gvi-quiz__feedback"):
        assert text not in participant, text
    if section != "checklistor":
        assert "gvi-quiz__question" in participant, "quiz questions stay"
        assert '<details class="trainer" open>' in trainer
        assert '<details class="gvi-quiz__answer" open>' in trainer
    assert "gvi-booklet__schedule" in trainer and "gvi-booklet__schedule" not in participant
    ids = re.findall(r'\sid="([^"]+)"', trainer)
    assert len(ids) == len(set(ids)), "ids are unique across the booklet's modules"


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_in_a_booklet_leads_somewhere(site, lang):
    folder = site / LANGS[lang] / "utskrift"
    text = booklet(site, lang, "alla", "utbildare")
    ids = set(re.findall(r'\sid="([^"]+)"', text))
    for href in set(re.findall(r'(?:href|src)="([^"]+)"', text)):
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
            continue
        if not parts.path:
            assert parts.fragment in ids, href
            continue
        target = (folder / parts.path).resolve()
        if parts.path.endswith("/"):
            target = target / "index.html"
        assert target.exists(), href


def test_the_whole_curriculum_is_every_section_in_nav_order(site):
    whole = booklet(site, "sv", "alla", "deltagare")
    parts = [booklet(site, "sv", s, "deltagare").count('class="gvi-booklet__module"') for s in SECTIONS[:-1]]
    assert whole.count('class="gvi-booklet__module"') == sum(parts)
    titles = re.findall(r'<section class="gvi-booklet__module" aria-labelledby="m(\d+)-', whole)
    assert titles == [str(n) for n in range(1, sum(parts) + 1)]


@pytest.mark.parametrize("page, links", [
    ("strategi/index.html", ["../utskrift/strategi-deltagare.html", "../utskrift/strategi-utbildare.html"]),
    ("en/checklistor/index.html", ["../utskrift/checklistor-deltagare.html"]),
    ("utbildare/index.html", [f"../utskrift/{s}-{k}.html" for s in SECTIONS for k in ("deltagare", "utbildare")]),
    ("en/utbildare/index.html", ["../utskrift/alla-utbildare.html"]),
])
def test_section_pages_and_the_trainer_page_link_to_the_booklets(site, page, links):
    text = (site / page).read_text(encoding="utf-8")
    for link in links:
        assert f'href="{link}"' in text, link


def test_planned_minutes_over_the_duration_fail_the_build_naming_the_file(tmp_path):
    sv = SV.replace("## Budskapet\n", "## Budskapet {data-minutes=15}\n").replace(
        "## Att ta med sig\n", "## Att ta med sig {data-minutes=10}\n")
    en = EN.replace("{#budskapet}", "{#budskapet data-minutes=15}").replace(
        "{#att-ta-med-sig}", "{#att-ta-med-sig data-minutes=10}")
    result = build(make_project(tmp_path, sv=sv, en=en), tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/strategi/testmodul.md:25: the sections' planned minutes reach 25 at heading "
            "'Att ta med sig', more than the module's duration of 20.") in result.output, result.output
    ok = build(make_project(tmp_path / "ok", sv=sv.replace("=10", "=5"), en=en.replace("=10", "=5")),
               tmp_path / "ok-site")
    assert ok.returncode == 0, ok.output
    html = (tmp_path / "ok-site/strategi/testmodul/index.html").read_text(encoding="utf-8")
    assert 'data-minutes="15"' in html
