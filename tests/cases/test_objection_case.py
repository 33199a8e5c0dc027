"""询异: an objection's mediation case closed through the ordinary case route resolves the
objection with the case's outcome, so the vote's final 公示 is no longer held by it."""
from datetime import timedelta

from app.consultations.api import Consultation
from app.db import utcnow
from app.extensions import db
from tests.projects.helpers import ROOF, Walk, refused


def test_closing_an_objections_case_resolves_the_objection(client):
    w = Walk(client)
    vote = w.call("post", f"/estates/{w.estate.id}/consultations", json={
        "template": "content_vote", "rule": "civil_code_278_ordinary_objections",
        "closes_at": (utcnow() + timedelta(days=7)).isoformat()}).json["id"]
    assert w.call("post", f"/consultations/{vote}/open").status_code == 200
    for owner in w.owners[:2]:
        cast = w.call("put", f"/consultations/{vote}/ballots/mine", owner,
                      json={"answers": {"items": {ROOF: "agree"}}})
        assert cast.status_code == 200, cast.json
    assert w.call("post", f"/consultations/{vote}/close").status_code == 200
    objection = w.call("post", f"/consultations/{vote}/objections", w.owners[0],
                       json={"flat_id": w.flats[0].id, "reason": "我家投的是纸质票"}).json
    consultation = db.session.get(Consultation, vote)
    consultation.closed_at = utcnow() - timedelta(days=8)  # the objection period is over
    db.session.commit()
    refused(w.call("post", f"/consultations/{vote}/publish"), "1 件")

    outcome = "街道调解：核对纸质票原件，记录无误，业主认可"
    closed = w.call("post", f"/cases/{objection['case_id']}/close", json={"outcome": outcome})
    assert closed.status_code == 200, closed.json
    listed = w.call("get", f"/consultations/{vote}/objections").json["objections"]
    assert [(o["status"], o["resolution"]) for o in listed] == [("resolved", outcome)]
    refused(w.call("post", f"/result-objections/{objection['id']}/resolve",
                   json={"resolution": "再处理一次"}), "已经处理完")
    assert w.call("post", f"/consultations/{vote}/publish").status_code == 200


def test_closing_an_ordinary_case_touches_no_objection(client):
    w = Walk(client)
    case = w.call("post", f"/estates/{w.estate.id}/cases", w.owners[0], json={
        "title": "楼道堆物", "description": "三楼楼道堆满杂物", "affected_flat_ids": [w.flats[0].id]})
    assert case.status_code == 201, case.json
    closed = w.call("post", f"/cases/{case.json['id']}/close", json={"outcome": "已清理"})
    assert closed.status_code == 200 and closed.json["status"] == "closed"
