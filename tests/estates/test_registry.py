"""The registry over HTTP: estates, buildings, stairwell flats, members, claims, flat codes, /me."""
import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.audit.api import AuditEntry
from app.estates.api import FlatCode, FlatLink, LinkStatus, Stairwell
from app.db import utcnow
from app.extensions import db
from tests.factories import agree_through_api, auth, flats_of, link, make_estate, make_user

ESTATE = {"name": "和平里小区", "district": "东城区", "street": "和平里街道", "built_year": 1988}


@pytest.fixture
def estate(app):
    return make_estate(name="和平里小区", buildings=(("1号楼", 2), ("2号楼", 1)), floors=3)


@pytest.fixture
def committee(estate):
    return make_user(roles=[("committee", estate.id)])


@pytest.fixture
def other_estate(app):
    return make_estate(name="月坛小区", buildings=(("9号楼", 1),), floors=2)


def stairwell(estate, building="1号楼", name="1单元"):
    return db.session.scalar(select(Stairwell).where(
        Stairwell.estate_id == estate.id, Stairwell.name == name,
        Stairwell.building.has(name=building)))


# --- estates -------------------------------------------------------------------------------

def test_staff_registers_an_estate(client):
    staff = make_user(roles=[("staff", None)])
    response = client.post("/api/v1/estates", json=ESTATE, headers=auth(staff))
    assert response.status_code == 201
    assert response.json == {**ESTATE, "id": response.json["id"], "building_count": 0,
                             "stairwell_count": 0, "flat_count": 0}
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "estate.created"))
    assert entry.actor_id == staff.id and entry.estate_id == response.json["id"]


def test_only_staff_registers_estates(client, estate, committee):
    assert client.post("/api/v1/estates", json=ESTATE, headers=auth(committee)).status_code == 403
    assert client.post("/api/v1/estates", json=ESTATE).status_code == 401


@pytest.mark.parametrize("change,field", [
    ({"built_year": 1800}, "built_year"), ({"name": ""}, "name"), ({"built_year": "老"}, "built_year"),
    ({"district": None}, "district"), ({"extra": 1}, "extra")])
def test_estate_fields_are_checked(client, change, field):
    staff = make_user(roles=[("staff", None)])
    response = client.post("/api/v1/estates", json={**ESTATE, **change}, headers=auth(staff))
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]


def test_estate_with_counts_for_members_and_staff_only(client, estate, committee, other_estate):
    expected = {"id": estate.id, "name": "和平里小区", "district": "东城区", "street": "和平里街道",
                "built_year": 1990, "building_count": 2, "stairwell_count": 3, "flat_count": 18}
    resident = make_user()
    link(resident, flats_of(estate.id)[0], "tenant")
    for user in (committee, resident, make_user(roles=[("staff", None)])):
        response = client.get(f"/api/v1/estates/{estate.id}", headers=auth(user))
        assert response.status_code == 200 and response.json == expected
    outsiders = [make_user(), make_user(roles=[("committee", other_estate.id)])]
    pending = make_user()
    link(pending, flats_of(estate.id)[1], "owner", status="pending")
    for user in outsiders + [pending]:
        response = client.get(f"/api/v1/estates/{estate.id}", headers=auth(user))
        assert response.status_code == 404
    staff = make_user(roles=[("staff", None)])
    assert client.get("/api/v1/estates/9999", headers=auth(staff)).status_code == 404


def test_buildings_with_stairwells_and_flat_counts(client, estate, committee):
    response = client.get(f"/api/v1/estates/{estate.id}/buildings", headers=auth(committee))
    assert response.status_code == 200
    shape = [(b["name"], [(s["name"], s["flat_count"]) for s in b["stairwells"]])
             for b in response.json]
    assert shape == [("1号楼", [("1单元", 6), ("2单元", 6)]), ("2号楼", [("1单元", 6)])]
    outsider = make_user()
    assert client.get(f"/api/v1/estates/{estate.id}/buildings", headers=auth(outsider)).status_code == 404


# --- stairwell flats -----------------------------------------------------------------------

def test_stairwell_flats_for_the_committee_with_owners_masked(client, estate, committee):
    place = stairwell(estate)
    flats = [f for f in flats_of(estate.id) if f.stairwell_id == place.id]
    flats[0].owner.name, flats[0].owner.phone = "欧阳娜娜", "13912345678"
    db.session.commit()
    link(make_user(), flats[0], "owner")
    link(make_user(), flats[1], "tenant")
    link(make_user(), flats[2], "owner", status="pending")
    response = client.get(f"/api/v1/stairwells/{place.id}/flats", headers=auth(committee))
    assert response.status_code == 200
    first = response.json[0]
    assert first == {"id": flats[0].id, "room": "101", "floor": 1, "area_m2": "60.00",
                     "owner_name_masked": "欧***", "owner_phone_masked": "139****5678",
                     "verified_owner": True}
    assert [f["verified_owner"] for f in response.json] == [True, False, False, False, False, False]
    assert [f["room"] for f in response.json] == ["101", "102", "201", "202", "301", "302"]
    assert "13912345678" not in response.get_data(as_text=True)
    assert "欧阳娜娜" not in response.get_data(as_text=True)


