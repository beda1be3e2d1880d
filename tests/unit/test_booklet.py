"""Booklets (gvi/booklet.py) and planned minutes per section (gvi/outline.py): pure functions."""
from gvi import booklet, outline

QUIZ = ('<h1 id="t">Titel<a class="headerlink" href="#t">¶</a></h1><h2 id="a">Avsnitt</h2>'
        '<p>Se <a href="../legitimitet/">Legitimitet</a> och <a href="#a">avsnittet</a>.</p>'
        '<details class="trainer"><summary>För utbildaren</summary><p>Hemlig anteckning.</p></details>'
        '<form class="gvi-quiz" id="gvi-quiz-q" data-gvi-quiz="q"><fieldset aria-describedby="gvi-quiz-q-hint">'
        '<legend>Fråga?</legend><p class="gvi-quiz__hint" id="gvi-quiz-q-hint">Välj ett.</p>'
        '<ul><li class="gvi-quiz__option" data-gvi-correct><input type="radio" id="gvi-quiz-q-1">'
        '<label for="gvi-quiz-q-1">Rätt</label><div class="gvi-quiz__feedback" hidden>Bra.</div></li></ul>'
        '</fieldset><div class="gvi-quiz__actions" hidden><button>Kontrollera svaret</button></div>'
        '<p class="gvi-quiz__status" role="status"></p><details class="gvi-quiz__answer"><summary>Visa svar'
        '</summary><p>Rätta svar: Rätt</p></details></form><img src="../../assets/images/logo.svg" alt="">')


def module(url="strategi/budskapet/"):
    return booklet.Module("Budskapet", url, QUIZ)


def test_participant_booklet_keeps_questions_and_drops_notes_and_answers():
    html, headings = booklet.prepare(module(), "participant", 2, "utskrift/")
    assert "Fråga?" in html and 'for="m2-gvi-quiz-q-1"' in html and 'id="m2-gvi-quiz-q-1"' in html
    for hidden in ("Hemlig anteckning", "Rätta svar", "data-gvi-correct", "Bra.", "Kontrollera svaret",
                   "headerlink", "¶"):
        assert hidden not in html, hidden
    assert headings == [(2, "m2-t", "Titel"), (3, "m2-a", "Avsnitt")]
    assert "<h2" in html and "<h1" not in html


def test_trainer_guide_opens_notes_and_answer_key():
    html, _ = booklet.prepare(module(), "trainer", 1, "utskrift/")
    assert '<details class="trainer" open>' in html and "Hemlig anteckning" in html
    assert '<details class="gvi-quiz__answer" open>' in html and "Rätta svar" in html
    assert "Kontrollera svaret" not in html


def test_links_are_rebased_to_the_booklet_folder():
    html, _ = booklet.prepare(module(), "participant", 1, "utskrift/")
    assert 'href="../strategi/legitimitet/"' in html and 'href="#m1-a"' in html
    assert 'src="../assets/images/logo.svg"' in html
    # The offline bundle uses file URLs ("strategi/budskapet.html").
    assert booklet.rebase("legitimitet.html#x", "strategi/budskapet.html", "utskrift/") == \
        "../strategi/legitimitet.html#x"
    assert booklet.rebase("https://bra.se/", "strategi/budskapet/", "utskrift/") == "https://bra.se/"
    assert booklet.rebase("strategi/budskapet/", "", "utskrift/") == "../strategi/budskapet/"


def test_document_numbers_modules_and_lists_them():
    words = booklet.Words(lang="sv", title="Strategin – häfte", site_name="GVI-veckan", contents="Innehåll",
                          schedule="Veckans schema")
    doc = booklet.document([module(), module("strategi/legitimitet/")], "trainer", words, "utskrift/",
                           "../assets", ["stylesheets/gvi.css"], "<table></table>")
    assert doc.count('class="gvi-booklet__module"') == 2
    assert '<a href="#m1-t">Budskapet</a>' in doc and '<a href="#m2-a">Avsnitt</a>' in doc
    assert '<html lang="sv">' in doc and 'href="../assets/stylesheets/gvi.css"' in doc
    assert doc.index("Veckans schema") < doc.index('class="gvi-booklet__module"')
    participant = booklet.document([module()], "participant", words, "utskrift/", "../assets", [], "<table>")
    assert "Veckans schema" not in participant


def test_planned_minutes_are_whole_numbers_that_fit_the_duration():
    headings = outline.outline("# T\n\n## A {data-minutes=10}\n\n## B {#b data-minutes=\"15\"}\n\n## C\n")
    assert [h.minutes for h in headings] == [None, "10", "15", None]
    assert [h.id for h in headings] == ["t", "a", "b", "c"]
    assert outline.check_minutes(headings, 30, "x.md") == []
    over = outline.check_minutes(headings, 20, "x.md")
    assert len(over) == 1 and over[0].line == 5 and "reach 25" in str(over[0]) and "Fix:" in str(over[0])
    bad = outline.check_minutes(outline.outline("## A {data-minutes=tio}\n"), 30, "x.md")
    assert "not a whole number" in str(bad[0]) and bad[0].line == 1


def test_planned_minutes_must_match_between_languages():
    sv = outline.outline("## A {data-minutes=10}\n")
    en = outline.outline("## A {#a data-minutes=12}\n")
    problems = outline.compare(sv, "a.md", en, "a.en.md")
    assert problems and "plans 12 minutes" in str(problems[0]) and problems[0].path == "a.en.md"
