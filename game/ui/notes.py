"""The player's notes: guesses of each government's top priorities, plus a free-text note.

Kept in a plain JSON-able structure and saved in the same save file under the key ``notes``::

    {"version": 1, "guesses": {"MEX": ["economy", "sovereignty", "approval"]},
     "text": {"MEX": "Moved on tariffs in 2019."}}

The debrief (a later screen) compares ``guesses`` with the true priorities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content import Dimension
from game.ui.printable import printable

DIMENSIONS: tuple[str, ...] = tuple(d.value for d in Dimension)
TOP = 3  # how many priorities the player ranks per country


@dataclass
class Notes:
    """Guesses (ranked dimension ids, at most ``TOP``) and free text, per country id."""

    guesses: dict[str, list[str]] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)

    def guess(self, country: str) -> list[str]:
        """The ranked guess for a country, padded with '' to ``TOP`` entries."""
        ranked = list(self.guesses.get(country, []))[:TOP]
        return ranked + [""] * (TOP - len(ranked))

    def set_guess(self, country: str, rank: int, dimension: str) -> None:
        """Put a dimension at a rank (0-based); '' clears it. A dimension appears once: if it was at
        another rank, the two swap (the other rank gets what was here), so no guess is silently lost."""
        ranked = self.guess(country)
        if dimension and dimension in ranked and ranked.index(dimension) != rank:
            ranked[ranked.index(dimension)] = ranked[rank]
        ranked[rank] = dimension
        while ranked and ranked[-1] == "":
            ranked.pop()
        if ranked:
            self.guesses[country] = ranked
        else:
            self.guesses.pop(country, None)

    def to_json(self) -> dict[str, Any]:
        """The saved form."""
        return {"version": 1, "guesses": {k: list(v) for k, v in self.guesses.items()},
                "text": dict(self.text)}

    @classmethod
    def from_json(cls, data: Any) -> Notes:
        """Read the saved form; anything malformed is dropped rather than failing the load."""
        notes = cls()
        if not isinstance(data, dict):
            return notes
        guesses = data.get("guesses")
        if isinstance(guesses, dict):
            for cid, ranked in guesses.items():
                if isinstance(cid, str) and isinstance(ranked, list):
                    kept = [d if d in DIMENSIONS else "" for d in ranked[:TOP] if isinstance(d, str)]
                    if any(kept):
                        notes.guesses[cid] = kept
        text = data.get("text")
        if isinstance(text, dict):
            cleaned = {k: printable(v[:2000]) for k, v in text.items() if isinstance(k, str) and isinstance(v, str)}
            notes.text = {k: v for k, v in cleaned.items() if v.strip()}  # a note of invisible characters is no note
        return notes
