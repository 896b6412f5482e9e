"""F5 anywhere: read the data files again and carry on with them.

The data is read from ``ctx.data_paths`` (the shipped data when None). When it has errors the
problems overlay lists every one of them and the game keeps the data it had. When it is fine the
game in progress is moved onto it (its state saved and read back against the new rules, as a
save would be); if the game no longer fits the new data, a message says so and the old data
stays. A short "Data reloaded" notice confirms success.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from game.i18n import _
from game.i18n.formats import counted
from game.ui.context import Context
from game.ui.transition import Pop, Push, Replace, Transition

if TYPE_CHECKING:
    from game.ui.scene import Scene

NOTICE_S = 3.0


def _paths_text(ctx: Context) -> str:
    from game.paths import data_source, shown
    if ctx.data_paths:
        return ", ".join(ctx.data_paths)
    source = data_source()
    return f"{shown(source.path)} ({source.origin})"


def _stack(top: Scene) -> list[Scene]:
    """The scene and every scene below it."""
    out: list[Scene] = []
    scene: Scene | None = top
    while scene is not None:
        out.append(scene)
        scene = scene.below
    return out


def reload_data(ctx: Context, top: Scene) -> Transition | None:
    """Reload the data; returns the transition to make from the top scene: the problems overlay
    pushed (or replaced with a new list), the overlay popped once the data is fine, or None (the
    live scenes are rebuilt)."""
    from game.loading import load_content
    from game.ui.scenes import nav

    showing = top.name == "problems"
    done: Transition | None = Pop() if showing else None
    result = load_content(list(ctx.data_paths) if ctx.data_paths else None)
    warnings = [p for p in result.problems if not p.is_error]
    if not result.ok or result.bundle is None:
        overlay = nav.problems_scene(ctx, list(result.problems), _paths_text(ctx))
        return Replace(overlay) if showing else Push(overlay)
    bundle = result.bundle
    old = ctx.content
    session = ctx.session
    changed = old is None or old.fingerprint != bundle.fingerprint
    if session is not None and changed:
        from game.engine import SaveError
        try:
            session.rebind(bundle)
        except SaveError as error:
            ctx.message = (_("The data was read without errors, but the game in progress does not fit it: {error} The game "
                              "goes on with the data it was started with.").format(error=error))
            return done
        if session.recording:
            ctx.message = (_("The data changed during this game. Its record was started with the earlier data, "
                           "so checking the record may list differences from this month on."))
    ctx.content = bundle
    ctx.content_error = None
    ctx.extra.pop("mapview", None)
    text = _("Data reloaded") if changed else _("Data reloaded: nothing had changed")
    if warnings:
        from game.paths import validate_hint
        text += " ({warnings}: {hint})".format(
            warnings=counted(len(warnings), "{n} warning", "{n} warnings"),
            hint=_("run '{command}'").format(command=validate_hint(ctx.data_paths)))
    ctx.notice = (text + ".", time.perf_counter() + NOTICE_S)
    for scene in _stack(top):
        if scene.name != "problems":
            scene.content_changed()
    return done
