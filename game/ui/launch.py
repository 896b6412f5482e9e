"""Starting the game window: load the data and the settings, pick the first scene, run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from game.i18n import _
from game.ui.scene import Context, Scene
from game.ui.scenes import nav
from game.ui.settings import load_settings

if TYPE_CHECKING:
    from game.content import ContentBundle

MAX_PROBLEMS_SHOWN = 8


def load_data(paths: Sequence[str] | None) -> tuple[ContentBundle | None, str | None]:
    """The content bundle and, when the data has errors, a readable summary of them. A bundle
    validated before from the very same files is taken from the cache (``game.contentcache``)."""
    from game.contentcache import cache_key, read_cached, write_cached
    from game.i18n import current_language

    key = cache_key(paths, current_language())
    cached = read_cached(key)
    if cached is not None:
        return cached, None
    from game.loading import load_content

    result = load_content(list(paths) if paths else None)
    if result.bundle is not None and result.ok:
        write_cached(key, result.bundle)
        return result.bundle, None
    lines = [p.format() for p in result.problems[:MAX_PROBLEMS_SHOWN]]
    more = len(result.problems) - MAX_PROBLEMS_SHOWN
    if more > 0:
        lines.append(_("... and {more} more.").format(more=more))
    return None, "\n".join(lines) or _("The data files could not be read.")


def launch(scenario: str | None = None, mandate: str = "balanced", seed: int | None = None,
           fullscreen: bool | None = None, size: tuple[int, int] = (1280, 720),
           data: Sequence[str] | None = None, records: Path | None = None, player: str = "") -> int:
    """Open the window and run the game until the player quits.

    ``data``: the data folders or files (F5 reads them again); ``records``: where played games keep
    their records (default: the user data folder, see ``game.records.records_dir``); ``player``:
    the name the title screen offers and the records carry.
    """
    import random

    from game.ui.app import App

    settings, message = load_settings()
    if fullscreen is not None:
        settings = replace(settings, fullscreen=fullscreen)
    first = None
    loader = None
    brief = None
    if scenario:
        content, error = load_data(data)

        def first(ctx: Context) -> list[Scene]:
            from game.engine import UnknownContent
            from game.ui.session import Session
            if ctx.content is None:
                return nav.screen("title", ctx)
            try:
                session = Session.start(ctx.content, scenario, mandate, seed if seed is not None else random.randint(1, 999_999))
                session.player = ctx.player
            except UnknownContent as exc:
                ctx.message = str(exc)
                return nav.screen("title", ctx)
            nav.begin(ctx, session, new=True)
            return nav.screen("briefing", ctx)
    else:  # show the title at once (listing the content cache's brief) and read the data right after the first frame
        from game.contentcache import cache_key, read_brief
        from game.i18n import current_language

        content, error = None, None
        brief = read_brief(cache_key(data, current_language()))

        def loader():
            return load_data(data)
    app = App(settings, content, error, size=size, first=first, settings_message=message, loader=loader,
              data_paths=list(data) if data else None, records_dir=records, player=player, brief=brief)
    return app.run()
