"""Session records: every action and outcome of a game, enough to replay and verify it exactly.

No pygame here; the UI, the commands (``verify``, ``export``, ``report``) and the tests use this API:

- writing: :class:`SessionRecorder` (``open``/``update``/``save_notes``), :func:`record_turn`,
  :func:`record_from_state`, :func:`write_game_record`, :func:`save_record` (atomic, ``.bak`` kept);
- reading: :func:`load_record` (raises :class:`RecordError` with a clear message), :func:`recover_record`
  (falls back to the ``.bak``), :func:`record_files`;
- checking: :func:`replay_record`, :func:`verify_record`, :func:`counterfactual`;
- saves: :func:`autosave_path`, :func:`write_autosave`, :func:`read_autosave`, and for any save file
  :func:`write_save` / :func:`read_save` (the UI's only save reader and writer); a damaged save:
  :func:`check_save` (what is damaged and every game that can be recovered).

In the UI: ``recorder = SessionRecorder.open(state, notes)`` when a game starts or continues,
``recorder.update(state, notes)`` right after each ``end_turn`` (raises ``RecordError`` with a
message for the player), and ``game.debrief.build_debrief(recorder.record, content)`` at the end.
"""

from game.records.autosave import (
    Recovery,
    SaveCheck,
    SaveFile,
    autosave_path,
    check_save,
    damaged_path,
    describe_game,
    is_save,
    read_autosave,
    read_save,
    saves_dir,
    write_autosave,
    write_save,
)
from game.records.capture import final_of, new_record, outcome_of, record_from_state, record_turn
from game.records.counterfactual import Change, Comparison, counterfactual, list_actions
from game.records.files import (
    RecordError,
    atomic_write,
    backup_path,
    data_home,
    load_record,
    parse_record,
    record_files,
    records_dir,
    recover_record,
    remove_stale_temps,
    save_record,
    write_new_record,
)
from game.records.model import FORMAT, VERSION, Outcome, Record, RecordNotes, TurnEntry, notes_data
from game.records.session import SessionRecorder, find_session_record, write_game_record
from game.records.verify import Mismatch, VerifyResult, replay_record, verify_record

__all__ = [
    "FORMAT",
    "VERSION",
    "Change",
    "Comparison",
    "Mismatch",
    "Outcome",
    "Record",
    "RecordError",
    "RecordNotes",
    "Recovery",
    "SaveCheck",
    "SaveFile",
    "SessionRecorder",
    "TurnEntry",
    "VerifyResult",
    "atomic_write",
    "autosave_path",
    "backup_path",
    "check_save",
    "counterfactual",
    "damaged_path",
    "data_home",
    "describe_game",
    "final_of",
    "find_session_record",
    "is_save",
    "list_actions",
    "load_record",
    "new_record",
    "notes_data",
    "outcome_of",
    "parse_record",
    "read_autosave",
    "read_save",
    "record_files",
    "record_from_state",
    "record_turn",
    "records_dir",
    "recover_record",
    "remove_stale_temps",
    "replay_record",
    "save_record",
    "saves_dir",
    "verify_record",
    "write_autosave",
    "write_game_record",
    "write_new_record",
    "write_save",
]
