"""A second site from the same curriculum: scripts/new_site.py starts the fictional Exempelstad in a
copy of the project; it builds strictly in both languages, shows Exempelstad's week, names the real
site only in marked examples, has every page in search, and `mkdocs serve` answers."""
from __future__ import annotations

import html
import json
import re
import subprocess
import time
import urllib.request

import pytest
import yaml

from exempelstad import FLAGS, new_site, shown_outside_examples
from support import BIN, ENV, ROOT, build, copy_project, free_port, site_pages


@pytest.fixture(scope="module")
def fixture_site(exempelstad):
    return exempelstad.project, exempelstad.started, exempelstad.result.site


def test_the_starter_writes_local_facts_and_the_sites_own_pages(fixture_site):
    project, started, _ = fixture_site
    assert "Wrote docs/_data/local.yml" in started.stdout
    local = yaml.safe_load((project / "docs/_data/local.yml").read_text(encoding="utf-8"))
    assert local["site"]["id"] == "gvi-exempelstad"
    assert local["site"]["own_names"] == ["Exempelstad", "Norra hamnen"]
    assert local["site"]["own_pages"] == ["index.md", "veckan/index.md"]
    assert local["week"]["edition"] == "2027-03" and local["week"]["city"] == "Exempelstad"
    assert local["contact"]["email"] == "gvi@exempelstad.example"
    editions = yaml.safe_load((project / "docs/_data/editions.yml").read_text(encoding="utf-8"))["editions"]
    assert [(e["name"], str(e["date"]), e["week"]["en"]) for e in editions] == [("2027-03", "2027-03-08", "March 8–11, 2027")]
    for page in ("index.md", "index.en.md", "veckan/index.md", "veckan/index.en.md"):
        text = (project / "docs" / page).read_text(encoding="utf-8")
        assert "Järfälla" not in text and "Upplands-Bro" not in text and "{{ local.week.dates }}" in text
    # Everything else is the real curriculum, unchanged.
    for page in (ROOT / "docs").rglob("*.md"):
        rel = page.relative_to(ROOT / "docs").as_posix()
        if rel not in ("index.md", "index.en.md", "veckan/index.md", "veckan/index.en.md"):
            assert (project / "docs" / rel).read_bytes() == page.read_bytes(), rel


