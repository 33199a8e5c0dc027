"""Helpers shared by tests of every folder, so no test module imports another."""
import threading


def together(app, count, work):
    """Run work(i) in `count` threads at once; returns the outcomes ('ok' or an error code)."""
    from app.errors import DomainError
    from app.extensions import db

    barrier, lock, outcomes = threading.Barrier(count), threading.Lock(), []

    def run(i):
        with app.app_context():
            barrier.wait()
            try:
                work(i)
                outcome = "ok"
            except DomainError as refusal:
                outcome = refusal.code
            except Exception as error:  # noqa: BLE001 - reported by the assertions
                outcome = repr(error)
            finally:
                db.session.remove()
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def seed(url: str):
    from app.auth.api import issue
    from app.projects.api import create_project
    from tests.factories import make_user
    from tests.realtime.helpers import seeding
    from app.estates.api import create_estate

    with seeding(url):
        estate = create_estate(name="重载小区", district="东城区", street="和平里街道", built_year=1990)
        committee = make_user(roles=[("committee", estate.id)])
        project = create_project(estate.id, "屋面改造", 100_000_00, committee.id)
        return estate.id, project.id, issue(committee, "access")
