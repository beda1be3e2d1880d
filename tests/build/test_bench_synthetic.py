"""`make bench` times builds of synthetic sites made from the project's own config: they must pass
the same strict checks as the real site, or the benchmark stops (as it once did, unseen)."""
import sys

from support import ROOT, build

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402


def test_a_synthetic_site_builds_strictly_in_both_languages(tmp_path):
    project = bench.synthetic_site(tmp_path / "synthetic", 3)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site/strategi/modul-002/index.html").exists()
    assert (tmp_path / "site/en/strategi/modul-002/index.html").exists()


def test_the_plain_material_checklist_holds_the_same_checklist(tmp_path, site):
    """The bench compares the checklist page with the same content on plain Material: every item,
    citation, the legal line, the minors box and every source must be there, rendered as on our page,
    or the comparison flatters us; our controls must not be, or it flatters the reference."""
    import re
    ref = bench.checklist_reference_site(tmp_path, site)
    result = build(ref, tmp_path / "site")
    assert result.returncode == 0, result.output
    plain = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    ours = (site / bench.REFERENCE_CHECKLIST_PAGE).read_text(encoding="utf-8")
    items = ours.count('class="task-list-item"')
    assert items > 20 and plain.count('class="task-list-item"') == items
    sources = ours.count("<li><em>")
    assert sources > 10 and plain.count("<li><em>") == sources
    for part in ('class="gvi-legal-notice', "Om personen är under 18 år", "SFS 1983:47", 'id="gvi-task-1"'):
        assert plain.count(part) == ours.count(part) >= 1, part
    assert "gvi-checklist-bar" not in plain and "md-tag" not in plain
    assert "{{" not in plain and "&lt;" not in plain.split("<article", 1)[1][:200]


def test_the_reference_every_budget_is_measured_against_is_one_page(tmp_path):
    result = build(bench.reference_site(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert [p.parent.name for p in (tmp_path / "site").rglob("index.html")] == ["site"]


def test_the_synthetic_pages_build_on_plain_material_as_the_bench_reference(tmp_path):
    """The bench times the same synthetic pages on plain MkDocs, Material and static-i18n (the
    machine's speed of the moment): every page in both languages, none of our hooks or checks."""
    project = bench.synthetic_site(tmp_path / "synthetic", 3)
    plain = bench.synthetic_reference_site(tmp_path / "plain", project)
    assert "hooks" not in (plain / "mkdocs.yml").read_text(encoding="utf-8")
    result = build(plain, tmp_path / "site")
    assert result.returncode == 0, result.output
    for page in ("strategi/modul-002/index.html", "en/strategi/modul-002/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "gvi-" not in html and "md-nav" in html and 'class="admonition objectives"' in html
