"""Settings: full screen, the projector preset, UI scale (100-300 %), colour-blind-safe palette,
high contrast, language, and reloading the data files (what F5 does anywhere).

Changes apply at once and are remembered between runs (see :mod:`game.ui.settings`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

import pygame

from game.i18n import _, current_language, number_text
from game.ui.language import language_options, switch_language
from game.ui.layout import Column, Flow
from game.ui.scene import Outcome, Scene
from game.ui.settings import PROJECTOR_SCALE, SCALES, settings_path
from game.ui.text import esc


class SettingsScene(Scene):
    """Change how the game looks."""

    name = "settings"

    def build(self) -> None:
        lay = self.lay
        s = self.ctx.settings
        width = min(lay.w - lay.px(40), lay.px(640))
        col = Column(pygame.Rect((lay.w - width) // 2, lay.px(30), width, lay.h - lay.px(60)), lay.px(10))
        self.ui.label(col.take(lay.line_h(19)), _("Settings"), object_id="#heading")
        row = lay.row_h()
        for text, attr, key, tip in (
            (_("Full screen"), "fullscreen", pygame.K_f, _("Use the whole screen (projectors).")),
            (_("Projector preset"), "projector", pygame.K_p,
             _("One switch for a classroom projector: full screen and text large enough to read from the back "
               "of the room (high contrast stays a separate choice).")),
            (_("Colour-blind-safe palette"), "colourblind", pygame.K_c,
             _("Map colours that stay distinct for the common colour-vision deficiencies.")),
            (_("High contrast"), "high_contrast", pygame.K_h, _("Black background, white text, thicker borders.")),
            (_("Speech (read the screen aloud)"), "speech", pygame.K_v,
             _("Self-voicing: reads the focused control, the selected country, each month's report and every refusal, and keeps a log of it.")),
        ):
            rect = col.take(row)
            shown = getattr(s.effective(), attr)  # what the window uses: the preset turns full screen on
            if attr == "fullscreen" and s.projector:
                tip += " " + _("On while the projector preset is on.")
            self.ui.checkbox(pygame.Rect(rect.x, rect.y, row, row), text, shown,
                          partial(self.set_flag, attr), tip=tip, key=key)
        rect = col.take(row)
        label_w = max(lay.text_w(_("UI scale")), lay.text_w(_("Language"))) + lay.px(20)
        self.ui.label(pygame.Rect(rect.x, rect.y, label_w, row), _("UI scale"))
        self.ui.dropdown(pygame.Rect(rect.x + label_w, rect.y, lay.button_w("200 %") + lay.px(40), row),
                      [(f"{v} %", str(v)) for v in SCALES], str(s.effective().ui_scale),
                      lambda v: self.change(ui_scale=int(v)),
                      tip=_("Size of text and controls.") + (" " + _("The projector preset keeps it at {scale} % or more.").format(
                          scale=PROJECTOR_SCALE) if s.projector else ""))
        rect = col.take(row)
        options = language_options()
        self.ui.label(pygame.Rect(rect.x, rect.y, label_w, row), _("Language"))
        self.ui.dropdown(pygame.Rect(rect.x + label_w, rect.y, max(lay.button_w(name) for name, _ in options) + lay.px(40),
                                  row), options, current_language(), self.set_language,
                      tip=_("Language of the game's texts (remembered; --lang on the command line overrides it)."))
        info = (_("Text is drawn at {scale}× for this window size. Where a screen does not fit the window at "
                  "this scale, it scrolls: the mouse wheel, Ctrl+arrow keys, and it follows the Tab focus.").format(
                    scale=number_text(f"{lay.scale:.2f}"))
                + "<br>" + _("Settings are saved in {settings_path}.").format(settings_path=esc(settings_path())) + "<br>"
                + _("<b>F5</b>, anywhere in the game, reads the data files again: instructors can edit them and see "
                    "the change without restarting (a game in progress goes on with the new data)."))
        self.ui.textbox(col.take(lay.line_h() * 6 + lay.px(16)), info, panel="settings")
        flow = Flow(col.take(row), row, lay.px(10))
        self.ui.button(flow.place(lay.button_w(_("Back"))), _("Back"), self.back, tip=_("Return. (key: Esc)"))
        self.ui.button(flow.place(lay.button_w(_("Reload the data files"))), _("Reload the data files"), self.reload,
                    tip=_("Read the data files again, as F5 does anywhere in the game."))

    def reload(self) -> Outcome:
        """Read the data files again (F5)."""
        from game.ui.reload import reload_data
        transition = reload_data(self.ctx, self)
        if transition is None:
            self.rebuild()
        return transition

    def set_language(self, code: str) -> Outcome:
        """Show the game in another language and remember it."""
        return switch_language(self.ctx, self, code)

    def set_flag(self, name: str, on: bool) -> Outcome:
        """A check box of the setting ``name`` was toggled."""
        return self.change(**{name: on})

    def change(self, **values: Any) -> Outcome:  # Settings fields; replace() refuses unknown ones
        """Apply and remember a change."""
        self.ctx.apply_settings(replace(self.ctx.settings, **values))
        return None

    def step_choice(self, element, step: int) -> Outcome:
        choice = self.ui.choices[element]
        i = choice.ids.index(choice.current) if choice.current in choice.ids else 0
        j = max(0, min(len(choice.ids) - 1, i + step))
        if j == i:
            return None
        choice.current = choice.ids[j]
        return choice.on_change(choice.ids[j])
