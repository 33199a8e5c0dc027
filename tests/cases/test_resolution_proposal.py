"""A case's resolution vote says what is decided, tells the case's people, and states
participation truthfully (issue 36, item 1)."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.cases.api import resolution, services
from app.cases.api import Case
from app.cases.api import case_view
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.db import utcnow
from app.errors import InvalidInput
from app.extensions import db
from app.notifications.api import Notification
from tests.factories import flats_of, make_estate, make_owner, make_user

PROPOSAL = "南侧绿地保留；东侧空地划出 6 个车位，车位费用于楼道照明"


@pytest.fixture
def setting(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    owners = [make_owner(flat) for flat in flats[:5]]
    outsider = make_owner(flats[6])
    raiser = make_user()  # raised the case without owning an affected flat
    committee = make_user(roles=[("committee", estate.id)])
    case = services.create_case(estate.id, title="绿地改停车位", description="南侧绿地",
                                affected_flat_ids=[f.id for f in flats[:5]], actor_id=raiser.id)
    return owners, outsider, raiser, committee, case


def _open(case, committee, **kwargs):
    return resolution.open_resolution(case, committee.id, closes_at=utcnow() + timedelta(days=7),
                                      rule_key="simple_majority", **kwargs)


def test_the_vote_carries_the_proposal_it_decides(setting):
    owners, _, _, committee, case = setting
    consultation = _open(case, committee, proposal=PROPOSAL)
    assert PROPOSAL in consultation.description
    assert PROPOSAL in case_view(case, owners[0])["resolution"]["proposal"]


def test_without_a_proposal_or_an_agreement_nothing_is_opened(setting):
    _, _, _, committee, case = setting
    with pytest.raises(InvalidInput) as error:
        _open(case, committee)
    assert "proposal" in error.value.fields
    db.session.rollback()
    assert db.session.get(Case, case.id).resolution_consultation_id is None
    assert db.session.scalar(select(Consultation.id)) is None
    assert db.session.scalar(select(Notification.id)) is None


def test_the_last_meetings_agreement_is_the_proposal_when_none_is_given(setting):
    _, _, _, committee, case = setting
    earlier = utcnow() - timedelta(days=3)
    resolution.record_meeting(case, committee.id, held_at=earlier, place="居委会",
                              minutes="第一次协商", agreement="先不动绿地")
    resolution.record_meeting(case, committee.id, held_at=earlier + timedelta(days=1),
                              place="居委会", minutes="第二次协商", agreement=PROPOSAL)
    resolution.record_meeting(case, committee.id, held_at=earlier + timedelta(days=2),
                              place="居委会", minutes="没谈拢")
    assert PROPOSAL in _open(case, committee).description


def test_the_case_people_are_told_once_each_with_a_link_to_the_vote(setting):
    owners, outsider, raiser, committee, case = setting
    consultation = _open(case, committee, proposal=PROPOSAL)
    told = db.session.scalars(select(Notification).where(Notification.kind == "case_resolution")).all()
    assert sorted(n.user_id for n in told) == sorted([o.id for o in owners] + [raiser.id])
    assert {n.link for n in told} == {f"/consultations/{consultation.id}"}
    assert outsider.id not in {n.user_id for n in told}
    assert all("绿地改停车位" in n.title for n in told)


def test_participation_is_not_called_reached_at_none_of_five_under_a_rule_without_threshold(setting):
    _, _, _, committee, case = setting
    explanation = consultations.results(_open(case, committee, proposal=PROPOSAL)).explanation
    assert "0/5" in explanation
    assert "已经达到要求" not in explanation and "不设参与门槛" in explanation


def test_a_rule_with_a_threshold_still_names_what_is_missing(setting):
    _, _, _, committee, case = setting
    consultation = resolution.open_resolution(
        case, committee.id, closes_at=utcnow() + timedelta(days=7), proposal=PROPOSAL,
        rule_key="civil_code_278_ordinary")
    explanation = consultations.results(consultation).explanation
    assert "参与还差业主 4 人" in explanation and "不设参与门槛" not in explanation
