"""Elevator services called directly, without HTTP."""
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from app.consultations.api import Consultation
from app.consultations.api import cast_ballot, close_consultation
from app.db import utcnow
from app.elevators.api import services
from app.elevators.api import ElevatorProject
from app.errors import GuardFailed, InvalidInput
from app.extensions import db
from app.signals import elevator_stage_changed
from tests.elevators.helpers import COEFFICIENTS, Stairwell6
from tests.elevators.helpers import create


@pytest.fixture
def place(app):
    return Stairwell6()


def agree_and_close(place, project, count=10):
    consultation = db.session.get(Consultation, project.consultation_id)
    for flat in place.flats[:count]:
        cast_ballot(consultation, place.owners[flat.id], flat.id, {"install": "agree"})
    close_consultation(consultation, place.committee.id)


def test_a_refusal_from_the_consultation_leaves_nothing_behind(place):
    with pytest.raises(InvalidInput) as refused:
        create(place, closes_at=utcnow() - timedelta(hours=1))
    assert "closes_at" in refused.value.fields
    assert db.session.scalar(select(db.func.count(ElevatorProject.id))) == 0
    assert db.session.scalar(select(db.func.count(Consultation.id))) == 0


def test_the_rule_can_be_named_but_never_laxer_than_rebuildings(place):
    # an added elevator is a rebuilding (民法典第二百七十八条第七项): the special majority at least
    with pytest.raises(InvalidInput) as refused:
        create(place, rule_key="civil_code_278_ordinary")
    assert "rule" in refused.value.fields
    project = create(place, rule_key="civil_code_278_special")
    consultation = db.session.get(Consultation, project.consultation_id)
    assert (consultation.rule_key, consultation.civil_code_item) == ("civil_code_278_special", 7)


def test_publicity_counts_days_from_its_start(place):
    project = create(place)
    agree_and_close(place, project)
    started = utcnow()
    services.advance(project, "publicity", place.committee.id, now=started)
    assert project.publicity_started_at == started
    with pytest.raises(GuardFailed) as refused:
        services.advance(project, "signing", place.committee.id,
                         now=started + timedelta(days=10) - timedelta(minutes=1))
    assert refused.value.fields == {"guard": "publicity_elapsed"}
    services.advance(project, "signing", place.committee.id, now=started + timedelta(days=10))
    assert project.stage.value == "signing"


def test_the_stage_signal_is_sent_after_commit(place):
    seen = []

    def listen(sender, project_id, estate_id, stage):
        # a separate connection sees the new stage: the change is committed
        with db.engine.connect() as connection:
            stored = connection.execute(text("SELECT stage FROM elevator_projects WHERE id = :id"),
                                        {"id": project_id}).scalar()
        seen.append((stage, stored, estate_id))

    elevator_stage_changed.connect(listen)
    try:
        project = create(place)
        agree_and_close(place, project)
        services.advance(project, "publicity", place.committee.id)
    finally:
        elevator_stage_changed.disconnect(listen)
    assert seen == [("consent", "consent", place.estate.id), ("publicity", "publicity", place.estate.id)]


def test_only_agreeing_flats_must_sign(place):
    project = create(place)
    consultation = db.session.get(Consultation, project.consultation_id)
    for flat in place.flats[:10]:
        cast_ballot(consultation, place.owners[flat.id], flat.id, {"install": "agree"})
    opposing = place.flats[10]
    cast_ballot(consultation, place.owners[opposing.id], opposing.id,
                {"install": "oppose", "concerns": ["light"]})
    close_consultation(consultation, place.committee.id)
    started = utcnow() - timedelta(days=10)
    services.advance(project, "publicity", place.committee.id, now=started)
    services.advance(project, "signing", place.committee.id)
    facts = services.guard_facts(project)
    assert sorted(facts.unsigned_agreeing_rooms) == sorted(f.room for f in place.flats[:10])
    for flat in place.flats[:10]:
        services.sign(project, place.owners[flat.id].id, flat.id)
    services.advance(project, "permit", place.committee.id)
    assert project.stage.value == "permit"


def test_shares_follow_the_ledger_and_what_if_saves_nothing(place):
    project = create(place, subsidy_cents=0)
    split = services.cost_shares(project)
    assert sum(s.share_cents for s in split.shares) == 60_000_000
    other = services.what_if(project, {"floor_coefficients": {f: "1" for f in "23456"}})
    assert {s.share_cents for s in other.shares if s.floor > 1} == {6_000_000}
    db.session.expire_all()
    assert services.cost_shares(db.session.get(ElevatorProject, project.id)) == split
