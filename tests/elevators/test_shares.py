"""Cost shares: exact to the cent, by hand and by property."""
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.elevators.api import (
    CostPlan, FlatArea, largest_remainder, parse_cap, parse_coefficients, parse_compensation,
    split_costs,
)
from app.errors import InvalidInput


def stairwell(floors=6, per_floor=2, area=Decimal("60.00")):
    flats, number = [], 1
    for floor in range(1, floors + 1):
        for door in range(1, per_floor + 1):
            flats.append(FlatArea(flat_id=number, floor=floor, area_m2=area, room=f"{floor}0{door}"))
            number += 1
    return flats


SIX = {2: Decimal("0.4"), 3: Decimal("0.8"), 4: Decimal("1.2"), 5: Decimal("1.6"), 6: Decimal("2")}


# --- by hand -------------------------------------------------------------

def test_equal_areas_split_by_coefficient_ground_floor_pays_nothing():
    # weights per flat 0.4..2.0 (x60 m²), two flats a floor: sum of coefficients 6.0 x 2 = 12
    split = split_costs(stairwell(), CostPlan(total_cost_cents=60_000_00, subsidy_cents=0,
                                              floor_coefficients=SIX))
    by_floor = {s.floor: s.share_cents for s in split.shares}
    assert by_floor == {1: 0, 2: 2_000_00, 3: 4_000_00, 4: 6_000_00, 5: 8_000_00, 6: 10_000_00}
    assert sum(s.share_cents for s in split.shares) == 60_000_00


def test_subsidy_is_taken_off_before_splitting():
    split = split_costs(stairwell(), CostPlan(total_cost_cents=80_000_00, subsidy_cents=20_000_00,
                                              floor_coefficients=SIX))
    assert split.owners_cost_cents == 60_000_00
    assert sum(s.share_cents for s in split.shares) == 60_000_00


def test_one_cent_over_three_equal_flats_goes_to_the_first_and_sums():
    assert largest_remainder(1, [Fraction(1)] * 3) == [1, 0, 0]
    assert largest_remainder(100, [Fraction(1)] * 3) == [34, 33, 33]
    assert largest_remainder(2, [Fraction(1), Fraction(2), Fraction(1)]) == [1, 1, 0]


def test_largest_remainder_gives_leftover_cents_to_the_largest_fractions():
    # quotas 10 * (0.15, 0.35, 0.5) = 1.5, 3.5, 5 -> whole 1, 3, 5; one cent left, tie 0.5/0.5:
    # the larger weight (0.35) wins
    assert largest_remainder(10, [Fraction(15, 100), Fraction(35, 100), Fraction(1, 2)]) == [1, 4, 5]


def test_areas_matter_as_much_as_floors():
    flats = [FlatArea(1, 2, Decimal("50.00")), FlatArea(2, 2, Decimal("100.00"))]
    split = split_costs(flats, CostPlan(300, 0, {2: Decimal("1")}))
    assert [s.share_cents for s in split.shares] == [100, 200]


def test_ground_floor_may_be_given_a_coefficient():
    flats = [FlatArea(1, 1, Decimal("50.00")), FlatArea(2, 2, Decimal("50.00"))]
    split = split_costs(flats, CostPlan(100, 0, {1: Decimal("1"), 2: Decimal("1")}))
    assert [s.share_cents for s in split.shares] == [50, 50]


def test_zero_cost_gives_zero_shares():
    split = split_costs(stairwell(), CostPlan(100, 100, SIX))
    assert all(s.share_cents == 0 for s in split.shares)


def test_low_floor_compensation_is_paid_by_the_others():
    # two ground-floor flats get 1,000.00 each; the cap 30% of 60,000.00 is not reached
    split = split_costs(stairwell(), CostPlan(60_000_00, 0, SIX, compensation_cents={1: 1_000_00}))
    ground = [s for s in split.shares if s.floor == 1]
    assert [s.share_cents for s in ground] == [-1_000_00, -1_000_00]
    assert split.compensation_cents == 2_000_00 and not split.compensation_capped
    assert sum(s.pays_cents for s in split.shares) == 62_000_00
    assert sum(s.share_cents for s in split.shares) == 60_000_00


def test_compensation_is_cut_to_the_cap():
    # asks 2 x 20,000.00 = 40,000.00; cap 30% of 10,000.00 = 3,000.00, split evenly
    split = split_costs(stairwell(), CostPlan(10_000_00, 0, SIX, compensation_cents={1: 20_000_00},
                                              compensation_cap=Fraction(3, 10)))
    assert split.compensation_capped
    assert split.compensation_cents == 3_000_00
    assert [s.receives_cents for s in split.shares if s.floor == 1] == [1_500_00, 1_500_00]
    assert sum(s.share_cents for s in split.shares) == 10_000_00


# --- refusals, in Chinese --------------------------------------------------

@pytest.mark.parametrize("plan, field, words", [
    (CostPlan(-1, 0, SIX), "total_cost_cents", "总造价不能为负数"),
    (CostPlan(100, -1, SIX), "subsidy_cents", "补贴不能为负数"),
    (CostPlan(100, 101, SIX), "subsidy_cents", "补贴不能超过总造价"),
    (CostPlan(100, 0, {**SIX, 9: Decimal("3")}), "floor_coefficients", "该单元没有 9 楼"),
    (CostPlan(100, 0, {2: Decimal("1")}), "floor_coefficients", "缺少 3、4、5、6 楼的系数"),
    (CostPlan(100, 0, {**SIX, 3: Decimal("-1")}), "floor_coefficients", "系数不能为负数"),
    (CostPlan(100, 0, {f: Decimal(0) for f in SIX}), "floor_coefficients", "都是 0"),
    (CostPlan(100, 0, SIX, compensation_cents={7: 1}), "low_floor_compensation_cents", "没有 7 楼"),
    (CostPlan(100, 0, SIX, compensation_cap=Fraction(3, 2)), "compensation_cap", "0 到 1"),
])
def test_bad_plans_are_refused_naming_the_field(plan, field, words):
    with pytest.raises(InvalidInput) as refused:
        split_costs(stairwell(), plan)
    assert field in refused.value.fields
    assert words in refused.value.message or words in str(refused.value.fields)


