"""Save files without pygame: the autosave and the UI's dated saves share this one reader and writer.

A save is the engine's save (``format``, ``version``, ``state``) plus ``notes`` (the player's
guesses, in the UI's form: ranks kept, ``""`` for an empty rank) and ``ui`` (label, scenario,
month, when). The autosave is ``<user data>/saves/autosave.json``. Every write is atomic with the
previous version kept as ``NAME.bak`` (:func:`game.records.files.atomic_write`). A damaged or
foreign file in the way is moved aside to ``NAME.damaged``, never overwritten; reading one gives a
``RecordError`` with a clear message, and :func:`read_save` falls back to the ``.bak`` when the main
file is damaged (``SaveFile.from_backup`` says so).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content import ContentBundle
from game.engine import GameState, Rules, SaveError, state_from_dict, state_to_dict
from game.engine.save import FORMAT as SAVE_FORMAT
from game.records.files import RecordError, atomic_write, backup_path, data_home, remove_stale_temps
from game.records.model import RecordNotes, notes_data
from game.safe_json import loads as read_json

AUTOSAVE = "autosave.json"


@dataclass
class SaveFile:
    """A save as read: the game, the file's whole JSON (``notes``, ``ui``) and whether the ``.bak`` was used."""

    state: GameState
    data: dict[str, Any]
    path: Path
    from_backup: bool = False


def saves_dir() -> Path:
    """Where saves live (``$PRESSURE_POINTS_DATA_DIR/saves`` in tests)."""
    return data_home() / "saves"


def autosave_path() -> Path:
    """Where the autosave lives."""
    return saves_dir() / AUTOSAVE


def damaged_path(path: Path) -> Path:
    """Where a damaged file found in a save's place is moved: ``NAME.damaged``."""
    return path.with_name(path.name + ".damaged")


def _read(path: Path, content: ContentBundle | Rules) -> tuple[GameState, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecordError(f"There is no saved game at {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RecordError(f"The save file {path.name} could not be read ({error}).") from None
    try:
        data = read_json(text)
    except ValueError as error:
        raise RecordError(f"The save file {path.name} is damaged: it is not readable JSON ({error}).") from None
    try:
        state = state_from_dict(data, content)
    except SaveError as error:
        raise RecordError(f"{path.name}: {error}") from None
    except (ValueError, TypeError, KeyError) as error:
        raise RecordError(f"The save file {path.name} is damaged ({error}).") from None
    return state, data


def read_save(path: Path, content: ContentBundle | Rules, fallback: bool = True) -> SaveFile:
    """Read a save; with ``fallback`` its ``.bak`` is used when the file itself cannot be loaded.

    Raises ``RecordError`` (with the main file's problem) when neither can be loaded.
    """
    try:
        state, data = _read(path, content)
        return SaveFile(state, data, path)
    except RecordError as first:
        if not fallback or not backup_path(path).exists():
            raise
        try:
            state, data = _read(backup_path(path), content)
        except RecordError:
            raise first from None
        return SaveFile(state, data, path, from_backup=True)


def read_autosave(content: ContentBundle | Rules, path: Path | None = None) -> tuple[GameState, RecordNotes]:
    """The autosaved game and its notes; the ``.bak`` is used when the main file is damaged."""
    save = read_save(path or autosave_path(), content)
    return save.state, notes_data(save.data.get("notes"))


def is_save(path: Path) -> bool:
    """True when the file is a readable JSON save (its game is not checked against the data)."""
    try:
        data = read_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # UnicodeDecodeError and too deep nesting are ValueErrors
        return False
    return isinstance(data, dict) and data.get("format") == SAVE_FORMAT


def _notes_json(notes: Any) -> dict[str, Any]:
    if notes is not None and hasattr(notes, "to_json"):  # the UI's notes keep their ranks
        data = notes.to_json()
        if isinstance(data, dict):
            return data
    return {"version": 1, **notes_data(notes).model_dump()}


def write_save(path: Path, state: GameState, notes: Any = None, label: str = "Saved game") -> Path:
    """Save atomically (previous version as ``.bak``); returns the path. Raises ``RecordError``.

    A file in the way that is not a save is moved to ``NAME.damaged`` first, never overwritten.
    """
    data: dict[str, Any] = state_to_dict(state)
    data["notes"] = _notes_json(notes)
    data["ui"] = {"saved_at": time.time(), "label": label, "scenario": state.scenario,
                  "mandate": state.mandate, "seed": state.seed, "turn": state.turn, "turns": state.turns}
    try:
        remove_stale_temps(path.parent)
        if path.exists() and not is_save(path):
            os.replace(path, damaged_path(path))
        atomic_write(path, json.dumps(data, separators=(",", ":")))
    except OSError as error:
        raise RecordError(f"The game could not be saved to {path} ({error.strerror or error}).") from None
    return path


def write_autosave(state: GameState, notes: Any = None, path: Path | None = None) -> Path:
    """Autosave atomically (previous version as ``.bak``); returns the path. Raises ``RecordError``."""
    return write_save(path or autosave_path(), state, notes, label="Autosave")
