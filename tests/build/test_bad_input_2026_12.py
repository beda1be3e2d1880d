"""The bad inputs of the December 2026 sweep (/work/shared/reference/bad-input-2026-12.md, issue 24),
by the report's own numbers, each from a fresh copy of the project with one breaking change: one
line naming the file, the line and the fix, and nothing after it (no traceback). The pattern is
test_bad_input.py's: the content check in-process, as scripts/check_content.py runs it, and a real
strict build for every case that used to crash or that only the build can see, two at a time.

The deploy cases (57, 59, 61) are in tests/ci/test_deploy_exact.py, case 74 (a crash under
`make serve`) in test_bad_input.py, the Chromium side of the security cases in
tests/browser/test_csp.py.
"""
from __future__ import annotations

import re

import pytest

from exempelstad import FLAGS, new_site
from support import copy_project
from test_bad_input import (LOCAL, MODULE, MODULE_EN, SOURCES, Case, assert_one_line, both, build_all, check,
                            edit, line_of, project, steps, write)

LEGAL, STRINGS, EDITIONS = "docs/_data/legal.yml", "docs/_data/strings.yml", "docs/_data/editions.yml"
CURRICULUM, ABBREVIATIONS = "docs/_data/curriculum.yml", "docs/_data/abbreviations.yml"
RULES, TERMS = "docs/_data/rules.yml", "docs/_data/terms.yml"
LAW_PAGE, LAW_PAGE_EN = "docs/bra/informationsdelning.md", "docs/bra/informationsdelning.en.md"
Q1 = "question: Fråga 1?\n"
Q1_EN = "question: Question 1?\n"


def at(rel: str, needle: str):
    return lambda root: f"{rel}:{line_of(rel, needle, root)}"


def in_body(sv: str, en: str):
    """A sentence added after the first paragraph of the test module, in both languages."""
    return both("Veckan: {{ local.week.dates }}.", "Veckan: {{ local.week.dates }}.\n\n" + sv,
                "The week: {{ local.week.dates }}.", "The week: {{ local.week.dates }}.\n\n" + en)


