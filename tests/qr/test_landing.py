"""The page and JSON a scan opens: names, what is open, how to log in and claim; nothing personal."""
import re
from urllib.parse import quote

import pytest
from itsdangerous import URLSafeSerializer

from datetime import datetime, timedelta

from app.consultations.api import close_consultation
from app.db import utcnow
from app.estates.api import Building, Owner
from app.extensions import db
from app.qr.api import services, tokens
from tests.factories import auth, flats_of, make_consultation, make_estate, make_user, sign_in_cookie
from tests.qr.helpers import BASE_URL


def token_of(kind, place_id):
    place = services.get_place_or_404(kind, place_id)
    return services.link_for(place).removeprefix(BASE_URL + "/q/")


def test_json_names_the_place_and_its_open_consultations(client, estate, stairwell, building):
    response = client.get(f"/api/v1/qr/{token_of('stairwell', stairwell.id)}")
    assert response.status_code == 200
    assert response.json == {
        "place_type": "stairwell",
        "estate": {"id": estate.id, "name": "和平里小区"},
        "building": {"id": building.id, "name": "3号楼"},
        "stairwell": {"id": stairwell.id, "name": "1单元"},
        "open_consultations": [],
    }


def test_json_for_a_building_code(client, estate, building):
    body = client.get(f"/api/v1/qr/{token_of('building', building.id)}").json
    assert body["place_type"] == "building"
    assert body["building"] == {"id": building.id, "name": "3号楼"} and body["stairwell"] is None


def test_page_shows_names_steps_and_links(client, estate, stairwell):
    page = client.get(f"/q/{token_of('stairwell', stairwell.id)}")
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    assert 'lang="zh-CN"' in page.text
    for text in ("和平里小区", "3号楼 1单元", "用手机号登录", "认领您家的房子",
                 "目前没有正在进行的征询", "不能代替投票"):
        assert text in page.text
    claim = f"/claim?stairwell={stairwell.id}"
    assert f'href="{claim}"' in page.text
    assert f'href="/login?next={quote(claim, safe="")}"' in page.text
    assert page.headers["Cache-Control"] == "no-store"


def test_building_page_links_to_claim_in_each_of_its_stairwells(client, building):
    token = token_of("building", building.id)
    page = client.get(f"/q/{token}")
    assert page.status_code == 200
    assert [s.name for s in building.stairwells] == ["1单元", "2单元"]
    for stairwell in building.stairwells:
        assert f'href="/claim?stairwell={stairwell.id}"' in page.text
        assert f"{stairwell.name}：认领我家的房子" in page.text
    assert f'href="/login?next={quote("/q/" + token, safe="")}"' in page.text


def test_page_loads_nothing_from_elsewhere(client, stairwell):
    page = client.get(f"/q/{token_of('stairwell', stairwell.id)}").text
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/") or a.startswith("data:") for a in assets)
    assert "<style" not in page  # the content security policy allows no inline style without a nonce


def test_page_has_the_elder_mode_switch(client, stairwell):
    token = token_of("stairwell", stairwell.id)
    assert 'id="elder-toggle"' in client.get(f"/q/{token}").text
    client.set_cookie("gz_elder", "1")
    assert '<html lang="zh-CN" class="elder">' in client.get(f"/q/{token}").text


def test_page_tells_a_logged_in_person_to_claim(client, stairwell, resident):
    sign_in_cookie(client, resident)
    page = client.get(f"/q/{token_of('stairwell', stairwell.id)}").text
    assert "您已登录" in page and "/login?" not in page


def test_nobody_personal_appears_even_to_a_logged_in_owner(client, estate, stairwell, resident):
    owners = db.session.scalars(db.select(Owner).where(Owner.estate_id == estate.id)).all()
    token = token_of("stairwell", stairwell.id)
    for headers in ({}, auth(resident)):
        body = client.get(f"/api/v1/qr/{token}", headers=headers).text
        page = client.get(f"/q/{token}").text
        for owner in owners:
            assert owner.name not in body and owner.name not in page
        assert resident.phone not in body and resident.phone not in page


def _titled(estate, title, closes_in_days, committee, **scope):
    return make_consultation(estate, "willingness_survey", actor=committee, title=title,
                             closes_in=timedelta(days=closes_in_days), **scope)


