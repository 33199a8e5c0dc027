"""Sunlight (日照): sun before and after a proposed structure, per window, by GB/T 50947."""


def init_app(app):
    from app.extensions import api
    from app.sunlight.routes import blp

    api.register_blueprint(blp)
