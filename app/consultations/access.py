"""Who may see, manage and answer a consultation, and which flats are in its scope.

The API routes and the pages load and check through the same three helpers
(`viewable`, `managed`, `require_view`), so a page never answers what the API refuses.
"""
from sqlalchemy import Integer, and_, bindparam, case, exists, func, or_, select, true, union
from sqlalchemy.orm import joinedload

from app.auth.api import User
from app.auth.api import Signed, is_committee, is_moderator, require_user, signed_condition
from app.consultations import messages
from app.consultations.models import (
    Consultation, ConsultationElectorate, ConsultationFlat, FlatProxy, Status)
from app.display import china_time
from app.errors import Forbidden, InvalidInput, NotFound
from app.estates.api import Flat, FlatLink, LinkStatus, Relation
from app.estates.api import Scope
from app.estates.api import get_or_404
from app.extensions import db


def get_consultation(consultation_id: int) -> Consultation:
    return get_or_404(Consultation, consultation_id)


def scope_condition(c: Consultation):
    """SQL condition on Flat for the consultation's scope (always within its estate): once
    opened, its frozen electorate; a draft's scope is the ledger as it is."""
    if c.electorate_at is not None:
        return and_(Flat.estate_id == c.estate_id, in_electorate(c.id))
    return scope_of(c.scope_type, c.estate_id, c.scope_id, c.id)


def in_electorate(consultation_id):
    """SQL condition on Flat: the flat is in the consultation's electorate (taken at opening)."""
    return Flat.id.in_(select(ConsultationElectorate.flat_id).where(
        ConsultationElectorate.consultation_id == consultation_id))


def scope_of(scope_type: str, estate_id, scope_id, consultation_id):
    """`scope_condition` from its parts, each a value or a bind parameter (for a statement
    built once per scope type and run with parameters)."""
    if scope_type == "flats":
        return Scope("flats", estate_id, select(ConsultationFlat.flat_id).where(
            ConsultationFlat.consultation_id == consultation_id)).condition()
    return Scope(scope_type, estate_id, (scope_id,)).condition()


def head_of():
    """Headcount key: the owner, or the flat itself when no owner is registered."""
    return func.coalesce(Flat.owner_id, -Flat.id)


def linked_flats(c: Consultation, user: User, owners_only: bool) -> list[int]:
    """The user's flats in scope: as verified owner (or any verified resident) or active proxy."""
    links = select(FlatLink.flat_id).where(
        FlatLink.user_id == user.id, FlatLink.estate_id == c.estate_id,
        FlatLink.status == LinkStatus.verified)
    if owners_only:
        links = links.where(FlatLink.relation == Relation.owner)
    proxies = select(FlatProxy.flat_id).where(
        FlatProxy.proxy_user_id == user.id, FlatProxy.estate_id == c.estate_id,
        FlatProxy.revoked_at.is_(None))
    return list(db.session.scalars(select(Flat.id).where(
        scope_condition(c), or_(Flat.id.in_(links), Flat.id.in_(proxies))).order_by(Flat.id)))


def answering_flats(c: Consultation, user: User) -> list[int]:
    """The user's verified flats in scope: where a resident answers a residents' survey from."""
    return list(db.session.scalars(select(Flat.id).where(
        scope_condition(c), Flat.id.in_(select(FlatLink.flat_id).where(
            FlatLink.user_id == user.id, FlatLink.status == LinkStatus.verified)))))


def flats_in_scope(c: Consultation, limit: int = 5000) -> list[Flat]:
    """The flats in scope in building, stairwell and floor order (e.g. to enter a paper ballot)."""
    return list(db.session.scalars(
        select(Flat).where(scope_condition(c))
        .options(joinedload(Flat.building), joinedload(Flat.stairwell))
        .order_by(Flat.building_id, Flat.stairwell_id, Flat.floor, Flat.room).limit(limit)))


def can_view(user: User | None, c: Consultation) -> bool:
    """Committee and moderators of the estate see every consultation; residents see the
    open, closed and published ones of their scope. Others get 404 (they learn nothing)."""
    if user is None:
        return False
    if is_moderator(user, c.estate_id):
        return True
    if c.status == Status.draft:
        return False
    return bool(linked_flats(c, user, owners_only=False))


def require_view(user: User, c: Consultation) -> None:
    if not can_view(user, c):
        raise NotFound()


