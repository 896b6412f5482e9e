"""What governments do on their own each month: reconsider threats, call bluffs, backslide, hit back."""

from __future__ import annotations

from game.engine import tuning as T
from game.engine.decide import ask_cost, evaluate, is_coercive, retaliation_chance, stick_pain, trust_factor
from game.engine.ledger import adjust_credibility, break_promise, close_threat, sign_deal
from game.engine.resolve import respond, retaliate
from game.engine.rules import Rules
from game.engine.state import Factor, GameState, News, Promise
from game.engine.world import clamp


def _demand_met(state: GameState, cid: str, demand: dict[str, int]) -> bool:
    commitments = state.countries[cid].commitments
    for aid, level in demand.items():
        if level > 0 and commitments.get(aid, 0) < level:
            return False
    return True


def _may_comply(rules: Rules, state: GameState, cid: str, demand: dict[str, int], pressure: float) -> bool:
    """Whether any mood of the day could make the government meet the demand under this pressure
    (the threat or the relief of a measure, as it weighs it); when not, the full weighing is skipped."""
    cs = state.countries[cid]
    cost = ask_cost(rules, cid, cs, demand)
    best_case = pressure + max(0.0, cs.relations) / 100.0 * T.GOODWILL + 4.0 * T.NOISE - cost
    # terms ``evaluate`` always subtracts: remembered grievances, and expectations raised elsewhere
    grievance = cs.grievance / 100.0 * T.GRIEVANCE
    if grievance >= 0.005:
        best_case -= grievance
    expectations = state.us.expectations / 100.0 * T.EXPECTATIONS
    if expectations >= 0.005 and cost:
        best_case -= expectations
    return best_case >= 0.0


def reconsider_threats(rules: Rules, state: GameState, answered: set[str]) -> None:
    """Pending threats are weighed again; measures in force push for compliance to get them lifted;
    threats past their deadline that were not carried out are called bluffs."""
    for threat in state.threats:
        cid = threat.country
        if threat.status == "pending":
            if _demand_met(state, cid, threat.demand):
                close_threat(state, threat, "complied")
                continue
            if threat.turn < state.turn and cid not in answered and _may_comply(
                    rules, state, cid, threat.demand, rules.pain[(cid, threat.lever)] * state.us.credibility / 100.0):
                utility, factors = evaluate(rules, state, cid, threat.demand, [], threat.lever, threat.public)
                if utility >= 0:
                    sign_deal(rules, state, cid, threat.demand, [], threat.id)
                    close_threat(state, threat, "complied")
                    respond(rules, state, cid, "accept", "threat", threat.demand, factors, utility)
                    answered.add(cid)
                    continue
            if state.turn >= threat.deadline:
                call_bluff(rules, state, threat)
        elif threat.status == "carried_out" and threat.lever in state.countries[cid].measures and cid not in answered:
            if _demand_met(state, cid, threat.demand):
                continue
            if not _may_comply(rules, state, cid, threat.demand,
                               rules.pain[(cid, threat.lever)] * trust_factor(state.countries[cid])):
                continue
            utility, factors = evaluate(rules, state, cid, threat.demand, [], relief=[threat.lever])
            if utility >= 0:
                sign_deal(rules, state, cid, threat.demand, [], threat.id)
                close_threat(state, threat, "complied_late")
                state.promises.append(Promise(id=len(state.promises) + 1, turn=state.turn, country=cid,
                                              lever=threat.lever, kind="lift", deadline=state.turn + 1))
                respond(rules, state, cid, "accept", "measure", threat.demand, factors, utility)
                answered.add(cid)


def call_bluff(rules: Rules, state: GameState, threat) -> None:
    """A threat's deadline passed and nothing happened: the bluff is called for all to see."""
    close_threat(state, threat, "bluff_called")
    adjust_credibility(state, -(T.CRED_BLUFF_PUBLIC if threat.public else T.CRED_BLUFF))
    cs = state.countries[threat.country]
    cs.approval = clamp(cs.approval + (4.0 if threat.public else 1.0), 0.0, 100.0)
    name = rules.countries[threat.country].name
    lever = rules.levers[threat.lever].name.lower()
    state.news.append(News(turn=state.turn, country=threat.country, title=f"Deadline passes for {name}",
                           text=f"Washington's deadline passed without the threatened {lever}. "
                                f"Other governments weigh US threats accordingly."))


def check_lift_promises(rules: Rules, state: GameState) -> None:
    """A promise to lift a measure after compliance must be kept by its deadline."""
    for promise in state.promises:
        if promise.kind == "lift" and promise.status == "open" and promise.deadline is not None:
            if promise.lever not in state.countries[promise.country].measures:
                promise.status = "kept"
                promise.closed_turn = state.turn
                adjust_credibility(state, T.CRED_PROMISE_KEPT)
            elif state.turn >= promise.deadline:
                break_promise(rules, state, promise, "was not lifted after the government complied")


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
            deal_id = cs.commitment_deals.get(aid)
            deal = deals[deal_id - 1] if deal_id else None
            lifted = withdrawn and deal is not None and any(oid not in measures for oid in deal.offers)
            if roll >= ceiling + (lifted_bonus if lifted else 0.0):
                continue
            level = commitments[aid]
            keep = -rules.ask_base[(cid, aid)] * level / rules.ask_coefs[aid][4]
            if cs.approval < T.LOW_APPROVAL and keep < 0:
                keep *= 1.0 + (T.LOW_APPROVAL - cs.approval) / 60.0
            if deal is None:
                keep += T.HABIT
            else:
                for oid in deal.offers:
                    if oid in measures:
                        keep += rules.value[(cid, oid)] * tf / max(1, len(deal.asks))
                if deal.threat:
                    threat = state.threats[deal.threat - 1]
                    keep += stick_pain(rules, cid, threat.lever) * state.us.credibility / 100.0 / max(1, len(deal.asks))
            keep += cs.relations / 100.0 * T.GOODWILL - cs.grievance / 100.0 * T.GRIEVANCE
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
                why = "Washington withdrew what it gave in return." if lifted else "Keeping it costs more than it brings."
                respond(rules, state, cid, "backslide", "commitment", {aid: level},
                        [Factor("keep", why, keep)], keep)
                answered.add(cid)
                break


def monthly_retaliation(rules: Rules, state: GameState, answered: set[str]) -> None:
    """Governments under measures may hit back on their own."""
    for cid in rules.order:
        cs = state.countries[cid]
        if not cs.measures or cid in answered:
            continue
        if is_coercive(rules, cs) and state.rng.random() < 0.3 * retaliation_chance(rules, state, cid, True):
            retaliate(rules, state, cid, "measure", {}, [Factor("measures", "US measures remain in force.", 0.0)], 0.0)
            answered.add(cid)
