"""Sunlight (日照): sun before and after a proposed structure, per window, by GB/T 50947."""


def init_app(app):
    from app.extensions import api
    from app.offload import warm_up
    from app.sunlight.routes import blp

    warm_up("app.sunlight.analysis")

    api.register_blueprint(blp)
