"""Session fixtures: the real site built once, and the project's hook package on sys.path."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import (ROOT, Build, add_edition, branch_files, build, copy_project, deploy, export_branch, git,
                     init_repo, publishable, shared)

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))


@dataclass
class Exempelstad:
    project: Path
    started: object  # scripts/new_site.py's CompletedProcess
    result: Build


@pytest.fixture(scope="session")
def exempelstad(tmp_path_factory) -> Exempelstad:
    """The fictional Exempelstad (tests/exempelstad.py), started and built strictly once a session:
    the build tests read it, the browser test serves it. Nothing may change it."""
    from exempelstad import make_site
    result = Exempelstad(*shared(tmp_path_factory, "newsite", make_site))
    assert result.result.returncode == 0, result.result.output
    return result


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    """The real site, built strictly from a copy of the sources (the working tree's site/ stays)."""
    def make(folder: Path) -> Build:
        project = copy_project(folder)
        return build(project, project / "site")

    result = shared(tmp_path_factory, "project", make)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site(site_build):
    return site_build.site


@dataclass
class MikeSite:
    repo: Path
    branch: str
    first_files: dict  # path -> bytes of the first edition, right after its deploy
    served: Path  # the branch exported as a static host would hold it
    first: str = "2023-01"
    second: str = "2024-09"


@pytest.fixture(scope="session")
def mike_site(tmp_path_factory) -> MikeSite:
    """Two real mike deploys into a throw-away git repository, nothing pushed."""
    def make(folder: Path) -> MikeSite:
        repo = init_repo(publishable(copy_project(folder / "mike-repo")))
        git(repo, "tag", f"edition-{MikeSite.first}")  # the second edition's changes page compares with it
        site = MikeSite(repo=repo, branch="site-preview", first_files={}, served=Path())
        done = deploy(repo, site.first, site.branch)
        assert done.returncode == 0, done.stdout + done.stderr
        site.first_files = branch_files(repo, site.branch, site.first + "/")
        add_edition(repo, site.second, "9–12 september 2024")  # an edition must be listed to deploy
        git(repo, "commit", "-qam", f"Edition {site.second}")  # only committed text is deployed
        done = deploy(repo, site.second, site.branch)
        assert done.returncode == 0, done.stdout + done.stderr
        (folder / "served").mkdir()
        site.served = export_branch(repo, site.branch, folder / "served" / "root")
        return site.repo, site.first_files, site.served  # plain values: shared() pickles them

    repo, first_files, served = shared(tmp_path_factory, "mike", make)
    return MikeSite(repo=repo, branch="site-preview", first_files=first_files, served=served)


@pytest.fixture(scope="session")
def deploys(tmp_path_factory):
    """The deploy workflow's own steps run three times against a local bare repository (first
    edition, second edition, the first again): tests/ci/deploy_support.py. Made once a run; the
    refused deploys work on copies (tests/ci/conftest.py spare_origin)."""
    sys.path.insert(0, str(ROOT / "tests" / "ci"))  # where the deploy tests' own modules live
    from deploy_support import make_deploys
    return shared(tmp_path_factory, "deploys", make_deploys)


# Under pytest-xdist, each worker first makes the shared builds it is given here, if a collected
# test needs them (support.shared: the first to ask makes one, the others wait and read it).
# Without this both workers asked for the real site first: one built it while the other waited
# idle, and later the same for the mike deploys (17 s of a core). Now the two are made at once.
# The deploy workflow's deploys (about 50 s) came late, and the other worker's next deploy test
# waited for them (23 s idle in a run of 15 min); they are made at the start too.
WARM = {"gw0": ("site_build", "exempelstad", "deploys"), "gw1": ("mike_site",)}


@pytest.fixture(scope="session", autouse=True)
def _shared_builds_made_on_both_cores(request):
    wanted = WARM.get(os.environ.get("PYTEST_XDIST_WORKER", ""), ())
    needed = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    for name in wanted:
        if name in needed:
            try:
                request.getfixturevalue(name)
            except Exception:  # noqa: BLE001 - pytest keeps the error: each test that uses it reports it
                pass
