"""The session record as versioned JSON, validated with pydantic on read.

A record holds everything needed to replay a session exactly (scenario, mandate, seed, the data
fingerprint and every month's actions) and everything needed to check the replay (every month's
outcome and the final scorecard), plus the player's notes. Layout::

    {"format": "pressure-points-record", "version": 1, "scenario": "default", "mandate": "balanced",
     "seed": 7, "fingerprint": "…", "game_version": "0.4.0", "created": "…", "updated": "…",
     "player": null, "source": "play", "turns_total": 12,
     "turns": [{"turn": 1, "month": "January 2025", "actions": [...], "outcome": {...}}, ...],
     "notes": {"guesses": {"MEX": ["economy", ...]}, "text": {"MEX": "..."}},
     "final": {...scorecard...} or null, "checksum": "sha256 of the rest"}

Outcomes never hold the governments' hidden numbers (a student could open the file mid-game);
the debrief gets those by replaying the record.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.engine.actions import Action

FORMAT: Final = "pressure-points-record"
VERSION: Final = 1
DIGITS = 6  # meters are rounded to this many decimals in outcomes


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ResponseOutcome(_Model):
    """How one government answered, without the hidden numbers."""

    country: str
    kind: str
    about: str = ""
    asks: dict[str, int] = Field(default_factory=dict)


class CountryOutcome(_Model):
    """A government's meters and commitments at the end of a month."""

    relations: float
    trust: float
    approval: float
    economy: float
    outflow_k: float
    arrivals_k: float
    grievance: float
    returned_k: float
    stranded_k: float
    cooperation: float
    commitments: dict[str, int] = Field(default_factory=dict)
    measures: dict[str, int] = Field(default_factory=dict)
    intel_effort: int = 0


class USOutcome(_Model):
    """The envoy's meters at the end of a month."""

    credibility: float
    capital: int
    aid_budget_m: float
    aid_spent_m: float
    domestic_cost: float
    domestic_cost_total: float
    regional_resistance: float
    protection: float


class Outcome(_Model):
    """Everything a month produced that a replay must reproduce."""

    actions: int
    responses: list[ResponseOutcome] = Field(default_factory=list)
    countries: dict[str, CountryOutcome] = Field(default_factory=dict)
    us: USOutcome
    threats: dict[str, str] = Field(default_factory=dict, description="threat id -> status")
    promises: dict[str, str] = Field(default_factory=dict, description="promise id -> status")
    deals: dict[str, str] = Field(default_factory=dict, description="deal id -> status")
    news: list[str] = Field(default_factory=list, description=(
        "the month's news as ids ('protests:HTI' for an event in one country, 'notice:MEX' for the "
        "engine's own), the same in every language; older records hold the headlines as shown, and are "
        "checked against those"))
    score: float


class TurnEntry(_Model):
    """One resolved month: what the envoy did and what came of it."""

    turn: int = Field(ge=1)
    month: str = ""
    actions: list[Action] = Field(default_factory=list)
    outcome: Outcome


class RecordNotes(_Model):
    """The player's notes: guessed top priorities (dimension ids) and free text, per country id."""

    guesses: dict[str, list[str]] = Field(default_factory=dict)
    text: dict[str, str] = Field(default_factory=dict)


class Record(_Model):
    """A whole session."""

    format: Literal["pressure-points-record"] = FORMAT
    version: Literal[1] = VERSION
    scenario: str
    mandate: str
    seed: int
    fingerprint: str
    game_version: str = ""
    created: str = ""
    updated: str = ""
    player: str | None = None
    source: str = "play"
    strategy: str | None = None
    turns_total: int = Field(ge=1)
    turns: list[TurnEntry] = Field(default_factory=list)
    notes: RecordNotes = Field(default_factory=RecordNotes)
    final: dict[str, Any] | None = None
    checksum: str = ""

    @property
    def over(self) -> bool:
        """True when every month of the scenario was played."""
        return len(self.turns) >= self.turns_total

    def plans(self) -> list[list[Action]]:
        """The actions of each recorded month, in order."""
        return [list(entry.actions) for entry in self.turns]

    def to_data(self) -> dict[str, Any]:
        """The JSON form, with the checksum of the rest filled in."""
        data = self.model_dump(mode="json")
        data["checksum"] = compute_checksum(data)
        return data

    def checksum_ok(self) -> bool:
        """True when the stored checksum matches the contents (False after a hand edit)."""
        return bool(self.checksum) and self.checksum == compute_checksum(self.model_dump(mode="json"))


def compute_checksum(data: dict[str, Any]) -> str:
    """SHA-256 of the record's canonical JSON, without its ``checksum`` field."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def notes_data(notes: Any) -> RecordNotes:
    """The record's notes from a UI ``Notes`` object, its JSON form, a ``RecordNotes`` or None.

    Anything malformed is dropped rather than failing: notes never block a record.
    """
    if isinstance(notes, RecordNotes):
        return notes.model_copy(deep=True)
    if notes is not None and hasattr(notes, "to_json"):
        notes = notes.to_json()
    out = RecordNotes()
    if not isinstance(notes, dict):
        return out
    guesses = notes.get("guesses")
    if isinstance(guesses, dict):
        for cid, ranked in guesses.items():
            if isinstance(cid, str) and isinstance(ranked, list):
                kept = [d for d in ranked if isinstance(d, str) and d]
                if kept:
                    out.guesses[cid] = kept
    text = notes.get("text")
    if isinstance(text, dict):
        out.text = {k: v for k, v in text.items() if isinstance(k, str) and isinstance(v, str) and v}
    elif isinstance(text, str) and text:
        out.text = {"": text}
    return out
