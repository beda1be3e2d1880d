"""The guards' pure functions: prose masking, the term base, legal references and status, du/ni."""
from __future__ import annotations

import datetime

import pytest

from gvi import legal, prose, style, terms
from gvi.frontmatter import FrontMatter
from gvi.problems import ContentError

LANGS = ["sv", "en"]
TERMS = """terms:
  tomma-loften:
    sv: tomma löften
    en: empty promises
    avoid: {sv: [tomma hot], en: [empty threats]}
  kannbara-konsekvenser: {sv: kännbara konsekvenser, en: enforcement consequences}
"""
TODAY = datetime.date(2026, 11, 27)


def base():
    parsed, problems = terms.parse(TERMS, "docs/_data/terms.yml", LANGS)
    assert problems == []
    return parsed


# prose -------------------------------------------------------------------------------------------

def test_mask_keeps_lines_and_drops_code_urls_keys_and_markers():
    body = ("Text med tomma hot.\n```python\ntomma hot\n```\n`tomma hot` och [länk](https://x.se/tomma-hot)\n"
            "<!-- tomma hot -->{#tomma-hot} {{ local.week.dates }}\n"
            "```quiz\nid: tomma-hot\nquestion: Är tomma hot bra?\noptions:\n  - text: Nej\n    correct: true\n```\n")
    masked = prose.mask(body)
    assert len(masked) == len(body) and masked.count("\n") == body.count("\n")
    lines = masked.split("\n")
    assert "tomma hot" in lines[0]
    assert lines[2].strip() == "" and "tomma" not in lines[4] and "https" not in lines[4]
    assert "länk" in lines[4] and lines[5].strip() == ""
    assert lines[7].strip() == ""  # the quiz id
    assert lines[8].strip() == "Är tomma hot bra?"  # the question is text, its key is not
    assert lines[10].strip() == "-       Nej" and lines[11].strip() == ""  # keys and 'correct' go


def test_line_at_counts_from_the_first_line():
    assert prose.line_at("a\nb\nc", 4, 10) == 12


# terms ------------------------------------------------------------------------------------------

def test_avoided_rendering_found_case_insensitive_whole_words_across_lines():
    text = "Inga Tomma\nhot här. Tommahot nej. tomma hotet nej."
    found = terms.check_text(text, "sv", base(), "docs/x.md", 5)
    assert [str(p) for p in found] == [
        "docs/x.md:5: 'Tomma hot' is a rendering the term base avoids. Fix: write 'tomma löften' "
        "(docs/_data/terms.yml: tomma-loften)."]


def test_avoided_rendering_only_in_its_own_language():
    assert terms.check_text("empty threats", "sv", base(), "docs/x.md") == []
    assert terms.check_text("We made no empty threats.", "en", base(), "docs/x.en.md")[0].fix == \
        "write 'empty promises' (docs/_data/terms.yml: tomma-loften)."


@pytest.mark.parametrize("source, expected", [
    ("terms:\n  Bad Key: {sv: a, en: b}\n", "docs/t.yml:2: term key 'Bad Key' is not a slug."),
    ("terms:\n  a: {sv: a}\n", "docs/t.yml:2: term 'a' has no 'en' rendering."),
    ("terms:\n  a: {sv: a, en: b, colour: red}\n", "docs/t.yml:2: term 'a' has unknown key 'colour'."),
    ("terms:\n  a:\n    sv: a\n    en: b\n    avoid: {de: [x]}\n", "docs/t.yml:5: term 'a': 'avoid' has unknown language 'de'."),
    ("terms:\n  a:\n    sv: a\n    en: b\n    avoid: {sv: x}\n", "docs/t.yml:5: term 'a': 'avoid.sv' must be a list of texts."),
    ("terms:\n  a: {sv: tomma hot, en: b, avoid: {sv: [hot]}}\n", "term 'a': the avoided 'hot' is part of the preferred 'tomma hot'"),
    ("terms:\n  a: {sv: a, en: b, avoid: {sv: [x]}}\n  b: {sv: c, en: d, avoid: {sv: [X]}}\n",
     "docs/t.yml:3: term 'b': 'X' is already avoided by term 'a'."),
    ("terms:\n  a: {sv: a, en: b, avoid: {sv: [väg]}}\n  b: {sv: värdig väg ut, en: d}\n",
     "term 'a': the avoided 'väg' is part of term 'b''s preferred 'värdig väg ut'."),
    ("nothing: here\n", "docs/t.yml:1: the term base must hold a mapping 'terms:'"),
])
def test_term_base_errors_name_the_line(source, expected):
    _, problems = terms.parse(source, "docs/t.yml", LANGS)
    assert any(expected in str(p) for p in problems), problems


