"""The 共管 pages: resident, console and street pages show what the API answers, and each
form on them names the API operation it calls."""
from datetime import date, timedelta

from app.comanage.api import areas, choices, income, notices, rating
from app.consultations.api import cast_ballot, close_consultation
from app.db import utcnow
from tests.factories import auth, flats_of, make_estate, make_owner, make_user

HTML = {"Accept": "text/html"}


def page(client, user, path):
    response = client.get(path, headers={**HTML, **(auth(user) if user else {})})
    return response.status_code, response.get_data(as_text=True)


def setting(estate, committee):
    owners = [(make_owner(flat), flat) for flat in flats_of(estate.id)]
    later = utcnow() + timedelta(days=7)
    election = choices.start_decision(estate.id, "committee_election", later, committee.id,
                                      candidates=["张三", "李四"], seats=1)
    for (owner, flat), pick in zip(owners, [["c1"]] * 8 + [["c2"]]):
        cast_ballot(election, owner, flat.id, {"candidates": pick})
    close_consultation(election, committee.id)
    rating.start_round(estate.id, "2026Q4", later, committee.id)
    income.add_entry(estate.id, "income", "advertising", 88_000, date(2026, 11, 2), "电梯广告",
                     committee.id)
    notices.post_notice(committee, scope_type="estate", scope_id=estate.id, estate_id=estate.id,
                        title="停水通知", body="周六停水。")
    notices.post_notice(committee, scope_type="estate", scope_id=estate.id, estate_id=estate.id,
                        title="选举说明", body="怎样选业委会。", kind="explainer",
                        consultation_id=election.id)
    return owners, election


def test_resident_pages(client, estate, committee):
    owners, election = setting(estate, committee)
    owner = owners[0][0]
    status, text = page(client, owner, f"/estates/{estate.id}/comanage")
    assert status == 200 and "张三" in text and "2026Q4" in text and "当选" in text
    status, text = page(client, owner, f"/estates/{estate.id}/public-income")
    assert status == 200 and "电梯广告" in text and "880.00" in text
    status, text = page(client, owner, "/notices")
    assert status == 200 and "停水通知" in text and f"/api/v1/notices/" in text
    status, text = page(client, owner, f"/consultations/{election.id}")
    assert status == 200 and 'id="choice-result"' in text and "选举说明" in text
    assert page(client, None, f"/estates/{estate.id}/comanage")[0] == 302
    outsider = make_owner(flats_of(make_estate("别处").id)[0])
    assert page(client, outsider, f"/estates/{estate.id}/public-income")[0] == 404
    public = client.get(f"/estates/{estate.id}/public").get_data(as_text=True)
    assert f"/estates/{estate.id}/public-income" in public


def test_console_pages(client, estate, committee):
    setting(estate, committee)
    for suffix, needle in (("comanage", "comanage-decisions"), ("public-income", "电梯广告"),
                           ("notices", "已读 0/12 人")):
        status, text = page(client, committee, f"/console/estates/{estate.id}/{suffix}")
        assert status == 200 and needle in text and "data-confirm" in text, suffix
    owner = make_owner(flats_of(estate.id)[0])
    assert page(client, owner, f"/console/estates/{estate.id}/comanage")[0] == 403


def test_street_and_area_pages(client, estate, committee):
    other = make_estate("邻居小区")
    staff = make_user(roles=[("staff", None)])
    area = areas.create("和平里片区", [estate.id, other.id], staff.id)
    areas.start_survey(area, "neighbourhood_needs", utcnow() + timedelta(days=7), staff.id)
    resource = areas.add_resource(area, {"kind": "land", "name": "闲置空地", "location": "北门",
                                         "area_m2": 50}, staff.id)
    resident = make_owner(flats_of(estate.id)[0])
    areas.propose(resource, resident, "口袋公园", "")
    status, text = page(client, staff, "/street/areas")
    assert status == 200 and "和平里片区" in text
    status, text = page(client, staff, f"/street/areas/{area.id}")
    assert status == 200 and "共 24 户" in text and "口袋公园" in text
    status, text = page(client, resident, f"/areas/{area.id}")
    assert status == 200 and "闲置空地" in text and "投这一项" in text
    assert f"/consultations/" in text
    assert page(client, resident, f"/street/areas/{area.id}")[0] == 403


def test_home_counts_unread_notices(client, estate, committee, owner):
    notices.post_notice(committee, scope_type="estate", scope_id=estate.id, estate_id=estate.id,
                        title="停水通知", body="周六停水。")
    status, text = page(client, owner, "/")
    assert status == 200 and "1 条未读" in text and 'href="/notices"' in text


def test_home_counts_every_unread_notice_beyond_the_list_of_200(client, estate, committee, owner):
    """The badge counts in SQL: 202 notices, one of them read, say 201 (the list stops at 200).
    A notice of another estate does not count."""
    from app.comanage.api import Notice
    from app.extensions import db

    elsewhere = make_estate("别的小区")
    notices.post_notice(committee, scope_type="estate", scope_id=elsewhere.id,
                        estate_id=elsewhere.id, title="别处通知", body="不相干。")
    # written in bulk: post_notice (tested above) would add an audit entry for each
    db.session.add_all([Notice(estate_id=estate.id, scope_type="estate", scope_id=estate.id,
                               kind="notice", title=f"通知{i}", body="内容", author_id=committee.id)
                        for i in range(201)])
    db.session.commit()
    read = notices.post_notice(committee, scope_type="estate", scope_id=estate.id,
                               estate_id=estate.id, title="已读的通知", body="看过了。")
    notices.mark_read(read, owner)
    assert len(notices.my_notices(owner)) == 200
    assert notices.unread_notices(owner) == 201
    status, text = page(client, owner, "/")
    assert status == 200 and "201 条未读" in text
