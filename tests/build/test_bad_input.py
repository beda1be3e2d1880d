"""Every bad input of the November 2026 authoring report (/work/shared/reference/bad-input-2026-11.md,
its 67 cases by its own numbering), each from a fresh copy of the project with one breaking change:
one line naming the file, the line and the fix, and nothing after it (no traceback, no knock-on
message). The report's 4 valid variants still build.

Most cases are caught by the content checks, run in-process here exactly as scripts/check_content.py
runs them; the MkDocs build runs the very same function (gvi_hooks.on_files) and stops before it
renders anything. Real strict builds run where only the build can tell (links, anchors, the rendered
output), for every case that used to crash or end in a traceback, and for the valid variants: two
at a time. `make serve` is tried for real: a `mkdocs serve` on a free port, asked over HTTP.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import io
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from support import BIN, ENV, ROOT, build, free_port, shared
from test_guards import EN, SV, make_project

sys.path.insert(0, str(ROOT / "scripts"))

import check_content  # noqa: E402
import new_module  # noqa: E402

MODULE = "docs/strategi/testmodul.md"
MODULE_EN = "docs/strategi/testmodul.en.md"
LIST, LIST_EN = "docs/checklistor/polisen.md", "docs/checklistor/polisen.en.md"
PROBLEM = re.compile(r"^(?:WARNING -  |ERROR   -  )?(?P<where>[\w./-]+\.(?:md|yml):\d+): (?P<message>.+)$")
NOISE = ("Traceback", "Error reading page", "Failed to load extension", "KeyError", "TypeError",
         "UnicodeDecodeError", "after the front matter", "is not found in the documentation files",
         "are not included in the \"nav\" configuration")

# A checklist of our own (in place of the Police's), so the cases do not depend on the content.
CHECKLIST = {"sv": """---
kind: checklist
role: polisen
title: Checklista för Polisen
sources: [S1]
---

# Checklista för Polisen

## Före ett call-in

- [ ] Boka lokalen i Exempelstad.
- [ ] Ring NNSC om datumet.
- [ ] Skriv Polisens del av manuset.
""", "en": """---
kind: checklist
role: polisen
title: Checklist for the Police
sources: [S1]
---

# Checklist for the Police

## Before a call-in {#fore-ett-call-in}

- [ ] Book the venue in Exempelstad.
- [ ] Call NNSC about the date.
- [ ] Write the Police's part of the script.
"""}


def project(tmp: Path) -> Path:
    """The project with the known-good test module (test_guards) and our own Police checklist."""
    root = make_project(tmp)
    (root / LIST).write_text(CHECKLIST["sv"], encoding="utf-8")
    (root / LIST_EN).write_text(CHECKLIST["en"], encoding="utf-8")
    return root


# Changes ----------------------------------------------------------------------------------------


def edit(rel: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return change


def both(old: str, new: str, en_old: str | None = None, en_new: str | None = None, count: int = 1):
    return steps(edit(MODULE, old, new, count), edit(MODULE_EN, en_old or old, en_new or new, count))


def steps(*changes):
    def change(root: Path) -> None:
        for one in changes:
            one(root)
    return change


def write(rel: str, text: str | bytes):
    def change(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, encoding="utf-8")
    return change


def delete(rel: str):
    return lambda root: (root / rel).unlink()


def nav_entry(title: str, path: str, english: str | None = None):
    """A nav entry after the test module's (and, unless english is None, its nav translation)."""
    changes = [edit("mkdocs.yml", "      - Testmodul: strategi/testmodul.md",
                    f"      - Testmodul: strategi/testmodul.md\n      - {title}: {path}")]
    if english:
        changes.append(edit("mkdocs.yml", "            Testmodul: Test module",
                            f"            Testmodul: Test module\n            {title}: {english}"))
    return steps(*changes)


def module_pair(slug: str, ident: str):
    """A copy of the test module under another slug, with its own module and quiz ids."""
    return steps(write(f"docs/strategi/{slug}.md", SV.replace("testmodul", ident)),
                 write(f"docs/strategi/{slug}.en.md", EN.replace("testmodul", ident)))


