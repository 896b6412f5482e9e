"""Start Pressure Points from a checkout: ``python main.py [play|validate|schema|...]``."""

from game.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
