"""A game in progress as the UI sees it: the engine state, the player's notes and the last report.

Every change to the game goes through ``game.engine`` (apply, unqueue, end_turn); this class adds
only what the screens need around it: names for descriptions, the last report, autosave.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.content import ContentBundle
from game.engine import (
    Action, GameState, Impossible, Rules, TurnReport, UnknownContent, apply, check, end_turn, is_over,
    month_label, new_game, rules_of, unqueue,
)
from game.ui import storage
from game.ui.draft import Draft
from game.ui.notes import Notes


@dataclass
class Session:
    """One game being played."""

    content: ContentBundle
    state: GameState
    notes: Notes = field(default_factory=Notes)
    last_report: TurnReport | None = None
    save_message: str | None = None
    selected: str = ""
    lens: str = "relations"
    tutorial_step: int = 0
    tutorial_done: bool = False
    drafts: dict[str, Draft] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.selected not in self.state.countries:
            self.selected = rules_of(self.state).order[0]

    @classmethod
    def start(cls, content: ContentBundle, scenario: str, mandate: str, seed: int) -> "Session":
        """A new game."""
        return cls(content=content, state=new_game(content, scenario, mandate, seed))

    @property
    def rules(self) -> Rules:
        """The compiled content of this game."""
        return rules_of(self.state)

    @property
    def order(self) -> tuple[str, ...]:
        """Country ids in scenario order."""
        return self.rules.order

    @property
    def tutorial(self) -> bool:
        """True when the scenario is a tutorial."""
        return bool(self.rules.scenario.tutorial)

    def names(self) -> dict[str, str]:
        """Display names of countries, levers and asks, for ``describe``."""
        rules = self.rules
        out = {cid: c.name for cid, c in rules.countries.items()}
        out.update({lid: lv.name for lid, lv in rules.levers.items()})
        out.update({aid: a.name for aid, a in rules.asks.items()})
        return out

    def country_name(self, cid: str) -> str:
        """A country's name."""
        return self.rules.countries[cid].name

    def month(self) -> str:
        """The current month, e.g. 'March 2025'."""
        return month_label(self.rules, min(self.state.turn, self.state.turns))

    def refusal(self, action: Action) -> str | None:
        """Why the action cannot be queued now, or None if it can."""
        try:
            check(self.state, action)
        except (Impossible, UnknownContent) as error:
            return str(error)
        return None

    def queue(self, action: Action) -> str | None:
        """Queue an action; returns the refusal sentence when it is refused."""
        try:
            apply(self.state, action)
        except (Impossible, UnknownContent) as error:
            return str(error)
        return None

    def undo(self, index: int) -> list[Action]:
        """Take back a queued action (and any that depended on it)."""
        try:
            return unqueue(self.state, index)
        except Impossible:
            return []

    def end_month(self) -> TurnReport:
        """Resolve the month, keep the report and autosave."""
        report = end_turn(self.state)
        self.last_report = report
        try:
            storage.autosave(self.state, self.notes)
            self.save_message = None
        except storage.StorageError as error:
            self.save_message = str(error)
        return report

    def draft(self, cid: str) -> Draft:
        """The proposal being drafted for a government."""
        return self.drafts.setdefault(cid, Draft())

    @property
    def over(self) -> bool:
        """True once the last month has been resolved."""
        return is_over(self.state)
