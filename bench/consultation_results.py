"""How long the results of a 3,000-flat estate take, every flat having voted.

    .venv/bin/python -m bench.consultation_results [FLATS]

Prints, per backend: SQL queries per results call (constant), the median time of
`results()` and of GET …/results over HTTP, and how fast ballots are cast one by one.
`make bench` also measures, on PostgreSQL, 30,000 flats in one consultation's scope (the
largest scope a single count ever sees) and a street's survey as the product runs it: a
片区 of 12 estates of 2,500 flats, one residents' consultation per estate, every flat's
resident answering, counted together by `app.comanage.areas.survey_results`.
"""
import logging
import random
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import event, insert, select

from bench._databases import analyze, backends, scratch_app

RUNS = 7
#: a street office's survey: every flat of a street, one scope
STREET = 30_000
#: the same street as a 片区 survey: estates x flats, one consultation per estate
AREA = (12, 2_500)


def build(flats: int):
    from app.auth.api import Role
    from app.auth.api import get_or_create_user, grant_role
    from app.consultations.api import Ballot, BallotAnswer, Channel
    from app.consultations.api import create_consultation, open_consultation
    from app.db import utcnow
    from app.estates.api import LedgerRow
    from app.estates.api import create_estate, import_ledger
    from app.extensions import db

    estate = create_estate(name="基准小区", district="东城区", street="和平里街道", built_year=1990)
    rows = [LedgerRow(row=i + 2, building=f"{i // 600 + 1}号楼", stairwell=f"{i // 24 % 25 + 1}单元",
                      room=f"{i % 24 // 4 + 1}0{i % 4 + 1}", floor=i % 24 // 4 + 1,
                      area_m2=Decimal(5000 + i % 4000) / 100, owner_name=f"业主{i}",
                      owner_phone=None, owner_id_number=f"B{i // 3 if i % 7 == 0 else i}")
            for i in range(flats)]
    import_ledger(estate.id, rows)
    committee = get_or_create_user("13800009999")
    grant_role(committee, Role.committee, estate.id)
    db.session.commit()
    consultation = create_consultation(estate.id, template_key="elevator_consent",
                                       closes_at=utcnow() + timedelta(days=7), actor_id=committee.id,
                                       rule_key="civil_code_278_special")
    open_consultation(consultation, committee.id)
    from app.estates.api import Flat

    flat_ids = db.session.scalars(select(Flat.id).where(Flat.estate_id == estate.id)).all()
    rng = random.Random(1)
    db.session.execute(insert(Ballot), [
        {"estate_id": estate.id, "consultation_id": consultation.id, "slot": f"flat:{fid}",
         "flat_id": fid, "cast_as": "owner", "channel": Channel.online, "answers": {},
         "receipt": f"B{fid:09d}", "version": 1, "created_at": utcnow(), "updated_at": utcnow()}
        for fid in flat_ids])
    ballot_ids = db.session.execute(select(Ballot.id, Ballot.flat_id).where(
        Ballot.consultation_id == consultation.id)).all()
    db.session.execute(insert(BallotAnswer), [
        {"estate_id": estate.id, "consultation_id": consultation.id, "ballot_id": bid,
         "question_key": "install", "item_key": "",
         "option_key": rng.choice(["agree", "agree", "agree", "oppose", "abstain"])}
        for bid, _ in ballot_ids])
    db.session.commit()
    analyze(db.engine)
    return estate, consultation, committee


