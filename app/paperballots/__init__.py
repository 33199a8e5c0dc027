"""Paper ballots (纸质表决票): a printed sheet per flat with a signed QR code, read back from
a phone photo or a scan, confirmed by the committee into the flat's paper ballot."""


def init_app(app):
    from app.extensions import api
    from app.heavyjobs.api import register_kind
    from app.offload import warm_up
    from app.paperballots import models  # noqa: F401 - the table joins the metadata
    from app.paperballots.routes import blp
    from app.paperballots.services import run_scan_job

    warm_up("app.paperballots.reading")
    register_kind("paperballots.scan", run_scan_job)

    api.register_blueprint(blp)
