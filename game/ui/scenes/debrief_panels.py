"""The debrief's picture and interactive sections: the priorities cards, the timelines (with a
choice of government) and the counterfactual panel. Each function builds one section of the
:class:`~game.ui.scenes.debrief.DebriefScene` inside ``area`` and returns what should scroll."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIImage, UIScrollingContainer, UISelectionList

from game.i18n import _
from game.ui.debrief_charts import (
    card_height,
    event_marks,
    good_bad_words,
    marks_legend,
    per_country,
    priority_card,
    timeline_chart,
    timeline_height,
    timeline_series,
)
from game.ui.layout import Flow, wrap
from game.ui.scenes.debrief_text import comparison_html
from game.ui.text import OBJECTIVE_NAMES, esc

if TYPE_CHECKING:
    from game.ui.scenes.debrief import DebriefScene

LIST_INDENT = "  "  # list entries are left-aligned without padding in pygame_gui 0.6
TWO_COLUMNS_AT = 760  # logical units: below this the cards and charts are one per row


def _scroller(scene: DebriefScene, rect: pygame.Rect) -> UIScrollingContainer:
    box = UIScrollingContainer(rect, manager=scene.ctx.manager, container=scene.ui.root, allow_scroll_x=False)
    scene.ui.keep(box)
    scene.ui.scrollers[id(box.get_container())] = box
    return box


def _grid(scene: DebriefScene, box: UIScrollingContainer, width: int,
          items: list[tuple[int, Any]]) -> int:
    """Place (height, draw(size) -> Surface) pictures in one or two columns; returns the content height."""
    lay = scene.lay
    gap = lay.px(10)
    cols = 2 if width >= lay.px(TWO_COLUMNS_AT) else 1
    col_w = (width - gap * (cols - 1)) // cols
    y = 0
    for start in range(0, len(items), cols):
        row = items[start:start + cols]
        height = max(h for h, _draw in row)
        for i, (_height, draw) in enumerate(row):
            rect = pygame.Rect(i * (col_w + gap), y, col_w, height)
            scene.ui.keep(UIImage(rect, draw((col_w, height)), manager=scene.ctx.manager, container=box))
        y += height + gap
    return max(0, y - gap)


def priorities_section(scene: DebriefScene, area: pygame.Rect) -> Any:
    """Every government's true priorities beside the player's guesses, one card each."""
    lay, pal, d = scene.lay, scene.pal, scene.debrief
    good, bad = good_bad_words(pal)
    note = (_("Bars: each government's true priorities, 0 to 1 (bright: its top three, with ties). Beside "
               "them, your guesses by rank: {good} when among the top three, {bad} when not. A thin tick "
               "marks what intelligence estimated.").format(good=good, bad=bad))
    top = scene.wrapped_note(area, note)
    box = _scroller(scene, pygame.Rect(area.x, top, area.w, area.bottom - top))
    inner_w = area.w - lay.px(22)
    session = scene.ctx.session
    items = []
    for reading in d.readings:
        guess = session.notes.guess(reading.country) if session is not None else list(reading.guessed)
        ranks = {dim: rank for rank, dim in enumerate(guess) if dim}
        height = card_height(lay, len(reading.weights), bool(reading.note))
        items.append((height, lambda size, r=reading, k=ranks: priority_card(size, r, k, lay, pal)))
    box.set_scrollable_area_dimensions((inner_w, _grid(scene, box, inner_w, items)))
    scene.targets["priorities"] = box.rect
    return box


def timelines_section(scene: DebriefScene, area: pygame.Rect) -> Any:
    """The timelines as small line charts; a drop-down keeps one government's line in the per-country ones."""
    lay, pal, d = scene.lay, scene.pal, scene.debrief
    countries = {r.name for r in d.readings}
    row = pygame.Rect(area.x, area.y, area.w, lay.row_h())
    label = _("Governments shown")
    label_w = lay.text_w(label) + lay.px(16)
    scene.ui.label(pygame.Rect(row.x, row.y, label_w, row.h), label)
    options = [(_("All governments"), "")] + [(r.name, r.name) for r in d.readings]
    menu_w = max(lay.text_w(text) for text, _value in options) + lay.px(60)
    scene.ui.dropdown(pygame.Rect(row.x + label_w, row.y, min(menu_w, row.w - label_w), row.h), options,
                   scene.country, scene.set_country,
                   tip=_("Show every government's line in the per-government charts, or only one"))
    top = row.bottom + lay.px(8)
    marks = event_marks(d)
    legend = marks_legend(d)
    if legend:
        for line in wrap(legend, lay.font(13), area.w):
            scene.label(pygame.Rect(area.x, top, area.w, lay.line_h(13)), line, object_id="#small")
            top += lay.line_h(13)
        top += lay.px(4)
    box = _scroller(scene, pygame.Rect(area.x, top, area.w, area.bottom - top))
    inner_w = area.w - lay.px(22)
    gap = lay.px(10)
    col_w = (inner_w - gap) // 2 if inner_w >= lay.px(TWO_COLUMNS_AT) else inner_w
    items = []
    shown = []
    for timeline in d.timelines:
        lines = timeline_series(timeline, scene.country, countries, pal)
        if not lines:
            continue
        shown.append(timeline)
        height = timeline_height(col_w, lines, lay)
        items.append((height, lambda size, t=timeline, s=lines: timeline_chart(size, t, s, lay, pal, marks)))
    box.set_scrollable_area_dimensions((inner_w, _grid(scene, box, inner_w, items)))
    images = [e for e in scene.ui.elements if isinstance(e, UIImage) and e.ui_container is box.get_container()]
    scene.reader.clear()
    for timeline, image in zip(shown, images):
        scene.reader.add(timeline.title, [(name, values) for name, values, _ in
                                          timeline_series(timeline, scene.country, countries, pal)], image)
    scene.targets["timelines"] = box.rect
    scene.per_country = [t.id for t in d.timelines if per_country(t, countries)]
    return box


