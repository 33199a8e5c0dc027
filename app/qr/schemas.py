from app.schemas import BaseSchema, fields


class QrCodeSchema(BaseSchema):
    """A place's current code, as the committee sees it."""

    place_type = fields.String()
    id = fields.Integer()
    estate_id = fields.Integer()
    name = fields.String()
    version = fields.Integer()
    url = fields.String()


class QrNamedSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()


class QrOpenConsultationSchema(BaseSchema):
    id = fields.Integer()
    title = fields.String()
    closes_at = fields.DateTime(allow_none=True)


class QrLandingSchema(BaseSchema):
    """What a scan shows anyone: names and open titles, nothing personal."""

    place_type = fields.String()
    estate = fields.Nested(QrNamedSchema)
    building = fields.Nested(QrNamedSchema)
    stairwell = fields.Nested(QrNamedSchema, allow_none=True)
    open_consultations = fields.List(fields.Nested(QrOpenConsultationSchema))


class QrScanQuery(BaseSchema):
    since = fields.AwareDateTime(load_default=None)


class QrPlaceScansSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    version = fields.Integer()
    scans = fields.Integer()
    retired_scans = fields.Integer()
    last_scanned_at = fields.DateTime(allow_none=True)


class QrStairwellScansSchema(QrPlaceScansSchema):
    building_id = fields.Integer()
    building = fields.String()


class QrScanCountsSchema(BaseSchema):
    stairwells = fields.List(fields.Nested(QrStairwellScansSchema))
    buildings = fields.List(fields.Nested(QrPlaceScansSchema))


