"""Property tests: the engine against an independent recount in integer arithmetic.

The recount applies the thresholds typed from the law (tests/rules/law.py), never the
app's rules: the shipped YAML and the engine are both held to them.
"""
from decimal import Decimal
from fractions import Fraction
from itertools import groupby
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules.api import (
    AT_LEAST, FlatVote, Tally, Threshold, count_flats, evaluate, holds, missing,
)
from app.rules.api import load_rules
from tests.rules import law as civil_code
from tests.rules.helpers import recount_by, stage_holds

RULES = load_rules(Path(__file__).resolve().parents[2] / "consultation_templates" / "rules")
DECIDING = sorted(key for key, stages in civil_code.LAW.items() if stages)

flat_votes = st.lists(
    st.tuples(st.integers(0, 7),  # head (owner); few owners so that many hold several flats
              st.integers(1, 20000),  # area in hundredths of m²
              st.sampled_from([None, "agree", "oppose", "abstain"])),
    min_size=1, max_size=40)


def recount(rows, key):
    """Independent: hundredths as ints, the law's thresholds, cross-multiplication.

    A row's head is its owner; a flat without a registered owner is given a head of its own
    by the caller (one head per such flat)."""
    return recount_by(rows, civil_code.LAW[key])


def as_engine(rows):
    return [FlatVote(i, head, Decimal(area) / 100, choice) for i, (head, area, choice) in enumerate(rows)]


def cents(tally: Tally):
    return tally.owners, int(tally.area_m2 * 100)


@settings(max_examples=300, deadline=None)
@given(rows=flat_votes, rule_key=st.sampled_from(DECIDING))
def test_engine_matches_an_independent_recount(rows, rule_key):
    rule = RULES[rule_key]
    count = count_flats(as_engine(rows))
    agree = count.options.get("agree", Tally())
    expected = recount(rows, rule_key)
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


def on_bound(measures: dict, measure: str, whole: int, step: int, fallback: Fraction) -> int:
    """bound × whole (whole a multiple of 12) moved by `step` units, kept within 0..whole."""
    bound = measures[measure][1] if measure in measures else fallback
    return min(whole, max(0, int(bound * whole) + step))


@settings(max_examples=300, deadline=None)
@given(rule_key=st.sampled_from(DECIDING), heads_k=st.integers(1, 40), area_k=st.integers(1, 4000),
       steps=st.tuples(*[st.integers(-1, 1)] * 4), fallback=st.fractions(0, 1, max_denominator=12))
def test_engine_decides_exactly_on_the_bounds(rule_key, heads_k, area_k, steps, fallback):
    """Every example lands on (or one unit beside) each bound of the law: heads in owners,
    areas in hundredths of m². Measures a rule does not check are drawn anywhere."""
    law = civil_code.LAW[rule_key]
    heads, cents = 12 * heads_k, 12 * area_k
    part_heads = on_bound(law["participation"], "owners", heads, steps[0], fallback)
    part_cents = on_bound(law["participation"], "area", cents, steps[1], fallback)
    agree_heads = on_bound(law["approval"], "owners", part_heads, steps[2], fallback) \
        if part_heads % 12 == 0 else min(part_heads, max(0, part_heads // 2 + steps[2]))
    agree_cents = on_bound(law["approval"], "area", part_cents, steps[3], fallback) \
        if part_cents % 12 == 0 else min(part_cents, max(0, part_cents // 2 + steps[3]))
    outcome = evaluate(RULES[rule_key], Tally(heads, Decimal(cents) / 100),
                       Tally(part_heads, Decimal(part_cents) / 100),
                       Tally(agree_heads, Decimal(agree_cents) / 100), final=True)
    participation = stage_holds(law["participation"], (part_heads, heads), (part_cents, cents))
    approval = stage_holds(law["approval"], (agree_heads, part_heads), (agree_cents, part_cents))
    assert outcome.participation_passed is participation
    assert outcome.approval_passed is approval
    assert outcome.decision == ("passed" if participation and approval else "failed")


@settings(max_examples=200, deadline=None)
@given(rule_key=st.sampled_from(DECIDING), k=st.integers(1, 30), step=st.integers(-1, 1),
       area_cents=st.integers(1, 20000))
def test_approval_exactly_on_its_bound_with_equal_flats(rule_key, k, step, area_cents):
    """Whole flats, one owner each, everyone voting: `agree` flats exactly at the approval
    bound (±1) — the case a strict 3/4 or an inclusive 1/2 gets wrong."""
    law = civil_code.LAW[rule_key]
    flats = 12 * k
    bound = law["approval"]["owners"][1]
    agree = int(bound * flats) + step
    rows = [(i, area_cents, "agree" if i < agree else "oppose") for i in range(flats)]
    count = count_flats(as_engine(rows))
    outcome = evaluate(RULES[rule_key], count.scope, count.participants,
                       count.options.get("agree", Tally()), final=True)
    assert outcome.decision == recount(rows, rule_key)["decision"]
