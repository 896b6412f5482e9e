"""The pygame_gui theme: ``assets/theme.json`` scaled to the UI scale and recoloured per palette.

Fonts are scaled by the effective UI scale; the high-contrast palette swaps widget colours for
black, white and yellow. The result is a dict handed to ``UIManager``.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

from game.paths import assets_dir
from game.ui.palette import Palette

HIGH_CONTRAST_COLOURS = {
    "normal_bg": "#000000", "hovered_bg": "#1a1a1a", "disabled_bg": "#000000", "selected_bg": "#003d80",
    "active_bg": "#003d80", "dark_bg": "#000000", "disabled_dark_bg": "#000000", "normal_text": "#ffffff",
    "hovered_text": "#ffff00", "disabled_text": "#b0b0b0", "selected_text": "#ffffff", "active_text": "#ffffff",
    "normal_border": "#ffffff", "hovered_border": "#ffff00", "disabled_border": "#808080",
    "selected_border": "#ffff00", "active_border": "#ffff00", "link_text": "#00e5ff", "link_hover": "#ffff00",
    "link_selected": "#ffff00", "filled_bar": "#00e5ff", "unfilled_bar": "#333333",
}


@lru_cache(maxsize=1)
def base_theme() -> dict[str, Any]:
    """The theme file as shipped."""
    return json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))


def _scale_fonts(node: Any, scale: float) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "font" and isinstance(value, dict) and "size" in value:
                value["size"] = str(max(8, round(int(value["size"]) * scale)))
            elif key == "misc" and isinstance(value, dict) and "rect_width" in value:
                value["rect_width"] = str(round(int(value["rect_width"]) * scale))
                _scale_fonts(value, scale)
            else:
                _scale_fonts(value, scale)


def _recolour(theme: dict[str, Any], mapping: dict[str, str]) -> None:
    for block in theme.values():
        colours = block.get("colours") if isinstance(block, dict) else None
        if isinstance(colours, dict):
            for key in list(colours):
                transparent = len(colours[key]) == 9 and colours[key].endswith("00")
                if key in mapping and not transparent:
                    colours[key] = mapping[key]


ELEMENT_BLOCKS = ("button", "label", "text_box", "drop_down_menu", "text_entry_line", "text_entry_box",
                  "selection_list", "tool_tip", "horizontal_slider", "panel", "window")
SYMBOL_BLOCKS = ("drop_down_menu.#expand_button", "horizontal_slider.@arrow_button", "vertical_scroll_bar.button",
                 "horizontal_scroll_bar.button", "window.#close_button", "check_box")


def _with_element_fonts(theme: dict[str, Any]) -> dict[str, Any]:
    """pygame_gui ignores a font in ``defaults``: copy it into every element block."""
    default = theme.get("defaults", {}).get("font")
    if default:
        for block in ELEMENT_BLOCKS:
            theme.setdefault(block, {}).setdefault("font", dict(default))
        for block in SYMBOL_BLOCKS:
            theme.setdefault(block, {})["font"] = {"name": "fira_code_symbols", "size": default["size"]}
    return theme


def build_theme(scale: float, palette: Palette) -> dict[str, Any]:
    """The theme dict for a scale and palette."""
    theme = _with_element_fonts(copy.deepcopy(base_theme()))
    _scale_fonts(theme, scale)
    # list entries (saves, past actions) read from the left like text, not centred like buttons
    # (pygame_gui 0.6 ignores the padding of left-aligned button text: the lists indent their entries)
    theme.setdefault("@selection_list_item", {}).setdefault("misc", {})["text_horiz_alignment"] = "left"
    theme.setdefault("selection_list", {}).setdefault("misc", {})["list_item_height"] = str(max(20, round(21 * scale)))
    if palette.name.startswith("high_contrast"):
        theme["defaults"]["colours"].update(HIGH_CONTRAST_COLOURS)
        _recolour(theme, HIGH_CONTRAST_COLOURS)
        theme["#muted"]["colours"]["normal_text"] = "#ffffff"
        theme["#refusal"]["colours"]["normal_text"] = "#ff9f80"
        theme["#primary"]["colours"] = {"normal_bg": "#003d80", "hovered_bg": "#0057b8", "normal_border": "#ffffff",
                                        "normal_text": "#ffffff", "hovered_text": "#ffff00"}
        theme["#on"]["colours"] = {"normal_bg": "#003d80", "hovered_bg": "#0057b8", "normal_border": "#ffff00",
                                   "normal_text": "#ffff00", "hovered_text": "#ffff00"}
        theme["#hint"]["colours"] = {"dark_bg": "#000000", "normal_border": "#ffff00"}
        theme["#message"]["colours"] = {"dark_bg": "#000000", "normal_border": "#ff6b6b"}
        for bar in ("vertical_scroll_bar.#sliding_button", "horizontal_scroll_bar.#sliding_button"):
            theme[bar]["colours"].update({"normal_bg": "#c8c8c8", "hovered_bg": "#ffff00", "active_bg": "#ffff00",
                                          "selected_bg": "#ffff00", "normal_border": "#ffffff", "normal_text": "#000000",
                                          "hovered_text": "#000000", "selected_text": "#000000", "active_text": "#000000"})
        for block in ("button", "text_box", "panel", "window", "tool_tip"):
            theme[block].setdefault("misc", {})["border_width"] = "2"
    else:
        theme["defaults"]["colours"]["selected_border"] = palette.focus
        theme["defaults"]["colours"]["active_border"] = palette.focus
    return theme


def font_sizes(scale: float) -> list[int]:
    """Every font size the theme uses at this scale (to preload them)."""
    sizes: set[int] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "font" and isinstance(value, dict) and "size" in value:
                    sizes.add(int(value["size"]))
                else:
                    walk(value)
    walk(_scaled_only(scale))
    return sorted(sizes)


def _scaled_only(scale: float) -> dict[str, Any]:
    theme = _with_element_fonts(copy.deepcopy(base_theme()))
    _scale_fonts(theme, scale)
    return theme
