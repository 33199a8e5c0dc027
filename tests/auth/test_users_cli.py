"""`flask users grant PHONE ROLE [--estate ID]`: how operators bootstrap the first accounts."""
from sqlalchemy import select

from app.auth.api import RoleGrant, User
from app.extensions import db
from tests.factories import auth, make_estate


def grants_of(phone):
    user = db.session.scalar(select(User).where(User.phone == phone))
    return sorted((g.role.value, g.estate_id) for g in user.roles) if user else None


def test_grant_staff_creates_the_account_and_it_can_register_estates(runner, client):
    result = runner.invoke(args=["users", "grant", "13800000001", "staff"])
    assert result.exit_code == 0, result.output
    assert "is now staff" in result.output
    assert grants_of("13800000001") == [("staff", None)]
    user = db.session.scalar(select(User).where(User.phone == "13800000001"))
    estate = {"name": "和平里小区", "district": "东城区", "street": "和平里街道", "built_year": 1988}
    # staff too agree to the processing rules at first use, then work
    refused = client.post("/api/v1/estates", headers=auth(user), json=estate)
    assert refused.status_code == 403 and refused.json["error"]["code"] == "consent_required"
    asked = refused.json["error"]
    assert client.post(asked["accept_url"], headers=auth(user), json={
        "kind": "rules", "version": asked["version"]}).status_code == 201
    response = client.post("/api/v1/estates", headers=auth(user), json=estate)
    assert response.status_code == 201


def test_grant_committee_needs_an_estate_that_exists(runner):
    estate = make_estate()
    missing = runner.invoke(args=["users", "grant", "13800000002", "committee"])
    assert missing.exit_code == 1
    assert "小区角色需要指定小区" in missing.output
    unknown = runner.invoke(args=["users", "grant", "13800000002", "committee", "--estate", "999"])
    assert unknown.exit_code == 1
    assert "没有找到这个小区" in unknown.output
    assert grants_of("13800000002") is None  # nothing written, not even the account
    ok = runner.invoke(args=["users", "grant", "13800000002", "committee", "--estate", str(estate.id)])
    assert ok.exit_code == 0, ok.output
    assert grants_of("13800000002") == [("committee", estate.id)]


def test_granting_twice_keeps_one_grant_and_phone_is_normalized(runner):
    estate = make_estate()
    for phone in ("138 0000 0003", "+8613800000003"):
        result = runner.invoke(args=["users", "grant", phone, "moderator", "--estate", str(estate.id)])
        assert result.exit_code == 0, result.output
    assert grants_of("13800000003") == [("moderator", estate.id)]
    assert db.session.scalar(select(db.func.count(RoleGrant.id))) == 1


def test_staff_role_ignores_an_estate(runner):
    estate = make_estate()
    result = runner.invoke(args=["users", "grant", "13800000004", "admin", "--estate", str(estate.id)])
    assert result.exit_code == 0, result.output
    assert grants_of("13800000004") == [("admin", None)]


def test_bad_phone_and_unknown_role_are_refused(runner):
    bad_phone = runner.invoke(args=["users", "grant", "12345", "staff"])
    assert bad_phone.exit_code == 1 and "11 位手机号" in bad_phone.output
    bad_role = runner.invoke(args=["users", "grant", "13800000005", "king"])
    assert bad_role.exit_code == 2
    assert db.session.scalar(select(db.func.count(User.id))) == 0