def test_stairwell_flats_are_for_the_committee_only(client, estate, other_estate):
    place = stairwell(estate)
    resident = make_user()
    link(resident, flats_of(estate.id)[0])
    moderator = make_user(roles=[("moderator", estate.id)])
    assert client.get(f"/api/v1/stairwells/{place.id}/flats", headers=auth(resident)).status_code == 403
    assert client.get(f"/api/v1/stairwells/{place.id}/flats", headers=auth(moderator)).status_code == 403
    other_committee = make_user(roles=[("committee", other_estate.id)])
    assert client.get(f"/api/v1/stairwells/{place.id}/flats",
                      headers=auth(other_committee)).status_code == 404
    assert client.get("/api/v1/stairwells/99999/flats", headers=auth(other_committee)).status_code == 404


# --- members -------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["committee", "moderator"])
def test_committee_adds_members_who_then_act(client, estate, committee, role):
    response = client.post(f"/api/v1/estates/{estate.id}/members", headers=auth(committee),
                           json={"phone": "139 0000 7777", "role": role})
    assert response.status_code == 201
    assert response.json["role"] == role and response.json["estate_id"] == estate.id
    code_sent = client.post("/api/v1/auth/sms-codes", json={"phone": "13900007777"})
    assert code_sent.status_code == 202
    code = client.get("/api/v1/dev/sms-outbox?phone=13900007777").json[0]["code"]
    login = client.post("/api/v1/auth/tokens", json={"phone": "13900007777", "code": code}).json
    assert login["user"]["roles"] == [{"role": role, "estate_id": estate.id}]
    headers = {"Authorization": f"Bearer {login['access_token']}"}
    agree_through_api(client, headers)  # a first login: the processing rules come first
    flats_answer = client.get(f"/api/v1/stairwells/{stairwell(estate).id}/flats", headers=headers)
    assert flats_answer.status_code == (200 if role == "committee" else 403)


def test_staff_adds_members_and_residents_cannot(client, estate):
    staff = make_user(roles=[("staff", None)])
    assert client.post(f"/api/v1/estates/{estate.id}/members", headers=auth(staff),
                       json={"phone": "13900007778", "role": "committee"}).status_code == 201
    resident = make_user()
    link(resident, flats_of(estate.id)[0])
    assert client.post(f"/api/v1/estates/{estate.id}/members", headers=auth(resident),
                       json={"phone": "13900007779", "role": "committee"}).status_code == 403


@pytest.mark.parametrize("body,field", [({"phone": "13900007777", "role": "staff"}, "role"),
                                        ({"phone": "12345678901", "role": "committee"}, "phone"),
                                        ({"role": "committee"}, "phone")])
def test_member_input_is_checked(client, estate, committee, body, field):
    response = client.post(f"/api/v1/estates/{estate.id}/members", headers=auth(committee), json=body)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]


# --- claims --------------------------------------------------------------------------------

def claim(client, user, flat_id, relation="owner"):
    return client.post("/api/v1/flats/claims", headers=auth(user),
                       json={"flat_id": flat_id, "relation": relation})


def test_claim_then_approve_makes_a_verified_member(client, estate, committee):
    flat = flats_of(estate.id)[3]
    resident = make_user()
    response = claim(client, resident, flat.id, "tenant")
    assert response.status_code == 201
    assert (response.json["status"], response.json["relation"], response.json["via"]) == \
        ("pending", "tenant", "claim")
    assert (response.json["building"], response.json["stairwell"], response.json["room"]) == \
        ("1号楼", "1单元", flat.room)
    assert client.get(f"/api/v1/estates/{estate.id}", headers=auth(resident)).status_code == 404
    listed = client.get(f"/api/v1/estates/{estate.id}/claims", headers=auth(committee)).json
    assert [c["id"] for c in listed] == [response.json["id"]]
    approved = client.post(f"/api/v1/claims/{response.json['id']}/approve", headers=auth(committee),
                           json={})
    assert approved.status_code == 200 and approved.json["status"] == "verified"
    assert client.get(f"/api/v1/estates/{estate.id}", headers=auth(resident)).status_code == 200
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "claim.approved"))
    assert entry.actor_id == committee.id and entry.data["user_id"] == resident.id
    again = client.post(f"/api/v1/claims/{response.json['id']}/reject", headers=auth(committee),
                        json={"reason": "晚了"})
    assert again.status_code == 409 and again.json["error"]["message"] == "这条申请已经处理过了"


