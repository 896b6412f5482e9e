"""World dynamics each month: economies, approval, migration along the routes, returns, costs."""

from __future__ import annotations

from game.engine import tuning as T
from game.engine.coefs import APPROVAL_NOISE, ECON_BASE, ECON_KEEP, ECON_NOISE, RouteLink
from game.engine.rules import Rules
from game.engine.state import CountrySnapshot, CountryState, GameState, USSnapshot
from game.engine.terms import bite


def clamp(value: float, low: float, high: float) -> float:
    """Keep a meter in its range."""
    return low if value < low else high if value > high else value


def transit_cut(rules: Rules, state: GameState, cid: str) -> float:
    """Share of the flow crossing ``cid`` that its enforcement stops."""
    commitments = state.countries[cid].commitments
    if not commitments:
        return 0.0
    levels = rules.ask_levels
    cut = 0.0
    for aid, level in commitments.items():
        cut += levels[aid][level].transit_cut
    cut *= rules.countries[cid].capacity
    return cut if cut < T.MAX_ROUTE_CUT else T.MAX_ROUTE_CUT


def route_flows(rules: Rules, state: GameState, record: bool = True, cuts: dict[str, float] | None = None) -> float:
    """Set each country's arrivals at the US border from its outflow and the enforcement along its
    route; people stopped are partly stranded in the transit country. Returns the total stranded.
    ``cuts`` (each country's transit cut) is computed here when not given."""
    countries = state.countries
    if cuts is None:
        cuts = {cid: transit_cut(rules, state, cid) for cid in rules.order}
    if not any(cuts.values()):  # nobody enforces anything: everyone who leaves arrives
        for cid in rules.order:
            cs = countries[cid]
            cs.arrivals_k = cs.outflow_k
        return 0.0
    own_share = T.OWN_TRANSIT_SHARE
    stopped_at: dict[str, float] = {}
    tree = rules.route_tree
    if tree is not None:
        _tree_flows(tree, countries, cuts, stopped_at, own_share)
        return _strand(rules, state, stopped_at, record)
    for row in rules.world:
        cid = row.cid
        cs = countries[cid]
        flow = cs.outflow_k
        own = cuts[cid] * own_share
        if own:
            stopped_at[cid] = stopped_at.get(cid, 0.0) + flow * own
            flow *= 1.0 - own
        for rid in row.route:
            cut = cuts[rid]
            if cut:
                stopped_at[rid] = stopped_at.get(rid, 0.0) + flow * cut
                flow *= 1.0 - cut
        cs.arrivals_k = flow
    return _strand(rules, state, stopped_at, record)


def _tree_flows(tree: tuple[RouteLink, ...], countries: dict[str, CountryState],
                cuts: dict[str, float], stopped_at: dict[str, float], own_share: float) -> None:
    """``route_flows`` when the routes form a tree: instead of following every country's route to
    the border, the flows crossing each country are added up once, from south to north."""
    count = len(tree)
    kept = [1.0] * count  # per link: share of the people passing the country that reach the border
    for at in range(count - 1, -1, -1):
        after = tree[at].after
        if after is not None:
            kept[at] = (1.0 - cuts[after]) * kept[tree[at].after_at]
    inflow = [0.0] * count  # per link: people from further south crossing the country
    for at, (cid, _, after_at) in enumerate(tree):
        cs = countries[cid]
        flow = cs.outflow_k
        cut = cuts[cid]
        passing = inflow[at]
        if cut:
            own = cut * own_share
            stopped_at[cid] = flow * own + passing * cut
            flow *= 1.0 - own
            passing *= 1.0 - cut
        cs.arrivals_k = flow * kept[at]
        if after_at >= 0:
            inflow[after_at] = inflow[after_at] + passing + flow


def _strand(rules: Rules, state: GameState, stopped_at: dict[str, float], record: bool) -> float:
    """Part of the people stopped in each country are stranded there; returns the total."""
    countries = state.countries
    stranded = 0.0
    coefs = rules.ask_coefs
    weight = T.STRANDED_APPROVAL
    for rid, stopped in stopped_at.items():
        rs = countries[rid]
        share = 0.0  # the largest stranded share among its commitments
        for aid in rs.commitments:
            if coefs[aid].stranded_share > share:
                share = coefs[aid].stranded_share
        if record:
            left = stopped * share
            rs.stranded_k += left
            rs.stranded_month_k = left
            # people stranded in a transit country weigh on its government every month
            approval = rs.approval - weight * left
            rs.approval = approval if approval > 0.0 else 0.0
        stranded += stopped * share
    return stranded


