"""The class being hosted: its settings and data, created once and read back on every restart.

On the first start the host stores the scenario, mandate, seed, join code, instructor token and
the data files themselves in the database; a restarted host uses what is stored (so an edited data
folder changed mid-class cannot split the class), and only a given ``--code`` or ``--token``
replaces the stored one.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.classroom.store import Store
from game.content import ContentBundle
from game.engine import Rules, UnknownContent, compile_rules, new_game
from game.loading import discover, load_files

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
CODE_LENGTH = 6


class RoomError(Exception):
    """The class cannot be set up; the message says why."""


@dataclass
class Room:
    """A class: its database, its settings and its compiled data."""

    store: Store
    db: str
    code: str
    token: str
    scenario: str
    mandate: str
    seed: int
    bundle: ContentBundle
    rules: Rules
    files: dict[str, str]
    resumed: bool

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the class's data."""
        return self.bundle.fingerprint

    @property
    def months(self) -> int:
        """Months in the scenario."""
        return new_game(self.rules, self.scenario, self.mandate, self.seed).turns


def new_code() -> str:
    """A random join code, easy to read and type."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def read_data_files(paths: Sequence[str] | None) -> list[tuple[str, bytes]]:
    """The bytes of the data files ``--data`` names (the shipped data when none); RoomError if missing."""
    found, problems = discover(list(paths) if paths else None)
    if problems:
        raise RoomError("; ".join(p.format() for p in problems))
    names = [path.name for path, _ in found]
    if len(set(names)) != len(names):
        raise RoomError("two data files have the same name; a class's data files must have distinct names")
    return [(path.name, path.read_bytes()) for path, _ in found]


def open_room(db: str, scenario: str | None, mandate: str | None, seed: int | None,
              data: Sequence[str] | None, code: str | None, token: str | None) -> Room:
    """Create the class in ``db``, or reopen the one stored there."""
    store = Store(db)
    stored = store.settings()
    resumed = "scenario" in stored
    if resumed:
        files = store.files()
        changes = {k: v for k, v in (("code", code), ("token", token)) if v}
        if changes:
            store.put_settings(changes)
            stored.update(changes)
    else:
        files = read_data_files(data)
        stored = {"scenario": scenario or "default", "mandate": mandate or "balanced",
                  "seed": 1 if seed is None else seed, "code": code or new_code(),
                  "token": token or secrets.token_urlsafe(24), "hold": False, "hold_month": None}
    result = load_files(files)
    if not result.ok or result.bundle is None:
        raise RoomError("the class's data has errors: " + "; ".join(p.format() for p in result.errors[:5]))
    try:
        rules = compile_rules(result.bundle, stored["scenario"])
        new_game(rules, stored["scenario"], stored["mandate"], stored["seed"])
    except UnknownContent as error:
        raise RoomError(str(error)) from None
    if not resumed:
        store.put_files(files)
        store.put_settings(stored)
    return Room(store=store, db=db, code=stored["code"], token=stored["token"], scenario=stored["scenario"],
                mandate=stored["mandate"], seed=int(stored["seed"]), bundle=result.bundle, rules=rules,
                files={name: content.decode("utf-8") for name, content in files}, resumed=resumed)




def open_existing(db: str) -> Room:
    """The class stored in ``db``; RoomError when there is none (nothing is created)."""
    if "://" not in db and not Path(db).is_file():
        raise RoomError(f"{db}: no such class database")
    store = Store(db)
    if "scenario" not in store.settings():
        raise RoomError(f"{db}: no class is stored in this database")
    return open_room(db, None, None, None, None, None, None)
