"""Objects of estate A for the co-planning rows of the access matrix (issue 19): each helper
returns an id in the state its row needs, made again for every role where the row uses it up."""
import itertools

from app.applications.api import reserve, services as applications
from app.applications.api import Application, ApplicationStatus, ApplicationSupport
from app.estates.api import Building
from app.extensions import db
from app.plans.api import heritage, services as plans
from tests.factories import make_estate

_years = itertools.count(2031)
SECTION = {"key": "roof", "title": "屋面", "body": "屋面重做防水。"}


def live_application(w) -> Application:
    """Estate A's application, collecting again (the submit row may have submitted it)."""
    found = applications.live_application(w.a.estate.id)
    if found is None:
        found = applications.start_application(w.a.estate.id, "屋面漏水", w.committee.id)
    found.status = ApplicationStatus.collecting
    db.session.commit()
    return found


def supportable(w) -> int:
    """The application with the owner's first flat not supporting yet."""
    application = live_application(w)
    db.session.execute(db.delete(ApplicationSupport).where(
        ApplicationSupport.application_id == application.id,
        ApplicationSupport.flat_id == w.a.flats[0].id))
    db.session.commit()
    return application.id


def paper_supportable(w) -> int:
    """The application with the owner's second flat not supporting yet (a paper entry's)."""
    application = live_application(w)
    db.session.execute(db.delete(ApplicationSupport).where(
        ApplicationSupport.application_id == application.id,
        ApplicationSupport.flat_id == w.a.flats[1].id))
    db.session.commit()
    return application.id


def submittable(w) -> int:
    """The application with support above the threshold (6 of A's 8 flats)."""
    application = live_application(w)
    have = set(db.session.scalars(db.select(ApplicationSupport.flat_id).where(
        ApplicationSupport.application_id == application.id)))
    for flat in w.a.flats[2:]:
        if flat.id not in have:
            db.session.add(ApplicationSupport(estate_id=w.a.estate.id, application_id=application.id,
                                              flat_id=flat.id, user_id=w.committee.id))
    db.session.commit()
    return application.id


def submitted_elsewhere(w) -> int:
    """A submitted application of a new small estate (the reserve takes an estate once)."""
    estate = make_estate(name=f"储备{next(_years)}", floors=1, flats_per_floor=1)
    application = applications.start_application(estate.id, "改造", w.committee.id)
    application.status = ApplicationStatus.submitted
    db.session.commit()
    return application.id


def reserved_estate(w) -> int:
    application = db.session.get(Application, submitted_elsewhere(w))
    reserve.add_to_reserve(application, 100, None, w.staff.id)
    return application.estate_id


def annual_plan(w) -> int:
    if getattr(w, "_annual_plan_id", None) is None:
        w._annual_plan_id = reserve.create_plan(2030, "东城区", 10**12, w.staff.id).id
    return w._annual_plan_id


def plan_body(w) -> dict:
    return {"year": next(_years), "district": "东城区", "capacity_cents": 100_000_000}


def fresh_version(w) -> int:
    return plans.create_version(w.a.estate.id, "改造方案", [SECTION], ["basic.roof_repair"],
                                w.committee.id).id


def version(w) -> int:
    if getattr(w, "_plan_version_id", None) is None:
        w._plan_version_id = fresh_version(w)
    return w._plan_version_id


def section(w) -> int:
    return db.session.get(plans.PlanVersion, version(w)).sections[0].id


def fresh_comment(w) -> int:
    return plans.add_comment(plans.get_section(section(w)), "重做防水", "用什么材料？", w.owner.id).id


def heritage_estate(w) -> int:
    """Estate A with its building flagged, so a facade item may be reviewed."""
    building = db.session.get(Building, w.a.building_id)
    if building.heritage is None:
        heritage.set_heritage(building, "historic", w.staff.id)
    return w.a.estate.id


def version_body(w) -> dict:
    return {"title": "改造方案", "sections": [SECTION], "item_codes": ["basic.roof_repair"]}


def unused_review(w) -> dict:
    return {"item_code": "improvement.energy_saving", "decision": "approved", "note": "只换窗"}


def plan_entry(w) -> dict:
    return {"estate_id": reserved_estate(w)}


