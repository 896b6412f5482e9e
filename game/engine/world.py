"""World dynamics each month: economies, approval, migration along the routes, returns, costs."""

from __future__ import annotations

from game.engine import tuning as T
from game.engine.rules import Rules
from game.engine.state import CountrySnapshot, GameState, USSnapshot

# Uniform noise with the spread of a normal of standard deviation 0.6 (economy) and 0.8 (approval).
_ECON_NOISE = 0.6 * 12 ** 0.5
_APPROVAL_NOISE = 0.8 * 12 ** 0.5


def clamp(value: float, low: float, high: float) -> float:
    """Keep a meter in its range."""
    return low if value < low else high if value > high else value


def transit_cut(rules: Rules, state: GameState, cid: str) -> float:
    """Share of the flow crossing ``cid`` that its enforcement stops."""
    commitments = state.countries[cid].commitments
    if not commitments:
        return 0.0
    coefs = rules.ask_coefs
    cut = 0.0
    for aid, level in commitments.items():
        k = coefs[aid]
        cut += k[5] * level / k[4]
    cut *= rules.countries[cid].capacity
    return cut if cut < T.MAX_ROUTE_CUT else T.MAX_ROUTE_CUT


def route_flows(rules: Rules, state: GameState, record: bool = True, cuts: dict[str, float] | None = None) -> float:
    """Set each country's arrivals at the US border from its outflow and the enforcement along its
    route; people stopped are partly stranded in the transit country. Returns the total stranded.
    ``cuts`` (each country's transit cut) is computed here when not given."""
    countries = state.countries
    if cuts is None:
        cuts = {cid: transit_cut(rules, state, cid) for cid in rules.order}
    stopped_at: dict[str, float] = {}
    for cid in rules.order:
        cs = countries[cid]
        flow = cs.outflow_k
        own = cuts[cid] * T.OWN_TRANSIT_SHARE
        if own:
            stopped_at[cid] = stopped_at.get(cid, 0.0) + flow * own
            flow *= 1.0 - own
        for rid in rules.countries[cid].route:
            cut = cuts[rid]
            if cut:
                stopped_at[rid] = stopped_at.get(rid, 0.0) + flow * cut
                flow *= 1.0 - cut
        cs.arrivals_k = flow
    stranded = 0.0
    coefs = rules.ask_coefs
    for rid, stopped in stopped_at.items():
        rs = countries[rid]
        share = 0.0  # the largest stranded share among its commitments
        for aid in rs.commitments:
            if coefs[aid][6] > share:
                share = coefs[aid][6]
        if record:
            rs.stranded_k += stopped * share
        stranded += stopped * share
    return stranded


