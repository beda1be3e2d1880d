"""mkdocs.yml read without MkDocs (gvi/siteconfig.py): tags kept, languages found, pages listed."""
from gvi import siteconfig
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
