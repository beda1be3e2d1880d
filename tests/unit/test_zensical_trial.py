"""The Zensical trial's own layout work (the trial itself runs with `make zensical-trial`, not in tests):
one docs folder and one config per language, derived from the real mkdocs.yml."""
import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import zensical_trial as trial  # noqa: E402


def test_each_language_gets_its_own_pages_without_the_suffix(tmp_path):
    docs = tmp_path / "docs"
    for name in ("index.md", "index.en.md", "roller/polisen.md", "roller/polisen.en.md", "_data/local.yml"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(name, encoding="utf-8")
    trial.split_docs(docs, tmp_path / "sv", "sv", ["sv", "en"], "sv")
    trial.split_docs(docs, tmp_path / "en", "en", ["sv", "en"], "sv")
    assert sorted(p.relative_to(tmp_path / "sv").as_posix() for p in (tmp_path / "sv").rglob("*.*")) == \
        ["_data/local.yml", "index.md", "roller/polisen.md"]
    assert (tmp_path / "en/roller/polisen.md").read_text(encoding="utf-8") == "roller/polisen.en.md"
    assert not list((tmp_path / "en").rglob("*.en.md"))


def test_language_config_is_derived_from_mkdocs_yml():
    base = trial.siteconfig.load_config(ROOT / "mkdocs.yml")
    languages = trial.siteconfig.language_entries(base)
    english = next(item for item in languages if item["locale"] == "en")
    config = trial.language_config(base, english, languages, "site/en", "docs-en")
    assert config["theme"]["language"] == "en" and config["site_name"] == english["site_name"]
    assert "hooks" not in config and not any(isinstance(p, dict) and "i18n" in p for p in config["plugins"])
    assert config["site_url"].endswith("/en/") and "version" not in config["extra"]
    assert {"gvi.mdext": {"lang": "en", "docs_dir": "docs-en"}} in config["markdown_extensions"]
    assert config["nav"][0] == {"Home": "index.md"}
    # The quiz fence's formatter survives the round trip as a python/name tag.
    text = trial.siteconfig.yaml.dump(config, Dumper=trial.siteconfig.Dumper, allow_unicode=True)
    assert "!!python/name:gvi.mdext.quiz_fence" in text
    sv, en = (trial.expected_counts(ROOT / "docs", code, ["sv", "en"], "sv") for code in ("sv", "en"))
    assert sv == en and sv["pages"] > 20 and sv["quizzes"] > 20  # twins: same pages, same quizzes
