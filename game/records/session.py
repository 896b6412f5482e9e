"""Keeping a played session's record up to date, month by month, across crashes and restarts.

The UI calls, around the engine::

    recorder = SessionRecorder.open(state, notes)        # new game, or "Continue" after a crash
    report = end_turn(state); recorder.update(state, notes)  # after every month (atomic, .bak kept)
    recorder.save_notes(notes)                            # when only the notes changed

``open`` finds the record this game was already writing (same scenario, mandate, seed and data,
recorded months a prefix of the game's) so a resumed game continues its record; otherwise it
starts a new file. A record that fell behind the game (a crash between the autosave and the
record) is caught up by replaying the game's actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.engine import GameState, action_to_dict
from game.i18n import _
from game.records.capture import final_of, new_record, now_text, record_from_state, record_turn
from game.records.files import RecordError, new_record_path, records_dir, recover_record, save_record
from game.records.model import Record, notes_data


def _prefix(record: Record, state: GameState) -> bool:
    """True when the record's months are the game's first months, action for action."""
    if len(record.turns) > len(state.actions_log):
        return False
    for entry, plan in zip(record.turns, state.actions_log):
        if [action_to_dict(a) for a in entry.actions] != [action_to_dict(a) for a in plan]:
            return False
    return True


def _matches(record: Record, state: GameState) -> bool:
    return (record.scenario == state.scenario and record.mandate == state.mandate and record.seed == state.seed
            and record.fingerprint == state.fingerprint and record.source == "play" and _prefix(record, state))


def find_session_record(state: GameState, directory: str | Path | None = None) -> tuple[Path, Record] | None:
    """The newest record in ``directory`` that this game continues, if any (unreadable files skipped)."""
    folder = Path(directory) if directory is not None else records_dir()
    if not folder.is_dir():
        return None
    best: tuple[int, str, Path, Record] | None = None
    names = {p.name for p in folder.glob("*.json")} | {p.name[:-4] for p in folder.glob("*.json.bak")}
    for name in sorted(names):
        try:
            record, source = recover_record(folder / name)
        except RecordError:
            continue
        if _matches(record, state):
            # read from the .bak (the file is damaged or gone): continue in a new file, leave both alone
            path = folder / name if source.name == name else new_record_path(folder, record)
            key = (len(record.turns), record.updated, path, record)
            if best is None or key[:2] > best[:2]:
                best = key
    return (best[2], best[3]) if best else None


@dataclass
class SessionRecorder:
    """The record of the game being played and the file it is saved to."""

    path: Path
    record: Record

    @classmethod
    def open(cls, state: GameState, notes: Any = None, directory: str | Path | None = None,
             player: str | None = None) -> SessionRecorder:
        """Continue this game's record if one exists in ``directory``, else start a new one (saved at once)."""
        found = find_session_record(state, directory)
        if found is not None:
            recorder = cls(found[0], found[1])
            if player:
                recorder.record.player = player
            recorder.update(state, notes)
            return recorder
        record = new_record(state, notes, player=player)
        folder = Path(directory) if directory is not None else records_dir()
        recorder = cls(new_record_path(folder, record), record)
        if state.actions_log:
            recorder.record = record_from_state(state, notes, player=player, base=record)
        save_record(recorder.path, recorder.record)
        return recorder

    def update(self, state: GameState, notes: Any = None) -> Path:
        """Bring the record up to the game's last resolved month and save it (raises ``RecordError``).

        Call right after ``end_turn``. If the game is no longer a continuation of the record (an
        older save was loaded and played differently), a new record file is started instead.
        """
        try:
            self._catch_up(state, notes)
        except ValueError as error:  # a replay that disagrees with the game: keep the last good file
            raise RecordError(_("The record could not be brought up to date ({error}).").format(error=error)) from None
        return save_record(self.path, self.record)

    def _catch_up(self, state: GameState, notes: Any) -> None:
        record = self.record
        done = len(state.actions_log)
        if not _prefix(record, state):
            fresh = new_record(state, notes if notes is not None else record.notes, player=record.player)
            self.record = record_from_state(state, base=fresh)
            self.path = new_record_path(self.path.parent, self.record)
        elif done == len(record.turns) + 1 and not state.queue:
            record_turn(record, state, notes)
        elif done > len(record.turns):
            self.record = record_from_state(state, notes if notes is not None else record.notes, base=record)
        if notes is not None:
            self.record.notes = notes_data(notes)
        if done == len(self.record.turns):
            self.record.final = final_of(state)
        self.record.updated = now_text()

    def save_notes(self, notes: Any) -> Path:
        """Save new notes without a new month."""
        self.record.notes = notes_data(notes)
        self.record.updated = now_text()
        return save_record(self.path, self.record)


def write_game_record(state: GameState, directory: str | Path, notes: Any = None, player: str | None = None,
                      source: str = "play", strategy: str | None = None) -> Path:
    """Write the whole record of a game (played so far) as a new file in ``directory``; returns its path.

    Used by ``replay --records`` and ``simulate --records``. Raises ``RecordError``.
    """
    try:
        record = record_from_state(state, notes, player=player, source=source, strategy=strategy)
    except ValueError as error:
        raise RecordError(_("The game's record could not be built ({error}).").format(error=error)) from None
    return save_record(new_record_path(directory, record), record)
