"""World dynamics each month: economies, approval, migration along the routes, returns, costs."""

from __future__ import annotations

from game.engine import tuning as T
from game.engine.rules import DIM_INDEX, Rules, is_stick
from game.engine.state import CountrySnapshot, GameState, USSnapshot

_ECON = DIM_INDEX["economy"]
_REMIT = DIM_INDEX["remittances"]
_AID = DIM_INDEX["aid"]
_APPROVAL = DIM_INDEX["approval"]
_SOV = DIM_INDEX["sovereignty"]


def clamp(value: float, low: float, high: float) -> float:
    """Keep a meter in its range."""
    return low if value < low else high if value > high else value


def ask_fraction(rules: Rules, ask: str, level: int) -> float:
    """How far along its levels an ask is (0 none, 1 top level)."""
    return level / len(rules.asks[ask].levels) if level > 0 else 0.0


def transit_cut(rules: Rules, state: GameState, cid: str) -> float:
    """Share of the flow crossing ``cid`` that its enforcement stops."""
    cs = state.countries[cid]
    cap = rules.countries[cid].capacity
    cut = 0.0
    for aid, level in cs.commitments.items():
        cut += rules.asks[aid].transit_cut * ask_fraction(rules, aid, level) * cap
    return min(cut, T.MAX_ROUTE_CUT)


def route_flows(rules: Rules, state: GameState) -> tuple[dict[str, float], float]:
    """Set each country's arrivals at the US border; returns people stopped per transit country
    and the total stranded this month."""
    cuts = {cid: transit_cut(rules, state, cid) for cid in rules.order}
    stopped_at: dict[str, float] = {cid: 0.0 for cid in rules.order}
    stranded = 0.0
    for cid in rules.order:
        cs = state.countries[cid]
        flow = cs.outflow_k
        own = cuts[cid] * T.OWN_TRANSIT_SHARE
        if own:
            stopped_at[cid] += flow * own
            flow *= 1.0 - own
        for rid in rules.countries[cid].route:
            cut = cuts[rid]
            if cut:
                stopped_at[rid] += flow * cut
                flow *= 1.0 - cut
        cs.arrivals_k = flow
    for rid, stopped in stopped_at.items():
        if stopped <= 0:
            continue
        share = max((rules.asks[a].stranded_share for a in state.countries[rid].commitments), default=0.0)
        stranded += stopped * share
        state.countries[rid].stranded_k += stopped * share
    return stopped_at, stranded


