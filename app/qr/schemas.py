from app.schemas import BaseSchema, fields


class CodeSchema(BaseSchema):
    """A place's current code, as the committee sees it."""

    place_type = fields.String()
    id = fields.Integer()
    estate_id = fields.Integer()
    name = fields.String()
    version = fields.Integer()
    url = fields.String()


class NamedSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class OpenConsultationSchema(BaseSchema):
    id = fields.Integer()
    title = fields.String()
    closes_at = fields.DateTime(allow_none=True)


class LandingSchema(BaseSchema):
    """What a scan shows anyone: names and open titles, nothing personal."""

    place_type = fields.String()
    estate = fields.Nested(NamedSchema)
    building = fields.Nested(NamedSchema)
    stairwell = fields.Nested(NamedSchema, allow_none=True)
    open_consultations = fields.List(fields.Nested(OpenConsultationSchema))


class ScanQuery(BaseSchema):
    since = fields.AwareDateTime(load_default=None)


class PlaceScansSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    version = fields.Integer()
    scans = fields.Integer()
    retired_scans = fields.Integer()
    last_scanned_at = fields.DateTime(allow_none=True)


class StairwellScansSchema(PlaceScansSchema):
    building_id = fields.Integer()
    building = fields.String()


class ScanCountsSchema(BaseSchema):
    stairwells = fields.List(fields.Nested(StairwellScansSchema))
    buildings = fields.List(fields.Nested(PlaceScansSchema))


