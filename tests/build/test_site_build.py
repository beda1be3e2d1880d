"""The real site, built strictly: both languages, lang attributes, nothing from other hosts."""
from __future__ import annotations

import json
import re

from support import site_pages


def test_every_page_exists_in_both_languages_with_its_lang(site):
    pages = site_pages(site)
    swedish = [p for p in pages if not p.startswith("en/")]
    assert {"", "strategi/vad-ar-gvi/", "roller/", "call-in/", "bra/", "checklistor/", "veckan/",
            "ordlista/", "strategi/"} <= set(swedish)
    for path in swedish:
        sv = (site / path / "index.html").read_text(encoding="utf-8")
        en = (site / "en" / path / "index.html").read_text(encoding="utf-8")
        assert '<html lang="sv"' in sv, path
        assert '<html lang="en"' in en, path


def test_no_page_loads_anything_from_another_host(site):
    external = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="(https?:)?//', re.I)
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for match in external.finditer(text):
            tag = text[match.start():text.find(">", match.start()) + 1]
            assert 'rel="canonical"' in tag, f"{html}: {tag}"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html


def test_english_pages_carry_no_swedish_interface_text(site):
    for html in (site / "en").rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        for swedish in ("Länk till det här avsnittet", ">Källor<", "Hoppa till innehåll", "minuter<"):
            assert swedish not in text, f"{html}: {swedish}"


def test_the_search_index_has_every_page_once(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations))
    assert set(site_pages(site)) <= set(locations)
    assert index["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]


def test_sitemap_lists_every_page_with_both_languages(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in site_pages(site):
        if not path.startswith("en/"):
            assert f"<loc>https://gvi-veckan.example.org/{path}</loc>" in sitemap
            assert f'hreflang="en" href="https://gvi-veckan.example.org/en/{path}"' in sitemap


def test_one_search_index_per_language(site):
    for lang, english in (("sv", False), ("en", True)):
        index = json.loads((site / f"search/search_index.{lang}.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        locations = [doc["location"] for doc in index["docs"]]
        assert locations and all(loc.startswith("en/") == english for loc in locations)
