"""Helpers shared by the tests of this folder, so no test module imports another."""
from app.applications.api import reserve, services
from app.applications.api import Application, ApplicationStatus, ReserveEntry
from app.extensions import db
from tests.factories import flats_of, make_estate, make_owner, make_user


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
