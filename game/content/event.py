"""The event model: a structured condition on the game state, effects and news text.

Conditions are data (comparisons combined with all/any/not, turn ranges and chance); they are
parsed from TOML into these models and evaluated by the engine, never ``eval``-ed.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from game.content.common import CountryId, ShortText, Slug, Strict, Text


class Metric(str, Enum):
    """A number in the game state that a condition can test or an effect can change."""

    relations = "relations"
    trust = "trust"
    approval = "approval"
    economy = "economy"
    instability = "instability"
    outflow_k = "outflow_k"
    grievance = "grievance"
    commitment = "commitment"
    lever_in_force = "lever_in_force"
    credibility = "credibility"
    political_capital = "political_capital"
    aid_budget_m = "aid_budget_m"
    domestic_cost = "domestic_cost"
    regional_resistance = "regional_resistance"
    turn = "turn"


COUNTRY_METRICS = frozenset({
    Metric.relations, Metric.trust, Metric.approval, Metric.economy, Metric.instability,
    Metric.outflow_k, Metric.grievance, Metric.commitment, Metric.lever_in_force,
})
EFFECT_METRICS = frozenset({
    Metric.relations, Metric.trust, Metric.approval, Metric.economy, Metric.instability,
    Metric.outflow_k, Metric.grievance, Metric.credibility, Metric.political_capital,
    Metric.aid_budget_m, Metric.domestic_cost, Metric.regional_resistance,
})


class Op(str, Enum):
    """A comparison."""

    lt = "<"
    le = "<="
    gt = ">"
    ge = ">="
    eq = "=="
    ne = "!="


class Scope(str, Enum):
    """Whether an event is checked once for the whole game or once for each country."""

    global_ = "global"
    each_country = "each_country"


class Condition(Strict):
    """Exactly one of: all, any, not, a comparison (metric + op + value), a turn range, or chance."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True, defer_build=True)

    all: list[Condition] | None = Field(default=None, min_length=1, description="True when every listed condition is true.")
    any: list[Condition] | None = Field(default=None, min_length=1, description="True when at least one listed condition is true.")
    not_: Condition | None = Field(default=None, alias="not", description="True when the inner condition is false.")
    metric: Annotated[Metric | None, Field(default=None, strict=False, description="The number to compare.")]
    country: CountryId | None = Field(default=None, description="Whose metric; leave out in an each_country event to mean the country being checked.")
    ask: Slug | None = Field(default=None, description="For metric = commitment: which ask (its level in force, 0 = none).")
    lever: Slug | None = Field(default=None, description="For metric = lever_in_force: which lever (1 = in force, 0 = not).")
    op: Annotated[Op | None, Field(default=None, strict=False, description="Comparison: <, <=, >, >=, == or !=.")]
    value: float | None = Field(default=None, description="The number compared against.")
    turn_min: int | None = Field(default=None, ge=1, le=120, description="True from this turn on.")
    turn_max: int | None = Field(default=None, ge=1, le=120, description="True up to and including this turn.")
    chance: float | None = Field(default=None, ge=0, le=1, description="True with this probability each time it is checked.")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            self.all is not None, self.any is not None, self.not_ is not None,
            self.metric is not None, self.turn_min is not None or self.turn_max is not None,
            self.chance is not None,
        ]
        if sum(forms) != 1:
            raise ValueError("a condition needs exactly one of: all, any, not, metric, turn_min/turn_max, chance")
        if self.metric is not None:
            if self.op is None or self.value is None:
                raise ValueError("a comparison needs metric, op and value")
            if self.metric is Metric.commitment and self.ask is None:
                raise ValueError("metric = 'commitment' needs ask = an ask id")
            if self.metric is Metric.lever_in_force and self.lever is None:
                raise ValueError("metric = 'lever_in_force' needs lever = a lever id")
        elif any(v is not None for v in (self.op, self.value, self.country, self.ask, self.lever)):
            raise ValueError("op, value, country, ask and lever belong only with metric")
        if self.turn_min is not None and self.turn_max is not None and self.turn_min > self.turn_max:
            raise ValueError("turn_min must not be after turn_max")
        return self


class EventEffect(Strict):
    """A change to one metric when the event fires."""

    metric: Annotated[Metric, Field(strict=False, description="The number to change (not commitment, lever_in_force or turn).")]
    country: CountryId | None = Field(default=None, description="Whose metric; leave out in an each_country event to mean that country, or for a US metric.")
    delta: float = Field(ge=-500, le=500, description="How much to add (negative to subtract).")

    @model_validator(mode="after")
    def _changeable(self) -> EventEffect:
        if self.metric not in EFFECT_METRICS:
            allowed = ", ".join(sorted(m.value for m in EFFECT_METRICS))
            raise ValueError(f"metric '{self.metric.value}' cannot be changed by an event; use one of: {allowed}")
        return self


class Event(Strict):
    """Something that can happen in the world when its condition holds."""

    title: ShortText = Field(description="Headline in the news feed.")
    text: Text = Field(description="News text; {country} and {leader} are filled in for each_country events.")
    scope: Annotated[Scope, Field(default=Scope.global_, strict=False, description="global: checked once a turn; each_country: checked for each country.")]
    countries: list[CountryId] = Field(default_factory=list, description="For each_country events: only these countries (empty = all in the scenario).")
    when: Condition = Field(description="The condition that makes it fire.")
    effects: list[EventEffect] = Field(default_factory=list, max_length=12, description="What changes when it fires.")
    once: bool = Field(default=True, description="Fire at most once per game (per country for each_country events).")
