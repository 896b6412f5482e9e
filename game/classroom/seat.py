"""A student's place in a hosted class, as the game keeps it while playing (no pygame here).

``take_seat`` joins the class (see ``client.join``); the seat then asks the host for the class's
status every few seconds in the background, hands each month's record to the link (sent in the
background, kept and retried while the host is unreachable), and answers the two questions the
game asks when the player ends a month: is the class held, and which injected events are due.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from game.classroom.client import ClassGame, ClassLink, held, injects_due, join, new_attempt
from game.classroom.protocol import StatusReply
from game.content import ContentBundle
from game.engine import Action, GameState
from game.i18n import _
from game.records.model import Record

STATUS_SECONDS = 2.0


class SeatTicket(BaseModel):
    """What the game keeps beside its autosave to rejoin a class after the window was closed: the
    host, the code, the name the host knows, the join's attempt key (for which the host gives the
    same seat back) and the class's game, to match it with the autosave."""

    model_config = ConfigDict(extra="forbid")

    address: str = Field(min_length=1, max_length=200, description="The host's address as typed.")
    code: str = Field(min_length=1, max_length=32, description="The class's join code.")
    name: str = Field(min_length=1, max_length=80, description="The student's name as the host knows it.")
    attempt: str = Field(min_length=8, max_length=100, description="The attempt key of the first join.")
    scenario: str = Field(max_length=100, description="The class's scenario id.")
    mandate: str = Field(max_length=100, description="The class's mandate id.")
    seed: int = Field(description="The class's seed.")


@dataclass
class ClassSeat:
    """A joined student's link to the class, with the class's latest status."""

    link: ClassLink
    game: ClassGame
    address: str
    code: str = ""
    attempt: str = ""
    status: StatusReply | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _asked: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    @property
    def name(self) -> str:
        """The name the host knows the student by."""
        return self.game.reply.name

    def start(self) -> None:
        """Start asking the host for the class's status in the background."""
        self._thread = threading.Thread(target=self._poll, name="class-status", daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            status = self.link.fetch_status()
            if status is not None:
                self.status = status
            self._asked.wait(STATUS_SECONDS)
            self._asked.clear()

    def ask_now(self) -> None:
        """Ask for the status again without waiting for the next round."""
        self._asked.set()

    def held(self, turn: int) -> bool:
        """True while the host is reachable and holds the class before this month ends."""
        return self.link.reachable and self.status is not None and held(self.status, turn)

    def due(self, state: GameState) -> list[Action]:
        """The injected events this game has not played yet (none while the host was never reached)."""
        return injects_due(state, self.status) if self.status is not None else []

    def submit(self, record: Record) -> None:
        """Send this record (the newest) in the background."""
        record = record.model_copy()
        record.player = self.name
        self.link.submit(record)

    def line(self) -> str:
        """One line for the screen: where the class is and whether the record got through."""
        where = _("Class at {address} as {name}").format(address=self.address, name=self.name)
        if self.link.refused:
            return _("{where}: {refused} Your record is kept on this computer.").format(
                       where=where, refused=self.link.refused)
        if not self.link.reachable:
            return _("{where}: the host cannot be reached; your record is kept and sent when it can be.").format(
                       where=where)
        if self.link.pending is not None:
            return _("{where}: sending your record…").format(where=where)
        if self.link.delivered_months > 0:
            return _("{where}: the host has your record up to month {delivered_months}.").format(
                       where=where, delivered_months=self.link.delivered_months)
        return f"{where}."

    def ticket(self) -> SeatTicket:
        """What to keep on disk to rejoin this seat later."""
        reply = self.game.reply
        return SeatTicket(address=self.address, code=self.code, name=self.name, attempt=self.attempt,
                          scenario=reply.scenario, mandate=reply.mandate, seed=reply.seed)

    def close(self) -> None:
        """Stop asking and sending (what was not sent stays in the local record)."""
        self._stop.set()
        self._asked.set()
        self.link.close()


def take_seat(address: str, code: str, name: str, own: ContentBundle | None, attempt: str | None = None) -> ClassSeat:
    """Join the class and start following its status; raises ``ClassError`` with a message for the player.

    With the ``attempt`` key of an earlier join (a ``SeatTicket``'s), the host gives that seat back."""
    attempt = attempt or new_attempt()
    link, game = join(address, code, name, own, attempt)
    seat = ClassSeat(link=link, game=game, address=address.strip(), code=code, attempt=attempt)
    seat.start()
    return seat
