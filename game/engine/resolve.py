"""Resolving the month's queued actions, in order, into responses, measures and ledger entries."""

from __future__ import annotations

import math

from game.engine import tuning as T
from game.engine.actions import AcceptCounter, Action, CarryOut, Engage, FireEvent, Investigate, Lift, Propose, Threaten
from game.engine.inject import fire_inject
from game.engine.decide import counter_offer, evaluate, retaliation_chance
from game.engine.ledger import adjust_credibility, close_threat, new_threat, put_in_force, sign_deal, take_off
from game.engine.rules import DIMS, Rules, is_stick
from game.engine.state import Counter, Factor, GameState, Response
from game.engine.world import clamp


def say(rules: Rules, state: GameState, cid: str, kind: str) -> str:
    """One of the government's written lines for this kind of response (names filled in by
    ``compile_rules``)."""
    lines = rules.countries[cid].lines.get(kind) or ("",)
    return lines[int(state.rng.random() * len(lines))] if len(lines) > 1 else lines[0]


def respond(rules: Rules, state: GameState, cid: str, kind: str, about: str, asks: dict[str, int] | None = None,
            factors: list[Factor] | None = None, utility: float = 0.0, counter: Counter | None = None) -> Response:
    """Record a government's response for the report and the debrief."""
    response = Response(turn=state.turn, country=cid, kind=kind, text=say(rules, state, cid, kind), about=about,
                        asks=dict(asks or {}), factors=list(factors or []), utility=round(utility, 4), counter=counter)
    state.responses.append(response)
    return response


def negotiate(rules: Rules, state: GameState, cid: str, asks: dict[str, int], offers: list[str],
              threat: str | None, public: bool, deadline: int) -> None:
    """A government weighs a demand or proposal and answers it."""
    c = rules.countries[cid]
    cs = state.countries[cid]
    record = new_threat(state, cid, threat, public, asks, deadline) if threat else None
    if threat:
        lever = rules.levers[threat]
        if public:
            state.us.regional_resistance = clamp(state.us.regional_resistance + lever.visibility * T.RESIST_PUBLIC_THREAT, 0.0, 100.0)
            cs.grievance = clamp(cs.grievance + 12.0 * c.pride, 0.0, 100.0)
        else:
            cs.grievance = clamp(cs.grievance + 4.0, 0.0, 100.0)
    about = "threat" if threat and not offers else "proposal"
    utility, factors = evaluate(rules, state, cid, asks, offers, threat, public)
    if utility >= 0:
        sign_deal(rules, state, cid, asks, offers, record.id if record else None)
        if record:
            close_threat(state, record, "complied")
        respond(rules, state, cid, "accept", about, asks, factors, utility)
        return
    counter = counter_offer(rules, state, cid, asks, offers, threat, public, utility, factors)
    if counter is not None:
        cs.pending_counter = Counter(asks=counter[0], offers=counter[1], turn=state.turn,
                                     threat=record.id if record else None)
        respond(rules, state, cid, "counter", about, asks, factors, utility, cs.pending_counter)
        return
    kind = "stall" if utility > -T.STALL_BAND else "reject"
    if threat and state.rng.random() < retaliation_chance(rules, state, cid, coerced=public or kind == "reject"):
        retaliate(rules, state, cid, about, asks, factors, utility)
        return
    respond(rules, state, cid, kind, about, asks, factors, utility)


