"""The three columns of the planning screen: measures and moves, the proposal builder, the plan.

Each function fills a scrolling container of the scene and returns the content height. Buttons
for actions the engine would refuse are disabled with the engine's reason as their tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIScrollingContainer

from game.engine import (
    AcceptCounter,
    Action,
    CarryOut,
    Engage,
    Investigate,
    Lift,
    action_cost,
    aid_outlook,
    describe,
)
from game.i18n import N_, _
from game.i18n.formats import counted
from game.ui.layout import Flow, elide, wrap
from game.ui.pending import due_items
from game.ui.text import esc

if TYPE_CHECKING:
    from game.ui.scene import Outcome
    from game.ui.scenes.planning import PlanningScene

KIND_TITLES = (("stick", N_("Coercive measures")), ("carrot", N_("Incentives")), ("diplomacy", N_("Diplomacy")),
               ("intelligence", N_("Intelligence")))


def _set_level(scene: PlanningScene, aid: str, value: str) -> Outcome:
    """The drop-down of an ask's level chose ``value`` (its option id)."""
    return scene.set_ask(aid, int(value))


def lever_tip(scene: PlanningScene, lid: str) -> str:
    """A lever's explanation and costs, for its tooltip."""
    session = scene.session
    lever = session.content.levers[lid]
    rule = session.rules.levers[lid]
    costs = [_("{capital_cost} political capital").format(capital_cost=rule.capital_cost)]
    if rule.aid_cost_m:
        costs.append(_("${aid_cost_m:.0f}M of aid each month in force").format(aid_cost_m=rule.aid_cost_m))
    if rule.duration:
        costs.append(_("lasts {duration} months").format(duration=rule.duration))
    if rule.domestic_cost:
        costs.append(_("domestic cost {domestic_cost:g} a month").format(domestic_cost=rule.domestic_cost))
    how = []
    if rule.threat_public or rule.threat_private:
        how.append(_("can be threatened in the proposal builder"))
    if rule.offerable:
        how.append(_("can be offered in a proposal"))
    text = _("{summary}\nCost: {join}.").format(summary=lever.summary, join=', '.join(costs))
    if how:
        text += _("\nAlso {join}.").format(join=_(' and ').join(how))
    if rule.requires and rule.requires in session.rules.levers:
        eased = session.rules.levers[rule.requires].name.lower()
        text += (_("\nOnly while {eased} is in force: it eases them as a reward, costs political capital and is a "
                    "US promise to keep. (Lift, by contrast, simply ends {eased}, for free, with nothing asked.)").format(eased=eased))
    return esc(text)


def lift_tip(scene: PlanningScene, lid: str) -> str:
    """What the Lift button does (it is not an undo)."""
    name = scene.session.rules.levers[lid].name.lower()
    return esc(_("End the {name} now, at no cost. This is not an undo: the government sees the measure end (to "
                  "take back something planned this month, use Undo in the plan).").format(name=name))


def pending_threat(scene: PlanningScene, cid: str, lid: str) -> bool:
    """True when a threat of this measure against this government is pending."""
    return any(t.status == "pending" and t.country == cid and t.lever == lid for t in scene.session.state.threats)


def wrapped(scene: PlanningScene, box: UIScrollingContainer, x: int, y: int, width: int, text: str,
            size: int = 13, object_id: str = "#small") -> int:
    """Labels for text wrapped to a width; returns the y below them."""
    lay = scene.lay
    fnt = lay.font(size)
    for line in wrap(text, fnt, width - lay.px(4)):  # a little slack: a wrapped line never fills its box
        scene.label(pygame.Rect(x, y, width, lay.line_h(size)), line, object_id=object_id, container=box)
        y += lay.line_h(size)
    return y


def heading(scene: PlanningScene, box: UIScrollingContainer, y: int, width: int, text: str) -> int:
    """A bold heading line inside a column."""
    lay = scene.lay
    for line in wrap(text, lay.font(19, bold=True), width - lay.px(6)):  # a narrow column: on two lines
        scene.ui.label(pygame.Rect(0, y, width, lay.line_h(19)), line, object_id="#heading", container=box)
        y += lay.line_h(19)
    return y + lay.px(2)


