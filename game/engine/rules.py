"""Content compiled for the turn engine: plain tuples and floats, no pydantic on the hot path.

``Rules`` is built once per scenario from a validated ``ContentBundle``; the engine reads only it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from game.content import ContentBundle, Dimension
from game.content.common import DIMENSION_HELP, LeverKind
from game.content.country import Retaliation, Start
from game.content.event import Event, Scope
from game.content.scenario import Mandate, Scenario
from game.engine import tuning as T
from game.engine.coefs import LevelEffect, WorldRow, ask_levels, route_tree, world_rows
from game.engine.conditions import Check, Effect, compile_effects, compile_event_condition, event_texts
from game.engine.errors import UnknownContent
from game.engine.tuning import ALTERNATIVES_CUSHION
from game.i18n import _

DIMS: tuple[str, ...] = tuple(d.value for d in Dimension)
DIM_INDEX: dict[str, int] = {d: i for i, d in enumerate(DIMS)}
Vector = tuple[float, ...]
_E, _R, _A = DIM_INDEX["economy"], DIM_INDEX["remittances"], DIM_INDEX["aid"]
_AP, _S = DIM_INDEX["approval"], DIM_INDEX["sovereignty"]


def _vector(impacts: list) -> Vector:
    out = [0.0] * len(DIMS)
    for impact in impacts:
        out[DIM_INDEX[impact.dimension.value]] += impact.amount
    return tuple(out)


class LeverCoef(NamedTuple):
    """A lever's monthly effects in force, before the target's exposure."""

    economy: float      # economy shock (economy, 0.6 of remittances, 0.4 of aid)
    approval: float     # approval shock
    domestic: float     # US domestic cost a month
    aid: float          # aid budget a month, $ millions
    stick: bool         # a coercive measure


class AskCoef(NamedTuple):
    """An ask's effects at its top level."""

    approval: float     # approval cost (half the approval cost, 0.3 of the sovereignty cost)
    returns_k: float
    own_flow_cut: float
    protection_risk: float
    levels: int         # number of levels
    transit_cut: float
    stranded_share: float


class RedLineRule(NamedTuple):
    """A level of an ask the government refuses (price 0) or grants only at a price."""

    from_level: int
    price: float
    reason: str


class EventPlan(NamedTuple):
    """One event as the monthly step checks it."""

    id: str
    places: tuple[str | None, ...]     # country ids, or None for a global event
    once: bool                        # fires once per place
    first: int                        # first turn
    last: int                         # last turn
    chance: float | None              # chance rolled first, or None
    check: Check | None               # the rest of the condition, or None
    effects: tuple[Effect, ...]
    texts: dict[str | None, tuple[str, str]]  # place -> title and text


@dataclass(frozen=True)
class LeverRule:
    """A lever as the engine uses it."""

    id: str
    name: str
    kind: LeverKind
    capital_cost: int
    aid_cost_m: float
    duration: int
    exposure: str
    impacts: Vector
    relations: float
    trust: float
    threat_public: bool
    threat_private: bool
    offerable: bool
    domestic_cost: float
    visibility: float
    requires: str | None


@dataclass(frozen=True)
class AskRule:
    """An ask as the engine uses it."""

    id: str
    name: str
    unit: str
    levels: tuple[float, ...]
    labels: tuple[str, ...]
    costs: Vector
    applies_to: frozenset[str]
    returns_k: float
    own_flow_cut: float
    transit_cut: float
    protection_risk: float
    stranded_share: float

    def applies(self, country: str) -> bool:
        """Whether the ask can be put to this country."""
        return not self.applies_to or country in self.applies_to


@dataclass(frozen=True)
class CountryRule:
    """A country's fixed, hidden and public numbers."""

    id: str
    name: str
    leader: str
    priorities: Vector
    pride: float
    retaliation: float
    reliability: float
    memory: float
    capacity: float
    exposure: dict[str, float]
    route: tuple[str, ...]
    lines: dict[str, tuple[str, ...]]  # response kind -> lines, with {leader} and {country} filled in
    start_outflow_k: float
    start_instability: float
    start_trust: float
    start_relations: float
    start_approval: float
    red_lines: dict[str, RedLineRule] = field(default_factory=dict)
    max_level: dict[str, int] = field(default_factory=dict)
    repertoire: tuple[Retaliation, ...] = ()
    counter_threat_lines: tuple[str, ...] = ()

    def exposure_to(self, kind: str) -> float:
        """How strongly a lever scaled by ``kind`` bites (1 when not scaled)."""
        return 1.0 if kind == "none" else self.exposure[kind]


