"""The main screen: the region map coloured by a lens, the selected government, the news feed.

Keys: arrows or Tab cycle countries, Enter opens the dossier, D dossier, P planning, N notes,
E end the month, L or 1-3 change the lens, Esc opens the pause menu.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame
from pygame_gui.elements import UITextBox

from game.i18n import _, ngettext
from game.ui.layout import Column, Flow
from game.ui.lenses import LENS_HELP, LENS_NAMES, LENSES, lens_colours, lens_labels, lens_value, render_legend
from game.ui.mapview import MapView, load_asset
from game.ui.pending import due_html, due_items
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.scrolling import scroll_key
from game.ui.session import Session
from game.ui.text import ABOUT_WORDS, KIND_WORDS, esc, news_html
from game.ui.widgets import meter_bar, meter_bar_height

HOVER_DELAY = 0.3


def country_summary(session: Session, cid: str) -> str:
    """A short HTML summary of a government for the side panel."""
    rules = session.rules
    c = rules.countries[cid]
    cs = session.state.countries[cid]
    lines = [f"<b>{esc(c.name)}</b> · {esc(c.leader)}",
             _("Relations {relations:+.0f} · Trust {trust:.0f} · Approval {approval:.0f}").format(
                 relations=cs.relations, trust=cs.trust, approval=cs.approval)]
    if cs.commitments:
        lines.append(_("Commitments: ") + esc(", ".join(f"{rules.asks[a].name} ({lvl})" for a, lvl in cs.commitments.items())))
    else:
        lines.append(_("Commitments: none yet"))
    if cs.measures:
        lines.append(_("In force: ") + esc(", ".join(rules.levers[m].name for m in cs.measures if m in rules.levers)))
    if cs.pending_counter is not None and cs.pending_counter.turn == session.state.turn - 1:
        lines.append(_("<b>A counter-offer is on the table</b> (see Planning)."))
    queued = sum(1 for a in session.state.queue if a.country == cid)
    if queued:
        lines.append(ngettext("{n} action planned this month.", "{n} actions planned this month.", queued).format(n=queued))
    return "<br>".join(lines)


def feed_html(session: Session) -> str:
    """What falls due, last month's responses, then the news."""
    names = session.names()
    parts = [due_html(session)] if due_items(session) else []
    report = session.last_report
    if report is not None and report.responses:
        resp = "<br>".join(f"{esc(names.get(r.country, r.country))}: {esc(KIND_WORDS.get(r.kind, r.kind))}"
                           + (f" ({esc(ABOUT_WORDS.get(r.about, r.about))})" if r.about else "") for r in report.responses)
        parts.append(_("<b>Responses in {month}</b><br>{resp}").format(month=esc(report.month), resp=resp))
    parts.append(news_html(session.state.news, names))
    return "<br><br>".join(parts)


NEWS_MIN = 110  # logical units: below that a year of news is too long for its scroll bar to reach the end


