"""The debrief, after the last month (from the end screen): the year replayed from its record with
everything the player could not see.

Sections (keys 1-7 or the buttons, Left/Right step through them): the summary, each government's
true priorities beside the player's guesses, timelines, the credibility and humanitarian ledgers,
the governments' decisions with their hidden numbers, the scenario's discussion prompts and a
counterfactual ("what if"): the year replayed without one chosen action. Up/Down/PageUp/PageDown/
Home/End scroll (in "What if", Up/Down choose the action). X exports the debrief as HTML and CSV next
to the records. Esc returns to the end screen.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pygame
import pygame_gui

from game.i18n import N_, _
from game.ui.chartreader import ChartReader
from game.ui.chartreader import key_help as chart_keys
from game.ui.debrief_files import export_paths, write_debrief
from game.ui.layout import Flow, wrap
from game.ui.scene import Outcome, Scene
from game.ui.scenes import debrief_panels as panels
from game.ui.scenes import debrief_text as texts
from game.ui.scenes import nav
from game.ui.scrolling import SCROLL_KEYS, scroll_key, scroll_to
from game.ui.text import OBJECTIVE_NAMES, esc
from game.ui.transition import Pop

SECTIONS = (  # id, button, tooltip
    ("summary", N_("Summary"), N_("The score, the objectives and the check of the record.")),
    ("priorities", N_("Priorities"), N_("Each government's true priorities beside your guesses.")),
    ("timelines", N_("Timelines"), N_("Your meters, relations, flows and commitments month by month.")),
    ("ledgers", N_("Ledgers"), N_("Each threat and promise, kept or not; agreements; the human cost.")),
    ("decisions", N_("Decisions"), N_("Why each government decided as it did, with the hidden numbers.")),
    ("discussion", N_("Discussion"), N_("Questions for the class.")),
    ("whatif", N_("What if"), N_("Replay the year without one of your actions and see what changes.")),
)


class DebriefScene(Scene):
    """The year explained."""

    name = "debrief"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.tab = "summary"
        self.debrief: Any = None
        self.record: Any = None
        self.error: str | None = None
        self.action_rows: list[tuple[int, int, str]] | None = None
        self.country = ""
        self.per_country: list[str] = []
        self.cf_index = 0
        self.cf_labels: list[str] = []
        self.cf_list: Any = None
        self.cf_pending: tuple[int, int, int] | None = None
        self.cf_waited = False
        self.cf_error: str | None = None
        self.comparison: Any = None
        self.cf_result: Any = None
        self.exported: list[Path] = []
        self.scroll_target: Any = None
        self.reader = ChartReader()  # the timelines read line by line from the keyboard

    # ----- data -------------------------------------------------------------------------------------
    def ensure(self) -> None:
        """Build the debrief from the game's record (once; again after F5)."""
        if self.debrief is not None or self.error is not None:
            return
        session = self.ctx.session
        assert session is not None
        from game.debrief import build_debrief
        from game.records import RecordError
        try:
            self.record = session.record()
            self.debrief = build_debrief(self.record, session.content)
        except (RecordError, ValueError) as error:
            self.error = _("The debrief could not be built from this game's record: {error}").format(error=error)

    def action_list(self) -> list[tuple[int, int, str]]:
        """Every action of the game as (month, index in the month, description)."""
        if self.action_rows is None:
            from game.records import list_actions
            session = self.ctx.session
            assert session is not None
            self.action_rows = list_actions(self.record, session.content) if self.record is not None else []
        return self.action_rows

    def content_changed(self) -> None:
        self.debrief = self.record = self.error = self.action_rows = self.comparison = None
        self.cf_error = None

    # ----- building ---------------------------------------------------------------------------------
    def build(self) -> None:
        lay = self.lay
        session = self.ctx.session
        assert session is not None
        self.ensure()
        margin = lay.px(12)
        self.ui.label(pygame.Rect(margin, margin, lay.w - 2 * margin, lay.line_h(19)),
                   _("Debrief: {title}").format(title=session.rules.scenario.title), object_id="#heading")
        top = margin + lay.line_h(19) + lay.px(6)
        if self.debrief is not None:
            flow = Flow(pygame.Rect(margin, top, lay.w - 2 * margin, 0), lay.row_h(), lay.px(8))
            for i, (sid, text_id, tip_id) in enumerate(SECTIONS):
                text, tip = _(text_id), _(tip_id)
                self.ui.button(flow.place(lay.button_w(text, key=pygame.K_1 + i)), text, partial(self.set_tab, sid),
                            key=pygame.K_1 + i, tip=tip, object_id="#on" if sid == self.tab else None)
                if sid == self.tab and self.focus.index < 0:
                    self.focus.index = len(self.focus.items) - 1
            top = flow.bottom + lay.px(10)
        bottom = lay.h - margin - lay.row_h()
        area = pygame.Rect(margin, top, lay.w - 2 * margin, bottom - lay.px(10) - top)
        self.cf_list = self.cf_result = None
        if self.debrief is None:
            self.scroll_target = self.ui.textbox(area, esc(self.error or _("There is nothing to show.")), panel="debrief")
        else:
            self.scroll_target = self._section(area)
        flow = Flow(pygame.Rect(margin, bottom, lay.w - 2 * margin, 0), lay.row_h(), lay.px(10))
        self.ui.button(flow.place(lay.button_w(_("Export debrief"), key=pygame.K_x)), _("Export debrief"), self.export, key=pygame.K_x,
                    refusal=None if self.debrief is not None else _("There is no debrief to export."),
                    tip=_("Write the debrief as a web page (HTML) and a spreadsheet (CSV) next to the records."))
        self.ui.button(flow.place(lay.button_w(_("Back to the score"))), _("Back to the score"), self.back,
                    tip=_("Return to the end screen. (key: Esc)"))
        if self.focus.index < 0:
            self.focus.index = 0

    def _section(self, area: pygame.Rect) -> Any:
        d, pal = self.debrief, self.pal
        session = self.ctx.session
        if self.tab == "priorities":
            return panels.priorities_section(self, area)
        if self.tab == "timelines":
            return panels.timelines_section(self, area)
        if self.tab == "whatif":
            self.cf_result = panels.whatif_section(self, area)
            return self.cf_result
        recorder = session.recorder if session is not None else None
        builders: dict[str, Callable[[], str]] = {
            "summary": lambda: texts.summary_html(d, recorder.path if recorder else None, self.exported),
            "ledgers": lambda: texts.ledgers_html(d, pal),
            "decisions": lambda: texts.decisions_html(d, pal),
            "discussion": lambda: texts.discussion_html(d),
        }
        box = self.ui.textbox(area, builders.get(self.tab, builders["summary"])(), panel="debrief")
        self.targets[self.tab] = box.rect
        return box

    def wrapped_note(self, area: pygame.Rect, text: str) -> int:
        """Small explanatory lines at the top of ``area``; returns the y below them."""
        lay = self.lay
        y = area.y
        for line in wrap(text, lay.font(13), area.w - lay.px(8)):
            self.ui.label(pygame.Rect(area.x, y, area.w, lay.line_h(13)), line, object_id="#small")
            y += lay.line_h(13)
        return y + lay.px(6)

    # ----- sections and choices ---------------------------------------------------------------------
    def set_tab(self, tab: str) -> Outcome:
        """Show another section."""
        if tab != self.tab:
            self.tab = tab
            self.reader.text = ""
            self.focus.index = -1
            self.rebuild()
        return None

    def set_country(self, name: str) -> Outcome:
        """Show every government (``''``) or one in the per-government timelines."""
        self.country = name
        self.rebuild()
        return None

    def show_choice(self) -> None:
        """Mark the chosen action in the list and scroll it into view."""
        choice = self.cf_list
        if choice is None or not choice.alive():
            return
        for i, item in enumerate(choice.item_list):
            item["selected"] = i == self.cf_index
            button = item.get("button_element")
            if button is not None and i == self.cf_index:
                button.select()
            elif button is not None:
                button.unselect()
        bar = choice.scroll_bar
        if bar is not None and choice.total_height_of_list > 0:
            view = choice.list_and_scroll_bar_container.relative_rect.height
            item_top = self.cf_index * choice.list_item_height
            shown = bar.start_percentage * choice.total_height_of_list
            if item_top < shown or item_top + choice.list_item_height > shown + view:
                bar.set_scroll_from_start_percentage(max(0, item_top - view // 3) / choice.total_height_of_list)
                choice.update(0.0)

    def choose(self, index: int) -> None:
        """Choose another action (the previous comparison is put away)."""
        actions = self.action_list()
        if not actions:
            return
        self.cf_index = max(0, min(len(actions) - 1, index))
        self.comparison = None
        self.cf_error = None
        self.show_choice()
        if self.cf_result is not None and self.cf_result.alive():
            turn, _action, desc = actions[self.cf_index]
            self.cf_result.set_text(_("<b>Chosen:</b> {value}<br><br>").format(value=esc(_("month {turn}, {desc}").format(
                                                                                             turn=turn, desc=desc)))
                                    + esc(_("Press R (or Replay without it) to replay the year without it.")))

    def replay_without(self) -> Outcome:
        """Start the replay without the chosen action (it runs on the next frame, after 'Replaying…' shows)."""
        actions = self.action_list()
        if not actions or self.record is None:
            return None
        turn, index, desc = actions[self.cf_index]
        self.cf_pending = (turn, index, self.cf_index)
        self.cf_waited = False
        if self.cf_result is not None and self.cf_result.alive():
            self.cf_result.set_text(esc(_("Replaying the year without: month {turn}, {desc}…").format(
                                            turn=turn, desc=desc)))
        return None

    def update(self, dt: float) -> None:
        if self.cf_pending is None:
            return
        if not self.cf_waited:  # let one frame show "Replaying…" first
            self.cf_waited = True
            return
        turn, index, _desc = self.cf_pending
        self.cf_pending = None
        from game.records import RecordError, counterfactual
        session = self.ctx.session
        assert session is not None
        try:
            self.comparison = counterfactual(self.record, session.content, turn, index)
            self.cf_error = None
        except (RecordError, ValueError) as error:
            self.comparison = None
            self.cf_error = _("The game could not be replayed without that action: {error}").format(error=error)
        if self.cf_result is not None and self.cf_result.alive():
            self.cf_result.set_text(esc(self.cf_error) if self.cf_error
                                    else texts.comparison_html(self.comparison, OBJECTIVE_NAMES))
            scroll_to(self.cf_result, 0.0)

    # ----- export -----------------------------------------------------------------------------------
    def export(self) -> Outcome:
        """Write the debrief (with the counterfactual shown, if any) as HTML and CSV next to the records."""
        session = self.ctx.session
        if self.debrief is None or session is None:
            return None
        html_path, csv_path = paths = export_paths(session, self.record)
        try:
            write_debrief(self.debrief, self.comparison, paths)
        except OSError as error:
            self.ctx.message = _("The debrief could not be written to {parent} ({value}).").format(
                                   parent=html_path.parent, value=error.strerror or error)
            return None
        self.exported = [html_path, csv_path]
        self.ctx.info = _("Debrief exported: {html_path} (open it in a web browser) and {csv_path}.").format(
                            html_path=html_path, csv_path=csv_path)
        if self.tab == "summary":
            self.rebuild()
        return None

    # ----- input ------------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> Outcome:
        key = event.key
        if self.debrief is not None and key in (pygame.K_LEFT, pygame.K_RIGHT):
            ids = [sid for sid, _, _ in SECTIONS]
            return self.set_tab(ids[(ids.index(self.tab) + (1 if key == pygame.K_RIGHT else -1)) % len(ids)])
        if self.tab == "whatif" and self.cf_list is not None and key in (pygame.K_UP, pygame.K_DOWN):
            self.choose(self.cf_index + (1 if key == pygame.K_DOWN else -1))
            return None
        said = self.reader.on_key(key) if self.tab == "timelines" else None
        if said is not None:
            self.ctx.speech.say(said)
            if self.reader.current is not None and self.reader.current.element is not None:
                self.reveal(self.reader.current.element)
                self.attention = self.reader.current.element
        elif key in SCROLL_KEYS:
            scroll_key(self.scroll_target, key, self.lay.line_h())
        return None

    def key_help(self) -> list[tuple[str, str]]:
        return chart_keys() if self.tab == "timelines" else []

    def draw_overlay(self, surface: pygame.Surface) -> None:
        super().draw_overlay(surface)
        if self.tab == "timelines" and self.scroll_target is not None:
            self.reader.draw(surface, self.lay, self.pal, self.scroll_target.get_abs_rect())

    def on_event(self, event: pygame.event.Event) -> Outcome:
        if event.type in (pygame_gui.UI_SELECTION_LIST_NEW_SELECTION, pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION) \
                and self.cf_list is not None and event.ui_element is self.cf_list:
            if event.text in self.cf_labels:
                index = self.cf_labels.index(event.text)
                if index != self.cf_index or self.comparison is None:
                    self.choose(index)
            if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
                return self.replay_without()
        return None

    def back(self) -> Outcome:
        return Pop() if self.below is not None else nav.end(self.ctx)
