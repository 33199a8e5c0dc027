"""Objects of issue 20 (共管) for the access table, made on first use and kept on the world:
a choice decision of A, a notice of A, and a 片区 of A with a third estate of the street
(not B: B's people stay outsiders), with a survey and a spare resource with a proposal."""
import itertools
from datetime import timedelta

from app.db import utcnow

_periods = itertools.count(2100)


def _kept(w, name, make):
    if not hasattr(w, name):
        setattr(w, name, make())
    return getattr(w, name)


def choice_id(w) -> int:
    from app.comanage.api import start_decision

    return _kept(w, "_choice_id", lambda: start_decision(
        w.a.estate.id, "management_model", utcnow() + timedelta(days=7), w.committee.id).id)


def notice_id(w) -> int:
    from app.comanage.api import post_notice

    return _kept(w, "_notice_id", lambda: post_notice(
        w.committee, scope_type="estate", scope_id=w.a.estate.id, estate_id=w.a.estate.id,
        title="通知", body="内容").id)


def area_id(w) -> int:
    from app.comanage.api import areas
    from tests.factories import make_estate

    def make():
        third = make_estate("丙小区", buildings=(("1号楼", 1),), floors=1, flats_per_floor=1)
        return areas.create("甲丙片区", [w.a.estate.id, third.id], w.staff.id).id
    return _kept(w, "_area_id", make)


def survey_id(w) -> int:
    from app.comanage.api import areas
    from app.comanage.api import Neighbourhood
    from app.extensions import db

    return _kept(w, "_survey_id", lambda: areas.start_survey(
        db.session.get(Neighbourhood, area_id(w)), "neighbourhood_needs",
        utcnow() + timedelta(days=7), w.staff.id).id)


def resource_id(w) -> int:
    from app.comanage.api import areas
    from app.comanage.api import Neighbourhood
    from app.extensions import db

    def make():
        area = db.session.get(Neighbourhood, area_id(w))
        return areas.add_resource(area, {"kind": "premises", "name": "闲置用房", "location": "北门",
                                         "area_m2": 30}, w.staff.id).id
    return _kept(w, "_resource_id", make)


def proposal_id(w) -> int:
    from app.comanage.api import areas
    from app.comanage.api import SpareResource
    from app.extensions import db

    return _kept(w, "_proposal_id", lambda: areas.propose(
        db.session.get(SpareResource, resource_id(w)), w.staff, "养老驿站", "").id)


def new_area_body(w) -> dict:
    from tests.factories import make_estate

    estates = [make_estate(f"新{i}", buildings=(("1号楼", 1),), floors=1, flats_per_floor=1)
               for i in range(2)]
    return {"name": "新片区", "estate_ids": [e.id for e in estates]}


def period(w) -> str:
    return f"{next(_periods)}Q1"
