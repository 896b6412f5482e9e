"""The committed JSON Schemas and docs/authoring.md must match the content models."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.content.bundle import SECTION_MODELS
from game.content.event import Condition
from game.loading import json_schemas
from game.loading.problems import fmt_number

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "data" / "schema"
DOC = ROOT / "docs" / "authoring.md"


def test_committed_schemas_are_up_to_date() -> None:
    fresh = json_schemas()
    assert sorted(fresh) == sorted(["countries.schema.json", "levers.schema.json", "asks.schema.json",
                                    "events.schema.json", "scenarios.schema.json", "data.schema.json",
                                    "translation.schema.json", "episodes.schema.json"])
    for name, text in fresh.items():
        path = SCHEMA_DIR / name
        committed = path.read_text(encoding="utf-8") if path.exists() else ""
        assert committed == text, f"data/schema/{name} is out of date: run `python main.py schema`"


def test_schemas_are_valid_json_and_use_aliases() -> None:
    events = json.loads(json_schemas()["events.schema.json"])
    condition = events["$defs"]["Condition"]["properties"]
    assert "not" in condition and "not_" not in condition
    countries = json.loads(json_schemas()["countries.schema.json"])
    unknown = countries["properties"]["countries"]["additionalProperties"]  # an unknown id is refused on its own table
    assert unknown == {"enum": ["(not a valid id here: ISO 3166 alpha-3 code in capitals, e.g. MEX)"]}


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _expected_paths(model: type[BaseModel], prefix: str, ancestors: tuple[type, ...] = ()) -> list[str]:
    paths: list[str] = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        path = f"{prefix}.{key}"
        paths.append(path)
        inner = _unwrap(field.annotation)
        origin = typing.get_origin(inner)
        child: tuple[str, Any] | None = None
        if _is_model(inner):
            child = (path, inner)
        elif origin is list and _is_model(_unwrap(typing.get_args(inner)[0])):
            child = (f"{path}[]", _unwrap(typing.get_args(inner)[0]))
        elif origin is dict and _is_model(_unwrap(typing.get_args(inner)[1])):
            child = (f"{path}.<{key[:-1].upper()}>", _unwrap(typing.get_args(inner)[1]))
        if child is not None and child[1] is not model and child[1] not in ancestors:
            paths += _expected_paths(child[1], child[0], (*ancestors, model))
    return paths


def test_every_model_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [path for section, model in SECTION_MODELS.items()
               for path in _expected_paths(model, f"{section}.<ID>") if f"`{path}`" not in text]
    assert not missing, f"fields missing from docs/authoring.md: {missing}"
    assert "`countries.<ID>.priorities.economy`" in text
    assert "`events.<ID>.when.not`" in text


def _generator() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("gen_authoring_doc", ROOT / "tools" / "gen_authoring_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_authoring_doc_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == _generator().render(), (
        "docs/authoring.md is out of date: run `python tools/gen_authoring_doc.py`")


def test_condition_examples_in_the_doc_are_valid() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    conditions = [when for block in blocks if "[events." in block
                  for when in (event["when"] for event in tomllib.loads(block).get("events", {}).values())]
    assert len(conditions) >= 6
    for when in conditions:
        Condition.model_validate(when)


def _walk(node: Any, path: str = "") -> Any:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}/{index}")


def test_schemas_are_editor_grade() -> None:
    for name, text in json_schemas().items():
        schema = json.loads(text)
        for path, node in _walk(schema):
            where = f"{name}{path}"
            assert node.get("type") != "null", f"{where}: TOML has no null"
            if "$ref" in node:
                assert "description" not in node, f"{where}: a description beside $ref is hidden by its target's"
            if "properties" in path.rsplit("/", 2)[-2:-1] and isinstance(node, dict) and "type" in node:
                assert node.get("markdownDescription"), f"{where}: no hover text"
            if "minimum" in node and "maximum" in node and "description" in node:
                low, high = node["minimum"], node["maximum"]
                assert f"from {fmt_number(low)} to {fmt_number(high)}" in node["description"], where
            if "enum" in node and "description" in node:
                assert "One of: " + ", ".join(str(v) for v in node["enum"]) in node["description"], where


def test_editor_schema_rules() -> None:
    countries = json.loads(json_schemas()["countries.schema.json"])
    china = countries["$defs"]["Facts"]["properties"]["china_ties"]
    assert china["enum"] == ["none", "weak", "moderate", "strong"] and "$ref" not in china
    assert countries["$defs"]["Country"]["properties"]["facts"]["allOf"] == [{"$ref": "#/$defs/Facts"}]
    assert countries["$defs"]["Country"]["properties"]["route"]["items"]["examples"] == ["MEX"]
    scenario = json.loads(json_schemas()["scenarios.schema.json"])["$defs"]["Scenario"]["properties"]
    assert scenario["countries"]["uniqueItems"] is True
    assert sorted(scenario["mandates"]["properties"]) == ["balanced", "hardline", "humanitarian"]
    assert scenario["start"]["examples"] == ["2025-01"]
    events = json.loads(json_schemas()["events.schema.json"])["$defs"]
    assert "commitment" not in events["EventEffect"]["properties"]["metric"]["enum"]
    assert events["Condition"]["dependencies"]["metric"] == ["op", "value"]
    lever = json.loads(json_schemas()["levers.schema.json"])["$defs"]["Lever"]
    assert lever["allOf"][0]["then"]["properties"]["offerable"]["const"] is False
