"""How long a busy case's discussion takes to read and to add to, over HTTP.

    .venv/bin/python -m bench.case_discussion [POSTS]

A case with POSTS posts (default 2,000) by 200 residents, a tenth of them replies and
a few hidden; prints the time and SQL statement count of reading the whole thread as
a resident and as a moderator, and of writing one post (rate-limit check included).
"""
import logging
import sys
import time
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import event

from bench._databases import backends, scratch_app

AUTHORS = 200


class StatementCounter:
    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, *args):
        self.count += 1


def build(count: int):
    from app.auth.api import Role, User
    from app.auth.api import grant_role
    from app.cases.api import services
    from app.cases.api import Post
    from app.db import utcnow
    from app.estates.api import LedgerRow
    from app.estates.api import Flat, FlatLink, LinkStatus, Relation
    from app.estates.api import create_estate, import_ledger
    from app.extensions import db

    estate = create_estate("基准小区", "东城区", "和平里街道", 1990)
    rows = [LedgerRow(row=i + 2, building="1号楼", stairwell=f"{i // 24 + 1}单元",
                      room=f"{i % 24 // 4 + 1}0{i % 4 + 1}", floor=i % 24 // 4 + 1,
                      area_m2=Decimal("60.00"), owner_name=f"业主{i}", owner_phone=None,
                      owner_id_number=f"B{i}") for i in range(AUTHORS)]
    import_ledger(estate.id, rows)
    flats = db.session.scalars(db.select(Flat).where(Flat.estate_id == estate.id).order_by(Flat.id)).all()
    users = [User(phone=f"1390000{i:04d}", name=f"居民{i}") for i in range(AUTHORS)]
    db.session.add_all(users)
    db.session.flush()
    db.session.add_all(FlatLink(estate_id=estate.id, flat_id=flat.id, user_id=user.id,
                                relation=Relation.owner, status=LinkStatus.verified)
                       for user, flat in zip(users, flats))
    moderator = User(phone="13911110000", name="版主")
    db.session.add(moderator)
    db.session.flush()
    grant_role(moderator, Role.moderator, estate.id)
    db.session.commit()
    case = services.create_case(estate.id, title="基准", description="基准", actor_id=users[0].id,
                                affected_flat_ids=[flats[0].id])
    start = utcnow() - timedelta(days=1)
    posts = []
    for i in range(count):
        parent = posts[i - 5].id if i % 10 == 9 else None
        post = Post(estate_id=estate.id, case_id=case.id, author_id=users[i % AUTHORS].id,
                    parent_id=parent, body=f"第 {i} 条发言，" + "内容" * 40,
                    created_at=start + timedelta(seconds=i), hidden=i % 97 == 0,
                    hidden_reason="基准隐藏" if i % 97 == 0 else None)
        posts.append(post)
        db.session.add(post)
        if i % 10 == 8:
            db.session.flush()
    db.session.commit()
    return case.id, users[1], moderator


def timed(client, counter, method, path, headers, **kwargs):
    counter.count = 0
    started = time.perf_counter()
    response = getattr(client, method)(path, headers=headers, **kwargs)
    elapsed = time.perf_counter() - started
    assert response.status_code in (200, 201), response.get_json()
    return elapsed, counter.count, response


def run(backend: str, count: int) -> None:
    from app.auth.api import issue
    from app.extensions import db

    with scratch_app(backend) as app:
        case_id, resident, moderator = build(count)
        client = app.test_client()
        counter = StatementCounter(db.engine)
        for label, user in (("resident", resident), ("moderator", moderator)):
            headers = {"Authorization": f"Bearer {issue(user, 'access')}"}
            timed(client, counter, "get", f"/api/v1/cases/{case_id}/posts", headers)  # warm
            elapsed, statements, response = timed(
                client, counter, "get", f"/api/v1/cases/{case_id}/posts", headers)
            print(f"{backend:10} read {len(response.get_json())} posts as {label:9} "
                  f"{elapsed * 1000:7.1f} ms  {statements} SQL statements", flush=True)
        headers = {"Authorization": f"Bearer {issue(resident, 'access')}"}
        elapsed, statements, _ = timed(client, counter, "post", f"/api/v1/cases/{case_id}/posts",
                                       headers, json={"body": "新的一条"})
        print(f"{backend:10} write one post           {elapsed * 1000:7.1f} ms  {statements} SQL statements",
              flush=True)


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else 2000
    for backend in backends():
        run(backend, count)


if __name__ == "__main__":
    main()
