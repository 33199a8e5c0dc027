"""Property tests: the engine against an independent recount in integer arithmetic."""
from decimal import Decimal
from fractions import Fraction
from itertools import groupby
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules.engine import AT_LEAST, FlatVote, Tally, Threshold, count_flats, evaluate, holds, missing
from app.rules.presets import load_rules

RULES = load_rules(Path(__file__).resolve().parents[2] / "consultation_templates" / "rules")

flat_votes = st.lists(
    st.tuples(st.integers(0, 7),  # head (owner); few owners so that many hold several flats
              st.integers(1, 20000),  # area in hundredths of m²
              st.sampled_from([None, "agree", "oppose", "abstain"])),
    min_size=1, max_size=40)


def recount(rows, rule):
    """Independent: hundredths as ints, cross-multiplication instead of fractions."""
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

    def meets(part, whole, bound, comparison):
        if bound is None:
            return True
        if whole == 0:
            return False
        left, right = part * bound.denominator, whole * bound.numerator
        return left >= right if comparison == AT_LEAST else left > right

    def threshold(t, part_h, whole_h, part_a, whole_a):
        return t is None or (meets(part_h, whole_h, t.owners, t.comparison)
                             and meets(part_a, whole_a, t.area, t.comparison))

    participation = threshold(rule.participation, part_heads, total_heads, part_area, total_area)
    approval = threshold(rule.approval, agree_heads, part_heads, agree_area, part_area)
    return {"scope": (total_heads, total_area), "participants": (part_heads, part_area),
            "agree": (agree_heads, agree_area),
            "decision": "passed" if participation and approval else "failed"}


def as_engine(rows):
    return [FlatVote(i, head, Decimal(area) / 100, choice) for i, (head, area, choice) in enumerate(rows)]


def cents(tally: Tally):
    return tally.owners, int(tally.area_m2 * 100)


@settings(max_examples=300, deadline=None)
@given(rows=flat_votes, rule_key=st.sampled_from(["civil_code_278_special",
                                                  "civil_code_278_ordinary", "simple_majority"]))
def test_engine_matches_an_independent_recount(rows, rule_key):
    rule = RULES[rule_key]
    count = count_flats(as_engine(rows))
    agree = count.options.get("agree", Tally())
    expected = recount(rows, rule)
    assert cents(count.scope) == expected["scope"]
    assert cents(count.participants) == expected["participants"]
    assert cents(agree) == expected["agree"]
    assert evaluate(rule, count.scope, count.participants, agree, final=True).decision == \
        expected["decision"]


@settings(max_examples=300, deadline=None)
@given(rows=flat_votes)
def test_heads_per_option_never_exceed_participants_and_areas_add_up(rows):
    count = count_flats(as_engine(rows))
    assert sum(t.owners for t in count.options.values()) <= count.participants.owners
    assert sum((t.area_m2 for t in count.options.values()), Decimal(0)) == count.participants.area_m2
    assert count.participants.owners <= count.scope.owners <= len(rows)


@settings(max_examples=300, deadline=None)
@given(total=st.integers(1, 500), part_share=st.integers(0, 100), total_cents=st.integers(1, 10**7),
       area_share=st.integers(0, 100), bound=st.fractions(0, 1, max_denominator=12),
       strict=st.booleans())
def test_missing_is_exactly_what_is_needed(total, part_share, total_cents, area_share, bound, strict):
    comparison = "more_than" if strict else AT_LEAST
    part = min(total, total * part_share // 100)
    part_cents = min(total_cents, total_cents * area_share // 100)
    threshold = Threshold(Fraction(bound), Fraction(bound), comparison)
    scope = Tally(total, Decimal(total_cents) / 100)
    participants = Tally(part, Decimal(part_cents) / 100)
    gap = missing(threshold, participants, scope)
    owners, gap_cents = gap.owners, int(gap.area_m2 * 100)
    # adding what is missing is enough (unless even everyone would not be) ...
    if holds(total, total, bound, comparison):
        assert holds(part + owners, total, bound, comparison)
    # ... and one less would not be
    if owners:
        assert not holds(part + owners - 1, total, bound, comparison)
    if holds(total_cents, total_cents, bound, comparison):
        assert holds(part_cents + gap_cents, total_cents, bound, comparison)
    if gap_cents:
        assert not holds(part_cents + gap_cents - 1, total_cents, bound, comparison)
