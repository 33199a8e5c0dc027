"""Which windows see the sun, vectorised with numpy.

Buildings are prisms: a simple footprint polygon (x east, y north, metres) raised to
`height_m`. A window is a point (its sill's centre) with the facade's outward normal.
The sun reaches a window at a step when it is above the horizon, in front of the facade
(less than 90° between its azimuth and the facing) and the ray to it meets no building:
the ray's horizontal trace first enters a footprint at distance t, where the ray stands
t·tan(altitude) above the sill; the building blocks it when that is below its roof.

Most window–building pairs can never block (the building is low, far, or out of the sun's
way), so each pair is first tested against cheap bounds — the closest distance to the
footprint and the azimuth arc the footprint covers — and only the steps that survive
are intersected with the footprint's edges.
"""
from dataclasses import dataclass

import numpy as np

from app.sunlight.solar import SunTrack

#: a ray starting on a facade touches its own wall at t = 0; ignore hits closer than this
EPS_M = 1e-6
#: entries intersected at once (bounds memory: entries × edges floats)
CHUNK = 200_000


@dataclass(frozen=True)
class Prism:
    footprint: np.ndarray  # (n, 2) vertices, not repeating the first
    height_m: float


@dataclass(frozen=True)
class Windows:
    xy: np.ndarray  # (W, 2)
    z: np.ndarray  # (W,)
    facing_rad: np.ndarray  # (W,), clockwise from north

    @classmethod
    def of(cls, windows: list[dict]) -> "Windows":
        return cls(np.array([[w["x"], w["y"]] for w in windows], dtype=float).reshape(-1, 2),
                   np.array([w["z"] for w in windows], dtype=float),
                   np.radians(np.array([w["facing_deg"] for w in windows], dtype=float)))


def prisms(buildings: list[dict]) -> list[Prism]:
    return [Prism(np.array(b["footprint"], dtype=float), float(b["height_m"])) for b in buildings]


def in_front(windows: Windows, sun: SunTrack, min_facade_angle_deg: float = 0.0) -> np.ndarray:
    """(W, S): the sun is up and in front of the facade (at least the cut-off off its plane)."""
    cos_off = np.cos(sun.azimuth_rad[None, :] - windows.facing_rad[:, None])
    return (sun.altitude_rad[None, :] > 0) & (cos_off > np.sin(np.radians(min_facade_angle_deg)))


def _padded_edges(buildings: list[Prism]):
    """Edges start (B, E, 2), vector (B, E, 2); shorter footprints padded with zero edges."""
    count = max(len(b.footprint) for b in buildings)
    starts = np.zeros((len(buildings), count, 2))
    vectors = np.zeros((len(buildings), count, 2))
    for index, building in enumerate(buildings):
        points = building.footprint
        n = len(points)
        starts[index, :n] = points
        vectors[index, :n] = np.roll(points, -1, axis=0) - points
        starts[index, n:] = points[0]
    return starts, vectors


def _bearing(dx, dy):
    return np.arctan2(dx, dy)  # clockwise from north


