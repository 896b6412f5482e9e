"""The one reader for JSON files people may have damaged or crafted: saves, settings and records.

``json.loads`` raises ``RecursionError`` on deeply nested input (``'[' * 1000 + ']' * 1000``),
and a parse that just fits can still overflow the stack in the code that walks the result. Every
reader of a save, a settings file or a record uses :func:`loads` here instead: it refuses anything
nested deeper than :data:`MAX_DEPTH` with a :class:`NestingError` (a ``ValueError``, so a caller's
"not readable JSON" message covers it) and never lets ``RecursionError`` out. :func:`read_file` reads
a whole file with a message for each way it can fail. No dependencies, so every layer (engine,
records, UI, commands) can use it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.i18n import _

MAX_DEPTH = 64  # the game's own files nest fewer than 10 levels


class NestingError(ValueError):
    """JSON nested deeper than the game ever writes."""


def _too_deep() -> NestingError:
    return NestingError(f"it is nested more than {MAX_DEPTH} levels deep")


def nesting_depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deep lists and objects nest in ``value`` (a scalar is 0), counted without recursion.

    Stops counting once ``limit`` is passed (returns ``limit + 1``).
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        if depth > limit:
            return limit + 1
        deepest = max(deepest, depth)
        stack.extend((child, depth) for child in children if isinstance(child, (dict, list)))
    return deepest


def loads(text: str | bytes) -> Any:
    """``json.loads`` that refuses nesting deeper than ``MAX_DEPTH`` with a ``NestingError``.

    Other bad input raises what ``json.loads`` raises (``ValueError``, ``UnicodeDecodeError`` for bytes).
    """
    try:
        data = json.loads(text)
    except RecursionError:
        raise _too_deep() from None
    if nesting_depth(data) > MAX_DEPTH:
        raise _too_deep()
    return data


class JSONFileError(ValueError):
    """A JSON file that is missing, unreadable or not JSON; the message is for a person."""


def read_file(path: Path, noun: str, name: str | None = None) -> Any:
    """The JSON data of a file people may have damaged (``loads``); every failure is a ``JSONFileError``
    that names the file (``name``, default the path) as a ``noun`` marked with ``N_`` ("save file", "orders file")."""
    shown = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise JSONFileError(_("{shown}: no such {noun}.").format(shown=shown, noun=_(noun))) from None
    except (OSError, UnicodeDecodeError) as error:
        raise JSONFileError(_("{shown}: cannot read the {noun} ({error}).").format(
            shown=shown, noun=_(noun), error=error)) from None
    try:
        return loads(text)
    except ValueError as error:  # too deep nesting is a ValueError
        raise JSONFileError(_("{shown}: the {noun} is damaged, it is not readable JSON ({error}).").format(
            shown=shown, noun=_(noun), error=error)) from None


def peek_object(path: Path) -> dict[str, Any] | None:
    """The top-level JSON object of a file, or None when it is unreadable or not an object (for listings)."""
    try:
        data = loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    return data if isinstance(data, dict) else None