class MapScene(Scene):
    """The region at a glance."""

    name = "map"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.view: MapView | None = None
        self.hover: str | None = None
        self.hover_time = 0.0
        self.tip: Any = None
        self.legend_rect = pygame.Rect(0, 0, 0, 0)
        self.summary: UITextBox | None = None
        self._colours: tuple[tuple, dict] | None = None
        self._legend: tuple[tuple, pygame.Surface] | None = None

    @property
    def session(self) -> Session:
        """The game in progress."""
        assert self.ctx.session is not None
        return self.ctx.session

    def build(self) -> None:
        lay, session = self.lay, self.session
        top = meter_bar(self)
        side_w = self._side_w()
        side = pygame.Rect(lay.w - side_w, top, side_w, lay.h - top)
        self.view = self._map_view(self._map_rect(top))
        self.targets["map"] = self.view.rect
        self.ui.panel(side)
        pad = lay.px(10)
        col = Column(side.inflate(-2 * pad, -2 * pad), lay.px(8))
        flow = Flow(col.rest(), lay.row_h(), lay.px(6))
        for i, lens in enumerate(LENSES):
            text = LENS_NAMES[lens]
            self.ui.button(flow.place(lay.button_w(text, key=pygame.K_1 + i)), text, partial(self.set_lens, lens),
                        key=pygame.K_1 + i, tip=LENS_HELP[lens], object_id="#on" if lens == session.lens else None)
        col.y = flow.bottom + lay.px(8)
        self.legend_rect = col.take(lay.line_h(13) * 2 + lay.px(14))
        self.targets["legend"] = self.legend_rect
        row = lay.row_h()
        self.ui.checkbox(col.take(row, row), _("Values on the map"), self.show_values(), self.set_values,
                         tip=_("Print each country's value for the map colouring beside its name."), key=pygame.K_v)
        probe = Flow(pygame.Rect(0, 0, col.area.w, 0), row, lay.px(6))  # the rows of buttons below, dry run
        for i, text in enumerate((_("Dossier"), _("Planning"), _("Notes"), _("End month"), _("Menu"))):
            if i == 3:
                probe.newline()
            probe.place(lay.button_w(text, key=(pygame.K_d, pygame.K_p, pygame.K_n, pygame.K_e, None)[i]))
        room = col.left - probe.bottom - 2 * lay.px(8) - lay.px(NEWS_MIN)  # the news keeps room to be read
        self.summary = self.ui.textbox(col.take(max(lay.line_h() * 2 + lay.px(16), min(lay.line_h() * 5 + lay.px(16), room))),
                                       country_summary(session, session.selected), panel="side")
        flow = Flow(col.rest(), lay.row_h(), lay.px(6))
        for text, action, key, tip, target in (
            (_("Dossier"), self.dossier, pygame.K_d, _("What is known about the selected government. Enter also opens it."), "dossier"),
            (_("Planning"), self.planning, pygame.K_p, _("Plan this month's actions."), "planning"),
            (_("Notes"), self.notes, pygame.K_n, _("Your guesses of each government's priorities."), "notes"),
        ):
            btn = self.ui.button(flow.place(lay.button_w(text, key=key)), text, action, key=key, tip=tip)
            self.targets[target] = btn.rect
        flow.newline()
        queued = len(session.state.queue)
        end = self.ui.button(flow.place(lay.button_w(_("End month"), key=pygame.K_e)), _("End month"), self.end_month, key=pygame.K_e,
                          object_id="#primary", tip=ngettext("Resolve the month ({n} action planned).",
                                                       "Resolve the month ({n} actions planned).", queued).format(n=queued))
        self.targets["end_turn"] = end.rect
        self.ui.button(flow.place(lay.button_w(_("Menu"))), _("Menu"), self.back, tip=_("Save, load, settings, quit. (key: Esc)"))
        col.y = flow.bottom + lay.px(8)
        news = self.news = self.ui.textbox(col.rest(lay.px(NEWS_MIN)), feed_html(session), panel="side")
        self.targets["report"] = news.rect

    def _side_w(self) -> int:
        lay = self.lay
        return min(max(lay.px(330), lay.w // 4), lay.w * 2 // 5)

    def _map_rect(self, top: int) -> pygame.Rect:
        lay = self.lay
        return pygame.Rect(0, top, lay.w - self._side_w(), lay.h - top).inflate(-lay.px(16), -lay.px(16))

    def ensure_view(self) -> MapView:
        """The map view, made without widgets when the scene is only drawn behind another."""
        if self.view is None or self.view.lay.size != self.lay.size:
            self.view = self._map_view(self._map_rect(meter_bar_height(self, self.lay.w)))
        return self.view

    def _map_view(self, rect: pygame.Rect) -> MapView:
        session = self.session
        content = session.content
        key = (tuple(rect), self.lay.scale, self.pal.name, session.order)
        cached = self.ctx.extra.get("mapview")
        if cached is not None and cached[0] == key:
            return cached[1]
        in_play = {cid: session.country_name(cid) for cid in session.order}
        label_at = {cid: (content.countries[cid].map.label_lon, content.countries[cid].map.label_lat)
                    for cid in session.order if cid in content.countries}
        outlines = {cid: content.countries[cid].map.outline or cid for cid in session.order if cid in content.countries}
        view = MapView(load_asset(), rect, self.lay, self.pal, in_play, label_at, outlines)
        self.ctx.extra["mapview"] = (key, view)
        return view

    def exit(self) -> None:
        self._kill_tip()
        super().exit()

    def content_changed(self) -> None:
        self.view = None
        self._colours = None
        self._legend = None

    # ----- actions --------------------------------------------------------------------------------
    def show_values(self) -> bool:
        """Whether the map labels show each country's value for the lens."""
        return bool(self.ctx.extra.get("map_values", False))

    def set_values(self, on: bool) -> Outcome:
        """Show or hide the values on the map labels."""
        self.ctx.extra["map_values"] = on
        self.ctx.speech.say(_("Values on the map.") if on else _("Names only on the map."))
        return None

    def set_lens(self, lens: str) -> Outcome:
        """Colour the map by another lens."""
        self.session.lens = lens
        self.rebuild()
        return None

    def select(self, cid: str) -> None:
        """Select a government."""
        if cid != self.session.selected:
            self.session.selected = cid
            self.ctx.speech.say(country_summary(self.session, cid))
            self.attention = self.view.label_rects.get(cid) if self.view is not None else None
            if self.summary is not None and self.summary.alive():
                self.summary.set_text(country_summary(self.session, cid))
            else:
                self.rebuild()

    def cycle(self, step: int) -> None:
        """Select the next or previous government in scenario order."""
        order = self.session.order
        i = order.index(self.session.selected) if self.session.selected in order else 0
        self.select(order[(i + step) % len(order)])

    def dossier(self) -> Outcome:
        """Open the dossier of the selected government."""
        return nav.dossier(self.ctx)

    def planning(self) -> Outcome:
        """Open the planning screen."""
        return nav.planning(self.ctx)

    def notes(self) -> Outcome:
        """Open the notes."""
        return nav.notes(self.ctx)

    def end_month(self) -> Outcome:
        """Resolve the month and show the report."""
        return nav.end_month(self.ctx)

    def back(self) -> Outcome:
        return nav.pause(self.ctx)

    # ----- input ----------------------------------------------------------------------------------
    def tab_moves_focus(self) -> bool:
        return False

    def key_help(self) -> list[tuple[str, str]]:
        return [(_("Tab, Shift+Tab, ") + _("arrow keys"), _("select the next or previous country")),
                (_("Enter"), _("open the selected country's dossier")),
                ("L", _("next map colouring")),
                (_("Page Up, Page Down, Home, End"), _("scroll the news of the month")),
                (_("Shift+Page Up, Shift+Page Down, Shift+Home, Shift+End"), _("scroll the selected country's summary"))]

    def reaches(self, element: Any) -> bool:
        return element is self.news or element is self.summary

    def on_key(self, event: pygame.event.Event) -> Outcome:
        key = event.key
        if key in (pygame.K_LEFT, pygame.K_UP) or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT):
            self.cycle(-1)
        elif key in (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_TAB):
            self.cycle(1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.dossier()
        elif key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END):  # Shift: the country's summary
            scroll_key(self.summary if event.mod & pygame.KMOD_SHIFT else self.news, key, self.lay.line_h())
        elif key == pygame.K_l:
            i = LENSES.index(self.session.lens) if self.session.lens in LENSES else 0
            return self.set_lens(LENSES[(i + 1) % len(LENSES)])
        return None

    def on_event(self, event: pygame.event.Event) -> Outcome:
        if self.view is None:
            return None
        if event.type == pygame.MOUSEMOTION:
            cid = self.view.country_at(event.pos)
            if cid != self.hover:
                self.hover = cid
                self.hover_time = 0.0
                self._kill_tip()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            cid = self.view.country_at(event.pos)
            if cid in self.session.state.countries:
                self.select(cid)
        return None

    def update(self, dt: float) -> None:
        if self.hover and self.tip is None and self.view is not None:
            self.hover_time += dt
            if self.hover_time >= HOVER_DELAY:
                self.tip = self.ctx.manager.create_tool_tip(
                    # pygame_gui annotates parent_element without Optional; the UITooltip it builds takes None
                    self._hover_text(self.hover), pygame.mouse.get_pos(), (0, self.lay.px(18)), None, None)  # type: ignore[arg-type]

    def _hover_text(self, cid: str) -> str:
        session = self.session
        if cid not in session.state.countries:
            name = self.view.asset.names.get(cid, cid) if self.view else cid
            return _("{name}: not part of this scenario.").format(name=esc(name))
        _colour, value = lens_value(session, cid, session.lens)
        return (_("<b>{country_name}</b><br>{lens}: {value}<br>Click to select, then D for the dossier.").format(
                    country_name=esc(session.country_name(cid)), lens=esc(LENS_NAMES[session.lens]), value=esc(value)))

    def _kill_tip(self) -> None:
        if self.tip is not None:
            self.tip.kill()
            self.tip = None

    # ----- drawing ----------------------------------------------------------------------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        super().draw_background(surface)
        session = self.session
        values = lens_labels(session, session.lens) if self.show_values() else None
        self.ensure_view().draw(surface, self.colours(), self.hover, session.selected, values)

    def colours(self) -> dict:
        """Lens colours per country, cached until the month, lens or palette changes."""
        session = self.session
        key = (session.state.turn, session.lens, self.pal.name)
        if self._colours is None or self._colours[0] != key:
            self._colours = (key, lens_colours(session, session.lens, self.pal))
        return self._colours[1]

    def draw_overlay(self, surface: pygame.Surface) -> None:
        self._draw_legend(surface)
        super().draw_overlay(surface)

    def _draw_legend(self, surface: pygame.Surface) -> None:
        rect = self.legend_rect
        if rect.w <= 0:
            return
        key = (tuple(rect), self.session.lens, self.session.state.turn, self.pal.name, self.lay.scale)
        if self._legend is None or self._legend[0] != key:
            self._legend = (key, render_legend(self.session, self.session.lens, self.pal, self.lay, rect.size))
        surface.blit(self._legend[1], rect)
