"""What the envoy can do in a month, as plain data (one class per role).

Actions are queued by ``apply`` and resolved in order by ``end_turn``. Each has a ``kind`` tag so
orders files, saves and records can carry them as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from game.i18n import _, ngettext


@dataclass(frozen=True)
class Threaten:
    """Threaten a stick unless the government meets a demand by a deadline."""

    country: str
    lever: str
    demand: dict[str, int]
    public: bool = False
    deadline: int = 2
    kind: Literal["threaten"] = "threaten"


@dataclass(frozen=True)
class Propose:
    """Put asks (with levels) and offers to a government, optionally backed by a threat."""

    country: str
    asks: dict[str, int]
    offers: tuple[str, ...] = ()
    threat: str | None = None
    public: bool = False
    deadline: int = 2
    kind: Literal["propose"] = "propose"


@dataclass(frozen=True)
class CarryOut:
    """Put a stick or a carrot in force on a country."""

    country: str
    lever: str
    kind: Literal["carry_out"] = "carry_out"


@dataclass(frozen=True)
class Lift:
    """End a measure in force."""

    country: str
    lever: str
    kind: Literal["lift"] = "lift"


@dataclass(frozen=True)
class Engage:
    """A diplomatic move: a call, a summit, public praise."""

    country: str
    lever: str
    kind: Literal["engage"] = "engage"


@dataclass(frozen=True)
class Investigate:
    """Spend intelligence effort on a government's priorities."""

    country: str
    lever: str = "intelligence"
    kind: Literal["investigate"] = "investigate"


@dataclass(frozen=True)
class AcceptCounter:
    """Take the counter-offer a government made last month."""

    country: str
    kind: Literal["accept_counter"] = "accept_counter"


@dataclass(frozen=True)
class FireEvent:
    """An event from the data fired this month by the class instructor (an inject; see ``inject``).

    ``country`` is one of the event's places, or empty for every place it has in the scenario.
    """

    event: str
    country: str = ""
    kind: Literal["fire_event"] = "fire_event"


Action = Annotated[
    Threaten | Propose | CarryOut | Lift | Engage | Investigate | AcceptCounter | FireEvent,
    Field(discriminator="kind"),
]
ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action)
ACTION_LIST_ADAPTER: TypeAdapter[list[Action]] = TypeAdapter(list[Action])


def action_from_dict(data: object) -> Action:
    """Parse one action from JSON-like data (raises pydantic.ValidationError)."""
    return ACTION_ADAPTER.validate_python(data)


def action_to_dict(action: Action) -> dict:
    """The JSON form of an action."""
    return ACTION_ADAPTER.dump_python(action, mode="json")


def _asks(asks: dict[str, int], names: dict[str, str]) -> str:
    """'Return flights level 2, Anti-smuggling level 1': asks by name with their levels."""
    return ", ".join(_("{ask} level {level}").format(ask=names.get(a, a), level=lvl) for a, lvl in asks.items())


def _deadline(months: int) -> str:
    return ngettext("deadline in {n} month", "deadline in {n} months", months).format(n=months)


def describe(action: Action, names: dict[str, str] | None = None) -> str:
    """A short sentence for the queue list and records."""
    names = names or {}
    who = names.get(action.country, action.country)
    if isinstance(action, Threaten):
        how = _("publicly") if action.public else _("privately")
        return (_("Threaten {who} {how} with {measure} unless: {asks} ({deadline})").format(
                    who=who, how=how, measure=names.get(action.lever, action.lever), asks=_asks(action.demand, names),
                    deadline=_deadline(action.deadline)))
    if isinstance(action, Propose):
        offers = ", ".join(names.get(o, o) for o in action.offers) or _("nothing")
        backed = ""
        if action.threat:
            backed = (_(", backed by a public threat of {measure} ({deadline})") if action.public
                      else _(", backed by a private threat of {measure} ({deadline})")).format(
                         measure=names.get(action.threat, action.threat), deadline=_deadline(action.deadline))
        return _("Propose to {who}: {asks}; offer {offers}{backed}").format(
                   who=who, asks=_asks(action.asks, names), offers=offers, backed=backed)
    if isinstance(action, CarryOut):
        return _("Put {measure} in force on {who}").format(measure=names.get(action.lever, action.lever), who=who)
    if isinstance(action, Lift):
        return _("Lift {measure} on {who}").format(measure=names.get(action.lever, action.lever), who=who)
    if isinstance(action, Engage):
        return _("{move} with {who}").format(move=names.get(action.lever, action.lever), who=who)
    if isinstance(action, Investigate):
        return _("Intelligence on {who}").format(who=who)
    if isinstance(action, FireEvent):
        event = names.get(action.event, action.event)
        if action.country:
            return _("Instructor's event: {event} in {who}").format(event=event, who=who)
        return _("Instructor's event: {event}").format(event=event)
    return _("Accept {who}'s counter-offer").format(who=who)


