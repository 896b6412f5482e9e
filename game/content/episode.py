"""The episode model: a historical case the behaviour model must reproduce (``data/episodes.toml``).

An episode sets up one government as it stood at the time, plays the envoy's orders month by month
and checks the direction of what the government did against the record, over many seeds.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import Field

from game.content.common import CountryId, ShortText, Slug, Strict, Text


class Outcome(str, Enum):
    """What an expectation checks at the end of an episode."""

    level_at_least = "level_at_least"   # the ask is held at least at ``level``
    level_below = "level_below"         # the ask is held below ``level`` (0 = not held)
    approval_fell = "approval_fell"     # approval ended below its start
    not_imposed = "not_imposed"         # the measure ``lever`` was never put in force


class Expectation(Strict):
    """One direction of the government's response the record shows."""

    outcome: Annotated[Outcome, Field(strict=False, description="level_at_least, level_below, approval_fell or not_imposed.")]
    ask: Slug | None = Field(default=None, description="The ask checked (level_at_least, level_below).")
    level: int = Field(default=1, ge=0, le=5, description="The level compared with.")
    lever: Slug | None = Field(default=None, description="The lever checked (not_imposed).")
    month: int | None = Field(default=None, ge=1, le=60, description="Check at the end of this month (default: the last month of orders).")


class EpisodeStart(Strict):
    """How the government and the envoy stood when the episode began (unset keys keep the scenario's)."""

    credibility: float | None = Field(default=None, ge=0, le=100, description="US credibility at the start.")
    commitments: dict[Slug, int] | None = Field(default=None, description="Asks in force at the start (ask id = level), replacing the scenario's.")
    measures: list[Slug] | None = Field(default=None, description="US levers in force at the start, replacing the scenario's.")
    approval: float | None = Field(default=None, ge=0, le=100, description="Approval of the government at the start.")
    relations: float | None = Field(default=None, ge=-100, le=100, description="Relations with the US at the start.")


class Episode(Strict):
    """A historical episode of migration diplomacy, replayed by ``backtest``."""

    title: ShortText = Field(description="Name of the episode, e.g. 'Mexico, June 2019'.")
    summary: Text = Field(description="What happened, in two or three neutral sentences.")
    scenario: Slug = Field(default="default", description="Scenario whose content is used.")
    country: CountryId = Field(description="The government concerned.")
    start: EpisodeStart = Field(default_factory=EpisodeStart, description="The situation at the time.")
    orders: list[list[dict[str, Any]]] = Field(min_length=1, max_length=24, description="The envoy's actions, one list per month, in the orders-file form (see docs/scripting.md).")
    takes_counters: bool = Field(default=False, description="The envoy takes any counter-offer the government makes, at the start of the next month (as the US did); the orders then hold no accept_counter, which would be refused in the seeds where no counter was made.")
    expect: list[Expectation] = Field(min_length=1, max_length=6, description="What the record shows; every one must hold for a seed to match.")
    threshold: float = Field(default=0.7, ge=0, le=1, description="Share of seeds that must match.")
    sources: list[ShortText] = Field(min_length=1, max_length=12, description="Where the record comes from.")
