import pytest

from app.estates.api import Building, Stairwell
from app.extensions import db
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.qr.helpers import BASE_URL


@pytest.fixture
def config_overrides():
    return {"PUBLIC_BASE_URL": BASE_URL + "/"}


@pytest.fixture
def estate(app):
    return make_estate(name="和平里小区", buildings=(("3号楼", 2), ("5号楼", 1)), floors=2,
                       flats_per_floor=2)


@pytest.fixture
def stairwell(estate):
    return db.session.scalar(db.select(Stairwell).where(Stairwell.estate_id == estate.id)
                             .order_by(Stairwell.id))


@pytest.fixture
def building(stairwell):
    return db.session.get(Building, stairwell.building_id)


@pytest.fixture
def committee(estate):
    return make_user(roles=[("committee", estate.id)])


@pytest.fixture
def resident(estate):
    return make_owner(flats_of(estate.id)[0])