def shaded(windows: Windows, buildings: list[Prism], sun: SunTrack, candidate: np.ndarray) -> np.ndarray:
    """(W, S): the ray to the sun meets one of `buildings` (only where `candidate` is set)."""
    count_w, count_s = candidate.shape
    out = np.zeros((count_w, count_s), dtype=bool)
    if not buildings or count_w == 0:
        return out
    starts, vectors = _padded_edges(buildings)
    heights = np.array([b.height_m for b in buildings])
    rel = starts[None, :, :, :] - windows.xy[:, None, None, :]  # (W, B, E, 2)
    # closest distance from each window to each footprint's boundary
    length2 = np.einsum("bek,bek->be", vectors, vectors)
    along = np.clip(np.einsum("wbek,bek->wbe", -rel, vectors) / np.where(length2 > 0, length2, 1), 0, 1)
    gap = rel + along[..., None] * vectors[None]
    distance = np.sqrt(np.einsum("wbek,wbek->wbe", gap, gap)).min(axis=2)  # (W, B)
    rise = heights[None, :] - windows.z[:, None]  # roof above the sill
    tan_alt = sun.tan_altitude
    active = candidate.any(axis=1)
    # the lowest sun a window counts is the easiest to block: beyond rise / tan(that) no block
    min_tan = np.where(candidate, tan_alt[None, :], 1e12).min(axis=1)
    # a footprint wholly behind the facade's plane (the window's own building) cannot block
    facing = np.stack([np.sin(windows.facing_rad), np.cos(windows.facing_rad)], axis=1)  # (W, 2)
    ahead = (np.einsum("wbek,wk->wbe", rel, facing) > EPS_M).any(axis=2)  # (W, B)
    pair_w, pair_b = np.nonzero((rise > 0) & ahead & (distance * min_tan[:, None] < rise) & active[:, None])
    if pair_w.size == 0:
        return out
    # the azimuth arc each footprint covers from each window (unwrapped walk round its edges)
    first = rel[pair_w, pair_b, 0]
    ends = rel[pair_w, pair_b] + vectors[pair_b]
    turn = _bearing(ends[..., 0], ends[..., 1]) - _bearing(rel[pair_w, pair_b, :, 0],
                                                          rel[pair_w, pair_b, :, 1])
    turn = np.mod(turn + np.pi, 2 * np.pi) - np.pi
    walk = _bearing(first[:, 0], first[:, 1])[:, None] + np.cumsum(turn, axis=1)
    low = np.minimum(walk.min(axis=1), _bearing(first[:, 0], first[:, 1]))
    span = np.maximum(walk.max(axis=1), _bearing(first[:, 0], first[:, 1])) - low
    offset = np.mod(sun.azimuth_rad[None, :] - low[:, None], 2 * np.pi)
    may_block = ((offset <= span[:, None] + 1e-9) | (span[:, None] >= 2 * np.pi - 1e-9))
    may_block &= candidate[pair_w] & (distance[pair_w, pair_b][:, None] * tan_alt[None, :]
                                      < rise[pair_w, pair_b][:, None])
    entry_pair, entry_step = np.nonzero(may_block)
    for lo in range(0, entry_pair.size, CHUNK):
        pair, step = entry_pair[lo:lo + CHUNK], entry_step[lo:lo + CHUNK]
        w, b = pair_w[pair], pair_b[pair]
        ux, uy = np.sin(sun.azimuth_rad[step])[:, None], np.cos(sun.azimuth_rad[step])[:, None]
        ax, ay = rel[w, b, :, 0], rel[w, b, :, 1]
        ex, ey = vectors[b, :, 0], vectors[b, :, 1]
        denom = ux * ey - uy * ex
        safe = np.where(np.abs(denom) > 1e-12, denom, np.inf)
        t = (ax * ey - ay * ex) / safe
        s = (ax * uy - ay * ux) / safe
        hit = (np.abs(denom) > 1e-12) & (t > EPS_M) & (s >= 0) & (s <= 1)
        entry = np.where(hit, t, np.inf).min(axis=1)
        blocked = entry * tan_alt[step] < rise[w, b]
        out[w[blocked], step[blocked]] = True
    return out


def drop_short_stretches(sunlit: np.ndarray, durations: np.ndarray, min_minutes: float) -> np.ndarray:
    """Keep only runs of consecutive sunlit steps lasting at least `min_minutes`."""
    if min_minutes <= 0 or sunlit.size == 0:
        return sunlit
    count_w, count_s = sunlit.shape
    padded = np.zeros((count_w, count_s + 2), dtype=np.int8)
    padded[:, 1:-1] = sunlit
    change = np.diff(padded, axis=1)
    rows_start, starts = np.nonzero(change == 1)
    _, stops = np.nonzero(change == -1)  # same row order: every run starts then stops
    cumulative = np.concatenate([[0.0], np.cumsum(durations)])
    short = (cumulative[stops] - cumulative[starts]) < min_minutes
    keep = sunlit.copy()
    for row, start, stop in zip(rows_start[short], starts[short], stops[short]):
        keep[row, start:stop] = False
    return keep


def shadow_polygon(footprint: np.ndarray, height_m: float, altitude_rad: float,
                   azimuth_rad: float) -> list[np.ndarray]:
    """The ground shadow of a prism: the footprint and the quads its edges sweep."""
    if altitude_rad <= 0:
        return []
    length = height_m / np.tan(altitude_rad)
    shift = -length * np.array([np.sin(azimuth_rad), np.cos(azimuth_rad)])
    moved = footprint + shift
    quads = [np.array([footprint[i], footprint[(i + 1) % len(footprint)],
                       moved[(i + 1) % len(footprint)], moved[i]]) for i in range(len(footprint))]
    return [moved] + quads
