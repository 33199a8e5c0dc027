"""The SQL results against the independent recount (tests/rules/test_engine_properties.py),
with flats that have no registered owner: each is a head of its own (`head_of` in the
consultations services), beside owners holding several flats. Thresholds from the law."""
from decimal import Decimal

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from app.consultations import services
from app.estates.models import Owner
from app.extensions import db
from tests.factories import flats_of, make_consultation, make_estate, make_user
from tests.rules.test_engine_properties import DECIDING, recount

FLATS = 8
#: per flat: its owner (0..2, shared between flats) or None (no registered owner), its area
#: in hundredths of m², and its ballot (None: did not vote)
flats_strategy = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 2)), st.integers(1000, 15000),
              st.sampled_from([None, "agree", "oppose", "abstain"])),
    min_size=FLATS, max_size=FLATS).filter(lambda rows: any(r[0] is None for r in rows))


@settings(max_examples=12, deadline=None, derandomize=True, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=flats_strategy, rule_key=st.sampled_from(DECIDING))
def test_results_count_unowned_flats_as_one_head_each(app, rows, rule_key):
    estate = make_estate(name="无主小区", floors=FLATS // 2)
    flats = flats_of(estate.id)
    owners = db.session.scalars(db.select(Owner).where(Owner.estate_id == estate.id)
                                .order_by(Owner.id)).all()
    for flat, (owner, area, _) in zip(flats, rows):
        flat.owner_id = None if owner is None else owners[owner].id
        flat.area_m2 = Decimal(area) / 100
    db.session.commit()
    committee = make_user(roles=[("committee", estate.id)])
    # a template deciding no Art. 278 item, so that any rule may be applied to it
    c = make_consultation(estate, "dispute_resolution", scope_type="estate", rule_key=rule_key,
                          actor=committee)
    for flat, (_, _, choice) in zip(flats, rows):
        if choice is not None:
            answers = {"resolution": choice}
            services.cast_assisted_ballot(c, committee, flat.id, answers,
                                          channel="paper", evidence="纸质票")
    services.close_consultation(c, committee.id)
    outcome = services.results(c).as_dict()

    heads = [("owner", owner) if owner is not None else ("flat", n)
             for n, (owner, _, _) in enumerate(rows)]
    expected = recount([(head, area, choice) for head, (_, area, choice) in zip(heads, rows)],
                       rule_key)
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
