"""mkdocs.yml read without MkDocs (gvi/siteconfig.py): tags kept, languages found, pages listed."""
import pytest
import yaml

from gvi import siteconfig, yamltext
from support import ROOT


def test_pages_leave_out_dot_files_and_excluded_folders(tmp_path):
    for name in ("index.md", "a/b.en.md", "_data/notes.md", ".drafts/x.md", "a/skiss.md", "a/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert siteconfig.find_pages(tmp_path, "_data/\n# a comment\na/skiss.md\n") == ["a/b.en.md", "index.md"]


def test_the_real_config_reads_with_its_tags(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    config = siteconfig.load_config(ROOT / "mkdocs.yml")
    assert config["site_url"].startswith("https://")
    monkeypatch.setenv("SITE_URL", "https://kommun.example/gvi/")
    assert siteconfig.load_config(ROOT / "mkdocs.yml")["site_url"] == "https://kommun.example/gvi/"
    assert [lang["locale"] for lang in siteconfig.language_entries(config)] == ["sv", "en"]
    fences = next(e for e in config["markdown_extensions"] if isinstance(e, dict) and "pymdownx.superfences" in e)
    assert isinstance(fences["pymdownx.superfences"]["custom_fences"][0]["format"], siteconfig.PythonName)


def test_libyaml_reads_the_config_as_the_python_parser_does_and_an_error_is_the_python_parsers(tmp_path):
    if getattr(yaml, "CSafeLoader", None) is None:
        pytest.fail("PyYAML without libyaml: requirements.txt pins a wheel that has it")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    fast = yamltext.construct(yaml.compose(text, Loader=yaml.CSafeLoader), siteconfig.ConfigLoader)
    assert fast == yaml.load(text, Loader=siteconfig.ConfigLoader)  # noqa: S506
    assert fast == siteconfig.load_config(ROOT / "mkdocs.yml")
    broken = tmp_path / "mkdocs.yml"
    broken.write_text("site_name: x\nnav:\n  - a: b.md\n   - c: d.md\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError) as fast_error:
        yaml.compose(broken.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    with pytest.raises(yaml.YAMLError) as error:
        siteconfig.load_config(broken)
    assert "expected <block end>, but found '<block sequence start>'" in str(error.value)
    assert error.value.problem_mark.line == 3 and str(error.value) != str(fast_error.value)
