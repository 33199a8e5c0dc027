"""The shipped presets, pinned from the law, not from the YAML they are written in.

民法典第二百七十八条 (DESIGN.md, "Decision rules"):
- 参与表决: 专有部分面积占比三分之二以上的业主 且 人数占比三分之二以上的业主;
- 改建重建、筹集维修资金、改变共有部分用途 (items 六–八): 同意 = 参与表决专有部分面积
  四分之三以上的业主 且 参与表决人数四分之三以上的业主;
- other matters: 同意 = 参与表决专有部分面积过半数的业主 且 参与表决人数过半数的业主.
"以上" includes the bound (第一千二百五十九条); "过半数" is strictly more than half.

Every number in tests/rules/law.py is typed from those sentences. A shipped preset whose file says
anything else (a bound, a comparison, a measure dropped) fails here; so does a new
shipped preset nobody pinned.
"""
from fractions import Fraction

import pytest

from app import create_app
from app.config import TestConfig
from app.rules.api import Tally, evaluate
from tests.rules.law import AT_LEAST, LAW, MORE_THAN

SYMBOL = {"at_least": AT_LEAST, "more_than": MORE_THAN}


@pytest.fixture(scope="module")
def shipped():
    return create_app(TestConfig).extensions["rules"]


def as_law(threshold) -> dict:
    if threshold is None:
        return {}
    return {measure: (SYMBOL[threshold.comparison], getattr(threshold, measure))
            for measure in ("owners", "area") if getattr(threshold, measure) is not None}


def test_every_shipped_preset_is_pinned(shipped):
    assert set(shipped) == set(LAW)


@pytest.mark.parametrize("key", sorted(LAW))
def test_preset_bounds_and_comparisons_are_the_laws(shipped, key):
    rule, law = shipped[key], LAW[key]
    if law is None:
        assert not rule.decides and rule.participation is None
        return
    assert as_law(rule.participation) == law["participation"]
    assert as_law(rule.approval) == law["approval"]


def at(bound: Fraction, whole: int, step: int) -> int:
    """bound × whole plus `step` units (whole is a multiple of the bound's denominator)."""
    exact = bound * whole
    assert exact.denominator == 1
    return int(exact) + step


BOUNDED = [(key, stage) for key, law in sorted(LAW.items()) if law
           for stage in ("participation", "approval") if law[stage]]


@pytest.mark.parametrize("key, stage", BOUNDED)
@pytest.mark.parametrize("step", [-1, 0, 1])
def test_each_bound_decides_exactly_at_the_bound(shipped, key, stage, step):
    """Put one stage exactly on its bound (and one unit either side), the other stage
    comfortably passing: the outcome follows ≥ / > as the law says."""
    rule, law = shipped[key], LAW[key]
    whole = 1200  # divisible by 2, 3 and 4; area in m² the same numbers
    measures = law[stage]
    scope = Tally(whole, whole)
    participants = Tally(whole, whole) if stage == "approval" else None
    if stage == "participation":
        heads = at(measures["owners"][1], whole, step) if "owners" in measures else whole
        area = at(measures["area"][1], whole, step) if "area" in measures else whole
        participants = Tally(heads, area)
        approving = participants  # everyone taking part agrees
    else:
        heads = at(measures["owners"][1], whole, step) if "owners" in measures else whole
        area = at(measures["area"][1], whole, step) if "area" in measures else whole
        approving = Tally(heads, area)
    outcome = evaluate(rule, scope, participants, approving, final=True)
    comparison = next(iter(measures.values()))[0]
    expected = step > 0 or (step == 0 and comparison == AT_LEAST)
    passed = outcome.participation_passed if stage == "participation" else outcome.approval_passed
    assert passed is expected
    assert (outcome.decision == "passed") is expected
