"""An owner-voted survey over a 片区 is counted over the whole 片区: an owner of flats in two
estates is one head, not one per estate; areas add up flat by flat.

Two estates of 12 flats of 60 ㎡, each flat its own owner, except one person who owns a flat
in each estate (the ledger's keyed hash is the same in both). 24 flats, 23 people, 1440 ㎡.
That person and four others answer "agree" (6 flats, 5 people), two more "oppose"."""
from datetime import timedelta

from sqlalchemy import select

from app.comanage.api import areas
from app.consultations.api import cast_ballot
from app.db import utcnow
from app.estates.api import Owner
from app.extensions import db
from tests.factories import flats_of, link, make_estate, make_owner, make_user


def test_an_owner_of_two_estates_is_one_head_of_the_area(app):
    staff = make_user(roles=[("staff", None)])
    first, second = make_estate("甲小区"), make_estate("乙小区")
    a, b = flats_of(first.id), flats_of(second.id)
    both = db.session.get(Owner, a[0].owner_id)
    db.session.get(Owner, b[0].owner_id).key_hash = both.key_hash  # the same person in both ledgers
    db.session.commit()
    area = areas.create("片区", [first.id, second.id], staff.id)
    survey = areas.start_survey(area, "willingness_survey", utcnow() + timedelta(days=7), staff.id)
    parts = dict((estate.id, c) for estate, c in areas.survey_parts(survey))
    person = make_user()
    for flat in (a[0], b[0]):
        link(person, flat, "owner")
        cast_ballot(parts[flat.estate_id], person, flat.id, {"willing": "agree", "contribute": "willing"})
    for flat, choice in [(a[1], "agree"), (a[2], "agree"), (b[1], "agree"), (b[2], "agree"),
                         (a[3], "oppose"), (b[3], "oppose")]:
        answers = {"willing": choice, **({"contribute": "unsure"} if choice == "agree" else {})}
        cast_ballot(parts[flat.estate_id], make_owner(flat), flat.id, answers)

    figures = areas.survey_results(survey)
    assert figures["owners"] == {"scope": {"owners": 23, "area_m2": "1440.00"},
                                 "participants": {"owners": 7, "area_m2": "480.00"}}
    willing = next(q for q in figures["questions"] if q["key"] == "willing")["options"]
    assert (willing["agree"]["owners"], willing["agree"]["area_m2"]) == (5, "360.00")
    assert (willing["oppose"]["owners"], willing["oppose"]["area_m2"]) == (2, "120.00")
    assert willing["agree"]["ballots"] == 6  # six flats answered: counted one estate at a time
    # a residents' survey has no owners' figures
    needs = areas.start_survey(area, "neighbourhood_needs", utcnow() + timedelta(days=7), staff.id)
    assert areas.survey_results(needs)["owners"] is None
    assert db.session.scalar(select(Owner.key_hash).where(Owner.id == b[0].owner_id)) == both.key_hash
