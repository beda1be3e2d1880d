"""The gvi.mdext Python-Markdown extension on its own: no MkDocs, as another generator would run it."""
from __future__ import annotations

import json
import re

import markdown
import pytest
from pymdownx.superfences import SuperFencesException

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


def render(text: str, lang: str = "sv", with_gvi: bool = True) -> str:
    extensions = ["toc", "abbr", "pymdownx.tasklist", "pymdownx.superfences"]
    if with_gvi:
        extensions.append(GviExtension(lang=lang, docs_dir=DOCS))
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


def test_unknown_local_fact_stops_the_render_with_its_line():
    with pytest.raises(GviMarkdownError, match=r"line 3 \(after the front matter\): unknown local fact 'week.place'"):
        render("# A\n\n{{ local.week.place }}\n")


def test_broken_quiz_raises_never_drops():  # line 5: the question, two lines below the fence
    with pytest.raises(SuperFencesException, match=r"line 5 \(after the front matter\): quiz: the body is not valid YAML"):
        render("# A\n" + QUIZ.replace("question: Vad gäller?", "question: Vad: gäller?"))


def test_quiz_fence_without_the_extension_says_what_to_add():
    with pytest.raises(SuperFencesException, match="needs the gvi.mdext extension"):
        render(QUIZ, with_gvi=False)


def test_unknown_language_is_refused():
    with pytest.raises(GviMarkdownError, match="language 'de'"):
        render("x", lang="de")
