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
