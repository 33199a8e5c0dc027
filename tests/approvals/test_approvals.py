"""Approvals (审批) of a renovation project: the city's list, each status's rules, who may
read and record, the street's list of projects waiting, and "only one row per kind"."""
import io
from datetime import timedelta

import pytest
from PIL import Image

from app.approvals.api import services
from app.approvals.api import ProjectApproval
from app.display import china_today
from app.extensions import db
from app.projects.api import create_project
from tests.factories import auth, make_estate, make_user
from tests.helpers import together


@pytest.fixture
def project(estate, committee):
    return create_project(estate.id, "和平里综合改造", 1_000_000_00, committee.id)


def put(client, user, project, kind, **body):
    return client.put(f"/api/v1/projects/{project.id}/approvals/{kind}", headers=auth(user), json=body)


def test_a_new_project_needs_the_citys_approvals_none_handed_in(client, project, owner):
    rows = client.get(f"/api/v1/projects/{project.id}/approvals", headers=auth(owner)).json
    assert [(r["kind"], r["label"], r["status_label"]) for r in rows] == [
        ("project_approval", "立项", "未申报"), ("land_use", "用地", "未申报"),
        ("planning", "规划许可", "未申报"), ("construction_permit", "施工许可", "未申报")]
    assert all(r["waiting"]["since"] == "project" and r["waiting"]["days"] == 0 for r in rows)


def test_a_city_with_a_merged_review_needs_only_what_it_lists(app, client, project, owner):
    app.config["APPROVALS_REQUIRED"] = "joint_review,construction_permit"
    rows = client.get(f"/api/v1/projects/{project.id}/approvals", headers=auth(owner)).json
    assert [r["label"] for r in rows] == ["联合审查", "施工许可"]


def test_a_wrong_city_setting_stops_the_start_naming_it():
    with pytest.raises(ValueError, match="APPROVALS_REQUIRED.*permit_x"):
        services.check_required_setting("planning,permit_x")


def test_each_status_asks_for_what_it_means(client, project, committee):
    today = china_today()
    cases = [
        ({"status": "submitted"}, "submitted_on", "请填写申报日期"),
        ({"status": "approved", "submitted_on": str(today)}, "decided_on", "请填写批复日期"),
        ({"status": "approved", "submitted_on": str(today), "decided_on": str(today)}, "document_no",
         "请填写批复文号"),
        ({"status": "not_needed"}, "note", "请写明原因"),
        ({"status": "submitted", "submitted_on": str(today + timedelta(days=1))}, "submitted_on",
         "日期不能晚于今天"),
        ({"status": "returned", "submitted_on": str(today), "decided_on": str(today - timedelta(days=3))},
         "decided_on", "批复日期不能早于申报日期"),
        ({"status": "granted"}, "status", None),
    ]
    for body, field, message in cases:
        response = put(client, committee, project, "planning", **body)
        assert response.status_code == 422, body
        assert field in response.json["error"]["fields"], body
        if message:
            assert response.json["error"]["fields"][field] == message
    assert db.session.query(ProjectApproval).count() == 0  # nothing written by a refusal


def test_handed_in_then_approved_with_its_number_and_the_wait_counted(client, project, committee):
    handed_in = china_today() - timedelta(days=12)
    first = put(client, committee, project, "planning", status="submitted", department="区规划分局",
                submitted_on=str(handed_in))
    assert first.status_code == 200, first.json
    assert first.json["status_label"] == "已申报，等待审批"
    assert first.json["waiting"] == {"days": 12, "since": "submitted", "text": "已等 12 天"}
    done = put(client, committee, project, "planning", status="approved", department="区规划分局",
               submitted_on=str(handed_in), decided_on=str(china_today()), document_no="京规建字〔2026〕18号")
    assert done.json["waiting"] is None and done.json["document_no"] == "京规建字〔2026〕18号"
    assert db.session.query(ProjectApproval).count() == 1
    from app.audit.api import AuditEntry
    actions = [e.data for e in db.session.query(AuditEntry).filter_by(action="project.approval_set")]
    assert [a["status"] for a in actions] == ["submitted", "approved"]