def line_of(rel: str, needle: str, root: Path = ROOT) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


LOCAL, SOURCES = "docs/_data/local.yml", "docs/_data/sources.yml"
FIRST_OPTION = "  - text: Sant.\n    correct: true\n  - text: Falskt.\n"
FIRST_OPTION_EN = "  - text: True.\n    correct: true\n  - text: False.\n"
LATIN1 = SV.encode("latin-1")
BAD_UTF8 = SV.replace("Veckan:", "Veckan\udcff\udcfe:").encode("utf-8", "surrogateescape")


@dataclass
class Case:
    number: str
    change: Callable[[Path], None]
    where: str | Callable[[Path], str]  # "docs/strategi/testmodul.md:35": the line's file and line
    says: str  # a part of its message
    build: bool = False  # also a real strict build (only-build cases: check=False)
    check: bool = True  # the content check (check_content.py) finds it too
    lines: int = 1  # problem lines: one, or one per language where both languages hold the mistake


CASES = [
    Case("1", edit(MODULE, "question: Fråga 1?", "question: Vilka: tre saker?"), f"{MODULE}:35",
         "quiz: the body is not valid YAML (mapping values are not allowed here)", build=True),
    Case("1b", edit(MODULE, "    correct: true\n  - text: Falskt.", "      correct: true\n  - text: Falskt."),
         f"{MODULE}:38", "quiz: the body is not valid YAML"),
    Case("2", both(FIRST_OPTION, "  - text: Sant.\n  - text: Falskt.\n", FIRST_OPTION_EN,
                   "  - text: True.\n  - text: False.\n"),
         f"{MODULE}:36", "quiz 'testmodul-prov-1': no option is marked 'correct: true'"),
    Case("3", both(FIRST_OPTION, FIRST_OPTION + "    correct: true\n", FIRST_OPTION_EN,
                   FIRST_OPTION_EN + "    correct: true\n"),
         f"{MODULE}:36", "both options of a true/false question are marked 'correct: true'"),
    Case("3b", both("question: Fråga 1?\noptions:\n" + FIRST_OPTION,
                    "question: Fråga 1?\ntype: single\noptions:\n" + FIRST_OPTION + "    correct: true\n",
                    "question: Question 1?\noptions:\n" + FIRST_OPTION_EN,
                    "question: Question 1?\ntype: single\noptions:\n" + FIRST_OPTION_EN + "    correct: true\n"),
         f"{MODULE}:37", "2 options are marked 'correct: true', but the question is 'type: single'"),
    Case("4a", both("id: testmodul-prov-2", "id: testmodul-prov-1"), f"{MODULE}:42",
         "quiz 'testmodul-prov-1': the id is already used at docs/strategi/testmodul.md:33"),
    Case("4b", both("id: testmodul-prov-1", "id: gvi-budskapets-delar"),
         f"docs/strategi/vad-ar-gvi.md:{line_of('docs/strategi/vad-ar-gvi.md', 'id: gvi-budskapets-delar') - 1}",
         "quiz 'gvi-budskapets-delar': the id is already used at docs/strategi/testmodul.md:33"),
    Case("5", edit(MODULE_EN, FIRST_OPTION_EN, "  - text: True.\n  - text: False.\n    correct: true\n"),
         f"{MODULE_EN}:33", "option(s) 2 are correct here but 1 in docs/strategi/testmodul.md:33"),
    Case("6", delete(MODULE_EN), f"{MODULE}:1", "this page has no 'en' version", build=True),
    Case("6b", steps(write("docs/strategi/bara-svenska.md", SV.replace("testmodul", "bara-svenska")),
                     nav_entry("Bara svenska", "strategi/bara-svenska.md", "Swedish only")),
         "docs/strategi/bara-svenska.md:1", "this page has no 'en' version"),
    Case("7", write("docs/strategi/only-english.en.md", EN.replace("testmodul", "only-english")),
         "docs/strategi/only-english.en.md:1", "this page has no 'sv' version"),
    Case("7b", delete(MODULE), f"{MODULE_EN}:1", "this page has no 'sv' version"),
    Case("8", edit(MODULE_EN, "## The message {#budskapet}", "## The message"), f"{MODULE_EN}:17",
         "heading 'The message' has id 'the-message', but the matching heading in "
         "docs/strategi/testmodul.md (line 17) has id 'budskapet'"),
    Case("8b", edit(MODULE, "## Budskapet", "## Budskapets delar"), f"{MODULE_EN}:17",
         "has id 'budskapet', but the matching heading in docs/strategi/testmodul.md (line 17) has id "
         "'budskapets-delar'"),
    Case("8c", edit(MODULE_EN, "## The message", "### The message"), f"{MODULE_EN}:17",
         "heading 'The message' is level 3"),
    Case("9", edit(MODULE, "(vad-ar-gvi.md)", "(../roller/finns-inte.md)"), f"{MODULE}:19",
         "the link '../roller/finns-inte.md': the target 'roller/finns-inte.md' is not found",
         build=True, check=False),
    Case("10", edit(MODULE, "(vad-ar-gvi.md)", "(../roller/polisen.md#finns-inte)"), f"{MODULE}:19",
         "the doc 'roller/polisen.md' does not contain an anchor '#finns-inte'", build=True, check=False),
    Case("10b", edit(MODULE, "(#budskapet)", "(#finns-inte)"), f"{MODULE}:19",
         "the link '#finns-inte': there is no such anchor on this page", build=True, check=False),
    Case("11", both("socialtjansten]", "polis]"), f"{MODULE}:7", "unknown role 'polis' in 'roles'"),
    Case("11b", both("duration: 20\n", "duration: 20\ndurration: 20\n"), f"{MODULE}:6",
         "unknown front matter key 'durration'"),
    Case("12a", both("sources: [S32]\n", ""), f"{MODULE}:1", "module has no 'sources'"),
    Case("12b", both("sources: [S32]", "sources: [S9999]"), f"{MODULE}:8", "unknown source 'S9999'"),
    Case("12c", both("sources: [S32]", "sources: []"), f"{MODULE}:8",
         "'sources' must be a non-empty list of source keys"),
    Case("13a", both("duration: 20\n", ""), f"{MODULE}:1", "module has no 'duration'", build=True),
    Case("13b", both("duration: 20", 'duration: "abc"'), f"{MODULE}:5",
         "duration 'abc' is not a whole number of minutes"),
    Case("13c", both("duration: 20", "duration: -5"), f"{MODULE}:5",
         "duration -5 is not a whole number of minutes from 1 to 480"),
    Case("13d", edit(MODULE_EN, "duration: 20", "duration: 45"), f"{MODULE_EN}:5",
         "'duration' is 45 here but 20 in docs/strategi/testmodul.md"),
    Case("13e", both("audience: [alla]", "audience: [alla"), f"{MODULE}:6",
         "front matter is not valid YAML (expected ',' or ']', but got ':')"),
    Case("14", edit(MODULE, "{{ local.week.dates }}", "{{ local.week.datum }}"), f"{MODULE}:19",
         "unknown local fact 'week.datum'", build=True),
    Case("14b", edit(MODULE, "{{ local.week.dates }}", "{{ locl.week.dates }}"), f"{MODULE}:19",
         "'{{ locl.week.dates }}' is not a local fact placeholder"),
    Case("14c", edit(MODULE, "{{ local.week.dates }}", "{{ local.week.dates }"), f"{MODULE}:19",
         "'{{ local.week.dates }' is not a local fact placeholder"),
    Case("14d", edit(MODULE, "{{ local.week.dates }}", "{{ local.week }}"), f"{MODULE}:19",
         "local fact 'week' is a group of facts, not one text"),
    Case("15", edit(LOCAL, "en: 23–26 January 2023}", "en: 23–26 January 2023"),
         f"{LOCAL}:{line_of(LOCAL, 'en: 23–26 January 2023}')}", "data file is not valid YAML", build=True),
    Case("15b", lambda root: (root / LOCAL).write_text("".join(
        line for line in (root / LOCAL).read_text(encoding="utf-8").splitlines(True)
        if not line.startswith("  dates:")), encoding="utf-8"),
         "docs/bra/stod-till-nya-orter.md", "unknown local fact 'week.dates'. The same at"),
    Case("16", edit(LIST_EN, "- [ ] Call NNSC about the date.\n", ""), f"{LIST_EN}:10",
         "phase 'fore-ett-call-in' has 2 items here but 3 in docs/checklistor/polisen.md:10"),
    Case("16b", edit(LIST, "- [ ] Ring NNSC", "- [] Ring NNSC"), f"{LIST}:13",
         "'- [] Ring NNSC om datumet.' is not a checklist item"),
    Case("17", both("id: testmodul-prov-3\nquestion: Fråga 3?\noptions:\n" + FIRST_OPTION, "",
                    "id: testmodul-prov-3\nquestion: Question 3?\noptions:\n" + FIRST_OPTION_EN, ""),
         f"{MODULE}:52", "quiz: the body must be a YAML mapping with id, question and options"),
    Case("18a", write(MODULE, BAD_UTF8), f"{MODULE}:19", "the file is not valid UTF-8 (byte 0xff",
         build=True),
    Case("18b", write(MODULE, b"\xef\xbb\xbf" + SV.encode("utf-8")), f"{MODULE}:1",
         "the file starts with a byte order mark (BOM)"),
    Case("18d", write(MODULE, LATIN1), f"{MODULE}:15", "the file is not valid UTF-8 (byte 0xf6"),
    Case("19", edit(MODULE, "  - text: Sant.\n    correct: true", "\t- text: Sant.\n    correct: true"),
         f"{MODULE}:37", "found character '\\t' that cannot start any token"),
    Case("20", both("  - text: Sant.", '  - text: ""', "  - text: True.", '  - text: ""'), f"{MODULE}:37",
         "quiz 'testmodul-prov-1': option 1 has no text"),
    Case("20b", both("  - text: Sant.", '  - text: "   "', "  - text: True.", '  - text: "   "'),
         f"{MODULE}:37", "quiz 'testmodul-prov-1': option 1 has no text"),
    Case("22", module_pair("utan-nav", "utan-nav"), "docs/strategi/utan-nav.md:1",
         "the page is not in the nav in mkdocs.yml"),
    Case("23", edit(MODULE, "```quiz\nid: testmodul-prov-1", "```Quiz\nid: testmodul-prov-1"),
         f"{MODULE}:33", "the fence '```Quiz' is not a quiz"),
    Case("23c", both("```quiz\nid: testmodul-prov-1", "```Quiz\nid: testmodul-prov-1"), f"{MODULE}:33",
         "the fence '```Quiz' is not a quiz, so its YAML (the answers too) would be published"),
    Case("24", edit(MODULE_EN, "id: testmodul-prov-1", "id: test-module-1"), f"{MODULE_EN}:33",
         "the quizzes are ['test-module-1', "),
    Case("26", both("id: testmodul\n", "id: budskapet\n"), f"{MODULE}:3",
         "module id 'budskapet' is already used by docs/strategi/budskapet.md"),
    Case("27", both("kind: module", "kind: modul"), f"{MODULE}:2", "unknown kind 'modul'"),
    Case("28", lambda root: [(root / rel).write_text(text.split("---\n", 2)[2], encoding="utf-8")
                             for rel, text in ((MODULE, SV), (MODULE_EN, EN))],
         f"{MODULE}:1", "this page is in a module section but has no front matter"),
    Case("29", nav_entry("Saknas", "strategi/saknas.md", "Missing"),
         lambda root: f"mkdocs.yml:{line_of('mkdocs.yml', '- Saknas: strategi/saknas.md', root)}",
         "the nav lists 'strategi/saknas.md', which is not a page in docs/", build=True),
    Case("30", lambda root: [(root / rel).write_text(text.split("\n## Testa dig själv")[0].split(
        "\n## Check yourself")[0], encoding="utf-8") for rel, text in ((MODULE, SV), (MODULE_EN, EN))],
         f"{MODULE}:25", "the module has no '## Testa dig själv' section"),
    Case("31", edit(MODULE, "question: Fråga 1?", "question: Se [rollerna](../roller/index.md)."),
         f"{MODULE}:35", "question links to a Markdown file"),
    Case("32", both("    correct: true", '    correct: "true"'), f"{MODULE}:37",
         "option 1: 'correct' is 'true', not true or false"),
    Case("33", edit(MODULE, "  - text: Falskt.\n```\n", "  - text: Falskt.\n"), f"{MODULE}:33",
         "this quiz fence is never closed (it runs on to line 41)"),
    Case("34", edit(LIST, "- [ ] Ring NNSC om datumet.\n", "- [ ] Ring NNSC om datumet.\n- [ ] Boka tolk.\n"),
         f"{LIST_EN}:10", "phase 'fore-ett-call-in' has 3 items here but 4 in docs/checklistor/polisen.md"),
    Case("35", both("audience: [alla]", "audience: [everyone]"), f"{MODULE}:6",
         "unknown audience 'everyone' in 'audience'"),
    Case("36", edit(MODULE_EN, "roles: [polisen, socialtjansten]", "roles: [polisen]"), f"{MODULE_EN}:7",
         "'roles' is ['polisen'] here but ['polisen', 'socialtjansten'] in docs/strategi/testmodul.md"),
    Case("37", edit(SOURCES, "  title: Group Violence Intervention\n", "  title: Group Violence: Intervention\n"),
         f"{SOURCES}:{line_of(SOURCES, '  title: Group Violence Intervention')}",
         "data file is not valid YAML (mapping values are not allowed here)"),
    Case("38", edit("docs/_data/curriculum.yml", "  nnsc: {sv: NNSC, en: NNSC}\n", ""), "docs/",
         "unknown role 'nnsc' in 'roles'"),
    Case("39", both("## Att ta med sig", "## Budskapet\n\nMer.\n\n## Att ta med sig",
                    "## Key points", "## The message {#budskapet}\n\nMore.\n\n## Key points"),
         f"{MODULE}:25", "heading 'Budskapet' has the id 'budskapet', like the heading on line 17"),
    Case("40", both("  - text: Sant.", "  - txt: Sant.", "  - text: True.", "  - txt: True."),
         f"{MODULE}:37", "option 1 has unknown key 'txt'"),
    Case("41", edit(MODULE, "  - text: Falskt.\n```", "  - text: Falskt.\n    feedback: Se "
                    "[planera](../../call-in/finns-inte/).\n```"), f"{MODULE}:40",
         "quiz 'testmodul-prov-1': the link '../../call-in/finns-inte/' leads to '/call-in/finns-inte/', "
         "which is no page of the site"),
    Case("42", steps(module_pair("handskriven", "handskriven"),
                     nav_entry("Handskriven modul", "strategi/handskriven.md")),
         lambda root: f"mkdocs.yml:{line_of('mkdocs.yml', '- Handskriven modul: strategi/', root)}",
         "the nav title 'Handskriven modul' has no 'en' title in nav_translations"),
    Case("43", steps(edit(LIST_EN, "- [ ] Book the venue in Exempelstad.\n", ""),
                     edit(LIST_EN, "- [ ] Write the Police's part", "- [ ] Book the venue in Exempelstad.\n"
                          "- [ ] Write the Police's part")),
         f"{LIST_EN}:13", "item 2 of phase 'fore-ett-call-in' is item 1 in docs/checklistor/polisen.md"),
    Case("44", edit(MODULE, "    - Du kan förklara budskapet.", "    - Du kan förklara budskapet.\n"
                    "    - Skriv 3–5 lärandemål här."), f"{MODULE}:16",
         "the scaffold's placeholder 'Skriv 3–5 lärandemål här.' is still here"),
]
assert len(CASES) == 66  # and case 45 (the scaffolder) below: the report's 67


