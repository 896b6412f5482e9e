"""Shared building blocks of the content models: base config, id types and enums."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from game.i18n import N_

CountryId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="ISO 3166 alpha-3 code in capitals, e.g. MEX."),
]
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$"),
    Field(description="Short id in lower case: letters, digits and underscores, e.g. return_flights."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors and types are not coerced."""

    # defer_build: the validators are built on first use, not at import: a game started from the
    # content cache (game.contentcache) never validates, and imports this in a third of the time
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Dimension(str, Enum):
    """What a government cares about. Priorities weigh these; levers and asks act on them."""

    economy = "economy"
    remittances = "remittances"
    sovereignty = "sovereignty"
    approval = "approval"
    security = "security"
    aid = "aid"
    regime_survival = "regime_survival"
    alt_partners = "alt_partners"


DIMENSION_HELP: dict[Dimension, str] = {  # marked for the catalog: shown through ``_``
    Dimension.economy: N_("economy and trade with the United States"),
    Dimension.remittances: N_("money sent home by nationals living in the United States"),
    Dimension.sovereignty: N_("sovereignty and national pride"),
    Dimension.approval: N_("the government's approval at home"),
    Dimension.security: N_("security cooperation with the United States"),
    Dimension.aid: N_("US foreign aid"),
    Dimension.regime_survival: N_("the survival of the government itself"),
    Dimension.alt_partners: N_("ties to alternative partners such as China or Russia"),
}


class LeverKind(str, Enum):
    """The family a lever belongs to."""

    stick = "stick"
    carrot = "carrot"
    diplomacy = "diplomacy"
    intelligence = "intelligence"


class Exposure(str, Enum):
    """Which of a country's exposures scales a lever's impact (see ``[countries.X.exposure]``)."""

    none = "none"
    trade = "trade"
    remittances = "remittances"
    aid = "aid"
    visas = "visas"
    sanctions = "sanctions"


class ResponseKind(str, Enum):
    """How a government answers in a turn."""

    accept = "accept"
    counter = "counter"
    stall = "stall"
    reject = "reject"
    retaliate = "retaliate"
    counter_threat = "counter_threat"
    backslide = "backslide"
    none = "none"


class ThreatStatus(str, Enum):
    """Where a threat stands in the credibility ledger."""

    pending = "pending"
    complied = "complied"
    carried_out = "carried_out"
    bluff_called = "bluff_called"
    complied_late = "complied_late"


class RetaliationKind(str, Enum):
    """The forms a government's answer to US coercion can take (see ``[[countries.X.retaliation]]``)."""

    counter_tariffs = "counter_tariffs"
    suspend_security = "suspend_security"
    suspend_flights = "suspend_flights"
    regional_forum = "regional_forum"
    alt_partners = "alt_partners"


class Objective(str, Enum):
    """What a mandate scores; weights per objective live in the scenario's mandates."""

    agreements = "agreements"
    returns = "returns"
    border_flow = "border_flow"
    us_costs = "us_costs"
    relations = "relations"
    regional_standing = "regional_standing"
    credibility = "credibility"
    humanitarian = "humanitarian"


class Impact(Strict):
    """A push on one dimension of what a government values; negative hurts, positive helps."""

    dimension: Annotated[Dimension, Field(strict=False, description="Which priority this touches.")]
    amount: float = Field(
        ge=-1.0, le=1.0,
        description="Size of the effect from -1 (severe harm) to 1 (large benefit), before exposure.",
    )
