"""Peeking into JSON files without the models: shared by the save listing (UI) and the record
listing (records), and cheap enough for the title screen (no pydantic, no engine)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def peek(path: Path) -> dict[str, Any] | None:
    """The top-level JSON of a file if it parses as an object, else None (for listings)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None