def problems(output: str) -> list[re.Match]:
    return [m for m in (PROBLEM.match(line.strip()) for line in output.splitlines()) if m]


def assert_one_line(output: str, case: Case, root: Path = ROOT) -> None:
    for noise in NOISE:
        assert noise not in output, f"case {case.number}: {noise!r} in:\n{output}"
    found = problems(output)
    assert len(found) == case.lines, f"case {case.number}: {len(found)} problem lines:\n{output}"
    line = found[0]
    where = case.where(root) if callable(case.where) else case.where
    assert line["where"].startswith(where), f"case {case.number}: {line['where']} in:\n{output}"
    assert case.says in line["message"], f"case {case.number}: {case.says!r} not in:\n{output}"
    assert all(" Fix: " in m["message"] and m["message"].endswith(".") for m in found), output


def check(root: Path) -> tuple[int, str]:
    """scripts/check_content.py, in-process."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = check_content.main(["--config", str(root / "mkdocs.yml")])
    return code, out.getvalue()


@pytest.mark.parametrize("case", [c for c in CASES if c.check], ids=lambda c: c.number)
def test_the_content_check_gives_one_line(case, tmp_path):
    root = project(tmp_path)
    case.change(root)
    code, output = check(root)
    assert code == 1, output
    assert_one_line(output, case, root)


BUILD_CASES = [c for c in CASES if c.build]


def _build_case(case: Case, base: Path) -> tuple[str, Path]:
    root = project(base / case.number)
    case.change(root)
    result = build(root, base / case.number / "site")
    assert result.returncode == 1, f"case {case.number} built:\n{result.output}"
    return result.output, root


def build_all(tmp_path_factory, name: str, cases: list[Case]) -> dict[str, tuple[str, Path]]:
    """The real strict builds of ``cases``, two at a time, made once a run (support.shared): the
    tests of both pytest-xdist workers read them (a module fixture was built on each worker)."""
    def make(base: Path) -> dict[str, tuple[str, Path]]:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            futures = {case.number: pool.submit(_build_case, case, base) for case in cases}
            return {number: future.result() for number, future in futures.items()}
    return shared(tmp_path_factory, name, make)


@pytest.fixture(scope="module")
def build_outputs(tmp_path_factory) -> dict[str, tuple[str, Path]]:
    return build_all(tmp_path_factory, "bad-input-builds", BUILD_CASES)


@pytest.mark.parametrize("case", BUILD_CASES, ids=lambda c: c.number)
def test_the_strict_build_gives_one_line_and_stops(case, build_outputs):
    output, root = build_outputs[case.number]
    assert_one_line(output, case, root)
    assert "Aborted with" in output


def test_45_the_scaffolder_refuses_a_swedish_nav_title_translated_otherwise(tmp_path):
    root = project(tmp_path)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = new_module.main(["strategi", "fokus", "--title-sv", "Budskapet och hur det förs fram",
                                "--title-en", "Focus on groups", "--sources", "S1", "--root", str(root)])
    assert code == 2
    case = Case("45", lambda root: None, lambda root: f"mkdocs.yml:{line_of('mkdocs.yml', 'Budskapet och hur det förs fram: The', root)}",
                "the Swedish nav title 'Budskapet och hur det förs fram' is already used")
    assert_one_line(err.getvalue().replace("new_module.py: error: ", ""), case, root)
    assert not (root / "docs/strategi/fokus.md").exists()


def test_the_valid_variants_still_build(tmp_path):
    """18c a BOM in local.yml, 21 a very long page, 23b a ~~~quiz fence, 25 a quiz in an admonition."""
    root = project(tmp_path)
    (root / LOCAL).write_bytes(b"\xef\xbb\xbf" + (root / LOCAL).read_bytes())
    long = "\n".join(f"Stycke {n} om budskapet och hur det förs fram i veckan." for n in range(3000))
    # The English page in English: the same 3000 Swedish lines there are an untranslated copy (issue 24).
    long_en = "\n".join(f"Paragraph {n} on the message and how it is delivered in the week." for n in range(3000))
    note = ("!!! note\n\n    ```quiz\n    id: {id}\n    question: I en ruta?\n    options:\n"
            "      - text: {yes}\n        correct: true\n      - text: {no}\n    ```\n\n")
    for rel, yes, no, paragraphs in ((MODULE, "Sant.", "Falskt.", long), (MODULE_EN, "True.", "False.", long_en)):
        text = (root / rel).read_text(encoding="utf-8")
        text = text.replace("??? trainer", "\n\n".join(paragraphs.splitlines()) + "\n\n??? trainer", 1)
        text = text.replace("```quiz\nid: testmodul-prov-2", "~~~quiz\nid: testmodul-prov-2").replace(
            "  - text: Falskt.\n```\n\n```quiz\nid: testmodul-prov-3", "  - text: Falskt.\n~~~\n\n```quiz\n"
            "id: testmodul-prov-3").replace("  - text: False.\n```\n\n```quiz\nid: testmodul-prov-3",
                                            "  - text: False.\n~~~\n\n```quiz\nid: testmodul-prov-3")
        text += "\n" + note.format(id="testmodul-i-ruta", yes=yes, no=no)
        (root / rel).write_text(text, encoding="utf-8")
    assert check(root)[0] == 0
    result = build(root, tmp_path / "site")
    assert result.returncode == 0, result.output
    for page in ("strategi/testmodul/index.html", "en/strategi/testmodul/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        for quiz in ("testmodul-prov-2", "testmodul-i-ruta"):
            assert f'data-gvi-quiz="{quiz}"' in html
        assert ("Stycke 2999" in html or "Paragraph 2999" in html) and "23–26 " in html and "{{" not in html


def test_the_last_look_at_the_rendered_page_catches_what_the_checks_cannot_see(tmp_path):
    """A leftover from a snippet (pymdownx.snippets): the source checks never see it."""
    root = project(tmp_path)
    write("docs/_data/snippets/vecka.md", "Veckan är {{ locl.week.dates }}.\n")(root)
    edit(MODULE, "??? trainer", '--8<-- "vecka.md"\n\n??? trainer')(root)
    assert check(root)[0] == 0
    result = build(root, tmp_path / "site")
    assert result.returncode == 1
    assert_one_line(result.output, Case("", lambda r: None, f"{MODULE}:21",
                                        "the rendered page holds an unfilled placeholder "
                                        "('Veckan är {{ locl.week.dates }}.')"))


# The newcomer's path -----------------------------------------------------------------------------


def test_author_scripts_are_executable_and_find_the_venv(tmp_path):
    modes = subprocess.run(["git", "ls-files", "-s", "scripts"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout
    for name in ("new_module.py", "check_content.py", "translation_status.py"):
        assert "100755" in next(line for line in modes.splitlines() if line.endswith(name)), modes
    # As AUTHORING.md writes it, from a shell whose PATH has no venv (a fresh terminal).
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    done = subprocess.run(["scripts/check_content.py"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0 and done.stdout.strip().endswith("no problems."), done.stdout + done.stderr
    done = subprocess.run(["scripts/new_module.py", "--help"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0 and "--sources KEYS" in done.stdout, done.stderr


def test_authoring_refers_to_nothing_outside_the_repository():
    for name in ("AUTHORING.md", "README.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "../shared" not in text and "/work/" not in text, name
    authoring = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    assert "STYLE.md" in authoring
    assert "scripts/new_module.py strategi fokusgrupper" in authoring


def _get(url: str, timeout: float) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (our own server)
        return response.read().decode("utf-8")


def served_page(url: str, ready: Callable[[str], bool], wait: int) -> str:
    """The page `mkdocs serve` gives once ``ready`` holds (up to 2 minutes); a request that hung
    fails after ``wait`` seconds."""
    page = ""
    for _ in range(240):
        try:
            page = _get(url, wait)
        except OSError:
            page = ""
        if ready(page):
            break
        time.sleep(0.5)
    return page


def test_serve_shows_a_content_error_in_the_browser_and_recovers(tmp_path):
    """`make serve` runs `mkdocs serve`: with a content error the browser gets an error page naming
    file, line and fix (not a request that hangs), and the site again once the file is fixed; the
    same for a broken data file after a good build."""
    root = project(tmp_path)
    edit(MODULE, "question: Fråga 1?", "question: Vilka: tre saker?")(root)
    port = free_port()
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}",
                               "-f", str(root / "mkdocs.yml")], cwd=root, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/strategi/testmodul/"

    def page_when(ready: Callable[[str], bool]) -> str:
        return served_page(url, ready, 60)

    try:
        page = page_when(lambda p: "<h1" in p)
        assert '<h1 class="gvi-build-error">The site was not built: 1 problem</h1>' in page
        assert (f"{MODULE}:35: quiz: the body is not valid YAML (mapping values are not allowed "
                "here). Fix: check indentation") in page
        assert "gvi-build-error" in _get(f"http://127.0.0.1:{port}/en/", 60)  # every page says so
        edit(MODULE, "question: Vilka: tre saker?", "question: Fråga 1?")(root)  # the author fixes it
        page = page_when(lambda p: "testmodul-prov-1" in p)
        assert 'data-gvi-quiz="testmodul-prov-1"' in page and "gvi-build-error" not in page
        broken = line_of(LOCAL, "en: 23–26 January 2023}", root)
        edit(LOCAL, "en: 23–26 January 2023}", "en: 23–26 January 2023")(root)
        page = page_when(lambda p: "gvi-build-error" in p)
        assert f"{LOCAL}:{broken}: data file is not valid YAML" in page and "Fix: " in page
        edit(LOCAL, "en: 23–26 January 2023", "en: 23–26 January 2023}")(root)
        page = page_when(lambda p: "testmodul-prov-1" in p)
        assert "gvi-build-error" not in page and "23–26 januari 2023" in page
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def test_serve_turns_a_crash_into_the_error_page_and_says_not_built(tmp_path):
    """Issue 24 (case 74): a rebuild that crashes (here MkDocs' own config check, which no content
    check sees) used to leave every request waiting; now the preview is the error page at once,
    the terminal says the site was NOT built, and the site comes back after the fix."""
    root = project(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}",
                                   "-f", str(root / "mkdocs.yml")], cwd=root, env=ENV,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/strategi/testmodul/"

    def page_when(ready: Callable[[str], bool]) -> str:
        return served_page(url, ready, 20)

    try:
        assert 'data-gvi-quiz="testmodul-prov-1"' in page_when(lambda p: "testmodul-prov-1" in p)
        edit("mkdocs.yml", "theme:\n", "site_url: 5\ntheme:\n")(root)
        page = page_when(lambda p: "gvi-build-error" in p)
        assert "gvi-build-error" in page and "The build stopped with" in page and "Fix: " in page
        edit("mkdocs.yml", "site_url: 5\ntheme:\n", "theme:\n")(root)
        page = page_when(lambda p: "testmodul-prov-1" in p)
        assert "gvi-build-error" not in page
        edit(MODULE, "question: Fråga 1?", "question: Vilka: tre saker?")(root)  # a content problem
        page = page_when(lambda p: "gvi-build-error" in p)
        deadline = time.monotonic() + 20  # the terminal's line comes as the rebuild ends (later on a busy machine)
        while "The site was NOT built: 1 problem above." not in (output := log.read_text(encoding="utf-8", errors="replace")) \
                and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "The site was NOT built: 1 problem above." in output, output[-3000:]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