def build_area(estates: int, flats: int):
    """A 片区 of `estates` estates of `flats` flats with a needs survey in which every flat's
    verified resident answered (rows written in bulk, as `build` does for ballots)."""
    from app.auth.api import Role, User
    from app.auth.api import get_or_create_user, grant_role
    from app.comanage.api import areas
    from app.consultations.api import Ballot, BallotAnswer, Channel
    from app.db import utcnow
    from app.estates.api import LedgerRow
    from app.estates.api import Flat, FlatLink, LinkStatus, Relation
    from app.estates.api import create_estate, import_ledger
    from app.extensions import db

    ids = []
    for e in range(estates):
        estate = create_estate(name=f"片区小区{e + 1}", district="东城区", street="和平里街道",
                               built_year=1990)
        import_ledger(estate.id, [
            LedgerRow(row=i + 2, building=f"{i // 600 + 1}号楼", stairwell=f"{i // 24 % 25 + 1}单元",
                      room=f"{i % 24 // 4 + 1}0{i % 4 + 1}", floor=i % 24 // 4 + 1,
                      area_m2=Decimal(5000 + i % 4000) / 100, owner_name=f"业主{i}",
                      owner_phone=None, owner_id_number=f"A{e}-{i}") for i in range(flats)])
        ids.append(estate.id)
    staff = get_or_create_user("13800009998")
    grant_role(staff, Role.staff, None)
    db.session.commit()
    area = areas.create("和平里片区", ids, staff.id)
    survey = areas.start_survey(area, "neighbourhood_needs", utcnow() + timedelta(days=7), staff.id)
    rows = db.session.execute(select(Flat.id, Flat.estate_id).where(Flat.estate_id.in_(ids))
                              .order_by(Flat.id)).all()
    db.session.execute(insert(User), [{"phone": f"139{n:08d}", "created_at": utcnow()}
                                      for n in range(len(rows))])
    users = db.session.scalars(select(User.id).where(User.phone.like("139%")).order_by(User.id)).all()
    db.session.execute(insert(FlatLink), [
        {"estate_id": estate_id, "flat_id": flat_id, "user_id": user_id, "relation": Relation.owner,
         "status": LinkStatus.verified, "via": "claim", "created_at": utcnow()}
        for (flat_id, estate_id), user_id in zip(rows, users)])
    consultation_of = {estate.id: c.id for estate, c in areas.survey_parts(survey)}
    db.session.execute(insert(Ballot), [
        {"estate_id": estate_id, "consultation_id": consultation_of[estate_id],
         "slot": f"user:{user_id}", "flat_id": flat_id, "voter_id": user_id, "cast_as": "resident",
         "channel": Channel.online, "answers": {}, "receipt": f"S{user_id:09d}", "version": 1,
         "created_at": utcnow(), "updated_at": utcnow()}
        for (flat_id, estate_id), user_id in zip(rows, users)])
    rng = random.Random(2)
    facilities = ["elderly_care", "childcare", "parking", "fitness", "culture", "market", "health"]
    ballots = db.session.execute(select(Ballot.id, Ballot.estate_id, Ballot.consultation_id).where(
        Ballot.consultation_id.in_(consultation_of.values()))).all()
    db.session.execute(insert(BallotAnswer), [
        {"estate_id": estate_id, "consultation_id": cid, "ballot_id": bid,
         "question_key": "facilities", "item_key": "", "option_key": option}
        for bid, estate_id, cid in ballots for option in rng.sample(facilities, rng.randint(1, 3))])
    db.session.commit()
    analyze(db.engine)
    return survey


def _area_measured(backend: str, estates: int, flats: int) -> dict:
    """Query count and median time of a 片区 survey's results (every estate counted)."""
    from app.comanage.api import areas
    from app.extensions import db

    with scratch_app(backend):
        survey = build_area(estates, flats)
        statements = []

        def count(conn, cursor, statement, *args):
            statements.append(statement)

        db.session.expire_all()
        event.listen(db.engine, "before_cursor_execute", count)
        figures = areas.survey_results(survey)
        event.remove(db.engine, "before_cursor_execute", count)
        return {"flats": figures["flats"], "ballots": figures["ballots"],
                "queries": len(statements),
                "ms": timed(lambda: areas.survey_results(survey)) * 1000}


def _area_row(backend: str, limit_ms: float) -> dict:
    estates, flats = AREA
    big, baseline = _area_measured(backend, estates, flats), _area_measured(backend, estates, 10)
    return {
        "benchmark": f"片区 survey results, {estates} estates, {big['flats']} flats ({backend})",
        "value": f"{big['queries']} queries, {big['ms']:.1f} ms ({big['ballots']} ballots)",
        "baseline": f"{baseline['ballots']} ballots: {baseline['queries']} queries, "
                    f"{baseline['ms']:.1f} ms",
        "ratio": f"{big['ms'] / baseline['ms']:.1f}× time, "
                 f"{big['queries'] / baseline['queries']:.0f}× queries",
        "goal": f"same query count, < {limit_ms:.0f} ms",
        "met": big["queries"] == baseline["queries"] and big["ms"] < limit_ms}


