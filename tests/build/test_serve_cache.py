"""Under `mkdocs serve` a rebuild takes from the previous one what did not change
(overrides/hooks/gvi/servecache.py). What it writes must be what a rebuild without that would
write, byte for byte: after a page is edited, after a data file is edited, and after a problem is
written in and taken out again."""
from __future__ import annotations

import filecmp
import json
import subprocess
import sys
import textwrap

import pytest

from support import ENV, copy_project

# Builds as `mkdocs serve` does (a fresh config each time, GVI_SERVING set by on_startup), in one
# process so that the caches live on between builds; then once more with the caches emptied.
DRIVER = textwrap.dedent("""
    import json, sys
    from mkdocs.config import load_config
    from mkdocs.commands.build import build

    def rebuild(site):
        config = load_config("mkdocs.yml", site_dir=site)
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)

    from gvi import servecache
    steps = json.loads(sys.argv[1])
    seen = []
    for step in steps:
        if step["edit"]:
            path, old, new = step["edit"]
            text = open(path, encoding="utf-8").read()
            assert old in text, (path, old)
            open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
        before = dict(servecache.stats)
        if step.get("fresh"):
            servecache.forget()
        rebuild(step["site"])
        found = {k: servecache.stats[k] - before[k] for k in before}
        with open(step["site"] + "/" + step.get("look", "index.html"), encoding="utf-8") as handle:
            found["page"] = handle.read()
        seen.append(found)
    print(json.dumps(seen))
""")

PAGE = "docs/strategi/budskapet.md"
LOCAL = "docs/_data/local.yml"


def serve_builds(project, steps) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(steps)], cwd=project, env=ENV,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def differing(left, right) -> list[str]:
    found = []

    def walk(cmp, prefix=""):
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]))
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("serve-cache") / "project")


def test_a_cached_rebuild_writes_what_a_full_rebuild_writes(project):
    # Local facts are filled in while a page's Markdown is rendered ({{ local.week.trainers }}): a
    # data file's change must reach every page that shows it, though its Markdown did not change.
    trainers = 'trainers: {sv: "National Network for Safe Communities (NNSC)"'
    assert trainers in (project / LOCAL).read_text(encoding="utf-8")
    cached, fresh = str(project / "site-cached"), str(project / "site-fresh")
    seen = serve_builds(project, [
        {"edit": None, "site": cached},
        {"edit": [PAGE, "\n## ", "\nEn mening som just skrevs.\n\n## "], "site": cached},
        {"edit": [LOCAL, trainers, trainers.replace("(NNSC)", "(NNSC) i New York")], "site": cached},
        {"edit": None, "site": fresh, "fresh": True},
    ])
    assert seen[0]["hits"] == 0
    assert seen[1]["hits"] > 100 and seen[1]["misses"] >= 1  # one page changed, the rest taken over
    assert seen[3]["hits"] == 0
    assert differing(cached, fresh) == []
    page = (project / "site-cached" / "strategi" / "budskapet" / "index.html").read_text(encoding="utf-8")
    assert "En mening som just skrevs." in page
    shown = (project / "site-cached" / "strategi" / "vad-ar-gvi" / "index.html").read_text(encoding="utf-8")
    assert "</abbr>) i New York, som också gav stöd" in shown


def test_a_problem_written_in_is_reported_on_every_rebuild_and_gone_when_taken_out(project):
    """A check whose answer is remembered (here the term base's) still reports: the page's text is
    part of its key. The preview is the error page while the problem is there."""
    site, look = str(project / "site-problem"), "strategi/budskapet/index.html"
    seen = serve_builds(project, [
        {"edit": None, "site": site, "look": look},
        {"edit": [PAGE, "\n## ", "\nDet är inga tomma hot.\n\n## "], "site": site, "look": look},
        {"edit": None, "site": site, "look": look},
        {"edit": [PAGE, "\nDet är inga tomma hot.\n", "\n"], "site": site, "look": look},
    ])
    message = "&#x27;tomma hot&#x27;"
    assert "gvi-build-error" not in seen[0]["page"]
    for again in seen[1:3]:
        assert "gvi-build-error" in again["page"] and message in again["page"] and PAGE in again["page"]
    assert seen[2]["hits"] > 0  # the second report came from remembered answers
    assert "gvi-build-error" not in seen[3]["page"] and "tomma hot" not in seen[3]["page"]
    assert 'data-gvi-quiz="' in seen[3]["page"]
