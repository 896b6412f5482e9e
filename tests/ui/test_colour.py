"""Colour is never the only signal: WCAG contrast of every theme pair in every palette, and the
chart series and map-lens steps kept apart under simulated colour-vision deficiencies."""

from __future__ import annotations

from itertools import combinations, pairwise
from typing import Any

import pytest

from game.ui.debrief_charts import SERIES_COLOURS, SERIES_COLOURS_CB, guess_word, series_colour
from game.ui.palette import COLOURBLIND, DEFAULT, HIGH_CONTRAST, HIGH_CONTRAST_COLOURBLIND, Palette, contrast, hex_colour, ramp
from game.ui.theme import build_theme
from tests.ui.colour_science import VISIONS, delta_e

PALETTES = (DEFAULT, COLOURBLIND, HIGH_CONTRAST, HIGH_CONTRAST_COLOURBLIND)
TEXT, NON_TEXT, MIN_DELTA_E = 4.5, 3.0, 10.0
DARK_TEXT_BLOCKS = ("text_box", "tool_tip", "text_entry_line", "text_entry_box", "selection_list", "#hint", "#message")
LENS_STEPS = 6  # the lens ramps are read as this many steps: neighbours must differ


def _rgb(value: str) -> tuple[int, int, int]:
    return hex_colour(value[:7])


def _opaque(value: str) -> bool:
    return not (len(value) == 9 and value.endswith("00"))


