"""共管 counts that a mutation run found no service test holding (issue 30, item 8): an
election whose last seat is decided by area when two candidates have the same heads, and
the property rating's denominator (5 per answer given, however many gave the same score).
Expectations are literals, worked out by hand in the comments."""
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from app.comanage.api import choices, rating
from app.consultations.api import cast_ballot, close_consultation, get_consultation
from app.db import utcnow
from tests.factories import flats_of, make_estate, make_owner, make_user


def test_equal_heads_on_the_last_seat_are_decided_by_area_not_a_tie(app):
    # flats 201, 202, 301, 302 have 70 ㎡, the other eight 60 ㎡: 760 ㎡ in all
    estate = make_estate(areas={room: Decimal("70.00") for room in ("201", "202", "301", "302")})
    committee = make_user(roles=[("committee", estate.id)])
    flats = flats_of(estate.id)
    assert [f.room for f in flats[2:6]] == ["201", "202", "301", "302"]
    c = choices.start_decision(estate.id, "committee_election", utcnow() + timedelta(days=7),
                               committee.id, candidates=["甲", "乙", "丙"], seats=2)
    ballots = ([["c1", "c2"]] * 2 + [["c1", "c3"]] * 4 + [["c1", "c2"]] * 2
               + [["c2", "c3"]] * 3 + [[]])
    for flat, picked in zip(flats, ballots):
        cast_ballot(c, make_owner(flat), flat.id, {"candidates": picked})
    close_consultation(c, committee.id)
    result = choices.choice_result(c)
    # 12 of 12 take part (760 ㎡). 甲: the first eight flats, 8 heads, 4 × 60 + 4 × 70 = 520 ㎡. 乙: flats 101 102 401 402 + 501 502 601 = 7 heads,
    # 420 ㎡. 丙: 201 202 301 302 + 501 502 601 = 7 heads, 280 + 180 = 460 ㎡. All more than half.
    votes = {o.label: (o.votes.owners, o.votes.area_m2) for o in result.options}
    assert votes == {"甲": (8, Decimal("520.00")), "乙": (7, Decimal("420.00")),
                     "丙": (7, Decimal("460.00"))}
    assert result.chosen == ["甲", "丙"]
    assert [o.label for o in result.options if o.tied] == []
    assert "另行表决" not in result.explanation


def test_the_rating_index_divides_by_five_for_every_answer_given(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    r = rating.start_round(estate.id, "2026Q2", utcnow() + timedelta(days=7), committee.id)
    c = get_consultation(r.consultation_id)
    keys = ("cleaning", "order", "greening", "repairs", "openness", "overall")
    scores = [{k: 5 for k in keys}, {k: 5 for k in keys}, {k: 3 for k in keys},
              {**{k: 4 for k in keys}, "cleaning": 1}]
    for flat, answers in zip(flats_of(estate.id), scores):
        cast_ballot(c, make_owner(flat), flat.id, answers)
    close_consultation(c, committee.id)
    point = rating.round_index(r)
    # cleaning 5+5+3+1 = 14 of 20; each other item 5+5+3+4 = 17 of 20: 14 + 5 × 17 = 99 of 120
    assert point.index == Fraction(99, 120) and point.index_percent == "82.5%"
    assert point.respondents == 4
    items = {item["key"]: (item["answers"], item["index"]) for item in point.items}
    assert items["cleaning"] == (4, Fraction(14, 20))
    assert items["overall"] == (4, Fraction(17, 20))
