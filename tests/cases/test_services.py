"""The rules of 一事一议, without HTTP."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.api import AuditEntry
from app.audit.api import chain_of, verify_chain
from app.cases.api import resolution, services
from app.cases.api import Case, CaseStatus, ModerationAction, Post, PostReport, PostRevision
from app.db import utcnow
from app.errors import Conflict, Forbidden, InvalidInput, TooManyRequests
from app.extensions import db
from app.signals import post_created, post_hidden
from tests.factories import flats_of, make_estate, make_owner, make_user


@pytest.fixture
def flats(estate):
    return flats_of(estate.id)


def new_case(estate, flats, actor, **kw):
    return services.create_case(estate.id, title=kw.get("title", "加装电梯遮挡采光"),
                                description="二楼住户担心采光", actor_id=actor.id,
                                affected_flat_ids=kw.get("flat_ids", [flats[0].id, flats[1].id]))


def audit_actions(estate_id):
    return [e.action for e in db.session.scalars(
        select(AuditEntry).where(AuditEntry.estate_id == estate_id).order_by(AuditEntry.seq))]


class Signals:
    def __init__(self, signal):
        self.calls = []
        signal.connect(self.receive)
        self.signal = signal

    def receive(self, sender, **kwargs):
        # Sent after commit: another connection already sees the post.
        with db.engine.connect() as conn:
            assert conn.scalar(select(Post.id).where(Post.id == kwargs["post_id"])) is not None
        self.calls.append(kwargs)


@pytest.fixture
def created_signals():
    recorder = Signals(post_created)
    yield recorder
    post_created.disconnect(recorder.receive)


@pytest.fixture
def hidden_signals():
    recorder = Signals(post_hidden)
    yield recorder
    post_hidden.disconnect(recorder.receive)


def test_create_case_keeps_flats_applicant_and_audit(estate, flats):
    owner = make_owner(flats[0])
    case = new_case(estate, flats, owner)
    assert case.status == CaseStatus.open and not case.locked
    assert case.affected_flat_ids == [flats[0].id, flats[1].id]
    assert [(p.role.value, p.user_id) for p in case.parties] == [("applicant", owner.id)]
    assert audit_actions(estate.id)[-1] == "case.opened"
    assert not services.case_is_resolved(case)


def test_open_case_refuses_flats_of_another_estate_and_writes_nothing(estate, flats):
    other = make_estate(name="别的小区")
    owner = make_owner(flats[0])
    with pytest.raises(InvalidInput) as error:
        services.create_case(estate.id, title="t", description="d", actor_id=owner.id,
                             affected_flat_ids=[flats[0].id, flats_of(other.id)[0].id])
    assert "不在本小区" in error.value.fields["affected_flat_ids"]
    db.session.rollback()
    assert db.session.scalar(select(Case.id)) is None


def test_open_case_joins_the_open_case_of_the_same_origin(estate, flats):
    first, second = make_owner(flats[0]), make_owner(flats[2])
    a = services.open_case(estate.id, title="电梯异议", description="遮挡", actor_id=first.id,
                           affected_flat_ids=[flats[0].id], origin_type="elevator_project", origin_id=7)
    db.session.commit()
    b = services.open_case(estate.id, title="电梯异议", description="噪音", actor_id=second.id,
                           affected_flat_ids=[flats[2].id, flats[0].id],
                           origin_type="elevator_project", origin_id=7)
    db.session.commit()
    assert b.id == a.id
    assert b.affected_flat_ids == sorted([flats[0].id, flats[2].id])
    assert {p.user_id for p in b.parties} == {first.id, second.id}
    other_origin = services.open_case(estate.id, title="x", description="y", actor_id=first.id,
                                      affected_flat_ids=[flats[0].id],
                                      origin_type="elevator_project", origin_id=8)
    db.session.commit()
    assert other_origin.id != a.id
    assert audit_actions(estate.id)[-3:] == ["case.opened", "case.joined", "case.opened"]


def test_a_closed_case_is_resolved_and_a_new_objection_opens_a_new_case(estate, flats):
    committee = make_user(roles=[("committee", estate.id)])
    case = services.open_case(estate.id, title="电梯异议", description="遮挡", actor_id=None,
                              affected_flat_ids=[flats[0].id], origin_type="elevator_project",
                              origin_id=1)
    db.session.commit()
    resolution.close_case(case, committee.id, "经调解，双方同意加装")
    assert services.case_is_resolved(case)
    again = services.open_case(estate.id, title="电梯异议", description="又有异议", actor_id=None,
                               affected_flat_ids=[flats[1].id], origin_type="elevator_project",
                               origin_id=1)
    db.session.commit()
    assert again.id != case.id and not services.case_is_resolved(again)


def test_posts_and_replies_send_post_created_after_commit(estate, flats, created_signals):
    owner = make_owner(flats[0])
    case = new_case(estate, flats, owner)
    post = services.create_post(case, owner, "我家在二楼，<b>采光</b>会受影响")
    reply = services.create_post(case, owner, "补充一句", parent_id=post.id)
    assert reply.parent_id == post.id
    assert created_signals.calls == [
        {"case_id": case.id, "estate_id": estate.id, "post_id": post.id},
        {"case_id": case.id, "estate_id": estate.id, "post_id": reply.id}]
    assert db.session.get(Post, post.id).body == "我家在二楼，<b>采光</b>会受影响"


def test_reply_must_answer_a_post_of_the_same_case(estate, flats):
    owner = make_owner(flats[0])
    one, two = new_case(estate, flats, owner), new_case(estate, flats, owner, title="另一件事")
    post = services.create_post(one, owner, "第一件事的发言")
    with pytest.raises(InvalidInput):
        services.create_post(two, owner, "回复", parent_id=post.id)


def test_posting_is_refused_in_chinese_when_locked_or_closed(estate, flats):
    owner = make_owner(flats[0])
    moderator = make_user(roles=[("moderator", estate.id)])
    case = new_case(estate, flats, owner)
    services.lock_case(case, moderator.id, "争吵过激，冷静一下")
    with pytest.raises(Conflict) as error:
        services.create_post(case, owner, "还想说")
    assert error.value.code == "case_locked" and error.value.message == "讨论已被锁定，暂时不能发言"
    services.unlock_case(case, moderator.id, "恢复讨论")
    services.create_post(case, owner, "可以说了")
    resolution.close_case(case, moderator.id, "已调解")
    with pytest.raises(Conflict) as error:
        services.create_post(case, owner, "结案后")
    assert error.value.code == "case_closed" and "结案" in error.value.message


@pytest.fixture
def config_overrides():
    return {"CASE_POST_LIMIT": 3, "CASE_POST_LIMIT_WINDOW_S": 60, "CASE_REPORTS_TO_HIDE": 2}


def test_posting_is_rate_limited_per_person(estate, flats):
    owner, neighbour = make_owner(flats[0]), make_owner(flats[1])
    case = new_case(estate, flats, owner)
    for n in range(3):
        services.create_post(case, owner, f"第{n}条")
    with pytest.raises(TooManyRequests) as error:
        services.create_post(case, owner, "第四条")
    assert "60 秒" in error.value.message
    services.create_post(case, neighbour, "邻居不受影响")
    # once the window has passed the person may post again
    for post in db.session.scalars(select(Post).where(Post.author_id == owner.id)):
        post.created_at = utcnow() - timedelta(seconds=61)
    db.session.commit()
    services.create_post(case, owner, "过了一分钟")


def test_edit_within_window_keeps_history(estate, flats):
    owner, other = make_owner(flats[0]), make_owner(flats[1])
    case = new_case(estate, flats, owner)
    post = services.create_post(case, owner, "初稿")
    services.edit_post(post, owner, "第二稿")
    services.edit_post(post, owner, "第三稿")
    assert post.body == "第三稿" and post.edited_at is not None
    assert [r.body for r in services.revisions_of(post)] == ["初稿", "第二稿"]
    with pytest.raises(Forbidden):
        services.edit_post(post, other, "别人的修改")
    post.created_at = utcnow() - timedelta(minutes=16)
    db.session.commit()
    with pytest.raises(Conflict) as error:
        services.edit_post(post, owner, "太晚了")
    assert error.value.message == "发言超过 15 分钟后不能再修改"
    assert db.session.scalar(select(db.func.count(PostRevision.id))) == 2


def test_reports_from_distinct_members_hide_until_a_moderator_decides(estate, flats, hidden_signals):
    author, a, b, c = (make_owner(f) for f in flats[:4])
    moderator = make_user(roles=[("moderator", estate.id)])
    case = new_case(estate, flats, author)
    post = services.create_post(case, author, "骂人的话")
    services.report_post(post, a, "人身攻击")
    with pytest.raises(Conflict):
        services.report_post(post, a, "再举报一次")
    assert not post.hidden
    services.report_post(post, b, "不文明")
    assert post.hidden and post.hidden_by_id is None and post.hidden_reason == "有 2 位居民举报，等待版主处理"
    assert hidden_signals.calls == [{"case_id": case.id, "estate_id": estate.id, "post_id": post.id}]
    services.unhide_post(post, moderator.id, "经核实不属于人身攻击")
    # reports settled by the moderator do not hide it again; new ones count afresh
    services.report_post(post, c, "还是不文明")
    assert not post.hidden
    kinds = [m.kind.value for m in services.moderation_of(case)]
    assert kinds == ["auto_hide", "unhide"]
    assert services.moderation_of(case)[0].actor_id is None


def test_hide_keeps_the_text_and_records_who_when_why(estate, flats, hidden_signals):
    author = make_owner(flats[0])
    moderator = make_user(roles=[("moderator", estate.id)])
    case = new_case(estate, flats, author)
    post = services.create_post(case, author, "透露了邻居的电话 13900000000")
    services.hide_post(post, moderator.id, "含有他人隐私")
    with pytest.raises(Conflict):
        services.hide_post(post, moderator.id, "再次隐藏")
    db.session.expire_all()
    kept = db.session.get(Post, post.id)
    assert kept.body == "透露了邻居的电话 13900000000" and kept.hidden
    public = services.post_view(kept)
    assert public["body"] is None and public["hidden_reason"] == "含有他人隐私"
    assert public["hidden_by"] == "moderator"
    assert services.post_view(kept, moderator=True)["body"] == kept.body
    action = db.session.scalar(select(ModerationAction))
    assert (action.actor_id, action.reason, action.kind.value) == (moderator.id, "含有他人隐私", "hide")
    assert action.created_at is not None
    assert "case.hide" in audit_actions(estate.id)
    assert verify_chain(chain_of(estate.id)).broken_at is None
    assert len(hidden_signals.calls) == 1


def test_hiding_a_reported_post_confirms_it_without_a_second_signal(estate, flats, hidden_signals):
    author, a, b = (make_owner(f) for f in flats[:3])
    moderator = make_user(roles=[("moderator", estate.id)])
    case = new_case(estate, flats, author)
    post = services.create_post(case, author, "广告")
    services.report_post(post, a, "广告")
    services.report_post(post, b, "广告")
    services.hide_post(post, moderator.id, "商业广告")
    assert post.hidden_by_id == moderator.id and post.hidden_reason == "商业广告"
    assert len(hidden_signals.calls) == 1


def test_first_meeting_moves_the_case_into_mediation(estate, flats):
    owner = make_owner(flats[0])
    committee = make_user(roles=[("committee", estate.id)])
    case = new_case(estate, flats, owner)
    meeting = resolution.record_meeting(
        case, committee.id, held_at=utcnow() - timedelta(days=1), place="社区活动室",
        minutes="双方陈述意见", attendees=["2楼住户代表", "居委会王主任"], agreement=None)
    assert case.status == CaseStatus.mediation
    assert meeting.attendees == ["2楼住户代表", "居委会王主任"]
    resolution.record_meeting(case, committee.id, held_at=utcnow(), place="小区广场",
                            minutes="再次协商", agreement="同意调整电梯井位置")
    assert case.status == CaseStatus.mediation
    assert [m.place for m in resolution.meetings_of(case)] == ["社区活动室", "小区广场"]


def test_close_publishes_the_outcome_once(estate, flats):
    owner = make_owner(flats[0])
    committee = make_user(roles=[("committee", estate.id)])
    case = new_case(estate, flats, owner)
    resolution.close_case(case, committee.id, "双方达成一致")
    assert case.outcome_published_at is not None and resolution.published_outcome(case) == "双方达成一致"
    with pytest.raises(Conflict):
        resolution.close_case(case, committee.id, "再结一次")
    with pytest.raises(Conflict):
        services.lock_case(case, committee.id, "结案后锁定")


def test_moderation_counts_forget_reports_a_moderator_already_decided_on(estate):
    flats = flats_of(estate.id)
    committee = make_user(roles=[("committee", estate.id)])
    first, second, third = (make_owner(flat) for flat in flats[:3])
    case = services.create_case(estate.id, title="占用绿地停车", description="东侧绿地被占",
                                affected_flat_ids=[flats[0].id], actor_id=committee.id)
    kept = services.create_post(case, first, "请恢复绿地")
    services.create_post(case, second, "同意")
    services.report_post(kept, second, "不实信息")
    assert services.moderation_counts(estate.id) == {case.id: (2, 1)}
    services.hide_post(kept, committee.id, "核实中")
    assert services.moderation_counts(estate.id) == {case.id: (2, 0)}
    services.unhide_post(kept, committee.id, "核实无误")  # looked at and kept
    assert services.moderation_counts(estate.id) == {case.id: (2, 0)}
    later = services.report_post(kept, third, "还是不实")
    db.session.get(PostReport, later.id).created_at = utcnow() + timedelta(seconds=1)
    db.session.commit()
    assert services.moderation_counts(estate.id) == {case.id: (2, 1)}
