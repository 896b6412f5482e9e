"""Content models: strict pydantic models for everything instructors write in ``data/``.

Nothing here reads files; ``game.loading`` turns TOML into these models and checks references.
"""

from game.content.ask import Ask, AskLevel, AskWorld
from game.content.bundle import FILE_MODELS, SECTION_MODELS, ContentBundle, DataFile
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
    "FILE_MODELS",
    "SECTION_MODELS",
    "Ask",
    "AskLevel",
    "AskWorld",
    "Condition",
    "ContentBundle",
    "Country",
    "CountryId",
    "DataFile",
    "Dimension",
    "Event",
    "EventEffect",
    "Exposure",
    "Impact",
    "Lever",
    "LeverKind",
    "Mandate",
    "Objective",
    "ResponseKind",
    "Scenario",
    "Slug",
    "TutorialHint",
]