def retaliate(rules: Rules, state: GameState, cid: str, about: str, asks: dict[str, int],
              factors: list[Factor], utility: float) -> None:
    """The government hits back: counter-tariffs, suspended cooperation or public condemnation."""
    c = rules.countries[cid]
    cs = state.countries[cid]
    us = state.us
    if c.exposure["trade"] >= 0.3:
        us.domestic_cost_extra += T.RETALIATION_COST * c.exposure["trade"]
        us.retaliation_months = T.RETALIATION_MONTHS
        what = "Counter-tariffs on US goods"
    elif cs.commitments:
        aid = max(cs.commitments, key=lambda a: cs.commitments[a])
        cs.commitments[aid] -= 1
        if cs.commitments[aid] <= 0:
            del cs.commitments[aid]
        what = f"Cooperation on {rules.asks[aid].name.lower()} suspended"
    else:
        us.regional_resistance = clamp(us.regional_resistance + 8.0, 0.0, 100.0)
        what = "A public condemnation rallying neighbours"
    cs.relations = clamp(cs.relations - 5.0, -100.0, 100.0)
    factors = list(factors) + [Factor("retaliation", f"{what}.", 0.0)]
    respond(rules, state, cid, "retaliate", about, asks, factors, utility)


def resolve(rules: Rules, state: GameState, action: Action) -> None:
    """Carry out one queued action."""
    if isinstance(action, FireEvent):
        fire_inject(rules, state, action)
        return
    cid = action.country
    c = rules.countries[cid]
    cs = state.countries[cid]
    us = state.us
    if isinstance(action, Threaten):
        negotiate(rules, state, cid, action.demand, [], action.lever, action.public, action.deadline)
    elif isinstance(action, Propose):
        negotiate(rules, state, cid, action.asks, list(action.offers), action.threat, action.public, action.deadline)
    elif isinstance(action, AcceptCounter):
        counter = cs.pending_counter
        if counter is not None:
            sign_deal(rules, state, cid, counter.asks, list(counter.offers), counter.threat)
            if counter.threat is not None:
                threat = state.threats[counter.threat - 1]
                if threat.status == "pending":
                    close_threat(state, threat, "complied")
            respond(rules, state, cid, "accept", "counter", counter.asks,
                    [Factor("own_offer", "It is the government's own counter-offer.", 0.0)], 0.0)
    elif isinstance(action, CarryOut):
        lever = rules.levers[action.lever]
        put_in_force(rules, state, cid, action.lever)
        if is_stick(lever):
            cs.grievance = clamp(cs.grievance + 10.0 + 10.0 * lever.visibility, 0.0, 100.0)
            us.regional_resistance = clamp(us.regional_resistance + lever.visibility * T.RESIST_CARRY_OUT, 0.0, 100.0)
            pending = [t for t in state.threats if t.country == cid and t.lever == action.lever and t.status == "pending"]
            for threat in pending:
                close_threat(state, threat, "carried_out")
                adjust_credibility(state, T.CRED_THREAT_CARRIED_PUBLIC if threat.public else T.CRED_THREAT_CARRIED)
            if not pending:
                adjust_credibility(state, 1.0)
            if state.rng.random() < retaliation_chance(rules, state, cid, coerced=True):
                retaliate(rules, state, cid, "measure", {}, [Factor("measure", f"{lever.name} was imposed.", 0.0)], 0.0)
        else:
            us.expectations = clamp(us.expectations + lever.visibility * T.EXPECT_REWARD, 0.0, 100.0)
    elif isinstance(action, Lift):
        lever = rules.levers[action.lever]
        take_off(rules, state, cid, action.lever, why="was withdrawn by Washington")
        if is_stick(lever):
            cs.relations = clamp(cs.relations + 3.0, -100.0, 100.0)
    elif isinstance(action, Engage):
        lever = rules.levers[action.lever]
        cs.relations = clamp(cs.relations + lever.relations, -100.0, 100.0)
        cs.trust = clamp(cs.trust + lever.trust, 0.0, 100.0)
        cs.grievance = clamp(cs.grievance - max(0.0, lever.relations) * 0.5, 0.0, 100.0)
    elif isinstance(action, Investigate):
        intel = cs.intel
        intel.effort += 1
        intel.margin = T.INTEL_MARGIN / math.sqrt(intel.effort)
        intel.estimates = {
            dim: round(clamp(c.priorities[i] + state.rng.uniform(-0.9, 0.9) * intel.margin, 0.0, 1.0), 3)
            for i, dim in enumerate(DIMS)
        }
