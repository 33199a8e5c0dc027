"""共评: rate each renovated item and the whole; low scores become follow-up items."""
from datetime import timedelta

from app.consultations.api import Consultation
from app.consultations.api import cast_ballot, close_consultation, open_consultation
from app.db import utcnow
from app.extensions import db
from app.projects.api import Phase, RenovationProject
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


def in_co_evaluate(project_id: int) -> None:
    """The project reached 共评 (its guards are walked in test_coplan_walk.py)."""
    db.session.get(RenovationProject, project_id).phase = Phase.co_evaluate
    db.session.commit()


def test_evaluation_rates_items_and_follows_up_low_scores(client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    residents = [make_owner(flat) for flat in flats_of(estate.id)[:4]]
    project = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                          json={"title": "综合改造", "budget_cents": 100}).json
    client.put(f"/api/v1/projects/{project['id']}/items", headers=auth(committee), json={"items": [
        {"code": "basic.roof_repair", "label": "屋面维修", "category": "basic"},
        {"code": "improvement.lighting", "label": "照明", "category": "improvement"}]})
    in_co_evaluate(project["id"])
    created = client.post(f"/api/v1/projects/{project['id']}/evaluations", headers=auth(committee),
                          json={"closes_at": (utcnow() + timedelta(days=7)).isoformat()})
    assert created.status_code == 201, created.json
    evaluation = db.session.get(Consultation, created.json["consultation_id"])
    keys = [q["key"] for q in evaluation.questions]
    assert "item:basic.roof_repair" in keys and "item:improvement.lighting" in keys
    open_consultation(evaluation, committee.id)
    scores = [(5, 4, 2), (4, 5, 1), (4, 4, 2), (3, 5, 3)]  # overall, roof, lighting
    for resident, (overall, roof, lighting) in zip(residents, scores):
        cast_ballot(evaluation, resident, None, {
            "overall": overall, "quality": 4, "process": 4,
            "item:basic.roof_repair": roof, "item:improvement.lighting": lighting})
    early = client.post(f"/api/v1/projects/{project['id']}/evaluations/{evaluation.id}/follow-ups",
                        headers=auth(committee))
    assert early.status_code == 409
    close_consultation(evaluation, committee.id)
    summary = client.get(f"/api/v1/projects/{project['id']}/evaluations/{evaluation.id}/summary",
                         headers=auth(residents[0])).json
    assert summary["overall_average"] == "4.00"
    assert summary["satisfaction_index"] == "75.0"
    averages = {q["key"]: q["average"] for q in summary["questions"]}
    assert averages["item:basic.roof_repair"] == "4.50" and averages["item:improvement.lighting"] == "2.00"
    follow_ups = client.post(f"/api/v1/projects/{project['id']}/evaluations/{evaluation.id}/follow-ups",
                             headers=auth(committee))
    assert follow_ups.status_code == 201
    assert [f["question_key"] for f in follow_ups.json] == ["item:improvement.lighting"]
    assert "照明" in follow_ups.json[0]["title"] and "2.00" in follow_ups.json[0]["title"]
    again = client.post(f"/api/v1/projects/{project['id']}/evaluations/{evaluation.id}/follow-ups",
                        headers=auth(committee))
    assert len(again.json) == 1
    assert client.get(f"/api/v1/projects/{project['id']}/follow-ups",
                      headers=auth(residents[1])).json[0]["status"] == "open"


def test_only_the_committee_starts_evaluations_and_bad_input_is_refused(client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    resident = make_owner(flats_of(estate.id)[0])
    project = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                          json={"title": "综合改造"}).json
    in_co_evaluate(project["id"])
    url = f"/api/v1/projects/{project['id']}/evaluations"
    closes = (utcnow() + timedelta(days=7)).isoformat()
    assert client.post(url, headers=auth(resident), json={"closes_at": closes}).status_code == 403
    assert client.post(url, headers=auth(committee), json={"closes_at": "明天"}).status_code == 422
    past = (utcnow() - timedelta(days=1)).isoformat()
    assert client.post(url, headers=auth(committee), json={"closes_at": past}).status_code == 422


def test_another_vote_of_the_estate_is_not_this_projects_evaluation(client, estate, committee):
    project = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                          json={"title": "改造", "budget_cents": 100_00}).json
    vote = make_consultation(estate, "elevator_consent", actor=committee)
    url = f"/api/v1/projects/{project['id']}/evaluations/{vote.id}"
    summary = client.get(url + "/summary", headers=auth(committee))
    assert summary.status_code == 404
    assert summary.json["error"]["message"] == "这不是本项目的效果评价"
    assert client.post(url + "/follow-ups", headers=auth(committee)).status_code == 404
