"""What a scene asks the app to do next: the value its ``handle_event`` (and every button handler)
returns. The app owns the stack of scenes and applies these at the position of the scene that
returned them, so an overlay above it (the tutorial) stays on top.

- ``Push(scene)``: put a scene above this one (a menu, a dialog, the tutorial).
- ``Pop()``: leave this scene; the one below it shows again (the default of Esc).
- ``Replace(*scenes)``: this scene gives way to others (bottom first); ``root=True`` replaces the
  whole stack (starting a game, quitting to the title).
- ``Quit()``: end the program.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.scene import Scene


@dataclass(frozen=True)
class Push:
    """Put ``scene`` on top of the scene that returned this."""

    scene: Scene


@dataclass(frozen=True)
class Pop:
    """Leave the scene that returned this."""


@dataclass(frozen=True, init=False)
class Replace:
    """The scene that returned this gives way to ``scenes`` (bottom first); ``root``: to them alone."""

    scenes: tuple[Scene, ...]
    root: bool

    def __init__(self, *scenes: Scene, root: bool = False) -> None:
        if not scenes:
            raise ValueError("Replace needs at least one scene")
        object.__setattr__(self, "scenes", scenes)
        object.__setattr__(self, "root", root)


@dataclass(frozen=True)
class Quit:
    """End the program."""


Transition = Push | Pop | Replace | Quit


def next_stack(stack: list[Scene], transition: Transition, source: Scene) -> list[Scene]:
    """The stack (bottom first) after ``source`` returned ``transition`` (not ``Quit``): applied at
    the source's place, so overlays above it stay on top; popping the last scene leaves it there."""
    i = stack.index(source) if source in stack else len(stack) - 1
    if isinstance(transition, Push):
        return [*stack[:i + 1], transition.scene, *stack[i + 1:]]
    if isinstance(transition, Pop):
        return stack if len(stack) == 1 else stack[:i] + stack[i + 1:]
    if isinstance(transition, Replace):
        return list(transition.scenes) if transition.root else stack[:i] + list(transition.scenes) + stack[i + 1:]
    return stack
