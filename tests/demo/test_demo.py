"""`flask demo load` builds the demo estate the README describes, with its accounts."""
import re
from pathlib import Path

from sqlalchemy import func, select

from app.auth.api import User
from app.estates.api import Building, Estate, Flat, FlatLink, LinkStatus, Owner
from app.extensions import db
from tests.factories import agree_through_api

README = Path(__file__).resolve().parents[2] / "README.md"

# phone -> (roles as (role, estate?)), flats as (building, stairwell, room, relation))
EXPECTED = {
    "13800000001": ([("staff", False)], []),
    "13800000002": ([("committee", True)], []),
    "13800000003": ([("moderator", True)], []),
    "13900000001": ([], [("1号楼", "1单元", "101", "owner")]),
    "13900000002": ([], [("1号楼", "1单元", "302", "owner")]),
    "13900000003": ([], [("1号楼", "1单元", "501", "owner")]),
    "13900000004": ([], [("1号楼", "1单元", "602", "tenant")]),
    "13900000005": ([], [("2号楼", "1单元", "201", "owner")]),
    "13900000006": ([], [("1号楼", "2单元", "401", "owner"), ("3号楼", "1单元", "202", "owner")]),
}


def readme_accounts() -> dict[str, str]:
    """The demo accounts table of the README: phone -> who."""
    section = README.read_text(encoding="utf-8").split("## Demo accounts", 1)[1].split("\n## ", 1)[0]
    accounts = {}
    for phones, who in re.findall(r"^\| ([\d, ]+) \| (.+?) \|$", section, re.M):
        for phone in phones.split(","):
            accounts[phone.strip()] = who
    return accounts


def load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return db.session.scalar(select(Estate).where(Estate.name == "和平里小区"))


def test_readme_lists_exactly_the_demo_accounts():
    accounts = readme_accounts()
    assert set(accounts) == set(EXPECTED)
    for phone, (roles, flats) in EXPECTED.items():
        for building, stairwell, room, relation in flats:
            assert building in accounts[phone] and room in accounts[phone]
        assert ("tenant" in accounts[phone]) == any(f[3] == "tenant" for f in flats)


def test_demo_estate_has_three_buildings_of_several_stairwells(runner):
    estate = load(runner)
    assert (estate.district, estate.street, estate.built_year) == ("东城区", "和平里街道", 1988)
    buildings = db.session.scalars(select(Building).where(Building.estate_id == estate.id).order_by(Building.id)).all()
    assert [b.name for b in buildings] == ["1号楼", "2号楼", "3号楼"]
    assert all(len(b.stairwells) >= 2 for b in buildings)
    flats = db.session.scalars(select(Flat).where(Flat.estate_id == estate.id)).all()
    assert {f.floor for f in flats} == set(range(1, 7))
    assert all(40 <= f.area_m2 <= 120 and f.area_m2.as_tuple().exponent == -2 for f in flats)
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", f.owner.name) for f in flats)


def test_demo_accounts_have_the_roles_and_flats_the_readme_says(runner):
    estate = load(runner)
    for phone, (roles, flats) in EXPECTED.items():
        user = db.session.scalar(select(User).where(User.phone == phone))
        assert user is not None, phone
        assert sorted((g.role.value, g.estate_id) for g in user.roles) == sorted(
            (role, estate.id if in_estate else None) for role, in_estate in roles)
        links = db.session.scalars(select(FlatLink).where(FlatLink.user_id == user.id)).all()
        assert sorted((l.flat.building.name, l.flat.stairwell.name, l.flat.room, l.relation.value)
                      for l in links) == sorted(flats)
        assert all(l.status == LinkStatus.verified for l in links)


def test_the_two_flat_owner_counts_as_one_owner(runner):
    estate = load(runner)
    user = db.session.scalar(select(User).where(User.phone == "13900000006"))
    flats = [l.flat for l in db.session.scalars(select(FlatLink).where(FlatLink.user_id == user.id))]
    assert len(flats) == 2 and flats[0].owner_id == flats[1].owner_id
    flat_count = db.session.scalar(select(func.count(Flat.id)).where(Flat.estate_id == estate.id))
    owner_count = db.session.scalar(select(func.count(func.distinct(Flat.owner_id)))
                                    .where(Flat.estate_id == estate.id))
    assert owner_count == flat_count - 1
    assert db.session.scalar(select(func.count(Owner.id)).where(Owner.estate_id == estate.id)) == owner_count


def test_loading_twice_changes_nothing(runner):
    estate = load(runner)
    counts = [db.session.scalar(select(func.count()).select_from(t)) for t in (Flat, FlatLink, User)]
    again = runner.invoke(args=["demo", "load"])
    assert again.exit_code == 0 and f"demo estate {estate.id}" in again.output
    assert [db.session.scalar(select(func.count()).select_from(t)) for t in (Flat, FlatLink, User)] == counts


def test_demo_residents_can_log_in_and_see_their_estate(runner, client):
    estate = load(runner)
    client.post("/api/v1/auth/sms-codes", json={"phone": "13900000006"})
    code = client.get("/api/v1/dev/sms-outbox?phone=13900000006").json[0]["code"]
    tokens = client.post("/api/v1/auth/tokens", json={"phone": "13900000006", "code": code}).json
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert len(client.get("/api/v1/me", headers=headers).json["flats"]) == 2
    agree_through_api(client, headers)  # a first login: the processing rules come first
    assert client.get(f"/api/v1/estates/{estate.id}", headers=headers).json["building_count"] == 3
