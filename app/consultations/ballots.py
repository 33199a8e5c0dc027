"""Ballots: one current ballot per slot (a flat, or a resident for residents' surveys),
every version kept, a receipt per version; and what other domains may ask about them.

Only this package reads `Ballot` and `BallotAnswer`: elevators ask `choices`, the
closing reminders ask `has_ballot`.
"""
import secrets

from flask import current_app
from sqlalchemy import and_, bindparam, exists, insert, select, text

from app.audit.services import record, seal_soon
from app.auth.models import User
from app.auth.services import normalize_phone
from app.consultations import messages
from app.consultations.access import flat_in_scope, linked_flats, resolve_rights, rights_query
from app.consultations.answers import check_answers
from app.consultations.lifecycle import is_due, lock, settle
from app.consultations.models import (
    Ballot, BallotAnswer, BallotVersion, Channel, Consultation, Status)
from app.db import utcnow
from app.errors import Conflict, InvalidInput, NotFound
from app.estates.models import Flat
from app.extensions import db
from app.signals import ballot_cast

#: what makes a ballot sent again the same as the current one (with its answers)
SAME_AS = ("voter_id", "cast_as", "channel", "entered_by_id", "evidence", "witness_phone")
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud without doubt


def new_receipt() -> str:
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(10))
    return f"{code[:5]}-{code[5:]}"


def _check_open(c: Consultation) -> None:
    if c.status != Status.open:
        raise Conflict(messages.CLOSED if c.status != Status.draft else messages.NOT_OPEN_YET,
                       code="consultation_closed" if c.status != Status.draft else "not_open")
    if c.opens_at is not None and utcnow() < c.opens_at:
        raise Conflict(messages.NOT_OPEN_YET, code="not_open")


def _require_open(c: Consultation) -> None:
    """A ballot is a write: record a close that time already decided, then refuse."""
    settle(c)
    _check_open(c)
    lock(c, read=True)
    if c.status != Status.open:
        raise Conflict(messages.CLOSED, code="consultation_closed")


def _kept_over(current: Ballot, cast_as: str, channel: Channel) -> str | None:
    """Why the current ballot stays, or None: an owner's own ballot outranks a proxy's, and
    an owner's own online ballot outranks a paper sheet entered for the flat."""
    if current.cast_as != "owner":
        return None
    if cast_as == "proxy":
        return messages.OWNER_ALREADY_VOTED
    if channel == Channel.paper and current.channel == Channel.online:
        return messages.OWNER_VOTED_ONLINE
    return None


def _same_as_current(ballot: Ballot, **cast) -> bool:
    """Is this the slot's current ballot sent again (same answers, voter, right and channel)?"""
    return ballot.version > 0 and all(getattr(ballot, name) == value for name, value in cast.items())


#: the columns a new or changed ballot writes (besides version and created_at)
WRITTEN = ("flat_id", "voter_id", "cast_as", "channel", "entered_by_id", "evidence",
           "witness_phone", "answers", "receipt", "updated_at")
#: the current row outranks this ballot (`_kept_over` in SQL), by (proxy, paper)
KEPT = {(True, False): " OR ballots.cast_as = 'owner'", (True, True): " OR ballots.cast_as = 'owner'",
        (False, True): " OR (ballots.cast_as = 'owner' AND ballots.channel = 'online')",
        (False, False): ""}
_UPSERTS: dict = {}


def _upsert_sql(dialect: str, proxy: bool, paper: bool):
    """INSERT … ON CONFLICT (consultation_id, slot) DO UPDATE … WHERE it may and must change,
    RETURNING id, version: one statement claims, locks and writes the slot's current ballot.

    Written as text, one per dialect and rank: SQLAlchemy compiles a dialect's
    on_conflict_do_update anew on every call (it has no cache key), which cost more than
    the statement itself. Nothing changes (a retry) when the row already holds the same
    answers, voter, right, channel and evidence; the JSON is compared as jsonb on
    PostgreSQL, as the same serialiser's text on SQLite.
    """
    key = (dialect, proxy, paper)
    if key not in _UPSERTS:
        same = "IS NOT DISTINCT FROM" if dialect == "postgresql" else "IS"
        answers = ("CAST(ballots.answers AS JSONB) = CAST(excluded.answers AS JSONB)"
                   if dialect == "postgresql" else "ballots.answers = excluded.answers")
        unchanged = " AND ".join([answers] + [f"ballots.{name} {same} excluded.{name}" for name in SAME_AS])
        columns = ("estate_id", "consultation_id", "slot") + WRITTEN
        _UPSERTS[key] = text(
            f"INSERT INTO ballots ({', '.join(columns)}, version, created_at) "
            f"VALUES ({', '.join(':' + name for name in columns)}, 1, :updated_at) "
            "ON CONFLICT (consultation_id, slot) DO UPDATE SET version = ballots.version + 1, "
            + ", ".join(f"{name} = excluded.{name}" for name in WRITTEN)
            + f" WHERE NOT ({unchanged}{KEPT[(proxy, paper)]}) RETURNING id, version"
        ).bindparams(*(bindparam(name, type_=Ballot.__table__.c[name].type)
                       for name in ("channel", "answers", "updated_at")))
    return _UPSERTS[key]


