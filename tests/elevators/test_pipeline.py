"""The elevator pipeline over HTTP: proposed → operating, and every guard refusing."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.api import AuditEntry
from app.cases.api import Case
from app.elevators.api import ElevatorProject, StageTransition
from app.extensions import db
from app.signals import elevator_stage_changed
from tests.elevators.helpers import Stairwell6
from tests.elevators.helpers import close_consent, end_publicity


@pytest.fixture
def place(app):
    return Stairwell6()


def advance(client, place, project_id, to, **extra):
    return client.post(f"/api/v1/elevator-projects/{project_id}/advance", json={"to": to, **extra},
                       headers=place.committee_auth())


def refused_by(response, guard):
    assert response.status_code == 409, response.json
    error = response.json["error"]
    assert error["code"] == "guard_failed"
    assert error["fields"]["guard"] == guard
    return error["message"]


def test_full_path_from_proposed_to_operating(client, place):
    stages_sent = []

    def listen(sender, **kwargs):
        stages_sent.append(kwargs["stage"])

    elevator_stage_changed.connect(listen)
    try:
        _walk_the_whole_pipeline(client, place)
    finally:
        elevator_stage_changed.disconnect(listen)
    assert stages_sent == ["consent", "publicity", "signing", "permit", "construction",
                           "acceptance", "operating"]


def _walk_the_whole_pipeline(client, place):
    created = place.create(client)
    assert created.status_code == 201, created.json
    project = created.json
    project_id, consultation_id = project["id"], project["consultation_id"]
    assert project["stage"] == "consent" and consultation_id
    assert project["consent"]["status"] == "open"
    assert project["consent"]["rule"] == "civil_code_278_special"

    # 10 of 12 owners agree, one opposes, one does not vote
    flats = place.flats
    for flat in flats[:10]:
        place.vote(client, consultation_id, flat, "agree")
    place.vote(client, consultation_id, flats[10], "oppose")
    message = refused_by(advance(client, place, project_id, "publicity"), "consent_passed")
    assert "意愿征询还没有结束" in message
    close_consent(client, place, consultation_id)

    # publicity
    response = advance(client, place, project_id, "publicity")
    assert response.status_code == 200, response.json
    assert response.json["stage"] == "publicity" and response.json["publicity_ends_at"]
    objection = client.post(f"/api/v1/elevator-projects/{project_id}/objections",
                            json={"flat_id": flats[0].id, "reason": "一楼采光会受影响"},
                            headers=place.owner_auth(flats[0]))
    assert objection.status_code == 201, objection.json
    case_id = objection.json["case_id"]
    assert case_id and objection.json["handled"] is False
    message = refused_by(advance(client, place, project_id, "signing"), "publicity_elapsed")
    assert "公示期为 10 天" in message
    end_publicity(project_id)
    message = refused_by(advance(client, place, project_id, "signing"), "objections_handled")
    assert "还有 1 条异议" in message
    closed = client.post(f"/api/v1/cases/{case_id}/close",
                         json={"outcome": "协商一致：设计单位调整电梯位置，减少遮挡"},
                         headers=place.committee_auth())
    assert closed.status_code == 200, closed.json
    response = advance(client, place, project_id, "signing")
    assert response.status_code == 200, response.json

    # signing: every agreeing flat signs its share
    shares = {s["flat_id"]: s["share_cents"] for s in client.get(
        f"/api/v1/elevator-projects/{project_id}/cost-shares", headers=place.committee_auth()).json}
    for flat in flats[:9]:
        signed = client.post(f"/api/v1/elevator-projects/{project_id}/signatures",
                             json={"flat_id": flat.id}, headers=place.owner_auth(flat))
        assert signed.status_code == 201, signed.json
        assert signed.json["share_cents"] == shares[flat.id]
    message = refused_by(advance(client, place, project_id, "permit"), "agreeing_flats_signed")
    assert "还有 1 户" in message and flats[9].room in message
    client.post(f"/api/v1/elevator-projects/{project_id}/signatures",
                json={"flat_id": flats[9].id}, headers=place.owner_auth(flats[9]))

    for stage in ("permit", "construction", "acceptance", "operating"):
        response = advance(client, place, project_id, stage, note=f"{stage} 备注")
        assert response.status_code == 200, response.json
        assert response.json["stage"] == stage
    final = client.get(f"/api/v1/elevator-projects/{project_id}", headers=place.committee_auth())
    assert final.json["stage"] == "operating" and final.json["next_stage"] is None
    steps = [(t["from_stage"], t["to_stage"]) for t in final.json["transitions"]]
    assert steps == [(None, "proposed"), ("proposed", "consent"), ("consent", "publicity"),
                     ("publicity", "signing"), ("signing", "permit"), ("permit", "construction"),
                     ("construction", "acceptance"), ("acceptance", "operating")]
    assert all(t["actor_id"] == place.committee.id for t in final.json["transitions"])
    refused_by(advance(client, place, project_id, "operating"), "next_stage")

    audited = db.session.scalars(select(AuditEntry.data).where(
        AuditEntry.action == "elevator.stage_changed", AuditEntry.subject_id == project_id)
        .order_by(AuditEntry.seq)).all()
    assert [entry["to"] for entry in audited] == [to for _, to in steps]
    assert db.session.scalar(select(db.func.count(StageTransition.id))) == 8


def test_failed_consent_refuses_publicity(client, place):
    project = place.create(client).json
    for flat in place.flats[:8]:
        place.vote(client, project["consultation_id"], flat, "agree")
    for flat in place.flats[8:12]:
        place.vote(client, project["consultation_id"], flat, "oppose")
    close_consent(client, place, project["consultation_id"])
    message = refused_by(advance(client, place, project["id"], "publicity"), "consent_passed")
    assert "没有通过" in message
    assert db.session.get(ElevatorProject, project["id"]).stage.value == "consent"


def test_stages_cannot_be_skipped(client, place):
    project = place.create(client).json
    message = refused_by(advance(client, place, project["id"], "signing"), "next_stage")
    assert message == "现在是「意愿征询」阶段，只能推进到「方案公示」"
    response = advance(client, place, project["id"], "elsewhere")
    assert response.status_code == 422 and "只能是以下之一" in response.json["error"]["fields"]["to"]


def test_a_withdrawn_objection_is_handled(client, place):
    project = place.create(client).json
    for flat in place.flats[:10]:
        place.vote(client, project["consultation_id"], flat, "agree")
    close_consent(client, place, project["consultation_id"])
    advance(client, place, project["id"], "publicity")
    flat = place.flats[1]
    objection = client.post(f"/api/v1/elevator-projects/{project['id']}/objections",
                            json={"flat_id": flat.id, "reason": "费用太高"},
                            headers=place.owner_auth(flat)).json
    again = client.post(f"/api/v1/elevator-projects/{project['id']}/objections",
                        json={"flat_id": flat.id, "reason": "还是太高"}, headers=place.owner_auth(flat))
    assert again.status_code == 409 and "已经提出过异议" in again.json["error"]["message"]
    end_publicity(project["id"])
    refused_by(advance(client, place, project["id"], "signing"), "objections_handled")
    other = client.post(f"/api/v1/elevator-objections/{objection['id']}/withdraw",
                        headers=place.owner_auth(place.flats[2]))
    assert other.status_code == 403
    withdrawn = client.post(f"/api/v1/elevator-objections/{objection['id']}/withdraw",
                            headers=place.owner_auth(flat))
    assert withdrawn.status_code == 200 and withdrawn.json["status"] == "withdrawn"
    assert advance(client, place, project["id"], "signing").status_code == 200


def test_objections_join_one_case_and_only_during_publicity(client, place):
    project = place.create(client).json
    early = client.post(f"/api/v1/elevator-projects/{project['id']}/objections",
                        json={"flat_id": place.flats[0].id, "reason": "采光"},
                        headers=place.owner_auth(place.flats[0]))
    assert early.status_code == 409 and "方案公示期间" in early.json["error"]["message"]
    for flat in place.flats[:10]:
        place.vote(client, project["consultation_id"], flat, "agree")
    close_consent(client, place, project["consultation_id"])
    advance(client, place, project["id"], "publicity")
    cases = set()
    for flat in place.flats[:2]:
        response = client.post(f"/api/v1/elevator-projects/{project['id']}/objections",
                               json={"flat_id": flat.id, "reason": "采光"},
                               headers=place.owner_auth(flat))
        assert response.status_code == 201
        cases.add(response.json["case_id"])
    assert len(cases) == 1
    case = db.session.get(Case, cases.pop())
    assert case.origin_type == "elevator_objection" and case.origin_id == project["id"]
    assert set(case.affected_flat_ids) == {place.flats[0].id, place.flats[1].id}
    # someone else's flat
    response = client.post(f"/api/v1/elevator-projects/{project['id']}/objections",
                           json={"flat_id": place.flats[3].id, "reason": "采光"},
                           headers=place.owner_auth(place.flats[2]))
    assert response.status_code == 403 and "业主" in response.json["error"]["message"]


def test_signing_only_in_the_signing_stage_and_once(client, place):
    project = place.create(client).json
    flat = place.flats[4]
    early = client.post(f"/api/v1/elevator-projects/{project['id']}/signatures",
                        json={"flat_id": flat.id}, headers=place.owner_auth(flat))
    assert early.status_code == 409 and "协议签署阶段" in early.json["error"]["message"]
