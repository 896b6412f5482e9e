"""Translation models: the texts of the data in another language, keyed by the same ids.

A translation file (``data/i18n/<lang>/*.toml``) looks like the English file it translates but
holds only text fields, each optional: what is left out is shown in English (and ``validate``
warns about it). Lists are translated item by item and must keep the English number of items,
so that a game draws the same lines in every language. Proper names (leaders, sources) are not
translated; country names and capitals may be (``México``, ``Ciudad de México``).
"""

from __future__ import annotations

from pydantic import Field

from game.content.common import CountryId, ShortText, Slug, Strict, Text


class FactsText(Strict):
    """The translatable facts of a country."""

    china_note: ShortText | None = Field(default=None, description="The line on China ties.")
    agreements: list[Text] | None = Field(default=None, description="Past agreements, one line each, in the English order.")


class LinesText(Strict):
    """A government's written responses, one translation per English line, in the same order."""

    accept: list[Text] | None = Field(default=None, description="Said when accepting a proposal.")
    counter: list[Text] | None = Field(default=None, description="Said when making a counter-offer.")
    stall: list[Text] | None = Field(default=None, description="Said when stalling.")
    reject: list[Text] | None = Field(default=None, description="Said when rejecting.")
    retaliate: list[Text] | None = Field(default=None, description="Said when retaliating.")
    backslide: list[Text] | None = Field(default=None, description="Said when quietly dropping a commitment.")
    counter_threat: list[Text] | None = Field(default=None, description="Said when answering a threat with one of its own.")


class RedLineText(Strict):
    """One red line: only its reason is a text."""

    reason: Text | None = Field(default=None, description="Why, in the government's own terms.")


class LimitsText(Strict):
    """The translatable part of a government's limits: the reasons of its red lines, in the English order."""

    red_lines: list[RedLineText] | None = Field(default=None, description="The red lines, in the English order.")


class RetaliationText(Strict):
    """One way of hitting back: only what the news reports is a text."""

    text: ShortText | None = Field(default=None, description="What it does, as the news reports it.")


class CountryText(Strict):
    """The translatable texts of a country."""

    name: ShortText | None = Field(default=None, description="The country's name in this language.")
    capital: ShortText | None = Field(default=None, description="The capital's name in this language.")
    summary: Text | None = Field(default=None, description="The dossier summary.")
    facts: FactsText | None = Field(default=None, description="Translatable facts.")
    lines: LinesText | None = Field(default=None, description="The government's responses.")
    limits: LimitsText | None = Field(default=None, description="The reasons of its red lines.")
    retaliation: list[RetaliationText] | None = Field(default=None, description="Its ways of hitting back, in the English order.")


class LeverText(Strict):
    """The translatable texts of a lever."""

    name: ShortText | None = Field(default=None, description="Name shown to the player.")
    summary: Text | None = Field(default=None, description="Tooltip text.")


class LevelText(Strict):
    """One level of an ask."""

    label: ShortText | None = Field(default=None, description="How the level reads in a proposal.")


class AskText(Strict):
    """The translatable texts of an ask."""

    name: ShortText | None = Field(default=None, description="Name shown to the player.")
    summary: Text | None = Field(default=None, description="Tooltip text.")
    unit: ShortText | None = Field(default=None, description="Unit of the levels.")
    levels: list[LevelText] | None = Field(default=None, description="The levels, in the English order.")


class EventText(Strict):
    """The translatable texts of an event; ``{country}`` and ``{leader}`` stay as in English."""

    title: ShortText | None = Field(default=None, description="Headline in the news feed.")
    text: Text | None = Field(default=None, description="News text.")


class MandateText(Strict):
    """The translatable texts of a mandate."""

    name: ShortText | None = Field(default=None, description="Name shown to the player.")
    summary: Text | None = Field(default=None, description="What the mandate asks of the envoy.")


class HintText(Strict):
    """One tutorial step."""

    text: Text | None = Field(default=None, description="What the hint says.")


class ScenarioText(Strict):
    """The translatable texts of a scenario."""

    title: ShortText | None = Field(default=None, description="Title shown on the title screen.")
    summary: Text | None = Field(default=None, description="Summary for the scenario list.")
    briefing: Text | None = Field(default=None, description="The situation, read at the start.")
    mandates: dict[Slug, MandateText] | None = Field(default=None, description="Mandates, by the English ids.")
    discussion: list[Text] | None = Field(default=None, description="Discussion prompts, in the English order.")
    tutorial: list[HintText] | None = Field(default=None, description="Tutorial steps, in the English order.")


class TranslationFile(Strict):
    """A translation file: any of the sections, keyed by the ids of the English data."""

    countries: dict[CountryId, CountryText] = Field(default_factory=dict, description="Countries by id.")
    levers: dict[Slug, LeverText] = Field(default_factory=dict, description="Levers by id.")
    asks: dict[Slug, AskText] = Field(default_factory=dict, description="Asks by id.")
    events: dict[Slug, EventText] = Field(default_factory=dict, description="Events by id.")
    scenarios: dict[Slug, ScenarioText] = Field(default_factory=dict, description="Scenarios by id.")