def run_world(rules: Rules, state: GameState) -> None:
    """One month of world dynamics for every country and for the US."""
    us = state.us
    rng = state.rng
    domestic = 0.0
    aid_due = 0.0
    returned_total = 0.0
    risk_total = 0.0
    for cid in rules.order:
        c = rules.countries[cid]
        cs = state.countries[cid]
        pressure = [0.0] * len(c.priorities)
        stick_count = 0
        for lid in cs.measures:
            lever = rules.levers.get(lid)
            if lever is None:
                continue
            scale = c.exposure_to(lever.exposure)
            if is_stick(lever):
                stick_count += 1
                scale *= 1.0 - T.ALTERNATIVES_CUSHION * c.exposure["alternatives"]
            for i, v in enumerate(lever.impacts):
                pressure[i] += v * scale
            domestic += lever.domestic_cost
            aid_due += lever.aid_cost_m
        concession = [0.0] * len(c.priorities)
        returns = 0.0
        own_cut = 0.0
        risk = 0.0
        for aid, level in cs.commitments.items():
            rule = rules.asks[aid]
            frac = ask_fraction(rules, aid, level)
            for i, v in enumerate(rule.costs):
                concession[i] += v * frac
            returns += rule.returns_k * frac * c.capacity
            own_cut += rule.own_flow_cut * frac * c.capacity
            risk += rule.protection_risk * frac
        risk_total += min(1.0, risk)

        econ_before = cs.economy
        shock = pressure[_ECON] + 0.6 * pressure[_REMIT] + 0.4 * pressure[_AID]
        remit_hit = returns / max(1.0, c.start_outflow_k) * c.exposure["remittances"] * T.RETURNS_REMITTANCE_HIT
        cs.economy = clamp(
            cs.economy + T.ECONOMY_REVERT * (50.0 - cs.economy) + T.ECONOMY_SHOCK * shock
            - remit_hit + rng.gauss(0.0, 0.6), 0.0, 100.0)
        mood = pressure[_APPROVAL] + 0.5 * concession[_APPROVAL] + 0.3 * concession[_SOV]
        rally = 1.5 * c.pride if stick_count else 0.0
        cs.approval = clamp(
            cs.approval + T.APPROVAL_REVERT * (c.start_approval - cs.approval)
            + 0.3 * (cs.economy - econ_before) + T.APPROVAL_SHOCK * mood + rally
            + rng.gauss(0.0, 0.8), 0.0, 100.0)
        target = c.start_instability + 0.3 * max(0.0, (40.0 - cs.economy) / 40.0)
        cs.instability = clamp(cs.instability + 0.15 * (target - cs.instability), 0.0, 1.0)
        push = (1.0 + T.PUSH_ECONOMY * (50.0 - cs.economy) / 50.0) * (
            1.0 + T.PUSH_INSTABILITY * (cs.instability - c.start_instability))
        cs.outflow_k = clamp(c.start_outflow_k * max(0.2, push) * (1.0 - min(0.8, own_cut)), 0.0, 1000.0)
        cs.relations = clamp(
            cs.relations + T.RELATIONS_REVERT * (c.start_relations - cs.relations)
            - T.STICK_RELATIONS_DRAIN * stick_count, -100.0, 100.0)
        cs.trust = clamp(cs.trust + 0.02 * (1.0 - 0.5 * c.memory) * (c.start_trust - cs.trust), 0.0, 100.0)
        cs.grievance = clamp(cs.grievance * (0.75 + 0.22 * c.memory) + 1.0 * stick_count, 0.0, 100.0)
        cs.returned_k += returns
        returned_total += returns

    route_flows(rules, state)
    us.domestic_cost = domestic + us.domestic_cost_extra
    us.domestic_cost_total += us.domestic_cost
    us.aid_due_m = aid_due
    us.regional_resistance = clamp(us.regional_resistance * T.RESIST_DECAY, 0.0, 100.0)
    us.expectations = clamp(us.expectations * T.EXPECT_DECAY, 0.0, 100.0)
    us.protection = clamp(100.0 * (1.0 - risk_total / max(1, len(rules.order))), 0.0, 100.0)


def cooperation(rules: Rules, state: GameState, cid: str) -> float:
    """0..100: how much of what could be asked of this country is in force."""
    cs = state.countries[cid]
    total = sum(ask_fraction(rules, a, lvl) for a, lvl in cs.commitments.items())
    applicable = sum(1 for a in rules.asks.values() if a.applies(cid)) or 1
    return clamp(100.0 * total / min(3, applicable), 0.0, 100.0)


def snapshot(rules: Rules, state: GameState, turn: int) -> None:
    """Append this turn's meters to the histories."""
    us = state.us
    arrivals = 0.0
    returned = 0.0
    stranded = 0.0
    for cid in rules.order:
        cs = state.countries[cid]
        arrivals += cs.arrivals_k
        returned += cs.returned_k
        stranded += cs.stranded_k
        cs.history.append(CountrySnapshot(
            turn=turn, relations=round(cs.relations, 3), trust=round(cs.trust, 3),
            approval=round(cs.approval, 3), economy=round(cs.economy, 3),
            arrivals_k=round(cs.arrivals_k, 3), cooperation=round(cooperation(rules, state, cid), 3)))
    us.history.append(USSnapshot(
        turn=turn, credibility=round(us.credibility, 3), political_capital=us.capital,
        aid_budget_m=round(us.aid_budget_m, 3), domestic_cost=round(us.domestic_cost, 3),
        regional_resistance=round(us.regional_resistance, 3), arrivals_k=round(arrivals, 3),
        returned_k=round(returned, 3), stranded_k=round(stranded, 3), protection=round(us.protection, 3)))
