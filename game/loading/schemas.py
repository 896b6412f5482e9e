"""JSON Schemas of the data files, so text editors (taplo, Even Better TOML) can check and complete.

A data file points at its schema with a first line such as ``#:schema ./schema/countries.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from game.content.bundle import FILE_MODELS, DataFile
from game.content.translation import TranslationFile
from game.loading.schemaedit import editor_schema
from game.loading.schemaids import with_ids

GENERIC_NAME = "data"
TRANSLATION_NAME = "translation"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_models() -> dict[str, type[BaseModel]]:
    """File kind -> model: one per section file, ``data`` for any other ``*.toml`` and
    ``translation`` for the files under ``i18n/<lang>/``."""
    models: dict[str, type[BaseModel]] = dict(FILE_MODELS)
    models[GENERIC_NAME] = DataFile
    models[TRANSLATION_NAME] = TranslationFile
    return models


def schema_text(model: type[BaseModel], ids: Mapping[str, list[str]] | None = None, translation: bool = False) -> str:
    """The editor-grade JSON Schema of a model by alias (see ``schemaedit``), with stable formatting
    (sorted keys, indent 2, newline); with ``ids`` (section -> ids) the fields naming ids list them."""
    schema: dict[str, Any] = {"$schema": _DIALECT, **editor_schema(model.model_json_schema(by_alias=True))}
    if ids is not None:
        schema = with_ids(schema, ids, translation=translation)
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def json_schemas(ids: Mapping[str, list[str]] | None = None) -> dict[str, str]:
    """File name (``countries.schema.json``…) -> schema text, for every kind of data file."""
    return {f"{kind}.schema.json": schema_text(model, ids, translation=kind == TRANSLATION_NAME)
            for kind, model in schema_models().items()}


def write_schemas(out_dir: Path, ids: Mapping[str, list[str]] | None = None) -> list[Path]:
    """Write every schema into ``out_dir`` (created if needed); returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, text in json_schemas(ids).items():
        target = out_dir / name
        with target.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(target)
    return written