def _blocks(theme: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Every block's colours with the defaults filled in (as pygame_gui resolves them)."""
    default = theme["defaults"]["colours"]
    out = {"defaults": dict(default)}
    for name, block in theme.items():
        if name != "defaults" and isinstance(block, dict):
            parent = name.split(".")[0] if "." in name else None
            base = dict(default)
            if parent and parent in theme:
                base.update(theme[parent].get("colours", {}))
            base.update(block.get("colours", {}))
            out[name] = base
    return out


def theme_pairs(pal: Palette) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, threshold) for every pair the widgets draw."""
    theme = build_theme(1.0, pal)
    blocks = _blocks(theme)
    grounds = {"window background": pal.background, "scene panel": pal.panel,
               "panel": blocks["panel"]["dark_bg"], "window": blocks["window"]["dark_bg"]}
    pairs: list[tuple[str, str, str, float]] = []
    for name, colours in blocks.items():
        if name in ("defaults", "label", "panel", "window") or name.startswith(("#title", "#heading", "#small", "#meter")):
            continue
        for state in ("normal", "hovered", "selected", "active"):
            bg, text = colours.get(f"{state}_bg"), colours.get(f"{state}_text")
            if bg and text and _opaque(bg):
                pairs.append((f"{name} {state} text", text, bg, TEXT))
        if name in DARK_TEXT_BLOCKS and _opaque(colours["dark_bg"]):
            pairs.append((f"{name} text on dark", colours["normal_text"], colours["dark_bg"], TEXT))
        border = colours.get("normal_border")
        if border and name not in ("tool_tip",):
            for gname, ground in grounds.items():
                pairs.append((f"{name} border on {gname}", border, ground, NON_TEXT))
    for gname, ground in grounds.items():
        for label in ("label", "#muted", "#refusal"):
            pairs.append((f"{label} text on {gname}", blocks[label]["normal_text"], ground, TEXT))
        for name in ("text", "muted_text", "good", "bad", "accent"):
            pairs.append((f"palette {name} on {gname}", getattr(pal, name), ground, TEXT))
        pairs.append((f"focus ring on {gname}", pal.focus, ground, NON_TEXT))
    check = blocks.get("check_box", blocks["defaults"])
    for gname, ground in grounds.items():
        pairs.append((f"unchecked box border on {gname}", check["normal_border"], ground, NON_TEXT))
    thumb = blocks.get("vertical_scroll_bar.#sliding_button")
    track = blocks.get("vertical_scroll_bar", blocks["defaults"])["dark_bg"]
    assert thumb is not None, "the scroll thumb has no colours of its own"
    pairs.append(("scroll thumb on track", thumb["normal_bg"], track, NON_TEXT))
    pairs.append(("hovered scroll thumb on track", thumb["hovered_bg"], track, NON_TEXT))
    return pairs


def map_pairs(pal: Palette) -> list[tuple[str, str, str, float]]:
    """Every lens colour against the sea, and the selection outline (or its halo) against it."""
    pairs: list[tuple[str, str, str, float]] = []
    for lens, stops in (("relations", pal.diverging), ("cooperation", pal.sequential), ("flow", pal.flow)):
        for i in range(LENS_STEPS + 1):
            fill = ramp(stops, i / LENS_STEPS)
            fill_hex = "#{:02x}{:02x}{:02x}".format(*fill)
            pairs.append((f"{lens} step {i} on sea", fill_hex, pal.sea, NON_TEXT))
            outline = max(contrast(pal.c("selected"), fill), contrast(pal.c("halo"), fill))
            edge = pal.selected if outline == contrast(pal.c("selected"), fill) else pal.halo
            pairs.append((f"selection outline or halo on {lens} step {i}", edge, fill_hex, NON_TEXT))
    pairs.append(("selection outline on its halo", pal.selected, pal.halo, NON_TEXT))
    pairs.append(("land in play versus land out of play (lightest dark end)", pal.land_other, pal.sea, 1.0))
    return pairs


@pytest.mark.parametrize("pal", PALETTES, ids=lambda p: p.name)
def test_every_theme_pair_meets_wcag(pal: Palette) -> None:
    failures = [f"{what}: {fg} on {bg} = {contrast(_rgb(fg), _rgb(bg)):.2f} < {need}"
                for what, fg, bg, need in theme_pairs(pal) + map_pairs(pal) if contrast(_rgb(fg), _rgb(bg)) < need]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("pal", PALETTES, ids=lambda p: p.name)
def test_land_out_of_play_is_not_a_lens_colour(pal: Palette) -> None:
    """A country at the bottom of a lens must not look like land that is not in play."""
    for stops in (pal.diverging, pal.sequential, pal.flow):
        for i in range(LENS_STEPS + 1):
            fill = ramp(stops, i / LENS_STEPS)
            for vision in VISIONS:
                assert delta_e(fill, pal.c("land_other"), vision) >= MIN_DELTA_E, (pal.name, stops, i, vision)


@pytest.mark.parametrize("colours", (SERIES_COLOURS, SERIES_COLOURS_CB), ids=("default", "colourblind"))
def test_chart_series_stay_apart_under_cvd(colours: tuple[str, ...]) -> None:
    assert len(colours) == 12
    worst = min((delta_e(hex_colour(a), hex_colour(b), v), a, b, v)
                for a, b in combinations(colours, 2) for v in VISIONS)
    assert worst[0] >= MIN_DELTA_E, worst
    for pal in PALETTES:
        assert [series_colour(pal, i) for i in range(12)] in ([hex_colour(c) for c in SERIES_COLOURS],
                                                              [hex_colour(c) for c in SERIES_COLOURS_CB])
        for c in colours:
            assert contrast(hex_colour(c), pal.c("panel")) >= NON_TEXT, (pal.name, c)


def test_guesses_carry_a_word_as_well_as_a_colour() -> None:
    right, wrong = guess_word(0, True), guess_word(0, False)
    assert right != wrong and "1st" in right and "1st" in wrong
    assert "not" in wrong and "not" not in right
    assert "guess" in guess_word(5, False)


@pytest.mark.parametrize("pal", PALETTES, ids=lambda p: p.name)
def test_neighbouring_lens_steps_stay_apart_under_cvd(pal: Palette) -> None:
    for stops in (pal.diverging, pal.sequential, pal.flow):
        steps = [hex_colour(s) for s in stops]  # the steps the legend shows
        for a, b in pairwise(steps):
            for vision in VISIONS:
                assert delta_e(a, b, vision) >= MIN_DELTA_E, (pal.name, stops, a, b, vision)


@pytest.mark.parametrize("pal", PALETTES, ids=lambda p: p.name)
def test_focus_is_its_own_colour(pal: Palette) -> None:
    """Focus is told from "selected" and "current" (the #on tab border) by colour, and by shape (drawn
    as a double ring with a halo, see the keyboard module)."""
    current = build_theme(1.0, pal)["#on"]["colours"]["normal_border"]
    for other in (pal.selected, current, pal.hover):
        for vision in VISIONS:
            assert delta_e(pal.c("focus"), _rgb(other), vision) >= MIN_DELTA_E, (pal.name, other, vision)
