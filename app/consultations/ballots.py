"""Ballots: one current ballot per slot (a flat, or a resident for residents' surveys),
every version kept, a receipt per version; and what other domains may ask about them.

Only this package reads `Ballot` and `BallotAnswer`: elevators ask `choices`, the
closing reminders ask `has_ballot`.
"""
import json
import secrets

from sqlalchemy import and_, bindparam, exists, insert, select, text

from app.audit.api import AuditPending
from app.audit.api import pending_fields, record, seal_after_commit
from app.auth.api import Signed, User, require_user
from app.auth.api import normalize_phone
from app.consultations import messages
from app.consultations.access import flat_in_scope, linked_flats, resolve_rights, rights_query
from app.consultations.answers import check_answers
from app.consultations.cast_by import cast_by, names, voted_online
from app.consultations.lifecycle import is_due, lock, settle
from app.consultations.models import (
    VOID, Ballot, BallotAnswer, BallotVersion, Channel, Consultation, Status)
from app.db import utcnow
from app.errors import Conflict, InvalidInput, NotFound
from app.estates.api import Flat
from app.extensions import db
from app.signals import ballot_cast, ballot_entered
from app.unit_of_work import announce

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


def _kept_over(current: Ballot, cast_as: str, entered: bool) -> str | None:
    """Why the current ballot stays, or None: only the owner (or the owner's proxy) changes
    a ballot cast online, so a committee entry never replaces one; and an owner's ballot
    outranks a proxy's."""
    if entered and current.channel == Channel.online:
        return voted_online(current)
    if cast_as == "proxy" and current.cast_as == "owner":
        return messages.OWNER_ALREADY_VOTED
    return None


def _same_as_current(ballot: Ballot, **cast) -> bool:
    """Is this the slot's current ballot sent again (same answers, voter, right and channel)?"""
    return ballot.version > 0 and all(getattr(ballot, name) == value for name, value in cast.items())


#: the columns a new or changed ballot writes (besides version and created_at)
WRITTEN = ("flat_id", "voter_id", "cast_as", "channel", "entered_by_id", "evidence",
           "witness_phone", "answers", "receipt", "updated_at")
#: the current row outranks this ballot (`_kept_over` in SQL), by (proxy, entered by the committee)
KEPT = {(True, False): " OR ballots.cast_as = 'owner'",
        (True, True): " OR ballots.cast_as = 'owner' OR ballots.channel = 'online'",
        (False, True): " OR ballots.channel = 'online'", (False, False): ""}
_UPSERTS: dict = {}
#: the audit entry of a ballot (its data gets the version the upsert returns)
AUDIT_ACTION = "ballot.cast"


def _upsert_sql(postgresql: bool, proxy: bool, entered: bool):
    """INSERT … ON CONFLICT (consultation_id, slot) DO UPDATE … WHERE it may and must change,
    RETURNING id, version: one statement claims, locks and writes the slot's current ballot.

    On PostgreSQL the same statement also writes the rest of the ballot (`_REST`): a first
    version's answers, the version and the audit entry, in data-modifying CTEs that each
    read the upsert's row, so nothing else is written when it writes nothing. A first
    ballot is then one round trip and a commit, a changed one two. SQLite has no
    such CTEs: there `_write_rest` sends the same writes one by one.

    Written as text, one per dialect (PostgreSQL or SQLite) and rank: SQLAlchemy compiles a dialect's
    on_conflict_do_update anew on every call (it has no cache key), which cost more than
    the statement itself. Nothing changes (a retry) when the row already holds the same
    answers, voter, right, channel and evidence; the JSON is compared as jsonb on
    PostgreSQL, as the same serialiser's text on SQLite.
    """
    key = (postgresql, proxy, entered)
    if key not in _UPSERTS:
        same = "IS NOT DISTINCT FROM" if postgresql else "IS"
        answers = ("CAST(ballots.answers AS JSONB) = CAST(excluded.answers AS JSONB)"
                   if postgresql else "ballots.answers = excluded.answers")
        unchanged = " AND ".join([answers] + [f"ballots.{name} {same} excluded.{name}" for name in SAME_AS])
        columns = ("estate_id", "consultation_id", "slot") + WRITTEN
        upsert = (
            f"INSERT INTO ballots ({', '.join(columns)}, version, created_at) "
            f"VALUES ({', '.join(':' + name for name in columns)}, 1, :updated_at) "
            "ON CONFLICT (consultation_id, slot) DO UPDATE SET version = ballots.version + 1, "
            + ", ".join(f"{name} = excluded.{name}" for name in WRITTEN)
            + f" WHERE NOT ({unchanged}{KEPT[(proxy, entered)]}) RETURNING id, version")
        typed = [bindparam(name, type_=Ballot.__table__.c[name].type)
                 for name in ("channel", "answers", "updated_at")]
        if postgresql:
            upsert = f"WITH written AS ({upsert}){_REST} SELECT id, version FROM written"
            typed.append(bindparam("audit_created_at", type_=AuditPending.__table__.c.created_at.type))
        _UPSERTS[key] = text(upsert).bindparams(*typed)
    return _UPSERTS[key]