def test_no_page_shows_the_real_site_outside_a_marked_example(fixture_site):
    _, _, site = fixture_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 80
    found, examples = [], 0
    for page in pages:
        shown, count = shown_outside_examples(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {text}" for text in shown]
        examples += count
    assert found == []
    assert examples > 100  # the sourced examples are still there, marked


def test_the_checker_sees_an_unmarked_name():
    page = ('<p>I Malmö. <span class="gvi-example">I Järfälla.</span> Här i Järfälla.</p>'
            '<h2 class="gvi-sources" id="kallor">Källor</h2>\n<ol><li>Järfälla kommun</li></ol>'
            '<abbr title="LPO Kungsängen">X</abbr>')
    found, examples = shown_outside_examples(page)
    assert found == ["Här i Järfälla.", "<abbr title>: LPO Kungsängen"] and examples == 1


@pytest.mark.parametrize("lang, prefix, dates, heading", [
    ("sv", "", "8–11 mars 2027", "Modulerna och deras tid"),
    ("en", "en/", "March 8–11, 2027", "The modules and their time"),
])
def test_the_week_page_and_schedule_show_exempelstads_week(fixture_site, lang, prefix, dates, heading):
    _, _, site = fixture_site
    week = html.unescape((site / prefix / "veckan/index.html").read_text(encoding="utf-8"))
    municipality = "Exempelstads kommun" if lang == "sv" else "the municipality of Exempelstad"
    assert dates in week and municipality in week and "Norra hamnen" in week and heading in week
    assert 'href="mailto:gvi@exempelstad.example"' in week
    schedule = week.split(heading, 1)[1]
    assert 'href="../strategi/vad-ar-gvi/"' in schedule and "<table>" in schedule
    trainer = (site / prefix / "utbildare/index.html").read_text(encoding="utf-8")
    assert dates in trainer and "Exempelstad" in trainer and "<table>" in trainer
    start = (site / prefix / "index.html").read_text(encoding="utf-8")
    assert dates in start and "Exempelstad" in start


def test_search_holds_every_page_in_both_languages(fixture_site):
    _, _, site = fixture_site
    pages = site_pages(site)
    for lang, mine in (("sv", [p for p in pages if not p.startswith("en/")]),
                       ("en", [p for p in pages if p.startswith("en/")])):
        index = json.loads((site / f"search/search_index.{lang}.json").read_text(encoding="utf-8"))
        located = {doc["location"].split("#")[0] for doc in index["docs"]}
        missing = [p for p in mine if p not in located and not p.startswith(("utskrift", "en/utskrift"))]
        assert missing == [], lang
        week = [d for d in index["docs"] if d["location"] == ("en/" if lang == "en" else "") + "veckan/"]
        assert week and "Exempelstad" in json.dumps(index, ensure_ascii=False)


def test_mkdocs_serve_of_the_fixture_site_answers(fixture_site):
    project, _, _ = fixture_site
    port = free_port()
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        answers = {}
        deadline = time.monotonic() + 180
        for path in ("", "en/"):
            while path not in answers:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "mkdocs serve did not answer in 180 s"
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as reply:
                        answers[path] = (reply.status, reply.read().decode("utf-8"))
                except OSError:
                    time.sleep(1)
        assert answers[""][0] == 200 and "8–11 mars 2027" in answers[""][1]
        assert answers["en/"][0] == 200 and "March 8–11, 2027" in answers["en/"][1]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_starter_rejects_bad_input_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project", parts=("mkdocs.yml", "docs", "scripts"))
    before = (project / "docs/_data/local.yml").read_bytes()
    bad = [v if v != "gvi@exempelstad.example" else "inte-en-adress" for v in FLAGS]
    done = new_site(project, flags=bad)
    assert done.returncode == 2 and "--contact-email 'inte-en-adress' is not an e-mail address" in done.stderr
    assert "Traceback" not in done.stderr
    at = FLAGS.index("--city")
    done = new_site(project, flags=FLAGS[:at] + FLAGS[at + 2:])
    assert done.returncode == 2 and "missing --city" in done.stderr
    done = new_site(project, flags=[v if v != "2027-03" else "2027-3" for v in FLAGS])  # bad-input-2026-12 case 47
    assert done.returncode == 2 and "--edition '2027-3' must be YYYY-MM, e.g. 2027-03." in done.stderr
    done = new_site(project, flags=[v if v != "2027-03-08" else "2027-04-08" for v in FLAGS])
    assert done.returncode == 2 and "--first-day '2027-04-08' must be a day in 2027-03" in done.stderr
    assert (project / "docs/_data/local.yml").read_bytes() == before


def test_the_starter_reports_shared_pages_that_name_the_new_site(tmp_path):
    """A new site in Malmö: the shared pages name Malmö outside marked examples, so the starter
    lists them with file and line and writes nothing."""
    project = copy_project(tmp_path / "project", parts=("mkdocs.yml", "docs", "scripts"))
    before = (project / "docs/_data/local.yml").read_bytes()
    done = new_site(project, "--own-name", "Malmö")
    assert done.returncode == 1 and "nothing was written" in done.stderr
    assert re.search(r"^docs/[\w/-]+\.md:\d+: shared page names 'Malmö', which docs/_data/local.yml",
                     done.stderr, re.M), done.stderr
    assert (project / "docs/_data/local.yml").read_bytes() == before


def test_the_build_fails_when_a_shared_page_names_the_site_outside_an_example(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/roller/polisen.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("Vid ett call-in talar")) + 1
    lines[number - 1] = "Här i Järfälla talar polisen. " + lines[number - 1]
    page.write_text("".join(lines), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"docs/roller/polisen.md:{number}: shared page names 'Järfälla', which "
            "docs/_data/local.yml lists as this site's own") in result.output


def test_the_starter_asks_for_what_the_flags_leave_out(tmp_path, capsys):
    import importlib.util
    spec = importlib.util.spec_from_file_location("new_site", ROOT / "scripts" / "new_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    project = copy_project(tmp_path / "project", parts=("mkdocs.yml", "docs", "scripts"))
    at = FLAGS.index("--dates-en")
    asked = []

    def ask(question):
        asked.append(question)
        return "March 8–11, 2027" if "dates, in English" in question else ""

    code = module.main(["Exempelstad", "--root", str(project), *FLAGS[:at], *FLAGS[at + 2:]], ask=ask)
    assert code == 0, capsys.readouterr().err
    # Asked: what no flag gave, the optional partners too (left empty: the default).
    assert [q.split(",")[0] for q in asked] == ["Parterna", "The partners", "The week's dates"]
    local = yaml.safe_load((project / "docs/_data/local.yml").read_text(encoding="utf-8"))
    assert local["site"]["partners"]["sv"] == "Exempelstads kommun, Polisen och Kriminalvården"
    assert local["week"]["dates"] == {"sv": "8–11 mars 2027", "en": "March 8–11, 2027"}
