"""PIPL: export one's data, delete one's account, no ID number ever stored in clear."""
import io
from pathlib import Path

from sqlalchemy import select, text

from app.audit.api import AuditEntry
from app.audit.api import verify_all
from app.auth.api import RoleGrant, SmsCode, User
from app.estates.api import FlatLink, LinkStatus
from app.extensions import db
from app.notifications.api import notify
from tests.factories import auth, flats_of, link, make_estate, make_owner, make_user

PHONE = "13912345678"


def login(client, phone=PHONE) -> dict:
    client.post("/api/v1/auth/sms-codes", json={"phone": phone})
    code = client.get(f"/api/v1/dev/sms-outbox?phone={phone}").json[0]["code"]
    return client.post("/api/v1/auth/tokens", json={"phone": phone, "code": code}).json


def test_export_holds_my_account_flats_roles_notifications_and_acts(app, client):
    estate, other_estate = make_estate(name="甲小区"), make_estate(name="乙小区")
    me = make_user(phone=PHONE, name="王芳", roles=[("moderator", estate.id)])
    flat = flats_of(estate.id)[0]
    link(me, flat, "owner")
    neighbour = make_owner(flats_of(other_estate.id)[0])
    notify(me.id, estate_id=estate.id, kind="test", title="通知", body="请投票")
    notify(neighbour.id, estate_id=other_estate.id, kind="test", title="别人的", body="别人的通知")
    db.session.commit()
    response = client.get("/api/v1/me/export", headers=auth(me))
    assert response.status_code == 200
    body = response.json
    assert body["account"] == {"id": me.id, "phone": PHONE, "name": "王芳", "wechat_openid": None,
                               "wechat_mini_openid": None, "wechat_unionid": None,
                               "created_at": me.created_at.isoformat()}
    records = body["records"]
    assert [(r["flat_id"], r["relation"], r["status"]) for r in records["flat_links"]] == [
        (flat.id, "owner", "verified")]
    assert [(r["role"], r["estate_id"]) for r in records["role_grants"]] == [("moderator", estate.id)]
    assert [r["body"] for r in records["notifications"]] == ["请投票"]
    assert all(row[column] == me.id for rows in records.values() for row in rows
               for column in row if column in ("user_id",))
    assert "别人的通知" not in response.get_data(as_text=True)
    assert "sms_codes" not in records


def test_export_needs_a_login(client):
    response = client.get("/api/v1/me/export")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def test_delete_account_removes_identity_and_revokes_everything(app, client):
    estate = make_estate()
    tokens = login(client)
    me = db.session.get(User, tokens["user"]["id"])
    me.name, me.wechat_openid, me.wechat_mini_openid, me.wechat_unionid = (
        "王芳", "openid-123", "mini-openid-123", "unionid-123")
    flat, second = flats_of(estate.id)[:2]
    link(me, flat, "owner")
    link(me, second, "tenant", status="pending")
    db.session.add(RoleGrant(user_id=me.id, role="moderator", estate_id=estate.id))
    db.session.commit()
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}

    response = client.delete("/api/v1/me", headers=bearer)
    assert response.status_code == 204

    db.session.expire_all()
    me = db.session.get(User, tokens["user"]["id"])
    assert (me.phone, me.name, me.wechat_openid, me.wechat_mini_openid, me.wechat_unionid) == (
        None, None, None, None, None)
    assert me.deleted_at is not None
    assert {l.status for l in db.session.scalars(select(FlatLink).where(FlatLink.user_id == me.id))} \
        == {LinkStatus.revoked}
    assert db.session.scalars(select(RoleGrant).where(RoleGrant.user_id == me.id)).all() == []
    assert db.session.scalars(select(SmsCode).where(SmsCode.phone == PHONE)).all() == []
    assert client.get("/api/v1/me", headers=bearer).status_code == 401
    refreshed = client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 401
    assert client.get("/api/v1/dev/sms-outbox", query_string={"phone": PHONE}).json == []

    actions = [e.action for e in db.session.scalars(
        select(AuditEntry).where(AuditEntry.actor_id == me.id).order_by(AuditEntry.id))]
    assert actions == ["flat_link.revoked", "flat_link.revoked", "account.deleted"]
    assert all(report.broken_at is None for report in verify_all())

    # the same phone may sign up again, as a new person with nothing of the old one
    again = login(client)
    assert again["user"]["id"] != me.id and again["user"]["flats"] == []


def test_deleted_account_no_longer_counts_as_a_member(app, client):
    estate = make_estate()
    me = make_owner(flats_of(estate.id)[0])
    headers = auth(me)
    assert client.get(f"/api/v1/estates/{estate.id}", headers=headers).status_code == 200
    assert client.delete("/api/v1/me", headers=headers).status_code == 204
    from app.auth.api import is_member

    assert not is_member(db.session.get(User, me.id), estate.id)


def test_web_session_delete_needs_csrf_and_logs_out(app, client):
    client.post("/api/v1/auth/sms-codes", json={"phone": PHONE})
    code = client.get(f"/api/v1/dev/sms-outbox?phone={PHONE}").json[0]["code"]
    csrf = client.post("/api/v1/auth/session", json={"phone": PHONE, "code": code}).json["csrf_token"]
    refused = client.delete("/api/v1/me")
    assert refused.status_code == 403 and refused.json["error"]["code"] == "csrf_failed"
    assert client.delete("/api/v1/me", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/v1/me").status_code == 401


ID_NUMBERS = ["110101195003071234", "11010119620815432X"]


def test_no_id_number_anywhere_in_the_database_after_a_ledger_import(app, client, backend):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    ledger = ("楼栋,单元,房号,楼层,建筑面积,业主姓名,联系电话,身份证号\n"
              f"8号楼,1单元,101,1,63.50,张伟,13800000001,{ID_NUMBERS[0]}\n"
              f"8号楼,1单元,102,1,70.25,李娜,13800000002,{ID_NUMBERS[1].lower()}\n")
    response = client.post(f"/api/v1/estates/{estate.id}/flats/import?id_number_consent=true",
                           headers=auth(committee),
                           data={"file": (io.BytesIO(ledger.encode()), "台账.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    db.session.commit()
    everything = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)).all():
            everything.extend(str(value) for value in row)
    dump = "\n".join(everything).upper()
    assert "张伟" in dump  # the scan does see ledger data
    for number in ID_NUMBERS:
        assert number not in dump and number[:17] not in dump
    if backend == "sqlite":
        db.session.execute(text("PRAGMA wal_checkpoint(FULL)"))
        path = Path(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
        raw = path.read_bytes()
        assert "张伟".encode() in raw
        for number in ID_NUMBERS:
            assert number[:17].encode() not in raw.upper()
