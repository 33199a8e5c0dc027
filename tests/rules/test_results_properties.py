"""The SQL results against the independent recount (tests/rules/test_engine_properties.py),
under thresholds the test generates itself and installs as a rule (it never reads a
threshold from the app), with exact-bound cases forced.

- Unowned flats: each flat without a registered owner is a head of its own (`head_of`),
  beside owners holding several flats, areas varying.
- On the bound: 12 equal flats, one owner each; the generated participation and approval
  bounds put the counts exactly on the bound, one vote under or one over, so passes and
  failures at "以上" and "过半数" both happen (the explicit examples are the law's own:
  8/12 = 2/3 taking part, 6/8 = 3/4 approving, and one vote either side).

Run time (2 cores shared with other work): see README, "Tests of the rules"."""
import itertools
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.consultations.api import services
from app.estates.api import Owner
from app.extensions import db
from app.rules.api import AT_LEAST, MORE_THAN, Rule, Threshold
from tests.factories import flats_of, make_consultation, make_estate, make_user
from tests.rules import law as civil_code
from tests.rules.helpers import recount_by

FLATS = 8
EXAMPLES = 150
SLOW_OK = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                     HealthCheck.too_slow])
_keys = itertools.count(1)

#: per flat: its owner (0..2, shared between flats) or None (no registered owner), its area
#: in hundredths of m², and its ballot (None: did not vote)
flats_strategy = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 2)), st.integers(1000, 15000),
              st.sampled_from([None, "agree", "oppose", "abstain"])),
    min_size=FLATS, max_size=FLATS).filter(lambda rows: any(r[0] is None for r in rows))
bounds = st.integers(1, 12).flatmap(lambda q: st.integers(0, q).map(lambda p: Fraction(p, q)))
comparisons = st.sampled_from([AT_LEAST, MORE_THAN])
thresholds = st.builds(Threshold, st.one_of(st.none(), bounds), st.one_of(st.none(), bounds),
                       comparisons)
approvals = st.builds(Threshold, bounds, st.one_of(st.none(), bounds), comparisons)
generated_rules = st.builds(lambda p, a: (p, a), st.one_of(st.none(), thresholds), approvals)


def as_law(threshold: Threshold | None) -> dict:
    """The generated threshold in the recount's terms (the test's own, not the app's)."""
    if threshold is None:
        return {}
    symbol = {AT_LEAST: civil_code.AT_LEAST, MORE_THAN: civil_code.MORE_THAN}[threshold.comparison]
    return {measure: (symbol, getattr(threshold, measure)) for measure in ("owners", "area")
            if getattr(threshold, measure) is not None}


@contextmanager
def installed(app, participation, approval):
    """The generated thresholds as a rule the app knows, for one example."""
    rule = Rule(f"generated_{next(_keys)}", "生成的规则", participation, approval)
    app.extensions["rules"][rule.key] = rule
    try:
        yield rule.key
    finally:
        del app.extensions["rules"][rule.key]


def decided(app, estate, committee, flats, choices, participation, approval) -> dict:
    """Cast the choices on paper, close, and return the results as the API gives them."""
    with installed(app, participation, approval) as key:
        # a template deciding no Art. 278 item, so that any rule may be applied to it
        c = make_consultation(estate, "dispute_resolution", scope_type="estate", rule_key=key,
                              actor=committee)
        for flat, choice in zip(flats, choices):
            if choice is not None:
                services.cast_assisted_ballot(c, committee, flat.id, {"resolution": choice},
                                              channel="paper", evidence="纸质票")
        services.close_consultation(c, committee.id)
        return services.results(c).as_dict()


def assert_as_recounted(outcome: dict, expected: dict):
    cents = lambda text: int(Decimal(text) * 100)  # noqa: E731
    part, total = expected["participants"], expected["scope"]
    assert outcome["scope"]["owners"] == total[0]
    assert outcome["participation"]["owners"] == f"{part[0]}/{total[0]}"
    assert [cents(x) for x in outcome["participation"]["area"].split("/")] == [part[1], total[1]]
    assert outcome["participation"]["passed"] is expected["participation"]
    approval = outcome["questions"][0]["approval"]
    assert approval["owners"] == f"{expected['agree'][0]}/{part[0]}"
    assert approval["passed"] is expected["approval"]
    assert outcome["decision"] == expected["decision"]


