"""公示 days are city data (`rules/periods/`): a city that shows plans longer puts its own copy
of that one file in its CITY_TEMPLATES_DIR, and the renovation plan's 公示 and an elevator
plan's default 公示 follow it."""
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app import create_app
from app.config import TestConfig
from app.db import utcnow
from app.rules.api import DataFileError

SHIPPED = Path(__file__).resolve().parents[2] / "consultation_templates"
PERIODS_FILE = Path("rules") / "periods" / "publicity.yaml"


def _city(target: Path, old: str, new: str) -> Path:
    """A city folder holding only its own publicity.yaml (the shipped one, changed)."""
    path = target / PERIODS_FILE
    path.parent.mkdir(parents=True)
    text = (SHIPPED / PERIODS_FILE).read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def longer_city(tmp_path_factory):
    target = _city(tmp_path_factory.mktemp("city") / "templates", "renovation_plan: 7",
                   "renovation_plan: 12")
    path = target / PERIODS_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("elevator_plan: 10", "elevator_plan: 21"),
                    encoding="utf-8")
    return target


@pytest.fixture
def config_overrides(longer_city):
    return {"CITY_TEMPLATES_DIR": str(longer_city)}


def test_a_plans_publicity_lasts_the_citys_days(app, estate, committee):
    from app.plans.api import services as plans

    version = plans.create_version(estate.id, "改造方案", [{"title": "屋面", "body": "屋面防水翻新"}],
                                   [], committee.id)
    plans.start_publicity(version, committee.id)
    assert version.publicity_days == 12
    assert (plans.publicity_ends_at(version) - version.publicity_started_at).days == 12


def test_an_elevator_plan_takes_the_citys_days_unless_the_committee_chooses(app):
    from app.elevators.api import create_project
    from app.estates.api import Stairwell
    from app.extensions import db
    from tests.factories import make_estate, make_user

    estate = make_estate(buildings=(("1号楼", 2),))
    committee = make_user(roles=[("committee", estate.id)])
    stairwells = db.session.scalars(select(Stairwell).where(Stairwell.estate_id == estate.id)).all()
    plan = {"total_cost_cents": 60_000_000, "subsidy_cents": 20_000_000,
            "floor_coefficients": {str(f): str(f) for f in range(1, 7)},
            "closes_at": utcnow() + timedelta(days=14), "actor_id": committee.id}
    assert create_project(stairwells[0], publicity_days=None, **plan).publicity_days == 21
    assert create_project(stairwells[1], publicity_days=30, **plan).publicity_days == 30


@pytest.mark.parametrize("old, new, named", [
    ("renovation_plan: 7", "renovation_plan: 0", "publicity_days"),
    ("renovation_plan: 7", "renovation_pln: 7", "publicity_days"),
    ("elevator_plan: 10", "elevator_plan: ten", "publicity_days"),
])
def test_a_bad_period_stops_start_up_naming_the_file(tmp_path, old, new, named):
    city = _city(tmp_path / "templates", old, new)
    with pytest.raises(DataFileError) as error:
        create_app(type("C", (TestConfig,), {"CITY_TEMPLATES_DIR": str(city)}))
    assert str(city / PERIODS_FILE) in str(error.value)
    assert named in str(error.value), str(error.value)
