"""The curriculum: every module complete in both languages, glossary, sources, the week's schedule."""
from __future__ import annotations

import re
import sys
from urllib.parse import urlsplit

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from gvi import frontmatter, quiz  # noqa: E402
from gvi.data import load  # noqa: E402

DOCS = ROOT / "docs"
DATA = load(str(DOCS))
SECTIONS = DATA.module_sections


def module_files():
    out = []
    for section in SECTIONS:
        for path in sorted((DOCS / section).glob("*.md")):
            if path.name.startswith("index."):
                continue
            out.append(path)
    return out


MODULES = module_files()


def test_the_curriculum_has_its_modules():
    counts = {s: len([p for p in MODULES if p.parent.name == s and not p.name.endswith(".en.md")])
              for s in SECTIONS}
    assert counts["strategi"] >= 6 and counts["roller"] >= 7 and counts["call-in"] >= 6 and counts["bra"] >= 4, counts


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_module_is_complete(path):
    text = path.read_text(encoding="utf-8")
    fm = frontmatter.parse(text, str(path))
    body = "\n".join(text.splitlines()[fm.body_start - 1:])
    assert fm.meta["kind"] == "module" and fm.meta["sources"] and fm.meta["duration"] > 0
    lines = [line for line in body.splitlines() if line.strip()]
    assert lines[0].startswith("# ") and lines[1].startswith("!!! objectives"), "objectives come first"
    last_section = body.rsplit("\n## ", 1)[1]
    assert "!!! keypoints" in last_section, "key points come last"
    assert "??? trainer" in body, "trainer notes"
    fences = quiz.find_fences(body, fm.body_start)
    assert len(fences) >= 3, "a quiz of at least three questions"
    for fence in fences:
        parsed, problems = quiz.parse(fence.source, str(path), fence.line)
        assert not problems and parsed.explanation, f"{path}:{fence.line}: every question explains"
    for placeholder in ("Write 3–5", "Skriv 3–5", "First section", "Första avsnittet", "lorem ipsum", "TODO"):
        assert placeholder.lower() not in text.lower(), placeholder


def test_every_source_address_is_well_formed():
    for key, source in DATA.sources.items():
        assert source.get("title"), key
        url = source.get("url")
        if url:
            parts = urlsplit(url)
            assert parts.scheme in ("http", "https") and "." in parts.netloc and " " not in url, (key, url)


def test_every_factual_page_lists_its_sources(site):
    for page in list(site.glob("**/index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")) or "framsteg" in rel or "min-vag" in rel:  # generated, no facts
            continue
        text = page.read_text(encoding="utf-8")
        assert 'id="kallor"' in text, f"{rel} has no sources list"
        sources = text[text.index('id="kallor"'):]
        assert re.search(r'<li><em>.*?</em>.*?<a href="https?://', sources), rel


@pytest.mark.parametrize("lang", ["", "en/"])
def test_glossary_has_thirty_terms_and_abbreviations_explain_themselves(site, lang):
    glossary = (site / lang / "ordlista/index.html").read_text(encoding="utf-8")
    assert glossary.count("<dt>") >= 30
    page = (site / lang / "strategi/vad-ar-gvi/index.html").read_text(encoding="utf-8")
    titles = dict(re.findall(r'<abbr title="([^"]+)">(\w+)</abbr>', page)[::-1])
    expected = "Gruppvåldsintervention" if not lang else "Group Violence Intervention"
    assert any(title.startswith(expected) for title in titles), titles


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_schedule_sums_the_durations_it_shows(site, lang):
    text = (site / lang / "veckan/index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*</tr>", text, re.S)
    assert rows
    section, grand = [], 0
    for label, minutes in rows:
        number = int(re.sub(r"<[^>]+>", "", minutes))
        if "<strong>" in label:
            assert number == sum(section), label
            grand += number
            section = []
        else:
            section.append(number)
    durations = sum(frontmatter.parse(p.read_text(encoding="utf-8"), str(p)).meta["duration"]
                    for p in MODULES if not p.name.endswith(".en.md"))
    assert grand == durations
    assert re.search(rf"{grand} (minuter|minutes)", text)


CHECKLIST_ROLES = ["polisen", "socialtjansten", "samordnare", "kriminalvarden", "lokalsamhallet", "stod"]


@pytest.mark.parametrize("role", CHECKLIST_ROLES)
def test_every_role_has_its_checklist_in_both_languages_with_matching_items(role, site):
    from gvi import checklist as checklists

    parsed = {}
    for suffix in ("", ".en"):
        path = DOCS / "checklistor" / f"{role}{suffix}.md"
        text = path.read_text(encoding="utf-8")
        fm = frontmatter.parse(text, str(path))
        assert fm.meta["kind"] == "checklist" and fm.meta["role"] == role and fm.meta["sources"]
        body = "\n".join(text.splitlines()[fm.body_start - 1:])
        parsed[suffix], problems = checklists.parse(body, str(path), fm.body_start)
        assert not problems
    sv, en = parsed[""], parsed[".en"]
    ids = lambda c: [f"{role}/{p.id}/{n}" for p in c.phases for n in range(1, p.items + 1)]  # noqa: E731
    assert ids(sv) == ids(en) and len(ids(sv)) >= 10
    assert {p.id for p in sv.phases} >= {"fore-ett-call-in", "dagen-for-ett-call-in", "efter-ett-call-in"}
    for lang in ("", "en/"):
        html = (site / lang / "checklistor" / role / "index.html").read_text(encoding="utf-8")
        assert f'data-gvi-checklist="{role}"' in html and "gvi-checklist.js" in html
        assert "material/tags" not in html
