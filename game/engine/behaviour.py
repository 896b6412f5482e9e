"""What governments do on their own each month: reconsider threats, call bluffs, backslide (hitting
back on their own is in ``retaliation``)."""

from __future__ import annotations

from game.content.common import ResponseKind, ThreatStatus
from game.engine import tuning as T
from game.engine.decide import SMALL, add_mood, mark_decisive, weigh
from game.engine.ledger import adjust_credibility, break_promise, close_threat, sign_deal
from game.engine.respond import respond
from game.engine.rules import Rules
from game.engine.state import Deal, Factor, GameState, News, Promise, Threat
from game.engine.terms import (
    ask_cost,
    barrier,
    bite,
    felt_pressure,
    goodwill,
    grievance,
    pride_cost,
    stick_pain,
    threat_credibility,
    trust_factor,
    unpopularity,
)
from game.engine.world import clamp
from game.i18n import _


def _demand_met(state: GameState, cid: str, demand: dict[str, int]) -> bool:
    commitments = state.countries[cid].commitments
    for aid, level in demand.items():
        if level > 0 and commitments.get(aid, 0) < level:
            return False
    return True


def _may_comply(rules: Rules, state: GameState, cid: str, demand: dict[str, int], threat: str | None = None,
                public: bool = False, relief: list[str] | None = None) -> bool:
    """Whether any mood of the day could make the government meet the demand: a cheap upper bound
    on ``weigh`` (all the coercion it faces, as believed and felt, with every pending threat at full
    weight, a red line or a level beyond its capacity, and only the terms that could help it)."""
    cs = state.countries[cid]
    refused = T.RED_LINE_REFUSAL if barrier(rules, cid, cs, demand) is not None else 0.0  # as weigh has it
    rest = (max(0.0, goodwill(cs)) + max(0.0, cs.stance) + 4.0 * T.NOISE_V2 - refused
            - ask_cost(rules, cid, cs, demand) - grievance(cs) - (pride_cost(rules, cid) if public else 0.0))
    if rest + T.PRESSURE_SCALE < 0.0:  # not even the most pressure it could feel would do
        return False
    pressure = sum(rules.pain[(cid, lid)] for lid in relief or ()) * trust_factor(cs)
    if threat is not None:
        pressure += rules.pain[(cid, threat)] * threat_credibility(state, cid, threat, public)
    for t in state.threats:
        if t.country == cid and t.status == ThreatStatus.pending and t.lever != threat:
            pressure += rules.pain[(cid, t.lever)] * threat_credibility(state, cid, t.lever, t.public)
    if cs.alternatives:
        pressure *= bite(rules, cs)
    return felt_pressure(pressure) + rest >= 0.0


def _weigh_threat(rules: Rules, state: GameState, cid: str, demand: dict[str, int],
                  threat: str | None = None, public: bool = False, relief: list[str] | None = None,
                  threat_id: int | None = None) -> tuple[float, list[Factor]] | None:
    """The government's weighing of meeting a demand now, or None when no mood of the day could
    make it comply (then no draw is made)."""
    if not _may_comply(rules, state, cid, demand, threat, public, relief):
        return None
    total, factors = weigh(rules, state, cid, demand, [], threat, public, relief, threat_id)
    if total + 4.0 * T.NOISE_V2 < 0.0:
        return None
    return add_mood(state, total, factors)


