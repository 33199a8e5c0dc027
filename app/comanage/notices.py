"""Notices (通知公告) and policy explainers (政策解读) to an estate, a building or a 片区.

Who sees a notice: members of its estate (a building notice: the residents of that
building, and the estate's committee and moderators); a 片区 notice: members of any of
its estates, and street staff. Reading one marks it read once (NoticeRead's primary key);
the committee sees how many of the residents in scope have read it.
"""
from sqlalchemy import distinct, func, or_, select

from app.audit.api import record
from app.auth.api import User
from app.auth.api import is_member, is_moderator, is_staff
from app.comanage import messages
from app.comanage.areas import estate_ids
from app.comanage.models import Neighbourhood, NeighbourhoodEstate, Notice, NoticeRead
from app.consultations.api import Consultation
from app.db import insert_or_ignore, utcnow
from app.errors import InvalidInput, NotFound
from app.estates.api import Building, Flat, FlatLink, LinkStatus
from app.extensions import db


def post_notice(author: User, *, scope_type: str, scope_id: int, estate_id: int | None,
                title: str, body: str, kind: str = "notice",
                consultation_id: int | None = None) -> Notice:
    if scope_type == "building":
        building = db.session.get(Building, scope_id)
        if building is None or building.estate_id != estate_id:
            raise InvalidInput(fields={"building_id": messages.SCOPE_NOT_HERE})
    if kind == "explainer" and consultation_id is None:
        raise InvalidInput(fields={"consultation_id": messages.EXPLAINER_NEEDS_CONSULTATION})
    if consultation_id is not None:
        c = db.session.get(Consultation, consultation_id)
        if c is None or c.estate_id != estate_id:
            raise InvalidInput(fields={"consultation_id": messages.CONSULTATION_NOT_HERE})
    notice = Notice(estate_id=estate_id, scope_type=scope_type, scope_id=scope_id, kind=kind,
                    consultation_id=consultation_id, title=title, body=body, author_id=author.id)
    db.session.add(notice)
    db.session.flush()
    record("notice.posted", estate_id=estate_id, actor_id=author.id, subject_type="notice",
           subject_id=notice.id, data={"scope": [scope_type, scope_id], "kind": kind,
                                       "title": title, "consultation_id": consultation_id})
    db.session.commit()
    return notice


def _my_places(user: User) -> tuple[set[int], set[int], set[int]]:
    """(estates, buildings, 片区) whose notices the user receives."""
    links = db.session.execute(select(Flat.estate_id, Flat.building_id).join(
        FlatLink, FlatLink.flat_id == Flat.id).where(
        FlatLink.user_id == user.id, FlatLink.status == LinkStatus.verified)).all()
    estates = {e for e, _ in links} | {g.estate_id for g in user.roles if g.estate_id is not None}
    buildings = {b for _, b in links}
    areas = set(db.session.scalars(select(NeighbourhoodEstate.neighbourhood_id).where(
        NeighbourhoodEstate.estate_id.in_(estates))))
    return estates, buildings, areas


def can_read(user: User | None, notice: Notice) -> bool:
    if user is None:
        return False
    if notice.scope_type == "neighbourhood":
        return is_staff(user) or any(is_member(user, e) for e in estate_ids(notice.scope_id))
    if notice.scope_type == "building" and not is_moderator(user, notice.estate_id):
        return notice.scope_id in _my_places(user)[1]
    return is_member(user, notice.estate_id)


def _to_me(user: User):
    """The condition of the notices to my estates, buildings and 片区."""
    estates, buildings, areas = _my_places(user)
    return or_((Notice.scope_type == "estate") & Notice.estate_id.in_(estates),
               (Notice.scope_type == "building") & Notice.scope_id.in_(buildings),
               (Notice.scope_type == "neighbourhood") & Notice.scope_id.in_(areas))


def _my_read(user: User):
    return (NoticeRead.notice_id == Notice.id) & (NoticeRead.user_id == user.id)


def my_notices(user: User) -> list[dict]:
    """Notices to my estates, buildings and 片区, newest first (200 at most), each with
    whether I read it."""
    rows = db.session.execute(
        select(Notice, NoticeRead.read_at).outerjoin(NoticeRead, _my_read(user))
        .where(_to_me(user)).order_by(Notice.id.desc()).limit(200)).all()
    return [notice_view(notice, read_at) for notice, read_at in rows]


