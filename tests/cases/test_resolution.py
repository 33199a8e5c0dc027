"""The resolution vote of a case: a consultation among the affected flats' owners."""
from datetime import timedelta

import pytest

from app.cases.api import resolution, services
from app.cases.api import Case, CaseStatus
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.db import utcnow
from app.errors import Conflict, InvalidInput
from app.extensions import db
from tests.factories import flats_of, make_estate, make_owner, make_user


PROPOSAL = "南侧绿地保留，另在东侧空地划出 6 个车位"


@pytest.fixture
def setting(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    owners = [make_owner(flat) for flat in flats[:3]]
    committee = make_user(roles=[("committee", estate.id)])
    case = services.create_case(estate.id, title="绿地改停车位", description="南侧绿地",
                                affected_flat_ids=[f.id for f in flats[:3]], actor_id=owners[0].id)
    return estate, flats, owners, committee, case


def test_resolution_opens_a_flats_consultation_under_the_named_rule(setting):
    estate, flats, owners, committee, case = setting
    consultation = resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=7),
                                            rule_key="simple_majority")
    assert case.status == CaseStatus.resolution_vote
    assert case.resolution_consultation_id == consultation.id
    assert (consultation.scope_type, consultation.rule_key, consultation.status.value) == (
        "flats", "simple_majority", "open")
    assert consultation.template_key == "dispute_resolution"
    assert consultations.results(consultation).as_dict()["scope"]["owners"] == 3
    with pytest.raises(Conflict) as error:
        resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=7))
    assert error.value.code == "resolution_exists"


def test_default_rule_comes_from_the_template(setting):
    _, _, _, committee, case = setting
    consultation = resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=3))
    assert consultation.rule_key == consultations.get_template("dispute_resolution").default_rule


def test_a_survey_template_or_unknown_rule_is_refused_and_nothing_changes(setting):
    _, _, _, committee, case = setting
    with pytest.raises(InvalidInput):
        resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=3),
                                 template_key="needs_survey")
    with pytest.raises(InvalidInput):
        resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=3),
                                 rule_key="no_such_rule")
    db.session.rollback()
    assert case.status == CaseStatus.open and case.resolution_consultation_id is None
    assert db.session.scalar(db.select(db.func.count(Consultation.id))) == 0


def test_closing_waits_for_the_vote_and_then_carries_its_result(setting):
    estate, flats, owners, committee, case = setting
    consultation = resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=7))
    for owner, flat, choice in zip(owners, flats, ("agree", "agree", "oppose")):
        consultations.cast_ballot(consultation, owner, flat.id, {"resolution": choice})
    with pytest.raises(Conflict) as error:
        resolution.close_case(case, committee.id, "按表决结果执行")
    assert error.value.code == "resolution_open" and "表决还没有结束" in error.value.message
    assert case.status == CaseStatus.resolution_vote
    consultations.close_consultation(consultation, committee.id)
    resolution.close_case(case, committee.id, "按表决结果执行")
    assert services.case_is_resolved(case)
    assert case.resolution_result["decision"] == "passed"
    assert case.resolution_result["participation"]["owners"] == "3/3"
    published = resolution.published_outcome(case)
    assert published.startswith("按表决结果执行\n表决结果：已通过。")


def test_a_vote_past_its_closing_time_closes_when_the_case_closes(setting):
    estate, flats, owners, committee, case = setting
    consultation = resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=1))
    consultations.cast_ballot(consultation, owners[0], flats[0].id, {"resolution": "oppose"})
    consultation.closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    resolution.close_case(case, committee.id, "未能达成一致，维持现状")
    assert case.resolution_result["decision"] == "failed"
    assert "未通过" in resolution.published_outcome(case)


def test_a_resolution_that_fails_at_its_last_step_leaves_no_vote_behind(setting, monkeypatch):
    estate, flats, owners, committee, case = setting

    def refuse(self, consultation_id):
        raise Conflict("中途失败", code="resolution_exists")

    monkeypatch.setattr(Case, "start_resolution_vote", refuse)
    with pytest.raises(Conflict):
        resolution.open_resolution(case, committee.id, proposal=PROPOSAL, closes_at=utcnow() + timedelta(days=7))
    db.session.rollback()  # as the request's error handler does
    assert db.session.scalar(db.select(db.func.count(Consultation.id))) == 0
    assert db.session.get(Case, case.id).resolution_consultation_id is None
