"""What falls due: pending threats and their deadlines, promised lifts, counter-offers about to lapse.

The map and planning screens list these, and End month warns when one falls due this month and
the plan does nothing about it (a bluff about to be called, a promise about to be broken). A
threat's ``deadline`` is the month (absolute) at whose end it is judged: carried out by then, or
the bluff is called when that month is resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import AcceptCounter, CarryOut, Lift, month_label
from game.i18n import _
from game.ui.text import esc

if TYPE_CHECKING:
    from game.ui.session import Session


@dataclass(frozen=True)
class DueItem:
    """One thing that falls due: at the end of ``month`` (a turn number); ``now`` when that is this month."""

    country: str
    month: int
    text: str
    now: bool
    handled: bool = False  # this month's plan already deals with it


def _planned(session: Session, kind: type, country: str, lever: str | None = None) -> bool:
    return any(isinstance(a, kind) and a.country == country and (lever is None or getattr(a, "lever", None) == lever)
               for a in session.state.queue)


def due_items(session: Session) -> list[DueItem]:
    """Everything pending, soonest first."""
    state, rules = session.state, session.rules
    names = session.names()
    out: list[DueItem] = []
    for threat in state.threats:
        if threat.status != "pending":
            continue
        lever = names.get(threat.lever, threat.lever)
        who = names.get(threat.country, threat.country)
        when = _("this month") if threat.deadline == state.turn else _("{month_label} (month {deadline})").format(
                                                                      month_label=month_label(rules, threat.deadline), deadline=threat.deadline)
        how = "public" if threat.public else "private"
        text = (_("{who}: {how} threat of {lever}, deadline {when}. Carry it out by then, or the bluff is called "
                   "when that month ends.").format(who=who, how=how, lever=lever.lower(), when=when))
        out.append(DueItem(threat.country, threat.deadline, text, threat.deadline <= state.turn,
                           _planned(session, CarryOut, threat.country, threat.lever)))
    for promise in state.promises:
        if promise.kind != "lift" or promise.status != "open" or promise.deadline is None:
            continue
        lever = names.get(promise.lever, promise.lever)
        who = names.get(promise.country, promise.country)
        when = _("this month") if promise.deadline == state.turn else _("by {month_label}").format(
                                                                       month_label=month_label(rules, promise.deadline))
        out.append(DueItem(promise.country, promise.deadline,
                           _("{who}: you promised to lift {lever} {when}; otherwise the promise is broken.").format(
                               who=who, lever=lever.lower(), when=when),
                           promise.deadline <= state.turn, _planned(session, Lift, promise.country, promise.lever)))
    for cid in rules.order:
        counter = state.countries[cid].pending_counter
        if counter is not None and counter.turn == state.turn - 1:
            text = _("{country}: their counter-offer lapses at the end of this month unless you accept it (Planning).").format(
                country=names.get(cid, cid))
            out.append(DueItem(cid, state.turn, text, True, _planned(session, AcceptCounter, cid)))
    return sorted(out, key=lambda item: (item.month, rules.order.index(item.country) if item.country in rules.order else 0))


def due_html(session: Session) -> str:
    """What falls due (threat deadlines, promised lifts, counter-offers), soonest first; '' when nothing."""
    items = due_items(session)
    if not items:
        return ""
    rows = [(_("<b>This month:</b> ") if item.now else "") + esc(item.text)
            + (_(" <i>(planned)</i>") if item.handled else "") for item in items]
    return _("<b>Deadlines</b><br>") + "<br>".join(rows)


def end_month_warning(session: Session) -> str | None:
    """A sentence for End month when something falls due this month and the plan leaves it alone, else None."""
    open_now = [item for item in due_items(session) if item.now and not item.handled]
    if not open_now:
        return None
    lines = " ".join(item.text for item in open_now)
    return _("Falls due when this month ends: {lines} Choose End month again to go ahead.").format(lines=lines)