def test_term_base_bad_yaml_is_one_line():
    with pytest.raises(ContentError) as caught:
        terms.parse("terms:\n  a: [b\n", "docs/t.yml", LANGS)
    assert str(caught.value.problem).startswith("docs/t.yml:3: the term base is not valid YAML")


def test_abbreviations_may_not_use_an_avoided_rendering():
    source = "# Tooltips\nX: {sv: Inga tomma hot, en: fine}\n"
    found = terms.check_abbreviations({"X": {"sv": "Inga tomma hot", "en": "fine"}}, base(),
                                      "docs/_data/abbreviations.yml", terms.key_lines(source))
    assert [str(p) for p in found] == [
        "docs/_data/abbreviations.yml:2: abbreviation 'X' (sv): 'tomma hot' is a rendering the term base "
        "avoids. Fix: write 'tomma löften' (docs/_data/terms.yml: tomma-loften)."]


def test_glossary_must_give_the_term_base_rendering():
    sv = "# Ordlista\n\nkännbara konsekvenser\n:   Det som väntar. Engelska: tangible consequences.\n"
    en = "# Glossary\n\ntangible consequences (kännbara konsekvenser)\n:   What awaits.\n"
    found = terms.check_glossary(sv, "docs/ordlista/index.md", 6, en, "docs/ordlista/index.en.md", 6, base())
    assert [p.path + f":{p.line}" for p in found] == ["docs/ordlista/index.md:8", "docs/ordlista/index.en.md:6"]
    good_sv = sv.replace("tangible", "enforcement")
    good_en = en.replace("tangible", "enforcement")
    assert terms.check_glossary(good_sv, "a", 1, good_en, "b", 1, base()) == []
    unreadable = terms.check_glossary("# Ordlista\n\n**kännbara konsekvenser** – det som väntar.\n", "a", 6,
                                      good_en, "b", 6, base())
    assert [p.message.split(",")[0] for p in unreadable] == ["the glossary has no entries this check can read"]


# legal -------------------------------------------------------------------------------------------

def legal_data():
    data = {
        "checked": datetime.date(2026, 11, 27),
        "acts": {
            "osl": {"abbr": ["OSL"], "sfs": "2009:400",
                    "name": {"sv": "offentlighets- och sekretesslagen", "en": "Public Access to Information and Secrecy Act"}},
            "sol": {"abbr": ["SoL"], "sfs": "2025:400", "name": {"sv": "socialtjänstlagen", "en": "Social Services Act"}},
            "sol-2001": {"sfs": "2001:453", "match": False, "name": {"sv": "socialtjänstlagen", "en": "Social Services Act"}},
            "rb": {"abbr": ["RB"], "sfs": "1942:740", "name": {"sv": "rättegångsbalken", "en": "Code of Judicial Procedure"}},
        }}
    parsed, problems = legal.parse(data, "docs/_data/legal.yml", {}, LANGS, {})
    assert problems == []
    parsed.bills = {"2024/25:65": "p65"}  # the bills the rule base names (gvi/guards.py)
    return parsed


def refs(text, lang="sv"):
    found, first = legal.references(prose.mask(text), lang, legal_data())
    return {(r.act, r.provision, r.bill, r.sfs) for r in found}, first


def test_references_swedish_forms():
    found, first = refs("Intro.\n\nEnligt OSL 10 kap. 18 a § och 12 kap. 2 §. Se 26 kap. 9 § "
                        "offentlighets- och sekretesslagen.\n\nSocialtjänstlagens regler, "
                        "socialtjänstlagen (2001:453) och prop. 2024/25:65.")
    assert first == 3
    assert found == {("osl", ("10", "18 a"), None, None), ("osl", ("12", "2"), None, None),
                     ("osl", ("26", "9"), None, None), ("sol", None, None, None),
                     ("sol-2001", None, None, None), (None, None, "2024/25:65", None)}


def test_references_english_forms_and_unnamed_sections():
    found, _ = refs("Under OSL, Chapter 10, Section 2 and chapter 12 section 2.\n\n"
                    "See chapter 10, section 27 for more.", "en")
    assert ("osl", ("10", "2"), None, None) in found and ("osl", ("12", "2"), None, None) in found
    assert (None, ("10", "27"), None, None) in found


def test_references_ignore_source_keys_code_and_other_numbers():
    found, first = refs("Källa RB-JJAY2009, SOU 2023:69 och `OSL` i kod, klockan 10:30.")
    assert found == set() and first is None


