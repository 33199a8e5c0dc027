"""Notices reach their scope only: a building's residents, an estate's members, a 片区's
estates; each reader counts once."""

import pytest

from app.comanage.api import areas, notices
from app.errors import InvalidInput, NotFound
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.helpers import together


def test_a_building_notice_reaches_that_building_and_a_neighbourhood_notice_every_estate(app):
    estate = make_estate("两栋", buildings=(("1号楼", 1), ("2号楼", 1)))
    neighbour = make_estate("邻居")
    flats = flats_of(estate.id)
    first = make_owner(flats[0])
    second = make_owner(next(f for f in flats if f.building_id != flats[0].building_id))
    committee = make_user(roles=[("committee", estate.id)])
    staff = make_user(roles=[("staff", None)])
    next_door = make_owner(flats_of(neighbour.id)[0])
    building = notices.post_notice(committee, scope_type="building", scope_id=flats[0].building_id,
                                   estate_id=estate.id, title="1号楼停电", body="周三停电")
    area = areas.create("片区", [estate.id, neighbour.id], staff.id)
    wide = notices.post_notice(staff, scope_type="neighbourhood", scope_id=area.id, estate_id=None,
                               title="片区活动", body="周末义诊")
    assert [n["title"] for n in notices.my_notices(first)] == ["片区活动", "1号楼停电"]
    assert [n["title"] for n in notices.my_notices(second)] == ["片区活动"]
    assert [n["title"] for n in notices.my_notices(next_door)] == ["片区活动"]
    with pytest.raises(NotFound):
        notices.get_readable(building.id, second)
    assert notices.can_read(committee, building)  # the committee sees every notice of its estate
    assert notices.audience(building) == 1 and notices.audience(wide) == 3
    with pytest.raises(InvalidInput):  # a building of another estate
        notices.post_notice(committee, scope_type="building",
                            scope_id=flats_of(neighbour.id)[0].building_id, estate_id=estate.id,
                            title="越界", body="不行")


def test_a_notice_read_at_once_twice_counts_once(app, estate, owner, committee):
    notice = notices.post_notice(committee, scope_type="estate", scope_id=estate.id,
                                 estate_id=estate.id, title="通知", body="内容")
    notice_id, owner_id = notice.id, owner.id

    def read(_):
        from app.auth.api import User
        from app.comanage.api import Notice
        from app.extensions import db

        notices.mark_read(db.session.get(Notice, notice_id), db.session.get(User, owner_id))

    assert together(app, 4, read) == ["ok"] * 4
    assert notices.read_count(notice_id) == 1


def test_an_explainer_names_a_consultation_of_its_estate(app, estate, committee):
    with pytest.raises(InvalidInput):
        notices.post_notice(committee, scope_type="estate", scope_id=estate.id, estate_id=estate.id,
                            title="解读", body="……", kind="explainer")


def test_reading_again_keeps_the_first_read(app, estate, owner, committee):
    from sqlalchemy import select

    from app.comanage.api import NoticeRead
    from app.extensions import db

    notice = notices.post_notice(committee, scope_type="estate", scope_id=estate.id,
                                 estate_id=estate.id, title="通知", body="内容")
    notices.mark_read(notice, owner)
    first = db.session.scalar(select(NoticeRead.read_at).where(NoticeRead.notice_id == notice.id))
    notices.mark_read(notice, owner)
    assert db.session.scalars(select(NoticeRead.read_at)
                              .where(NoticeRead.notice_id == notice.id)).all() == [first]
    assert notices.my_notices(owner)[0]["read"] is True


def _post(author, count, **scope):
    return [notices.post_notice(author, title=f"通知{i}", body="内容", **scope) for i in range(count)]


def test_the_committee_and_street_lists_count_reads_in_a_fixed_number_of_statements(app):
    """Reads and audience are counted per list, not per notice (3 notices cost what 30 cost)."""
    from tests.statements import brief, statements

    estate = make_estate("两栋", buildings=(("1号楼", 1), ("2号楼", 1)), floors=2)
    neighbour = make_estate("邻居", floors=2)
    flats = flats_of(estate.id)
    in_building = sum(1 for f in flats if f.building_id == flats[0].building_id)
    owners = [make_owner(f) for f in flats]
    make_owner(flats_of(neighbour.id)[0])
    committee = make_user(roles=[("committee", estate.id)])
    staff = make_user(roles=[("staff", None)])
    area = areas.create("片区", [estate.id, neighbour.id], staff.id)
    estate_scope = {"scope_type": "estate", "scope_id": estate.id, "estate_id": estate.id}
    building_scope = {"scope_type": "building", "scope_id": flats[0].building_id,
                      "estate_id": estate.id}
    area_scope = {"scope_type": "neighbourhood", "scope_id": area.id, "estate_id": None}
    costs = {}
    for size in (3, 30):
        posted = _post(committee, size - 1, **estate_scope) + _post(committee, 1, **building_scope)
        wide = _post(staff, size, **area_scope)
        notices.mark_read(posted[0], owners[0])
        notices.mark_read(posted[-1], owners[1])
        notices.mark_read(wide[0], owners[0])
        estate_id, _ = estate.id, area.name  # loaded before counting
        with statements() as estate_list:
            listed = notices.estate_notices(estate_id)
        with statements() as area_list:
            listed_wide = notices.neighbourhood_notices(area)
        costs[size] = (len(estate_list), len(area_list))
        by_id = {n["id"]: n for n in listed}
        assert (by_id[posted[0].id]["reads"], by_id[posted[0].id]["audience"]) == (1, len(owners))
        assert (by_id[posted[-1].id]["reads"], by_id[posted[-1].id]["audience"]) == (1, in_building)
        assert by_id[posted[1].id]["reads"] == 0
        wide_by_id = {n["id"]: n for n in listed_wide}
        assert (wide_by_id[wide[0].id]["reads"], wide_by_id[wide[0].id]["audience"]) == (1, len(owners) + 1)
        assert (wide_by_id[wide[1].id]["reads"], wide_by_id[wide[1].id]["audience"]) == (0, len(owners) + 1)
    assert costs[3] == costs[30], (costs, brief(estate_list), brief(area_list))
