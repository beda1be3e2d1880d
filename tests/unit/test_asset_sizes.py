"""The size budgets, measured by scripts/asset_sizes.py (a size check, not a timing)."""
import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import asset_sizes  # noqa: E402


def test_every_project_asset_belongs_to_a_component_and_budgets_hold():
    report = asset_sizes.measure()
    assert report["unlisted"] == []
    assert asset_sizes.problems(report) == []
    assert report["components"]["quiz"] <= 5 * 1024
    assert report["total_gzip"] <= 12 * 1024