def require_manage(user: User, c: Consultation) -> None:
    if not can_view(user, c):
        raise NotFound()
    if not is_committee(user, c.estate_id):
        raise Forbidden()


def viewable(consultation_id: int) -> tuple[Consultation, User]:
    """The consultation for the signed-in person who may see it (401, or 404 for strangers)."""
    user = require_user()
    consultation = get_consultation(consultation_id)
    require_view(user, consultation)
    return consultation, user


def managed(consultation_id: int) -> tuple[Consultation, User]:
    """The consultation for its estate's committee: 404 for strangers, 403 for residents."""
    user = require_user()
    consultation = get_consultation(consultation_id)
    require_manage(user, consultation)
    return consultation, user


def list_consultations(estate_id: int, user: User, status: str | None = None,
                       templates: tuple[str, ...] | None = None) -> list[Consultation]:
    """The estate's consultations this person may see, newest first; `status` is the derived
    one (an open consultation past its closing time is listed as closed); `templates`: made
    from one of these templates only."""
    query = select(Consultation).where(Consultation.estate_id == estate_id)
    if templates is not None:
        query = query.where(Consultation.template_key.in_(templates))
    if status:
        query = query.where(Consultation.status == Status(status))
    consultations = db.session.scalars(query.order_by(Consultation.id.desc())).all()
    return [c for c in consultations if can_view(user, c)]


def latest_finished(estate_id: int, template_key: str) -> Consultation | None:
    """The estate's latest closed or published consultation made from the template, or None."""
    return db.session.scalar(
        select(Consultation).where(Consultation.estate_id == estate_id,
                                   Consultation.template_key == template_key,
                                   Consultation.status.in_([Status.closed, Status.published]))
        .order_by(Consultation.closed_at.desc(), Consultation.id.desc()).limit(1))


# -- the right to vote --------------------------------------------------------------------------

def flat_in_scope(c: Consultation, flat_id: int) -> bool:
    return db.session.scalar(select(func.count(Flat.id)).where(
        scope_condition(c), Flat.id == flat_id)) == 1


def scope_of_loaded():
    """`scope_condition` written on the Consultation's columns, for a query that loads it."""
    # EXISTS, not IN: PostgreSQL looks the flat up in the electorate's primary key; an IN
    # correlated with the consultation scanned the electorate up to the flat, every ballot
    electorate = exists().where(ConsultationElectorate.consultation_id == Consultation.id,
                                ConsultationElectorate.flat_id == Flat.id)
    scoped = case((Consultation.electorate_at.is_not(None), electorate),
                  (Consultation.scope_type == "building", Flat.building_id == Consultation.scope_id),
                  (Consultation.scope_type == "stairwell", Flat.stairwell_id == Consultation.scope_id),
                  (Consultation.scope_type == "flats", Flat.id.in_(select(ConsultationFlat.flat_id).where(
                      ConsultationFlat.consultation_id == Consultation.id))), else_=true())
    return and_(Flat.estate_id == Consultation.estate_id, scoped)


def rights_query(consultation_id: int, user: User | Signed, flat_id: int | None):
    """One query for the right to vote: the consultation (locked against closing, FOR SHARE
    on PostgreSQL) with each of the user's flats in its scope (and the flat asked for):
    (Consultation, flat_id, owner, linked, proxy, signed). A consultation without such flats
    comes back once with flat_id None; an unknown one not at all. For a signed user (a token
    not yet checked: app.auth's Signed), `signed` says whether the user is as the token
    says (True for a loaded user).

    Built once per shape and run with parameters (building it costs more than running it).
    """
    params = {"consultation_id": consultation_id, "user_id": user.id}
    if flat_id is not None:
        params["flat_id"] = flat_id
    signed = None
    if isinstance(user, Signed):
        signed, signed_params = signed_condition(user)
        params.update(signed_params)
    shape = (flat_id is not None, signed is not None and user.session_id is not None,
             signed is not None)
    if shape not in _RIGHTS:
        _RIGHTS[shape] = _rights_statement(with_flat=shape[0], signed=signed)
    return _RIGHTS[shape], params


_RIGHTS: dict = {}