def run_world(rules: Rules, state: GameState) -> None:
    """One month of world dynamics for every country and for the US.

    This is the engine's hot path: it reads precomputed coefficients and avoids helper calls.
    """
    us = state.us
    rand = state.rng.random
    econ_revert, econ_shock, remit_hit = T.ECONOMY_REVERT, T.ECONOMY_SHOCK, T.RETURNS_REMITTANCE_HIT
    appr_revert, appr_shock = T.APPROVAL_REVERT, T.APPROVAL_SHOCK
    push_econ, push_instab, surge_decay = T.PUSH_ECONOMY, T.PUSH_INSTABILITY, T.SURGE_DECAY
    rel_revert, rel_drain = T.RELATIONS_REVERT, T.STICK_RELATIONS_DRAIN
    countries = state.countries
    rule_countries = rules.countries
    lever_coefs = rules.lever_coefs
    ask_coefs = rules.ask_coefs
    scales = rules.scale
    domestic = 0.0
    aid_due = 0.0
    risk_total = 0.0
    cuts: dict[str, float] = {}
    max_cut = T.MAX_ROUTE_CUT
    for cid in rules.order:
        c = rule_countries[cid]
        cs = countries[cid]
        shock = 0.0
        mood = 0.0
        sticks = 0
        if cs.measures:
            for lid in cs.measures:
                k = lever_coefs.get(lid)
                if k is None:
                    continue
                scale = scales[(cid, lid)]
                if k[4]:
                    sticks += 1
                shock += k[0] * scale
                mood += k[1] * scale
                domestic += k[2]
                aid_due += k[3]
        returns = 0.0
        own_cut = 0.0
        if cs.commitments:
            risk = 0.0
            cut = 0.0
            for aid, level in cs.commitments.items():
                k = ask_coefs[aid]
                frac = level / k[4]
                mood += k[0] * frac
                returns += k[1] * frac
                own_cut += k[2] * frac
                risk += k[3] * frac
                cut += k[5] * frac
            returns *= c.capacity
            own_cut *= c.capacity
            cut *= c.capacity
            cuts[cid] = cut if cut < max_cut else max_cut
            risk_total += risk if risk < 1.0 else 1.0
        else:
            cuts[cid] = 0.0

        econ_before = cs.economy
        econ = (econ_before + econ_revert * (50.0 - econ_before) + econ_shock * shock
                + (rand() - 0.5) * _ECON_NOISE)
        if returns:
            econ -= returns / max(1.0, c.start_outflow_k) * c.exposure["remittances"] * remit_hit
        econ = 0.0 if econ < 0.0 else 100.0 if econ > 100.0 else econ
        cs.economy = econ
        approval = (cs.approval + appr_revert * (c.start_approval - cs.approval)
                    + 0.3 * (econ - econ_before) + appr_shock * mood
                    + (1.5 * c.pride if sticks else 0.0) + (rand() - 0.5) * _APPROVAL_NOISE)
        cs.approval = 0.0 if approval < 0.0 else 100.0 if approval > 100.0 else approval
        slump = (40.0 - econ) / 40.0 if econ < 40.0 else 0.0
        instability = cs.instability + 0.15 * (c.start_instability + 0.3 * slump - cs.instability)
        instability = 0.0 if instability < 0.0 else 1.0 if instability > 1.0 else instability
        cs.instability = instability
        push = (1.0 + push_econ * (50.0 - econ) / 50.0) * (
            1.0 + push_instab * (instability - c.start_instability))
        if push < 0.2:
            push = 0.2
        cs.outflow_k = (c.start_outflow_k * push + cs.surge_k) * (1.0 - (own_cut if own_cut < 0.8 else 0.8))
        cs.surge_k *= surge_decay
        relations = cs.relations + rel_revert * (c.start_relations - cs.relations) - rel_drain * sticks
        cs.relations = -100.0 if relations < -100.0 else 100.0 if relations > 100.0 else relations
        cs.trust += 0.02 * (1.0 - 0.5 * c.memory) * (c.start_trust - cs.trust)
        grievance = cs.grievance * (0.75 + 0.22 * c.memory) + sticks
        cs.grievance = 100.0 if grievance > 100.0 else grievance
        cs.returned_k += returns

    route_flows(rules, state, cuts=cuts)
    us.domestic_cost = domestic + us.domestic_cost_extra
    us.domestic_cost_total += us.domestic_cost
    us.aid_due_m = aid_due
    us.regional_resistance *= T.RESIST_DECAY
    us.expectations *= T.EXPECT_DECAY
    us.protection = clamp(100.0 * (1.0 - risk_total / max(1, len(rules.order))), 0.0, 100.0)


def cooperation(rules: Rules, state: GameState, cid: str) -> float:
    """0..100: how much of what could be asked of this country is in force (two asks at their top
    level, or more asks at lower levels, count as full cooperation)."""
    coefs = rules.ask_coefs
    total = 0.0
    for aid, level in state.countries[cid].commitments.items():
        total += level / coefs[aid][4]
    return clamp(100.0 * total / (min(2, rules.applicable[cid]) or 1), 0.0, 100.0)


def snapshot(rules: Rules, state: GameState, turn: int) -> None:
    """Append this turn's meters to the histories."""
    us = state.us
    arrivals = 0.0
    returned = 0.0
    stranded = 0.0
    coefs = rules.ask_coefs
    applicable = rules.applicable
    countries = state.countries
    for cid in rules.order:
        cs = countries[cid]
        arrivals += cs.arrivals_k
        returned += cs.returned_k
        stranded += cs.stranded_k
        coop = 0.0
        if cs.commitments:  # cooperation(), inlined
            total = 0.0
            for aid, level in cs.commitments.items():
                total += level / coefs[aid][4]
            coop = clamp(100.0 * total / (min(2, applicable[cid]) or 1), 0.0, 100.0)
        cs.history.append(CountrySnapshot(
            turn, cs.relations, cs.trust, cs.approval, cs.economy, cs.arrivals_k, coop))
    us.history.append(USSnapshot(
        turn, us.credibility, us.capital, us.aid_budget_m, us.domestic_cost, us.regional_resistance,
        arrivals, returned, stranded, us.protection))
