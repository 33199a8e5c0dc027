"""Issue 19 (b) through the API: an estate from a content vote with a budget cap to the
project's items, progress, joint acceptance, evaluation and sharing, with the preliminary
result's objections (询异) before the final 公示, and a refusal at every guard."""
from datetime import date, timedelta

import pytest

from app.consultations.api import Consultation
from app.db import utcnow
from app.extensions import db
from app.projects.api import register_guard, unregister_guard
from app.projects.api import Phase
from tests.factories import auth, flats_of, make_estate, make_owner, make_user
from tests.projects.helpers import ROOF, Walk, refused, within_means_to_sharing


@pytest.fixture
def walk(client):
    return Walk(client)


def test_content_vote_within_means_to_shared_project(walk):
    within_means_to_sharing(walk)


def test_a_project_without_a_content_vote_cannot_start_building(walk):
    w = walk
    project = w.call("post", f"/estates/{w.estate.id}/projects",
                     json={"title": "单项改造", "budget_cents": 100}).json
    shown = w.call("get", f"/projects/{project['id']}").json
    assert shown["next_phase_missing"] == ["需要一次通过的改造内容表决（请从通过的表决创建项目）",
                                           "改造方案公示期满后才能进入共建：小区还没有改造方案"]
    refused(w.advance(project["id"], "co_build"), "还不能进入共建", "改造内容表决")
    refused(w.advance(project["id"], "co_manage"), "只能进入下一个阶段")


def test_a_vote_without_an_objection_period_refuses_objections_and_publishes_at_once(walk):
    w = walk
    vote = w.call("post", f"/estates/{w.estate.id}/consultations", json={
        "template": "content_vote", "closes_at": (utcnow() + timedelta(days=7)).isoformat()}).json["id"]
    assert w.call("post", f"/consultations/{vote}/open").status_code == 200
    w.call("put", f"/consultations/{vote}/ballots/mine", w.owners[0], json={"answers": {"items": {ROOF: "agree"}}})
    assert w.call("post", f"/consultations/{vote}/close").status_code == 200
    refused(w.call("post", f"/consultations/{vote}/objections", w.owners[0],
                   json={"flat_id": w.flats[0].id, "reason": "记录有误"}), "没有询异公示期")
    assert w.call("post", f"/consultations/{vote}/publish").status_code == 200
    results = w.call("get", f"/consultations/{vote}/results", w.owners[0]).json
    assert results["decision"] == "failed"  # one owner of twelve took part
    refused(w.call("post", f"/consultations/{vote}/project", json={"title": "x"}), "没有通过")


def test_a_manual_project_keeps_an_item_that_has_a_timeline(walk):
    w = walk
    project = w.call("post", f"/estates/{w.estate.id}/projects", json={"title": "单项改造"}).json
    items = w.call("put", f"/projects/{project['id']}/items", json={"items": [
        {"code": ROOF, "label": "屋面维修", "category": "basic"}]}).json["items"]
    from app.projects.api import RenovationProject
    db.session.get(RenovationProject, project["id"]).phase = Phase.co_build  # work is done in 共建
    db.session.commit()
    assert w.call("post", f"/projects/{project['id']}/items/{items[0]['id']}/updates",
                  json={"status": "in_progress", "progress_percent": 20}).status_code == 201
    refused(w.call("put", f"/projects/{project['id']}/items", json={"items": []}), "屋面维修")
