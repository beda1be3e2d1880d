"""The deploy publishes exactly the tag (scripts/deploy_edition.py), against a bare repository
standing in for GitHub: a ref that names no commit is refused with one line and nothing is pushed;
a later commit and uncommitted text in the working tree never reach the published edition."""
from __future__ import annotations

import subprocess
import sys

from deploy_support import BRANCH, CHANGED, FIRST, append, commit_and_tag, make_origin

from support import ENV, GIT_ENV, branch_files, git

AFTER_TAG = "EFTER TAGGEN: den här meningen finns inte i utgåvan 2023-01."
DRAFT = "UTKAST – EJ KLART: denna mening är inte granskad."


def deploy(work, *args):
    return subprocess.run([sys.executable, "scripts/deploy_edition.py", "deploy", *args, "--branch", BRANCH],
                          cwd=work, capture_output=True, text=True, env={**ENV, **GIT_ENV})


def origin_at(tmp_path):
    origin = make_origin(tmp_path)
    git(origin.work, "remote", "add", "origin", str(origin.bare))
    return origin


def test_a_ref_that_names_no_commit_is_refused_and_nothing_is_pushed(tmp_path):
    origin = origin_at(tmp_path)
    before = origin.refs()
    done = deploy(origin.work, "--ref", "refs/tags/edition-2024-09", "--push")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines == ["Deploy refused: 'refs/tags/edition-2024-09' names no commit in this clone, so there "
                     "is nothing to deploy. Fix: tag the commit to publish (git tag edition-2024-09 "
                     "<commit>) or fetch the tags (git fetch --tags), then deploy again."], done.stderr
    assert "mike" not in done.stdout
    assert origin.refs() == before
    assert "gh-pages" not in subprocess.run(["git", "branch", "--list"], cwd=origin.work,
                                            capture_output=True, text=True).stdout


def test_the_tag_is_published_not_a_later_commit_nor_uncommitted_text(tmp_path):
    origin = origin_at(tmp_path)
    work = origin.work
    page, page_en = work / "docs" / f"{CHANGED}.md", work / "docs" / f"{CHANGED}.en.md"
    append(page, f"\n{AFTER_TAG}\n")
    append(page_en, f"\n{AFTER_TAG}\n")
    commit_and_tag(work, "After the tag")  # the tag edition-2023-01 stays on the first commit
    append(page, f"\n{DRAFT}\n")  # not committed
    done = deploy(work, "--ref", f"refs/tags/edition-{FIRST}", "--push")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 uncommitted change in the working tree is not deployed" in done.stdout
    published = branch_files(origin.bare, BRANCH, f"{FIRST}/{CHANGED}/")
    text = published[f"{FIRST}/{CHANGED}/index.html"].decode()
    assert "Budskapet" in text  # the page is there, from the tag's commit
    for files in (published, branch_files(origin.bare, BRANCH, f"{FIRST}/en/{CHANGED}/")):
        for name, body in files.items():
            assert AFTER_TAG.encode() not in body and DRAFT.encode() not in body, name
    assert DRAFT in page.read_text(encoding="utf-8")  # the author's draft is left as it was
    worktrees = subprocess.run(["git", "worktree", "list"], cwd=work, capture_output=True, text=True).stdout
    assert len(worktrees.strip().splitlines()) == 1, worktrees  # the temporary checkout is gone


def test_58_a_branch_that_holds_no_site_is_refused_in_one_line(tmp_path):
    origin = origin_at(tmp_path)
    before = git(origin.work, "rev-parse", "refs/heads/main")
    done = subprocess.run([sys.executable, "scripts/deploy_edition.py", "deploy", FIRST, "--branch", "main"],
                          cwd=origin.work, capture_output=True, text=True, env={**ENV, **GIT_ENV})
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Deploy refused: the branch 'main' holds no deployed site (no versions.json): mike would commit "
        "the built site on top of it. Fix: deploy to the site's branch, --branch site-preview (the local "
        "preview) or --branch gh-pages (CI)."], done.stderr
    assert git(origin.work, "rev-parse", "refs/heads/main") == before
