"""Content compiled for the turn engine: plain tuples and floats, no pydantic on the hot path.

``Rules`` is built once per scenario from a validated ``ContentBundle`` (``compiler.compile_rules``);
the engine reads only it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from game.content import Dimension
from game.content.common import LeverKind
from game.content.country import Retaliation, Start
from game.content.event import Event
from game.content.scenario import Mandate, Scenario
from game.engine.coefs import LevelEffect, RouteLink, WorldRow
from game.engine.conditions import Check, Effect
from game.engine.errors import UnknownContent
from game.i18n import _

DIMS: tuple[str, ...] = tuple(d.value for d in Dimension)
DIM_INDEX: dict[str, int] = {d: i for i, d in enumerate(DIMS)}
Vector = tuple[float, ...]


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
    log_miss: float                   # log(1 - chance) when 0 < chance < 1 (the gaps between successes), else 0
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
    route_tree: tuple[RouteLink, ...] | None = None
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


def is_stick(lever: LeverRule) -> bool:
    """Sticks are coercive measures."""
    return lever.kind is LeverKind.stick
