"""The rules of 一事一议: cases, their discussion and moderation.

Meetings, the resolution vote and the outcome are in app/cases/resolution.py; a case
as readers see it in app/cases/views.py.

Functions take plain arguments. Permission checks (who may read, post, moderate)
happen in the routes with `app.auth.permissions`; the rules here hold whoever calls.
Units of work commit at their end and send their signals after the commit, except
`open_case`, which joins the caller's transaction (the elevators domain links an
objection and a case in one commit).
"""
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.auth.api import User
from app.auth.api import is_committee, is_member, is_moderator
from app.cases import messages
from app.cases.models import (
    Case, CaseFlat, CaseParty, CaseStatus, ModerationAction, ModerationKind, PartyRole,
    Post, PostReport, PostRevision)
from app.db import utcnow
from app.errors import Conflict, Forbidden, InvalidInput, TooManyRequests
from app.estates.api import Flat
from app.extensions import db
from app.privacy import mask_name
from app.signals import post_created, post_edited, post_hidden
from app.unit_of_work import announce

#: Settings, overridable in the app config.
DEFAULTS = {
    "CASE_POST_EDIT_WINDOW_S": 15 * 60,  # an author may edit a post this long after writing it
    "CASE_REPORTS_TO_HIDE": 3,  # reports from distinct members that hide a post until reviewed
    "CASE_POST_LIMIT": 5,  # posts one person may write ...
    "CASE_POST_LIMIT_WINDOW_S": 60,  # ... within this many seconds
}


def setting(name: str) -> int:
    return int(current_app.config.get(name, DEFAULTS[name]))


def _send(signal, **kwargs):
    announce(signal, **kwargs)  # sent after the commit; never when it rolls back


# --- reading -----------------------------------------------------------------------------

def can_view_case(user: User | None, case: Case) -> bool:
    """Who may read a case and its discussion (HTTP and live rooms alike): estate members."""
    return is_member(user, case.estate_id)


def list_cases(estate_id: int, status: str | None = None) -> list[Case]:
    query = select(Case).where(Case.estate_id == estate_id)
    if status:
        query = query.where(Case.status == CaseStatus(status))
    return list(db.session.scalars(query.order_by(Case.id.desc())))


def posts_of(case: Case) -> list[Post]:
    """Every post of a case, hidden ones included, oldest first (parents before replies)."""
    return list(db.session.scalars(
        select(Post).where(Post.case_id == case.id).order_by(Post.id)))


def post_count(case: Case) -> int:
    return db.session.scalar(select(func.count(Post.id)).where(Post.case_id == case.id))


def moderation_counts(estate_id: int) -> dict[int, tuple[int, int]]:
    """Per case of the estate: (posts, visible posts with reports a moderator has not yet
    looked at), in two queries; "not yet looked at" as `_open_reports` counts it."""
    posts = dict(db.session.execute(
        select(Post.case_id, func.count(Post.id)).where(Post.estate_id == estate_id)
        .group_by(Post.case_id)).all())
    waiting = dict(db.session.execute(
        select(Post.case_id, func.count(func.distinct(Post.id)))
        .join(PostReport, PostReport.post_id == Post.id)
        .where(Post.estate_id == estate_id, Post.hidden.is_(False),
               or_(Post.reviewed_at.is_(None), PostReport.created_at > Post.reviewed_at))
        .group_by(Post.case_id)).all())
    return {case_id: (count, waiting.get(case_id, 0)) for case_id, count in posts.items()}


def revisions_of(post: Post) -> list[PostRevision]:
    return list(db.session.scalars(
        select(PostRevision).where(PostRevision.post_id == post.id).order_by(PostRevision.id)))


def reports_of(case: Case) -> list[PostReport]:
    return list(db.session.scalars(
        select(PostReport).where(PostReport.case_id == case.id).order_by(PostReport.id)))


def moderation_of(case: Case) -> list[ModerationAction]:
    return list(db.session.scalars(
        select(ModerationAction).where(ModerationAction.case_id == case.id)
        .order_by(ModerationAction.id)))


def case_is_resolved(case: Case) -> bool:
    """Closed with an outcome: what the elevators domain's guard asks of an objection's case."""
    return case.status == CaseStatus.closed and bool(case.outcome)


# --- opening -----------------------------------------------------------------------------

