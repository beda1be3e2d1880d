"""The GitHub workflows are tested like code: they parse, they match GitHub's published workflow
schema (check-jsonschema's vendored copy, offline) and zizmor finds nothing (offline). A zizmor
suppression needs a comment saying why, on the line above it. Broken fixtures show each check fails."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from support import BIN, ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
IGNORE = re.compile(r"#\s*zizmor:\s*ignore\[([^\]]+)\]")


def check_jsonschema(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, paths)], capture_output=True, text=True)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    # --no-config: suppressions live next to the line they excuse, with their reason (below).
    # --strict-collection: a workflow zizmor cannot read is an error, not a warning.
    return subprocess.run([str(BIN / "zizmor"), "--offline", "--no-config", "--strict-collection",
                           "--no-progress", "--color", "never", *map(str, paths)],
                          capture_output=True, text=True)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_parses(path):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(spec, dict) and spec.get("jobs"), path.name


def test_workflows_match_githubs_schema():
    done = check_jsonschema(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def test_zizmor_finds_nothing():
    done = zizmor(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report." in done.stdout, done.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_zizmor_suppression_says_why(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if IGNORE.search(line):
            above = lines[number - 1].strip() if number else ""
            reason = above.lstrip("#").strip()
            assert above.startswith("#") and len(reason.split()) >= 5 and not IGNORE.search(above), (
                f"{path.name}:{number + 1}: a zizmor suppression needs a comment on the line above "
                "saying why the finding does not apply")


# --- The checks can fail ---------------------------------------------------------------------------

BROKEN = """\
name: Broken
on: push
jobs:
  deploy:
    runs-on: ubuntu-24.04
    steps:
      - run: git fetch origin gh-pages --depth=1 || echo "No gh-pages branch yet: this is the first edition."
"""

INJECTION = """\
name: Injection
on: issues
permissions: {}
jobs:
  greet:
    name: Greet
    runs-on: ubuntu-24.04
    permissions: {}
    steps:
      - run: echo "${{ github.event.issue.title }}"
"""

NOT_A_WORKFLOW = """\
name: Wrong key
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    stepz:
      - run: make test
"""


def test_the_old_deploy_line_fails_every_check(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(yaml.YAMLError, match="mapping values are not allowed here"):
        yaml.safe_load(BROKEN)
    assert check_jsonschema(path).returncode != 0
    assert zizmor(path).returncode != 0


def test_schema_check_rejects_an_unknown_key(tmp_path):
    path = tmp_path / "wrong.yml"
    path.write_text(NOT_A_WORKFLOW, encoding="utf-8")
    done = check_jsonschema(path)
    assert done.returncode != 0 and "stepz" in done.stdout + done.stderr


def test_zizmor_reports_template_injection(tmp_path):
    path = tmp_path / "injection.yml"
    path.write_text(INJECTION, encoding="utf-8")
    done = zizmor(path)
    assert done.returncode != 0 and "template-injection" in done.stdout, done.stdout