def _upsert(c: Consultation, values: dict):
    dialect = db.session.get_bind().dialect.name
    statement = _upsert_sql(dialect, values["cast_as"] == "proxy", values["channel"] == Channel.paper)
    return db.session.execute(statement, {"estate_id": c.estate_id, "consultation_id": c.id,
                                          **values}).first()


def _write_ballot(c: Consultation, *, slot: str, flat_id: int | None, voter_id, cast_as: str,
                  channel: Channel, answers: dict, rows: list[tuple], entered_by_id=None,
                  evidence=None, witness_phone=None) -> Ballot:
    """Insert or replace the slot's current ballot; keep the version; one commit.

    Statements: the upsert; the old answers deleted (a changed ballot only); the answers
    in one INSERT; the version; the audit entry (deferred: no lock on the chain); COMMIT.
    """
    now = utcnow()
    values = dict(slot=slot, flat_id=flat_id, voter_id=voter_id, cast_as=cast_as, channel=channel,
                  entered_by_id=entered_by_id, evidence=evidence, witness_phone=witness_phone,
                  answers=answers, receipt=new_receipt(), updated_at=now)
    written = _upsert(c, values)
    if written is None:  # the current ballot stays: sent again, or it outranks this one
        current = db.session.scalar(select(Ballot).where(
            Ballot.consultation_id == c.id, Ballot.slot == slot).execution_options(populate_existing=True))
        if _same_as_current(current, **{name: values[name] for name in SAME_AS}, answers=answers):
            db.session.commit()  # a retry of the current ballot: its receipt again, nothing written
            return current
        db.session.rollback()  # refused: release the slot's lock, leave everything as it was
        raise Conflict(_kept_over(current, cast_as, channel) or messages.OWNER_ALREADY_VOTED,
                       code="owner_already_voted")
    ballot_id, version = written
    if version > 1:
        db.session.execute(BallotAnswer.__table__.delete().where(BallotAnswer.ballot_id == ballot_id))
    if rows:  # one statement (executemany: insertmanyvalues on PostgreSQL)
        db.session.execute(insert(BallotAnswer.__table__), [dict(
            estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot_id, question_key=question,
            item_key=item, option_key=option, value_text=value) for question, item, option, value in rows])
    del values["slot"], values["updated_at"]
    db.session.execute(insert(BallotVersion.__table__), dict(
        estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot_id, version=version,
        created_at=now, **values))
    record("ballot.cast", estate_id=c.estate_id, actor_id=entered_by_id or voter_id,
           subject_type="consultation", subject_id=c.id, deferred=True,
           data={"slot": slot, "version": version, "channel": channel.value,
                 "cast_as": cast_as, "receipt": values["receipt"]})
    consultation_id, estate_id = c.id, c.estate_id  # read before the commit expires `c`
    db.session.commit()
    seal_soon(estate_id)
    ballot_cast.send(current_app._get_current_object(), consultation_id=consultation_id,
                     estate_id=estate_id)
    return Ballot(id=ballot_id, estate_id=estate_id, consultation_id=consultation_id, slot=slot,
                  version=version, created_at=now, updated_at=now, **values)


def cast_ballot(c: Consultation | int, user: User, flat_id: int | None, answers: dict) -> Ballot:
    """The user's own ballot (PUT …/ballots/mine): idempotent, changeable until close.

    An owner's ballot always replaces a proxy's; a proxy cannot replace an owner's. The
    consultation, locked against closing, and the right to vote come in one query.
    """
    consultation_id = c if isinstance(c, int) else c.id
    rows = db.session.execute(*rights_query(consultation_id, user, flat_id)).all()
    if not rows:
        raise NotFound()
    c = rows[0][0]
    slot, flat_id, cast_as = resolve_rights(c, user, flat_id, rows)
    if is_due(c):  # record the close that time decided, without the share lock held here
        db.session.rollback()
        settle(c)
    _check_open(c)
    normalised, answer_rows = check_answers(c.questions, answers)
    return _write_ballot(c, slot=slot, flat_id=flat_id, voter_id=user.id, cast_as=cast_as,
                         channel=Channel.online, answers=normalised, rows=answer_rows)


