"""How numbers read in every screen, export and command: one home for each wording rule.

No pygame and no engine here, so the title screen, the debrief pages and the commands share them.
"""

from __future__ import annotations

from game.i18n import N_, Wording, number_text

KIND_WORDS = Wording({
    "accept": N_("Accepted"), "counter": N_("Counter-offer"), "stall": N_("Stalled"), "reject": N_("Rejected"),
    "retaliate": N_("Retaliated"), "counter_threat": N_("Threatened back"), "backslide": N_("Backslid"),
    "none": N_("No response"),
})
ABOUT_WORDS = Wording({
    "threat": N_("answering your threat"), "proposal": N_("answering your proposal"),
    "counter": N_("on the counter-offer you accepted"), "measure": N_("answering US measures in force"),
    "commitment": N_("on a commitment in force"),
})

DIM_NAMES = Wording({  # the priorities a government weighs
    "economy": N_("Economy"), "remittances": N_("Remittances"), "sovereignty": N_("Sovereignty"),
    "approval": N_("Approval"), "security": N_("Security"), "aid": N_("Aid"),
    "regime_survival": N_("Regime survival"), "alt_partners": N_("Alt partners"),
})


def reason_value(value: float) -> str:
    """A reason's hidden weight: '+0.26', '-1.40', '+0.004' for a small one, '0' (never '+0.00')."""
    if abs(value) >= 0.005:
        return number_text(f"{value:+.2f}")
    return number_text(f"{value:+.3f}") if abs(value) >= 0.0005 else "0"


def people_k(thousands: float) -> str:
    """A number of people given in thousands: '850 thousand', '4 million', '1.2 million', '2.5 thousand'
    (in the current language: '850 mil', '1,2 millones')."""
    from game.i18n import ngettext
    from game.i18n.formats import number

    if thousands >= 1000:
        millions = thousands / 1000
        digits = 0 if round(millions, 1).is_integer() else 1
        n = round(millions) if digits == 0 else 2
        return ngettext("{n} million", "{n} million", n).format(n=number(millions, digits))
    if thousands >= 10 or float(thousands).is_integer():
        return ngettext("{n} thousand", "{n} thousand", round(thousands)).format(n=number(thousands))
    return ngettext("{n} thousand", "{n} thousand", 2).format(n=number(thousands, 1))


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 report', '2 reports', '1 month', '0 months'."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
