"""The content guards in real builds: one term one rendering, legal status, du/ni, time frame.

Each failing case adds the known-good module pair of test_guards.py, breaks one thing and runs a
real strict `mkdocs build`, which must fail naming the file and the line. The rendering cases
build with strict off (the real pages may still carry problems these guards flag: see the
report in the branch), so they test what the reader sees, not the rest of the site.
"""
from __future__ import annotations

import html
import re

from support import ROOT, build
from test_guards import EN, SV, build_fails, make_project

LEGAL_SV = SV.replace("sources: [S32]\n", "sources: [S32]\nlegal_checked: 2026-11-27\n").replace(
    "Veckan: {{ local.week.dates }}.", "Veckan: {{ local.week.dates }}. Sekretessen följer av OSL 10 kap. 18 a §.")
LEGAL_EN = EN.replace("sources: [S32]\n", "sources: [S32]\nlegal_checked: 2026-11-27\n").replace(
    "The week: {{ local.week.dates }}.", "The week: {{ local.week.dates }}. Secrecy follows OSL chapter 10, section 18 a.")


def test_avoided_term_in_an_english_page(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.en.md:19: 'empty threats' is a rendering the term base "
                           "avoids. Fix: write 'empty promises' (docs/_data/terms.yml: tomma-loften)."],
                en=EN.replace("The week:", "No empty\nthreats. The week:"))


def test_avoided_term_in_a_swedish_page(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:23: 'strängt men medkännande' is a rendering the "
                           "term base avoids. Fix: write 'bestämt men medkännande' (docs/_data/terms.yml: "
                           "bestamt-men-medkannande)."],
                sv=SV.replace("Fråga gruppen vad", "Var strängt men medkännande. Fråga gruppen vad"))


def test_a_page_citing_osl_without_legal_checked(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:19: the page cites law (a statute, a bill or SFS) "
                           "but has no 'legal_checked' in its front matter. The same at "
                           "docs/strategi/testmodul.en.md:19. Fix: check the page against "
                           "docs/_data/rules.yml and add 'legal_checked:"],
                sv=LEGAL_SV.replace("legal_checked: 2026-11-27\n", ""),
                en=LEGAL_EN.replace("legal_checked: 2026-11-27\n", ""))


def test_a_malformed_legal_checked_date(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:9: legal_checked '27 november 2026' is not a date. "
                           "Fix: write the date you checked the page's law as YYYY-MM-DD"],
                sv=LEGAL_SV.replace("legal_checked: 2026-11-27", "legal_checked: 27 november 2026"))


def test_a_future_legal_checked_date(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:9: legal_checked 2999-01-01 is in the future. "
                           "The same at docs/strategi/testmodul.en.md:9."],
                sv=LEGAL_SV.replace("2026-11-27", "2999-01-01"), en=LEGAL_EN.replace("2026-11-27", "2999-01-01"))


def test_a_du_ni_mixed_sentence(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:19: the sentence mixes 'du' and 'era'; the house style "
                           "never addresses the reader as both 'du' and 'ni' in one sentence. Fix: write the "
                           "sentence to 'du'"],
                sv=SV.replace("Veckan:", "Om du är osäker, fråga era jurister. Veckan:"))


def _relaxed(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("strict: true", "strict: false"), encoding="utf-8")
    return project


def test_legal_checked_and_current_to_render_in_both_languages(tmp_path):
    result = build(_relaxed(make_project(tmp_path, sv=LEGAL_SV, en=LEGAL_EN)), tmp_path / "site")
    assert result.returncode == 0, result.output
    sv = (tmp_path / "site/strategi/testmodul/index.html").read_text(encoding="utf-8")
    en = (tmp_path / "site/en/strategi/testmodul/index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="gvi-legal-notice">Rättsläget kontrollerat 27 november 2026\. '
                     r'<a href="\.\./\.\./rattslaget/">Så ser rättsläget ut</a>\. Webbplatsen är inte juridisk '
                     r'rådgivning och har inte granskats av en jurist\.</p>', sv), sv
    assert re.search(r'<p class="gvi-legal-notice">Legal position checked 27 November 2026\. '
                     r'<a href="\.\./\.\./rattslaget/">The legal position</a>\. This site is not legal advice '
                     r'and has not been reviewed by a lawyer\.</p>', en)
    # Near the top: right under the title, before the first section.
    assert sv.index("gvi-legal-notice") < sv.index('id="budskapet"')
    assert "Innehållet gäller per 6 december 2026" in sv and "Content current as of 6 December 2026" in en
    status = (tmp_path / "site/rattslaget/index.html").read_text(encoding="utf-8")
    assert '<a href="../strategi/testmodul/">Testmodul</a>' in status


RULE_SV = LEGAL_SV.replace("Sekretessen följer av OSL 10 kap. 18 a §.", "{{ rule.osl-10-18a }}")
RULE_EN = LEGAL_EN.replace("Secrecy follows OSL chapter 10, section 18 a.", "{{ rule.osl-10-18a }}")