def measures_column(scene: PlanningScene, box: UIScrollingContainer, width: int) -> int:
    """Put in force / lift, diplomacy and intelligence for the selected government."""
    lay, session = scene.lay, scene.session
    rules, cid = session.rules, session.selected
    cs = session.state.countries[cid]
    y = heading(scene, box, 0, width, _("Measures and moves"))
    row = lay.row_h()
    for kind, title_id in KIND_TITLES:
        title = _(title_id)
        lids = [lid for lid in rules.lever_order if rules.levers[lid].kind == kind]
        if not lids:
            continue
        scene.ui.label(pygame.Rect(0, y, width, lay.line_h(14)), title, object_id="#muted", container=box)
        y += lay.line_h(14)
        for lid in lids:
            lever = rules.levers[lid]
            buttons: list[tuple[str, Action]] = []
            if kind in ("stick", "carrot"):
                queued_on = any(isinstance(a, CarryOut) and a.country == cid and a.lever == lid for a in session.state.queue)
                if lid in cs.measures or queued_on:
                    buttons.append((_("Lift"), Lift(cid, lid)))
                elif kind == "stick" and pending_threat(scene, cid, lid):
                    buttons.append((_("Carry out threat"), CarryOut(cid, lid)))
                else:
                    buttons.append((_("Impose") if kind == "stick" else _("Grant"), CarryOut(cid, lid)))
            elif kind == "diplomacy":
                buttons.append((_("Do"), Engage(cid, lid)))
            else:
                buttons.append((_("Investigate"), Investigate(cid, lid)))
            btn_ws = [lay.button_w(_("{text} · free").format(text=text) if isinstance(act, Lift) else f"{text} · {lever.capital_cost}")
                      for text, act in buttons]
            label_w = width - sum(btn_ws) - lay.px(6) * len(buttons)
            name = lever.name + (_(" (in force)") if lid in cs.measures else "")
            if lay.text_w(name) > label_w:
                name = lever.name
            shown = elide(name, lay.font(), label_w - lay.px(8))  # the tooltip names it in full
            tip = lever_tip(scene, lid) if shown == name else esc(name) + "<br>" + lever_tip(scene, lid)
            scene.ui.label(pygame.Rect(0, y, label_w, row), shown, container=box, tip=tip)
            x = label_w + lay.px(6)
            for (text, action), bw in zip(buttons, btn_ws):
                cost = action_cost(rules, session.state, action) if not isinstance(action, Lift) else 0
                label = f"{text} · {cost}" if cost else _("{text} · free").format(text=text)
                tip = lift_tip(scene, lid) if isinstance(action, Lift) else lever_tip(scene, lid)
                if text == _("Carry out threat"):
                    tip = esc(_("Carry out the threat you made: the measure goes into force and your word holds. ")) + tip
                scene.button(pygame.Rect(x, y, bw, row), label, partial(scene.queue, action),
                             tip=tip, refusal=session.refusal(action), container=box)
                x += bw + lay.px(6)
            y += row + lay.px(4)
        y += lay.px(6)
    return y