def cast_assisted_ballot(c: Consultation, actor: User, flat_id: int, answers: dict, *,
                         channel: str, evidence: str, witness_phone: str | None = None) -> Ballot:
    """A paper, proxy or assisted ballot entered by a committee member, with evidence.

    paper and assisted ballots are the owner's own (they replace anything); a written
    proxy (channel proxy) ranks like an online proxy and cannot replace the owner's ballot.
    """
    if c.per_resident:
        raise InvalidInput(messages.ASSISTED_FOR_RESIDENTS,
                           fields={"flat_id": messages.ASSISTED_FOR_RESIDENTS})
    if not flat_in_scope(c, flat_id):
        raise InvalidInput(messages.FLAT_NOT_IN_SCOPE, fields={"flat_id": messages.FLAT_NOT_IN_SCOPE})
    _require_open(c)
    normalised, rows = check_answers(c.questions, answers)
    witness = normalize_phone(witness_phone) if witness_phone else None
    return _write_ballot(c, slot=f"flat:{flat_id}", flat_id=flat_id, voter_id=None,
                         cast_as="proxy" if channel == Channel.proxy.value else "owner",
                         channel=Channel(channel), answers=normalised, rows=rows,
                         entered_by_id=actor.id, evidence=evidence, witness_phone=witness)


def my_ballots(c: Consultation, user: User) -> list[dict]:
    """The ballots the user can see as theirs: their own, and those of flats they vote for."""
    if c.per_resident:
        condition = Ballot.slot == f"user:{user.id}"
    else:
        flats = linked_flats(c, user, owners_only=True)
        condition = Ballot.slot.in_([f"flat:{flat_id}" for flat_id in flats])
    ballots = db.session.execute(
        select(Ballot, Flat.room).outerjoin(Flat, Ballot.flat_id == Flat.id)
        .where(Ballot.consultation_id == c.id, condition).order_by(Ballot.id)).all()
    return [{"flat_id": b.flat_id, "room": room, "receipt": b.receipt, "version": b.version,
             "channel": b.channel.value, "cast_as": b.cast_as, "mine": b.voter_id == user.id,
             "answers": b.answers, "updated_at": b.updated_at} for b, room in ballots]


def receipts(c: Consultation) -> list[dict]:
    """After 公示: every receipt ever handed out, with its masked room, to check one's own;
    one replaced by a later ballot of the same flat (or resident) says so (`current` false)."""
    from app.privacy import mask_room

    if c.status != Status.published:
        raise Conflict(messages.NOT_PUBLISHED, code="not_published")
    rows = db.session.execute(
        select(BallotVersion.receipt, BallotVersion.channel, Flat.room,
               BallotVersion.receipt == Ballot.receipt)
        .join(Ballot, BallotVersion.ballot_id == Ballot.id)
        .outerjoin(Flat, BallotVersion.flat_id == Flat.id)
        .where(BallotVersion.consultation_id == c.id).order_by(BallotVersion.receipt)).all()
    return [{"receipt": receipt, "room_masked": mask_room(room), "channel": channel.value,
             "current": bool(current), "note": None if current else messages.RECEIPT_REPLACED}
            for receipt, channel, room, current in rows]


def current_ballot(c: Consultation, flat_id: int) -> Ballot | None:
    """The flat's current ballot in `c` (per-flat consultations)."""
    return db.session.scalar(select(Ballot).where(Ballot.consultation_id == c.id,
                                                  Ballot.slot == f"flat:{flat_id}"))


def choices(consultation_id: int | None, question_key: str) -> dict[int, str]:
    """Each voted flat's current option for one single-choice question (elevator stances)."""
    if not consultation_id:
        return {}
    rows = db.session.execute(
        select(Ballot.flat_id, BallotAnswer.option_key)
        .join(BallotAnswer, BallotAnswer.ballot_id == Ballot.id).where(
            Ballot.consultation_id == consultation_id, BallotAnswer.question_key == question_key,
            Ballot.flat_id.is_not(None)))
    return {flat_id: option for flat_id, option in rows}


def has_ballot(c: Consultation, *, user_id=None, flat_id=None):
    """SQL condition: the person (residents' surveys) or the flat has a ballot in `c`."""
    column, value = (Ballot.voter_id, user_id) if user_id is not None else (Ballot.flat_id, flat_id)
    return exists().where(and_(Ballot.consultation_id == c.id, column == value))


def entered_ballots(c: Consultation) -> list[Ballot]:
    """The current ballots the committee entered (paper, proxy, assisted), newest first,
    each with its evidence and witness: the console lists them to check the paper pile."""
    return list(db.session.scalars(
        select(Ballot).where(Ballot.consultation_id == c.id, Ballot.entered_by_id.is_not(None))
        .order_by(Ballot.updated_at.desc(), Ballot.id.desc())))


def voted_flat_ids(c: Consultation) -> set[int]:
    """The flats that have a current ballot in `c` (online or entered)."""
    return set(db.session.scalars(select(Ballot.flat_id).where(
        Ballot.consultation_id == c.id, Ballot.flat_id.is_not(None))))
