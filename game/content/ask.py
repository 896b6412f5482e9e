"""The ask model: what the United States wants a government to do, in levels."""

from __future__ import annotations

from pydantic import Field, model_validator

from game.content.common import CountryId, Impact, ShortText, Strict, Text


class AskCost(Impact):
    """What an ask costs the government on one dimension: never a benefit (that is what levers offer)."""

    amount: float = Field(
        ge=-1.0, le=0.0,
        description="Cost each month at the top level, from -1 (severe) to 0 (none), before capacity.",
    )


class AskLevel(Strict):
    """One level of an ask, from the least to the most demanding."""

    value: float = Field(ge=0, le=100000, description="Size of this level in the ask's unit (e.g. 4 flights a month).")
    label: ShortText = Field(description="How the level reads in a proposal, e.g. '4 flights a month'.")


class AskWorld(Strict):
    """What the ask changes in the world at its top level, each month it is in force.

    Lower levels scale these by level / number of levels; the country's capacity scales them too.
    """

    returns_k: float = Field(default=0, ge=0, le=100, description="Thousands of people returned to the country each month.")
    own_flow_cut: float = Field(default=0, ge=0, le=1, description="Share of the country's own nationals' departures that stops.")
    transit_cut: float = Field(default=0, ge=0, le=1, description="Share of the flow crossing the country that is stopped there.")
    protection_risk: float = Field(default=0, ge=0, le=1, description="How much it narrows access to asylum and protection (humanitarian ledger).")
    stranded_share: float = Field(default=0, ge=0, le=1, description="Share of stopped people left stranded in the country rather than going home.")
    from_removals: bool = Field(default=False, description="Returns are calibrated on the country's removals_per_year: the level held at the start returns that many a year (returns_k is used where the figure is missing).")


class Ask(Strict):
    """A demand the envoy can put in a proposal."""

    name: ShortText = Field(description="Name shown to the player.")
    summary: Text = Field(description="Tooltip text: what is asked and why it matters to each side.")
    unit: ShortText = Field(description="Unit of the levels, e.g. 'flights a month'.")
    levels: list[AskLevel] = Field(min_length=1, max_length=5, description="Levels from least to most demanding.")
    costs: list[AskCost] = Field(min_length=1, max_length=8, description="What the top level costs the government each month, per dimension (negative numbers).")
    applies_to: list[CountryId] = Field(default_factory=list, description="Countries it can be asked of; empty = all.")
    world: AskWorld = Field(default_factory=AskWorld, description="What it changes in the world.")

    @model_validator(mode="after")
    def _ascending(self) -> "Ask":
        values = [level.value for level in self.levels]
        if values != sorted(values) or len(set(values)) != len(values):
            raise ValueError("levels must go from least to most demanding, each value larger than the one before")
        return self
