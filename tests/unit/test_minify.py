"""The project's JS and CSS are minified as the site is built (gvi/minify.py); nothing else is."""
from __future__ import annotations

from gvi import minify


def test_our_files_are_ours_and_nothing_else_is():
    assert minify.is_own("assets/javascripts/gvi-checklist.js")
    assert minify.is_own("assets/javascripts/workers/gvi-search.js")
    assert minify.is_own("assets/stylesheets/gvi.css")
    assert not minify.is_own("assets/javascripts/vendor/iframe-worker-shim.js")
    assert not minify.is_own("assets/javascripts/bundle.f1a2b3.min.js")
    assert not minify.is_own("assets/stylesheets/main.css")
    assert not minify.is_own("strategi/gvi-notes.js")  # a page's own file in docs/ is not the theme's


def test_comments_and_spare_whitespace_go_and_the_code_stays():
    js = "// counts the boxes\nfunction total(boxes) {\n  /* every box */\n  return boxes.length;\n}\n"
    assert minify.minify("assets/javascripts/gvi-x.js", js) == "function total(boxes){return boxes.length;}"
    css = "/* the bar */\n.gvi-bar {\n  color: #0b5;\n  margin: 0 auto;\n}\n"
    assert minify.minify("assets/stylesheets/gvi-x.css", css) == ".gvi-bar{color:#0b5;margin:0 auto}"


def test_a_string_that_looks_like_a_comment_is_kept():
    js = 'var url = "https://example.invalid/*x*/";\n'
    assert '"https://example.invalid/*x*/"' in minify.minify("assets/javascripts/gvi-x.js", js)


def test_a_file_not_ours_is_returned_as_it_is():
    text = "// third-party\nvar a = 1;\n"
    assert minify.minify("assets/javascripts/vendor/iframe-worker-shim.js", text) == text