def _review(project, rule: str, digest: str) -> None:
    (project / "docs/_data/reviews.yml").write_text(
        "reviews:\n  - name: Exempel Exempelsson (fiktiv)\n    role: kommunjurist\n    organisation: Exempelstad\n"
        f"    date: 2026-12-06\n    rules: {{{rule}: {digest}}}\n", encoding="utf-8")


def _digest(project, rule: str) -> str:
    import yaml
    from gvi import legal, rules
    data = lambda name: yaml.safe_load((project / "docs/_data" / name).read_text(encoding="utf-8"))  # noqa: E731
    sources = {**data("sources.yml")}
    for extra in (project / "docs/_data/sources").glob("*.yml"):
        sources.update(yaml.safe_load(extra.read_text(encoding="utf-8")))
    acts = legal.parse(data("legal.yml"), "legal.yml", {}, ["sv", "en"], sources)[0].acts
    return rules.parse(data("rules.yml"), "rules.yml", {}, ["sv", "en"], sources, acts)[0].rules[rule].digest


def test_a_rule_is_stated_in_the_rule_bases_words_with_citation_and_status(tmp_path):
    result = build(_relaxed(make_project(tmp_path, sv=RULE_SV, en=RULE_EN)), tmp_path / "site")
    assert result.returncode == 0, result.output
    sv = " ".join(_text((tmp_path / "site/strategi/testmodul/index.html").read_text(encoding="utf-8")).split())
    en = " ".join(_text((tmp_path / "site/en/strategi/testmodul/index.html").read_text(encoding="utf-8")).split())
    import yaml
    rule = yaml.safe_load((ROOT / "docs/_data/rules.yml").read_text(encoding="utf-8"))["rules"]["osl-10-18a"]
    assert " ".join(rule["text"]["sv"].split())[:60] in sv
    assert "OSL 10 kap. 18 a §" in sv and "gäller sedan" in sv
    assert "OSL chapter 10, section 18 a" in en and "in force since" in en
    assert "{{" not in sv + en
    page = (tmp_path / "site/strategi/testmodul/index.html").read_text(encoding="utf-8")
    assert 'href="../../rattslaget/#osl-10-18a"' in page
    status = (tmp_path / "site/rattslaget/index.html").read_text(encoding="utf-8")
    assert 'id="osl-10-18a"' in status and '<a href="../strategi/testmodul/">Testmodul</a>' in status


def test_the_notice_says_reviewed_only_while_the_review_covers_the_rules_text(tmp_path):
    project = _relaxed(make_project(tmp_path, sv=RULE_SV, en=RULE_EN))
    _review(project, "osl-10-18a", _digest(project, "osl-10-18a"))
    assert build(project, tmp_path / "site").returncode == 0
    sv = (tmp_path / "site/strategi/testmodul/index.html").read_text(encoding="utf-8")
    assert "granskade av Exempel Exempelsson (fiktiv), kommunjurist, Exempelstad, 6 december 2026" in sv
    assert "inte juridisk rådgivning" not in sv
    other = (tmp_path / "site/bra/informationsdelning/index.html").read_text(encoding="utf-8")
    assert "inte juridisk rådgivning" in other  # its other rules are not reviewed


def test_a_lapsed_review_fails_naming_its_line(tmp_path):
    project = make_project(tmp_path, sv=RULE_SV, en=RULE_EN)
    _review(project, "osl-10-18a", "0123456789ab")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/_data/reviews.yml:6: the review of rule 'osl-10-18a' by Exempel Exempelsson (fiktiv) (2026-12-06) " \
           "covers an earlier text of the rule (digest 0123456789ab; now " in result.output, result.output


def test_a_citation_without_a_rule_fails_naming_the_nearest(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:20: the page cites OSL 10 kap. 99 §, which no rule in "
                           "docs/_data/rules.yml states (nearest rule: osl-10-"],
                sv=LEGAL_SV.replace("OSL 10 kap. 18 a §", "OSL 10 kap. 99 §"), en=LEGAL_EN)


def test_an_unknown_rule_id_fails_naming_the_nearest(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:20: '{{ rule.osl-10-18 }}' names no rule. The same at "
                           "docs/strategi/testmodul.en.md:20. Fix: use an id from docs/_data/rules.yml (nearest: "
                           "osl-10-18a)."],
                sv=RULE_SV.replace("osl-10-18a", "osl-10-18"), en=RULE_EN.replace("osl-10-18a", "osl-10-18"))


def test_a_topic_without_its_rule_fails(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:19: the page discusses sanktioner och konsekvenser "
                           "('sanktion') without the rule that limits it."],
                sv=SV.replace("Veckan:", "Gruppen får sanktioner om våldet fortsätter. Veckan:"))
    build_fails(tmp_path / "2", ["docs/strategi/testmodul.md:19: the paragraph discusses frivilligt stöd och "
                                 "tvångsvård (LVU och LVM)"],
                sv=SV.replace("Veckan:", "Stödet från socialtjänsten är frivilligt. Veckan:"))


