"""Cost shares of an added elevator: exact, to the cent, summing to the amount.

Pure functions, no database. The owners' cost (total cost minus subsidies) is
split over the stairwell's flats in proportion to floor coefficient × area; the
ground floor's coefficient is 0 unless the table says otherwise. Optionally low
floors receive a compensation per flat, which the paying flats carry on top of
the cost; the compensation is capped at a share of the owners' cost (some cities
cap it at 30%), and scaled down to the cap when the table asks for more.

Every split uses the largest-remainder method on exact fractions: each flat gets
the whole cents of its exact quota, and the cents left over go one each to the
largest fractional parts (ties: the larger weight, then the input order).
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from app.elevators import messages
from app.errors import InvalidInput
from app.money import largest_remainder

GROUND_FLOOR = 1
DEFAULT_COMPENSATION_CAP = Fraction(3, 10)
COEFFICIENT_PLACES = 4
MAX_COEFFICIENT = Decimal(1000)


@dataclass(frozen=True)
class FlatArea:
    """What a flat brings to the split."""

    flat_id: int
    floor: int
    area_m2: Decimal
    room: str = ""


@dataclass(frozen=True)
class CostPlan:
    """The money and the tables a split needs."""

    total_cost_cents: int
    subsidy_cents: int = 0
    #: floor -> coefficient; floors at or below the ground floor default to 0
    floor_coefficients: Mapping[int, Decimal] = field(default_factory=dict)
    #: floor -> cents each flat on that floor receives
    compensation_cents: Mapping[int, int] = field(default_factory=dict)
    #: the compensation may not exceed this share of the owners' cost
    compensation_cap: Fraction = DEFAULT_COMPENSATION_CAP

    @property
    def owners_cost_cents(self) -> int:
        return self.total_cost_cents - self.subsidy_cents


@dataclass(frozen=True)
class Share:
    """One flat's line: it pays `pays_cents`, receives `receives_cents`; the net is `share_cents`."""

    flat_id: int
    room: str
    floor: int
    area_m2: Decimal
    coefficient: Decimal
    pays_cents: int
    receives_cents: int

    @property
    def share_cents(self) -> int:
        return self.pays_cents - self.receives_cents


@dataclass(frozen=True)
class Split:
    shares: list[Share]
    owners_cost_cents: int
    #: compensation actually paid out (after the cap)
    compensation_cents: int
    #: compensation the table asked for, before the cap
    compensation_requested_cents: int

    @property
    def compensation_capped(self) -> bool:
        return self.compensation_cents < self.compensation_requested_cents


def coefficient_of(plan: CostPlan, floor: int) -> Decimal:
    if floor in plan.floor_coefficients:
        return plan.floor_coefficients[floor]
    if floor <= GROUND_FLOOR:
        return Decimal(0)
    raise KeyError(floor)


def split_costs(flats: Iterable[FlatArea], plan: CostPlan) -> Split:
    """The shares of every flat; raises InvalidInput (Chinese) when the plan cannot apply."""
    flats = list(flats)
    check_plan(plan, {f.floor for f in flats})
    owners_cost = plan.owners_cost_cents
    coefficients = [coefficient_of(plan, f.floor) for f in flats]
    weights = [Fraction(c) * Fraction(f.area_m2) for c, f in zip(coefficients, flats)]

    requested = [plan.compensation_cents.get(f.floor, 0) for f in flats]
    requested_total = sum(requested)
    cap = _floor_fraction(plan.compensation_cap * owners_cost)
    if requested_total > cap:
        receives = largest_remainder(cap, [Fraction(r) for r in requested])
    else:
        receives = requested
    compensation = sum(receives)

    to_pay = owners_cost + compensation
    if to_pay > 0 and not any(weights):
        raise InvalidInput(messages.ALL_ZERO, fields={"floor_coefficients": messages.ALL_ZERO})
    pays = largest_remainder(to_pay, weights)
    shares = [Share(flat_id=f.flat_id, room=f.room, floor=f.floor, area_m2=f.area_m2,
                    coefficient=c, pays_cents=p, receives_cents=r)
              for f, c, p, r in zip(flats, coefficients, pays, receives)]
    return Split(shares=shares, owners_cost_cents=owners_cost, compensation_cents=compensation,
                 compensation_requested_cents=requested_total)


def _floor_fraction(value: Fraction) -> int:
    return value.numerator // value.denominator


