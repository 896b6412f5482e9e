"""Subcommands of the command line, one module each (see ``game.cli``)."""