#: the rest of a ballot, after the upsert's CTE `written` (PostgreSQL; see `_upsert_sql`):
#: the answers of a first version (a changed one replaces its answers in `_REPLACE_ANSWERS`),
#: the version and the audit entry
_REST = (
    ", new_answers AS (INSERT INTO ballot_answers (estate_id, consultation_id, ballot_id,"
    " question_key, item_key, option_key, value_text)"
    " SELECT :estate_id, :consultation_id, written.id, row.question, row.item, row.option, row.value"
    " FROM written, jsonb_to_recordset(CAST(:answer_rows AS JSONB))"
    " AS row(question text, item text, option text, value text) WHERE written.version = 1)"
    ", new_version AS (INSERT INTO ballot_versions (estate_id, consultation_id, ballot_id, version,"
    " created_at, flat_id, voter_id, cast_as, channel, entered_by_id, evidence, witness_phone,"
    " answers, receipt)"
    " SELECT :estate_id, :consultation_id, written.id, written.version, :updated_at, :flat_id,"
    " :voter_id, :cast_as, :channel, :entered_by_id, :evidence, :witness_phone, :answers, :receipt"
    " FROM written)"
    ", audit AS (INSERT INTO audit_pending (chain, estate_id, actor_id, action, subject_type,"
    " subject_id, data, created_at)"
    " SELECT :audit_chain, :estate_id, :audit_actor_id, :audit_action, 'consultation',"
    " :consultation_id, CAST(jsonb_set(CAST(:audit_data AS JSONB), '{version}',"
    " to_jsonb(written.version)) AS JSON), :audit_created_at FROM written)")

#: a changed ballot's answers replaced (PostgreSQL), in a statement of its own: its snapshot,
#: taken after the upsert locked the ballot, holds the answers every earlier writer committed
#: (a CTE of the upsert would see only those committed before it started waiting for the lock)
_REPLACE_ANSWERS = text(
    "WITH old AS (DELETE FROM ballot_answers WHERE ballot_id = :ballot_id)"
    " INSERT INTO ballot_answers (estate_id, consultation_id, ballot_id, question_key, item_key,"
    " option_key, value_text)"
    " SELECT :estate_id, :consultation_id, :ballot_id, row.question, row.item, row.option, row.value"
    " FROM jsonb_to_recordset(CAST(:answer_rows AS JSONB))"
    " AS row(question text, item text, option text, value text)")


def _answer_rows(rows: list[tuple]) -> str:
    return json.dumps([{"question": q, "item": item, "option": option, "value": value}
                       for q, item, option, value in rows], ensure_ascii=False)


def _audit_data(values: dict, version: int | None) -> dict:
    """What a ballot's audit entry says (on PostgreSQL the statement fills in the version)."""
    return {"slot": values["slot"], "version": version, "channel": values["channel"].value,
            "cast_as": values["cast_as"], "receipt": values["receipt"]}


def _actor(values: dict) -> int | None:
    """Who cast it: the committee member who entered it, or the voter."""
    return values["entered_by_id"] or values["voter_id"]


