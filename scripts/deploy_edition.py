#!/usr/bin/env python3
"""Deploy a training edition with mike, and give the deployed branch a working root 404.html.

    python scripts/deploy_edition.py deploy 2023-01 [--branch site-preview] [--push]
    python scripts/deploy_edition.py root-404 [--branch gh-pages] [--push]

`deploy` runs `mike deploy --update-aliases EDITION latest`, `mike set-default latest` and then
`root-404`. Without --push nothing leaves this machine: the edition is committed to a local branch
(default site-preview) that `mike serve --branch site-preview` or the tests can serve.

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
import json
import os
import subprocess
import sys

ALIAS = "latest"


def git(*args: str, stdin: bytes | None = None, env: dict | None = None) -> str:
    done = subprocess.run(["git", *args], input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})})
    if done.returncode != 0:
        sys.exit(f"git {' '.join(args)} failed: {done.stderr.decode().strip()}")
    return done.stdout.decode().strip()


def run(cmd: list[str]) -> None:
    print("$ " + " ".join(cmd), flush=True)
    # mike runs `mkdocs` from PATH: make it the one beside this Python (the project's venv).
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")
    if subprocess.run(cmd, env={**os.environ, "PATH": path}).returncode != 0:
        sys.exit(f"'{' '.join(cmd)}' failed; see the output above.")


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
    deploy.add_argument("edition", help="edition name, e.g. 2023-01 (the GVI week of January 2023)")
    deploy.add_argument("--title", help="title in the version selector (default: the edition)")
    root = sub.add_parser("root-404", help="copy the latest edition's 404.html to the branch root")
    for each in (deploy, root):
        each.add_argument("--branch", default="site-preview")
        each.add_argument("--remote", default="origin")
        each.add_argument("--push", action="store_true", help="push the branch (CI only)")
    args = parser.parse_args(argv)
    if args.command == "deploy":
        mike = [os.path.join(os.path.dirname(sys.executable), "mike")]
        common = ["--branch", args.branch, "--remote", args.remote] + (["--push"] if args.push else [])
        title = ["--title", args.title] if args.title else []
        run(mike + ["deploy", *common, *title, "--update-aliases", args.edition, ALIAS])
        run(mike + ["set-default", *common, ALIAS])
    add_root_404(args.branch, args.push, args.remote)
    return 0


if __name__ == "__main__":
    sys.exit(main())
