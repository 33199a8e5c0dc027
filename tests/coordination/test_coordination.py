"""联席会议 and 责任清单: a meeting recorded as held, its tasks, done only with evidence,
overdue flags by the Beijing date, residents reading without the internal notes, the
street's overdue list, and who may do what."""
from datetime import timedelta

from app.coordination.api import JointMeeting, ResponsibilityTask
from app.display import china_today
from app.extensions import db
from app.projects.api import create_project
from tests.factories import auth, make_estate, make_user

TODAY = china_today


def meeting_body(**extra):
    return {"held_on": str(TODAY() - timedelta(days=20)), "place": "社区党群服务中心",
            "agenda": "综合整治开工前协调：管线迁改与停水安排",
            "attending_orgs": ["party", "residents_committee", "owners_committee", "property", "water", "water"],
            "decisions": ["供水管线与屋面同期施工", "停水提前三天公示", ""], "notes": "燃气单位未到，会后电话通知",
            **extra}


def record(client, estate, committee, **extra):
    response = client.post(f"/api/v1/estates/{estate.id}/joint-meetings", headers=auth(committee),
                           json=meeting_body(**extra))
    assert response.status_code == 201, response.json
    return response.json


def test_a_meeting_is_recorded_as_held_and_residents_read_it_without_the_notes(client, estate, committee, owner):
    meeting = record(client, estate, committee)
    assert meeting["attending_labels"] == ["社区党组织", "居委会", "业委会", "物业服务企业", "供水单位"]
    assert meeting["decisions"] == ["供水管线与屋面同期施工", "停水提前三天公示"]
    seen = client.get(f"/api/v1/estates/{estate.id}/joint-meetings", headers=auth(owner)).json
    assert seen[0]["decisions"] == meeting["decisions"] and seen[0]["notes"] == ""
    assert client.get(f"/api/v1/estates/{estate.id}/joint-meetings",
                      headers=auth(committee)).json[0]["notes"] == "燃气单位未到，会后电话通知"


def test_a_meeting_needs_its_organisations_a_past_date_and_this_estates_project(client, estate, committee):
    url = f"/api/v1/estates/{estate.id}/joint-meetings"
    none = client.post(url, headers=auth(committee), json=meeting_body(attending_orgs=[]))
    assert none.status_code == 422 and none.json["error"]["fields"]["attending_orgs"] == "请勾选参会单位"
    future = client.post(url, headers=auth(committee), json=meeting_body(held_on=str(TODAY() + timedelta(days=1))))
    assert future.json["error"]["fields"]["held_on"] == "会议日期不能晚于今天"
    other = create_project(make_estate(name="别的小区").id, "别处改造", 100, committee.id)
    wrong = client.post(url, headers=auth(committee), json=meeting_body(project_id=other.id))
    assert wrong.json["error"]["fields"]["project_id"] == "这个项目不属于本小区"
    unknown = client.post(url, headers=auth(committee), json=meeting_body(attending_orgs=["mayor"]))
    assert unknown.status_code == 422
    assert db.session.query(JointMeeting).count() == 0


def test_tasks_run_to_done_with_evidence_and_overdue_is_flagged(client, estate, committee, owner):
    meeting = record(client, estate, committee)
    add = f"/api/v1/joint-meetings/{meeting['id']}/tasks"
    late = client.post(add, headers=auth(committee), json={"task": "出具管线迁改方案", "org": "water",
                                                           "deadline": str(TODAY() - timedelta(days=4))}).json
    soon = client.post(add, headers=auth(committee), json={"task": "张贴停水公示", "org": "property",
                                                           "deadline": str(TODAY() + timedelta(days=3))}).json
    assert (late["overdue"], late["due_text"], late["org_label"]) == (True, "已超期 4 天", "供水单位")
    assert (soon["overdue"], soon["due_text"]) == (False, "还有 3 天到期")
    refused = client.put(f"/api/v1/responsibility-tasks/{late['id']}", headers=auth(committee), json={"status": "done"})
    assert refused.status_code == 422 and refused.json["error"]["fields"]["evidence"].startswith("完成要写明依据")
    done = client.put(f"/api/v1/responsibility-tasks/{late['id']}", headers=auth(committee),
                      json={"status": "done", "evidence": "迁改方案已交居委会存档"}).json
    assert (done["status_label"], done["overdue"], done["done_on"]) == ("已完成", False, str(TODAY()))
    assert client.put(f"/api/v1/responsibility-tasks/{soon['id']}", headers=auth(owner),
                      json={"status": "done", "evidence": "x"}).status_code == 403


def test_the_street_sees_every_estates_overdue_tasks_longest_first(client, estate, committee):
    meeting = record(client, estate, committee)
    other_estate = make_estate(name="青年湖小区")
    other_committee = make_user(roles=[("committee", other_estate.id)])
    other = record(client, other_estate, other_committee)
    for meeting_id, user, days in [(meeting["id"], committee, 2), (other["id"], other_committee, 9)]:
        client.post(f"/api/v1/joint-meetings/{meeting_id}/tasks", headers=auth(user),
                    json={"task": "交验收资料", "org": "street", "deadline": str(TODAY() - timedelta(days=days))})
    client.post(f"/api/v1/joint-meetings/{meeting['id']}/tasks", headers=auth(committee),
                json={"task": "未到期", "org": "street", "deadline": str(TODAY() + timedelta(days=9))})
    staff = make_user(roles=[("staff", None)])
    rows = client.get("/api/v1/staff/overdue-tasks", headers=auth(staff)).json
    assert [(r["estate_name"], r["overdue_days"]) for r in rows] == [("青年湖小区", 9), ("测试小区", 2)]
    assert client.get("/api/v1/staff/overdue-tasks", headers=auth(committee)).status_code == 403
    # a committee reaches only its own estate's meetings
    assert client.post(f"/api/v1/joint-meetings/{other['id']}/tasks", headers=auth(committee),
                       json={"task": "x", "org": "street", "deadline": str(TODAY())}).status_code == 404
    assert db.session.query(ResponsibilityTask).count() == 3
