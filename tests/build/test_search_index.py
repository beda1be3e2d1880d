"""What the built search index holds: no quiz, no interface strings, no Sources; trainer notes stay."""
from __future__ import annotations

import html
import json
import re

LANGS = ("sv", "en")


def index(site, lang: str) -> dict:
    return json.loads((site / f"search/search_index.{lang}.json").read_text(encoding="utf-8"))


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def quiz_strings(site) -> set[str]:
    """Every question, option, feedback, explanation, answer and button text of every quiz."""
    found = set()
    for page in site.rglob("index.html"):
        for form in re.findall(r'<form[^>]*class="gvi-quiz".*?</form>', page.read_text(encoding="utf-8"), re.S):
            for part in re.findall(r"<(legend|label|button|summary|div|li)[^>]*>(.*?)</\1>", form, re.S):
                text = text_of(part[1])
                if len(text) >= 12 or part[0] in ("button", "summary"):
                    found.add(text)
    return found


def test_no_quiz_text_is_in_the_index(site):
    """The quizzes sit in each module's "Testa dig själv" section: it keeps only its introduction.

    (Some options quote the page's own prose, which stays in the index where the prose is.)"""
    strings = quiz_strings(site)
    assert len(strings) > 100, "the quiz markup changed: update quiz_strings() to find its texts"
    for lang in LANGS:
        sections = [d for d in index(site, lang)["docs"] if d["location"].endswith("#testa-dig-sjalv")]
        assert len(sections) > 10, lang
        for doc in sections:
            text = text_of(doc["text"])
            assert [s for s in strings if s in text] == [], f"{lang} {doc['location']}: quiz text in the index"


def test_no_sources_section_or_interface_strings_are_in_the_index(site):
    for lang in LANGS:
        docs = index(site, lang)["docs"]
        assert not [d["location"] for d in docs if d["location"].endswith("#kallor")], lang
        assert not [d["location"] for d in docs if '"quiz_check"' in d["text"] or "gvi-ui" in d["text"]], lang


def test_trainer_notes_stay_in_the_index(site):
    page = (site / "strategi/vad-ar-gvi/index.html").read_text(encoding="utf-8")
    note = re.search(r'<details class="trainer"[^>]*>.*?</summary>(.*?)</details>', page, re.S)
    assert note, "the module has no trainer note to look for"
    words = text_of(note.group(1))[:60]
    assert any(words in text_of(d["text"]) for d in index(site, "sv")["docs"]), words


def test_each_language_index_carries_its_synonyms(site):
    sv = dict(index(site, "sv")["config"]["gvi_synonyms"]["sv"])
    en = dict(index(site, "en")["config"]["gvi_synonyms"]["en"])
    assert sv["custom notification"] == "enskilt samtal" and sv["probation"] == "frivården"
    assert en["frivården"] == "probation service" and "probation" not in en