def test_open_consultations_are_those_of_the_estate_building_and_stairwell(
        client, estate, stairwell, building, committee):
    other_stairwell = next(s for s in building.stairwells if s.id != stairwell.id)
    other_building = db.session.scalar(db.select(Building).where(
        Building.estate_id == estate.id, Building.id != building.id))
    elsewhere = make_estate(name="别的小区")
    _titled(estate, "全小区改造意愿", 5, committee)
    whole_building = _titled(estate, "3号楼外墙", 3, committee,
                             scope_type="building", scope_id=building.id)
    _titled(estate, "1单元楼道灯", 9, committee,
                             scope_type="stairwell", scope_id=stairwell.id)
    _titled(estate, "2单元加装电梯", 2, committee,
                         scope_type="stairwell", scope_id=other_stairwell.id)
    _titled(estate, "5号楼屋面", 1, committee, scope_type="building", scope_id=other_building.id)
    _titled(elsewhere, "别的小区的征询", 1, make_user(roles=[("committee", elsewhere.id)]))
    household = flats_of(estate.id)[:2]
    _titled(estate, "301与401漏水纠纷", 1, committee, scope_type="flats",
            flat_ids=[f.id for f in household])  # one household's dispute: never on a poster
    make_consultation(estate, "willingness_survey", actor=committee, open_now=False,
                              title="还没开始")
    closed = _titled(estate, "已经结束", 4, committee)
    close_consultation(closed, committee.id)

    def titles(kind, place_id):
        body = client.get(f"/api/v1/qr/{token_of(kind, place_id)}").json
        return [c["title"] for c in body["open_consultations"]]

    # soonest closing first
    assert titles("stairwell", stairwell.id) == ["3号楼外墙", "全小区改造意愿", "1单元楼道灯"]
    assert titles("stairwell", other_stairwell.id) == ["2单元加装电梯", "3号楼外墙",
                                                       "全小区改造意愿"]
    # a building's code shows what is open in any of its stairwells
    assert titles("building", building.id) == ["2单元加装电梯", "3号楼外墙", "全小区改造意愿",
                                               "1单元楼道灯"]
    listed = client.get(f"/api/v1/qr/{token_of('stairwell', stairwell.id)}").json
    first = listed["open_consultations"][0]
    assert (first["id"], first["title"]) == (whole_building.id, "3号楼外墙")
    assert datetime.fromisoformat(first["closes_at"]) == whole_building.closes_at
    page = client.get(f"/q/{token_of('stairwell', stairwell.id)}").text
    assert "3号楼外墙" in page and "1单元楼道灯" in page
    assert f'href="/consultations/{whole_building.id}"' in page
    assert "目前没有正在进行的征询" not in page
    for hidden in ("2单元加装电梯", "5号楼屋面", "别的小区的征询", "漏水纠纷", "还没开始", "已经结束"):
        assert hidden not in page


def test_a_consultation_past_its_closing_time_is_no_longer_listed(
        client, estate, stairwell, committee):
    due = _titled(estate, "今天截止", 1, committee)
    due.closes_at = utcnow() - timedelta(minutes=1)  # due; the closing job has not run yet
    db.session.commit()
    body = client.get(f"/api/v1/qr/{token_of('stairwell', stairwell.id)}").json
    assert body["open_consultations"] == []


def forged_tokens(app, stairwell):
    good = token_of("stairwell", stairwell.id)
    secret = app.config["SECRET_KEY"]
    return {
        "garbage": "hello",
        "truncated": good[:-5],
        "cut_payload": good[5:],
        "tampered": good[:-1] + ("A" if good[-1] != "A" else "B"),
        "other_salt": URLSafeSerializer(secret, salt="other").dumps(["s", stairwell.id, 1]),
        "other_secret": URLSafeSerializer("x" * 40, salt=tokens.SALT).dumps(["s", stairwell.id, 1]),
        "missing_place": tokens.sign("stairwell", 999999, 1),
        "future_version": tokens.sign("stairwell", stairwell.id, 7),
        "wrong_kind": URLSafeSerializer(secret, salt=tokens.SALT).dumps(["e", stairwell.id, 1]),
        "non_ascii": "二维码.签名",
        "long": "A" * 5000,
    }


@pytest.mark.parametrize("case", ["garbage", "truncated", "cut_payload", "tampered", "other_salt",
                                  "other_secret", "missing_place", "future_version", "wrong_kind",
                                  "non_ascii", "long"])
def test_bad_tokens_get_a_chinese_page_or_404_json(app, client, stairwell, case):
    token = forged_tokens(app, stairwell)[case]
    page = client.get(f"/q/{quote(token)}")
    assert page.status_code == 404
    assert page.mimetype == "text/html"
    assert "二维码无法识别" in page.text and "居委会" in page.text
    response = client.get(f"/api/v1/qr/{quote(token)}")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "qr_invalid"
    assert "二维码" in response.json["error"]["message"]


def test_page_keeps_its_token_out_of_referrers(client, stairwell):
    page = client.get(f"/q/{token_of('stairwell', stairwell.id)}")
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert "Content-Security-Policy" in page.headers
