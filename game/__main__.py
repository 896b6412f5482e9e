"""Allow ``python -m game``: the same as ``main.py`` and the ``pressure-points`` command."""

from game.cli import main

raise SystemExit(main())
