"""A 片区 survey's estates counted together in one statement: the same figures as each
estate's own results, and the same number of statements for 2 estates as for 5."""
from datetime import timedelta

from app.comanage.api import areas
from app.consultations.api import (
    cast_ballot, close_consultation, flats_in_scope, results, results_of,
)
from app.db import utcnow
from app.extensions import db
from tests.factories import flats_of, link, make_consultation, make_estate, make_owner, make_user
from tests.statements import statements

FACILITIES = ["elderly_care", "childcare", "parking", "fitness", "culture", "market", "health"]


def neighbourhood(sizes, staff):
    """A 片区 of estates of `sizes` buildings (12 flats each) with a needs survey."""
    estates = [make_estate(f"片区小区{n}", buildings=tuple((f"{b + 1}号楼", 1) for b in range(size)))
               for n, size in enumerate(sizes)]
    area = areas.create(f"片区{len(sizes)}", [e.id for e in estates], staff.id)
    return areas.start_survey(area, "neighbourhood_needs", utcnow() + timedelta(days=7), staff.id)


def answer(c, flats, step):
    """Residents of every `step`-th flat answer, each estate its own way: an owner, a tenant
    now and then (two residents of one flat), a suggestion now and then."""
    for n, flat in enumerate(flats[::step]):
        owner = make_owner(flat)
        chosen = [FACILITIES[(n + step) % 7], FACILITIES[(n * step) % 7]]
        answers = {"facilities": sorted(set(chosen))}
        if n % 3 == 0:
            answers["suggestions"] = f"第{n}条建议"
        cast_ballot(c, owner, flat.id, answers)
        if n % 4 == 1:
            tenant = make_user()
            link(tenant, flat, "tenant")
            cast_ballot(c, tenant, flat.id, {"facilities": [FACILITIES[step % 7]]})


def test_the_estates_counted_together_have_each_estates_own_results(app):
    staff = make_user(roles=[("staff", None)])
    survey = neighbourhood((1, 3, 2, 1), staff)
    parts = areas.survey_parts(survey)
    for step, (estate, c) in zip((1, 2, 5), parts):  # the fourth estate: nobody answers
        answer(c, flats_of(estate.id), step)
    make_owner(flats_of(parts[1][0].id)[1])  # a resident who has not answered
    close_consultation(parts[2][1], staff.id)  # one part closed early: its own status
    # beside them, residents' surveys of a building, a stairwell and a list of flats, and an
    # owners' vote (counted on its own), in the same call
    estate = parts[1][0]
    flats = flats_of(estate.id)
    committee = make_user(roles=[("committee", estate.id)])
    others = [make_consultation(estate, "needs_survey", actor=committee, scope_type="building",
                                scope_id=flats[0].building_id),
              make_consultation(estate, "needs_survey", actor=committee, scope_type="stairwell",
                                scope_id=flats[-1].stairwell_id),
              make_consultation(estate, "needs_survey", actor=committee, scope_type="flats",
                                flat_ids=[f.id for f in flats[5:17]]),
              make_consultation(estate, "elevator_consent", actor=committee)]
    needs = others[0].questions[0]["options"]
    for c in others[:3]:
        for n, flat in enumerate(flats_in_scope(c)[::3]):
            cast_ballot(c, make_owner(flat), flat.id, {"basic_needs": [needs[n % len(needs)]["key"]],
                                                       "urgency": n % 5 + 1})
    for n, flat in enumerate(flats[:7]):
        vote = "agree" if n < 4 else "oppose"
        cast_ballot(others[3], make_owner(flat), flat.id,
                    {"install": vote, **({"concerns": ["cost"]} if vote == "oppose" else {})})
    db.session.commit()

    consultations = [c for _, c in parts] + others
    together = results_of(consultations)
    assert list(together) == [c.id for c in consultations]
    for c in consultations:
        assert together[c.id].as_dict() == results(c).as_dict(), c.scope_type
    figures = areas.survey_results(survey)
    assert [e["ballots"] for e in figures["estates"]] == [results(c).ballots for _, c in parts]
    assert figures["ballots"] == sum(results(c).ballots for _, c in parts) > 0
    assert figures["residents"] == sum(results(c).residents for _, c in parts)
    assert figures["flats"] == 12 * (1 + 3 + 2 + 1)
    assert [e["status"] for e in figures["estates"]] == ["open", "open", "closed", "open"]
    facilities = next(q for q in figures["questions"] if q["key"] == "facilities")
    for option in FACILITIES:
        assert facilities["options"][option]["ballots"] == sum(
            next(o.ballots for o in results(c).questions[0].options if o.key == option)
            for _, c in parts)


def statements_of(function, *args) -> list[str]:
    """The SQL statements `function` runs on a session that has forgotten what it loaded."""
    db.session.expire_all()
    with statements() as seen:
        function(*args)
    return seen


def test_a_survey_of_five_estates_takes_the_statements_of_two(app):
    staff = make_user(roles=[("staff", None)])
    counts = []
    for sizes in ((1, 1), (1, 2, 1, 1, 1)):
        survey = neighbourhood(sizes, staff)
        for step, (estate, c) in enumerate(areas.survey_parts(survey), start=1):
            answer(c, flats_of(estate.id), step)
        db.session.commit()
        figures = areas.survey_results(survey)
        assert len(figures["estates"]) == len(sizes) and figures["ballots"] > 0
        counts.append(len(statements_of(areas.survey_results, survey)))
    assert counts[0] == counts[1] <= 3, counts  # the survey, its parts, their counts
