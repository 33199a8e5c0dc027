"""One account per phone, even when two logins of a new person race (SMS and mini-program)."""

from sqlalchemy import func, select

from app.auth.api import User
from app.auth.api import get_or_create_user
from app.extensions import db
from tests.helpers import together


def test_two_racing_first_logins_make_one_account(app):
    def log_in(_):
        user = get_or_create_user("13912349999")
        db.session.commit()
        return user.id

    ids = together(app, 2, log_in, returns=True, timeout_s=30)
    assert len(ids) == 2 and isinstance(ids[0], int) and ids[0] == ids[1], ids
    assert db.session.scalar(select(func.count(User.id)).where(User.phone == "13912349999")) == 1
