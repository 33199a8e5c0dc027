"""Sunlight (日照): sun before and after a proposed structure, per window, by GB/T 50947."""


def init_app(app):
    from app.extensions import api
    from app.heavyjobs.api import register_kind
    from app.offload import warm_up
    from app.sunlight import services
    from app.sunlight.routes import blp

    register_kind("sunlight.create", services.run_create_job)
    register_kind("sunlight.update", services.run_update_job)

    warm_up("app.sunlight.analysis")

    api.register_blueprint(blp)
