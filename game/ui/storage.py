"""Save files: the engine's JSON save plus the player's notes, written atomically.

A save file is the engine's save (``format``, ``version``, ``state``) with two extra keys the
engine ignores: ``notes`` (the player's guesses, see :mod:`game.ui.notes`) and ``ui`` (when and
how it was saved). Writing goes to a temporary file, then ``os.replace``; the previous file is
kept as ``NAME.bak``. Loading never raises anything but :class:`StorageError`, whose message is
for the player.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from typing import TYPE_CHECKING

from game.ui.settings import APP_NAME

if TYPE_CHECKING:  # the engine is imported when a game is saved or loaded, not before
    from game.content import ContentBundle
    from game.engine import GameState
    from game.ui.notes import Notes

AUTOSAVE = "autosave.json"


class StorageError(Exception):
    """A save that cannot be written or read; the message is for the player."""


@dataclass(frozen=True)
class SaveInfo:
    """One save file as listed in the load screen."""

    path: Path
    label: str
    saved_at: float


def saves_dir() -> Path:
    """Where saves live (overridable with PRESSURE_POINTS_DATA_DIR, used by tests)."""
    override = os.environ.get("PRESSURE_POINTS_DATA_DIR")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "saves"


def write_save(state: "GameState", notes: "Notes", path: Path, label: str = "") -> None:
    """Save atomically, keeping the previous file as ``.bak``."""
    from game.engine import state_to_dict
    data: dict[str, Any] = state_to_dict(state)
    data["notes"] = notes.to_json()
    data["ui"] = {"saved_at": time.time(), "label": label, "scenario": state.scenario,
                  "mandate": state.mandate, "seed": state.seed, "turn": state.turn}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, separators=(",", ":"))
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.replace(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except OSError as error:
        raise StorageError(f"The game could not be saved to {path} ({error.strerror or error}).") from None


def autosave(state: "GameState", notes: "Notes") -> None:
    """Save to the autosave slot."""
    write_save(state, notes, saves_dir() / AUTOSAVE, label="Autosave")


def manual_save(state: "GameState", notes: "Notes") -> Path:
    """Save to a new dated file; returns its path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = saves_dir() / f"save-{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = saves_dir() / f"save-{stamp}-{n}.json"
    write_save(state, notes, path, label="Saved game")
    return path


def read_save(path: Path, content: "ContentBundle") -> tuple["GameState", "Notes"]:
    """Load a save and its notes, or raise ``StorageError`` with a clear message."""
    from game.engine import SaveError, state_from_dict
    from game.ui.notes import Notes
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StorageError(f"There is no saved game at {path}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise StorageError(f"The save file {path.name} could not be read ({error}).") from None
    try:
        data = json.loads(text)
    except ValueError as error:
        raise StorageError(f"The save file {path.name} is damaged: it is not readable JSON ({error}).") from None
    try:
        state = state_from_dict(data, content)
    except SaveError as error:
        raise StorageError(f"{path.name}: {error}") from None
    except (ValueError, TypeError, KeyError) as error:
        raise StorageError(f"The save file {path.name} is damaged ({error}).") from None
    notes = Notes.from_json(data.get("notes") if isinstance(data, dict) else None)
    return state, notes


def list_saves() -> list[SaveInfo]:
    """Every save file, newest first, with a readable label."""
    folder = saves_dir()
    if not folder.is_dir():
        return []
    out: list[SaveInfo] = []
    for path in folder.iterdir():
        if not (path.suffix == ".json" or path.name.endswith(".json.bak")):
            continue
        label, stamp = path.name, path.stat().st_mtime
        try:
            meta = json.loads(path.read_text(encoding="utf-8")).get("ui", {})
            kind = meta.get("label") or "Save"
            if path.name.endswith(".bak"):
                kind = f"{kind} (previous)"
            label = f"{kind}: {meta.get('scenario')} / {meta.get('mandate')}, month {meta.get('turn')}, seed {meta.get('seed')}"
            stamp = float(meta.get("saved_at", stamp))
        except (OSError, ValueError, AttributeError, TypeError):
            label = f"{path.name} (damaged)"
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))
        out.append(SaveInfo(path=path, label=f"{when}  {label}", saved_at=stamp))
    return sorted(out, key=lambda s: s.saved_at, reverse=True)
