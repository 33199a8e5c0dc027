"""How long an exact cost split takes (pure, no database): `python -m bench.elevator_shares`."""
import random
import time
from decimal import Decimal
from fractions import Fraction

from app.elevators.api import CostPlan, FlatArea, split_costs


def stairwell(floors: int, per_floor: int, seed: int = 7) -> list[FlatArea]:
    rng = random.Random(seed)
    return [FlatArea(flat_id=floor * 100 + door, floor=floor,
                     area_m2=Decimal(rng.randint(3000, 14000)) / 100)
            for floor in range(1, floors + 1) for door in range(1, per_floor + 1)]


def plan(floors: int) -> CostPlan:
    table = {f: Decimal(f - 1) * Decimal("0.37") for f in range(2, floors + 1)}
    return CostPlan(total_cost_cents=71_234_567, subsidy_cents=19_876_543, floor_coefficients=table,
                    compensation_cents={1: 3_000_00, 2: 1_000_00},
                    compensation_cap=Fraction(3, 10))


def main():
    for floors, per_floor in ((6, 2), (18, 4), (33, 6), (200, 15)):
        flats, cost_plan = stairwell(floors, per_floor), plan(floors)
        runs = 200 if len(flats) < 500 else 20
        started = time.perf_counter()
        for _ in range(runs):
            split = split_costs(flats, cost_plan)
        elapsed_ms = (time.perf_counter() - started) * 1000 / runs
        total = sum(s.share_cents for s in split.shares)
        assert total == cost_plan.owners_cost_cents
        print(f"{len(flats):5d} flats ({floors} floors x {per_floor}): {elapsed_ms:8.3f} ms per split, "
              f"sum {total} == owners' cost {cost_plan.owners_cost_cents}")


if __name__ == "__main__":
    main()