def test_duplicate_claim_is_refused_but_a_rejected_one_may_be_made_again(client, estate, committee):
    flat = flats_of(estate.id)[0]
    resident = make_user()
    first = claim(client, resident, flat.id)
    duplicate = claim(client, resident, flat.id, "family")
    assert duplicate.status_code == 409
    assert duplicate.json["error"]["message"] == "您已经申请过这一户，请等待审核"
    rejected = client.post(f"/api/v1/claims/{first.json['id']}/reject", headers=auth(committee),
                           json={"reason": "房产证上的名字对不上"})
    assert rejected.status_code == 200
    assert rejected.json["status"] == "rejected" and rejected.json["reason"] == "房产证上的名字对不上"
    me = client.get("/api/v1/me", headers=auth(resident)).json
    assert me["flats"][0]["verified"] is False and me["flats"][0]["reason"] == "房产证上的名字对不上"
    assert claim(client, resident, flat.id).status_code == 201


def test_reject_needs_a_reason(client, estate, committee):
    made = claim(client, make_user(), flats_of(estate.id)[0].id).json
    for body in ({}, {"reason": ""}):
        response = client.post(f"/api/v1/claims/{made['id']}/reject", headers=auth(committee), json=body)
        assert response.status_code == 422 and "reason" in response.json["error"]["fields"]
    assert db.session.get(FlatLink, made["id"]).status == LinkStatus.pending


def test_only_the_committee_of_that_estate_decides(client, estate, committee, other_estate):
    made = claim(client, make_user(), flats_of(estate.id)[0].id).json
    neighbour = make_user()
    link(neighbour, flats_of(estate.id)[1])
    moderator = make_user(roles=[("moderator", estate.id)])
    other_committee = make_user(roles=[("committee", other_estate.id)])
    for user, status in ((neighbour, 403), (moderator, 403), (other_committee, 404)):
        for action, body in (("approve", {}), ("reject", {"reason": "不行"})):
            response = client.post(f"/api/v1/claims/{made['id']}/{action}", headers=auth(user), json=body)
            assert response.status_code == status
        listed = client.get(f"/api/v1/estates/{estate.id}/claims", headers=auth(user))
        assert listed.status_code == status
    assert client.post("/api/v1/claims/99999/approve", headers=auth(committee), json={}).status_code == 404
    assert db.session.get(FlatLink, made["id"]).status == LinkStatus.pending


def test_claim_checks_its_input(client, estate):
    user = make_user()
    assert claim(client, user, 99999).status_code == 404
    bad_relation = claim(client, user, flats_of(estate.id)[0].id, "landlord")
    assert bad_relation.status_code == 422 and "relation" in bad_relation.json["error"]["fields"]
    assert claim(client, user, "1").status_code == 422
    assert client.post("/api/v1/flats/claims", json={"flat_id": 1, "relation": "owner"}).status_code == 401


# --- flat codes ----------------------------------------------------------------------------

def issue_codes(client, estate, user, **body):
    response = client.post(f"/api/v1/estates/{estate.id}/flat-codes", headers=auth(user), json=body)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response


def read_codes(response) -> list[dict]:
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def redeem(client, user, code):
    return client.post("/api/v1/flats/claims/by-code", headers=auth(user), json={"code": code})


def test_flat_codes_csv_for_every_flat(client, estate, committee):
    response = issue_codes(client, estate, committee)
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_codes(response)
    assert list(rows[0]) == ["flat_id", "building", "stairwell", "room", "code"]
    flats = {f.id: f for f in flats_of(estate.id)}
    assert sorted(int(r["flat_id"]) for r in rows) == sorted(flats)
    for row in rows:
        flat = flats[int(row["flat_id"])]
        assert (row["building"], row["stairwell"], row["room"]) == \
            (flat.building.name, flat.stairwell.name, flat.room)
    assert len({r["code"] for r in rows}) == len(rows)
    # without a body at all: every flat too
    no_body = client.post(f"/api/v1/estates/{estate.id}/flat-codes", headers=auth(committee))
    assert no_body.status_code == 201 and len(read_codes(no_body)) == len(flats)
    # codes are kept only as hashes
    stored = " ".join(c.code_hash for c in db.session.scalars(select(FlatCode)))
    assert not any(r["code"].replace(" ", "") in stored for r in rows)


