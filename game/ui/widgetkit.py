"""The widgets of one scene: ``Widgets`` owns one root container that holds every widget the scene
makes (so clearing the screen is one ``kill()``) and the lookups the scene's event handling reads:
what each button does, why a disabled one is refused, shortcut keys, drop-down and check-box
bindings, text panels, scrolling columns and the keyboard focus order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIContainer, UIElement
from pygame_gui.elements import UIButton, UICheckBox, UIDropDownMenu, UILabel, UIPanel, UITextBox

from game.i18n import _
from game.ui.context import Choice
from game.ui.keyboard import FocusRing
from game.ui.printable import printable
from game.ui.shortcuts import key_label, key_text
from game.ui.transition import Transition

Handler = Callable[[], Transition | None]
E = TypeVar("E", bound=UIElement)




class Widgets:
    """One scene's widgets: a root container covering the window, and the lookups.

    ``open()`` makes the root (the scene's ``enter``), ``close()`` kills it with everything in it and
    forgets the lookups (the scene's ``exit``). Widgets made without a container go in the root;
    a widget made elsewhere is created with ``container=root`` and registered with ``keep``.
    """

    def __init__(self, manager: pygame_gui.UIManager, focus: FocusRing) -> None:
        self.manager = manager
        self.focus = focus
        self.root: UIContainer | None = None
        self.elements: list[UIElement] = []
        self.actions: dict[UIElement, Handler] = {}
        self.reasons: dict[UIElement, str] = {}
        self.shortcuts: dict[int, UIElement | Handler] = {}
        self.choices: dict[UIElement, Choice] = {}
        self.toggles: dict[UIElement, Callable[[bool], Transition | None]] = {}
        self.text_panels: dict[str, list[UIElement]] = {}
        self.scrollers: dict[int, Any] = {}

    def open(self, manager: pygame_gui.UIManager, size: tuple[int, int]) -> UIContainer:
        """Make the root container for a window of ``size`` (the manager may be new after a resize)."""
        self.manager = manager
        self.root = UIContainer(pygame.Rect((0, 0), size), manager=manager)
        return self.root

    def close(self) -> None:
        """Kill every widget (one kill of the root) and forget the lookups."""
        if self.root is not None:
            self.root.kill()
            self.root = None
        self.elements.clear()
        self.actions.clear()
        self.reasons.clear()
        self.shortcuts.clear()
        self.choices.clear()
        self.toggles.clear()
        self.text_panels.clear()
        self.scrollers.clear()

    def keep(self, element: E) -> E:
        """Register a widget made outside these helpers (it must be inside the root)."""
        self.elements.append(element)
        return element

    def _in(self, container: Any) -> Any:
        return container if container is not None else self.root

    def button(self, rect: pygame.Rect, text: str, action: Handler, *, key: int | None = None,
               tip: str | None = None, refusal: str | None = None, object_id: str | None = None,
               container: Any = None, focusable: bool = True) -> UIButton:
        """A button bound to an action, with an optional shortcut key and tooltip.

        ``refusal`` disables it and becomes its tooltip (why it cannot be used now). The shortcut is
        printed on it (:mod:`game.ui.shortcuts`): measure it with ``Layout.button_w(text, key=key)``.
        """
        hint = tip or ""
        if key is not None:
            hint = _("{hint} (key: {key_label})").format(hint=hint, key_label=key_label(key)).strip()
        if refusal:
            hint = refusal + (_(" (key: {key_label})").format(key_label=key_label(key)) if key is not None else "")
        btn = UIButton(rect, printable(key_text(text, key), one_line=True), manager=self.manager, container=self._in(container),
                       tool_tip_text=printable(hint) or None, object_id=ObjectID(object_id=object_id) if object_id else None)
        self.keep(btn)
        self.actions[btn] = action
        if refusal:
            btn.disable()
            self.reasons[btn] = refusal
        if key is not None:
            self.shortcuts[key] = btn
        if focusable:
            self.focus.add(btn)
        return btn

    def label(self, rect: pygame.Rect, text: str, *, object_id: str | None = None, container: Any = None,
              tip: str | None = None) -> UILabel:
        """A one-line label."""
        lbl = UILabel(rect, printable(text, one_line=True), manager=self.manager, container=self._in(container),
                      object_id=ObjectID(object_id=object_id) if object_id else None)
        if tip:
            lbl.set_tooltip(printable(tip))
        return self.keep(lbl)

    def textbox(self, rect: pygame.Rect, html: str, *, object_id: str | None = None, container: Any = None,
                panel: str | None = None) -> UITextBox:
        """A wrapped, scrolling text box with HTML-ish markup."""
        box = UITextBox(printable(html), rect, manager=self.manager, container=self._in(container),
                        object_id=ObjectID(object_id=object_id) if object_id else None)
        if panel:
            self.text_panels.setdefault(panel, []).append(box)
        return self.keep(box)

    def panel(self, rect: pygame.Rect, *, object_id: str | None = None) -> UIPanel:
        """A background panel (consumes clicks inside it)."""
        return self.keep(UIPanel(rect, manager=self.manager, container=self.root,
                                  object_id=ObjectID(object_id=object_id) if object_id else None))

    def dropdown(self, rect: pygame.Rect, options: list[tuple[str, str]], current: str,
                 on_change: Callable[[str], Transition | None], *, tip: str | None = None,
                 container: Any = None) -> UIDropDownMenu:
        """A drop-down of (label, id) options bound to a value; arrows change it when focused."""
        options = [(printable(label, one_line=True), oid) for label, oid in options]
        labels = [label for label, _ in options]
        items: list[str | tuple[str, str]] = list(options)
        ids = [oid for _, oid in options]
        start = options[ids.index(current)] if current in ids else options[0]
        menu = UIDropDownMenu(items, start, rect, manager=self.manager, container=self._in(container))
        if tip:
            menu.set_tooltip(_("{tip} (Tab to focus, arrow keys to change)").format(tip=tip))
        self.choices[menu] = Choice(ids, labels, start[1], on_change)
        self.focus.add(menu)
        return self.keep(menu)

    def checkbox(self, rect: pygame.Rect, text: str, state: bool, on_toggle: Callable[[bool], Transition | None],
                 *, tip: str | None = None, key: int | None = None, container: Any = None) -> UICheckBox:
        """A check box bound to a value; Enter or Space toggles it when focused."""
        size = rect.h
        box = UICheckBox(pygame.Rect(rect.x, rect.y, size, size), printable(key_text(text, key), one_line=True), manager=self.manager,
                         initial_state=state, container=self._in(container),
                         tool_tip_text=(_("{value} (key: {key_label})").format(value=tip or '', key_label=key_label(key)).strip() if key else tip))
        self.toggles[box] = on_toggle
        self.focus.add(box)
        if key is not None:
            self.shortcuts[key] = box
        return self.keep(box)
