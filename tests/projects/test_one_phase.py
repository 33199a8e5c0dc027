"""Projects say one thing at a time (issue 30, item 6): every phase-bound action is refused
outside its phase (409 `wrong_phase`, the message naming the phase now), evaluations belong to
their own project, and the funding line says what is really missing."""
from datetime import timedelta

import pytest

from app.consultations.api import Consultation
from app.consultations.api import close_consultation, open_consultation
from app.db import utcnow
from app.errors import Conflict
from app.extensions import db
from app.projects.api import work
from app.projects.api import ItemStatus, Phase
from app.projects.api import ProjectSchema
from app.projects.api import create_project, set_funding, set_items
from tests.factories import auth

ROOF = {"code": "basic.roof_repair", "label": "屋面维修", "category": "basic"}


def project_in(estate, committee, phase: Phase, title="综合改造"):
    project = set_items(create_project(estate.id, title, 100_000_00, committee.id), [ROOF], committee.id)
    project.phase = phase  # the phases' own guards are tested in test_coplan_walk.py
    db.session.commit()
    return project


def test_an_item_is_not_worked_on_while_the_project_is_in_co_plan(app, estate, committee):
    project = project_in(estate, committee, Phase.co_plan)
    with pytest.raises(Conflict) as refused:
        work.update_item(project, project.items[0].id, ItemStatus.completed, 100, "完工", committee.id)
    assert refused.value.code == "wrong_phase"
    assert "共谋" in refused.value.message and "共建" in refused.value.message
    assert project.items[0].progress_percent == 0


def test_an_item_is_worked_on_in_co_build(app, estate, committee):
    project = project_in(estate, committee, Phase.co_build)
    item = work.update_item(project, project.items[0].id, ItemStatus.in_progress, 50, "过半", committee.id)
    assert item.progress_percent == 50


@pytest.mark.parametrize("phase", [Phase.co_plan, Phase.co_build, Phase.co_manage])
def test_no_evaluation_before_co_evaluate(client, estate, committee, phase):
    project = project_in(estate, committee, phase)
    refused = client.post(f"/api/v1/projects/{project.id}/evaluations", headers=auth(committee),
                          json={"closes_at": (utcnow() + timedelta(days=7)).isoformat()})
    assert refused.status_code == 409, refused.json
    assert refused.json["error"]["code"] == "wrong_phase"
    assert refused.json["error"]["message"].startswith("项目现在是")


def test_an_evaluation_belongs_to_its_own_project(client, estate, committee, owner):
    ours, theirs = (project_in(estate, committee, Phase.co_evaluate, title)
                    for title in ("1号楼屋面", "2号楼屋面"))
    closes = (utcnow() + timedelta(days=7)).isoformat()
    ids = [client.post(f"/api/v1/projects/{p.id}/evaluations", headers=auth(committee),
                       json={"closes_at": closes}).json["consultation_id"] for p in (ours, theirs)]
    assert db.session.get(type(ours), ours.id).evaluation_id == ids[0]
    for consultation_id in ids:
        evaluation = db.session.get(Consultation, consultation_id)
        open_consultation(evaluation, committee.id)
        close_consultation(evaluation, committee.id)
    url = f"/api/v1/projects/{ours.id}/evaluations/{ids[1]}"
    summary = client.get(url + "/summary", headers=auth(owner))
    assert summary.status_code == 404 and summary.json["error"]["message"] == "这不是本项目的效果评价"
    assert client.post(url + "/follow-ups", headers=auth(committee)).status_code == 404
    assert client.get(f"/api/v1/projects/{ours.id}/evaluations/{ids[0]}/summary",
                      headers=auth(owner)).status_code == 200
    again = client.post(f"/api/v1/projects/{ours.id}/evaluations", headers=auth(committee),
                        json={"closes_at": closes})
    assert again.status_code == 409 and again.json["error"]["code"] == "evaluation_exists"


def test_unfunded_says_what_is_missing_only_once_funding_is_recorded(app, estate, committee):
    project = project_in(estate, committee, Phase.co_plan)
    shown = ProjectSchema().dump(project)
    assert shown["unfunded_cents"] is None  # nothing recorded: not "还缺" the whole budget
    set_funding(project, {"central": 60_000_00, "residents": 10_000_00}, None, committee.id)
    assert ProjectSchema().dump(project)["unfunded_cents"] == 30_000_00