def check_plan(plan: CostPlan, floors: set[int]) -> None:
    """Refuse, in Chinese and naming the field, a plan that cannot be applied to these floors."""
    errors = {}
    if plan.total_cost_cents < 0:
        errors["total_cost_cents"] = messages.COST_NEGATIVE
    if plan.subsidy_cents < 0:
        errors["subsidy_cents"] = messages.SUBSIDY_NEGATIVE
    elif plan.total_cost_cents >= 0 and plan.subsidy_cents > plan.total_cost_cents:
        errors["subsidy_cents"] = messages.SUBSIDY_TOO_LARGE
    if not floors:
        raise InvalidInput(messages.NO_FLATS, fields={"stairwell": messages.NO_FLATS})
    coefficient_errors = _floor_errors(plan.floor_coefficients, floors, messages.COEFFICIENT_NEGATIVE)
    missing = sorted(f for f in floors if f > GROUND_FLOOR and f not in plan.floor_coefficients)
    if missing:
        coefficient_errors["_missing"] = messages.COEFFICIENT_NEEDED.format(
            floors="、".join(str(f) for f in missing))
    if coefficient_errors:
        errors["floor_coefficients"] = coefficient_errors
    compensation_errors = _floor_errors(plan.compensation_cents, floors,
                                        messages.COMPENSATION_INVALID)
    if compensation_errors:
        errors["low_floor_compensation_cents"] = compensation_errors
    if not 0 <= plan.compensation_cap <= 1:
        errors["compensation_cap"] = messages.COMPENSATION_CAP_INVALID
    if errors:
        raise InvalidInput(_first_message(errors), fields=errors)


def _floor_errors(table: Mapping, floors: set[int], negative_message: str) -> dict[str, str]:
    """A table may only name floors the stairwell has, with values not below 0."""
    errors = {}
    for floor, value in table.items():
        if floor not in floors:
            errors[str(floor)] = messages.FLOOR_MISSING.format(floor=floor)
        elif value < 0:
            errors[str(floor)] = negative_message
    return errors


def _first_message(errors: dict) -> str:
    value = next(iter(errors.values()))
    return _first_message(value) if isinstance(value, dict) else value


# Reading the tables as JSON keeps them (string floors, decimal strings).

def _parse_table(raw: Mapping, field_name: str, read_value) -> dict:
    """A JSON table keyed by floor; `read_value` returns (value, None) or (None, message)."""
    table, errors = {}, {}
    for key, value in (raw or {}).items():
        floor = _parse_floor(key)
        parsed, error = (None, messages.FLOOR_NOT_NUMBER) if floor is None else read_value(value)
        if error:
            errors[str(key)] = error
        else:
            table[floor] = parsed
    if errors:
        raise InvalidInput(_first_message(errors), fields={field_name: errors})
    return table


def _read_coefficient(value):
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, messages.COEFFICIENT_INVALID
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None, messages.COEFFICIENT_INVALID
    if not number.is_finite():
        return None, messages.COEFFICIENT_INVALID
    if number < 0:
        return None, messages.COEFFICIENT_NEGATIVE
    if -number.as_tuple().exponent > COEFFICIENT_PLACES:
        return None, messages.COEFFICIENT_PLACES
    if number > MAX_COEFFICIENT:
        return None, messages.COEFFICIENT_TOO_LARGE
    return number, None


def _read_cents(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None, messages.COMPENSATION_INVALID
    return value, None


def parse_coefficients(raw: Mapping) -> dict[int, Decimal]:
    """{"2": "0.4"} -> {2: Decimal("0.4")}; refuses what is not an exact, sane decimal."""
    return _parse_table(raw, "floor_coefficients", _read_coefficient)


def parse_compensation(raw: Mapping) -> dict[int, int]:
    """{"1": 300000} -> {1: 300000} cents per flat on that floor."""
    return _parse_table(raw, "low_floor_compensation_cents", _read_cents)


def parse_cap(raw) -> Fraction:
    """"3/10" or "0.3" -> Fraction(3, 10); never through a float."""
    if raw is None:
        return DEFAULT_COMPENSATION_CAP
    try:
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            raise ValueError
        cap = Fraction(str(raw).strip())
    except (ValueError, ZeroDivisionError):
        cap = None
    if cap is None or not 0 <= cap <= 1:
        raise InvalidInput(messages.COMPENSATION_CAP_INVALID,
                           fields={"compensation_cap": messages.COMPENSATION_CAP_INVALID})
    return cap


def _parse_floor(key) -> int | None:
    text = str(key).strip()
    if text.lstrip("-").isdigit() and len(text) <= 4:
        return int(text)
    return None


def coefficients_json(table: Mapping[int, Decimal]) -> dict[str, str]:
    """The stored form: exact decimal strings keyed by floor, in floor order."""
    return {str(floor): str(table[floor]) for floor in sorted(table)}


def compensation_json(table: Mapping[int, int]) -> dict[str, int]:
    return {str(floor): table[floor] for floor in sorted(table)}
