"""Declarative base and the column types every domain shares."""
import time
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, DateTime, MetaData, event, exc, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


@event.listens_for(Engine, "savepoint")
def _sqlite_begin_before_savepoint(connection, name):
    """Make savepoints (session.begin_nested) nested for real on SQLite.

    pysqlite opens a transaction only before INSERT/UPDATE/DELETE. A SAVEPOINT sent
    while none is open starts one of its own, and its RELEASE then commits it: the
    rows written inside begin_nested() survived a later rollback of the request
    (found by tests/trust/test_half_writes.py). Opening the transaction first keeps
    the savepoint inside it. Reads still run outside a transaction until the first
    write, as before, so no read holds SQLite's lock across a gevent switch (the
    whole-transaction recipe of the SQLAlchemy docs would).
    """
    if connection.dialect.name != "sqlite":
        return
    dbapi_connection = connection.connection.dbapi_connection
    if not dbapi_connection.in_transaction:
        dbapi_connection.execute("BEGIN")


#: a pooled connection given back less than this long ago is handed out again without a
#: ping (as HikariCP's alive-bypass window): under load every request would otherwise pay a
#: round trip (and SQLAlchemy's pool_pre_ping one on every checkout) for a connection that
#: was just working; one idle for longer is pinged, and a dead one replaced
PING_AFTER_IDLE_S = 1.0


def ping_idle_connections(engine) -> None:
    """Check a pooled connection before handing it out when it sat idle (a database restart
    or a dropped link in the meantime): a failed ping discards it and the pool connects
    anew (DisconnectionError), so no request gets a dead connection after a quiet spell."""
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _checked_in(dbapi_connection, record):
        if record is not None:
            record.info["checked_in_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, proxy):
        returned = record.info.get("checked_in_at")
        if returned is None or time.monotonic() - returned < PING_AFTER_IDLE_S:
            return  # new, or just used
        try:
            alive = dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            raise exc.DisconnectionError(str(error)) from error
        if alive is False:
            raise exc.DisconnectionError("ping failed")


def lock_row(session, model, row_id: int) -> None:
    """Hold `model`'s row `row_id` until the transaction ends, so that a read-check-write
    decision about it (e.g. "the balance covers this use") is taken by one request at a time.

    PostgreSQL: SELECT … FOR NO KEY UPDATE (rows referencing it can still be inserted).
    SQLite: a no-op UPDATE of the row, which takes the database's write lock first;
    a plain read there would let two connections check before either writes.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(model.id).where(model.id == row_id).with_for_update(key_share=True))
    else:
        session.execute(update(model).where(model.id == row_id).values(id=model.id)
                        .execution_options(synchronize_session=False))


def lock_rows(session, model, column, values) -> None:
    """Hold the rows of `model` whose `column` is in `values`, taken in the order of that
    column, so that two requests locking overlapping sets never wait on each other in a
    circle (no deadlock). SQLite: the database's write lock, as in lock_row."""
    values = sorted(set(values))
    if not values:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(model.id).where(column.in_(values)).order_by(column)
                        .with_for_update(key_share=True))
    else:
        session.execute(update(model).where(column.in_(values)).values(id=model.id)
                        .execution_options(synchronize_session=False))


def insert_or_ignore(session, model, rows: dict | list[dict]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: a concurrent twin waits for the first one, then
    leaves it be (no error, nothing to roll back), so get-or-create never races into a 500.
    Several rows go in the order given: sort them by their key to keep lock order fixed."""
    if not rows:
        return
    session.execute(_insert(session)(model).values(rows).on_conflict_do_nothing())


def insert_or_update(session, model, key: dict, values: dict, created: dict | None = None):
    """INSERT … ON CONFLICT (key) DO UPDATE: the row of `model` found by `key` (the columns of
    its unique constraint) is made on first use and changed after; two first writes at once
    meet the constraint and the later one changes the winner's row (no error, nothing to roll
    back). `created` holds values written only when the row is made. Returns the row as stored."""
    statement = (_insert(session)(model).values({**key, **(created or {}), **values})
                 .on_conflict_do_update(index_elements=list(key), set_=values))
    session.execute(statement)
    return session.scalar(select(model).filter_by(**key).execution_options(populate_existing=True))


def _insert(session):
    """The dialect's INSERT, which knows ON CONFLICT (PostgreSQL and SQLite alike)."""
    from sqlalchemy.dialects.postgresql import insert as postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Stores naive UTC, returns aware UTC: SQLite keeps no offset, PostgreSQL does."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use aware UTC datetimes")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


CENT = Decimal("0.01")


class Hundredths(TypeDecorator):
    """An exact decimal with two places (areas in m²), stored as integer hundredths.

    Integers keep SQL sums exact on every backend; `func.sum(column)` keeps this
    type, so aggregated areas come back as Decimal too.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int((Decimal(value) * 100).to_integral_value(rounding=ROUND_HALF_UP))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


def add_once(session, row, refusal: Exception) -> None:
    """Add `row` and flush it; when a unique constraint finds it already there (a twin request
    got there first), roll back and raise `refusal` (a domain error saying so) instead."""
    from sqlalchemy.exc import IntegrityError

    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise refusal from None
