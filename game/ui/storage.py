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
from typing import TYPE_CHECKING, Any

import platformdirs

from game.i18n import N_, _
from game.safe_json import peek_object
from game.ui.printable import printable
from game.ui.settings import APP_NAME

if TYPE_CHECKING:
    from game.classroom.seat import SeatTicket
    from game.content import ContentBundle
    from game.engine import GameState
    from game.ui.notes import Notes

AUTOSAVE = "autosave.json"
SEAT_TICKET = "class-seat.json"
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

    state: GameState
    notes: Notes
    from_backup: bool = False
    player: str = ""


def saves_dir() -> Path:
    """Where saves live: the same folder as ``game.records.saves_dir`` (without importing the engine)."""
    override = os.environ.get(ENV_DATA_DIR)
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / "saves"


def autosave_file() -> Path:
    """The autosave."""
    return saves_dir() / AUTOSAVE


def autosave(state: GameState, notes: Notes, player: str = "") -> Path:
    """Save to the autosave slot (a damaged file there is moved aside, never overwritten)."""
    from game.records import RecordError, write_autosave
    try:
        return write_autosave(state, notes, autosave_file(), player=player)
    except RecordError as error:
        raise StorageError(str(error)) from None


def manual_save(state: GameState, notes: Notes, player: str = "") -> Path:
    """Save to a new dated file; returns its path."""
    from game.records import RecordError, write_save
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = saves_dir() / f"save-{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = saves_dir() / f"save-{stamp}-{n}.json"
    try:
        return write_save(path, state, notes, label=N_("Saved game"), player=player)
    except RecordError as error:
        raise StorageError(str(error)) from None


def read_save(path: Path, content: ContentBundle, fallback: bool = False) -> Loaded:
    """Load a save and its notes, or raise ``StorageError`` (with ``fallback`` its ``.bak`` when the file is damaged)."""
    from game.records import RecordError
    from game.records import read_save as read_shared
    from game.records.autosave import save_player
    from game.ui.notes import Notes
    try:
        save = read_shared(path, content, fallback=fallback)
    except RecordError as error:
        raise StorageError(str(error)) from None
    return Loaded(save.state, Notes.from_json(save.data.get("notes")), save.from_backup, save_player(save.data))


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
    return (_("The autosave file {path} is damaged (it is not a readable save). It was left as it is (the "
               "next autosave moves it to {name}.damaged).").format(path=path, name=path.name))


def seat_ticket_file() -> Path:
    """Where the ticket to rejoin the class of the current game is kept (beside the autosave)."""
    return saves_dir() / SEAT_TICKET


def keep_seat_ticket(ticket: SeatTicket | None) -> None:
    """Keep the ticket of a class game just started, or forget it (None) when a solo game starts.

    Best effort: without the ticket the game still plays and its record is still kept; only the
    automatic rejoin after a restart is lost."""
    path = seat_ticket_file()
    try:
        if ticket is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(ticket.model_dump_json(), encoding="utf-8")
    except OSError:
        pass


def seat_ticket_for_autosave() -> SeatTicket | None:
    """The ``SeatTicket`` of the class the autosaved game was joined to, or None (no ticket, a damaged
    one, or a ticket of another game than the autosave's)."""
    data = peek_object(seat_ticket_file())
    meta = (peek_object(autosave_file()) or {}).get("ui")
    if data is None or not isinstance(meta, dict):
        return None
    from pydantic import ValidationError

    from game.classroom.seat import SeatTicket
    try:
        ticket = SeatTicket.model_validate(data)
    except ValidationError:
        return None
    same = (meta.get("scenario"), meta.get("mandate"), meta.get("seed")) == (ticket.scenario, ticket.mandate, ticket.seed)
    return ticket if same else None


def can_continue() -> bool:
    """True when there is an autosave or its previous copy to try."""
    path = autosave_file()
    return path.exists() or path.with_name(path.name + ".bak").exists()


def _titles(content: ContentBundle | None, scenario: Any, mandate: Any) -> tuple[str, str]:
    """The scenario's title and the mandate's name when the data knows them, else as saved."""
    sc = content.scenarios.get(scenario) if content is not None and isinstance(scenario, str) else None
    if sc is None:
        return str(scenario), str(mandate)
    man = sc.mandates.get(mandate) if isinstance(mandate, str) else None
    return sc.title, (_("{name} mandate").format(name=man.name) if man is not None else str(mandate))


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


def list_saves(content: ContentBundle | None = None) -> list[SaveInfo]:
    """Every save file, newest first, with a readable label (names from ``content`` when given)."""
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
            kind = _(meta.get("label") or N_("Save"))  # the label saves are written with is marked below
            if path.name.endswith(".bak"):
                kind = _("{kind} (previous)").format(kind=kind)
            turn, turns = meta.get("turn"), meta.get("turns")
            when_in_game = _("month {turn}").format(turn=turn) + (_(" of {turns}").format(turns=turns) if turns else "")
            if isinstance(turn, int) and isinstance(turns, int) and turn > turns:
                when_in_game = "finished"
            title, mandate = _titles(content, meta.get("scenario"), meta.get("mandate"))
            player = meta.get("player")
            who = f" ({player})" if isinstance(player, str) and player else ""
            label = _("{kind}{who}: {title} / {mandate}, {when_in_game}, seed {seed}").format(
                        kind=kind, who=who, title=title, mandate=mandate, when_in_game=when_in_game, seed=meta.get('seed'))
            stamp = _saved_at(meta.get("saved_at"), stamp)
        else:
            label = f"{path.name} (damaged)"
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))
        out.append(SaveInfo(path=path, label=printable(f"{when}  {label}", one_line=True), saved_at=stamp))
    return sorted(out, key=lambda s: s.saved_at, reverse=True)
