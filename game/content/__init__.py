"""Content models: strict pydantic models for everything instructors write in ``data/``.

Nothing here reads files; ``game.loading`` turns TOML into these models and checks references.
"""

from game.content.ask import Ask, AskLevel, AskWorld
from game.content.bundle import ContentBundle, DataFile, FILE_MODELS, SECTION_MODELS
from game.content.common import (
    CountryId,
    Dimension,
    Exposure,
    Impact,
    LeverKind,
    Objective,
    ResponseKind,
    Slug,
)
from game.content.country import Country
from game.content.event import Condition, Event, EventEffect
from game.content.lever import Lever
from game.content.scenario import Mandate, Scenario, TutorialHint

__all__ = [
    "Ask", "AskLevel", "AskWorld", "Condition", "ContentBundle", "Country", "CountryId", "DataFile",
    "Dimension", "Event", "EventEffect", "Exposure", "FILE_MODELS", "Impact", "Lever", "LeverKind",
    "Mandate", "Objective", "ResponseKind", "SECTION_MODELS", "Scenario", "Slug", "TutorialHint",
]