def test_a_same_section_named_elsewhere_keeps_its_act():
    found, _ = refs("OSL 10 kap. 18 a § gäller.\n\nDen nya socialtjänstlagen gäller. Också 10 kap. 18 a § kan ha ändrats.")
    assert ("osl", ("10", "18 a"), None, None) in found and ("sol", ("10", "18 a"), None, None) not in found


def test_an_sfs_number_names_its_act_and_amendments_cite_nothing():
    found, _ = refs("Skyldigheten finns i socialtjänstlagen (2025:400). I den gamla lagen (2001:453) "
                    "fanns den i 14 kap. 1 §.\n\nTidigare 3 kap. 2 § socialtjänstlagen 2001:453. Lagen i "
                    "lydelse enligt SFS 2024:466 gäller.")
    assert ("sol-2001", ("14", "1"), None, None) in found and ("sol-2001", ("3", "2"), None, None) in found
    assert not any(sfs for _, _, _, sfs in found)  # 2024:466 is an amendment, not a citation


def test_a_guessed_act_is_marked_weak():
    found, _ = legal.references(prose.mask("Socialtjänstlagen gäller. Förr var det 14 kap. 1 §."), "sv", legal_data())
    assert [(r.act, r.weak) for r in found if r.provision] == [("sol", True)]


@pytest.mark.parametrize("meta, expected", [
    ({}, "docs/x.md:12: the page cites law (a statute, a bill or SFS) but has no 'legal_checked'"),
    ({"legal_checked": "27 november 2026"}, "docs/x.md:4: legal_checked '27 november 2026' is not a date."),
    ({"legal_checked": "2026-13-01"}, "docs/x.md:4: legal_checked '2026-13-01' is not a date."),
    ({"legal_checked": datetime.date(2027, 1, 1)}, "docs/x.md:4: legal_checked 2027-01-01 is in the future."),
])
def test_legal_checked_problems(meta, expected):
    text = prose.mask("Inledning.\n\nSekretessen följer av OSL.\n")
    _, problems = legal.check_page(text, "sv", meta, 4, "docs/x.md", legal_data(), 10, TODAY)
    assert [str(p) for p in problems][0].startswith(expected), problems


def test_legal_checked_today_passes_and_pages_without_law_need_none():
    text = prose.mask("Sekretessen följer av OSL.\n")
    assert legal.check_page(text, "sv", {"legal_checked": TODAY}, 4, "docs/x.md", legal_data(), 10, TODAY)[1] == []
    assert legal.check_page(prose.mask("Ingen lag här.\n"), "sv", {}, 4, "docs/x.md", legal_data(), 10, TODAY)[1] == []


def test_unlisted_bills_and_sfs_numbers_are_flagged():
    text = prose.mask("Se prop. 2030/31:1 och lagen (2019:123).\n")
    _, problems = legal.check_page(text, "sv", {"legal_checked": TODAY}, 4, "docs/x.md", legal_data(), 1, TODAY)
    assert sorted(p.message for p in problems) == [
        "the page cites SFS 2019:123, which docs/_data/legal.yml does not list.",
        "the page cites bill 2030/31:1, which no rule in docs/_data/rules.yml names."]


def test_legal_yml_errors_name_the_key():
    lines = {("changes",): 7, ("reviewed_by_lawyer",): 3, ("acts", "osl"): 20}
    data = {"checked": "soon", "reviewed_by_lawyer": "no",
            "changes": [{"id": "x", "status": "maybe", "name": {"sv": "a", "en": "b"}, "summary": {"sv": "a", "en": "b"}}],
            "acts": {"osl": {"sfs": "2009", "name": {"sv": "a", "en": "b"}, "abbr": ["OSL"], "colour": 1}}}
    _, problems = legal.parse(data, "docs/_data/legal.yml", lines, LANGS, {})
    text = [str(p) for p in problems]
    assert "docs/_data/legal.yml:1: 'checked' must be a date (YYYY-MM-DD)." in text[0]
    assert any(t.startswith("docs/_data/legal.yml:7: 'changes' is gone: each law change is a rule in "
                            "docs/_data/rules.yml.") for t in text)
    assert any(t.startswith("docs/_data/legal.yml:20: act 'osl' has unknown key 'colour'.") for t in text)
    assert any("act 'osl' has no SFS number" in t for t in text)
    assert any(t.startswith("docs/_data/legal.yml:3: 'reviewed_by_lawyer' is gone") for t in text)


