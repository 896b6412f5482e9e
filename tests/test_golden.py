"""Golden records: every scenario's fixed orders file still produces exactly its recorded game.

A failure means the engine or the shipped data now plays some game differently. If that is the
intent, regenerate the records with ``python tools/golden.py`` (see docs/golden-records.md).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from game.loading import load_content
from tools.golden import expected_record, orders_path, record_path

REGENERATE = "If the change is deliberate, regenerate the golden records: python tools/golden.py (docs/golden-records.md)."


def first_difference(old: Any, new: Any, path: str = "") -> str | None:
    """Where two JSON values first differ, in words (None when equal)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{path}.{key}: only in the {'new' if key not in old else 'golden'} record"
            found = first_difference(old[key], new[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new)):
            found = first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        return f"{path}: {len(old)} items in the golden record, {len(new)} now" if len(old) != len(new) else None
    return None if old == new else f"{path}: golden {old!r}, now {new!r}"


@pytest.fixture(scope="module")
def bundle():
    result = load_content()
    assert result.bundle is not None
    return result.bundle


def test_every_scenario_has_a_golden_record(bundle):
    missing = [s for s in bundle.scenarios if not orders_path(s).exists() or not record_path(s).exists()]
    assert not missing, f"no golden record for {missing}. {REGENERATE}"


@pytest.mark.parametrize("scenario", ["default", "northern_triangle", "tutorial"])
def test_golden_record_replays_identically(bundle, scenario):
    if scenario not in bundle.scenarios:
        pytest.skip(f"scenario {scenario} is not in the shipped data")
    golden = json.loads(record_path(scenario).read_text(encoding="utf-8"))
    now = expected_record(bundle, orders_path(scenario))
    assert now == golden, f"the {scenario} game now plays differently at {first_difference(golden, now)}. {REGENERATE}"
