"""The plan's rules without HTTP: versions and their diff, publicity by time, heritage reviews."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.db import utcnow
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.notifications.api import Notification
from app.plans.api import heritage, services
from app.plans.api import ReviewDecision
from tests.factories import make_user

ROOF = {"key": "roof", "title": "屋面", "body": "屋面防水。"}


@pytest.fixture
def staff(app):
    return make_user(roles=[("staff", None)])


def test_versions_are_numbered_and_the_diff_goes_section_by_section(estate, committee):
    first = services.create_version(estate.id, "一稿", [ROOF, {"key": "walls", "title": "外墙", "body": "涂料。"}],
                                    [], committee.id)
    second = services.create_version(estate.id, "二稿", [{"key": "roof", "title": "屋面", "body": "屋面防水保温。"},
                                                         {"title": "绿 化", "body": "补种。"}], [], committee.id)
    assert (first.number, second.number) == (1, 2)
    changes = services.diff_versions(first, second)
    assert [(c["key"], c["change"]) for c in changes] == [("roof", "changed"), ("绿-化", "added"),
                                                          ("walls", "removed")]
    assert changes[2]["before"] == "涂料。" and changes[2]["after"] is None
    assert [c["change"] for c in services.diff_versions(None, first)] == ["added", "added"]
    with pytest.raises(InvalidInput):
        services.create_version(estate.id, "重复", [ROOF, ROOF], [], committee.id)


def test_publicity_ends_by_time_and_a_new_version_needs_its_own(estate, committee):
    version = services.create_version(estate.id, "一稿", [ROOF], [], committee.id)
    assert services.plan_publicity_ended(estate.id, utcnow()) == (False, "改造方案第 1 版还没有公示")
    services.start_publicity(version, committee.id)
    ends = version.publicity_started_at + timedelta(days=7)
    assert services.plan_publicity_ended(estate.id, ends - timedelta(seconds=1))[0] is False
    assert services.plan_publicity_ended(estate.id, ends)[0] is True  # the period's end itself counts
    services.create_version(estate.id, "二稿", [ROOF], [], committee.id)
    ok, words = services.plan_publicity_ended(estate.id, ends + timedelta(days=30))
    assert not ok and words == "改造方案第 2 版还没有公示"


def test_heritage_reviews_gate_facade_items_only_where_buildings_are_flagged(estate, committee, staff):
    codes = ["basic.exterior_wall_repair", "improvement.elevator", "basic.roof_repair"]
    version = services.create_version(estate.id, "一稿", [ROOF], codes, committee.id)
    assert services.heritage_review_pending(estate.id) == []  # no flagged building
    with pytest.raises(Conflict) as refused:
        heritage.record_review(estate.id, "improvement.elevator", ReviewDecision.approved, "可", staff.id)
    assert refused.value.code == "no_heritage"
    heritage.set_heritage(estate.buildings[0], "townscape", staff.id)
    pending = services.heritage_review_pending(estate.id)
    assert len(pending) == 2 and "外墙维修" in pending[0] and "风貌保护建筑" in pending[0]
    assert services.heritage_review_pending(estate.id, ["basic.roof_repair"]) == []
    with pytest.raises(InvalidInput):
        heritage.record_review(estate.id, "basic.roof_repair", ReviewDecision.approved, "可", staff.id)
    heritage.record_review(estate.id, "basic.exterior_wall_repair", ReviewDecision.approved, "只清洗", staff.id)
    heritage.record_review(estate.id, "improvement.elevator", ReviewDecision.refused, "破坏立面", staff.id)
    assert services.heritage_review_pending(estate.id) == ["“加装电梯”的历史建筑保护审查没有同意：破坏立面"]
    with pytest.raises(Conflict) as again:
        heritage.record_review(estate.id, "improvement.elevator", ReviewDecision.approved, "改", staff.id)
    assert again.value.code == "already_reviewed"
    with pytest.raises(Conflict) as blocked:
        services.start_publicity(version, committee.id)
    assert blocked.value.code == "heritage_review_pending" and "破坏立面" in blocked.value.message
    assert version.publicity_started_at is None


def test_a_comment_speaks_to_the_whole_section_or_a_passage_of_it(estate, committee):
    owner = make_user()
    section = services.create_version(estate.id, "一稿", [ROOF], [], committee.id).sections[0]
    whole = services.add_comment(section, "", "屋面要做保温", owner.id)
    assert (whole.quote, whole.body) == ("", "屋面要做保温")
    assert services.add_comment(section, " 防水 ", "用什么材料？", owner.id).quote == "防水"
    with pytest.raises(InvalidInput) as error:
        services.add_comment(section, "外墙", "不在这一节", owner.id)
    assert list(error.value.fields) == ["quote"]
    services.answer_comment(whole, "会加保温层", committee.id)
    told = db.session.scalar(select(Notification).where(Notification.user_id == owner.id))
    assert "“屋面”" in told.body
