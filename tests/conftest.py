"""Session fixtures: the real site built once, and the project's hook package on sys.path."""
from __future__ import annotations

import sys

import pytest

from support import ROOT, Build, build, copy_project

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    """The real site, built strictly from a copy of the sources (the working tree's site/ stays)."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = build(project, project / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site(site_build):
    return site_build.site
