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


def test_the_plain_material_checklist_holds_the_same_checklist(tmp_path):
    """The bench compares the checklist page with the same text and sources on plain Material: every
    item and every source must be there, rendered, or the comparison flatters us."""
    import re
    ref = bench.checklist_reference_site(tmp_path)
    result = build(ref, tmp_path / "site")
    assert result.returncode == 0, result.output
    plain = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    ours = (ROOT / "docs" / bench.REFERENCE_CHECKLIST).read_text(encoding="utf-8")
    items = len(re.findall(r"^- \[ \] ", ours, re.M))
    assert items > 20 and plain.count('class="task-list-item"') == items
    keys = re.search(r"^sources: \[(.*?)\]", ours, re.M).group(1).split(",")
    assert plain.count("<li><em>") == len(keys) and "{{" not in plain and "{#kallor" not in plain


def test_the_reference_every_budget_is_measured_against_is_one_page(tmp_path):
    result = build(bench.reference_site(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert [p.parent.name for p in (tmp_path / "site").rglob("index.html")] == ["site"]
