"""Run an author script with the project's virtual environment, whichever Python started it.

The scripts start with '#!/usr/bin/env python3', so `scripts/new_module.py …` runs as written in
AUTHORING.md; this moves it over to .venv/bin/python (made by `make build` or `make serve`), which
has the pinned packages. Standard library only: it runs before anything else is imported.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

VENV = Path(__file__).resolve().parent.parent / ".venv"


def use() -> None:
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return  # already there
    if python.exists():
        os.execv(str(python), [str(python), *sys.argv])
    try:
        import yaml  # noqa: F401 (another Python with the packages will do)
    except ImportError:
        sys.exit(f"{Path(sys.argv[0]).name}: the project's .venv is missing. Fix: run 'make build' "
                 "once in the project folder (it creates .venv), then run this again.")
