"""The shape of a data file and the bundle of all loaded content."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from game.content.ask import Ask
from game.content.common import CountryId, Slug, Strict
from game.content.country import Country
from game.content.episode import Episode
from game.content.event import Event
from game.content.lever import Lever
from game.content.scenario import Scenario


class DataFile(Strict):
    """A data file: any of the five sections, each a table of entries keyed by id."""

    countries: dict[CountryId, Country] = Field(default_factory=dict, description="Governments, keyed by ISO alpha-3 code.")
    levers: dict[Slug, Lever] = Field(default_factory=dict, description="Levers, keyed by id.")
    asks: dict[Slug, Ask] = Field(default_factory=dict, description="Asks, keyed by id.")
    events: dict[Slug, Event] = Field(default_factory=dict, description="Events, keyed by id.")
    scenarios: dict[Slug, Scenario] = Field(default_factory=dict, description="Scenarios, keyed by id.")
    episodes: dict[Slug, Episode] = Field(default_factory=dict, description="Historical episodes for backtest, keyed by id.")


class CountriesFile(Strict):
    """``countries.toml``: the governments."""

    countries: dict[CountryId, Country] = Field(description="Governments, keyed by ISO alpha-3 code.")


class LeversFile(Strict):
    """``levers.toml``: what the envoy can use."""

    levers: dict[Slug, Lever] = Field(description="Levers, keyed by id.")


class AsksFile(Strict):
    """``asks.toml``: what the envoy can ask for."""

    asks: dict[Slug, Ask] = Field(description="Asks, keyed by id.")


class EventsFile(Strict):
    """``events.toml``: what can happen in the world."""

    events: dict[Slug, Event] = Field(description="Events, keyed by id.")


class ScenariosFile(Strict):
    """``scenarios.toml``: playable situations."""

    scenarios: dict[Slug, Scenario] = Field(description="Scenarios, keyed by id.")


class EpisodesFile(Strict):
    """``episodes.toml``: historical episodes the behaviour model is checked against."""

    episodes: dict[Slug, Episode] = Field(description="Episodes, keyed by id.")


SECTION_MODELS: dict[str, type[Strict]] = {
    "countries": Country, "levers": Lever, "asks": Ask, "events": Event, "scenarios": Scenario,
    "episodes": Episode,
}
# A file named after a section holds that section only; any other ``*.toml`` may hold any.
FILE_MODELS: dict[str, type[Strict]] = {
    "countries": CountriesFile, "levers": LeversFile, "asks": AsksFile,
    "events": EventsFile, "scenarios": ScenariosFile, "episodes": EpisodesFile,
}


class ContentBundle(BaseModel):
    """Every piece of content, merged from all data files and cross-checked."""

    model_config = ConfigDict(frozen=True, defer_build=True)  # see common.Strict

    countries: dict[CountryId, Country] = Field(default_factory=dict)
    levers: dict[Slug, Lever] = Field(default_factory=dict)
    asks: dict[Slug, Ask] = Field(default_factory=dict)
    events: dict[Slug, Event] = Field(default_factory=dict)
    scenarios: dict[Slug, Scenario] = Field(default_factory=dict)
    episodes: dict[Slug, Episode] = Field(default_factory=dict)
    fingerprint: str = Field(default="", description="SHA-256 of the data files' bytes, for records.")
