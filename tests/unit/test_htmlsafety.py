"""Safe by construction (gvi/htmlsafety.py): content HTML from an allow-list, texts that are text,
and the last look at a rendered page."""
import pytest

from gvi import htmlsafety, quiz
from gvi.data import load
from gvi.render import expand_local
from support import ROOT


def lines(body, first=10):
    return [f"{p.line}: {p.message}" for p in htmlsafety.check_markdown(body, "docs/m.md", first)]


@pytest.mark.parametrize("body, line, says", [
    ('Text.\n\n<script>alert(1)</script>\n', 12, "the HTML tag <script> is not allowed in content"),
    ('<SCRIPT src="x.js">\n', 10, "the HTML tag <script> is not allowed"),
    ('Text <script\n', 10, "the HTML tag <script> is not allowed"),
    ('<iframe src="https://www.youtube.com/embed/abc"></iframe>\n', 10, "the HTML tag <iframe> is not allowed"),
    ('<object data="x.swf"></object>\n', 10, "the HTML tag <object> is not allowed"),
    ('<embed src="x.swf">\n', 10, "the HTML tag <embed> is not allowed"),
    ('<img src="x" onerror="alert(1)">\n', 10, "<img> has the event attribute 'onerror', which runs script"),
    ('<span class="gvi-example" onmouseover=alert(1)>x</span>\n', 10, "event attribute 'onmouseover'"),
    ('<span style="background:url(https://a.example/x)">x</span>\n', 10, "the attribute 'style'"),
    ('<a href="javascript:alert(1)">x</a>\n', 10, "is a javascript: address"),
    ('<a href="  JaVa&#83;cript:alert(1)">x</a>\n', 10, "is a javascript: address"),
    ('<img src="https://images.example.com/a.jpg" alt="">\n', 10, "loads from another host"),
    ('<img src="//images.example.com/a.jpg" alt="">\n', 10, "loads from another host"),
    ('[Läs mer](javascript:alert(document.domain))\n', 10, "the link: the address 'javascript:alert(document.domain)'"),
    ('![Bild](data:image/svg+xml;base64,PHN2Zz4=)\n', 10, "the image: the address 'data:"),
    ('![Bild](https://images.example.com/call-in.jpg)\n', 10, "the image: the address 'https://images.example.com/call-in.jpg' loads from another host"),
    ('Se [här][x].\n\n[x]: javascript:alert(1)\n', 12, "the link reference: the address 'javascript:alert(1)'"),
    ('<javascript:alert(1)>\n', 10, "is a javascript: address"),
    ('<marquee>x</marquee>\n', 10, "the HTML tag <marquee> is not allowed"),
    ('## Rubrik {#rubrik onmouseover="alert(1)"}\n', 10, "sets the event attribute 'onmouseover'"),
    ('[x](../a/){: onclick=alert(1) }\n', 10, "sets the event attribute 'onclick'"),
    ('[x](../a/){href="javascript:alert(1)"}\n', 10, "sets 'href', which content may not set this way"),
])
def test_unsafe_html_and_addresses_are_refused_with_their_line(body, line, says):
    found = lines(body)
    assert found and found[0].startswith(f"{line}: "), found
    assert any(says in f for f in found), found
    assert all(p.fix for p in htmlsafety.check_markdown(body, "docs/m.md", 10))


def test_what_the_content_uses_is_allowed():
    body = ('<span class="gvi-example">I Järfälla.</span>\n\n<div class="gvi-paths" markdown>\n\n'
            '[Länk ut](https://bra.se/) och <https://nnsc.org/> och ![logga](../assets/images/logo.svg)\n\n'
            '</div>\n\n<abbr title="x">GVI</abbr> <details open><summary>S</summary>x</details>\n'
            '<table><tr><th scope="col">a</th></tr><tr><td colspan="2">b</td></tr></table>\n'
            '<!-- gvi-schedule --> a < b och <kbd>Ctrl</kbd><br>\n')
    assert lines(body) == []


def test_code_shows_markup_as_text_so_it_is_not_refused():
    body = "Skriv `<script>` inte.\n\n```html\n<script>alert(1)</script>\n<iframe src=x>\n```\n"
    assert lines(body) == []


@pytest.mark.parametrize("text, says", [
    ('Stockholm<script>alert("local")</script>', "holds markup ('<script>')"),
    ('<img src=x onerror=alert(1)>', "holds markup ('<img src=x onerror=alert(1)>')"),
    ('x &#60;script&#62;', "holds markup ('&#')"),
])
def test_a_fact_with_markup_is_refused(text, says):
    [problem] = htmlsafety.check_text(text, "docs/_data/local.yml", 7, "'week.city'")
    assert str(problem).startswith("docs/_data/local.yml:7: 'week.city' holds markup")
    assert says in problem.message and problem.fix


def test_plain_facts_and_numbers_pass():
    assert htmlsafety.check_text("Järfälla & Upplands-Bro, 3 < 4", "f", 1, "x") == []
    assert htmlsafety.check_text(2026, "f", 1, "x") == []


