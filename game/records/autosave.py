"""Autosave helpers without pygame: the same file and format as the UI's autosave (``game.ui.storage``).

The autosave is ``<user data>/saves/autosave.json``: the engine's save (``format``, ``version``,
``state``) plus ``notes`` and ``ui`` keys. It is written atomically with the previous version kept
as ``autosave.json.bak``. A damaged or foreign file in its place is moved aside (to
``autosave.json.damaged``), never overwritten; reading one gives a ``RecordError`` with a clear
message, and ``read_autosave`` falls back to the ``.bak`` when the main file is damaged.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from game.content import ContentBundle
from game.engine import GameState, Rules, SaveError, state_from_dict, state_to_dict
from game.records.files import RecordError, atomic_write, backup_path, data_home
from game.records.model import RecordNotes, notes_data

AUTOSAVE = "autosave.json"


def autosave_path() -> Path:
    """Where the autosave lives (``$PRESSURE_POINTS_DATA_DIR/saves`` in tests)."""
    return data_home() / "saves" / AUTOSAVE


def _read(path: Path, content: ContentBundle | Rules) -> tuple[GameState, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecordError(f"There is no saved game at {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RecordError(f"The save file {path.name} could not be read ({error}).") from None
    try:
        data = json.loads(text)
    except ValueError as error:
        raise RecordError(f"The save file {path.name} is damaged: it is not readable JSON ({error}).") from None
    try:
        state = state_from_dict(data, content)
    except SaveError as error:
        raise RecordError(f"{path.name}: {error}") from None
    except (ValueError, TypeError, KeyError) as error:
        raise RecordError(f"The save file {path.name} is damaged ({error}).") from None
    return state, data


def read_autosave(content: ContentBundle | Rules, path: Path | None = None) -> tuple[GameState, RecordNotes]:
    """The autosaved game and its notes; the ``.bak`` is used when the main file is damaged.

    Raises ``RecordError`` (with the main file's problem) when neither can be loaded.
    """
    path = path or autosave_path()
    try:
        state, data = _read(path, content)
    except RecordError as first:
        if not backup_path(path).exists():
            raise
        try:
            state, data = _read(backup_path(path), content)
        except RecordError:
            raise first from None
    return state, notes_data(data.get("notes"))


def _is_save(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and data.get("format") == "pressure-points-save"


def write_autosave(state: GameState, notes: Any = None, path: Path | None = None) -> Path:
    """Autosave atomically (previous version as ``.bak``); returns the path. Raises ``RecordError``.

    A file in the way that is not a save is moved to ``NAME.damaged`` first, never overwritten.
    """
    path = path or autosave_path()
    data: dict[str, Any] = state_to_dict(state)
    data["notes"] = {"version": 1, **notes_data(notes).model_dump()}
    data["ui"] = {"saved_at": time.time(), "label": "Autosave", "scenario": state.scenario,
                  "mandate": state.mandate, "seed": state.seed, "turn": state.turn}
    try:
        if path.exists() and not _is_save(path):
            os.replace(path, path.with_name(path.name + ".damaged"))
        atomic_write(path, json.dumps(data, separators=(",", ":")))
    except OSError as error:
        raise RecordError(f"The game could not be saved to {path} ({error.strerror or error}).") from None
    return path
