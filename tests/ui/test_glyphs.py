"""Every Spanish letter and sign renders in the game's fonts (regular and bold), not as the missing-glyph box."""

from __future__ import annotations

import pygame
import pytest

from game.ui.layout import font

SPANISH = "áéíóúÁÉÍÓÚñÑüÜ¿¡«»"
NOT_IN_FONT = "\ue000"  # a private-use code point: the font draws its .notdef glyph for it


def _pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


@pytest.mark.parametrize("bold", [False, True])
def test_spanish_glyphs_render(bold: bool) -> None:
    pygame.font.init()
    fnt = font(24, bold)
    notdef = fnt.render(NOT_IN_FONT, True, (255, 255, 255))
    for char in SPANISH:
        glyph = fnt.render(char, True, (255, 255, 255))
        assert glyph.get_bounding_rect().width > 0, f"{char!r} renders empty"
        assert glyph.get_size() != notdef.get_size() or _pixels(glyph) != _pixels(notdef), f"{char!r} is the missing glyph"
        assert fnt.metrics(char)[0] is not None, f"{char!r} has no glyph in the font"
    # the check can fail: the missing-glyph box really is what an absent character gives
    assert _pixels(fnt.render(NOT_IN_FONT, True, (255, 255, 255))) == _pixels(notdef)
    assert notdef.get_bounding_rect().width > 0
