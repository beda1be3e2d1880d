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


def page(kb: float, urls=(), before=()) -> dict:
    return {"urls": list(urls), "total": {"bytes": int(kb * 1024)}, "search_before_intent": list(before)}


def lighthouse(performance=100, tbt=100, accessibility=100, best=100, seo=100) -> dict:
    return {"performance": performance, "tbt_ms": tbt, "accessibility": accessibility,
            "best-practices": best, "seo": seo}


def report(**changes) -> dict:
    good = {"third_party": {"project": 0, "project_urls": []},
            "assets": {"unlisted": [], "components": {"quiz": 3000}, "total_gzip": 11000,
                       "pages": {"index.html": {"gzip": 5000, "files": ["gvi.css"]}}},
            "reference_page_bytes": 70 * 1024,
            "pages": {"project": {"start page": page(60), "module with quiz": page(80),
                                  "checklist page": page(65),
                                  "search": page(200, ["search/search_index.sv.json"])}},
            "search_timing": {"sv": {"median_ms": 300}, "en": {"median_ms": 280}},
            "lighthouse": {"start page": lighthouse(), "plain Material page": lighthouse(tbt=120)}}
    good.update(changes)
    return good


def test_a_report_within_every_budget_passes():
    assert bench.checks(report()) == []


def test_checks_catch_each_broken_budget():
    broken = report(
        third_party={"project": 1, "project_urls": ["https://fonts.googleapis.com/x"]},
        assets={"unlisted": [], "components": {"quiz": 6000}, "total_gzip": 13000,
                "pages": {"strategi/budskapet/index.html": {"gzip": 13000, "files": ["x.js"]}}},
        pages={"project": {"start page": page(71, ["assets/javascripts/gvi-quiz.js"], ["search/search_index.sv.json"]),
                           "module with quiz": page(86), "checklist page": page(70.5),
                           "search": page(200, ["search/search_index.json"])}},
        search_timing={"sv": {"median_ms": 1200}, "en": {"median_ms": None}},
        lighthouse={"start page": lighthouse(94, 221, 99, 99, 99), "plain Material page": lighthouse(tbt=120)})
    problems = bench.checks(broken)
    # host, quiz budget, page budget, quiz code, index, before intent, 3 weights, 2 timings, 5 Lighthouse
    assert len(problems) == 16, "\n".join(problems)
    assert any("start page: search files requested before the reader showed intent" in p for p in problems)
    assert any("total blocking time 221 ms" in p for p in problems)


def test_lighthouse_that_could_not_run_is_a_broken_budget():
    assert bench.checks(report(lighthouse="npm is not on the PATH")) == ["Lighthouse did not run: npm is not on the PATH"]


def test_content_sizes_are_budgets_of_the_bench_with_their_figures(tmp_path):
    """Issue 24, cases 62 and 63: 5,000 quizzes on a page, 5 MB of prose, a search index 12 times
    larger. Not the build's business (a long page is not wrong), but the bench's --check."""
    site = tmp_path / "site"
    (site / "strategi" / "stor").mkdir(parents=True)
    (site / "strategi" / "stor" / "index.html").write_text(
        "<p>" + "x" * (450 * 1024) + "</p>" + '<form data-gvi-quiz="q">' * 31, encoding="utf-8")
    (site / "strategi" / "liten").mkdir(parents=True)
    (site / "strategi" / "liten" / "index.html").write_text('<form data-gvi-quiz="q">' * 5, encoding="utf-8")
    (site / "utskrift").mkdir()
    (site / "utskrift" / "alla-deltagare.html").write_bytes(b"x" * (2100 * 1024))
    sizes = bench.content_sizes(site)
    assert [e["path"] for e in sizes["pages"]] == ["strategi/stor/index.html", "strategi/liten/index.html"]
    problems = bench.size_checks(sizes, {"sv": {"bytes": 5_470_000}, "en": {"bytes": 445_018}})
    assert problems == [
        "strategi/stor/index.html: 450.7 KB of HTML, over 400 KB (split the page, or move text to its own page)",
        "strategi/stor/index.html: 31 quizzes, over 30 on one page",
        "utskrift/alla-deltagare.html: 2100.0 KB, over the booklets' 2048 KB",
        "search index (sv): 5341.8 KB, over 1024 KB; every reader who searches downloads it"], problems
    broken = report(content_sizes=sizes)
    assert len(bench.checks(broken)) == 3  # the search index of report() is within its budget


def test_a_checklist_is_measured_against_the_same_checklist_on_plain_material():
    """Issue 22's decision: a content page against the same content on plain Material."""
    pages = {"project": {"start page": page(60), "module with quiz": page(80), "checklist page": page(79.3),
                         "search": page(200, ["search/search_index.sv.json"])},
             "reference": {"same checklist": page(77.1)}}
    problems = bench.checks(report(pages=pages))
    assert problems == ["checklist page: 79.3 KB before any interaction, over the same checklist on "
                        "plain Material: 77.1 KB"], problems
    pages["project"]["checklist page"] = page(77.0)
    assert bench.checks(report(pages=pages)) == []  # over the plain page (70 KB), within its own content
