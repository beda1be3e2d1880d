"""Build the site with Zensical in a scratch folder and report, measured, what comes out.

    make zensical-trial            # .venv-zensical, then this script; never part of `make test`

Two builds, each from a copy of the project in build/zensical-trial/:

A. As it is: `zensical build -f mkdocs.yml` on an unchanged copy. Zensical reads mkdocs.yml but
   runs no MkDocs plugins (static-i18n, mike, search options) and no hooks.
B. One build per language, the way a move would have to work without static-i18n: each language's
   pages in a folder of their own (page.en.md -> page.md), a config derived from mkdocs.yml with
   that language's theme language, names and nav titles, English built into en/.

For each built site the report counts pages per language and checks each feature in the HTML.
When the main venv has Playwright and a Chromium (`make chromium`), it also drives the Zensical
output in the browser: a quiz answered, the presenter started, a checklist ticked, a search typed.
The report goes to build/zensical-trial/REPORT.md (and to stdout). The exit status is 0 whenever a
report was written: a feature that does not work is a finding, not a failure.
"""
from __future__ import annotations

import argparse
import copy
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "zensical-trial"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
MAIN_PYTHON = ROOT / ".venv" / "bin" / "python"
ADAPT_404 = "overrides/404.html"  # reads gvi_strings etc., which only the MkDocs hook provides
ADAPT_SEARCH = "overrides/partials/search.html"  # Material 9.8.2's markup; Zensical's search differs
ANSI = re.compile(r"\x1b\[[0-9;]*m")


sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from gvi import pages, quiz, siteconfig  # noqa: E402
from bench import copy_project as _copy  # noqa: E402  (scripts/ is on the path: this file's folder)


# The project copy and the builds -------------------------------------------------------------------
def copy_project(dest: Path) -> None:
    """A fresh copy of mkdocs.yml, docs/ and overrides/ (the benchmark's copy)."""
    if dest.exists():
        shutil.rmtree(dest)
    _copy(dest)


def zensical_build(project: Path, config: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(project / "overrides" / "hooks"), "NO_COLOR": "1"}
    start = time.perf_counter()
    done = subprocess.run([str(ZENSICAL), "build", "-f", str(config)], cwd=project, env=env,
                          capture_output=True, text=True)
    output = ANSI.sub("", done.stdout + done.stderr)
    warnings = [line.split(":", 1)[1].strip() for line in output.splitlines() if line.startswith("Warning:")]
    error = next((line for line in reversed(output.splitlines()) if re.match(r"^\w*(Error|Exception)\b", line)), "")
    return {"returncode": done.returncode, "seconds": round(time.perf_counter() - start, 2),
            "warnings": warnings, "error": error, "output": output}


