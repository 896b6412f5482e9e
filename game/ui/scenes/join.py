"""Join a class: the host's address, the class code and the student's name (an overlay on the title).

Opened with a ``SeatTicket`` (Continue, when the autosaved game was played in a class), the form is
filled in and rejoins: the host gives the same seat back and the autosaved game goes on, sending
its record again; "Play on alone" continues it without the class.

Joining runs in a background thread so the window stays responsive; when it is done the scene
posts itself an event and, on success, starts the class's game (scenario, mandate, seed and data
from the host, held in memory only) at its briefing. A failure is shown here, with nothing lost.
"""

from __future__ import annotations

import threading
from html import escape
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.i18n import N_, _
from game.ui.entry import TextEntry
from game.ui.layout import Column, Flow
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav

JOINED = pygame.event.custom_type()
FIELDS = (("address", N_("Host address"), N_("The address the instructor shows, for example 192.168.1.20:8765."), 200),
          ("code", N_("Class code"), N_("The join code the instructor shows."), 32),
          ("name", N_("Your name"), N_("How you appear on the instructor's dashboard and in the class report."), 40))


class JoinScene(Scene):
    """The join form."""

    name = "join"

    def __init__(self, ctx, ticket: Any = None) -> None:
        super().__init__(ctx)
        self.ticket = ticket  # a game.classroom.seat.SeatTicket: rejoin the autosaved game's class
        if ticket is not None:
            self.name = "rejoin"
        self.values: dict[str, str] = {key: "" for key, *_rest in FIELDS}
        if ticket is not None:
            self.values.update(address=ticket.address, code=ticket.code, name=ticket.name)
        self.entries: dict[str, UITextEntryLine] = {}
        self.worker: threading.Thread | None = None
        self.result: Any = None
        self.problem = ""
        self.focus_first = False

    def build(self) -> None:
        lay = self.lay
        width = min(lay.w - lay.px(40), lay.px(640))
        height = (lay.line_h(19) + lay.line_h() * 3 + len(FIELDS) * (lay.row_h() + lay.px(8)) + lay.line_h() * 2
                  + lay.row_h() + lay.px(12 + 12 + 8 * 4 + 30))
        box = pygame.Rect(0, 0, width, min(height, lay.h - lay.px(20)))
        box.center = (lay.w // 2, lay.h // 2)
        self.panel(box)
        col = Column(box.inflate(-lay.px(40), -lay.px(30)), lay.px(8))
        rejoining = self.ticket is not None
        self.label(col.take(lay.line_h(19)), _("Rejoin the class") if rejoining else _("Join a class"), object_id="#heading")
        about = (_("The autosaved game was played in a class. Rejoin it to go on where you left off: the "
                   "host gives you back your place, and your record goes to the instructor again.") if rejoining else
                 _("Your instructor hosts the class on this room's network. You play the class's game as "
                   "usual; your record goes to the instructor after every month, and is kept on this "
                   "computer too."))
        self.textbox(col.take(lay.line_h() * 3 + lay.px(12)), about, panel="about")
        label_w = max(lay.text_w(_(text)) for _key, text, *_rest in FIELDS) + lay.px(20)
        for key, text_id, tip_id, limit in FIELDS:
            text, tip = _(text_id), _(tip_id)
            row = col.take(lay.row_h())
            self.label(pygame.Rect(row.x, row.y, label_w, row.h), text)
            entry = TextEntry(pygame.Rect(row.x + label_w, row.y, row.w - label_w, row.h),
                              manager=self.ctx.manager, container=self.ui.root, initial_text=self.values[key])
            entry.set_text_length_limit(limit)
            entry.set_tooltip(tip)
            self._keep(entry)
            self.focus.add(entry)
            self.entries[key] = entry
        busy = self.worker is not None
        if busy:
            self.label(col.take(lay.line_h()), "Joining…", object_id="#muted")
        elif self.problem:
            self.textbox(col.take(lay.line_h() * 2 + lay.px(12)), escape(self.problem), object_id="#refusal",
                         panel="problem")
        flow = Flow(col.take(lay.row_h()), lay.row_h(), lay.px(10))
        if rejoining:
            self.button(flow.place(lay.button_w(_("Rejoin"), key=pygame.K_RETURN)), _("Rejoin"), self.join, key=pygame.K_RETURN,
                        object_id="#primary", refusal=_("Joining…") if busy else None,
                        tip=_("Rejoin the class and continue the autosaved game."))
            self.button(flow.place(lay.button_w(_("Play on alone"))), _("Play on alone"), self.play_alone,
                        refusal=_("Joining…") if busy else None,
                        tip=_("Continue the autosaved game without the class; its record stays on this computer."))
        else:
            self.button(flow.place(lay.button_w(_("Join"), key=pygame.K_RETURN)), _("Join"), self.join, key=pygame.K_RETURN, object_id="#primary",
                        refusal=_("Joining…") if busy else None, tip=_("Join the class and start its game."))
        self.button(flow.place(lay.button_w(_("Cancel"))), _("Cancel"), self.back, tip=_("Back to the title screen."))
        self.focus_first = self.focus.index < 0

    def update(self, dt: float) -> None:
        if self.focus_first:  # after the events that opened the form (its shortcut key types no letter here)
            self.focus_first = False
            self.focus.focus(self.entries["address"], self.ctx.manager)

    def draw_background(self, surface: pygame.Surface) -> None:
        self.draw_dimmed(surface)

    def _read(self) -> None:
        for key, entry in self.entries.items():
            self.values[key] = entry.get_text().strip()

    def exit(self) -> None:
        self._read()
        super().exit()

    def join(self) -> Outcome:
        """Start joining in the background."""
        self._read()
        missing = [_(text) for key, text, *_rest in FIELDS if not self.values[key]]
        if missing:
            self.problem = _("Fill in: ") + ", ".join(m.lower() for m in missing) + "."
            self.rebuild()
            return None
        if self.worker is not None:
            return None
        from game.classroom.client import ClassError
        from game.classroom.seat import take_seat

        def work() -> None:
            try:
                self.result = take_seat(self.values["address"], self.values["code"], self.values["name"],
                                        self.ctx.content, self.ticket.attempt if self.ticket is not None else None)
            except ClassError as error:
                self.result = error
            pygame.event.post(pygame.event.Event(JOINED))

        self.problem = ""
        self.worker = threading.Thread(target=work, name="class-join", daemon=True)
        self.worker.start()
        self.rebuild()
        return None

    def on_event(self, event: pygame.event.Event) -> Outcome:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element in self.entries.values():
            return self._next_or_join(event.ui_element)
        if event.type != JOINED or self.worker is None:
            return None
        self.worker.join()
        self.worker = None
        result, self.result = self.result, None
        if isinstance(result, Exception):
            self.problem = str(result)
            self.rebuild()
            return None
        if self.ticket is not None:
            return resume_class_game(self, result)
        return start_class_game(self, result)

    def play_alone(self) -> Outcome:
        """Continue the autosaved game without the class."""
        if self.worker is not None:
            return None
        from game.ui import storage
        from game.ui.scenes.title import load_path
        return load_path(self, storage.autosave_file())

    def _next_or_join(self, entry: UITextEntryLine) -> Outcome:
        """Enter in a field: on to the next empty one, or join when all are filled."""
        self._read()
        for key, *_rest in FIELDS:
            if not self.values[key]:
                self.focus.focus(self.entries[key], self.ctx.manager)
                return None
        return self.join()

    def back(self) -> Outcome:
        return None if self.worker is not None else super().back()


def start_class_game(scene: Scene, seat: Any) -> Outcome:
    """Start the class's game with the joined seat; a game the data cannot start gives a message."""
    from game.engine import UnknownContent
    from game.ui.session import Session
    reply = seat.game.reply
    try:
        session = Session.start(seat.game.bundle, reply.scenario, reply.mandate, reply.seed)
    except UnknownContent as error:
        seat.close()
        scene.ctx.message = str(error)
        return None
    session.seat = seat
    nav.begin(scene.ctx, session)
    scene.ctx.info = _("Joined the class as {name}.").format(name=seat.name)
    return nav.briefing(scene.ctx)


def resume_class_game(scene: Scene, seat: Any) -> Outcome:
    """Continue the autosaved game with the seat the host gave back; a save that cannot be read gives a message."""
    from game.ui import storage
    from game.ui.session import Session
    try:
        loaded = storage.read_save(storage.autosave_file(), seat.game.bundle)
    except storage.StorageError as error:
        seat.close()
        scene.ctx.message = str(error)
        return None
    session = Session(content=seat.game.bundle, state=loaded.state, notes=loaded.notes)
    session.player = loaded.player or seat.name
    session.seat = seat
    nav.begin(scene.ctx, session)
    scene.ctx.info = _("Rejoined the class as {name}: your record goes to the instructor again.").format(name=seat.name)
    return nav.game_scene(scene.ctx)