def test_flat_codes_survive_excel_as_text(client, estate, committee):
    """Digits only would lose leading zeros in Excel; grouped with spaces they stay text."""
    for row in read_codes(issue_codes(client, estate, committee)):
        groups = row["code"].split(" ")
        assert [len(g) for g in groups] == [4, 4, 4] and all(g.isdigit() for g in groups)


def test_a_flat_code_verifies_the_owner_once(client, estate, committee):
    flat = flats_of(estate.id)[4]
    [row] = read_codes(issue_codes(client, estate, committee, flat_ids=[flat.id]))
    owner = make_user()
    typed = row["code"].replace(" ", "")  # what a person types on a phone keypad
    response = redeem(client, owner, typed)
    assert response.status_code == 201
    assert (response.json["flat_id"], response.json["status"], response.json["relation"],
            response.json["via"]) == (flat.id, "verified", "owner", "code")
    me = client.get("/api/v1/me", headers=auth(owner)).json
    assert me["flats"] == [{**me["flats"][0], "flat_id": flat.id, "relation": "owner", "verified": True}]
    again = redeem(client, make_user(), row["code"])
    assert again.status_code == 422
    assert again.json["error"]["message"] == "户码不对或已经用过，请向居委会确认"
    assert again.json["error"]["fields"] == {"code": "户码不对或已经用过，请向居委会确认"}


def test_reissuing_invalidates_the_older_codes(client, estate, committee):
    flat = flats_of(estate.id)[0]
    [old] = read_codes(issue_codes(client, estate, committee, flat_ids=[flat.id]))
    [new] = read_codes(issue_codes(client, estate, committee, flat_ids=[flat.id]))
    assert old["code"] != new["code"]
    assert redeem(client, make_user(), old["code"]).status_code == 422
    assert redeem(client, make_user(), new["code"]).status_code == 201


def test_an_expired_code_says_so(client, estate, committee):
    [row] = read_codes(issue_codes(client, estate, committee, flat_ids=[flats_of(estate.id)[0].id]))
    db.session.execute(update(FlatCode).values(expires_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    response = redeem(client, make_user(), row["code"])
    assert response.status_code == 422
    assert response.json["error"]["code"] == "flat_code_expired"
    assert response.json["error"]["message"] == "户码已过期，请向居委会重新领取"


def test_redeeming_upgrades_a_pending_claim_on_that_flat(client, estate, committee):
    flat = flats_of(estate.id)[0]
    owner = make_user()
    pending = claim(client, owner, flat.id, "family").json
    [row] = read_codes(issue_codes(client, estate, committee, flat_ids=[flat.id]))
    response = redeem(client, owner, row["code"])
    assert response.json["id"] == pending["id"] and response.json["status"] == "verified"
    assert db.session.scalar(select(db.func.count(FlatLink.id))) == 1


def test_flat_codes_only_for_the_estates_own_flats_and_committee(client, estate, committee, other_estate):
    foreign = flats_of(other_estate.id)[0]
    rows = read_codes(issue_codes(client, estate, committee, flat_ids=[foreign.id, flats_of(estate.id)[0].id]))
    assert [int(r["flat_id"]) for r in rows] == [flats_of(estate.id)[0].id]
    resident = make_user()
    link(resident, flats_of(estate.id)[1])
    assert client.post(f"/api/v1/estates/{estate.id}/flat-codes", headers=auth(resident),
                       json={}).status_code == 403
    other_committee = make_user(roles=[("committee", other_estate.id)])
    assert client.post(f"/api/v1/estates/{estate.id}/flat-codes", headers=auth(other_committee),
                       json={}).status_code == 404
    empty = client.post(f"/api/v1/estates/{estate.id}/flat-codes", headers=auth(committee),
                        json={"flat_ids": []})
    assert empty.status_code == 422


# --- /me -----------------------------------------------------------------------------------

def test_me_lists_roles_and_flats(client, estate, committee, other_estate):
    user = make_user(name="周国华", roles=[("moderator", other_estate.id)])
    owned, rented = flats_of(estate.id)[0], flats_of(estate.id)[7]
    link(user, owned, "owner")
    link(user, rented, "tenant", status="pending")
    me = client.get("/api/v1/me", headers=auth(user))
    assert me.status_code == 200
    body = me.json
    assert body["id"] == user.id and body["name"] == "周国华"
    assert body["phone_masked"] == f"{user.phone[:3]}****{user.phone[-4:]}"
    assert body["roles"] == [{"role": "moderator", "estate_id": other_estate.id}]
    assert [(f["flat_id"], f["relation"], f["verified"]) for f in body["flats"]] == [
        (owned.id, "owner", True), (rented.id, "tenant", False)]
    assert body["flats"][0]["building"] == "1号楼" and body["flats"][0]["room"] == owned.room
    assert user.phone not in me.get_data(as_text=True)