def _rights_statement(with_flat: bool, signed):
    user_id = bindparam("user_id", type_=Integer)
    verified = and_(FlatLink.user_id == user_id, FlatLink.status == LinkStatus.verified)
    active = and_(FlatProxy.proxy_user_id == user_id, FlatProxy.revoked_at.is_(None))
    candidates = [select(FlatLink.flat_id).where(verified), select(FlatProxy.flat_id).where(active)]
    if with_flat:
        candidates.append(select(bindparam("flat_id", type_=Integer)))
    owner = exists().where(verified, FlatLink.flat_id == Flat.id, FlatLink.relation == Relation.owner)
    return (select(Consultation, Flat.id.label("flat_id"), owner.label("owner"),
                   exists().where(verified, FlatLink.flat_id == Flat.id).label("linked"),
                   exists().where(active, FlatProxy.flat_id == Flat.id).label("proxy"),
                   (signed if signed is not None else true()).label("signed"))
            .select_from(Consultation)
            .outerjoin(Flat, and_(Flat.id.in_(union(*candidates).scalar_subquery()), scope_of_loaded()))
            .where(Consultation.id == bindparam("consultation_id", type_=Integer)).order_by(Flat.id)
            .with_for_update(read=True, of=Consultation)
            .execution_options(populate_existing=True))


def ledger_date(c: Consultation) -> str | None:
    """'按 2026年12月06日 的台账计票' (None for a draft: it counts the ledger as it is)."""
    if c.electorate_at is None:
        return None
    return messages.COUNTS_ON_LEDGER.format(date=china_time(c.electorate_at, "%Y年%m月%d日"))


def refuse_outside_electorate(c: Consultation, user: User, flat_id: int | None) -> None:
    """403 saying why, when the user's flat is in the scope as the ledger has it now but
    was imported after the vote opened (not in its electorate)."""
    if c.electorate_at is None:
        return
    mine = select(FlatLink.flat_id).where(FlatLink.user_id == user.id,
                                          FlatLink.status == LinkStatus.verified)
    query = select(Flat.id).where(scope_of(c.scope_type, c.estate_id, c.scope_id, c.id),
                                  Flat.id.in_(mine), ~in_electorate(c.id))
    if flat_id is not None:
        query = query.where(Flat.id == flat_id)
    if db.session.scalar(query.limit(1)) is not None:
        raise Forbidden(messages.NOT_IN_ELECTORATE.format(date=ledger_date(c)),
                        code="not_in_electorate")


def resolve_rights(c: Consultation, user: User, flat_id: int | None, rows) -> tuple[str, int, str]:
    """(slot, flat_id, cast_as) for the user's own ballot from the rows of `rights_query`,
    or a refusal: 404 to whoever may not see it, 403 without the right (saying so when the
    flat came into the ledger after opening), 422 for a flat outside the scope or when the
    user votes for several flats and named none."""
    try:
        return _resolve_rights(c, user, flat_id, rows)
    except (NotFound, Forbidden, InvalidInput):
        refuse_outside_electorate(c, user, flat_id)
        raise


def _resolve_rights(c: Consultation, user: User, flat_id: int | None, rows) -> tuple[str, int, str]:
    flats = [row for row in rows if row.flat_id is not None]
    mine = [row.flat_id for row in flats if row.linked or row.proxy]
    if not ((c.status != Status.draft and mine) or is_moderator(user, c.estate_id)):
        raise NotFound()
    if c.per_resident:
        if not mine or (flat_id is not None and flat_id not in mine):
            raise Forbidden(messages.NOT_RESIDENT, code="not_resident")
        return f"user:{user.id}", flat_id or mine[0], "resident"
    if flat_id is None:
        owned = [row for row in flats if row.owner or row.proxy]
        if not owned:
            raise Forbidden(messages.NOT_OWNER, code="not_owner")
        if len(owned) > 1:
            raise InvalidInput(messages.FLAT_REQUIRED, fields={"flat_id": messages.FLAT_REQUIRED})
        row = owned[0]
    else:
        row = next((row for row in flats if row.flat_id == flat_id), None)
        if row is None:
            raise InvalidInput(messages.FLAT_NOT_IN_SCOPE, fields={"flat_id": messages.FLAT_NOT_IN_SCOPE})
    if not (row.owner or row.proxy):
        raise Forbidden(messages.NOT_OWNER, code="not_owner")
    return f"flat:{row.flat_id}", row.flat_id, "owner" if row.owner else "proxy"


def voting_flats(c: Consultation, user: User) -> list[int]:
    """Flats the user may vote for in this consultation (empty for a per-resident survey)."""
    return [] if c.per_resident else linked_flats(c, user, owners_only=True)
