#!/usr/bin/env python3
"""Deploy a training edition with mike, and give the deployed branch a working root 404.html.

    python scripts/deploy_edition.py deploy 2023-01 [--branch site-preview] [--push] [--redeploy]
    python scripts/deploy_edition.py deploy --ref refs/tags/edition-2023-01 --branch gh-pages --push
    python scripts/deploy_edition.py root-404 [--branch gh-pages] [--push]

`deploy` runs `mike deploy --update-aliases EDITION latest`, `mike set-default latest` and then
`root-404`. The alias `latest` stays on the newest edition: re-deploying an older one leaves it.
Without --push nothing leaves this machine: the edition is committed to a local branch (default
site-preview) that `mike serve --branch site-preview` or the tests can serve. With --push the
branch is first brought up to date from the remote (none there yet: the first edition) and pushed
once at the end, after every check.

A bad deploy is refused with one line, and nothing is pushed (the local branch is put back):
- a tag or name that is not an edition `edition-YYYY-MM` listed in docs/_data/editions.yml, or
  one whose previous edition's tag is missing (the changes page could not be computed);
- a strict build failure (the build's own warnings above name file and line);
- a legal check older than 90 days on the deploy day (docs/_data/rules.yml, each rule's
  'checked'), or a placeholder contact address (docs/_data/local.yml, contact.email);
- an edition that is already deployed with different content, unless --redeploy is given (in
  GitHub: run the "Deploy edition" workflow by hand on the edition's tag with "redeploy" ticked).
Builds are reproducible (SOURCE_DATE_EPOCH is the commit's time), so deploying the same commit
again gives the same files and is accepted.

What is built is exactly one commit, checked out clean into a temporary git worktree: the tag's
commit for --ref (a ref that names no commit is refused), and for a name the tag edition-NAME if
this clone has it, else HEAD. Uncommitted changes in the working tree are never published (the
script says so when there are any).

`root-404` copies the `latest` edition's 404.html to the branch root: static hosts serve the root
404.html for every missing address, and mike writes none. The page itself picks the reader's
language and edition from the address (overrides/404.html).
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import argparse
import datetime
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from gvi import editions, rules, siteconfig  # noqa: E402

ALIAS = "latest"
EDITIONS = "docs/" + editions.FILE


class Refused(Exception):
    """A deploy that must not go out; the message is the one line the maintainer sees."""


def git(*args: str, stdin: bytes | None = None, env: dict | None = None) -> str:
    done = subprocess.run(["git", *args], input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})})
    if done.returncode != 0:
        sys.exit(f"git {' '.join(args)} failed: {done.stderr.decode().strip()}")
    return done.stdout.decode().strip()


@functools.cache
def source_date(commit: str = "HEAD") -> str:
    """The same commit builds the same files (sitemap dates and gzip times come from here)."""
    return os.environ.get("SOURCE_DATE_EPOCH") or git("log", "-1", "--format=%ct", commit)


def run(cmd: list[str], failed: str | None = None, cwd: Path | None = None, commit: str = "HEAD") -> None:
    print("$ " + " ".join(cmd), flush=True)
    # mike runs `mkdocs` from PATH: make it the one beside this Python (the project's venv), with
    # the hooks of the checkout being built first on the import path (the venv's .pth names ours).
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")
    env = {**os.environ, "PATH": path, "SOURCE_DATE_EPOCH": source_date(commit)}
    if cwd is not None:
        env["PYTHONPATH"] = str(cwd / "overrides" / "hooks") + os.pathsep + os.environ.get("PYTHONPATH", "")
    if subprocess.run(cmd, env=env, cwd=cwd).returncode != 0:
        if failed:
            raise Refused(failed)
        sys.exit(f"'{' '.join(cmd)}' failed; see the output above.")


def edition_name(edition: str | None, ref: str | None, root: Path = ROOT) -> str:
    """The edition a name or a git ref (refs/tags/edition-2023-01) names, checked against the
    editions.yml and mkdocs.yml under ``root`` (the checkout being built), or Refused."""
    edition = edition_form(edition, ref)
    with open(root / EDITIONS, encoding="utf-8") as handle:
        languages = siteconfig.i18n_languages(siteconfig.load_config(root / "mkdocs.yml"))[0]
        listed, problems = editions.parse(handle.read(), languages, EDITIONS)
    if problems:
        raise Refused(str(problems[0]))
    if not any(e.name == edition for e in listed):
        raise Refused(f"{EDITIONS}:1: edition {edition} is not listed. Fix: {editions.FIX_ENTRY[:-1]}, "
                      "commit, and tag that commit.")
    before = editions.previous(listed, edition)
    if before and not has_ref(f"refs/tags/{before.tag}"):
        # Without it the page "New in this edition" could only say that it cannot list the changes.
        raise Refused(f"the previous edition's tag {before.tag} is not in this clone, so the page 'New "
                      f"in this edition' could not list what changed. Fix: push that tag (git push origin "
                      f"{before.tag}) and check out with every tag (fetch-depth: 0).")
    return edition


def edition_form(edition: str | None, ref: str | None) -> str:
    """The edition a name or a ref's name gives, in the form YYYY-MM, or Refused."""
    example = "e.g. edition-2023-01 for the GVI week of January 2023"
    if ref is not None:
        if ref.startswith("refs/") and not ref.startswith("refs/tags/"):
            raise Refused(f"'{ref}' is not a tag. Fix: deploy from a tag edition-YYYY-MM ({example}).")
        tag = ref.removeprefix("refs/tags/")
        if not tag.startswith(editions.TAG_PREFIX):
            raise Refused(f"tag '{tag}' does not name an edition. Fix: tag edition-YYYY-MM ({example}).")
        edition = tag.removeprefix(editions.TAG_PREFIX)
    if not editions.FORM.match(edition or ""):
        fix = f"delete that tag and tag edition-YYYY-MM ({example})" if ref else "name it as YYYY-MM"
        raise Refused(f"'{edition}' is not an edition name in the form {editions.FORM_TEXT}. Fix: {fix}.")
    return edition


