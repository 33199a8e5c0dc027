"""A project's evaluation asks about the work the project did: its 最满意的内容 question offers
the project's own items, not the whole catalogue; with one item there is nothing to choose."""
from datetime import timedelta

from app.consultations.api import Consultation
from app.db import utcnow
from app.extensions import db
from app.projects.api import Phase, RenovationProject
from tests.factories import auth, make_estate, make_user

ROOF = {"code": "basic.roof_repair", "label": "屋面维修", "category": "basic"}
WATER = {"code": "basic.water_supply", "label": "供水", "category": "basic"}
ROADS = {"code": "basic.roads", "label": "道路", "category": "basic"}


def evaluation_questions(client, items: list[dict]) -> list[dict]:
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    project = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                          json={"title": "屋面改造", "budget_cents": 100}).json
    assert client.put(f"/api/v1/projects/{project['id']}/items", headers=auth(committee),
                      json={"items": items}).status_code == 200
    db.session.get(RenovationProject, project["id"]).phase = Phase.co_evaluate
    db.session.commit()
    created = client.post(f"/api/v1/projects/{project['id']}/evaluations", headers=auth(committee),
                          json={"closes_at": (utcnow() + timedelta(days=7)).isoformat()})
    assert created.status_code == 201, created.json
    return db.session.get(Consultation, created.json["consultation_id"]).questions


def test_a_roof_only_project_asks_about_the_roof_and_nothing_else(client):
    questions = evaluation_questions(client, [ROOF])
    keys = [q["key"] for q in questions]
    assert keys == ["overall", "quality", "process", "suggestions", "item:basic.roof_repair"]
    options = sum(len(q["options"]) + len(q["items"]) for q in questions)
    assert options < 41  # the catalogue's 41 kinds of work are not offered


def test_the_favourite_items_are_the_projects_own(client):
    questions = evaluation_questions(client, [ROOF, WATER, ROADS])
    best = next(q for q in questions if q["type"] == "multiple")
    # in the catalogue's order, labelled as the catalogue labels them
    assert [o["key"] for o in best["options"]] == ["basic.water_supply", "basic.roads", "basic.roof_repair"]
    assert best["max_choices"] == 3