def test_going_back_to_not_started_clears_the_dates(client, project, committee):
    put(client, committee, project, "land_use", status="submitted", submitted_on=str(china_today()))
    row = put(client, committee, project, "land_use", status="not_started",
              submitted_on=str(china_today())).json
    assert row["submitted_on"] is None and row["status"] == "not_started"


def test_residents_read_it_without_the_committees_note_and_cannot_change_it(client, project, committee, owner):
    put(client, committee, project, "land_use", status="not_needed", note="原址改造，不新增用地")
    seen = {r["kind"]: r for r in client.get(f"/api/v1/projects/{project.id}/approvals",
                                             headers=auth(owner)).json}
    assert seen["land_use"]["status_label"] == "无需办理" and seen["land_use"]["note"] == ""
    committee_sees = {r["kind"]: r for r in client.get(f"/api/v1/projects/{project.id}/approvals",
                                                       headers=auth(committee)).json}
    assert committee_sees["land_use"]["note"] == "原址改造，不新增用地"
    assert put(client, owner, project, "land_use", status="not_started").status_code == 403
    outsider = make_user()
    assert client.get(f"/api/v1/projects/{project.id}/approvals", headers=auth(outsider)).status_code == 404
    assert put(client, committee, project, "mayor_signature", status="not_started").status_code == 404


def test_the_document_photo_needs_the_approval_first_then_is_kept(client, project, committee):
    photo = io.BytesIO()
    Image.new("RGB", (60, 80), (250, 250, 250)).save(photo, "PNG")
    url = f"/api/v1/projects/{project.id}/approvals/planning/document"
    early = client.post(url, headers=auth(committee), data={"photo": (io.BytesIO(photo.getvalue()), "p.png")})
    assert early.status_code == 422 and early.json["error"]["fields"]["photo"] == "请先填写这项审批的进度，再上传批文照片"
    put(client, committee, project, "planning", status="submitted", submitted_on=str(china_today()))
    kept = client.post(url, headers=auth(committee), data={"photo": (io.BytesIO(photo.getvalue()), "p.png")})
    assert kept.status_code == 200, kept.json
    assert client.get(kept.json["document_url"], headers=auth(committee)).status_code == 200


def test_the_street_sees_who_waits_on_what_longest_first(client, project, committee):
    other_estate = make_estate(name="青年湖小区")
    other = create_project(other_estate.id, "青年湖加装", 500_000_00, committee.id)
    put(client, committee, project, "planning", status="submitted", submitted_on=str(china_today() - timedelta(days=40)))
    services.set_approval(other, "construction_permit", {"status": "submitted", "submitted_on": china_today() - timedelta(days=5)},
                          committee.id)
    staff = make_user(roles=[("staff", None)])
    rows = client.get("/api/v1/staff/approvals", headers=auth(staff)).json
    assert (rows[0]["estate_name"], rows[0]["label"], rows[0]["waiting"]["days"]) == ("测试小区", "规划许可", 40)
    assert {(r["project_title"], r["label"]) for r in rows} >= {("青年湖加装", "施工许可"), ("和平里综合改造", "立项")}
    assert client.get("/api/v1/staff/approvals", headers=auth(committee)).status_code == 403


def test_two_first_writes_at_once_leave_one_row(app, project, committee):
    """Real threads released together; on PostgreSQL they race to insert, and the unique
    constraint turns the losers into updates of the winner's row."""
    project_id = project.id

    def write(n):
        found = db.session.get(type(project), project_id)
        services.set_approval(found, "planning", {"status": "submitted", "department": f"部门{n}",
                                                  "submitted_on": china_today()}, committee.id)

    assert together(app, 4, write) == ["ok"] * 4
    assert db.session.query(ProjectApproval).filter_by(project_id=project_id).count() == 1


def test_the_streets_list_costs_the_same_few_statements_however_many_projects(app, project, committee):
    from tests.statements import brief, statements

    def count():
        with statements() as seen:
            services.waiting_projects()
        return seen

    few = count()
    for n in range(4):
        estate = make_estate(name=f"多项目小区{n}")
        other = create_project(estate.id, f"改造{n}", 100_000_00, committee.id)
        services.set_approval(other, "planning", {"status": "submitted", "submitted_on": china_today()},
                              committee.id)
    many = count()
    assert len(many) == len(few) <= 2, brief(many)
