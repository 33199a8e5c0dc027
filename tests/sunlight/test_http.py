"""The API: the 201 body, every 422, who may create and read, the chart and the statement."""
import io

import pytest
from PIL import Image

from app.sunlight.api import charts
from tests.factories import auth, make_estate, make_user
from tests.sunlight.helpers import Place


@pytest.fixture
def place(app):
    return Place()


def test_created_analysis_has_the_api_shape(client, place):
    response = place.create(client, case_id=place.case.id)
    assert response.status_code == 201, response.json
    body = response.json
    assert set(body) >= {"id", "day", "period", "exempt", "windows", "explanation", "chart_url"}
    assert (body["day"], body["period"], body["exempt"]) == ("dahan", "08:00-16:00", True)
    assert body["chart_url"] == f"/api/v1/sunlight-analyses/{body['id']}/chart.png"
    near, east = body["windows"]
    assert set(near) >= {"label", "flat_id", "before_minutes", "after_minutes", "loss_minutes",
                         "standard_minutes", "meets_before", "meets_after"}
    assert near["flat_id"] == place.flat_a.id and near["standard_minutes"] == 120
    assert near["loss_minutes"] == near["before_minutes"] - near["after_minutes"] > 0
    assert east["after_minutes"] < east["before_minutes"]  # the shaft's morning shadow
    assert "加装电梯" in body["explanation"] and "不是否决的依据" in body["explanation"]
    again = client.get(f"/api/v1/sunlight-analyses/{body['id']}", headers=auth(place.owner_b))
    assert again.status_code == 200 and again.json == body


def _many(n):
    return [{"name": f"楼{i}", "height_m": 10, "footprint": [[i * 30, 100], [i * 30 + 5, 100],
                                                              [i * 30 + 5, 105], [i * 30, 105]]}
            for i in range(n)]


def _windows(n):
    return [{"label": f"窗{i}", "x": i * 0.1, "y": -200, "z": 1, "facing_deg": 180} for i in range(n)]


BAD_INPUTS = [
    ({"latitude": 60}, ["latitude"]),
    ({"latitude": 1}, ["latitude"]),
    ({"longitude": 140}, ["longitude"]),
    ({"longitude": 70}, ["longitude"]),
    ({"day": "xiazhi"}, ["day"]),
    ({"step_minutes": 0}, ["step_minutes"]),
    ({"step_minutes": 11}, ["step_minutes"]),
    ({"min_stretch_minutes": -1}, ["min_stretch_minutes"]),
    ({"buildings": _many(51)}, ["buildings"]),
    ({"windows": _windows(501)}, ["windows"]),
    ({"windows": []}, ["windows"]),
    ({"proposed": []}, ["proposed"]),
    ({"buildings": [{"name": "坏", "height_m": 10, "footprint": [[0, 30], [10, 40], [10, 30], [0, 40]]}]},
     ["buildings", "0", "footprint"]),
    ({"buildings": [{"name": "楼", "height_m": 0, "footprint": [[0, 30], [10, 30], [10, 40]]}]},
     ["buildings", "0", "height_m"]),
    ({"buildings": [{"name": "楼", "height_m": 9, "footprint": [[0, 30], [10, 30]]}]},
     ["buildings", "0", "footprint"]),
    ({"proposed": [{"name": "亭", "kind": "other", "height_m": 10,
                    "footprint": [[-10, -5], [10, -5], [10, 5], [-10, 5]]}]}, ["windows", "0", "position"]),
    ({"windows": [{"label": "朝向", "x": 0, "y": -50, "z": 1, "facing_deg": 360}]},
     ["windows", "0", "facing_deg"]),
    ({"case_id": 99999}, ["case_id"]),
    ({"elevator_project_id": 99999}, ["elevator_project_id"]),
]


def test_bad_input_is_422_naming_the_field(client, place):
    """Every refusal in one test (one estate set up, not nineteen)."""
    for overrides, path in BAD_INPUTS:
        response = place.create(client, **overrides)
        assert response.status_code == 422, (path, response.json)
        node = response.json["error"]["fields"]
        for key in path:
            assert key in node, (path, response.json)
            node = node[key]
        assert isinstance(node, str) and node, path
    assert client.get(f"/api/v1/estates/{place.estate.id}/sunlight-analyses",
                      headers=auth(place.committee)).json == []  # nothing was stored


