"""The legal rule base (gvi/rules.py): parsing, staleness, references, citations, topics, reviews
and the deploy refusal."""
from __future__ import annotations

import copy
import dataclasses
import datetime
import re

import pytest

from gvi import legal, rules

LANGS = ["sv", "en"]
TODAY = datetime.date(2026, 12, 6)
SOURCES = {"P1": {"title": "Pressmeddelande", "url": "https://example.org/p1"}, "SFS": {"title": "SFS"}}
ACTS = {
    "osl": {"abbr": ["OSL"], "sfs": "2009:400",
            "name": {"sv": "offentlighets- och sekretesslagen", "en": "Public Access to Information and Secrecy Act"}},
    "polislagen": {"sfs": "1984:387", "name": {"sv": "polislagen", "en": "Police Act"}},
}
RULES = {
    "rules": {
        "osl-10-15a": {
            "act": "osl", "chapter": "10", "section": "15 a", "bill": "Prop. 2024/25:180",
            "title": {"sv": "Uppgifter till en annan myndighet", "en": "Information to another agency"},
            "text": {"sv": "En myndighet får lämna uppgifter om det behövs, efter en intresseavvägning.",
                     "en": "An agency may disclose information if needed, after weighing the interests."},
            "status": "in_force", "sfs": "2025:934", "in_force": datetime.date(2025, 12, 1),
            "sources": ["P1"], "checked": TODAY},
        "polislagen-8": {
            "act": "polislagen", "section": "8",
            "title": {"sv": "Proportionalitet", "en": "Proportionality"},
            "text": {"sv": "Polisen ingriper bara när det behövs.", "en": "The Police intervene only when needed."},
            "status": "in_force", "sfs": "1984:387", "in_force": datetime.date(1984, 10, 1),
            "sources": ["SFS"], "checked": TODAY},
        "prop-x": {
            "bill": "Prop. 2026/27:1", "title": {"sv": "Förslag", "en": "Proposal"},
            "text": {"sv": "Något föreslås.", "en": "Something is proposed."},
            "status": "proposed", "proposed_in_force": datetime.date(2027, 7, 1),
            "sources": ["P1"], "checked": TODAY,
            "open": {"sv": "Riksdagen har inte beslutat.", "en": "The Riksdag has not decided."}},
    },
    "topics": {
        "sanktioner": {"name": {"sv": "sanktioner", "en": "sanctions"},
                       "match": {"sv": [r"\bsanktion"], "en": [r"\bsanction"]},
                       "rules": ["polislagen-8"]},
    },
}
STRINGS = {
    "rule_status_in_force": {"sv": "gäller sedan {date}, SFS {sfs}", "en": "in force since {date}, SFS {sfs}"},
    "rule_status_proposed": {"sv": "förslag i {bill} från {date}", "en": "proposed in {bill} from {date}"},
    "rule_status_repealed": {"sv": "upphävd {date}", "en": "repealed {date}"},
    "rule_status_not_confirmed": {"sv": "inte bekräftad", "en": "not confirmed"},
}


def acts():
    parsed, problems = legal.parse({"checked": TODAY, "acts": ACTS}, "docs/_data/legal.yml", {}, LANGS, SOURCES)
    assert problems == []
    return parsed.acts


def parse(data=None):
    return rules.parse(copy.deepcopy(data or RULES), "docs/_data/rules.yml", {}, LANGS, SOURCES, acts())


def test_a_good_rule_base_parses():
    base, problems = parse()
    assert problems == []
    assert list(base.rules) == ["osl-10-15a", "polislagen-8", "prop-x"]
    assert base.for_provision("osl", ("10", "15 a")).id == "osl-10-15a"
    assert base.for_provision("osl", ("10", "")).id == "osl-10-15a"  # a chapter alone
    assert base.for_provision("osl", ("10", "2")) is None


def test_a_proposal_whose_date_has_passed_on_the_day_it_was_checked_fails():
    data = copy.deepcopy(RULES)
    data["rules"]["prop-x"]["proposed_in_force"] = datetime.date(2025, 12, 1)
    _, problems = parse(data)
    assert len(problems) == 1
    assert "rule 'prop-x' is 'proposed' with a proposed entry into force of 2025-12-01, on or before the day " \
           "it was checked (2026-12-06)" in problems[0].message
    data["rules"]["prop-x"]["status"] = "not_confirmed"
    assert "'not_confirmed'" in parse(data)[1][0].message
    data["rules"]["prop-x"]["proposed_in_force"] = TODAY  # on the day counts too
    assert len(parse(data)[1]) == 1


