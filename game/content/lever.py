"""The lever model: a measure the envoy can threaten, carry out, offer or use."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from game.content.common import Exposure, Impact, LeverKind, ShortText, Slug, Strict, Text


class Lever(Strict):
    """A stick, a carrot, a diplomatic move or an intelligence effort."""

    name: ShortText = Field(description="Name shown to the player.")
    kind: Annotated[LeverKind, Field(strict=False, description="stick, carrot, diplomacy or intelligence.")]
    summary: Text = Field(description="Tooltip text: what it is and what it does.")
    capital_cost: int = Field(ge=0, le=20, description="Political capital spent to use it (threat, carry out, offer or use).")
    aid_cost_m: float = Field(default=0, ge=0, le=5000, description="Aid budget spent each month it is in force, in millions of dollars.")
    duration: int = Field(default=0, ge=0, le=36, description="Months it lasts once carried out; 0 = until lifted.")
    exposure: Annotated[Exposure, Field(default=Exposure.none, strict=False, description="Which exposure of the target country scales its impacts (none = not scaled).")]
    impacts: list[Impact] = Field(default_factory=list, max_length=8, description="What it does to the target each month it is in force, per dimension of its priorities.")
    relations: float = Field(default=0, ge=-40, le=40, description="Immediate change in relations with the target when carried out.")
    trust: float = Field(default=0, ge=-40, le=40, description="Immediate change in the target's trust when carried out.")
    threat_public: bool = Field(default=False, description="Can be threatened in public.")
    threat_private: bool = Field(default=False, description="Can be threatened in private.")
    offerable: bool = Field(default=False, description="Can be offered inside a proposal (a promise).")
    domestic_cost: float = Field(default=0, ge=0, le=10, description="Cost to US consumers, firms or politics each month it is in force.")
    visibility: float = Field(ge=0, le=1, description="How much the rest of the region notices it (0 unseen, 1 headline news).")
    requires: Slug | None = Field(default=None, description="Only usable while this other lever is in force on the target, and carrying it out lifts that lever (e.g. sanctions relief requires sanctions).")

    # Field validators (not one on the whole lever) so that the problem is shown at the line to change.
    @field_validator("threat_public", "threat_private")
    @classmethod
    def _only_sticks_threatened(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("kind", LeverKind.stick) is not LeverKind.stick:
            raise ValueError(f"only a stick can be threatened: set {info.field_name} = false (or kind = \"stick\")")
        return value

    @field_validator("offerable")
    @classmethod
    def _only_carrots_offered(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("kind", LeverKind.carrot) is not LeverKind.carrot:
            raise ValueError("only a carrot can be offered in a proposal: set offerable = false (or kind = \"carrot\")")
        return value
