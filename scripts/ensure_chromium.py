#!/usr/bin/env python3
"""Find or provision a Chromium for the browser tests, and write its path to .venv/chromium-path.

Order (README, "Tests"): $CHROMIUM if set; a Chromium on the PATH; Playwright's own download;
Debian's `chromium` package when run as root. If none can be had, exit 1 with the reason: the
browser tests are never skipped.
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import os
import shutil
import subprocess
import sys
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
OUT = Path(__file__).resolve().parent.parent / ".venv" / "chromium-path"


def on_path() -> str | None:
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_download() -> str | None:
    try:
        done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"],
                              capture_output=True, text=True, timeout=300)
    except (subprocess.TimeoutExpired, OSError) as exc:
        print(f"  Playwright's download did not work: {exc}", file=sys.stderr)
        return None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        print(f"  Playwright's download failed: {tail[0]}", file=sys.stderr)
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if os.path.exists(path) else None


def debian_package() -> str | None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("  Debian's chromium needs root and apt-get; not available here.", file=sys.stderr)
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        if subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            print(f"  '{' '.join(cmd)}' failed.", file=sys.stderr)
            return None
    return on_path()


def main() -> int:
    chosen = os.environ.get("CHROMIUM")
    if chosen and not os.path.exists(chosen):
        print(f"CHROMIUM={chosen} does not exist.", file=sys.stderr)
        return 1
    how = "CHROMIUM"
    for source, find in (("PATH", on_path), ("Playwright download", playwright_download),
                         ("Debian package", debian_package)):
        if chosen:
            break
        how, chosen = source, find()
    if not chosen:
        print("No Chromium could be found or installed: the browser tests cannot run.\n"
              "Install one (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome.",
              file=sys.stderr)
        return 1
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(chosen + "\n", encoding="utf-8")
    print(f"Chromium for the browser tests ({how}): {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