@dataclass(frozen=True)
class Rules:
    """Everything the engine needs from the content for one scenario."""

    scenario_id: str
    scenario: Scenario
    countries: dict[str, CountryRule]
    order: tuple[str, ...]
    levers: dict[str, LeverRule]
    asks: dict[str, AskRule]
    events: dict[str, Event]
    mandates: dict[str, Mandate]
    fingerprint: str
    starts: dict[str, Start]
    lever_order: tuple[str, ...] = field(default=())
    ask_order: tuple[str, ...] = field(default=())
    # Precomputed for the hot path (fixed for the whole game):
    ask_base: dict[tuple[str, str], float] = field(default_factory=dict)
    pain: dict[tuple[str, str], float] = field(default_factory=dict)
    value: dict[tuple[str, str], float] = field(default_factory=dict)
    applicable: dict[str, int] = field(default_factory=dict)
    event_plan: tuple[EventPlan, ...] = ()
    lever_coefs: dict[str, LeverCoef] = field(default_factory=dict)
    ask_coefs: dict[str, AskCoef] = field(default_factory=dict)
    # (country, ask or lever) -> the dimension it touches most for that country, in words
    topic: dict[tuple[str, str], str] = field(default_factory=dict)
    # returns (k/month) if every country met every ask it can be asked at the top level (at least 1)
    max_returns_k: float = 1.0
    # (country, ask) -> k returned a month at each level from 0 to the top (capacity included)
    returns: dict[tuple[str, str], tuple[float, ...]] = field(default_factory=dict)
    # levers that can be offered in a proposal, in lever order
    offerable: tuple[str, ...] = ()
    # per-country constants of the world step (see coefs.world_rows)
    world: tuple[WorldRow, ...] = ()
    # ask id -> the effects of each of its levels in force (see coefs.ask_levels)
    ask_levels: dict[str, tuple[LevelEffect, ...]] = field(default_factory=dict)
    # country -> its row of ``world``
    world_index: dict[str, WorldRow] = field(default_factory=dict)
    # (country, next country on its route) from south to north, or None (see coefs.route_tree)
    route_tree: tuple[tuple[str, str | None], ...] | None = None
    # country -> sticks from the most to the least harmful by public exposure (for bots)
    stick_rank: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def country(self, cid: str) -> CountryRule:
        """The country, or a player-readable error."""
        try:
            return self.countries[cid]
        except KeyError:
            raise UnknownContent(_("There is no country '{cid}' in this scenario.").format(cid=cid)) from None

    def lever(self, lid: str) -> LeverRule:
        """The lever, or a player-readable error."""
        try:
            return self.levers[lid]
        except KeyError:
            raise UnknownContent(_("There is no lever '{lid}'.").format(lid=lid)) from None

    def ask(self, aid: str) -> AskRule:
        """The ask, or a player-readable error."""
        try:
            return self.asks[aid]
        except KeyError:
            raise UnknownContent(_("There is no ask '{aid}'.").format(aid=aid)) from None