def reconsider_threats(rules: Rules, state: GameState, answered: set[str]) -> None:
    """Pending threats are weighed again; measures in force push for compliance to get them lifted;
    threats past their deadline that were not carried out are called bluffs."""
    for threat in state.threats:
        cid = threat.country
        if threat.status == ThreatStatus.pending:
            if _demand_met(state, cid, threat.demand):
                close_threat(state, threat, ThreatStatus.complied)
                continue
            if threat.turn < state.turn and cid not in answered:
                weighed = _weigh_threat(rules, state, cid, threat.demand, threat.lever, threat.public,
                                        threat_id=threat.id)
                if weighed is not None and weighed[0] >= 0:
                    utility, factors = weighed
                    sign_deal(rules, state, cid, threat.demand, [], threat.id)
                    close_threat(state, threat, ThreatStatus.complied)
                    respond(rules, state, cid, ResponseKind.accept, "threat", threat.demand, factors, utility)
                    answered.add(cid)
                    continue
            if state.turn >= threat.deadline:
                call_bluff(rules, state, threat)
        elif threat.status == ThreatStatus.carried_out and threat.lever in state.countries[cid].measures and cid not in answered:
            if _demand_met(state, cid, threat.demand):
                continue
            weighed = _weigh_threat(rules, state, cid, threat.demand, relief=[threat.lever])
            if weighed is not None and weighed[0] >= 0:
                utility, factors = weighed
                sign_deal(rules, state, cid, threat.demand, [], threat.id)
                close_threat(state, threat, ThreatStatus.complied_late)
                state.promises.append(Promise(id=len(state.promises) + 1, turn=state.turn, country=cid,
                                              lever=threat.lever, kind="lift", deadline=state.turn + 1))
                respond(rules, state, cid, ResponseKind.accept, "measure", threat.demand, factors, utility)
                answered.add(cid)


def call_bluff(rules: Rules, state: GameState, threat: Threat) -> None:
    """A threat's deadline passed and nothing happened: the bluff is called for all to see."""
    close_threat(state, threat, ThreatStatus.bluff_called)
    adjust_credibility(state, -(T.CRED_BLUFF_PUBLIC if threat.public else T.CRED_BLUFF), threat.country, threat.lever)
    cs = state.countries[threat.country]
    cs.counter_threat = None
    cs.approval = clamp(cs.approval + (4.0 if threat.public else 1.0), 0.0, 100.0)
    name = rules.countries[threat.country].name
    lever = rules.levers[threat.lever].name.lower()
    state.news.append(News(turn=state.turn, country=threat.country, title=_("Deadline passes for {name}").format(
                                                                              name=name),
                           text=_("Washington's deadline passed without the threatened {lever}. Other governments weigh US "
                                   "threats accordingly.").format(lever=lever)))


def check_lift_promises(rules: Rules, state: GameState) -> None:
    """A promise to lift a measure after compliance must be kept by its deadline."""
    for promise in state.promises:
        if promise.kind == "lift" and promise.status == "open" and promise.deadline is not None:
            if promise.lever not in state.countries[promise.country].measures:
                promise.status = "kept"
                promise.closed_turn = state.turn
                adjust_credibility(state, T.CRED_PROMISE_KEPT, promise.country)
            elif state.turn >= promise.deadline:
                break_promise(rules, state, promise, _("was not lifted after the government complied"))


