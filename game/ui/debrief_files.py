"""Where the debrief screen writes its exports, and writing them (HTML and CSV, atomically).

The files go next to the game's record and are named after it:
``<record name>-debrief.html`` and ``<record name>-debrief.csv``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.ui.session import Session


def export_paths(session: Session, record: Any) -> tuple[Path, Path]:
    """The HTML and CSV paths for this game's debrief."""
    if session.recorder is not None:
        stem = session.recorder.path.stem
    else:
        from game.records.files import record_filename
        stem = record_filename(record).removesuffix(".json")
    folder = session.records_folder()
    return folder / f"{stem}-debrief.html", folder / f"{stem}-debrief.csv"


def write_debrief(debrief: Any, comparison: Any, paths: tuple[Path, Path]) -> None:
    """Write the debrief (with the counterfactual shown, if any) as HTML and CSV; raises ``OSError``."""
    from game.debrief import render
    from game.records import atomic_write
    full = dataclasses.replace(debrief, counterfactual=comparison)
    html_path, csv_path = paths
    atomic_write(html_path, render(full, "html"))
    atomic_write(csv_path, render(full, "csv"))