def split_docs(source: Path, dest: Path, lang: str, languages: list[str], default: str) -> None:
    """One language's pages (suffix removed) and every non-page file, as a docs folder of its own."""
    for path in sorted(source.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(source).as_posix()
        if rel.endswith(".md"):
            rel, page_lang = pages.split_language(rel, languages, default)
            if page_lang != lang:
                continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def translate_nav(nav, titles: dict):
    if isinstance(nav, list):
        return [translate_nav(item, titles) for item in nav]
    if isinstance(nav, dict):
        return {titles.get(key, key): translate_nav(value, titles) for key, value in nav.items()}
    return nav


def language_config(base: dict, lang: dict, languages: list[dict], site_dir: str, docs_dir: str) -> dict:
    config = copy.deepcopy(base)
    config.pop("hooks", None)
    config["plugins"] = [p for p in base["plugins"] if not (isinstance(p, dict) and "i18n" in p)]
    config["docs_dir"], config["site_dir"] = docs_dir, site_dir
    config["theme"]["language"] = lang["locale"]
    for key in ("site_name", "site_description", "copyright"):
        if lang.get(key):
            config[key] = lang[key]
    config["nav"] = translate_nav(base["nav"], lang.get("nav_translations") or {})
    prefix = {item["locale"]: ("" if item.get("default") else f"{item['locale']}/") for item in languages}
    config["site_url"] = base["site_url"].rstrip("/") + "/" + prefix[lang["locale"]]
    config.setdefault("extra", {}).pop("version", None)  # no mike: the selector would ask for versions.json
    config["extra"]["alternate"] = [
        {"name": item["name"], "lang": item["locale"], "link": "/" + prefix[item["locale"]]} for item in languages]
    for item in config["markdown_extensions"]:
        if isinstance(item, dict) and "gvi.mdext" in item:
            item["gvi.mdext"].update(lang=lang["locale"], docs_dir=docs_dir)
    return config


def content_check(config: Path) -> dict:
    """scripts/check_content.py run by this venv's Python, where MkDocs is not installed."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--config", str(config)],
                          capture_output=True, text=True)
    lines = (done.stdout + done.stderr).strip().splitlines()
    return {"returncode": done.returncode, "summary": lines[-1] if lines else "", "first": lines[0] if lines else ""}


# What came out ------------------------------------------------------------------------------------
def measure(site: Path, expected: dict) -> dict:
    built = [p for p in site.rglob("index.html")
             if not p.relative_to(site).as_posix().startswith(("assets/", "search/", "en/"))]
    texts = {p.relative_to(site).parent.as_posix(): p.read_text(encoding="utf-8") for p in built}
    everything = "\n".join(texts.values())
    module = texts.get("strategi/vad-ar-gvi", "")
    checklist = texts.get("checklistor/polisen", "")
    summaries = set(re.findall(r'<form class="gvi-quiz".*?<summary>([^<]*)</summary>', everything, re.S))
    search_files = sorted(p.relative_to(site).as_posix() for p in site.glob("search*") if p.is_file()) + \
        sorted(p.relative_to(site).as_posix() for p in (site / "search").glob("*") if (site / "search").is_dir())
    return {
        "pages": len(built),
        "html lang": sorted(set(re.findall(r'<html lang="([^"]+)"', everything))),
        "quizzes rendered": f"{everything.count('data-gvi-quiz=')} of {expected['quizzes']}",
        "quiz answer label": sorted(summaries),
        "quiz script on module page": "gvi-quiz.js" in module,
        "local facts left unfilled": len(re.findall(r"\{\{\s*local\.", everything)),
        "abbreviations explained (module page)": module.count("<abbr"),
        "task-list checkboxes named (police checklist)": checklist.count('aria-labelledby="gvi-task-'),
        "interface strings (#gvi-ui) on pages": everything.count('id="gvi-ui"'),
        "module facts line (hook)": everything.count('class="gvi-facts"'),
        "sources section (hook)": everything.count('id="kallor"'),
        "progress table (hook)": texts.get("framsteg", "").count("data-gvi-progress="),
        "schedule table (hook)": texts.get("veckan", "").count("<table"),
        "presenter button (template)": module.count("gvi-present__start"),
        "checklist bar (template)": checklist.count("gvi-checklist-bar"),
        "language links": sorted(set(re.findall(r'hreflang="([^"]+)"', everything))),
        "version selector data (mike)": (site / "versions.json").exists(),
        "search index files": search_files,
        "search index (language, sections, KB gzipped)": search_summary(site),
        "404 page": (site / "404.html").exists(),
    }


def search_summary(site: Path) -> str:
    path = site / "search.json"
    if not path.exists():
        return "no search.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    return (f"{'+'.join(index.get('config', {}).get('lang', []))}, {len(index.get('items', []))}, "
            f"{len(gzip.compress(path.read_bytes())) / 1024:.0f}")


def expected_counts(docs: Path, lang: str, codes: list[str], default: str, exclude_docs: str | None = None) -> dict:
    """Pages and quiz fences in one language's sources: what a complete build must show."""
    files = [rel for rel in siteconfig.find_pages(docs, exclude_docs)
             if pages.split_language(rel, codes, default)[1] == lang]
    return {"quizzes": sum(len(quiz.find_fences((docs / rel).read_text(encoding="utf-8"))) for rel in files),
            "pages": len(files)}


# In the browser (run with the main venv's Python, which has Playwright) ---------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser_check(site: str, control: bool = False) -> dict:
    """Drive the built site; with ``control``, only search, on Zensical's own starter project."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM") or (ROOT / ".venv" / "chromium-path").read_text().strip()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    found: dict = {}
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))

        def attempt(name, action):
            try:
                found[name] = action()
            except Exception as exc:  # a feature that does not work is a finding
                found[name] = f"no ({str(exc).splitlines()[0][:120]})"

        def search(query):
            page.goto(base)
            if page.locator("input.md-search__input").count():
                page.click("input.md-search__input", timeout=3000)
            else:  # Zensical's own search opens from a button
                page.click(".md-search__button", timeout=3000)
            page.keyboard.type(query, delay=20)
            page.wait_for_timeout(2000)
            return page.locator(".md-search a[href]").count()

        if control:
            attempt("search: result links for 'markdown'", lambda: search("markdown"))
            browser.close()
            httpd.shutdown()
            return found

        page.goto(base + "strategi/vad-ar-gvi/")

        def quiz():
            form = page.locator("form.gvi-quiz").first
            form.locator("li[data-gvi-correct] input").first.check(timeout=3000)
            for extra in form.locator("li[data-gvi-correct] input").all()[1:]:
                extra.check()
            form.locator(".gvi-quiz__check").click(timeout=3000)
            return form.locator(".gvi-quiz__status").inner_text(timeout=3000) or "no (no result shown)"
        attempt("quiz answered (result text)", quiz)

        def present():
            page.reload()
            page.click(".gvi-present__start", timeout=3000)
            return page.locator(".gvi-present__bar, [class*=gvi-present__]").count() > 1
        attempt("presenter opens", present)
        page.keyboard.press("Escape")

        def checklist():
            page.goto(base + "checklistor/polisen/")
            box = page.locator("article .task-list input[type=checkbox]").first
            box.scroll_into_view_if_needed(timeout=3000)
            area = box.bounding_box()  # click where Material draws the box, as a reader does
            page.mouse.click(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
            return page.locator(".gvi-checklist__total").inner_text(timeout=3000)
        attempt("checklist ticked (count text)", checklist)

        attempt("search: result links for 'frivården'", lambda: search("frivården"))

        def english():
            page.goto(base + "en/strategi/vad-ar-gvi/")
            return page.evaluate("document.documentElement.lang") + ", " + \
                page.locator("form.gvi-quiz summary").first.inner_text(timeout=3000)
        attempt("English module page (lang, answer label)", english)
        browser.close()
    httpd.shutdown()
    found["console errors and failed requests"] = len(errors)
    found["first error"] = errors[0][:160] if errors else ""
    return found


def run_browser_check(site: Path, mode: str = "browser") -> dict:
    if not MAIN_PYTHON.exists() or not (ROOT / ".venv" / "chromium-path").exists():
        return {"not run": "the main venv has no Chromium yet: run `make chromium` and try again"}
    done = subprocess.run([str(MAIN_PYTHON), __file__, mode, str(site)], capture_output=True, text=True)
    if done.returncode != 0:
        return {"not run": (done.stderr.strip().splitlines() or ["unknown error"])[-1]}
    return json.loads(done.stdout)


# The report ---------------------------------------------------------------------------------------
def table(rows: dict) -> str:
    lines = ["| check | result |", "|---|---|"]
    for key, value in rows.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        lines.append(f"| {key} | {shown.replace('|', '/') or '–'} |")
    return "\n".join(lines)


def build_report(version: str, a: dict, b: dict, lang_results: dict, browser: dict, expected: dict,
                 checks: dict) -> str:
    out = [f"# Zensical trial ({time.strftime('%Y-%m-%d')})", "",
           f"Zensical {version}, from requirements-zensical.txt. Every figure below was measured by "
           "scripts/zensical_trial.py on this machine.", "",
           "## A. The project as it is (`zensical build -f mkdocs.yml`)", "",
           *([f"- First run: `{a['first error']}`. Run again without `{ADAPT_404}`, "
              "which reads context that only the MkDocs hook provides."] if a.get("first error") else []),
           f"- Exit status {a['result']['returncode']} after {a['result']['seconds']} s; "
           f"{len(a['result']['warnings'])} warnings"
           + (f" ({'; '.join(sorted(set(a['result']['warnings'])))})" if a["result"]["warnings"] else "") + ".",
           f"- Error: `{a['result']['error']}`" if a["result"]["error"] else "- No error.",
           f"- HTML pages written: {a['html_files']} (static-i18n's languages are not built: "
           f"`page.en.md` becomes its own page at `page.en/`).", ""]
    if a.get("measure"):
        out += [table(a["measure"]), ""]
    out += ["## B. One build per language (what a move would do without static-i18n)", "",
            f"Each language's pages in a folder of their own, a config per language derived from mkdocs.yml "
            f"(theme language, names, nav titles, `extra.alternate`, gvi.mdext `lang`, no `extra.version`), "
            f"no hooks, no static-i18n, and without `{ADAPT_404}` and `{ADAPT_SEARCH}`.", ""]
    for lang, result in b.items():
        out += [f"### {lang}", "",
                f"- Exit status {result['result']['returncode']} after {result['result']['seconds']} s; "
                f"{len(result['result']['warnings'])} warnings"
                + (f" ({'; '.join(sorted(set(result['result']['warnings'])))})" if result["result"]["warnings"] else "")
                + ".", f"- Error: `{result['result']['error']}`" if result["result"]["error"] else "- No error.",
                f"- Expected from the sources: {expected[lang]['pages']} pages, {expected[lang]['quizzes']} quizzes.", ""]
        if lang_results.get(lang):
            out += [table(lang_results[lang]), ""]
    out += ["## B in the browser (Playwright + Chromium, served over HTTP)", "", table(browser), "",
            "## Content checks without MkDocs (`scripts/check_content.py`, run by the Zensical venv)", ""]
    for name, check in checks.items():
        out.append(f"- {name}: exit {check['returncode']}; {check['summary']}"
                   + (f" First: `{check['first']}`" if check["returncode"] else ""))
    out.append("")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", nargs="?", default="trial", choices=["trial", "browser", "control"])
    parser.add_argument("site", nargs="?")
    args = parser.parse_args()
    if args.mode in ("browser", "control"):
        print(json.dumps(browser_check(args.site, control=args.mode == "control"), ensure_ascii=False))
        return 0
    if not ZENSICAL.exists():
        raise SystemExit(f"{ZENSICAL.relative_to(ROOT)} is missing: run `make zensical-trial`, which installs "
                         "requirements-zensical.txt into .venv-zensical.")
    version = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True).stdout.strip().split()[-1]
    base = siteconfig.load_config(ROOT / "mkdocs.yml")
    languages = siteconfig.language_entries(base)
    codes, default, _ = siteconfig.i18n_languages(base)
    expected = {code: expected_counts(ROOT / "docs", code, codes, default, base.get("exclude_docs")) for code in codes}

    # A: as it is; then, if that fails, again without the 404 template (it needs the hook's context).
    project_a = WORK / "a"
    copy_project(project_a)
    a = {"result": zensical_build(project_a, project_a / "mkdocs.yml"), "adapted": []}
    if a["result"]["returncode"] != 0 and "404.html" in a["result"]["error"]:
        a["first error"] = a["result"]["error"]
        (project_a / ADAPT_404).unlink()
        a["adapted"].append(ADAPT_404)
        a["result"] = zensical_build(project_a, project_a / "mkdocs.yml")
    site_a = project_a / "site"
    a["html_files"] = len(list(site_a.rglob("*.html"))) if site_a.exists() else 0
    if a["result"]["returncode"] == 0:
        a["measure"] = measure(site_a, expected[default])

    # The content checks, without MkDocs: on the project, then on a copy with one translation gone.
    checks = {"project": content_check(ROOT / "mkdocs.yml")}
    broken = WORK / "check"
    copy_project(broken)
    (broken / "docs" / "veckan" / "index.en.md").unlink()
    checks["copy without docs/veckan/index.en.md"] = content_check(broken / "mkdocs.yml")

    # B: one build per language.
    project_b = WORK / "b"
    copy_project(project_b)
    shutil.rmtree(project_b / "docs")
    (project_b / ADAPT_404).unlink()
    (project_b / ADAPT_SEARCH).unlink()
    site_b = project_b / "site"
    b, lang_results = {}, {}
    for item in languages:
        code = item["locale"]
        split_docs(ROOT / "docs", project_b / f"docs-{code}", code, codes, default)
        site_dir = site_b if code == default else site_b / code
        config = language_config(base, item, languages, str(site_dir), f"docs-{code}")
        siteconfig.write_config(config, project_b / f"mkdocs.{code}.yml")
        b[code] = {"result": zensical_build(project_b, project_b / f"mkdocs.{code}.yml")}
        if b[code]["result"]["returncode"] == 0:
            lang_results[code] = measure(site_dir, expected[code])
    browser = run_browser_check(site_b) if all(r["result"]["returncode"] == 0 for r in b.values()) \
        else {"not run": "build B failed"}

    # Control: Zensical's own starter project (`zensical new`), to tell our site's problems from Zensical's.
    control_dir = WORK / "control"
    if control_dir.exists():
        shutil.rmtree(control_dir)
    control_dir.mkdir(parents=True)
    subprocess.run([str(ZENSICAL), "new", str(control_dir)], capture_output=True, text=True)
    built = subprocess.run([str(ZENSICAL), "build"], cwd=control_dir, capture_output=True, text=True)
    control = run_browser_check(control_dir / "site", "control") if built.returncode == 0 \
        else {"not run": f"`zensical new` project did not build (exit {built.returncode})"}
    browser.update({f"control, `zensical new` project: {k}": v for k, v in control.items()})

    report = build_report(version, a, b, lang_results, browser, expected, checks)
    (WORK / "REPORT.md").write_text(report, encoding="utf-8")
    for name, result in [("a", a["result"])] + [(f"b-{code}", r["result"]) for code, r in b.items()]:
        (WORK / f"zensical-{name}.log").write_text(result.pop("output"), encoding="utf-8")
    (WORK / "report.json").write_text(json.dumps(
        {"zensical": version, "a": a, "checks": checks, "browser": browser,
         "b": {code: {**r, "measure": lang_results.get(code)} for code, r in b.items()}},
        ensure_ascii=False, indent=2), encoding="utf-8")
    print(report)
    print(f"Written: {(WORK / 'REPORT.md').relative_to(ROOT)} (logs: build/zensical-trial/zensical-*.log)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
