"""Hand-written boundary cases of the decision engine (no database, no HTTP)."""
from decimal import Decimal
from fractions import Fraction

import pytest

from app.rules.api import (
    AT_LEAST, MORE_THAN, FlatVote, Rule, Tally, Threshold, count_flats, evaluate, holds,
    missing, parse_fraction,
)

SPECIAL = Rule("civil_code_278_special", "特别多数",
               Threshold(Fraction(2, 3), Fraction(2, 3), AT_LEAST),
               Threshold(Fraction(3, 4), Fraction(3, 4), AT_LEAST))
ORDINARY = Rule("civil_code_278_ordinary", "一般",
                Threshold(Fraction(2, 3), Fraction(2, 3), AT_LEAST),
                Threshold(Fraction(1, 2), Fraction(1, 2), MORE_THAN))
NONE = Rule("none", "不表决")
A = Decimal("60.00")


def stairwell(choices, areas=None, heads=None):
    """12 flats; choices[i] is flat i's vote (None: no ballot)."""
    return [FlatVote(i, heads[i] if heads else i, areas[i] if areas else A, choice)
            for i, choice in enumerate(choices)]


def decide(rule, flats, final=True):
    count = count_flats(flats)
    return evaluate(rule, count.scope, count.participants,
                    count.options.get("agree", Tally()), final=final), count


def test_twelve_equal_flats_eight_take_part_six_agree_passes_special():
    outcome, count = decide(SPECIAL, stairwell(["agree"] * 6 + ["oppose"] * 2 + [None] * 4))
    assert count.participants == Tally(8, Decimal("480.00"))
    assert outcome.participation_passed and outcome.approval_passed
    assert outcome.decision == "passed"


def test_seven_taking_part_fails_on_participation():
    outcome, _ = decide(SPECIAL, stairwell(["agree"] * 7 + [None] * 5))
    assert outcome.participation_passed is False
    assert outcome.approval_passed is True  # all seven agree, still not enough take part
    assert outcome.decision == "failed"


def test_exactly_three_quarters_passes_and_one_less_fails():
    # 8 take part: 6/8 = 3/4 exactly passes; 5/8 fails
    assert decide(SPECIAL, stairwell(["agree"] * 6 + ["oppose"] * 2 + [None] * 4))[0].decision == "passed"
    assert decide(SPECIAL, stairwell(["agree"] * 5 + ["oppose"] * 3 + [None] * 4))[0].decision == "failed"


def test_exactly_two_thirds_participation_is_enough():
    assert holds(8, 12, Fraction(2, 3), AT_LEAST)
    assert not holds(7, 12, Fraction(2, 3), AT_LEAST)


def test_more_than_half_is_strict():
    # ordinary: 4 of 8 participants agree is exactly half: fails; 5 of 8 passes
    half = decide(ORDINARY, stairwell(["agree"] * 4 + ["oppose"] * 4 + [None] * 4))[0]
    assert half.approval_passed is False and half.decision == "failed"
    more = decide(ORDINARY, stairwell(["agree"] * 5 + ["oppose"] * 3 + [None] * 4))[0]
    assert more.decision == "passed"
    assert not holds(1, 2, Fraction(1, 2), MORE_THAN)
    assert holds(Decimal("50.01"), Decimal("100.00"), Fraction(1, 2), MORE_THAN)


def test_abstention_participates_without_approving():
    # 8 agree + 4 abstain: participation 12/12; approval 8/12 < 3/4 -> failed
    outcome, count = decide(SPECIAL, stairwell(["agree"] * 8 + ["abstain"] * 4))
    assert count.participants.owners == 12
    assert outcome.participation_passed and not outcome.approval_passed
    # the same 8 agreeing with the 4 not voting at all: 8/8 approve -> passed
    assert decide(SPECIAL, stairwell(["agree"] * 8 + [None] * 4))[0].decision == "passed"


def test_one_owner_with_several_flats_counts_once():
    # owner "X" holds flats 0-3; others one each: 9 heads
    heads = ["X"] * 4 + list(range(4, 12))
    count = count_flats(stairwell(["agree"] * 4 + [None] * 8, heads=heads))
    assert count.scope.owners == 9
    assert count.participants == Tally(1, Decimal("240.00"))
    assert count.options["agree"] == Tally(1, Decimal("240.00"))


