"""YAML as the data files and front matter are read (gvi/yamltext.py): libyaml's parser where
PyYAML has it, with the pure-Python parser's errors (their wording is what authors are told)."""
from __future__ import annotations

import datetime

import pytest
import yaml

from gvi import yamltext

TEXT = "site:\n  id: gvi-test\n  name: {sv: Test, en: Test}\nweek:\n  date: 2026-01-23\n  days: [1, 2]\n"


def test_libyaml_is_used_and_reads_what_the_python_parser_reads():
    assert yamltext._FAST is yaml.CSafeLoader  # PyYAML's wheels carry libyaml; without it, 15 times slower
    assert yamltext.safe_load(TEXT) == yaml.safe_load(TEXT)
    assert yamltext.safe_load(TEXT)["week"]["date"] == datetime.date(2026, 1, 23)
    assert yamltext.key_lines(TEXT) == {("site",): 1, ("site", "id"): 2, ("site", "name"): 3,
                                        ("site", "name", "sv"): 3, ("site", "name", "en"): 3,
                                        ("week",): 4, ("week", "date"): 5, ("week", "days"): 6,
                                        ("week", "days", 0): 6, ("week", "days", 1): 6}


@pytest.mark.parametrize("text, parsed", [("question: Vilka: tre saker?\n", False),
                                          ("options: [a, b\nnext: 1\n", False), ("a: 1\n b: 2\n", False),
                                          ("date: 2026-02-30\n", True)])  # parsed, but no such day
def test_an_error_is_the_python_parsers_with_its_line(text, parsed):
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(text)
    readers = [yamltext.safe_load, yamltext.load] + ([] if parsed else [yamltext.compose])
    for read in readers:
        with pytest.raises(yaml.YAMLError) as got:
            read(text)
        assert type(got.value) is type(expected.value)
        assert str(got.value) == str(expected.value)  # the wording, the line and the column
        assert yamltext.error_line(got.value) == yamltext.error_line(expected.value)
