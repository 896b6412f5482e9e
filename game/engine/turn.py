"""Ending a month: resolve the plan, let governments act, run the world, fire events, report."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from game.engine.behaviour import backslide, check_lift_promises, reconsider_threats
from game.engine.errors import Impossible
from game.engine.events import fire_events
from game.engine.ledger import keep_promise, open_promises, take_off
from game.engine.resolve import resolve
from game.engine.retaliation import monthly_retaliation
from game.engine.rules import Rules
from game.engine.state import GameState, News, Response, rules_of
from game.engine.world import run_world, snapshot
from game.i18n import _, current_language

US_METERS = ("credibility", "capital", "aid_budget_m", "domestic_cost", "regional_resistance", "protection")
COUNTRY_METERS = ("relations", "trust", "approval", "economy", "arrivals_k", "grievance")


@dataclass
class TurnReport:
    """What happened in one month, for the turn report screen and scripts.

    ``us`` and ``countries`` give each meter as (before, after); they are built on first use.
    """

    turn: int
    month: str
    responses: list[Response] = field(default_factory=list)
    news: list[News] = field(default_factory=list)
    over: bool = False
    us_meters: tuple[tuple[float, ...], tuple[float, ...]] = ((), ())
    country_meters: tuple[dict[str, tuple[float, ...]], dict[str, tuple[float, ...]]] = field(default_factory=lambda: ({}, {}))

    @property
    def us(self) -> dict[str, tuple[float, float]]:
        """The envoy's meters before and after the month."""
        before, after = self.us_meters
        return {m: (float(before[i]), float(after[i])) for i, m in enumerate(US_METERS)}

    @property
    def countries(self) -> dict[str, dict[str, tuple[float, float]]]:
        """Each government's meters before and after the month."""
        before, after = self.country_meters
        return {cid: {m: (before[cid][i], after[cid][i]) for i, m in enumerate(COUNTRY_METERS)} for cid in after}


def month_label(rules: Rules, turn: int) -> str:
    """'March 2025' (in Spanish 'marzo de 2025') for the given turn of the scenario."""
    return _month_label(rules.scenario.start, turn, current_language())


@lru_cache(maxsize=256)
def _month_label(start: str, turn: int, language: str) -> str:
    """The month in the language given (part of the cache key: a change of language is seen)."""
    from game.i18n.formats import month_year  # Babel: loaded when a month is first named

    year, month = (int(x) for x in start.split("-"))
    index = month - 1 + max(0, turn - 1)
    return month_year(year + index // 12, index % 12 + 1)


_read_us = attrgetter(*US_METERS)
_read_country = attrgetter(*COUNTRY_METERS)


def _us_meters(state: GameState) -> tuple[float, ...]:
    return _read_us(state.us)


def _country_meters(state: GameState) -> dict[str, tuple[float, ...]]:
    return {cid: _read_country(cs) for cid, cs in state.countries.items()}


def _charge_aid(rules: Rules, state: GameState) -> None:
    """Pay this month's aid; when the budget runs out, the costliest aid measures lapse."""
    us = state.us
    while us.aid_due_m > us.aid_budget_m + 1e-9:
        costly = [(rules.levers[m].aid_cost_m, cid, m) for cid in rules.order
                  for m in state.countries[cid].measures if m in rules.levers and rules.levers[m].aid_cost_m > 0]
        if not costly:
            break
        cost, cid, lid = max(costly)
        take_off(rules, state, cid, lid, why=_("lapsed when the aid budget ran out"))
        us.aid_due_m -= cost
    paid = min(us.aid_due_m, us.aid_budget_m)
    us.aid_budget_m -= paid
    us.aid_spent_m += paid


def _tick_measures(rules: Rules, state: GameState) -> None:
    """Measures with a duration run down by a month; those that end keep the promises behind them."""
    countries = state.countries
    for cid in rules.order:
        measures = countries[cid].measures
        if not measures:
            continue
        for lid, left in list(measures.items()):
            if left == 0:
                continue
            if left <= 1:
                measures.pop(lid)
                for promise in open_promises(state, cid, lid, "offer"):
                    keep_promise(state, promise)
            else:
                measures[lid] = left - 1


def end_turn(state: GameState) -> TurnReport:
    """Resolve the month and advance to the next; returns the turn report."""
    us_before = _us_meters(state)
    countries_before = _country_meters(state)
    first_response = len(state.responses)
    first_news = len(state.news)
    turn = state.turn
    advance(state)
    return TurnReport(
        turn=turn, month=month_label(rules_of(state), turn),
        responses=state.responses[first_response:], news=state.news[first_news:],
        over=state.is_over,
        us_meters=(us_before, _us_meters(state)),
        country_meters=(countries_before, _country_meters(state)),
    )


def advance(state: GameState) -> None:
    """``end_turn`` without the report, for games played without anyone reading one (autoplay)."""
    rules = rules_of(state)
    if state.is_over:
        raise Impossible(_("The game is over; there is no month left to end."))
    turn = state.turn
    plan = list(state.queue)
    answered: set[str] = set()
    for action in plan:
        resolve(rules, state, action)
        answered.add(action.country)
    reconsider_threats(rules, state, answered)
    check_lift_promises(rules, state)
    backslide(rules, state, answered)
    monthly_retaliation(rules, state, answered)
    run_world(rules, state)
    _charge_aid(rules, state)
    fire_events(rules, state)
    if state.us.retaliation_months > 0:
        state.us.retaliation_months -= 1
        if state.us.retaliation_months == 0:
            state.us.domestic_cost_extra = 0.0
    _tick_measures(rules, state)
    snapshot(rules, state, turn=turn)

    state.actions_log.append(plan)
    state.queue = []
    state.turn += 1
    state.us.capital = max(0, state.us.capital_per_turn + state.us.capital_bonus)
    state.us.capital_bonus = 0
    if state.is_over:
        for promise in state.promises:
            if promise.status == "open" and promise.kind == "offer":
                keep_promise(state, promise)
