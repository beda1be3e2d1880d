"""Page facts: git dates per file (shallow boundaries unknown), localized dates, mailto encoding."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

from gvi import pagefacts
from support import ROOT

STRINGS = yaml.safe_load((ROOT / "docs/_data/strings.yml").read_text(encoding="utf-8"))
LOG = ("\x00commit bbb 2025-06-07T23:30:00+00:00\n\nutbildare.en.md\n"
       "\x00commit aaa 2024-03-05T10:00:00+01:00\n\nutbildare.md\nutbildare.en.md\nindex.md\n")


def test_each_file_gets_its_latest_commit_in_stockholm_time():
    dates = pagefacts.parse_log(LOG, shallow=set())
    # 23:30 UTC on 7 June is already 8 June in Stockholm (summer time, UTC+2).
    assert dates == {"utbildare.en.md": dt.date(2025, 6, 8), "utbildare.md": dt.date(2024, 3, 5),
                     "index.md": dt.date(2024, 3, 5)}


def test_files_last_changed_at_a_shallow_boundary_have_no_date():
    dates = pagefacts.parse_log(LOG, shallow={"aaa"})
    assert dates == {"utbildare.en.md": dt.date(2025, 6, 8)}


def test_no_git_gives_no_dates_and_says_why(tmp_path):
    found = pagefacts.git_dates(str(tmp_path))
    assert found.dates == {} and "no git history" in found.note


def test_dates_are_written_the_readers_way():
    assert pagefacts.format_day(dt.date(2024, 3, 5), "sv") == "5 mars 2024"
    assert pagefacts.format_day(dt.date(2024, 3, 5), "en") == "March 5, 2024"


def test_mailto_escapes_every_reserved_character():
    href = pagefacts.mailto("gvi@example.se", "Fel på sidan: A & B?", "Adress: https://h/x/?a=1#b\nrad 2")
    assert href.startswith("mailto:gvi@example.se?subject=")
    query = href.split("?", 1)[1]
    assert not set("/:?#&= \n") & set(query.replace("&body=", "").replace("subject=", ""))
    fields = parse_qs(urlsplit(href).query)
    assert fields["subject"] == ["Fel på sidan: A & B?"]
    assert fields["body"] == ["Adress: https://h/x/?a=1#b\r\nrad 2"]  # RFC 6068: CRLF


def test_page_facts_carry_title_address_and_date_in_the_page_language():
    contact = {"email": "gvi@example.se"}
    facts = pagefacts.page_facts(lang="en", title="For trainers", url="https://h/2023-01/en/utbildare/",
                                 day=dt.date(2025, 6, 7), contact=contact, strings=STRINGS)
    assert facts["updated_label"] == "Last updated" and facts["updated_text"] == "June 7, 2025"
    assert facts["updated_iso"] == "2025-06-07" and facts["report_text"] == "Report an error on this page"
    body = unquote(facts["report_href"].split("&body=")[1])
    assert "Page: For trainers" in body and "Address: https://h/2023-01/en/utbildare/" in body
    none = pagefacts.page_facts(lang="sv", title="T", url="u", day=None, contact=contact, strings=STRINGS)
    assert "updated_text" not in none and none["report_text"] == "Rapportera fel på sidan"


def test_the_erase_block_escapes_its_words_and_has_a_no_script_text():
    block = pagefacts.erase_block({**STRINGS, "erase_confirm": {"sv": 'Säkert? "Ja"'}}, "sv")
    assert 'data-erase-confirm="Säkert? &quot;Ja&quot;"' in block
    assert 'class="gvi-erase__nojs"' in block and "<button" in block and 'role="status"' in block
