"""Issue 12: the guidance a practitioner acts on. The leadership checklist and the health-care
speakers' module exist in both languages with the same ids, and every checklist and the pages on
individual talks carry the safeguards the legal review asked for."""
from __future__ import annotations

import re
import sys

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from gvi import checklist, frontmatter, outline  # noqa: E402

DOCS = ROOT / "docs"


def page(path: str) -> tuple[dict, str]:
    text = (DOCS / path).read_text(encoding="utf-8")
    fm = frontmatter.parse(text, path)
    return fm.meta, "\n".join(text.splitlines()[fm.body_start - 1:])


@pytest.mark.parametrize("path, kind", [("checklistor/kommunen", "checklist"), ("call-in/vardens-talare", "module")])
def test_new_pages_exist_in_both_languages_with_matching_ids(site, path, kind):
    sv_meta, sv_body = page(path + ".md")
    en_meta, en_body = page(path + ".en.md")
    assert sv_meta["kind"] == en_meta["kind"] == kind
    for key in ("id", "role", "duration", "sources", "legal_checked"):
        assert sv_meta.get(key) == en_meta.get(key), key
    assert [h.id for h in outline.outline(sv_body)][1:] == [h.id for h in outline.outline(en_body)][1:]
    if kind == "checklist":
        assert sv_meta["role"] == "kommunen"
        lists_sv, problems_sv = checklist.parse(sv_body, path + ".md", 1)
        lists_en, problems_en = checklist.parse(en_body, path + ".en.md", 1)
        assert not problems_sv and not problems_en
        assert checklist.compare(lists_sv, lists_en) == [] and len(lists_sv.phases) >= 5
    assert (site / path / "index.html").exists() and (site / "en" / path / "index.html").exists()
    section, name = path.split("/")
    nav = (site / section / "index.html").read_text(encoding="utf-8")  # the section's nav lists it
    assert f'href="{name}/"' in nav, "in the navigation"


CHECKLISTS = sorted(p.stem for p in (DOCS / "checklistor").glob("*.md")
                    if not p.name.endswith(".en.md") and p.stem != "index")


@pytest.mark.parametrize("name", CHECKLISTS)
def test_every_checklist_says_it_is_not_legal_advice(name):
    _, sv = page(f"checklistor/{name}.md")
    _, en = page(f"checklistor/{name}.en.md")
    assert "inte juridisk rådgivning" in sv and "not legal advice" in en


@pytest.mark.parametrize("path", ["checklistor/polisen", "checklistor/socialtjansten", "checklistor/stod",
                                  "call-in/enskilda-samtal"])
def test_minors_are_covered_where_people_meet_the_target_group(site, path):
    """As the reader sees it: the rules the page states are written out by the build."""
    import html as html_lib
    def text(prefix):
        page_html = (site / prefix / path / "index.html").read_text(encoding="utf-8")
        return html_lib.unescape(re.sub(r"<[^>]+>", " ", page_html))
    sv, en = text(""), text("en")
    for text, words in ((sv, ("under 18 år", "vårdnadshavar", "LVU", "LVM")),
                        (en, ("under 18", "guardian", "LVU", "LVM"))):
        for word in words:
            assert word in text, (path, word)


def test_voluntary_support_is_a_topic_that_carries_lvu_and_lvm_in_each_paragraph():
    """The old check (every paragraph saying support is voluntary names LVU/LVM) is now one of the
    rule base's topics (docs/_data/rules.yml), enforced by the build: it must stay as strict."""
    import yaml
    topics = yaml.safe_load((DOCS / "_data/rules.yml").read_text(encoding="utf-8"))["topics"]
    voluntary = topics["frivillighet"]
    assert voluntary["scope"] == "paragraph" and {"lvu-3", "lvm-4"} <= set(voluntary["rules"])
    for name in ("sanktioner", "hot-och-tvang", "publicitet", "informationsdelning", "minderariga", "samtycke",
                 "inpassering", "gripanden", "debrief", "talarnas-sakerhet"):
        assert name in topics, name


IN_FORCE = {"osl-10-15a": ("15 a §", "section 15 a"), "prop-2025-26-12": ("2025/26:12", "2025/26:12")}
AS_PROPOSAL = re.compile(r"\b(förslag|föreslås|föreslog|inte bekräftad|inte kunnat bekräfta|proposed|proposal|"
                         r"not confirmed|unconfirmed|not been able to confirm)\b", re.I)


def test_the_reforms_in_force_are_never_called_proposals(site):
    """OSL 10 kap. 15 a § (1 December 2025) and prop. 2025/26:12 (15 January 2026) are in force: the
    rule base says so, and no built page calls them a proposal in the sentence that names them."""
    import html as html_lib
    import yaml
    rules = yaml.safe_load((DOCS / "_data/rules.yml").read_text(encoding="utf-8"))["rules"]
    for rid in IN_FORCE:
        assert rules[rid]["status"] == "in_force", rid
    found = []
    for page in sorted(site.rglob("index.html")):
        article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S)
        if not article:
            continue
        body = re.split(r'<h2[^>]*id="kallor"', article[0])[0]  # a source's own title may say "förslag",
        body = re.sub(r"<p[^>]*>(?:Källor|Sources): .*?</p>", " ", body, flags=re.S)  # here too (rattslaget)
        text = html_lib.unescape(re.sub(r"<[^>]+>", " ", body))
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            named = any(mark in sentence for marks in IN_FORCE.values() for mark in marks)
            if named and AS_PROPOSAL.search(sentence) and "gäller sedan" not in sentence \
                    and "in force since" not in sentence:
                found.append(f"{page.relative_to(site)}: {sentence[:200]}")
    assert found == []
