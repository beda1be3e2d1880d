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
