"""The shipped data in ``data/`` loads without errors, has the ids the game needs, and can grow.

These tests depend on the shipped data files (marker ``shipped_data``): run only them with
``pytest -m shipped_data``, or skip them with ``-m "not shipped_data"``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from tomlwrite import dumps

from game import paths
from game.content.bundle import FILE_MODELS
from game.loading import load_content

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

pytestmark = pytest.mark.shipped_data

REQUIRED = {
    "countries": {"MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "COL", "VEN", "ECU", "CUB", "HTI"},
    "levers": {"tariff", "sanctions", "visa_restrictions", "remittance_tax", "aid_cut", "aid_package",
               "trade_preferences", "security_cooperation", "work_visas", "sanctions_relief",
               "diplomatic_call", "summit", "intelligence"},
    "asks": {"return_flights", "third_country_returns", "asylum_cooperation", "transit_enforcement",
             "remain_in_mexico", "anti_smuggling"},
    "scenarios": {"default", "northern_triangle", "tutorial"},
}


def test_shipped_data_validates_without_errors() -> None:
    result = load_content()
    errors = [p.format() for p in result.errors]
    assert not errors, "\n".join(errors)
    assert result.bundle is not None and len(result.bundle.fingerprint) == 64
    assert {path.stem for path in result.files} >= set(FILE_MODELS)


@pytest.mark.parametrize("section", sorted(REQUIRED))
def test_shipped_data_has_the_required_ids(section: str) -> None:
    bundle = load_content().bundle
    assert bundle is not None
    missing = REQUIRED[section] - set(getattr(bundle, section))
    assert not missing, f"{section} missing from the shipped data: {sorted(missing)}"


@pytest.mark.parametrize("stem", sorted(FILE_MODELS))
def test_data_files_point_at_their_schema(stem: str) -> None:
    first = (paths.data_dir() / f"{stem}.toml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == f"#:schema ./schema/{stem}.schema.json"


def test_a_country_added_only_in_toml_validates(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data, ignore=shutil.ignore_patterns("schema"))
    shipped = tomllib.loads((data / "countries.toml").read_text(encoding="utf-8"))["countries"]
    # A copy of Mexico under a new id; its commitments are cleared, since some shipped asks
    # apply only to listed countries (the validator would rightly reject them for XYZ).
    copy = dict(shipped["MEX"], name="Xyzland", route=[])
    copy["start"] = dict(copy["start"], commitments={})
    scenario = tomllib.loads((data / "scenarios.toml").read_text(encoding="utf-8"))["scenarios"]["default"]
    scenario = dict(scenario, title="Xyzland and Mexico", countries=["XYZ", "MEX"])
    scenario.pop("events", None)
    extra = {"countries": {"XYZ": copy}, "scenarios": {"xyz_class": scenario}}
    (data / "classroom.toml").write_text(dumps(extra), encoding="utf-8")
    result = load_content([data])
    assert result.ok, "\n".join(p.format() for p in result.problems)
    assert result.bundle is not None
    assert result.bundle.countries["XYZ"].name == "Xyzland"
    assert result.bundle.scenarios["xyz_class"].countries == ["XYZ", "MEX"]
