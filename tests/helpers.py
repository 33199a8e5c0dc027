"""Helpers shared by tests of every folder, so no test module imports another."""
import threading


def together(app, count, work, *, returns=False, timeout_s=60):
    """Run work(i) for i in range(count), each in its own real thread, all released at the
    same moment by a barrier; with `app`, each thread has its own app context and database
    session (removed after). Different work per thread: branch on i.

    The outcomes in thread order (outcomes[i] is thread i's): 'ok', or a refusal's code (a
    DomainError), or any other error's repr; with `returns`, what work(i) returned instead
    of 'ok'."""
    from contextlib import nullcontext

    from app.errors import DomainError

    barrier, outcomes = threading.Barrier(count), [None] * count

    def run(i):
        with app.app_context() if app is not None else nullcontext():
            barrier.wait()
            try:
                result = work(i)
                outcome = result if returns else "ok"
            except DomainError as refusal:
                outcome = refusal.code
            except Exception as error:  # noqa: BLE001 - reported by the assertions
                outcome = repr(error)
            finally:
                if app is not None:
                    from app.extensions import db

                    db.session.remove()
            outcomes[i] = outcome

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout_s)
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
