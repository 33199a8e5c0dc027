"""The decision engine: exact Civil Code arithmetic, free of Flask and SQLAlchemy.

Everything here works on plain numbers: headcounts are ints, areas are `Decimal`
(m², two places), ratios are `Fraction`. Nothing is ever a float.

Legal reading (DESIGN.md, "Decision rules"):
- "以上" (at least) includes the bound itself: 3/4 exactly passes.
- "过半数" (more than half) is strict: 1/2 exactly fails.
- A threshold with a zero denominator never holds (nobody in scope, nobody took part).

Headcount (司法解释 on 建筑物区分所有权, Art. 9): one owner counts once however
many flats they hold in the scope; a flat without a registered owner counts as
its own head. The developer's unsold flats are registered to one owner, so they
are one head like any other multi-flat owner.

Split votes across one owner's flats (our choice, where the law is silent): each
flat's ballot counts fully for its own area. For headcount, an owner counts for
an option only when the flats on which they chose it hold MORE THAN HALF of the
area of all their flats that voted. So an owner of two equal flats voting agree on
one and oppose on the other counts as taking part but approving nothing by
headcount (like an abstention), while their area splits as voted. This keeps the
area tally exact, never counts one person twice, and never lets the smaller part
of a split outweigh the larger.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Hashable, Iterable

CENT = Decimal("0.01")
AT_LEAST = "at_least"  # 以上: ratio >= bound
MORE_THAN = "more_than"  # 过半数 and the like: ratio > bound
COMPARISONS = (AT_LEAST, MORE_THAN)

PASSED, FAILED, PENDING = "passed", "failed", "pending"


def parse_fraction(text: str | int | Fraction) -> Fraction:
    """'2/3' -> Fraction(2, 3). Refuses floats and anything outside [0, 1]."""
    if isinstance(text, float) or isinstance(text, bool):
        raise ValueError("thresholds are exact fractions such as '2/3', never floats")
    value = Fraction(text) if not isinstance(text, str) else Fraction(text.strip())
    if not 0 <= value <= 1:
        raise ValueError("a threshold lies between 0 and 1")
    return value


@dataclass(frozen=True)
class Threshold:
    """A bound on a ratio by headcount and/or by area; None means that measure is not checked."""

    owners: Fraction | None
    area: Fraction | None
    comparison: str = AT_LEAST

    def __post_init__(self):
        if self.comparison not in COMPARISONS:
            raise ValueError(f"comparison must be one of {COMPARISONS}")


@dataclass(frozen=True)
class Rule:
    """A named preset: participation of the scope, then approval of the participants."""

    key: str
    title: str
    participation: Threshold | None = None
    approval: Threshold | None = None
    #: days the preliminary result is shown for objections (询异公示) before the final 公示; 0: none
    objection_days: int = 0

    @property
    def decides(self) -> bool:
        """A rule without an approval threshold (`none`) decides nothing."""
        return self.approval is not None


@dataclass(frozen=True)
class Tally:
    """A headcount and an area, together."""

    owners: int = 0
    area_m2: Decimal = Decimal("0.00")

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.owners + other.owners, self.area_m2 + other.area_m2)


def holds(part: int | Decimal, whole: int | Decimal, bound: Fraction | None,
          comparison: str) -> bool:
    """Does part/whole meet the bound? Exact; a zero whole never holds."""
    if bound is None:
        return True
    if not whole:
        return False
    ratio = Fraction(part) / Fraction(whole)
    return ratio >= bound if comparison == AT_LEAST else ratio > bound


def threshold_holds(threshold: Threshold | None, part: Tally, whole: Tally) -> bool:
    if threshold is None:
        return True
    return (holds(part.owners, whole.owners, threshold.owners, threshold.comparison)
            and holds(part.area_m2, whole.area_m2, threshold.area, threshold.comparison))


def _needed(part: Fraction, whole: Fraction, bound: Fraction, comparison: str,
            step: Fraction) -> Fraction:
    """Smallest multiple of `step` to add to part so that part/whole meets the bound."""
    target = bound * whole
    if comparison == AT_LEAST:
        gap = target - part
        if gap <= 0:
            return Fraction(0)
        steps = -(-gap // step)  # ceiling
    else:
        gap = target - part
        if gap < 0:
            return Fraction(0)
        steps = gap // step + 1
    return steps * step


def missing(threshold: Threshold | None, part: Tally, whole: Tally) -> Tally:
    """What is still missing for part/whole to meet the threshold ("还差业主 3 人 / 212.40 ㎡")."""
    if threshold is None:
        return Tally()
    owners = 0
    if threshold.owners is not None and whole.owners:
        owners = int(_needed(Fraction(part.owners), Fraction(whole.owners), threshold.owners,
                             threshold.comparison, Fraction(1)))
        owners = min(owners, whole.owners - part.owners)
    area = Decimal("0.00")
    if threshold.area is not None and whole.area_m2:
        needed = _needed(Fraction(part.area_m2), Fraction(whole.area_m2), threshold.area,
                         threshold.comparison, Fraction(1, 100))
        area = min(Decimal(needed.numerator) / Decimal(needed.denominator),
                   whole.area_m2 - part.area_m2).quantize(CENT, rounding=ROUND_CEILING)
    return Tally(owners, area)


@dataclass(frozen=True)
class Evaluation:
    """The outcome of one decision question under a rule."""

    participation_passed: bool | None
    approval_passed: bool | None
    decision: str | None


def evaluate(rule: Rule, scope: Tally, participants: Tally, approving: Tally, *,
             final: bool) -> Evaluation:
    """Apply a rule. While the vote is open (`final` False) the decision is pending.

    `approving` is the tally of the approving option (agree); abstentions and
    opposition are simply not in it, so they take part without approving.
    """
    if not rule.decides:
        return Evaluation(None, None, None)
    participation = threshold_holds(rule.participation, participants, scope)
    approval = threshold_holds(rule.approval, approving, participants)
    if not final:
        decision = PENDING
    else:
        decision = PASSED if participation and approval else FAILED
    return Evaluation(participation, approval, decision)


# -- counting from flats: the reference path the SQL aggregate must agree with ----------------

@dataclass(frozen=True)
class FlatVote:
    """One flat of the scope: who owns it (head key), its area, and its choice (None = no ballot)."""

    flat_id: Hashable
    head: Hashable
    area_m2: Decimal
    choice: str | None = None


@dataclass
class Count:
    """Scope, participants and per-option tallies of one single-choice question."""

    scope: Tally
    participants: Tally
    options: dict[str, Tally] = field(default_factory=dict)


def count_flats(flats: Iterable[FlatVote]) -> Count:
    """Count heads and areas from per-flat ballots, applying the split-vote rule above."""
    flats = list(flats)
    heads: dict[Hashable, list[FlatVote]] = {}
    for flat in flats:
        heads.setdefault(flat.head, []).append(flat)
    scope = Tally(len(heads), sum((f.area_m2 for f in flats), Decimal("0.00")))
    participants = Tally()
    options: dict[str, Tally] = {}
    for votes in heads.values():
        voted = [f for f in votes if f.choice is not None]
        if not voted:
            continue
        voted_area = sum((f.area_m2 for f in voted), Decimal("0.00"))
        participants += Tally(1, voted_area)
        by_option: dict[str, Decimal] = {}
        for f in voted:
            by_option[f.choice] = by_option.get(f.choice, Decimal("0.00")) + f.area_m2
        for option, area in by_option.items():
            head = 1 if area + area > voted_area else 0
            options[option] = options.get(option, Tally()) + Tally(head, area)
    return Count(scope, participants, options)


# -- presentation helpers shared by results and exports -------------------------------------

def ratio_text(part: int | Decimal, whole: int | Decimal) -> str:
    """'8/12' for heads, '498.10/742.80' for areas (never reduced)."""
    if isinstance(part, Decimal) or isinstance(whole, Decimal):
        return f"{Decimal(part).quantize(CENT)}/{Decimal(whole).quantize(CENT)}"
    return f"{part}/{whole}"


def ratio_decimal(part: int | Decimal, whole: int | Decimal, places: int = 4) -> str:
    """The decimal beside a fraction, rounded half up for display only ('0.6667')."""
    if not whole:
        return "0." + "0" * places
    value = Fraction(part) / Fraction(whole)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def fraction_text(value: Fraction | None) -> str | None:
    return None if value is None else f"{value.numerator}/{value.denominator}"


def block(part: Tally, whole: Tally, passed: bool | None) -> dict:
    """A results block: the two fractions, their decimals and whether the threshold holds."""
    return {"owners": ratio_text(part.owners, whole.owners),
            "owners_decimal": ratio_decimal(part.owners, whole.owners),
            "area": ratio_text(part.area_m2, whole.area_m2),
            "area_decimal": ratio_decimal(part.area_m2, whole.area_m2),
            "passed": passed}


def threshold_view(threshold: Threshold | None) -> dict | None:
    if threshold is None:
        return None
    return {"owners": fraction_text(threshold.owners), "area": fraction_text(threshold.area),
            "comparison": threshold.comparison}


def rule_view(rule: Rule) -> dict:
    return {"key": rule.key, "title": rule.title,
            "participation": threshold_view(rule.participation),
            "approval": threshold_view(rule.approval)}


def tally_view(tally: Tally) -> dict:
    return {"owners": tally.owners, "area_m2": str(tally.area_m2.quantize(CENT))}


def area_text(value: Decimal) -> str:
    return str(Decimal(value).quantize(CENT))


__all__ = [
    "AT_LEAST", "MORE_THAN", "PASSED", "FAILED", "PENDING", "Threshold", "Rule", "Tally",
    "Evaluation", "FlatVote", "Count", "parse_fraction", "holds", "threshold_holds", "missing",
    "evaluate", "count_flats", "ratio_text", "ratio_decimal", "fraction_text", "block",
    "threshold_view", "rule_view", "tally_view", "area_text",
]
