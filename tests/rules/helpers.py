"""Helpers shared by the tests of this folder, so no test module imports another."""
from fractions import Fraction
from itertools import groupby
from tests.rules import law as civil_code


def meets(part: int, whole: int, comparison: str, bound: Fraction) -> bool:
    """part/whole against the bound by cross-multiplication; nobody in the whole never passes."""
    if whole == 0:
        return False
    left, right = part * bound.denominator, whole * bound.numerator
    return left >= right if comparison == civil_code.AT_LEAST else left > right


def stage_holds(measures: dict, heads: tuple[int, int], area: tuple[int, int]) -> bool:
    values = {"owners": heads, "area": area}
    return all(meets(*values[measure], comparison, bound)
               for measure, (comparison, bound) in measures.items())


def recount_by(rows, law: dict):
    """recount under thresholds given as {stage: {measure: (comparison, bound)}}."""
    rows = sorted(rows, key=lambda r: r[0])
    total_heads = total_area = part_heads = part_area = agree_heads = agree_area = 0
    for _, group in groupby(rows, key=lambda r: r[0]):
        group = list(group)
        total_heads += 1
        total_area += sum(area for _, area, _ in group)
        voted = [(area, choice) for _, area, choice in group if choice is not None]
        if not voted:
            continue
        owner_area = sum(area for area, _ in voted)
        owner_agree = sum(area for area, choice in voted if choice == "agree")
        part_heads += 1
        part_area += owner_area
        agree_area += owner_agree
        agree_heads += 1 if 2 * owner_agree > owner_area else 0

    participation = stage_holds(law["participation"], (part_heads, total_heads),
                                (part_area, total_area))
    approval = stage_holds(law["approval"], (agree_heads, part_heads), (agree_area, part_area))
    return {"scope": (total_heads, total_area), "participants": (part_heads, part_area),
            "agree": (agree_heads, agree_area), "participation": participation,
            "approval": approval, "decision": "passed" if participation and approval else "failed"}
