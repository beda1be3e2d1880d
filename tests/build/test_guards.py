"""Bad content fails the real build with the file, the line and what to fix.

Each case copies the project, adds a known-good module pair (built clean in the first test), breaks
one thing, and runs a real strict `mkdocs build`.
"""
from __future__ import annotations

import re

import pytest

from support import build, copy_project

# Every module has a quiz section with at least three questions (gvi/authoring.py). The fixture puts
# it last, after the key points, so that the line numbers of everything above stay as they were.
SV_QUIZZES = "\n## Testa dig själv\n" + "".join(f"""
```quiz
id: testmodul-prov-{n}
question: Fråga {n}?
options:
  - text: Sant.
    correct: true
  - text: Falskt.
```
""" for n in (1, 2, 3))
EN_QUIZZES = (SV_QUIZZES.replace("## Testa dig själv", "## Check yourself {#testa-dig-sjalv}")
              .replace("Fråga", "Question").replace("Sant.", "True.").replace("Falskt.", "False."))

SV = """---
kind: module
id: testmodul
title: Testmodul
duration: 20
audience: [alla]
roles: [polisen, socialtjansten]
sources: [S32]
---

# Testmodul

!!! objectives

    - Du kan förklara budskapet.

## Budskapet

Se [Vad är GVI?](vad-ar-gvi.md) och [budskapet](#budskapet). Veckan: {{ local.week.dates }}.

??? trainer

    Fråga gruppen vad de redan vet.

## Att ta med sig

!!! keypoints

    - Budskapet har tre delar.
""" + SV_QUIZZES

EN = """---
kind: module
id: testmodul
title: Test module
duration: 20
audience: [alla]
roles: [polisen, socialtjansten]
sources: [S32]
---

# Test module

!!! objectives

    - You can explain the message.

## The message {#budskapet}

See [What is GVI?](vad-ar-gvi.md) and [the message](#budskapet). The week: {{ local.week.dates }}.

??? trainer

    Ask the group what they already know.

## Key points {#att-ta-med-sig}

!!! keypoints

    - The message has three parts.
""" + EN_QUIZZES


def make_project(tmp_path, sv=SV, en=EN):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^(\s*)- (.*): strategi/vad-ar-gvi\.md$",
                  r"\g<0>\n\1- Testmodul: strategi/testmodul.md", text, count=1, flags=re.M)
    # …and its English nav title: a nav title without one is an error (gvi/navcheck.py).
    text = re.sub(r"^(\s*)nav_translations:\n(\s*)", r"\g<0>Testmodul: Test module\n\2", text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")
    if sv is not None:
        (project / "docs/strategi/testmodul.md").write_text(sv, encoding="utf-8")
    if en is not None:
        (project / "docs/strategi/testmodul.en.md").write_text(en, encoding="utf-8")
    return project


def build_fails(tmp_path, expected: list[str], **pages):
    result = build(make_project(tmp_path, **pages), tmp_path / "site")
    assert result.returncode != 0, "the build should have failed"
    for text in expected:
        assert text in result.output, f"missing {text!r} in:\n{result.output}"
    return result.output


def test_the_good_module_builds_in_both_languages(tmp_path):
    result = build(make_project(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.output
    sv = (tmp_path / "site/strategi/testmodul/index.html").read_text(encoding="utf-8")
    en = (tmp_path / "site/en/strategi/testmodul/index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in sv and '<html lang="en"' in en
    assert "Veckan: 23–26 januari 2023" in sv and "The week: 23–26 January 2023" in en
    assert 'id="kallor"' in sv and ">Källor<" in sv and ">Sources<" in en
    assert "<dd>20 minuter</dd>" in sv and "<dd>20 minutes</dd>" in en


def test_page_in_one_language_only(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:1: this page has no 'en' version",
                           "create docs/strategi/testmodul.en.md"], en=None)


def test_heading_id_differs_between_languages(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.en.md:17: heading 'The message' has id "
                           "'the-message', but the matching heading in docs/strategi/testmodul.md "
                           "(line 17) has id 'budskapet'", "add {#budskapet}"],
                en=EN.replace("## The message {#budskapet}", "## The message")
                .replace("(#budskapet)", "(#the-message)"))


def test_heading_structure_differs(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.en.md:17: heading 'The message' is level 3"],
                en=EN.replace("## The message", "### The message"))


def test_extra_heading_in_translation(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.en.md:60: heading 'Extra' has no counterpart "
                           "in docs/strategi/testmodul.md (4 headings against 5)"],
                en=EN + "\n## Extra {#extra}\n")


def test_unknown_front_matter_key(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:6: unknown front matter key 'level'"],
                sv=SV.replace("duration: 20\n", "duration: 20\nlevel: hard\n"))


@pytest.mark.parametrize("key", ["id", "duration", "sources"])
def test_missing_required_module_key(tmp_path, key):
    drop = re.compile(rf"^{key}:.*\n", re.M)
    build_fails(tmp_path, [f"docs/strategi/testmodul.md:1: module has no '{key}'"],
                sv=drop.sub("", SV), en=drop.sub("", EN))


def test_unknown_role(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:7: unknown role 'brandkaren' in 'roles'",
                           "use one of: bra, kommunen"],
                sv=SV.replace("socialtjansten]", "brandkaren]"), en=EN.replace("socialtjansten]", "brandkaren]"))


def test_translation_changes_an_identifier(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.en.md:5: 'duration' is 25 here but 20 in "
                           "docs/strategi/testmodul.md"], en=EN.replace("duration: 20", "duration: 25"))


def test_invalid_yaml_front_matter(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:", "front matter is not valid YAML"],
                sv=SV.replace("roles: [polisen, socialtjansten]", "roles: [polisen, socialtjansten"))


def test_unknown_local_fact(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.en.md:19: unknown local fact 'week.place'"],
                en=EN.replace("{{ local.week.dates }}", "{{ local.week.place }}"))


def test_broken_link(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:19: the link 'finns-inte.md': the target",
                           "Fix: correct the path"],
                sv=SV.replace("(vad-ar-gvi.md)", "(finns-inte.md)"))


def test_broken_anchor_on_the_same_page(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.md:19: the link '#saknas': there is no such "
                           "anchor on this page. Fix: link to one of the page's heading ids: "
                           "#att-ta-med-sig, #budskapet,"],
                sv=SV.replace("(#budskapet)", "(#saknas)"))


def test_broken_anchor_on_another_page(tmp_path):
    build_fails(tmp_path, ["docs/strategi/testmodul.en.md:19: the link 'vad-ar-gvi.md#saknas': ",
                           "does not contain an anchor '#saknas'. Fix: link to one of the page's heading ids"],
                en=EN.replace("(vad-ar-gvi.md)", "(vad-ar-gvi.md#saknas)"))