def run_world(rules: Rules, state: GameState) -> None:
    """One month of world dynamics for every country and for the US.

    This is the engine's hot path: it reads the constants precomputed in ``rules.world`` (see
    ``coefs.WorldRow``) and avoids helper calls. Per country and month:

    - economy: pulled back towards 50, hit by measures in force and by returns (lost remittances),
      plus noise;
    - approval: pulled back to its start, follows the economy, moved by measures and concessions,
      rallies while US sticks are in force, plus noise;
    - instability: pulled back to its start, raised by a slump (economy under 40);
    - outflow: the start outflow pushed by a weak economy and instability, plus event surges, less
      what the country's own enforcement stops;
    - relations drift back to their start and drain under sticks; trust drifts back; grievance fades
      and grows under sticks.
    """
    us = state.us
    rand = state.rng.random
    econ_keep, econ_base, econ_noise, appr_noise = ECON_KEEP, ECON_BASE, ECON_NOISE, APPROVAL_NOISE
    appr_keep = 1.0 - T.APPROVAL_REVERT
    push_top, push_econ, push_instab = 1.0 + T.PUSH_ECONOMY, T.PUSH_ECONOMY / 50.0, T.PUSH_INSTABILITY
    surge_decay = T.SURGE_DECAY
    rel_keep, rel_drain = 1.0 - T.RELATIONS_REVERT, T.STICK_RELATIONS_DRAIN
    countries = state.countries
    ask_levels = rules.ask_levels
    domestic = 0.0
    aid_due = 0.0
    risk_total = 0.0
    cuts: dict[str, float] = {}
    max_cut = T.MAX_ROUTE_CUT
    alt_keep = T.ALTERNATIVES_KEEP
    for (cid, capacity, out0, remit, appr_base, rally, instab_base, push_base, rel_base, trust_keep, trust_base,
         keep_grievance, effects, _, _, returns_of) in rules.world:
        cs = countries[cid]
        shock = 0.0
        mood = 0.0
        sticks = 0
        if cs.measures:
            left = bite(rules, cs) if cs.alternatives else 1.0  # sticks bite less with other partners
            for lid in cs.measures:
                e = effects.get(lid)
                if e is None:
                    continue
                d_econ, d_approval, d_domestic, d_aid, stick = e  # a LeverEffect, unpacked
                shock += d_econ * left if stick else d_econ
                mood += d_approval
                domestic += d_domestic
                aid_due += d_aid
                sticks += stick
        returns = 0.0
        own_cut = 0.0
        if cs.commitments:
            risk = 0.0
            cut = 0.0
            for aid, level in cs.commitments.items():
                d_approval, _, d_own, d_risk, d_cut = ask_levels[aid][level]  # a LevelEffect, unpacked
                mood += d_approval
                returns += returns_of[aid][level]  # already per country (calibrated, capacity included)
                own_cut += d_own
                risk += d_risk
                cut += d_cut
            own_cut *= capacity
            cut *= capacity
            cuts[cid] = cut if cut < max_cut else max_cut
            risk_total += risk if risk < 1.0 else 1.0
        else:
            cuts[cid] = 0.0

        econ_before = cs.economy
        econ = econ_before * econ_keep + econ_base + shock + rand() * econ_noise - returns * remit
        econ = 0.0 if econ < 0.0 else 100.0 if econ > 100.0 else econ
        cs.economy = econ
        approval = (cs.approval * appr_keep + appr_base + 0.3 * (econ - econ_before) + mood
                    + (rally if sticks else 0.0) + rand() * appr_noise)
        cs.approval = 0.0 if approval < 0.0 else 100.0 if approval > 100.0 else approval
        # 0.15 of the way back to the start, plus 0.15 * 0.3 * (40 - economy) / 40 in a slump
        instability = cs.instability * 0.85 + instab_base + (0.045 - 0.001125 * econ if econ < 40.0 else 0.0)
        instability = 0.0 if instability < 0.0 else 1.0 if instability > 1.0 else instability
        cs.instability = instability
        push = (push_top - push_econ * econ) * (push_base + push_instab * instability)
        cs.outflow_k = (out0 * (push if push > 0.2 else 0.2) + cs.surge_k) * (1.0 - (own_cut if own_cut < 0.8 else 0.8))
        cs.surge_k *= surge_decay
        relations = cs.relations * rel_keep + rel_base - rel_drain * sticks
        cs.relations = -100.0 if relations < -100.0 else 100.0 if relations > 100.0 else relations
        cs.trust = cs.trust * trust_keep + trust_base
        grievance = cs.grievance * keep_grievance + sticks
        cs.grievance = 100.0 if grievance > 100.0 else grievance
        if returns:
            cs.returned_k += returns
        if cs.alternatives:  # the turn to other partners fades
            kept = cs.alternatives * alt_keep
            cs.alternatives = kept if kept >= 0.005 else 0.0

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
    return cooperation_of(rules, state.countries[cid].commitments, rules.world_index[cid].coop_scale)


def cooperation_of(rules: Rules, commitments: dict[str, int], scale: float) -> float:
    """``cooperation`` from the commitments and the country's scale (``WorldRow.coop_scale``)."""
    if not commitments:
        return 0.0
    coefs = rules.ask_coefs
    total = 0.0
    for aid, level in commitments.items():
        total += level / coefs[aid].levels
    total *= scale
    return total if total < 100.0 else 100.0


def snapshot(rules: Rules, state: GameState, turn: int) -> None:
    """Append this turn's meters to the histories."""
    us = state.us
    arrivals = 0.0
    returned = 0.0
    stranded = 0.0
    countries = state.countries
    coefs = rules.ask_coefs
    for row in rules.world:
        cs = countries[row.cid]
        arrivals += cs.arrivals_k
        returned += cs.returned_k
        stranded += cs.stranded_k
        coop = 0.0  # cooperation_of, written out
        if cs.commitments:
            for aid, level in cs.commitments.items():
                coop += level / coefs[aid].levels
            coop *= row.coop_scale
            if coop > 100.0:
                coop = 100.0
        cs.history.append(CountrySnapshot(
            turn, cs.relations, cs.trust, cs.approval, cs.economy, cs.arrivals_k, coop))
    us.history.append(USSnapshot(
        turn, us.credibility, us.capital, us.aid_budget_m, us.domestic_cost, us.regional_resistance,
        arrivals, returned, stranded, us.protection))
