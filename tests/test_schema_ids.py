"""``schema --with-ids``: every field that names an id lists the data's ids (and says when to rerun);
broken data is refused with a message, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.loading.schemaids import ID_FIELDS
from game.loading.schemas import json_schemas

ROOT = Path(__file__).resolve().parent.parent
IDS = {"countries": ["GTM", "MEX"], "levers": ["tariffs"], "asks": ["return_flights"], "events": ["storm"],
       "scenarios": ["default"]}


def test_every_id_field_exists_in_the_models_and_lists_the_ids() -> None:
    data = json.loads(json_schemas(IDS)["data.schema.json"])
    for field in ID_FIELDS:
        node = data["$defs"][field.model]["properties"][field.field]  # a renamed field fails here
        expected = IDS[field.target]
        if field.shape == "value":
            assert node["enum"] == expected, field
        elif field.shape == "items":
            assert node["items"]["enum"] == expected, field
        else:
            assert sorted(node["properties"]) == expected and "not a known" in node["additionalProperties"]["enum"][0]
        assert "schema --with-ids" in node["description"] and "schema --with-ids" in node["markdownDescription"]
    translation = json.loads(json_schemas(IDS)["translation.schema.json"])
    assert sorted(translation["properties"]["countries"]["properties"]) == ["GTM", "MEX"]
    plain = json.loads(json_schemas()["data.schema.json"])
    assert "enum" not in plain["$defs"]["RedLine"]["properties"]["ask"]  # without ids only the form is checked


def test_with_ids_refuses_broken_data(tmp_path: Path) -> None:
    broken = tmp_path / "data"
    broken.mkdir()
    (broken / "countries.toml").write_text("[countries.MEX\\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "schema", "--with-ids", "--data", str(broken),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 1 and "run validate" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