def proposal_column(scene: PlanningScene, box: UIScrollingContainer, width: int) -> int:
    """Asks with levels, offers, an optional threat, then send."""
    lay, session = scene.lay, scene.session
    rules, cid = session.rules, session.selected
    draft = session.draft(cid)
    y = heading(scene, box, 0, width, _("Proposal"))
    row = lay.row_h()
    scene.targets_local["proposal"] = pygame.Rect(0, 0, width, 0)
    y = counter_offer(scene, box, y, width)
    commitments = session.state.countries[cid].commitments
    drop_w = lay.button_w(_("In force: {now}").format(now=5)) + lay.px(30)
    for aid in rules.ask_order:
        ask = rules.asks[aid]
        if not ask.applies(cid):
            continue
        level = draft.asks.get(aid, 0)
        now = commitments.get(aid, 0)
        summary = session.content.asks[aid].summary
        shown = elide(ask.name, lay.font(), width - drop_w - lay.px(14))  # the tooltip names it in full
        scene.label(pygame.Rect(0, y, width - drop_w - lay.px(6), row), shown, container=box,
                    tip=esc(summary) if shown == ask.name else esc(ask.name + ". " + summary))
        options = [(_("In force: {now}").format(now=now) if now else _("Not asked"), "0")]
        options += [(_("Level {i}").format(i=i), str(i)) for i in range(1, len(ask.levels) + 1)]
        levels = "; ".join(f"{i}: {lbl}" for i, lbl in enumerate(ask.labels, start=1))
        scene.ui.dropdown(pygame.Rect(width - drop_w, y, drop_w, row), options, str(level),
                       partial(_set_level, scene, aid), tip=_("{name}. Levels: {levels}.").format(name=ask.name, levels=levels),
                       container=box)
        y += row + lay.px(2)
        if level:
            y = wrapped(scene, box, lay.px(12), y, width - lay.px(12), ask.labels[level - 1])
        elif now:
            more = (_(" Asking level {value} means: {labels}.").format(value=now + 1, labels=ask.labels[now]) if now < len(ask.labels) else
                    _(" That is the highest level."))
            y = wrapped(scene, box, lay.px(12), y, width - lay.px(12),
                        _("In force: level {now}, {labels}.{more}").format(now=now, labels=ask.labels[now - 1], more=more))
        y += lay.px(4)
    y += lay.px(4)
    scene.ui.label(pygame.Rect(0, y, width, lay.line_h(14)), _("Offers (promises you must keep)"), object_id="#muted", container=box)
    y += lay.line_h(14)
    flow = Flow(pygame.Rect(0, y, width, 0), row, lay.px(8))
    for lid in rules.lever_order:
        lever = rules.levers[lid]
        if not lever.offerable:
            continue
        text = f"{lever.name} · {lever.capital_cost}"
        rect = flow.place(row + lay.px(8) + lay.text_w(text))
        scene.ui.checkbox(pygame.Rect(rect.x, rect.y, row, row), text, lid in draft.offers,
                       partial(scene.toggle_offer, lid), tip=lever_tip(scene, lid), container=box)
    y = flow.bottom + lay.px(8)
    threat_top = y
    scene.ui.label(pygame.Rect(0, y, width, lay.line_h(14)), _("Backed by a threat (optional)"), object_id="#muted", container=box)
    y += lay.line_h(14)
    sticks = [lid for lid in rules.lever_order if rules.levers[lid].threat_public or rules.levers[lid].threat_private]
    flow = Flow(pygame.Rect(0, y, width, 0), row, lay.px(8))
    names = [rules.levers[lid].name for lid in sticks]
    threat_w = max(lay.text_w(n) for n in names + [_("No threat")]) + lay.px(50)
    scene.ui.dropdown(flow.place(threat_w), [(_("No threat"), "")] + list(zip(names, sticks)), draft.threat,
                   scene.set_threat, tip=_("The measure you threaten if the demand is not met by the deadline."),
                   container=box)
    public_rect = flow.place(row + lay.px(8) + lay.text_w(_("Public")))
    scene.ui.checkbox(pygame.Rect(public_rect.x, public_rect.y, row, row), _("Public"), draft.public, scene.set_public,
                   tip=_("Public threats put more pressure on a government but cost it face, and the whole "
                       "region sees them. Private threats are quieter."), container=box)
    dl_w = lay.button_w(counted(6, "{n} month", "{n} months")) + lay.px(30)
    scene.ui.dropdown(flow.place(dl_w), [(counted(m, "{n} month", "{n} months"), str(m)) for m in range(1, 7)],
                   str(draft.deadline), lambda v: scene.set_deadline(int(v)),
                   tip=_("Months the government has to comply before you must carry out the threat or lose credibility."),
                   container=box)
    y = flow.bottom + lay.px(8)
    scene.targets_local["threat"] = pygame.Rect(0, threat_top, width, y - threat_top)
    y = proposal_status(scene, box, y, width)
    scene.targets_local["proposal"].h = y
    return y


def proposal_status(scene: PlanningScene, box: UIScrollingContainer, y: int, width: int) -> int:
    """What sending the draft would cost, or why it cannot be sent; and the send buttons."""
    lay, session = scene.lay, scene.session
    cid, draft = session.selected, session.draft(session.selected)
    proposal = draft.proposal(cid)
    refusal = session.refusal(proposal)
    if refusal is None:
        cost = action_cost(session.rules, session.state, proposal)
        text = _("Ready: {describe}. Cost {cost} political capital.").format(describe=describe(proposal, session.names()), cost=cost)
    else:
        text = _("Not ready: {refusal}").format(refusal=refusal)
    y = wrapped(scene, box, 0, y, width, text, size=14, object_id="#refusal" if refusal else "#small")
    flow = Flow(pygame.Rect(0, y + lay.px(4), width, 0), lay.row_h(), lay.px(8))
    scene.ui.button(flow.place(lay.button_w(_("Send proposal"), key=pygame.K_s)), _("Send proposal"), lambda: scene.queue(proposal, clear=True),
                 key=pygame.K_s, refusal=refusal, container=box, object_id="#primary",
                 tip=_("Queue the proposal for this month."))
    ultimatum = draft.ultimatum(cid)
    why = _("Choose a measure to threaten first.") if ultimatum is None else session.refusal(ultimatum)
    scene.ui.button(flow.place(lay.button_w(_("Threat only"), key=pygame.K_t)), _("Threat only"),
                 lambda: scene.queue(ultimatum, clear=True) if ultimatum else None, key=pygame.K_t, refusal=why,
                 container=box, tip=_("Demand the asks under threat, with nothing offered."))
    return flow.bottom + lay.px(10)


