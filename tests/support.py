"""Shared test helpers: real builds, real mike deploys, a static server like a real host."""
from __future__ import annotations

import functools
import http.server
import os
import pickle
import shutil
import socket
import subprocess
import sys
import tarfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path
    seconds: float


def shared(tmp_path_factory, name: str, make):
    """A session fixture's value, made once for the whole run. ``make(folder)`` builds into an
    empty ``folder`` and returns a picklable value; nothing may change what it made.

    Under pytest-xdist every worker has its own session: the first worker to ask makes it, under a
    file lock, in the run's temporary folder that all workers share, and the others wait and read
    it (so a shared build is never half-written when read). Without xdist: made as before."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return make(tmp_path_factory.mktemp(name))
    root = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's own
    folder, made = root / f"shared-{name}", root / f"shared-{name}.pickle"
    with FileLock(str(root / f"shared-{name}.lock")):
        if made.exists():
            return pickle.loads(made.read_bytes())
        shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
        folder.mkdir()
        value = make(folder)
        made.write_bytes(pickle.dumps(value))
        return value


def copy_project(dest: Path, parts=PROJECT_PARTS) -> Path:
    """A copy of the project's site sources (not site/ or .venv/) to change or deploy. What git
    ignores inside them is left out too: above all scripts/lighthouse/node_modules (186 MB, 13,000
    files once `make bench` has run), which every copy, and every test repository's first commit,
    otherwise carried."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules")
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copy2(src, dest / part)
    return dest


PUBLISHED_EMAIL = "gvi@exempelstad.se"  # a fixture's own address: the real site's is a placeholder


def publishable(project: Path, email: str = PUBLISHED_EMAIL) -> Path:
    """A copy that may be deployed: its contact address set (scripts/deploy_edition.py refuses the
    placeholder). The legal check's age is judged on GVI_DEPLOY_DATE (``deploy_env``)."""
    local = project / "docs" / "_data" / "local.yml"
    text = local.read_text(encoding="utf-8")
    start = text.index("  email: ")
    end = text.index("\n", start)
    local.write_text(text[:start] + f"  email: {email}" + text[end:], encoding="utf-8")
    return project


def deploy_env(project: Path) -> dict:
    """Deploy on the day of the newest legal check, so the mike tests do not depend on the calendar
    (the refusal of a stale check has its own tests)."""
    import yaml
    data = yaml.safe_load((project / "docs" / "_data" / "rules.yml").read_text(encoding="utf-8"))
    newest = max(str(entry["checked"]) for entry in data["rules"].values())
    return {"GVI_DEPLOY_DATE": newest}


def build(project: Path, site: Path, extra_env: dict | None = None) -> Build:
    """A real `mkdocs build` (strict, from mkdocs.yml) of a project directory."""
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "mkdocs"), "build", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, cwd=project,
                          env={**ENV, **(extra_env or {})})
    return Build(done.returncode, done.stdout + done.stderr, site, time.perf_counter() - start)


GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          env={**ENV, **GIT_ENV})
    assert done.returncode == 0, f"git {args}: {done.stderr}"
    return done.stdout


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (for a `mkdocs serve` under test)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def init_repo(repo: Path) -> Path:
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "content")
    return repo


def add_edition(project: Path, name: str, dates: str) -> None:
    """List a made-up edition in a throw-away copy's docs/_data/editions.yml (never the real one)."""
    path = project / "docs" / "_data" / "editions.yml"
    path.write_text(path.read_text(encoding="utf-8") + (
        f'  - name: "{name}"\n    week: {{sv: {dates} (test), en: {dates} (test)}}\n'
        f"    date: {name}-09\n    summary:\n      sv: Testutgåva {name}.\n"
        f"      en: Test edition {name}.\n"), encoding="utf-8")


def deploy(repo: Path, edition: str, branch: str = "site-preview") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/deploy_edition.py", "deploy", edition,
                           "--branch", branch], cwd=repo, capture_output=True, text=True,
                          env={**ENV, **GIT_ENV, **deploy_env(repo)})


def branch_files(repo: Path, branch: str, prefix: str) -> dict:
    """path -> bytes of every file under ``prefix`` on a branch."""
    names = git(repo, "ls-tree", "-r", "--name-only", branch, prefix).split()
    return {name: subprocess.run(["git", "show", f"{branch}:{name}"], cwd=repo, capture_output=True,
                                 check=True).stdout for name in names}


def export_branch(repo: Path, branch: str, dest: Path) -> Path:
    """The branch's files as a static host would have them (symlinks kept)."""
    archive = dest.with_suffix(".tar")
    git(repo, "archive", "--format=tar", "-o", str(archive), branch)
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="tar")
    return dest


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a directory like a static host: a missing path gets /404.html with status 404."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class StaticServer:
    def __init__(self, directory: Path):
        handler = functools.partial(_Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a URL path ('', 'en/', 'strategi/vad-ar-gvi/', …)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages
