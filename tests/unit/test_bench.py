"""The benchmark's own arithmetic (the benchmark itself runs with `make bench`, not in tests)."""
import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402

BASE = "http://127.0.0.1:8000/"


def test_requests_are_sorted_into_categories():
    assert bench.category(BASE + "strategi/", BASE, "document") == "page"
    assert bench.category(BASE + "search/search_index.sv.json", BASE, "xhr") == "search index"
    assert bench.category(BASE + "assets/javascripts/gvi-quiz.js", BASE, "script") == "project"
    assert bench.category(BASE + "assets/javascripts/workers/gvi-search.js?lang=sv", BASE, "other") == "project"
    assert bench.category(BASE + "assets/javascripts/bundle.a5f9d56c.min.js", BASE, "script") == "material"
    assert bench.category(BASE + "assets/stylesheets/main.57a0d79d.min.css", BASE, "stylesheet") == "material"
    assert bench.category(BASE + "assets/images/favicon.svg", BASE, "other") == "other"


def test_linear_fit_tells_linear_from_not():
    linear = bench.linear_fit([(20, 1.0), (200, 5.5), (800, 20.5)])
    assert linear["linear"] and abs(linear["seconds_per_page"] - 0.025) < 0.001
    assert not bench.linear_fit([(20, 1.0), (200, 2.0), (800, 60.0)])["linear"]


def test_checks_catch_each_broken_budget():
    report = {"third_party": {"project": 1, "project_urls": ["https://fonts.googleapis.com/x"]},
              "assets": {"unlisted": [], "components": {"quiz": 6000}, "total_gzip": 13000,
                         "pages": {"strategi/budskapet/index.html": {"gzip": 13000, "files": ["x.js"]}}},
              "pages": {"project": {"start page": {"urls": ["assets/javascripts/gvi-quiz.js"]},
                                    "search": {"urls": ["search/search_index.json"]}}}}
    problems = bench.checks(report)
    assert len(problems) == 5, problems
