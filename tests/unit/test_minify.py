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


PALETTE = ('@media screen{[data-md-color-scheme=slate]{color-scheme:dark;--md-hue:225deg}'
           '[data-md-color-scheme=slate][data-md-color-primary=pink]{--md-typeset-a-color:#f06}}'
           '[data-md-color-primary=pink]{--md-primary-fg-color:#e92063}'
           '[data-md-color-primary=indigo],[data-md-color-primary=pink] .md-button{color:#4051b5}'
           '[data-md-color-accent=red]{--md-accent-fg-color:#ff1947}'
           '@media screen and (min-width:76.25em){[data-md-color-primary=pink] .md-tabs{color:#000}}'
           '[data-md-color-switching] *{transition-duration:0s!important}'
           '[data-md-color-scheme=slate] img[src$="#only-light{}"]{display:none}')


def test_the_palette_keeps_the_schemes_and_the_colours_in_use_only():
    kept = minify.purge_palette(PALETTE, {"indigo"})
    assert kept == ('@media screen{[data-md-color-scheme=slate]{color-scheme:dark;--md-hue:225deg}}'
                    '[data-md-color-primary=indigo]{color:#4051b5}'
                    '[data-md-color-switching] *{transition-duration:0s!important}'
                    '[data-md-color-scheme=slate] img[src$="#only-light{}"]{display:none}')
    assert minify.purge_palette(kept, {"indigo"}) == kept  # run twice: no change
    assert minify.purge_palette(PALETTE, {"pink", "red", "indigo"}) == PALETTE  # all in use: all kept


def test_html_loses_the_indentation_between_tags_and_nothing_else():
    """A line break with its indentation becomes one space (shown the same), outside the elements
    whose white space counts and outside tags."""
    page = ('<div class="a">\n    <p>Two  words\n      and <a href="x"\n   title="t  t">more</a> </p>\n'
            '<pre><code>  kept\n    as is</code></pre>\n  <code>a\n  b</code>\n'
            '<script>var a = 1;\n    var b = 2;</script>\n   <textarea>\n  x</textarea>\n</div>')
    assert minify.html(page) == (
        '<div class="a"> <p>Two  words and <a href="x"\n   title="t  t">more</a> </p> '
        '<pre><code>  kept\n    as is</code></pre> <code>a\n  b</code> '
        '<script>var a = 1;\n    var b = 2;</script> <textarea>\n  x</textarea> </div>')
    assert minify.html(minify.html(page)) == minify.html(page)


def test_the_palette_colours_are_read_as_material_writes_them():
    assert minify.palette_colours([{"primary": "custom", "accent": "custom"},
                                   {"primary": "Deep Purple", "scheme": "slate"}]) == {"custom", "deep-purple"}
    assert minify.palette_colours({"primary": "indigo"}) == {"indigo"}
    assert minify.palette_colours(None) == set()
