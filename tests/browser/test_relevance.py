"""Search relevance, measured: the relevance set (tests/data/relevance.yml) through the real search.

Each query goes through the site's real search in Chromium: Material's search box and its bundle,
our worker (language filter, stemming, words across languages) and Lunr on the built index. The
query is put into the search box with Playwright's fill() and a key press (the keyup Material
listens for), not typed letter by letter, so that some 90 queries take seconds; results are the
pages in the order Material lists them. Figures per language are printed and written to
build/relevance.json (README, "Search").
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import Reader, wait_for
from support import ROOT

# One worker runs both languages: the module fixture below runs every query once (pytest-xdist).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("relevance")]

SET = ROOT / "tests" / "data" / "relevance.yml"
THRESHOLDS = {"success@1": 0.80, "success@3": 0.95}
PREFIX = {"sv": "", "en": "en/"}


def load_set() -> dict[str, list[dict]]:
    data = yaml.safe_load(SET.read_text(encoding="utf-8"))
    for lang, queries in data.items():
        assert len(queries) >= 40, f"{SET}: {lang} has {len(queries)} queries; the set needs 40 or more"
        texts = [q["q"] for q in queries]
        assert len(set(texts)) == len(texts), f"{SET}: {lang} repeats a query"
    return data


def ranked_pages(page, query: str) -> list[str]:
    """The result pages for a query, best first, as paths below the site root."""
    page.evaluate("""() => {
        document.getElementById('gvi-search-meta').textContent = '';
        for (const item of document.querySelectorAll('.md-search-result__item')) item.dataset.stale = '1';
    }""")
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")
    wait_for(page, """() => document.getElementById('gvi-search-meta').textContent.trim() &&
                              !document.querySelector('.md-search-result__item[data-stale]')""")
    links = page.eval_on_selector_all(".md-search-result__item > a:first-child", "as => as.map(a => a.href)")
    return list(dict.fromkeys(link.split("#")[0].split("?")[0] for link in links))


def rank(expected: list[str], ranked: list[str]) -> int | None:
    """The 1-based place of the first expected page among the ranked ones (None: not there)."""
    return next((i for i, p in enumerate(ranked, 1) if p in expected), None)


def measure(results: list[tuple[list[str], list[str]]]) -> dict:
    """success@1, success@3 and MRR for [(expected pages, ranked pages)]."""
    ranks = [rank(e, r) for e, r in results]
    n = len(ranks)
    return {"queries": n,
            "success@1": sum(1 for r in ranks if r == 1) / n,
            "success@3": sum(1 for r in ranks if r and r <= 3) / n,
            "mrr": sum(1 / r for r in ranks if r) / n}


def test_measure_counts_ranks():
    figures = measure([(["a"], ["a", "b"]), (["b"], ["a", "c", "b"]), (["x"], ["a"]), (["c", "d"], ["d"])])
    assert figures == {"queries": 4, "success@1": 0.5, "success@3": 0.75, "mrr": (1 + 1 / 3 + 0 + 1) / 4}


@pytest.fixture(scope="module")
def relevance(browser, site_server):
    report = {}
    for lang, queries in load_set().items():
        reader = Reader(browser.new_context(), site_server.url)
        base = site_server.url + PREFIX[lang]
        reader.goto(base)
        reader.page.click("input.md-search__input")
        rows = []
        for item in queries:
            ranked = [u[len(base):] for u in ranked_pages(reader.page, item["q"]) if u.startswith(base)]
            rows.append({"q": item["q"], "expect": item["expect"], "ranked": ranked,
                         "rank": rank(item["expect"], ranked)})
        assert reader.visit.problems() == []
        reader.page.context.close()
        report[lang] = {**measure([(r["expect"], r["ranked"]) for r in rows]),
                        "misses": [{"q": r["q"], "expect": r["expect"], "rank": r["rank"], "top": r["ranked"][:3]}
                                   for r in rows if r["rank"] != 1]}
    out = ROOT / "build" / "relevance.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for lang, figures in report.items():
        print(f"\n{lang}: {figures['queries']} queries, success@1 {figures['success@1']:.2f}, "
              f"success@3 {figures['success@3']:.2f}, MRR {figures['mrr']:.2f}")
        for miss in figures["misses"]:
            print(f"  miss: {miss['q']!r} expected {miss['expect']}, rank {miss['rank']}, top {miss['top']}")
    return report


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_relevance_meets_the_thresholds(relevance, lang):
    figures = relevance[lang]
    for name, floor in THRESHOLDS.items():
        assert figures[name] >= floor, (
            f"{lang}: {name} {figures[name]:.2f} < {floor}; misses: "
            + "; ".join(f"{m['q']!r} rank {m['rank']} (top {m['top']})" for m in figures["misses"]))
