"""QR API: codes of stairwells and buildings, rotation, posters, scan counts, token look-up."""
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_committee
from app.errors import NotFound
from app.qr import images, messages, services
from app.qr.models import PLACE_KINDS
from app.qr.pages import scan_limit
from app.qr.schemas import QrCodeSchema, QrLandingSchema, QrScanCountsSchema, QrScanQuery

blp = Blueprint("qr", __name__, url_prefix="/api/v1", description="二维码与海报")

NO_STORE = {"Cache-Control": "no-store"}


def _committee_place(kind: str, place_id: int) -> tuple[services.Place, int]:
    """The place, for a committee member of its estate (404 to outsiders, 403 to residents)."""
    place = services.get_place_or_404(kind, place_id)
    return place, require_committee(place.estate_id).id


def _image(place: services.Place, body: bytes, mimetype: str, extension: str) -> Response:
    name = f"qr-{place.kind}-{place.id}.{extension}"
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'inline; filename="{name}"', **NO_STORE})


def _register_place_routes(kind: str) -> None:
    """The same four routes for /stairwells/<id>/… and /buildings/<id>/…."""
    plural = f"{kind}s"

    class Code(MethodView):
        @blp.response(200, QrCodeSchema)
        def get(self, place_id):
            """The place's current link and code version (committee)."""
            place, _ = _committee_place(kind, place_id)
            return services.code_view(place)

    class Rotate(MethodView):
        @blp.response(200, QrCodeSchema)
        def post(self, place_id):
            """A new code for the place; codes printed before stop working (committee)."""
            place, actor_id = _committee_place(kind, place_id)
            return services.rotate(place, actor_id)

    class Svg(MethodView):
        @blp.response(200, content_type="image/svg+xml")
        def get(self, place_id):
            """The code as SVG, for print (committee)."""
            place, _ = _committee_place(kind, place_id)
            return _image(place, images.svg_bytes(services.link_for(place)), "image/svg+xml", "svg")

    class Png(MethodView):
        @blp.response(200, content_type="image/png")
        def get(self, place_id):
            """The code as PNG, 300 dpi (committee)."""
            place, _ = _committee_place(kind, place_id)
            return _image(place, images.png_bytes(services.link_for(place)), "image/png", "png")

    for suffix, view in (("qr", Code), ("qr/rotate", Rotate), ("qr.svg", Svg), ("qr.png", Png)):
        endpoint = f"{kind}_{suffix.replace('/', '_').replace('.', '_')}"
        view.__name__ = endpoint
        blp.route(f"/{plural}/<int:place_id>/{suffix}", endpoint=endpoint)(view)


for _kind in PLACE_KINDS:
    _register_place_routes(_kind)


@blp.route("/estates/<int:estate_id>/qr-posters.pdf")
class Posters(MethodView):
    @blp.response(200, content_type="application/pdf")
    def get(self, estate_id):
        """The estate's posters: one A4 page per stairwell (committee)."""
        require_committee(estate_id)
        body = services.estate_posters(estate_id)
        return Response(body, mimetype="application/pdf", headers={
            "Content-Disposition": f'attachment; filename="qr-posters-{estate_id}.pdf"', **NO_STORE})


@blp.route("/estates/<int:estate_id>/qr-scans")
class Scans(MethodView):
    @blp.arguments(QrScanQuery, location="query")
    @blp.response(200, QrScanCountsSchema)
    def get(self, query, estate_id):
        """Scans per stairwell and building code (committee): which stairwells engage."""
        require_committee(estate_id)
        return services.scan_counts(estate_id, since=query["since"])


@blp.route("/qr/<token>")
class TokenLookup(MethodView):
    decorators = [scan_limit]

    @blp.response(200, QrLandingSchema)
    def get(self, token):
        """What a code names (anyone): the place and the titles of what is open there."""
        scan = services.resolve(token)
        services.record_scan(scan, via="api")
        if scan.status == "retired":
            raise NotFound(messages.QR_RETIRED, code="qr_retired")
        if scan.status != "ok":
            raise NotFound(messages.QR_INVALID, code="qr_invalid")
        return services.landing(scan.place)