def counter_offer(scene: PlanningScene, box: UIScrollingContainer, y: int, width: int) -> int:
    """The government's counter-offer, if one is on the table, with the button to accept it."""
    lay, session = scene.lay, scene.session
    cid = session.selected
    counter = session.state.countries[cid].pending_counter
    if counter is None or counter.turn != session.state.turn - 1:
        return y
    names = session.names()
    asks = ", ".join(_("{ask} level {level}").format(ask=names.get(a, a), level=lvl) for a, lvl in counter.asks.items()) or _("nothing")
    offers = ", ".join(names.get(o, o) for o in counter.offers) or _("nothing")
    text = _("Counter-offer on the table: {asks}, in return for {offers}.").format(asks=asks, offers=offers)
    y = wrapped(scene, box, 0, y, width, text, size=14)
    action = AcceptCounter(cid)
    scene.ui.button(pygame.Rect(0, y + lay.px(4), lay.button_w(_("Accept counter-offer")), lay.row_h()),
                 _("Accept counter-offer"), lambda: scene.queue(action), refusal=session.refusal(action), container=box,
                 tip=_("Take the bundle the government proposed last month."))
    return y + lay.row_h() + lay.px(12)


def plan_column(scene: PlanningScene, box: UIScrollingContainer, width: int,
                undo: Callable[[int], Outcome]) -> int:
    """This month's queued actions with undo buttons."""
    lay, session = scene.lay, scene.session
    us = session.state.us
    y = heading(scene, box, 0, width, _("This month's plan"))
    outlook = aid_outlook(session.state)
    left = _("Left: {capital} of {capital_per_turn} political capital, ${aid_budget_m:.0f}M of aid "
             "(${committed_m:.0f}M of it already promised until the end, with this plan).").format(
        capital=us.capital, capital_per_turn=us.capital_per_turn, aid_budget_m=us.aid_budget_m, committed_m=outlook.committed_m)
    y = wrapped(scene, box, 0, y, width, left, size=14, object_id="#muted")
    y += lay.px(6)
    for item in due_items(session):
        text = (_("This month: ") if item.now else "") + item.text + (_(" (planned)") if item.handled else "")
        urgent = item.now and not item.handled
        y = wrapped(scene, box, 0, y, width, text, size=14 if urgent else 13, object_id="#refusal" if urgent else "#small")
        y += lay.px(4)
    queue = session.state.queue
    if not queue:
        y = wrapped(scene, box, 0, y, width, _("Nothing planned yet. Queue measures on the left or send a proposal."),
                    size=14, object_id="#muted")
    names = session.names()
    undo_w = lay.button_w(_("Undo"))
    for i, action in enumerate(queue):
        cost = action_cost(session.rules, session.state, action)
        text = f"{i + 1}. {describe(action, names)} ({cost})"
        if isinstance(action, CarryOut) and pending_threat(scene, action.country, action.lever):
            text += _(" — carries out your threat")
        text_w = width - undo_w - lay.px(10)
        lines = wrap(text, lay.font(13), text_w)
        below = any(lay.text_w(line, 13) > text_w for line in lines)  # a word too long beside Undo: Undo goes under
        if below:
            text_w = width - lay.px(4)
            lines = wrap(text, lay.font(13), text_w)
        top = y
        for line in lines:
            scene.ui.label(pygame.Rect(0, y, text_w + lay.px(2), lay.line_h(13)), line, object_id="#small",
                        container=box)
            y += lay.line_h(13)
        top = y if below else top
        scene.ui.button(pygame.Rect(width - undo_w, top, undo_w, lay.row_h()), _("Undo"), partial(undo, i),
                     tip=_("Take this action back and get its political capital back."), container=box)
        y = max(y, top + lay.row_h()) + lay.px(8)
    return y