@pytest.fixture
def eight_flats(app):
    estate = make_estate(name="无主小区", floors=FLATS // 2)
    return estate, make_user(roles=[("committee", estate.id)])


@settings(max_examples=EXAMPLES // 3, **SLOW_OK)
@given(rows=flats_strategy, rule=generated_rules)
def test_results_count_unowned_flats_as_one_head_each(app, eight_flats, rows, rule):
    estate, committee = eight_flats
    flats = flats_of(estate.id)
    owners = db.session.scalars(db.select(Owner).where(Owner.estate_id == estate.id)
                                .order_by(Owner.id)).all()
    for flat, (owner, area, _) in zip(flats, rows):
        flat.owner_id = None if owner is None else owners[owner].id
        flat.area_m2 = Decimal(area) / 100
    db.session.commit()
    outcome = decided(app, estate, committee, flats, [choice for _, _, choice in rows], *rule)
    heads = [("owner", owner) if owner is not None else ("flat", n)
             for n, (owner, _, _) in enumerate(rows)]
    law = {"participation": as_law(rule[0]), "approval": as_law(rule[1])}
    assert_as_recounted(outcome, recount_by(
        [(head, area, choice) for head, (_, area, choice) in zip(heads, rows)], law))


def on_bound(count: int, whole: int, step: int) -> Fraction:
    """A bound that `count` of `whole` meets exactly (step 0), beats by one (step 1) or
    misses by one (step -1), kept within 0..1."""
    return min(Fraction(1), max(Fraction(0), Fraction(count - step, whole))) if whole else Fraction(1, 2)


@settings(max_examples=EXAMPLES, **SLOW_OK)
@given(taking_part=st.integers(0, 12), agree_share=st.fractions(0, 1),
       steps=st.tuples(st.sampled_from([-1, 0, 1]), st.sampled_from([-1, 0, 1])),
       compared=st.tuples(comparisons, comparisons), by_area=st.booleans())
@example(taking_part=8, agree_share=Fraction(6, 8), steps=(0, 0), compared=(AT_LEAST, AT_LEAST),
         by_area=True)  # 2/3 taking part, 3/4 approving: exactly on both bounds, passes
@example(taking_part=7, agree_share=Fraction(6, 7), steps=(-1, 0), compared=(AT_LEAST, AT_LEAST),
         by_area=True)  # one under 2/3 taking part: fails
@example(taking_part=9, agree_share=Fraction(6, 9), steps=(1, 0), compared=(AT_LEAST, AT_LEAST),
         by_area=True)  # one over 2/3 taking part; approval exactly 6/9: passes
@example(taking_part=8, agree_share=Fraction(4, 8), steps=(0, 0), compared=(AT_LEAST, MORE_THAN),
         by_area=True)  # exactly half approving under "过半数": fails
@example(taking_part=8, agree_share=Fraction(5, 8), steps=(0, 1), compared=(AT_LEAST, MORE_THAN),
         by_area=True)  # 5/8 over a bound of 1/2: passes
def test_results_decide_exactly_on_generated_bounds(app, estate, committee, taking_part,
                                                    agree_share, steps, compared, by_area):
    flats = flats_of(estate.id)  # 12 flats of 60 ㎡, one owner each: heads and area agree
    agree = int(agree_share * taking_part)
    participation = Threshold(on_bound(taking_part, 12, steps[0]),
                              on_bound(taking_part, 12, steps[0]) if by_area else None, compared[0])
    approval = Threshold(on_bound(agree, taking_part, steps[1]),
                         on_bound(agree, taking_part, steps[1]) if by_area else None, compared[1])
    choices = ["agree"] * agree + ["oppose"] * (taking_part - agree) + [None] * (12 - taking_part)
    outcome = decided(app, estate, committee, flats, choices, participation, approval)
    rows = [(n, 6000, choice) for n, choice in enumerate(choices)]
    expected = recount_by(rows, {"participation": as_law(participation), "approval": as_law(approval)})
    assert_as_recounted(outcome, expected)
    if (taking_part, agree, steps, compared) == (8, 6, (0, 0), (AT_LEAST, AT_LEAST)):
        assert outcome["decision"] == "passed"  # the law's own bound, written out
