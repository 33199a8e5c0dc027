"""Meeting sign-ins on paper without a browser: the committee's console case page offers the
entry form; the sheet posted through the API (several flats and a photo, multipart) is the
meeting's attendance on both case pages, rooms masked on the residents' one. Both databases."""
import io

from PIL import Image

from app.cases.api import Meeting
from app.cases.api import services as cases
from app.db import utcnow
from app.extensions import db
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.web.helpers import web_login


def test_the_console_enters_a_sign_in_sheet_and_residents_see_the_attendance(app, client):
    estate = make_estate(buildings=(("1号楼", 2),), floors=2)
    flats = flats_of(estate.id)
    committee = make_user(phone="13911150001", roles=[("committee", estate.id)])
    owner = make_owner(flats[0], phone="13911150002")
    case = cases.create_case(estate.id, title="停车位纠纷", description="两户争一个车位",
                             affected_flat_ids=[flats[0].id, flats[1].id], actor_id=committee.id)
    meeting = Meeting(estate_id=estate.id, case_id=case.id, held_at=utcnow(), place="社区活动室",
                      agenda="车位怎么分", attendees=[], minutes=None)
    db.session.add(meeting)
    db.session.commit()
    meeting_id = meeting.id

    csrf = web_login(client, committee.phone)
    page = client.get(f"/console/cases/{case.id}").text
    assert f'data-api="/api/v1/case-meetings/{meeting_id}/sign-ins"' in page and "到会 0 户" in page
    photo = io.BytesIO()
    Image.new("RGB", (60, 40), (250, 250, 240)).save(photo, "JPEG")
    photo.seek(0)
    posted = client.post(f"/api/v1/case-meetings/{meeting_id}/sign-ins", headers={"X-CSRF-Token": csrf},
                         data={"flat_ids": [str(flats[0].id), str(flats[1].id)], "photo": (photo, "签到表.jpg")},
                         content_type="multipart/form-data")
    assert posted.status_code == 201, posted.json
    assert (posted.json["paper"], posted.json["online"], posted.json["total"]) == (2, 0, 2)
    page = client.get(f"/console/cases/{case.id}").text
    assert "到会 2 户（纸质签到 2 户" in page and "看签到表" in page
    missing = client.post(f"/api/v1/case-meetings/{meeting_id}/sign-ins", headers={"X-CSRF-Token": csrf},
                          data={"flat_ids": [str(flats[2].id)]}, content_type="multipart/form-data")
    assert missing.status_code == 422 and missing.json["error"]["fields"].get("photo")

    neighbour = app.test_client()  # the owner's own phone
    web_login(neighbour, owner.phone)
    resident = neighbour.get(f"/cases/{case.id}").text
    assert "到会 2 户（纸质签到 2 户，网上签到 0 户）" in resident
    assert "1号楼 1单元 1**" in resident and "1号楼 1单元 101" not in resident
