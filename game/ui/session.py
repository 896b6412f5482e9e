"""A game in progress as the UI sees it: the engine state, the player's notes and the last report.

Every change to the game goes through ``game.engine`` (apply, unqueue, end_turn); this class adds
only what the screens need around it: names for descriptions, the last report, the autosave and
the session record (``game.records.SessionRecorder``, opened by :meth:`Session.open_record`, updated
after every month and when the notes change). A save or record that cannot be written never stops
the game: the reason is kept in ``save_message`` / ``record_message`` for the screen to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.content import ContentBundle
from game.engine import (
    Action,
    GameState,
    Impossible,
    Rules,
    SaveError,
    TurnReport,
    UnknownContent,
    apply,
    check,
    end_turn,
    is_over,
    month_label,
    new_game,
    rules_of,
    state_from_dict,
    state_to_dict,
    unqueue,
)
from game.i18n import N_, _
from game.ui import storage
from game.ui.draft import Draft
from game.ui.notes import Notes

if TYPE_CHECKING:
    from game.classroom.seat import ClassSeat
    from game.records import Record, SessionRecorder

RECORD_FAILED = (N_("The record of this game could not be written ({reason}). The game goes on and is still "
                 "autosaved; the record is tried again at the end of the month."))


@dataclass
class Session:
    """One game being played."""

    content: ContentBundle
    state: GameState
    notes: Notes = field(default_factory=Notes)
    last_report: TurnReport | None = None
    save_message: str | None = None
    selected: str = ""
    lens: str = "relations"
    tutorial_step: int = 0
    tutorial_done: bool = False
    drafts: dict[str, Draft] = field(default_factory=dict)
    recorder: SessionRecorder | None = None
    records_dir: Path | None = None
    recording: bool = False
    record_message: str | None = None
    player: str = ""
    seat: ClassSeat | None = None  # the class this game was joined to (game.classroom), if any

    def __post_init__(self) -> None:
        if self.selected not in self.state.countries:
            self.selected = rules_of(self.state).order[0]

    @classmethod
    def start(cls, content: ContentBundle, scenario: str, mandate: str, seed: int) -> Session:
        """A new game."""
        return cls(content=content, state=new_game(content, scenario, mandate, seed))

    @property
    def rules(self) -> Rules:
        """The compiled content of this game."""
        return rules_of(self.state)

    @property
    def order(self) -> tuple[str, ...]:
        """Country ids in scenario order."""
        return self.rules.order

    @property
    def tutorial(self) -> bool:
        """True when the scenario is a tutorial."""
        return bool(self.rules.scenario.tutorial)

    def names(self) -> dict[str, str]:
        """Display names of countries, levers and asks, for ``describe``."""
        rules = self.rules
        out = {cid: c.name for cid, c in rules.countries.items()}
        out.update({lid: lv.name for lid, lv in rules.levers.items()})
        out.update({aid: a.name for aid, a in rules.asks.items()})
        return out

    def country_name(self, cid: str) -> str:
        """A country's name."""
        return self.rules.countries[cid].name

    def month(self) -> str:
        """The current month, e.g. 'March 2025'."""
        return month_label(self.rules, min(self.state.turn, self.state.turns))

    def refusal(self, action: Action) -> str | None:
        """Why the action cannot be queued now, or None if it can."""
        try:
            check(self.state, action)
        except (Impossible, UnknownContent) as error:
            return str(error)
        return None

    def queue(self, action: Action) -> str | None:
        """Queue an action; returns the refusal sentence when it is refused."""
        try:
            apply(self.state, action)
        except (Impossible, UnknownContent) as error:
            return str(error)
        return None

    def undo(self, index: int) -> list[Action]:
        """Take back a queued action (and any that depended on it)."""
        try:
            return unqueue(self.state, index)
        except Impossible:
            return []

    def end_month(self) -> TurnReport:
        """Resolve the month, keep the report, autosave and bring the record up to date.

        In a class, the instructor's injected events due are added to the month first, and the
        record is handed to the class link after (sent in the background)."""
        if self.seat is not None:
            for action in self.seat.due(self.state):
                self.queue(action)
        report = end_turn(self.state)
        self.last_report = report
        try:
            storage.autosave(self.state, self.notes, player=self.player)
            self.save_message = None
        except storage.StorageError as error:
            self.save_message = str(error)
        self._update_record()
        if self.seat is not None and self.recorder is not None:
            self.seat.submit(self.recorder.record)
        return report

    def save_now(self) -> str | None:
        """Autosave the game as it stands, this month's plan included (the window is closing); returns a
        failure message. A finished game is left alone: its last autosave is already complete."""
        if self.over:
            return None
        try:
            storage.autosave(self.state, self.notes, player=self.player)
        except storage.StorageError as error:
            return str(error)
        return None

    def messages(self) -> str | None:
        """What went wrong with the autosave or the record, for the screen (None when all is well)."""
        parts = [m for m in (self.save_message, self.record_message) if m]
        return " ".join(parts) or None

    # ----- the session record -------------------------------------------------------------------
    def open_record(self, directory: Path | None = None) -> str | None:
        """Start recording (continuing this game's record if there is one); returns a failure message."""
        self.recording = True
        self.records_dir = directory
        self._open_recorder()
        return self.record_message

    def _open_recorder(self) -> None:
        from game.records import RecordError, SessionRecorder
        try:
            self.recorder = SessionRecorder.open(self.state, self.notes, directory=self.records_dir,
                                                 player=(self.seat.name if self.seat is not None else self.player) or None)
            self.record_message = None
        except (RecordError, ValueError) as error:
            self.recorder = None
            self.record_message = _(RECORD_FAILED).format(reason=str(error).rstrip("."))

    def _update_record(self) -> None:
        if not self.recording:
            return
        if self.recorder is None:
            self._open_recorder()  # opening catches the record up with every month played
            return
        from game.records import RecordError
        try:
            self.recorder.update(self.state, self.notes)
            self.record_message = None
        except (RecordError, ValueError) as error:
            self.record_message = _(RECORD_FAILED).format(reason=str(error).rstrip("."))

    def save_notes(self) -> str | None:
        """Write the notes into the record now; returns a failure message."""
        if not self.recording:
            return None
        if self.recorder is None:
            self._open_recorder()
            return self.record_message
        from game.records import RecordError
        try:
            self.recorder.save_notes(self.notes)
            self.record_message = None
        except RecordError as error:
            self.record_message = _(RECORD_FAILED).format(reason=str(error).rstrip("."))
        return self.record_message

    def record(self) -> Record:
        """The record of the months played, with the current notes (for the debrief).

        The recorder's record when it is up to date, else one rebuilt from the game (raises
        ``game.records.RecordError`` when that fails).
        """
        from game.records import RecordError, notes_data, record_from_state
        recorder = self.recorder
        if recorder is not None and len(recorder.record.turns) == len(self.state.actions_log):
            record = recorder.record.model_copy(deep=True)
            record.notes = notes_data(self.notes)
            return record
        try:
            return record_from_state(self.state, self.notes, player=self.player or None)
        except ValueError as error:
            raise RecordError(_("The record of this game could not be rebuilt ({error}).").format(error=error)) from None

    def records_folder(self) -> Path:
        """Where this game's record is (or would be) written."""
        if self.recorder is not None:
            return self.recorder.path.parent
        if self.records_dir is not None:
            return self.records_dir
        from game.records import records_dir
        return records_dir()

    # ----- new data (F5) ----------------------------------------------------------------------------
    def rebind(self, content: ContentBundle) -> None:
        """Continue this game under new data: the state is saved and read back against it.

        Raises ``game.engine.SaveError`` (with a message for the player) when the game no longer
        fits the data; the session is unchanged then.
        """
        try:
            state = state_from_dict(state_to_dict(self.state), content)
        except (ValueError, TypeError, KeyError) as error:
            raise SaveError(_("The game in progress could not be moved to the new data ({error}).").format(error=error)) from None
        rules = rules_of(state)
        for draft in self.drafts.values():
            draft.asks = {a: lvl for a, lvl in draft.asks.items() if a in rules.asks}
            draft.offers = [o for o in draft.offers if o in rules.levers]
            if draft.threat not in rules.levers:
                draft.threat = ""
        self.content = content
        self.state = state
        if self.selected not in state.countries:
            self.selected = rules.order[0]

    def draft(self, cid: str) -> Draft:
        """The proposal being drafted for a government."""
        return self.drafts.setdefault(cid, Draft())

    @property
    def over(self) -> bool:
        """True once the last month has been resolved."""
        return is_over(self.state)
