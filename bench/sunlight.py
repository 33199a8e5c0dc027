"""How long a sunlight analysis takes (pure numpy, no database): `python -m bench.sunlight`.

A dense old estate: 10 rows × 5 columns of six-storey slabs (50 m × 12 m, 18 m tall,
18 m between rows), 10 south windows on each (500 windows), five elevator shafts
proposed, 大寒日 at Beijing's latitude, a 1-minute step (480 steps). The baseline is
the same 500 windows with no building at all (sun track, facade test, counting).
"""
import sys
import time

from app.sunlight.api import Settings, run

GOAL_S = 2.0


def site(rows: int = 10, columns: int = 5, windows_per_building: int = 10, with_buildings: bool = True):
    buildings, windows = [], []
    for row in range(rows):
        for column in range(columns):
            x0, y0 = column * 60.0, row * 30.0
            buildings.append({"name": f"{row * columns + column + 1}号楼", "height_m": 18.0,
                              "footprint": [[x0, y0], [x0 + 50, y0], [x0 + 50, y0 + 12], [x0, y0 + 12]]})
            for index in range(windows_per_building):
                windows.append({"label": f"{row * columns + column + 1}-{index + 1}",
                                "x": x0 + 2.5 + 5 * index, "y": y0, "z": 0.9 + 3 * (index % 6),
                                "facing_deg": 180.0})
    proposed = [{"name": f"电梯{k + 1}", "kind": "elevator", "height_m": 21.0,
                 "footprint": [[k * 60.0 + 20, 30.0 * k - 3], [k * 60.0 + 23, 30.0 * k - 3],
                               [k * 60.0 + 23, 30.0 * k], [k * 60.0 + 20, 30.0 * k]]}
                for k in range(5)]
    return {"latitude": 39.9, "longitude": 116.4, "day": "dahan", "step_minutes": 1,
            "min_stretch_minutes": None, "buildings": buildings if with_buildings else [],
            "proposed": proposed, "windows": windows}


def timed(inputs: dict, repeat: int = 3) -> tuple[float, dict]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run(inputs, Settings())
        best = min(best, time.perf_counter() - started)
    return best, result


def measure() -> list[dict]:
    full = site()
    seconds, result = timed(full)
    baseline, _ = timed(site(with_buildings=False))
    shaded = sum(1 for w in result["windows"] if w["before_minutes"] < 480)
    return [{"benchmark": f"sunlight: {len(full['windows'])} windows × {len(full['buildings'])} buildings "
                          f"× 480 steps",
             "value": f"{seconds:.2f} s ({shaded} windows shaded)",
             "baseline": f"no buildings {baseline:.2f} s",
             "ratio": f"{seconds / baseline:.1f}×" if baseline else "",
             "goal": f"< {GOAL_S:.0f} s", "met": seconds < GOAL_S}]


def main(argv=None):
    from bench import print_rows

    argv = sys.argv[1:] if argv is None else argv
    return print_rows(measure())


if __name__ == "__main__":
    main()