def test_developers_unsold_flats_are_one_head():
    # the developer (head "dev") still holds 6 of 12 flats and votes for all of them
    heads = ["dev"] * 6 + list(range(6, 12))
    outcome, count = decide(SPECIAL, stairwell(["agree"] * 6 + ["oppose"] * 3 + [None] * 3,
                                               heads=heads))
    assert count.scope.owners == 7
    assert count.participants.owners == 4  # the developer + 3 owners
    # area 360/540 agree = 2/3 < 3/4 and heads 1/4: fails although half the flats agree
    assert outcome.decision == "failed"


def test_split_vote_of_one_owner_follows_the_majority_of_their_voted_area():
    areas = [Decimal("80.00"), Decimal("40.00")] + [A] * 10
    heads = ["X", "X"] + list(range(2, 12))
    count = count_flats(stairwell(["agree", "oppose"] + [None] * 10, areas=areas, heads=heads))
    assert count.participants == Tally(1, Decimal("120.00"))
    assert count.options["agree"] == Tally(1, Decimal("80.00"))  # 80 of 120 m²: their head agrees
    assert count.options["oppose"] == Tally(0, Decimal("40.00"))  # area counted, head not


def test_split_vote_of_equal_areas_approves_by_nobody():
    heads = ["X", "X"] + list(range(2, 12))
    count = count_flats(stairwell(["agree", "oppose"] + [None] * 10, heads=heads))
    assert count.participants.owners == 1
    assert count.options["agree"].owners == 0 and count.options["oppose"].owners == 0
    assert count.options["agree"].area_m2 == A


def test_area_and_headcount_must_both_hold():
    # 8 small flats agree, 4 large ones oppose: heads 8/12 but area below 3/4
    areas = [Decimal("30.00")] * 8 + [Decimal("90.00")] * 4
    outcome, count = decide(SPECIAL, stairwell(["agree"] * 8 + ["oppose"] * 4, areas=areas))
    assert count.options["agree"] == Tally(8, Decimal("240.00"))
    assert outcome.approval_passed is False


def test_pending_while_open_and_rule_none_decides_nothing():
    flats = stairwell(["agree"] * 12)
    assert decide(SPECIAL, flats, final=False)[0].decision == "pending"
    assert decide(NONE, flats)[0] .decision is None


def test_nobody_in_scope_or_taking_part_never_passes():
    assert not holds(0, 0, Fraction(2, 3), AT_LEAST)
    outcome, _ = decide(SPECIAL, stairwell([None] * 12))
    assert outcome.decision == "failed"


def test_missing_says_how_many_flats_and_how_much_area():
    scope, part = Tally(12, Decimal("720.00")), Tally(5, Decimal("300.00"))
    assert missing(SPECIAL.participation, part, scope) == Tally(3, Decimal("180.00"))
    assert missing(SPECIAL.participation, Tally(8, Decimal("480.00")), scope) == Tally(0, Decimal("0.00"))
    # an area bound that is not a whole number of hundredths rounds up
    odd = Tally(3, Decimal("100.00"))
    assert missing(SPECIAL.participation, Tally(0, Decimal("0.00")), odd) == Tally(2, Decimal("66.67"))
    # strict bound: exactly half still misses one
    strict = Threshold(Fraction(1, 2), Fraction(1, 2), MORE_THAN)
    assert missing(strict, Tally(2, Decimal("50.00")), Tally(4, Decimal("100.00"))) == \
        Tally(1, Decimal("0.01"))


@pytest.mark.parametrize("text", [0.75, "5/4", "-1/2", True])
def test_thresholds_refuse_floats_and_values_outside_zero_one(text):
    with pytest.raises(ValueError):
        parse_fraction(text)


def test_thresholds_are_exact():
    assert parse_fraction("3/4") == Fraction(3, 4)
    assert parse_fraction(" 2/3 ") == Fraction(2, 3)