def commit_to_build(edition: str | None, ref: str | None) -> tuple[str, str]:
    """(commit, what it is) to deploy: the ref's commit, or the edition's tag, or HEAD. Refused
    when --ref names no commit in this clone."""
    edition = edition_form(edition, ref)  # a ref that is no edition tag is refused for that first
    if ref is not None:
        commit = resolve(f"{ref}^{{commit}}")
        if commit is None:
            tag = ref.removeprefix("refs/tags/")
            raise Refused(f"'{ref}' names no commit in this clone, so there is nothing to deploy. Fix: "
                          f"tag the commit to publish (git tag {tag} <commit>) or fetch the tags "
                          "(git fetch --tags), then deploy again.")
        return commit, ref
    tag = f"refs/tags/{editions.TAG_PREFIX}{edition}"
    commit = resolve(f"{tag}^{{commit}}")
    if commit:
        return commit, tag
    head = resolve("HEAD^{commit}")
    if head is None:
        raise Refused("this clone has no commit yet. Fix: commit the content, then deploy.")
    return head, "HEAD (no tag " + tag.removeprefix("refs/tags/") + ")"


def uncommitted() -> int:
    """How many paths have changes that are not committed (none of them is ever deployed)."""
    done = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True)
    return len(done.stdout.decode().splitlines()) if done.returncode == 0 else 0


class Checkout:
    """A clean checkout of one commit in a temporary git worktree (removed afterwards): the build
    sees exactly that commit, with its history for the last-updated dates and the changes page."""

    def __init__(self, commit: str):
        self.commit = commit
        self.folder = Path(tempfile.mkdtemp(prefix="gvi-deploy-")) / "checkout"

    def __enter__(self) -> Path:
        git("worktree", "add", "-q", "--detach", str(self.folder), self.commit)
        return self.folder

    def __exit__(self, *exc):
        subprocess.run(["git", "worktree", "remove", "--force", str(self.folder)], capture_output=True)
        subprocess.run(["git", "worktree", "prune"], capture_output=True)
        shutil.rmtree(self.folder.parent, ignore_errors=True)


