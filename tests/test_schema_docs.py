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
    assert countries["properties"]["countries"]["additionalProperties"] is False


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
