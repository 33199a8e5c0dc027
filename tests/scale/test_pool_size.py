"""A server process keeps DB_POOL_SIZE PostgreSQL connections open (SQLAlchemy's default of
5 made one gevent worker under a burst of ballots close and reopen connections all the
time) and opens DB_POOL_OVERFLOW more at a peak; SQLite keeps SQLAlchemy's own pool."""
from app.extensions import db


def test_postgresql_keeps_the_configured_connections(app, backend):
    pool = db.engine.pool
    if backend == "postgresql":
        assert pool.size() == app.config["DB_POOL_SIZE"] == 20
        assert pool._max_overflow == app.config["DB_POOL_OVERFLOW"] == 10
        assert pool._pool.use_lifo  # after a burst, a quiet spell reuses the warm connections
    else:
        assert "pool_size" not in app.config["SQLALCHEMY_ENGINE_OPTIONS"]
    # a burst of sessions at once: each gets a connection, and all go back to be kept
    sessions = [db.session.session_factory() for _ in range(5)]
    try:
        assert [session.execute(db.text("SELECT 1")).scalar() for session in sessions] == [1] * 5
    finally:
        for session in sessions:
            session.close()
    if backend == "postgresql":
        assert pool.checkedin() >= 5


def test_after_a_burst_requests_one_at_a_time_reuse_one_warm_connection(app, backend):
    burst = [db.session.session_factory() for _ in range(5)]
    for session in burst:
        session.execute(db.text("SELECT 1"))
    for session in burst:
        session.close()
    used = set()
    for _ in range(5):
        session = db.session.session_factory()
        try:
            used.add(id(session.connection().connection.dbapi_connection))
        finally:
            session.close()
    assert used
    if backend == "postgresql":  # last in, first out: the others stay idle, only this one is pinged
        assert len(used) == 1