def test_a_flat_of_another_estate_is_refused(client, place):
    other = make_estate(name="别的小区")
    from tests.factories import flats_of

    body = place.body()
    body["windows"][0]["flat_id"] = flats_of(other.id)[0].id
    response = client.post(f"/api/v1/estates/{place.estate.id}/sunlight-analyses", json=body,
                           headers=auth(place.committee))
    assert response.status_code == 422
    assert "flat_id" in response.json["error"]["fields"]["windows"]["0"]


def test_who_may_create(client, place):
    assert place.create(client, who=place.designer).status_code == 201
    assert place.create(client, who=place.owner_a).status_code == 403
    assert place.create(client, who=place.outsider).status_code == 404
    assert place.create(client, who=make_user(roles=[("staff", None)])).status_code == 201


def test_who_may_read_an_elevator_analysis(client, place):
    project_id = place.elevator_project(client)
    body = place.body(elevator_project_id=project_id)
    body["windows"] = body["windows"][:1]  # only stairwell A's window
    analysis = client.post(f"/api/v1/estates/{place.estate.id}/sunlight-analyses", json=body,
                           headers=auth(place.committee)).json
    url = f"/api/v1/sunlight-analyses/{analysis['id']}"
    assert client.get(url, headers=auth(place.owner_a)).status_code == 200  # the stairwell
    assert client.get(url, headers=auth(place.owner_b)).status_code == 404  # not in scope
    assert client.get(url, headers=auth(place.outsider)).status_code == 404
    # a neighbour whose window is analysed reads it though another stairwell's project
    both = client.put(url, json=place.body(elevator_project_id=project_id), headers=auth(place.committee))
    assert both.status_code == 200 and len(both.json["windows"]) == 2
    assert client.get(url, headers=auth(place.owner_b)).status_code == 200
    assert client.put(url, json=place.body(), headers=auth(place.owner_a)).status_code == 403
    # tied to a case as well, it is read as the case is: by the estate's members
    body["case_id"] = place.case.id
    assert client.put(url, json=body, headers=auth(place.committee)).status_code == 200
    assert client.get(url, headers=auth(place.owner_b)).status_code == 200


def test_case_analysis_is_read_by_estate_members_only(client, place):
    analysis = place.create(client, case_id=place.case.id).json
    url = f"/api/v1/sunlight-analyses/{analysis['id']}"
    assert client.get(url, headers=auth(place.owner_a)).status_code == 200
    assert client.get(url, headers=auth(place.outsider)).status_code == 404
    assert client.get(url).status_code == 401
    listed = client.get(f"/api/v1/estates/{place.estate.id}/sunlight-analyses", headers=auth(place.owner_a))
    assert [a["id"] for a in listed.json] == [analysis["id"]]


def test_chart_is_a_png_of_sane_size(client, place):
    analysis = place.create(client).json
    response = client.get(analysis["chart_url"], headers=auth(place.owner_a))
    assert response.status_code == 200 and response.mimetype == "image/png"
    image = Image.open(io.BytesIO(response.data))
    assert image.format == "PNG" and image.width == 720 and 500 < image.height < 2000
    assert len(response.data) < 300_000
    one = Image.open(io.BytesIO(client.get(analysis["chart_url"] + "?window=1", headers=auth(place.owner_a)).data))
    assert one.size == charts.size_px(1) and one.width < image.width
    assert client.get(analysis["chart_url"], headers=auth(place.outsider)).status_code == 404
    assert client.get(analysis["chart_url"] + "?window=-1", headers=auth(place.owner_a)).status_code == 422


def test_statement_pdf_for_the_committee(client, place):
    body = place.body()
    body["windows"][0]["label"] = "<b>1单元&301</b>"
    analysis = client.post(f"/api/v1/estates/{place.estate.id}/sunlight-analyses", json=body,
                           headers=auth(place.committee)).json
    url = f"/api/v1/sunlight-analyses/{analysis['id']}/statement.pdf"
    response = client.get(url, headers=auth(place.committee))
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert client.get(url, headers=auth(place.owner_a)).status_code == 403
    assert client.get(url, headers=auth(place.outsider)).status_code == 404
