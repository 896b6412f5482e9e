"""Domain errors raised by the engine; their messages are written for the player."""


class Impossible(Exception):
    """An action the rules refuse. ``str(error)`` is a sentence the player can read."""


class UnknownContent(Impossible):
    """An action or save names content (a country, lever, ask or scenario) that does not exist."""
