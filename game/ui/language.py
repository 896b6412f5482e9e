"""Switching the language from the title or settings screen: remembered, and applied at once.

The choice is saved in the settings; the catalog of the code's strings, pygame_gui's own widget
texts (the manager is rebuilt in the new language) and the data's texts (read again, as F5 does)
all follow, and a game in progress is moved onto the translated data. A game is the same game in
every language, so nothing else changes.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from game.i18n import _, available_languages, current_language, language_name, set_language
from game.ui.context import Context
from game.ui.transition import Transition

if TYPE_CHECKING:
    from game.ui.scene import Scene

NOTICE_S = 3.0


def language_options() -> list[tuple[str, str]]:
    """(label, code) of every language the game has, each named in its own language."""
    return [(language_name(code), code) for code in available_languages()]


def switch_language(ctx: Context, top: Scene, code: str) -> Transition | None:
    """Show the game in ``code`` from now on and remember it; returns the reload's transition."""
    from game.ui.reload import reload_data

    if code == current_language() and ctx.settings.language == code:
        return None
    set_language(code)
    ctx.apply_settings(replace(ctx.settings, language=code))
    transition = reload_data(ctx, top)
    session = ctx.session
    if session is not None and ctx.content is not None:
        from game.engine import SaveError
        try:
            session.rebind(ctx.content)
        except SaveError as error:
            ctx.message = _("The game in progress could not switch to the translated data: {error}").format(error=error)
    ctx.notice = (language_name(code), time.perf_counter() + NOTICE_S)
    return transition