def test_broken_rules_name_the_rule_and_what_to_fix():
    data = copy.deepcopy(RULES)
    rule = data["rules"]["osl-10-15a"]
    del rule["sfs"]
    rule["act"] = "osl2"
    rule["text"] = {"sv": "bara svenska"}
    rule["sources"] = ["NOPE"]
    rule["checked"] = "2026-02-30"
    rule["colour"] = "red"
    messages = [p.message for p in parse(data)[1]]
    assert "rule 'osl-10-15a' has unknown key 'colour'." in messages
    assert "rule 'osl-10-15a' names act 'osl2', which docs/_data/legal.yml does not list." in messages
    assert "rule 'osl-10-15a' needs 'text' in sv, en." in messages
    assert "rule 'osl-10-15a' is in force but lacks 'sfs' (YYYY:N) or 'in_force' (a date)." in messages
    assert "rule 'osl-10-15a' cites unknown source 'NOPE'." in messages
    assert "rule 'osl-10-15a' has checked '2026-02-30', which is not a date." in messages


def test_two_rules_for_one_provision_fail():
    data = copy.deepcopy(RULES)
    data["rules"]["osl-10-15a-bis"] = copy.deepcopy(data["rules"]["osl-10-15a"])
    assert ["rules 'osl-10-15a' and 'osl-10-15a-bis' are the same act, chapter and section."] == \
        [p.message for p in parse(data)[1]]


def test_expand_states_the_rule_with_its_citation_and_status_in_each_language():
    base, _ = parse()
    text = "Före. {{ rule.osl-10-15a }} Efter {{ cite.osl-10-15a }} och {{ cite.prop-x }}."
    sv = rules.expand(text, base, acts(), "sv", STRINGS, "../rattslaget.md")
    assert sv == ("Före. En myndighet får lämna uppgifter om det behövs, efter en intresseavvägning "
                  "([OSL 10 kap. 15 a §](../rattslaget.md#osl-10-15a), gäller sedan 1 december 2025, SFS 2025:934). "
                  "Efter [OSL 10 kap. 15 a §](../rattslaget.md#osl-10-15a) och "
                  "[prop. 2026/27:1](../rattslaget.md#prop-x) (förslag i prop. 2026/27:1 från 1 juli 2027).")
    en = rules.expand("{{ cite.polislagen-8 }}", base, acts(), "en", STRINGS, "rattslaget.md")
    assert en == "[Police Act section 8](rattslaget.md#polislagen-8)"
    assert rules.expand("{{ rule.nope }}", base, acts(), "sv", STRINGS, "x") == "{{ rule.nope }}"


def test_an_unknown_rule_id_names_the_line_and_the_nearest_rule():
    base, _ = parse()
    problems = rules.check_uses("a\nb {{ rule.osl-10-15 }}", "docs/x.md", base, 10)
    assert [(p.line, p.message, p.fix) for p in problems] == [
        (11, "'{{ rule.osl-10-15 }}' names no rule.", "use an id from docs/_data/rules.yml (nearest: osl-10-15a).")]


def test_a_citation_without_a_rule_fails_with_the_nearest_rule():
    base, _ = parse()
    assert rules.uncited("docs/x.md", 4, "osl", ("10", "15 a"), base, acts(), "sv") == []
    assert rules.uncited("docs/x.md", 4, None, ("10", "2"), base, acts(), "sv") == []  # no act: listed, not checked
    problem, = rules.uncited("docs/x.md", 4, "osl", ("10", "2"), base, acts(), "sv")
    assert (problem.line, problem.message) == (4, "the page cites OSL 10 kap. 2 §, which no rule in "
                                                  "docs/_data/rules.yml states (nearest rule: osl-10-15a).")


def test_a_topic_needs_one_of_its_rules_stated_cited_or_linked():
    base, _ = parse()
    text = "Inledning.\n\nGruppen får sanktioner om våldet fortsätter."
    problem, = rules.topics(text, "sv", "docs/x.md", base, set(), set(), 5)
    assert problem.line == 7 and "the page discusses sanktioner ('sanktion')" in problem.message
    assert "{{ cite.polislagen-8 }}" in problem.fix and "topic 'sanktioner'" in problem.fix
    assert rules.topics(text, "sv", "docs/x.md", base, {"polislagen-8"}, set(), 5) == []
    assert rules.topics(text, "sv", "docs/x.md", base, set(), {"polislagen-8"}, 5) == []
    assert rules.status_links("se [här](../rattslaget.md#polislagen-8)") == {"polislagen-8"}
    assert rules.topics("Inga sådana ord.", "sv", "docs/x.md", base, set(), set()) == []


