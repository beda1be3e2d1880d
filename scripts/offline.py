#!/usr/bin/env python3
"""Build the offline bundle: the whole site, both languages, as a zip that opens from file://.

    python scripts/offline.py [--out build/gvi-veckan-offline.zip]

For trainers without Wi-Fi: unzip anywhere and open `gvi-veckan/index.html` (Svenska) or
`gvi-veckan/en/index.html` (English). Navigation, search in both languages, quizzes, progress and
presenter mode work with no network. Built with Material's offline plugin (GVI_OFFLINE=true), whose
search index the build hook rewrites so that both languages are searchable.
"""
from __future__ import annotations

import sys as _sys
from pathlib import Path as _Path

_sys.path.insert(0, str(_Path(__file__).resolve().parent))
import project_venv  # noqa: E402

project_venv.use()  # noqa: E402 (before the third-party imports below)

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FOLDER = "gvi-veckan"


def build_bundle(out: Path) -> Path:
    env = {**os.environ, "GVI_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="gvi-offline-") as tmp:
        site = Path(tmp) / FOLDER
        done = subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
                               "-d", str(site)], capture_output=True, text=True, env=env, cwd=ROOT)
        if done.returncode != 0:
            sys.exit(f"The offline build failed:\n{done.stdout}{done.stderr}")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
            for path in sorted(site.rglob("*")):
                if path.is_file() and not path.name.endswith((".map", ".gz")):
                    bundle.write(path, path.relative_to(site.parent).as_posix())
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "gvi-veckan-offline.zip"))
    args = parser.parse_args(argv)
    out = build_bundle(Path(args.out))
    with zipfile.ZipFile(out) as bundle:
        files = len(bundle.namelist())
    print(f"{out} ({out.stat().st_size / 1024 / 1024:.1f} MB, {files} files). Unzip it and open "
          f"{FOLDER}/index.html (Svenska) or {FOLDER}/en/index.html (English).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
