"""投诉举报: status flow, anonymity to the public, overdue."""
from datetime import timedelta

import pytest


from app.db import utcnow
from app.extensions import db
from app.errors import InvalidInput, NotFound
from app.projects.api import Complaint, ComplaintStatus
from app.projects.api import create_project, file_complaint, move_complaint
from app.staff.api import overdue_counts
from tests.factories import auth, flats_of, make_estate, make_owner, make_user


def file(client, estate, user, anonymous=False):
    response = client.post(f"/api/v1/estates/{estate.id}/complaints", headers=auth(user),
                           json={"title": "夜间施工扰民", "body": "晚上十点还在打钻", "anonymous": anonymous})
    assert response.status_code == 201, response.json
    return response.json


def test_complaint_goes_received_handling_answered_closed(client, estate, committee):
    resident = make_owner(flats_of(estate.id)[0])
    complaint = file(client, estate, resident)
    assert complaint["status_label"] == "已受理"
    url = f"/api/v1/complaints/{complaint['id']}/status"
    close_early = client.post(url, headers=auth(committee), json={"to": "closed"})
    assert close_early.status_code == 409 and "先答复" in close_early.json["error"]["message"]
    assert client.post(url, headers=auth(committee), json={"to": "handling"}).json["status"] == "handling"
    no_answer = client.post(url, headers=auth(committee), json={"to": "answered"})
    assert no_answer.status_code == 422
    answered = client.post(url, headers=auth(committee), json={"to": "answered", "answer": "已要求施工单位晚上八点前停工"})
    assert answered.json["status_label"] == "已答复"
    mine = client.get("/api/v1/me/complaints", headers=auth(resident)).json
    assert mine[0]["answer"] == "已要求施工单位晚上八点前停工"
    assert client.post(url, headers=auth(committee), json={"to": "closed"}).json["status"] == "closed"
    assert client.post(url, headers=auth(committee), json={"to": "handling"}).status_code == 409


def test_anonymous_complaint_hides_name_from_public_but_not_from_committee(client, estate, committee):
    flats = flats_of(estate.id)
    resident = make_owner(flats[0])
    resident.name = "张建国"
    db.session.commit()
    neighbour = make_owner(flats[1])
    complaint = file(client, estate, resident, anonymous=True)
    public = client.get(f"/api/v1/estates/{estate.id}/complaints", headers=auth(neighbour)).json[0]
    assert public["complainant"] == "匿名居民"
    assert public["complainant_id"] is None and public["complainant_phone"] is None
    seen_by_committee = client.get(f"/api/v1/estates/{estate.id}/complaints", headers=auth(committee)).json[0]
    assert seen_by_committee["complainant_id"] == resident.id
    assert seen_by_committee["complainant_phone"] == resident.phone
    named = file(client, estate, resident, anonymous=False)
    public_named = client.get(f"/api/v1/estates/{estate.id}/complaints", headers=auth(neighbour)).json
    assert [c["complainant"] for c in public_named if c["id"] == named["id"]] == ["张**"]
    assert complaint["id"] != named["id"]


def test_unanswered_complaint_past_its_time_limit_is_overdue(client, estate, committee):
    resident = make_owner(flats_of(estate.id)[0])
    complaint = file(client, estate, resident)
    row = db.session.get(Complaint, complaint["id"])
    row.due_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    listed = client.get(f"/api/v1/estates/{estate.id}/complaints", headers=auth(committee)).json
    assert listed[0]["overdue"] is True
    assert overdue_counts([estate.id]) == {estate.id: 1}
    client.post(f"/api/v1/complaints/{complaint['id']}/status", headers=auth(committee),
                json={"to": "answered", "answer": "已处理"})
    assert overdue_counts([estate.id]) == {}


def test_complaints_are_for_members_only(client, estate, committee):
    stranger = make_user()
    response = client.post(f"/api/v1/estates/{estate.id}/complaints", headers=auth(stranger),
                           json={"title": "x", "body": "y"})
    assert response.status_code == 404
    resident = make_owner(flats_of(estate.id)[0])
    complaint = file(client, estate, resident)
    assert client.post(f"/api/v1/complaints/{complaint['id']}/status", headers=auth(resident),
                       json={"to": "handling"}).status_code == 403


def test_an_answer_needs_text_and_a_complaint_names_a_project_of_its_own_estate(estate, committee):
    resident = make_owner(flats_of(estate.id)[0])
    other_estate = make_estate(name="别的小区")
    elsewhere = create_project(other_estate.id, "别处的改造", 1_000_00,
                               make_user(roles=[("committee", other_estate.id)]).id)
    with pytest.raises(NotFound) as refused:
        file_complaint(estate.id, resident.id, "噪音", "夜里施工", False, project_id=elsewhere.id)
    assert refused.value.fields == {"project_id": "没有这个改造项目"}
    assert db.session.scalar(db.select(db.func.count(Complaint.id))) == 0

    complaint = file_complaint(estate.id, resident.id, "噪音", "夜里施工", False)
    for blank in (None, "", "   "):
        with pytest.raises(InvalidInput) as missing:
            move_complaint(complaint, ComplaintStatus.answered, committee.id, blank)
        assert missing.value.fields == {"answer": "请填写答复内容"}
    assert complaint.status == ComplaintStatus.received
    answered = move_complaint(complaint, ComplaintStatus.answered, committee.id, "已要求22点后停工")
    assert answered.status == ComplaintStatus.answered and answered.handler_id == committee.id
