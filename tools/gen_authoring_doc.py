"""Write ``docs/authoring.md`` from ``tools/authoring_template.md`` and the content models.

The prose lives in the template; the field reference (every key of every model, with its type,
range, allowed values and meaning), the dimensions and the metrics are generated from the models,
so they never drift. Run ``python tools/gen_authoring_doc.py`` after changing a model; a test
checks that the committed document is up to date.
"""

from __future__ import annotations

import sys
import typing
from enum import Enum
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pydantic import BaseModel  # noqa: E402
from pydantic.fields import FieldInfo  # noqa: E402

from game.content.bundle import SECTION_MODELS  # noqa: E402
from game.content.common import DIMENSION_HELP  # noqa: E402
from game.content.event import COUNTRY_METRICS, EFFECT_METRICS, Metric  # noqa: E402
from game.loading.modelinfo import Target, bounds, is_enum, is_model, key_of, unwrap  # noqa: E402
from game.loading.problems import fmt_number  # noqa: E402

TEMPLATE = ROOT / "tools" / "authoring_template.md"
OUTPUT = ROOT / "docs" / "authoring.md"
FILES = {"countries": "countries.toml", "levers": "levers.toml", "asks": "asks.toml",
         "events": "events.toml", "scenarios": "scenarios.toml",
         "episodes": "episodes.toml"}
Owner = Optional[type[BaseModel]]
_PATTERNS = {
    r"^[A-Z]{3}$": "country id",
    r"^[a-z][a-z0-9_]{0,39}$": "id",
    r"^\d{4}-(0[1-9]|1[0-2])$": 'month "YYYY-MM"',
}


def _constraint(metadata: list[Any], name: str) -> Any:
    for item in metadata:
        value = getattr(item, name, None)
        if value is not None:
            return value
    return None


def type_text(annotation: Any, extra: list[Any] | None = None, owner: Owner = None) -> str:
    """A type in TOML terms: ``number``, ``whole number``, ``text``, ``list of country ids``…"""
    inner, metadata = unwrap(annotation, owner)
    metadata = metadata + list(extra or [])
    origin = typing.get_origin(inner)
    pattern = _constraint(metadata, "pattern")
    if pattern in _PATTERNS:
        return _PATTERNS[pattern]
    if inner is bool:
        return "true/false"
    if inner is int:
        return "whole number"
    if inner is float:
        return "number"
    if inner is str or is_enum(inner):
        return "text"
    if is_model(inner):
        return "table"
    if origin is list:
        item = type_text(typing.get_args(inner)[0], owner=owner)
        return "list of tables" if item == "table" else f"list of {item}s" if item.endswith("id") else f"list of {item}"
    if origin is dict:
        key, value = (type_text(arg, owner=owner) for arg in typing.get_args(inner))
        return f"tables, one per {key}" if value == "table" else f"table of {key} = {value}"
    return str(inner)


def values_text(field: FieldInfo, owner: Owner = None) -> str:
    """Range, allowed values and length limits of a field, or an empty string."""
    inner, metadata = unwrap(field.annotation, owner)
    metadata = metadata + list(field.metadata)
    parts: list[str] = []
    limits = bounds(Target(annotation=field.annotation, field=field))
    low, high = limits.get("ge", limits.get("gt")), limits.get("le", limits.get("lt"))
    if low is not None and high is not None:
        parts.append(f"{fmt_number(low)} to {fmt_number(high)}")
    elif low is not None:
        parts.append(f"at least {fmt_number(low)}")
    if is_enum(inner):
        parts.append(", ".join(f"`{member.value}`" for member in inner))
    origin = typing.get_origin(inner)
    if origin is list:
        element, _ = unwrap(typing.get_args(inner)[0], owner)
        if is_enum(element):
            parts.append(", ".join(f"`{member.value}`" for member in element))
    least, most = _constraint(metadata, "min_length"), _constraint(metadata, "max_length")
    noun = "characters" if inner is str else "entries" if origin is dict else "items"
    if least and most:
        parts.append(f"{least} to {most} {noun}")
    elif most:
        parts.append(f"at most {most} {noun}")
    elif least and not (least == 1 and inner is str):
        singular = {"items": "item", "entries": "entry", "characters": "character"}[noun]
        parts.append(f"at least {least} {singular if least == 1 else noun}")
    return "; ".join(parts)


