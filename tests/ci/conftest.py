"""Fixtures: the deploys run by deploy.yml's own steps (deploy_support.py says how)."""
from __future__ import annotations

import pytest
from deploy_support import BRANCH, FIRST, SECOND, Deploys, Origin, failed, make_origin, make_second_edition

from support import branch_files, export_branch, shared


@pytest.fixture(scope="session")
def deploys(tmp_path_factory) -> Deploys:
    """First edition (no gh-pages yet), second edition, then the first re-deployed (a re-run).
    Made once a run (support.shared); the refused deploys work on copies (spare_origin)."""
    return shared(tmp_path_factory, "deploys", _deploys)


def _deploys(folder) -> Deploys:
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


@pytest.fixture
def spare_origin(deploys, tmp_path) -> Origin:
    """A copy of the repository after the three deploys, for a deploy that must be refused."""
    return deploys.origin.copy(tmp_path)
