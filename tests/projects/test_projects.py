"""Renovation projects over HTTP: phases, funding, items, progress with photos, supervision."""
import io

import pytest
from PIL import Image

from tests.factories import auth, flats_of, make_estate, make_owner, make_user
from tests.projects.helpers import create_project, photo_bytes


def test_project_moves_one_phase_at_a_time_and_only_through_its_guards(client, estate, committee, owner):
    """The whole walk through the five phases is tests/projects/test_coplan_walk.py."""
    project = create_project(client, estate, committee)
    assert project["phase"] == "co_plan" and project["phase_label"] == "共谋"
    skip = client.post(f"/api/v1/projects/{project['id']}/advance", headers=auth(committee),
                       json={"to": "co_manage"})
    assert skip.status_code == 409
    assert "共建" in skip.json["error"]["message"]
    guarded = client.post(f"/api/v1/projects/{project['id']}/advance", headers=auth(committee),
                          json={"to": "co_build"})
    assert guarded.status_code == 409 and guarded.json["error"]["code"] == "guard_failed"
    timeline = client.get(f"/api/v1/projects/{project['id']}", headers=auth(owner)).json["timeline"]
    assert [entry["label"] for entry in timeline] == ["共谋"]


def test_residents_cannot_advance_and_outsiders_cannot_see(client, estate, committee, owner):
    project = create_project(client, estate, committee)
    assert client.post(f"/api/v1/projects/{project['id']}/advance", headers=auth(owner),
                       json={"to": "co_build"}).status_code == 403
    other = make_estate(name="别的小区")
    outsider = make_owner(flats_of(other.id)[0])
    assert client.get(f"/api/v1/projects/{project['id']}", headers=auth(outsider)).status_code == 404


def test_funding_by_source_may_not_exceed_budget(client, estate, committee):
    project = create_project(client, estate, committee)
    url = f"/api/v1/projects/{project['id']}/funding"
    ok = client.put(url, headers=auth(committee), json={"shares": {
        "central": 400_000_00, "local": 300_000_00, "residents": 100_000_00, "utilities": 50_000_00}})
    assert ok.status_code == 200
    assert ok.json["unfunded_cents"] == 150_000_00
    assert {s["label"] for s in ok.json["funding"]} == {"中央补助", "地方政府", "居民出资", "专业经营单位"}
    over = client.put(url, headers=auth(committee), json={"shares": {"central": 2_000_000_00}})
    assert over.status_code == 422
    assert "超过了预算" in over.json["error"]["message"]
    unchanged = client.get(f"/api/v1/projects/{project['id']}", headers=auth(committee)).json
    assert unchanged["unfunded_cents"] == 150_000_00
    bad = client.put(url, headers=auth(committee), json={"shares": {"lottery": 1}})
    assert bad.status_code == 422


def test_progress_post_with_photos_reencodes_them(client, estate, committee, owner):
    project = create_project(client, estate, committee)
    response = client.post(
        f"/api/v1/projects/{project['id']}/progress", headers=auth(committee),
        data={"body": "今天开始更换雨水管", "author_role": "contractor",
              "photos": [(io.BytesIO(photo_bytes("PNG")), "a.png"),
                         (io.BytesIO(photo_bytes("JPEG")), "b.jpg")]},
        content_type="multipart/form-data")
    assert response.status_code == 201, response.json
    photos = response.json["photos"]
    assert len(photos) == 2
    image = client.get(photos[0]["url"], headers=auth(owner))
    assert image.status_code == 200 and image.mimetype == "image/jpeg"
    assert Image.open(io.BytesIO(image.data)).format == "JPEG"
    listed = client.get(f"/api/v1/projects/{project['id']}/progress", headers=auth(owner)).json
    assert listed[0]["body"] == "今天开始更换雨水管"


@pytest.mark.parametrize("name, data, status", [
    ("script.jpg", b"<script>alert(1)</script>", 422),
    ("notes.png", b"just some text, not a picture", 422),
    ("huge.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024 + 10), 413),
])
def test_bad_uploads_are_refused_and_nothing_is_written(client, estate, committee, name, data, status):
    project = create_project(client, estate, committee)
    response = client.post(
        f"/api/v1/projects/{project['id']}/progress", headers=auth(committee),
        data={"body": "进度", "photos": [(io.BytesIO(photo_bytes()), "ok.png"), (io.BytesIO(data), name)]},
        content_type="multipart/form-data")
    assert response.status_code == status
    assert response.json["error"]["message"]
    assert client.get(f"/api/v1/projects/{project['id']}/progress", headers=auth(committee)).json == []


def test_residents_cannot_post_progress_but_designers_can(client, estate, committee, owner):
    project = create_project(client, estate, committee)
    url = f"/api/v1/projects/{project['id']}/progress"
    form = {"body": "设计方案已上墙"}
    assert client.post(url, headers=auth(owner), data=form,
                       content_type="multipart/form-data").status_code == 403
    designer = make_user(roles=[("designer", estate.id)])
    assert client.post(url, headers=auth(designer), data={**form, "author_role": "designer"},
                       content_type="multipart/form-data").status_code == 201


def test_supervision_reports_by_residents(client, estate, committee, owner):
    project = create_project(client, estate, committee)
    url = f"/api/v1/projects/{project['id']}/supervision-reports"
    assert client.post(url, headers=auth(owner), json={"body": "脚手架没有防护网"}).status_code == 201
    assert client.post(url, headers=auth(owner), json={"body": ""}).status_code == 422
    assert client.get(url, headers=auth(committee)).json[0]["body"] == "脚手架没有防护网"
