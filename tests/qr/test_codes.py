"""Stairwell and building codes over HTTP: images that decode to the link, rotation, permissions."""
import pytest
from sqlalchemy import select

from app.audit.api import AuditEntry
from app.extensions import db
from app.qr.api import services
from tests.factories import auth, make_estate, make_user
from tests.qr.helpers import BASE_URL, png_links, svg_links


def current_link(client, kind, place_id, user):
    response = client.get(f"/api/v1/{kind}s/{place_id}/qr", headers=auth(user))
    assert response.status_code == 200, response.json
    return response.json["url"]


DECODERS = {"png": ("image/png", png_links), "svg": ("image/svg+xml", svg_links)}


@pytest.mark.parametrize("image_format", ["png", "svg"])
@pytest.mark.parametrize("kind", ["stairwell", "building"])
def test_image_decodes_to_the_exact_link(client, kind, image_format, stairwell, building, committee):
    place_id = stairwell.id if kind == "stairwell" else building.id
    response = client.get(f"/api/v1/{kind}s/{place_id}/qr.{image_format}", headers=auth(committee))
    assert response.status_code == 200
    mimetype, decoded = DECODERS[image_format]
    assert response.mimetype == mimetype
    link = current_link(client, kind, place_id, committee)
    assert link.startswith(BASE_URL + "/q/")
    assert decoded(response.data) == [link]


def test_png_is_print_sized(client, stairwell, committee):
    from PIL import Image
    import io

    image = Image.open(io.BytesIO(client.get(
        f"/api/v1/stairwells/{stairwell.id}/qr.png", headers=auth(committee)).data))
    dpi = image.info["dpi"][0]
    # at the stated resolution the code is at least 8 cm wide
    assert image.width / dpi * 2.54 >= 8


def test_svg_states_its_print_size_in_millimetres(client, stairwell, committee):
    body = client.get(f"/api/v1/stairwells/{stairwell.id}/qr.svg", headers=auth(committee)).data
    width = float(body.decode().split('width="', 1)[1].split("mm", 1)[0])
    assert width >= 50


def test_rotation_retires_the_old_code_and_the_new_one_works(client, stairwell, committee):
    old = current_link(client, "stairwell", stairwell.id, committee)
    old_token = old.rsplit("/", 1)[1]
    assert client.get(f"/api/v1/qr/{old_token}").status_code == 200

    response = client.post(f"/api/v1/stairwells/{stairwell.id}/qr/rotate", headers=auth(committee))
    assert response.status_code == 200
    assert response.json["version"] == 2
    new = response.json["url"]
    assert new != old and current_link(client, "stairwell", stairwell.id, committee) == new
    png = client.get(f"/api/v1/stairwells/{stairwell.id}/qr.png", headers=auth(committee)).data
    assert png_links(png) == [new]

    retired = client.get(f"/api/v1/qr/{old_token}")
    assert retired.status_code == 404
    assert retired.json["error"]["code"] == "qr_retired"
    assert "停用" in retired.json["error"]["message"]
    page = client.get(f"/q/{old_token}")
    assert page.status_code == 404
    assert "这个二维码已经停用" in page.text and "居委会" in page.text
    assert client.get(f"/api/v1/qr/{new.rsplit('/', 1)[1]}").status_code == 200


def test_rotation_is_audited(client, stairwell, committee):
    client.post(f"/api/v1/stairwells/{stairwell.id}/qr/rotate", headers=auth(committee))
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "qr.rotated"))
    assert (entry.actor_id, entry.subject_type, entry.subject_id) == (committee.id, "stairwell", stairwell.id)
    assert entry.data == {"version": 2}


def test_rotating_a_building_leaves_its_stairwells_alone(client, stairwell, building, committee):
    stairwell_link = current_link(client, "stairwell", stairwell.id, committee)
    client.post(f"/api/v1/buildings/{building.id}/qr/rotate", headers=auth(committee))
    assert current_link(client, "building", building.id, committee).count("/q/") == 1
    assert client.get(f"/api/v1/qr/{stairwell_link.rsplit('/', 1)[1]}").status_code == 200


def test_each_rotation_bumps_the_version(app, stairwell, committee):
    place = services.get_place_or_404("stairwell", stairwell.id)
    assert services.current_version(place) == 1
    assert services.rotate(place, committee.id)["version"] == 2
    assert services.rotate(place, committee.id)["version"] == 3
    assert services.current_version(place) == 3


ROUTES = [
    ("get", "/api/v1/stairwells/{s}/qr.png"),
    ("get", "/api/v1/stairwells/{s}/qr.svg"),
    ("get", "/api/v1/stairwells/{s}/qr"),
    ("post", "/api/v1/stairwells/{s}/qr/rotate"),
    ("get", "/api/v1/buildings/{b}/qr.png"),
    ("get", "/api/v1/buildings/{b}/qr.svg"),
    ("post", "/api/v1/buildings/{b}/qr/rotate"),
    ("get", "/api/v1/estates/{e}/qr-posters.pdf"),
    ("get", "/api/v1/estates/{e}/qr-scans"),
]


@pytest.mark.parametrize("method,route", ROUTES)
def test_residents_may_not_download_or_rotate(client, method, route, estate, stairwell, building,
                                              resident):
    url = route.format(s=stairwell.id, b=building.id, e=estate.id)
    response = getattr(client, method)(url, headers=auth(resident))
    assert response.status_code == 403
    assert response.json["error"]["code"] == "forbidden"


@pytest.mark.parametrize("method,route", ROUTES)
def test_another_estates_committee_gets_404(client, method, route, estate, stairwell, building):
    other = make_estate(name="别的小区")
    outsider = make_user(roles=[("committee", other.id)])
    url = route.format(s=stairwell.id, b=building.id, e=estate.id)
    response = getattr(client, method)(url, headers=auth(outsider))
    assert response.status_code == 404


@pytest.mark.parametrize("method,route", ROUTES)
def test_anonymous_gets_401(client, method, route, estate, stairwell, building):
    url = route.format(s=stairwell.id, b=building.id, e=estate.id)
    assert getattr(client, method)(url).status_code == 401


def test_staff_may_download(client, stairwell):
    staff = make_user(roles=[("staff", None)])
    assert client.get(f"/api/v1/stairwells/{stairwell.id}/qr.png", headers=auth(staff)).status_code == 200


@pytest.mark.parametrize("route", ["/api/v1/stairwells/999999/qr.png", "/api/v1/buildings/999999/qr.svg",
                                   "/api/v1/estates/999999/qr-posters.pdf"])
def test_missing_places_are_404(client, route):
    staff = make_user(roles=[("staff", None)])
    assert client.get(route, headers=auth(staff)).status_code == 404
