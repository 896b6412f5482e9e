"""The desktop front end: pygame-ce + pygame_gui scenes over the pure turn engine.

The UI changes the game only through ``game.engine`` calls (apply, unqueue, end_turn, ...).
Entry points: :func:`game.ui.app.run` (the game) and :mod:`game.ui.tour` (screenshots).
"""
