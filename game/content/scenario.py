"""The scenario model: which countries, how long, starting resources, mandates and prompts."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from game.content.common import CountryId, ShortText, Slug, Strict, Text
from game.i18n import N_

MANDATE_IDS = ("hardline", "balanced", "humanitarian")


class Weights(Strict):
    """How much each objective counts in the mandate's score, 0 to 1 (they need not add up to 1)."""

    # The descriptions are shown to players (briefing, debrief): marked for the catalog, read through ``_``.

    agreements: float = Field(ge=0, le=1, description=N_("Commitments won (asks in force and their levels)."))
    returns: float = Field(ge=0, le=1, description=N_("People returned to their countries."))
    border_flow: float = Field(ge=0, le=1, description=N_("Fewer people arriving at the US border."))
    us_costs: float = Field(ge=0, le=1, description=N_("Low domestic cost and aid spending."))
    relations: float = Field(ge=0, le=1, description=N_("Good relations with the region's governments."))
    regional_standing: float = Field(ge=0, le=1, description=N_("Little collective resistance in the region."))
    credibility: float = Field(ge=0, le=1, description=N_("A record of threats and promises kept."))
    humanitarian: float = Field(ge=0, le=1, description=N_("Few people stranded in transit; access to protection kept."))


class Mandate(Strict):
    """A goal the administration gives the envoy; it decides how the run is scored."""

    name: ShortText = Field(description="Name shown to the player.")
    summary: Text = Field(description="What the mandate asks of the envoy.")
    weights: Weights = Field(description="Objective weights.")


class HintTarget(str, Enum):
    """Part of the screen a tutorial hint points at."""

    map = "map"
    dossier = "dossier"
    meters = "meters"
    planning = "planning"
    threat = "threat"
    proposal = "proposal"
    end_turn = "end_turn"
    report = "report"
    notes = "notes"


class TutorialHint(Strict):
    """One step of the tutorial walk-through."""

    target: Annotated[HintTarget, Field(strict=False, description="Which part of the screen it points at.")]
    text: Text = Field(description="What the hint says.")


class Resources(Strict):
    """The envoy's starting resources."""

    political_capital: int = Field(ge=1, le=100, description="Political capital available each month.")
    aid_budget_m: float = Field(ge=0, le=100000, description="Aid budget for the whole scenario, in millions of dollars.")
    credibility: float = Field(ge=0, le=100, description="Starting credibility of US threats and promises, 0 to 100.")


class Scenario(Strict):
    """A playable situation."""

    title: ShortText = Field(description="Title shown on the title screen.")
    summary: Text = Field(description="One or two sentences for the scenario list.")
    briefing: Text = Field(description="The situation, read at the start.")
    start: Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] = Field(description="First month as YYYY-MM.")
    turns: int = Field(ge=1, le=60, description="Number of months.")
    countries: list[CountryId] = Field(min_length=1, max_length=40, description="Country ids in play.")
    resources: Resources = Field(description="The envoy's resources.")
    mandates: dict[Slug, Mandate] = Field(min_length=1, description="Mandates the player can choose (hardline, balanced, humanitarian).")
    discussion: list[Text] = Field(default_factory=list, description="Prompts for the class discussion at the debrief.")
    tutorial: list[TutorialHint] = Field(default_factory=list, description="Tutorial steps; a scenario with steps is played as a tutorial.")
    events: list[Slug] | None = Field(default=None, description="Events that can fire; leave out for all events.")
    running_score: bool = Field(default=True, description="Show the score against doing nothing in the meters bar during play; false keeps it for the end of the game.")

    @model_validator(mode="after")
    def _unique_countries(self) -> Scenario:
        if len(set(self.countries)) != len(self.countries):
            raise ValueError("a country is listed twice in countries")
        return self
