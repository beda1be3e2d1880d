"""Quiz fences: every bad input with its message (file, line, quiz id, fix); Markdown in, HTML out."""
import pytest

from gvi import quiz
from gvi.data import load
from support import ROOT

GOOD = """id: gvi-budskap
question: Vilka delar har *budskapet*?
options:
  - text: Våldet accepteras inte.
    correct: true
  - text: Alla grips direkt.
    feedback: Nej – se [ordlistan](../ordlista/).
  - text: Det finns stöd.
    correct: true
explanation: Budskapet har **tre** delar.
"""


def messages(source, line=10):
    parsed, problems = quiz.parse(source, "docs/m.md", line)
    assert parsed is None
    return [str(p) for p in problems]


def test_a_good_quiz_parses():
    parsed, problems = quiz.parse(GOOD, "docs/m.md", 10)
    assert problems == []
    assert parsed.kind == "multiple" and parsed.correct == (0, 2) and parsed.line == 10


def test_single_choice_when_one_option_is_right():
    parsed, _ = quiz.parse(GOOD.replace("  - text: Det finns stöd.\n    correct: true\n", ""), "m.md")
    assert parsed.kind == "single"


@pytest.mark.parametrize("source, expected", [
    ("id: x\nquestion: Vad gäller: tre delar?\n", "docs/m.md:12: quiz: the body is not valid YAML (mapping values are not allowed here)"),
    (GOOD + "answer: 2\n", "docs/m.md:21: quiz 'gvi-budskap': unknown key 'answer'. Fix: use only: explanation, id, options, question, type."),
    (GOOD.replace("    correct: true\n  - text: Alla", "    right: true\n  - text: Alla"),
     "docs/m.md:14: quiz 'gvi-budskap': option 1 has unknown key 'right'."),
    (GOOD.replace("id: gvi-budskap\n", ""), "docs/m.md:11: quiz: missing 'id'. Fix: add 'id: …', a slug that is the same in every language"),
    (GOOD.replace("question: Vilka delar har *budskapet*?\n", ""), "docs/m.md:11: quiz 'gvi-budskap': missing 'question'."),
    ("id: a\nquestion: Q?\n", "docs/m.md:11: quiz 'a': missing 'options'."),
    ("id: a\nquestion: Q?\noptions:\n  - text: Bara ett\n    correct: true\n",
     "docs/m.md:13: quiz 'a': has 1 option; a question needs at least two. Fix: add options (true/false is two options)."),
    (GOOD.replace("    correct: true\n", ""), "docs/m.md:13: quiz 'gvi-budskap': no option is marked 'correct: true'."),
    (GOOD.replace("id: gvi-budskap", "id: GVI budskap"), "docs/m.md:11: quiz 'GVI budskap': id 'GVI budskap' is not a slug."),
    (GOOD.replace("correct: true", "correct: ja", 1), "docs/m.md:14: quiz 'gvi-budskap': option 1: 'correct' is 'ja', not true or false."),
    (GOOD.replace("  - text: Alla grips direkt.\n", "  - feedback: Saknar text.\n"), "docs/m.md:16: quiz 'gvi-budskap': option 2 has no text."),
    (GOOD.replace("(../ordlista/)", "(../ordlista/index.md)"),
     "docs/m.md:16: quiz 'gvi-budskap': option 2 feedback links to a Markdown file"),
    ("- just a list\n", "docs/m.md:11: quiz: the body must be a YAML mapping"),
])
def test_bad_input_names_file_line_and_quiz(source, expected):
    assert any(m.startswith(expected) for m in messages(source)), messages(source)


def quizzes(*specs, path="docs/a.md"):
    out = []
    for n, (quiz_id, count, correct) in enumerate(specs):
        options = "".join(f"  - text: O{i}\n" + ("    correct: true\n" if i in correct else "")
                          for i in range(count))
        parsed, problems = quiz.parse(f"id: {quiz_id}\nquestion: Q\noptions:\n{options}", path, 10 * (n + 1))
        assert not problems
        out.append(parsed)
    return out


def test_a_quiz_id_is_used_once_on_the_site():
    [problem] = quiz.duplicate_ids(quizzes(("q-1", 2, {0})) + quizzes(("q-1", 2, {1}), path="docs/b.md"))
    assert str(problem).startswith("docs/b.md:10: quiz 'q-1': the id is already used at docs/a.md:10.")


def test_translation_must_keep_ids_option_count_and_answers():
    sv = quizzes(("q-1", 3, {0}), ("q-2", 2, {1}))
    assert quiz.compare(sv, "a.md", quizzes(("q-1", 3, {0}), ("q-2", 2, {1}), path="a.en.md"), "a.en.md") == []
    [ids] = quiz.compare(sv, "a.md", quizzes(("q-1", 3, {0}), path="a.en.md"), "a.en.md")
    assert "the quizzes are ['q-1'] here but ['q-1', 'q-2'] in a.md" in str(ids)
    [count] = quiz.compare(sv, "a.md", quizzes(("q-1", 2, {0}), ("q-2", 2, {1}), path="a.en.md"), "a.en.md")
    assert str(count).startswith("a.en.md:10: quiz 'q-1': 2 options here but 3 in a.md:10.")
    [answer] = quiz.compare(sv, "a.md", quizzes(("q-1", 3, {0}), ("q-2", 2, {0}), path="a.en.md"), "a.en.md")
    assert str(answer).startswith("a.en.md:20: quiz 'q-2': option(s) 1 are correct here but 2 in a.md:20.")
    assert "must never change the answer" in str(answer)


def test_fences_are_found_with_their_file_lines_also_when_indented():
    text = "# T\n\n```quiz\nid: a\n```\n\n!!! note\n\n    ```quiz\n    id: b\n    ```\n"
    fences = quiz.find_fences(text, first_line=7)
    assert [(f.line, f.source) for f in fences] == [(9, "id: a"), (15, "id: b")]


def test_rendering_markdown_in_html_out():
    strings = load(str(ROOT / "docs")).strings
    parsed, _ = quiz.parse(GOOD, "m.md")
    html = quiz.render(parsed, strings, "sv")
    assert '<form class="gvi-quiz" id="gvi-quiz-gvi-budskap" data-gvi-quiz="gvi-budskap" data-gvi-kind="multiple"' in html
    assert '<legend class="gvi-quiz__question">Vilka delar har <em>budskapet</em>?</legend>' in html
    assert '<input type="checkbox" name="gvi-quiz-gvi-budskap" id="gvi-quiz-gvi-budskap-1" value="1"><label for="gvi-quiz-gvi-budskap-1">' in html
    assert '<a href="../ordlista/">ordlistan</a>' in html
    assert "<summary>Visa svar</summary>" in html and "<strong>tre</strong>" in html
    assert html.count("data-gvi-correct") == 2
    english = quiz.render(parsed, strings, "en")
    assert "<summary>Show answer</summary>" in english and "Choose every answer that is right." in english