def default_text(field: FieldInfo) -> str:
    """``required`` or ``optional (default …)``."""
    if field.is_required():
        return "required"
    if field.default_factory is not None:
        made = field.default_factory()  # type: ignore[call-arg]
        shown = "[]" if made == [] else "{}" if made == {} else "all defaults"
        return f"optional (default {shown})"
    value = field.default
    if value is None:
        return "optional"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return f'optional (default "{value}")'
    return f"optional (default {fmt_number(value)})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _placeholder(key: str) -> str:
    return f"<{key[:-1].upper() if key.endswith('s') else key.upper()}>"


def tables(model: type[BaseModel], path: str, ancestors: tuple[type[BaseModel], ...] = ()) -> list[tuple[str, type[BaseModel]]]:
    """Every table under a model, depth first: ``(dotted path, model)``; recursion stops at ancestors."""
    found = [(path, model)]
    for name, field in model.model_fields.items():
        key = key_of(name, field)
        inner, _ = unwrap(field.annotation, model)
        origin = typing.get_origin(inner)
        sub: tuple[str, Any] | None = None
        if is_model(inner):
            sub = (f"{path}.{key}", inner)
        elif origin is list and is_model(unwrap(typing.get_args(inner)[0], model)[0]):
            sub = (f"{path}.{key}[]", unwrap(typing.get_args(inner)[0], model)[0])
        elif origin is dict and is_model(unwrap(typing.get_args(inner)[1], model)[0]):
            sub = (f"{path}.{key}.{_placeholder(key)}", unwrap(typing.get_args(inner)[1], model)[0])
        if sub is not None and sub[1] is not model and sub[1] not in ancestors:
            found += tables(sub[1], sub[0], (*ancestors, model))
    return found


def field_reference() -> str:
    """The generated reference: one section per file, one table of keys per model."""
    out: list[str] = []
    for section, model in SECTION_MODELS.items():
        out.append(f"### {FILES[section]}: `{section}.<ID>`\n")
        for path, table_model in tables(model, f"{section}.<ID>"):
            doc = " ".join((table_model.__doc__ or "").split())
            out.append(f"#### `{path}`\n\n{doc}\n")
            out.append("| Key | Type | Range / values | Required | Meaning |\n|---|---|---|---|---|")
            for name, field in table_model.model_fields.items():
                key = key_of(name, field)
                meaning = field.description or ""
                inner, _ = unwrap(field.annotation, table_model)
                if typing.get_origin(inner) is list and unwrap(typing.get_args(inner)[0], table_model)[0] is table_model:
                    meaning += f" Each item is a condition with the same keys as `{path}`."
                elif inner is table_model:
                    meaning += f" A condition with the same keys as `{path}`."
                out.append(f"| `{path}.{key}` | {_cell(type_text(field.annotation, field.metadata, table_model))} "
                           f"| {_cell(values_text(field, table_model))} "
                           f"| {default_text(field)} | {_cell(meaning)} |")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def dimensions() -> str:
    """The dimensions of what governments value, with their meaning."""
    return "\n".join(f"- `{dim.value}`: {text}" for dim, text in DIMENSION_HELP.items()) + "\n"


def metrics() -> str:
    """The metrics conditions can test and effects can change."""
    rows = ["| Metric | Whose | Changed by effects |", "|---|---|---|"]
    for metric in Metric:
        whose = "a country" if metric in COUNTRY_METRICS else "the US / the game"
        rows.append(f"| `{metric.value}` | {whose} | {'yes' if metric in EFFECT_METRICS else 'no'} |")
    return "\n".join(rows) + "\n"


def render() -> str:
    """The whole document."""
    text = TEMPLATE.read_text(encoding="utf-8")
    for marker, content in (("{{FIELD_REFERENCE}}", field_reference()), ("{{DIMENSIONS}}", dimensions()),
                            ("{{METRICS}}", metrics())):
        text = text.replace(marker, content.rstrip("\n"))
    return text


def main() -> int:
    """Write the document; returns the exit status."""
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(render())
    print(f"wrote {OUTPUT.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
