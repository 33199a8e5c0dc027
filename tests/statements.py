"""Counting the SQL a block of code sends: a number of statements is a stable measure of
work (a time is not), so tests assert on it, e.g. "a list of 30 costs what a list of 3 costs"."""
import contextlib

from sqlalchemy import event

from app.extensions import db


@contextlib.contextmanager
def statements():
    """Every SQL statement the engine sends, plus one "COMMIT" per commit, while the block runs."""
    seen = []

    def on_execute(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    def on_commit(conn):
        seen.append("COMMIT")

    event.listen(db.engine, "before_cursor_execute", on_execute)
    event.listen(db.engine, "commit", on_commit)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
        event.remove(db.engine, "commit", on_commit)


def brief(seen: list[str]) -> str:
    """The statements one a line, cut short, for an assertion's message."""
    return "\n".join(" ".join(s.split())[:90] for s in seen)
