"""The gvi.mdext Python-Markdown extension on its own: no MkDocs, as another generator would run it."""
from __future__ import annotations

import json
import re

import markdown
import pytest
from pymdownx.superfences import SuperFencesException

from gvi import mdext
from gvi.mdext import GviExtension, GviMarkdownError, quiz_fence
from support import ROOT

DOCS = str(ROOT / "docs")
QUIZ = """
```quiz
id: prov-fraga
question: Vad gäller?
options:
  - text: Det här.
    correct: true
  - text: Det där.
```
"""


def render(text: str, lang: str = "sv", with_gvi: bool = True, docs: str = DOCS, **options) -> str:
    extensions = ["toc", "abbr", "pymdownx.tasklist", "pymdownx.superfences"]
    if with_gvi:
        extensions.append(GviExtension(lang=lang, docs_dir=docs, **options))
    md = markdown.Markdown(extensions=extensions, extension_configs={
        "toc": {"permalink": True},
        "pymdownx.tasklist": {"custom_checkbox": True, "clickable_checkbox": True},
        "pymdownx.superfences": {"custom_fences": [{"name": "quiz", "class": "gvi-quiz", "format": quiz_fence}]}})
    return md.convert(text)


def test_quiz_local_facts_and_abbreviations_in_the_page_language():
    out = render("# Veckan\n\nVeckan är {{ local.week.dates }}. GVI.\n" + QUIZ, lang="en")
    assert 'data-gvi-quiz="prov-fraga"' in out and "<summary>Show answer</summary>" in out
    assert "January 2023" in out and "{{" not in out
    assert '<abbr title="Group Violence Intervention' in out
    assert 'title="Link to this section"' in out


def test_interface_strings_are_added_once_and_stay_out_of_heading_ids():
    out = render("## Möten och budskap\n\n## Två\n\nText.\n", lang="sv")
    assert re.findall(r'<h2 id="([^"]+)"', out) == ["moten-och-budskap", "tva"]
    islands = re.findall(r'<script type="application/json" id="gvi-ui">(.*?)</script>', out)
    assert len(islands) == 1
    strings = json.loads(islands[0])
    assert strings["quiz_check"] and strings["present_start"] and strings["check_print"] and strings["ns"]


def test_task_list_checkboxes_get_their_item_text_as_name():
    out = render("- [ ] Boka lokalen\n- [ ] Skicka kallelser\n")
    assert out.count('aria-labelledby="gvi-task-') == 2 and '<span id="gvi-task-1"> Boka lokalen</span>' in out


def test_unknown_local_fact_stops_the_render_pointing_to_the_check():
    # The extension cannot know the file's own line numbers; it gives none rather than a wrong one.
    with pytest.raises(GviMarkdownError) as raised:
        render("# A\n\n{{ local.week.place }}\n")
    message = str(raised.value)
    assert message.startswith("unknown local fact 'week.place'. Fix: ")
    assert "scripts/check_content.py names the file and the line" in message
    assert "after the front matter" not in message


def test_broken_quiz_raises_never_drops():
    with pytest.raises(SuperFencesException, match=r"^quiz: the body is not valid YAML .*Fix: .*check_content"):
        render("# A\n" + QUIZ.replace("question: Vad gäller?", "question: Vad: gäller?"))


def test_mark_mode_neither_raises_nor_publishes_the_answers():
    """Under MkDocs the hook reports the problem with its line and stops the build; the extension
    only marks the place (on_error: mark), so no traceback follows the good line."""
    out = render("# A\n\n{{ local.week.place }}\n" + QUIZ.replace("question: Vad gäller?", "question: Vad: gäller?"),
                 on_error="mark")
    assert "gvi-quiz-error" in out and "correct: true" not in out and "Det här." not in out


def test_a_broken_data_file_is_one_line_when_a_page_is_rendered(tmp_path):
    """Loading the extension never fails (MkDocs would say "Failed to load extension 'gvi.mdext'"
    and print a traceback); the data file's own problem comes when a page is rendered."""
    import shutil
    shutil.copytree(ROOT / "docs" / "_data", tmp_path / "_data")
    local = tmp_path / "_data" / "local.yml"
    line = next(n for n, text in enumerate(local.read_text(encoding="utf-8").splitlines(), 1)
                if "en: 23–26 January 2023}" in text)
    local.write_text(local.read_text(encoding="utf-8").replace("en: 23–26 January 2023}", "en: 23–26 January 2023"),
                     encoding="utf-8")
    with pytest.raises(GviMarkdownError, match=rf"_data/local.yml:{line}: data file is not valid YAML .* Fix: "):
        render("# A\n", docs=str(tmp_path))


def test_quiz_fence_without_the_extension_says_what_to_add():
    with pytest.raises(SuperFencesException, match="needs the gvi.mdext extension"):
        render(QUIZ, with_gvi=False)


def test_unknown_language_is_refused():
    with pytest.raises(GviMarkdownError, match="language 'de'"):
        render("x", lang="de")


@pytest.mark.parametrize("kind, content, present, absent", [
    ("checklist", "<p>x</p>", ["check_print"], ["quiz_check", "present_start", "progress_reset"]),
    ("module", '<form data-gvi-quiz="a">', ["quiz_check", "present_start"], ["check_print", "progress_reset"]),
    (None, '<span data-gvi-progress="a b">', ["quiz_reset", "progress_done"], ["present_start", "check_print"]),
    (None, "<p>Start page.</p>", [], ["quiz_check", "present_start", "check_print", "progress_done"]),
])
def test_a_page_keeps_only_the_strings_its_scripts_read(kind, content, present, absent):
    out = mdext.ui_for_page(render(content + "\n\n## Rubrik\n", lang="sv"), kind)
    strings = json.loads(re.search(r'id="gvi-ui">(.*?)</script>', out).group(1))
    assert strings["ns"] and all(strings.get(k) for k in present)
    assert not [k for k in absent if k in strings]


def test_pruning_keeps_escaped_script_ends_escaped():
    html = '<script type="application/json" id="gvi-ui">{"check_done":"a<\\/script>b","quiz_x":"y","ns":"n"}</script>'
    out = mdext.ui_for_page(html, "checklist")
    assert out == '<script type="application/json" id="gvi-ui">{"check_done":"a<\\/script>b","ns":"n"}</script>'
