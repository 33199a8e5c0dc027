"""A small estate with two stairwells, its committee, a designer, owners and a site."""
from datetime import timedelta

from app.cases.api import services as cases
from app.db import utcnow
from tests.factories import auth, flats_of, make_estate, make_owner, make_user
import math


class Place:
    """1号楼 with two stairwells (6 floors × 2 flats each); an owner per flat of floor 3."""

    def __init__(self):
        self.estate = make_estate(buildings=(("1号楼", 2),))
        self.flats = flats_of(self.estate.id)
        self.committee = make_user(roles=[("committee", self.estate.id)])
        self.designer = make_user(roles=[("designer", self.estate.id)])
        stairwells = sorted({f.stairwell_id for f in self.flats})
        self.stairwell_a, self.stairwell_b = stairwells
        self.flat_a = next(f for f in self.flats if f.stairwell_id == self.stairwell_a and f.floor == 3)
        self.flat_b = next(f for f in self.flats if f.stairwell_id == self.stairwell_b and f.floor == 3)
        self.owner_a, self.owner_b = make_owner(self.flat_a), make_owner(self.flat_b)
        self.outsider = make_user()
        self.case = cases.create_case(self.estate.id, title="加装电梯遮挡采光", description="日照",
                                      affected_flat_ids=[self.flat_b.id], actor_id=self.committee.id)

    def body(self, **overrides):
        """The elevator of stairwell A stands 4 m south of the facade; B's window is 6 m east."""
        body = {
            "latitude": 39.95, "longitude": 116.41, "day": "dahan",
            "buildings": [{"name": "1号楼", "height_m": 18,
                           "footprint": [[-20, 0], [20, 0], [20, 12], [-20, 12]]},
                          {"name": "南侧2号楼", "height_m": 18,
                           "footprint": [[-20, -40], [20, -40], [20, -28], [-20, -28]]}],
            "proposed": [{"name": "1单元电梯", "kind": "elevator", "height_m": 21,
                          "footprint": [[-2, -4], [2, -4], [2, 0], [-2, 0]]}],
            "windows": [{"label": "1单元301", "flat_id": self.flat_a.id, "x": -4, "y": 0, "z": 6.9,
                         "facing_deg": 180},
                        {"label": "2单元301", "flat_id": self.flat_b.id, "x": 6, "y": 0, "z": 6.9,
                         "facing_deg": 180}],
        }
        body.update(overrides)
        return body

    def create(self, client, who=None, **overrides):
        return client.post(f"/api/v1/estates/{self.estate.id}/sunlight-analyses",
                           json=self.body(**overrides), headers=auth(who or self.committee))

    def elevator_project(self, client):
        response = client.post(f"/api/v1/stairwells/{self.stairwell_a}/elevator-projects", json={
            "total_cost_cents": 60_000_000, "subsidy_cents": 20_000_000,
            "floor_coefficients": {str(f): str(f) for f in range(1, 7)}, "publicity_days": 10,
            "closes_at": (utcnow() + timedelta(days=14)).isoformat()}, headers=auth(self.committee))
        assert response.status_code == 201, response.json
        return response.json["id"]


def ellipse(x0: float, y0: float, points: int) -> list[list[float]]:
    return [[x0 + 10 + 10 * math.cos(2 * math.pi * k / points), y0 + 5 + 5 * math.sin(2 * math.pi * k / points)]
            for k in range(points)]


def estate_site(buildings: int, points: int, windows: int, step_minutes: int = 1) -> dict:
    """Rows of elliptic slabs 30 m apart, and south windows well south of all of them."""
    return {"latitude": 39.9, "longitude": 116.4, "day": "dahan", "step_minutes": step_minutes,
            "buildings": [{"name": f"{n + 1}号楼", "height_m": 18, "footprint": ellipse(
                (n % 10) * 30, (n // 10) * 30, points)} for n in range(buildings)],
            "proposed": [{"name": "电梯", "kind": "elevator", "height_m": 21,
                          "footprint": [[0, -3], [3, -3], [3, 0], [0, 0]]}],
            "windows": [{"label": f"窗{n}", "x": (n % 100) * 3, "y": -20 - n // 100, "z": 1,
                         "facing_deg": 180} for n in range(windows)]}
