"""Deploys run by deploy.yml's own `run:` steps, into a local bare repository standing in for GitHub.

The project is committed twice into a throw-away repository: edition 2023-01 without the module
strategi/gvi-i-sverige, then edition 2024-09 that adds it back, changes the text of
strategi/budskapet and leaves every other module alone. Each deploy clones that repository afresh
(as actions/checkout with fetch-depth 0 does), checks out the tag, and runs the workflow's steps
with the job's env and GitHub's expressions filled in for that tag.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from actions_runner import run_job
from support import (BIN, PROJECT_PARTS, ROOT, add_edition, branch_files, copy_project, deploy_env, export_branch,
                     git, publishable)

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
FIRST, SECOND = "2023-01", "2024-09"
ADDED = "strategi/gvi-i-sverige"  # missing in the first edition, added in the second
CHANGED = "strategi/budskapet"  # its text changes in the second edition, in both languages
UNCHANGED = "strategi/vad-ar-gvi"
NAV_LINE = "      - GVI i Sverige: strategi/gvi-i-sverige.md\n"
BRANCH = "gh-pages"


def commit_and_tag(repo: Path, message: str, tag: str | None = None, force: bool = False) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    if tag:
        git(repo, "tag", *(["-f"] if force else []), tag)


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@dataclass
class Origin:
    """A bare repository standing in for the GitHub repository, and a work repository pushing to it."""
    bare: Path
    work: Path
    tmp: Path
    runs: int = 0

    def push(self, *refs: str, force: bool = False) -> None:
        git(self.work, "push", "-q", *(["-f"] if force else []), str(self.bare), *refs)

    def refs(self) -> str:
        return git(self.bare, "for-each-ref", "--format=%(refname) %(objectname)")

    def deploy(self, ref: str, inputs: dict | None = None, event: str = "push") -> list:
        """The deploy job for ``ref``, as GitHub would run it: a fresh checkout, then the steps."""
        self.runs += 1
        place = self.tmp / f"run-{self.runs}"
        workspace, home = place / "workspace", place / "home"
        home.mkdir(parents=True)
        subprocess.run(["git", "clone", "-q", str(self.bare), str(workspace)], check=True,
                       capture_output=True)
        subprocess.run(["git", "checkout", "-q", "--detach", ref], cwd=workspace, check=True,
                       capture_output=True)
        context = {"github": {"workspace": str(workspace), "ref": ref, "event_name": event,
                              "ref_name": ref.split("/", 2)[-1], "repository": "owner/gvi-veckan"},
                   "vars": {}, "inputs": inputs or {}}
        # A runner: no git identity or config of its own; setup-python's Python first on PATH.
        env = {"PATH": f"{BIN}:/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
               "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace),
               "GITHUB_REF": ref, "GIT_CONFIG_NOSYSTEM": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
               **deploy_env(workspace)}
        return run_job(WORKFLOW, "deploy", context, workspace, env,
                       stands_in_for={"actions/checkout", "actions/setup-python"})

    def copy(self, dest: Path) -> "Origin":
        """An independent copy (for a refused deploy that must leave the shared one alone)."""
        shutil.copytree(self.bare, dest / "origin.git", symlinks=True)
        shutil.copytree(self.work, dest / "work", symlinks=True)
        return Origin(dest / "origin.git", dest / "work", dest)


def make_origin(tmp: Path) -> Origin:
    """Edition 2023-01 committed and tagged, pushed to a bare repository (no gh-pages yet)."""
    work = publishable(copy_project(tmp / "work", PROJECT_PARTS + ("requirements.txt",)))
    docs = work / "docs"
    for name in (f"{ADDED}.md", f"{ADDED}.en.md"):
        (docs / name).rename(tmp / Path(name).name)  # kept for the second edition
    mkdocs = work / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    assert NAV_LINE in text
    mkdocs.write_text(text.replace(NAV_LINE, ""), encoding="utf-8")
    git(work, "init", "-q", "-b", "main")
    commit_and_tag(work, "Edition 2023-01", f"edition-{FIRST}")
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(tmp / "origin.git")], check=True)
    origin = Origin(tmp / "origin.git", work, tmp)
    origin.push("main", "--tags")
    return origin


def make_second_edition(origin: Origin) -> None:
    work, docs = origin.work, origin.work / "docs"
    for name in (f"{ADDED}.md", f"{ADDED}.en.md"):
        shutil.copy2(origin.tmp / Path(name).name, docs / name)
    mkdocs = work / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    anchor = "      - Budskapet och hur det förs fram: strategi/budskapet.md\n"
    mkdocs.write_text(text.replace(anchor, anchor + NAV_LINE), encoding="utf-8")
    append(docs / f"{CHANGED}.md", "\nDen här meningen är ny i testutgåvan.\n")
    append(docs / f"{CHANGED}.en.md", "\nThis sentence is new in the test edition.\n")
    add_edition(work, SECOND, "9–12 september 2024")
    commit_and_tag(work, "Edition 2024-09", f"edition-{SECOND}")
    origin.push("main", "--tags")


@dataclass
class Deploys:
    origin: Origin
    runs: dict = field(default_factory=dict)  # label -> the steps run
    first_files: dict = field(default_factory=dict)  # the first edition right after its deploy
    first_after_second: dict = field(default_factory=dict)
    first_after_redeploy: dict = field(default_factory=dict)
    refs_after_second: str = ""
    served: Path = Path()


def failed(steps: list) -> str:
    return "\n".join(f"--- {s.name} (exit {s.returncode})\n{s.output[-3000:]}" for s in steps)


def make_deploys(folder: Path) -> Deploys:
    """First edition (no gh-pages yet), second edition, then the first re-deployed (a re-run)."""
    origin = make_origin(folder)
    result = Deploys(origin)
    result.runs["first"] = origin.deploy(f"refs/tags/edition-{FIRST}")
    assert all(s.returncode == 0 for s in result.runs["first"]), failed(result.runs["first"])
    result.first_files = branch_files(origin.bare, BRANCH, FIRST + "/")
    make_second_edition(origin)
    result.runs["second"] = origin.deploy(f"refs/tags/edition-{SECOND}")
    assert all(s.returncode == 0 for s in result.runs["second"]), failed(result.runs["second"])
    result.first_after_second = branch_files(origin.bare, BRANCH, FIRST + "/")
    result.refs_after_second = origin.refs()
    result.runs["redeploy"] = origin.deploy(f"refs/tags/edition-{FIRST}")
    assert all(s.returncode == 0 for s in result.runs["redeploy"]), failed(result.runs["redeploy"])
    result.first_after_redeploy = branch_files(origin.bare, BRANCH, FIRST + "/")
    result.served = export_branch(origin.bare, BRANCH, origin.tmp / "served")
    return result