def resolve(ref: str) -> str | None:
    """The object ``ref`` names (a branch, a tag, commit:path), or None when it names nothing."""
    found = subprocess.run(["git", "rev-parse", "-q", "--verify", ref], capture_output=True)
    return found.stdout.decode().strip() if found.returncode == 0 else None


def has_ref(ref: str) -> bool:
    return resolve(ref) is not None


def fetch_branch(remote: str, branch: str) -> None:
    """mike does not fetch: bring <remote>/<branch> up to date (absent for the first edition)."""
    found = subprocess.run(["git", "ls-remote", "--exit-code", "--heads", remote, branch], capture_output=True)
    if found.returncode == 2:
        print(f"No {branch} branch on {remote} yet: this is the first edition.")
        return
    if found.returncode != 0:
        sys.exit(f"git ls-remote {remote} failed: {found.stderr.decode().strip()}")
    git("fetch", "--no-tags", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")


def newer_editions(branch: str, edition: str) -> list[str]:
    if not has_ref(f"refs/heads/{branch}"):
        return []
    if not has_ref(f"refs/heads/{branch}:versions.json"):
        raise Refused(f"the branch '{branch}' holds no deployed site (no versions.json): mike would "
                      "commit the built site on top of it. Fix: deploy to the site's branch, "
                      "--branch site-preview (the local preview) or --branch gh-pages (CI).")
    versions = json.loads(git("show", f"{branch}:versions.json") or "[]")
    return [v["version"] for v in versions if editions.FORM.match(v["version"]) and v["version"] > edition]


def ready_to_publish(root: Path, today: datetime.date | None = None) -> None:
    """Refused while the legal check is stale or the contact address is a placeholder."""
    def read(name: str) -> dict:
        try:
            return yaml.safe_load((root / "docs" / "_data" / name).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError, ValueError):
            return {}  # the strict build names the broken file and line

    if today is None:  # GVI_DEPLOY_DATE=YYYY-MM-DD asks whether a deploy on that day would go out
        given = os.environ.get("GVI_DEPLOY_DATE")
        try:
            today = datetime.date.fromisoformat(given) if given else datetime.date.today()
        except ValueError:
            raise Refused(f"GVI_DEPLOY_DATE {given!r} is not a date. Fix: write YYYY-MM-DD, or unset it.")
    problems = rules.deploy_problems(rules.check_dates(read(rules.RULES_FILE)), read("local.yml"),
                                     today, "docs/_data/" + rules.RULES_FILE,
                                     "docs/_data/local.yml")
    if problems:
        raise Refused(" ".join(problems) + " Nothing was deployed.")


def deploy_edition(args) -> None:
    commit, what = commit_to_build(args.edition, args.ref)
    changed = uncommitted()
    print(f"Deploying {what}, commit {commit[:12]}, from a clean checkout"
          + (f"; {changed} uncommitted change{'s' if changed != 1 else ''} in the working tree "
             f"{'are' if changed != 1 else 'is'} not deployed." if changed else "."), flush=True)
    with Checkout(commit) as root:
        deploy_checkout(args, commit, root)


def deploy_checkout(args, commit: str, root: Path) -> None:
    edition = edition_name(args.edition, args.ref, root)
    ready_to_publish(root)
    if args.push:
        fetch_branch(args.remote, args.branch)
        deployed = resolve(f"refs/remotes/{args.remote}/{args.branch}")
        if deployed:  # the local branch starts where the deployed one is
            git("update-ref", f"refs/heads/{args.branch}", deployed)
    before = resolve(f"refs/heads/{args.branch}")
    old_tree = resolve(f"{before}:{edition}") if before else None
    newer = newer_editions(args.branch, edition)
    mike = [os.path.join(os.path.dirname(sys.executable), "mike")]
    common = ["--branch", args.branch, "--remote", args.remote]
    title = ["--title", args.title] if args.title else []
    try:
        aliases = [] if newer else ["--update-aliases", edition, ALIAS]
        run(mike + ["deploy", *common, *title, *(aliases or [edition])], cwd=root, commit=commit,
            failed=f"the strict build of edition {edition} failed (the warnings above name file and "
                   "line); nothing was pushed. Fix: correct them, commit, and move the tag to that commit.")
        if newer:
            print(f"Edition {edition} deployed; '{ALIAS}' stays on the newer edition {newer[-1]}.")
        else:
            run(mike + ["set-default", *common, ALIAS], cwd=root, commit=commit)
        new_tree = git("rev-parse", f"refs/heads/{args.branch}:{edition}")
        if old_tree and old_tree != new_tree and not args.redeploy:
            raise Refused(
                f"edition {edition} is already deployed on {args.branch} with different content; nothing "
                f"was pushed. Fix: to replace it, run the 'Deploy edition' workflow by hand on the tag "
                f"edition-{edition} with 'redeploy' ticked (locally: make deploy-edition "
                f"EDITION={edition} REDEPLOY=1).")
        if old_tree == new_tree:
            print(f"Edition {edition} is already deployed with the same content.")
        elif old_tree:
            print(f"Edition {edition} replaced with new content (re-deploy asked for).")
    except Refused:
        if before:
            git("update-ref", f"refs/heads/{args.branch}", before)
        elif has_ref(f"refs/heads/{args.branch}"):
            git("update-ref", "-d", f"refs/heads/{args.branch}")
        raise
    add_root_404(args.branch, False, args.remote)
    if args.push:
        run(["git", "push", args.remote, f"refs/heads/{args.branch}:refs/heads/{args.branch}"])


def latest_version(branch: str) -> str:
    versions = json.loads(git("show", f"{branch}:versions.json"))
    for entry in versions:
        if ALIAS in entry.get("aliases", []):
            return entry["version"]
    sys.exit(f"No version on {branch} has the alias '{ALIAS}'.")


def add_root_404(branch: str, push: bool, remote: str) -> None:
    """Commit <latest edition>/404.html as /404.html on the branch (no checkout needed)."""
    version = latest_version(branch)
    page = git("show", f"{branch}:{version}/404.html").encode() + b"\n"
    blob = git("hash-object", "-w", "--stdin", stdin=page)
    index = os.path.join(git("rev-parse", "--git-dir"), "gvi-root-404.index")
    env = {"GIT_INDEX_FILE": index}
    try:
        git("read-tree", branch, env=env)
        git("update-index", "--add", "--cacheinfo", f"100644,{blob},404.html", env=env)
        tree = git("write-tree", env=env)
    finally:
        if os.path.exists(index):
            os.remove(index)
    if tree == git("rev-parse", f"{branch}^{{tree}}"):
        print(f"Root 404.html on {branch} is already the one of {version}.")
    else:
        commit = git("commit-tree", tree, "-p", branch, "-m",
                     f"Root 404.html from edition {version}")
        git("update-ref", f"refs/heads/{branch}", commit)
        print(f"Root 404.html on {branch} now comes from edition {version}.")
    if push:
        run(["git", "push", remote, branch])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    deploy = sub.add_parser("deploy", help="deploy an edition with alias latest")
    deploy.add_argument("edition", nargs="?",
                        help="edition name, e.g. 2023-01 (the GVI week of January 2023)")
    deploy.add_argument("--ref", help="or the git ref to deploy, e.g. refs/tags/edition-2023-01")
    deploy.add_argument("--redeploy", nargs="?", const="true", default="", choices=["", "true", "false"],
                        help="replace the edition even if it is deployed with different content")
    deploy.add_argument("--title", help="title in the version selector (default: the edition)")
    root = sub.add_parser("root-404", help="copy the latest edition's 404.html to the branch root")
    for each in (deploy, root):
        each.add_argument("--branch", default="site-preview")
        each.add_argument("--remote", default="origin")
        each.add_argument("--push", action="store_true", help="push the branch (CI only)")
    args = parser.parse_args(argv)
    if args.command == "deploy":
        if (args.edition is None) == (args.ref is None):
            parser.error("give either an edition name or --ref")
        args.redeploy = args.redeploy == "true"
        try:
            deploy_edition(args)
        except Refused as exc:
            sys.exit(f"Deploy refused: {exc}")
        return 0
    add_root_404(args.branch, args.push, args.remote)
    return 0


if __name__ == "__main__":
    sys.exit(main())