def test_a_proposal_whose_date_has_passed_fails(tmp_path):
    project = make_project(tmp_path)
    path = project / "docs/_data/rules.yml"
    text = path.read_text(encoding="utf-8")
    stale = ("  prop-test:\n    bill: \"Prop. 2024/25:999\"\n    title: {sv: Test, en: Test}\n"
             "    text: {sv: Ett förslag., en: A proposal.}\n    status: proposed\n    proposed_in_force: 2025-12-01\n"
             "    sources: [S32]\n    checked: 2026-12-06\n")
    path.write_text(text.replace("rules:\n", "rules:\n" + stale, 1), encoding="utf-8")
    line = text[:text.index("rules:\n")].count("\n") + 1 + 6
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"docs/_data/rules.yml:{line}: rule 'prop-test' is 'proposed' with a proposed entry into force of "
            "2025-12-01, on or before the day it was checked (2026-12-06).") in result.output, result.output


# The legal-status page of the real site lists every reference the pages make. -------------------

SV_SECTION = re.compile(r"(?<![\w])(\d+) kap\. (\d+(?: [a-z](?![\w]))?) §")
EN_SECTION = re.compile(r"(?<![\w])[Cc]hapter (\d+),? [Ss]ection (\d+(?: [a-z](?![\w]))?)")
BILL = re.compile(r"(?<![\w/])(\d{4}/\d{2}:\d+)(?![\w:])")
ACT_WORDS = {"OSL": "Offentlighets- och sekretesslagen", "SoL": "Socialtjänstlagen", "LVU": "vård av unga",
             "LVM": "missbrukare", "BrB": "Brottsbalken", "brottsdatalagen": "Brottsdatalagen",
             "polislagen": "Polislagen", "föräldrabalken": "Föräldrabalken",
             "patientsäkerhetslagen": "Patientsäkerhetslagen"}


def _text(page: str) -> str:
    """The article's (or a fragment's) visible text: no tags, no code, no tooltips' titles."""
    found = re.search(r"<article.*?</article>", page, re.S)
    article = found[0] if found else page
    article = re.sub(r"<(code|pre|script)\b.*?</\1>", " ", article, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article)).replace("\xa0", " ")


def test_the_status_page_lists_every_reference_of_the_real_site(site):
    """The real site as every test sees it (the session's strict build)."""
    for lang, prefix, section in (("sv", "", SV_SECTION), ("en", "en/", EN_SECTION)):
        status_html = (site / prefix / "rattslaget/index.html").read_text(encoding="utf-8")
        status = _text(status_html)
        missing, checked = [], 0
        for page in sorted((site / prefix).rglob("index.html")):
            rel = page.parent.relative_to(site / prefix).as_posix()
            if rel.startswith(("assets", "search", "rattslaget")) or (lang == "sv" and rel.startswith("en")):
                continue
            text = _text(page.read_text(encoding="utf-8"))
            link = "../" + ("" if rel == "." else rel + "/")
            for chapter, number in set(section.findall(text)):
                checked += 1
                shown = f"{chapter} kap. {number} §" if lang == "sv" else f"chapter {chapter}, section {number}"
                if not any(shown in _text(li) and f'href="{link}"' in li for li in status_html.split("<li>")):
                    missing.append(f"{rel}: {shown}")
            for bill in set(BILL.findall(text)):
                checked += 1
                if bill not in status:
                    missing.append(f"{rel}: {bill}")
            if lang == "sv":
                for word, name in ACT_WORDS.items():
                    if re.search(rf"(?<![\w-]){re.escape(word)}", text) and name.lower() not in status.lower():
                        missing.append(f"{rel}: {word}")
        assert checked > 10, f"too few references found in the {lang} pages to test anything"
        assert missing == [], f"the {lang} legal-status page misses: {missing}"


def test_check_content_finds_the_same_problems_without_a_build(tmp_path):
    from test_check_content import check
    project = make_project(tmp_path, sv=LEGAL_SV.replace("legal_checked: 2026-11-27\n", "").replace(
        "Veckan:", "Om du vill, fråga era jurister om tomma hot. Veckan:"),
        en=LEGAL_EN.replace("legal_checked: 2026-11-27\n", ""))
    code, output = check(project)
    assert code == 1
    for line in ["docs/strategi/testmodul.md:19: 'tomma hot' is a rendering the term base avoids.",
                 "docs/strategi/testmodul.md:19: the sentence mixes 'du' and 'era';",
                 "docs/strategi/testmodul.md:19: the page cites law (a statute, a bill or SFS) but has no 'legal_checked'",
                 "The same at docs/strategi/testmodul.en.md:19."]:
        assert line in output, output


def test_a_rule_reference_inside_a_quiz_fails_the_build(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:36: '{{ cite.osl-10-18a }}' is inside a quiz, which holds "
                           "text only."],
                sv=RULE_SV.replace("question: Fråga 1?", "question: Vad säger {{ cite.osl-10-18a }}?"), en=RULE_EN)