def test_a_paragraph_topic_needs_its_rule_in_every_paragraph_that_raises_it():
    data = copy.deepcopy(RULES)
    data["topics"]["sanktioner"]["scope"] = "paragraph"
    base, problems = parse(data)
    assert problems == []
    body = ("Sanktioner med {{ cite.polislagen-8 }} här.\n\n- Sanktioner i en punkt utan regel.\n"
            "- Och [sanktioner](../rattslaget.md#polislagen-8) med länk.\n")
    text = rules.blank(body)
    problem, = rules.topics(text, "sv", "docs/x.md", base, {"polislagen-8"}, {"polislagen-8"}, 1, body)
    assert problem.line == 3 and problem.message.startswith("the paragraph discusses sanktioner")


def test_a_review_counts_only_for_the_text_it_reviewed():
    base, _ = parse()
    digest = base.rules["osl-10-15a"].digest
    review = {"reviews": [{"name": "Exempel Exempelsson (fiktiv)", "role": "kommunjurist", "organisation": "Exempelstad",
                           "date": TODAY, "rules": {"osl-10-15a": digest}}]}
    assert rules.parse_reviews(review, "docs/_data/reviews.yml", {}, base) == []
    assert base.review_of("osl-10-15a").organisation == "Exempelstad"
    assert base.review_of("polislagen-8") is None
    data = copy.deepcopy(RULES)
    data["rules"]["osl-10-15a"]["text"]["sv"] += " Ändrad."
    changed, _ = parse(data)
    lapsed, = rules.parse_reviews(review, "docs/_data/reviews.yml", {("reviews", 0, "rules", "osl-10-15a"): 9}, changed)
    assert changed.review_of("osl-10-15a") is None  # the text changed after the review
    assert lapsed.line == 9 and lapsed.message.startswith(
        "the review of rule 'osl-10-15a' by Exempel Exempelsson (fiktiv) (2026-12-06) covers an earlier text")
    bad = rules.parse_reviews({"reviews": [{"name": "X", "date": "igår"}]}, "docs/_data/reviews.yml", {}, base)
    assert bad and "a review" in bad[0].message


def test_deploy_is_refused_on_a_stale_check_or_a_placeholder_contact():
    base, _ = parse()
    good = {"contact": {"email": "gvi@exempelstad.se"}}
    assert rules.check_dates(RULES) == base.checks == {"osl-10-15a": TODAY, "polislagen-8": TODAY, "prop-x": TODAY}
    assert rules.deploy_problems(base.checks, good, TODAY, "docs/_data/rules.yml", "docs/_data/local.yml") == []
    late = TODAY + datetime.timedelta(days=91)
    stale, = rules.deploy_problems(base.checks, good, late, "docs/_data/rules.yml", "docs/_data/local.yml")
    assert stale.startswith("docs/_data/rules.yml: the legal check is 91 days old on 2027-03-07")
    assert "re-check osl-10-15a, polislagen-8, prop-x against SFS" in stale
    assert rules.deploy_problems(base.checks, good, TODAY + datetime.timedelta(days=90), "r", "l") == []
    placeholder, = rules.deploy_problems(base.checks, {"contact": {"email": "gvi@kommun.example"}}, TODAY, "r",
                                         "docs/_data/local.yml")
    assert placeholder.startswith("docs/_data/local.yml: contact.email is the placeholder 'gvi@kommun.example'")
    for email in ("gvi-veckan@example.se", "a@b.invalid", "", "ingen-adress", "x@test.example.com"):
        assert rules.placeholder_email(email), email
    for email in ("a@jarfalla.se", "gvi@exempelstad.se", "info@counterexample.se"):
        assert not rules.placeholder_email(email), email


def test_a_rule_reference_inside_a_quiz_is_refused_with_its_line():
    source = "id: q\nquestion: Vad gäller?\noptions:\n  - text: Det som {{ cite.osl-10-15a }} säger.\n    correct: true\n"
    problem, = rules.in_quiz(source, "docs/x.md", 20)
    assert (problem.line, problem.message) == (24, "'{{ cite.osl-10-15a }}' is inside a quiz, which holds text only.")
    assert rules.in_quiz("id: q\nquestion: Ingen regel här?\n", "docs/x.md", 20) == []


def _claimed(text: str, lang: str) -> list[tuple[str, str]]:
    return [(c.kind, text[c.start:c.end].strip(" .")) for c in rules.claims(text, lang)]


