"""The size budgets, measured by scripts/asset_sizes.py on the built site (a size check, not a timing)."""
import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import asset_sizes  # noqa: E402
from gvi import minify  # noqa: E402


def test_every_project_asset_belongs_to_a_component_and_budgets_hold(site):
    report = asset_sizes.measure(site)
    assert report["unlisted"] == []
    assert asset_sizes.problems(report) == []
    assert report["components"]["quiz"] <= 5 * 1024
    assert report["heaviest_gzip"] <= 12 * 1024
    module = report["pages"]["strategi/budskapet/index.html"]
    assert "javascripts/gvi-speaker.js" in module["files"], "on-demand code counts for the page that opens it"
    assert "javascripts/gvi-speaker.js" not in report["pages"]["index.html"]["files"]


def test_a_page_over_budget_is_named(tmp_path):
    (tmp_path / "p").mkdir()
    refs = "".join(f'<script src="../assets/{name}"></script>' for name in asset_sizes.COMPONENTS["quiz"]
                   + asset_sizes.COMPONENTS["presenter"] + asset_sizes.COMPONENTS["site"])
    (tmp_path / "p" / "index.html").write_text(refs, encoding="utf-8")
    report = asset_sizes.measure(tmp_path)
    limit = report["pages"]["p/index.html"]["gzip"] - 1
    asset_sizes.BUDGETS["page"], saved = limit, asset_sizes.BUDGETS["page"]
    try:
        found = asset_sizes.problems(report)
    finally:
        asset_sizes.BUDGETS["page"] = saved
    assert any(f.startswith("p/index.html loads ") for f in found), found


def test_the_built_palette_has_no_named_colour_and_keeps_the_dark_scheme(site):
    import re
    [palette] = (site / "assets" / "stylesheets").glob("palette.*.min.css")
    css = palette.read_text(encoding="utf-8")
    assert re.findall(r"data-md-color-(?:primary|accent)=(\w[\w-]*)", css) == []
    assert "[data-md-color-scheme=slate]{color-scheme:dark;" in css
    assert len(css) < 4000, len(css)  # Material's has 11 930 bytes, most of them named colours


def test_the_site_ships_our_files_minified(site):
    for name in ("javascripts/gvi-checklist.js", "stylesheets/gvi.css", "javascripts/workers/gvi-search.js"):
        shipped = (site / "assets" / name).read_text(encoding="utf-8")
        assert shipped == minify.minify("assets/" + name, shipped), name  # nothing left to take out
        assert "/*" not in shipped and "\n//" not in shipped, name
