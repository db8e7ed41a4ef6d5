"""Unit-test fixtures (helpers live in kbfixtures.py)."""
from __future__ import annotations

import pytest

from kbfixtures import Docs


@pytest.fixture
def docs(tmp_path) -> Docs:
    return Docs(tmp_path)