def _upsert(c: Consultation, values: dict, rows: list[tuple], postgresql: bool):
    """Write the slot's current ballot, or nothing (None): on PostgreSQL with its answers,
    version and audit entry; on SQLite the caller adds them (`_write_rest`)."""
    statement = _upsert_sql(postgresql, values["cast_as"] == "proxy", values["entered_by_id"] is not None)
    params = {"estate_id": c.estate_id, "consultation_id": c.id, **values}
    if postgresql:
        audit = pending_fields(AUDIT_ACTION, estate_id=c.estate_id, actor_id=_actor(values),
                               subject_type="consultation", subject_id=c.id)
        params.update(answer_rows=_answer_rows(rows), audit_chain=audit["chain"],
                      audit_actor_id=audit["actor_id"], audit_action=AUDIT_ACTION,
                      audit_data=json.dumps(_audit_data(values, None), ensure_ascii=False),
                      audit_created_at=audit["created_at"])
    return db.session.execute(statement, params).first()


def _write_rest(c: Consultation, ballot_id: int, version: int, values: dict, rows: list[tuple]):
    """SQLite: the old answers deleted (a changed ballot), the answers in one INSERT, the
    version, and the audit entry (deferred: no lock on the chain)."""
    if version > 1:
        db.session.execute(BallotAnswer.__table__.delete().where(BallotAnswer.ballot_id == ballot_id))
    if rows:  # one statement (executemany)
        db.session.execute(insert(BallotAnswer.__table__), [dict(
            estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot_id, question_key=question,
            item_key=item, option_key=option, value_text=value) for question, item, option, value in rows])
    versioned = {name: value for name, value in values.items() if name not in ("slot", "updated_at")}
    db.session.execute(insert(BallotVersion.__table__), dict(
        estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot_id, version=version,
        created_at=values["updated_at"], **versioned))
    record(AUDIT_ACTION, estate_id=c.estate_id, actor_id=_actor(values), subject_type="consultation",
           subject_id=c.id, deferred=True, data=_audit_data(values, version))


def _write_ballot(c: Consultation, *, slot: str, flat_id: int | None, voter_id, cast_as: str,
                  channel: Channel, answers: dict, rows: list[tuple], entered_by_id=None,
                  evidence=None, witness_phone=None) -> Ballot:
    """Insert or replace the slot's current ballot; keep the version; one commit.

    Statements: on PostgreSQL one (the ballot, its answers, version and audit entry), one
    more to replace a changed ballot's answers, and COMMIT; on SQLite the upsert, the old
    answers deleted (a changed ballot only), the answers, the version, the audit entry and
    COMMIT.
    """
    postgresql = db.session.get_bind().dialect.name == "postgresql"
    now = utcnow()
    values = dict(slot=slot, flat_id=flat_id, voter_id=voter_id, cast_as=cast_as, channel=channel,
                  entered_by_id=entered_by_id, evidence=evidence, witness_phone=witness_phone,
                  answers=answers, receipt=new_receipt(), updated_at=now)
    written = _upsert(c, values, rows, postgresql)
    if written is None:  # the current ballot stays: sent again, or it outranks this one
        current = db.session.scalar(select(Ballot).where(
            Ballot.consultation_id == c.id, Ballot.slot == slot).execution_options(populate_existing=True))
        if _same_as_current(current, **{name: values[name] for name in SAME_AS}, answers=answers):
            # a retry of the current ballot: its receipt again, nothing written. Detached first:
            # the commit would expire it, and reading it after would load whatever another
            # voter of the flat wrote since, not the version this request matched.
            db.session.expunge(current)
            db.session.commit()
            return current
        db.session.rollback()  # refused: release the slot's lock, leave everything as it was
        raise Conflict(_kept_over(current, cast_as, entered_by_id is not None)
                       or messages.OWNER_ALREADY_VOTED,
                       code="owner_already_voted")
    ballot_id, version = written
    if not postgresql:
        _write_rest(c, ballot_id, version, values, rows)
    elif version > 1:
        db.session.execute(_REPLACE_ANSWERS, {"ballot_id": ballot_id, "estate_id": c.estate_id,
                                              "consultation_id": c.id, "answer_rows": _answer_rows(rows)})
    consultation_id, estate_id = c.id, c.estate_id  # read before the commit expires `c`
    seal_after_commit(estate_id)
    announce(ballot_cast, consultation_id=consultation_id, estate_id=estate_id)
    if entered_by_id is not None or cast_as == "proxy":  # someone else acted for the owner
        announce(ballot_entered, consultation_id=consultation_id, estate_id=estate_id,
                 flat_id=flat_id, ballot_id=ballot_id, version=version, voter_id=voter_id)
    db.session.commit()
    del values["updated_at"]
    return Ballot(id=ballot_id, estate_id=estate_id, consultation_id=consultation_id,
                  version=version, created_at=now, updated_at=now, **values)


