"""What the content models expect at a field path: the model, the field, its type and limits.

Used to turn pydantic's terse errors into instructor-friendly messages and to document fields.
It walks the annotations along a path, through ``dict[...]``, ``list[...]``, ``Optional[...]`` and
``Annotated[...]``, and knows field aliases (``Condition.not_`` is written ``not``).
"""

from __future__ import annotations

import sys
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.loading.locate import Loc


@dataclass(frozen=True)
class Target:
    """What is expected at a path: its type, and the field (with its model) when it is one."""

    annotation: Any
    field: FieldInfo | None = None
    model: type[BaseModel] | None = None
    name: str = ""
    owner: type[BaseModel] | None = None


def unwrap(annotation: Any, owner: type[BaseModel] | None = None) -> tuple[Any, list[Any]]:
    """Strip ``Annotated`` and ``Optional``: ``(inner type, collected metadata)``.

    ``owner`` is the model the annotation was written in: forward references such as
    ``list["Condition"]`` (left unresolved inside containers on some Python versions) are looked
    up in its module.
    """
    metadata: list[Any] = []
    while True:
        if isinstance(annotation, (str, typing.ForwardRef)) and owner is not None:
            name = annotation if isinstance(annotation, str) else annotation.__forward_arg__
            found = vars(sys.modules[owner.__module__]).get(name)
            if found is None:
                return annotation, metadata
            annotation = found
            continue
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            annotation = args[0]
            metadata.extend(args[1:])
            continue
        if origin is Union or origin is types.UnionType:
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation, metadata


def is_model(annotation: Any) -> bool:
    """True when the annotation is a pydantic model class."""
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def is_enum(annotation: Any) -> bool:
    """True when the annotation is an Enum class."""
    return isinstance(annotation, type) and issubclass(annotation, Enum)


def key_of(name: str, field: FieldInfo) -> str:
    """The key an instructor writes for a field: its alias when it has one."""
    return field.alias or name


def field_by_key(model: type[BaseModel], key: str) -> tuple[str, FieldInfo] | None:
    """The model field written as ``key`` (alias or name), or None."""
    for name, field in model.model_fields.items():
        if key_of(name, field) == key:
            return name, field
    return None


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """Every key allowed in a table of this model, in declaration order."""
    return [key_of(name, field) for name, field in model.model_fields.items()]


def resolve(root: type[BaseModel], loc: Loc) -> Target | None:
    """What is expected at ``loc`` inside ``root``; None when the path leaves the models."""
    target = Target(annotation=root)
    for part in loc:
        inner, _ = unwrap(target.annotation, target.owner)
        origin = typing.get_origin(inner)
        if is_model(inner) and isinstance(part, str):
            found = field_by_key(inner, part)
            if found is None:
                return None
            name, field = found
            target = Target(annotation=field.annotation, field=field, model=inner, name=name, owner=inner)
        elif origin is dict and isinstance(part, str):
            key_type, value_type = typing.get_args(inner)
            target = Target(annotation=key_type if part == "[key]" else value_type, owner=target.owner)
        elif origin is list and isinstance(part, int):
            target = Target(annotation=typing.get_args(inner)[0], owner=target.owner)
        else:
            return None
    return target


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class of the table at ``loc``, or None when it is not a model."""
    target = resolve(root, loc)
    if target is None:
        return None
    inner, _ = unwrap(target.annotation, target.owner)
    return inner if is_model(inner) else None


def bounds(target: Target) -> dict[str, float]:
    """The numeric limits (``ge``, ``le``, ``gt``, ``lt``) of the value at a target."""
    found: dict[str, float] = {}
    _, metadata = unwrap(target.annotation, target.owner)
    items = list(metadata) + (list(target.field.metadata) if target.field is not None else [])
    for item in items:
        for name in ("ge", "le", "gt", "lt"):
            value = getattr(item, name, None)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                found.setdefault(name, value)
    return found


def enum_at(target: Target) -> type[Enum] | None:
    """The Enum class expected at a target, or None."""
    inner, _ = unwrap(target.annotation, target.owner)
    return inner if is_enum(inner) else None


def description(target: Target) -> str:
    """The field's description, or the description carried by its type (e.g. ``CountryId``)."""
    if target.field is not None and target.field.description:
        return target.field.description
    _, metadata = unwrap(target.annotation, target.owner)
    for item in metadata:
        text = getattr(item, "description", None)
        if isinstance(text, str) and text:
            return text
    return ""
