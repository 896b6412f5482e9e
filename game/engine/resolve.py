"""Resolving the month's queued actions, in order, into responses, measures and ledger entries."""

from __future__ import annotations

import math

from game.content.common import ResponseKind, ThreatStatus
from game.engine import tuning as T
from game.engine.actions import AcceptCounter, Action, CarryOut, Engage, FireEvent, Investigate, Lift, Propose, Threaten
from game.engine.counter import counter_offer
from game.engine.decide import evaluate, mark_decisive, weigh
from game.engine.inject import fire_inject
from game.engine.ledger import adjust_credibility, close_threat, new_threat, put_in_force, sign_deal, take_off
from game.engine.respond import respond
from game.engine.retaliation import answer_measure, pick_retaliation, retaliation_chance
from game.engine.rules import DIMS, Rules, is_stick
from game.engine.state import Counter, Factor, GameState
from game.engine.world import clamp
from game.i18n import _


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
    utility, factors = evaluate(rules, state, cid, asks, offers, threat, public, threat_id=record.id if record else None)
    for f in factors:
        if f.key == "red_line":
            for aid in asks:
                if aid in c.red_lines and aid not in cs.intel.red_lines:
                    cs.intel.red_lines.append(aid)
    if utility >= 0:
        sign_deal(rules, state, cid, asks, offers, record.id if record else None)
        if record:
            close_threat(state, record, ThreatStatus.complied)
        respond(rules, state, cid, ResponseKind.accept, about, asks, factors, utility)
        return
    bare = not offers and not threat
    counter = counter_offer(rules, state, cid, asks, offers, threat, public, utility, factors)
    if bare:
        cs.lowballs = min(T.LOWBALL_MAX, cs.lowballs + 1)
    if counter is not None:
        cs.pending_counter = Counter(asks=counter[0], offers=counter[1], turn=state.turn,
                                     threat=record.id if record else None)
        respond(rules, state, cid, ResponseKind.counter, about, asks, factors, utility, cs.pending_counter)
        return
    kind = ResponseKind.stall if utility > -T.STALL_BAND else ResponseKind.reject
    if threat and state.rng.random() < retaliation_chance(rules, state, cid, coerced=public or kind is ResponseKind.reject):
        option = pick_retaliation(rules, state, cid)
        if option is not None:
            cs.counter_threat = option
            what = rules.countries[cid].repertoire[option].text
            respond(rules, state, cid, ResponseKind.counter_threat, about, asks, factors, utility,
                    extra=_("If Washington goes ahead: {what}.").format(what=what.rstrip(".")))
            return
    respond(rules, state, cid, kind, about, asks, factors, utility)


def resolve(rules: Rules, state: GameState, action: Action) -> None:
    """Carry out one queued action."""
    if isinstance(action, FireEvent):
        fire_inject(rules, state, action)
        return
    cid = action.country
    rules.countries[cid]
    cs = state.countries[cid]
    us = state.us
    if isinstance(action, Threaten):
        negotiate(rules, state, cid, action.demand, [], action.lever, action.public, action.deadline)
    elif isinstance(action, Propose):
        negotiate(rules, state, cid, action.asks, list(action.offers), action.threat, action.public, action.deadline)
    elif isinstance(action, AcceptCounter):
        counter = cs.pending_counter
        if counter is not None:
            utility, factors = weigh(rules, state, cid, counter.asks, list(counter.offers))
            sign_deal(rules, state, cid, counter.asks, list(counter.offers), counter.threat)
            if counter.threat is not None:
                threat = state.threats[counter.threat - 1]
                if threat.status == ThreatStatus.pending:
                    close_threat(state, threat, ThreatStatus.complied)
            factors.append(Factor("own_offer", _("It is the government's own counter-offer."), T.COUNTER_MARGIN))
            mark_decisive(factors, True)
            respond(rules, state, cid, ResponseKind.accept, "counter", counter.asks, factors, utility + T.COUNTER_MARGIN)
    elif isinstance(action, CarryOut):
        lever = rules.levers[action.lever]
        put_in_force(rules, state, cid, action.lever)
        if is_stick(lever):
            cs.grievance = clamp(cs.grievance + 10.0 + 10.0 * lever.visibility, 0.0, 100.0)
            us.regional_resistance = clamp(us.regional_resistance + lever.visibility * T.RESIST_CARRY_OUT, 0.0, 100.0)
            pending = [t for t in state.threats if t.country == cid and t.lever == action.lever
                       and t.status == ThreatStatus.pending]
            for threat in pending:
                close_threat(state, threat, ThreatStatus.carried_out)
                adjust_credibility(state, T.CRED_THREAT_CARRIED_PUBLIC if threat.public else T.CRED_THREAT_CARRIED,
                                   cid, action.lever)
            if not pending:
                adjust_credibility(state, 1.0, cid, action.lever)
            answer_measure(rules, state, cid, action.lever)
        else:
            us.expectations = clamp(us.expectations + lever.visibility * T.EXPECT_REWARD, 0.0, 100.0)
    elif isinstance(action, Lift):
        lever = rules.levers[action.lever]
        take_off(rules, state, cid, action.lever, why=_("was withdrawn by Washington"))
        if is_stick(lever):
            cs.relations = clamp(cs.relations + 3.0, -100.0, 100.0)
    elif isinstance(action, Engage):
        lever = rules.levers[action.lever]
        cs.relations = clamp(cs.relations + lever.relations, -100.0, 100.0)
        cs.trust = clamp(cs.trust + lever.trust, 0.0, 100.0)
        cs.grievance = clamp(cs.grievance - max(0.0, lever.relations) * 0.5, 0.0, 100.0)
    elif isinstance(action, Investigate):
        investigate(rules, state, cid)


def investigate(rules: Rules, state: GameState, cid: str) -> None:
    """One intelligence report: a noisy reading of each priority and of pride, reliability and
    retaliation. The estimate is the mean of all readings so far and ``margin`` the half-width of
    its 80% interval (it narrows as 1/sqrt(reports)); a report may also uncover a red line."""
    c = rules.countries[cid]
    intel = state.countries[cid].intel
    gauss = state.rng.gauss
    intel.effort += 1
    truths = {dim: c.priorities[i] for i, dim in enumerate(DIMS)}
    truths.update({"pride": c.pride, "reliability": c.reliability, "retaliation": c.retaliation})
    for key, truth in truths.items():
        intel.sums[key] = intel.sums.get(key, 0.0) + truth + gauss(0.0, T.INTEL_SD)
    intel.estimates = {key: round(clamp(total / intel.effort, 0.0, 1.0), 3) for key, total in intel.sums.items()}
    intel.margin = round(T.INTEL_Z80 * T.INTEL_SD / math.sqrt(intel.effort), 3)
    hidden = [aid for aid in c.red_lines if aid not in intel.red_lines]
    if hidden and state.rng.random() < T.INTEL_RED_LINE:
        intel.red_lines.append(hidden[0])
