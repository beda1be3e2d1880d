"""Fixtures for the deploy tests. The deploys themselves (deploys) are a session fixture in
tests/conftest.py, so that a worker can make them at the start (WARM); deploy_support.py says how."""
from __future__ import annotations

import pytest
from deploy_support import Origin


@pytest.fixture
def spare_origin(deploys, tmp_path) -> Origin:
    """A copy of the repository after the three deploys, for a deploy that must be refused."""
    return deploys.origin.copy(tmp_path)
