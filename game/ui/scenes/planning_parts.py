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
from game.ui.layout import Flow, wrap
from game.ui.pending import due_items
from game.ui.text import esc

if TYPE_CHECKING:
    from game.ui.scene import Outcome
    from game.ui.scenes.planning import PlanningScene

KIND_TITLES = (("stick", "Coercive measures"), ("carrot", "Incentives"), ("diplomacy", "Diplomacy"),
               ("intelligence", "Intelligence"))


def _set_level(scene: PlanningScene, aid: str, value: str) -> Outcome:
    """The drop-down of an ask's level chose ``value`` (its option id)."""
    return scene.set_ask(aid, int(value))


def lever_tip(scene: PlanningScene, lid: str) -> str:
    """A lever's explanation and costs, for its tooltip."""
    session = scene.session
    lever = session.content.levers[lid]
    rule = session.rules.levers[lid]
    costs = [f"{rule.capital_cost} political capital"]
    if rule.aid_cost_m:
        costs.append(f"${rule.aid_cost_m:.0f}M of aid each month in force")
    if rule.duration:
        costs.append(f"lasts {rule.duration} months")
    if rule.domestic_cost:
        costs.append(f"domestic cost {rule.domestic_cost:g} a month")
    how = []
    if rule.threat_public or rule.threat_private:
        how.append("can be threatened in the proposal builder")
    if rule.offerable:
        how.append("can be offered in a proposal")
    text = f"{lever.summary}\nCost: {', '.join(costs)}."
    if how:
        text += f"\nAlso {' and '.join(how)}."
    if rule.requires and rule.requires in session.rules.levers:
        eased = session.rules.levers[rule.requires].name.lower()
        text += (f"\nOnly while {eased} is in force: it eases them as a reward, costs political capital and is "
                 f"a US promise to keep. (Lift, by contrast, simply ends {eased}, for free, with nothing asked.)")
    return esc(text)


def lift_tip(scene: PlanningScene, lid: str) -> str:
    """What the Lift button does (it is not an undo)."""
    name = scene.session.rules.levers[lid].name.lower()
    return esc(f"End the {name} now, at no cost. This is not an undo: the government sees the measure end "
               "(to take back something planned this month, use Undo in the plan).")


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
    scene.ui.label(pygame.Rect(0, y, width, lay.line_h(19)), text, object_id="#heading", container=box)
    return y + lay.line_h(19) + lay.px(2)