def test_a_status_written_by_hand_is_read_with_its_clause_and_negations_first():
    text = ("OSL 10 kap. 15 a § har ännu inte trätt i kraft. Lagen trädde i kraft 2013; den nya "
            "lagen föreslås gälla från 2027, men OSL 10 kap. 2 § gäller sedan länge.")
    assert _claimed(text, "sv") == [
        ("proposed", "OSL 10 kap. 15 a § har ännu inte trätt i kraft"),
        ("entered", "Lagen trädde i kraft 2013"),
        ("proposed", "den nya lagen föreslås gälla från 2027"),
        ("in_force", "men OSL 10 kap. 2 § gäller sedan länge")]
    english = "The provision is not yet in force. It has been in force since 2025, but the act is proposed."
    assert [kind for kind, _ in _claimed(english, "en")] == ["proposed", "in_force", "proposed"]
    assert _claimed("Checklistan är ett förslag, inte Brås krav.", "sv") == [
        ("proposed", "Checklistan är ett förslag, inte Brås krav")]  # no rule in the clause: nothing to contradict


def test_a_hand_written_status_contradicting_the_rule_base_is_named_with_the_rules_real_status():
    base, problems = parse()
    assert problems == []
    in_force, proposal = base.rules["osl-10-15a"], base.rules["prop-x"]
    repealed = dataclasses.replace(in_force, status="repealed", repealed=datetime.date(2025, 4, 1))
    said = {kind: rules.Claim(kind, 0, words, 0, 10) for kind, words in
            (("proposed", "föreslås"), ("in_force", "gäller sedan"), ("entered", "trädde i kraft"))}
    assert [k for k in said if rules.contradicts(said[k], in_force)] == ["proposed"]
    assert [k for k in said if rules.contradicts(said[k], proposal)] == ["in_force", "entered"]
    assert [k for k in said if rules.contradicts(said[k], repealed)] == ["proposed", "in_force"]
    problem = rules.claim_problem("docs/a.md", 7, said["proposed"], in_force, acts(), "sv")
    assert str(problem).startswith("docs/a.md:7: the page says that 'Uppgifter till en annan myndighet' (OSL 10 "
                                   "kap. 15 a §) is not (yet) in force ('föreslås'), but docs/_data/rules.yml has rule 'osl-10-15a' in force "
                                   "since 2025-12-01 (SFS 2025:934). Fix: state the rule with {{ rule.osl-10-15a }}")


@pytest.mark.parametrize("pattern, starts", [
    (r"\bsekretess", ("sekretess",)),
    ("kännbara konsekvenser", ("kännbara konsekvenser",)),
    (r"(?:stöd|insatser|hjälp)[^.\n]{0,80}(?:är frivillig|bygger på frivillighet)", ("stöd", "insatser", "hjälp")),
    (r"\bpress releases?\b", ("press release",)),  # the s may be missing
    ("pat-?down", ("pat",)),
    ("Samtycke", ("samtycke",)),  # the text is casefolded, so are the words
    ("a?b", None), ("(?:a|b)?c", None), ("foo|bar", None), ("(?:a|b)c|d", None), ("[ab]c", None),
    (r"\w+ consent", None), ("(?i)x", None),
])
def test_a_topic_pattern_is_skipped_only_where_its_first_words_are_missing(pattern, starts):
    assert rules.literal_starts(pattern) == starts
    if starts:  # every match starts with one of them
        for text in ("Det gäller SEKRETESS och Kännbara konsekvenser; stöd är frivilligt. Press release. "
                     "pat down, patdown, samtycke.",):
            for match in re.finditer(pattern, text, re.IGNORECASE):
                assert any(match[0].casefold().startswith(s) for s in starts), (pattern, match[0])


def test_a_status_claim_is_looked_for_only_where_its_words_are_and_found_as_before(monkeypatch):
    """rules.claims skips a kind of claim on a page without any of its words (_CLAIM_WORDS): every
    top-level alternative of its pattern holds one, and on every page of the site and these texts
    it finds what searching every pattern finds."""
    from support import ROOT

    from gvi import prose
    for lang, kinds in rules._CLAIMS.items():
        for kind, pattern in kinds:
            words = rules._CLAIM_WORDS[lang][kind]
            alternatives = re.split(r"\|(?![^(]*\))", pattern.replace(r"\s+", " "))
            assert all(any(w in alt.casefold() for w in words) for alt in alternatives), (lang, kind)
    texts = [prose.mask(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "docs").rglob("*.md"))]
    texts += ["Lagen har ännu inte trätt i kraft. Den GÄLLER SEDAN 2025.", "It is not yet in force; it came into force.",
              "Förslaget föreslås. Det är bara ett förslag som väntas träda i kraft.", "The rule applies since 2024."]
    skipping = [rules.claims(text, lang) for text in texts for lang in ("sv", "en")]
    every = {lang: [(kind, pattern, ("",)) for kind, pattern, _ in patterns]
             for lang, patterns in rules._CLAIM_PATTERNS.items()}
    monkeypatch.setattr(rules, "_CLAIM_PATTERNS", every)
    assert [rules.claims(text, lang) for text in texts for lang in ("sv", "en")] == skipping
    assert sum(map(len, skipping)) > 10
