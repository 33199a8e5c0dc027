"""共享: an estate's public page and open data, with no personal data."""
import csv
import io

from app.consultations.api import cast_ballot, close_consultation, publish_consultation
from app.extensions import db
from app.projects.api import file_complaint
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


def published_vote(estate, committee, owners, flats):
    vote = make_consultation(estate, "elevator_consent", actor=committee)
    for owner, flat in zip(owners, flats):
        cast_ballot(vote, owner, flat.id, {"install": "agree"})
    close_consultation(vote, committee.id)
    publish_consultation(vote, committee.id)
    return vote


def test_open_data_has_figures_and_no_personal_data(client):
    estate = make_estate(name="和平里小区")
    committee = make_user(roles=[("committee", estate.id)])
    flats = flats_of(estate.id)
    owners = [make_owner(flat, phone=f"1390000{i:04d}") for i, flat in enumerate(flats[:9])]
    for owner in owners:
        owner.name = "张建国"
    db.session.commit()
    project = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                          json={"title": "综合改造", "budget_cents": 500_000_00}).json
    client.put(f"/api/v1/projects/{project['id']}/funding", headers=auth(committee),
               json={"shares": {"central": 300_000_00, "residents": 50_000_00}})
    vote = published_vote(estate, committee, owners, flats)
    evaluation = make_consultation(estate, "evaluation", actor=committee)
    for owner, score in zip(owners[:4], (5, 4, 4, 3)):
        cast_ballot(evaluation, owner, None, {"overall": score, "quality": 4, "process": 3})
    close_consultation(evaluation, committee.id)
    publish_consultation(evaluation, committee.id)
    hidden = make_consultation(estate, "needs_survey", actor=committee)  # open: not public
    file_complaint(estate.id, owners[0].id, "噪音", "张建国家楼上太吵", False)
    client.post(f"/api/v1/estates/{estate.id}/fund-ledger", headers=auth(committee),
                json={"kind": "collected", "amount_cents": 1000, "memo": "归集"})

    response = client.get(f"/api/v1/estates/{estate.id}/open-data.json")
    assert response.status_code == 200
    data = response.json
    assert data["estate"]["flat_count"] == 12
    assert [c["id"] for c in data["consultations"]] == [vote.id, evaluation.id]
    assert hidden.id not in [c["id"] for c in data["consultations"]]
    assert data["consultations"][0]["decision"] == "passed"
    assert data["consultations"][0]["participation_owners"] == "9/12"
    assert data["satisfaction"]["overall_average"] == "4.00" and data["satisfaction"]["index"] == "75.0"
    assert data["complaints"]["by_status"] == {"已受理": 1}
    assert data["fund_cents"]["balance"] == 1000
    assert data["projects"][0]["funding"][0]["label"] == "中央补助"
    text = response.get_data(as_text=True)
    assert "张建国" not in text and "1390000" not in text and "太吵" not in text

    rows = list(csv.reader(io.StringIO(client.get(f"/api/v1/estates/{estate.id}/open-data.csv")
                                       .get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["section", "name", "value", "unit"]
    assert ["satisfaction", "index", "75.0", "0-100"] in rows
    assert not any("张建国" in cell or "1390000" in cell for row in rows for cell in row)

    page = client.get(f"/estates/{estate.id}/public")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "改造成果公开" in html and "<svg" in html and "满意度指数" in html
    assert "张建国" not in html


def test_unknown_estate_is_404_for_data_and_page(client):
    assert client.get("/api/v1/estates/999/open-data.json").status_code == 404
    page = client.get("/estates/999/public", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "没有找到" in page.get_data(as_text=True)
