"""The country model: public facts, hidden priorities, traits, exposures and starting state."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from game.content.common import CountryId, RetaliationKind, ShortText, Slug, Strict, Text


class ChinaTies(str, Enum):
    """How close a government is to China as an alternative partner."""

    none = "none"
    weak = "weak"
    moderate = "moderate"
    strong = "strong"


class Facts(Strict):
    """Public, sourced facts shown in the dossier. Leave a figure out when it is not known."""

    population_m: float = Field(ge=0, le=2000, description="Population in millions.")
    gdp_bn: float | None = Field(default=None, ge=0, le=50000, description="GDP in billions of US dollars; leave out when uncertain.")
    remittances_pct_gdp: float | None = Field(default=None, ge=0, le=100, description="Remittances received as a percentage of GDP.")
    exports_to_us_pct: float | None = Field(default=None, ge=0, le=100, description="Share of the country's exports that go to the United States, in percent.")
    encounters_k: float = Field(ge=0, le=5000, description="Nationals encountered at the US southwest border per year, in thousands.")
    unauthorized_in_us_k: float | None = Field(default=None, ge=0, le=50000, description="Nationals living in the US without authorization, in thousands.")
    removals_per_year: int | None = Field(default=None, ge=0, le=1_000_000, description="ICE removals to this country in a recent year.")
    china_ties: Annotated[ChinaTies, Field(strict=False, description="Closeness to China: none, weak, moderate or strong.")]
    china_note: ShortText | None = Field(default=None, description="One line on China ties for the dossier.")
    agreements: list[Text] = Field(default_factory=list, max_length=30, description="Past agreements and episodes with the US, one line each, for the dossier.")
    sources: list[ShortText] = Field(min_length=1, max_length=30, description="Where the figures come from.")


class Priorities(Strict):
    """Hidden weights (0 = does not care, 1 = cares most) the government puts on each dimension."""

    economy: float = Field(ge=0, le=1, description="Economy and trade with the United States.")
    remittances: float = Field(ge=0, le=1, description="Money sent home by nationals in the United States.")
    sovereignty: float = Field(ge=0, le=1, description="Sovereignty and national pride.")
    approval: float = Field(ge=0, le=1, description="Domestic approval of the government.")
    security: float = Field(ge=0, le=1, description="Security cooperation with the United States.")
    aid: float = Field(ge=0, le=1, description="US foreign aid.")
    regime_survival: float = Field(ge=0, le=1, description="Survival of the government itself.")
    alt_partners: float = Field(ge=0, le=1, description="Ties to alternative partners (China, Russia and others).")


class Traits(Strict):
    """How the government behaves, each from 0 to 1."""

    pride: float = Field(ge=0, le=1, description="How costly it is to give in to a public threat.")
    retaliation: float = Field(ge=0, le=1, description="How readily it hits back when coerced.")
    reliability: float = Field(ge=0, le=1, description="How faithfully it keeps commitments (low = backslides).")
    memory: float = Field(ge=0, le=1, description="How slowly grievances and trust fade (1 = never forgets).")
    capacity: float = Field(ge=0, le=1, description="State capacity to carry out what it agrees (flights, border policing).")


class Exposures(Strict):
    """How much each kind of US measure can hurt or help this country, from 0 to 1."""

    trade: float = Field(ge=0, le=1, description="Dependence on exports to the US (tariffs, trade preferences).")
    remittances: float = Field(ge=0, le=1, description="Dependence on remittances from the US (remittance tax).")
    aid: float = Field(ge=0, le=1, description="Dependence on US aid (aid cuts and packages).")
    visas: float = Field(ge=0, le=1, description="How much officials and elites need US visas.")
    sanctions: float = Field(ge=0, le=1, description="How much further sanctions still bite (low when already heavily sanctioned); also scales sanctions relief.")
    alternatives: float = Field(ge=0, le=1, description="How far other partners can replace what the US withholds; cushions every stick.")


class Start(Strict):
    """The state of the country when the scenario begins."""

    relations: float = Field(ge=-100, le=100, description="Relations with the US, -100 hostile to 100 close.")
    trust: float = Field(ge=0, le=100, description="Trust in US promises, 0 to 100.")
    approval: float = Field(ge=0, le=100, description="Domestic approval of the government, 0 to 100.")
    economy: float = Field(ge=0, le=100, description="Economic health index, 0 to 100 (50 = normal).")
    instability: float = Field(ge=0, le=1, description="Violence and insecurity pushing people to leave, 0 to 1.")
    outflow_k: float = Field(ge=0, le=500, description="Nationals heading for the US border each month at the start, in thousands.")
    commitments: dict[Slug, int] = Field(default_factory=dict, description="Asks already in force at the start: ask id = level (1 = lowest level).")
    measures: list[Slug] = Field(default_factory=list, description="US levers already in force against or for this country (e.g. sanctions).")


class Lines(Strict):
    """What the government says in each kind of response. One line is picked per response; {leader} and {country} are filled in."""

    accept: list[Text] = Field(min_length=1, description="Said when accepting a proposal.")
    counter: list[Text] = Field(min_length=1, description="Said when making a counter-offer.")
    stall: list[Text] = Field(min_length=1, description="Said when stalling.")
    reject: list[Text] = Field(min_length=1, description="Said when rejecting.")
    retaliate: list[Text] = Field(min_length=1, description="Said when retaliating.")
    backslide: list[Text] = Field(min_length=1, description="Said when quietly dropping a commitment.")
    counter_threat: list[Text] = Field(default_factory=list, description="Said when answering a threat by naming what it will do if the US goes ahead; none = its reject lines are used.")


class RedLine(Strict):
    """An ask the government refuses from some level on, or grants only at a steep price."""

    ask: Slug = Field(description="The ask (an id from asks.toml).")
    from_level: int = Field(default=1, ge=1, le=5, description="The first level that crosses the line (1 = any level).")
    price: float = Field(default=0.0, ge=0, le=5, description="Extra cost a month, in priority units, of crossing it; 0 = refused outright whatever is offered.")
    reason: Text = Field(description="Why, in the government's own terms; shown to the player once learned.")


class Retaliation(Strict):
    """One answer the government can give to new US coercion, with its effects."""

    kind: Annotated[RetaliationKind, Field(strict=False, description="counter_tariffs, suspend_security, suspend_flights, regional_forum or alt_partners.")]
    text: ShortText = Field(description="What it does, as the news reports it, e.g. 'Counter-tariffs on US farm goods'.")
    weight: float = Field(default=1.0, ge=0, le=10, description="How readily it picks this answer over its others.")
    us_cost: float = Field(default=0.0, ge=0, le=10, description="US domestic cost a month while it lasts (consumers, firms, farmers).")
    months: int = Field(default=3, ge=1, le=24, description="How many months the cost lasts.")
    resistance: float = Field(default=0.0, ge=0, le=50, description="Regional resistance to US pressure it stirs, 0-100 points.")
    own_cost: float = Field(default=0.0, ge=0, le=20, description="Economy points the government loses by it (its own cost).")
    drops: list[Slug] = Field(default_factory=list, description="Asks whose level it lowers by one (suspended cooperation), ask ids.")
    alternatives: float = Field(default=0.0, ge=0, le=0.5, description="How much its alternatives exposure grows (turning to other partners).")


class Limits(Strict):
    """What the government will not do, and what it cannot deliver."""

    red_lines: list[RedLine] = Field(default_factory=list, max_length=12, description="Asks it refuses or grants only at a steep price.")
    max_level: dict[Slug, int] = Field(default_factory=dict, description="Highest level of an ask its state can deliver (ask id = level); a higher level is never agreed.")


class MapInfo(Strict):
    """Where the country is drawn and labelled on the map."""

    label_lon: float = Field(ge=-180, le=180, description="Longitude of the map label.")
    label_lat: float = Field(ge=-90, le=90, description="Latitude of the map label.")
    outline: str | None = Field(default=None, description="Outline id in the map asset (defaults to the country id).")


class Country(Strict):
    """One government the envoy deals with."""

    name: ShortText = Field(description="Common English name.")
    leader: ShortText = Field(description="Head of government at the start (a fact, never a caricature).")
    capital: ShortText = Field(description="Capital city.")
    summary: Text = Field(description="Two or three sentences for the dossier.")
    route: list[CountryId] = Field(default_factory=list, max_length=12, description="Countries its migrants usually cross on the way north, in order.")
    facts: Facts = Field(description="Public, sourced facts.")
    priorities: Priorities = Field(description="Hidden priorities; revealed only at the debrief.")
    traits: Traits = Field(description="Behaviour traits; hidden.")
    exposure: Exposures = Field(description="How much each US measure can bite; hidden.")
    start: Start = Field(description="Starting state.")
    lines: Lines = Field(description="The government's written responses.")
    map: MapInfo = Field(description="Map label position.")
    limits: Limits = Field(default_factory=Limits, description="Red lines and the limits of its capacity; hidden until learned.")
    retaliation: list[Retaliation] = Field(default_factory=list, max_length=8, description="The answers it can give to new US coercion; none = it does not hit back.")

    @model_validator(mode="after")
    def _trade_weight(self) -> "Country":
        for option in self.retaliation:
            if option.kind is RetaliationKind.counter_tariffs and self.exposure.trade < 0.3:
                raise ValueError("counter_tariffs need trade weight: a government with exposure.trade under 0.3 "
                                 "cannot hurt the US with tariffs; choose another kind of retaliation")
        return self
