"""The electorate of a consultation: its flats, their areas, owners and heads, taken from the
ledger when it opens and kept with it (DESIGN.md, "Who counts").

The rule for ledger changes while a vote is open: none count. Imported flats, changed
areas and moved owners reach the next vote, never this one; results, receipts, exports
and the 公示 count these rows for good. Before the first ballot the committee may re-base
the electorate (重新取台账) on the ledger as it is then; after it, never (409).
"""
from sqlalchemy import delete, distinct, exists, func, insert, literal, select

from app.audit.api import record
from app.consultations import messages
from app.consultations.access import head_of, scope_of
from app.consultations.models import Ballot, Consultation, ConsultationElectorate, Status
from app.db import lock_row, utcnow
from app.errors import Conflict
from app.estates.api import Flat, FlatLink, LinkStatus
from app.extensions import db

COLUMNS = ("consultation_id", "flat_id", "estate_id", "area_m2", "owner_id", "head")


def freeze(c: Consultation) -> int:
    """Take the scope's flats from the ledger as it is now (in the caller's transaction);
    returns how many."""
    live = scope_of(c.scope_type, c.estate_id, c.scope_id, c.id)
    taken = db.session.execute(insert(ConsultationElectorate).from_select(
        COLUMNS, select(literal(c.id), Flat.id, Flat.estate_id, Flat.area_m2, Flat.owner_id,
                        head_of()).where(live))).rowcount
    c.electorate_at = utcnow()
    return taken


def residents_now(consultation_id):
    """The verified residents of the electorate's flats now (a scalar subquery): a residents'
    survey counts them until its 公示 keeps the figure (`keep_residents`)."""
    return (select(func.count(distinct(FlatLink.user_id)))
            .join(ConsultationElectorate, ConsultationElectorate.flat_id == FlatLink.flat_id)
            .where(ConsultationElectorate.consultation_id == consultation_id,
                   FlatLink.status == LinkStatus.verified).scalar_subquery())


def keep_residents(c: Consultation) -> None:
    """At 公示: a residents' survey keeps how many residents it counted (in the caller's unit)."""
    if c.per_resident:
        c.electorate_residents = db.session.scalar(select(residents_now(c.id)))


def rebase(c: Consultation, actor_id: int) -> Consultation:
    """重新取台账: an open consultation's electorate taken again from today's ledger, only while
    nobody has voted (the consultation's row is locked before the check, so no ballot slips
    in between)."""
    lock_row(db.session, Consultation, c.id)  # a ballot holds it FOR SHARE (SQLite: write lock)
    db.session.refresh(c)
    if c.status != Status.open:
        db.session.rollback()
        raise Conflict(messages.REBASE_NOT_OPEN, code="wrong_status")
    if db.session.scalar(select(exists().where(Ballot.consultation_id == c.id))):
        db.session.rollback()
        raise Conflict(messages.REBASE_AFTER_BALLOT, code="electorate_in_use")
    before = db.session.execute(delete(ConsultationElectorate).where(
        ConsultationElectorate.consultation_id == c.id)).rowcount
    after = freeze(c)
    record("consultation.electorate_rebased", estate_id=c.estate_id, actor_id=actor_id,
           subject_type="consultation", subject_id=c.id,
           data={"flats_before": before, "flats_after": after,
                 "electorate_at": c.electorate_at.isoformat()})
    db.session.commit()
    return c
