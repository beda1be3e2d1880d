"""scripts/new_module.py: the pure scaffold and mkdocs.yml edits, bad input, and one real build."""
from __future__ import annotations

import re
import sys

import pytest
import yaml

from support import ROOT, build, copy_project

sys.path.insert(0, str(ROOT / "scripts"))

import new_module  # noqa: E402
from gvi import data as site_data  # noqa: E402
from gvi import authoring, frontmatter, outline, schema  # noqa: E402
from gvi.siteconfig import ConfigLoader  # noqa: E402

MKDOCS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
FIELDS = dict(module_id="ny-modul", duration=25, audience=["alla"], roles=["polisen", "stod"],
              sources=["S32", "S1"])


def load(text: str) -> dict:
    return yaml.load(text, Loader=ConfigLoader)  # noqa: S506 (a SafeLoader subclass)


def nav_group(config: dict, title: str):
    return next(entry[title] for entry in config["nav"] if title in entry)


def en_translations(config: dict) -> dict:
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return next(lang for lang in i18n["languages"] if lang["locale"] == "en")["nav_translations"]


# The pure functions ---------------------------------------------------------------------------


def test_rendered_languages_pass_the_schema_and_share_heading_ids():
    data = site_data.load(str(ROOT / "docs"))
    sv = new_module.render_module("sv", title="Ny modul: grunder", **FIELDS)
    en = new_module.render_module("en", title="New module", **FIELDS)
    fms = {}
    for lang, text in (("sv", sv), ("en", en)):
        fm = fms[lang] = frontmatter.parse(text, f"x.{lang}.md")
        assert schema.validate(fm, "x.md", True, roles=data.roles, audiences=data.audiences,
                               sources=data.sources) == []
    assert fms["sv"].meta["title"] == "Ny modul: grunder"  # quoted in YAML, read back intact
    assert schema.compare_shared(fms["sv"], "sv", fms["en"], "en") == []
    heads = {lang: outline.outline(text) for lang, text in (("sv", sv), ("en", en))}
    assert outline.compare(heads["sv"], "sv", heads["en"], "en") == []
    assert [h.id for h in heads["sv"][1:]] == ["forsta-avsnittet", "testa-dig-sjalv", "att-ta-med-sig"]
    assert sv.count("```quiz\n") == en.count("```quiz\n") == 3 and "id: ny-modul-3\n" in en
    assert "!!! objectives\n\n    - Skriv 3–5 lärandemål här." in sv
    assert "## Key points {#att-ta-med-sig}\n\n!!! keypoints\n\n    - " in en
    assert "??? trainer\n\n    Write notes" in en


def test_add_nav_entry_appends_to_a_group_with_its_indentation():
    text = new_module.add_nav_entry(MKDOCS, "strategi", "Ny: modul", "strategi/ny.md")
    assert '      - "Ny: modul": strategi/ny.md\n' in text
    assert nav_group(load(text), "Strategin")[-1] == {"Ny: modul": "strategi/ny.md"}
    assert "site_url: !ENV [SITE_URL" in text  # edited as text: tags and comments stay
    assert new_module.add_nav_entry(text, "strategi", "Ny: modul", "strategi/ny.md") == text


def test_add_nav_entry_turns_a_single_entry_into_a_group():
    single = re.sub(r"  - Call-in:\n(      - .*\n)+", "  - Call-in: call-in/index.md\n", MKDOCS)
    assert "  - Call-in: call-in/index.md\n" in single
    text = new_module.add_nav_entry(single, "call-in", "Första samtalet", "call-in/forsta.md")
    assert ("  - Call-in:\n      - Om Call-in: call-in/index.md\n"
            "      - Första samtalet: call-in/forsta.md\n") in text
    assert nav_group(load(text), "Call-in") == [{"Om Call-in": "call-in/index.md"},
                                                {"Första samtalet": "call-in/forsta.md"}]


def test_add_nav_entry_names_a_section_missing_from_the_nav():
    with pytest.raises(new_module.UsageError, match="no entry for okand/"):
        new_module.add_nav_entry(MKDOCS, "okand", "X", "okand/x.md")


