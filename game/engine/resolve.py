"""Resolving the month's queued actions, in order, into responses, measures and ledger entries."""

from __future__ import annotations

import math

from game.content.common import ResponseKind, ThreatStatus
from game.engine import tuning as T
from game.engine.actions import AcceptCounter, Action, CarryOut, Engage, FireEvent, Investigate, Lift, Propose, Threaten
from game.engine.decide import SMALL, counter_offer, evaluate, mark_decisive, retaliation_chance, weigh
from game.engine.inject import fire_inject
from game.engine.ledger import adjust_credibility, close_threat, new_threat, put_in_force, sign_deal, take_off
from game.engine.rules import DIMS, Rules, is_stick
from game.engine.state import Counter, Factor, GameState, News, Response
from game.engine.world import clamp
from game.i18n import _


def say(rules: Rules, state: GameState, cid: str, kind: str) -> str:
    """One of the government's written lines for this kind of response (names filled in by
    ``compile_rules``); a kind without lines of its own uses the closest kind's."""
    lines = rules.countries[cid].lines
    chosen = lines.get(kind) or lines.get(FALLBACK_LINES.get(kind, ""), ()) or ("",)
    return chosen[int(state.rng.random() * len(chosen))] if len(chosen) > 1 else chosen[0]


FALLBACK_LINES = {ResponseKind.counter_threat.value: ResponseKind.reject.value}


def respond(rules: Rules, state: GameState, cid: str, kind: str, about: str, asks: dict[str, int] | None = None,
            factors: list[Factor] | None = None, utility: float = 0.0, counter: Counter | None = None,
            extra: str = "") -> Response:
    """Record a government's response for the report and the debrief (``extra``: a sentence added
    to its line, e.g. what it retaliates with)."""
    kind = kind.value if isinstance(kind, ResponseKind) else kind
    text = say(rules, state, cid, kind)
    if extra:
        text = f"{text} {extra}".strip()
    response = Response(turn=state.turn, country=cid, kind=kind, text=text, about=about,
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
                    extra=_("If Washington goes ahead: {what}.").format(what=what[0].lower() + what[1:]))
            return
    respond(rules, state, cid, kind, about, asks, factors, utility)


def pick_retaliation(rules: Rules, state: GameState, cid: str) -> int | None:
    """Which of its answers the government picks (by weight, among those it can give now), or None."""
    cs = state.countries[cid]
    options = rules.countries[cid].repertoire
    usable = [(i, o.weight) for i, o in enumerate(options)
              if o.weight > 0 and (not o.drops or any(a in cs.commitments for a in o.drops))]
    total = sum(w for _, w in usable)
    if total <= 0:
        return None
    roll = state.rng.random() * total
    for index, weight in usable:
        roll -= weight
        if roll < 0:
            return index
    return usable[-1][0]


def retaliate(rules: Rules, state: GameState, cid: str, about: str, asks: dict[str, int],
              factors: list[Factor], utility: float, option: int | None = None) -> None:
    """The government hits back with one of the answers it holds (its repertoire in the data):
    each has its cost to the US, its effect on the region and its cost to the government itself."""
    if option is None:
        option = pick_retaliation(rules, state, cid)
    if option is None:
        return
    o = rules.countries[cid].repertoire[option]
    cs = state.countries[cid]
    us = state.us
    if o.us_cost:
        us.domestic_cost_extra += o.us_cost
        us.retaliation_months = max(us.retaliation_months, o.months)
    if o.resistance:
        us.regional_resistance = clamp(us.regional_resistance + o.resistance, 0.0, 100.0)
    if o.own_cost:
        cs.economy = clamp(cs.economy - o.own_cost, 0.0, 100.0)
    for aid in o.drops:
        level = cs.commitments.get(aid, 0)
        if level <= 1:
            cs.commitments.pop(aid, None)
            cs.commitment_deals.pop(aid, None)
        else:
            cs.commitments[aid] = level - 1
    cs.relations = clamp(cs.relations - T.RETALIATION_RELATIONS, -100.0, 100.0)
    cs.counter_threat = None
    name = rules.countries[cid].name
    state.news.append(News(turn=state.turn, country=cid, title=_("{name} hits back").format(name=name), text=f"{o.text}."))
    respond(rules, state, cid, ResponseKind.retaliate, about, asks, factors, utility, extra=f"{o.text}.")


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
            harm = rules.pain[(cid, action.lever)]
            factors = [Factor("measure", _("{name} was imposed.").format(name=lever.name), -harm)] if harm >= SMALL else []
            if cs.counter_threat is not None:  # it said what it would do: it does it
                retaliate(rules, state, cid, "measure", {}, factors, -harm, cs.counter_threat)
            elif state.rng.random() < retaliation_chance(rules, state, cid, coerced=True):
                retaliate(rules, state, cid, "measure", {}, factors, -harm)
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
