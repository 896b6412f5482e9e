"""The aid budget against what it is already promised to: the measures in force and those this
month's plan would add, each for the months it will still run (``aid_outlook``), and the refusal of
aid the budget could not pay until the end (``check_aid``, used by ``api.check``)."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.actions import AcceptCounter, CarryOut, Lift, Propose
from game.engine.errors import Impossible
from game.engine.rules import Rules
from game.engine.state import GameState, rules_of
from game.i18n import ngettext


@dataclass(frozen=True)
class AidOutlook:
    """The aid budget against what the measures in force will cost until the scenario ends.

    ``committed_m`` counts every aid measure in force plus those this month's plan adds (as if
    every planned proposal were accepted), each for the months it will still run.
    """

    budget_m: float
    committed_m: float
    months_left: int

    @property
    def free_m(self) -> float:
        """Aid not yet promised to anyone."""
        return self.budget_m - self.committed_m


def _planned_measures(rules: Rules, state: GameState) -> dict[tuple[str, str], int]:
    """(country, lever) -> months left (0 = until lifted) for every measure in force once the plan is
    carried out (of the measures in force, only those that cost aid: the others add nothing)."""
    levers = rules.levers
    countries = state.countries
    out = {(cid, lid): left for cid in rules.order for lid, left in countries[cid].measures.items()
           if lid in levers and levers[lid].aid_cost_m > 0}
    for queued in state.queue:
        if isinstance(queued, CarryOut):
            out[(queued.country, queued.lever)] = rules.lever(queued.lever).duration
        elif isinstance(queued, Lift):
            out.pop((queued.country, queued.lever), None)
        elif isinstance(queued, (Propose, AcceptCounter)):
            counter = state.countries[queued.country].pending_counter
            offers = queued.offers if isinstance(queued, Propose) else (counter.offers if counter else [])
            for oid in offers:
                out[(queued.country, oid)] = rules.lever(oid).duration
    return out


def _aid_over(rules: Rules, lever_id: str, left: int, months: int) -> float:
    """What one aid measure costs from this month to the end of the scenario."""
    return rules.levers[lever_id].aid_cost_m * (min(left, months) if left > 0 else months)


def aid_outlook(state: GameState) -> AidOutlook:
    """The aid budget, what the measures in force and planned will cost until the end, and the months left."""
    rules = rules_of(state)
    months = max(0, state.turns - state.turn + 1)
    committed = sum(_aid_over(rules, lid, left, months) for (_, lid), left in _planned_measures(rules, state).items()
                    if lid in rules.levers)
    return AidOutlook(state.us.aid_budget_m, committed, months)


def check_aid(rules: Rules, state: GameState, offers: tuple[str, ...] | list[str], what: str) -> None:
    """Refuse aid the budget could not pay until the end: it would lapse and break the promise behind it."""
    months = max(0, state.turns - state.turn + 1)
    new = 0.0
    for oid in offers:  # most offers cost no aid: only those that do are added
        lever = rules.levers[oid]
        if lever.aid_cost_m:
            new += _aid_over(rules, oid, lever.duration, months)
    if new <= 0:
        return
    outlook = aid_outlook(state)
    if outlook.committed_m + new > outlook.budget_m + 1e-6:
        raise Impossible(
            ngettext("{what} would cost ${new:.0f} M of aid over the {months} month left, and "
                     "${committed_m:.0f} M is already promised (including this month's plan) out of ${budget_m:.0f} "
                     "M. Aid the budget cannot pay lapses, and the promise behind it is broken.",
                     "{what} would cost ${new:.0f} M of aid over the {months} months left, and "
               "${committed_m:.0f} M is already promised (including this month's plan) out of ${budget_m:.0f} "
               "M. Aid the budget cannot pay lapses, and the promise behind it is broken.", months).format(
                what=what, new=new, months=months, committed_m=outlook.committed_m, budget_m=outlook.budget_m))
