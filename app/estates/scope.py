"""One Scope: the flats a consultation, a fund entry or a decision is about.

A scope is the estate, a building, a stairwell or some flats (the fund also names several
buildings or stairwells at once). One membership condition (`Scope.condition`) says which
flats are in it, and one API shape reads it, the consultation's:
`scope: {type, id, flat_ids}` (`ScopeInSchema`). The fund's older `{scope_type, scope_ids}`
(plural types: buildings, stairwells) is read by `Scope.from_fund` for one more release.
"""
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select

from app.estates.models import Flat
from app.schemas import BaseSchema, fields, validate

TYPES = ("estate", "building", "stairwell", "flats")
#: the fund's older plural types (deprecated) and the one type each is
FUND_TYPES = {"estate": "estate", "buildings": "building", "stairwells": "stairwell", "flats": "flats"}
_COLUMNS = {"building": Flat.building_id, "stairwell": Flat.stairwell_id, "flats": Flat.id}


class ScopeInSchema(BaseSchema):
    """`{type, id, flat_ids}`: the estate, a building or a stairwell by `id`, or some flats."""

    type = fields.String(required=True, validate=validate.OneOf(TYPES))
    id = fields.Integer(load_default=None, strict=True)
    flat_ids = fields.List(fields.Integer(strict=True), load_default=None,
                           validate=validate.Length(min=1, max=5000))


@dataclass(frozen=True)
class Scope:
    type: str
    #: the estate (a value or a bind parameter)
    estate_id: Any
    #: the buildings, stairwells or flats in scope: values, bind parameters or a subquery of ids
    ids: Any = ()

    @classmethod
    def from_api(cls, estate_id: int, data: dict) -> "Scope":
        """From `{type, id, flat_ids}` (the estate's scope needs no id)."""
        if data["type"] == "flats":
            return cls("flats", estate_id, tuple(sorted(set(data.get("flat_ids") or []))))
        if data["type"] == "estate":
            return cls("estate", estate_id)
        return cls(data["type"], estate_id, (data["id"],) if data.get("id") is not None else ())

    @classmethod
    def from_fund(cls, estate_id: int, scope_type: str, scope_ids) -> "Scope":
        """From the fund's stored (and older API) `scope_type`/`scope_ids`."""
        kind = FUND_TYPES[scope_type]
        return cls(kind, estate_id, () if kind == "estate" else tuple(sorted(set(scope_ids or []))))

    @property
    def fund_type(self) -> str:
        """The type as the fund stores it (plural for buildings and stairwells)."""
        return {"building": "buildings", "stairwell": "stairwells"}.get(self.type, self.type)

    def condition(self):
        """SQL condition on Flat: the flat is in this scope (always within the estate)."""
        in_estate = Flat.estate_id == self.estate_id
        if self.type == "estate":
            return in_estate
        column = _COLUMNS[self.type]
        ids = self.ids
        if isinstance(ids, (tuple, list)) and len(ids) == 1:
            return and_(in_estate, column == ids[0])
        return and_(in_estate, column.in_(ids))

    def flats(self):
        """The statement selecting the scope's flats, in id order."""
        return select(Flat).where(self.condition()).order_by(Flat.id)