def _fit(text: str, scene: DebriefScene, width: int) -> str:
    fnt = scene.lay.font(15)
    if fnt.size(text)[0] <= width:
        return text
    while text and fnt.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def whatif_section(scene: DebriefScene, area: pygame.Rect) -> Any:
    """Choose one past action; the game is replayed without it and the differences are listed."""
    lay = scene.lay
    actions = scene.action_list()
    gap = lay.px(10)
    left = pygame.Rect(area.x, area.y, max(lay.px(300), int(area.w * 0.42)), area.h)
    right = pygame.Rect(left.right + gap, area.y, area.right - left.right - gap, area.h)
    top = scene.wrapped_note(left, _("Choose one of your actions (Up and Down), then replay the year without it "
                                   "(R, or double-click)."))
    buttons_h = lay.row_h() + lay.px(8)
    list_rect = pygame.Rect(left.x, top, left.w, max(lay.px(80), left.bottom - top - buttons_h))
    if actions:
        scene.cf_index = max(0, min(scene.cf_index, len(actions) - 1))
        labels = [LIST_INDENT + _fit(_("{value}. Month {turn}: {text}").format(value=i + 1, turn=turn, text=text), scene, list_rect.w - lay.px(44))
                  for i, (turn, _action, text) in enumerate(actions)]
        scene.cf_labels = labels
        items: list[str | tuple[str, str]] = list(labels)
        choice = UISelectionList(list_rect, items, manager=scene.ctx.manager, container=scene.ui.root,
                                 default_selection=labels[scene.cf_index])
        choice.set_tooltip(_("Up and Down choose; R or a double-click replays the year without it."))
        scene.ui.keep(choice)
        scene.cf_list = choice
        scene.show_choice()
    else:
        scene.cf_list = None
        scene.ui.textbox(list_rect, esc(_("No actions were taken, so there is nothing to take away.")))
    flow = Flow(pygame.Rect(left.x, list_rect.bottom + lay.px(8), left.w, 0), lay.row_h(), gap)
    scene.ui.button(flow.place(lay.button_w(_("Replay without it"), key=pygame.K_r)), _("Replay without it"), scene.replay_without,
                 key=pygame.K_r, object_id="#primary", refusal=None if actions else _("There is no action to take away."),
                 tip=_("Replay the whole year without the chosen action and compare."))
    scene.targets["whatif"] = list_rect
    if scene.cf_pending is not None:
        text = esc(_("Replaying the year without: month {cf_pending}, {actions}…").format(
                       cf_pending=scene.cf_pending[0], actions=actions[scene.cf_pending[2]][2]))
    elif scene.cf_error:
        text = esc(scene.cf_error)
    elif scene.comparison is not None:
        text = comparison_html(scene.comparison, OBJECTIVE_NAMES)
    elif actions:
        turn, _action, desc = actions[scene.cf_index]
        text = (_("<b>Chosen:</b> {value}<br><br>").format(value=esc(_("month {turn}, {desc}").format(
                                                                         turn=turn, desc=desc)))
                + esc(_("Replay the year without it to see what changes: the score and every objective, each "
                      "government's cooperation, commitments and relations, the credibility ledger and the "
                      "migration flows. Later actions that would no longer have been possible are listed.")))
    else:
        text = esc(_("This panel replays the year without one of your actions and shows what would have been "
                   "different. In this game no action was taken: every month passed without a plan."))
    result = scene.ui.textbox(right, text, panel="whatif")
    scene.targets["whatif_result"] = result.rect
    return result