STRINGS = {
    "legal_checked": {"sv": "Rättsläget kontrollerat {date}", "en": "Legal position checked {date}"},
    "legal_status_link": {"sv": "Så ser rättsläget ut", "en": "The legal position"},
    "legal_not_advice": {"sv": "Inte juridisk rådgivning.", "en": "Not legal advice."},
    "legal_reviewed": {"sv": "Rättsreglerna på sidan är granskade av {who}.", "en": "Reviewed by {who}."},
    "current_to": {"sv": "Innehållet gäller per {date}", "en": "Content current as of {date}"},
}


def test_dates_in_the_readers_language():
    assert legal.format_date(TODAY, "sv") == "27 november 2026"
    assert legal.format_date(TODAY, "en") == "27 November 2026"
    assert legal.current_to({"content": {"current_to": TODAY}}, STRINGS, LANGS) == {
        "sv": "Innehållet gäller per 27 november 2026", "en": "Content current as of 27 November 2026"}


def test_notice_links_and_disclaims_until_every_rule_on_the_page_is_reviewed():
    from gvi.rules import Review
    text = legal.notice({"legal_checked": TODAY}, "sv", STRINGS, [], "../rattslaget.md")
    assert text.startswith("Rättsläget kontrollerat 27 november 2026. [Så ser rättsläget ut](../rattslaget.md). "
                           "Inte juridisk rådgivning.")
    review = Review("Exempel Exempelsson (fiktiv)", "kommunjurist", "Exempelstad", TODAY, {})
    reviewed = legal.notice({"legal_checked": TODAY}, "sv", STRINGS, [review], "x.md")
    assert "rådgivning" not in reviewed
    assert "granskade av Exempel Exempelsson (fiktiv), kommunjurist, Exempelstad, 27 november 2026." in reviewed
    assert legal.notice({}, "sv", STRINGS, [], "x.md") == ""


def test_current_to_must_be_a_past_date():
    assert legal.check_current_to({"content": {"current_to": TODAY}}, "docs/_data/local.yml", 30, TODAY) == []
    assert "is not a date" in str(legal.check_current_to({}, "docs/_data/local.yml", 1, TODAY)[0])
    future = legal.check_current_to({"content": {"current_to": datetime.date(2027, 1, 1)}}, "l.yml", 30, TODAY)
    assert str(future[0]).startswith("l.yml:30: content.current_to 2027-01-01 is in the future.")


def test_status_page_lists_every_reference():
    import yaml
    from support import ROOT
    strings = yaml.safe_load((ROOT / "docs/_data/strings.yml").read_text(encoding="utf-8"))
    index: dict = {}
    found, _ = legal.references(prose.mask("OSL 10 kap. 18 a § och RB. Prop. 2024/25:65.\n\nOckså 3 kap. 1 §."), "sv", legal_data())
    legal.add_to_index(index, found, "a/b.md")
    page = legal.status_page(legal_data(), index, "sv", strings, {}, {"a/b.md": "Sidan B"}, "rattslaget.md")
    assert "### Offentlighets- och sekretesslagen (2009:400) {#lag-osl}" in page
    assert "- 10 kap. 18 a §: [Sidan B](a/b.md)" in page
    assert "### Rättegångsbalken (1942:740) {#lag-rb}" in page and "- Lagen utan paragraf: [Sidan B](a/b.md)" in page
    assert "- [Prop. 2024/25:65](#p65): [Sidan B](a/b.md)" in page
    assert "- 3 kap. 1 §: [Sidan B](a/b.md)" in page  # cited with no act named
    english = legal.status_page(legal_data(), index, "en", strings, {}, {"a/b.md": "Page B"}, "rattslaget.md")
    assert "- chapter 10, section 18 a: [Page B](a/b.md)" in english


# style -------------------------------------------------------------------------------------------

def test_du_ni_mixed_in_one_sentence():
    text = prose.mask("Du kan fråga. Ni kan svara.\n\nKontrollera med din jurist innan ni delar uppgifter.\n"
                      "- Ta med era papper.\n- Ta med dina papper.\n\n"
                      "Era och er är pronomen här, men inte i `er du` eller i ordet Erik eller i eran.\n")
    found = style.du_ni(text, "docs/x.md", 10)
    assert [(p.line, p.message.split(";")[0]) for p in found] == [
        (12, "the sentence mixes 'din' and 'ni'")]
    assert found[0].fix.startswith("write the sentence to 'du'")


def test_sentences_split_on_ends_but_not_on_abbreviations():
    parts = [t.strip() for _, t in style.sentences("Se t.ex. kap. 10. Nästa mening!\n\nNytt stycke")]
    assert parts == ["Se t.ex. kap. 10", "Nästa mening", "Nytt stycke"]


