"""The player's notes: a guess of each government's top three priorities and a free-text note.

The guesses are compared with the true priorities in the debrief. PageUp/PageDown switch
government; Tab reaches the drop-downs (arrow keys change them) and the note box. A changed guess
goes into the session record at once; typed notes when the player leaves the screen.
"""

from __future__ import annotations

from functools import partial

import pygame
import pygame_gui

from game.i18n import N_, _
from game.ui.layout import Column, wrap
from game.ui.notebox import NoteBox
from game.ui.notes import DIMENSIONS, TOP
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.text import DIM_NAMES, dim_help, esc
from game.ui.widgets import country_header, meter_bar

RANKS = (N_("Most important"), N_("Second"), N_("Third"))
NOTE_LIMIT = 2000  # as many characters as a saved note keeps (game.ui.notes)


class NotesScene(Scene):
    """Write down what you believe each government cares about."""

    name = "notes"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.note_box: NoteBox | None = None
        self.typed = False

    def build(self) -> None:
        lay = self.lay
        session = self.ctx.session
        assert session is not None
        cid = session.selected
        top = meter_bar(self)
        top = country_header(self, top, _("Notes: {country_name}").format(country_name=session.country_name(cid)), [
            (_("Dossier"), self.dossier, pygame.K_d, _("What is known about this government.")),
            (_("Back to map"), self.back, None, _("Return to the map. (key: Esc)")),
        ])
        margin = lay.px(10)
        area = pygame.Rect(margin, top + margin, lay.w - 2 * margin, lay.h - top - 2 * margin)
        left = pygame.Rect(area.x, area.y, (area.w - margin) // 2, area.h)
        right = pygame.Rect(left.right + margin, area.y, area.right - left.right - margin, area.h)
        col = Column(left, lay.px(8))
        for line in wrap(_("Your guess of what this government cares about most:"), lay.font(14), left.w - lay.px(8)):
            self.ui.label(col.take(lay.line_h(14)), line, object_id="#muted")  # on two lines in a narrow column
        guess = session.notes.guess(cid)
        label_w = max(lay.text_w(_(r)) for r in RANKS) + lay.px(16)
        options = [(_("Not sure"), "")] + [(DIM_NAMES[d], d) for d in DIMENSIONS]
        for rank in range(TOP):
            row = col.take(lay.row_h())
            self.ui.label(pygame.Rect(row.x, row.y, label_w, row.h), _(RANKS[rank]))
            self.ui.dropdown(pygame.Rect(row.x + label_w, row.y, row.w - label_w, row.h), options, guess[rank],
                          partial(self.set_guess, rank), tip=_("{rank} priority, in your judgement.").format(
                                                                 rank=_(RANKS[rank])))
        self.targets["notes"] = pygame.Rect(left.x, left.y, left.w, col.y - left.y)
        help_rows = "<br>".join(f"<b>{esc(DIM_NAMES[d])}</b>: {esc(dim_help(d))}" for d in DIMENSIONS)
        overview = []
        for other in session.order:
            ranked = [DIM_NAMES[d] for d in session.notes.guess(other) if d]
            overview.append(f"{esc(session.country_name(other))}: {esc(', '.join(ranked) or '—')}")
        self.ui.textbox(col.rest(lay.px(80)), _("<b>The priorities</b><br>") + help_rows
                     + _("<br><br><b>Your guesses so far</b><br>") + "<br>".join(overview), panel="notes")
        rcol = Column(right, lay.px(8))
        self.label(rcol.take(lay.line_h(14)), _("Your notes on this government (saved with the game):"), object_id="#muted")
        # A multi-line box whose selection edits are safe (see game.ui.notebox); Tab leaves it.
        box_h = max(lay.row_h() * 3, min(rcol.left - lay.px(40), lay.line_h() * 12))
        self.note_box = NoteBox(rcol.take(box_h), initial_text=session.notes.text.get(cid, ""),
                                manager=self.ctx.manager, container=self.ui.root, limit=NOTE_LIMIT)
        self.note_box.set_tooltip(_("Type freely, on several lines (up to {limit} characters). Tab leaves the box; Esc stops "
                                     "typing.").format(limit=NOTE_LIMIT))
        self._keep(self.note_box)
        self.focus.add(self.note_box)

    def set_guess(self, rank: int, dimension: str) -> Outcome:
        """Record a guess; a priority already at another rank swaps places with this rank's."""
        session = self.ctx.session
        assert session is not None
        session.notes.set_guess(session.selected, rank, dimension)
        self._save()
        self.rebuild()
        return None

    def _save(self) -> None:
        session = self.ctx.session
        if session is not None:
            problem = session.save_notes()
            if problem:
                self.ctx.message = problem
        self.typed = False

    def exit(self) -> None:
        if self.typed:
            self._save()
        super().exit()

    def on_event(self, event: pygame.event.Event) -> Outcome:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.note_box:
            session = self.ctx.session
            assert session is not None
            text = self.note_box.get_text()[:NOTE_LIMIT]
            if text.strip():
                session.notes.text[session.selected] = text
            else:
                session.notes.text.pop(session.selected, None)
            self.typed = True
        return None

    def dossier(self) -> Outcome:
        """Open the dossier."""
        return nav.dossier(self.ctx)

    def back(self) -> Outcome:
        return nav.to_map(self.ctx)