def test_no_flats_is_refused():
    with pytest.raises(InvalidInput, match="台账"):
        split_costs([], CostPlan(100, 0, {}))


@pytest.mark.parametrize("raw, words", [
    ({"二": "0.4"}, "楼层应为整数"),
    ({"2": "abc"}, "系数应为数字"),
    ({"2": 0.4}, "系数应为数字"),  # floats are refused: write "0.4"
    ({"2": "-0.4"}, "不能为负数"),
    ({"2": "0.00001"}, "最多 4 位小数"),
    ({"2": "NaN"}, "系数应为数字"),
])
def test_coefficient_tables_are_read_exactly_or_refused(raw, words):
    with pytest.raises(InvalidInput) as refused:
        parse_coefficients(raw)
    assert words in str(refused.value.fields["floor_coefficients"])


def test_coefficient_tables_parse_to_decimals():
    assert parse_coefficients({"1": "0", "2": "0.4", "3": 1}) == {
        1: Decimal(0), 2: Decimal("0.4"), 3: Decimal(1)}
    assert parse_compensation({"1": 5000}) == {1: 5000}
    with pytest.raises(InvalidInput):
        parse_compensation({"1": -5})
    assert parse_cap("3/10") == parse_cap("0.3") == Fraction(3, 10)
    with pytest.raises(InvalidInput):
        parse_cap("1.5")


# --- properties ------------------------------------------------------------

areas = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("400.00"), places=2)
coefficients = st.decimals(min_value=Decimal("0"), max_value=Decimal("9.9999"), places=4)


@st.composite
def stairwells_and_plans(draw, with_compensation=False):
    floors = draw(st.integers(min_value=1, max_value=33))
    flats = []
    for floor in range(1, floors + 1):
        for door in range(draw(st.integers(min_value=1, max_value=4))):
            flats.append(FlatArea(flat_id=len(flats) + 1, floor=floor, area_m2=draw(areas)))
    table = {floor: draw(coefficients) for floor in range(2, floors + 1)}
    if floors == 1 or not any(table.values()):
        table[1] = draw(coefficients.filter(bool))
    total = draw(st.integers(min_value=0, max_value=10**10))
    subsidy = draw(st.integers(min_value=0, max_value=total))
    compensation = {}
    if with_compensation:
        compensation = {f: draw(st.integers(min_value=0, max_value=10**8))
                        for f in draw(st.sets(st.integers(min_value=1, max_value=floors), max_size=3))}
    cap = draw(st.fractions(min_value=0, max_value=1, max_denominator=100))
    return flats, CostPlan(total, subsidy, table, compensation, cap)


@settings(max_examples=300, deadline=None)
@given(stairwells_and_plans())
def test_shares_sum_to_the_cent_are_non_negative_and_monotone(case):
    flats, plan = case
    shares = split_costs(flats, plan).shares
    assert sum(s.share_cents for s in shares) == plan.total_cost_cents - plan.subsidy_cents
    assert all(s.share_cents >= 0 and s.receives_cents == 0 for s in shares)
    weighted = sorted(shares, key=lambda s: Fraction(s.coefficient) * Fraction(s.area_m2))
    for low, high in zip(weighted, weighted[1:]):
        w_low = Fraction(low.coefficient) * Fraction(low.area_m2)
        w_high = Fraction(high.coefficient) * Fraction(high.area_m2)
        if w_high > w_low:
            assert high.share_cents >= low.share_cents
        else:
            assert abs(high.share_cents - low.share_cents) <= 1
    for share in shares:
        if share.coefficient == 0:
            assert share.share_cents == 0
        # each share is within one cent of its exact quota
        total_weight = sum(Fraction(s.coefficient) * Fraction(s.area_m2) for s in shares)
        if total_weight:
            exact = (Fraction(plan.owners_cost_cents) * Fraction(share.coefficient)
                     * Fraction(share.area_m2) / total_weight)
            assert abs(share.share_cents - exact) < 1


@settings(max_examples=200, deadline=None)
@given(stairwells_and_plans(with_compensation=True))
def test_with_compensation_net_shares_still_sum_and_the_cap_holds(case):
    flats, plan = case
    split = split_costs(flats, plan)
    assert sum(s.share_cents for s in split.shares) == plan.owners_cost_cents
    assert sum(s.pays_cents for s in split.shares) == plan.owners_cost_cents + split.compensation_cents
    assert split.compensation_cents <= plan.compensation_cap * plan.owners_cost_cents
    assert all(s.pays_cents >= 0 and s.receives_cents >= 0 for s in split.shares)
    for share in split.shares:
        asked = plan.compensation_cents.get(share.floor, 0)
        assert share.receives_cents <= asked
        if not split.compensation_capped:
            assert share.receives_cents == asked


@given(st.integers(min_value=0, max_value=10**12),
       st.lists(st.fractions(min_value=0, max_value=10**6), min_size=1, max_size=60))
def test_largest_remainder_sums_exactly_and_stays_within_a_unit(amount, weights):
    if not any(weights):
        weights[0] = Fraction(1)
    parts = largest_remainder(amount, weights)
    assert sum(parts) == amount
    total = sum(weights)
    for part, weight in zip(parts, weights):
        assert 0 <= part and abs(part - amount * weight / total) < 1