CASES = [
    # Crashes (D) -------------------------------------------------------------------------------
    Case("01", edit(LEGAL, "checked: 2026-12-06", "checked: 2026-27-11"), at(LEGAL, "checked: 2026-27-11"),
         "data file is not valid YAML ('2026-27-11' is not a date: month must be in 1..12)", build=True),
    Case("08", edit(STRINGS, "quiz_check: {sv: Kontrollera svaret, en: Check answer}",
                    "quiz_check: {sv: Kontrollera svaret}"), at(STRINGS, "quiz_check:"),
         "string 'quiz_check' has no text for en", build=True),
    Case("10", steps(edit(CURRICULUM, "  polisen: {sv: Polisen, en: The Police}",
                          "  polisen: {sv: Polisen, en: The Police}\n  skolan: {sv: Skolan}"),
                     both("roles: [polisen, socialtjansten]", "roles: [polisen, skolan]")),
         at(CURRICULUM, "  skolan: {sv: Skolan}"), "role 'skolan' has no text for en", build=True),
    Case("11", lambda root: (root / ABBREVIATIONS).write_text("".join(
        "CIRV: Cincinnati Initiative to Reduce Violence\n" if line.startswith("CIRV:") else line
        for line in (root / ABBREVIATIONS).read_text(encoding="utf-8").splitlines(True)), encoding="utf-8"),
         at(ABBREVIATIONS, "CIRV: Cincinnati Initiative to Reduce Violence"), "abbreviation 'CIRV' is one text, not a text per language",
         build=True),
    Case("13", edit(LOCAL, "current_to: 2026-12-06", "current_to: 2026-27-11"), at(LOCAL, "current_to:"),
         "data file is not valid YAML ('2026-27-11' is not a date: month must be in 1..12)", build=True),
    Case("14", edit(LOCAL, "  email: gvi-veckan@example.se", "  email: [a@example.se, b@example.se]"),
         at(LOCAL, "  email: ["), "contact.email must be one e-mail address", build=True),
    Case("24", steps(edit(LAW_PAGE, "legal_checked: 2026-12-06", "legal_checked: 2026-02-30"),
                     edit(LAW_PAGE_EN, "legal_checked: 2026-12-06", "legal_checked: 2026-02-30")),
         f"{LAW_PAGE}:10", "front matter is not valid YAML ('2026-02-30' is not a date: day is out of "
         "range for month)", build=True),
    # Published without a word (C) ---------------------------------------------------------------
    Case("09", edit(STRINGS, 'minutes: {sv: "{n} minuter", en: "{n} minutes"}',
                    'minutes: {sv: "{antal} minuter", en: "{n} minutes"}'), at(STRINGS, "minutes: {sv:"),
         "string 'minutes' has other {slots} in each language (en: {n}; sv: {antal})"),
    Case("12", edit(ABBREVIATIONS, "GVI: {sv:", "NMT: {sv: Nationella metodteamet}\nGVI: {sv:"),
         at(ABBREVIATIONS, "NMT: {sv:"), "abbreviation 'NMT' has no text for en"),
    Case("17", edit(SOURCES, "S2:\n", "S1:\n  title: En helt annan rapport\n  publisher: Exempelförlaget\n"
                    "  year: 2026\nS2:\n"), lambda root: f"{SOURCES}:{line_of(SOURCES, 'En helt annan', root) - 1}",
         "the key 'S1' is here a second time (first on line 6)", build=True),
    Case("19", edit(SOURCES, "  url: https://nnscommunities.org/our-work/strategy/group-violence-intervention",
                    '  url: "javascript:alert(document.domain)"'),
         at(SOURCES, '  url: "javascript:'), "'S1.url' is not an http(s) address"),
    Case("20", edit(LOCAL, "  city: Stockholm", "  city: 'Stockholm<script>alert(\"local\")</script>'"),
         at(LOCAL, "  city: 'Stockholm<script>"), "'week.city' holds markup ('<script>')", build=True),
    Case("26", both("sources: [S32]", "sources: [S32, S1]\nsources: [S1, S32]"), f"{MODULE}:9",
         "front matter has 'sources' a second time (first on line 8)", build=True),
    Case("27", edit(MODULE, "title: Testmodul\n", "title: Testmodul\ndescription: Här lär du dig hur ni för fram "
                    "budskapet.\n"), f"{MODULE}:5", "the description: the sentence mixes 'du' and 'ni'"),
    Case("40", edit("mkdocs.yml", "            Polisen: The Police", "            Polisen: Police checklist\n"
                    "            Polisen: The Police"), at("mkdocs.yml", "            Polisen: The Police"),
         "nav_translations gives 'Polisen' twice (first on line"),
    Case("41", edit("mkdocs.yml", "            Ordlista: Glossary", "            Ordlista:"),
         at("mkdocs.yml", "            Ordlista:"), "the nav title 'Ordlista' has an empty 'en' title in "
         "nav_translations, so the 'en' menu would show 'None'", build=True),
    Case("42", edit("mkdocs.yml", "      - Testmodul: strategi/testmodul.md",
                    "      - Testmodul: strategi/testmodul.md\n      - Testmodul igen: strategi/testmodul.md"),
         at("mkdocs.yml", "      - Testmodul igen: strategi/testmodul.md"),
         "the nav lists 'strategi/testmodul.md' twice (first on line"),
    Case("44", lambda root: (root / MODULE_EN).write_text((root / MODULE).read_text(encoding="utf-8").replace(
        "## Budskapet", "## Budskapet {#budskapet}").replace("## Att ta med sig", "## Att ta med sig {#att-ta-med-sig}")
        .replace("## Testa dig själv", "## Testa dig själv {#testa-dig-sjalv}"), encoding="utf-8"),
         f"{MODULE_EN}:", "lines of running text here are word for word those of docs/strategi/testmodul.md",
         build=True),
    Case("69", both("Veckan: {{ local.week.dates }}.", 'Veckan: {{ local.week.dates }}.\n\n--8<-- "lokal-text.md"',
                    "The week: {{ local.week.dates }}.", 'The week: {{ local.week.dates }}.\n\n--8<-- "lokal-text.md"'),
         f"{MODULE}:21", "the snippet 'lokal-text.md' is not in docs/_data/snippets/", build=True),
    Case("71", edit(MODULE, "title: Testmodul\n", "title: Testmodul\ndescription: Budskapet utan tomma hot.\n"),
         f"{MODULE}:5", "the description: 'tomma hot' is a rendering the term base avoids", build=True),
    Case("72", both("title: Testmodul\n", "title: Testmodul\ndescription: Budskapet från veckan {{ local.week.dates }}.\n",
                    "title: Test module\n", "title: Test module\ndescription: The message of {{ local.week.dates }}.\n"),
         f"{MODULE}:5", "the description holds a placeholder ('{{ local.week.dates }}')", build=True),
    Case("06", edit(EDITIONS, "    date: 2023-01-23", "    date: 2023-02-23"), at(EDITIONS, '  - name: "2023-01"'),
         "edition '2023-01': 'date' must be the week's first day, a date in 2023-01"),
    Case("07", edit(EDITIONS, "week: {sv: 23–26 januari 2023,", "week: {sv: 23–27 januari 2023,"),
         at(EDITIONS, '  - name: "2023-01"'), "edition '2023-01': the week (sv) '23–27 januari 2023' is not the "
         "week in local.yml ('23–26 januari 2023')"),
    Case("49", edit(EDITIONS, "en: 23–26 January 2023}", "en: \"April 23–26, 2023\"}"),
         at(EDITIONS, '  - name: "2023-01"'), "edition '2023-01': the week (en) 'April 23–26, 2023' does not "
         "start on its first day 2023-01-23"),
    Case("35", edit(MODULE, "Veckan: {{ local.week.dates }}.", "Veckan: {{ local.week.dates }}.\n\n"
                    "Järfällamodellen bygger på samma budskap."), f"{MODULE}:21",
         "shared page names 'Järfällamodellen'"),
    Case("36", steps(write("docs/_data/snippets/lokalt.md", "Här i Järfälla sker call-in i kommunhuset.\n"),
                     both("Veckan: {{ local.week.dates }}.", 'Veckan: {{ local.week.dates }}.\n\n--8<-- "lokalt.md"',
                          "The week: {{ local.week.dates }}.", 'The week: {{ local.week.dates }}.\n\n--8<-- "lokalt.md"')),
         f"{MODULE}:21", "through the snippet 'lokalt.md' (its line 1): shared page names 'Järfälla'"),
    Case("37", edit(LOCAL, "  dates: {sv: 23–26 januari 2023, en: 23–26 January 2023}", "  dates: 23–26 januari 2023"),
         at(LOCAL, "  dates: 23–26 januari 2023"), "local fact 'week.dates' is one Swedish text ('23–26 januari 2023')"),
    Case("39", lambda root: (root / "mkdocs.yml").write_text(re.sub(
        r"\n        - locale: en\n(?:          .*\n|\n(?=          ))*", "\n",
        (root / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"),
         at("mkdocs.yml", "      languages:"), "the i18n plugin builds no 'en', but", build=True),
    Case("25", edit(LAW_PAGE, "som gäller sedan 1 december 2025.", "som ännu inte har trätt i kraft."),
         at(LAW_PAGE, "- **Proposition 2024/25:180**"), "the page says that 'Uppgifter till en annan myndighet för att "
         "förebygga och utreda brott' (OSL 10 kap. 15 a §) is not (yet) in force ('inte har trätt i kraft'), but docs/_data/rules.yml has rule 'osl-10-15a' in force since 2025-12-01 "
         "(SFS 2025:934)", build=True),
    Case("25b", edit(LAW_PAGE_EN, "- **Proposals that affect the target group.** {{ rule.lvu-2027 }}",
                     "- **Proposals that affect the target group.** The new LVU act ({{ cite.lvu-2027 }}) has "
                     "been in force since 1 January 2027. {{ rule.lvu-2027 }}"),
         at(LAW_PAGE_EN, "- **Proposals that affect the target group.**"), "the page says that 'A new act to "
         "replace LVU (proposal)' (Utkast till lagrådsremiss, december 2025) is in force now ('has been in force'), but docs/_data/rules.yml has rule "
         "'lvu-2027' proposed for 2027-01-01, not in force"),
    Case("38", edit("mkdocs.yml", "fallback_to_default: false", "fallback_to_defualt: false"),
         at("mkdocs.yml", "fallback_to_defualt: false"), "the plugin 'i18n' has no setting 'fallback_to_defualt': "
         "MkDocs ignores it and uses the default. Fix: write 'fallback_to_default'", build=True),
    # Failed well already (A), kept so: one line each, from the content check -----------------------
    Case("02", edit(RULES, "status: in_force", "status: in-force"), at(RULES, "status: in-force"),
         "has status 'in-force'. Fix: use one of: in_force, proposed, repealed, not_confirmed"),
    Case("03", edit(LEGAL, "checked: 2026-12-06", "checked: 2026-12-06\nreviewed_by_lawyer: ja"),
         at(LEGAL, "reviewed_by_lawyer: ja"), "'reviewed_by_lawyer' is gone: a lawyer's review is recorded per rule"),
    Case("04", in_body("Budskapet är inga tomma hot.", "The message holds no promises it cannot keep."),
         f"{MODULE}:21", "'tomma hot' is a rendering the term base avoids. Fix: write 'tomma löften'"),
    Case("05", edit(MODULE_EN, "# Test module", "# Test module without empty threats"), f"{MODULE_EN}:11",
         "'empty threats' is a rendering the term base avoids. Fix: write 'empty promises'"),
    Case("15", edit(LOCAL, "own_names: [Upplands-Bro, Järfälla, Kungsängen, Bro]",
                    "own_names: Upplands-Bro, Järfälla, Kungsängen, Bro"), at(LOCAL, "own_names: Upplands-Bro"),
         "site.own_names must be a list of place and organisation names"),
    Case("16", edit(LOCAL, "  id: gvi-jarfalla-upplands-bro\n", ""), "docs/om/webbplatsen.md:",
         "unknown local fact 'site.id'"),
    Case("18", write("docs/_data/sources/extra.yml", "S1:\n  title: En annan rapport\n  publisher: X\n  year: 2026\n"),
         "docs/_data/sources/extra.yml:1", "source key 'S1' is already defined in sources.yml"),
    Case("21", steps(edit(LAW_PAGE, "legal_checked: 2026-12-06", "legal_checked: 2027-06-01"),
                     edit(LAW_PAGE_EN, "legal_checked: 2026-12-06", "legal_checked: 2027-06-01")),
         f"{LAW_PAGE}:10", "legal_checked 2027-06-01 is in the future. The same at docs/bra/informationsdelning.en.md:10"),
    Case("22", steps(edit(LAW_PAGE, "legal_checked: 2026-12-06", "legal_checked: 27 november 2026"),
                     edit(LAW_PAGE_EN, "legal_checked: 2026-12-06", "legal_checked: 27 november 2026")),
         f"{LAW_PAGE}:10", "legal_checked '27 november 2026' is not a date"),
    Case("23", in_body("Se OSL 10 kap. 18 a §.", "See OSL chapter 10, section 18 a."), f"{MODULE}:21",
         "the page cites law (a statute, a bill or SFS) but has no 'legal_checked'"),
    Case("28", both("## Testa dig själv", "## Testa dig själv {data-minutes=25}", "## Check yourself {#testa-dig-sjalv}",
                    "## Check yourself {#testa-dig-sjalv data-minutes=25}"), f"{MODULE_EN}:31",
         "the sections' planned minutes reach 25 at heading 'Check yourself', more than the module's duration of 20",
         lines=2),
    Case("29", both("## Budskapet", "## Budskapet {data-minutes=sex}", "## The message {#budskapet}",
                    "## The message {#budskapet data-minutes=sex}"), f"{MODULE_EN}:17",
         "heading 'The message' has data-minutes='sex', not a whole number of minutes", lines=2),
    Case("30", both("## Budskapet", "## Budskapet {data-minutes=4}", "## The message {#budskapet}",
                    "## The message {#budskapet data-minutes=6}"), f"{MODULE_EN}:17",
         "heading 'The message' plans 6 minutes, but the matching heading in docs/strategi/testmodul.md (line 17) plans 4"),
    Case("31", edit(MODULE, "## Budskapet", "## Budskapet {data-minutes=7.5}"), f"{MODULE}:17",
         "heading 'Budskapet' has data-minutes='7.5', not a whole number of minutes"),  # and no knock-on line
    Case("32", in_body("Innan du talar ska ni stämma av budskapet med era kollegor.",
                       "Before you speak, check the message with your colleagues."), f"{MODULE}:21",
         "the sentence mixes 'du' and 'ni'"),
    Case("33", edit(MODULE, "  - text: Falskt.\n```", "  - text: Falskt.\n    feedback: Du har fel, men ni kan försöka "
                    "igen.\n```"), f"{MODULE}:40", "the sentence mixes 'Du' and 'ni'"),
    Case("34", in_body("I Järfälla fördes budskapet fram i stadshuset.", "In Järfälla the message was delivered in "
                       "the town hall."), f"{MODULE}:21", "shared page names 'Järfälla', which docs/_data/local.yml "
         "lists as this site's own (site.own_names), outside a marked example. The same at docs/strategi/testmodul.en.md:21"),
    Case("73", edit(TERMS, "  tomma-loften:\n", "  atgard:\n    sv: åtgärd\n    en: measure\n    avoid: {sv: [insatserna]}"
                    "\n  tomma-loften:\n"), "docs/checklistor/stod.md:", "'insatserna' is a rendering the term base "
         "avoids. The same at docs/roller/stod-och-avhopp.md"),
    Case("45", both("??? trainer\n\n    Fråga gruppen vad de redan vet.", "??? trainer\n\nFråga gruppen vad de redan vet.",
                    "??? trainer\n\n    Ask the group what they already know.",
                    "??? trainer\n\nAsk the group what they already know."), f"{MODULE}:21",
         "the box '??? trainer' is empty: the text after it is not indented"),
    Case("70", lambda root: [(root / rel).write_text((root / rel).read_text(encoding="utf-8").replace(
        "```quiz\nid: testmodul-prov-3", "<!--\n```quiz\nid: testmodul-prov-3") + "-->\n", encoding="utf-8")
        for rel in (MODULE, MODULE_EN)],
         f"{MODULE}:52", "a quiz inside an HTML comment (<!-- … -->) is hidden from readers"),
    Case("64", in_body('<script>document.documentElement.setAttribute("data-sweep", "ran")</script>',
                       '<script>document.documentElement.setAttribute("data-sweep", "ran")</script>'),
         f"{MODULE}:21", "the HTML tag <script> is not allowed in content", build=True),
    Case("65", in_body("[Läs mer om budskapet](javascript:alert(document.domain))",
                       "[Read more](javascript:alert(document.domain))"), f"{MODULE}:21",
         "the link: the address 'javascript:alert(document.domain)' is a javascript: address", build=True),
    Case("66a", both("  - text: Falskt.\n```\n\n```quiz\nid: testmodul-prov-2",
                     "  - text: Falskt.\n    feedback: Nej.<script>alert(1)</script>\n```\n\n```quiz\nid: testmodul-prov-2",
                     "  - text: False.\n```\n\n```quiz\nid: testmodul-prov-2",
                     "  - text: False.\n    feedback: No.<script>alert(1)</script>\n```\n\n```quiz\nid: testmodul-prov-2"),
         f"{MODULE}:39", "quiz 'testmodul-prov-1': option 2 feedback holds markup ('<script>')", build=True),
    Case("66b", both(Q1, "question: Fråga 1 <img src=x onerror=alert(1)>?\n", Q1_EN,
                     "question: Question 1 <img src=x onerror=alert(1)>?\n"),
         f"{MODULE}:35", "quiz 'testmodul-prov-1': question holds markup ('<img src=x onerror=alert(1)>')"),
    Case("67", both(Q1, Q1 + "explanation: Se [förklaringen](javascript:alert(document.cookie)).\n", Q1_EN,
                    Q1_EN + "explanation: See [the explanation](javascript:alert(document.cookie)).\n"),
         f"{MODULE}:36", "quiz 'testmodul-prov-1': explanation: the address 'javascript:alert(document.cookie)' "
         "is a javascript: address", build=True),
    Case("68a", in_body("![Bild från ett call-in](https://images.example.com/call-in.jpg)",
                        "![A call-in](https://images.example.com/call-in.jpg)"), f"{MODULE}:21",
         "the image: the address 'https://images.example.com/call-in.jpg' loads from another host", build=True),
    Case("68b", in_body('<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
                        '<iframe src="https://www.youtube.com/embed/abc123"></iframe>'), f"{MODULE}:21",
         "the HTML tag <iframe> is not allowed in content"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.number)
def test_the_content_check_gives_one_line(case, tmp_path):
    root = project(tmp_path)
    case.change(root)
    code, output = check(root)
    assert code == 1, output
    assert_one_line(output, case, root)


BUILD_CASES = [c for c in CASES if c.build]


@pytest.fixture(scope="module")
def build_outputs(tmp_path_factory):
    return build_all(tmp_path_factory, "bad-input-builds-2026-12", BUILD_CASES)


@pytest.mark.parametrize("case", BUILD_CASES, ids=lambda c: c.number)
def test_the_strict_build_gives_one_line_and_stops(case, build_outputs):
    output, root = build_outputs[case.number]
    assert "Documentation built" not in output
    assert "Traceback" not in output
    problems = [line for line in output.splitlines() if "WARNING" in line or "ERROR" in line]
    where = case.where(root) if callable(case.where) else case.where
    assert any(where in line and case.says in line and " Fix: " in line for line in problems), output
    assert "the site was NOT built" in output or "Aborted with" in output


def test_48_the_starter_refuses_a_day_that_does_not_exist(tmp_path):
    project_dir = copy_project(tmp_path / "project", parts=("mkdocs.yml", "docs", "scripts"))
    before = (project_dir / LOCAL).read_bytes()
    done = new_site(project_dir, flags=[v if v != "2027-03-08" else "2027-02-30" for v in FLAGS]
                    + [])  # the edition stays 2027-03: first the month is wrong
    assert done.returncode == 2 and "--first-day '2027-02-30' must be a day in 2027-03" in done.stderr
    flags = [{"2027-03-08": "2027-02-30", "2027-03": "2027-02"}.get(v, v) for v in FLAGS]
    done = new_site(project_dir, flags=flags)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "--first-day '2027-02-30' is not a day of the calendar" in done.stderr
    assert "Traceback" not in done.stderr
    assert (project_dir / LOCAL).read_bytes() == before


def test_46_a_file_name_with_a_space_is_one_line(tmp_path):
    """(The shared one-line parser reads paths without spaces, so this case has its own test.)"""
    root = project(tmp_path)
    (root / MODULE).rename(root / "docs/strategi/test modul.md")
    (root / MODULE_EN).rename(root / "docs/strategi/test modul.en.md")
    edit("mkdocs.yml", "strategi/testmodul.md", "strategi/test modul.md")(root)
    code, output = check(root)
    assert code == 1
    lines = output.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(
        "docs/strategi/test modul.md:1: the file name 'strategi/test modul.md' holds a space, a capital or a "
        "letter outside a–z"), output
    assert " Fix: rename the file" in lines[0]


def test_50_the_starter_refuses_a_shared_role_as_an_own_name(tmp_path):
    project_dir = copy_project(tmp_path / "project", parts=("mkdocs.yml", "docs", "scripts"))
    before = (project_dir / LOCAL).read_bytes()
    done = new_site(project_dir, flags=FLAGS + ["--own-name", "Polisen"])
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip().splitlines() == [
        "new_site.py: --own-name 'Polisen' is not the site's own: it is a role of the shared curriculum "
        "(docs/_data/curriculum.yml: roles.polisen), named on every site's pages. Fix: give only the "
        "site's own places and organisations, e.g. --own-name Järfälla --own-name 'LPO Järfälla'."], done.stderr
    assert (project_dir / LOCAL).read_bytes() == before


def test_49_the_starter_refuses_dates_that_contradict_the_first_day(tmp_path):
    project_dir = copy_project(tmp_path / "project", parts=("mkdocs.yml", "docs", "scripts"))
    before = (project_dir / LOCAL).read_bytes()
    flags = [{"8–11 mars 2027": "15–18 mars 2027", "March 8–11, 2027": "April 15–18, 2027"}.get(v, v) for v in FLAGS]
    done = new_site(project_dir, flags=flags)
    assert done.returncode == 1, done.stdout + done.stderr
    assert ("docs/_data/editions.yml:" in done.stderr and "edition '2027-03': the week (sv) '15–18 mars 2027' "
            "does not start on its first day 2027-03-08" in done.stderr), done.stderr
    assert "nothing was written" in done.stderr and (project_dir / LOCAL).read_bytes() == before
