"""Building records from games: one month's outcome, a new record, the months as they are played.

``outcome_of`` reads a state right after ``end_turn``; ``record_turn`` appends that month to a
record. ``record_from_state`` builds the whole record of a finished (or unfinished) game by
replaying its actions log, which is how ``replay``/``simulate`` and the UI's catch-up use it.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from typing import Any

import game
from game.engine import GameState, Impossible, apply, end_turn, month_label, new_game, rules_of, scorecard
from game.engine.state import News
from game.engine.world import cooperation
from game.i18n import _
from game.records.model import (
    DIGITS,
    CountryOutcome,
    Outcome,
    Record,
    ResponseOutcome,
    TurnEntry,
    USOutcome,
    notes_data,
)


def now_text() -> str:
    """The wall-clock time as ISO 8601 UTC (stored in records; outcomes never depend on it)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _r(value: float) -> float:
    return round(float(value), DIGITS)


def outcome_of(state: GameState, turn: int | None = None) -> Outcome:
    """What month ``turn`` (default: the month just resolved) produced, read from the state.

    Valid right after ``end_turn`` and before anything is queued for the next month.
    """
    rules = rules_of(state)
    turn = state.turn - 1 if turn is None else turn
    countries: dict[str, CountryOutcome] = {}
    for cid in rules.order:
        cs = state.countries[cid]
        countries[cid] = CountryOutcome(
            relations=_r(cs.relations), trust=_r(cs.trust), approval=_r(cs.approval),
            economy=_r(cs.economy), outflow_k=_r(cs.outflow_k), arrivals_k=_r(cs.arrivals_k),
            grievance=_r(cs.grievance), returned_k=_r(cs.returned_k), stranded_k=_r(cs.stranded_k),
            cooperation=_r(cooperation(rules, state, cid)), commitments=dict(cs.commitments),
            measures=dict(cs.measures), intel_effort=cs.intel.effort,
        )
    us = state.us
    return Outcome(
        actions=len(state.actions_log[turn - 1]) if 0 < turn <= len(state.actions_log) else 0,
        responses=[ResponseOutcome(country=r.country, kind=r.kind, about=r.about, asks=dict(r.asks))
                   for r in state.responses if r.turn == turn],
        countries=countries,
        us=USOutcome(
            credibility=_r(us.credibility), capital=us.capital, aid_budget_m=_r(us.aid_budget_m),
            aid_spent_m=_r(us.aid_spent_m), domestic_cost=_r(us.domestic_cost),
            domestic_cost_total=_r(us.domestic_cost_total), regional_resistance=_r(us.regional_resistance),
            protection=_r(us.protection),
        ),
        threats={str(t.id): t.status for t in state.threats},
        promises={str(p.id): p.status for p in state.promises},
        deals={str(d.id): d.status for d in state.deals},
        news=[news_id(n) for n in state.news if n.turn == turn],
        score=_r(scorecard(state).total),
    )


def news_id(news: News) -> str:
    """A news item as the record keeps it, the same in every language: ``event`` or ``event:COUNTRY``
    for a data event, ``notice:COUNTRY`` for the engine's own news (a deadline passed, a promise
    broken: the threats and promises they report are recorded with their ids too)."""
    name = news.event or "notice"
    return f"{name}:{news.country}" if news.country else name


def final_of(state: GameState) -> dict[str, Any] | None:
    """The final scorecard as JSON data once the game is over, else None."""
    return dataclasses.asdict(scorecard(state)) if state.is_over else None


def new_record(state: GameState, notes: Any = None, player: str | None = None, source: str = "play",
               strategy: str | None = None) -> Record:
    """An empty record for a game at its first month."""
    stamp = now_text()
    return Record(
        scenario=state.scenario, mandate=state.mandate, seed=state.seed, fingerprint=state.fingerprint,
        game_version=game.__version__, created=stamp, updated=stamp, player=player or None,
        source=source, strategy=strategy, turns_total=state.turns, notes=notes_data(notes),
    )


def record_turn(record: Record, state: GameState, notes: Any = None) -> TurnEntry:
    """Append the month just resolved (call right after ``end_turn``); returns the new entry."""
    turn = state.turn - 1
    if turn != len(record.turns) + 1:
        raise ValueError(_("the record holds {n} months; month {turn} cannot follow").format(
                             n=len(record.turns), turn=turn))
    entry = TurnEntry(turn=turn, month=month_label(rules_of(state), turn),
                      actions=list(state.actions_log[turn - 1]), outcome=outcome_of(state, turn))
    record.turns.append(entry)
    if notes is not None:
        record.notes = notes_data(notes)
    record.final = final_of(state)
    record.updated = now_text()
    return entry


def record_from_state(state: GameState, notes: Any = None, player: str | None = None, source: str = "play",
                      strategy: str | None = None, base: Record | None = None) -> Record:
    """The record of a game so far, rebuilt by replaying its actions log from the first month.

    ``base`` keeps the creation time, player and source of an earlier record of the same session.
    Raises ``ValueError`` if the replay does not reach the same state (it always should).
    """
    rules = rules_of(state)
    replay = new_game(rules, state.scenario, state.mandate, state.seed)
    record = new_record(replay, notes if notes is not None else (base.notes if base else None),
                        player or (base.player if base else None), base.source if base else source,
                        base.strategy if base else strategy)
    if base is not None:
        record.created = base.created
    for plan in state.actions_log:
        for action in plan:
            try:
                apply(replay, action)
            except Impossible as error:
                raise ValueError(_("month {turn}: the game's own action was refused on replay ({error})").format(
                                     turn=replay.turn, error=error)) from None
        end_turn(replay)
        record_turn(record, replay)
    if replay.turn != state.turn or _r(scorecard(replay).total) != _r(scorecard(state).total):
        raise ValueError(_("the replay of the game's actions did not reach the same state"))
    return record
