"""The game state: plain dataclasses that refer to content by id and hold the one seeded RNG.

Pydantic validates the state only at the edges (loading a save) through a ``TypeAdapter``; the
turn engine itself works on these plain objects.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.content.common import ThreatStatus
from game.engine.actions import Action

if TYPE_CHECKING:
    from game.engine.rules import Rules

SAVE_VERSION = 1


@dataclass(slots=True)
class Factor:
    """One reason behind a government's response: a player-readable label and the hidden number."""

    key: str
    text: str
    value: float
    decisive: bool = False  # the factor that tipped the answer


@dataclass(slots=True)
class Counter:
    """A counter-offer: the bundle the government would sign."""

    asks: dict[str, int]
    offers: list[str]
    turn: int
    threat: int | None = None


@dataclass(slots=True)
class Response:
    """How one government answered in one turn."""

    turn: int
    country: str
    kind: str
    text: str
    about: str = ""
    asks: dict[str, int] = field(default_factory=dict)
    factors: list[Factor] = field(default_factory=list)
    utility: float = 0.0
    counter: Counter | None = None


@dataclass(slots=True)
class Threat:
    """A threat in the credibility ledger."""

    id: int
    turn: int
    country: str
    lever: str
    public: bool
    demand: dict[str, int]
    deadline: int
    status: ThreatStatus = ThreatStatus.pending
    closed_turn: int | None = None


@dataclass(slots=True)
class Promise:
    """A US promise in the credibility ledger: an offer delivered in a deal, or a measure to lift."""

    id: int
    turn: int
    country: str
    lever: str
    kind: str  # "offer" (keep the lever in force) or "lift" (lift the measure by the deadline)
    deal: int | None = None
    deadline: int | None = None
    status: str = "open"  # open, kept, broken
    closed_turn: int | None = None


@dataclass(slots=True)
class Deal:
    """An agreement: what the government committed to and what the US gave."""

    id: int
    turn: int
    country: str
    asks: dict[str, int]
    offers: list[str]
    threat: int | None = None
    status: str = "in_force"  # in_force, eroded, ended


@dataclass(slots=True)
class Intel:
    """What intelligence has estimated of a government's priorities and traits.

    Each report is a noisy reading of the truth; the estimate is the mean of the readings and
    ``margin`` the half-width of its 80% interval, which narrows as reports add up.
    """

    effort: int = 0
    estimates: dict[str, float] = field(default_factory=dict)
    margin: float = 1.0
    sums: dict[str, float] = field(default_factory=dict)  # sum of the readings, per dimension or trait
    red_lines: list[str] = field(default_factory=list)    # asks whose red line the envoy has learned


@dataclass(slots=True)
class News:
    """A line in the news feed."""

    turn: int
    title: str
    text: str
    country: str | None = None
    event: str | None = None


@dataclass(slots=True)
class CountrySnapshot:
    """A country's meters at the end of a turn, for charts and the debrief."""

    turn: int
    relations: float
    trust: float
    approval: float
    economy: float
    arrivals_k: float
    cooperation: float


@dataclass(slots=True)
class CountryState:
    """A government's changing state."""

    id: str
    relations: float
    trust: float
    approval: float
    economy: float
    instability: float
    outflow_k: float
    surge_k: float = 0.0  # extra departures from events, fading month by month
    arrivals_k: float = 0.0
    grievance: float = 0.0
    commitments: dict[str, int] = field(default_factory=dict)
    commitment_deals: dict[str, int] = field(default_factory=dict)
    measures: dict[str, int] = field(default_factory=dict)  # lever id -> months left, 0 = until lifted
    intel: Intel = field(default_factory=Intel)
    pending_counter: Counter | None = None
    returned_k: float = 0.0
    stranded_k: float = 0.0
    stranded_month_k: float = 0.0   # people left stranded in it this month
    stance: float = 0.0             # room for a deal in this year's domestic politics (drawn per game)
    credibility: float = 0.0        # how US threats to this government stand against the global credibility
    imposed: dict[str, int] = field(default_factory=dict)  # stick -> month it was imposed in this game
    lowballs: int = 0               # proposals that asked without offering anything
    counter_threat: int | None = None  # index of the retaliation it announced, if the US goes ahead
    alternatives: float = 0.0       # alternatives gained by turning to other partners (fades month by month)
    history: list[CountrySnapshot] = field(default_factory=list)


@dataclass(slots=True)
class USSnapshot:
    """The envoy's meters at the end of a turn."""

    turn: int
    credibility: float
    political_capital: int
    aid_budget_m: float
    domestic_cost: float
    regional_resistance: float
    arrivals_k: float
    returned_k: float
    stranded_k: float
    protection: float


@dataclass(slots=True)
class USState:
    """The envoy's resources and standing."""

    capital: int
    capital_per_turn: int
    aid_budget_m: float
    credibility: float
    aid_spent_m: float = 0.0
    aid_due_m: float = 0.0
    capital_bonus: int = 0
    domestic_cost: float = 0.0
    domestic_cost_extra: float = 0.0
    domestic_baseline: float = 0.0  # monthly cost of measures already in force at the start
    retaliation_months: int = 0
    domestic_cost_total: float = 0.0
    regional_resistance: float = 0.0
    expectations: float = 0.0
    protection: float = 100.0
    lever_credibility: dict[str, float] = field(default_factory=dict)  # lever -> standing against the global credibility
    history: list[USSnapshot] = field(default_factory=list)


@dataclass
class GameState:
    """Everything that changes during a game. Content is referred to by id only."""

    scenario: str
    mandate: str
    seed: int
    fingerprint: str
    turn: int
    turns: int
    us: USState
    countries: dict[str, CountryState]
    queue: list[Action] = field(default_factory=list)
    actions_log: list[list[Action]] = field(default_factory=list)
    threats: list[Threat] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    news: list[News] = field(default_factory=list)
    fired: dict[str, list[str]] = field(default_factory=dict)
    rng_state: list = field(default_factory=list)
    version: int = SAVE_VERSION

    def __post_init__(self) -> None:
        self._rng: random.Random | None = None
        self._rules: Rules | None = None  # the compiled content (not saved: content is referenced by id)
        # Caches the engine may keep between months; never saved, rebuilt on demand after a load.
        self.scratch: dict[str, dict] = {}

    @property
    def rng(self) -> random.Random:
        """The game's one random generator, rebuilt from ``rng_state`` after a load."""
        if self._rng is None:
            # seeded at once: a generator made without a seed would first read the system's entropy
            self._rng = random.Random(self.seed)
            if self.rng_state:
                version, internal, gauss = self.rng_state
                self._rng.setstate((version, tuple(internal), gauss))
        return self._rng

    def sync_rng(self) -> None:
        """Copy the generator's state into ``rng_state`` so it is saved."""
        version, internal, gauss = self.rng.getstate()
        self.rng_state = [version, list(internal), gauss]

    @property
    def is_over(self) -> bool:
        """True once the last month has been resolved."""
        return self.turn > self.turns


def attach(state: GameState, rules: Rules) -> GameState:
    """Bind the compiled content a state refers to (not saved: content is referenced by id)."""
    state._rules = rules
    return state


def rules_of(state: GameState) -> Rules:
    """The compiled content bound to this state."""
    rules = state._rules
    if rules is None:
        raise RuntimeError("this game state has no content bound to it; use new_game or load_game")
    return rules