def compile_rules(bundle: ContentBundle, scenario_id: str) -> Rules:
    """Build the engine's view of one scenario from validated content."""
    if scenario_id not in bundle.scenarios:
        known = ", ".join(sorted(bundle.scenarios)) or "none"
        raise UnknownContent(_("There is no scenario '{scenario_id}' (known: {known}).").format(
                                 scenario_id=scenario_id, known=known))
    scenario = bundle.scenarios[scenario_id]
    countries: dict[str, CountryRule] = {}
    for cid in scenario.countries:
        if cid not in bundle.countries:
            raise UnknownContent(_("Scenario '{scenario_id}' lists country '{cid}', which is not in the data.").format(
                                     scenario_id=scenario_id, cid=cid))
        src = bundle.countries[cid]
        countries[cid] = CountryRule(
            id=cid, name=src.name, leader=src.leader,
            priorities=tuple(getattr(src.priorities, d) for d in DIMS),
            pride=src.traits.pride, retaliation=src.traits.retaliation,
            reliability=src.traits.reliability, memory=src.traits.memory, capacity=src.traits.capacity,
            exposure=src.exposure.model_dump(),
            route=tuple(r for r in src.route if r in scenario.countries),
            lines={k: tuple(line.replace("{leader}", src.leader).replace("{country}", src.name) for line in v)
                   for k, v in src.lines.model_dump().items() if v},
            start_outflow_k=src.start.outflow_k, start_instability=src.start.instability,
            start_trust=src.start.trust, start_relations=src.start.relations,
            start_approval=src.start.approval,
            red_lines={r.ask: RedLineRule(r.from_level, r.price, r.reason) for r in src.limits.red_lines},
            max_level=dict(src.limits.max_level), repertoire=tuple(src.retaliation),
            counter_threat_lines=tuple(line.replace("{leader}", src.leader).replace("{country}", src.name)
                                       for line in src.lines.counter_threat),
        )
    levers = {
        lid: LeverRule(
            id=lid, name=lv.name, kind=lv.kind, capital_cost=lv.capital_cost,
            aid_cost_m=lv.aid_cost_m, duration=lv.duration, exposure=lv.exposure.value,
            impacts=_vector(lv.impacts), relations=lv.relations, trust=lv.trust,
            threat_public=lv.threat_public, threat_private=lv.threat_private,
            offerable=lv.offerable, domestic_cost=lv.domestic_cost, visibility=lv.visibility,
            requires=lv.requires,
        )
        for lid, lv in bundle.levers.items()
    }
    asks = {
        aid: AskRule(
            id=aid, name=a.name, unit=a.unit,
            levels=tuple(level.value for level in a.levels),
            labels=tuple(level.label for level in a.levels),
            costs=_vector(a.costs), applies_to=frozenset(a.applies_to),
            returns_k=a.world.returns_k, own_flow_cut=a.world.own_flow_cut,
            transit_cut=a.world.transit_cut, protection_risk=a.world.protection_risk,
            stranded_share=a.world.stranded_share,
        )
        for aid, a in bundle.asks.items()
    }
    ask_base: dict[tuple[str, str], float] = {}
    pain: dict[tuple[str, str], float] = {}
    value: dict[tuple[str, str], float] = {}
    felt: dict[tuple[str, str], Vector] = {}  # (country, ask) -> its costs as the country feels them
    for cid, c in countries.items():
        cushion = 1.0 - ALTERNATIVES_CUSHION * c.exposure["alternatives"]
        remit = min(1.0, T.REMIT_COST_EXPOSURE * c.exposure["remittances"])
        for aid, a in asks.items():
            costs = list(a.costs)
            costs[_R] *= remit  # lost remittances weigh as much as the country lives on them
            felt[(cid, aid)] = tuple(costs)
            ask_base[(cid, aid)] = -sum(p * v for p, v in zip(c.priorities, costs))
        for lid, lv in levers.items():
            raw = sum(p * v for p, v in zip(c.priorities, lv.impacts)) * c.exposure_to(lv.exposure)
            pain[(cid, lid)] = max(0.0, -raw) * cushion
            value[(cid, lid)] = raw
    topic: dict[tuple[str, str], str] = {}
    for cid, c in countries.items():
        for key, vector in [*((a, felt[(cid, a)]) for a in asks), *((lid, r.impacts) for lid, r in levers.items())]:
            best = max(range(len(DIMS)), key=lambda i: abs(c.priorities[i] * vector[i]))
            topic[(cid, key)] = _(DIMENSION_HELP[Dimension(DIMS[best])])
    stick_rank = {
        cid: tuple(sorted((lid for lid, lv in levers.items() if lv.kind is LeverKind.stick),
                          key=lambda lid: sum(levers[lid].impacts) * c.exposure_to(levers[lid].exposure)))
        for cid, c in countries.items()
    }
    wanted = scenario.events if scenario.events is not None else list(bundle.events)
    events = {eid: bundle.events[eid] for eid in wanted if eid in bundle.events}
    compiled = {eid: compile_event_condition(ev.when) for eid, ev in events.items()}
    places = {eid: tuple(c for c in (ev.countries or scenario.countries) if c in countries)
              if ev.scope is Scope.each_country else (None,) for eid, ev in events.items()}
    names = {cid: (c.name, c.leader) for cid, c in countries.items()}
    order = tuple(scenario.countries)
    applicable = {cid: sum(1 for a in asks.values() if a.applies(cid)) for cid in countries}
    # (country, lever) -> how strongly the lever bites it: exposure, cushioned by alternatives for sticks
    scale = {
        (cid, lid): c.exposure_to(lv.exposure) * (
            1.0 - ALTERNATIVES_CUSHION * c.exposure["alternatives"] if lv.kind is LeverKind.stick else 1.0)
        for cid, c in countries.items() for lid, lv in levers.items()
    }
    lever_coefs = {
        lid: LeverCoef(lv.impacts[_E] + 0.6 * lv.impacts[_R] + 0.4 * lv.impacts[_A], lv.impacts[_AP],
                       lv.domestic_cost, lv.aid_cost_m, lv.kind is LeverKind.stick)
        for lid, lv in levers.items()
    }
    ask_coefs = {
        aid: AskCoef(0.5 * a.costs[_AP] + 0.3 * a.costs[_S], a.returns_k, a.own_flow_cut, a.protection_risk,
                     len(a.levels), a.transit_cut, a.stranded_share)
        for aid, a in asks.items()
    }
    returns = {(cid, aid): returns_table(bundle, cid, a, countries[cid].capacity, bundle.asks[aid].world.from_removals)
               for cid in countries for aid, a in asks.items()}
    world = world_rows(countries, order, lever_coefs, scale, applicable, returns)
    return Rules(
        scenario_id=scenario_id, scenario=scenario, countries=countries,
        order=order, levers=levers, asks=asks, events=events,
        mandates=dict(scenario.mandates), fingerprint=bundle.fingerprint,
        starts={cid: bundle.countries[cid].start for cid in scenario.countries},
        lever_order=tuple(levers), ask_order=tuple(asks),
        offerable=tuple(lid for lid, lv in levers.items() if lv.offerable),
        ask_base=ask_base, pain=pain, value=value, topic=topic, stick_rank=stick_rank,
        world=world, world_index={row.cid: row for row in world},
        route_tree=route_tree(countries, order), ask_levels=ask_levels(ask_coefs),
        applicable=applicable,
        max_returns_k=max(1.0, sum(returns[(cid, aid)][-1] for cid in countries for aid, a in asks.items()
                                   if a.applies(cid))),
        event_plan=tuple(
            EventPlan(eid, places[eid], ev.once, compiled[eid][2], compiled[eid][3], compiled[eid][1], compiled[eid][0],
                      compile_effects(ev), event_texts(ev, places[eid], names))
            for eid, ev in events.items()
        ),
        lever_coefs=lever_coefs, ask_coefs=ask_coefs, returns=returns,
    )


def is_stick(lever: LeverRule) -> bool:
    """Sticks are coercive measures."""
    return lever.kind is LeverKind.stick


def returns_table(bundle: ContentBundle, cid: str, ask: AskRule, capacity: float, from_removals: bool) -> tuple[float, ...]:
    """Thousands returned a month at each level of the ask (0 first), for one country.

    An ask whose returns come from removals (``world.from_removals``) is calibrated on the fact
    sheet: the level held at the start returns the country's yearly removals, other levels in
    proportion (a country holding none counts as halfway), never more a month than
    ``RETURN_POOL_RATE`` of its nationals living in the US without authorization. Otherwise, and
    when the figures are missing, the top level returns ``returns_k`` times the country's capacity.
    """
    n = len(ask.levels)
    top = ask.returns_k * capacity
    facts = bundle.countries[cid].facts
    if from_removals and facts.removals_per_year:
        held = bundle.countries[cid].start.commitments.get(ask.id, 0)
        top = facts.removals_per_year / 12000.0 * n / (held if held else n / 2.0)
        if facts.unauthorized_in_us_k:
            top = min(top, facts.unauthorized_in_us_k * T.RETURN_POOL_RATE)
    return tuple(top * level / n for level in range(n + 1))
