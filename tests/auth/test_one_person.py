"""One account per phone, even when two logins of a new person race (SMS and mini-program)."""
import threading

from sqlalchemy import func, select

from app.auth.api import User
from app.auth.api import get_or_create_user
from app.extensions import db


def test_two_racing_first_logins_make_one_account(app):
    barrier, ids, errors = threading.Barrier(2), [], []

    def log_in():
        with app.app_context():
            try:
                barrier.wait(timeout=10)
                user = get_or_create_user("13912349999")
                db.session.commit()
                ids.append(user.id)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=log_in) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(ids) == 2 and ids[0] == ids[1]
    assert db.session.scalar(select(func.count(User.id)).where(User.phone == "13912349999")) == 1