def _checked_flat_ids(estate_id: int, flat_ids) -> list[int]:
    wanted = list(dict.fromkeys(int(i) for i in flat_ids))
    found = set(db.session.scalars(
        select(Flat.id).where(Flat.id.in_(wanted), Flat.estate_id == estate_id))) if wanted else set()
    missing = [i for i in wanted if i not in found]
    if missing:
        message = messages.FLATS_NOT_IN_ESTATE.format(ids="、".join(map(str, missing)))
        raise InvalidInput(message, fields={"affected_flat_ids": message})
    return wanted


def _add_flats(case: Case, flat_ids: list[int]) -> list[int]:
    have = set(case.affected_flat_ids)
    added = [i for i in flat_ids if i not in have]
    for flat_id in added:
        case.flats.append(CaseFlat(estate_id=case.estate_id, case_id=case.id, flat_id=flat_id))
    return added


def _add_party(case: Case, role: PartyRole, user_id: int | None = None, flat_id: int | None = None,
               label: str | None = None) -> None:
    if user_id is not None and any(p.user_id == user_id and p.role == role for p in case.parties):
        return
    case.parties.append(CaseParty(estate_id=case.estate_id, case_id=case.id, role=role,
                                  user_id=user_id, flat_id=flat_id, label=label))


def _open_case_with_origin(estate_id, origin_type, origin_id) -> Case | None:
    return db.session.scalar(select(Case).where(
        Case.estate_id == estate_id, Case.origin_type == origin_type, Case.origin_id == origin_id,
        Case.status != CaseStatus.closed).order_by(Case.id).limit(1))


def open_case(estate_id: int, *, title: str, description: str, affected_flat_ids, actor_id: int | None,
              origin_type: str | None = None, origin_id: int | None = None) -> Case:
    """Open a case, or join the open case already raised by the same origin.

    Joining adds the flats not yet affected and the actor as an applicant party.
    Joins the caller's transaction: nothing is committed here, the caller commits.
    Raises InvalidInput when a flat is not in the estate.
    """
    flat_ids = _checked_flat_ids(estate_id, affected_flat_ids)
    if origin_type is not None:
        existing = _open_case_with_origin(estate_id, origin_type, origin_id)
        if existing is None:
            case = Case(estate_id=estate_id, title=title, description=description,
                        created_by_id=actor_id, origin_type=origin_type, origin_id=origin_id)
            try:
                # A concurrent opener for the same origin loses on the unique index and joins.
                with db.session.begin_nested():
                    db.session.add(case)
            except IntegrityError:
                existing = _open_case_with_origin(estate_id, origin_type, origin_id)
        if existing is not None:
            added = _add_flats(existing, flat_ids)
            if actor_id is not None:
                _add_party(existing, PartyRole.applicant, user_id=actor_id)
            db.session.flush()
            record("case.joined", estate_id=estate_id, actor_id=actor_id, subject_type="case",
                   subject_id=existing.id, data={"added_flat_ids": added})
            return existing
    else:
        case = Case(estate_id=estate_id, title=title, description=description,
                    created_by_id=actor_id)
        db.session.add(case)
    db.session.flush()
    _add_flats(case, flat_ids)
    if actor_id is not None:
        _add_party(case, PartyRole.applicant, user_id=actor_id)
    db.session.flush()
    record("case.opened", estate_id=estate_id, actor_id=actor_id, subject_type="case",
           subject_id=case.id, data={"title": title, "affected_flat_ids": flat_ids,
                                     "origin_type": origin_type, "origin_id": origin_id})
    return case


def create_case(estate_id: int, *, title: str, description: str, affected_flat_ids, actor_id: int,
                parties=()) -> Case:
    """Open a case directly (a resident or the committee) and commit.

    `parties`: further parties, each {role, flat_id?, label?}.
    """
    case = open_case(estate_id, title=title, description=description,
                     affected_flat_ids=affected_flat_ids, actor_id=actor_id)
    for party in parties:
        flat_id = party.get("flat_id")
        if flat_id is not None:
            _checked_flat_ids(estate_id, [flat_id])
        _add_party(case, PartyRole(party["role"]), flat_id=flat_id, label=party.get("label"))
    db.session.commit()
    return case


# --- discussion --------------------------------------------------------------------------