def measures_column(scene: PlanningScene, box: UIScrollingContainer, width: int) -> int:
    """Put in force / lift, diplomacy and intelligence for the selected government."""
    lay, session = scene.lay, scene.session
    rules, cid = session.rules, session.selected
    cs = session.state.countries[cid]
    y = heading(scene, box, 0, width, "Measures and moves")
    row = lay.row_h()
    for kind, title in KIND_TITLES:
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
                    buttons.append(("Lift", Lift(cid, lid)))
                elif kind == "stick" and pending_threat(scene, cid, lid):
                    buttons.append(("Carry out threat", CarryOut(cid, lid)))
                else:
                    buttons.append(("Impose" if kind == "stick" else "Grant", CarryOut(cid, lid)))
            elif kind == "diplomacy":
                buttons.append(("Do", Engage(cid, lid)))
            else:
                buttons.append(("Investigate", Investigate(cid, lid)))
            btn_ws = [lay.button_w(f"{text} · {lever.capital_cost if text != 'Lift' else 'free'}") for text, _ in buttons]
            label_w = width - sum(btn_ws) - lay.px(6) * len(buttons)
            name = lever.name + (" (in force)" if lid in cs.measures else "")
            if lay.text_w(name) > label_w:
                name = lever.name
            scene.ui.label(pygame.Rect(0, y, label_w, row), name, container=box, tip=lever_tip(scene, lid))
            x = label_w + lay.px(6)
            for (text, action), bw in zip(buttons, btn_ws):
                cost = action_cost(rules, session.state, action) if text != "Lift" else 0
                label = f"{text} · {cost}" if cost else f"{text} · free"
                tip = lift_tip(scene, lid) if text == "Lift" else lever_tip(scene, lid)
                if text == "Carry out threat":
                    tip = esc("Carry out the threat you made: the measure goes into force and your word holds. ") + tip
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
    y = heading(scene, box, 0, width, "Proposal")
    row = lay.row_h()
    scene.targets_local["proposal"] = pygame.Rect(0, 0, width, 0)
    y = counter_offer(scene, box, y, width)
    commitments = session.state.countries[cid].commitments
    drop_w = lay.button_w("In force: 5") + lay.px(30)
    for aid in rules.ask_order:
        ask = rules.asks[aid]
        if not ask.applies(cid):
            continue
        level = draft.asks.get(aid, 0)
        now = commitments.get(aid, 0)
        summary = session.content.asks[aid].summary
        scene.label(pygame.Rect(0, y, width - drop_w - lay.px(6), row), ask.name, container=box, tip=esc(summary))
        options = [(f"In force: {now}" if now else "Not asked", "0")]
        options += [(f"Level {i}", str(i)) for i in range(1, len(ask.levels) + 1)]
        levels = "; ".join(f"{i}: {lbl}" for i, lbl in enumerate(ask.labels, start=1))
        scene.ui.dropdown(pygame.Rect(width - drop_w, y, drop_w, row), options, str(level),
                       partial(_set_level, scene, aid), tip=f"{ask.name}. Levels: {levels}.", container=box)
        y += row + lay.px(2)
        if level:
            y = wrapped(scene, box, lay.px(12), y, width - lay.px(12), ask.labels[level - 1])
        elif now:
            more = (f" Asking level {now + 1} means: {ask.labels[now]}." if now < len(ask.labels) else
                    " That is the highest level.")
            y = wrapped(scene, box, lay.px(12), y, width - lay.px(12),
                        f"In force: level {now}, {ask.labels[now - 1]}.{more}")
        y += lay.px(4)
    y += lay.px(4)
    scene.ui.label(pygame.Rect(0, y, width, lay.line_h(14)), "Offers (promises you must keep)", object_id="#muted", container=box)
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
    scene.ui.label(pygame.Rect(0, y, width, lay.line_h(14)), "Backed by a threat (optional)", object_id="#muted", container=box)
    y += lay.line_h(14)
    sticks = [lid for lid in rules.lever_order if rules.levers[lid].threat_public or rules.levers[lid].threat_private]
    flow = Flow(pygame.Rect(0, y, width, 0), row, lay.px(8))
    names = [rules.levers[lid].name for lid in sticks]
    threat_w = max(lay.text_w(n) for n in names + ["No threat"]) + lay.px(50)
    scene.ui.dropdown(flow.place(threat_w), [("No threat", "")] + list(zip(names, sticks)), draft.threat,
                   scene.set_threat, tip="The measure you threaten if the demand is not met by the deadline.",
                   container=box)
    public_rect = flow.place(row + lay.px(8) + lay.text_w("Public"))
    scene.ui.checkbox(pygame.Rect(public_rect.x, public_rect.y, row, row), "Public", draft.public, scene.set_public,
                   tip="Public threats put more pressure on a government but cost it face, and the whole "
                       "region sees them. Private threats are quieter.", container=box)
    dl_w = lay.button_w("6 months") + lay.px(30)
    scene.ui.dropdown(flow.place(dl_w), [(f"{m} month{'s' if m > 1 else ''}", str(m)) for m in range(1, 7)],
                   str(draft.deadline), lambda v: scene.set_deadline(int(v)),
                   tip="Months the government has to comply before you must carry out the threat or lose credibility.",
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
        text = f"Ready: {describe(proposal, session.names())}. Cost {cost} political capital."
    else:
        text = f"Not ready: {refusal}"
    y = wrapped(scene, box, 0, y, width, text, size=14, object_id="#refusal" if refusal else "#small")
    flow = Flow(pygame.Rect(0, y + lay.px(4), width, 0), lay.row_h(), lay.px(8))
    scene.ui.button(flow.place(lay.button_w("Send proposal")), "Send proposal", lambda: scene.queue(proposal, clear=True),
                 key=pygame.K_s, refusal=refusal, container=box, object_id="#primary",
                 tip="Queue the proposal for this month.")
    ultimatum = draft.ultimatum(cid)
    why = "Choose a measure to threaten first." if ultimatum is None else session.refusal(ultimatum)
    scene.ui.button(flow.place(lay.button_w("Threat only")), "Threat only",
                 lambda: scene.queue(ultimatum, clear=True) if ultimatum else None, key=pygame.K_t, refusal=why,
                 container=box, tip="Demand the asks under threat, with nothing offered.")
    return flow.bottom + lay.px(10)


def counter_offer(scene: PlanningScene, box: UIScrollingContainer, y: int, width: int) -> int:
    """The government's counter-offer, if one is on the table, with the button to accept it."""
    lay, session = scene.lay, scene.session
    cid = session.selected
    counter = session.state.countries[cid].pending_counter
    if counter is None or counter.turn != session.state.turn - 1:
        return y
    names = session.names()
    asks = ", ".join(f"{names.get(a, a)} level {lvl}" for a, lvl in counter.asks.items()) or "nothing"
    offers = ", ".join(names.get(o, o) for o in counter.offers) or "nothing"
    y = wrapped(scene, box, 0, y, width, f"Counter-offer on the table: {asks}, in return for {offers}.", size=14)
    action = AcceptCounter(cid)
    scene.ui.button(pygame.Rect(0, y + lay.px(4), lay.button_w("Accept counter-offer"), lay.row_h()),
                 "Accept counter-offer", lambda: scene.queue(action), refusal=session.refusal(action), container=box,
                 tip="Take the bundle the government proposed last month.")
    return y + lay.row_h() + lay.px(12)


def plan_column(scene: PlanningScene, box: UIScrollingContainer, width: int,
                undo: Callable[[int], Outcome]) -> int:
    """This month's queued actions with undo buttons."""
    lay, session = scene.lay, scene.session
    us = session.state.us
    y = heading(scene, box, 0, width, "This month's plan")
    outlook = aid_outlook(session.state)
    y = wrapped(scene, box, 0, y, width, f"Left: {us.capital} of {us.capital_per_turn} political capital, "
                f"${us.aid_budget_m:.0f}M of aid (${outlook.committed_m:.0f}M of it already promised until the end, "
                f"with this plan).", size=14, object_id="#muted")
    y += lay.px(6)
    for item in due_items(session):
        text = ("This month: " if item.now else "") + item.text + (" (planned)" if item.handled else "")
        urgent = item.now and not item.handled
        y = wrapped(scene, box, 0, y, width, text, size=14 if urgent else 13, object_id="#refusal" if urgent else "#small")
        y += lay.px(4)
    queue = session.state.queue
    if not queue:
        y = wrapped(scene, box, 0, y, width, "Nothing planned yet. Queue measures on the left or send a proposal.",
                    size=14, object_id="#muted")
    names = session.names()
    undo_w = lay.button_w("Undo")
    for i, action in enumerate(queue):
        cost = action_cost(session.rules, session.state, action)
        text = f"{i + 1}. {describe(action, names)} ({cost})"
        if isinstance(action, CarryOut) and pending_threat(scene, action.country, action.lever):
            text += " — carries out your threat"
        lines = wrap(text, lay.font(13), width - undo_w - lay.px(10))
        top = y
        for line in lines:
            scene.ui.label(pygame.Rect(0, y, width - undo_w - lay.px(8), lay.line_h(13)), line, object_id="#small",
                        container=box)
            y += lay.line_h(13)
        scene.ui.button(pygame.Rect(width - undo_w, top, undo_w, lay.row_h()), "Undo", partial(undo, i),
                     tip="Take this action back and get its political capital back.", container=box)
        y = max(y, top + lay.row_h()) + lay.px(8)
    return y
