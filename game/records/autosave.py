"""Save files without pygame: the autosave and the UI's dated saves share this one reader and writer.

A save is the engine's save (``format``, ``version``, ``state``) plus ``notes`` (the player's
guesses, in the UI's form: ranks kept, ``""`` for an empty rank) and ``ui`` (label, scenario,
month, when). The autosave is ``<user data>/saves/autosave.json``. Every write is atomic with the
previous version kept as ``NAME.bak`` (:func:`game.records.files.atomic_write`). A damaged or
foreign file in the way is moved aside to ``NAME.damaged``, never overwritten; reading one gives a
``RecordError`` with a clear message.

A damaged save is never replaced by another game silently: :func:`check_save` says what is
damaged and lists what can be recovered (:class:`Recovery`) — the previous copy (``.bak``, which
may hold an earlier month or another game entirely, so each is described) and the game rebuilt
from its session record — for the player to choose from. ``read_save(..., fallback=True)`` still
falls back to the ``.bak`` for scripts, and says so in ``SaveFile.from_backup``.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content import ContentBundle
from game.engine import GameState, Rules, SaveError, rules_of, state_from_dict, state_to_dict
from game.engine.save import FORMAT as SAVE_FORMAT
from game.i18n import N_, _
from game.records.files import RecordError, atomic_write, backup_path, data_home, load_record, records_dir, remove_stale_temps
from game.records.model import RecordNotes, notes_data
from game.safe_json import JSONFileError, read_file
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
        data = read_file(path, N_("save file"), path.name)
    except JSONFileError as error:
        raise RecordError(str(error)) from None
    try:
        state = state_from_dict(data, content)
    except SaveError as error:
        raise RecordError(f"{path.name}: {error}") from None
    except (ValueError, TypeError, KeyError) as error:
        raise RecordError(_("The save file {name} is damaged ({error}).").format(name=path.name, error=error)) from None
    return state, data


def read_save(path: Path, content: ContentBundle | Rules, fallback: bool = False) -> SaveFile:
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
    save = read_save(path or autosave_path(), content, fallback=True)
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


def write_save(path: Path, state: GameState, notes: Any = None, label: str = N_("Saved game"), player: str = "") -> Path:
    """Save atomically (previous version as ``.bak``); returns the path. Raises ``RecordError``.

    A file in the way that is not a save is moved to ``NAME.damaged`` first, never overwritten.
    """
    data: dict[str, Any] = state_to_dict(state)
    data["notes"] = _notes_json(notes)
    data["ui"] = {"saved_at": time.time(), "label": label, "scenario": state.scenario,
                  "mandate": state.mandate, "seed": state.seed, "turn": state.turn, "turns": state.turns,
                  "player": player}
    try:
        remove_stale_temps(path.parent)
        if path.exists() and not is_save(path):
            os.replace(path, damaged_path(path))
        atomic_write(path, json.dumps(data, separators=(",", ":")))
    except OSError as error:
        raise RecordError(_("The game could not be saved to {path} ({value}).").format(
                              path=path, value=error.strerror or error)) from None
    return path


def write_autosave(state: GameState, notes: Any = None, path: Path | None = None, player: str = "") -> Path:
    """Autosave atomically (previous version as ``.bak``); returns the path. Raises ``RecordError``."""
    return write_save(path or autosave_path(), state, notes, label=N_("Autosave"), player=player)


def save_player(data: dict[str, Any]) -> str:
    """The player's name kept in a save's ``ui`` block ('' when none)."""
    ui = data.get("ui")
    name = ui.get("player") if isinstance(ui, dict) else None
    return name if isinstance(name, str) else ""


# ----- a damaged save: what was damaged and what can be recovered -----------------------------------
_IDENTITY = {key: re.compile(rf'"{key}"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)') for key in ("scenario", "mandate", "seed")}


@dataclass
class Recovery:
    """A game that can be recovered in place of a damaged save.

    ``kind`` is ``"previous"`` (the save's ``.bak``) or ``"record"`` (rebuilt by replaying the
    session record at ``path``); ``label`` says which game it is, for the player to choose.
    """

    kind: str
    path: Path
    label: str
    state: GameState
    notes: Any = None
    same_game: bool = False


@dataclass
class SaveCheck:
    """A save as found: loaded (``save``), or damaged (``problem``) with what can be recovered."""

    path: Path
    save: SaveFile | None = None
    problem: str | None = None
    options: list[Recovery] = field(default_factory=list)


def describe_game(state: GameState) -> str:
    """'Full year, balanced mandate, seed 9: month 3 of 12' or '...: finished (12 months)'."""
    try:
        rules = rules_of(state)
        title = rules.scenario.title
        mandate = rules.mandates[state.mandate].name if state.mandate in rules.mandates else state.mandate
    except (RuntimeError, AttributeError):
        title, mandate = state.scenario, state.mandate
    where = (_("finished ({turns} months played)").format(turns=state.turns) if state.is_over
             else _("month {turn} of {turns}").format(turn=state.turn, turns=state.turns))
    return _("{title}, {mandate} mandate, seed {seed}: {where}").format(
               title=title, mandate=mandate, seed=state.seed, where=where)


def damaged_identity(path: Path) -> dict[str, Any]:
    """Scenario, mandate and seed still legible at the start of a damaged save (any may be missing)."""
    try:
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return {}
    found: dict[str, Any] = {}
    for key, pattern in _IDENTITY.items():
        match = pattern.search(head)
        if match:
            found[key] = json.loads(match.group(1))
    return found


def _same(state: GameState, identity: dict[str, Any]) -> bool:
    return bool(identity) and all(getattr(state, key) == value for key, value in identity.items())


def _from_record(content: ContentBundle | Rules, folder: Path, identity: dict[str, Any]) -> Recovery | None:
    """The unfinished played game whose record was written last (the damaged save's game first)."""
    from game.records.verify import replay_record
    if not folder.is_dir():
        return None
    best: tuple[bool, str, Path, Any] | None = None
    for record_path in folder.glob("*.json"):
        try:
            record = load_record(record_path)
        except RecordError:
            continue
        if record.source != "play" or record.over or not record.turns:
            continue
        same = bool(identity) and all(getattr(record, key) == value for key, value in identity.items())
        key = (same, record.updated)
        if best is None or key > best[:2]:
            best = (same, record.updated, record_path, record)
    if best is None:
        return None
    same, _identity, record_path, record = best
    try:
        state = replay_record(record, content)
    except (RecordError, ValueError, KeyError):
        return None
    label = _("Rebuilt from the game's record ({name}): {describe_game}").format(
                name=record_path.name, describe_game=describe_game(state))
    return Recovery("record", record_path, label, state, record.notes.model_dump(), same_game=same)


def check_save(path: Path, content: ContentBundle | Rules, records: Path | None = None) -> SaveCheck:
    """Read a save; when it is damaged, say so and list every game that can be recovered instead.

    ``records`` is the folder of session records (default: :func:`records_dir`). Nothing is
    loaded in the damaged save's place until the player picks one of ``options``.
    """
    try:
        return SaveCheck(path, save=read_save(path, content))
    except RecordError as error:
        problem = str(error)
    check = SaveCheck(path, problem=problem)
    if not path.exists():
        return check
    identity = damaged_identity(path)
    previous = backup_path(path)
    if previous.exists():
        try:
            state, data = _read(previous, content)
            same = _same(state, identity)
            tag = _("the same game, an earlier month") if same else _("another game") if identity else _("perhaps another game")
            label = _("The previous copy ({name}, {tag}): {describe_game}").format(
                        name=previous.name, tag=tag, describe_game=describe_game(state))
            check.options.append(Recovery("previous", previous, label, state, data.get("notes"), same_game=same))
        except RecordError:
            pass
    rebuilt = _from_record(content, records if records is not None else records_dir(), identity)
    if rebuilt is not None:
        check.options.append(rebuilt)
    check.options.sort(key=lambda r: (not r.same_game, r.state.is_over, -r.state.turn))
    return check
