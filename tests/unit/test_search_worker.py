from gvi.search import use_language_worker

PREFIXES = {"sv": "", "en": "en/"}
CONFIG = '<script id="__config">{"base": "../..", "search": "../../assets/javascripts/workers/search.a7633da7.min.js", "x": 1}</script>'


def test_english_pages_use_the_wrapper_with_their_prefix():
    html = use_language_worker(CONFIG, "en", PREFIXES)
    assert ('"search": "../../assets/javascripts/workers/gvi-search.js?lang=en&prefix=en/&others='
            '&worker=search.a7633da7.min.js"') in html


def test_swedish_pages_exclude_the_other_languages():
    html = use_language_worker(CONFIG, "sv", PREFIXES)
    assert "gvi-search.js?lang=sv&prefix=&others=en/&worker=search.a7633da7.min.js" in html


def test_pages_without_search_config_are_unchanged():
    assert use_language_worker("<p>no config</p>", "sv", PREFIXES) == "<p>no config</p>"


def test_split_index_gives_each_language_its_own_pages():
    from gvi.search import split_index

    index = {"config": {"lang": ["sv", "en"], "pipeline": ["stemmer"]},
             "docs": [{"location": ""}, {"location": "roller/#a"}, {"location": "en/"}, {"location": "en/roller/"}]}
    parts = split_index(index, PREFIXES)
    assert [d["location"] for d in parts["sv"]["docs"]] == ["", "roller/#a"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["en/", "en/roller/"]
    assert parts["en"]["config"] == {"lang": ["en"], "pipeline": ["stemmer"]}


def test_quizzes_interface_strings_and_sources_are_marked_for_exclusion():
    from gvi.search import exclude_from_index

    html = ('<h2 class="gvi-sources" id="kallor">Källor</h2><h2 id="kallor-2">Kallor 2</h2>'
            '<form class="gvi-quiz" id="q1" novalidate></form><form class="other"></form>'
            '<script type="application/json" id="gvi-ui">{}</script><script>x</script>')
    out = exclude_from_index(html)
    assert out.count("data-search-exclude") == 3
    assert '<h2 data-search-exclude class="gvi-sources" id="kallor">' in out
    assert '<form data-search-exclude class="gvi-quiz"' in out
    assert '<script data-search-exclude type="application/json" id="gvi-ui">' in out
    assert '<h2 id="kallor-2">' in out and '<form class="other">' in out


TERMS = {"frivarden": {"sv": "frivården", "en": "probation service", "synonyms": {"en": ["probation"]}},
         "call-in": {"sv": "call-in", "en": "call-in", "avoid": {"en": ["scripted information meeting"]}},
         "enskilt-samtal": {"sv": "enskilt samtal", "en": "Custom Notification"},
         "broken": "not a mapping"}


def test_synonyms_map_the_other_languages_words_to_the_readers():
    from gvi.search import synonym_table

    assert synonym_table(TERMS, "sv") == [["custom notification", "enskilt samtal"],
                                          ["probation", "frivården"], ["probation service", "frivården"]]
    # an English reader's own "probation" is not rewritten; avoided words are not synonyms
    assert synonym_table(TERMS, "en") == [["enskilt samtal", "custom notification"],
                                          ["frivården", "probation service"]]
    assert synonym_table({}, "sv") == [] and synonym_table(None, "en") == []


def test_split_index_carries_each_languages_synonyms():
    from gvi.search import split_index

    parts = split_index({"config": {}, "docs": [{"location": ""}, {"location": "en/"}]}, PREFIXES, TERMS)
    assert parts["sv"]["config"]["gvi_synonyms"] == {"sv": [["custom notification", "enskilt samtal"],
                                                            ["probation", "frivården"],
                                                            ["probation service", "frivården"]]}
    assert list(parts["en"]["config"]["gvi_synonyms"]) == ["en"]
