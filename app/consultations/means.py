"""Content votes within means (量力而行): which approved items fit the budget cap.

Order of approval: the approved items ranked by approving headcount, most first; a tie
by approving area, larger first; a tie again by the item's place in the catalogue. All
items are approved against the same participants, so comparing counts is comparing the
exact approval fractions. Then, in that order, an item is included when its estimated
cost still fits what is left of the cap; one that does not fit is left out and the
next, cheaper item may still fit. An item without an estimate is left out under a cap
(nobody can say it fits); without a cap every approved item is included.
Reads the outcome's counts and the consultation's question snapshot; nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.consultations import messages
from app.display import yuan
from app.rules.api import engine
from app.rules.api import Tally

INCLUDED, OVER_CAP, NO_ESTIMATE = "included", "over_cap", "no_estimate"


@dataclass(frozen=True)
class MeansItem:
    code: str
    label: str
    category: str | None
    estimated_cost_cents: int | None
    flat_contribution_cents: int
    approving: Tally
    #: included | over_cap | no_estimate
    verdict: str
    #: what was left of the cap when the item's turn came (None without a cap)
    remaining_cents: int | None

    @property
    def included(self) -> bool:
        return self.verdict == INCLUDED


@dataclass(frozen=True)
class Means:
    cap_cents: int | None
    #: the approved items in order of approval, each with its verdict
    items: tuple[MeansItem, ...]

    @property
    def included(self) -> list[MeansItem]:
        return [item for item in self.items if item.included]

    @property
    def total_cents(self) -> int:
        return sum(item.estimated_cost_cents or 0 for item in self.included)

    @property
    def flat_total_cents(self) -> int:
        return sum(item.flat_contribution_cents for item in self.included)

    def as_dict(self) -> dict:
        return {"cap_cents": self.cap_cents, "total_cents": self.total_cents,
                "flat_total_cents": self.flat_total_cents,
                "order": messages.MEANS_ORDER,
                "items": [{"code": i.code, "label": i.label, "category": i.category,
                           "estimated_cost_cents": i.estimated_cost_cents,
                           "flat_contribution_cents": i.flat_contribution_cents,
                           "approving": engine.tally_view(i.approving), "verdict": i.verdict,
                           "included": i.included, "remaining_cents": i.remaining_cents}
                          for i in self.items],
                "explanation": explain_means(self)}


def within_means(cap_cents: int | None, question: dict, items) -> Means:
    """`items`: the outcome's ItemOutcome of the deciding items question, in snapshot order."""
    snapshot = {entry["code"]: entry for entry in question.get("items") or []}
    position = {code: index for index, code in enumerate(snapshot)}
    approved = [item for item in items if item.approval and item.approval.decision == engine.PASSED]
    approved.sort(key=lambda item: (-item.approval.approving.owners,
                                    -item.approval.approving.area_m2, position.get(item.code, 0)))
    remaining, rows = cap_cents, []
    for item in approved:
        data = snapshot.get(item.code, {})
        cost = data.get("estimated_cost_cents")
        if cap_cents is None:
            verdict = INCLUDED
        elif cost is None:
            verdict = NO_ESTIMATE
        elif cost <= remaining:
            verdict = INCLUDED
        else:
            verdict = OVER_CAP
        rows.append(MeansItem(item.code, item.label, item.category, cost,
                              data.get("flat_contribution_cents", 0), item.approval.approving,
                              verdict, remaining))
        if cap_cents is not None and verdict == INCLUDED:
            remaining -= cost
    return Means(cap_cents, tuple(rows))


def explain_means(means: Means) -> str:
    if not means.items:
        return messages.MEANS_NONE_APPROVED
    included = means.included
    names = "、".join(f"{i.label}（{yuan(i.estimated_cost_cents or 0)} 元）" for i in included) or "无"
    if means.cap_cents is None:
        text = messages.MEANS_NO_CAP.format(count=len(included), names=names,
                                            total=yuan(means.total_cents))
    else:
        text = messages.MEANS_CAP.format(cap=yuan(means.cap_cents), count=len(included), names=names,
                                         total=yuan(means.total_cents),
                                         left=yuan(means.cap_cents - means.total_cents))
    text += messages.MEANS_FLAT.format(flat=yuan(means.flat_total_cents))
    for item in means.items:
        if item.verdict == OVER_CAP:
            text += messages.MEANS_OVER_CAP.format(label=item.label, cost=yuan(item.estimated_cost_cents),
                                                   left=yuan(item.remaining_cents))
        elif item.verdict == NO_ESTIMATE:
            text += messages.MEANS_NO_ESTIMATE.format(label=item.label)
    return text + messages.MEANS_ORDER
