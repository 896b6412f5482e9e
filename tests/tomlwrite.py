"""A tiny TOML writer for tests: parsed data back to text (tables as headers, the rest inline)."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any


def value(item: Any) -> str:
    """One TOML value, written inline."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, float) and not math.isfinite(item):
        return "nan" if math.isnan(item) else ("inf" if item > 0 else "-inf")
    if isinstance(item, (int, float)):
        return repr(item)
    if isinstance(item, str):
        return json.dumps(item, ensure_ascii=False)
    if isinstance(item, (dt.datetime, dt.date, dt.time)):
        return item.isoformat()
    if isinstance(item, list):
        return "[" + ", ".join(value(part) for part in item) + "]"
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k))} = {value(v)}" for k, v in item.items()) + " }"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def dumps(document: dict[str, Any], prefix: str = "") -> str:
    """A whole document: the scalars of each table, then one ``[header]`` per sub-table."""
    lines = [f"[{prefix}]"] if prefix else []
    lines += [f"{json.dumps(str(k))} = {value(v)}" for k, v in document.items() if not isinstance(v, dict)]
    text = "\n".join(lines) + "\n\n" if lines else ""
    for key, sub in document.items():
        if isinstance(sub, dict):
            text += dumps(sub, f"{prefix}.{json.dumps(str(key))}" if prefix else json.dumps(str(key)))
    return text
