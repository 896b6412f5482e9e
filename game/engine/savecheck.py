"""Checking that a loaded save refers only to content that exists in the current data.

A save names countries, levers, asks, deals and threats by id. If an instructor removed or renamed
one after the save was made, the save is refused with a message instead of failing mid-game.
"""

from __future__ import annotations

from game.engine.actions import AcceptCounter, FireEvent, Propose, Threaten
from game.engine.rules import Rules
from game.engine.state import GameState


def dangling_references(state: GameState, rules: Rules) -> list[str]:
    """Every reference in the state that the current content cannot resolve (empty when fine)."""
    problems: list[str] = []

    def ask(aid: str, where: str, level: int | None = None) -> None:
        if aid not in rules.asks:
            problems.append(f"{where} names ask '{aid}'")
        elif level is not None and not 0 <= level <= len(rules.asks[aid].levels):
            problems.append(f"{where} has level {level} of ask '{aid}'")

    def lever(lid: str | None, where: str) -> None:
        if lid is not None and lid not in rules.levers:
            problems.append(f"{where} names lever '{lid}'")

    def country(cid: str, where: str) -> None:
        if cid not in rules.countries:
            problems.append(f"{where} names country '{cid}'")

    if state.turns != rules.scenario.turns or not 1 <= state.turn <= state.turns + 1:
        problems.append(f"its month {state.turn} of {state.turns} does not fit the scenario's {rules.scenario.turns} months")
    for cid, cs in state.countries.items():
        for aid, level in cs.commitments.items():
            ask(aid, f"{cid}'s commitments", level)
        for aid, deal_id in cs.commitment_deals.items():
            ask(aid, f"{cid}'s commitments")
            if not 1 <= deal_id <= len(state.deals):
                problems.append(f"{cid}'s commitments name deal {deal_id}")
        for lid in cs.measures:
            lever(lid, f"measures on {cid}")
        if cs.pending_counter is not None:
            for aid, level in cs.pending_counter.asks.items():
                ask(aid, f"{cid}'s counter-offer", level)
            for lid in cs.pending_counter.offers:
                lever(lid, f"{cid}'s counter-offer")
            if cs.pending_counter.threat is not None and not 1 <= cs.pending_counter.threat <= len(state.threats):
                problems.append(f"{cid}'s counter-offer names threat {cs.pending_counter.threat}")
    for threat in state.threats:
        country(threat.country, f"threat {threat.id}")
        lever(threat.lever, f"threat {threat.id}")
        for aid, level in threat.demand.items():
            ask(aid, f"threat {threat.id}", level)
    for promise in state.promises:
        country(promise.country, f"promise {promise.id}")
        lever(promise.lever, f"promise {promise.id}")
        if promise.deal is not None and not 1 <= promise.deal <= len(state.deals):
            problems.append(f"promise {promise.id} names deal {promise.deal}")
    for deal in state.deals:
        country(deal.country, f"deal {deal.id}")
        for aid, level in deal.asks.items():
            ask(aid, f"deal {deal.id}", level)
        for lid in deal.offers:
            lever(lid, f"deal {deal.id}")
        if deal.threat is not None and not 1 <= deal.threat <= len(state.threats):
            problems.append(f"deal {deal.id} names threat {deal.threat}")
    for index, action in enumerate([*state.queue, *(a for month in state.actions_log for a in month)]):
        where = f"action {index + 1}"
        if isinstance(action, FireEvent):
            if action.event not in rules.events:
                problems.append(f"{where} names event '{action.event}'")
            continue
        country(action.country, where)
        if isinstance(action, Threaten):
            lever(action.lever, where)
            for aid, level in action.demand.items():
                ask(aid, where, level)
        elif isinstance(action, Propose):
            lever(action.threat, where)
            for aid, level in action.asks.items():
                ask(aid, where, level)
            for lid in action.offers:
                lever(lid, where)
        elif not isinstance(action, AcceptCounter):
            lever(action.lever, where)
    for response in state.responses:
        country(response.country, "a response")
    return problems
