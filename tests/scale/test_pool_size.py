"""A server process keeps DB_POOL_SIZE PostgreSQL connections open (SQLAlchemy's default of
5 made one gevent worker under a burst of ballots close and reopen connections all the
time) and opens DB_POOL_OVERFLOW more at a peak; SQLite keeps SQLAlchemy's own pool."""
from app.extensions import db


def test_postgresql_keeps_the_configured_connections(app, backend):
    pool = db.engine.pool
    if backend == "postgresql":
        assert pool.size() == app.config["DB_POOL_SIZE"] == 20
        assert pool._max_overflow == app.config["DB_POOL_OVERFLOW"] == 10
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
