"""Pieces shared by the game screens: the envoy's meter bar and the scene header."""

from __future__ import annotations

import dataclasses

import pygame

from game.debrief.versus import versus_rows
from game.engine import scorecard
from game.i18n import _
from game.ui.layout import Flow
from game.ui.scene import Scene
from game.ui.session import Session
from game.ui.text import US_METERS, shown, signed


def meter_texts(session: Session) -> list[tuple[str, str]]:
    """(text, tooltip) for the month and each of the envoy's meters."""
    st = session.state
    us = st.us
    turn = min(st.turn, st.turns)
    out = [(_("{month} · month {turn} of {turns}").format(month=session.month(), turn=turn, turns=st.turns),
            _("Scenario: {title}. Mandate: {name}. Seed {seed}.").format(
                title=session.rules.scenario.title, name=session.rules.mandates[st.mandate].name, seed=st.seed))]
    report = session.last_report
    for key, (name_id, help_id, fmt_id) in US_METERS.items():
        name, help_text, fmt = _(name_id), _(help_id), _(fmt_id)
        value = getattr(us, key)
        text = f"{name} {shown(fmt, value)}"
        if key == "capital":
            text = _("{name} {capital} of {capital_per_turn}").format(
                       name=name, capital=us.capital, capital_per_turn=us.capital_per_turn)
        elif report is not None and key in report.us:
            before, after = report.us[key]
            if abs(after - before) >= 0.5:
                text += f" ({signed(after - before)})"
        out.append((text, help_text))
    if session.rules.scenario.running_score:
        out.append(running_score(session))
    return out


def running_score(session: Session) -> tuple[str, str]:
    """(text, tooltip) of the score so far against the same months with no actions."""
    card = dataclasses.asdict(scorecard(session.state))
    rows = versus_rows(card)
    heaviest = " · ".join(f"{r.name} {r.gain:+.0f}" for r in rows[:3])
    text = _("Score {card:+.0f} vs doing nothing ({heaviest})").format(card=card['total'], heaviest=heaviest)
    tip = (_("The score so far against the same months played with no actions, under the mandate {name}. ").format(
               name=session.rules.mandates[session.state.mandate].name)
           + " ".join(_("{name} (weight {weight:g}): {gain:+.0f}, {figures}.").format(
               name=r.name, weight=r.weight, gain=r.gain, figures=r.figures) for r in rows))
    return text, tip


def meter_bar_height(scene: Scene, width: int) -> int:
    """Height the meter bar needs at this width."""
    return _flow_meters(scene, pygame.Rect(0, 0, width, 0))[1]


def _flow_meters(scene: Scene, rect: pygame.Rect) -> tuple[list[tuple[pygame.Rect, str, str]], int]:
    lay = scene.lay
    session = scene.ctx.session
    assert session is not None
    pad = lay.px(6)
    flow = Flow(rect.inflate(-2 * pad, 0).move(0, pad), lay.line_h(14), lay.px(14))
    placed = []
    for text, tip in meter_texts(session):
        placed.append((flow.place(lay.text_w(text, 14) + lay.px(12)), text, tip))
    return placed, flow.bottom - rect.y + pad


def meter_bar(scene: Scene, top: int = 0) -> int:
    """Build the envoy's meters along the top of the window; returns the bar's bottom."""
    lay = scene.lay
    full = pygame.Rect(0, top, lay.w, 0)
    placed, height = _flow_meters(scene, full)
    full.h = height
    scene.ui.panel(full)
    for rect, text, tip in placed:
        scene.ui.label(rect, text, object_id="#meter", tip=tip)
    scene.targets["meters"] = full
    return full.bottom


def nav_row(scene: Scene, area: pygame.Rect, items: list[tuple[str, object, int | None, str]]) -> int:
    """A row (wrapping) of buttons: (text, action, key, tooltip). Returns the bottom."""
    lay = scene.lay
    flow = Flow(area, lay.row_h(), lay.px(8))
    for text, action, key, tip in items:
        scene.ui.button(flow.place(lay.button_w(text, key=key)), text, action, key=key, tip=tip)  # type: ignore[arg-type]
    return flow.bottom


def country_header(scene: Scene, top: int, title: str, extra: list[tuple[str, object, int | None, str]]) -> int:
    """Previous / next government buttons, the title, then extra buttons; returns the bottom.

    PageUp / PageDown switch the government on every screen that has this header.
    """
    lay = scene.lay
    session = scene.ctx.session
    assert session is not None
    margin = lay.px(10)
    area = pygame.Rect(margin, top + margin, lay.w - 2 * margin, 0)
    flow = Flow(area, lay.row_h(), lay.px(8))
    scene.ui.button(flow.place(lay.button_w(_("Previous"), key=pygame.K_PAGEUP)), _("Previous"), lambda: switch_country(scene, -1),
                 key=pygame.K_PAGEUP, tip=_("The previous government."))
    scene.ui.button(flow.place(lay.button_w(_("Next"), key=pygame.K_PAGEDOWN)), _("Next"), lambda: switch_country(scene, 1),
                 key=pygame.K_PAGEDOWN, tip=_("The next government."))
    scene.ui.label(flow.place(lay.text_w(title, 19, bold=True) + lay.px(16)), title, object_id="#heading")
    for text, action, key, tip in extra:
        scene.ui.button(flow.place(lay.button_w(text, key=key)), text, action, key=key, tip=tip)  # type: ignore[arg-type]
    return flow.bottom


def switch_country(scene: Scene, step: int) -> None:
    """Select the next or previous government and rebuild the screen."""
    session = scene.ctx.session
    assert session is not None
    order = session.order
    i = order.index(session.selected) if session.selected in order else 0
    session.selected = order[(i + step) % len(order)]
    scene.rebuild()