def test_add_nav_translation_adds_once_under_english():
    text = new_module.add_nav_translation(MKDOCS, "Ny modul", "New module")
    assert "            Ny modul: New module\n" in text
    assert en_translations(load(text))["Ny modul"] == "New module"
    assert new_module.add_nav_translation(text, "Ny modul", "Other") == text
    assert new_module.add_nav_translation(MKDOCS, "Start", "Other") == MKDOCS


def test_add_nav_translation_creates_the_mapping_when_absent():
    text = "plugins:\n  - i18n:\n      languages:\n        - locale: sv\n          default: true\n" \
           "        - locale: en\n          name: English\nnav:\n  - Start: index.md\n"
    text = new_module.add_nav_translation(text, "Start", "Home")
    assert load(text)["plugins"][0]["i18n"]["languages"][1] == {
        "locale": "en", "name": "English", "nav_translations": {"Start": "Home"}}


# The command: bad input -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with one scaffolded module, shared by the bad-input tests."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    assert new_module.main(["strategi", "befintlig", "--title-sv", "Befintlig", "--title-en",
                            "Existing", "--sources", "S32", "--root", str(root)]) == 0
    return root


@pytest.mark.parametrize("args, message", [
    (["okand", "x"], "unknown section 'okand'. Use one of (module_sections in "
                     "docs/_data/curriculum.yml): strategi, roller, call-in, bra."),
    (["strategi", "Första_Samtalet"], "slug 'Första_Samtalet' is not an ASCII slug"),
    (["strategi", "x--y"], "is not an ASCII slug"),
    (["strategi", "index"], "slug 'index' is the section's own page"),
    (["strategi", "x", "--roles", "polisen,brandkaren"], "unknown role 'brandkaren' in --roles. "
                                                         "Use keys from roles in"),
    (["strategi", "x", "--audience", "barn"], "unknown audience 'barn' in --audience"),
    (["strategi", "x", "--sources", "S32,S999"], "unknown source 'S999' in --sources. Use keys "
                                                 "from docs/_data/sources.yml: S1, S2"),
    (["strategi", "x", "--duration", "0"], "--duration 0 is out of range"),  # bad-input-2026-12 case 53
    (["strategi", "x", "--nav-title", ""], "--nav-title must be one non-empty line"),  # case 55, as --title-en
    (["strategi", "x", "--nav-title", "Fokus <b>på</b> grupper"], "--nav-title 'Fokus <b>på</b> grupper' holds "
                                                                   "markup or a placeholder: a title is plain text"),
    (["strategi", "befintlig"], "docs/strategi/befintlig.md already exists"),
    (["strategi", "ny-modul", "--id", "befintlig"], "module id 'befintlig' is already used by "
                                                    "docs/strategi/befintlig.md"),
])
def test_bad_input_exits_2_naming_what_to_fix(project, capsys, args, message):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "--sources" not in args:
        args = [*args, "--sources", "S32"]
    code = new_module.main([*args, "--title-sv", "X", "--title-en", "X", "--root", str(project)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not (project / "docs" / "strategi" / "x.md").exists()


def test_bad_slug_suggests_one_and_roles_list_the_allowed_keys(project, capsys):
    assert new_module.main(["strategi", "Första_Samtalet", "--roles", "x", "--title-sv", "X",
                            "--title-en", "X", "--sources", "S32", "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert "For example 'forsta-samtalet'." in err  # every problem is listed at once
    assert "polisen, kommunen, socialtjansten" in err


def test_sources_are_required(project, capsys):
    assert new_module.main(["strategi", "x", "--title-sv", "X", "--title-en", "X",
                            "--root", str(project)]) == 2
    assert "a module cites its sources: pass --sources" in capsys.readouterr().err


# The command: a real scaffold and a real strict build -------------------------------------------


def test_a_swedish_nav_title_already_translated_otherwise_is_refused(project, capsys):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    code = new_module.main(["strategi", "fokus", "--title-sv", "Budskapet och hur det förs fram",
                            "--title-en", "Focus on groups", "--sources", "S1", "--root", str(project)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert re.match(r"new_module.py: error: mkdocs.yml:\d+: the Swedish nav title 'Budskapet och hur det "
                    r"förs fram' is already used, with the English title 'The message and how it is "
                    r"delivered'.* Fix: pass --nav-title", err)
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not (project / "docs" / "strategi" / "fokus.md").exists()


def test_scaffolded_modules_are_refused_until_written_then_build_in_both_languages(tmp_path, capsys):
    root = copy_project(tmp_path / "project", parts=("mkdocs.yml", "docs", "overrides"))
    assert new_module.main(["strategi", "gvi-grunder", "--title-sv", "GVI:s grunder",
                            "--title-en", "GVI basics", "--roles", "polisen,socialtjansten",
                            "--sources", "S32", "--duration", "45", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Created docs/strategi/gvi-grunder.md (Swedish) and docs/strategi/gvi-grunder.en.md" in out
    assert "Next steps:" in out
    assert new_module.main(["call-in", "forsta-samtalet", "--title-sv", "Första samtalet",
                            "--title-en", "The first meeting", "--nav-title", "Samtalet",
                            "--sources", "S1", "--root", str(root)]) == 0

    docs = root / "docs"
    for neutral, module_id, titles in (
            ("strategi/gvi-grunder", "gvi-grunder", ("GVI:s grunder", "GVI basics")),
            ("call-in/forsta-samtalet", "forsta-samtalet", ("Första samtalet", "The first meeting"))):
        sv = frontmatter.parse((docs / f"{neutral}.md").read_text(encoding="utf-8"), "sv")
        en = frontmatter.parse((docs / f"{neutral}.en.md").read_text(encoding="utf-8"), "en")
        assert sv.meta["id"] == en.meta["id"] == module_id
        assert (sv.meta["title"], en.meta["title"]) == titles
        sv_text = (docs / f"{neutral}.md").read_text(encoding="utf-8")
        assert f"# {titles[0]}\n" in sv_text and "## Att ta med sig\n" in sv_text
    grunder = frontmatter.parse((docs / "strategi/gvi-grunder.md").read_text(encoding="utf-8"), "x")
    assert grunder.meta["duration"] == 45 and grunder.meta["roles"] == ["polisen", "socialtjansten"]

    config = load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert nav_group(config, "Strategin")[-1] == {"GVI:s grunder": "strategi/gvi-grunder.md"}
    assert nav_group(config, "Call-in")[-1] == {"Samtalet": "call-in/forsta-samtalet.md"}
    translations = en_translations(config)
    assert translations["GVI:s grunder"] == "GVI basics"
    assert translations["Samtalet"] == "The first meeting"

    refused = build(root, root / "site")
    assert refused.returncode == 1
    # One line per problem: the two Swedish scaffolds have the same placeholders on the same lines.
    assert ("docs/call-in/forsta-samtalet.md:15: the scaffold's placeholder 'Skriv 3–5 lärandemål "
            "här.' is still here (also on lines") in refused.output
    assert "The same at docs/strategi/gvi-grunder.md:15. Fix:" in refused.output
    assert "Fix: replace every placeholder with the module's own text." in refused.output
    assert "Traceback" not in refused.output
    for page in docs.rglob("*.md"):  # the author writes the module: no placeholder is left
        text = page.read_text(encoding="utf-8")
        for number, placeholder in enumerate(authoring.PLACEHOLDERS):
            text = text.replace(placeholder, f"Riktig text nummer {number}.")
        page.write_text(text, encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.output
    for neutral in ("strategi/gvi-grunder", "call-in/forsta-samtalet"):
        assert (root / "site" / neutral / "index.html").is_file()
        assert (root / "site" / "en" / neutral / "index.html").is_file()
    english = (root / "site/en/call-in/forsta-samtalet/index.html").read_text(encoding="utf-8")
    assert "The first meeting" in english
