"""Widget helpers for scenes: buttons, labels, text boxes, panels, drop-downs and check boxes,
each registered with the scene's actions, shortcuts and keyboard focus."""

from __future__ import annotations

from typing import Any, Callable, Optional

import pygame
from pygame_gui.core import ObjectID, UIElement
from pygame_gui.elements import UIButton, UICheckBox, UIDropDownMenu, UILabel, UIPanel, UITextBox

from game.ui.context import Choice

from game.ui.transition import Transition

Handler = Callable[[], Optional[Transition]]


def key_label(key: int) -> str:
    """How a shortcut key is written in tooltips."""
    return {pygame.K_ESCAPE: "Esc", pygame.K_RETURN: "Enter", pygame.K_TAB: "Tab"}.get(key, pygame.key.name(key).upper())


class WidgetFactory:
    """Mixed into ``Scene``: creates widgets and records them for clean-up and the keyboard."""

    def _keep(self, element: UIElement) -> UIElement:
        self.elements.append(element)
        return element

    def button(self, rect: pygame.Rect, text: str, action: Handler, *, key: int | None = None,
               tip: str | None = None, refusal: str | None = None, object_id: str | None = None,
               container: Any = None, focusable: bool = True) -> UIButton:
        """A button bound to an action, with an optional shortcut key and tooltip.

        ``refusal`` disables it and becomes its tooltip (why it cannot be used now).
        """
        hint = tip or ""
        if key is not None:
            hint = f"{hint} (key: {key_label(key)})".strip()
        if refusal:
            hint = refusal + (f" (key: {key_label(key)})" if key is not None else "")
        btn = UIButton(rect, text, manager=self.ctx.manager, container=container,
                       tool_tip_text=hint or None, object_id=ObjectID(object_id=object_id) if object_id else None)
        self._keep(btn)
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
        lbl = UILabel(rect, text, manager=self.ctx.manager, container=container,
                      object_id=ObjectID(object_id=object_id) if object_id else None)
        if tip:
            lbl.set_tooltip(tip)
        return self._keep(lbl)

    def textbox(self, rect: pygame.Rect, html: str, *, object_id: str | None = None, container: Any = None,
                panel: str | None = None) -> UITextBox:
        """A wrapped, scrolling text box with HTML-ish markup."""
        box = UITextBox(html, rect, manager=self.ctx.manager, container=container,
                        object_id=ObjectID(object_id=object_id) if object_id else None)
        if panel:
            self.text_panels.setdefault(panel, []).append(box)
        return self._keep(box)

    def panel(self, rect: pygame.Rect, *, object_id: str | None = None) -> UIPanel:
        """A background panel (consumes clicks inside it)."""
        return self._keep(UIPanel(rect, manager=self.ctx.manager,
                                  object_id=ObjectID(object_id=object_id) if object_id else None))

    def dropdown(self, rect: pygame.Rect, options: list[tuple[str, str]], current: str,
                 on_change: Callable[[str], Optional[Transition]], *, tip: str | None = None,
                 container: Any = None) -> UIDropDownMenu:
        """A drop-down of (label, id) options bound to a value; arrows change it when focused."""
        labels = [label for label, _ in options]
        ids = [oid for _, oid in options]
        start = options[ids.index(current)] if current in ids else options[0]
        menu = UIDropDownMenu(options, start, rect, manager=self.ctx.manager, container=container)
        if tip:
            menu.set_tooltip(f"{tip} (Tab to focus, arrow keys to change)")
        self.choices[menu] = Choice(ids, labels, start[1], on_change)
        self.focus.add(menu)
        return self._keep(menu)

    def checkbox(self, rect: pygame.Rect, text: str, state: bool, on_toggle: Callable[[bool], Optional[Transition]],
                 *, tip: str | None = None, key: int | None = None, container: Any = None) -> UICheckBox:
        """A check box bound to a value; Enter or Space toggles it when focused."""
        size = rect.h
        box = UICheckBox(pygame.Rect(rect.x, rect.y, size, size), text, manager=self.ctx.manager,
                         initial_state=state, container=container,
                         tool_tip_text=(f"{tip or ''} (key: {key_label(key)})".strip() if key else tip))
        self.toggles[box] = on_toggle
        self.focus.add(box)
        if key is not None:
            self.shortcuts[key] = box
        return self._keep(box)
