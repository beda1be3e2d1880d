"""Quizzes in real builds: rendered in both languages, loaded only where used, bad ones stop the build."""
from __future__ import annotations

from support import build
from test_guards import EN, SV, make_project

QUIZ_SV = """
```quiz
id: testmodul-fraga
question: Vad gäller?
options:
  - text: Det här.
    correct: true
  - text: Det där.
    feedback: Nej.
explanation: Därför.
```
"""
QUIZ_EN = QUIZ_SV.replace("Vad gäller?", "What holds?").replace("Det här.", "This.").replace(
    "Det där.", "That.").replace("Nej.", "No.").replace("Därför.", "Because.")


def with_quiz(sv=QUIZ_SV, en=QUIZ_EN):
    return {"sv": SV.replace("## Att ta med sig", sv + "\n## Att ta med sig"),
            "en": EN.replace("## Key points", en + "\n## Key points")}


def test_quiz_renders_in_both_languages_and_loads_code_only_where_used(tmp_path):
    result = build(make_project(tmp_path, **with_quiz()), tmp_path / "site")
    assert result.returncode == 0, result.output
    site = tmp_path / "site"
    sv = (site / "strategi/testmodul/index.html").read_text(encoding="utf-8")
    en = (site / "en/strategi/testmodul/index.html").read_text(encoding="utf-8")
    assert 'data-gvi-quiz="testmodul-fraga"' in sv and "<summary>Visa svar</summary>" in sv
    assert 'data-gvi-quiz="testmodul-fraga"' in en and "<summary>Show answer</summary>" in en
    for page in (sv, en, (site / "framsteg/index.html").read_text(encoding="utf-8")):
        assert "gvi-quiz.js" in page and "gvi-quiz.css" in page and 'id="gvi-ui"' in page
    for page in ("index.html", "en/index.html", "roller/index.html", "en/ordlista/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert "gvi-quiz" not in text, page
    progress = (site / "en/framsteg/index.html").read_text(encoding="utf-8")
    assert 'data-gvi-progress="testmodul-fraga testmodul-prov-1 testmodul-prov-2 testmodul-prov-3"' in progress and ">Test module</a>" in progress


def fails(tmp_path, expected, **pages):
    result = build(make_project(tmp_path, **pages), tmp_path / "site")
    assert result.returncode != 0
    for text in expected:
        assert text in result.output, result.output
    return result.output


def test_invalid_quiz_yaml_stops_the_build_with_file_and_line(tmp_path):
    output = fails(tmp_path, ["docs/strategi/testmodul.md:28: quiz: the body is not valid YAML"],
                   **with_quiz(sv=QUIZ_SV.replace("question: Vad gäller?", "question: Vad: gäller?")))
    assert "Error reading page" not in output and "Traceback" not in output  # one line, nothing after
    assert "the quizzes are" not in output  # no follow-on noise from the broken page


def test_translation_changing_the_answer_stops_the_build(tmp_path):
    en = QUIZ_EN.replace("    correct: true\n", "").replace("    feedback: No.", "    correct: true")
    fails(tmp_path, ["docs/strategi/testmodul.en.md:26: quiz 'testmodul-fraga': option(s) 2 are "
                     "correct here but 1 in docs/strategi/testmodul.md:26."], **with_quiz(en=en))


def test_quiz_id_used_twice_on_the_site(tmp_path):
    sv = QUIZ_SV.replace("testmodul-fraga", "gvi-budskapets-delar")
    fails(tmp_path, ["quiz 'gvi-budskapets-delar': the id is already used at "
                     "docs/strategi/testmodul.md:26", "docs/strategi/vad-ar-gvi.md:"],
          **with_quiz(sv=sv, en=QUIZ_EN.replace("testmodul-fraga", "gvi-budskapets-delar")))


def test_quiz_with_one_option(tmp_path):
    sv = QUIZ_SV.replace("  - text: Det där.\n    feedback: Nej.\n", "")
    fails(tmp_path, ["docs/strategi/testmodul.md:29: quiz 'testmodul-fraga': has 1 option"],
          **with_quiz(sv=sv))
