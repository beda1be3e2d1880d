import pytest

from gvi.links import alternates, edition_site_url, relative_link, site_root_path
from gvi.pages import missing_twins, split_language

LANGS = ["sv", "en"]


def test_split_language_suffix_layout():
    assert split_language("strategi/vad-ar-gvi.en.md", LANGS, "sv") == ("strategi/vad-ar-gvi.md", "en")
    assert split_language("index.md", LANGS, "sv") == ("index.md", "sv")


def test_missing_twins_names_the_existing_file_and_the_one_to_create():
    problems = missing_twins(["index.md", "index.en.md", "roller/polisen.md", "ny.en.md"], LANGS, "sv")
    assert [str(p).split(":")[0] for p in problems] == ["docs/ny.en.md", "docs/roller/polisen.md"]
    assert "no 'sv' version" in problems[0].message and "create docs/ny.md" in problems[0].fix
    assert "create docs/roller/polisen.en.md" in problems[1].fix


@pytest.mark.parametrize("url, version, expected", [
    ("https://h/gvi/", None, "https://h/gvi/"),
    ("https://h/gvi", None, "https://h/gvi/"),
    ("https://h/gvi/2023-01", "2023-01", "https://h/gvi/2023-01/"),  # as mike leaves it
    ("https://h/gvi/2023-01/2023-01", "2023-01", "https://h/gvi/2023-01/"),  # second language build
    ("https://h/", "2023-01", "https://h/2023-01/"),
])
def test_edition_site_url_has_one_version_and_a_trailing_slash(url, version, expected):
    assert edition_site_url(url, version) == expected


def test_site_root_path_drops_the_edition():
    assert site_root_path("https://h/gvi/2023-01/", "2023-01") == "/gvi/"
    assert site_root_path("https://h/", None) == "/"


@pytest.mark.parametrize("page, expected", [
    ("", {"sv": "./", "en": "en/"}),
    ("en/", {"sv": "../", "en": "./"}),
    ("roller/", {"sv": "./", "en": "../en/roller/"}),
    ("en/strategi/vad-ar-gvi/", {"sv": "../../../strategi/vad-ar-gvi/", "en": "./"}),
])
def test_alternates_are_relative_and_land_on_the_same_page(page, expected):
    assert alternates(page, {"sv": "", "en": "en/"}) == expected


def test_relative_link_from_a_file_url():
    assert relative_link("404.html", "en/") == "en/"


def test_link_lines_finds_inline_reference_and_autolinks():
    from gvi.linklines import link_lines

    text = "# T\n\nSee [a](b.md#x).\n\n[ref]: b.md#x\n<b.md#x>\nother (b.md#x)\n"
    assert link_lines(text, "b.md#x") == [3, 5, 6]