def unread_notices(user: User) -> int:
    """How many notices to me I have not read, all of them counted in one query."""
    return db.session.scalar(
        select(func.count(Notice.id)).outerjoin(NoticeRead, _my_read(user))
        .where(_to_me(user), NoticeRead.notice_id.is_(None)))


def get_readable(notice_id: int, user: User) -> Notice:
    notice = db.session.get(Notice, notice_id)
    if notice is None or not can_read(user, notice):
        raise NotFound()
    return notice


def mark_read(notice: Notice, user: User) -> None:
    """Mark the notice read by the user; a second read (even at the same moment) keeps the first."""
    insert_or_ignore(db.session, NoticeRead, {"notice_id": notice.id, "user_id": user.id,
                                              "read_at": utcnow()})
    db.session.commit()


def audience(notice: Notice) -> int:
    """Verified residents in the notice's scope."""
    return audiences([notice])[notice.id]


def read_count(notice_id: int) -> int:
    return read_counts([notice_id]).get(notice_id, 0)


def read_counts(notice_ids: list[int]) -> dict[int, int]:
    """How many read each notice, in one grouped query (a notice nobody read is absent)."""
    if not notice_ids:
        return {}
    return dict(db.session.execute(
        select(NoticeRead.notice_id, func.count()).where(NoticeRead.notice_id.in_(notice_ids))
        .group_by(NoticeRead.notice_id)).all())


def audiences(rows: list[Notice]) -> dict[int, int]:
    """Verified residents in each notice's scope: one grouped query per kind of scope present
    (estate, building, 片区), however many notices there are. A resident with flats in two
    estates of a 片区 counts once there."""
    residents = select(func.count(distinct(FlatLink.user_id))).join(
        Flat, FlatLink.flat_id == Flat.id).where(FlatLink.status == LinkStatus.verified)
    keys = {"estate": Flat.estate_id, "building": Flat.building_id,
            "neighbourhood": NeighbourhoodEstate.neighbourhood_id}
    by_scope: dict[str, dict[int, int]] = {}
    for scope_type, key in keys.items():
        wanted = {_scope_key(n) for n in rows if n.scope_type == scope_type}
        if not wanted:
            continue
        query = residents.add_columns(key).where(key.in_(wanted)).group_by(key)
        if scope_type == "neighbourhood":
            query = query.join(NeighbourhoodEstate, NeighbourhoodEstate.estate_id == Flat.estate_id)
        by_scope[scope_type] = {k: count for count, k in db.session.execute(query).all()}
    return {n.id: by_scope[n.scope_type].get(_scope_key(n), 0) for n in rows}


def _scope_key(notice: Notice) -> int:
    return notice.estate_id if notice.scope_type == "estate" else notice.scope_id


def notice_view(notice: Notice, read_at=None) -> dict:
    return {"id": notice.id, "kind": notice.kind, "kind_label": messages.NOTICE_KINDS[notice.kind],
            "scope": {"type": notice.scope_type, "id": notice.scope_id,
                      "label": messages.SCOPE_LABELS[notice.scope_type]},
            "estate_id": notice.estate_id, "consultation_id": notice.consultation_id,
            "title": notice.title, "body": notice.body, "created_at": notice.created_at,
            "read": read_at is not None}


def counted_views(rows: list[Notice]) -> list[dict]:
    """Views of notices with their reads and audience, counted for the whole list at once."""
    reads, audience_of = read_counts([n.id for n in rows]), audiences(rows)
    return [notice_view(n) | {"reads": reads.get(n.id, 0), "audience": audience_of[n.id]}
            for n in rows]


def estate_notices(estate_id: int) -> list[dict]:
    """The estate's notices for its committee, with read counts."""
    rows = db.session.scalars(select(Notice).where(Notice.estate_id == estate_id)
                              .order_by(Notice.id.desc()).limit(200)).all()
    return counted_views(rows)


def neighbourhood_notices(n: Neighbourhood) -> list[dict]:
    rows = db.session.scalars(select(Notice).where(Notice.scope_type == "neighbourhood",
                                                   Notice.scope_id == n.id)
                              .order_by(Notice.id.desc()).limit(200)).all()
    return counted_views(rows)


def explainers_of(consultation_id: int) -> list[dict]:
    rows = db.session.scalars(select(Notice).where(Notice.consultation_id == consultation_id,
                                                   Notice.kind == "explainer")
                              .order_by(Notice.id)).all()
    return [notice_view(n) for n in rows]