def timed(function, runs=RUNS):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cast_rate(consultation, count=100):
    """Ballots per second through cast_ballot (each its own transaction and audit entry)."""
    from app.auth.api import get_or_create_user
    from app.consultations.api import cast_ballot
    from app.estates.api import Flat, FlatLink, LinkStatus, Relation
    from app.extensions import db

    flats = db.session.scalars(select(Flat).where(Flat.estate_id == consultation.estate_id)
                               .order_by(Flat.id).limit(count)).all()
    users = []
    for i, flat in enumerate(flats):
        user = get_or_create_user(f"1370000{i:04d}")
        db.session.add(FlatLink(estate_id=flat.estate_id, flat_id=flat.id, user_id=user.id,
                                relation=Relation.owner, status=LinkStatus.verified))
        users.append(user)
    db.session.commit()
    start = time.perf_counter()
    for user, flat in zip(users, flats):
        cast_ballot(consultation, user, flat.id, {"install": "agree"})
    return count / (time.perf_counter() - start)


def _measured(backend: str, flats: int, with_cast_rate: bool = False) -> dict:
    """Query count and median time of results() (and GET …/results) on a fresh estate."""
    from app.auth.api import issue
    from app.consultations.api import results
    from app.extensions import db

    with scratch_app(backend) as app:
        estate, consultation, committee = build(flats)
        statements = []

        def count(conn, cursor, statement, *args):
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", count)
        outcome = results(consultation)
        event.remove(db.engine, "before_cursor_execute", count)
        client = app.test_client()
        headers = {"Authorization": f"Bearer {issue(committee, 'access')}"}
        return {"ballots": outcome.ballots, "queries": len(statements),
                "service_ms": timed(lambda: results(consultation)) * 1000,
                "http_ms": timed(lambda: client.get(
                    f"/api/v1/consultations/{consultation.id}/results", headers=headers)) * 1000,
                "cast_per_s": cast_rate(consultation, count=min(100, flats)) if with_cast_rate else None,
                "decision": outcome.decision}


def _row(backend: str, flats: int, small: int, limit_ms: float) -> dict:
    big, baseline = _measured(backend, flats), _measured(backend, small)
    return {
        "benchmark": f"results of {flats} ballots ({backend})",
        "value": f"{big['queries']} queries, {big['service_ms']:.1f} ms "
                 f"(GET {big['http_ms']:.1f} ms)",
        "baseline": f"{baseline['ballots']} ballots: {baseline['queries']} queries, "
                    f"{baseline['service_ms']:.1f} ms",
        "ratio": f"{big['service_ms'] / baseline['service_ms']:.1f}× time, "
                 f"{big['queries'] / baseline['queries']:.0f}× queries",
        "goal": f"same query count, < {limit_ms:.0f} ms",
        "met": big["queries"] == baseline["queries"] and big["service_ms"] < limit_ms}


def measure(flats: int = 3000, small: int = 10) -> list[dict]:
    """3,000 flats on each backend; a street's worth, 30,000 flats, on PostgreSQL (goal
    of issue 24: < 150 ms), in one scope and as a 片区 survey of 12 estates."""
    rows = [_row(backend, flats, small, 20) for backend in backends()]
    if "postgresql" in backends():
        rows.append(_row("postgresql", STREET, small, 150))
        rows.append(_area_row("postgresql", 150))
    return rows


def main(argv=None):
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    flats = int(argv[0]) if argv else 3000
    for backend in backends():
        m = _measured(backend, flats, with_cast_rate=True)
        print(f"{backend:10} flats={flats} ballots={m['ballots']} queries/results={m['queries']} "
              f"results()={m['service_ms']:.1f} ms GET results={m['http_ms']:.1f} ms "
              f"cast_ballot={m['cast_per_s']:.0f}/s decision={m['decision']}", flush=True)


if __name__ == "__main__":
    main()
