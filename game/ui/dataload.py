"""Reading the data while the first screen is already up: the loader runs on a worker thread, which
posts ``LOADED`` when it is done; the app's loop then hands the result to the scenes. An action that
needs the data before then (New game on the title) waits for the rest of the load.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import _

if TYPE_CHECKING:
    from game.content import ContentBundle

Result = tuple["ContentBundle | None", "str | None"]
Loader = Callable[[], Result]
LOADED = pygame.event.custom_type()  # posted by the thread that reads the data


class DataLoading:
    """One load of the data, started once; ``done`` receives its result on the app's thread."""

    def __init__(self, loader: Loader | None, done: Callable[[Result], None]) -> None:
        self.loader = loader
        self.done = done
        self._box: list[Result] = []
        self._thread: threading.Thread | None = None

    @property
    def waiting(self) -> bool:
        """True until the load has been started."""
        return self.loader is not None

    def now(self) -> None:
        """Load on this thread (tests, tools)."""
        if self.loader is None:
            return
        loader, self.loader = self.loader, None
        self.done(loader())

    def start(self) -> None:
        """Start the worker thread; it posts ``LOADED`` and the loop calls ``take``."""
        if self.loader is None:
            return
        loader, self.loader = self.loader, None
        box = self._box

        def work() -> None:
            try:
                box.append(loader())
            except Exception as error:  # noqa: BLE001 - shown to the player on the title screen instead of a traceback
                box.append((None, _("The data could not be read: {name}: {error}").format(
                                      name=type(error).__name__, error=error)))
            pygame.event.post(pygame.event.Event(LOADED))

        self._thread = threading.Thread(target=work, name="load-data", daemon=True)
        self._thread.start()

    def take(self) -> None:
        """Hand over the result if there is one (it is handed over once)."""
        if self._box:
            self.done(self._box.pop())

    def wait(self) -> None:
        """Take the data now if it is still loading: at most the rest of the load."""
        if self._thread is not None:
            self._thread.join()
        self.take()
