"""The proposal being drafted on the planning screen (UI state only, per government)."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import Propose, Threaten


@dataclass
class Draft:
    """Asks with levels (0 = not asked), offers, an optional threat, public or private, deadline."""

    asks: dict[str, int] = field(default_factory=dict)
    offers: list[str] = field(default_factory=list)
    threat: str = ""
    public: bool = False
    deadline: int = 2

    def chosen_asks(self) -> dict[str, int]:
        """Only the asks with a level."""
        return {a: lvl for a, lvl in self.asks.items() if lvl > 0}

    def proposal(self, country: str) -> Propose:
        """The proposal as an engine action."""
        return Propose(country, self.chosen_asks(), tuple(self.offers), self.threat or None, self.public, self.deadline)

    def ultimatum(self, country: str) -> Threaten | None:
        """The threat alone (a demand backed by the chosen stick), or None without a stick."""
        if not self.threat:
            return None
        return Threaten(country, self.threat, self.chosen_asks(), self.public, self.deadline)

    def toggle_offer(self, lever: str, on: bool) -> None:
        """Add or remove an offer."""
        if on and lever not in self.offers:
            self.offers.append(lever)
        elif not on and lever in self.offers:
            self.offers.remove(lever)

