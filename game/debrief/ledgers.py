"""The debrief's ledgers: each threat and promise (kept or not), the agreements, and the human cost."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import GameState, month_label, rules_of
from game.engine.state import Promise
from game.i18n import N_, _

THREAT_STATUS = {
    "pending": (N_("still pending when the game ended"), None),
    "complied": (N_("the government complied before the deadline"), True),
    "complied_late": (N_("the government complied after the deadline"), True),
    "carried_out": (N_("carried out after the deadline passed"), True),
    "bluff_called": (N_("not carried out: the bluff was called"), False),
}
PROMISE_STATUS = {
    "open": (N_("still open when the game ended"), None),
    "kept": (N_("kept"), True),
    "broken": (N_("broken"), False),
}
DEAL_STATUS = {"in_force": N_("in force"), "eroded": N_("eroded"), "ended": N_("ended")}


@dataclass
class LedgerEntry:
    """A threat or a promise in the credibility ledger."""

    kind: str  # threat or promise
    id: int
    turn: int
    month: str
    country: str
    name: str
    lever: str
    detail: str
    status: str
    outcome: str
    kept: bool | None  # True = credibility earned, False = lost, None = still open
    closed_turn: int | None


@dataclass
class DealRow:
    """An agreement and what became of it."""

    id: int
    turn: int
    month: str
    country: str
    name: str
    asks: str
    offers: str
    under_threat: bool
    status: str


@dataclass
class HumanitarianRow:
    """What the year meant for the people of one country (or the total, country '')."""

    country: str
    name: str
    returned_k: float
    stranded_k: float
    arrivals_start_k: float
    arrivals_end_k: float


def _asks(names: dict[str, str], asks: dict[str, int]) -> str:
    return ", ".join(_("{ask} level {level}").format(ask=names.get(a, a), level=lvl) for a, lvl in asks.items()) or _("nothing")


def threat_entries(state: GameState, names: dict[str, str]) -> list[LedgerEntry]:
    """Every threat made, in order."""
    rules = rules_of(state)
    out = []
    for t in state.threats:
        text, kept = THREAT_STATUS.get(t.status, (t.status.replace("_", " "), None))
        text = _(text)
        how = _("public") if t.public else _("private")
        out.append(LedgerEntry(
            "threat", t.id, t.turn, month_label(rules, t.turn), t.country, names.get(t.country, t.country),
            names.get(t.lever, t.lever),
            _("{how} threat unless: {asks}; deadline {month_label}").format(
                how=how, asks=_asks(names, t.demand), month_label=month_label(rules, t.deadline)),
            t.status, text, kept, t.closed_turn))
    return out


def _broken_because(state: GameState, promise: Promise, names: dict[str, str]) -> str:
    """Why a promise broke, from the news of the month it broke ('' when no news says)."""
    title = _("US promise to {name} broken").format(name=names.get(promise.country, promise.country))
    for item in state.news:
        if item.turn == promise.closed_turn and item.country == promise.country and item.title == title:
            return item.text.split(". ")[0].rstrip(".")
    return ""


def promise_entries(state: GameState, names: dict[str, str]) -> list[LedgerEntry]:
    """Every promise the US made, in order."""
    rules = rules_of(state)
    out = []
    for p in state.promises:
        text, kept = PROMISE_STATUS.get(p.status, (p.status, None))
        text = _(text)
        if p.status == "broken":
            why = _broken_because(state, p, names)
            text = _("broken: {why}").format(why=why) if why else text
        if p.kind == "lift":
            detail = _("lift the measure") + (_(" by {month_label}").format(month_label=month_label(rules, p.deadline)) if p.deadline else "")
        else:
            detail = _("keep the offer in force (deal {deal})").format(deal=p.deal) if p.deal else _("keep the offer in force")
        out.append(LedgerEntry(
            "promise", p.id, p.turn, month_label(rules, p.turn), p.country, names.get(p.country, p.country),
            names.get(p.lever, p.lever), detail, p.status, text, kept, p.closed_turn))
    return out


def deal_rows(state: GameState, names: dict[str, str]) -> list[DealRow]:
    """Every agreement signed."""
    rules = rules_of(state)
    return [DealRow(d.id, d.turn, month_label(rules, d.turn), d.country, names.get(d.country, d.country),
                    _asks(names, d.asks), ", ".join(names.get(o, o) for o in d.offers) or _("nothing"),
                    d.threat is not None, _(DEAL_STATUS.get(d.status, d.status.replace("_", " "))))
            for d in state.deals]


def humanitarian_rows(state: GameState) -> list[HumanitarianRow]:
    """Per country: people returned, stranded in transit, border arrivals first and last month; then the total."""
    rules = rules_of(state)
    rows = []
    for cid in rules.order:
        cs = state.countries[cid]
        hist = cs.history
        rows.append(HumanitarianRow(cid, rules.countries[cid].name, round(cs.returned_k, 3), round(cs.stranded_k, 3),
                                    round(hist[0].arrivals_k, 3) if hist else 0.0,
                                    round(hist[-1].arrivals_k, 3) if hist else 0.0))
    rows.append(HumanitarianRow("", _("All countries"), round(sum(r.returned_k for r in rows), 3),
                                round(sum(r.stranded_k for r in rows), 3),
                                round(sum(r.arrivals_start_k for r in rows), 3),
                                round(sum(r.arrivals_end_k for r in rows), 3)))
    return rows


MARK_CODES = (("D", N_("deal signed")), ("T", N_("threat carried out")), ("B", N_("bluff called")),
              ("X", N_("promise broken")))


def event_list(deals: list[DealRow], threats: list[LedgerEntry], promises: list[LedgerEntry]) -> list[tuple[int, str, str]]:
    """The game's turning points as (month, code, government), in month order: deals signed, threats
    carried out, bluffs called and promises broken (codes in ``MARK_CODES``); timelines mark them."""
    marks = [(row.turn, "D", row.name) for row in deals]
    for entry in threats:
        if entry.closed_turn is not None and entry.status in ("carried_out", "bluff_called"):
            marks.append((entry.closed_turn, "T" if entry.status == "carried_out" else "B", entry.name))
    marks += [(e.closed_turn, "X", e.name) for e in promises if e.status == "broken" and e.closed_turn is not None]
    return sorted(set(marks))


def events_legend(events: list[tuple[int, str, str]]) -> str:
    """'Marks on the charts (letter and month): D3 deal signed, Honduras; ...', or '' when there are none."""
    if not events:
        return ""
    words = dict(MARK_CODES)
    items = "; ".join(_("{code}{month} {event}, {country}").format(code=code, month=month, event=_(words[code]),
                                                                   country=name) for month, code, name in events)
    return _("Marks on the charts (letter and month): {items}.").format(items=items)