def cast_ballot(c: Consultation | int, user: User | Signed, flat_id: int | None, answers: dict) -> Ballot:
    """The user's own ballot (PUT …/ballots/mine): idempotent, changeable until close.

    An owner's ballot always replaces a proxy's; a proxy cannot replace an owner's. The
    consultation, locked against closing, and the right to vote come in one query; for the
    request's signed user (app.auth's Signed: a token not yet checked against its user), the
    same query checks the user, and anything but a plain vote of theirs goes the way of
    every route, with the user loaded (the same refusals).
    """
    consultation_id = c if isinstance(c, int) else c.id
    rows = db.session.execute(*rights_query(consultation_id, user, flat_id)).all()
    if isinstance(user, Signed) and not _plainly_theirs(rows):
        db.session.rollback()
        return cast_ballot(consultation_id, require_user(), flat_id, answers)
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


def _plainly_theirs(rows) -> bool:
    """The signed user is as the token says, and votes in an opened consultation from a flat
    of theirs: what decides needs nothing more of the user (not their role grants)."""
    return bool(rows) and rows[0].signed and rows[0][0].status != Status.draft and any(
        row.flat_id is not None and (row.linked or row.proxy) for row in rows)


def cast_assisted_ballot(c: Consultation, actor: User, flat_id: int, answers: dict, *,
                         channel: str, evidence: str, witness_phone: str | None = None) -> Ballot:
    """A paper, proxy or assisted ballot entered by a committee member, with evidence.

    None of them replaces a ballot cast online (the owner's or the owner's proxy's: 409,
    saying when and how the flat voted); paper and assisted ballots replace an earlier
    entry; a written proxy (channel proxy) ranks like an online proxy and cannot replace
    the owner's ballot. The flat's owners are told (`ballot_entered`).
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
    known = names([person for b, _ in ballots for person in (b.voter_id, b.entered_by_id)])
    return [{"flat_id": b.flat_id, "room": room, "receipt": b.receipt, "version": b.version,
             "channel": b.channel.value, "cast_as": b.cast_as, "mine": b.voter_id == user.id,
             "entered": b.entered_by_id is not None, "cast_by": cast_by(b, user.id, known),
             "answers": b.answers, "updated_at": b.updated_at} for b, room in ballots]


def receipts(c: Consultation) -> list[dict]:
    """After 公示: every receipt ever handed out, with its masked room, to check one's own;
    one replaced by a later ballot of the same flat (or resident) says so (`current` false)."""
    from app.privacy import mask_room

    if c.status != Status.published:
        raise Conflict(messages.NOT_PUBLISHED, code="not_published")
    rows = db.session.execute(
        select(BallotVersion.receipt, BallotVersion.channel, Flat.room,
               BallotVersion.receipt == Ballot.receipt, Ballot.slot.startswith(VOID))
        .join(Ballot, BallotVersion.ballot_id == Ballot.id)
        .outerjoin(Flat, BallotVersion.flat_id == Flat.id)
        .where(BallotVersion.consultation_id == c.id).order_by(BallotVersion.receipt)).all()
    return [{"receipt": receipt, "room_masked": mask_room(room), "channel": channel.value,
             "current": bool(current) and not void,
             "note": messages.RECEIPT_VOIDED if void else None if current else messages.RECEIPT_REPLACED}
            for receipt, channel, room, current, void in rows]


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
        select(Ballot).where(Ballot.consultation_id == c.id, Ballot.entered_by_id.is_not(None),
                             Ballot.flat_id.is_not(None))  # not one voided after an objection
        .order_by(Ballot.updated_at.desc(), Ballot.id.desc())))


def voted_flat_ids(c: Consultation) -> set[int]:
    """The flats that have a current ballot in `c` (online or entered)."""
    return set(db.session.scalars(select(Ballot.flat_id).where(
        Ballot.consultation_id == c.id, Ballot.flat_id.is_not(None))))
