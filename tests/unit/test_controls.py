"""Material's unnamed header icons get a name (gvi/controls.py)."""
from gvi import controls

HEADER = ('<label class="md-header__button md-icon" for="__drawer"><svg></svg></label>'
          '<label class="md-header__button md-icon" title="Byt till mörkt läge" for="__palette_1" hidden>'
          '<label class="md-header__button md-icon" for="__search"><svg></svg></label>'
          '<label class="md-search__icon md-icon" for="__search"><svg></svg></label>')


def test_the_menu_and_search_icons_get_a_title_and_the_palette_keeps_its_own():
    out = controls.name_header_icons(HEADER, {"__drawer": "Meny", "__search": "Sök & hitta"})
    assert 'for="__drawer" title="Meny">' in out
    assert out.count('for="__search" title="Sök &amp; hitta">') == 2
    assert out.count("title=") == 4 and 'title="Byt till mörkt läge" for="__palette_1"' in out


def test_a_page_without_the_labels_is_unchanged():
    assert controls.name_header_icons("<p>x</p>", {"__drawer": "Meny"}) == "<p>x</p>"


def test_the_colour_scheme_names_are_put_into_the_pages_language():
    page = ('<input aria-label="Byt till mörkt läge" id="__palette_0"><label title="Byt till mörkt läge" '
            'for="__palette_1"></label><p>Byt till mörkt läge</p>')
    out = controls.translate_names(page, {"Byt till mörkt läge": "Switch to dark mode"})
    assert out.count('"Switch to dark mode"') == 2 and "<p>Byt till mörkt läge</p>" in out
    assert controls.translate_names(page, {"Byt till mörkt läge": "Byt till mörkt läge"}) == page


def test_only_a_title_or_aria_label_attribute_is_translated_as_the_word_boundary_had_it():
    # The same matches as the pattern \b(title|aria-label)="…" it replaced: a name that only ends
    # in "title" (subtitle) is not the attribute; after a hyphen (data-title) a word starts.
    page = '<a subtitle="Mörkt" data-title="Mörkt" title="Mörkt" xaria-label="Mörkt" aria-label="Mörkt">Mörkt</a>'
    out = controls.translate_names(page, {"Mörkt": "Dark"})
    assert out == '<a subtitle="Mörkt" data-title="Dark" title="Dark" xaria-label="Mörkt" aria-label="Dark">Mörkt</a>'
