"""What the UI adds to the shared save files of :mod:`game.records.autosave`: dated manual saves,
the list of saves for the load screen and the state of the autosave for the title screen.

Every save is read and written by ``game.records`` (one reader, one writer, one atomic write with
a ``.bak``); this module only converts the notes to the UI's :class:`~game.ui.notes.Notes` and
names files. Errors are ``StorageError`` (the records' ``RecordError``) whose message is for the
player. The engine and ``game.records`` are imported when a game is saved or loaded, not before:
the title screen shows before they load.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from game.safe_json import peek_object
from game.ui.printable import printable
from game.ui.settings import APP_NAME

if TYPE_CHECKING:
    from game.content import ContentBundle
    from game.engine import GameState
    from game.ui.notes import Notes

AUTOSAVE = "autosave.json"
ENV_DATA_DIR = "PRESSURE_POINTS_DATA_DIR"
LAST_SHOWN_TIME = 253_402_300_800  # 10000-01-01 UTC: later save dates are not believed


class StorageError(Exception):
    """A save that cannot be written or read; the message is for the player.

    ``game.records.RecordError`` is turned into this by the functions below.
    """


@dataclass(frozen=True)
class SaveInfo:
    """One save file as listed in the load screen."""

    path: Path
    label: str
    saved_at: float


@dataclass
class Loaded:
    """A save as loaded by the UI: the game, the notes and whether the previous copy (.bak) was used."""

    state: "GameState"
    notes: "Notes"
    from_backup: bool = False


def saves_dir() -> Path:
    """Where saves live: the same folder as ``game.records.saves_dir`` (without importing the engine)."""
    override = os.environ.get(ENV_DATA_DIR)
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "saves"


def autosave_file() -> Path:
    """The autosave."""
    return saves_dir() / AUTOSAVE


def autosave(state: "GameState", notes: "Notes") -> Path:
    """Save to the autosave slot (a damaged file there is moved aside, never overwritten)."""
    from game.records import RecordError, write_autosave
    try:
        return write_autosave(state, notes, autosave_file())
    except RecordError as error:
        raise StorageError(str(error)) from None


def manual_save(state: "GameState", notes: "Notes") -> Path:
    """Save to a new dated file; returns its path."""
    from game.records import RecordError, write_save
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = saves_dir() / f"save-{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = saves_dir() / f"save-{stamp}-{n}.json"
    try:
        return write_save(path, state, notes, label="Saved game")
    except RecordError as error:
        raise StorageError(str(error)) from None


def read_save(path: Path, content: "ContentBundle", fallback: bool = True) -> Loaded:
    """Load a save and its notes (its ``.bak`` if the file is damaged), or raise ``StorageError``."""
    from game.records import RecordError
    from game.records import read_save as read_shared
    from game.ui.notes import Notes
    try:
        save = read_shared(path, content, fallback=fallback)
    except RecordError as error:
        raise StorageError(str(error)) from None
    return Loaded(save.state, Notes.from_json(save.data.get("notes")), save.from_backup)


def autosave_problem() -> str | None:
    """A sentence for the title screen when the autosave file is there but damaged, else None.

    Only the file's form is checked (readable JSON, a Pressure Points save), so this is cheap and
    needs neither the data nor the engine.
    """
    path = autosave_file()
    if not path.exists():
        return None
    data = peek_object(path)
    if data is not None and data.get("format") == "pressure-points-save":
        return None
    previous = path.with_name(path.name + ".bak")
    backup = peek_object(previous) if previous.exists() else None
    then = ("Continue resumes the previous autosave instead." if backup and backup.get("format") == "pressure-points-save"
            else "There is no earlier copy to continue from.")
    return (f"The autosave file {path} is damaged (it is not a readable save). It was left as it is "
            f"(the next autosave moves it to {path.name}.damaged). {then}")


def can_continue() -> bool:
    """True when there is an autosave or its previous copy to try."""
    path = autosave_file()
    return path.exists() or path.with_name(path.name + ".bak").exists()


def _saved_at(value: object, fallback: float) -> float:
    """The save's own time stamp when it is a date from 1970 to 9999 the clock can show (not text,
    NaN or 1e300), else ``fallback`` (the file's modification time)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < LAST_SHOWN_TIME:
        return fallback  # NaN fails the range test too
    stamp = float(value)
    try:
        time.localtime(stamp)
    except (OverflowError, OSError, ValueError):  # the platform's clock cannot show it
        return fallback
    return stamp


def list_saves() -> list[SaveInfo]:
    """Every save file, newest first, with a readable label."""
    folder = saves_dir()
    if not folder.is_dir():
        return []
    out: list[SaveInfo] = []
    for path in folder.iterdir():
        if not (path.suffix == ".json" or path.name.endswith(".json.bak")):
            continue
        try:
            label, stamp = path.name, _saved_at(path.stat().st_mtime, 0.0)
        except OSError:
            continue
        meta = (peek_object(path) or {}).get("ui")
        if isinstance(meta, dict):
            kind = meta.get("label") or "Save"
            if path.name.endswith(".bak"):
                kind = f"{kind} (previous)"
            turn, turns = meta.get("turn"), meta.get("turns")
            when_in_game = f"month {turn}" + (f" of {turns}" if turns else "")
            if isinstance(turn, int) and isinstance(turns, int) and turn > turns:
                when_in_game = "finished"
            label = f"{kind}: {meta.get('scenario')} / {meta.get('mandate')}, {when_in_game}, seed {meta.get('seed')}"
            stamp = _saved_at(meta.get("saved_at"), stamp)
        else:
            label = f"{path.name} (damaged)"
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))
        out.append(SaveInfo(path=path, label=printable(f"{when}  {label}", one_line=True), saved_at=stamp))
    return sorted(out, key=lambda s: s.saved_at, reverse=True)
