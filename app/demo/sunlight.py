"""The demo's sunlight analysis: the elevator proposed for 2号楼 1单元 stands on the south
facade between its two columns of flats; who loses how much sun, on 大寒日.

Site in metres (x east, y north): three six-floor slabs 30 m apart, 1号楼 to the south.
"""
from sqlalchemy import select

from app.estates.api import Building, Flat, Stairwell
from app.extensions import db

LATITUDE, LONGITUDE = 39.96, 116.42  # 和平里, 东城区
BUILDINGS = [
    {"name": "1号楼", "height_m": 18.0, "footprint": [[0, 0], [60, 0], [60, 12], [0, 12]]},
    {"name": "2号楼", "height_m": 18.0, "footprint": [[0, 42], [40, 42], [40, 54], [0, 54]]},
    {"name": "3号楼", "height_m": 18.0, "footprint": [[0, 84], [60, 84], [60, 96], [0, 96]]},
]
SHAFT = {"name": "2号楼1单元电梯井", "kind": "elevator", "height_m": 21.0,
         "footprint": [[8, 38], [12, 38], [12, 42], [8, 42]]}
#: door 01 east of the shaft, 02 west of it, both on the south facade (y = 42)
DOOR_X = {1: 15.0, 2: 5.0}
BUILDING, STAIRWELL = "2号楼", "1单元"


def site(estate_id: int) -> dict:
    """The analysis input: every flat of 2号楼 1单元 has one south window, sill 0.9 m up."""
    flats = db.session.execute(
        select(Flat.id, Flat.room, Flat.floor).join(Stairwell, Stairwell.id == Flat.stairwell_id)
        .join(Building, Building.id == Flat.building_id)
        .where(Flat.estate_id == estate_id, Building.name == BUILDING, Stairwell.name == STAIRWELL)
        .order_by(Flat.floor, Flat.room)).all()
    windows = [{"label": f"{BUILDING}{STAIRWELL}{room}", "flat_id": flat_id, "x": DOOR_X[int(room[-1])],
                "y": 42.0, "z": 0.9 + 3.0 * (floor - 1), "facing_deg": 180.0, "use": "home"}
               for flat_id, room, floor in flats if int(room[-1]) in DOOR_X]
    return {"latitude": LATITUDE, "longitude": LONGITUDE, "day": "dahan", "step_minutes": 1,
            "min_stretch_minutes": None, "climate_zone": None, "large_city": None,
            "buildings": BUILDINGS, "proposed": [SHAFT], "windows": windows}


def load(estate_id: int, committee_id: int) -> None:
    """An elevator project for 2号楼 1单元 (unless it has one) with one sunlight analysis."""
    from app.elevators.api import services as elevators
    from app.sunlight.api import services as sunlight

    stairwell = db.session.scalar(select(Stairwell).join(Building, Building.id == Stairwell.building_id)
                                  .where(Stairwell.estate_id == estate_id, Building.name == BUILDING,
                                         Stairwell.name == STAIRWELL))
    projects = elevators.projects_of(stairwell.id)
    project = projects[0] if projects else None
    if project is None:
        from datetime import timedelta

        from app.db import utcnow

        project = elevators.create_project(
            stairwell, actor_id=committee_id, rule_key=None, total_cost_cents=68_000_000,
            subsidy_cents=24_000_000, publicity_days=10, closes_at=utcnow() + timedelta(days=14),
            floor_coefficients={"1": "0", "2": "0.4", "3": "0.8", "4": "1.2", "5": "1.6", "6": "2"})
    if sunlight.analyses_of(estate_id, elevator_project_id=project.id):
        return
    sunlight.create_analysis(estate_id, {**site(estate_id), "elevator_project_id": project.id},
                             committee_id)
