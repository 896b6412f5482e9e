"""Deals, threats, promises and the measures behind them: creating and closing them, with credibility
and trust."""

from __future__ import annotations

from game.content.common import ThreatStatus
from game.engine import tuning as T
from game.engine.rules import Rules, is_stick
from game.engine.state import Deal, GameState, News, Promise, Threat
from game.engine.world import clamp
from game.i18n import _


def adjust_credibility(state: GameState, delta: float, country: str | None = None, lever: str | None = None) -> None:
    """Change US credibility: the global reputation every government watches (gains slow as it
    rises, so it never saturates), and the record toward ``country`` and with ``lever``."""
    us = state.us
    if delta > 0:
        delta *= 1.0 - T.CRED_GAIN_SLOWING * us.credibility / 100.0
    us.credibility = clamp(us.credibility + delta, 0.0, 100.0)
    if country is not None:
        cs = state.countries[country]
        cs.credibility = clamp(cs.credibility + delta * T.CRED_TARGET_SHARE, -50.0, 50.0)
    if lever is not None:
        us.lever_credibility[lever] = clamp(us.lever_credibility.get(lever, 0.0) + delta * T.CRED_LEVER_SHARE, -50.0, 50.0)


def new_threat(state: GameState, country: str, lever: str, public: bool, demand: dict[str, int], deadline: int) -> Threat:
    """Record a threat in the credibility ledger."""
    threat = Threat(id=len(state.threats) + 1, turn=state.turn, country=country, lever=lever,
                    public=public, demand=dict(demand), deadline=state.turn + deadline)
    state.threats.append(threat)
    return threat


def close_threat(state: GameState, threat: Threat, status: ThreatStatus) -> None:
    """Close a threat (complied, carried_out, bluff_called, complied_late)."""
    threat.status = status
    threat.closed_turn = state.turn


def sign_deal(rules: Rules, state: GameState, country: str, asks: dict[str, int], offers: list[str], threat: int | None) -> Deal:
    """The government commits to the asks; the US puts the offers in force and promises to keep them."""
    deal = Deal(id=len(state.deals) + 1, turn=state.turn, country=country,
                asks={a: lvl for a, lvl in asks.items() if lvl > 0}, offers=list(offers), threat=threat)
    state.deals.append(deal)
    cs = state.countries[country]
    for aid, level in deal.asks.items():
        held = cs.commitments.get(aid, 0)
        # A deal owns a commitment it raised, or one it pays for at the level held (incentives that
        # convert a threat-won commitment); it never absorbs a commitment held above its level.
        if level > held or (level == held and offers):
            cs.commitments[aid] = level
            cs.commitment_deals[aid] = deal.id
    for oid in offers:
        put_in_force(rules, state, country, oid)
        state.promises.append(Promise(id=len(state.promises) + 1, turn=state.turn, country=country,
                                      lever=oid, kind="offer", deal=deal.id))
    cs.relations = clamp(cs.relations + 3.0 + 2.0 * len(offers), -100.0, 100.0)
    cs.pending_counter = None
    return deal


def break_promise(rules: Rules, state: GameState, promise: Promise, why: str) -> None:
    """A US promise is broken: credibility falls and every government trusts Washington less."""
    promise.status = "broken"
    promise.closed_turn = state.turn
    adjust_credibility(state, -T.CRED_PROMISE_BROKEN, promise.country)
    for cid, cs in state.countries.items():
        loss = T.TRUST_BROKEN_TARGET if cid == promise.country else T.TRUST_BROKEN_OTHERS
        cs.trust = clamp(cs.trust - loss, 0.0, 100.0)
    target = state.countries[promise.country]
    target.grievance = clamp(target.grievance + 15.0, 0.0, 100.0)
    name = rules.countries[promise.country].name
    lever = rules.levers[promise.lever].name.lower() if promise.lever in rules.levers else promise.lever
    state.news.append(News(turn=state.turn, country=promise.country,
                           title=_("US promise to {name} broken").format(name=name),
                           text=_("The {lever} promised to {name} {why}. Governments across the region take note.").format(
                                    lever=lever, name=name, why=why)))


def keep_promise(state: GameState, promise: Promise) -> None:
    """A US promise is kept."""
    promise.status = "kept"
    promise.closed_turn = state.turn
    adjust_credibility(state, T.CRED_PROMISE_KEPT)


def open_promises(state: GameState, country: str, lever: str, kind: str) -> list[Promise]:
    """Open promises of a kind about one lever and country."""
    return [p for p in state.promises if p.status == "open" and p.country == country and p.lever == lever and p.kind == kind]


def put_in_force(rules: Rules, state: GameState, cid: str, lid: str) -> None:
    """Put a lever in force, lifting what it replaces and what depends on it."""
    lever = rules.levers[lid]
    cs = state.countries[cid]
    if lever.requires:
        cs.measures.pop(lever.requires, None)
    for other in [m for m in cs.measures if m in rules.levers and rules.levers[m].requires == lid]:
        take_off(rules, state, cid, other, why=_("ended when the measure it relieved was restored"))
    cs.measures[lid] = lever.duration
    if is_stick(lever):
        cs.imposed[lid] = state.turn
    cs.relations = clamp(cs.relations + lever.relations, -100.0, 100.0)
    cs.trust = clamp(cs.trust + lever.trust, 0.0, 100.0)


def take_off(rules: Rules, state: GameState, cid: str, lid: str, why: str) -> None:
    """End a measure; a promised offer ended early is a broken promise, a promised lift is kept."""
    cs = state.countries[cid]
    cs.measures.pop(lid, None)
    cs.imposed.pop(lid, None)
    for promise in open_promises(state, cid, lid, "offer"):
        break_promise(rules, state, promise, why)
    for promise in open_promises(state, cid, lid, "lift"):
        keep_promise(state, promise)
