"""UI tests (headless: SDL's dummy video and audio drivers)."""