def test_frontmatter_line_is_used_for_the_date():
    meta = FrontMatter({"legal_checked": "x"}, {"legal_checked": 5}, 8)
    _, problems = legal.check_page("", "sv", meta.meta, meta.line_of("legal_checked"), "p.md", legal_data(), 8, TODAY)
    assert problems[0].line == 5


def test_broken_data_files_are_one_line_each(tmp_path):
    from gvi import guards
    from gvi.data import SiteData
    folder = tmp_path / "_data"
    folder.mkdir()
    (folder / "terms.yml").write_text("terms:\n  a: [b\n", encoding="utf-8")
    (folder / "legal.yml").write_text("checked: 2026-11-27\nacts: [\n", encoding="utf-8")
    (folder / "rules.yml").write_text("rules:\n  x: {title: [\n", encoding="utf-8")
    data = SiteData(curriculum={}, local={"content": {"current_to": TODAY}}, sources={}, strings={},
                    abbreviations={})
    loaded, problems = guards.Guards.load(str(tmp_path), "docs/", LANGS, "sv", data, TODAY)
    text = [str(p) for p in problems]
    assert text[0].startswith("docs/_data/terms.yml:3: the term base is not valid YAML")
    assert text[1].startswith("docs/_data/legal.yml:3: data file is not valid YAML")
    assert text[2].startswith("docs/_data/rules.yml:3: data file is not valid YAML")
    assert len(text) == 3 and loaded.terms.avoided == []


def test_a_list_of_sections_cites_each():
    found, _ = refs("Sekretessen gäller mellan nämnder (OSL 8 kap. 1 och 2 §§) och enligt OSL 25 kap. 1–5 och 8 §§.")
    provisions = {p for act, p, _, _ in found if act == "osl"}
    assert {("8", "1"), ("8", "2"), ("25", "1"), ("25", "5"), ("25", "8")} <= provisions
    found, _ = refs("Under OSL chapter 8, sections 1 and 2, secrecy applies.", "en")
    assert {("8", "1"), ("8", "2")} <= {p for act, p, _, _ in found if act == "osl"}


def test_the_searches_a_page_skips_could_have_found_nothing(monkeypatch):
    """legal.references skips a pattern on a page without the words its matches hold ("kap.", "§",
    "SFS", a bill's "2024/25:"): on every page of the site and on these texts, what it finds is
    what searching every pattern finds."""
    from support import ROOT
    texts = [prose.mask(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "docs").rglob("*.md"))]
    texts += [prose.mask(t) for t in ("OSL 10 kap. 18 a § och RB. Prop. 2024/25:65.", "8 §§ och 9 §", "SFS 2025:934",
                                      "Chapter 10, section 18 a of the OSL", "sections 3 and 4", "prop. 2017/18:269")]
    skipping = [legal.references(text, lang, legal_data()) for text in texts for lang in LANGS]
    monkeypatch.setattr(legal, "_search", lambda pattern, text, present: list(pattern.finditer(text)))
    assert [legal.references(text, lang, legal_data()) for text in texts for lang in LANGS] == skipping
    assert sum(len(found) for found, _ in skipping) > 100  # the site's pages cite laws


def test_phrase_candidates_are_found_where_any_first_word_starts_as_one_alternation_finds_them():
    """prose.Phrases finds candidate words with a tree of the first words' letters (prose._trie):
    the same words as the plain alternation it replaced, case-blind, on every page of the site."""
    import re

    from support import ROOT
    words = ["väg", "vägen", "villk", "det", "på", "socia", "sekre", "offen", "ärend", "Brott", "12", "a-b"]
    phrases = prose.Phrases()
    for word in words:
        phrases.add(word, re.compile(re.escape(word), re.I), word)
    keys = sorted({w.lower()[:5] for w in words}, key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, keys)) + ")", re.IGNORECASE)
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    texts += ["VÄGEN, vägledning, Väg-, -väg, Det detta; PÅ påbud, SOCIALTJÄNSTEN 12 a-b"]

    def reference(text):
        found, position = [], 0
        while (match := plain.search(text, position)) is not None:
            token = prose._TOKEN.match(text, match.start())
            if token is None:
                position = match.start() + 1
                continue
            found.append(token.span())
            position = token.end()
        return found

    assert prose._trie(["väg", "vägen", "villk"]) == "v(?:illk|äg(?:en)?)"
    for text in texts:
        assert [t.span() for t in phrases._candidates(text)] == reference(text)
