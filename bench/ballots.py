"""Ballot submission under load, beside a trivial JSON endpoint of the same server.

    .venv/bin/python -m bench.ballots [CONCURRENCY] [SECONDS]

A real server (gunicorn -k gevent -w 1, PostgreSQL when reachable, else SQLite)
serves an estate of 3,000 flats, each with its verified owner, and an open elevator
consent at estate scope. A separate load-generator process (bench._load) runs
CONCURRENCY clients for SECONDS: first against GET /api/v1/health, then each
client's owners PUT their ballots (changing their answer each time).
Goal (issue 11): ballots ≥ 0.5× the trivial endpoint's throughput, 0 errors, p99 < 100 ms.
"""
import json
import logging
import subprocess
import sys
import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from bench import print_rows

ROOT = Path(__file__).resolve().parent.parent
FLATS = 3000
REDIS_URL = "redis://127.0.0.1:6379/14"  # the Socket.IO queue, as in production


def seed(database_url: str) -> tuple[int, list[dict], list[str]]:
    """An estate, owners and an open consultation, written through the real services."""
    from sqlalchemy import insert, select

    from app import create_app
    from app.auth.models import User
    from app.auth.tokens import issue
    from app.config import TestConfig
    from app.consultations.services import create_consultation, open_consultation
    from app.db import utcnow
    from app.estates.ledger import LedgerRow
    from app.estates.models import Flat, FlatLink, LinkStatus, Relation
    from app.estates.services import create_estate, import_ledger
    from app.extensions import db
    from bench._databases import analyze
    from tests.live import TEST_SECRET

    config = type("SeedConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": database_url,
                                                "SECRET_KEY": TEST_SECRET})
    app = create_app(config)
    with app.app_context():
        estate = create_estate(name="基准小区", district="东城区", street="和平里街道", built_year=1990)
        import_ledger(estate.id, [LedgerRow(
            row=i + 2, building=f"{i // 600 + 1}号楼", stairwell=f"{i // 24 % 25 + 1}单元",
            room=f"{i % 24 // 4 + 1}0{i % 4 + 1}", floor=i % 24 // 4 + 1,
            area_m2=Decimal(5000 + i % 4000) / 100, owner_name=f"业主{i}", owner_phone=None,
            owner_id_number=f"B{i}") for i in range(FLATS)])
        flats = db.session.scalars(select(Flat).where(Flat.estate_id == estate.id).order_by(Flat.id)).all()
        db.session.execute(insert(User), [{"phone": f"137{i:08d}", "token_version": 1,
                                           "created_at": utcnow()} for i in range(FLATS)])
        users = db.session.scalars(select(User).where(User.phone.like("137%")).order_by(User.phone)).all()
        db.session.execute(insert(FlatLink), [
            {"estate_id": estate.id, "flat_id": flat.id, "user_id": user.id, "relation": Relation.owner,
             "status": LinkStatus.verified, "via": "claim", "created_at": utcnow()}
            for flat, user in zip(flats, users)])
        committee = users[0]
        consultation = create_consultation(estate.id, template_key="elevator_consent",
                                           closes_at=utcnow() + timedelta(days=7), actor_id=committee.id)
        open_consultation(consultation, committee.id)
        tokens = [issue(user, "access") for user in users]
        analyze(db.engine)
        # each owner votes agree, and on the next round oppose: every ballot changes something
        answers = ({"install": "agree"}, {"install": "oppose", "concerns": ["cost"]})
        bodies = [{"flat_id": flat.id, "answers": answer} for answer in answers for flat in flats]
        db.session.remove()
        db.engine.dispose()
        return consultation.id, bodies, tokens * len(answers)


def load(url: str, plan: dict, concurrency: int, seconds: float) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(plan, handle)
    output = subprocess.run([sys.executable, "-m", "bench._load", url, handle.name,
                             str(concurrency), str(seconds)], cwd=ROOT, capture_output=True,
                            text=True, timeout=seconds + 120)
    sys.stderr.write(output.stderr[-2000:])
    Path(handle.name).unlink()
    result = json.loads(output.stdout.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def measure(concurrency: int = 100, seconds: float = 10) -> list[dict]:
    from bench._databases import backends, scratch_database
    from tests.live import LiveServer

    backend = "postgresql" if "postgresql" in backends() else "sqlite"
    with scratch_database(backend) as url:
        consultation_id, bodies, tokens = seed(url)
        server = LiveServer(url, REDIS_URL=REDIS_URL).start()
        try:
            trivial = load(server.url, {"method": "GET", "path": "/api/v1/health"}, concurrency, seconds)
            ballots = load(server.url, {"method": "PUT", "bodies": bodies, "tokens": tokens,
                                        "path": f"/api/v1/consultations/{consultation_id}/ballots/mine"},
                           concurrency, seconds)
        finally:
            server.stop()
    ratio = ballots["rps"] / trivial["rps"] if trivial["rps"] else 0
    return [{"benchmark": f"ballot PUT, {concurrency} clients ({backend})",
             "value": f"{ballots['rps']:.0f} req/s, p50 {ballots['p50_ms']:.0f} ms, "
                      f"p99 {ballots['p99_ms']:.0f} ms, {ballots['errors']} errors",
             "baseline": f"GET /health {trivial['rps']:.0f} req/s, p99 {trivial['p99_ms']:.0f} ms",
             "ratio": f"{ratio:.2f}×",
             "goal": "≥ 0.5×, 0 errors, p99 < 100 ms",
             "met": ratio >= 0.5 and ballots["errors"] == 0 and ballots["p99_ms"] < 100}]


def main(argv=None):
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    return print_rows(measure(int(argv[0]) if argv else 100,
                              float(argv[1]) if len(argv) > 1 else 10))


if __name__ == "__main__":
    main()