def _refuse_if_too_fast(author_id: int) -> None:
    window_s = setting("CASE_POST_LIMIT_WINDOW_S")
    since = utcnow() - timedelta(seconds=window_s)
    recent = db.session.scalar(select(func.count(Post.id)).where(
        Post.author_id == author_id, Post.created_at > since))
    if recent >= setting("CASE_POST_LIMIT"):
        raise TooManyRequests(messages.POST_TOO_FAST.format(seconds=window_s), code="posting_too_fast")


def create_post(case: Case, author: User, body: str, parent_id: int | None = None) -> Post:
    """A post or reply by an estate member (the route checks membership)."""
    case.refuse_posting()
    if parent_id is not None:
        parent = db.session.get(Post, parent_id)
        if parent is None or parent.case_id != case.id:
            raise InvalidInput(messages.PARENT_NOT_IN_CASE, fields={"parent_id": messages.PARENT_NOT_IN_CASE})
    _refuse_if_too_fast(author.id)
    post = Post(estate_id=case.estate_id, case_id=case.id, parent_id=parent_id, author_id=author.id,
                body=body)
    db.session.add(post)
    case.updated_at = utcnow()
    db.session.flush()
    _send(post_created, case_id=case.id, estate_id=case.estate_id, post_id=post.id)
    db.session.commit()
    return post


def edit_deadline(post: Post) -> datetime:
    """Until when the author may edit the post (CASE_POST_EDIT_WINDOW_S after writing it)."""
    return post.created_at + timedelta(seconds=setting("CASE_POST_EDIT_WINDOW_S"))


def editable_by(post: Post, case: Case, user: User) -> bool:
    """Whether the page offers the author 修改: their own visible post, in the window, the case open."""
    return (post.author_id == user.id and not post.hidden and not case.locked
            and case.status != CaseStatus.closed and utcnow() <= edit_deadline(post))


