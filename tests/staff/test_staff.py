"""The street office's view: ranking by the policy's criteria, phases, flags."""
from datetime import timedelta
from fractions import Fraction

from app.consultations.api import cast_ballot, close_consultation
from app.db import utcnow
from app.elevators.api import ElevatorProject
from app.extensions import db
from app.projects.api import Complaint
from app.projects.api import file_complaint
from tests.elevators.helpers import Stairwell6
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user
from tests.staff.helpers import willingness_survey


def test_ranking_follows_build_year_willingness_and_participation(client):
    old_keen = make_estate(name="老而积极", built_year=1985)   # 12 flats
    old_silent = make_estate(name="老而无声", built_year=1995)
    newer_keen = make_estate(name="较新积极", built_year=2005)
    willingness_survey(old_keen, agree=9, oppose=1)     # 30 + 40·9/10 + 30·10/12 = 91
    willingness_survey(newer_keen, agree=12, oppose=0)  # 0 + 40 + 30 = 70
    staff = make_user(roles=[("staff", None)])
    ranking = client.get("/api/v1/staff/ranking", headers=auth(staff)).json
    assert [row["estate"]["name"] for row in ranking] == ["老而积极", "较新积极", "老而无声"]
    assert [row["rank"] for row in ranking] == [1, 2, 3]
    top = ranking[0]
    assert Fraction(top["score_fraction"]) == 91 and top["score"] == "91.00"
    factors = {f["key"]: f for f in top["factors"]}
    assert factors["age"]["points_fraction"] == "30"
    assert factors["willingness"]["points_fraction"] == "36"
    assert "9/10 户同意" in factors["willingness"]["text"]
    assert factors["participation"]["points_fraction"] == "25"
    assert "10/12 户" in factors["participation"]["text"]
    assert "2000 年底前" in top["explanation"]
    silent = ranking[2]
    assert silent["score"] == "30.00" and "还没有完成意愿征询" in silent["explanation"]
    assert old_silent.id == silent["estate"]["id"]


def test_ties_go_to_the_older_estate(client):
    younger = make_estate(name="乙", built_year=1990)
    older = make_estate(name="甲", built_year=1980)
    staff = make_user(roles=[("staff", None)])
    ranking = client.get("/api/v1/staff/ranking", headers=auth(staff)).json
    assert [row["estate"]["id"] for row in ranking] == [older.id, younger.id]


def test_overview_by_phase_flags_overdue_complaints(client):
    estate, other = make_estate(name="甲"), make_estate(name="乙")
    committee = make_user(roles=[("committee", estate.id)])
    client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee), json={"title": "改造"})
    resident = make_owner(flats_of(estate.id)[0])
    complaint = file_complaint(estate.id, resident.id, "噪音", "太吵", False)
    db.session.get(Complaint, complaint.id).due_at = utcnow() - timedelta(days=1)
    db.session.commit()
    staff = make_user(roles=[("staff", None)])
    rows = client.get("/api/v1/staff/estates", headers=auth(staff)).json
    by_name = {row["estate"]["name"]: row for row in rows}
    assert by_name["甲"]["phase_label"] == "共谋" and by_name["乙"]["phase_label"] == "未立项"
    assert by_name["甲"]["flags"] == ["1 件投诉超期未答复"]
    only_plan = client.get("/api/v1/staff/estates?phase=co_plan", headers=auth(staff)).json
    assert [row["estate"]["name"] for row in only_plan] == ["甲"]
    assert other.id == by_name["乙"]["estate"]["id"]


def test_staff_view_is_for_staff_only(client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    assert client.get("/api/v1/staff/ranking", headers=auth(committee)).status_code == 403
    assert client.get("/api/v1/staff/estates").status_code == 401
    staff = make_user(roles=[("staff", None)])
    assert client.get("/api/v1/staff/estates?phase=done", headers=auth(staff)).status_code == 422


def test_overview_flags_an_elevator_plan_left_in_publicity_too_long(client):
    place = Stairwell6()
    project = place.create(client).json
    for flat in place.flats[:10]:
        place.vote(client, project["consultation_id"], flat, "agree")
    assert client.post(f"/api/v1/consultations/{project['consultation_id']}/close",
                       headers=place.committee_auth()).status_code == 200
    advanced = client.post(f"/api/v1/elevator-projects/{project['id']}/advance",
                           json={"to": "publicity"}, headers=place.committee_auth())
    assert advanced.status_code == 200, advanced.json
    staff = make_user(roles=[("staff", None)])

    def flags():
        rows = client.get("/api/v1/staff/estates", headers=auth(staff)).json
        return next(row["flags"] for row in rows if row["estate"]["id"] == place.estate.id)

    def publicity_began(days_ago):
        saved = db.session.get(ElevatorProject, project["id"])
        saved.publicity_started_at = utcnow() - timedelta(days=days_ago, hours=1)
        db.session.commit()

    assert flags() == []
    publicity_began(20)  # 10 days of publicity + 10 days' grace: not yet long
    assert flags() == []
    publicity_began(21)
    assert flags() == ["1号楼1单元 加装电梯公示已 21 天，超过规定的 10 天"]
    end = client.post(f"/api/v1/elevator-projects/{project['id']}/advance",
                      json={"to": "signing"}, headers=place.committee_auth())
    assert end.status_code == 200, end.json
    assert flags() == []
