"""Helpers shared by the tests of this folder, so no test module imports another."""
import threading
from app.applications.api import reserve, services
from app.applications.api import Application, ApplicationStatus, ReserveEntry
from app.errors import DomainError
from app.extensions import db
from tests.factories import flats_of, make_estate, make_owner, make_user


def together(app, count, work):
    """Run work(i) in `count` threads at once; returns the outcomes ('ok' or an error code)."""
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


def reserved_estate(staff_id: int, cost_cents: int, number: int) -> int:
    estate = make_estate(name=f"并发小区{number}")
    owner = make_owner(flats_of(estate.id)[0])
    application = services.start_application(estate.id, "改造", owner.id)
    application.status = ApplicationStatus.submitted  # support is tested elsewhere
    db.session.add(ReserveEntry(estate_id=estate.id, application_id=application.id,
                                estimated_cost_cents=cost_cents, added_by_id=staff_id))
    db.session.commit()
    return estate.id


def sheet_photo() -> bytes:
    """A small JPEG: the photo of a signed support sheet."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (240, 240, 230)).save(out, "JPEG")
    return out.getvalue()