def edit_post(post: Post, user: User, body: str) -> Post:
    """The author edits within the edit window; the former text is kept."""
    if post.author_id != user.id:
        raise Forbidden(messages.EDIT_NOT_AUTHOR, code="not_author")
    case = db.session.get(Case, post.case_id)
    case.refuse_posting()
    if post.hidden:
        raise Conflict(messages.EDIT_HIDDEN, code="post_hidden")
    now = utcnow()
    if now > edit_deadline(post):
        raise Conflict(messages.EDIT_WINDOW_PASSED.format(
            minutes=setting("CASE_POST_EDIT_WINDOW_S") // 60), code="edit_window_passed")
    if body == post.body:
        raise InvalidInput(messages.EDIT_SAME, fields={"body": messages.EDIT_SAME})
    db.session.add(PostRevision(estate_id=post.estate_id, post_id=post.id, body=post.body,
                                written_at=post.edited_at or post.created_at, replaced_at=now))
    post.body, post.edited_at = body, now
    _send(post_edited, case_id=case.id, estate_id=case.estate_id, post_id=post.id)
    db.session.commit()
    return post


# --- reports and moderation --------------------------------------------------------------

def _moderation(case: Case, kind: ModerationKind, actor_id: int | None, reason: str,
                post: Post | None = None) -> ModerationAction:
    """Record a moderation act in the case's table and in the audit log (same transaction)."""
    action = ModerationAction(estate_id=case.estate_id, case_id=case.id, kind=kind,
                              actor_id=actor_id, reason=reason, post_id=post.id if post else None)
    db.session.add(action)
    record(f"case.{kind.value}", estate_id=case.estate_id, actor_id=actor_id,
           subject_type="case_post" if post else "case", subject_id=post.id if post else case.id,
           data={"case_id": case.id, "reason": reason})
    return action


def _open_reports(post: Post) -> int:
    """Reports from distinct members since a moderator last decided on the post."""
    query = select(func.count(func.distinct(PostReport.reporter_id))).where(PostReport.post_id == post.id)
    if post.reviewed_at is not None:
        query = query.where(PostReport.created_at > post.reviewed_at)
    return db.session.scalar(query)


def report_post(post: Post, reporter: User, reason: str) -> PostReport:
    """A member reports a post; enough distinct reports hide it until a moderator decides."""
    if db.session.scalar(select(PostReport.id).where(
            PostReport.post_id == post.id, PostReport.reporter_id == reporter.id)) is not None:
        raise Conflict(messages.ALREADY_REPORTED, code="already_reported")
    report = PostReport(estate_id=post.estate_id, case_id=post.case_id, post_id=post.id,
                        reporter_id=reporter.id, reason=reason)
    try:
        with db.session.begin_nested():
            db.session.add(report)
    except IntegrityError as error:  # the same member reporting twice at once
        raise Conflict(messages.ALREADY_REPORTED, code="already_reported") from error
    hidden_now = False
    count = _open_reports(post)
    if not post.hidden and count >= setting("CASE_REPORTS_TO_HIDE"):
        case = db.session.get(Case, post.case_id)
        reason_text = messages.AUTO_HIDE_REASON.format(count=count)
        post.hidden, post.hidden_reason, post.hidden_at, post.hidden_by_id = True, reason_text, utcnow(), None
        _moderation(case, ModerationKind.auto_hide, None, reason_text, post)
        hidden_now = True
    if hidden_now:
        _send(post_hidden, case_id=post.case_id, estate_id=post.estate_id, post_id=post.id)
    db.session.commit()
    return report


def hide_post(post: Post, actor_id: int, reason: str) -> Post:
    """A moderator hides a post with a reason everyone sees; the text stays in the record.

    Hiding a post that reports already hid confirms it with the moderator's reason.
    """
    if post.hidden and post.hidden_by_id is not None:
        raise Conflict(messages.ALREADY_HIDDEN, code="already_hidden")
    was_hidden = post.hidden
    case = db.session.get(Case, post.case_id)
    now = utcnow()
    post.hidden, post.hidden_reason, post.hidden_at, post.hidden_by_id = True, reason, now, actor_id
    post.reviewed_at = now
    _moderation(case, ModerationKind.hide, actor_id, reason, post)
    if not was_hidden:
        _send(post_hidden, case_id=post.case_id, estate_id=post.estate_id, post_id=post.id)
    db.session.commit()
    return post


def unhide_post(post: Post, actor_id: int, reason: str) -> Post:
    """A moderator shows a hidden post again; reports made before this are settled."""
    if not post.hidden:
        raise Conflict(messages.NOT_HIDDEN, code="not_hidden")
    case = db.session.get(Case, post.case_id)
    post.hidden, post.hidden_reason, post.hidden_at, post.hidden_by_id = False, None, None, None
    post.reviewed_at = utcnow()
    _moderation(case, ModerationKind.unhide, actor_id, reason, post)
    db.session.commit()
    return post


def lock_case(case: Case, actor_id: int, reason: str) -> Case:
    case.refuse_if_closed()
    if case.locked:
        raise Conflict(messages.CASE_ALREADY_LOCKED, code="already_locked")
    case.locked = True
    _moderation(case, ModerationKind.lock, actor_id, reason)
    db.session.commit()
    return case


def unlock_case(case: Case, actor_id: int, reason: str) -> Case:
    case.refuse_if_closed()
    if not case.locked:
        raise Conflict(messages.CASE_NOT_LOCKED, code="not_locked")
    case.locked = False
    _moderation(case, ModerationKind.unlock, actor_id, reason)
    db.session.commit()
    return case


# --- views -------------------------------------------------------------------------------

def author_role(user: User, estate_id: int) -> str:
    if is_committee(user, estate_id):
        return "committee"
    if is_moderator(user, estate_id):
        return "moderator"
    return "resident"


def name_masked(user: User | None, estate_id: int | None = None) -> str:
    """The name a reader may see (masked); without one, the person's role at the estate
    (a committee member's post is signed 居委会, never 居民)."""
    if user is not None and user.name:
        return mask_name(user.name)
    role = author_role(user, estate_id) if user is not None and estate_id is not None else "resident"
    return messages.AUTHOR_ROLES[role]


def post_view(post: Post, *, moderator: bool = False) -> dict:
    """A post as a reader sees it: raw text (escape on output); a hidden post's text only for moderators."""
    withheld = post.hidden and not moderator
    hidden_by = None
    if post.hidden:
        hidden_by = "reports" if post.hidden_by_id is None else "moderator"
    return {
        "id": post.id, "case_id": post.case_id, "parent_id": post.parent_id,
        "author": {"id": post.author_id, "name_masked": name_masked(post.author, post.estate_id),
                   "role": author_role(post.author, post.estate_id)},
        "body": None if withheld else post.body,
        "created_at": post.created_at, "edited_at": post.edited_at,
        "hidden": post.hidden, "hidden_reason": post.hidden_reason, "hidden_at": post.hidden_at,
        "hidden_by": hidden_by,
    }
