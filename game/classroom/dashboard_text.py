"""The instructor dashboard's words in the host's language.

``dashboard.html`` is a template: each ``{{key}}`` is replaced by the translated text of ``PAGE[key]``
(escaped), ``{{lang}}`` by the language's code and ``{{strings}}`` by the script's words and number
marks as JSON in a ``data-`` attribute (the page's Content-Security-Policy allows no inline script).
The script fills ``{name}`` fields of its messages itself.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import escape

from game.content import ContentBundle
from game.debrief.classreport import OBJECTIVES
from game.debrief.data import objective_name
from game.i18n import BASE_LANGUAGE, N_, Wording, _, current_language

PAGE = Wording({
    "title": N_("Pressure Points: class dashboard"),
    "connecting": N_("Connecting to the host…"),
    "join_code": N_("Join code"),
    "controls": N_("Instructor controls"),
    "playing": N_("Playing"),
    "hold_now": N_("Hold at the next month's end"),
    "before_month": N_("or before month"),
    "hold_there": N_("Hold there"),
    "release": N_("Release"),
    "inject": N_("Inject"),
    "in_place": N_("in"),
    "fire": N_("Fire for everyone next month"),
    "show_scores": N_("Show scores"),
    "class_report": N_("Class report"),
    "students": N_("Students"),
    "student": N_("Student"),
    "month": N_("Month"),
    "score": N_("Score"),
    "threats_pending": N_("Threats pending"),
    "deals": N_("Deals in force / signed"),
    "record": N_("Record"),
    "last_sent": N_("Last sent"),
    "report_intro": N_("The class comparison, from every record the host holds (each replayed and checked)."),
    "download": N_("Download the full report (HTML)"),
    "report_file": N_("class-report.html"),
})

SCRIPT = Wording({
    "bad_token": N_("The instructor's token is missing or wrong: open the dashboard with the address the host "
                    "printed."),
    "unreachable": N_("The host cannot be reached; retrying…"),
    "finished": N_("finished"),
    "month_of": N_("{month} of {months}"),
    "game": N_("Scenario {scenario}, mandate {mandate}, seed {seed}, {months} months"),
    "playing": N_("Playing"),
    "held_before": N_("Held before month {month} ends"),
    "held": N_("Held at the month's end"),
    "injected": N_("Injected: {events}"),
    "every_place": N_("every place it can happen"),
    "whole_region": N_("the whole region"),
    "group": N_("Mandate {mandate} — records: {n}; mean score {mean} (SD {sd}, min {min}, median {median}, "
                "max {max}); mean agreements signed {agreements}."),
    "yes": N_("yes"),
    "no": N_("no"),
})

# The checks a student's record can have (kept in English by the host, shown translated).
CHECKS = (N_("waiting"), N_("pending"), N_("verified"), N_("NOT MATCHING"), N_("verified (other data)"),
          N_("other data"), N_("cannot replay"))

COLUMNS = Wording({
    "player": N_("Player"), "mandate": N_("Mandate"), "months": N_("Months"), "finished": N_("Finished"),
    "check": N_("Check"), "score_total": N_("Score vs doing nothing"), "agreements_signed_count": N_("Agreements signed"),
    "credibility_at_end": N_("Credibility at the end"), "reading_score": N_("Reading of priorities"),
})

_FIELD = re.compile(r"\{\{(\w+)\}\}")


def script_strings(shown: dict[str, dict[str, str]]) -> dict[str, Any]:
    """What the dashboard's script shows, in the current language, with the language's number marks
    and the names of the class's ids (``shown``, from :func:`names`)."""
    from babel import numbers

    lang = current_language()
    columns = {key: COLUMNS[key] for key in COLUMNS}
    columns.update({f"gain_{k}": _("{objective} score").format(objective=objective_name(k)) for k in OBJECTIVES})
    return {"lang": lang, "decimal": numbers.get_decimal_symbol(lang), "group": numbers.get_group_symbol(lang),
            "text": {key: SCRIPT[key] for key in SCRIPT}, "checks": {c: _(c) for c in CHECKS}, "columns": columns, "names": shown}


def dashboard_page(template: str, shown: dict[str, dict[str, str]]) -> str:
    """The dashboard's HTML from its template, in the current language (``shown``: see :func:`names`)."""
    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "lang":
            return current_language()
        if key == "strings":
            return str(escape(json.dumps(script_strings(shown), ensure_ascii=False)))
        return str(escape(PAGE[key]))
    return _FIELD.sub(fill, template)


def shown_bundle(bundle: ContentBundle) -> ContentBundle:
    """The class's data with its texts in the current language when it is the shipped data (whose
    translations the host has); else the class's data as it is."""
    if current_language() == BASE_LANGUAGE:
        return bundle
    from game.loading.loader import load_content

    translated = load_content().bundle
    return translated if translated is not None and translated.fingerprint == bundle.fingerprint else bundle


def names(bundle: ContentBundle) -> dict[str, dict[str, str]]:
    """What the dashboard shows for the ids of scenarios, mandates and countries."""
    return {"scenarios": {key: s.title for key, s in bundle.scenarios.items()},
            "mandates": {key: m.name for s in bundle.scenarios.values() for key, m in s.mandates.items()},
            "countries": {key: c.name for key, c in bundle.countries.items()}}