def test_the_project_data_is_clean():
    assert htmlsafety.check_data(str(ROOT / "docs"), "docs/", load(str(ROOT / "docs"))) == []


def test_a_data_file_names_the_key_and_its_line(tmp_path):
    docs = tmp_path / "docs"
    import shutil
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    local = docs / "_data" / "local.yml"
    text = local.read_text(encoding="utf-8")
    assert "  city: " in text
    local.write_text(text.replace("  city: ", '  city: <b onclick="x()">Stad</b> ', 1), encoding="utf-8")
    sources = docs / "_data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "url: https://", "url: javascript:alert(1)//", 1), encoding="utf-8")
    found = [str(p) for p in htmlsafety.check_data(str(docs), "docs/", load(str(docs)))]
    city = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith("  city: "))
    assert any(f.startswith(f"docs/_data/local.yml:{city}: 'week.city") and "holds markup" in f for f in found), found
    assert any(f.startswith("docs/_data/sources.yml:") and "is not an http(s) address ('javascript:" in f
               for f in found), found


QUIZ = """id: q
question: Vilken?
options:
  - text: A
    correct: true
  - text: B
    feedback: Nej.
explanation: Så.
"""


@pytest.mark.parametrize("old, new, line, says", [
    ("    feedback: Nej.", "    feedback: Nej.<script>alert(1)</script>", 16, "option 2 feedback holds markup ('<script>')"),
    ("question: Vilken?", "question: Vilken <img src=x onerror=alert(1)>?", 12, "question holds markup ('<img src=x onerror=alert(1)>')"),
    ("explanation: Så.", "explanation: Se [förklaringen](javascript:alert(document.cookie)).", 18,
     "explanation: the address 'javascript:alert(document.cookie)' is a javascript: address"),
    ("  - text: A", "  - text: A ![x](https://images.example.com/x.png)", 14, "loads from another host"),
    ("  - text: A", "  - text: '[A](../a/){onclick=alert(1)}'", 14, "sets the event attribute 'onclick'"),
])
def test_quiz_texts_are_text(old, new, line, says):
    parsed, problems = quiz.parse(QUIZ.replace(old, new), "docs/m.md", 10)
    assert parsed is None
    assert any(str(p).startswith(f"docs/m.md:{line}: quiz 'q': ") and says in p.message for p in problems), problems


def test_a_quiz_text_may_hold_the_example_mark_and_code():
    text = QUIZ.replace("explanation: Så.", 'explanation: \'<span class="gvi-example">I Järfälla</span> och `<b>`.\'')
    parsed, problems = quiz.parse(text, "docs/m.md", 10)
    assert problems == []
    strings = load(str(ROOT / "docs")).strings
    out = quiz.render(parsed, strings, "sv")
    assert '<span class="gvi-example">I Järfälla</span>' in out and "<code>&lt;b&gt;</code>" in out


def test_whatever_reaches_the_quiz_renderer_stays_inert():
    """The renderer does not trust the check: a '<' in a text never opens a tag."""
    strings = load(str(ROOT / "docs")).strings
    unsafe = quiz.Quiz("q", "Fråga <img src=x onerror=alert(1)>?", [
        quiz.Option("A <script>alert(1)</script>", True, "<iframe src=https://x.example></iframe>"),
        quiz.Option("B")], "<script>alert(2)</script>")
    out = quiz.render(unsafe, strings, "sv")
    assert "<script" not in out and "<img" not in out and "<iframe" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out or "&lt;script>alert(1)&lt;/script>" in out


def test_a_local_fact_never_opens_a_tag():
    text, problems = expand_local("I {{ local.week.city }}.", {"week": {"city": "Sthlm<script>x</script>"}}, "sv", "p")
    assert problems == [] and "<script" not in text and "&lt;script>" in text


@pytest.mark.parametrize("html, what", [
    ("<p>x</p><script>alert(1)</script>", "a <script>"),
    ('<script src="https://evil.example/x.js"></script>', "a <script>"),
    ('<img src="x" onerror="alert(1)">', "an event attribute 'onerror'"),
    ('<a href="javascript:alert(1)">x</a>', "an unsafe address in 'href'"),
    ('<img src="https://images.example.com/x.jpg">', "an unsafe address in 'src'"),
    ('<iframe src="../x/"></iframe>', "a <iframe>"),
    ('<embed src="x">', "a <embed>"),
])
def test_the_rendered_page_is_looked_at_last(html, what):
    assert [w for w, _ in htmlsafety.check_rendered(html)] [:1] == [what]


def test_the_rendered_page_may_hold_json_islands_links_out_and_own_images():
    html = ('<script type="application/json" id="gvi-ui">{"a":"<\\/b>"}</script>'
            '<a href="https://bra.se/">Brå</a><a href="mailto:a@b.se">m</a><img src="../assets/x.png">'
            '<form class="gvi-quiz" data-gvi-quiz="q"><input type="radio"></form>')
    assert htmlsafety.check_rendered(html) == []