def backslide(rules: Rules, state: GameState, answered: set[str]) -> None:
    """Commitments erode when keeping them costs more than they bring."""
    rand = state.rng.random
    lifted_bonus = T.BACKSLIDE_OFFER_LIFTED
    spread = T.BACKSLIDE_BASE + T.BACKSLIDE_PRESSURE
    deals = state.deals
    for cid in rules.order:
        if cid in answered:
            continue
        cs = state.countries[cid]
        commitments = cs.commitments
        if not commitments:
            continue
        c = rules.countries[cid]
        ceiling = spread * (1.0 - c.reliability)
        # One roll per commitment, drawn up front: in most months none is low enough for anything
        # to happen whatever the numbers, and the country is done without any arithmetic.
        if len(commitments) == 1:
            low = rand()
            rolls = [low]
        else:
            rolls = [rand() for _ in commitments]
            low = min(rolls)
        if low >= ceiling + lifted_bonus:
            continue
        measures = cs.measures
        withdrawn = False  # whether Washington withdrew an offer of a deal behind these commitments
        for deal_id in cs.commitment_deals.values():
            for oid in deals[deal_id - 1].offers:
                if oid not in measures:
                    withdrawn = True
        if low >= ceiling and not withdrawn:
            continue  # only a deal whose offers were withdrawn could be dropped with such rolls
        tf = trust_factor(cs)
        order = list(commitments) if len(commitments) == 1 else sorted(commitments, key=commitments.__getitem__, reverse=True)
        for aid, roll in zip(order, rolls):
            if roll >= ceiling and (not withdrawn or roll >= ceiling + lifted_bonus):
                continue  # cannot backslide this month whatever the numbers: skip the arithmetic
            behind = cs.commitment_deals.get(aid)  # the deal behind this commitment, if any
            deal = deals[behind - 1] if behind else None
            lifted = withdrawn and deal is not None and any(oid not in measures for oid in deal.offers)
            if roll >= ceiling + (lifted_bonus if lifted else 0.0):
                continue
            level = commitments[aid]
            keep = keep_value(rules, state, cid, aid, level, deal, tf)
            chance = T.BACKSLIDE_BASE * (1.0 - c.reliability)
            if keep < 0:
                chance += T.BACKSLIDE_PRESSURE * (1.0 - c.reliability) * min(1.0, -keep * 3.0)
            if lifted:
                chance += T.BACKSLIDE_OFFER_LIFTED
            if roll < chance:
                if level <= 1:
                    del cs.commitments[aid]
                    cs.commitment_deals.pop(aid, None)
                else:
                    cs.commitments[aid] = level - 1
                if deal is not None and not any(cs.commitment_deals.get(a) == deal.id for a in deal.asks):
                    deal.status = "eroded"
                if lifted:
                    factors = [Factor("withdrawn", _("Washington withdrew what it gave in return."), -T.BACKSLIDE_OFFER_LIFTED)]
                elif keep < 0:
                    factors = [Factor("keep", _("Keeping it costs more than it brings."), keep)]
                else:
                    factors = [Factor("reliability", _("Keeping it still pays, but the government follows through unevenly."),
                                      -chance)]
                if keep >= SMALL and lifted:
                    factors.append(Factor("keep", _("Keeping it would still bring more than it costs."), keep))
                mark_decisive(factors, False)
                # the line is followed by its real reason, so that it never blames what did not happen
                respond(rules, state, cid, ResponseKind.backslide, "commitment", {aid: level}, factors, keep,
                        extra=factors[0].text)
                answered.add(cid)
                break


def keep_value(rules: Rules, state: GameState, cid: str, aid: str, level: int, deal: Deal | None, tf: float) -> float:
    """What keeping a commitment is worth to the government this month (negative: it costs more
    than it brings). A threat-won commitment is held by the pressure behind it, which fades month by
    month and with US credibility; offers still in force keep paying for it."""
    cs = state.countries[cid]
    keep = -rules.ask_base[(cid, aid)] * level / rules.ask_coefs[aid].levels
    if keep < 0:
        keep *= unpopularity(cs)
    line = rules.countries[cid].red_lines.get(aid)
    if line is not None and level >= line.from_level:
        keep -= line.price
    if rules.ask_coefs[aid].stranded_share > 0:
        keep -= T.STRANDED_BURDEN * cs.stranded_month_k
    if deal is None:
        keep += T.HABIT
    else:
        share = 1.0 / max(1, len(deal.asks))
        for oid in deal.offers:
            if oid in cs.measures:
                keep += rules.value[(cid, oid)] * tf * share
        if deal.threat:
            threat = state.threats[deal.threat - 1]
            fade = T.THREAT_FADE ** max(0, state.turn - deal.turn)
            keep += (stick_pain(rules, cid, threat.lever, cs) * threat_credibility(state, cid, threat.lever, threat.public)
                     * fade * share)
    return keep + goodwill(cs) - grievance(cs)


